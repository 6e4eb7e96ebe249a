/* Figures: the periods a sentence states and the one each figure takes;
 * also the distances and clause boundaries the other figure files use. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "bytes.h"
#include "doc.h"
#include "figures_impl.h"
#include "numbers.h"

#define PERIOD_MAX 48
/* How far into its sentence a dateline's date may end. */
#define DATELINE_REACH 60

size_t cni_fig_gap(size_t a0, size_t a1, size_t b0, size_t b1)
{
    if (b1 <= a0)
        return a0 - b1;
    if (b0 >= a1)
        return b0 - a1;
    return 0;
}

/* "in 2024, also owns": a year ends a clause as a word does. */
static int year_before(const char *text, size_t a, size_t i)
{
    if (i < a + 5 || text[i - 5] != ' ')
        return 0;
    for (size_t k = i - 4; k < i; k++)
        if (text[k] < '0' || text[k] > '9')
            return 0;
    return (text[i - 4] == '1' && text[i - 3] == '9') || (text[i - 4] == '2' && text[i - 3] == '0');
}

/* A ";", a ", " not after a digit (but after a year), " and " or " while "
 * in [a,b). */
int cni_fig_crosses_clause(const char *text, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c > ';')
            continue;       /* letters and most else: ' ', ',' and ';' sort below */
        if (c == ';' || (c == ',' && i + 1 < b && text[i + 1] == ' ' &&
                         (!(i > a && text[i - 1] >= '0' && text[i - 1] <= '9') ||
                          year_before(text, a, i))))
            return 1;
        if (c != ' ' || i + 5 > b || (text[i + 1] != 'a' && text[i + 1] != 'w'))
            continue;
        if (memcmp(text + i, " and ", 5) == 0)
            return 1;
        if (i + 7 <= b && memcmp(text + i, " while ", 7) == 0)
            return 1;
    }
    return 0;
}

/* " while ", " whereas ", "; " or ", but " in [a,b), looked for only
 * this far after a (a long sentence must stay linear). */
#define CONTRAST_REACH 300
int cni_fig_contrast_between(const char *text, size_t a, size_t b)
{
    if (b > a + CONTRAST_REACH)
        b = a + CONTRAST_REACH;
    for (size_t i = a; i + 1 < b; i++) {
        char c = text[i];
        if (c == ';' && text[i + 1] == ' ')
            return 1;
        if (c == ',' && i + 6 <= b && memcmp(text + i, ", but ", 6) == 0)
            return 1;
        if (c == ' ' && ((i + 7 <= b && memcmp(text + i, " while ", 7) == 0) ||
                         (i + 9 <= b && memcmp(text + i, " whereas ", 9) == 0)))
            return 1;
    }
    return 0;
}

/* A comparison base ("than in 2023", "from 1.2m a year earlier") belongs
 * only to a number right before it, within this many bytes. */
#define BASE_REACH 30
/* How far before "from" a number makes it a comparison. */
#define FROM_NUMBER_REACH 12

static int ends_with_word_n(const char *text, size_t from, size_t at, const char *w, size_t n)
{
    if (at < from + n)
        return 0;
    size_t i = at - n;
    unsigned char last = (unsigned char)text[at - 1];
    if ((last >= 'A' && last <= 'Z' ? last + 32 : last) != (unsigned char)w[n - 1])
        return 0;       /* most words fail on their last letter */
    if (strncasecmp(text + i, w, n) != 0)
        return 0;
    return i == from || text[i - 1] == ' ' || text[i - 1] == '(' || text[i - 1] == ',';
}

/* Word lists carry their lengths: these are tried at every period. */
typedef struct {
    const char *w;
    size_t n;
} sized_word;
#define SW(lit) {lit, sizeof lit - 1}
#define ends_with_word(text, from, at, lit) ends_with_word_n(text, from, at, lit, sizeof lit - 1)
#define ends_with_sized(text, from, at, sw) ends_with_word_n(text, from, at, (sw)->w, (sw)->n)

/* What the words before a period make of it: 0 a period, 1 a comparison
 * base, 2 none (an announcement date, a start). */
