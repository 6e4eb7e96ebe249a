/* Article body of a page (hn_dom from ingest_html.c): Readability-style.
 *   1. drop chrome: hidden nodes, nav/aside/footer..., and elements whose
 *      class/id say menu, share bar, cookie banner, related list...
 *   2. score paragraphs and credit their ancestors; the best-scoring
 *      container, adjusted up or down, plus similar siblings is the body;
 *      an explicit body container (itemprop=articleBody, "article-body")
 *      is preferred when it holds enough of that text;
 *   3. inside the body, drop link lists, image strips and short boxes;
 *   4. render blocks as paragraphs (html_render.c).
 * Every pass is a loop over the flat array (children follow their parent,
 * a subtree is a range), so time is linear and depth costs no C stack. */
#include <stdlib.h>
#include <string.h>
#include "ingest_impl.h"

/* Readability's constants: a paragraph under 25 characters earns nothing;
 * credit goes 5 ancestors up; the 5 best candidates are compared. */
#define PARA_MIN_CHARS 25
#define SCORE_ANCESTORS 5
#define TOP_CANDIDATES 5
/* A body under 250 characters makes us retry with fewer removals
 * (Readability uses 500, which throws away short posts for their
 * comment threads). */
#define RETRY_BELOW_CHARS 250
/* A share box longer than this is content that happens to say "share". */
#define SHARE_MAX_CHARS 500
/* Chrome (nav, footer, "sidebar" class...) holding this share of the
 * page's paragraph text is really the page wrapper. */
#define CHROME_MAX_SHARE 0.5

enum { F_STRIP_UNLIKELY = 1, F_WEIGHT_CLASSES = 2, F_CLEAN = 4 };

typedef struct {
    uint32_t text;       /* characters, white space runs counted once */
    uint32_t link;       /* of them inside links */
    uint32_t commas;
    uint32_t paras, imgs, lis, heads, lists, textish, links;
    uint8_t block_kids;  /* has a descendant that keeps a div from being a paragraph */
} stats;

typedef struct {
    const hn_dom *dom;
    const hn_node *N;
    uint32_t n;
    int flags;
    uint8_t *gone;       /* 1: removed before scoring; 2: removed by cleaning */
    uint8_t *up;         /* ancestor facts: UP_* */
    stats *st;
    float *score;
    uint8_t *cand;
    uint32_t *text_chars; /* per text node: collapsed length */
    uint32_t *text_commas;
} ctx;

/* up[i]: facts about the ancestors of i (and DATA_TABLE about i itself) */
enum { UP_TABLE = 1, UP_CODE = 2, UP_FIGURE = 4, UP_LINK = HX_IN_LINK, UP_IN_DATA_TABLE = 16,
       DATA_TABLE = 32 };

/*** Class and id signatures ***/

static int has(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++)
        if (s[i] == w[0] && !memcmp(s + i, w, k))
            return 1;
    return 0;
}

static int has_any(const char *s, size_t n, const char *const *ws)
{
    if (n == 0)
        return 0;       /* most elements have no class or id */
    for (; *ws; ws++)
        if (has(s, n, *ws))
            return 1;
    return 0;
}

static const char *sig(const ctx *c, uint32_t i, size_t *n)
{
    *n = c->N[i].len;
    if (!c->dom->pool.data)
        return "";      /* an empty pool: no pointer arithmetic on NULL */
    return c->dom->pool.data + c->N[i].str;
}

/* Readability's lists, matched as substrings of class + id. */
static const char *const unlikely[] = {
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community",
    "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends", "menu",
    "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper",
    "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination",
    "pager", "popup", "yom-remote", NULL };
static const char *const maybe[] = {
    "and", "article", "body", "column", "content", "main", "shadow", NULL };
static const char *const negative[] = {
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer",
    "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll",
    "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags",
    "widget", NULL };
static const char *const positive[] = {
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
    "pagination", "post", "text", "blog", "story", NULL };
