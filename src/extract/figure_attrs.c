/* Figures: the body that reports them and the places they belong to. */
#include <string.h>

#include "bytes.h"
#include "doc.h"
#include "figures_impl.h"

/* Bytes before a name searched for "according to". */
#define LEAD_WINDOW 40
#define NAME_WINDOW 40

static int reporting_kind(const cn_entity *p)
{
    return p->type == CN_ENT_ORGANIZATION && p->kind &&
           (STR_EQ(p->kind, "trade-body") || STR_EQ(p->kind, "media"));
}

/* "Acme said it would cut", "Acme reported its highest": after the
 * verb, the body speaks of itself. */
static int speaks_of_itself(const char *text, size_t a, size_t b)
{
    static const char *const self[] = {" it ", " its ", " it's ", " it\xE2\x80\x99s ",
                                       " that it ", " that its ", NULL};
    size_t i = a;
    while (i < b && text[i] == ' ')
        i++;
    while (i < b && text[i] != ' ')     /* the verb */
        i++;
    for (const char *const *w = self; *w; w++) {
        size_t n = strlen(*w);
        if (i + n <= b + 1 && strncmp(text + i, *w, n) == 0)
            return 1;
    }
    return 0;
}

static int contains(const char *text, size_t a, size_t b, const char *w)
{
    size_t n = strlen(w);
    for (size_t i = a; i + n <= b; i++)
        if (text[i] == w[0] && memcmp(text + i, w, n) == 0)
            return 1;
    return 0;
}

size_t cni_fig_source(cn_doc *d, const sentence *s)
{
    const char *text = d->res.text;
    uint32_t prev = 0;
    for (size_t k = s->tok_begin; k < s->tok_end; k++) {
        uint32_t e = cni_ex_entity_at(d, k);
        if (!e || e == prev) {
            prev = e;
            continue;
        }
        prev = e;
        const cn_entity *p = &d->ents[e - 1].pub;
        if (p->type != CN_ENT_ORGANIZATION && p->type != CN_ENT_BRAND)
            continue;
        size_t ms = d->seg.toks[k].start, me = d->seg.toks[k].end;
        size_t j = k + 1;
        while (j < s->tok_end && cni_ex_entity_at(d, j) == e)
            me = d->seg.toks[j++].end;
        if (p->type == CN_ENT_ORGANIZATION && reporting_kind(p))
            return e - 1;
        size_t a1 = me + NAME_WINDOW < s->end ? me + NAME_WINDOW : s->end;
        size_t b0 = ms > s->start + LEAD_WINDOW ? ms - LEAD_WINDOW : s->start;
        /* a maker "said" its own figures: only organizations report others',
         * and a supplier, or a body saying "it would", speaks of its own */
        const gz_entry *gz = d->ents[e - 1].gz;
        int own = (gz && (gz->flags & GZF_SUPPLIER)) || speaks_of_itself(text, me, a1);
        if (p->type == CN_ENT_ORGANIZATION && !own &&
            cni_rx_any(d->an->rx, d->scratch, "figure-source", text + me, a1 - me))
            return e - 1;
        /* A maker is a source only "according to" it: no "acc" where a hit
         * could start, no search. */
        size_t acc_end = ms + 2 < d->res.text_len ? ms + 2 : d->res.text_len;
        if (p->type == CN_ENT_BRAND && !contains(text, b0, acc_end, "acc"))
            continue;
        rx_hit h[4];
        size_t n = cni_rx_find(d->an->rx, d->scratch, "figure-source", text + b0, ms - b0, h, 4);
        for (size_t i = 0; i < n; i++)
            if (STR_EQ(h[i].label, "lead") && (p->type == CN_ENT_ORGANIZATION ||
                                                 strncmp(text + b0 + h[i].start, "acc", 3) == 0))
                return e - 1;
    }
    return FIG_NONE;
}

static int word_is(const char *text, size_t s, size_t e, const char *const *list)
{
    for (; *list; list++)
        if ((*list)[0] == text[s] && e - s == strlen(*list) && strncmp(text + s, *list, e - s) == 0)
            return 1;
    return 0;
}

