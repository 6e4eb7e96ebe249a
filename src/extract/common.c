/* Helpers shared by the extraction stages: entities under construction
 * and token tests. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "doc.h"

static uint64_t entity_key(cn_entity_type type, const char *name)
{
    return cni_seg_hash_combine(cni_seg_hash_folded(name, strlen(name)), (uint64_t)type + 1);
}

entity_build *cni_ex_find_entity(cn_doc *d, cn_entity_type type, const char *name)
{
    const uint32_t *v = cni_u64map_get(&d->ent_index, entity_key(type, name));
    if (v && d->ents[*v].pub.type == type && strcmp(d->ents[*v].pub.name, name) == 0)
        return &d->ents[*v];
    return NULL;
}

static entity_build *new_entity(cn_doc *d, cn_entity_type type, const char *name)
{
    if (d->n_ents == d->cap_ents) {
        size_t cap = d->cap_ents ? d->cap_ents * 2 : 32;
        entity_build *p = cni_arena_grow(&d->mem, d->ents, sizeof *p, d->n_ents, cap);
        if (!p)
            return NULL;
        d->ents = p;
        d->cap_ents = cap;
    }
    entity_build *e = &d->ents[d->n_ents++];
    memset(e, 0, sizeof *e);
    e->pub.type = type;
    e->pub.name = cni_arena_strdup(&d->mem, name);
    if (!e->pub.name ||
        cni_u64map_put(&d->ent_index, entity_key(type, name), (uint32_t)(d->n_ents - 1)))
        return NULL;
    return e;
}

int cni_ex_add_mention(cn_doc *d, cn_entity_type type, const char *name,
                   size_t tok, size_t ntok, const gz_entry *gz, size_t *index)
{
    entity_build *e = cni_ex_find_entity(d, type, name);
    if (!e && !(e = new_entity(d, type, name)))
        return -1;
    if (gz && !e->gz)
        e->gz = gz;
    const token *t = d->seg.toks;
    size_t start = t[tok].start, end = t[tok + ntok - 1].end;
    /* Mentions stay sorted by offset; stages add them mostly in order, so
     * the binary search for the slot usually lands at the end. */
    size_t lo = 0, hi = e->n_mentions;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (e->mentions[mid].start < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* The same span may be offered twice (two rules): keep one. */
    if (lo < e->n_mentions && e->mentions[lo].start == start && e->mentions[lo].end == end)
        goto done;
    if (e->n_mentions == e->cap_mentions) {
        size_t cap = e->cap_mentions ? e->cap_mentions * 2 : 4;
        cn_mention *m = cni_arena_grow(&d->mem, e->mentions, sizeof *m, e->n_mentions, cap);
        if (!m)
            return -1;
        e->mentions = m;
        e->cap_mentions = cap;
    }
    if (lo < e->n_mentions)
        memmove(e->mentions + lo + 1, e->mentions + lo,
                (e->n_mentions - lo) * sizeof *e->mentions);
    e->mentions[lo].start = start;
    e->mentions[lo].end = end;
    e->n_mentions++;
done:;
    size_t idx = (size_t)(e - d->ents);
    for (size_t i = tok; i < tok + ntok; i++)
        d->tok_entity[i] = (uint32_t)idx + 1;
    if (index)
        *index = idx;
    return 0;
}

int cni_ex_tok_is_ci(const cn_doc *d, size_t i, const char *word)
{
    if (i >= d->seg.n_toks)
        return 0;
    const token *t = &d->seg.toks[i];
    size_t n = t->end - t->start;
    const char *s = d->res.text + t->start;
    for (size_t k = 0; k < n; k++) {
        char a = s[k], b = word[k];
        if (!b)
            return 0;
        if (a >= 'A' && a <= 'Z')
            a = (char)(a + 32);
        if (b >= 'A' && b <= 'Z')
            b = (char)(b + 32);
        if (a != b)
            return 0;
    }
    return word[n] == 0;
}

/* Filter slots hold a word's folded hash with the low bit set, so that 0
 * stays "empty" (a superset test: the bytes are compared after it). */
static pthread_mutex_t word_set_lock = PTHREAD_MUTEX_INITIALIZER;

