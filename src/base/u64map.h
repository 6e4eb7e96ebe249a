/* Open-addressing hash map from 64-bit keys to 32-bit values. */
#ifndef CN_U64MAP_H
#define CN_U64MAP_H
#include <stddef.h>
#include <stdint.h>

/* A key and its value share a slot, so a lookup touches one cache line. */
typedef struct {
    uint64_t key;       /* 0 = empty slot; key 0 is stored as 1 */
    uint32_t val;
} u64slot;

typedef struct {
    u64slot *slots;
    size_t cap, count;
} u64map;

void cni_u64map_init(u64map *m);
void cni_u64map_release(u64map *m);
/* Make room for n keys in all, so that inserting them never rehashes;
 * returns 0, or -1 when out of memory. */
int cni_u64map_reserve(u64map *m, size_t n);
/* Insert or replace; returns 0, or -1 when out of memory. */
int cni_u64map_put(u64map *m, uint64_t key, uint32_t val);
static inline uint64_t cni_u64map_fix_key(uint64_t k) { return k ? k : 1; }

/* The slot of key (fixed), or the empty slot where it would go. */
static inline size_t cni_u64map_slot(const u64map *m, uint64_t key)
{
    size_t i = (size_t)(key ^ (key >> 29)) & (m->cap - 1);
    while (m->slots[i].key && m->slots[i].key != key)
        i = (i + 1) & (m->cap - 1);
    return i;
}

/* Pointer to the value, or NULL when absent.  Inline: the gazetteers ask
 * it for most tokens. */
static inline uint32_t *cni_u64map_get(const u64map *m, uint64_t key)
{
    if (!m->cap)
        return NULL;
    key = cni_u64map_fix_key(key);
    size_t s = cni_u64map_slot(m, key);
    return m->slots[s].key ? &m->slots[s].val : NULL;
}
#endif
