/* Quotes and their speakers. */
#include <string.h>
#include <strings.h>

#include "doc.h"

#define SPEAKER_WINDOW 14     /* tokens searched around a speech verb */
#define MIN_SINGLE_QUOTE_WORDS 5

typedef struct {
    size_t open_tok, close_tok;   /* mark tokens; close_tok = end when unclosed */
} qspan;

static int is_open_mark(const cn_doc *d, size_t i)
{
    const token *t = &d->seg.toks[i];
    const unsigned char *s = (const unsigned char *)d->res.text + t->start;
    /* “ „ « */
    return (t->end - t->start == 3 && s[0] == 0xE2 && s[1] == 0x80 &&
            (s[2] == 0x9C || s[2] == 0x9E)) ||
           (t->end - t->start == 2 && s[0] == 0xC2 && s[1] == 0xAB);
}

static int is_close_mark(const cn_doc *d, size_t i)
{
    const token *t = &d->seg.toks[i];
    const unsigned char *s = (const unsigned char *)d->res.text + t->start;
    return (t->end - t->start == 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x9D) ||
           (t->end - t->start == 2 && s[0] == 0xC2 && s[1] == 0xBB);
}

static int is_straight(const cn_doc *d, size_t i)
{
    return cni_ex_tok_is(d, i, "\"");
}

/* British single quotes: ‘ opens; ’ closes when it is not an apostrophe
 * ("the workers’ union"): after punctuation, or before punctuation, the
 * paragraph end or the attribution. */
static int is_single_open(const cn_doc *d, size_t i)
{
    if (cni_ex_tok_is(d, i, "\xE2\x80\x98"))
        return 1;
    /* A straight ' opens when it starts a word: space before, none after. */
    const token *t = d->seg.toks;
    return cni_ex_tok_is(d, i, "'") && i + 1 < d->seg.n_toks && t[i + 1].start == t[i].end &&
           (t[i + 1].flags & TK_WORD) && (i == 0 || t[i - 1].end < t[i].start);
}

static int is_single_close(const cn_doc *d, size_t i, size_t pe)
{
    const token *t = d->seg.toks;
    if (cni_ex_tok_is(d, i, "'")) {
        /* A straight ' closes only after the quote's last mark or word,
         * with nothing joined after it. */
        if (i == 0 || t[i - 1].end != t[i].start)
            return 0;
        if (i + 1 < d->seg.n_toks && t[i + 1].start == t[i].end && (t[i + 1].flags & TK_WORD))
            return 0;
    } else if (!cni_ex_tok_is(d, i, "\xE2\x80\x99")) {
        return 0;
    }
    if (i > 0 && (t[i - 1].flags & TK_PUNCT) && t[i - 1].end == t[i].start)
        return 1;
    if (i + 1 >= pe || (t[i + 1].flags & TK_PUNCT))
        return 1;
    return cni_ex_tok_is_ci(d, i + 1, "said") || cni_ex_tok_is_ci(d, i + 1, "says") ||
           cni_ex_tok_is_ci(d, i + 1, "he") || cni_ex_tok_is_ci(d, i + 1, "she");
}

/* Words between two tokens. */
static size_t words_in(const cn_doc *d, size_t b, size_t e)
{
    size_t n = 0;
    for (size_t k = b; k < e; k++)
        n += (d->seg.toks[k].flags & (TK_WORD | TK_NUM)) != 0;
    return n;
}

static int speech_verb_in(cn_doc *d, size_t tb, size_t te, size_t *verb_tok)
{
    if (tb >= te)
        return 0;
    const token *t = d->seg.toks;
    rx_hit h[4];
    size_t base = t[tb].start;
    size_t n = cni_rx_find(d->an->rx, d->scratch, "speech", d->res.text + base,
                       t[te - 1].end - base, h, 4);
    if (!n)
        return 0;
    size_t best = (size_t)-1;
    for (size_t k = 0; k < n; k++)
        if (h[k].start < best)
            best = h[k].start;
    for (size_t k = tb; k < te; k++)
        if (t[k].end > base + best) {
            *verb_tok = k;
            return 1;
        }
    return 0;
}

