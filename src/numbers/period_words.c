/* Period vocabulary: month names, years and fiscal years, halves, quarters, "N months to", ordinal periods. */
#include <string.h>

#include "periods_impl.h"

/* ------------------------------------------------------------- words */

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
    for (k = 0; k < n; k++)    /* the first byte rules out most words without a call */
        if (w[0] == list[k][0] && strcmp(w, list[k]) == 0)
            return 1;
    return 0;
}


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
size_t cni_per_year_at(const uchar *t, size_t len, size_t i, int *y, int check_ctx)
{
    num_expr e;
    char w[PER_MAX_WORD];
    size_t k, we;
    int cap;
    if (i >= len || !is_digit(t[i]) || !cni_num_at((const char *)t, len, i, &e))
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
size_t cni_per_fy_at(const uchar *t, size_t len, size_t i, int *y, int *y2)
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
void cni_per_attach_year(const uchar *t, size_t len, per *r)
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
    if ((m = cni_per_year_at(t, len, k, &y, 0)) != 0) {
        r->y = y;
        r->e = m;
    } else if ((m = cni_per_fy_at(t, len, k, &y, &y2)) != 0) {
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
        if (w[0] == n[k][0] && strcmp(w, n[k]) == 0)
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
int cni_per_months_to(const uchar *t, size_t len, size_t i, per *r, int fixed)
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
    mo = cni_per_month_word(t, k, e);
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
    if (k > e && (m = cni_per_year_at(t, len, k, &y, 0)) != 0) {
        r->y = y;
        r->e = m;
    }
    return 1;
}

/* After an ordinal n at [i, e): "half", "quarter", "N months". */
int cni_per_ordinal_period(const uchar *t, size_t len, int n, size_t e, per *r)
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
    cni_per_attach_year(t, len, r);
    return 1;
}

/* "H1", "Q3", "1H24", "3Q" as a token: kind and number, year if glued. */
int cni_per_half_quarter_token(const char *tok, per *r)
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
int cni_per_month_period(const uchar *t, size_t len, size_t i, size_t e, int mo, per *r)
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
        cni_per_attach_year(t, len, r);
        return 1;
    }
    if (k > e) {
        if ((m = cni_per_year_at(t, len, k, &y, 0)) != 0) {             /* "August 2023" */
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
                if (STR_EQ(sfx, "st") || STR_EQ(sfx, "nd") || STR_EQ(sfx, "rd") || STR_EQ(sfx, "th"))
                    q += 2;
            }
            if (q < len && t[q] == ',')
                q++;
            m = skip_gap(t, len, q);
            if (m > q && (q = cni_per_year_at(t, len, m, &y, 0)) != 0) {
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
    prev_word(t, i, w, sizeof w, &cap);
    if (mo == 5 && !in_list(w, may_before, COUNT(may_before)))
        return 0;                       /* "May" alone is usually the verb */
    /* "last September", "this June": the word is part of the period; a
     * plain month already means its latest one, so only "next" shifts. */
    if (STR_EQ(w, "last") || STR_EQ(w, "this") || STR_EQ(w, "next")) {
        size_t b = i;
        while (b > 0 && t[b - 1] == ' ')
            b--;
        r->s = b - strlen(w);
        if (w[0] == 'n') {
            r->rel = 1;
            r->delta = 1;
        }
    }
    return 1;
}