/* Furniture that "content" in the same name does not excuse. */
static const char *const junk[] = {
    "share", "sharing", "social", "newsletter", "subscribe", "cookie", "consent",
    "related", "recommend", "outbrain", "taboola", "comment", "disqus",
    "breadcrumb", "promo", "sponsor", "advert", "more-stories", "read-more",
    "readmore", "author-bio", "authorbio", "signup", "sign-up", "popular",
    "trending", "sidebar", "toolbar", "modal", "most-read", "mostread", NULL };
/* Names that mark the article body itself. */
static const char *const body_names[] = {
    "articlebody", "article-body", "article_body", "article__body", "article-content",
    "article__content", "articlecontent", "article-text", "articletext", "story-body",
    "storybody", "story-content", "story-text", "entry-content", "post-content",
    "post-body", "postbody", "post-entry", "body-text", "article-main", NULL };

/* Photo furniture: captions, credits, galleries. */
static const char *const media_names[] = {
    "caption", "credit", "gallery", "slideshow", "carousel", "lightbox", NULL };

static int is_body_name(const char *s, size_t n)
{
    return has_any(s, n, body_names);
}

/* ads: tokens "ad", "ads", "ad-slot", "dfp-ad"... */
static int is_ad_name(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t b = i;
        while (i < n && s[i] != ' ')
            i++;
        size_t k = i - b;
        const char *t = s + b;
        if ((k == 2 && !memcmp(t, "ad", 2)) || (k == 3 && !memcmp(t, "ads", 3)) ||
            (k > 3 && (!memcmp(t, "ad-", 3) || !memcmp(t, "ad_", 3) || !memcmp(t, "ads-", 4))) ||
            (k > 3 && (!memcmp(t + k - 3, "-ad", 3) || !memcmp(t + k - 3, "_ad", 3))) ||
            (k > 4 && !memcmp(t + k - 4, "-ads", 4)))
            return 1;
    }
    return 0;
}

static int class_weight(const ctx *c, uint32_t i)
{
    size_t n;
    const char *s = sig(c, i, &n);
    if (!(c->flags & F_WEIGHT_CLASSES) || n == 0)
        return 0;
    int w = 0;
    if (has_any(s, n, negative))
        w -= 25;
    if (has_any(s, n, positive))
        w += 25;
    return w;
}

static int role_is_chrome(const char *s, size_t n)
{
    static const char *const roles[] = { "menu", "navigation", "complementary", "alert",
                                         "dialog", "banner", "contentinfo", "search", NULL };
    return has_any(s, n, roles) && !has(s, n, "main");
}

/*** Pass 1: what goes before scoring ***/

/* marker: the subtree holds an explicit body container; wrapper: it holds
 * most of the page's paragraph text. */
static int is_unlikely(const ctx *c, uint32_t i, int marker, int wrapper)
{
    const hn_node *h = &c->N[i];
    size_t n;
    const char *s = sig(c, i, &n);
    if (h->attrs & HA_HIDDEN)
        return 1;
    if (marker || h->tag == HT_BODY || h->tag == HT_HTML)
        return 0;
    if ((cni_hn_tag_flags[h->tag] & TF_CHROME) || role_is_chrome(s, n))
        return !wrapper;
    if (!(c->flags & F_STRIP_UNLIKELY) || n == 0 || h->tag == HT_A || (c->up[i] & (UP_TABLE | UP_CODE)))
        return 0;
    if (is_body_name(s, n) || (h->attrs & HA_ARTICLE_BODY) || has(s, n, "embed"))
        return 0;   /* embedded posts and videos belong to the story */
    if (has_any(s, n, junk) || is_ad_name(s, n))
        return 1;
    return has_any(s, n, unlikely) && !has_any(s, n, maybe);
}

/* Bylines are metadata, not body. */
static int is_byline(const ctx *c, uint32_t i)
{
    static const char *const names[] = { "byline", "dateline", "writtenby", "author", NULL };
    size_t n;
    const char *s = sig(c, i, &n);
    return (c->N[i].attrs & HA_AUTHOR) || has_any(s, n, names);
}

/* Paragraph text per subtree, before anything is removed, decides which
 * chrome is really the page wrapper. */
