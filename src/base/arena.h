/* Bump allocator: one per document, freed in one call. */
#ifndef CN_ARENA_H
#define CN_ARENA_H
#include <stddef.h>

typedef struct arena_block arena_block;
typedef struct {
    arena_block *head;
    size_t used_bytes;   /* total handed out, for statistics */
} arena;

void cni_arena_init(arena *a);
void cni_arena_release(arena *a);
/* Zeroed memory aligned for any type; NULL when out of memory. */
void *cni_arena_alloc(arena *a, size_t size);
/* Copy of s[0..len) with a NUL added. */
char *cni_arena_strndup(arena *a, const char *s, size_t len);
char *cni_arena_strdup(arena *a, const char *s);
/* Grow an array held in the arena: returns it with room for new_cap
 * elements, the first old_n copied.  The room after them is NOT zeroed
 * (token arrays are most of an arena): write an element before reading it.  The old pointer is
 * invalid afterwards: small arrays are copied (the old copy is abandoned),
 * big ones (256 KiB and more) are resized in place with realloc. */
void *cni_arena_grow(arena *a, void *old, size_t elem, size_t old_n, size_t new_cap);
#endif
