/* libFuzzer target: HTML ingest alone (libxml2 parsing, body extraction,
 * metadata). */
#include <stddef.h>
#include <stdint.h>

#include "ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ing_doc d;
    if (cni_ing_run((const char *)data, size, "fuzz.html", ING_MODE_HTML, &d) == 0)
        cni_ing_doc_release(&d);
    return 0;
}
