/* Figures: numbers that carry industry news, with kind, unit, subject,
 * region and period. */
#include <math.h>
#include <string.h>
#include <strings.h>

#include "bytes.h"
#include "doc.h"
#include "figures_impl.h"
#include "numbers.h"

#define MAX_KIND_HITS 64
/* How near a global word ("worldwide") must be to take a figure's region. */
#define GLOBAL_REACH 30
/* Bare counts below this are ordinals of speech ("two sites"), not news. */
#define MIN_BARE_COUNT 50


/* In a type mask: suppliers from the brand list (battery makers and the
 * like are subjects of figures as makers are). */
#define COMPANY_BIT (1u << 30)

enum { PREFER_NONE, PREFER_LEFT, PREFER_RIGHT, ONLY_LEFT };

/* Entity (index) of the given types nearest to byte range [x0,x1) within
 * tokens [tb, te); SIZE_MAX if none. */
#define POSSESSIVE_PENALTY 40

/* Is the mention at token k followed by "'s"? */
static int possessive_after(const cn_doc *d, const sentence *s, size_t k)
{
    size_t j = cni_ex_after_mention(d, k, s->tok_end);
    if (j >= s->tok_end)
        return 0;
    const token *t = &d->seg.toks[j];
    const char *w = d->res.text + t->start;
    size_t n = t->end - t->start;
    return (n == 2 && w[0] == '\'' && w[1] == 's') ||
           (n == 4 && (unsigned char)w[0] == 0xE2 && w[3] == 's') ||
           (n == 1 && (w[0] == '\'' || (unsigned char)w[0] == 0xE2));
}

static int place_owns_other(const cn_doc *d, const sentence *s, size_t k, size_t x0)
{
    size_t j = cni_ex_after_mention(d, k, s->tok_end);
    size_t i = d->seg.toks[j - 1].end;
    while (i < s->end && d->res.text[i] == ' ')
        i++;
    num_expr x;
    return i < s->end && i != x0 && cni_num_at(d->res.text, s->end, i, &x) && i < x0 + 1000 &&
           !(x.flags & (NUM_YEAR | NUM_TIME | NUM_ORDINAL));
}

/* "announced in Berlin", "the KBA in Flensburg", "based in Detroit": the
 * place where something was said, or where the reporting body sits, is no
 * figure's region. */
static int venue_place(const cn_doc *d, const sentence *s, size_t k)
{
    static const char *const said[] = {
        "announced", "said", "says", "told", "reported", "stated", "added", "explained",
        "based", "headquartered", "presented", "unveiled", NULL};
    if (k < s->tok_begin + 2 || !(cni_ex_tok_is_ci(d, k - 1, "in") || cni_ex_tok_is_ci(d, k - 1, "at")))
        return 0;
    size_t b = k - 2;
    for (size_t i = 0; said[i]; i++)
        if (cni_ex_tok_is_ci(d, b, said[i]))
            return 1;
    /* "the Federal Motor Transport Authority (KBA) in Flensburg": look
     * before a bracketed acronym of a few tokens. */
    if (cni_ex_tok_is(d, b, ")")) {
        size_t open = b;
        while (open > s->tok_begin && open + 4 > b && !cni_ex_tok_is(d, open, "("))
            open--;
        if (cni_ex_tok_is(d, open, "(") && open > s->tok_begin)
            b = open - 1;
    }
    uint32_t e = cni_ex_entity_at(d, b);
    return e && d->ents[e - 1].pub.type == CN_ENT_ORGANIZATION;
}