/* "the EU car market", "US EV sales": "car" there names a market, not a
 * maker's origin. */
static int market_word_after(const cn_doc *d, const sentence *s, size_t q)
{
    static const char *const market[] = {"market", "markets", "sales", "registrations",
                                         "demand", "buyers", NULL};
    if (q + 1 >= s->tok_end)
        return 0;
    const token *t = &d->seg.toks[q + 1];
    return word_is(d->res.text, t->start, t->end, market);
}

int cni_fig_origin_place(const cn_doc *d, const sentence *s, size_t k)
{
    static const char *const makers[] = {
        "carmaker", "carmakers", "automaker", "automakers", "maker", "makers",
        "manufacturer", "manufacturers", "group", "firm", "company", "giant", "rival",
        "rivals", "brand", "brands", "owner", "start-up", "startup", "EV", "car", "-based",
        "peer", "peers", "counterpart", "supplier", "conglomerate", NULL};
    size_t j = cni_ex_after_mention(d, k, s->tok_end);
    if (j >= s->tok_end)
        return 0;
    const token *t = &d->seg.toks[j];
    const char *text = d->res.text;
    /* "the Mumbai-headquartered automaker", "UK-made cars" */
    if (t->end - t->start == 1 && text[t->start] == '-' && j + 1 < s->tok_end &&
        d->seg.toks[j + 1].start == t->end && cni_seg_place_suffix(text, d->res.text_len, t->end))
        return 1;
    if (t->end - t->start <= 4 && (text[t->start] == '\'' || (unsigned char)text[t->start] == 0xE2)) {
        /* "Japan's Toyota": possessive then a maker */
        if (j + 1 < s->tok_end && text[t->end - 1] == 's')
            j++;
        else if (j + 2 < s->tok_end)
            j += 2;
        if (j >= s->tok_end)
            return 0;
        uint32_t b = cni_ex_entity_at(d, j);
        if (b)
            return d->ents[b - 1].pub.type == CN_ENT_BRAND;
        /* "Germany's second-biggest car maker": a few words, then the maker */
        for (size_t q = j; q < s->tok_end && q < j + 4 && (d->seg.toks[q].flags & TK_WORD); q++)
            if (word_is(text, d->seg.toks[q].start, d->seg.toks[q].end, makers) &&
                !market_word_after(d, s, q))
                return 1;
        return 0;
    }
    uint32_t b = cni_ex_entity_at(d, j);
    if (b && d->ents[b - 1].pub.type == CN_ENT_BRAND)
        return 1;
    return word_is(text, t->start, t->end, makers) && !market_word_after(d, s, j);
}

const char *cni_fig_plant_region(const cn_doc *d, const sentence *s, size_t x0, size_t x1)
{
    const char *best = NULL;
    size_t best_gap = (size_t)-1;
    for (size_t k = s->tok_begin; k < s->tok_end; k++) {
        uint32_t e = cni_ex_entity_at(d, k);
        if (!e || d->ents[e - 1].pub.type != CN_ENT_PLANT)
            continue;
        const cn_entity *p = &d->ents[e - 1].pub;
        const token *t = &d->seg.toks[k];
        size_t g = t->end <= x0 ? x0 - t->end : t->start >= x1 ? t->start - x1 : 0;
        if (g < best_gap) {
            best_gap = g;
            best = p->country ? p->country : p->location ? p->location : p->name;
        }
    }
    return best;
}

/* Mentions of a place that are no maker's origin ("German carmaker"). */
static size_t place_mentions(const cn_doc *d, const entity_build *b)
{
    static const char *const makers[] = {"carmaker", "carmakers", "automaker", "automakers",
                                         "maker", "makers", "manufacturer", "group", "firm",
                                         "company", "giant", "rival", "rivals", "brand", NULL};
    const char *text = d->res.text;
    size_t n = 0;
    for (size_t m = 0; m < b->n_mentions; m++) {
        size_t i = b->mentions[m].end, e;
        while (i < d->res.text_len && text[i] == ' ')
            i++;
        for (e = i; e < d->res.text_len && text[e] >= 'a' && text[e] <= 'z'; e++)
            ;
        n += !word_is(text, i, e, makers);
    }
    return n;
}

