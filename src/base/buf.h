/* The growable byte buffer: output, rendered text, string pools.  Always
 * NUL-terminated once it holds a byte; malloc-backed. */
#ifndef CN_BUF_H
#define CN_BUF_H
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    char *data;
    size_t len, cap;
    int failed;          /* set once an allocation failed; later writes are no-ops */
} buf;

void cni_buf_init(buf *b);
void cni_buf_release(buf *b);
void cni_buf_put_slow(buf *b, const char *s, size_t len);
/* Decimal digits of v. */
void cni_buf_put_size(buf *b, size_t v);

/* Output is written a few bytes at a time: the common case stays inline. */
static inline void cni_buf_put(buf *b, const char *s, size_t len)
{
    if (b->len + len < b->cap) {
        memcpy(b->data + b->len, s, len);
        b->len += len;
        b->data[b->len] = '\0';
    } else {
        cni_buf_put_slow(b, s, len);
    }
}

static inline void cni_buf_puts(buf *b, const char *s) { cni_buf_put(b, s, strlen(s)); }

/* Room for n bytes (and the NUL) at the end, for a writer that fills them
 * in place and then commits what it wrote: one capacity check for a whole
 * object.  NULL when out of memory. */
char *cni_buf_room_slow(buf *b, size_t n);
static inline char *cni_buf_room(buf *b, size_t n)
{
    return b->len + n < b->cap ? b->data + b->len : cni_buf_room_slow(b, n);
}

/* The first n bytes of the room are written. */
static inline void cni_buf_commit(buf *b, size_t n)
{
    b->len += n;
    b->data[b->len] = '\0';
}

/* Decimal digits of v at p; returns the end. */
static inline char *cni_put_digits(char *p, size_t v)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    memcpy(p, tmp + i, sizeof tmp - i);
    return p + (sizeof tmp - i);
}

static inline void cni_buf_putc(buf *b, char c)
{
    if (b->len + 1 < b->cap) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
    } else {
        cni_buf_put_slow(b, &c, 1);
    }
}
void cni_buf_printf(buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* UTF-8 bytes of cp; NUL becomes a space, invalid values U+FFFD. */
void cni_buf_put_cp(buf *b, uint32_t cp);
/* Copy of s[0..n) with a NUL added (malloc'd), or NULL. */
char *cni_str_ndup(const char *s, size_t n);
/* Hands the NUL-terminated data to the caller (free() it); NULL on failure. */
char *cni_buf_detach(buf *b, size_t *len);
#endif
