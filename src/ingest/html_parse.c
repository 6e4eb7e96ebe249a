/* Ingest, HTML: parse with libxml2 (the only file that includes it), copy
 * the tree into a flat array (hn_dom) and collect metadata candidates;
 * html_extract.c then finds the article body in the array.
 *
 * Hostile input: libxml2's HTML parser keeps open elements on a heap
 * stack, never expands entities beyond HTML's own, and reads no DTD or
 * network resource (HTML_PARSE_NONET).  This file walks the tree through
 * parent/next pointers, so depth costs no C stack; html_extract.c works on
 * the flat array the same way. */
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlversion.h>
#include "ingest_impl.h"

/* htmlCtxtReadMemory takes an int size; the rest of a larger input is
 * dropped rather than refused. */
#define HTML_MAX_INPUT ((size_t)INT_MAX)
/* Author names come from short elements only; a long one is a bio. */
#define BYLINE_MAX_BYTES 100

#if LIBXML_VERSION >= 21200
static void silence(void *ctx, const xmlError *err)
#else
static void silence(void *ctx, xmlErrorPtr err)
#endif
{
    (void)ctx;
    (void)err;
}

/*** Attribute helpers ***/

static const char *attr_value(const xmlAttr *a)
{
    if (a->children && a->children->content)
        return (const char *)a->children->content;
    return "";
}

static const char *get_attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && !strcmp((const char *)a->name, name))
            return attr_value(a);
    return NULL;
}

static int eq_ci(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        int x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z') x += 32;
        if (y >= 'A' && y <= 'Z') y += 32;
        if (x != y)
            return 0;
    }
    return *a == *b;
}

/* Does the lower-cased value contain needle? */
static int contains_ci(const char *s, const char *needle)
{
    size_t k = strlen(needle);
    for (; *s; s++) {
        size_t i = 0;
        while (i < k && s[i] && (s[i] | 32) == needle[i])
            i++;
        if (i == k)
            return 1;
    }
    return 0;
}

static int has_word_ci(const char *s, const char *word)
{
    size_t k = strlen(word);
    const char *p = s;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        if ((size_t)(p - w) == k) {
            size_t i = 0;
            while (i < k && (w[i] | 32) == word[i])
                i++;
            if (i == k)
                return 1;
        }
    }
    return 0;
}

static void put_lower(buf *b, const char *s)
{
    for (; *s; s++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c == '\t' || c == '\n' || c == '\r')
            c = ' ';
        cni_buf_putc(b, c);
    }
}

/*** Metadata from elements ***/

typedef struct {
    const char *key;
    meta_key slot;
} meta_name;

static const meta_name meta_names[] = {
    { "og:title", MK_OG_TITLE },
    { "og:site_name", MK_SITE },
    { "application-name", MK_APP_NAME },
    { "article:published_time", MK_DATE_PUBLISHED },
    { "og:article:published_time", MK_DATE_PUBLISHED },
    { "datepublished", MK_DATE_PUBLISHED },
    { "article:published", MK_DATE_OTHER },
    { "published_time", MK_DATE_OTHER },
    { "publish-date", MK_DATE_OTHER },
    { "publish_date", MK_DATE_OTHER },
    { "publishdate", MK_DATE_OTHER },
    { "pubdate", MK_DATE_OTHER },
    { "date", MK_DATE_OTHER },
    { "dc.date", MK_DATE_OTHER },
    { "dc.date.issued", MK_DATE_OTHER },
    { "dcterms.date", MK_DATE_OTHER },
    { "dcterms.created", MK_DATE_OTHER },
    { "parsely-pub-date", MK_DATE_OTHER },
    { "sailthru.date", MK_DATE_OTHER },
    { "citation_publication_date", MK_DATE_OTHER },
    { "author", MK_AUTHOR_META },
    { "article:author", MK_AUTHOR_META },
    { "parsely-author", MK_AUTHOR_META },
    { "sailthru.author", MK_AUTHOR_META },
    { "dc.creator", MK_AUTHOR_META },
    { "byl", MK_AUTHOR_META },
    { NULL, MK_COUNT }
};

