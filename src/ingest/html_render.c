/* Rendering of the chosen body: blocks become paragraphs separated by a
 * blank line, white space inside a paragraph collapses to one space, a
 * <br> is a line break and two are a paragraph break.  Paragraphs that are
 * only a link or only a dateline are dropped here, where their text is at
 * hand. */
#include <string.h>
#include "ingest_impl.h"

/* A paragraph whose text is over 80% link is a link, not prose. */
#define LINK_PARA_SHARE 8
/* A paragraph this short that starts with a date is a dateline. */
#define DATELINE_MAX_CHARS 80
/* A call to action ("Sign up for our newsletter") longer than this is
 * prose that happens to use the words. */
#define BOILERPLATE_MAX_CHARS 200

typedef struct {
    const hn_node *N;
    const char *pool;
    const uint8_t *gone, *up;
} view;

enum { SEP_NONE, SEP_SPACE, SEP_LINE, SEP_PARA };

typedef struct {
    buf *out;
    int sep;             /* the strongest break seen since the last character */
    size_t para_start;   /* where the open paragraph begins in out */
    uint32_t chars, link_chars;
} pen;

static void pen_break(pen *p, int sep)
{
    if (sep > p->sep)
        p->sep = sep;
}

static int starts_with_label(const char *s, size_t n)
{
    static const char *const labels[] = { "updated", "published", "posted", "last updated",
                                          "first published", "last modified", NULL };
    for (size_t k = 0; labels[k]; k++) {
        size_t m = strlen(labels[k]), i = 0;
        while (i < m && i < n && (s[i] | 32) == labels[k][i])
            i++;
        if (i == m)
            return 1;
    }
    return 0;
}

static int is_letter(char ch)
{
    return ((ch | 32) >= 'a' && (ch | 32) <= 'z') || (unsigned char)ch >= 0x80;
}

/* Does an ASCII phrase start at i of s, case-insensitively, as whole words? */
static int phrase_at(const char *s, size_t n, size_t i, const char *w)
{
    size_t j = 0;
    while (w[j] && i + j < n && (s[i + j] | 32) == w[j])
        j++;
    return !w[j] && (i + j == n || !is_letter(s[i + j]));
}

/* Short calls to action and credit lines at the foot of a story.  One pass
 * over the word starts: only phrases with the word's initial are tried. */
#define INITIAL(c) (1u << ((c) - 'a'))
#define PHRASE_INITIALS (INITIAL('a') | INITIAL('c') | INITIAL('e') | INITIAL('f') | \
                         INITIAL('n') | INITIAL('r') | INITIAL('s') | INITIAL('w'))
static int is_boilerplate(const char *s, size_t n)
{
    static const char *const phrases[] = {
        "subscribe", "sign up for", "sign up to", "sign up now", "sign up here", "newsletter",
        "newsletters", "follow us", "follow him", "follow her", "share this", "share it",
        "all rights reserved", "click here", "contributed to this report", "reporting by",
        "editing by", "write to", "reach the reporter", NULL };
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && is_letter(s[i - 1]))
            continue;
        char first = (char)(s[i] | 32);
        if (first < 'a' || first > 'z' || !(PHRASE_INITIALS >> (first - 'a') & 1))
            continue;
        for (size_t k = 0; phrases[k]; k++)
            if (phrases[k][0] == first && phrase_at(s, n, i, phrases[k]))
                return 1;
    }
    return 0;
}

/* Drops the paragraph just finished when it is a link ("Read more: ...",
 * a related-stories entry) or a dateline. */
