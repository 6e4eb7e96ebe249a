/* Growable byte buffer for building output; malloc-backed. */
#ifndef CN_BUF_H
#define CN_BUF_H
#include <stdarg.h>
#include <stddef.h>

typedef struct {
    char *data;
    size_t len, cap;
    int failed;          /* set once an allocation failed; later writes are no-ops */
} buf;

void buf_init(buf *b);
void buf_release(buf *b);
void buf_put(buf *b, const char *s, size_t len);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hands the NUL-terminated data to the caller (free() it); NULL on failure. */
char *buf_detach(buf *b, size_t *len);
#endif