static size_t nearest_entity_x(const cn_doc *d, const sentence *s, size_t x0, size_t x1,
                               unsigned type_mask, int side, size_t skip, int origin_ok)
{
    size_t tb = s->tok_begin, te = s->tok_end;
    size_t best = (size_t)-1, best_gap = (size_t)-1;
    for (size_t k = tb; k < te; k++) {
        uint32_t e = cni_ex_entity_at(d, k);
        if (!e)
            continue;
        const cn_entity *p = &d->ents[e - 1].pub;
        const gz_entry *gz = d->ents[e - 1].gz;
        int company = p->type == CN_ENT_ORGANIZATION && gz && (gz->flags & GZF_SUPPLIER);
        if (!(type_mask & (1u << p->type)) && !(company && (type_mask & COMPANY_BIT)))
            continue;
        if (e - 1 == skip || (side == ONLY_LEFT && d->seg.toks[k].start >= x1))
            continue;
        if (!origin_ok && p->type == CN_ENT_PLACE &&
            (cni_fig_origin_place(d, s, k) || venue_place(d, s, k)))
            continue;
        /* "BYD, which is building a plant in Bahia, sold 11,500 cars": a
         * place in a relative clause the figure is not in */
        if (p->type == CN_ENT_PLACE && (type_mask & (1u << CN_ENT_PLACE)) &&
            cni_fig_in_other_relative_clause(d, s, k, x0))
            continue;
        /* "the US 16%, Japan 20%": a place right before another number is its */
        if (p->type == CN_ENT_PLACE && (type_mask & (1u << CN_ENT_PLACE)) &&
            place_owns_other(d, s, k, x0))
            continue;
        const token *t = &d->seg.toks[k];
        size_t g = cni_fig_gap(x0, x1, t->start, t->end);
        int crosses = t->end <= x0 ? cni_fig_crosses_clause(d->res.text, t->end, x0)
                                   : cni_fig_crosses_clause(d->res.text, x1, t->start);
        if (crosses)
            g += CLAUSE_PENALTY;
        /* "the UK's biggest market": a possessor place is the owner */
        if (p->type == CN_ENT_PLACE && (type_mask & (1u << CN_ENT_PLACE)) &&
            possessive_after(d, s, k))
            g += POSSESSIVE_PENALTY;
        /* Subjects mostly come before the number in English ("Jaguar sold
         * 16,617"), regions after it ("16,617 in the UK"). */
        if ((side == PREFER_LEFT && t->start >= x1) || (side == PREFER_RIGHT && t->end <= x0))
            g = g * 2 + 8;
        /* "the market shrank to 10.6m, while Stellantis' share fell": a
         * subject is not found in a later clause */
        if (g < best_gap && crosses && side != PREFER_NONE && t->start >= x1 &&
            cni_fig_contrast_between(d->res.text, x1, t->start))
            continue;
        if (g < best_gap) {
            best_gap = g;
            best = e - 1;
        }
    }
    return best;
}

static const char *subject_name(const cn_doc *d, size_t e)
{
    if (e == (size_t)-1)
        return NULL;
    const cn_entity *p = &d->ents[e].pub;
    if (p->type == CN_ENT_PLANT && p->owner)
        return p->owner;
    if (p->type == CN_ENT_MODEL && p->brand)
        return p->brand;
    return p->name;
}

#define SUBJECT_TYPES ((1u << CN_ENT_PLANT) | (1u << CN_ENT_MODEL))

static int push_figure(cn_doc *d, const cn_figure *f)
{
    if (d->n_figs == d->cap_figs) {
        size_t cap = d->cap_figs ? d->cap_figs * 2 : 16;
        cn_figure *p = cni_arena_grow(&d->mem, d->figs, sizeof *p, d->n_figs, cap);
        if (!p)
            return -1;
        d->figs = p;
        d->cap_figs = cap;
    }
    d->figs[d->n_figs++] = *f;
    return 0;
}

static size_t tok_at_byte(const cn_doc *d, size_t tb, size_t te, size_t byte)
{
    for (size_t k = tb; k < te; k++)
        if (d->seg.toks[k].end > byte)
            return k;
    return te;
}

static int skip_number(const cn_doc *d, const sentence *s, const num_expr *x)
{
    if (x->flags & (NUM_YEAR | NUM_TIME | NUM_ORDINAL | NUM_DECADE))
        return 1;
    /* The token holding the first digit: "SEK 2.3bn" starts with letters. */
    size_t digit = x->num_start;
    while (digit < x->end && !(d->res.text[digit] >= '0' && d->res.text[digit] <= '9'))
        digit++;
    size_t k = tok_at_byte(d, s->tok_begin, s->tok_end, digit < x->end ? digit : x->num_start);
    uint32_t e = cni_ex_entity_at(d, k);
    if (e) {
        cn_entity_type ty = d->ents[e - 1].pub.type;
        if (ty != CN_ENT_PLACE && ty != CN_ENT_PERSON)
            return 1;   /* part of a name: "Omoda 5", "Type 00" */
    }
    int bare = !(x->flags & (NUM_MONEY | NUM_PERCENT | NUM_SCALED)) && !x->unit;
    if (bare && fabs(x->value) < MIN_BARE_COUNT)
        return 1;
    if (bare && cni_fig_named_number(d, x->num_start))
        return 1;   /* "the LC 500", "S&P 500" */
    /* power, range, speed, weight: specifications, not figures */
    if (x->unit && !(x->flags & (NUM_MONEY | NUM_PERCENT)) && !STR_EQ(x->unit, "GWh") &&
        !STR_EQ(x->unit, "MWh") && !STR_EQ(x->unit, "GW") && !STR_EQ(x->unit, "MW"))
        return 1;
    return 0;
}

