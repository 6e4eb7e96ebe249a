/* Number expressions: the byte scanner, digit literals, ranges and the cni_num_next/cni_num_at/cni_num_selftest entry points. */

/* Number, money and quantity expressions in news text (this file, number_words.c and money.c).
 *
 * cni_num_next() is one left-to-right byte scan. Only a few kinds of position can
 * open an expression: an ASCII digit, a sign ('-', '+', U+2212), a currency
 * symbol, or the first letter of a word that is a number word, qualifier,
 * currency code, "minus" or "between". Everything else is skipped a byte or a
 * whole word at a time, and a failed attempt resumes past everything it had
 * to examine, so the scan stays linear in the input. No allocation.
 *
 * The grammar, roughly:
 *   expr  := [qualifier] core [range-sep core]  |  "between" core "and" core
 *   core  := [sign] [currency] (digits | number-words) [scale] [am/pm]
 *            [percent | currency-word | unit]
 *
 * Choices worth knowing (see also numbers.h):
 *  - glued "m" is always million ("300m"), never metres; spaced "m"/"k" need
 *    a currency ("£5 m"); "¥" is JPY; "won" is KRW only after a scaled or
 *    large number; "pounds" is GBP; "p"/"pence" convert to GBP.
 *  - thousands separators: ",", a space/NBSP/thin space (groups of exactly
 *    three after a 1-3 digit lead), or dots when there are two or more dot
 *    groups ("1.234.567"). A comma and one or two digits is a decimal comma
 *    ("1,5 million") unless it is part of a list ("1,2,3").
 *  - "X to Y" is not a range after "from"/"by" ("rose from 3% to 5%"), nor
 *    when the two ends disagree on the unit ("rose 12% to 1.2 million").
 *  - a value beyond NUM_VALUE_MAX is capped there and flagged NUM_OVERFLOW.
 */
#include <math.h>
#include <string.h>

#include "numbers_impl.h"

/* ------------------------------------------------------------- tables */

/* Capitalised month name or abbreviation at [s,e): 1..12, else 0. */
static int month_word(const uchar *t, size_t s, size_t e)
{
    int m = cni_per_month_word(t, s, e);
    return m < 0 ? -m : m;
}

/* ------------------------------------------------------------ parsing */

static size_t digits_end(const uchar *t, size_t len, size_t i)
{
    while (i < len && is_digit(t[i]))
        i++;
    return i;
}

/* Exactly three digits at i and no fourth. */
static int group3(const uchar *t, size_t len, size_t i)
{
    return i + 3 <= len && is_digit(t[i]) && is_digit(t[i + 1]) && is_digit(t[i + 2]) &&
           !(i + 3 < len && is_digit(t[i + 3]));
}

#define NUM_MAX_LAKH_GROUPS 7

/* Indian grouping after a first group of one to three digits ending at i:
 * one or more ",dd" groups, then ",ddd" ("15,35,277"; "1,04,407"). Returns
 * the end, or i when the digits are not grouped that way. */
static size_t indian_groups(const uchar *t, size_t len, size_t i)
{
    size_t j = i, n2 = 0;
    /* Seven two-digit groups reach 10^17: a longer run is no amount, and
     * stopping keeps a run of thousands of groups linear to scan. */
    while (n2 < NUM_MAX_LAKH_GROUPS && j + 3 <= len && t[j] == ',' && is_digit(t[j + 1]) &&
           is_digit(t[j + 2]) && !(j + 3 < len && is_digit(t[j + 3]))) {
        j += 3;
        n2++;
    }
    if (n2 == 0 || j >= len || t[j] != ',' || !group3(t, len, j + 1))
        return i;
    return j + 4;
}

/* Digit groups joined by single spaces, hyphens, dots or brackets, as in
 * phone numbers. Returns its end; *nd gets the number of digits. */
static size_t phone_run(const uchar *t, size_t len, size_t i, size_t *nd)
{
    size_t j = i, end = i, n = 0;
    for (;;) {
        if (j < len && is_digit(t[j])) {
            while (j < len && is_digit(t[j])) {
                j++;
                n++;
            }
            end = j;
            continue;
        }
        if (j < len && (t[j] == ' ' || t[j] == '-' || t[j] == '.' || t[j] == '(' || t[j] == ')')) {
            size_t k = j + 1;
            if (k < len && (t[k] == '(' || t[k] == ')' || t[k] == ' '))
                k++;
            if (k < len && is_digit(t[k])) {
                j = k;
                continue;
            }
        }
        break;
    }
    *nd = n;
    return end;
}

