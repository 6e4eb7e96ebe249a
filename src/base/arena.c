#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Blocks start at 64 KiB: one typical article fits in one or two. */
#define ARENA_MIN_BLOCK ((size_t)64 * 1024)
#define ARENA_ALIGN 16
/* Arrays grown past this size get a block of their own, which later
 * growth resizes in place (realloc) instead of copying: a huge document
 * then holds each big array once, not once per doubling.  Their room past
 * the old elements is left as the C library gives it, so pages that are
 * never written are never touched either (the callers write whole
 * elements before reading them). */
#define ARENA_SOLO_MIN ((size_t)256 * 1024)

struct arena_block {
    arena_block *next;
    size_t cap, used;
    int solo;               /* holds one growable array: never filled further */
    _Alignas(ARENA_ALIGN) unsigned char data[];
};

void cni_arena_init(arena *a) { a->head = NULL; a->used_bytes = 0; }

void cni_arena_release(arena *a)
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

static size_t round_up(size_t size)
{
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    return size ? size : ARENA_ALIGN;
}

/* Link a block that the bump allocator must not fill: after the head, or
 * as the head (cni_arena_alloc skips a solo head). */
static void link_aside(arena *a, arena_block *nb)
{
    if (a->head) {
        nb->next = a->head->next;
        a->head->next = nb;
    } else {
        nb->next = NULL;
        a->head = nb;
    }
}

/* size bytes from the arena, not zeroed. */
static void *bump(arena *a, size_t size)
{
    if (size > SIZE_MAX - ARENA_ALIGN)
        return NULL;
    size = round_up(size);
    arena_block *b = a->head;
    if (!b || b->solo || b->cap - b->used < size) {
        size_t cap = ARENA_MIN_BLOCK;
        if (b && !b->solo && b->cap < SIZE_MAX / 4 && b->cap * 2 > cap)
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
        nb->solo = 0;
        if (b && !b->solo && b->cap - b->used > ARENA_MIN_BLOCK / 4 && size > ARENA_MIN_BLOCK) {
            /* A big one-off request: keep filling the current block after it. */
            link_aside(a, nb);
            nb->used = size;
            a->used_bytes += size;
            return nb->data;
        }
        nb->next = b;
        a->head = b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->used_bytes += size;
    return p;
}

void *cni_arena_alloc(arena *a, size_t size)
{
    void *p = bump(a, size);
    return p ? memset(p, 0, size) : NULL;
}

char *cni_arena_strndup(arena *a, const char *s, size_t len)
{
    char *p = cni_arena_alloc(a, len + 1);
    if (p) {
        if (len)
            memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

char *cni_arena_strdup(arena *a, const char *s)
{
    return s ? cni_arena_strndup(a, s, strlen(s)) : NULL;
}

/* The link pointing at the solo block whose array is p, or NULL. */
static arena_block **find_solo(arena *a, const void *p)
{
    for (arena_block **pp = &a->head; *pp; pp = &(*pp)->next)
        if ((*pp)->solo && (const void *)(*pp)->data == p)
            return pp;
    return NULL;
}

void *cni_arena_grow(arena *a, void *old, size_t elem, size_t old_n, size_t new_cap)
{
    if (new_cap && elem > SIZE_MAX / new_cap)
        return NULL;
    size_t size = elem * new_cap, old_size = elem * old_n;
    if (old_size > size)
        old_size = size;
    if (size < ARENA_SOLO_MIN || size > SIZE_MAX - sizeof(arena_block) - ARENA_ALIGN) {
        if (size >= ARENA_SOLO_MIN)
            return NULL;
        void *p = bump(a, size);
        if (p && old && old_size)
            memcpy(p, old, old_size);
        return p;
    }
    size = round_up(size);
    arena_block **pp = old ? find_solo(a, old) : NULL;
    if (pp) {
        /* Resize in place (the C library may move it without copying). */
        arena_block *b = *pp;
        if (size <= b->used)
            return old;
        arena_block *nb = realloc(b, sizeof(arena_block) + size);
        if (!nb)
            return NULL;
        *pp = nb;
        a->used_bytes += size - nb->used;
        nb->cap = nb->used = size;
        return nb->data;
    }
    arena_block *nb = malloc(sizeof(arena_block) + size);
    if (!nb)
        return NULL;
    nb->cap = nb->used = size;
    nb->solo = 1;
    link_aside(a, nb);
    a->used_bytes += size;
    if (old && old_size)
        memcpy(nb->data, old, old_size);
    return nb->data;
}