static unit_class classify_unit(const num_expr *x)
{
    if (x->flags & NUM_MONEY)
        return U_MONEY;
    if ((x->flags & NUM_SCALED) && !x->unit && x->value >= 1e8)
        return U_SCALED;
    if (x->flags & NUM_PERCENT)
        return U_PERCENT;
    if (x->unit && !STR_EQ(x->unit, "percent") && !STR_EQ(x->unit, "percentage-points"))
        return U_OTHER;
    return U_COUNT;
}

static int money_kind(const char *kind)
{
    return STR_EQ(kind, "investment") || STR_EQ(kind, "revenue") ||
           STR_EQ(kind, "profit") || STR_EQ(kind, "price");
}

static const char *unit_for(const char *kind, unit_class uc, const num_expr *x,
                            const char *last_currency)
{
    if (uc == U_MONEY || uc == U_OTHER)
        return x->unit;
    if (uc == U_SCALED && money_kind(kind))
        return last_currency;   /* "2.3 billion" after "8 billion euros" */
    if (uc == U_PERCENT)
        return "percent";
    if (STR_EQ(kind, "jobs"))
        return "jobs";
    if (STR_EQ(kind, "other") || STR_EQ(kind, "change"))
        return "units";
    return "vehicles";
}

/* Is a brand named between bytes a and b of the sentence? */
static int brand_between(const cn_doc *d, const sentence *s, size_t a, size_t b)
{
    for (size_t k = s->tok_begin; k < s->tok_end; k++) {
        const token *t = &d->seg.toks[k];
        if (t->start >= b)
            break;
        uint32_t e = cni_ex_entity_at(d, k);
        if (t->start >= a && e && d->ents[e - 1].pub.type == CN_ENT_BRAND)
            return 1;
    }
    return 0;
}

/* "Omoda and Jaecoo managed 19,855 and 28,232 sales, respectively": the
 * n-th figure of the last run of figures (no name between them) goes with
 * the n-th of the names listed just before the run. */
static void apply_respectively(cn_doc *d, const sentence *s, size_t first_fig)
{
    size_t run[8], nf = 0;
    for (size_t i = d->n_figs; i-- > first_fig && nf < 8;) {
        const cn_figure *f = &d->figs[i];
        if (nf && f->start == d->figs[run[nf - 1]].start)
            continue;   /* the same number: a range's other end, a job change */
        if (nf && brand_between(d, s, f->end, d->figs[run[nf - 1]].start))
            break;
        run[nf++] = i;
    }
    if (nf < 2)
        return;
    size_t names[8], nn = 0;
    size_t x0 = d->figs[run[nf - 1]].start;
    for (size_t k = s->tok_begin; k < s->tok_end; k++) {
        if (d->seg.toks[k].start >= x0)
            break;
        uint32_t e = cni_ex_entity_at(d, k);
        if (!e || d->ents[e - 1].pub.type != CN_ENT_BRAND)
            continue;
        if (nn && names[nn - 1] == e - 1)
            continue;
        if (nn == 8)
            memmove(names, names + 1, sizeof names[0] * --nn);
        names[nn++] = e - 1;
    }
    if (nn < nf)
        return;
    /* run[] is last to first; same-number figures share their subject */
    for (size_t i = 0; i < nf; i++) {
        const char *name = d->ents[names[nn - 1 - i]].pub.name;
        for (size_t j = first_fig; j < d->n_figs; j++)
            if (d->figs[j].start == d->figs[run[i]].start)
                d->figs[j].subject = name;
    }
}

