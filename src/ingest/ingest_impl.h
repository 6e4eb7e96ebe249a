/* Internals shared by the ingest stage's files.  Call order, never back:
 * ingest.c -> sniff.c, charset.c, html_parse.c, meta.c;
 * html_parse.c -> html_extract.c -> html_render.c -> meta.c;
 * html_tags.c is a leaf every HTML file reads. */
#ifndef CN_INGEST_IMPL_H
#define CN_INGEST_IMPL_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "ingest.h"

/* How much of the start is sniffed for markup and UTF-16. */
#define SNIFF_BYTES 1024

/*** Encodings (charset.c) ***/

/* HTML input to UTF-8 without NUL bytes: BOM, then the declared charset,
 * then a guess.  *text points either into bytes or into scratch. */
int cni_ing_html_decode(const char *bytes, size_t len, buf *scratch,
                    const char **text, size_t *text_len, unsigned *warnings);

/* Plain text to UTF-8: UTF-16/32 by BOM or guess, valid UTF-8 byte for
 * byte (NUL becomes a space, so offsets index the file), else
 * Windows-1252.  Appends to out; sets ING_WARN_* bits. */
void cni_ing_text_decode(const char *bytes, size_t len, buf *out, unsigned *warnings);

/* HTML path of cni_ing_run (html_parse.c): fills text, metadata, warnings. */
int cni_ing_html_run(const char *bytes, size_t len, ing_doc *out);

/*** Metadata ***/
/* Finds the first date in s[0..n) (ISO 8601, "March 12, 2024",
 * "12 March 2024", RFC 2822) and writes YYYY-MM-DD plus NUL to out.
 * Returns 1 if found. */
int cni_ing_date_scan(const char *s, size_t n, char out[11]);
/* The same, also giving where the date was found: s[*at .. *end). */
int cni_ing_date_find(const char *s, size_t n, char out[11], size_t *at, size_t *end);
/* The same, for a date starting at most max_at bytes in. */
int cni_ing_date_find_near(const char *s, size_t n, size_t max_at, char out[11], size_t *at,
                       size_t *end);

typedef enum {
    MK_OG_TITLE, MK_TITLE_TAG, MK_H1, MK_SITE, MK_APP_NAME,
    MK_DATE_PUBLISHED,   /* article:published_time, itemprop=datePublished */
    MK_DATE_OTHER,       /* name=date/pubdate/dc.date/parsely-pub-date ... */
    MK_TIME,             /* <time datetime> */
    MK_AUTHOR_META, MK_AUTHOR_REL, MK_AUTHOR_ITEMPROP, MK_AUTHOR_BYLINE,
    MK_LD_JSON,
    MK_COUNT
} meta_key;

typedef struct {
    char *val[MK_COUNT];        /* first value seen for each key */
    char **ld;                  /* every JSON-LD script, in order */
    size_t n_ld, cap_ld;
    int oom;
} meta_cands;

void cni_meta_add(meta_cands *m, meta_key k, const char *s, size_t n);
/* Choose title, published, author, site into out (malloc'd or NULL).
 * Returns -1 on out of memory. */
int cni_meta_choose(const meta_cands *m, ing_doc *out);
void cni_meta_release(meta_cands *m);

/*** Flat DOM: the parsed page copied into one array in document order ***/
#define HN_NONE UINT32_MAX

/* name, tag flags; kept in alphabetical order after OTHER and TEXT so the
 * names can be searched by bisection. */