static void para_end(pen *p)
{
    size_t n = p->out->len - p->para_start;
    int drop = 0;
    if (n == 0 || !p->out->data)
        return;
    const char *s = p->out->data + p->para_start;
    if (p->link_chars * 10 > p->chars * LINK_PARA_SHARE)
        drop = 1;
    else if (p->chars < BOILERPLATE_MAX_CHARS && is_boilerplate(s, n))
        drop = 1;
    else if (p->chars < DATELINE_MAX_CHARS) {
        char date[11];
        size_t at, end;
        if (cni_ing_date_find(s, n, date, &at, &end) && (at == 0 || starts_with_label(s, n)))
            drop = 1;
    }
    if (drop)
        p->out->len = p->para_start > 2 ? p->para_start - 2 : 0;   /* with its "\n\n" */
    p->chars = p->link_chars = 0;
}

static int html_space(char ch)
{
    return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f';
}

/* Text goes out a run of non-space bytes at a time: the separator the
 * spaces before it asked for, then the run. */
static void pen_text(pen *p, const char *s, size_t n, int in_link)
{
    for (size_t i = 0; i < n;) {
        if (html_space(s[i])) {
            pen_break(p, SEP_SPACE);
            i++;
            continue;
        }
        if (p->sep == SEP_PARA)
            para_end(p);
        if (p->sep != SEP_NONE && p->out->len)
            cni_buf_put(p->out, p->sep == SEP_PARA ? "\n\n" : p->sep == SEP_LINE ? "\n" : " ",
                        p->sep == SEP_PARA ? 2 : 1);
        if (p->sep == SEP_PARA || p->out->len == 0)
            p->para_start = p->out->len;
        p->sep = SEP_NONE;
        size_t j = i, chars = 0;
        for (; j < n && !html_space(s[j]); j++)
            chars += ((unsigned char)s[j] & 0xC0) != 0x80;     /* characters, not bytes */
        cni_buf_put(p->out, s + i, j - i);
        p->chars += (uint32_t)chars;
        if (in_link)
            p->link_chars += (uint32_t)chars;
        i = j;
    }
}

static int element_break(html_tag t)
{
    if (t == HT_TD || t == HT_TH)
        return SEP_SPACE;   /* cells of one row stay one paragraph */
    return cni_hn_tag_flags[t] & TF_BLOCK ? SEP_PARA : SEP_NONE;
}

/* Closes the elements between last and stop (exclusive), innermost first. */
static void close_up(const view *c, pen *p, uint32_t last, uint32_t stop)
{
    for (uint32_t x = last; x != stop && x != HN_NONE; x = c->N[x].parent)
        if (!c->gone[x] && c->N[x].tag != HT_TEXT)
            pen_break(p, element_break((html_tag)c->N[x].tag));
}

static void render(const view *c, uint32_t root, pen *p)
{
    uint32_t last = HN_NONE;
    for (uint32_t i = root; i < c->N[root].end;) {
        const hn_node *h = &c->N[i];
        if (last != HN_NONE)
            close_up(c, p, last, h->parent);
        last = i;
        if (c->gone[i]) {
            i = h->end;
            continue;
        }
        if (h->tag == HT_TEXT)
            pen_text(p, c->pool + h->str, h->len, c->up[i] & HX_IN_LINK);
        else if (h->tag == HT_BR)
            p->sep = p->sep >= SEP_LINE ? SEP_PARA : SEP_LINE;
        else
            pen_break(p, element_break((html_tag)h->tag));
        i++;
    }
    if (last != HN_NONE)
        close_up(c, p, last, c->N[root].parent);
    pen_break(p, SEP_PARA);
}

void cni_hx_render(const hn_dom *dom, const uint8_t *roots, const uint8_t *gone, const uint8_t *up,
               buf *out)
{
    view v = { dom->nodes, dom->pool.data, gone, up };
    pen p = { out, SEP_NONE, out->len, 0, 0 };
    for (uint32_t i = 0; i < dom->n;) {
        if (roots[i] && !gone[i]) {
            render(&v, i, &p);
            i = v.N[i].end;
        } else
            i++;
    }
    if (p.sep == SEP_NONE)
        p.sep = SEP_PARA;
    para_end(&p);
}