/* Text of n into m[k] unless longer than max.  Stops reading past max
 * (and past a node budget), so nested candidates cost O(max) each. */
static void text_of(const xmlNode *n, meta_cands *m, meta_key k, size_t max)
{
    if (m->val[k])
        return;
    buf b = { 0 };
    size_t budget = 4 * max + 64;
    const xmlNode *x = n->children;
    while (x && b.len <= max && budget-- > 0) {
        if ((x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) && x->content)
            cni_buf_put(&b, (const char *)x->content, strlen((const char *)x->content));
        if (x->type == XML_ELEMENT_NODE && x->children) {
            x = x->children;
            continue;
        }
        while (x && x != n && !x->next)
            x = x->parent;
        x = x && x != n ? x->next : NULL;
    }
    if (b.failed)
        m->oom = 1;
    else if (b.len <= max && !x)
        cni_meta_add(m, k, b.data ? b.data : "", b.len);
    cni_buf_release(&b);
}

static void add_str(meta_cands *m, meta_key k, const char *s)
{
    if (s && !m->val[k])
        cni_meta_add(m, k, s, strlen(s));
}

static void element_meta(const xmlNode *n, html_tag tag, const char *sig, meta_cands *m)
{
    if (tag == HT_OTHER && !strcmp((const char *)n->name, "meta")) {
        const char *content = get_attr(n, "content");
        const char *key = get_attr(n, "property");
        if (!key) key = get_attr(n, "name");
        if (!key) key = get_attr(n, "itemprop");
        if (!content || !key || !*content)
            return;
        for (size_t i = 0; meta_names[i].key; i++)
            if (eq_ci(key, meta_names[i].key)) {
                int url = !strncmp(content, "http", 4) || content[0] == '/';
                if (meta_names[i].slot != MK_AUTHOR_META || !url)
                    add_str(m, meta_names[i].slot, content);
                return;
            }
        return;
    }
    if (tag == HT_TITLE) {
        text_of(n, m, MK_TITLE_TAG, 4096);
        return;
    }
    if (tag == HT_SCRIPT) {
        const char *type = get_attr(n, "type");
        if (type && eq_ci(type, "application/ld+json")) {
            xmlChar *t = xmlNodeGetContent(n);
            if (t) {
                cni_meta_add(m, MK_LD_JSON, (const char *)t, strlen((const char *)t));
                xmlFree(t);
            }
        }
        return;
    }
    if (tag == HT_H1) {
        text_of(n, m, MK_H1, 4096);
        return;
    }
    const char *itemprop = get_attr(n, "itemprop");
    if (tag == HT_TIME || (itemprop && eq_ci(itemprop, "datepublished"))) {
        const char *dt = get_attr(n, "datetime");
        if (!dt) dt = get_attr(n, "content");
        if (itemprop && eq_ci(itemprop, "datepublished"))
            dt ? add_str(m, MK_DATE_PUBLISHED, dt) : text_of(n, m, MK_DATE_PUBLISHED, 200);
        else
            add_str(m, MK_TIME, dt);
        return;
    }
    const char *rel = get_attr(n, "rel");
    if (tag == HT_A && rel && has_word_ci(rel, "author")) {
        text_of(n, m, MK_AUTHOR_REL, BYLINE_MAX_BYTES);
        return;
    }
    if (itemprop && has_word_ci(itemprop, "author")) {
        text_of(n, m, MK_AUTHOR_ITEMPROP, BYLINE_MAX_BYTES);
        return;
    }
    if (contains_ci(sig, "byline") || contains_ci(sig, "author-name") ||
        has_word_ci(sig, "author"))
        text_of(n, m, MK_AUTHOR_BYLINE, BYLINE_MAX_BYTES);
}

/*** Flat copy ***/

