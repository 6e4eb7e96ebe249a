#include "buf.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cni_buf_init(buf *b) { memset(b, 0, sizeof *b); }

void cni_buf_release(buf *b)
{
    free(b->data);
    cni_buf_init(b);
}

static int buf_reserve(buf *b, size_t extra)
{
    if (b->failed)
        return 0;
    if (b->len + extra + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 1024;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) {
            b->failed = 1;
            return 0;
        }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = 1;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    return 1;
}

void cni_buf_put_slow(buf *b, const char *s, size_t len)
{
    if (!buf_reserve(b, len))
        return;
    memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
}


char *cni_buf_room_slow(buf *b, size_t n)
{
    return buf_reserve(b, n) ? b->data + b->len : NULL;
}

void cni_buf_put_size(buf *b, size_t v)
{
    char *p = cni_buf_room(b, 24);
    if (p)
        cni_buf_commit(b, (size_t)(cni_put_digits(p, v) - p));
}

void cni_buf_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0 && buf_reserve(b, (size_t)n)) {
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

char *cni_buf_detach(buf *b, size_t *len)
{
    if (b->failed || !buf_reserve(b, 0)) {
        cni_buf_release(b);
        return NULL;
    }
    b->data[b->len] = '\0';   /* a caller may have shortened len */
    char *p = b->data;
    if (len)
        *len = b->len;
    cni_buf_init(b);
    return p;
}

void cni_buf_put_cp(buf *b, uint32_t cp)
{
    char u[4];
    cni_buf_put(b, u, cni_utf8_encode(cp ? cp : ' ', u));
}

char *cni_str_ndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}
