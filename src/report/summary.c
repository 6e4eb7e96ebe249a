/* Aggregation for summarize: entities by (type, name) in a hash table,
 * with article and mention counts and a tally of each attribute; figures
 * copied with their source; quotes counted per speaker.  Articles are
 * added in input order, so ties and the figure list are the same for any
 * number of workers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "summary.h"

#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL
#define FIRST_SLOTS 1024

static const char *const ATTRS[SUM_KINDS][SUM_MAX_ATTRS + 1] = {
    [CN_ENT_BRAND] = {"parent", "country", NULL},
    [CN_ENT_MODEL] = {"brand", NULL},
    [CN_ENT_PLANT] = {"owner", "location", "country", NULL},
    [CN_ENT_PERSON] = {"role", "organization", NULL},
    [CN_ENT_ORGANIZATION] = {"kind", NULL},
    [CN_ENT_PLACE] = {"kind", "country", NULL},
    [SUM_SPEAKER] = {NULL},
};

const char *const *sum_attr_names(int type) { return ATTRS[type]; }

static void attr_values(const cn_entity *e, const char **v)
{
    switch (e->type) {
    case CN_ENT_BRAND: v[0] = e->parent; v[1] = e->country; break;
    case CN_ENT_MODEL: v[0] = e->brand; break;
    case CN_ENT_PLANT: v[0] = e->owner; v[1] = e->location; v[2] = e->country; break;
    case CN_ENT_PERSON: v[0] = e->role; v[1] = e->organization; break;
    case CN_ENT_ORGANIZATION: v[0] = e->kind; break;
    case CN_ENT_PLACE: v[0] = e->kind; v[1] = e->country; break;
    default: break;
    }
}

summary *sum_new(unsigned types)
{
    summary *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->types = types;
    s->n_slots = FIRST_SLOTS;
    s->slots = calloc(s->n_slots, sizeof *s->slots);
    if (!s->slots) {
        free(s);
        return NULL;
    }
    return s;
}

void sum_free(summary *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n_entries; i++) {
        sum_entry *e = &s->entries[i];
        free(e->name);
        for (size_t a = 0; a < SUM_MAX_ATTRS; a++) {
            for (size_t k = 0; k < e->attr[a].n; k++)
                free(e->attr[a].v[k].value);
            free(e->attr[a].v);
        }
    }
    for (size_t i = 0; i < s->n_figs; i++) {
        sum_figure *f = &s->figs[i];
        free(f->kind), free(f->unit), free(f->qualifier), free(f->subject);
        free(f->region), free(f->period), free(f->text);
    }
    for (size_t i = 0; i < s->n_sources; i++)
        free(s->sources[i]);
    free(s->sources);
    free(s->figs);
    free(s->entries);
    free(s->slots);
    free(s);
}

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

/*** Hash table ***/

static uint64_t key_hash(int type, const char *name)
{
    uint64_t h = FNV_OFFSET ^ (uint64_t)type;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        h = (h ^ *p) * FNV_PRIME;
    return h;
}

static int rehash(summary *s)
{
    size_t n = s->n_slots * 2;
    size_t *slots = calloc(n, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < s->n_entries; i++) {
        size_t k = key_hash(s->entries[i].type, s->entries[i].name) & (n - 1);
        while (slots[k])
            k = (k + 1) & (n - 1);
        slots[k] = i + 1;
    }
    free(s->slots);
    s->slots = slots;
    s->n_slots = n;
    return 0;
}

static sum_entry *find_or_add(summary *s, int type, const char *name)
{
    size_t mask = s->n_slots - 1;
    size_t k = key_hash(type, name) & mask;
    for (; s->slots[k]; k = (k + 1) & mask) {
        sum_entry *e = &s->entries[s->slots[k] - 1];
        if (e->type == type && strcmp(e->name, name) == 0)
            return e;
    }
    /* Keep the table at most half full so probes stay short. */
    if ((s->n_entries + 1) * 2 > s->n_slots) {
        if (rehash(s) != 0)
            return NULL;
        return find_or_add(s, type, name);
    }
    if (grow(&s->entries, &s->cap_entries, s->n_entries, sizeof *s->entries) != 0)
        return NULL;
    sum_entry *e = &s->entries[s->n_entries];
    memset(e, 0, sizeof *e);
    e->type = type;
    if (!(e->name = strdup(name)))
        return NULL;
    s->slots[k] = ++s->n_entries;
    return e;
}