static int is_speaker_type(const cn_doc *d, uint32_t e, int person_only)
{
    if (!e)
        return 0;
    cn_entity_type ty = d->ents[e - 1].pub.type;
    return ty == CN_ENT_PERSON ||
           (!person_only && (ty == CN_ENT_ORGANIZATION || ty == CN_ENT_BRAND));
}

/* The person (or, with orgs, the organization) nearest to the verb. */
static const char *speaker_near(cn_doc *d, size_t tb, size_t te, size_t verb, int orgs)
{
    for (int person_only = 1; person_only >= !orgs; person_only--) {
        size_t best_gap = (size_t)-1;
        const char *best = NULL;
        for (size_t k = tb; k < te; k++) {
            uint32_t e = cni_ex_entity_at(d, k);
            if (!is_speaker_type(d, e, person_only))
                continue;
            size_t g = k > verb ? k - verb : verb - k;
            /* "Jane Doe, president of the Society of Motor Traders (SMT),
             * cautioned": a person opening the clause may sit far back. */
            size_t win = person_only && k < verb &&
                         d->seg.toks[k].sentence == d->seg.toks[verb].sentence
                             ? 2 * SPEAKER_WINDOW : SPEAKER_WINDOW;
            if (g > win)
                continue;
            if (g < best_gap) {
                best_gap = g;
                best = d->ents[e - 1].pub.name;
            }
        }
        if (best)
            return best;
    }
    return NULL;
}

static int contains(const char *hay, const char *needle, size_t n)
{
    for (const char *p = hay; *p; p++)
        if (strncasecmp(p, needle, n) == 0)
            return 1;
    return 0;
}

static int company_word(const char *w, size_t n)
{
    static const char *const WORDS[] = {"company", "carmaker", "automaker", "group",
                                        "firm", "manufacturer", "maker", "brand", NULL};
    for (const char *const *p = WORDS; *p; p++)
        if (strlen(*p) == n && strncmp(w, *p, n) == 0)
            return 1;
    return 0;
}

/* "he said", "the professor said": the last person named before tok. */
static const char *resolve_reference(cn_doc *d, size_t verb, size_t tb, size_t te,
                                     size_t before)
{
    const char *role_word = NULL;
    size_t role_len = 0;
    for (size_t k = tb; k < te; k++) {
        size_t g = k > verb ? k - verb : verb - k;
        if (g > 3)
            continue;
        if (cni_ex_tok_is_ci(d, k, "he") || cni_ex_tok_is_ci(d, k, "she"))
            goto last_person;
        if (cni_ex_tok_is_ci(d, k, "the") && k + 1 < te && (d->seg.toks[k + 1].flags & TK_LOWER)) {
            const token *t = &d->seg.toks[k + 1];
            role_word = d->res.text + t->start;
            role_len = t->end - t->start;
        }
    }
    if (!role_word)
        return NULL;
    if (company_word(role_word, role_len)) {
        /* "the carmaker said": the maker named last before the quote. */
        for (size_t k = before; k-- > 0;) {
            uint32_t e = cni_ex_entity_at(d, k);
            if (e && d->ents[e - 1].pub.type == CN_ENT_BRAND)
                return d->ents[e - 1].pub.name;
        }
        return NULL;
    }
last_person:
    for (size_t k = before; k-- > 0;) {
        uint32_t e = cni_ex_entity_at(d, k);
        if (!e || d->ents[e - 1].pub.type != CN_ENT_PERSON)
            continue;
        const char *role = d->ents[e - 1].pub.role;
        if (!role_word || (role && contains(role, role_word, role_len)))
            return d->ents[e - 1].pub.name;
    }
    return NULL;
}

