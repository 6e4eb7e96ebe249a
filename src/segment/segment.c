#include "segment.h"
#include "bytes.h"
#include "utf8.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

/*** Code points ***/

static int is_digit_cp(uint32_t cp) { return cp >= '0' && cp <= '9'; }

/* Letters: ASCII letters and every non-ASCII code point that is not a known
 * space, quote, dash or symbol; good enough for Latin, Greek, Cyrillic and
 * CJK news text. */
static int is_letter_above_ascii(uint32_t cp)
{
    if (cni_utf8_is_space(cp))
        return 0;
    if ((cp >= 0x2010 && cp <= 0x206F) || cp == 0xFFFD || cp == 0x2212)
        return 0;       /* dashes, quotes, bullets, ellipsis */
    if (cp >= 0xA1 && cp <= 0xBF && cp != 0xAA && cp != 0xB5 && cp != 0xBA)
        return 0;       /* Latin-1 symbols: £ ¥ © « » ° ... */
    if (cp == 0xD7 || cp == 0xF7)
        return 0;
    if ((cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2100 && cp <= 0x2BFF) ||
        (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
        (cp >= 0x1F000))
        return 0;       /* currency, arrows, CJK punctuation, emoji */
    return 1;
}

/* ASCII inline: the tokenizer asks for every character. */
static inline int is_letter_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    return is_letter_above_ascii(cp);
}

static int is_upper_cp(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        return 1;
    if (cp >= 0x100 && cp <= 0x17F)
        return (cp & 1) == 0;   /* Latin Extended-A pairs: even = upper */
    if (cp >= 0x391 && cp <= 0x3A9)
        return 1;
    if (cp >= 0x400 && cp <= 0x42F)
        return 1;
    return 0;
}

static int is_lower_cp(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7)
        return 1;
    if (cp >= 0x100 && cp <= 0x17F)
        return (cp & 1) == 1;
    return 0;
}

static int is_word_cp(uint32_t cp) { return is_letter_cp(cp) || is_digit_cp(cp); }

static int is_apostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019; }

static int is_quote_cp(uint32_t cp)
{
    return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E ||
           cp == 0xAB || cp == 0xBB || cp == '\'' || cp == 0x2018 ||
           cp == 0x2019 || cp == 0x201A;
}

/*** Folding and hashing ***/

size_t cni_seg_fold(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    while (i < len && o + 1 < cap) {
        size_t j = i;
        uint32_t cp = cni_utf8_decode(s, len, &j);
        char c = 0;
        if (cp < 0x80)
            c = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        else if (cp == 0x2019 || cp == 0x2018)
            c = '\'';
        else if (cp == 0x201C || cp == 0x201D)
            c = '"';
        else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212)
            c = '-';
        if (c) {
            out[o++] = c;
        } else {
            size_t n = j - i;
            if (o + n >= cap)
                break;
            /* Latin-1 upper-case letters fold to lower case (Ö -> ö). */
            if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
                out[o++] = (char)0xC3;
                out[o++] = (char)(0x80 + (cp + 0x20 - 0xC0));
            } else {
                memcpy(out + o, s + i, n);
                o += n;
            }
        }
        i = j;
    }
    if (cap)
        out[o] = '\0';
    return o;
}

#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL
#define FNV_STEP(h, c) (((h) ^ (c)) * FNV_PRIME)
/* A token's hash is that of its first bytes only. */
#define HASH_MAX_BYTES 200

uint64_t cni_seg_hash_folded(const char *s, size_t len)
{
    uint64_t h = FNV_OFFSET;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= FNV_PRIME;
    }
    return h;
}

uint64_t cni_seg_token_hash(const char *s, size_t len)
{
    char tmp[256];
    if (len > HASH_MAX_BYTES)
        len = HASH_MAX_BYTES;   /* very long tokens never match a gazetteer entry */
    /* ASCII folds to lower case byte by byte: hash it as it goes. */
    uint64_t h = FNV_OFFSET;
    size_t i = 0;
    for (; i < len && (unsigned char)s[i] < 0x80; i++) {
        unsigned char c = (unsigned char)s[i];
        h ^= c >= 'A' && c <= 'Z' ? c + 32u : c;
        h *= FNV_PRIME;
    }
    if (i == len)
        return h;
    size_t n = cni_seg_fold(s, len, tmp, sizeof tmp);
    return cni_seg_hash_folded(tmp, n);
}

