/* Period expressions: matching at each word start, normalised output, and cni_period_find(). */

/* Period expressions in a sentence: "H1", "the third quarter of 2024",
 * "August 2023", "FY2024" (for "FY2023/24"), "the first nine months", "last year".
 *
 * One left-to-right pass over word starts; the first position where any
 * pattern matches wins. Years are recognised through cni_num_at(), so a year
 * is only a year when the number parser agrees (no unit, scale, currency,
 * separator, not glued to letters); on top of that "Peugeot 2008" (a
 * capitalised word that is not a month or preposition) and "2024 units" are
 * refused. No allocation; output is written with snprintf.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "periods_impl.h"

typedef struct {
    int y, m;                  /* 0 when unknown */
} pubdate;

/* Patterns starting with a digit. */
static int match_digit(const uchar *t, size_t len, size_t i, const char *tok, size_t te, per *r, size_t *next)
{
    num_expr e;
    int y;
    size_t k;
    if (cni_per_half_quarter_token(tok, r)) {                          /* "1H24", "3Q" */
        r->e = te;
        if (!r->y)
            cni_per_attach_year(t, len, r);
        return 1;
    }
    if (!cni_num_at((const char *)t, len, i, &e)) {
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
        if (!cni_per_year_at(t, len, i, &y, 1))
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
            if (is_alpha(t[k]) && cni_per_half_quarter_token(tk, &sub)) {
                sub.e = se;
            } else {
                static const char *const ords[] = {"first", "second", "third", "fourth"};
                size_t q;
                for (q = 0; q < COUNT(ords); q++)
                    if ((m = kw(t, len, k, ords[q])) != 0 && cni_per_ordinal_period(t, len, (int)q + 1, m, &sub))
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
        return cni_per_ordinal_period(t, len, (int)e.value, e.end, r);   /* "1st half" */
    if (!e.flags && !e.unit && e.start == i)
        return cni_per_months_to(t, len, i, r, 0);                      /* "9 months to September" */
    return 0;
}

/* Words a period can begin with (besides "H1", "Q3", "FY24": see below).
 * Most words are none of these; match_word() need not look at them. */
static const char *const starters[] = {
    "first", "second", "third", "fourth", "last", "this", "next", "previous",
    "current", "prior", "fiscal", "financial", "between", "quarter", "year",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
};

static const char *sorted_starters[COUNT(starters)];
/* The starters' first two letters: most words fail this test and need no
 * search. */
static pair_filter starter_pairs;
static pthread_once_t starters_once = PTHREAD_ONCE_INIT;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void sort_starters(void)
{
    memcpy(sorted_starters, starters, sizeof starters);
    qsort(sorted_starters, COUNT(starters), sizeof *sorted_starters, cmp_str);
    for (size_t k = 0; k < COUNT(starters); k++)
        pair_filter_add(&starter_pairs, starters[k]);
}

static int may_start_word_period(uchar first, const char *tok)
{
    first = (uchar)lower(first);
    if (first == 'h' || first == 'q' || first == 'f')
        return 1;                       /* "H1", "Q3", "FY2023/24", "fiscal" */
    /* may_start_at() has passed the word's first two letters (and sorted
     * the starters): only the search is left. */
    size_t lo = 0, hi = COUNT(starters);    /* bsearch(), with the compare inline */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = short_strcmp(tok, sorted_starters[mid]);
        if (c == 0)
            return 1;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

/* may_start_word_period() on the text itself, before the token is copied:
 * no on the same words (a token too long to copy is refused there too),
 * and on the words of h, q and f that match_word() cannot take either:
 * past "H1", "Q3" (a letter and a digit) and "FY...", it takes only
 * words that begin like a starter ("first", "fiscal", "quarter", "Feb"). */
static int may_start_at(const uchar *t, size_t len, size_t i)
{
    uchar first = (uchar)lower(t[i]);
    pthread_once(&starters_once, sort_starters);
    if ((first == 'h' || first == 'q' || first == 'f') && i + 1 < len &&
        (is_digit(t[i + 1]) || (first == 'f' && lower(t[i + 1]) == 'y')))
        return 1;
    return pair_filter_may(&starter_pairs, t, len, i);
}

/* Patterns starting with a letter. */
static int match_word(const uchar *t, size_t len, size_t i, const char *tok, size_t te, per *r)
{
    static const char *const ords[] = {"first", "second", "third", "fourth"};
    size_t k, m;
    int y, y2, mo;
    if (cni_per_half_quarter_token(tok, r)) {                          /* "H1", "Q3" */
        r->e = te;
        cni_per_attach_year(t, len, r);
        return 1;
    }
    if ((m = cni_per_fy_at(t, len, i, &y, &y2)) != 0) {                /* "FY24", "FY2023/24" */
        r->kind = P_FY;
        r->y = y;
        r->y2 = y2;
        r->e = m;
        return 1;
    }
    if (!tok[0] || !is_alpha((uchar)tok[strlen(tok) - 1]))
        return 0;
    for (k = 0; k < COUNT(ords); k++)
        if (tok[0] == ords[k][0] && strcmp(tok, ords[k]) == 0)
            return cni_per_ordinal_period(t, len, (int)k + 1, te, r);
    if (STR_EQ(tok, "last") || STR_EQ(tok, "this") || STR_EQ(tok, "next") ||
        STR_EQ(tok, "previous") || STR_EQ(tok, "current") || STR_EQ(tok, "prior")) {
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
    if (STR_EQ(tok, "fiscal") || STR_EQ(tok, "financial")) {  /* "financial year 2023/24" */
        num_expr e;
        k = skip_gap(t, len, te);
        if ((m = kw(t, len, k, "year")) != 0)
            k = skip_gap(t, len, m);
        if ((m = cni_per_fy_at(t, len, k, &y, &y2)) != 0) {
            r->y = y;
            r->y2 = y2;
        } else if (k < len && is_digit(t[k]) && cni_num_at((const char *)t, len, k, &e) && (e.flags & NUM_YEAR)) {
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
    if (STR_EQ(tok, "between")) {                              /* "between 2020 and 2024" */
        num_expr e;
        if (cni_num_at((const char *)t, len, i, &e) && (e.flags & NUM_YEAR) && (e.flags & NUM_RANGE)) {
            r->kind = P_YRANGE;
            r->s = e.num_start;
            r->y = (int)e.value;
            r->y2 = (int)e.value_hi;
            r->e = e.end;
            return 1;
        }
        return 0;
    }
    if ((mo = cni_per_month_word(t, i, te)) != 0)
        return cni_per_month_period(t, len, i, te, mo, r);
    if (STR_EQ(tok, "quarter") || STR_EQ(tok, "year"))    /* "the quarter to September" */
        return cni_per_months_to(t, len, i, r, tok[0] == 'q' ? 3 : 12);
    return cni_per_months_to(t, len, i, r, 0);                          /* "nine months to September" */
}

/* The first plain year of the sentence, or 0. */
static int sentence_year(const uchar *t, size_t len)
{
    size_t i = 0;
    num_expr e;
    while (cni_num_next((const char *)t, len, i, &e)) {
        int y;
        if ((e.flags & (NUM_YEAR | NUM_RANGE)) == NUM_YEAR && cni_per_year_at(t, len, e.start, &y, 1))
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
        put(out, outsz, "%04d/%04d", y, r->y2);
        return;
    case P_FY:                          /* a fiscal year is named by the year it ends */
        put(out, outsz, "FY%04d", r->y2 ? r->y2 : y);
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
            put(out, outsz, "FY%04d", y);
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
        if (r->kind == P_NM && r->fy)
            put(out, outsz, "FY%04d-%dM", y, r->n);
        else if (r->kind == P_NM)       /* the first nine months: a span */
            put(out, outsz, "%04d-01/%04d-%02d", y, y, r->n);
        else
            put(out, outsz, "%s%04d-%c%d", r->fy ? "FY" : "", y, r->kind == P_HALF ? 'H' : 'Q', r->n);
        return;
    }
    put_text(out, outsz, t, r->s, r->e);
}

int cni_period_find(const char *text, size_t len, const char *published, char *out, size_t outsz,
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
        if (!is_digit(t[i]) && !may_start_at(t, len, i)) {
            while (i < len && is_alnum(t[i]))   /* where token() would end */
                i++;
            continue;
        }
        te = token(t, len, i, tok, sizeof tok);
        next = te;
        memset(&r, 0, sizeof r);
        r.s = i;
        if (is_digit(t[i]))
            ok = match_digit(t, len, i, tok, te, &r, &next);
        else
            ok = may_start_word_period(t[i], tok) && match_word(t, len, i, tok, te, &r);
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