static int tally_add(tally_list *t, const char *value)
{
    for (size_t i = 0; i < t->n; i++) {
        if (strcmp(t->v[i].value, value) == 0) {
            t->v[i].count++;
            return 0;
        }
    }
    tally *nv = realloc(t->v, (t->n + 1) * sizeof *nv);
    if (!nv)
        return -1;
    t->v = nv;
    if (!(t->v[t->n].value = strdup(value)))
        return -1;
    t->v[t->n++].count = 1;
    return 0;
}

const char *sum_attr(const sum_entry *e, size_t i)
{
    const tally_list *t = &e->attr[i];
    const tally *best = NULL;
    for (size_t k = 0; k < t->n; k++)
        if (!best || t->v[k].count > best->count)
            best = &t->v[k];
    return best ? best->value : NULL;
}

/*** Adding articles ***/

static char *dup_or_null(const char *s, int *failed)
{
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        *failed = 1;
    return d;
}

static char *dup_span(const char *s, size_t len, int *failed)
{
    char *d = malloc(len + 1);
    if (!d) {
        *failed = 1;
        return NULL;
    }
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

static int add_entity(summary *s, const cn_entity *ce)
{
    sum_entry *e = find_or_add(s, ce->type, ce->name ? ce->name : "");
    if (!e)
        return -1;
    if (e->last_article != s->articles) {
        e->last_article = s->articles;
        e->articles++;
    }
    e->mentions += ce->n_mentions;
    const char *v[SUM_MAX_ATTRS] = {NULL, NULL, NULL};
    attr_values(ce, v);
    for (size_t a = 0; a < SUM_MAX_ATTRS; a++)
        if (v[a] && tally_add(&e->attr[a], v[a]) != 0)
            return -1;
    return 0;
}

static int add_figure(summary *s, const cn_result *r, const cn_figure *cf)
{
    if (grow(&s->figs, &s->cap_figs, s->n_figs, sizeof *s->figs) != 0)
        return -1;
    sum_figure *f = &s->figs[s->n_figs];
    memset(f, 0, sizeof *f);
    int failed = 0;
    f->kind = dup_or_null(cf->kind, &failed);
    f->unit = dup_or_null(cf->unit, &failed);
    f->qualifier = dup_or_null(cf->qualifier, &failed);
    f->subject = dup_or_null(cf->subject, &failed);
    f->region = dup_or_null(cf->region, &failed);
    f->period = dup_or_null(cf->period, &failed);
    f->text = dup_span(r->text + cf->start, cf->end - cf->start, &failed);
    f->value = cf->value;
    f->start = cf->start;
    f->end = cf->end;
    f->sentence = cf->sentence;
    f->source = s->n_sources - 1;
    s->n_figs++;        /* counted even when a copy failed, so it is freed */
    return failed ? -1 : 0;
}

int sum_add(summary *s, const cn_result *r, const char *source)
{
    s->articles++;
    for (size_t i = 0; i < r->n_entities; i++) {
        const cn_entity *e = &r->entities[i];
        if ((s->types && !(s->types & (1u << e->type))))
            continue;
        if (add_entity(s, e) != 0)
            return -1;
    }
    if (r->n_figures && (!s->types || (s->types & CN_TYPE_FIGURE))) {
        if (grow(&s->sources, &s->cap_sources, s->n_sources, sizeof *s->sources) != 0 ||
            !(s->sources[s->n_sources] = strdup(source)))
            return -1;
        s->n_sources++;
        for (size_t i = 0; i < r->n_figures; i++)
            if (add_figure(s, r, &r->figures[i]) != 0)
                return -1;
    }
    if (!s->types || (s->types & CN_TYPE_QUOTE)) {
        for (size_t i = 0; i < r->n_quotes; i++) {
            const char *who = r->quotes[i].speaker;
            if (!who)
                continue;       /* nobody to count it for */
            sum_entry *e = find_or_add(s, SUM_SPEAKER, who);
            if (!e)
                return -1;
            if (e->last_article != s->articles) {
                e->last_article = s->articles;
                e->articles++;
            }
            e->quotes++;
        }
    }
    return 0;
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

const sum_entry **sum_sorted(const summary *s, int type, size_t *n)
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