static void para_share(const ctx *c, uint32_t *ptext, uint8_t *marker)
{
    for (uint32_t i = c->n; i-- > 0;) {
        const hn_node *h = &c->N[i];
        if (h->tag == HT_TEXT) {
            uint32_t p = h->block;
            if (p != HN_NONE && c->N[p].tag == HT_P)
                ptext[i] = c->text_chars[i];
        } else {
            size_t n;
            const char *s = sig(c, i, &n);
            if ((h->attrs & HA_ARTICLE_BODY) || is_body_name(s, n))
                marker[i] = 1;
        }
        if (h->parent != HN_NONE) {
            ptext[h->parent] += ptext[i];
            marker[h->parent] |= marker[i];
        }
    }
}

static void mark_unlikely(ctx *c, const uint32_t *ptext, const uint8_t *marker)
{
    uint32_t total = c->n ? ptext[0] : 0;
    for (uint32_t i = 0; i < c->n; i++) {
        const hn_node *h = &c->N[i];
        uint32_t p = h->parent;
        c->gone[i] = p != HN_NONE && c->gone[p];
        if (c->gone[i] || h->tag == HT_TEXT)
            continue;
        int wrapper = ptext[i] > total * CHROME_MAX_SHARE;
        if (is_unlikely(c, i, marker[i], wrapper))
            c->gone[i] = 1;
        else if (!marker[i] && !wrapper && is_byline(c, i) && c->st[i].text < 100 && c->st[i].text > 0)
            c->gone[i] = 1;
    }
}

/*** Pass 2: statistics of what is left ***/

static int is_p_like_div(const ctx *c, uint32_t i)
{
    return c->N[i].tag == HT_DIV && !c->st[i].block_kids;
}

static int blocks_div(html_tag t)
{
    return t == HT_BLOCKQUOTE || t == HT_DL || t == HT_DIV || t == HT_IMG || t == HT_OL ||
           t == HT_P || t == HT_PRE || t == HT_TABLE || t == HT_UL || t == HT_PICTURE;
}

static void add_up(ctx *c, uint32_t i)
{
    const hn_node *h = &c->N[i];
    if (h->parent == HN_NONE)
        return;
    stats *a = &c->st[h->parent], *s = &c->st[i];
    a->text += s->text;
    a->link += s->link;
    a->commas += s->commas;
    a->paras += s->paras;
    a->imgs += s->imgs;
    a->lis += s->lis;
    a->heads += s->heads;
    a->lists += s->lists;
    a->textish += s->textish;
    a->links += s->links;
    a->block_kids |= s->block_kids | blocks_div((html_tag)h->tag);
}

static int should_clean(const ctx *c, uint32_t i);

/* Sums kept children into parents (children come after their parent, so a
 * backward loop sees each subtree complete).  cleaning: also apply the
 * conditional removal, which needs the complete subtree; keep_root nodes
 * themselves are exempt. */
static void gather(ctx *c, int cleaning, const uint8_t *keep_root)
{
    memset(c->st, 0, c->n * sizeof *c->st);
    for (uint32_t i = c->n; i-- > 0;) {
        const hn_node *h = &c->N[i];
        if (c->gone[i])
            continue;
        stats *s = &c->st[i];
        if (h->tag == HT_TEXT) {
            s->text = c->text_chars[i];
            s->commas = c->text_commas[i];
            if (c->up[i] & UP_LINK)
                s->link = s->text;
        } else {
            html_tag t = (html_tag)h->tag;
            if (cleaning && !keep_root[i] && should_clean(c, i)) {
                c->gone[i] = 2;
                continue;
            }
            if (t == HT_A)
                s->links++;
            if (t == HT_IMG || t == HT_PICTURE)
                s->imgs++;
            else if (t == HT_LI)
                s->lis++;
            else if (t == HT_P || is_p_like_div(c, i))
                s->paras++;
            if (cni_hn_tag_flags[t] & TF_HEADING)
                s->heads = s->text;
            if (t == HT_UL || t == HT_OL)
                s->lists = s->text;
            if (t == HT_SPAN || t == HT_LI || t == HT_TD || blocks_div(t))
                s->textish = s->text;
        }
        add_up(c, i);
    }
}

