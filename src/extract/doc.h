/* The document as the extraction stages see it: one arena owning the
 * text, its segmentation and the results. */
#ifndef CN_DOC_H
#define CN_DOC_H
#include <stdatomic.h>
#include <string.h>

#include "arena.h"
#include "carnews/carnews.h"
#include "gazetteer.h"
#include "rules.h"
#include "segment.h"
#include "u64map.h"

struct cn_analyzer {
    gazetteer *gaz;
    rules *rx;
    char *data_dir;
};

/* An entity mention before merging: tokens [tok, tok + ntok). */
typedef struct {
    uint32_t tok, ntok;
    uint32_t entity;        /* index into the doc's entity list */
} mention_ref;

/* Entity under construction. */
typedef struct {
    cn_entity pub;
    cn_mention *mentions;
    size_t n_mentions, cap_mentions;
    const gz_entry *gz;     /* gazetteer entry, NULL for pattern finds */
    size_t first_start;
} entity_build;

struct cn_doc {
    arena mem;
    const cn_analyzer *an;
    cn_result res;
    segmentation seg;
    entity_build *ents;
    size_t n_ents, cap_ents;
    u64map ent_index;       /* hash of (type, name) -> entity index */
    /* Per token: entity index + 1 of the mention covering it, 0 if none. */
    uint32_t *tok_entity;
    cn_figure *figs;
    size_t n_figs, cap_figs;
    cn_quote *quotes;
    size_t n_quotes, cap_quotes;
    rx_scratch *scratch;
    /* Per token: the gazetteer names that start there, looked up once for
     * all the extractors that ask (cni_ex_gz_at): gz_n[i] of them from
     * gz_pool[gz_at[i]], gz_n[i] = GZ_AT_UNKNOWN until asked. */
    uint32_t *gz_at;
    uint8_t *gz_n;
    gz_match *gz_pool;
    size_t n_gz_pool, cap_gz_pool;
};
#define GZ_AT_UNKNOWN UINT8_MAX
#define GZ_AT_MAX 16        /* names kept per token: what any caller asks for */

/* Extraction stages (extract_*.c).  Each returns 0, or -1 when out of memory. */
int cni_ex_entities(cn_doc *d);
int cni_ex_people(cn_doc *d);               /* called by cni_ex_entities */
int cni_ex_orgs(cn_doc *d);                 /* called by cni_ex_entities, first */
/* Models and plants by their shape (extract/patterns.c), after the gazetteers. */
int cni_ex_patterns(cn_doc *d);
/* Person name starting at token i: its length in tokens, 0 if none. */
size_t cni_ex_person_at(cn_doc *d, size_t i);
int cni_ex_figures(cn_doc *d);
int cni_ex_quotes(cn_doc *d);

/* Shared helpers (extract_common.c). */
int cni_ex_add_mention(cn_doc *d, cn_entity_type type, const char *name,
                   size_t tok, size_t ntok, const gz_entry *gz, size_t *index);
entity_build *cni_ex_find_entity(cn_doc *d, cn_entity_type type, const char *name);
int cni_ex_tok_is_ci(const cn_doc *d, size_t i, const char *word);
/* cni_gz_lookup() at token i (none past the last token), remembered. */
size_t cni_ex_gz_lookup_at(cn_doc *d, size_t i, gz_match *out, size_t max);
/* Most tokens start no name, and are asked about again and again: the
 * answer already known is given inline. */
static inline size_t cni_ex_gz_at(cn_doc *d, size_t i, gz_match *out, size_t max)
{
    if (i < d->seg.n_toks && d->gz_n && d->gz_n[i] == 0)
        return 0;
    return cni_ex_gz_lookup_at(d, i, out, max);
}

/* Is token i exactly word?  Called for most tokens against word lists, so
 * inline, and most calls end at the first byte, before strlen. */
static inline int cni_ex_tok_is(const cn_doc *d, size_t i, const char *word)
{
    if (i >= d->seg.n_toks)
        return 0;
    const token *t = &d->seg.toks[i];
    if (d->res.text[t->start] != word[0])
        return 0;
    size_t n = strlen(word);
    return t->end - t->start == n && memcmp(d->res.text + t->start, word, n) == 0;
}

/* A fixed NULL-terminated word list, tested against tokens: most tokens
 * are in no list, and one probe of the folded hashes of its words says so
 * without comparing bytes.  Declare with WORD_SET(list); the filter is
 * built on first use. */
#define WORD_SET_SLOTS 512
typedef struct {
    const char *const *words;
    _Atomic int ready;
    int unfiltered;         /* too many words for the slots: compare them all */
    uint64_t slot[WORD_SET_SLOTS];
} word_set;
#define WORD_SET(list) {(list), 0, 0, {0}}

/* The first token that starts at or after byte offset start (mentions
 * keep byte offsets). */
size_t cni_ex_tok_of(const cn_doc *d, size_t start);

/* Does a gazetteer name of one of the kinds (a mask of 1 << gz_kind)
 * start at token i? */
int cni_ex_gz_name_at(cn_doc *d, size_t i, unsigned kinds);

/* Is token i exactly one of the set's words?  The filter probe is inline:
 * it answers most calls, and they come for most tokens; a token that
 * passes it is compared with the words. */
void cni_ex_word_set_build(word_set *set);       /* fills the filter, once */
int cni_ex_tok_in_words(const cn_doc *d, size_t i, const word_set *set);

/* The filter: 0 when no word of the set has this folded hash. */
static inline int word_set_may_hold(word_set *set, uint64_t hash)
{
    if (!atomic_load_explicit(&set->ready, memory_order_acquire))
        cni_ex_word_set_build(set);
    if (set->unfiltered)
        return 1;
    uint64_t h = hash | 1;
    size_t k = (size_t)(h >> 7) & (WORD_SET_SLOTS - 1);
    while (set->slot[k] != h) {
        if (!set->slot[k])
            return 0;
        k = (k + 1) & (WORD_SET_SLOTS - 1);
    }
    return 1;
}

static inline int cni_ex_tok_in(const cn_doc *d, size_t i, word_set *set)
{
    if (i >= d->seg.n_toks || !word_set_may_hold(set, d->seg.toks[i].hash))
        return 0;
    return cni_ex_tok_in_words(d, i, set);
}

/* Is w[0..n) exactly one of the set's words?  The same filter, for words
 * that are no token (read from the text by other rules). */
int cni_ex_word_in(const char *w, size_t n, word_set *set);

/* Is token i a weekday or a month written in full, "May" aside (a name
 * as often as a month)? */
int cni_ex_calendar_word(const cn_doc *d, size_t i);

/* Entity (index + 1) covering token i, 0 if none. */
static inline uint32_t cni_ex_entity_at(const cn_doc *d, size_t i)
{
    return i < d->seg.n_toks ? d->tok_entity[i] : 0;
}

/* The first token of the entity mention that covers token k, at least lo. */
static inline size_t cni_ex_mention_start(const cn_doc *d, size_t k, size_t lo)
{
    uint32_t e = cni_ex_entity_at(d, k);
    while (k > lo && cni_ex_entity_at(d, k - 1) == e)
        k--;
    return k;
}

/* The first token after the entity mention that covers token k, at most
 * end: where "'s", "-based" or a number after a name are looked for. */
static inline size_t cni_ex_after_mention(const cn_doc *d, size_t k, size_t end)
{
    uint32_t e = cni_ex_entity_at(d, k);
    size_t j = k + 1;
    while (j < end && cni_ex_entity_at(d, j) == e)
        j++;
    return j;
}
#endif
