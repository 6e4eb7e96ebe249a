/* Internals shared by numbers.c, number_words.c and money.c: limits, byte helpers, parse state.  Not public. */
#ifndef CN_NUMBERS_IMPL_H
#define CN_NUMBERS_IMPL_H
#include <stddef.h>
#include <stdint.h>

#include "numbers.h"
#include "bytes.h"

#define NUM_VALUE_MAX 1e300         /* cap for absurd magnitudes (NUM_OVERFLOW) */
#define NUM_MAX_SIG 19              /* significant digits kept in a uint64 mantissa */
#define NUM_MAX_EXP 100000          /* exponents are clamped here: beyond it all overflows */
#define NUM_MAX_GAP 3               /* white-space characters allowed between parts */
#define NUM_MAX_WORD 16             /* longest keyword in bytes; longer words are skipped */
#define NUM_MAX_SUFFIX 10           /* longest glued suffix ("trillion" + slack) */
#define NUM_PHONE_DIGITS 7          /* "+44 20 ..." with at least this many digits is a phone */
#define NUM_IVAL_SAT 1000000000000000ULL /* integer parts saturate here (only compared to small bounds) */
#define NUM_YEAR_MIN 1900
#define NUM_YEAR_MAX 2100
#define NUM_PENCE_MAX 999           /* "50p" is money, "1080p" is a video format */
#define NUM_WON_MIN 1000            /* "won" is KRW only after big numbers ("Formula 1 won") */


/* ---------------------------------------------------------------- bytes */

/* Skip the rest of a word: word bytes and UTF-8 continuation bytes. */
static inline size_t skip_word(const uchar *t, size_t len, size_t i)
{
    while (i < len && in_word_byte(t[i]))
        i++;
    return i;
}


int cni_per_month_word(const uchar *t, size_t s, size_t e);   /* months.c */

/* A thousands separator: a space, NBSP or thin space, never a line break. */
static inline size_t group_space_len(const uchar *t, size_t len, size_t i)
{
    return i < len && (t[i] == '\t' || t[i] == '\n' || t[i] == '\r') ? 0 : space_len(t, len, i);
}

static inline size_t skip_gap(const uchar *t, size_t len, size_t i)
{
    return skip_spaces(t, len, i, NUM_MAX_GAP);
}

/* Step back over up to NUM_MAX_GAP white-space characters ending at i. */
static inline size_t back_gap(const uchar *t, size_t i)
{
    size_t n = 0;
    while (n < NUM_MAX_GAP && i > 0) {
        if (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '\n' || t[i - 1] == '\r')
            i -= 1;
        else if (i >= 2 && t[i - 2] == 0xC2 && t[i - 1] == 0xA0)
            i -= 2;
        else if (i >= 3 && t[i - 3] == 0xE2 && t[i - 2] == 0x80 &&
                 (t[i - 1] == 0xAF || t[i - 1] == 0x89 || t[i - 1] == 0x87 || t[i - 1] == 0x8A))
            i -= 3;
        else
            break;
        n++;
    }
    return i;
}

/* The ASCII word ending before i (after an optional gap), lower-cased into
 * buf. Returns its length (0 when there is none or it is too long) and its
 * start in *ws. */
static inline size_t prev_word(const uchar *t, size_t i, char *buf, size_t bufsz, size_t *ws)
{
    size_t e = back_gap(t, i), s = e, n, k;
    while (s > 0 && is_alpha(t[s - 1]) && e - s < bufsz)
        s--;
    n = e - s;
    if (n == 0 || n >= bufsz || word_before(t, s))
        return 0;
    for (k = 0; k < n; k++)
        buf[k] = (char)lower(t[s + k]);
    buf[n] = '\0';
    if (ws)
        *ws = s;
    return n;
}

/* Match a lower-case pattern at i, case-insensitively (or exactly when cs).
 * A ' ' in the pattern matches 1..NUM_MAX_GAP spaces or a single '-'. The
 * match must end at a word boundary. Returns its end, or 0. */
static inline size_t kw_match(const uchar *t, size_t len, size_t i, const char *p, int cs)
{
    for (; *p; p++) {
        if (*p == ' ') {
            size_t j = skip_gap(t, len, i);
            if (j == i) {
                if (i < len && t[i] == '-')
                    j = i + 1;
                else
                    return 0;
            }
            i = j;
        } else {
            if (i >= len || (cs ? t[i] : lower(t[i])) != (uchar)*p)
                return 0;
            i++;
        }
    }
    if (word_at(t, len, i))
        return 0;
    return i;
}

static inline size_t kw(const uchar *t, size_t len, size_t i, const char *p) { return kw_match(t, len, i, p, 0); }

static inline int is_minus_sign(const uchar *t, size_t len, size_t i)   /* U+2212 */
{
    return i + 2 < len && t[i] == 0xE2 && t[i + 1] == 0x88 && t[i + 2] == 0x92;
}

