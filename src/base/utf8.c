#include "utf8.h"

#include "carnews/carnews.h"

#include <string.h>

size_t cni_utf8_seq_len(const unsigned char *s, size_t n, size_t i)
{
    unsigned c = s[i];
    if (c < 0x80)
        return 1;
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0)
            lo = 0xA0;
        if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
    } else {
        return 0;
    }
    if (n - i <= need)
        return 0;
    if (s[i + 1] < lo || s[i + 1] > hi)
        return 0;
    for (size_t k = 2; k <= need; k++)
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
    return need + 1;
}

size_t cni_utf8_valid_len(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        /* Eight ASCII bytes at a time: most text is nothing else. */
        uint64_t w;
        while (n - i >= 8 && (memcpy(&w, u + i, 8), (w & 0x8080808080808080ull) == 0))
            i += 8;
        if (i == n)
            break;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = cni_utf8_seq_len(u, n, i);
        if (k == 0)
            break;
        i += k;
    }
    return i;
}

size_t cn_utf8_valid_len(const char *s, size_t n) { return cni_utf8_valid_len(s, n); }

uint32_t cni_utf8_decode_seq(const char *str, size_t len, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t p = *i;
    size_t k = cni_utf8_seq_len(s, len, p);
    if (k == 0) {
        *i = p + 1;
        return 0xFFFD;
    }
    uint32_t cp = k == 1 ? s[p] : s[p] & (0x7Fu >> k);
    for (size_t j = 1; j < k; j++)
        cp = (cp << 6) | (s[p + j] & 0x3F);
    *i = p + k;
    return cp;
}

size_t cni_utf8_encode(uint32_t cp, char u[4])
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        u[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    u[0] = (char)(0xF0 | (cp >> 18));
    u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int cni_utf8_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
           cp == '\v' || cp == 0 || cp == 0xA0 || cp == 0xAD ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000 || cp == 0xFEFF || cp == 0x2028 || cp == 0x2029;
}