static int period_role(const char *text, size_t from, size_t a)
{
    static const sized_word skip[] = {SW("since"), SW("said in"), SW("said on"),
                                      SW("announced in"), SW("announced on"), SW("reported in"),
                                      SW("said last"), SW("announced last"), SW("said earlier"),
                                      SW("founded in"), SW("established in"), SW("launched in"),
                                      SW("opened in"), SW("unveiled in"), SW("said this"),
                                      SW("told reporters in"), SW("began in"), SW("started in"),
                                      SW("set up in"), SW("built in"),
                                      /* a deadline or a start, not the time counted */
                                      SW("by"), SW("by the end of"), SW("until"), SW("due in"),
                                      SW("open in"), SW("start in"), SW("begin in")};
    static const sized_word base[] = {SW("than"), SW("than in"), SW("than the"),
                                      SW("than in the"), SW("compared with"), SW("compared to"),
                                      SW("compared with the"), SW("compared to the"),
                                      SW("versus"), SW("against"), SW("over"), SW("over the"),
                                      SW("on"), SW("on the"), SW("in the same period"), SW("vs"),
                                      SW("vs.")};
    size_t e = a;
    while (e > from && text[e - 1] == ' ')
        e--;
    for (const sized_word *w = skip; w < skip + COUNT(skip); w++)
        if (ends_with_sized(text, from, e, w))
            return 2;
    /* "in 2023": look past the preposition */
    size_t e2 = e;
    if (ends_with_word(text, from, e, "in"))
        for (e2 = e - 2; e2 > from && text[e2 - 1] == ' '; e2--)
            ;
    for (const sized_word *w = base; w < base + COUNT(base); w++)
        if (ends_with_sized(text, from, e, w) || ends_with_sized(text, from, e2, w))
            return 1;
    /* "up 12% from July" compares; "350 jobs from January" starts */
    if (ends_with_word(text, from, e, "from")) {
        size_t lo = e > from + 4 + FROM_NUMBER_REACH ? e - 4 - FROM_NUMBER_REACH : from;
        for (size_t i = lo; i + 4 < e; i++)
            if (text[i] >= '0' && text[i] <= '9')
                return 1;
    }
    return 0;
}

static int junk_period(const char *norm)
{
    size_t n = strlen(norm);
    return n < 2 || (n > 3 && (strcmp(norm + n - 3, " to") == 0 || strcmp(norm + n - 4, " the") == 0 ||
                               strcmp(norm + n - 4, " our") == 0 || strcmp(norm + n - 3, " of") == 0));
}

static int has_digit(const char *s)
{
    for (; s && *s; s++)
        if (*s >= '0' && *s <= '9')
            return 1;
    return 0;
}

/* Periods the rules name as written: a phrase takes over the dates inside
 * it, "extend" widens their words, "base" makes them comparison bases. */