static inline int is_en_dash(const uchar *t, size_t len, size_t i)      /* U+2013 */
{
    return i + 2 < len && t[i] == 0xE2 && t[i + 1] == 0x80 && t[i + 2] == 0x93;
}

/* Skip a token made of word characters joined by '.', '-', '/', ':'. */
static inline size_t skip_chain(const uchar *t, size_t len, size_t i)
{
    for (;;) {
        i = skip_word(t, len, i);
        if (i + 1 < len && (t[i] == '.' || t[i] == '-' || t[i] == '/' || t[i] == ':') && is_alnum(t[i + 1])) {
            i++;
            continue;
        }
        return i;
    }
}

/* ------------------------------------------------------- parse state */

enum { LIT_OK, LIT_REJECT, LIT_CLOCK, LIT_YEARS };
typedef struct {
    size_t end;
    uint64_t mant;
    int e;
    unsigned n_int, n_frac;
    int sep;
    uint64_t ival;           /* integer part, saturating */
    uint64_t y2;             /* LIT_YEARS: the second year */
} lit;

typedef struct {
    size_t start, end;
    uint64_t mant;
    int e;                   /* digits: magnitude = mant * 10^(e + scale_e + minor + extra_e) */
    double wval;             /* words: magnitude including their own scale */
    int words;
    int scale_e;             /* power of ten of the scale word (0: none) */
    int minor;               /* -2 for pence */
    int extra_e;             /* scale inherited from the other end of a range */
    int neg, sign;           /* a sign or "minus" was written */
    int yexp;                /* two-digit year expanded from a range ("2023-24") */
    int years;               /* "2023/24" */
    unsigned n_int, n_frac;
    int sep;
    uint64_t ival;
    const char *unit;
    unsigned flags;
    double value;
    int link;                /* how the high end of a range was joined: LINK_* */
} core;

/* ------------------------------------------- across the three files */

/* numbers.c: v * 10^e, exact for small mantissas and |e| <= 22; capped at
 * NUM_VALUE_MAX (sets *ovf). */
double cni_num_mul_p10(double v, int e, int *ovf);

/* number_words.c */
/* Spelled-out number at i into c (value in c->wval, c->end). Returns 1 or 0. */
int cni_num_parse_words(const uchar *t, size_t len, size_t i, core *c);
/* The first three letters of the words that may open an expression (see
 * number_words.c), ready to read. */
typedef uint32_t opener_prefixes[26][27];
const opener_prefixes *cni_num_opener_prefixes(void);
/* The slow part of num_letter_may_open(): the word itself. */
int cni_num_word_may_open(const uchar *t, size_t len, size_t i);
/* The first qualifier pattern matching at i: returns its end and the
 * normalised form in *norm, or 0. */
size_t cni_num_qualifier_at(const uchar *t, size_t len, size_t i, const char **norm);
/* The number-word table is sorted and its index tables agree. */
int cni_num_words_selftest(void);

/* money.c */
/* Currency before the number at i: returns where the digits start (after an
 * optional gap), with the ISO code in *code; 0 when there is none. */
size_t cni_num_currency_prefix(const uchar *t, size_t len, size_t i, const char **code);

/* Can a letter at i (a word start) open an expression?  Inline in the
 * scan: most words of running text are refused by their first letters
 * without a call.  A capital followed by a capital, '$', 's' or 'm' may
 * begin a currency code (cni_num_currency_prefix() refuses the rest). */
static inline int num_letter_may_open(const opener_prefixes *open, const uchar *t, size_t len,
                                      size_t i)
{
    int code = is_upper(t[i]) && i + 1 < len &&
               (is_upper(t[i + 1]) || t[i + 1] == '$' || t[i + 1] == 's' || t[i + 1] == 'm');
    if (code && cni_num_currency_prefix(t, len, i, NULL))
        return 1;
    unsigned b = text_letter_or_end(t, len, i + 1);
    unsigned c = b == 26 ? 26 : text_letter_or_end(t, len, i + 2);
    if (!((*open)[lower(t[i]) - 'a'][b] >> c & 1))
        return 0;
    return cni_num_word_may_open(t, len, i);
}

/* The suffix part of a digit core: glued letters, spaced scale, am/pm. On
 * failure *skip is where scanning may resume. */
int cni_num_digit_suffixes(const uchar *t, size_t len, core *c, const lit *L, int has_cur, size_t *j, size_t *skip);
/* Percent, currency word or physical unit after the number. */
void cni_num_postfix_units(const uchar *t, size_t len, core *c, int has_cur, size_t *j);
/* The glued-suffix table fits NUM_MAX_SUFFIX. */
int cni_num_suffix_selftest(void);

#endif
