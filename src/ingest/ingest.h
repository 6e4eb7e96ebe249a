/* Ingest stage: raw bytes of an article (plain text or a saved web page)
 * to clean UTF-8 text plus metadata.  Never prints, never aborts on input;
 * every function is thread-safe (libxml2 is initialised once, internally;
 * its process-wide error handlers are left alone). */
#ifndef CN_INGEST_H
#define CN_INGEST_H
#include <stddef.h>

typedef enum { ING_MODE_AUTO = 0, ING_MODE_TEXT, ING_MODE_HTML } ing_mode;
typedef enum { ING_FORMAT_TEXT = 0, ING_FORMAT_HTML } ing_format;
enum { ING_WARN_INVALID_UTF8 = 1u << 0,  /* bytes were not valid UTF-8: read as Windows-1252 or replaced by U+FFFD */
       ING_WARN_UTF16 = 1u << 1,         /* transcoded from UTF-16 or UTF-32 */
       ING_WARN_CHARSET = 1u << 2,       /* HTML: declared charset unknown, read as UTF-8 */
       ING_WARN_NO_BODY = 1u << 3,       /* HTML: no article body found, text is empty */
       ING_WARN_TRUNCATED = 1u << 4 };   /* HTML: more than ING_MAX_TAGS tags, the rest dropped */

/* Tags read from one page: libxml2 and the flat tree take about 200 bytes
 * per element, so tag soup (megabytes of <br>) is bounded to a few hundred
 * MB.  Real articles have a few thousand. */
#define ING_MAX_TAGS 1000000

typedef struct {
    char *text;        /* clean UTF-8, NUL-terminated, malloc'd; never contains NUL bytes inside */
    size_t len;
    ing_format format;
    char *title, *published, *author, *site;  /* malloc'd or NULL; published normalised to YYYY-MM-DD */
    unsigned warnings;
} ing_doc;

/* 1 if the input should be read as HTML: name ends .html/.htm
 * (case-insensitive), or the first KiB (after BOM/white space) looks like
 * markup: <!doctype, <html, <head, <body, <p>, <div, <article, <meta, <!--
 * name and bytes may be NULL. */
int cni_ing_looks_like_html(const char *name, const char *bytes, size_t len);

/* Decode and clean.  name may be NULL (it only helps ING_MODE_AUTO).
 * Plain text that is valid UTF-8 comes back byte for byte (NUL bytes become
 * spaces), so offsets index the original file; other encodings are
 * transcoded.  HTML comes back as the article body, one paragraph per
 * block, paragraphs separated by "\n\n".  Limits on hostile HTML:
 * nesting depth is bounded by memory only (libxml2's limit of 256 is
 * lifted), at most INT_MAX bytes are read; entities are never expanded
 * beyond HTML's own, nothing is fetched.
 * Returns 0 on success, -1 on out of memory (out left zeroed). */
int cni_ing_run(const char *bytes, size_t len, const char *name, ing_mode mode, ing_doc *out);

void cni_ing_doc_release(ing_doc *d);   /* frees fields, zeroes the struct; NULL-safe */
#endif