#define HT_LIST(X) \
    X(OTHER, "", 0) X(TEXT, "#text", 0) \
    X(A, "a", 0) X(ADDRESS, "address", TF_BLOCK) \
    X(ARTICLE, "article", TF_BLOCK) X(ASIDE, "aside", TF_BLOCK | TF_CHROME) \
    X(AUDIO, "audio", TF_DROP) X(BLOCKQUOTE, "blockquote", TF_BLOCK) \
    X(BODY, "body", TF_BLOCK) X(BR, "br", 0) \
    X(BUTTON, "button", TF_DROP) X(CANVAS, "canvas", TF_DROP) \
    X(CAPTION, "caption", TF_BLOCK) X(CENTER, "center", TF_BLOCK) \
    X(DD, "dd", TF_BLOCK) X(DETAILS, "details", TF_BLOCK) \
    X(DIALOG, "dialog", TF_DROP) X(DIV, "div", TF_BLOCK) \
    X(DL, "dl", TF_BLOCK) X(DT, "dt", TF_BLOCK) \
    X(EMBED, "embed", TF_DROP) X(FIELDSET, "fieldset", TF_BLOCK) \
    X(FIGCAPTION, "figcaption", TF_BLOCK) X(FIGURE, "figure", TF_BLOCK) \
    X(FOOTER, "footer", TF_BLOCK | TF_CHROME) X(FORM, "form", TF_BLOCK | TF_CHROME) \
    X(H1, "h1", TF_BLOCK | TF_HEADING) X(H2, "h2", TF_BLOCK | TF_HEADING) \
    X(H3, "h3", TF_BLOCK | TF_HEADING) X(H4, "h4", TF_BLOCK | TF_HEADING) \
    X(H5, "h5", TF_BLOCK | TF_HEADING) X(H6, "h6", TF_BLOCK | TF_HEADING) \
    X(HEAD, "head", TF_DROP) X(HEADER, "header", TF_BLOCK | TF_CHROME) \
    X(HR, "hr", TF_BLOCK) X(HTML, "html", TF_BLOCK) \
    X(IFRAME, "iframe", TF_DROP) X(IMG, "img", 0) \
    X(INPUT, "input", TF_DROP) X(LABEL, "label", 0) \
    X(LEGEND, "legend", TF_BLOCK) X(LI, "li", TF_BLOCK) \
    X(MAIN, "main", TF_BLOCK) X(MATH, "math", TF_DROP) \
    X(MENU, "menu", TF_BLOCK | TF_CHROME) X(NAV, "nav", TF_BLOCK | TF_CHROME) \
    X(NOSCRIPT, "noscript", TF_DROP) X(OBJECT, "object", TF_DROP) \
    X(OL, "ol", TF_BLOCK) X(OPTION, "option", TF_DROP) \
    X(P, "p", TF_BLOCK) X(PICTURE, "picture", 0) \
    X(PRE, "pre", TF_BLOCK) X(SCRIPT, "script", TF_DROP) \
    X(SECTION, "section", TF_BLOCK) X(SELECT, "select", TF_DROP) \
    X(SPAN, "span", 0) X(STYLE, "style", TF_DROP) \
    X(SUMMARY, "summary", TF_BLOCK) \
    X(SVG, "svg", TF_DROP) X(TABLE, "table", TF_BLOCK) \
    X(TBODY, "tbody", TF_BLOCK) X(TD, "td", TF_BLOCK) \
    X(TEMPLATE, "template", TF_DROP) X(TEXTAREA, "textarea", TF_DROP) \
    X(TFOOT, "tfoot", TF_BLOCK) X(TH, "th", TF_BLOCK) \
    X(THEAD, "thead", TF_BLOCK) X(TIME, "time", 0) \
    X(TITLE, "title", TF_DROP) \
    X(TR, "tr", TF_BLOCK) X(UL, "ul", TF_BLOCK) \
    X(VIDEO, "video", TF_DROP)

enum {
    TF_BLOCK = 1,     /* starts and ends a paragraph */
    TF_DROP = 2,      /* never article text */
    TF_CHROME = 4,    /* page furniture unless it holds most of the text */
    TF_HEADING = 8
};

#define HT_ENUM(id, name, flags) HT_##id,
typedef enum { HT_LIST(HT_ENUM) HT_COUNT } html_tag;
#undef HT_ENUM

extern const unsigned char cni_hn_tag_flags[HT_COUNT];   /* html_tags.c */
/* The tag of a lower-case element name; HT_OTHER when not listed. */
html_tag cni_hn_tag_lookup(const char *name);

enum {
    HA_HIDDEN = 1,        /* hidden, aria-hidden=true, display:none */
    HA_ARTICLE_BODY = 2,  /* itemprop=articleBody */
    HA_HREF = 4,          /* a link that goes somewhere */
    HA_AUTHOR = 8,        /* rel=author or itemprop=author */
    HA_DATE = 16          /* itemprop=datePublished or <time datetime> */
};

/* One node of the flat tree.  Depth is unbounded (libxml2's limit is
 * lifted and pages nest thousands deep), so no pass over the tree may walk
 * up to an ancestor per node: every pass is O(n), using the facts below or
 * sums carried from children to parents in one backward sweep. */
typedef struct {
    uint32_t parent;     /* HN_NONE for the root */
    uint32_t block;      /* nearest block-level ancestor (TF_BLOCK), HN_NONE if none */
    uint32_t end;        /* one past the last node of the subtree */
    uint32_t str, len;   /* text: its text; element: lower-case class/id/role/itemprop signature */
    uint16_t tag;        /* html_tag */
    uint16_t attrs;      /* HA_* */
} hn_node;

typedef struct {
    hn_node *nodes;
    size_t n, cap;
    buf pool;        /* strings of all nodes */
} hn_dom;

/* Article body of dom rendered as paragraphs separated by "\n\n" into out. */
void cni_hx_extract(const hn_dom *dom, buf *out);

enum { HX_IN_LINK = 8 };   /* up[i]: node i is inside a link */
/* Appends the subtrees marked in roots, minus nodes marked in gone, to out
 * (html_render.c). */
void cni_hx_render(const hn_dom *dom, const uint8_t *roots, const uint8_t *gone, const uint8_t *up,
               buf *out);

#endif
