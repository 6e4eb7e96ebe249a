/* UTF-8: the one decoder, validator and encoder every stage uses. */
#ifndef CN_UTF8_H
#define CN_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Length (1-4) of the valid sequence at s[i], given n bytes in all, or 0
 * when it is not one: overlong forms, surrogates and code points past
 * U+10FFFF are refused. */
size_t cni_utf8_seq_len(const unsigned char *s, size_t n, size_t i);

/* Length of the longest valid UTF-8 prefix of s[0..n). */
size_t cni_utf8_valid_len(const char *s, size_t n);

/* Code point at s[*i] (len bytes in all); moves *i past it.  An invalid
 * byte gives U+FFFD and moves one byte.  ASCII, most of any text, is
 * decoded inline. */
uint32_t cni_utf8_decode_seq(const char *s, size_t len, size_t *i);
static inline uint32_t cni_utf8_decode(const char *s, size_t len, size_t *i)
{
    if (*i < len && (unsigned char)s[*i] < 0x80)
        return (unsigned char)s[(*i)++];
    return cni_utf8_decode_seq(s, len, i);
}

/* UTF-8 bytes of cp into out[4]; returns their count.  Surrogates and
 * values past U+10FFFF become U+FFFD. */
size_t cni_utf8_encode(uint32_t cp, char out[4]);
/* White space as news text has it: ASCII, NBSP, soft hyphen, the U+2000
 * spaces, zero-width space and BOM, line and paragraph separators. */
int cni_utf8_is_space(uint32_t cp);
#endif