/* Bytes either side of a percentage searched for rise/fall words. */
#define CHANGE_WINDOW 28

static int is_change(cn_doc *d, const sentence *s, const num_expr *x)
{
    const char *text = d->res.text;
    if (text[x->start] == '+' || (x->flags & NUM_NEGATIVE))
        return 1;
    size_t b0 = x->start > s->start + CHANGE_WINDOW ? x->start - CHANGE_WINDOW : s->start;
    size_t a1 = x->end + CHANGE_WINDOW < s->end ? x->end + CHANGE_WINDOW : s->end;
    rx_hit h[8];
    size_t n = cni_rx_find(d->an->rx, d->scratch, "change", text + b0, x->start - b0, h, 8);
    int before = 0;
    for (size_t k = 0; k < n; k++) {
        if (STR_EQ(h[k].label, "level"))
            return 0;
        before |= STR_EQ(h[k].label, "before");
    }
    if (before)
        return 1;
    n = cni_rx_find(d->an->rx, d->scratch, "change", text + x->end, a1 - x->end, h, 8);
    for (size_t k = 0; k < n; k++)
        if (STR_EQ(h[k].label, "after"))
            return 1;
    return 0;
}

/* How far into the article its lead maker is looked for. */
#define LEAD_SENTENCES 4

typedef struct {
    const char *last_subject;       /* carries over sentences of a paragraph */
    const char *last_count_kind;    /* likewise: "97,212 units" after "registered" */
    const char *last_currency;      /* carries over the article */
    const char *main_country;       /* the article's country, if it has one */
    const char *main_brand;         /* the article's maker, if one dominates */
    const char *topic;              /* the first maker named in the paragraph's last sentence */
    const char *last_plant;         /* region of the factory last named in the article */
    const char *prev_topic;         /* the topic the previous paragraph ended on */
    const char *lead;               /* the first maker the body's opening sentences name */
} figure_ctx;

static int year_like(double v) { return v >= 1900 && v <= 2100 && v == (double)(long)v; }

/* The kind a change measures: the nearest keyword that is not a change. */
static const char *change_measure(const char *text, const rx_hit *h, size_t nh, size_t base,
                                  size_t x0, size_t x1)
{
    int loss;
    const char *k = cni_fig_kind(text, h, nh, base, x0, x1, U_SCALED, &loss);
    if (STR_EQ(k, "other")) {
        k = cni_fig_kind(text, h, nh, base, x0, x1, U_MONEY, &loss);
        if (STR_EQ(k, "other"))
            return NULL;
    }
    return k;
}

static int possessive_before(const char *text, size_t from, size_t at)
{
    size_t e = at;
    while (e > from && text[e - 1] == ' ')
        e--;
    return (e >= from + 3 && !strncasecmp(text + e - 3, "its", 3) &&
            (e == from + 3 || text[e - 4] == ' ')) ||
           (e >= from + 5 && !strncasecmp(text + e - 5, "their", 5) &&
            (e == from + 5 || text[e - 6] == ' '));
}


static void figure_subject(cn_doc *d, const sentence *s, cn_figure *f, size_t src,
                           figure_ctx *fc)
{
    /* "its 5,500 sales ... ahead of Subaru": the owner is named before */
    int side = possessive_before(d->res.text, s->start, f->start) ? ONLY_LEFT : PREFER_LEFT;
    size_t se = nearest_entity_x(d, s, f->start, f->end, (1u << CN_ENT_BRAND) | COMPANY_BIT,
                                 side, src, 1);
    if (se != FIG_NONE)
        se = cni_fig_appositive_head(d, s, se, f->start);
    if (se == FIG_NONE)
        se = nearest_entity_x(d, s, f->start, f->end, SUBJECT_TYPES, PREFER_LEFT, src, 1);
    if (se == FIG_NONE) {   /* a company that is not a maker: "Agratas will employ" */
        size_t oe = nearest_entity_x(d, s, f->start, f->end, 1u << CN_ENT_ORGANIZATION,
                                     PREFER_LEFT, src, 1);
        if (oe != FIG_NONE && d->ents[oe].pub.kind && STR_EQ(d->ents[oe].pub.kind, "company"))
            se = oe;
    }
    f->subject = subject_name(d, se);
    if (f->subject) {
        fc->last_subject = f->subject;
        return;
    }
    /* No name in the clause: "it", "the group" or a company's own kind of
     * figure refers back; a market's figures ("registrations rose to ...")
     * and figures a body reports have no subject of their own. */
    int anaphor = cni_rx_any(d->an->rx, d->scratch, "figure-anaphor", d->res.text + s->start,
                             f->end - s->start);
    int market = STR_EQ(f->kind, "registrations") || STR_EQ(f->kind, "market-share") ||
                 STR_EQ(f->kind, "exports");
    if (!anaphor && (market || src != FIG_NONE))
        return;
    f->subject = fc->last_subject ? fc->last_subject : fc->topic ? fc->topic : fc->main_brand;
    /* "The Mumbai-headquartered automaker posted": with no maker in the
     * paragraph, the one the last paragraph ended on, or the article's. */
    if (!f->subject && anaphor)
        f->subject = fc->prev_topic ? fc->prev_topic : fc->lead;
}

