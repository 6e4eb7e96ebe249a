/* Ingest: plain-text titles and datelines, and the cni_ing_run entry point. */
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "ingest_impl.h"

/* Plain-text title: a longer first line is a paragraph, not a title. */
#define TITLE_MAX_BYTES 200
/* Dateline: a date among the first few lines, near the start of its line. */
#define DATELINE_MAX_LINES 6
#define DATELINE_MAX_OFFSET 60

/*** Plain text ***/

/* Bounds of the next non-empty line at or after *pos, trimmed of white
 * space (and a BOM).  Returns 0 at the end of the text. */
static int next_line(const char *s, size_t n, size_t *pos, size_t *b, size_t *e)
{
    while (*pos < n) {
        size_t start = *pos;
        const char *nl = memchr(s + start, '\n', n - start);
        size_t stop = nl ? (size_t)(nl - s) : n;
        const char *cr = memchr(s + start, '\r', stop - start);   /* "\r" alone ends a line too */
        if (cr)
            stop = (size_t)(cr - s);
        *pos = stop < n ? stop + 1 : n;
        size_t lb = start, le = stop;
        if (le - lb >= 3 && !memcmp(s + lb, "\xEF\xBB\xBF", 3))
            lb += 3;
        while (lb < le && ascii_space((unsigned char)s[lb]))
            lb++;
        while (le > lb && ascii_space((unsigned char)s[le - 1]))
            le--;
        if (le > lb) {
            *b = lb;
            *e = le;
            return 1;
        }
    }
    return 0;
}

/* A dateline: a date near the start of the line, after nothing or a
 * label ("Published:", "By Jane Doe |", "DETROIT,"), not inside a sentence
 * such as "Sales rose since March 1, 2024". */
static int is_dateline(const char *s, size_t n, char out[11])
{
    size_t at, end;
    if (!cni_ing_date_find_near(s, n, DATELINE_MAX_OFFSET, out, &at, &end))
        return 0;
    size_t k = at;
    while (k > 0 && ascii_space((unsigned char)s[k - 1]))
        k--;
    if (k == 0)
        return 1;
    static const char *const labels[] = { "published", "updated", "posted", "date",
                                          "first published", "last updated", NULL };
    for (size_t i = 0; labels[i]; i++)
        if (has_prefix_ci(s, n, labels[i]))
            return 1;
    char c = s[k - 1];
    return c == ':' || c == '|' || c == ',' || c == '-' || (unsigned char)c == 0xB7 ||
           (unsigned char)c == 0x94;   /* ':' '|' ',' '-' and the ends of U+00B7, U+2014 */
}

static int first_dateline(const char *s, size_t n, size_t pos, ing_doc *out);

static int text_metadata(const char *s, size_t n, ing_doc *out)
{
    size_t pos = 0, b, e, b2, e2;
    char date[11];
    if (!next_line(s, n, &pos, &b, &e))
        return 0;
    size_t after_first = pos;
    int more = next_line(s, n, &pos, &b2, &e2);
    int first_is_date = is_dateline(s + b, e - b, date) && e - b < 60;
    if (more && !first_is_date && e - b <= TITLE_MAX_BYTES && s[e - 1] != '.') {
        out->title = cni_str_ndup(s + b, e - b);
        if (!out->title)
            return -1;
    }
    return first_dateline(s, n, out->title ? after_first : 0, out);
}

/* The date of the first dateline among the first lines from pos. */
static int first_dateline(const char *s, size_t n, size_t pos, ing_doc *out)
{
    size_t b, e;
    char date[11];
    for (int k = 0; k < DATELINE_MAX_LINES && next_line(s, n, &pos, &b, &e); k++) {
        if (is_dateline(s + b, e - b, date)) {
            out->published = cni_str_ndup(date, 10);
            return out->published ? 0 : -1;
        }
    }
    return 0;
}

static int run_text(const char *bytes, size_t len, ing_doc *out)
{
    buf b = { 0 };
    cni_ing_text_decode(bytes, len, &b, &out->warnings);
    out->text = cni_buf_detach(&b, &out->len);
    if (!out->text)
        return -1;
    return text_metadata(out->text, out->len, out);
}

/*** Entry points ***/

int cni_ing_run(const char *bytes, size_t len, const char *name, ing_mode mode, ing_doc *out)
{
    memset(out, 0, sizeof *out);
    if (!bytes)
        len = 0;
    if (!bytes)
        bytes = "";
    int html = mode == ING_MODE_HTML ||
               (mode == ING_MODE_AUTO && cni_ing_looks_like_html(name, bytes, len));
    int rc;
    if (html) {
        out->format = ING_FORMAT_HTML;
        rc = cni_ing_html_run(bytes, len, out);
        /* a page with no date in its metadata may show one in a byline */
        if (rc == 0 && !out->published)
            rc = first_dateline(out->text, out->len, 0, out);
    } else {
        out->format = ING_FORMAT_TEXT;
        rc = run_text(bytes, len, out);
    }
    if (rc != 0) {
        cni_ing_doc_release(out);
        return -1;
    }
    return 0;
}

void cni_ing_doc_release(ing_doc *d)
{
    if (!d)
        return;
    free(d->text);
    free(d->title);
    free(d->published);
    free(d->author);
    free(d->site);
    memset(d, 0, sizeof *d);
}