void cni_ex_word_set_build(word_set *set)
{
    pthread_mutex_lock(&word_set_lock);
    if (!atomic_load_explicit(&set->ready, memory_order_relaxed)) {
        size_t n = 0;
        for (const char *const *w = set->words; *w; w++)
            n++;
        set->unfiltered = n * 2 > WORD_SET_SLOTS;
        for (const char *const *w = set->words; *w && !set->unfiltered; w++) {
            uint64_t h = cni_seg_token_hash(*w, strlen(*w)) | 1;
            size_t k = (size_t)(h >> 7) & (WORD_SET_SLOTS - 1);
            while (set->slot[k] && set->slot[k] != h)
                k = (k + 1) & (WORD_SET_SLOTS - 1);
            set->slot[k] = h;
        }
        atomic_store_explicit(&set->ready, 1, memory_order_release);
    }
    pthread_mutex_unlock(&word_set_lock);
}

int cni_ex_tok_in_words(const cn_doc *d, size_t i, const word_set *set)
{
    for (const char *const *w = set->words; *w; w++)
        if (cni_ex_tok_is(d, i, *w))
            return 1;
    return 0;
}

int cni_ex_word_in(const char *w, size_t n, word_set *set)
{
    if (!word_set_may_hold(set, cni_seg_token_hash(w, n)))
        return 0;
    for (const char *const *x = set->words; *x; x++)
        if (span_is(w, n, *x))
            return 1;
    return 0;
}

size_t cni_ex_gz_lookup_at(cn_doc *d, size_t i, gz_match *out, size_t max)
{
    if (i >= d->seg.n_toks)
        return 0;
    if (max > GZ_AT_MAX || !d->gz_n)
        return cni_gz_lookup(d->an->gaz, d->res.text, d->seg.toks, d->seg.n_toks, i, out, max);
    if (d->gz_n[i] == GZ_AT_UNKNOWN) {
        gz_match m[GZ_AT_MAX];
        size_t n = cni_gz_lookup(d->an->gaz, d->res.text, d->seg.toks, d->seg.n_toks, i, m, GZ_AT_MAX);
        if (d->n_gz_pool + n > d->cap_gz_pool) {
            size_t cap = d->cap_gz_pool ? d->cap_gz_pool * 2 : 256;
            while (cap < d->n_gz_pool + n)
                cap *= 2;
            gz_match *p = cap <= UINT32_MAX ? realloc(d->gz_pool, cap * sizeof *p) : NULL;
            if (!p) {       /* not remembered: the answer is the same */
                size_t k = n < max ? n : max;
                memcpy(out, m, k * sizeof *out);
                return k;
            }
            d->gz_pool = p;
            d->cap_gz_pool = cap;
        }
        if (n)
            memcpy(d->gz_pool + d->n_gz_pool, m, n * sizeof *m);
        d->gz_at[i] = (uint32_t)d->n_gz_pool;
        d->gz_n[i] = (uint8_t)n;
        d->n_gz_pool += n;
    }
    /* A lookup stops at max names, so a shorter one is a prefix of it. */
    size_t n = d->gz_n[i] < max ? d->gz_n[i] : max;
    if (n)
        memcpy(out, d->gz_pool + d->gz_at[i], n * sizeof *out);
    return n;
}

int cni_ex_gz_name_at(cn_doc *d, size_t i, unsigned kinds)
{
    gz_match m[16];
    size_t n = cni_ex_gz_at(d, i, m, 16);
    for (size_t k = 0; k < n; k++)
        if (kinds & (1u << m[k].entry->kind))
            return 1;
    return 0;
}

size_t cni_ex_tok_of(const cn_doc *d, size_t start)
{
    size_t lo = 0, hi = d->seg.n_toks;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->seg.toks[mid].start < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int cni_ex_calendar_word(const cn_doc *d, size_t i)
{
    static const char *const CALENDAR[] = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "June", "July", "August", "September",
        "October", "November", "December", NULL
    };
    static word_set CALENDAR_SET = WORD_SET(CALENDAR);
    return cni_ex_tok_in(d, i, &CALENDAR_SET);
}
