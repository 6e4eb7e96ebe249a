/* The summary across articles: entities by (type, name) with article and
 * mention counts and a tally of each attribute; figures copied with their
 * source; quotes counted per speaker.  Articles are added in input order,
 * so ties and the figure list are the same for any number of threads. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "summary.h"

#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

/* Grow *arr (of *cap elements of size sz) to hold one more than n. */
static int grow(void *arr, size_t *cap, size_t n, size_t sz)
{
    if (n < *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : 64;
    void *p = realloc(*(void **)arr, nc * sz);
    if (!p)
        return -1;
    *(void **)arr = p;
    *cap = nc;
    return 0;
}

cn_status cn_summary_new(unsigned types, cn_summary **out, cn_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
    if (!out)
        return cni_error_set(err, CN_ERR_ARG, "cn_summary_new: out is NULL");
    cn_summary *s = calloc(1, sizeof *s);
    if (!s) {
        *out = NULL;
        return cni_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    s->types = types;
    cni_arena_init(&s->mem);
    cni_u64map_init(&s->index);
    *out = s;
    return CN_OK;
}

void cn_summary_free(cn_summary *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n_entries; i++)
        for (size_t a = 0; a < REP_MAX_ATTRS; a++)
            free(s->entries[i].attr[a].v);
    free(s->entries);
    free(s->figs);
    free(s->sources);
    cni_u64map_release(&s->index);
    cni_arena_release(&s->mem);
    free(s);
}

/*** Entries ***/

static uint64_t key_hash(int type, const char *name)
{
    uint64_t h = FNV_OFFSET ^ (uint64_t)type;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        h = (h ^ *p) * FNV_PRIME;
    return h;
}

/* Entries with the same hash are chained through sum_entry.next. */
static sum_entry *find_or_add(cn_summary *s, int type, const char *name)
{
    uint64_t h = key_hash(type, name);
    uint32_t *first = cni_u64map_get(&s->index, h);
    for (uint32_t k = first ? *first : 0; k; k = s->entries[k - 1].next) {
        sum_entry *e = &s->entries[k - 1];
        if (e->type == type && strcmp(e->name, name) == 0)
            return e;
    }
    if (s->n_entries >= UINT32_MAX - 1 ||
        grow(&s->entries, &s->cap_entries, s->n_entries, sizeof *s->entries) != 0)
        return NULL;
    sum_entry *e = &s->entries[s->n_entries];
    memset(e, 0, sizeof *e);
    e->type = type;
    e->next = first ? *first : 0;
    if (!(e->name = cni_arena_strdup(&s->mem, name)) ||
        cni_u64map_put(&s->index, h, (uint32_t)s->n_entries + 1) != 0)
        return NULL;
    s->n_entries++;
    return e;
}

static int tally_add(cn_summary *s, sum_tally_list *t, const char *value)
{
    for (size_t i = 0; i < t->n; i++) {
        if (strcmp(t->v[i].value, value) == 0) {
            t->v[i].count++;
            return 0;
        }
    }
    sum_tally *nv = realloc(t->v, (t->n + 1) * sizeof *nv);
    if (!nv)
        return -1;
    t->v = nv;
    if (!(t->v[t->n].value = cni_arena_strdup(&s->mem, value)))
        return -1;
    t->v[t->n++].count = 1;
    return 0;
}

const char *cni_sum_attr(const sum_entry *e, size_t i)
{
    const sum_tally_list *t = &e->attr[i];
    const sum_tally *best = NULL;
    for (size_t k = 0; k < t->n; k++)
        if (!best || t->v[k].count > best->count)
            best = &t->v[k];
    return best ? best->value : NULL;
}

/* Counts the current article once per entry. */
static void count_article(const cn_summary *s, sum_entry *e)
{
    if (e->last_article != s->articles) {
        e->last_article = s->articles;
        e->articles++;
    }
}

/*** Adding articles ***/

static int add_entity(cn_summary *s, const cn_entity *ce)
{
    sum_entry *e = find_or_add(s, ce->type, ce->name ? ce->name : "");
    if (!e)
        return -1;
    count_article(s, e);
    e->mentions += ce->n_mentions;
    const rep_attr *attrs;
    size_t na = cni_rep_attrs(ce->type, &attrs);
    for (size_t a = 0; a < na; a++) {
        const char *v = cni_rep_attr_value(ce, &attrs[a]);
        if (v && tally_add(s, &e->attr[a], v) != 0)
            return -1;
    }
    return 0;
}

static const char *copy(cn_summary *s, const char *v, int *failed)
{
    if (!v)
        return NULL;
    const char *c = cni_arena_strdup(&s->mem, v);
    if (!c)
        *failed = 1;
    return c;
}

static int add_figure(cn_summary *s, const cn_result *r, const cn_figure *cf)
{
    if (grow(&s->figs, &s->cap_figs, s->n_figs, sizeof *s->figs) != 0)
        return -1;
    sum_figure *f = &s->figs[s->n_figs];
    int failed = 0;
    f->fig = *cf;
    f->fig.kind = copy(s, cf->kind, &failed);
    f->fig.unit = copy(s, cf->unit, &failed);
    f->fig.qualifier = copy(s, cf->qualifier, &failed);
    f->fig.subject = copy(s, cf->subject, &failed);
    f->fig.region = copy(s, cf->region, &failed);
    f->fig.period = copy(s, cf->period, &failed);
    f->fig.source = copy(s, cf->source, &failed);
    f->fig.measure = copy(s, cf->measure, &failed);
    f->fig.period_text = copy(s, cf->period_text, &failed);
    f->text = cni_arena_strndup(&s->mem, r->text + cf->start, cf->end - cf->start);
    f->source = s->n_sources - 1;
    if (failed || !f->text)
        return -1;
    s->n_figs++;
    return 0;
}

static int add_result(cn_summary *s, const cn_result *r, const char *source)
{
    s->articles++;
    for (size_t i = 0; i < r->n_entities; i++) {
        const cn_entity *e = &r->entities[i];
        if (cni_rep_wants_mask(s->types, 1u << e->type) && add_entity(s, e) != 0)
            return -1;
    }
    if (r->n_figures && cni_rep_wants_mask(s->types, CN_TYPE_FIGURE)) {
        if (grow(&s->sources, &s->cap_sources, s->n_sources, sizeof *s->sources) != 0 ||
            !(s->sources[s->n_sources] = cni_arena_strdup(&s->mem, source)))
            return -1;
        s->n_sources++;
        for (size_t i = 0; i < r->n_figures; i++)
            if (add_figure(s, r, &r->figures[i]) != 0)
                return -1;
    }
    if (cni_rep_wants_mask(s->types, CN_TYPE_QUOTE)) {
        for (size_t i = 0; i < r->n_quotes; i++) {
            const char *who = r->quotes[i].speaker;
            if (!who)
                continue;       /* nobody to count it for */
            sum_entry *e = find_or_add(s, SUM_SPEAKER, who);
            if (!e)
                return -1;
            count_article(s, e);
            e->quotes++;
        }
    }
    return 0;
}

cn_status cn_summary_add(cn_summary *s, const cn_doc *d, const char *source, cn_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
    if (!s || !d)
        return cni_error_set(err, CN_ERR_ARG, "cn_summary_add: %s is NULL",
                             !s ? "the summary" : "the document");
    if (add_result(s, cn_doc_result(d), source ? source : "-") != 0)
        return cni_error_set(err, CN_ERR_NOMEM, "out of memory");
    return CN_OK;
}

/*** Ranking ***/

static int by_rank(const void *x, const void *y)
{
    const sum_entry *a = *(const sum_entry *const *)x;
    const sum_entry *b = *(const sum_entry *const *)y;
    size_t ka = a->type == SUM_SPEAKER ? a->quotes : a->articles;
    size_t kb = b->type == SUM_SPEAKER ? b->quotes : b->articles;
    if (ka != kb)
        return ka > kb ? -1 : 1;
    ka = a->type == SUM_SPEAKER ? a->articles : a->mentions;
    kb = b->type == SUM_SPEAKER ? b->articles : b->mentions;
    if (ka != kb)
        return ka > kb ? -1 : 1;
    return strcmp(a->name, b->name);
}

const sum_entry **cni_sum_sorted(const cn_summary *s, int type, size_t *n)
{
    *n = 0;
    const sum_entry **v = malloc((s->n_entries + 1) * sizeof *v);
    if (!v)
        return NULL;
    for (size_t i = 0; i < s->n_entries; i++)
        if (s->entries[i].type == type)
            v[(*n)++] = &s->entries[i];
    qsort(v, *n, sizeof *v, by_rank);
    return v;
}
