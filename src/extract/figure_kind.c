/* Figures: what a number measures, from the keyword rules nearest to it
 * in its clause ("sold", "capacity", "of all cars built for export"). */
#include <string.h>
#include <strings.h>

#include "bytes.h"
#include "doc.h"
#include "figures_impl.h"

int cni_fig_kind_allowed(const char *kind, unit_class uc)
{
    static const char *const money[] = {"investment", "price", "revenue", "profit",
                                        "sales", "other", NULL};
    static const char *const count[] = {"sales", "production", "registrations",
                                        "deliveries", "exports", "capacity", "jobs",
                                        "other", NULL};
    static const char *const scaled[] = {"sales", "production", "registrations",
                                         "deliveries", "exports", "capacity", "jobs",
                                         "investment", "revenue", "profit", "other", NULL};
    static const char *const percent[] = {"market-share", "exports", "other", NULL};
    const char *const *list = uc == U_MONEY ? money : uc == U_PERCENT ? percent
                            : uc == U_SCALED ? scaled : count;
    if (uc == U_OTHER)
        return STR_EQ(kind, "capacity") || STR_EQ(kind, "other");
    for (; *list; list++)
        if (STR_EQ(kind, *list))
            return 1;
    return 0;
}

/* What a level percentage of a count keyword means: "accounted for 80% of
 * exports" stays exports; of sales or registrations it is a share. */
static const char *percent_kind(const char *kind)
{
    if (STR_EQ(kind, "exports") || STR_EQ(kind, "market-share"))
        return kind;
    if (STR_EQ(kind, "sales") || STR_EQ(kind, "registrations") ||
        STR_EQ(kind, "production") || STR_EQ(kind, "deliveries"))
        return "market-share";
    return "other";
}

static int digit_between(const char *text, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (text[i] >= '0' && text[i] <= '9')
            return 1;
    return 0;
}

/* How far after "N% of" an export word makes the share an exports figure. */
#define EXPORT_REACH 60

/* " of" right after a percentage. */
static int of_after(const char *text, size_t x1)
{
    return strncmp(text + x1, " of ", 4) == 0;
}

/* "fell to 15.5%": only " to " (and at most one more space) between the
 * word ending at e and the number at x0. */
static int level_after(const char *text, size_t e, size_t x0)
{
    return x0 >= e + 4 && x0 <= e + 4 + 1 && strncmp(text + x0 - 4, " to ", 4) == 0;
}

#define COUNT_COMMA_REACH 200
/* In [a,b): a number of three or more digits that is not a year, with no
 * ", " before it and one after it. */
static int count_then_comma(const char *text, size_t a, size_t b)
{
    if (b > a + COUNT_COMMA_REACH)
        return 0;       /* a word this far off is no nearer for it */
    size_t i = a;
    while (i < b) {
        if (i + 1 < b && text[i] == ',' && text[i + 1] == ' ')
            return 0;       /* the word's clause ended before any count */
        if (text[i] < '0' || text[i] > '9') {
            i++;
            continue;
        }
        size_t j = i, digits = 0;
        while (j < b && ((text[j] >= '0' && text[j] <= '9') ||
                         (text[j] == ',' && j + 1 < b && text[j + 1] >= '0' && text[j + 1] <= '9'))) {
            digits += text[j] != ',';
            j++;
        }
        int year = j - i == 4 && (text[i] == '1' || text[i] == '2') && digits == 4;
        if (digits >= 3 && !year)
            for (size_t k = j; k + 1 < b; k++)
                if (text[k] == ',' && text[k + 1] == ' ')
                    return 1;
        i = j;
    }
    return 0;
}

/* How far "capacity" reaches to make a production figure a capacity. */
#define CAPACITY_REACH 40

/* Kind of the figure at [x0,x1): the allowed keyword rule nearest to it. */
const char *cni_fig_kind(const char *text, const rx_hit *h, size_t nh, size_t base,
                         size_t x0, size_t x1, unit_class uc, int *loss)
{
    const char *best = NULL;
    size_t best_gap = (size_t)-1;
    *loss = 0;
    for (size_t k = 0; k < nh; k++) {
        const char *kind = h[k].label;
        int is_loss = STR_EQ(kind, "loss");
        if (is_loss)
            kind = "profit";
        /* a rise word before "to" says nothing of what the level it
         * reached is: "its share fell to 15.5%" */
        if (uc == U_PERCENT) {
            if (STR_EQ(h[k].label, "change") && level_after(text, base + h[k].end, x0))
                continue;
            kind = percent_kind(kind);
        }
        if (!cni_fig_kind_allowed(kind, uc))
            continue;
        size_t ks = base + h[k].start, ke = base + h[k].end;
        /* Keywords after the number ("16,617 cars sold") read as closely
         * as those before it ("sold 16,617"), within one clause. */
        size_t g = cni_fig_gap(x0, x1, ks, ke);
        if (ke <= x0 ? cni_fig_crosses_clause(text, ke, x0) : cni_fig_crosses_clause(text, x1, ks))
            g += CLAUSE_PENALTY;
        /* "4.1 billion or 7.9% of revenues": a word after another number is
         * that number's ("revenues fell 8% to €142bn" reads on, before) */
        if (ks >= x1 && digit_between(text, x1, ks))
            g += CLAUSE_PENALTY;
        /* "sales, including exports of 21,951 units, rose to 2,06,434": a
         * word before another count and a comma is that count's */
        if (ke <= x0 && count_then_comma(text, ke, x0))
            g += CLAUSE_PENALTY;
        if (g < best_gap) {
            best_gap = g;
            best = kind;
            *loss = is_loss;
        }
    }
    if (best && uc == U_MONEY && STR_EQ(best, "sales"))
        best = "revenue";
    /* "53.4% of all cars built for export", "80% of UK-made cars are sent
     * overseas": a share of what is exported is an exports figure. */
    if (best && uc == U_PERCENT && STR_EQ(best, "market-share") && of_after(text, x1))
        for (size_t k = 0; k < nh; k++) {
            size_t ks = base + h[k].start;
            if (STR_EQ(h[k].label, "exports") && ks >= x1 && ks - x1 <= EXPORT_REACH &&
                !cni_fig_crosses_clause(text, x1, ks) && !digit_between(text, x1, ks)) {
                best = "exports";
                break;
            }
        }
    /* "production capacity of 2.5 million", "the capacity to produce 150
     * million cells": the word "capacity" in the clause makes output a
     * capacity. */
    if (best && STR_EQ(best, "production"))
        for (size_t k = 0; k < nh; k++) {
            size_t ks = base + h[k].start, ke = base + h[k].end;
            if (!STR_EQ(h[k].label, "capacity") || ke - ks != 8 || strncasecmp(text + ks, "capacity", 8) ||
                cni_fig_gap(x0, x1, ks, ke) > CAPACITY_REACH ||
                (ke <= x0 ? cni_fig_crosses_clause(text, ke, x0) : cni_fig_crosses_clause(text, x1, ks)))
                continue;
            best = "capacity";
            break;
        }
    return best ? best : "other";
}
