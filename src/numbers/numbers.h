/* Number, money and period expressions in news text (figure extraction). */
#ifndef CN_NUMBERS_H
#define CN_NUMBERS_H
#include <stddef.h>
enum {
    NUM_RANGE    = 1u << 0,  /* "3,000-4,000", "between £1,500 and £1,700": value = low, value_hi = high */
    NUM_WORDS    = 1u << 1,  /* spelled out: "two million", "half a million", "a third" */
    NUM_YEAR     = 1u << 2,  /* looks like a year: bare 4 digits 1900-2100, no separator/unit/scale ("2024", "2023/24" counts too) */
    NUM_ORDINAL  = 1u << 3,  /* "1st", "second", "ninth" */
    NUM_NEGATIVE = 1u << 4,  /* "-5%", "minus 3", "−2.3" */
    NUM_DECADE   = 1u << 5,  /* "1990s" */
    NUM_MONEY    = 1u << 6,  /* has a currency */
    NUM_SCALED   = 1u << 7,  /* has a scale word/suffix: million, bn, m, k, thousand, billion, trillion, crore, lakh */
    NUM_PERCENT  = 1u << 8,  /* unit "percent" or "percentage-points" */
    NUM_TIME     = 1u << 9,  /* clock time / part of a date: "10.30am", "12 March" day number, "March 12" */
    NUM_OVERFLOW = 1u << 10  /* magnitude beyond 1e300 (absurd digit runs): value is capped at 1e300 */
};
typedef struct {
    size_t start, end;       /* byte span of the whole expression, including currency, qualifier ("more than"), scale and "per cent"/"percent"/"%"/"pc"/"percentage points" */
    size_t num_start;        /* where the qualifier ends and the number expression proper starts */
    double value;            /* the full number: "£1.2bn" -> 1.2e9, "16.2%" -> 16.2, "1.52 million" -> 1520000, "half a million" -> 500000 */
    double value_hi;         /* high end of a range, else == value */
    const char *unit;        /* static string or NULL (plain count): "percent", "percentage-points", an ISO 4217 code for money ("GBP","USD","EUR","CNY","JPY","INR","KRW","CHF","SEK","CAD","AUD","BRL","RUB","TRY","PLN","CZK","HUF","MXN","ZAR"...), "GWh", "MWh", "kWh", "GW", "MW", "kW", "km", "km/h", "miles", "mph", "kg", "tonnes", "hp" */
    const char *qualifier;   /* static string or NULL: "about", "nearly", "almost", "more than", "over", "less than", "under", "up to", "at least", "around", "roughly", "some", "approximately", "just over", "just under" ... normalised lower case; "between" for between-and ranges */
    unsigned flags;
} num_expr;
/* Find the next number expression starting at or after byte pos. Returns 1 and fills *out, or 0 when none is left. Expressions never overlap: callers continue from out->end.
 * Years, decades, ordinals, clock times and day numbers next to a month name are returned (flagged) so the caller can skip them.
 * Skipped entirely (never returned): digits glued to letters ("EX30", "MG4", "4x4", "COVID-19", "F-150", "ID.3"), version-like and
 * dotted/slashed/hyphenated date chains ("1.2.3", "12.03.2024", "12/03/2024", "2024-03-12"), phone numbers and codes with a leading zero.
 * Clock times keep the digits as written: "10.30am" and "10:30" -> 10.3. Pence are converted: "50p" -> 0.5 GBP. */
int cni_num_next(const char *text, size_t len, size_t pos, num_expr *out);

/* Like cni_num_next, but only an expression starting exactly at pos (a qualifier may open it). Returns 1 and fills *out, or 0. */
int cni_num_at(const char *text, size_t len, size_t pos, num_expr *out);

/* Internal consistency check of the keyword tables (sorted for binary search). Returns 1 when sound. For the unit tests. */
int cni_num_selftest(void);

/* Periods. published is "YYYY-MM-DD" or NULL. Finds the first period expression in text[0..len) (a sentence) and writes its normalised form into out (NUL-terminated): "in 2024" -> "2024"; "in August" -> "2024-08" when published is in 2024 (a month later than the published month means the previous year); "August 2023" -> "2023-08"; "the first half" / "H1" / "first six months" -> "2024-H1" (year from the sentence if present, else from published); "Q3" / "third quarter" -> "2024-Q3"; "last year" -> published year - 1; "this year" -> published year; "2023/24" or "financial year 2023/24" -> "FY2023/24"; "FY24" -> "FY2024"; "the first nine months" -> "2024-01/2024-09"; "last month" -> previous month. When a relative period cannot be resolved (no published date), write the matched text as written (e.g. "last year"). Returns 1 and sets *mstart and *mend to the matched span, or 0. Do not treat "2024" inside a model name or a number with units as a period.
 * Also: "Q3 FY24" -> "FY2024-Q3"; "2020-2024" -> "2020-2024"; "next year"/"this month"/"next month"/"last quarter" resolve likewise.
 * The span never includes a leading "in"/"the". */
int cni_period_find(const char *text, size_t len, const char *published, char *out, size_t outsz, size_t *mstart, size_t *mend);
#endif
