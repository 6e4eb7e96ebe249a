/* Ingest: is this input a web page or plain text? */
#include <string.h>

#include "bytes.h"
#include "ingest_impl.h"


int cni_ing_looks_like_html(const char *name, const char *bytes, size_t len)
{
    if (name) {
        size_t k = strlen(name);
        static const char *const exts[] = { ".html", ".htm", ".xhtml", NULL };
        for (size_t i = 0; exts[i]; i++) {
            size_t e = strlen(exts[i]);
            if (k >= e && has_prefix_ci(name + k - e, e, exts[i]))
                return 1;
        }
    }
    if (!bytes || !memchr(bytes, '<', len < 2 * SNIFF_BYTES ? len : 2 * SNIFF_BYTES))
        return 0;       /* every sign below starts with '<' */
    /* An ASCII view of the first KiB: NULs (UTF-16) and BOM bytes dropped. */
    char head[SNIFF_BYTES];
    size_t m = 0;
    for (size_t i = 0; i < len && i < 2 * SNIFF_BYTES && m < sizeof head; i++) {
        unsigned char c = (unsigned char)bytes[i];
        if (c == 0 || c == 0xEF || c == 0xBB || c == 0xBF || c == 0xFE || c == 0xFF)
            continue;
        if (m == 0 && ascii_space(c))
            continue;
        head[m++] = (char)c;
    }
    static const char *const starts[] = {
        "<!doctype", "<html", "<head", "<body", "<div", "<article", "<meta",
        "<!--", "<?xml", "<title", "<section", "<main", "<table", NULL };
    for (size_t i = 0; starts[i]; i++) {
        size_t k = strlen(starts[i]);
        if (has_prefix_ci(head, m, starts[i])) {
            char after = m > k ? head[k] : '>';
            if (starts[i][1] == '!' || ascii_space((unsigned char)after) || after == '>' || after == '/')
                return 1;
        }
    }
    if (has_prefix_ci(head, m, "<p>") || has_prefix_ci(head, m, "<p "))
        return 1;
    return find_ci(head, m, "<html") != NULL || find_ci(head, m, "<body") != NULL;
}

