/* libFuzzer target: the number, money and period parser. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "numbers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    num_expr x;
    size_t pos = 0;
    while (pos < size && cni_num_next(text, size, pos, &x)) {
        if (x.end <= pos || x.end > size || x.start > x.end)
            abort();    /* spans must move forward and stay inside */
        pos = x.end;
    }
    char out[64];
    size_t ms, me;
    if (cni_period_find(text, size, "2024-06-30", out, sizeof out, &ms, &me) &&
        (me > size || ms > me || strlen(out) >= sizeof out))
        abort();
    return 0;
}
