/* Byte-level character tests shared by the number and period parsers. */
#ifndef CN_TEXT_BYTES_H
#define CN_TEXT_BYTES_H
#include <stddef.h>

typedef unsigned char uchar;

static inline int is_digit(int c) { return c >= '0' && c <= '9'; }
static inline int is_alpha(int c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static inline int is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int is_alnum(int c) { return is_digit(c) || is_alpha(c); }
static inline int lower(int c) { return is_upper(c) ? c + 32 : c; }

/* Bytes that make a character part of a word: ASCII letters, digits, '_',
 * and UTF-8 lead bytes of letters (Latin/Greek/Cyrillic C3-DF, CJK etc.
 * E3-EF). C2 (NBSP, £, ¥) and E2 (dashes, quotes, €, spaces) are not. */
static inline int is_word_lead(int c)
{
    return is_alnum(c) || c == '_' || (c >= 0xC3 && c <= 0xDF) || (c >= 0xE3 && c <= 0xEF);
}

static inline int word_at(const uchar *t, size_t len, size_t i) { return i < len && is_word_lead(t[i]); }

/* Is the character that ends just before i a word character? */
static inline int word_before(const uchar *t, size_t i)
{
    size_t k, n = 0;
    if (i == 0)
        return 0;
    k = i - 1;
    while (k > 0 && (t[k] & 0xC0) == 0x80 && n < 3) {
        k--;
        n++;
    }
    return is_word_lead(t[k]);
}
#endif
