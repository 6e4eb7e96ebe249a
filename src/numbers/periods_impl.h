/* Internals shared by periods.c and period_words.c: limits, the period record, byte helpers.  Not public. */
#ifndef CN_PERIODS_IMPL_H
#define CN_PERIODS_IMPL_H
#include <stddef.h>

#include "numbers.h"
#include "bytes.h"

#define PER_MAX_GAP 3          /* white-space characters between the words of a period */
#define PER_MAX_WORD 16        /* longest word compared */
#define PER_MAX_TOKEN 12       /* longest alphanumeric token compared ("fy2023") */
#define PER_YEAR_MIN 1900
#define PER_YEAR_MAX 2100
#define PER_MAX_MONTHS 12      /* "first N months", "12 months to March" */


enum { P_YEAR, P_YRANGE, P_FY, P_MONTH, P_HALF, P_QUARTER, P_NM, P_RELYEAR, P_RELMONTH, P_RELQUARTER, P_YEAREND };

typedef struct {
    size_t s, e;               /* matched span */
    int kind;
    int y, y2;                 /* explicit year(s), 0 if none */
    int n;                     /* month, half, quarter or number of months */
    int rel;                   /* relative year offset is set (with delta) */
    int delta;                 /* -1 last, 0 this, +1 next */
    int fy;                    /* fiscal year ("Q3 FY24") */
} per;

/* ---------------------------------------------------------------- bytes */


static inline size_t skip_gap(const uchar *t, size_t len, size_t i)
{
    return skip_spaces(t, len, i, PER_MAX_GAP);
}

/* A required separator: a gap or one '-'. Returns the next position or 0. */
static inline size_t sep(const uchar *t, size_t len, size_t i)
{
    size_t j = skip_gap(t, len, i);
    if (j == i && i < len && t[i] == '-')
        j = i + 1;
    return j == i || j >= len ? 0 : j;
}

/* Case-insensitive lower-case pattern at i ending at a word boundary; ' '
 * in the pattern is a separator (see sep). Returns its end or 0. */
static inline size_t kw(const uchar *t, size_t len, size_t i, const char *p)
{
    for (; *p; p++) {
        if (*p == ' ') {
            if (!(i = sep(t, len, i)))
                return 0;
        } else {
            if (i >= len || lower(t[i]) != (uchar)*p)
                return 0;
            i++;
        }
    }
    return word_at(t, len, i) ? 0 : i;
}

/* The alphanumeric token at i, lower-cased into buf ("" if too long or glued
 * to a non-ASCII letter). Returns its end. */
static inline size_t token(const uchar *t, size_t len, size_t i, char *buf, size_t bufsz)
{
    size_t j = i, n;
    while (j < len && is_alnum(t[j]))
        j++;
    n = j - i;
    buf[0] = '\0';
    if (n < bufsz && !word_at(t, len, j)) {
        size_t k;
        for (k = 0; k < n; k++)
            buf[k] = (char)lower(t[i + k]);
        buf[n] = '\0';
    }
    return j;
}

/* Skip a token of word characters joined by '.', '-', '/', ':' (a chain
 * the number parser refused), so that it is not re-examined piecemeal. */
static inline size_t skip_chain(const uchar *t, size_t len, size_t i)
{
    for (;;) {
        while (i < len && in_word_byte(t[i]))
            i++;
        if (i + 1 < len && (t[i] == '.' || t[i] == '-' || t[i] == '/' || t[i] == ':') && is_alnum(t[i + 1])) {
            i++;
            continue;
        }
        return i;
    }
}

static inline int all_digits(const char *s, size_t n)
{
    size_t k;
    for (k = 0; k < n; k++)
        if (!is_digit((uchar)s[k]))
            return 0;
    return 1;
}

static inline int two_digit_year(int yy) { return 2000 + yy; }

/* ------------------------------------------------- period_words.c */

/* Capitalised month name at [s,e): 1..12, negative for an abbreviation. */
int cni_per_month_word(const uchar *t, size_t s, size_t e);
/* A plain year at i: returns its end and *y, or 0. With check_ctx, a
 * capitalised word before it must be one that may precede a year. */
size_t cni_per_year_at(const uchar *t, size_t len, size_t i, int *y, int check_ctx);
/* "FY24", "FY2024", "FY 2023/24", "FY23-24" at i: returns the end. */
size_t cni_per_fy_at(const uchar *t, size_t len, size_t i, int *y, int *y2);
/* A year attached after a half/quarter/month count (extends r->e). */
void cni_per_attach_year(const uchar *t, size_t len, per *r);
/* "N months to September", "quarter to"/"year to" when fixed is 3/12. */
int cni_per_months_to(const uchar *t, size_t len, size_t i, per *r, int fixed);
/* After an ordinal n ending at e: "half", "quarter", "N months". */
int cni_per_ordinal_period(const uchar *t, size_t len, int n, size_t e, per *r);
/* "H1", "Q3", "1H24", "3Q" as a lower-cased token. */
int cni_per_half_quarter_token(const char *tok, per *r);
/* Month name at [i, e) (mo from cni_per_month_word) and what follows it. */
int cni_per_month_period(const uchar *t, size_t len, size_t i, size_t e, int mo, per *r);

#endif
