/* Ingest, HTML: the tag table every HTML file reads. */
#include <string.h>

#include "ingest_impl.h"

#define HT_FLAGS(id, name, flags) flags,
const unsigned char cni_hn_tag_flags[HT_COUNT] = { HT_LIST(HT_FLAGS) };
#undef HT_FLAGS
#define HT_NAME(id, name, flags) name,
static const char *const tag_names[HT_COUNT] = { HT_LIST(HT_NAME) };
#undef HT_NAME

html_tag cni_hn_tag_lookup(const char *name)
{
    size_t lo = HT_A, hi = HT_COUNT;   /* names from HT_A on are sorted */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(name, tag_names[mid]);
        if (c == 0)
            return (html_tag)mid;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return HT_OTHER;
}
