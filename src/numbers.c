/* Number, money and quantity expressions in news text.
 *
 * num_next() is one left-to-right byte scan. Only a few kinds of position can
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
#include "numbers.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

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

typedef unsigned char uchar;

/* ---------------------------------------------------------------- bytes */

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alpha(int c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static int is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static int is_alnum(int c) { return is_digit(c) || is_alpha(c); }
static int lower(int c) { return is_upper(c) ? c + 32 : c; }

/* Bytes that make a character part of a word: ASCII letters, digits, '_',
 * and UTF-8 lead bytes of letters (Latin/Greek/Cyrillic C3-DF, CJK etc.
 * E3-EF). C2 (NBSP, £, ¥) and E2 (dashes, quotes, €, spaces) are not. */
static int is_word_lead(int c)
{
    return is_alnum(c) || c == '_' || (c >= 0xC3 && c <= 0xDF) || (c >= 0xE3 && c <= 0xEF);
}

static int word_at(const uchar *t, size_t len, size_t i) { return i < len && is_word_lead(t[i]); }

/* Is the character that ends just before i a word character? */
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

/* Skip the rest of a word: word bytes and UTF-8 continuation bytes. */
static size_t skip_word(const uchar *t, size_t len, size_t i)
{
    while (i < len && (is_word_lead(t[i]) || (t[i] & 0xC0) == 0x80))
        i++;
    return i;
}

/* Length of a white-space character at i: ASCII blanks, NBSP, narrow NBSP,
 * thin, figure and hair spaces (thousands separators in some styles). */
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

/* A thousands separator: a space, NBSP or thin space, never a line break. */
static size_t group_space_len(const uchar *t, size_t len, size_t i)
{
    return i < len && (t[i] == '\t' || t[i] == '\n' || t[i] == '\r') ? 0 : space_len(t, len, i);
}

static size_t skip_gap(const uchar *t, size_t len, size_t i)
{
    size_t n = 0, s;
    while (n < NUM_MAX_GAP && (s = space_len(t, len, i)) > 0) {
        i += s;
        n++;
    }
    return i;
}

/* Step back over up to NUM_MAX_GAP white-space characters ending at i. */
static size_t back_gap(const uchar *t, size_t i)
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
static size_t prev_word(const uchar *t, size_t i, char *buf, size_t bufsz, size_t *ws)
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
static size_t kw_match(const uchar *t, size_t len, size_t i, const char *p, int cs)
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

static size_t kw(const uchar *t, size_t len, size_t i, const char *p) { return kw_match(t, len, i, p, 0); }

static int is_minus_sign(const uchar *t, size_t len, size_t i)   /* U+2212 */
{
    return i + 2 < len && t[i] == 0xE2 && t[i + 1] == 0x88 && t[i + 2] == 0x92;
}

static int is_en_dash(const uchar *t, size_t len, size_t i)      /* U+2013 */
{
    return i + 2 < len && t[i] == 0xE2 && t[i + 1] == 0x80 && t[i + 2] == 0x93;
}

/* ------------------------------------------------------------- tables */

typedef struct {
    const char *s;
    const char *code;
} str_map;

/* Currency written before the number. Letter codes are matched exactly
 * (case-sensitive) so that "try 3 times" is not Turkish lira. */
static const str_map cur_prefix_tab[] = {
    {"US$", "USD"}, {"CA$", "CAD"}, {"AU$", "AUD"}, {"HK$", "HKD"}, {"NZ$", "NZD"},
    {"MX$", "MXN"}, {"NT$", "TWD"}, {"C$", "CAD"}, {"A$", "AUD"}, {"S$", "SGD"},
    {"R$", "BRL"}, {"$", "USD"},
    {"\xC2\xA3", "GBP"}, {"\xE2\x82\xAC", "EUR"}, {"\xC2\xA5", "JPY"}, {"\xE2\x82\xB9", "INR"},
    {"\xE2\x82\xA9", "KRW"}, {"\xE2\x82\xBD", "RUB"}, {"\xE2\x82\xBA", "TRY"},
    {"Rs.", "INR"}, {"Rs", "INR"}, {"Rmb", "CNY"}, {"RMB", "CNY"},
    {"USD", "USD"}, {"EUR", "EUR"}, {"GBP", "GBP"}, {"JPY", "JPY"}, {"CNY", "CNY"},
    {"INR", "INR"}, {"KRW", "KRW"}, {"CHF", "CHF"}, {"SEK", "SEK"}, {"NOK", "NOK"},
    {"DKK", "DKK"}, {"CAD", "CAD"}, {"AUD", "AUD"}, {"BRL", "BRL"}, {"RUB", "RUB"},
    {"TRY", "TRY"}, {"PLN", "PLN"}, {"CZK", "CZK"}, {"HUF", "HUF"}, {"MXN", "MXN"},
    {"ZAR", "ZAR"}, {"HKD", "HKD"}, {"SGD", "SGD"}, {"NZD", "NZD"}, {"TWD", "TWD"},
    {"THB", "THB"}, {"IDR", "IDR"}, {"MYR", "MYR"},
};

/* Currency words after the number (case-insensitive, longest first). */
static const str_map cur_word_tab[] = {
    {"us dollars", "USD"}, {"canadian dollars", "CAD"}, {"australian dollars", "AUD"},
    {"hong kong dollars", "HKD"}, {"singapore dollars", "SGD"}, {"new zealand dollars", "NZD"},
    {"swiss francs", "CHF"}, {"pounds sterling", "GBP"},
    {"dollars", "USD"}, {"dollar", "USD"}, {"euros", "EUR"}, {"euro", "EUR"},
    {"pounds", "GBP"}, {"pound", "GBP"}, {"sterling", "GBP"}, {"yen", "JPY"},
    {"yuan", "CNY"}, {"renminbi", "CNY"}, {"rupees", "INR"}, {"rupee", "INR"},
    {"won", "KRW"}, {"kronor", "SEK"}, {"krona", "SEK"}, {"francs", "CHF"},
    {"roubles", "RUB"}, {"rubles", "RUB"}, {"lira", "TRY"}, {"zlotys", "PLN"},
    {"zloty", "PLN"}, {"koruna", "CZK"}, {"forints", "HUF"}, {"forint", "HUF"},
    {"pesos", "MXN"}, {"rand", "ZAR"}, {"reais", "BRL"}, {"ringgit", "MYR"},
    {"baht", "THB"}, {"rupiah", "IDR"},
};

/* Physical units after the number (spaced). Longest first. */
static const str_map unit_tab[] = {
    {"gwh", "GWh"}, {"mwh", "MWh"}, {"kwh", "kWh"}, {"gw", "GW"}, {"mw", "MW"}, {"kw", "kW"},
    {"km/h", "km/h"}, {"kph", "km/h"}, {"kmh", "km/h"}, {"km", "km"},
    {"kilometres", "km"}, {"kilometers", "km"}, {"kilometre", "km"}, {"kilometer", "km"},
    {"miles", "miles"}, {"mile", "miles"}, {"mph", "mph"},
    {"kg", "kg"}, {"kilograms", "kg"}, {"kilogrammes", "kg"}, {"kilogram", "kg"},
    {"metric tonnes", "tonnes"}, {"metric tons", "tonnes"}, {"tonnes", "tonnes"},
    {"tonne", "tonnes"}, {"tons", "tonnes"},
    {"horsepower", "hp"}, {"bhp", "hp"}, {"hp", "hp"},
};

enum { SX_SCALE, SX_ORD, SX_DECADE, SX_TIME, SX_PCT, SX_PP, SX_PENCE, SX_UNIT };
typedef struct {
    const char *s;
    int kind;
    int v;                /* SX_SCALE: power of ten */
    const char *unit;     /* SX_UNIT */
} sfx_ent;

/* Suffixes allowed glued to digits ("1.5m", "3rd", "1990s", "9pm", "16.2pc",
 * "50p", "77kWh"). Any other letters glued to digits reject the token. */
static const sfx_ent glued_tab[] = {
    {"m", SX_SCALE, 6, NULL}, {"mn", SX_SCALE, 6, NULL}, {"mln", SX_SCALE, 6, NULL},
    {"million", SX_SCALE, 6, NULL}, {"b", SX_SCALE, 9, NULL}, {"bn", SX_SCALE, 9, NULL},
    {"bln", SX_SCALE, 9, NULL}, {"billion", SX_SCALE, 9, NULL}, {"k", SX_SCALE, 3, NULL},
    {"thousand", SX_SCALE, 3, NULL}, {"tn", SX_SCALE, 12, NULL}, {"trn", SX_SCALE, 12, NULL},
    {"trillion", SX_SCALE, 12, NULL}, {"cr", SX_SCALE, 7, NULL}, {"crore", SX_SCALE, 7, NULL},
    {"crores", SX_SCALE, 7, NULL}, {"lakh", SX_SCALE, 5, NULL}, {"lakhs", SX_SCALE, 5, NULL},
    {"st", SX_ORD, 0, NULL}, {"nd", SX_ORD, 0, NULL}, {"rd", SX_ORD, 0, NULL}, {"th", SX_ORD, 0, NULL},
    {"s", SX_DECADE, 0, NULL}, {"am", SX_TIME, 0, NULL}, {"pm", SX_TIME, 0, NULL},
    {"pc", SX_PCT, 0, NULL}, {"pct", SX_PCT, 0, NULL}, {"percent", SX_PCT, 0, NULL},
    {"pp", SX_PP, 0, NULL}, {"ppt", SX_PP, 0, NULL}, {"p", SX_PENCE, 0, NULL},
    {"gwh", SX_UNIT, 0, "GWh"}, {"mwh", SX_UNIT, 0, "MWh"}, {"kwh", SX_UNIT, 0, "kWh"},
    {"gw", SX_UNIT, 0, "GW"}, {"mw", SX_UNIT, 0, "MW"}, {"kw", SX_UNIT, 0, "kW"},
    {"km", SX_UNIT, 0, "km"}, {"kg", SX_UNIT, 0, "kg"}, {"mph", SX_UNIT, 0, "mph"},
    {"kph", SX_UNIT, 0, "km/h"}, {"kmh", SX_UNIT, 0, "km/h"}, {"hp", SX_UNIT, 0, "hp"},
    {"bhp", SX_UNIT, 0, "hp"},
};

/* Scale words after a space. The one-letter forms need a currency ("£5 m"). */
static const sfx_ent spaced_scale_tab[] = {
    {"million", SX_SCALE, 6, NULL}, {"billion", SX_SCALE, 9, NULL}, {"trillion", SX_SCALE, 12, NULL},
    {"thousand", SX_SCALE, 3, NULL}, {"crores", SX_SCALE, 7, NULL}, {"crore", SX_SCALE, 7, NULL},
    {"lakhs", SX_SCALE, 5, NULL}, {"lakh", SX_SCALE, 5, NULL}, {"bn", SX_SCALE, 9, NULL},
    {"bln", SX_SCALE, 9, NULL}, {"mn", SX_SCALE, 6, NULL}, {"mln", SX_SCALE, 6, NULL},
    {"tn", SX_SCALE, 12, NULL}, {"trn", SX_SCALE, 12, NULL},
    {"m", SX_SCALE, -6, NULL}, {"k", SX_SCALE, -3, NULL},   /* negative: money only */
};

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

/* Sorted (strcmp order) for binary search; num_selftest() checks it. */
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

/* Generated from word_tab: first entry per initial letter, and which word
 * lengths occur per initial letter (bit n: some word has n letters), so that
 * most words of running text are rejected without a string compare. */
static const unsigned char word_first[27] = {0, 11, 15, 18, 19, 29, 45, 45, 48, 49, 50, 50, 52, 56, 64, 67, 67, 69, 70, 84, 102, 105, 105, 106, 106, 106, 107};
static const unsigned int word_lens[26] = {0x206e, 0xe0, 0x20, 0x20, 0x7e0, 0x7f0, 0x0, 0x290, 0x4, 0x10, 0x0, 0x10, 0x2b0, 0x774, 0x18, 0x0, 0x180, 0x80, 0xff8, 0x7e8, 0xa4, 0x0, 0x10, 0x0, 0x0, 0x10};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const month_tab[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
};
static const char *const month_abbr_tab[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static const double p10_tab[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* v * 10^e, exact for small mantissas and |e| <= 22; capped at NUM_VALUE_MAX. */
static double mul_p10(double v, int e, int *ovf)
{
    double r;
    if (v == 0)
        return 0;
    if (e > NUM_MAX_EXP)
        e = NUM_MAX_EXP;
    if (e < -NUM_MAX_EXP)
        e = -NUM_MAX_EXP;
    if (e >= 0)
        r = e < (int)COUNT(p10_tab) ? v * p10_tab[e] : v * pow(10.0, e);
    else
        r = -e < (int)COUNT(p10_tab) ? v / p10_tab[-e] : v / pow(10.0, -e);
    if (!(r <= NUM_VALUE_MAX)) {
        *ovf = 1;
        r = NUM_VALUE_MAX;
    }
    return r;
}

/* ---------------------------------------------------------- lookups */

/* The clean ASCII word at i (followed by a non-word byte), looked up. */
static const word_ent *word_entry(const uchar *t, size_t len, size_t i, size_t *end)
{
    char buf[NUM_MAX_WORD + 1];
    size_t n = 0, j = i, lo, hi;
    int f;
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
    if (!(word_lens[f] & (1u << n)))
        return NULL;
    buf[n] = '\0';
    lo = word_first[f];
    hi = word_first[f + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(buf, word_tab[mid].w);
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

/* Currency before the number at i: returns where the digits start (after an
 * optional gap), with the ISO code in *code; 0 when there is none. */
static size_t currency_prefix(const uchar *t, size_t len, size_t i, const char **code)
{
    size_t k;
    if (i >= len)
        return 0;
    /* quick reject: symbols start with '$', C2 or E2; letter codes are two
     * capitals, or "Rs"/"Rmb", or a capital and '$' */
    if (is_upper(t[i])) {
        if (i + 1 >= len || !(is_upper(t[i + 1]) || t[i + 1] == '$' || t[i + 1] == 's' || t[i + 1] == 'm'))
            return 0;
    } else if (t[i] != '$' && t[i] != 0xC2 && t[i] != 0xE2) {
        return 0;
    }
    for (k = 0; k < COUNT(cur_prefix_tab); k++) {
        const char *s = cur_prefix_tab[k].s;
        size_t n, j;
        if ((uchar)s[0] != t[i])
            continue;
        n = strlen(s);
        if (i + n > len || memcmp(t + i, s, n) != 0)
            continue;
        if (is_alpha((uchar)s[n - 1]) && i + n < len && is_alpha(t[i + n]))
            continue;
        j = skip_gap(t, len, i + n);
        if (j < len && is_digit(t[j])) {
            if (code)
                *code = cur_prefix_tab[k].code;
            return j;
        }
    }
    return 0;
}

static int month_word(const uchar *t, size_t s, size_t e)   /* capitalised month name: 1..12 */
{
    char buf[NUM_MAX_WORD];
    size_t n = e - s, k;
    if (n < 3 || n >= sizeof buf || !is_upper(t[s]))
        return 0;
    for (k = 0; k < n; k++)
        buf[k] = (char)lower(t[s + k]);
    buf[n] = '\0';
    for (k = 0; k < 12; k++)
        if (strcmp(buf, month_tab[k]) == 0 || strcmp(buf, month_abbr_tab[k]) == 0)
            return (int)k + 1;
    return strcmp(buf, "sept") == 0 ? 9 : 0;
}

/* ------------------------------------------------------------ parsing */

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

/* Skip a token made of word characters joined by '.', '-', '/', ':'. */
static size_t skip_chain(const uchar *t, size_t len, size_t i)
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
    if (n1 <= 3) {
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
        c->value = mul_p10(c->wval, c->extra_e, &ovf);
    else
        c->value = mul_p10((double)c->mant, c->e + c->scale_e + c->minor + c->extra_e, &ovf);
    if (ovf)
        c->flags |= NUM_OVERFLOW;
    if (c->neg)
        c->value = -c->value;
}

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
            if (strcmp(buf, before_no[k]) == 0)
                return 0;
        for (k = 0; k < COUNT(qual_before); k++)
            if (strcmp(buf, qual_before[k]) == 0)
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
static int parse_words(const uchar *t, size_t len, size_t i, core *c)
{
    double total = 0, cur = 0;
    int last = W_NONE, min_scale = 99, scale_e = 0, ord = 0, frac = 0, done = 0, hundred = 0;
    size_t j = i, wend = i, acc_end = 0;
    unsigned nw = 0;
    const word_ent *e;

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
                total += mul_p10(cur, e->v, &ovf);
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
                cur = mul_p10(cur, e->v, &ovf);            /* "one millionth" */
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
            cur = mul_p10(cur, sc, &ovf);
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

/* '%', "per cent", "percent", "pct", "percentage points", "% points". */
static size_t match_percent(const uchar *t, size_t len, size_t i, const char **unit)
{
    size_t j = skip_gap(t, len, i), k;
    if (j < len && (t[j] == '%' || (j + 2 < len && t[j] == 0xEF && t[j + 1] == 0xBC && t[j + 2] == 0x85))) {
        j += t[j] == '%' ? 1 : 3;
        if ((k = kw(t, len, j, " points")) || (k = kw(t, len, j, " point"))) {
            *unit = "percentage-points";
            return k;
        }
        *unit = "percent";
        return j;
    }
    if (j > i ? (j >= len || lower(t[j]) != 'p') : !(i + 1 < len && t[i] == '-' && lower(t[i + 1]) == 'p'))
        return 0;                         /* words below need a gap or '-' and start with 'p' */
    if ((k = kw(t, len, i, " percentage points")) || (k = kw(t, len, i, " percentage point"))) {
        *unit = "percentage-points";
        return k;
    }
    if ((k = kw(t, len, i, " per cent")) || (k = kw(t, len, i, " percent")) || (k = kw(t, len, i, " pct"))) {
        *unit = "percent";
        return k;
    }
    return 0;
}

/* The suffix part of a digit core: glued letters, spaced scale, am/pm. */
static int digit_suffixes(const uchar *t, size_t len, core *c, const lit *L, int has_cur, size_t *j, size_t *skip)
{
    size_t s = *j, k;
    int integer = L->n_frac == 0;
    int decade_ok = integer && !L->sep && L->ival % 10 == 0 &&
                    ((L->n_int == 4 && L->ival >= 1000) || L->n_int == 2);
    int time_ok = !has_cur && !L->sep &&
                  ((integer && L->ival >= 1 && L->ival <= 12) ||
                   (L->n_frac == 2 && L->ival <= 12 && L->mant % 100 < 60));

    /* "1990's", "1990’s" */
    if (decade_ok && s + 1 < len && t[s] == '\'' && lower(t[s + 1]) == 's' && !word_at(t, len, s + 2)) {
        c->flags |= NUM_DECADE;
        *j = s + 2;
        return 1;
    }
    if (decade_ok && s + 3 < len && t[s] == 0xE2 && t[s + 1] == 0x80 && t[s + 2] == 0x99 &&
        lower(t[s + 3]) == 's' && !word_at(t, len, s + 4)) {
        c->flags |= NUM_DECADE;
        *j = s + 4;
        return 1;
    }
    if (time_ok && (kw(t, len, s, "a.m.") || kw(t, len, s, "p.m."))) {
        c->flags |= NUM_TIME;
        *j = s + 4;
        return 1;
    }
    if (s < len && is_alpha(t[s])) {
        char buf[NUM_MAX_SUFFIX + 1];
        size_t e = s, n, q;
        const sfx_ent *x = NULL;
        while (e < len && is_alpha(t[e]))
            e++;
        n = e - s;
        if (word_at(t, len, e) || n > NUM_MAX_SUFFIX) {
            *skip = skip_chain(t, len, s);
            return 0;
        }
        for (q = 0; q < n; q++)
            buf[q] = (char)lower(t[s + q]);
        buf[n] = '\0';
        for (q = 0; q < COUNT(glued_tab); q++)
            if (strcmp(buf, glued_tab[q].s) == 0) {
                x = &glued_tab[q];
                break;
            }
        if (!x)
            goto reject;
        switch (x->kind) {
        case SX_SCALE:
            c->scale_e = x->v;
            c->flags |= NUM_SCALED;
            break;
        case SX_ORD:
            if (!integer)
                goto reject;
            c->flags |= NUM_ORDINAL;
            break;
        case SX_DECADE:
            if (!decade_ok)
                goto reject;
            c->flags |= NUM_DECADE;
            break;
        case SX_TIME:
            if (!time_ok)
                goto reject;
            c->flags |= NUM_TIME;
            break;
        case SX_PCT:
            c->unit = "percent";
            c->flags |= NUM_PERCENT;
            break;
        case SX_PP:
            c->unit = "percentage-points";
            c->flags |= NUM_PERCENT;
            break;
        case SX_PENCE:
            if (has_cur || L->ival > NUM_PENCE_MAX || (integer && (L->ival == 360 || L->ival == 480 || L->ival == 720)))
                goto reject;
            c->unit = "GBP";
            c->minor = -2;
            c->flags |= NUM_MONEY;
            break;
        default:
            c->unit = x->unit;
            if (strcmp(x->unit, "km") == 0 && e + 1 < len && t[e] == '/' && lower(t[e + 1]) == 'h' &&
                !word_at(t, len, e + 2)) {
                c->unit = "km/h";
                e += 2;
            }
            break;
        }
        *j = e;
    }
    /* spaced scale word: "1.52 million", "Rs 500 crore", "£5 m" */
    if (!c->scale_e && !c->unit && !(c->flags & (NUM_ORDINAL | NUM_DECADE | NUM_TIME))) {
        size_t g = skip_gap(t, len, *j);
        if (g > *j && g < len && is_alpha(t[g]))
            for (k = 0; k < COUNT(spaced_scale_tab); k++) {
                const sfx_ent *x = &spaced_scale_tab[k];
                size_t m;
                if ((x->v < 0 && !has_cur) || x->s[0] != lower(t[g]))
                    continue;
                if ((m = kw(t, len, g, x->s)) != 0) {
                    c->scale_e = x->v < 0 ? -x->v : x->v;
                    c->flags |= NUM_SCALED;
                    *j = m;
                    break;
                }
            }
    }
    /* spaced am/pm: "9 pm", "10.30 a.m." */
    if (time_ok && !c->scale_e && !c->unit && !(c->flags & (NUM_ORDINAL | NUM_DECADE | NUM_TIME))) {
        size_t g = skip_gap(t, len, *j), m;
        if (g > *j && ((m = kw(t, len, g, "am")) || (m = kw(t, len, g, "pm")) ||
                       (m = kw(t, len, g, "a.m.")) || (m = kw(t, len, g, "p.m.")))) {
            c->flags |= NUM_TIME;
            *j = m;
        }
    }
    return 1;
reject:
    *skip = skip_chain(t, len, s);
    return 0;
}

/* Percent, currency word or physical unit after the number. */
static void postfix_units(const uchar *t, size_t len, core *c, int has_cur, size_t *j)
{
    size_t k, m, g;
    int fc;
    if (c->unit || (c->flags & (NUM_ORDINAL | NUM_DECADE | NUM_TIME)))
        return;
    if (!has_cur && (m = match_percent(t, len, *j, &c->unit)) != 0) {
        c->flags |= NUM_PERCENT;
        *j = m;
        return;
    }
    g = skip_gap(t, len, *j);
    if (has_cur || g == *j || g >= len || !(is_alpha(t[g]) || t[g] == 0xE2))
        return;
    fc = lower(t[g]);
    if (!c->minor && (m = kw(t, len, g, "pence")) != 0) {
        c->unit = "GBP";
        c->minor = -2;
        c->flags |= NUM_MONEY;
        *j = m;
        return;
    }
    if (g + 2 < len && t[g] == 0xE2 && t[g + 1] == 0x82 && t[g + 2] == 0xAC) {   /* "500 €" */
        c->unit = "EUR";
        c->flags |= NUM_MONEY;
        *j = g + 3;
        return;
    }
    for (k = 0; k < COUNT(cur_word_tab); k++) {
        const char *w = cur_word_tab[k].s;
        if (w[0] != fc || (m = kw(t, len, g, w)) == 0)
            continue;
        if (strcmp(w, "euro") == 0 && t[g] != 'e')       /* "5 Euro NCAP stars" */
            continue;
        if (strcmp(w, "won") == 0 && !c->scale_e && !c->sep && c->value < NUM_WON_MIN && !c->words)
            continue;
        if (strcmp(w, "won") == 0 && c->words && !c->scale_e)
            continue;
        c->unit = cur_word_tab[k].code;
        c->flags |= NUM_MONEY;
        *j = m;
        return;
    }
    for (k = 0; k < COUNT(cur_prefix_tab); k++) {          /* "10bn EUR" */
        const char *s = cur_prefix_tab[k].s;
        if ((uchar)s[0] == t[g] && strlen(s) == 3 && is_upper((uchar)s[0]) && is_upper((uchar)s[2]) && (m = kw_match(t, len, g, s, 1))) {
            c->unit = cur_prefix_tab[k].code;
            c->flags |= NUM_MONEY;
            *j = m;
            return;
        }
    }
    for (k = 0; k < COUNT(unit_tab); k++)
        if (unit_tab[k].s[0] == fc && (m = kw(t, len, g, unit_tab[k].s)) != 0) {
            c->unit = unit_tab[k].code;
            *j = m;
            return;
        }
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
        if (t[j] == '-' && j + 1 < len && (is_digit(t[j + 1]) || currency_prefix(t, len, j + 1, NULL))) {
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
    if ((k = currency_prefix(t, len, j, &cur)) != 0)
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
        } else if (!digit_suffixes(t, len, c, &L, cur != NULL, &j, skip)) {
            return 0;
        }
    } else if (!cur && j < len && is_alpha(t[j])) {
        if (!parse_words(t, len, j, c)) {
            *skip = skip_word(t, len, j);
            return 0;
        }
        j = c->end;
    } else {
        return 0;
    }
    c->value = 0;
    core_finish(c);                    /* value is needed by the "won" rule */
    postfix_units(t, len, c, cur != NULL, &j);
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
    if (k >= len || (hy && !is_digit(t[k]) && !currency_prefix(t, len, k, NULL)))
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

/* Can a letter at i (a word start) open an expression? */
static int letter_may_start(const uchar *t, size_t len, size_t i)
{
    const word_ent *e;
    if (is_upper(t[i]) && currency_prefix(t, len, i, NULL))
        return 1;
    e = word_entry(t, len, i, NULL);
    return e && (e->qual || e->kind == W_A || e->kind == W_UNIT || e->kind == W_TEEN ||
                 e->kind == W_TENS || e->kind == W_ORD || e->kind == W_HALF ||
                 e->kind == W_MINUS || e->kind == W_BETWEEN);
}

static int parse_expr(const uchar *t, size_t len, size_t i, num_expr *out, size_t *resume)
{
    core a, b;
    size_t cs = i, sk = i + 1, q;
    const char *qual = NULL;
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
        for (q = 0; q < COUNT(qual_tab); q++) {
            size_t m, k;
            if (qual_tab[q].pat[0] != lower(t[i]) || (m = kw(t, len, i, qual_tab[q].pat)) == 0)
                continue;
            k = skip_gap(t, len, m);
            if (k > m && parse_core(t, len, k, &a, &sk, 1)) {
                qual = qual_tab[q].norm;
                cs = k;
            } else if (sk > *resume) {
                *resume = sk;
            }
            break;
        }
    }
    if (!qual && !parse_core(t, len, cs, &a, &sk, 1)) {
        if (sk > *resume)
            *resume = sk;
        return 0;
    }
    if (prev_word(t, i, pw, sizeof pw, NULL) && (strcmp(pw, "from") == 0 || strcmp(pw, "by") == 0))
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
            if (strcmp(buf, prefixes[k]) == 0)
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
    return is_digit(t[i + n]) || currency_prefix(t, len, i + n, NULL);
}

static int scan(const uchar *t, size_t len, size_t i, num_expr *out, int only_here)
{
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
            if (word_before(t, i) || !letter_may_start(t, len, i))
                resume = skip_word(t, len, i);
            else
                cand = 1;
        } else if (c == '-' || c == '+') {
            cand = sign_start_ok(t, len, i, 1);
        } else if (c == '$' || c == 0xC2 || c == 0xE2) {
            cand = currency_prefix(t, len, i, NULL) != 0 ||
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

int num_next(const char *text, size_t len, size_t pos, num_expr *out)
{
    if (!text || !out)
        return 0;
    return scan((const uchar *)text, len, pos, out, 0);
}

int num_at(const char *text, size_t len, size_t pos, num_expr *out)
{
    if (!text || !out || pos >= len)
        return 0;
    return scan((const uchar *)text, len, pos, out, 1);
}

int num_selftest(void)
{
    size_t k;
    for (k = 1; k < COUNT(word_tab); k++)
        if (strcmp(word_tab[k - 1].w, word_tab[k].w) >= 0)
            return 0;
    for (k = 0; k < COUNT(word_tab); k++) {
        const char *w = word_tab[k].w;
        int f = w[0] - 'a';
        if (strlen(w) > NUM_MAX_WORD || f < 0 || f >= 26 || k < word_first[f] || k >= word_first[f + 1] ||
            !(word_lens[f] & (1u << strlen(w))))
            return 0;
    }
    for (k = 0; k < COUNT(glued_tab); k++)
        if (strlen(glued_tab[k].s) > NUM_MAX_SUFFIX)
            return 0;
    return 1;
}