/*** Pass 3: conditional cleaning (Readability's _cleanConditionally) ***/

/* Short texts that are nothing but "Advertisement" or "Loading...". */
static int is_ad_text(const ctx *c, uint32_t i)
{
    if (c->st[i].text > 20 || c->st[i].text == 0)
        return 0;
    char label[64];
    size_t m = 0;
    uint32_t last = c->N[i].end - i > 64 ? i + 64 : c->N[i].end;   /* a label is a few nodes */
    for (uint32_t k = i + 1; k < last && m < sizeof label - 1; k++) {
        const hn_node *h = &c->N[k];
        if (h->tag != HT_TEXT || c->gone[k])
            continue;
        for (uint32_t j = 0; j < h->len && m < sizeof label - 1; j++) {
            char ch = c->dom->pool.data[h->str + j];
            if (ch != ' ' && ch != '\n' && ch != '\t' && ch != '\r' && ch != '.')
                label[m++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
        }
    }
    label[m] = '\0';
    static const char *const labels[] = {
        "ad", "advert", "advertisement", "advertising", "loading", "loading\xE2\x80\xA6",
        "werbung", "anzeige", "publicit\xC3\xA9", "publicidad", "pubblicit\xC3\xA0", NULL };
    for (size_t k = 0; labels[k]; k++)
        if (!strcmp(label, labels[k]))
            return 1;
    return 0;
}

/* Decides on element i from its complete, already cleaned subtree (its
 * own counts are not in st[i] yet: Readability counts descendants). */
static int should_clean(const ctx *c, uint32_t i)
{
    const hn_node *h = &c->N[i];
    const stats *s = &c->st[i];
    html_tag t = (html_tag)h->tag;
    size_t n;
    const char *name = sig(c, i, &n);
    /* the headline is metadata; captions and galleries are not the story */
    if (t == HT_H1 || t == HT_FIGURE || t == HT_FIGCAPTION || is_ad_text(c, i))
        return 1;
    if (has_any(name, n, media_names) && s->text < SHARE_MAX_CHARS && !is_body_name(name, n))
        return 1;
    if (has(name, n, "share") && s->text < SHARE_MAX_CHARS && !(c->up[i] & UP_CODE))
        return 1;
    if (t == HT_H2 && class_weight(c, i) < 0)
        return 1;
    if (!(c->flags & F_CLEAN))
        return 0;
    if (t != HT_FORM && t != HT_FIELDSET && t != HT_TABLE && t != HT_UL && t != HT_OL &&
        t != HT_TD && t != HT_TH && !(t == HT_DIV && s->block_kids))
        return 0;
    if (c->up[i] & (DATA_TABLE | UP_IN_DATA_TABLE | UP_CODE))
        return 0;
    /* a layout cell full of links is a navigation column */
    if (t == HT_TD || t == HT_TH)
        return s->commas < 10 && s->links >= 3 && s->link * 2 > s->text;
    int is_list = t == HT_UL || t == HT_OL || (s->text && s->lists > 0.9 * s->text);
    int weight = class_weight(c, i);
    if (weight < 0)
        return 1;
    if (s->commas >= 10)
        return 0;
    double text = s->text ? s->text : 1;
    double ld = s->link / text, heading = s->heads / text, textish = s->textish / text;
    int p = (int)s->paras, img = (int)s->imgs, li = (int)s->lis - 100;
    int fig = (c->up[i] & UP_FIGURE) != 0;
    if (!fig && img > 1 && (double)p / img < 0.5)
        return 1;
    if (!is_list && li > p)
        return 1;
    if (!is_list && !fig && heading < 0.9 && s->text < 25 && (img == 0 || img > 2) && ld > 0)
        return 1;
    if (!is_list && weight < 25 && ld > 0.2)
        return 1;
    if (weight >= 25 && ld > 0.5)
        return 1;
    if (img == 0 && textish == 0)
        return 1;
    return 0;
}

/*** Scoring ***/

static float tag_weight(html_tag t)
{
    switch (t) {
    case HT_DIV: return 5;
    case HT_PRE: case HT_TD: case HT_BLOCKQUOTE: return 3;
    case HT_ADDRESS: case HT_OL: case HT_UL: case HT_DL: case HT_DD: case HT_DT:
    case HT_LI: case HT_FORM: return -3;
    case HT_H1: case HT_H2: case HT_H3: case HT_H4: case HT_H5: case HT_H6:
    case HT_TH: return -5;
    default: return 0;
    }
}

static void credit(ctx *c, uint32_t a, float points)
{
    for (int level = 0; level < SCORE_ANCESTORS && a != HN_NONE; level++) {
        uint32_t up = c->N[a].parent;
        if (up == HN_NONE)
            break;   /* <html> itself is never a candidate */
        if (!c->cand[a]) {
            c->cand[a] = 1;
            c->score[a] = tag_weight((html_tag)c->N[a].tag) + (float)class_weight(c, a);
        }
        c->score[a] += points / (float)(level == 0 ? 1 : level == 1 ? 2 : level * 3);
        a = up;
    }
}

static float para_points(uint32_t chars, uint32_t commas)
{
    uint32_t len_bonus = chars / 100;
    return 1.0f + (float)(commas + 1) + (float)(len_bonus > 3 ? 3 : len_bonus);
}

static void score_paragraphs(ctx *c, const uint32_t *own, const uint32_t *own_commas)
{
    for (uint32_t i = 0; i < c->n; i++) {
        const hn_node *h = &c->N[i];
        if (c->gone[i] || h->tag == HT_TEXT || h->parent == HN_NONE)
            continue;
        html_tag t = (html_tag)h->tag;
        int scored = t == HT_P || t == HT_TD || t == HT_PRE || t == HT_SECTION ||
                     (t >= HT_H2 && t <= HT_H6) || is_p_like_div(c, i);
        if (scored && c->st[i].text >= PARA_MIN_CHARS)
            credit(c, h->parent, para_points(c->st[i].text, c->st[i].commas));
        /* loose text in a div with blocks: Readability wraps it in a <p> */
        if (t == HT_DIV && !scored && own[i] >= PARA_MIN_CHARS)
            credit(c, i, para_points(own[i], own_commas[i]));
    }
}

/* Text directly in each element (through inline children). */
static void own_text(const ctx *c, uint32_t *own, uint32_t *own_commas)
{
    for (uint32_t i = 0; i < c->n; i++) {
        if (c->gone[i] || c->N[i].tag != HT_TEXT)
            continue;
        uint32_t p = c->N[i].block;
        if (p != HN_NONE) {
            own[p] += c->text_chars[i] > 1 ? c->text_chars[i] : 0;
            own_commas[p] += c->text_commas[i];
        }
    }
}

static uint32_t kept_children(const ctx *c, uint32_t p)
{
    uint32_t k = 0;
    for (uint32_t i = p + 1; i < c->N[p].end; i = c->N[i].end)
        if (!c->gone[i] && c->N[i].tag != HT_TEXT)
            k++;
    return k;
}

static int is_ancestor(const ctx *c, uint32_t a, uint32_t d)
{
    return a <= d && d < c->N[a].end;
}

/* Does the text of i contain a full stop followed by a space or the end? */
static int has_sentence_end(const ctx *c, uint32_t i)
{
    for (uint32_t k = i + 1; k < c->N[i].end; k++) {
        const hn_node *h = &c->N[k];
        if (h->tag != HT_TEXT || c->gone[k] || !h->len)
            continue;
        const char *s = c->dom->pool.data + h->str;
        for (uint32_t j = 0; j < h->len; j++)
            if (s[j] == '.' && (j + 1 == h->len || s[j + 1] == ' '))
                return 1;
    }
    return 0;
}

static float link_density(const ctx *c, uint32_t i)
{
    return c->st[i].text ? (float)c->st[i].link / (float)c->st[i].text : 0.0f;
}

/* Picks the body: marks keep_root on the chosen top-level nodes. */
static void choose(ctx *c, uint32_t body, uint8_t *keep_root)
{
    uint32_t top[TOP_CANDIDATES];
    size_t ntop = 0;
    for (uint32_t i = 0; i < c->n; i++) {
        if (!c->cand[i] || c->gone[i])
            continue;
        c->score[i] *= 1.0f - link_density(c, i);
        size_t k = ntop < TOP_CANDIDATES ? ntop++ : TOP_CANDIDATES;
        while (k > 0 && c->score[top[k - 1]] < c->score[i]) {
            if (k < TOP_CANDIDATES)
                top[k] = top[k - 1];
            k--;
        }
        if (k < TOP_CANDIDATES)
            top[k] = i;
    }
    if (ntop == 0 || top[0] == body) {
        keep_root[body] = 1;
        return;
    }
    uint32_t best = top[0];
    /* Several strong candidates under one ancestor: the ancestor it is. */
    size_t alts = 0;
    for (size_t k = 1; k < ntop; k++)
        alts += c->score[top[k]] / c->score[best] >= 0.75f;
    if (alts >= 3) {
        for (uint32_t p = c->N[best].parent; p != HN_NONE && p != body; p = c->N[p].parent) {
            size_t shared = 0;
            for (size_t k = 1; k < ntop; k++)
                shared += c->score[top[k]] / c->score[best] >= 0.75f && is_ancestor(c, p, top[k]);
            if (shared >= 3) {
                best = p;
                break;
            }
        }
    }
    if (!c->cand[best]) {
        c->cand[best] = 1;
        c->score[best] = tag_weight((html_tag)c->N[best].tag) + (float)class_weight(c, best);
    }
    /* A parent scoring higher than the child holds more of the article. */
    float last = c->score[best], threshold = last / 3;
    for (uint32_t p = c->N[best].parent; p != HN_NONE && p != body; p = c->N[p].parent) {
        if (!c->cand[p])
            continue;
        if (c->score[p] < threshold)
            break;
        if (c->score[p] > last) {
            best = p;
            break;
        }
        last = c->score[p];
    }
    while (c->N[best].parent != HN_NONE && c->N[best].parent != body &&
           kept_children(c, c->N[best].parent) == 1)
        best = c->N[best].parent;
    float top_score = c->cand[best] ? c->score[best] : 0;
    float sib_threshold = top_score * 0.2f > 10 ? top_score * 0.2f : 10;
    uint32_t parent = c->N[best].parent;
    if (parent == HN_NONE) {
        keep_root[best] = 1;
        return;
    }
    size_t bn;
    const char *bsig = sig(c, best, &bn);
    for (uint32_t s = parent + 1; s < c->N[parent].end; s = c->N[s].end) {
        if (c->gone[s] || c->N[s].tag == HT_TEXT)
            continue;
        int append = s == best;
        if (!append) {
            size_t sn;
            const char *ssig = sig(c, s, &sn);
            float bonus = bn && sn == bn && !memcmp(ssig, bsig, bn) ? top_score * 0.2f : 0;
            if (c->cand[s] && c->score[s] + bonus >= sib_threshold)
                append = 1;
            else if (c->N[s].tag == HT_P || is_p_like_div(c, s)) {
                float ld = link_density(c, s);
                uint32_t len = c->st[s].text;
                if (len > 80 && ld < 0.25f)
                    append = 1;
                else if (len < 80 && len > 0 && ld == 0 && has_sentence_end(c, s))
                    append = 1;
            }
        }
        if (append)
            keep_root[s] = 1;
    }
}

/* An explicit body container (itemprop=articleBody, class "article-body")
 * wins over the scored choice when it holds enough of the text: pages
 * split their body around ads, which scoring joins only by luck. */
static int is_marker(const ctx *c, uint32_t i)
{
    size_t n;
    const char *s = sig(c, i, &n);
    return c->N[i].tag != HT_TEXT && ((c->N[i].attrs & HA_ARTICLE_BODY) || is_body_name(s, n));
}

static void prefer_markers(ctx *c, uint8_t *keep_root)
{
    enum { CHOSEN = 1, MARKED = 2, UNDER_MARKED = 4 };
    uint64_t chosen = 0, marked = 0;
    uint32_t largest = 0;
    for (uint32_t i = 0; i < c->n; i++)
        if (keep_root[i] && !c->gone[i])
            chosen += c->st[i].text;
    /* outermost markers; those under a tenth of the largest are teasers */
    for (int pass = 0; pass < 2; pass++) {
        for (uint32_t i = 0; i < c->n;) {
            if (c->gone[i] || !is_marker(c, i)) {
                i = c->gone[i] ? c->N[i].end : i + 1;
                continue;
            }
            if (pass == 0 && c->st[i].text > largest)
                largest = c->st[i].text;
            if (pass == 1 && c->st[i].text * 10 >= largest) {
                marked += c->st[i].text;
                keep_root[i] |= MARKED;
            }
            i = c->N[i].end;
        }
    }
    /* Scoring that picked part of a marked container left out the rest
     * (a split body) only if the part is small. */
    int inside = chosen > 0;
    for (uint32_t i = 0; i < c->n; i++) {   /* parents first: one pass */
        uint32_t p = c->N[i].parent;
        if ((keep_root[i] & MARKED) || (p != HN_NONE && (keep_root[p] & UNDER_MARKED)))
            keep_root[i] |= UNDER_MARKED;
        if ((keep_root[i] & CHOSEN) && !c->gone[i] && !(keep_root[i] & UNDER_MARKED))
            inside = 0;
    }
    int use = marked >= RETRY_BELOW_CHARS && marked * 2 >= chosen &&
              !(inside && chosen * 10 >= marked * 7);
    for (uint32_t i = 0; i < c->n; i++)
        keep_root[i] = (keep_root[i] & (use ? MARKED : CHOSEN)) != 0;
}

/*** Driver ***/

static void measure_text(ctx *c)
{
    const char *pool = c->dom->pool.data;
    for (uint32_t i = 0; i < c->n; i++) {
        const hn_node *h = &c->N[i];
        if (h->tag != HT_TEXT)
            continue;
        uint32_t chars = 0, commas = 0;
        int space = 0;
        for (uint32_t j = 0; j < h->len; j++) {
            unsigned char ch = (unsigned char)pool[h->str + j];
            if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f') {
                chars += !space;
                space = 1;
                continue;
            }
            space = 0;
            if ((ch & 0xC0) != 0x80)
                chars++;
            if (ch == ',')
                commas++;
            else if (ch == 0xEF && j + 2 < h->len && (unsigned char)pool[h->str + j + 1] == 0xBC &&
                     (unsigned char)pool[h->str + j + 2] == 0x8C)
                commas++;   /* U+FF0C fullwidth comma */
        }
        c->text_chars[i] = chars;
        c->text_commas[i] = commas;
    }
}