static uint64_t small_int(const uchar *t, size_t s, size_t e)
{
    uint64_t v = 0;
    for (; s < e; s++)
        if (is_digit(t[s]))
            v = v < NUM_IVAL_SAT ? v * 10 + (uint64_t)(t[s] - '0') : NUM_IVAL_SAT;
    return v;
}

/* The digit literal at i: integer part with thousands separators, decimals. */
static int parse_lit(const uchar *t, size_t len, size_t i, lit *L)
{
    size_t d1 = digits_end(t, len, i), n1 = d1 - i, j, k, p, dec = (size_t)-1;
    int nsig = 0;
    memset(L, 0, sizeof *L);

    /* clock time hh:mm[:ss] */
    if (n1 <= 2 && d1 + 2 < len && t[d1] == ':' && is_digit(t[d1 + 1]) && is_digit(t[d1 + 2]) &&
        !(d1 + 3 < len && is_digit(t[d1 + 3]))) {
        uint64_t hh = small_int(t, i, d1), mm = small_int(t, d1 + 1, d1 + 3);
        if (hh <= 24 && mm <= 59) {
            j = d1 + 3;
            if (j + 2 < len && t[j] == ':' && is_digit(t[j + 1]) && is_digit(t[j + 2]) &&
                !(j + 3 < len && is_digit(t[j + 3])))
                j += 3;
            L->mant = hh * 100 + mm;
            L->e = -2;
            L->n_int = (unsigned)n1;
            L->n_frac = 2;
            L->ival = hh;
            L->end = j;
            return LIT_CLOCK;
        }
    }
    /* phone numbers and codes with a leading zero: "020 7946 0958", "0800" */
    if (n1 >= 2 && t[i] == '0' && !(d1 + 1 < len && t[d1] == '.' && is_digit(t[d1 + 1]))) {
        size_t nd;
        L->end = skip_chain(t, len, phone_run(t, len, i, &nd));
        return LIT_REJECT;
    }
    /* three or more hyphenated groups: ISO dates, phone numbers, part codes */
    if (d1 + 1 < len && t[d1] == '-' && is_digit(t[d1 + 1])) {
        k = digits_end(t, len, d1 + 1);
        if (k + 1 < len && t[k] == '-' && is_digit(t[k + 1])) {
            L->end = skip_chain(t, len, k);
            return LIT_REJECT;
        }
    }
    /* slash: "2023/24" is a pair of years, anything else (dates, 24/7, 1/3) is skipped */
    if (d1 + 1 < len && t[d1] == '/' && is_digit(t[d1 + 1])) {
        uint64_t y1 = small_int(t, i, d1), y2;
        size_t n2;
        k = digits_end(t, len, d1 + 1);
        n2 = k - d1 - 1;
        if (n1 == 4 && y1 >= NUM_YEAR_MIN && y1 <= NUM_YEAR_MAX && (n2 == 2 || n2 == 4) &&
            !(k + 1 < len && (t[k] == '/' || t[k] == '.' || t[k] == '-') && is_digit(t[k + 1]))) {
            y2 = small_int(t, d1 + 1, k);
            if (n2 == 2) {
                y2 += y1 / 100 * 100;
                if (y2 <= y1)
                    y2 += 100;
            }
            if (y2 > y1 && y2 <= NUM_YEAR_MAX) {
                L->mant = L->ival = y1;
                L->y2 = y2;
                L->n_int = 4;
                L->end = k;
                return LIT_YEARS;
            }
        }
        L->end = skip_chain(t, len, d1);
        return LIT_REJECT;
    }

    j = d1;
    if (n1 <= 3 && (k = indian_groups(t, len, j)) > j) {
        j = k;                  /* "15,35,277", "1,04,407" */
        L->sep = 1;
    } else if (n1 <= 3) {
        if (j < len && t[j] == ',' && group3(t, len, j + 1)) {
            while (j < len && t[j] == ',' && group3(t, len, j + 1))
                j += 4;
            L->sep = 1;
        } else if ((k = group_space_len(t, len, j)) > 0 && group3(t, len, j + k)) {
            while ((k = group_space_len(t, len, j)) > 0 && group3(t, len, j + k))
                j += k + 3;
            L->sep = 1;
        } else if (j + 8 <= len && t[j] == '.' && group3(t, len, j + 1) && t[j + 4] == '.' &&
                   group3(t, len, j + 5)) {
            /* continental "1.234.567": needs two dot groups of exactly three */
            while (j < len && t[j] == '.' && group3(t, len, j + 1))
                j += 4;
            L->sep = 1;
            if (j + 1 < len && t[j] == '.' && is_digit(t[j + 1])) {
                L->end = skip_chain(t, len, j);
                return LIT_REJECT;
            }
        }
    }
    /* decimal comma "1,5 million": one or two digits, and not a list "1,2,3" */
    if (!L->sep && n1 <= 3 && j + 1 < len && t[j] == ',' && is_digit(t[j + 1])) {
        k = digits_end(t, len, j + 1);
        if (k - j - 1 <= 2 && !(k + 1 < len && t[k] == ',' && is_digit(t[k + 1])) &&
            !(i > 0 && t[i - 1] == ',')) {
            dec = j;
            j = k;
        }
    }
    if (dec == (size_t)-1 && !(L->sep && j > d1 && t[j - 4] == '.') && j + 1 < len && t[j] == '.' && is_digit(t[j + 1])) {
        k = digits_end(t, len, j + 1);
        if (k + 1 < len && t[k] == '.' && is_digit(t[k + 1])) {   /* 1.2.3, 12.03.2024 */
            L->end = skip_chain(t, len, k);
            return LIT_REJECT;
        }
        dec = j;
        j = k;
    }
    L->end = j;
    for (p = i; p < j; p++) {
        int d;
        if (!is_digit(t[p]))
            continue;
        d = t[p] - '0';
        if (p < dec) {
            L->n_int++;
            L->ival = L->ival < NUM_IVAL_SAT ? L->ival * 10 + (uint64_t)d : NUM_IVAL_SAT;
        } else {
            L->n_frac++;
        }
        if (nsig == 0 && d == 0) {
            if (p > dec && L->e > -NUM_MAX_EXP)
                L->e--;
            continue;
        }
        if (nsig < NUM_MAX_SIG) {
            L->mant = L->mant * 10 + (uint64_t)d;
            nsig++;
            if (p > dec)
                L->e--;
        } else if (p < dec && L->e < NUM_MAX_EXP) {
            L->e++;
        }
    }
    return LIT_OK;
}

