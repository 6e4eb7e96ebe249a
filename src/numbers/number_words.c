/* Spelled-out numbers ("two hundred and fifty thousand", "half a million", "a third") and qualifiers. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "numbers_impl.h"

/* ------------------------------------------------------------- tables */

typedef struct {
    const char *pat;
    const char *norm;
} qual_ent;

/* Qualifiers before a number; multi-word forms before their first word. */
static const qual_ent qual_tab[] = {
    {"in excess of", "in excess of"}, {"upwards of", "upwards of"}, {"close to", "close to"},
    {"more than", "more than"}, {"less than", "less than"}, {"fewer than", "fewer than"},
    {"no more than", "no more than"}, {"no fewer than", "no fewer than"},
    {"no less than", "no less than"}, {"up to", "up to"}, {"at least", "at least"},
    {"at most", "at most"}, {"as many as", "as many as"}, {"as much as", "as much as"},
    {"as few as", "as few as"}, {"as little as", "as little as"}, {"as high as", "as high as"},
    {"as low as", "as low as"}, {"just over", "just over"}, {"just under", "just under"},
    {"just above", "just above"}, {"just below", "just below"}, {"just shy of", "just shy of"},
    {"well over", "well over"}, {"well under", "well under"}, {"well above", "well above"},
    {"well below", "well below"}, {"an estimated", "estimated"},
    {"approximately", "approximately"}, {"approx.", "approximately"}, {"approx", "approximately"},
    {"around", "around"}, {"about", "about"}, {"roughly", "roughly"}, {"some", "some"},
    {"nearly", "nearly"}, {"almost", "almost"}, {"over", "over"}, {"above", "above"},
    {"under", "under"}, {"below", "below"}, {"estimated", "estimated"}, {"only", "only"},
    {"just", "just"}, {"exactly", "exactly"}, {"circa", "about"}, {"barely", "barely"},
};

enum {
    W_NONE, W_A, W_UNIT, W_TEEN, W_TENS, W_HUNDRED, W_SCALE, W_DOZEN, W_ORD, W_ORDSCALE,
    W_HALF, W_FRAC, W_AND, W_MINUS, W_BETWEEN, W_HALFAND
};
typedef struct {
    const char *w;
    unsigned char kind;
    unsigned char v;      /* value, or power of ten for scales, or denominator */
    unsigned char qual;   /* first word of a qualifier */
    unsigned char frac;   /* ordinal that doubles as a fraction: "a third" */
} word_ent;