/* Data tables (header cells, no nested table) keep their content: their
 * cells are short and full of links by nature. */
static void mark_data_tables(ctx *c)
{
    enum { HAS_HEAD = 1, HAS_TABLE = 2 };
    uint8_t *bits = c->cand;   /* scratch, cleared before scoring */
    for (uint32_t i = c->n; i-- > 0;) {
        html_tag t = (html_tag)c->N[i].tag;
        if (t == HT_TABLE && (bits[i] & HAS_HEAD) && !(bits[i] & HAS_TABLE))
            c->up[i] |= DATA_TABLE;
        if (t == HT_TH || t == HT_THEAD || t == HT_TFOOT || t == HT_CAPTION)
            bits[i] |= HAS_HEAD;
        if (t == HT_TABLE)
            bits[i] = HAS_TABLE;   /* a header cell of a nested table is not ours */
        if (c->N[i].parent != HN_NONE)
            bits[c->N[i].parent] |= bits[i];
    }
}

static void mark_ancestry(ctx *c)
{
    mark_data_tables(c);
    for (uint32_t i = 0; i < c->n; i++) {
        uint32_t p = c->N[i].parent;
        if (p == HN_NONE)
            continue;
        uint8_t f = (uint8_t)(c->up[p] & ~DATA_TABLE);
        if (c->up[p] & DATA_TABLE)
            f |= UP_IN_DATA_TABLE;
        switch (c->N[p].tag) {
        case HT_TABLE: f |= UP_TABLE; break;
        case HT_PRE: f |= UP_CODE; break;
        case HT_FIGURE: f |= UP_FIGURE; break;
        case HT_A: f |= UP_LINK; break;
        default: break;
        }
        c->up[i] = (uint8_t)((c->up[i] & DATA_TABLE) | f);
    }
}