static void core_finish(core *c)
{
    int ovf = 0;
    if (c->words)
        c->value = cni_num_mul_p10(c->wval, c->extra_e, &ovf);
    else
        c->value = cni_num_mul_p10((double)c->mant, c->e + c->scale_e + c->minor + c->extra_e, &ovf);
    if (ovf)
        c->flags |= NUM_OVERFLOW;
    if (c->neg)
        c->value = -c->value;
}

/* One number with its sign, currency, scale and unit, starting at i. On
 * failure *skip is where scanning may resume. */
static int parse_core(const uchar *t, size_t len, size_t i, core *c, size_t *skip, int allow_sign)
{
    size_t j = i, k;
    const char *cur = NULL;
    memset(c, 0, sizeof *c);
    c->start = i;
    *skip = i + 1;
    if (i >= len)
        return 0;
    if (allow_sign) {
        if (t[j] == '-' && j + 1 < len && (is_digit(t[j + 1]) || cni_num_currency_prefix(t, len, j + 1, NULL))) {
            c->neg = c->sign = 1;
            j++;
        } else if (is_minus_sign(t, len, j) && j + 3 < len) {
            c->neg = c->sign = 1;
            j += 3;
        } else if (t[j] == '+' && j + 1 < len && is_digit(t[j + 1])) {
            size_t nd, pe = phone_run(t, len, j + 1, &nd);
            if (nd >= NUM_PHONE_DIGITS && pe > digits_end(t, len, j + 1)) {
                *skip = pe;
                return 0;
            }
            c->sign = 1;
            j++;
        } else if ((k = kw(t, len, j, "minus")) != 0) {
            size_t g = skip_gap(t, len, k);
            if (g == k)
                return 0;
            c->neg = c->sign = 1;
            j = g;
        }
    }
    if ((k = cni_num_currency_prefix(t, len, j, &cur)) != 0)
        j = k;
    if (j < len && is_digit(t[j])) {
        lit L;
        int r = parse_lit(t, len, j, &L);
        if (r == LIT_REJECT) {
            *skip = L.end > i ? L.end : i + 1;
            return 0;
        }
        c->mant = L.mant;
        c->e = L.e;
        c->n_int = L.n_int;
        c->n_frac = L.n_frac;
        c->sep = L.sep;
        c->ival = L.ival;
        j = L.end;
        if (r == LIT_YEARS) {
            if (cur || c->sign || word_at(t, len, j)) {
                *skip = skip_chain(t, len, j);
                return 0;
            }
            c->years = 1;
            c->value = (double)L.ival;
            c->end = j;
            c->mant = L.y2;             /* the high end, for the caller */
            return 1;
        }
        if (r == LIT_CLOCK) {
            size_t m, g = skip_gap(t, len, j);
            c->flags |= NUM_TIME;
            if ((m = kw(t, len, j, "am")) || (m = kw(t, len, j, "pm")) ||
                (m = kw(t, len, g, "am")) || (m = kw(t, len, g, "pm")) ||
                (m = kw(t, len, g, "a.m.")) || (m = kw(t, len, g, "p.m.")))
                j = m;
            if (word_at(t, len, j)) {
                *skip = skip_chain(t, len, j);
                return 0;
            }
        } else if (!cni_num_digit_suffixes(t, len, c, &L, cur != NULL, &j, skip)) {
            return 0;
        }
    } else if (!cur && j < len && is_alpha(t[j])) {
        if (!cni_num_parse_words(t, len, j, c)) {
            *skip = skip_word(t, len, j);
            return 0;
        }
        j = c->end;
    } else {
        return 0;
    }
    c->value = 0;
    core_finish(c);                    /* value is needed by the "won" rule */
    cni_num_postfix_units(t, len, c, cur != NULL, &j);
    if (cur) {
        c->unit = cur;
        c->flags |= NUM_MONEY;
    }
    c->end = j;
    core_finish(c);
    return 1;
}

