/* Currencies, percentages, scale suffixes and physical units around a number ("£1.2bn", "16.2%", "77kWh"). */
#include <pthread.h>
#include <string.h>

#include "numbers_impl.h"

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
    {"baht", "THB"}, {"rupiah", "IDR"}, {"dirhams", "MAD"}, {"dirham", "MAD"},
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

/* ---------------------------------------------------------- parsing */

/* Currency before the number at i: returns where the digits start (after an
 * optional gap), with the ISO code in *code; 0 when there is none. */
/* The currency prefixes by first byte, in table order (the first match
 * wins): most capitalised words start none. */
#define CUR_PER_BYTE 8
static uint8_t cur_by_first[256][CUR_PER_BYTE];
static uint8_t cur_n_first[256];
static pthread_once_t cur_once = PTHREAD_ONCE_INIT;

static void build_cur_index(void)
{
    for (size_t k = 0; k < COUNT(cur_prefix_tab); k++) {
        uchar f = (uchar)cur_prefix_tab[k].s[0];
        if (cur_n_first[f] < CUR_PER_BYTE)
            cur_by_first[f][cur_n_first[f]++] = (uint8_t)k;
    }
}

static int cur_index_complete(void)
{
    pthread_once(&cur_once, build_cur_index);
    size_t n = 0;
    for (int f = 0; f < 256; f++)
        n += cur_n_first[f];
    return n == COUNT(cur_prefix_tab);      /* no byte has more than CUR_PER_BYTE */
}

size_t cni_num_currency_prefix(const uchar *t, size_t len, size_t i, const char **code)
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
    pthread_once(&cur_once, build_cur_index);
    for (size_t q = 0; q < cur_n_first[t[i]]; q++) {
        k = cur_by_first[t[i]][q];
        const char *s = cur_prefix_tab[k].s;
        size_t n, j;
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
int cni_num_digit_suffixes(const uchar *t, size_t len, core *c, const lit *L, int has_cur, size_t *j, size_t *skip)
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
            if (STR_EQ(buf, glued_tab[q].s)) {
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
            if (STR_EQ(x->unit, "km") && e + 1 < len && t[e] == '/' && lower(t[e + 1]) == 'h' &&
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
        /* "£4-bn", "$2-billion": a hyphen joins the scale after money */
        if (g == *j && has_cur && g + 1 < len && t[g] == '-' && is_alpha(t[g + 1]))
            g++;
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

static pair_filter cur_word_pairs, unit_pairs;
static pthread_once_t pairs_once = PTHREAD_ONCE_INIT;

static void build_pairs(void)
{
    for (size_t k = 0; k < COUNT(cur_word_tab); k++)
        pair_filter_add(&cur_word_pairs, cur_word_tab[k].s);
    for (size_t k = 0; k < COUNT(unit_tab); k++)
        pair_filter_add(&unit_pairs, unit_tab[k].s);
}

/* Percent, currency word or physical unit after the number. */
void cni_num_postfix_units(const uchar *t, size_t len, core *c, int has_cur, size_t *j)
{
    size_t k, m, g;
    int fc;
    pthread_once(&pairs_once, build_pairs);
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
    size_t n_words = pair_filter_may(&cur_word_pairs, t, len, g) ? COUNT(cur_word_tab) : 0;
    for (k = 0; k < n_words; k++) {
        const char *w = cur_word_tab[k].s;
        if (w[0] != fc || (m = kw(t, len, g, w)) == 0)
            continue;
        if (STR_EQ(w, "euro") && t[g] != 'e')       /* "5 Euro NCAP stars" */
            continue;
        if (STR_EQ(w, "won") && !c->scale_e && !c->sep && c->value < NUM_WON_MIN && !c->words)
            continue;
        if (STR_EQ(w, "won") && c->words && !c->scale_e)
            continue;
        c->unit = cur_word_tab[k].code;
        c->flags |= NUM_MONEY;
        *j = m;
        return;
    }
    size_t n_codes = is_upper(t[g]) ? COUNT(cur_prefix_tab) : 0;     /* codes are capitals */
    for (k = 0; k < n_codes; k++) {          /* "10bn EUR" */
        const char *s = cur_prefix_tab[k].s;
        if ((uchar)s[0] == t[g] && strlen(s) == 3 && is_upper((uchar)s[0]) && is_upper((uchar)s[2]) && (m = kw_match(t, len, g, s, 1))) {
            c->unit = cur_prefix_tab[k].code;
            c->flags |= NUM_MONEY;
            *j = m;
            return;
        }
    }
    size_t n_units = pair_filter_may(&unit_pairs, t, len, g) ? COUNT(unit_tab) : 0;
    for (k = 0; k < n_units; k++)
        if (unit_tab[k].s[0] == fc && (m = kw(t, len, g, unit_tab[k].s)) != 0) {
            c->unit = unit_tab[k].code;
            *j = m;
            return;
        }
}

int cni_num_suffix_selftest(void)
{
    size_t k;
    for (k = 0; k < COUNT(glued_tab); k++)
        if (strlen(glued_tab[k].s) > NUM_MAX_SUFFIX)
            return 0;
    return cur_index_complete();
}