static size_t chars_of(const buf *b)
{
    size_t k = 0;
    for (size_t i = 0; i < b->len; i++)
        k += ((unsigned char)b->data[i] & 0xC0) != 0x80;
    return k;
}

void cni_hx_extract(const hn_dom *dom, buf *out)
{
    ctx c = { 0 };
    c.dom = dom;
    c.N = dom->nodes;
    c.n = (uint32_t)dom->n;
    c.gone = calloc(c.n, 1);
    c.up = calloc(c.n, 1);
    c.cand = calloc(c.n, 1);
    c.st = calloc(c.n, sizeof *c.st);
    c.score = calloc(c.n, sizeof *c.score);
    c.text_chars = calloc(c.n, sizeof *c.text_chars);
    c.text_commas = calloc(c.n, sizeof *c.text_commas);
    uint32_t *ptext = calloc(c.n, sizeof *ptext);
    uint32_t *own = calloc(c.n, sizeof *own);
    uint32_t *own_commas = calloc(c.n, sizeof *own_commas);
    uint8_t *marker = calloc(c.n, 1);
    uint8_t *keep_root = calloc(c.n, 1);
    buf best = { 0 };
    if (!c.gone || !c.up || !c.cand || !c.st || !c.score || !c.text_chars || !c.text_commas ||
        !ptext || !own || !own_commas || !marker || !keep_root) {
        out->failed = 1;
        goto done;
    }
    measure_text(&c);
    mark_ancestry(&c);
    uint32_t body = 0;
    for (uint32_t i = 0; i < c.n; i++)
        if (c.N[i].tag == HT_BODY) {
            body = i;
            break;
        }
    gather(&c, 0, NULL);
    para_share(&c, ptext, marker);
    static const int attempts[] = { F_STRIP_UNLIKELY | F_WEIGHT_CLASSES | F_CLEAN,
                                    F_WEIGHT_CLASSES | F_CLEAN, F_CLEAN, 0 };
    size_t best_chars = 0;
    for (size_t a = 0; a < sizeof attempts / sizeof *attempts; a++) {
        c.flags = attempts[a];
        memset(c.gone, 0, c.n);
        memset(c.cand, 0, c.n);
        memset(keep_root, 0, c.n);
        memset(own, 0, c.n * sizeof *own);
        memset(own_commas, 0, c.n * sizeof *own_commas);
        gather(&c, 0, NULL);
        mark_unlikely(&c, ptext, marker);
        gather(&c, 0, NULL);
        own_text(&c, own, own_commas);
        score_paragraphs(&c, own, own_commas);
        choose(&c, body, keep_root);
        prefer_markers(&c, keep_root);
        gather(&c, 1, keep_root);
        buf attempt = { 0 };
        cni_hx_render(dom, keep_root, c.gone, c.up, &attempt);
        if (attempt.failed) {
            cni_buf_release(&attempt);
            out->failed = 1;
            goto done;
        }
        size_t chars = chars_of(&attempt);
        if (chars > best_chars || !best.data) {
            cni_buf_release(&best);
            best = attempt;
            best_chars = chars;
        } else
            cni_buf_release(&attempt);
        if (best_chars >= RETRY_BELOW_CHARS)
            break;
    }
    cni_buf_put(out, best.data ? best.data : "", best.len);
done:
    cni_buf_release(&best);
    free(c.gone); free(c.up); free(c.cand); free(c.st); free(c.score);
    free(c.text_chars); free(c.text_commas); free(ptext); free(own); free(own_commas);
    free(marker); free(keep_root);
}