uint64_t cni_seg_hash_combine(uint64_t h, uint64_t tok)
{
    return (h ^ (tok + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2))) * FNV_PRIME;
}

/*** Tokens ***/

typedef struct {
    const char *text;
    size_t len;
    arena *mem;
    segmentation *out;
    size_t cap_toks;
} seg_state;

static uint32_t cp_at(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    return cni_utf8_decode(s, len, &i);
}

static int push_token_hashed(seg_state *st, size_t start, size_t end, uint32_t flags,
                             uint64_t hash)
{
    segmentation *o = st->out;
    if (o->n_toks == st->cap_toks) {
        if (!st->mem)
            return -1;      /* fixed buffer full */
        /* News text runs about six bytes a token: size for a whole
         * article at once (huge texts still grow by doubling). */
        size_t first = st->len / 5 + 64 < ((size_t)1 << 20) ? st->len / 5 + 64 : (size_t)1 << 20;
        size_t cap = st->cap_toks ? st->cap_toks * 2 : first;
        token *t = cni_arena_grow(st->mem, o->toks, sizeof(token), o->n_toks, cap);
        if (!t)
            return -1;
        o->toks = t;
        st->cap_toks = cap;
    }
    token *t = &o->toks[o->n_toks++];
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->flags = flags;
    t->sentence = 0;
    t->hash = hash;
    return 0;
}

static int push_token(seg_state *st, size_t start, size_t end, uint32_t flags)
{
    return push_token_hashed(st, start, end, flags,
                             cni_seg_token_hash(st->text + start, end - start));
}

/* Does one of the words that make a place an adjective ("-based",
 * "-made") start at i and end the word? */
int cni_seg_place_suffix(const char *s, size_t len, size_t i)
{
    static const char *const SUFFIXES[] = {"based", "headquartered", "made", "built",
                                           "owned", "listed", "registered", NULL};
    for (const char *const *p = SUFFIXES; *p; p++) {
        size_t n = i <= len ? span_starts(s + i, len - i, *p) : 0;
        if (n && (i + n == len || !(((unsigned char)s[i + n] | 0x20) >= 'a' &&
                                    ((unsigned char)s[i + n] | 0x20) <= 'z')))
            return 1;
    }
    return 0;
}

/* A word runs over letters and digits, and over '.', '-', '/', ',' and '&'
 * and apostrophes when they join two word characters ("ID.3", "E-Pace",
 * "19,855", "2023/24", "S&P", "O'Neill").  A possessive 's is split off. */

/* *hash gets the token's hash, as cni_seg_token_hash would give it, when
 * the word is ASCII: computed on the way, it saves a second pass. */
