/* libFuzzer target: the summary across articles.  The bytes are split at
 * NUL bytes into up to eight articles, each analysed and added; the
 * summary is then rendered in every format.  The first byte picks the
 * types kept. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "carnews/carnews.h"

#define MAX_ARTICLES 8

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
    unsigned types = data[0] & 1 ? 0 : data[0];
    cn_summary *s;
    if (cn_summary_new(types, &s, NULL) != CN_OK)
        return 0;
    const char *p = (const char *)data + 1, *end = (const char *)data + size;
    for (int k = 0; k < MAX_ARTICLES && p <= end; k++) {
        const char *nul = memchr(p, '\0', (size_t)(end - p));
        size_t len = nul ? (size_t)(nul - p) : (size_t)(end - p);
        cn_doc *doc;
        if (cn_analyze(analyzer, p, len, CN_INPUT_AUTO, NULL, &doc, NULL) == CN_OK) {
            cn_summary_add(s, doc, k & 1 ? "b.txt" : "a.txt", NULL);
            cn_doc_free(doc);
        }
        if (!nul)
            break;
        p = nul + 1;
    }
    for (int f = CN_FORMAT_JSON; f <= CN_FORMAT_TSV; f++) {
        cn_report_options opts = {types, f & 1, 1};
        size_t len;
        free(cn_summary_render(s, (cn_format)f, &opts, &len));
    }
    cn_summary_free(s);
    return 0;
}