/* Sorted (strcmp order) for binary search; cni_num_selftest() checks it. */
static const word_ent word_tab[] = {
    {"a", W_A, 1, 0, 0}, {"about", W_NONE, 0, 1, 0}, {"above", W_NONE, 0, 1, 0}, {"almost", W_NONE, 0, 1, 0},
    {"an", W_A, 1, 1, 0}, {"and", W_AND, 0, 0, 0}, {"approx", W_NONE, 0, 1, 0}, {"approximately", W_NONE, 0, 1, 0},
    {"around", W_NONE, 0, 1, 0}, {"as", W_NONE, 0, 1, 0}, {"at", W_NONE, 0, 1, 0}, {"barely", W_NONE, 0, 1, 0},
    {"below", W_NONE, 0, 1, 0}, {"between", W_BETWEEN, 0, 0, 0}, {"billion", W_SCALE, 9, 0, 0}, {"circa", W_NONE, 0, 1, 0},
    {"close", W_NONE, 0, 1, 0}, {"crore", W_SCALE, 7, 0, 0}, {"dozen", W_DOZEN, 12, 0, 0}, {"eight", W_UNIT, 8, 0, 0},
    {"eighteen", W_TEEN, 18, 0, 0}, {"eighteenth", W_ORD, 18, 0, 0}, {"eighth", W_ORD, 8, 0, 1}, {"eightieth", W_ORD, 80, 0, 0},
    {"eighty", W_TENS, 80, 0, 0}, {"eleven", W_TEEN, 11, 0, 0}, {"eleventh", W_ORD, 11, 0, 0}, {"estimated", W_NONE, 0, 1, 0},
    {"exactly", W_NONE, 0, 1, 0}, {"fewer", W_NONE, 0, 1, 0}, {"fifteen", W_TEEN, 15, 0, 0}, {"fifteenth", W_ORD, 15, 0, 0},
    {"fifth", W_ORD, 5, 0, 1}, {"fifths", W_FRAC, 5, 0, 0}, {"fiftieth", W_ORD, 50, 0, 0}, {"fifty", W_TENS, 50, 0, 0},
    {"first", W_ORD, 1, 0, 0}, {"five", W_UNIT, 5, 0, 0}, {"fortieth", W_ORD, 40, 0, 0}, {"forty", W_TENS, 40, 0, 0},
    {"four", W_UNIT, 4, 0, 0}, {"fourteen", W_TEEN, 14, 0, 0}, {"fourteenth", W_ORD, 14, 0, 0}, {"fourth", W_ORD, 4, 0, 1},
    {"fourths", W_FRAC, 4, 0, 0}, {"half", W_HALF, 2, 0, 0}, {"hundred", W_HUNDRED, 100, 0, 0}, {"hundredth", W_ORDSCALE, 2, 0, 0},
    {"in", W_NONE, 0, 1, 0}, {"just", W_NONE, 0, 1, 0}, {"lakh", W_SCALE, 5, 0, 0}, {"less", W_NONE, 0, 1, 0},
    {"million", W_SCALE, 6, 0, 0}, {"millionth", W_ORDSCALE, 6, 0, 0}, {"minus", W_MINUS, 0, 0, 0}, {"more", W_NONE, 0, 1, 0},
    {"nearly", W_NONE, 0, 1, 0}, {"nine", W_UNIT, 9, 0, 0}, {"nineteen", W_TEEN, 19, 0, 0}, {"nineteenth", W_ORD, 19, 0, 0},
    {"ninetieth", W_ORD, 90, 0, 0}, {"ninety", W_TENS, 90, 0, 0}, {"ninth", W_ORD, 9, 0, 1}, {"no", W_NONE, 0, 1, 0},
    {"one", W_UNIT, 1, 0, 0}, {"only", W_NONE, 0, 1, 0}, {"over", W_NONE, 0, 1, 0}, {"quarter", W_FRAC, 4, 0, 0},
    {"quarters", W_FRAC, 4, 0, 0}, {"roughly", W_NONE, 0, 1, 0}, {"second", W_ORD, 2, 0, 0}, {"seven", W_UNIT, 7, 0, 0},
    {"seventeen", W_TEEN, 17, 0, 0}, {"seventeenth", W_ORD, 17, 0, 0}, {"seventh", W_ORD, 7, 0, 1}, {"seventieth", W_ORD, 70, 0, 0},
    {"seventy", W_TENS, 70, 0, 0}, {"six", W_UNIT, 6, 0, 0}, {"sixteen", W_TEEN, 16, 0, 0}, {"sixteenth", W_ORD, 16, 0, 0},
    {"sixth", W_ORD, 6, 0, 1}, {"sixtieth", W_ORD, 60, 0, 0}, {"sixty", W_TENS, 60, 0, 0}, {"some", W_NONE, 0, 1, 0},
    {"ten", W_TEEN, 10, 0, 0}, {"tenth", W_ORD, 10, 0, 1}, {"tenths", W_FRAC, 10, 0, 0}, {"third", W_ORD, 3, 0, 1},
    {"thirds", W_FRAC, 3, 0, 0}, {"thirteen", W_TEEN, 13, 0, 0}, {"thirteenth", W_ORD, 13, 0, 0}, {"thirtieth", W_ORD, 30, 0, 0},
    {"thirty", W_TENS, 30, 0, 0}, {"thousand", W_SCALE, 3, 0, 0}, {"thousandth", W_ORDSCALE, 3, 0, 0}, {"three", W_UNIT, 3, 0, 0},
    {"trillion", W_SCALE, 12, 0, 0}, {"twelfth", W_ORD, 12, 0, 0}, {"twelve", W_TEEN, 12, 0, 0}, {"twentieth", W_ORD, 20, 0, 0},
    {"twenty", W_TENS, 20, 0, 0}, {"two", W_UNIT, 2, 0, 0}, {"under", W_NONE, 0, 1, 0}, {"up", W_NONE, 0, 1, 0},
    {"upwards", W_NONE, 0, 1, 0}, {"well", W_NONE, 0, 1, 0}, {"zero", W_UNIT, 0, 0, 0},
};