static size_t scan_word(const char *s, size_t len, size_t i, int *letters,
                        int *upper_letters, int *lower_letters, uint64_t *hash)
{
    size_t j = i;
    uint64_t h = FNV_OFFSET;
    int ascii = 1;
    while (j < len) {
        unsigned char b = (unsigned char)s[j];
        if (is_alpha(b)) {      /* a run of ASCII letters: most of a text */
            size_t run = j;
            int up = 0;
            do {
                if (b < 'a')
                    up++;
                h = FNV_STEP(h, b | 0x20u);
                if (++j >= len)
                    break;
                b = (unsigned char)s[j];
            } while (is_alpha(b));
            *letters += (int)(j - run);
            *upper_letters += up;
            *lower_letters += (int)(j - run) - up;
            continue;
        }
        if (b >= '0' && b <= '9') {
            h = FNV_STEP(h, b);
            j++;
            continue;
        }
        size_t k = j;
        uint32_t cp = cni_utf8_decode(s, len, &k);
        if (cp >= 0x80)
            ascii = 0;
        if (is_word_cp(cp)) {
            if (is_letter_cp(cp)) {
                (*letters)++;
                if (is_upper_cp(cp))
                    (*upper_letters)++;
                else if (is_lower_cp(cp))
                    (*lower_letters)++;
            }
            j = k;
            continue;
        }
        if (cp == '.' || cp == '-' || cp == '/' || cp == ',' || cp == '&' ||
            cp == 0x2010 || cp == 0x2011 || is_apostrophe(cp)) {
            size_t m = k;
            uint32_t next = m < len ? cni_utf8_decode(s, len, &m) : 0;
            uint32_t prev = j > i ? cp_at(s, len, j - 1) : 0;
            if (!is_word_cp(next))
                break;
            /* "then-president", "ex-Nissan": the prefix is a word of its own,
             * so the role or the name after it is seen. */
            if (cp == '-' && ((j - i == 4 && strncasecmp(s + i, "then", 4) == 0) ||
                              (j - i == 2 && strncasecmp(s + i, "ex", 2) == 0)))
                break;
            /* "Mumbai-headquartered", "Detroit-based", "UK-made": the place
             * is a word of its own. */
            if (cp == '-' && cni_seg_place_suffix(s, len, k))
                break;
            if (cp == ',' && !(is_digit_cp(prev) && is_digit_cp(next)))
                break;
            if (cp == '/' && !(is_digit_cp(prev) && is_digit_cp(next)))
                break;
            if (cp == '&' && !(is_upper_cp(prev) && is_upper_cp(next)))
                break;
            if (is_apostrophe(cp)) {
                /* Possessive: 's followed by a non-word character. */
                size_t q = m;
                uint32_t after = q < len ? cni_utf8_decode(s, len, &q) : 0;
                if ((next == 's' || next == 'S') && !is_word_cp(after))
                    break;
                if (!is_letter_cp(next))
                    break;
            }
            h = FNV_STEP(h, cp);    /* an ASCII joiner folds to itself */
            j = k;
            continue;
        }
        break;
    }
    /* "U.K." / "U.S.": keep the final dot of single-letter dotted runs. */
    if (j < len && s[j] == '.' && j - i >= 3 && (j - i) % 2 == 1) {
        int ok = 1;
        for (size_t p = i; p < j && ok; p++)
            ok = (p - i) % 2 == 0 ? (s[p] >= 'A' && s[p] <= 'Z') : s[p] == '.';
        if (ok) {
            h = FNV_STEP(h, (unsigned)'.');
            j++;
        }
    }
    *hash = ascii && j - i <= HASH_MAX_BYTES ? h : cni_seg_token_hash(s + i, j - i);
    return j;
}

static int tokenize(seg_state *st)
{
    const char *s = st->text;
    size_t len = st->len, i = 0;
    while (i < len) {
        if (s[i] == ' ' || s[i] == '\n') {
            i++;
            continue;
        }
        size_t k = i;
        uint32_t cp = cni_utf8_decode(s, len, &k);
        if (cp < 0x80 ? cp == ' ' || cp == 0 || (cp >= '\t' && cp <= '\r') : cni_utf8_is_space(cp)) {
            i = k;
            continue;
        }
        if (is_word_cp(cp)) {
            int letters = 0, up = 0, low = 0;
            uint64_t hash;
            size_t end = scan_word(s, len, i, &letters, &up, &low, &hash);
            uint32_t f = 0;
            if (letters)
                f |= TK_WORD;
            if (is_digit_cp(cp))
                f |= TK_NUM;
            if (is_upper_cp(cp))
                f |= TK_UPPER;
            else if (is_lower_cp(cp))
                f |= TK_LOWER;
            if (up >= 2 && low == 0)
                f |= TK_ALLCAPS;
            if (push_token_hashed(st, i, end, f, hash))
                return -1;
            i = end;
            continue;
        }
        uint32_t f = TK_PUNCT;
        if (is_apostrophe(cp) && st->out->n_toks) {
            /* 's right after a word is a possessive marker. */
            token *prev = &st->out->toks[st->out->n_toks - 1];
            size_t m = k;
            uint32_t next = m < len ? cni_utf8_decode(s, len, &m) : 0;
            uint32_t after = m < len ? cp_at(s, len, m) : 0;
            if (prev->end == i && (prev->flags & TK_WORD) &&
                (next == 's' || next == 'S') && !is_word_cp(after)) {
                if (push_token(st, i, m, TK_POSS))
                    return -1;
                i = m;
                continue;
            }
        }
        if (is_quote_cp(cp)) {
            f |= TK_QUOTE;
            if (cp == 0x201C || cp == 0x2018 || cp == 0xAB || cp == 0x201E)
                f |= TK_OPEN;
            else if (cp == 0x201D || cp == 0x2019 || cp == 0xBB)
                f |= TK_CLOSE;
        } else if (cp == '(' || cp == '[' || cp == '{') {
            f |= TK_OPEN;
        } else if (cp == ')' || cp == ']' || cp == '}') {
            f |= TK_CLOSE;
        }
        if (push_token(st, i, k, f))
            return -1;
        i = k;
    }
    return 0;
}