/* The first maker or company a sentence names: its grammatical subject in
 * most news English, and the referent of "it" in the next sentence. */
static const char *sentence_topic(const cn_doc *d, const sentence *s)
{
    for (size_t k = s->tok_begin; k < s->tok_end; k++) {
        uint32_t e = cni_ex_entity_at(d, k);
        if (!e)
            continue;
        const cn_entity *p = &d->ents[e - 1].pub;
        if (p->type == CN_ENT_BRAND ||
            (p->type == CN_ENT_ORGANIZATION && p->kind && STR_EQ(p->kind, "company")))
            return p->name;
        if (p->type == CN_ENT_PLANT && p->owner)
            return p->owner;
    }
    return NULL;
}

/* "926,600 vehicles worldwide in 2024, of which 240,000 went to
 * Germany": a global word in the figure's own clause leaves it no region. */
static int global_in_clause(cn_doc *d, const sentence *s, const cn_figure *f)
{
    rx_hit h[8];
    size_t n = cni_rx_find(d->an->rx, d->scratch, "figure-global", d->res.text + s->start,
                           s->end - s->start, h, 8);
    for (size_t k = 0; k < n; k++) {
        size_t a = s->start + h[k].start, b = s->start + h[k].end;
        size_t g0 = b <= f->start ? b : f->end, g1 = b <= f->start ? f->start : a;
        int digit = 0;
        for (size_t i = g0; i < g1 && !digit; i++)
            digit = d->res.text[i] >= '0' && d->res.text[i] <= '9';
        if (!digit && cni_fig_gap(f->start, f->end, a, b) <= GLOBAL_REACH &&
            !(b <= f->start ? cni_fig_crosses_clause(d->res.text, b, f->start)
                            : cni_fig_crosses_clause(d->res.text, f->end, a)))
            return 1;
    }
    return 0;
}

static int own_money(const char *kind)
{
    return STR_EQ(kind, "revenue") || STR_EQ(kind, "profit") || STR_EQ(kind, "price");
}

/* Is every mention of place entity e near the figure in a later clause
 * ("..., as U.S. tariffs bit")?  One before it may be the sentence's
 * subject ("The UK is ..., turning over £82bn"). */
static int place_in_other_clause(const cn_doc *d, const sentence *s, size_t e, const cn_figure *f)
{
    const token *t = d->seg.toks;
    size_t lo, hi;
    cni_fig_window(d, s, f->start, &lo, &hi);
    int later = 0;
    for (size_t k = lo; k < hi; k++) {
        if (cni_ex_entity_at(d, k) != e + 1)
            continue;
        if (t[k].end <= f->start || !cni_fig_crosses_clause(d->res.text, f->end, t[k].start))
            return 0;
        later = 1;
    }
    return later;
}

