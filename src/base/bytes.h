/* Byte-level character tests shared by every stage. */
#ifndef CN_TEXT_BYTES_H
#define CN_TEXT_BYTES_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef unsigned char uchar;

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Byte classes, one table load for the tests the scanners run on nearly
 * every byte (bytes.c): BC_WORD_LEAD and BC_IN_WORD as below, BC_ALPHA an
 * ASCII letter, BC_ALNUM an ASCII letter or digit. */
enum { BC_WORD_LEAD = 1, BC_IN_WORD = 2, BC_ALPHA = 4, BC_ALNUM = 8 };
extern const uint8_t cni_byte_class[256];

/* The tests take bytes (0-255, or a char's value cast to int). */
static inline int is_digit(int c) { return c >= '0' && c <= '9'; }
static inline int is_alpha(int c) { return cni_byte_class[(uchar)c] & BC_ALPHA; }
static inline int is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int is_alnum(int c) { return cni_byte_class[(uchar)c] & BC_ALNUM; }
extern const uint8_t cni_lower_byte[256], cni_letter_index[256];
static inline int lower(int c) { return cni_lower_byte[(uchar)c]; }

/* strcmp(a, w) == 0 for a fixed word w (a literal or a table's): most of
 * the words a kind, unit or label is compared with differ from it in the
 * first byte, tested inline. */
#define STR_EQ(a, w) ((a)[0] == (w)[0] && strcmp((a), (w)) == 0)

/* strcmp(), inline, for binary searches of short word tables. */
static inline int short_strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

/* Is s[0..n) the word w?  As strlen(w) == n && memcmp(s, w, n) == 0, but
 * stops at the first differing byte: most list words differ in the first. */
static inline int span_is(const char *s, size_t n, const char *w)
{
    for (size_t k = 0; k < n; k++)
        if (!w[k] || w[k] != s[k])
            return 0;
    return w[n] == 0;
}

/* Does s[0..n) start with w?  Its length when it does, else 0. */
static inline size_t span_starts(const char *s, size_t n, const char *w)
{
    size_t k = 0;
    for (; w[k]; k++)
        if (k >= n || w[k] != s[k])
            return 0;
    return k;
}

/* Bytes that make a character part of a word: ASCII letters, digits, '_',
 * and UTF-8 lead bytes of letters (Latin/Greek/Cyrillic C3-DF, CJK etc.
 * E3-EF). C2 (NBSP, £, ¥) and E2 (dashes, quotes, €, spaces) are not. */

static inline int is_word_lead(uchar c) { return cni_byte_class[c] & BC_WORD_LEAD; }
/* A byte that goes on a word: a word lead or a continuation byte. */
static inline int in_word_byte(uchar c) { return cni_byte_class[c] & BC_IN_WORD; }

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
/* Length of a white-space character at i: ASCII blanks, NBSP, narrow NBSP,
 * thin, figure and hair spaces (thousands separators in some styles). */
static inline size_t space_len(const uchar *t, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    if (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')
        return 1;
    if (t[i] == 0xC2 && i + 1 < len && t[i + 1] == 0xA0)
        return 2;
    if (t[i] == 0xE2 && i + 2 < len && t[i + 1] == 0x80 &&
        (t[i + 2] == 0xAF || t[i + 2] == 0x89 || t[i + 2] == 0x87 || t[i + 2] == 0x8A))
        return 3;
    return 0;
}

/* Past at most max white-space characters from i. */
static inline size_t skip_spaces(const uchar *t, size_t len, size_t i, size_t max)
{
    size_t n = 0, s;
    while (n < max && (s = space_len(t, len, i)) > 0) {
        i += s;
        n++;
    }
    return i;
}

static inline int ascii_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static inline int ascii_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Case-insensitive: does s[0..n) start with the lower-case ASCII word w? */
static inline int has_prefix_ci(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (ascii_lower((unsigned char)s[i]) != w[i])
            return 0;
    return 1;
}

/* First place in s[0..n) where the lower-case ASCII word w starts,
 * ignoring case, or NULL. */
static inline const char *find_ci(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++)
        if (ascii_lower((unsigned char)s[i]) == w[0] && has_prefix_ci(s + i, n - i, w))
            return s + i;
    return NULL;
}

/* The first two letters of a table's words (26 for anything but a
 * letter), so that a word no entry begins like skips the table: a matcher
 * needs to try its table only where the text starts with such two letters. */
typedef struct {
    uint32_t second[26];    /* per first letter, a bit per second letter */
    int any;                /* some word starts with a non-letter: no filter */
} pair_filter;

static inline unsigned pair_class(int c) { return c >= 'a' && c <= 'z' ? (unsigned)(c - 'a') : 26u; }

/* The letter of the text at k (0-25, either case), or 26 for anything else
 * and past the end: the text's side of pair_class(). */
static inline unsigned text_letter_or_end(const uchar *t, size_t len, size_t k)
{
    return k < len ? cni_letter_index[t[k]] : 26u;
}

static inline void pair_filter_add(pair_filter *f, const char *w)
{
    if (pair_class(w[0]) == 26)
        f->any = 1;
    else
        f->second[w[0] - 'a'] |= 1u << pair_class(w[0] ? w[1] : 0);
}

static inline int pair_filter_may(const pair_filter *f, const uchar *t, size_t len, size_t i)
{
    if (f->any || i >= len)
        return 1;
    unsigned a = text_letter_or_end(t, len, i);
    return a < 26 && (f->second[a] >> text_letter_or_end(t, len, i + 1) & 1);
}
#endif