/*** Paragraphs ***/

/* Text wrapped at a fixed width (e-mail, wire copy) marks paragraphs with
 * blank lines; otherwise every line is a paragraph, as in text saved from
 * web pages.  Wrapped = blank lines present, most lines long-ish and no
 * line past 100 bytes. */
static int looks_hard_wrapped(const char *s, size_t len)
{
    size_t lines = 0, long_lines = 0, blank = 0, maxlen = 0, start = 0;
    for (;;) {
        const char *nl = start < len ? memchr(s + start, '\n', len - start) : NULL;
        size_t i = nl ? (size_t)(nl - s) : len;
        size_t n = i - start;
        if (n && s[start + n - 1] == '\r')
            n--;
        if (n == 0)
            blank++;
        else {
            lines++;
            if (n >= 50)
                long_lines++;
            if (n > maxlen)
                maxlen = n;
        }
        if (!nl)
            break;
        start = i + 1;
    }
    return blank > 0 && lines >= 4 && maxlen <= 100 && long_lines * 2 >= lines;
}

static int only_space(const char *s, size_t a, size_t b)
{
    size_t i = a;
    while (i < b) {
        uint32_t cp = cni_utf8_decode(s, b, &i);
        if (!cni_utf8_is_space(cp))
            return 0;
    }
    return 1;
}

static int push_para(seg_state *st, size_t *cap, size_t a, size_t b)
{
    segmentation *o = st->out;
    if (only_space(st->text, a, b))
        return 0;
    if (o->n_paras == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        paragraph *p = cni_arena_grow(st->mem, o->paras, sizeof *p, o->n_paras, nc);
        if (!p)
            return -1;
        o->paras = p;
        *cap = nc;
    }
    o->paras[o->n_paras].start = (uint32_t)a;
    o->paras[o->n_paras].end = (uint32_t)b;
    o->n_paras++;
    return 0;
}

/* The first '\n' or '\r' at or after i, or len.  *next_cr caches where
 * the next '\r' is (len when none, SIZE_MAX before the first call): most
 * texts have none, and one memchr says so. */
static size_t line_end(const char *s, size_t len, size_t i, size_t *next_cr)
{
    if (i >= len)
        return len;
    if (*next_cr == SIZE_MAX || *next_cr < i) {
        const char *cr = memchr(s + i, '\r', len - i);
        *next_cr = cr ? (size_t)(cr - s) : len;
    }
    size_t end = *next_cr;
    const char *nl = memchr(s + i, '\n', end - i);
    return nl ? (size_t)(nl - s) : end;
}