/* The speech verb must sit close to the quote: ", said X" just after it,
 * "X said:" just before it; a verb further off belongs to another clause. */
#define VERB_AFTER_QUOTE 8
#define VERB_BEFORE_QUOTE 12

static const char *attribute(cn_doc *d, size_t tb, size_t te, size_t before, int after_side)
{
    size_t verb;
    size_t vb = tb, ve = te;
    /* ", Tom Harris, an analyst at Bernstein, warned", ", the company's
     * chief executive, Jane Doe, said": a person in the attribution lets
     * the verb come later. */
    size_t reach = VERB_AFTER_QUOTE;
    for (size_t k = tb; after_side && k < te && k < tb + 2 * VERB_AFTER_QUOTE; k++) {
        uint32_t e = cni_ex_entity_at(d, k);
        if (e && d->ents[e - 1].pub.type == CN_ENT_PERSON)
            reach = 2 * VERB_AFTER_QUOTE;
    }
    if (after_side && ve > tb + reach)
        ve = tb + reach;
    if (!after_side && te > tb + VERB_BEFORE_QUOTE)
        vb = te - VERB_BEFORE_QUOTE;
    if (!speech_verb_in(d, vb, ve, &verb))
        return NULL;
    const char *s = speaker_near(d, tb, te, verb, 0);
    if (!s)
        s = resolve_reference(d, verb, tb, te, before);
    return s ? s : speaker_near(d, tb, te, verb, 1);
}

static int has_speaker(const cn_doc *d, size_t tb, size_t te)
{
    for (size_t k = tb; k < te; k++)
        if (is_speaker_type(d, cni_ex_entity_at(d, k), 0))
            return 1;
    return 0;
}

static int push_quote(cn_doc *d, size_t start, size_t end, const char *speaker)
{
    if (end <= start)
        return 0;
    if (d->n_quotes == d->cap_quotes) {
        size_t cap = d->cap_quotes ? d->cap_quotes * 2 : 16;
        cn_quote *p = cni_arena_grow(&d->mem, d->quotes, sizeof *p, d->n_quotes, cap);
        if (!p)
            return -1;
        d->quotes = p;
        d->cap_quotes = cap;
    }
    d->quotes[d->n_quotes].start = start;
    d->quotes[d->n_quotes].end = end;
    d->quotes[d->n_quotes].speaker = speaker;
    d->n_quotes++;
    return 0;
}

/* Quote spans of one paragraph's tokens [pb, pe). */
static size_t find_spans(const cn_doc *d, size_t pb, size_t pe, qspan *out, size_t max)
{
    size_t n = 0;
    for (size_t i = pb; i < pe && n < max; i++) {
        int curly = is_open_mark(d, i), straight = is_straight(d, i);
        int single = !curly && !straight && is_single_open(d, i);
        if (!curly && !straight && !single)
            continue;
        size_t j = i + 1;
        /* Writers mix curly and straight marks: either closes a double quote. */
        while (j < pe && !(single ? is_single_close(d, j, pe)
                                  : is_close_mark(d, j) || is_straight(d, j)))
            j++;
        if (single && (j >= pe || words_in(d, i + 1, j) < MIN_SINGLE_QUOTE_WORDS))
            continue;   /* a scare-quoted phrase or a stray mark */
        /* A quote left open runs to the paragraph end (it goes on in the next). */
        out[n].open_tok = i;
        out[n].close_tok = j;
        n++;
        i = j;
    }
    return n;
}

#define MAX_SPANS 32

/* Paragraphs of reported speech seen since the last speaker was set: the
 * speaker they name is worked out only if an unattributed quote asks for
 * it, the latest paragraph that names one winning, as if each had set it
 * in turn.  Most never are asked, and finding their verbs is costly. */
typedef struct {
    size_t (*range)[2];
    size_t n;
} pending_speech;