static int same_unit(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

#define KIND_FLAGS (NUM_PERCENT | NUM_MONEY | NUM_TIME | NUM_ORDINAL | NUM_DECADE)

static int year_ok(const core *c)
{
    return !c->words && !c->sign && !c->unit && !(c->flags & (KIND_FLAGS | NUM_SCALED)) &&
           c->n_int == 4 && c->n_frac == 0 && !c->sep && c->ival >= NUM_YEAR_MIN && c->ival <= NUM_YEAR_MAX;
}

static int day_ok(const core *c)
{
    return !c->words && !c->sign && !c->unit && !(c->flags & (KIND_FLAGS & ~NUM_ORDINAL)) &&
           !(c->flags & NUM_SCALED) && c->n_frac == 0 && !c->sep && c->n_int <= 2 &&
           c->ival >= 1 && c->ival <= 31;
}

enum { R_HYPHEN = 1, R_TO = 2, R_AND = 4 };
enum { LINK_NONE, LINK_HYPHEN, LINK_TO, LINK_AND };

/* The second half of a range after a: "-4,000", "to 4,000", "and £1,700". */
static int try_range(const uchar *t, size_t len, const core *a, core *b, int mode)
{
    size_t j = a->end, k = skip_gap(t, len, a->end), m, sk;
    int hy = 0, link = LINK_TO;
    if (a->years || k >= len)
        return 0;
    if ((mode & R_HYPHEN) && !a->words && t[k] == '-') {
        hy = 1;
        k++;
    } else if ((mode & R_HYPHEN) && !a->words && is_en_dash(t, len, k)) {
        hy = 1;
        k += 3;
    } else if ((mode & R_TO) && k > j && (m = kw(t, len, k, "to")) != 0) {
        k = m;
    } else if ((mode & R_AND) && k > j && (m = kw(t, len, k, "and")) != 0) {
        k = m;
        link = LINK_AND;
    } else {
        return 0;
    }
    m = skip_gap(t, len, k);
    if (!hy && m == k)
        return 0;
    k = m;
    if (k >= len || (hy && !is_digit(t[k]) && !cni_num_currency_prefix(t, len, k, NULL)))
        return 0;
    if (!parse_core(t, len, k, b, &sk, !hy))
        return 0;
    b->link = hy ? LINK_HYPHEN : link;
    return !b->years;
}

/* Decide whether a..b is a range and make the two ends agree. */
static int merge_range(core *a, core *b)
{
    /* "2023-24": a year and a two-digit continuation */
    if (year_ok(a) && b->link == LINK_HYPHEN && !b->words && !b->sign && !b->unit && !(b->flags & (KIND_FLAGS | NUM_SCALED)) &&
        b->n_int == 2 && b->n_frac == 0) {
        uint64_t y2 = a->ival / 100 * 100 + b->ival;
        if (y2 <= a->ival)
            y2 += 100;
        if (y2 > NUM_YEAR_MAX)
            return 0;
        b->value = (double)y2;
        b->yexp = 1;
        return 1;
    }
    if (!same_unit(a->unit, b->unit) || (a->flags & KIND_FLAGS) != (b->flags & KIND_FLAGS)) {
        if ((a->unit || (a->flags & KIND_FLAGS)) && !b->unit && !(b->flags & KIND_FLAGS) &&
            b->link != LINK_TO) {
            b->unit = a->unit;                /* "£2-3bn": the high end takes the currency */
            b->flags |= a->flags & (NUM_PERCENT | NUM_MONEY | NUM_TIME);
            b->minor = a->minor;
            core_finish(b);
        }
    }
    if (!same_unit(a->unit, b->unit) || (a->flags & KIND_FLAGS) != (b->flags & KIND_FLAGS)) {
        if (a->unit || (a->flags & KIND_FLAGS))
            return 0;
        a->unit = b->unit;                    /* "10-15%": the low end takes the unit */
        a->flags |= b->flags & (NUM_PERCENT | NUM_MONEY | NUM_TIME);
        a->minor = b->minor;
    }
    if (!a->scale_e && b->scale_e && !a->sep && fabs(a->value) < 1000) {
        core save = *a;                       /* "3 to 4 million", "£2-3bn" */
        a->extra_e = b->scale_e;
        a->flags |= NUM_SCALED;
        core_finish(a);
        if (a->value > b->value)
            *a = save;
    }
    core_finish(a);
    return a->value <= b->value;
}

static int month_next(const uchar *t, size_t len, size_t i)
{
    size_t g = skip_gap(t, len, i), e;
    if (g == i || g >= len || !is_upper(t[g]))
        return 0;
    e = g;
    while (e < len && is_alpha(t[e]))
        e++;
    return !word_at(t, len, e) && month_word(t, g, e);
}

static int month_prev(const uchar *t, size_t i)
{
    size_t e = back_gap(t, i), s;
    if (e == i)
        return 0;
    if (e > 0 && t[e - 1] == '.')          /* "Sept. 12" */
        e--;
    s = e;
    while (s > 0 && is_alpha(t[s - 1]) && e - s < NUM_MAX_WORD)
        s--;
    return s < e && !word_before(t, s) && month_word(t, s, e);
}

static void emit(const uchar *t, size_t len, num_expr *o, size_t start, size_t nstart,
                 const core *a, const core *b, const char *qual)
{
    o->start = start;
    o->num_start = nstart;
    o->end = b ? b->end : a->end;
    o->value = a->value;
    o->value_hi = b ? b->value : a->value;
    o->unit = a->unit;
    o->qualifier = qual;
    o->flags = a->flags | (b ? b->flags | NUM_RANGE : 0u);
    if (a->neg)
        o->flags |= NUM_NEGATIVE;
    if (a->years) {
        o->value_hi = (double)a->mant;
        o->flags |= NUM_YEAR | NUM_RANGE;
    } else if (year_ok(a) && (!b || b->yexp || year_ok(b))) {
        o->flags |= NUM_YEAR;
    } else if (day_ok(a) && (!b || day_ok(b)) && (month_next(t, len, o->end) || month_prev(t, start))) {
        o->flags |= NUM_TIME;
    }
}

static int parse_expr(const uchar *t, size_t len, size_t i, num_expr *out, size_t *resume)
{
    core a, b;
    size_t cs = i, sk = i + 1, q;
    const char *qual = NULL, *qn = NULL;
    int mode = R_HYPHEN | R_TO;
    char pw[NUM_MAX_WORD];

    *resume = i + 1;
    if (is_alpha(t[i])) {
        *resume = skip_word(t, len, i);
        if ((q = kw(t, len, i, "between")) != 0) {
            size_t k = skip_gap(t, len, q);
            if (k > q && parse_core(t, len, k, &a, &sk, 1) && try_range(t, len, &a, &b, R_AND) &&
                merge_range(&a, &b)) {
                emit(t, len, out, i, k, &a, &b, "between");
                return 1;
            }
            return 0;                       /* the number after "between" is read on its own */
        }
        if ((q = cni_num_qualifier_at(t, len, i, &qn)) != 0) {
            size_t k = skip_gap(t, len, q);
            if (k > q && parse_core(t, len, k, &a, &sk, 1)) {
                qual = qn;
                cs = k;
            } else if (sk > *resume) {
                *resume = sk;
            }
        }
    }
    if (!qual && !parse_core(t, len, cs, &a, &sk, 1)) {
        if (sk > *resume)
            *resume = sk;
        return 0;
    }
    if (prev_word(t, i, pw, sizeof pw, NULL) && (STR_EQ(pw, "from") || STR_EQ(pw, "by")))
        mode &= ~R_TO;                     /* "rose from 3% to 5%" is a change, not a range */
    if (try_range(t, len, &a, &b, mode) && merge_range(&a, &b))
        emit(t, len, out, i, cs, &a, &b, qual);
    else
        emit(t, len, out, i, cs, &a, NULL, qual);
    return 1;
}

/* May a digit at i open an expression, given what precedes it? */
static int digit_start_ok(const uchar *t, size_t i)
{
    static const char *const prefixes[] = {"mid", "pre", "post", "early", "late", "end"};
    char buf[NUM_MAX_WORD];
    size_t k;
    uchar p;
    if (i == 0)
        return 1;
    if (word_before(t, i))
        return 0;                          /* "EX30", "MG4" */
    p = t[i - 1];
    if (i < 2)
        return 1;
    if ((p == '/' || p == '+') && (word_before(t, i - 1) || t[i - 2] == '+'))
        return 0;                          /* "kWh/100", "C++11" */
    if (p == '.')
        return 0;                          /* "ID.3", "No.1"; ".5%" is not 5% */
    if (p == '-' && word_before(t, i - 1) && !is_digit(t[i - 2])) {
        if (!prev_word(t, i - 1, buf, sizeof buf, NULL) || back_gap(t, i - 1) != i - 1)
            return 0;
        for (k = 0; k < COUNT(prefixes); k++)
            if (STR_EQ(buf, prefixes[k]))
                return 1;                  /* "mid-2024" */
        return 0;                          /* "COVID-19", "F-150" */
    }
    return 1;
}

/* May a sign at i open an expression? */
static int sign_start_ok(const uchar *t, size_t len, size_t i, size_t n)
{
    if (i + n >= len)
        return 0;
    if (i > 0 && (word_before(t, i) || t[i - 1] == '-' || t[i - 1] == '.' || t[i - 1] == '/' || t[i - 1] == '+'))
        return 0;
    return is_digit(t[i + n]) || cni_num_currency_prefix(t, len, i + n, NULL);
}

static int scan(const uchar *t, size_t len, size_t i, num_expr *out, int only_here)
{
    const opener_prefixes *open = cni_num_opener_prefixes();
    while (i < len) {
        uchar c = t[i];
        size_t resume = i + 1;
        int cand = 0;
        if (is_digit(c)) {
            if (digit_start_ok(t, i))
                cand = 1;
            else
                resume = skip_chain(t, len, i);
        } else if (is_alpha(c)) {
            if (word_before(t, i) || !num_letter_may_open(open, t, len, i))
                resume = skip_word(t, len, i);
            else
                cand = 1;
        } else if (c == '-' || c == '+') {
            cand = sign_start_ok(t, len, i, 1);
        } else if (c == '$' || c == 0xC2 || c == 0xE2) {
            cand = cni_num_currency_prefix(t, len, i, NULL) != 0 ||
                   (is_minus_sign(t, len, i) && sign_start_ok(t, len, i, 3));
        }
        if (cand && parse_expr(t, len, i, out, &resume))
            return 1;
        if (only_here)
            return 0;
        i = resume > i ? resume : i + 1;
    }
    return 0;
}

int cni_num_next(const char *text, size_t len, size_t pos, num_expr *out)
{
    if (!text || !out)
        return 0;
    return scan((const uchar *)text, len, pos, out, 0);
}

int cni_num_at(const char *text, size_t len, size_t pos, num_expr *out)
{
    if (!text || !out || pos >= len)
        return 0;
    return scan((const uchar *)text, len, pos, out, 1);
}

int cni_num_selftest(void)
{
    return cni_num_words_selftest() && cni_num_suffix_selftest();
}