static int split_paragraphs(seg_state *st)
{
    const char *s = st->text;
    size_t len = st->len, cap = 0, start = 0;
    int wrapped = looks_hard_wrapped(s, len);
    size_t line_start = 0, next_cr = SIZE_MAX;
    for (size_t i = 0; i <= len; i++) {
        i = line_end(s, len, i, &next_cr);
        /* A line ends at i (\n, \r\n or a lone \r). */
        int blank = only_space(s, line_start, i);
        if (!wrapped || blank) {
            if (push_para(st, &cap, start, wrapped ? line_start : i))
                return -1;
            start = i + 1;
        }
        if (i < len && s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
            i++;
        line_start = i + 1;
        if (!wrapped || blank)
            start = line_start;
    }
    if (wrapped && start < len && push_para(st, &cap, start, len))
        return -1;
    return 0;
}

/*** Sentences ***/

static int tok_is(const char *s, const token *t, const char *w)
{
    return span_is(s + t->start, t->end - t->start, w);
}

static int tok_in(const char *s, const token *t, const char *const *list)
{
    for (; *list; list++)
        if (tok_is(s, t, *list))
            return 1;
    return 0;
}

/* Never end a sentence: titles and short forms that take what follows. */
static const char *const ABBREV_TITLE[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Gen", "Capt",
    "Lt", "Col", "Sgt", "Rev", "Hon", "Mt", "Ft", "No", "Nos", "vs", "v",
    "etc", "approx", "Fig", "Vol", "pp", "cf", "Messrs", "Mme", "Mlle", "Dept",
    "est", "al", "ca", "Mk", "Nr", "Ave", "Rd", NULL
};
/* End a sentence only when a typical sentence opener follows. */
static const char *const ABBREV_SUFFIX[] = {
    "Inc", "Ltd", "Co", "Corp", "Bros", "plc", "Plc", "LLC", "Jr", "Sr",
    "U.S.", "U.K.", "E.U.", "U.N.", NULL
};
static const char *const MONTH_ABBREV[] = {
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", NULL
};
static const char *const OPENERS[] = {
    "The", "It", "He", "She", "They", "We", "I", "But", "And", "In", "On",
    "At", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His",
    "Her", "However", "Meanwhile", "Also", "There", "Shares", "Sales", NULL
};

static int is_terminal(const char *s, const token *t)
{
    if (!(t->flags & TK_PUNCT))
        return 0;
    char c = s[t->start];
    if (c == '.' || c == '!' || c == '?')
        return 1;
    /* U+2026 horizontal ellipsis */
    return t->end - t->start == 3 && (unsigned char)c == 0xE2 &&
           (unsigned char)s[t->start + 1] == 0x80 &&
           (unsigned char)s[t->start + 2] == 0xA6;
}

/* A word that ends in its own full stop: "U.S.", "U.K.". */
static int dotted_word(const char *s, const token *t)
{
    return (t->flags & TK_WORD) && t->end - t->start >= 4 && s[t->end - 1] == '.';
}

/* Does a sentence end after toks[i] (a terminal mark) in [.., end)? */
static int ends_sentence(const char *s, const token *toks, size_t i,
                         size_t p_begin, size_t p_end, size_t *after)
{
    size_t j = i + 1;
    /* Several marks ("...", "?!") act as one. */
    while (j < p_end && is_terminal(s, &toks[j]) && toks[j].start == toks[j - 1].end)
        j++;
    /* Closing quotes and brackets belong to the sentence they close. */
    while (j < p_end && (toks[j].flags & (TK_CLOSE | TK_QUOTE)) &&
           !(toks[j].flags & TK_OPEN) && toks[j].start == toks[j - 1].end)
        j++;
    *after = j;
    if (j >= p_end)
        return 1;
    const token *next = &toks[j];
    if (next->start == toks[j - 1].end && !(next->flags & TK_QUOTE))
        return 0;   /* "ID.3" style glue, or "x.y" with no space */
    int next_ok = (next->flags & (TK_UPPER | TK_NUM | TK_QUOTE | TK_OPEN)) != 0;
    if (!next_ok)
        return 0;
    char c = s[toks[i].start];
    if (toks[i].flags & TK_WORD)    /* "U.S." carries its own full stop */
        return tok_in(s, next, OPENERS);
    if (c != '.' || i == p_begin)
        return 1;
    const token *prev = &toks[i - 1];
    if (prev->end != toks[i].start)
        return 1;
    if (tok_in(s, prev, ABBREV_TITLE))
        return 0;
    if (tok_in(s, prev, MONTH_ABBREV) && (next->flags & TK_NUM))
        return 0;
    /* An initial: "J. D. Power". */
    if (prev->end - prev->start == 1 && (prev->flags & TK_UPPER))
        return 0;
    if (tok_in(s, prev, ABBREV_SUFFIX))
        return tok_in(s, next, OPENERS);
    return 1;
}

/* Longest sentence, in tokens.  Real ones stay far below (80 tokens is a
 * long sentence in news); without a bound, text with no full stops (a
 * word list, a scraped table, a hostile file) would be one huge sentence
 * and the stages that compare pairs of tokens within a sentence would
 * take quadratic time. */
#define SEG_MAX_SENTENCE_TOKENS 256
/* A sentence cut for length ends after a clause mark among its last
 * tokens when there is one. */
#define SEG_CUT_LOOKBACK 64

static int clause_mark(const char *s, const token *t)
{
    if (!(t->flags & TK_PUNCT))
        return 0;
    char c = s[t->start];
    if (c == ',' || c == ';' || c == ':' || c == '-')
        return 1;
    /* U+2013 en dash, U+2014 em dash */
    return t->end - t->start == 3 && (unsigned char)c == 0xE2 &&
           (unsigned char)s[t->start + 1] == 0x80 &&
           ((unsigned char)s[t->start + 2] == 0x93 || (unsigned char)s[t->start + 2] == 0x94);
}

/* End of an over-long sentence [sb, e): after the last clause mark in
 * its final SEG_CUT_LOOKBACK tokens, else at e. */
static size_t long_cut(const char *s, const token *toks, size_t sb, size_t e)
{
    size_t lo = e - sb > SEG_CUT_LOOKBACK ? e - SEG_CUT_LOOKBACK : sb + 1;
    for (size_t k = e; k-- > lo;)
        if (clause_mark(s, &toks[k]))
            return k + 1;
    return e;
}

static int split_sentences(seg_state *st)
{
    segmentation *o = st->out;
    const char *s = st->text;
    size_t cap = 0, t = 0;
    for (size_t p = 0; p < o->n_paras; p++) {
        paragraph *pa = &o->paras[p];
        while (t < o->n_toks && o->toks[t].start < pa->start)
            t++;
        size_t p_begin = t, p_end = t;
        while (p_end < o->n_toks && o->toks[p_end].end <= pa->end)
            p_end++;
        size_t sb = p_begin;
        for (size_t i = p_begin; i < p_end; i++) {
            size_t after = i + 1;
            int last = i + 1 == p_end;
            int ends = last || ((is_terminal(s, &o->toks[i]) || dotted_word(s, &o->toks[i])) &&
                                ends_sentence(s, o->toks, i, p_begin, p_end, &after));
            if (!ends && i + 1 - sb >= SEG_MAX_SENTENCE_TOKENS) {
                after = long_cut(s, o->toks, sb, i + 1);
                ends = 1;
            }
            if (!ends)
                continue;
            if (last)
                after = p_end;
            if (o->n_sents == cap) {
                size_t nc = cap ? cap * 2 : 64;
                sentence *ns = cni_arena_grow(st->mem, o->sents, sizeof *ns, o->n_sents, nc);
                if (!ns)
                    return -1;
                o->sents = ns;
                cap = nc;
            }
            sentence *se = &o->sents[o->n_sents];
            se->tok_begin = (uint32_t)sb;
            se->tok_end = (uint32_t)after;
            se->start = o->toks[sb].start;
            se->end = o->toks[after - 1].end;
            se->paragraph = (uint32_t)p;
            for (size_t k = sb; k < after; k++)
                o->toks[k].sentence = (uint32_t)o->n_sents;
            o->toks[sb].flags |= TK_SENT_START;
            o->n_sents++;
            sb = after;
            i = after - 1;
        }
        t = p_end;
    }
    return 0;
}

size_t cni_seg_tokens_only(const char *text, size_t len, token *buf, size_t max)
{
    segmentation o;
    memset(&o, 0, sizeof o);
    o.toks = buf;
    seg_state st = {text, len, NULL, &o, max};
    if (tokenize(&st))
        return (size_t)-1;
    return o.n_toks;
}

int cni_seg_run(const char *text, size_t len, arena *mem, segmentation *out)
{
    memset(out, 0, sizeof *out);
    seg_state st = {text, len, mem, out, 0};
    if (tokenize(&st) || split_paragraphs(&st) || split_sentences(&st))
        return -1;
    for (size_t i = 0; i < out->n_toks; i++)
        if (out->toks[i].flags & (TK_WORD | TK_NUM))
            out->words++;
    return 0;
}
