#include "u64map.h"

#include <stdint.h>
#include <stdlib.h>

void cni_u64map_init(u64map *m) { m->slots = NULL; m->cap = m->count = 0; }

void cni_u64map_release(u64map *m)
{
    free(m->slots);
    cni_u64map_init(m);
}


static int resize(u64map *m, size_t cap)
{
    u64map n = {calloc(cap, sizeof(u64slot)), cap, 0};
    if (!n.slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].key)
            continue;
        n.slots[cni_u64map_slot(&n, m->slots[i].key)] = m->slots[i];
        n.count++;
    }
    cni_u64map_release(m);
    *m = n;
    return 0;
}

static int grow(u64map *m)
{
    return resize(m, m->cap ? m->cap * 2 : 32);     /* most maps are per document and small */
}

int cni_u64map_reserve(u64map *m, size_t n)
{
    size_t cap = m->cap ? m->cap : 32;
    while (cap / 2 < n) {
        if (cap > SIZE_MAX / 4)
            return -1;
        cap *= 2;
    }
    return cap > m->cap ? resize(m, cap) : 0;
}

int cni_u64map_put(u64map *m, uint64_t key, uint32_t val)
{
    key = cni_u64map_fix_key(key);
    if ((m->count + 1) * 2 > m->cap && grow(m))
        return -1;
    size_t s = cni_u64map_slot(m, key);
    if (!m->slots[s].key) {
        m->slots[s].key = key;
        m->count++;
    }
    m->slots[s].val = val;
    return 0;
}
