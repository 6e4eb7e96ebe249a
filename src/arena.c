#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Blocks start at 64 KiB: one typical article fits in one or two. */
#define ARENA_MIN_BLOCK ((size_t)64 * 1024)
#define ARENA_ALIGN 16

struct arena_block {
    arena_block *next;
    size_t cap, used;
    _Alignas(ARENA_ALIGN) unsigned char data[];
};

void arena_init(arena *a) { a->head = NULL; a->used_bytes = 0; }

void arena_release(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used_bytes = 0;
}

void *arena_alloc(arena *a, size_t size)
{
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (size == 0)
        size = ARENA_ALIGN;
    arena_block *b = a->head;
    if (!b || b->cap - b->used < size) {
        size_t cap = ARENA_MIN_BLOCK;
        if (b && b->cap < SIZE_MAX / 4 && b->cap * 2 > cap)
            cap = b->cap * 2;      /* grow geometrically for big documents */
        if (cap < size)
            cap = size;
        if (cap > SIZE_MAX - sizeof(arena_block))
            return NULL;
        arena_block *nb = malloc(sizeof(arena_block) + cap);
        if (!nb)
            return NULL;
        nb->cap = cap;
        nb->used = 0;
        if (b && b->cap - b->used > ARENA_MIN_BLOCK / 4 && size > ARENA_MIN_BLOCK) {
            /* A big one-off request: keep filling the current block after it. */
            nb->next = b->next;
            b->next = nb;
            nb->used = size;
            a->used_bytes += size;
            return memset(nb->data, 0, size);
        }
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->used_bytes += size;
    return memset(p, 0, size);
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    if (p) {
        if (len)
            memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

void *arena_grow(arena *a, void *old, size_t elem, size_t old_n, size_t new_cap)
{
    if (new_cap && elem > SIZE_MAX / new_cap)
        return NULL;
    void *p = arena_alloc(a, elem * new_cap);
    if (p && old && old_n)
        memcpy(p, old, elem * old_n);
    return p;
}