static void figure_region(cn_doc *d, const sentence *s, cn_figure *f, figure_ctx *fc)
{
    if (global_in_clause(d, s, f)) {
        f->region = NULL;
        return;
    }
    size_t re = nearest_entity_x(d, s, f->start, f->end, 1u << CN_ENT_PLACE, PREFER_RIGHT,
                                 FIG_NONE, 0);
    /* A company's own money ("raised its profit forecast to ¥3.4tn, as
     * U.S. tariffs bit") takes no place from a later clause. */
    if (re != FIG_NONE && own_money(f->kind) && place_in_other_clause(d, s, re, f))
        re = FIG_NONE;
    f->region = re == FIG_NONE ? NULL : d->ents[re].pub.name;
    if (!f->region && cni_rx_any(d->an->rx, d->scratch, "figure-global", d->res.text + s->start,
                                 s->end - s->start))
        return;     /* "global capacity", "worldwide sales": no region */
    if (!f->region)
        f->region = cni_fig_market_region(d, s, f->start, f->end);
    if (!f->region)
        f->region = cni_fig_last_country(d, s, f->start);
    if (!f->region)
        f->region = cni_fig_plant_region(d, s, f->start, f->end);
    /* "the plant": the factory last named */
    if (!f->region && fc->last_plant &&
        cni_rx_any(d->an->rx, d->scratch, "plant-anaphor", d->res.text + s->start,
                   s->end - s->start))
        f->region = fc->last_plant;
    /* else the article's own country, when it has one (a region named in
     * an earlier sentence is too often another figure's) */
    /* A company's revenue, profit or prices are its own, group-wide,
     * unless the clause names a place. */
    if (!f->region && !STR_EQ(f->kind, "revenue") && !STR_EQ(f->kind, "profit") &&
        !STR_EQ(f->kind, "price"))
        f->region = fc->main_country;
}

/* Unit and kind from the counted noun after the number; 0 when it is a
 * specification, not a figure. */
static int apply_noun(cn_doc *d, const sentence *s, const num_expr *x, unit_class uc,
                      cn_figure *f)
{
    if (uc == U_MONEY || uc == U_PERCENT || uc == U_OTHER)
        return 1;
    const char *noun;
    int r = cni_fig_noun_after(d, x->end, s->end, &noun);
    if (r == FIG_SPEC)
        return 0;
    if (uc == U_SCALED && money_kind(f->kind))
        return 1;
    if (r == FIG_VEHICLES) {
        f->unit = "vehicles";
        if (STR_EQ(f->kind, "jobs"))
            f->kind = "other";
    } else if (r == FIG_JOBS) {
        f->unit = "jobs";
        if (!STR_EQ(f->kind, "change"))
            f->kind = "jobs";
    } else if (r == FIG_NOUN) {
        f->unit = noun;
    }
    return 1;
}

/* "will cut 4,000 jobs": beside the count, a signed change in jobs. */
#define JOB_VERB_WINDOW 48

static int job_change(cn_doc *d, const sentence *s, const num_expr *x, const cn_figure *jobs)
{
    size_t b0 = x->start > s->start + JOB_VERB_WINDOW ? x->start - JOB_VERB_WINDOW : s->start;
    rx_hit h[2];
    size_t n = cni_rx_find(d->an->rx, d->scratch, "job-change", d->res.text + b0,
                           x->start - b0, h, 2);
    if (!n)
        return 0;
    cn_figure c = *jobs;
    double sign = STR_EQ(h[0].label, "cut") ? -1 : 1;
    c.kind = "change";
    c.measure = "jobs";
    c.unit = "jobs";
    c.value = sign * fabs(x->value);
    if (push_figure(d, &c))
        return -1;
    if ((x->flags & NUM_RANGE) && x->value_hi != x->value) {
        c.value = sign * fabs(x->value_hi);
        if (push_figure(d, &c))
            return -1;
    }
    return 0;
}

/* Numbers read per sentence. */
#define FIG_MAX_PER_SENTENCE 64

/* Is the word just before byte at "from" or "to"? */
static int after_from_or_to(const char *text, size_t from_start, size_t at)
{
    size_t e = at;
    while (e > from_start && text[e - 1] == ' ')
        e--;
    size_t b = e;
    while (b > from_start && text[b - 1] != ' ')
        b--;
    return (e - b == 4 && !strncmp(text + b, "from", 4)) || (e - b == 2 && !strncmp(text + b, "to", 2));
}

/* "a share of 13.1% from 14% last year", "rose to 21% from 18%": a
 * percentage compared with another one measures the same thing, so one
 * with no kind word of its own takes the kind of the one before it. */