static const char *resolve_speaker(cn_doc *d, pending_speech *p, const char *last_speaker)
{
    while (p->n) {
        p->n--;
        size_t verb, pb = p->range[p->n][0], pe = p->range[p->n][1];
        const char *s = speech_verb_in(d, pb, pe, &verb) ? speaker_near(d, pb, pe, verb, 1) : NULL;
        if (s) {
            p->n = 0;
            return s;
        }
    }
    return last_speaker;
}

int cni_ex_quotes(cn_doc *d)
{
    const char *last_speaker = NULL;
    const token *t = d->seg.toks;
    size_t tok = 0;
    pending_speech pending = {NULL, 0};
    if (d->seg.n_paras) {
        pending.range = cni_arena_alloc(&d->mem, d->seg.n_paras * sizeof *pending.range);
        if (!pending.range)
            return -1;
    }
    for (size_t p = 0; p < d->seg.n_paras; p++) {
        size_t pb = tok;
        while (pb < d->seg.n_toks && t[pb].start < d->seg.paras[p].start)
            pb++;
        size_t pe = pb;
        while (pe < d->seg.n_toks && t[pe].end <= d->seg.paras[p].end)
            pe++;
        tok = pe;
        qspan q[MAX_SPANS];
        size_t nq = find_spans(d, pb, pe, q, MAX_SPANS);
        for (size_t k = 0; k < nq; k++) {
            size_t in_b = q[k].open_tok + 1, in_e = q[k].close_tok;
            if (in_b >= in_e)
                continue;
            /* One to three words in quotes are a term or a scare quote
             * unless a speech verb right by them names who used them:
             * “green” is nobody's, what X called “a perfect storm” is X's. */
            int scare = words_in(d, in_b, in_e) <= 3;
            /* Outside text: after the quote up to the next one, and before it. */
            size_t after_b = in_e < pe ? in_e + 1 : pe;
            size_t after_e = k + 1 < nq ? q[k + 1].open_tok : pe;
            /* The attribution after a quote ends with its sentence. */
            if (after_b < after_e) {
                uint32_t sn = t[after_b].sentence;
                size_t e2 = after_b;
                while (e2 < after_e && t[e2].sentence == sn)
                    e2++;
                after_e = e2;
            }
            size_t before_b = k ? (q[k - 1].close_tok < pe ? q[k - 1].close_tok + 1 : pe) : pb;
            size_t before_e = q[k].open_tok;
            /* "X said: “...”" introduces this quote, whatever follows it. */
            int colon = before_e > before_b && cni_ex_tok_is(d, before_e - 1, ":");
            const char *speaker = colon ? attribute(d, before_b, before_e, q[k].open_tok, 0)
                                        : NULL;
            if (!speaker)
                speaker = attribute(d, after_b, after_e, q[k].open_tok, 1);
            if (!speaker && !colon)
                speaker = attribute(d, before_b, before_e, q[k].open_tok, 0);
            if (scare && !speaker)
                continue;
            /* "Jane Doe also confirmed the plan. “...”": the person who
             * spoke earlier in the paragraph. */
            size_t v2;
            if (!speaker && speech_verb_in(d, before_b, before_e, &v2))
                speaker = speaker_near(d, before_b, before_e, v2, 0);
            if (!speaker && before_e == pb && after_b >= after_e)
                speaker = last_speaker = resolve_speaker(d, &pending, last_speaker);  /* all quote */
            if (!speaker && k > 0)
                speaker = d->n_quotes ? d->quotes[d->n_quotes - 1].speaker : NULL;
            if (speaker) {
                last_speaker = speaker;
                pending.n = 0;
            }
            if (push_quote(d, t[in_b].start, t[in_e - 1].end, speaker))
                return -1;
        }
        if (!nq && has_speaker(d, pb, pe)) {
            /* Reported speech names the next unattributed quote's speaker. */
            pending.range[pending.n][0] = pb;
            pending.range[pending.n][1] = pe;
            pending.n++;
        }
    }
    return 0;
}