static int dom_push(hn_dom *d, html_tag tag, uint32_t parent)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 1024;
        if (cap >= HN_NONE)
            return -1;
        hn_node *p = realloc(d->nodes, cap * sizeof *p);
        if (!p)
            return -1;
        d->nodes = p;
        d->cap = cap;
    }
    hn_node *h = &d->nodes[d->n];
    memset(h, 0, sizeof *h);
    h->parent = parent;
    /* Parents come first, so the block ancestor is known in O(1). */
    if (parent == HN_NONE)
        h->block = HN_NONE;
    else
        h->block = cni_hn_tag_flags[d->nodes[parent].tag] & TF_BLOCK ? parent
                                                                    : d->nodes[parent].block;
    h->tag = (uint16_t)tag;
    h->str = (uint32_t)d->pool.len;
    d->n++;
    return 0;
}

static uint16_t element_attrs(const xmlNode *n, html_tag tag, buf *sig)
{
    uint16_t f = 0;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const char *name = (const char *)a->name, *v = attr_value(a);
        if (!strcmp(name, "class") || !strcmp(name, "id") || !strcmp(name, "role") ||
            !strcmp(name, "itemprop") || !strcmp(name, "data-component") ||
            !strcmp(name, "data-testid") || !strcmp(name, "aria-label") ||
            (!strcmp(name, "name") && tag != HT_INPUT)) {
            put_lower(sig, v);
            cni_buf_putc(sig, ' ');
            if (!strcmp(name, "itemprop") && has_word_ci(v, "articlebody"))
                f |= HA_ARTICLE_BODY;
            if (!strcmp(name, "itemprop") && has_word_ci(v, "author"))
                f |= HA_AUTHOR;
        } else if (!strcmp(name, "hidden")) {
            f |= HA_HIDDEN;
        } else if (!strcmp(name, "aria-hidden") && eq_ci(v, "true")) {
            f |= HA_HIDDEN;
        } else if (!strcmp(name, "style")) {
            if (contains_ci(v, "display:none") || contains_ci(v, "display: none") ||
                contains_ci(v, "visibility:hidden") || contains_ci(v, "visibility: hidden"))
                f |= HA_HIDDEN;
        } else if (!strcmp(name, "href") && tag == HT_A) {
            f |= HA_HREF;
        } else if (!strcmp(name, "rel") && has_word_ci(v, "author")) {
            f |= HA_AUTHOR;
        }
    }
    return f;
}

/* Copies doc into d, collecting metadata into m.  Dropped elements
 * (script, head...) are read for metadata but not copied. */
static int flatten(xmlNode *root, hn_dom *d, meta_cands *m)
{
    uint32_t parent = HN_NONE;
    xmlNode *drop_root = NULL;   /* inside this subtree nothing is copied */
    buf sig = { 0 };
    xmlNode *n = root;
    int rc = 0;
    while (n) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            html_tag tag = cni_hn_tag_lookup((const char *)n->name);
            sig.len = 0;
            uint16_t attrs = element_attrs(n, tag, &sig);
            cni_buf_putc(&sig, '\0');
            if (sig.failed) {
                rc = -1;
                break;
            }
            element_meta(n, tag, sig.data, m);
            descend = tag != HT_SCRIPT && tag != HT_STYLE && tag != HT_TITLE;
            if (!drop_root && (cni_hn_tag_flags[tag] & TF_DROP) && tag != HT_HEAD)
                descend = 0;   /* nothing inside matters, not even metadata */
            else if (!drop_root && tag == HT_HEAD)
                drop_root = n;
            else if (!drop_root) {
                if (dom_push(d, tag, parent) != 0) {
                    rc = -1;
                    break;
                }
                d->nodes[d->n - 1].attrs = attrs;
                cni_buf_put(&d->pool, sig.data, sig.len - 1);
                d->nodes[d->n - 1].len = (uint32_t)(d->pool.len - d->nodes[d->n - 1].str);
                n->_private = (void *)(uintptr_t)d->n;   /* index + 1 */
                if (descend && n->children)
                    parent = (uint32_t)(d->n - 1);
            }
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
                   !drop_root && n->content) {
            if (dom_push(d, HT_TEXT, parent) != 0) {
                rc = -1;
                break;
            }
            size_t len = strlen((const char *)n->content);
            cni_buf_put(&d->pool, (const char *)n->content, len);
            d->nodes[d->n - 1].len = (uint32_t)len;
            d->nodes[d->n - 1].end = (uint32_t)d->n;
        }
        if (d->pool.failed || m->oom || d->pool.len >= HN_NONE) {
            rc = -1;
            break;
        }
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        /* Leave finished nodes, closing their copies, until a sibling. */
        for (;;) {
            if (n->_private) {
                uint32_t idx = (uint32_t)((uintptr_t)n->_private - 1);
                d->nodes[idx].end = (uint32_t)d->n;
                if (parent == idx)
                    parent = d->nodes[idx].parent;
                n->_private = NULL;
            }
            if (n == drop_root)
                drop_root = NULL;
            if (n == root) {
                n = NULL;
                break;
            }
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
    cni_buf_release(&sig);
    return rc;
}