/* The entity of the type (for brands: or a company) that is named most, if
 * it is named at least min times and twice as often as the next. */
static const char *dominant(const cn_doc *d, cn_entity_type type, const char *kind,
                            size_t min)
{
    size_t best = 0, second = 0, total = 0;
    const char *name = NULL;
    for (size_t i = 0; i < d->n_ents; i++) {
        const cn_entity *p = &d->ents[i].pub;
        int company = type == CN_ENT_BRAND && p->type == CN_ENT_ORGANIZATION && p->kind &&
                      STR_EQ(p->kind, "company");
        if (!company && (p->type != type || (kind && (!p->kind || strcmp(p->kind, kind)))))
            continue;
        size_t n = d->ents[i].n_mentions;
        if (type == CN_ENT_PLACE)
            n = place_mentions(d, &d->ents[i]);
        total += n;
        if (n > best) {
            second = best;
            best = n;
            name = p->name;
        } else if (n > second) {
            second = n;
        }
    }
    (void)total;
    return best >= min && (best >= 2 || second == 0) && best >= 2 * second ? name : NULL;
}

const char *cni_fig_main_brand(const cn_doc *d) { return dominant(d, CN_ENT_BRAND, NULL, 1); }

const char *cni_fig_main_country(const cn_doc *d) { return dominant(d, CN_ENT_PLACE, "country", 1); }


void cni_fig_window(const cn_doc *d, const sentence *s, size_t x0, size_t *lo, size_t *hi)
{
    size_t at = cni_fig_token_at(d, s, x0);
    *lo = at > s->tok_begin + REGION_WORDS_REACH ? at - REGION_WORDS_REACH : s->tok_begin;
    *hi = at + REGION_WORDS_REACH < s->tok_end ? at + REGION_WORDS_REACH : s->tok_end;
}