/* Month number (1-12) of the month name starting at w, 0 if none. */
static int month_at(const char *w)
{
    static const char *const m[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                    "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; i++)
        if (strncasecmp(w, m[i], 3) == 0)
            return i + 1;
    return 0;
}

/* "January to October" in a year known from a date inside it (norm
 * "YYYY-..."): the span "YYYY-01/YYYY-10". NULL when it is no month span. */
static const char *month_span(cn_doc *d, const char *words, const char *inner)
{
    int m1 = 0, m2 = 0;
    for (const char *w = words; *w; w++) {
        if ((w == words || w[-1] == ' ' || w[-1] == '-') && month_at(w)) {
            if (!m1)
                m1 = month_at(w);
            else if (!m2)
                m2 = month_at(w);
        }
    }
    if (!m1 || !m2 || m2 <= m1 || !inner || strlen(inner) < 4 || !has_digit(inner))
        return NULL;
    char buf[PERIOD_MAX];
    snprintf(buf, sizeof buf, "%.4s-%02d/%.4s-%02d", inner, m1, inner, m2);
    return cni_arena_strdup(&d->mem, buf);
}

static size_t period_phrases(cn_doc *d, const sentence *s, period_span *out, size_t n)
{
    const char *text = d->res.text;
    rx_hit h[MAX_PERIODS];
    size_t nh = cni_rx_find(d->an->rx, d->scratch, "period-phrases", text + s->start,
                            s->end - s->start, h, MAX_PERIODS);
    for (size_t k = 0; k < nh; k++) {
        size_t a = s->start + h[k].start, b = s->start + h[k].end;
        const char *words = cni_arena_strndup(&d->mem, text + a, b - a);
        if (!words)
            return n;
        int inside = 0;
        const char *span = NULL;
        for (size_t i = 0; i < n && !span; i++)
            if (out[i].start >= a && out[i].end <= b && out[i].norm && out[i].norm[0] >= '1' &&
                out[i].norm[0] <= '2')
                span = month_span(d, words, out[i].norm);
        for (size_t i = 0; i < n; i++) {
            if (out[i].start < b && out[i].end > a && (out[i].start < a || out[i].end > b))
                inside = 1;     /* overlaps a longer date: "the first half of 2023" */
            if (out[i].start < a || out[i].end > b)
                continue;
            inside = 1;
            out[i].start = a;
            out[i].end = b;
            out[i].text = words;
            if (STR_EQ(h[k].label, "phrase"))
                out[i].base = 0;    /* "from January to October": a span, no base */
            if (STR_EQ(h[k].label, "base"))
                out[i].base = 1;
            else if (span)
                out[i].norm = span;
            else if (STR_EQ(h[k].label, "phrase") && !has_digit(out[i].norm))
                out[i].norm = NULL;
        }
        if (!inside && n < MAX_PERIODS && !STR_EQ(h[k].label, "extend")) {
            out[n].start = a;
            out[n].end = b;
            out[n].norm = NULL;
            out[n].text = words;
            out[n].base = STR_EQ(h[k].label, "base");
            n++;
        }
    }
    return n;
}

/* "TOKYO, Nov 5, 2025 (Reuters) - Toyota ...": the date of the story at
 * the start of its first sentence, not a period of its figures. */
static int dateline_date(const char *text, size_t from, size_t b, size_t end)
{
    if (b > from + DATELINE_REACH)
        return 0;
    size_t i = b;
    while (i < end && text[i] == ' ')
        i++;
    if (i < end && text[i] == '(') {
        while (i < end && text[i] != ')' && i < b + 40)
            i++;
        if (i >= end || text[i] != ')')
            return 0;
        i++;
        while (i < end && text[i] == ' ')
            i++;
    }
    return (i < end && text[i] == '-') ||
           (i + 3 <= end && (unsigned char)text[i] == 0xE2 && (unsigned char)text[i + 1] == 0x80 &&
            ((unsigned char)text[i + 2] == 0x94 || (unsigned char)text[i + 2] == 0x93));
}

/* Every period in the sentence, each with its role. */
size_t cni_fig_find_periods(cn_doc *d, const sentence *s, period_span *out)
{
    const char *text = d->res.text;
    size_t n = 0, pos = s->start;
    char buf[PERIOD_MAX];
    while (n < MAX_PERIODS && pos < s->end) {
        size_t ms, me;
        if (!cni_period_find(text + pos, s->end - pos, d->res.published, buf, sizeof buf, &ms, &me))
            break;
        size_t a = pos + ms, b = pos + me;
        pos = b > pos ? b : pos + 1;
        int role = period_role(text, s->start, a);
        if (role == 2 || junk_period(buf) || dateline_date(text, s->start, b, s->end))
            continue;
        out[n].start = a;
        out[n].end = b;
        out[n].base = role;
        out[n].norm = cni_arena_strdup(&d->mem, buf);
        out[n].text = cni_arena_strndup(&d->mem, text + a, b - a);
        if (!out[n].norm || !out[n].text)
            return n;
        if (junk_period(out[n].text))
            continue;
        if (!has_digit(out[n].norm))
            out[n].norm = NULL;     /* unresolved: only the words */
        n++;
    }
    return period_phrases(d, s, out, n);
}

/* A digit in [a,b) outside brackets: "€15.8bn ($17.3bn) in the previous
 * year" has none between the first number and its base. */
static int digit_in(const char *text, size_t a, size_t b)
{
    int depth = 0;
    for (size_t i = a; i < b; i++) {
        depth += text[i] == '(';
        depth -= text[i] == ')' && depth > 0;
        if (!depth && text[i] >= '0' && text[i] <= '9')
            return 1;
    }
    return 0;
}

/* Is the number at x0 itself the comparison's base: "up from 1.2m a year
 * earlier", "compared with 3,000 in 2023"?  "rose to 1.5m from a year
 * before" is not: its base belongs to the rise. */
static int is_base_value(const char *text, size_t x0)
{
    static const sized_word before[] = {SW("from"), SW("than"), SW("with"), SW("to"),
                                        SW("against"), SW("versus"), SW("vs"), SW("vs."),
                                        SW("from the"), SW("than the")};
    size_t from = x0 > 24 ? x0 - 24 : 0;
    size_t e = x0;
    while (e > from && text[e - 1] == ' ')
        e--;
    if (e > from && text[e - 1] == '(')
        return 1;       /* "from €15.8bn ($17.3bn) a year before": as the first */
    for (const sized_word *w = before; w < before + COUNT(before); w++)
        if (ends_with_sized(text, from, e, w))
            return !STR_EQ(w->w, "to") || ends_with_word(text, from, e, "compared to");
    return 0;
}

const period_span *cni_fig_nearest_period(const char *text, const period_span *p, size_t n,
                                         size_t x0, size_t x1)
{
    const period_span *best = NULL;
    size_t best_gap = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        size_t g = cni_fig_gap(x0, x1, p[i].start, p[i].end);
        if (p[i].base && !(p[i].start >= x1 && g <= BASE_REACH && !digit_in(text, x1, p[i].start) &&
                           is_base_value(text, x0)))
            continue;
        if (p[i].end <= x0 ? cni_fig_crosses_clause(text, p[i].end, x0) : cni_fig_crosses_clause(text, x1, p[i].start))
            g += CLAUSE_PENALTY;
        /* "Honda cut its outlook to ¥550bn, while Nissan lost ¥222bn for
         * the first half": a later clause's period (one before the figure
         * may frame the whole sentence) */
        if (p[i].start >= x1 && cni_fig_contrast_between(text, x1, p[i].start))
            continue;
        if (g < best_gap) {
            best_gap = g;
            best = &p[i];
        }
    }
    return best;
}