/* Built from word_tab on first use: the first entry per initial letter,
 * the word lengths per initial letter (bit n: some word has n letters) and
 * the first two letters (26: a one-letter word), so that most words of
 * running text are rejected without a string compare. */
static struct {
    unsigned char first[27];
    uint32_t lens[26];
    pair_filter pairs;
    /* The first three letters of the words that may open an expression:
     * per first and second letter (26 = the word ends), a bit per third
     * letter (26 = the word ends). */
    uint32_t opener_prefix[26][27];
} word_index;
static pthread_once_t word_index_once = PTHREAD_ONCE_INIT;
static void build_word_index(void);

/* Letter k of a table word, or of the text word at t[k]: 0..25, or 26
 * where the word has ended. */
static unsigned letter_or_end(const char *w, size_t k) { return w[k] ? (unsigned)(w[k] - 'a') : 26u; }


/* ---------------------------------------------------------- lookups */

/* The clean ASCII word at i (followed by a non-word byte), looked up.
 * word_index is built by the entry points that reach here. */
static const word_ent *word_entry(const uchar *t, size_t len, size_t i, size_t *end)
{
    char buf[NUM_MAX_WORD + 1];
    size_t n = 0, j = i, lo, hi;
    int f;
    if (!end && i < len && is_alpha(t[i]) &&       /* most words fail on two letters */
        !pair_filter_may(&word_index.pairs, t, len, i))
        return NULL;
    while (j < len && is_alpha(t[j])) {
        if (n < NUM_MAX_WORD)
            buf[n] = (char)lower(t[j]);
        n++;
        j++;
    }
    if (end)
        *end = j;
    if (n == 0 || n > NUM_MAX_WORD || word_at(t, len, j))
        return NULL;
    f = buf[0] - 'a';
    if (!(word_index.lens[f] & (1u << n)))
        return NULL;
    buf[n] = '\0';
    lo = word_index.first[f];
    hi = word_index.first[f + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = short_strcmp(buf, word_tab[mid].w);
        if (c == 0)
            return &word_tab[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* Next word position after a separator (gap or one '-'), or 0. */
static size_t next_word_pos(const uchar *t, size_t len, size_t i)
{
    size_t j = skip_gap(t, len, i);
    if (j == i && i < len && t[i] == '-')
        j = i + 1;
    if (j == i || j >= len || !is_alpha(t[j]))
        return 0;
    return j;
}

/* ------------------------------------------------------------ parsing */

/* "half" on its own is a number only in "half a million", "half of",
 * "half the" ...; "the first half" is a period. */
static int half_ok(const uchar *t, size_t len, size_t i, size_t wend)
{
    static const char *const before_no[] = {
        "first", "second", "the", "this", "that", "each", "every", "latter", "former",
        "other", "top", "bottom", "back", "front",
    };
    static const char *const qual_before[] = {
        "about", "nearly", "almost", "than", "over", "roughly", "around", "under", "just",
        "only", "exactly", "approximately", "some",
    };
    static const char *const after_ok[] = {
        "of", "the", "its", "their", "his", "her", "all", "that", "those", "these", "our", "this",
    };
    char buf[NUM_MAX_WORD];
    size_t k, j;
    if (prev_word(t, i, buf, sizeof buf, NULL)) {
        for (k = 0; k < COUNT(before_no); k++)
            if (STR_EQ(buf, before_no[k]))
                return 0;
        for (k = 0; k < COUNT(qual_before); k++)
            if (STR_EQ(buf, qual_before[k]))
                return 1;                  /* "about half", "more than half" */
    }
    j = skip_gap(t, len, wend);
    if (j == wend)
        return 0;
    for (k = 0; k < COUNT(after_ok); k++)
        if (kw(t, len, j, after_ok[k]))
            return 1;
    return 0;
}

/* "half a million", "a quarter of a million": returns the power of ten and
 * moves *end past it, or 0. */
static int frac_of_scale(const uchar *t, size_t len, size_t *end)
{
    size_t i = *end, j, m, we;
    const word_ent *e;
    j = skip_gap(t, len, i);
    if (j == i)
        return 0;
    if ((m = kw(t, len, j, "of")) != 0) {
        j = skip_gap(t, len, m);
        if (j == m)
            return 0;
    }
    if (!(m = kw(t, len, j, "a")) && !(m = kw(t, len, j, "an")))
        return 0;
    j = skip_gap(t, len, m);
    if (j == m)
        return 0;
    e = word_entry(t, len, j, &we);
    if (!e || e->kind != W_SCALE)
        return 0;
    *end = we;
    return e->v;
}

/* Spelled-out numbers: "twenty-five", "two hundred and fifty thousand",
 * "half a million", "a third", "two-thirds", "a dozen", "ninth". */
int cni_num_parse_words(const uchar *t, size_t len, size_t i, core *c)
{
    double total = 0, cur = 0;
    int last = W_NONE, min_scale = 99, scale_e = 0, ord = 0, frac = 0, done = 0, hundred = 0;
    size_t j = i, wend = i, acc_end = 0;
    unsigned nw = 0;
    const word_ent *e;

    pthread_once(&word_index_once, build_word_index);
    while (!done && (e = word_entry(t, len, j, &wend)) != NULL) {
        int ok = 0, kind = e->kind, fraction_ok;
        size_t nx;
        const word_ent *e2;
        switch (e->kind) {
        case W_A:
            if (last != W_NONE)
                break;
            nx = next_word_pos(t, len, wend);
            e2 = nx ? word_entry(t, len, nx, NULL) : NULL;
            if (e2 && e2->kind == W_ORD) {        /* "a third", not "a third quarter" */
                size_t n2, a2;
                word_entry(t, len, nx, &n2);
                a2 = next_word_pos(t, len, n2);
                if (a2 && (kw(t, len, a2, "quarter") || kw(t, len, a2, "half")))
                    e2 = NULL;
            }
            if (e2 && t[nx - 1] != '-' &&
                (e2->kind == W_HUNDRED || e2->kind == W_SCALE || e2->kind == W_DOZEN ||
                 e2->kind == W_HALF || e2->kind == W_FRAC || (e2->kind == W_ORD && e2->frac))) {
                cur = 1;
                ok = 1;
            }
            break;
        case W_UNIT:
            if (last == W_NONE || last == W_HUNDRED || last == W_SCALE || last == W_AND || last == W_TENS) {
                cur += e->v;
                ok = 1;
            }
            break;
        case W_TEEN:
        case W_TENS:
            if (last == W_NONE || last == W_HUNDRED || last == W_SCALE || last == W_AND) {
                cur += e->v;
                ok = 1;
            }
            break;
        case W_HUNDRED:
            if ((last == W_UNIT || last == W_TEEN || last == W_A) && cur > 0 && cur < 100 && !hundred) {
                cur *= 100;
                hundred = 1;
                ok = 1;
            }
            break;
        case W_SCALE:
            if ((last == W_UNIT || last == W_TEEN || last == W_TENS || last == W_HUNDRED ||
                 last == W_A || last == W_HALFAND) && e->v < min_scale && cur > 0) {
                int ovf = 0;
                total += cni_num_mul_p10(cur, e->v, &ovf);
                cur = 0;
                min_scale = scale_e = e->v;
                hundred = 0;
                ok = 1;
            }
            break;
        case W_DOZEN:
            if (last == W_A || last == W_UNIT || last == W_TEEN) {
                cur *= 12;
                ok = done = 1;
            }
            break;
        case W_AND:
            nx = next_word_pos(t, len, wend);
            if (!nx || t[nx - 1] == '-')
                break;
            e2 = word_entry(t, len, nx, NULL);
            if ((last == W_HUNDRED || last == W_SCALE) && e2 &&
                (e2->kind == W_UNIT || e2->kind == W_TEEN || e2->kind == W_TENS)) {
                ok = 1;
            } else if ((last == W_UNIT || last == W_TEEN || last == W_TENS) && e2 && e2->kind == W_A) {
                size_t he, hw = next_word_pos(t, len, nx + 1);
                const word_ent *e3 = hw ? word_entry(t, len, hw, &he) : NULL;
                if (e3 && e3->kind == W_HALF && t[hw - 1] != '-') {   /* "one and a half" */
                    cur += 0.5;
                    wend = he;
                    kind = W_HALFAND;
                    ok = 1;
                }
            }
            break;
        case W_ORD:
            nx = next_word_pos(t, len, wend);
            /* "a third-quarter loss": an ordinal before quarter/half is no fraction */
            fraction_ok = !(nx && (kw(t, len, nx, "quarter") || kw(t, len, nx, "half")));
            if (fraction_ok && e->frac && (last == W_A || last == W_UNIT || last == W_TEEN)) {
                cur /= e->v;                               /* "a third", "one fifth" */
                frac = ok = done = 1;
            } else if (last == W_NONE || last == W_HUNDRED || last == W_SCALE || last == W_AND ||
                       (last == W_TENS && e->v < 10)) {
                cur += e->v;                               /* "ninth", "twenty-first" */
                ord = ok = done = 1;
            }
            break;
        case W_ORDSCALE:
            if (last == W_UNIT || last == W_TEEN || last == W_TENS || last == W_HUNDRED || last == W_A) {
                int ovf = 0;
                cur = cni_num_mul_p10(cur, e->v, &ovf);            /* "one millionth" */
                ord = ok = done = 1;
            }
            break;
        case W_HALF:
            nx = wend;
            if (last == W_A || (last == W_NONE && (half_ok(t, len, j, wend) || frac_of_scale(t, len, &nx)))) {
                cur = 0.5;
                frac = ok = done = 1;
            }
            break;
        case W_FRAC:
            if (last == W_A || last == W_UNIT || last == W_TEEN) {
                cur /= e->v;                               /* "two-thirds", "a quarter" */
                frac = ok = done = 1;
            }
            break;
        default:
            break;
        }
        if (!ok)
            break;
        last = kind;
        nw++;
        acc_end = wend;
        if (done)
            break;
        j = next_word_pos(t, len, wend);
        if (!j)
            break;
    }
    if (nw == 0 || last == W_A || last == W_AND)
        return 0;
    if (nw == 1 && last == W_UNIT && cur == 1) {         /* "no one", "one another" */
        char buf[NUM_MAX_WORD];
        size_t k = skip_gap(t, len, acc_end);
        if ((prev_word(t, i, buf, sizeof buf, NULL) && strcmp(buf, "no") == 0) ||
            (i >= 3 && t[i - 1] == '-' && lower(t[i - 3]) == 'n' && lower(t[i - 2]) == 'o' && !word_before(t, i - 3)) ||
            (k > acc_end && kw(t, len, k, "another")))
            return 0;
    }
    if (frac) {
        int sc = frac_of_scale(t, len, &acc_end);
        if (sc) {
            int ovf = 0;
            cur = cni_num_mul_p10(cur, sc, &ovf);
            scale_e = sc;
        }
    }
    c->words = 1;
    c->wval = total + cur;
    c->scale_e = scale_e;
    c->end = acc_end;
    c->flags |= NUM_WORDS | (ord ? NUM_ORDINAL : 0u) | (scale_e ? NUM_SCALED : 0u);
    return 1;
}

static int may_open(const word_ent *e)
{
    return e->qual || e->kind == W_A || e->kind == W_UNIT || e->kind == W_TEEN ||
           e->kind == W_TENS || e->kind == W_ORD || e->kind == W_HALF ||
           e->kind == W_MINUS || e->kind == W_BETWEEN;
}

static void build_word_index(void)
{
    size_t k = 0;
    for (int f = 0; f < 26; f++) {
        word_index.first[f] = (unsigned char)k;
        while (k < COUNT(word_tab) && word_tab[k].w[0] - 'a' == f)
            k++;
    }
    word_index.first[26] = (unsigned char)k;
    for (k = 0; k < COUNT(word_tab); k++) {
        const char *w = word_tab[k].w;
        word_index.lens[w[0] - 'a'] |= 1u << strlen(w);
        pair_filter_add(&word_index.pairs, w);
        if (!may_open(&word_tab[k]))
            continue;
        unsigned b = letter_or_end(w, 1), c = b == 26 ? 26 : letter_or_end(w, 2);
        word_index.opener_prefix[w[0] - 'a'][b] |= 1u << c;
    }
}

const opener_prefixes *cni_num_opener_prefixes(void)
{
    pthread_once(&word_index_once, build_word_index);
    return (const opener_prefixes *)&word_index.opener_prefix;
}

/* The word at i, its first three letters past the opener filter
 * (num_letter_may_open()): does it open an expression? */
int cni_num_word_may_open(const uchar *t, size_t len, size_t i)
{
    const word_ent *e;
    pthread_once(&word_index_once, build_word_index);
    e = word_entry(t, len, i, NULL);
    if (!e || !may_open(e))
        return 0;
    /* A word that only begins qualifiers ("in excess of", "at least")
     * opens nothing unless one is written out: the parser would refuse it
     * on the next step, and "in", "at" and "as" are everywhere. */
    const char *norm;
    return e->kind != W_NONE || cni_num_qualifier_at(t, len, i, &norm) != 0;
}

/* The qualifiers by first letter, in table order (the first match wins),
 * and the filter on their first two letters. */
static pair_filter qual_pairs;
static uint8_t qual_by_first[26][COUNT(qual_tab)];
static uint8_t qual_n_first[26];
static pthread_once_t qual_once = PTHREAD_ONCE_INIT;

static void build_qual_index(void)
{
    for (size_t q = 0; q < COUNT(qual_tab); q++) {
        int f = qual_tab[q].pat[0] - 'a';
        pair_filter_add(&qual_pairs, qual_tab[q].pat);
        qual_by_first[f][qual_n_first[f]++] = (uint8_t)q;
    }
}

size_t cni_num_qualifier_at(const uchar *t, size_t len, size_t i, const char **norm)
{
    size_t m;
    pthread_once(&qual_once, build_qual_index);
    if (i >= len || !pair_filter_may(&qual_pairs, t, len, i))
        return 0;
    int f = lower(t[i]) - 'a';      /* a letter: the filter passed */
    for (size_t k = 0; k < qual_n_first[f]; k++) {
        const qual_ent *q = &qual_tab[qual_by_first[f][k]];
        if ((m = kw(t, len, i, q->pat)) != 0) {
            *norm = q->norm;
            return m;
        }
    }
    return 0;
}

int cni_num_words_selftest(void)
{
    size_t k;
    for (k = 1; k < COUNT(word_tab); k++)
        if (strcmp(word_tab[k - 1].w, word_tab[k].w) >= 0)
            return 0;
    for (k = 0; k < COUNT(word_tab); k++)     /* what the index assumes */
        if (strlen(word_tab[k].w) > NUM_MAX_WORD || pair_class(word_tab[k].w[0]) == 26)
            return 0;
    return 1;
}