static void compared_levels(cn_doc *d, size_t first_fig)
{
    const char *text = d->res.text;
    for (size_t i = first_fig + 1; i < d->n_figs; i++) {
        cn_figure *f = &d->figs[i];
        if (!STR_EQ(f->kind, "other") || !f->unit || !STR_EQ(f->unit, "percent"))
            continue;
        const cn_figure *p = &d->figs[i - 1];
        if (!p->unit || !STR_EQ(p->unit, "percent") || STR_EQ(p->kind, "other") ||
            STR_EQ(p->kind, "change") || !after_from_or_to(text, p->end, f->start))
            continue;
        f->kind = p->kind;
        if (!f->subject)
            f->subject = p->subject;
    }
}

static int figures_in_sentence(cn_doc *d, size_t si, figure_ctx *fc)
{
    const sentence *s = &d->seg.sents[si];
    const char *text = d->res.text;
    rx_hit hits[MAX_KIND_HITS];
    size_t nh = (size_t)-1;     /* computed on the first number */
    period_span periods[MAX_PERIODS];
    size_t n_periods = (size_t)-1;      /* found on the first number */
    size_t src = FIG_NONE;
    size_t first_fig = d->n_figs;
    num_expr x;
    size_t pos = s->start, seen = 0;
    /* Each number looks at its whole sentence (kind words, places,
     * periods): a sentence that is a dump of thousands of numbers would
     * cost their square, and no news sentence states more than a few. */
    while (pos < s->end && seen++ < FIG_MAX_PER_SENTENCE && cni_num_next(text, s->end, pos, &x)) {
        pos = x.end > pos ? x.end : pos + 1;
        /* "from 18.6bn in 2023 to 5.5bn": the year is no range's low end. */
        if ((x.flags & NUM_RANGE) && year_like(x.value) && x.value_hi > 1e5) {
            x.value = x.value_hi;
            x.flags &= ~(unsigned)(NUM_RANGE | NUM_YEAR);
        }
        if (skip_number(d, s, &x))
            continue;
        if (nh == (size_t)-1) {
            nh = cni_rx_find(d->an->rx, d->scratch, "figure-kind", text + s->start,
                         s->end - s->start, hits, MAX_KIND_HITS);
            n_periods = cni_fig_find_periods(d, s, periods);
            src = cni_fig_source(d, s);
        }
        unit_class uc = classify_unit(&x);
        int loss = 0;
        const char *kind = uc == U_PERCENT && is_change(d, s, &x) ? "change"
                         : cni_fig_kind(text, hits, nh, s->start, x.start, x.end, uc, &loss);
        if (uc == U_COUNT && STR_EQ(kind, "other") && fc->last_count_kind)
            kind = fc->last_count_kind;
        else if (uc == U_COUNT && !STR_EQ(kind, "other"))
            fc->last_count_kind = kind;
        if (uc == U_MONEY)
            fc->last_currency = x.unit;
        cn_figure f;
        memset(&f, 0, sizeof f);
        f.kind = kind;
        f.value = x.value;
        if ((loss || (x.flags & NUM_NEGATIVE)) && f.value > 0)
            f.value = -f.value;
        f.unit = unit_for(kind, uc, &x, fc->last_currency);
        f.qualifier = x.qualifier;
        f.start = x.start;
        f.end = x.end;
        f.sentence = si;
        if (!apply_noun(d, s, &x, uc, &f))
            continue;
        if (STR_EQ(f.kind, "change")) {
            f.measure = change_measure(text, hits, nh, s->start, x.start, x.end);
            if (f.value > 0 && cni_fig_is_fall(d, s, x.start, x.end))
                f.value = -f.value;
        }
        f.source = src == FIG_NONE ? NULL : d->ents[src].pub.name;
        figure_subject(d, s, &f, src, fc);
        figure_region(d, s, &f, fc);
        const period_span *ps = cni_fig_nearest_period(text, periods, n_periods, x.start, x.end);
        f.period = ps ? ps->norm : NULL;
        f.period_text = ps ? ps->text : NULL;
        if (push_figure(d, &f))
            return -1;
        /* "between £1,500 and £1,700": both ends are figures. */
        if ((x.flags & NUM_RANGE) && x.value_hi != x.value) {
            f.value = (f.value < 0 ? -1 : 1) * x.value_hi;
            if (push_figure(d, &f))
                return -1;
        }
        if (STR_EQ(f.kind, "jobs") && job_change(d, s, &x, &f))
            return -1;
    }
    if (d->n_figs >= first_fig + 2 &&
        cni_rx_any(d->an->rx, d->scratch, "respectively", text + s->start, s->end - s->start))
        apply_respectively(d, s, first_fig);
    compared_levels(d, first_fig);
    return 0;
}

