/* Period expressions in a sentence: "H1", "the third quarter of 2024",
 * "August 2023", "FY2023/24", "the first nine months", "last year".
 *
 * One left-to-right pass over word starts; the first position where any
 * pattern matches wins. Years are recognised through num_at(), so a year
 * is only a year when the number parser agrees (no unit, scale, currency,
 * separator, not glued to letters); on top of that "Peugeot 2008" (a
 * capitalised word that is not a month or preposition) and "2024 units" are
 * refused. No allocation; output is written with snprintf.
 */
#include "numbers.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define PER_MAX_GAP 3          /* white-space characters between the words of a period */
#define PER_MAX_WORD 16        /* longest word compared */
#define PER_MAX_TOKEN 12       /* longest alphanumeric token compared ("fy2023") */
#define PER_YEAR_MIN 1900
#define PER_YEAR_MAX 2100
#define PER_MAX_MONTHS 12      /* "first N months", "12 months to March" */

typedef unsigned char uchar;

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

typedef struct {
    int y, m;                  /* 0 when unknown */
} pubdate;

/* ---------------------------------------------------------------- bytes */

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alpha(int c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static int is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static int is_alnum(int c) { return is_digit(c) || is_alpha(c); }
static int lower(int c) { return is_upper(c) ? c + 32 : c; }

/* Same word-byte notion as numbers.c: ASCII alnum, '_', UTF-8 letter leads. */
static int is_word_lead(int c)
{
    return is_alnum(c) || c == '_' || (c >= 0xC3 && c <= 0xDF) || (c >= 0xE3 && c <= 0xEF);
}

static int word_at(const uchar *t, size_t len, size_t i) { return i < len && is_word_lead(t[i]); }

static int word_before(const uchar *t, size_t i)
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

static size_t space_len(const uchar *t, size_t len, size_t i)
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

static size_t skip_gap(const uchar *t, size_t len, size_t i)
{
    size_t n = 0, s;
    while (n < PER_MAX_GAP && (s = space_len(t, len, i)) > 0) {
        i += s;
        n++;
    }
    return i;
}

/* A required separator: a gap or one '-'. Returns the next position or 0. */
static size_t sep(const uchar *t, size_t len, size_t i)
{
    size_t j = skip_gap(t, len, i);
    if (j == i && i < len && t[i] == '-')
        j = i + 1;
    return j == i || j >= len ? 0 : j;
}

/* Case-insensitive lower-case pattern at i ending at a word boundary; ' '
 * in the pattern is a separator (see sep). Returns its end or 0. */
static size_t kw(const uchar *t, size_t len, size_t i, const char *p)
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
static size_t token(const uchar *t, size_t len, size_t i, char *buf, size_t bufsz)
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
static size_t skip_chain(const uchar *t, size_t len, size_t i)
{
    for (;;) {
        while (i < len && (is_word_lead(t[i]) || (t[i] & 0xC0) == 0x80))
            i++;
        if (i + 1 < len && (t[i] == '.' || t[i] == '-' || t[i] == '/' || t[i] == ':') && is_alnum(t[i + 1])) {
            i++;
            continue;
        }
        return i;
    }
}

static int all_digits(const char *s, size_t n)
{
    size_t k;
    for (k = 0; k < n; k++)
        if (!is_digit((uchar)s[k]))
            return 0;
    return 1;
}

static int two_digit_year(int yy) { return 2000 + yy; }

/* ------------------------------------------------------------- words */

static const char *const month_tab[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
};
static const char *const month_abbr_tab[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

/* Capitalised month name at [s,e): 1..12, negative for an abbreviation. */
static int month_word(const uchar *t, size_t s, size_t e)
{
    char buf[PER_MAX_WORD];
    size_t n = e - s, k;
    if (n < 3 || n >= sizeof buf || !is_upper(t[s]))
        return 0;
    for (k = 0; k < n; k++)
        buf[k] = (char)lower(t[s + k]);
    buf[n] = '\0';
    for (k = 0; k < 12; k++)
        if (strcmp(buf, month_tab[k]) == 0)
            return (int)k + 1;
    for (k = 0; k < 12; k++)
        if (strcmp(buf, month_abbr_tab[k]) == 0)
            return -((int)k + 1);
    return strcmp(buf, "sept") == 0 ? -9 : 0;
}

/* The lower-cased ASCII word just before i (across a gap), or "". */
static void prev_word(const uchar *t, size_t i, char *buf, size_t bufsz, int *capital)
{
    size_t e = i, s, n = 0, k;
    buf[0] = '\0';
    *capital = 0;
    while (e > 0 && n < PER_MAX_GAP && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\n')) {
        e--;
        n++;
    }
    if (e == i && i > 0 && t[i - 1] != '-')
        return;
    if (e == i && i > 0)                 /* "mid-2024" */
        e--;
    s = e;
    while (s > 0 && is_alpha(t[s - 1]) && e - s < bufsz)
        s--;
    if (s == e || e - s >= bufsz || word_before(t, s))
        return;
    for (k = 0; k < e - s; k++)
        buf[k] = (char)lower(t[s + k]);
    buf[e - s] = '\0';
    *capital = is_upper(t[s]);
}

static int in_list(const char *w, const char *const *list, size_t n)
{
    size_t k;
    for (k = 0; k < n; k++)
        if (strcmp(w, list[k]) == 0)
            return 1;
    return 0;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Capitalised words that may stand before a year ("In 2024", "The 2024
 * model"); any other capitalised word makes it a model name ("Peugeot 2008"). */
static const char *const year_ok_before[] = {
    "in", "since", "by", "during", "from", "until", "till", "to", "through", "throughout",
    "for", "of", "the", "and", "or", "early", "late", "mid", "end", "before", "after",
    "between", "fiscal", "financial", "year", "calendar", "model", "spring", "summer",
    "autumn", "fall", "winter", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "on", "at", "as",
    "over", "across", "within", "full", "whole", "entire", "this", "that", "its", "fy",
};

/* Count nouns that make "2024 units" a quantity, not a year. */
static const char *const count_nouns[] = {
    "units", "vehicles", "cars", "people", "jobs", "workers", "employees", "staff", "vans",
    "trucks", "buses", "dealers", "dealerships", "stores", "chargers", "robots", "engineers",
};

/* A plain year at i: returns its end and *y, or 0. */
static size_t year_at(const uchar *t, size_t len, size_t i, int *y, int check_ctx)
{
    num_expr e;
    char w[PER_MAX_WORD];
    size_t k, we;
    int cap;
    if (i >= len || !is_digit(t[i]) || !num_at((const char *)t, len, i, &e))
        return 0;
    if ((e.flags & (NUM_YEAR | NUM_RANGE)) != NUM_YEAR)
        return 0;
    k = skip_gap(t, len, e.end);
    if (k > e.end) {
        we = k;
        while (we < len && is_alpha(t[we]) && we - k < PER_MAX_WORD - 1)
            we++;
        if (we > k && we - k < PER_MAX_WORD && !word_at(t, len, we)) {
            size_t q;
            for (q = 0; q < we - k; q++)
                w[q] = (char)lower(t[k + q]);
            w[we - k] = '\0';
            if (in_list(w, count_nouns, COUNT(count_nouns)))
                return 0;
        }
    }
    if (check_ctx) {
        prev_word(t, i, w, sizeof w, &cap);
        if (cap && w[0] && !in_list(w, year_ok_before, COUNT(year_ok_before)))
            return 0;
    }
    *y = (int)e.value;
    return e.end;
}

/* "FY24", "FY2024", "FY 2023/24", "FY23-24" at i: returns the end. */
static size_t fy_at(const uchar *t, size_t len, size_t i, int *y, int *y2)
{
    size_t j = i + 2, d, n, k;
    int a, b = 0;
    if (i + 2 >= len || lower(t[i]) != 'f' || lower(t[i + 1]) != 'y' || word_before(t, i))
        return 0;
    if (!is_digit(t[j]))
        j = skip_gap(t, len, j);
    for (d = j; d < len && is_digit(t[d]); d++)
        ;
    n = d - j;
    if (n != 2 && n != 4)
        return 0;
    a = 0;
    for (k = j; k < d; k++)
        a = a * 10 + (t[k] - '0');
    if (n == 2)
        a = two_digit_year(a);
    if (d + 2 < len && (t[d] == '/' || t[d] == '-') && is_digit(t[d + 1])) {
        size_t e2 = d + 1, m;
        while (e2 < len && is_digit(t[e2]))
            e2++;
        m = e2 - d - 1;
        if (m == 2 || m == 4) {
            for (k = d + 1; k < e2; k++)
                b = b * 10 + (t[k] - '0');
            if (m == 2)
                b += a / 100 * 100;
            if (b > a) {
                if (n == 2 && m == 2)
                    a = b - 1;          /* "FY23/24" */
                d = e2;
            } else {
                b = 0;
            }
        }
    }
    if (word_at(t, len, d) || a < PER_YEAR_MIN || a > PER_YEAR_MAX)
        return 0;
    *y = a;
    *y2 = b;
    return d;
}

/* A year attached after a half/quarter/month count: " 2024", "'24",
 * " of 2024", " FY24", " of last year", " this year", " of the year". */
static void attach_year(const uchar *t, size_t len, per *r)
{
    size_t i = r->e, k, m;
    int of = 0, y, y2;
    /* "H1'24", "Q3’24" */
    k = i;
    if (k < len && t[k] == '\'')
        k++;
    else if (k + 2 < len && t[k] == 0xE2 && t[k + 1] == 0x80 && t[k + 2] == 0x99)
        k += 3;
    if (k > i && k + 1 < len && is_digit(t[k]) && is_digit(t[k + 1]) && !word_at(t, len, k + 2)) {
        r->y = two_digit_year((t[k] - '0') * 10 + (t[k + 1] - '0'));
        r->e = k + 2;
        return;
    }
    k = skip_gap(t, len, i);
    if (k == i)
        return;
    if ((m = kw(t, len, k, "of")) != 0) {
        size_t g = skip_gap(t, len, m);
        if (g == m)
            return;
        of = 1;
        k = g;
    }
    if ((m = year_at(t, len, k, &y, 0)) != 0) {
        r->y = y;
        r->e = m;
    } else if ((m = fy_at(t, len, k, &y, &y2)) != 0) {
        r->y = y2 ? y2 : y;
        r->fy = 1;
        r->e = m;
    } else if ((m = kw(t, len, k, "last year")) || (m = kw(t, len, k, "the previous year")) ||
               (m = kw(t, len, k, "the prior year"))) {
        r->rel = 1;
        r->delta = -1;
        r->e = m;
    } else if ((m = kw(t, len, k, "this year")) || (m = kw(t, len, k, "the current year"))) {
        r->rel = 1;
        r->e = m;
    } else if ((m = kw(t, len, k, "next year"))) {
        r->rel = 1;
        r->delta = 1;
        r->e = m;
    } else if (of && (m = kw(t, len, k, "the year")) != 0) {
        r->e = m;                       /* year still from the sentence */
    }
}

static int number_word(const char *w)   /* "one".."twelve" -> 1..12 */
{
    static const char *const n[] = {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    };
    size_t k;
    for (k = 0; k < COUNT(n); k++)
        if (strcmp(w, n[k]) == 0)
            return (int)k + 1;
    return 0;
}

/* A month count at i ("nine", "9"): returns its end and *n. */
static size_t count_at(const uchar *t, size_t len, size_t i, int *n)
{
    char tok[PER_MAX_TOKEN];
    size_t e = token(t, len, i, tok, sizeof tok);
    size_t tl = strlen(tok);
    int v = 0;
    if (tl == 0)
        return 0;
    if (all_digits(tok, tl) && tl <= 2)
        v = (tok[0] - '0') * (tl == 2 ? 10 : 1) + (tl == 2 ? tok[1] - '0' : 0);
    else
        v = number_word(tok);
    if (v < 1 || v > PER_MAX_MONTHS)
        return 0;
    *n = v;
    return e;
}

/* "N months to/ended September [2024]" starting at the count (i), or
 * "quarter to September" / "year to March" when fixed is 3 / 12. The three
 * months to June are Q2, the six months to December H2, the nine months
 * to September 9M, a year to March FY(y-1)/y; other spans are not matched. */
static int months_to(const uchar *t, size_t len, size_t i, per *r, int fixed)
{
    static const char *const links[] = {"to", "ended", "ending", "through", "until"};
    size_t k, m, e, q;
    int n, mo, y;
    if (fixed) {
        n = fixed;
        if (!(m = kw(t, len, i, fixed == 3 ? "quarter" : "year")))
            return 0;
    } else if (!(k = count_at(t, len, i, &n)) || !(k = sep(t, len, k)) || !(m = kw(t, len, k, "months"))) {
        return 0;
    }
    k = skip_gap(t, len, m);
    for (q = 0; q < COUNT(links); q++)
        if ((m = kw(t, len, k, links[q])) != 0)
            break;
    if (q == COUNT(links) || (k = skip_gap(t, len, m)) == m)
        return 0;
    for (e = k; e < len && is_alpha(t[e]); e++)
        ;
    mo = month_word(t, k, e);
    if (mo < 0)
        mo = -mo;
    if (n == 12) {
        r->kind = P_YEAREND;
        r->n = mo;
    } else if (n == 3 && mo % 3 == 0) {
        r->kind = P_QUARTER;
        r->n = mo / 3;
    } else if (n == 6 && mo == 12) {
        r->kind = P_HALF;
        r->n = 2;
    } else if (mo == n) {
        r->kind = P_NM;
        r->n = n;
    } else {
        return 0;                       /* a fiscal period */
    }
    r->e = e;
    k = skip_gap(t, len, e);
    for (q = k; q < len && is_digit(t[q]) && q - k < 2; q++)
        ;                               /* "September 30, 2024" */
    if (q > k && q < len && t[q] == ',' && !word_at(t, len, q + 1))
        k = skip_gap(t, len, q + 1);
    if (k > e && (m = year_at(t, len, k, &y, 0)) != 0) {
        r->y = y;
        r->e = m;
    }
    return 1;
}

/* After an ordinal n at [i, e): "half", "quarter", "N months". */
static int ordinal_period(const uchar *t, size_t len, int n, size_t e, per *r)
{
    size_t k = sep(t, len, e), m;
    int cnt;
    if (!k)
        return 0;
    if (n <= 2 && (m = kw(t, len, k, "half")) != 0) {
        r->kind = P_HALF;
        r->n = n;
    } else if (n <= 4 && (m = kw(t, len, k, "quarter")) != 0) {
        r->kind = P_QUARTER;
        r->n = n;
    } else if (n == 1 && (m = count_at(t, len, k, &cnt)) != 0 && (m = sep(t, len, m)) != 0 &&
               (m = kw(t, len, m, "months")) != 0) {
        r->kind = P_NM;
        r->n = cnt;
    } else {
        return 0;
    }
    r->e = m;
    attach_year(t, len, r);
    return 1;
}

/* "H1", "Q3", "1H24", "3Q" as a token: kind and number, year if glued. */
static int half_quarter_token(const char *tok, per *r)
{
    size_t n = strlen(tok);
    if (n == 2 && (tok[0] == 'h' || tok[0] == 'q') && is_digit((uchar)tok[1])) {
        r->kind = tok[0] == 'h' ? P_HALF : P_QUARTER;
        r->n = tok[1] - '0';
    } else if ((n == 2 || n == 4) && is_digit((uchar)tok[0]) && (tok[1] == 'h' || tok[1] == 'q') &&
               (n == 2 || all_digits(tok + 2, 2))) {
        r->kind = tok[1] == 'h' ? P_HALF : P_QUARTER;
        r->n = tok[0] - '0';
        if (n == 4)
            r->y = two_digit_year((tok[2] - '0') * 10 + (tok[3] - '0'));
    } else {
        return 0;
    }
    return r->n >= 1 && r->n <= (r->kind == P_HALF ? 2 : 4);
}

/* Month name at [i, e) and what follows it. */
static int month_period(const uchar *t, size_t len, size_t i, size_t e, int mo, per *r)
{
    static const char *const may_before[] = {
        "in", "since", "during", "until", "till", "by", "from", "to", "of", "last", "this",
        "next", "early", "late", "mid", "through", "before", "after", "between", "and", "end",
    };
    size_t k, m, d;
    int y, abbr = mo < 0;
    char w[PER_MAX_WORD];
    int cap;
    if (abbr)
        mo = -mo;
    r->kind = P_MONTH;
    r->n = mo;
    r->e = e;
    if (abbr && e < len && t[e] == '.')
        e++;
    k = skip_gap(t, len, e);
    if (k > e && mo % 3 == 0 && (m = kw(t, len, k, "quarter")) != 0) {   /* "the June quarter" */
        r->kind = P_QUARTER;
        r->n = mo / 3;
        r->e = m;
        attach_year(t, len, r);
        return 1;
    }
    if (k > e) {
        if ((m = year_at(t, len, k, &y, 0)) != 0) {             /* "August 2023" */
            r->y = y;
            r->e = m;
            return 1;
        }
        for (d = k; d < len && is_digit(t[d]); d++)
            ;
        if (d > k && d - k <= 2) {                               /* "March 12, 2024" */
            size_t q = d;
            char sfx[3];
            if (q + 1 < len && is_alpha(t[q]) && is_alpha(t[q + 1]) && !word_at(t, len, q + 2)) {
                sfx[0] = (char)lower(t[q]);
                sfx[1] = (char)lower(t[q + 1]);
                sfx[2] = '\0';
                if (!strcmp(sfx, "st") || !strcmp(sfx, "nd") || !strcmp(sfx, "rd") || !strcmp(sfx, "th"))
                    q += 2;
            }
            if (q < len && t[q] == ',')
                q++;
            m = skip_gap(t, len, q);
            if (m > q && (q = year_at(t, len, m, &y, 0)) != 0) {
                r->y = y;
                r->e = q;
                return 1;
            }
        }
        if ((m = kw(t, len, k, "last year")) != 0) {
            r->rel = 1;
            r->delta = -1;
            r->e = m;
            return 1;
        }
        if ((m = kw(t, len, k, "this year")) != 0) {
            r->rel = 1;
            r->e = m;
            return 1;
        }
    }
    if (abbr)
        return 0;                       /* "Jan" alone may be a name */
    if (mo == 5) {                      /* "May" alone is usually the verb */
        prev_word(t, i, w, sizeof w, &cap);
        if (!in_list(w, may_before, COUNT(may_before)))
            return 0;
    }
    return 1;
}

/* Patterns starting with a digit. */
static int match_digit(const uchar *t, size_t len, size_t i, const char *tok, size_t te, per *r, size_t *next)
{
    num_expr e;
    int y;
    size_t k;
    if (half_quarter_token(tok, r)) {                          /* "1H24", "3Q" */
        r->e = te;
        if (!r->y)
            attach_year(t, len, r);
        return 1;
    }
    if (!num_at((const char *)t, len, i, &e)) {
        *next = skip_chain(t, len, i);
        return 0;
    }
    *next = e.end;
    if ((e.flags & NUM_YEAR) && (e.flags & NUM_RANGE)) {       /* "2023/24", "2020-2024" */
        r->y = (int)e.value;
        r->y2 = (int)e.value_hi;
        r->kind = r->y2 == r->y + 1 ? P_FY : P_YRANGE;
        r->e = e.end;
        return 1;
    }
    if (e.flags & NUM_YEAR) {
        if (!year_at(t, len, i, &y, 1))
            return 0;
        r->kind = P_YEAR;
        r->y = y;
        r->e = e.end;
        /* "2024 first half", "2024's third quarter", "2024 Q3" */
        k = e.end;
        if (k + 1 < len && t[k] == '\'' && lower(t[k + 1]) == 's')
            k += 2;
        else if (k + 3 < len && t[k] == 0xE2 && t[k + 1] == 0x80 && t[k + 2] == 0x99 && lower(t[k + 3]) == 's')
            k += 4;
        if ((k = skip_gap(t, len, k)) > e.end && k < len) {
            per sub;
            char tk[PER_MAX_TOKEN];
            size_t se = token(t, len, k, tk, sizeof tk), m;
            memset(&sub, 0, sizeof sub);
            sub.s = k;
            if (is_alpha(t[k]) && half_quarter_token(tk, &sub)) {
                sub.e = se;
            } else {
                static const char *const ords[] = {"first", "second", "third", "fourth"};
                size_t q;
                for (q = 0; q < COUNT(ords); q++)
                    if ((m = kw(t, len, k, ords[q])) != 0 && ordinal_period(t, len, (int)q + 1, m, &sub))
                        break;
                if (q == COUNT(ords) || sub.kind == P_NM)
                    return 1;
            }
            r->kind = sub.kind;
            r->n = sub.n;
            r->e = sub.e;
        }
        return 1;
    }
    if ((e.flags & NUM_ORDINAL) && !(e.flags & NUM_WORDS) && e.value >= 1 && e.value <= 4 && e.start == i)
        return ordinal_period(t, len, (int)e.value, e.end, r);   /* "1st half" */
    if (!e.flags && !e.unit && e.start == i)
        return months_to(t, len, i, r, 0);                      /* "9 months to September" */
    return 0;
}

/* Patterns starting with a letter. */
static int match_word(const uchar *t, size_t len, size_t i, const char *tok, size_t te, per *r)
{
    static const char *const ords[] = {"first", "second", "third", "fourth"};
    size_t k, m;
    int y, y2, mo;
    if (half_quarter_token(tok, r)) {                          /* "H1", "Q3" */
        r->e = te;
        attach_year(t, len, r);
        return 1;
    }
    if ((m = fy_at(t, len, i, &y, &y2)) != 0) {                /* "FY24", "FY2023/24" */
        r->kind = P_FY;
        r->y = y;
        r->y2 = y2;
        r->e = m;
        return 1;
    }
    if (!tok[0] || !is_alpha((uchar)tok[strlen(tok) - 1]))
        return 0;
    for (k = 0; k < COUNT(ords); k++)
        if (strcmp(tok, ords[k]) == 0)
            return ordinal_period(t, len, (int)k + 1, te, r);
    if (!strcmp(tok, "last") || !strcmp(tok, "this") || !strcmp(tok, "next") ||
        !strcmp(tok, "previous") || !strcmp(tok, "current") || !strcmp(tok, "prior")) {
        int delta = tok[0] == 'l' || tok[0] == 'p' ? -1 : tok[0] == 'n' ? 1 : 0;
        k = skip_gap(t, len, te);
        if (k == te)
            return 0;
        if ((m = kw(t, len, k, "year")) != 0)
            r->kind = P_RELYEAR;
        else if ((m = kw(t, len, k, "month")) != 0)
            r->kind = P_RELMONTH;
        else if ((m = kw(t, len, k, "quarter")) != 0)
            r->kind = P_RELQUARTER;
        else
            return 0;
        r->rel = 1;
        r->delta = delta;
        r->e = m;
        return 1;
    }
    if (!strcmp(tok, "fiscal") || !strcmp(tok, "financial")) {  /* "financial year 2023/24" */
        num_expr e;
        k = skip_gap(t, len, te);
        if ((m = kw(t, len, k, "year")) != 0)
            k = skip_gap(t, len, m);
        if ((m = fy_at(t, len, k, &y, &y2)) != 0) {
            r->y = y;
            r->y2 = y2;
        } else if (k < len && is_digit(t[k]) && num_at((const char *)t, len, k, &e) && (e.flags & NUM_YEAR)) {
            r->y = (int)e.value;
            r->y2 = (e.flags & NUM_RANGE) ? (int)e.value_hi : 0;
            if (r->y2 && r->y2 != r->y + 1)
                return 0;
            m = e.end;
        } else {
            return 0;
        }
        r->kind = P_FY;
        r->e = m;
        return 1;
    }
    if (!strcmp(tok, "between")) {                              /* "between 2020 and 2024" */
        num_expr e;
        if (num_at((const char *)t, len, i, &e) && (e.flags & NUM_YEAR) && (e.flags & NUM_RANGE)) {
            r->kind = P_YRANGE;
            r->s = e.num_start;
            r->y = (int)e.value;
            r->y2 = (int)e.value_hi;
            r->e = e.end;
            return 1;
        }
        return 0;
    }
    if ((mo = month_word(t, i, te)) != 0)
        return month_period(t, len, i, te, mo, r);
    if (!strcmp(tok, "quarter") || !strcmp(tok, "year"))    /* "the quarter to September" */
        return months_to(t, len, i, r, tok[0] == 'q' ? 3 : 12);
    return months_to(t, len, i, r, 0);                          /* "nine months to September" */
}

/* The first plain year of the sentence, or 0. */
static int sentence_year(const uchar *t, size_t len)
{
    size_t i = 0;
    num_expr e;
    while (num_next((const char *)t, len, i, &e)) {
        int y;
        if ((e.flags & (NUM_YEAR | NUM_RANGE)) == NUM_YEAR && year_at(t, len, e.start, &y, 1))
            return y;
        i = e.end;
    }
    return 0;
}

static pubdate parse_pub(const char *p)
{
    pubdate d = {0, 0};
    int k, y = 0, m;
    if (!p)
        return d;
    for (k = 0; k < 4; k++) {
        if (!is_digit((uchar)p[k]))
            return d;
        y = y * 10 + (p[k] - '0');
    }
    if (p[4] != '-' || !is_digit((uchar)p[5]) || !is_digit((uchar)p[6]))
        return d;
    m = (p[5] - '0') * 10 + (p[6] - '0');
    if (y < PER_YEAR_MIN || y > PER_YEAR_MAX || m < 1 || m > 12)
        return d;
    d.y = y;
    d.m = m;
    return d;
}

static void put(char *out, size_t outsz, const char *fmt, ...)
{
    va_list ap;
    if (!out || outsz == 0)
        return;
    va_start(ap, fmt);
    vsnprintf(out, outsz, fmt, ap);
    va_end(ap);
}

/* The matched text as written, cut at a UTF-8 character boundary. */
static void put_text(char *out, size_t outsz, const uchar *t, size_t s, size_t e)
{
    size_t n = e - s;
    if (!out || outsz == 0)
        return;
    if (n >= outsz) {
        n = outsz - 1;
        while (n > 0 && (t[s + n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out, t + s, n);
    out[n] = '\0';
}

static void write_period(const uchar *t, size_t len, const per *r, pubdate pub, char *out, size_t outsz)
{
    int y = r->y, v;
    switch (r->kind) {
    case P_YEAR:
        put(out, outsz, "%04d", y);
        return;
    case P_YRANGE:
        put(out, outsz, "%04d-%04d", y, r->y2);
        return;
    case P_FY:
        if (r->y2)
            put(out, outsz, "FY%04d/%02d", y, r->y2 % 100);
        else
            put(out, outsz, "FY%04d", y);
        return;
    case P_RELYEAR:
        if (!pub.y)
            break;
        put(out, outsz, "%04d", pub.y + r->delta);
        return;
    case P_RELMONTH:
        if (!pub.y)
            break;
        v = pub.y * 12 + (pub.m - 1) + r->delta;
        put(out, outsz, "%04d-%02d", v / 12, v % 12 + 1);
        return;
    case P_RELQUARTER:
        if (!pub.y)
            break;
        v = pub.y * 4 + (pub.m - 1) / 3 + r->delta;
        put(out, outsz, "%04d-Q%d", v / 4, v % 4 + 1);
        return;
    case P_YEAREND:                     /* the year to March 2024 is FY2023/24 */
        if (!y && pub.y)
            y = r->n > pub.m ? pub.y - 1 : pub.y;
        if (!y)
            break;
        if (r->n == 12)
            put(out, outsz, "%04d", y);
        else
            put(out, outsz, "FY%04d/%02d", y - 1, y % 100);
        return;
    case P_MONTH:
        if (!y && r->rel && pub.y)
            y = pub.y + r->delta;
        else if (!y && !r->rel && pub.y)
            y = r->n > pub.m ? pub.y - 1 : pub.y;   /* a later month is last year's */
        if (!y)
            break;
        put(out, outsz, "%04d-%02d", y, r->n);
        return;
    default:                            /* halves, quarters, N months */
        if (!y && r->rel)
            y = pub.y ? pub.y + r->delta : 0;
        else if (!y)
            y = sentence_year(t, len);
        if (!y && !r->rel)
            y = pub.y;
        if (!y)
            break;
        if (r->kind == P_NM && r->n == 12) {
            put(out, outsz, "%s%04d", r->fy ? "FY" : "", y);
            return;
        }
        if (r->kind == P_NM && (r->n == 3 || r->n == 6)) {
            put(out, outsz, "%s%04d-%c%d", r->fy ? "FY" : "", y, r->n == 3 ? 'Q' : 'H', 1);
            return;
        }
        if (r->kind == P_NM)
            put(out, outsz, "%s%04d-%dM", r->fy ? "FY" : "", y, r->n);
        else
            put(out, outsz, "%s%04d-%c%d", r->fy ? "FY" : "", y, r->kind == P_HALF ? 'H' : 'Q', r->n);
        return;
    }
    put_text(out, outsz, t, r->s, r->e);
}

int period_find(const char *text, size_t len, const char *published, char *out, size_t outsz,
                size_t *mstart, size_t *mend)
{
    const uchar *t = (const uchar *)text;
    pubdate pub = parse_pub(published);
    size_t i = 0;
    if (out && outsz)
        out[0] = '\0';
    if (!text)
        return 0;
    while (i < len) {
        char tok[PER_MAX_TOKEN];
        size_t te, next;
        per r;
        int ok;
        if (!is_alnum(t[i]) || word_before(t, i)) {
            i++;
            continue;
        }
        te = token(t, len, i, tok, sizeof tok);
        next = te;
        memset(&r, 0, sizeof r);
        r.s = i;
        ok = is_digit(t[i]) ? match_digit(t, len, i, tok, te, &r, &next) : match_word(t, len, i, tok, te, &r);
        if (ok) {
            write_period(t, len, &r, pub, out, outsz);
            if (mstart)
                *mstart = r.s;
            if (mend)
                *mend = r.e;
            return 1;
        }
        i = next > i ? next : i + 1;
    }
    return 0;
}
