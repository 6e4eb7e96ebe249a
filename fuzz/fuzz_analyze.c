/* libFuzzer target: the whole analysis from bytes.  The first byte picks
 * the input kind (text/HTML/auto) and the report format. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "carnews/carnews.h"

static cn_analyzer *analyzer;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!analyzer) {
        cn_options o = {CARNEWS_FUZZ_DATA_DIR, NULL, 0};
        cn_error err;
        if (cn_analyzer_new(&o, &analyzer, &err) != CN_OK)
            abort();
    }
    if (size == 0)
        return 0;
    cn_input_kind kind = (cn_input_kind)(data[0] % 3);
    cn_format fmt = (cn_format)((data[0] >> 2) % 4);
    cn_doc *doc;
    if (cn_analyze(analyzer, (const char *)data + 1, size - 1, kind, NULL, &doc, NULL) != CN_OK)
        return 0;
    size_t len;
    cn_report_options opts = {0, (data[0] >> 4) & 1, 1};
    free(cn_report_render(doc, "fuzz", fmt, &opts, &len));
    cn_doc_free(doc);
    return 0;
}