static uint64_t hash_str(uint64_t h, const char *s)
{
    return cni_seg_hash_combine(h, s ? cni_seg_hash_folded(s, strlen(s)) : 0);
}

/* An article states a fact once; repeats of the same figure are dropped.
 * A hash of (value, kind, unit, subject) keeps this linear. */
static int drop_repeats(cn_doc *d)
{
    u64map seen;
    cni_u64map_init(&seen);
    size_t out = 0;
    for (size_t i = 0; i < d->n_figs; i++) {
        const cn_figure *f = &d->figs[i];
        uint64_t h = cni_seg_hash_folded((const char *)&f->value, sizeof f->value);
        h = hash_str(hash_str(hash_str(h, f->kind), f->unit), f->subject);
        if (cni_u64map_get(&seen, h))
            continue;
        if (cni_u64map_put(&seen, h, 1)) {
            cni_u64map_release(&seen);
            return -1;
        }
        d->figs[out++] = *f;
    }
    cni_u64map_release(&seen);
    d->n_figs = out;
    return 0;
}

/* A headline: the first paragraph, one sentence without a full stop. */
static int is_headline(const cn_doc *d, size_t si)
{
    const sentence *s = &d->seg.sents[si];
    if (s->paragraph != d->seg.sents[0].paragraph || d->seg.n_sents < 2 ||
        d->seg.sents[1].paragraph == s->paragraph)
        return 0;
    size_t e = s->end;
    while (e > s->start && (d->res.text[e - 1] == ' ' || d->res.text[e - 1] == '\n'))
        e--;
    return e > s->start && d->res.text[e - 1] != '.';
}

/* The headline repeats a figure of the body: keep the body's, which has
 * the sentence around it to tell its kind and subject. */
static void drop_headline_repeats(cn_doc *d)
{
    size_t out = 0;
    for (size_t i = 0; i < d->n_figs; i++) {
        const cn_figure *f = &d->figs[i];
        int dup = 0;
        if (is_headline(d, f->sentence))
            for (size_t j = i + 1; j < d->n_figs && !dup; j++)
                dup = d->figs[j].sentence != f->sentence && d->figs[j].value == f->value &&
                      (d->figs[j].unit == f->unit ||
                       (d->figs[j].unit && f->unit && !strcmp(d->figs[j].unit, f->unit)));
        if (!dup)
            d->figs[out++] = *f;
    }
    d->n_figs = out;
}

int cni_ex_figures(cn_doc *d)
{
    figure_ctx fc = {NULL, NULL, NULL, cni_fig_main_country(d), cni_fig_main_brand(d), NULL, NULL,
                     NULL, NULL};
    for (size_t i = 0; i < d->seg.n_sents && i < LEAD_SENTENCES && !fc.lead; i++)
        if (!is_headline(d, i))
            fc.lead = sentence_topic(d, &d->seg.sents[i]);
    size_t para = (size_t)-1;
    for (size_t i = 0; i < d->seg.n_sents; i++) {
        /* Subjects and kinds carry over sentences, not paragraphs. */
        if (d->seg.sents[i].paragraph != para) {
            para = d->seg.sents[i].paragraph;
            fc.last_subject = NULL;
            fc.last_count_kind = NULL;
            if (fc.topic)
                fc.prev_topic = fc.topic;
            fc.topic = NULL;
        }
        if (figures_in_sentence(d, i, &fc))
            return -1;
        const sentence *si = &d->seg.sents[i];
        const char *pl = cni_fig_plant_region(d, si, si->end, si->end);
        if (pl)
            fc.last_plant = pl;
        const char *t = sentence_topic(d, si);
        if (t)
            fc.topic = t;
    }
    if (d->seg.n_sents)
        drop_headline_repeats(d);
    return drop_repeats(d);
}