/* The length of s to parse: all of it, or up to the tag that would pass
 * ING_MAX_TAGS (warning ING_WARN_TRUNCATED). */
static size_t tag_bound(const char *s, size_t n, unsigned *warnings)
{
    size_t tags = 0;
    for (const char *p = s, *end = s + n; (p = memchr(p, '<', (size_t)(end - p))); p++) {
        if (++tags > ING_MAX_TAGS) {
            *warnings |= ING_WARN_TRUNCATED;
            return (size_t)(p - s);
        }
    }
    return n;
}

/* libxml2 must be initialised once before threads use it. */
static pthread_once_t libxml_once = PTHREAD_ONCE_INIT;

static void libxml_init(void)
{
    xmlInitParser();
}

int cni_ing_html_run(const char *bytes, size_t len, ing_doc *out)
{
    buf scratch = { 0 }, text = { 0 };
    hn_dom dom = { 0 };
    meta_cands meta = { 0 };
    const char *src;
    size_t src_len;
    xmlDoc *doc = NULL;
    int rc = -1;

    if (cni_ing_html_decode(bytes, len, &scratch, &src, &src_len, &out->warnings) != 0)
        goto done;
    if (src_len > HTML_MAX_INPUT)
        src_len = HTML_MAX_INPUT;
    src_len = tag_bound(src, src_len, &out->warnings);
    pthread_once(&libxml_once, libxml_init);
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt)
        goto done;
    /* Errors go to a no-op handler of this context only: the process-wide
     * handlers belong to the application. */
#if LIBXML_VERSION >= 21300
    xmlCtxtSetErrorHandler(ctxt, silence, NULL);
#else
    ctxt->sax->initialized = XML_SAX2_MAGIC;   /* makes libxml2 use serror */
    ctxt->sax->serror = silence;
#endif
    /* XML_PARSE_HUGE lifts libxml2's depth limit of 256 elements: past it
     * the parser stops, and everything after the 256th open element was
     * lost.  Depth costs heap only (see the top of this file), and the
     * other limits it lifts (10 MB text nodes) are bounded by the input. */
    doc = htmlCtxtReadMemory(ctxt, src_len ? src : " ", src_len ? (int)src_len : 1, NULL, "UTF-8",
                             HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                             HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT |
                             XML_PARSE_HUGE);
    htmlFreeParserCtxt(ctxt);
    cni_buf_release(&scratch);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (root && flatten(root, &dom, &meta) != 0)
        goto done;
    xmlFreeDoc(doc);
    doc = NULL;
    if (dom.n)
        cni_hx_extract(&dom, &text);
    if (text.failed)
        goto done;
    if (text.len == 0)
        out->warnings |= ING_WARN_NO_BODY;
    out->text = cni_buf_detach(&text, &out->len);
    if (!out->text || cni_meta_choose(&meta, out) != 0)
        goto done;
    rc = 0;
done:
    if (doc)
        xmlFreeDoc(doc);
    cni_buf_release(&scratch);
    cni_buf_release(&text);
    cni_buf_release(&dom.pool);
    free(dom.nodes);
    cni_meta_release(&meta);
    return rc;
}