size_t cni_fig_token_at(const cn_doc *d, const sentence *s, size_t x)
{
    const token *t = d->seg.toks;
    size_t lo = s->tok_begin, hi = s->tok_end;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t[mid].start < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* "the Chinese market", "the German car market", "its European sales":
 * the place a demonym before the market or its count names, or NULL. */
const char *cni_fig_market_region(cn_doc *d, const sentence *s, size_t x0, size_t x1)
{
    static const char *const between[] = {"car", "auto", "vehicle", "EV", "new-car",
                                          "passenger", "electric", "new", NULL};
    const token *t = d->seg.toks;
    size_t lo, hi;
    cni_fig_window(d, s, x0, &lo, &hi);
    for (size_t k = lo; k + 1 < hi; k++) {
        if (!(t[k].flags & TK_UPPER))
            continue;
        size_t j = k + 1;
        while (j < s->tok_end && j < k + 3 && word_is(d->res.text, t[j].start, t[j].end, between))
            j++;
        static const char *const counted[] = {"market", "sales", "registrations", "exports",
                                              "deliveries", NULL};
        if (j >= s->tok_end || !word_is(d->res.text, t[j].start, t[j].end, counted))
            continue;
        /* only in the figure's own clause */
        if (t[j].end <= x0 ? cni_fig_crosses_clause(d->res.text, t[j].end, x0)
                           : t[k].start >= x1 && cni_fig_crosses_clause(d->res.text, x1, t[k].start))
            continue;
        gz_match m[16];
        size_t n = cni_ex_gz_at(d, k, m, 16);
        for (size_t q = 0; q < n; q++)
            if (m[q].entry->kind == GZ_DEMONYM && m[q].ntok == 1 && m[q].entry->link)
                return m[q].entry->link->name;
    }
    return NULL;
}

/* "in the country": the country last named before the sentence. */
const char *cni_fig_last_country(const cn_doc *d, const sentence *s, size_t x0)
{
    static const char *const words[] = {"country", "country's", NULL};
    int says = 0;
    size_t lo, hi;
    cni_fig_window(d, s, x0, &lo, &hi);
    for (size_t k = lo + 1; k < hi && !says; k++)
        says = word_is(d->res.text, d->seg.toks[k].start, d->seg.toks[k].end, words) &&
               cni_ex_tok_is_ci(d, k - 1, "the");
    if (!says)
        return NULL;
    size_t back = s->tok_begin > LAST_COUNTRY_REACH ? s->tok_begin - LAST_COUNTRY_REACH : 0;
    for (size_t k = s->tok_begin; k-- > back;) {
        uint32_t e = cni_ex_entity_at(d, k);
        if (!e)
            continue;
        const cn_entity *p = &d->ents[e - 1].pub;
        if (p->type == CN_ENT_PLACE && p->kind && STR_EQ(p->kind, "country"))
            return p->name;
    }
    return NULL;
}

/* "Volkswagen Group, the owner of Audi and Porsche, said its profit": an
 * entity inside an appositive between commas stands for nobody; "its" is
 * the entity the appositive describes. */
size_t cni_fig_appositive_head(const cn_doc *d, const sentence *s, size_t se, size_t x0)
{
    const token *t = d->seg.toks;
    /* the mention of se nearest before the figure, a few tokens back */
    size_t f = cni_fig_token_at(d, s, x0);
    size_t k = f;
    while (k > s->tok_begin && f - k < 4 * APPOSITIVE_TOKENS && cni_ex_entity_at(d, k - 1) != se + 1)
        k--;
    if (k == s->tok_begin || cni_ex_entity_at(d, k - 1) != se + 1)
        return se;
    k = cni_ex_mention_start(d, k - 1, s->tok_begin);
    size_t open = FIG_NONE, close = FIG_NONE;
    for (size_t j = k; j-- > s->tok_begin && k - j <= APPOSITIVE_TOKENS && open == FIG_NONE;)
        if (cni_ex_tok_is(d, j, ","))
            open = j;
    for (size_t j = k; j < s->tok_end && t[j].start < x0 && close == FIG_NONE; j++)
        if (cni_ex_tok_is(d, j, ","))
            close = j;
    if (open == FIG_NONE || close == FIG_NONE || open == s->tok_begin ||
        close - open > APPOSITIVE_TOKENS)
        return se;
    uint32_t head = cni_ex_entity_at(d, open - 1);
    if (!head || head == se + 1)
        return se;
    cn_entity_type ty = d->ents[head - 1].pub.type;
    int company = ty == CN_ENT_ORGANIZATION && d->ents[head - 1].gz &&
                  (d->ents[head - 1].gz->flags & GZF_SUPPLIER);
    return ty == CN_ENT_BRAND || company ? head - 1 : se;
}

/* Is token k inside ", which ... ," (or who, whose) that does not hold
 * the byte x0? */
int cni_fig_in_other_relative_clause(const cn_doc *d, const sentence *s, size_t k, size_t x0)
{
    static const char *const REL[] = {"which", "who", "whose", NULL};
    static word_set REL_SET = WORD_SET(REL);
    size_t open = FIG_NONE, close = FIG_NONE;
    for (size_t j = k; j > s->tok_begin + 1 && k - j < RELATIVE_TOKENS && open == FIG_NONE; j--)
        if (cni_ex_tok_is(d, j - 1, ",") && cni_ex_tok_in(d, j, &REL_SET))
            open = j - 1;
    if (open == FIG_NONE)
        return 0;
    for (size_t j = k + 1; j < s->tok_end && j - k < RELATIVE_TOKENS && close == FIG_NONE; j++)
        if (cni_ex_tok_is(d, j, ","))
            close = j;
    if (close == FIG_NONE)
        return 0;
    const token *t = d->seg.toks;
    return x0 < t[open].start || x0 >= t[close].end;
}
