/* Internals shared by the figure files. Not public. */
#ifndef CN_FIGURES_IMPL_H
#define CN_FIGURES_IMPL_H
#include <stddef.h>

#include "doc.h"

#define FIG_NONE ((size_t)-1)
/* Bytes added to a distance when a clause boundary lies between: "revenues
 * fell to €142bn and profits fell ...". */
#define CLAUSE_PENALTY 60
#define MAX_PERIODS 8

typedef struct {
    size_t start, end;
    const char *norm, *text;    /* normalised (NULL if unresolved) and as written */
    int base;               /* a comparison base: only for a number just before it */
} period_span;

/* Bytes between [a0,a1) and [b0,b1); 0 when they overlap. */
size_t cni_fig_gap(size_t a0, size_t a1, size_t b0, size_t b1);
/* Does a clause boundary (";", ", ", " and ", " while ") lie in [a,b)? */
int cni_fig_crosses_clause(const char *text, size_t a, size_t b);
/* " while ", " whereas ", "; " or ", but " in [a,b) (looked for in its
 * first bytes only): the two sides are different clauses' */
int cni_fig_contrast_between(const char *text, size_t a, size_t b);
/* Every period of the sentence (at most MAX_PERIODS), with its role. */
size_t cni_fig_find_periods(cn_doc *d, const sentence *s, period_span *out);
/* The period the figure at [x0,x1) takes, or NULL. */
const period_span *cni_fig_nearest_period(const char *text, const period_span *p, size_t n,
                                          size_t x0, size_t x1);

/* U_SCALED: "2.3 billion" with no unit, money or a count by its keyword. */
typedef enum { U_COUNT, U_MONEY, U_PERCENT, U_OTHER, U_SCALED } unit_class;
/* May a number of this class be of this kind? */
int cni_fig_kind_allowed(const char *kind, unit_class uc);
/* The kind of the figure at [x0,x1) from the figure-kind hits h (offsets
 * from base); *loss is set for a loss word (kind "profit", negative). */
const char *cni_fig_kind(const char *text, const rx_hit *h, size_t nh, size_t base,
                         size_t x0, size_t x1, unit_class uc, int *loss);

/* What the words right after a number count. */
enum { FIG_NOUN_NONE, FIG_VEHICLES, FIG_JOBS, FIG_NOUN, FIG_SPEC };

/* Look at the words from pos (the number's end) to end: returns FIG_* and,
 * for FIG_NOUN, the counted noun (lower case, arena copy) in *noun. */
int cni_fig_noun_after(cn_doc *d, size_t pos, size_t end, const char **noun);
/* Is the bare number at start part of a name ("LC 500", "S&P 500")? */
int cni_fig_named_number(const cn_doc *d, size_t start);
/* Does a fall word stand next to the number at [x0,x1)? */
int cni_fig_is_fall(cn_doc *d, const sentence *s, size_t x0, size_t x1);

/* The longest appositive (", the owner of Audi and Porsche,") and relative
 * clause (", which is building a plant in X,") in tokens. */
#define APPOSITIVE_TOKENS 12
#define RELATIVE_TOKENS 20
/* The head the appositive holding entity se describes ("Renault Group, the
 * owner of Dacia, said its ..."), or se. */
size_t cni_fig_appositive_head(const cn_doc *d, const sentence *s, size_t se, size_t x0);
/* Is token k inside ", which ... ," (who, whose) that does not hold x0? */
int cni_fig_in_other_relative_clause(const cn_doc *d, const sentence *s, size_t k, size_t x0);
/* The reporting body of the sentence (entity index), FIG_NONE if none. */
size_t cni_fig_source(cn_doc *d, const sentence *s);
/* Does entity e at token k name a maker's origin ("Japan's Toyota",
 * "German carmaker") rather than a figure's place? */
int cni_fig_origin_place(const cn_doc *d, const sentence *s, size_t k);
/* The region a plant in the sentence gives ("the Sunderland plant"), or NULL. */
const char *cni_fig_plant_region(const cn_doc *d, const sentence *s, size_t x0, size_t x1);
/* The first token of sentence s that starts at or after byte x. */
size_t cni_fig_token_at(const cn_doc *d, const sentence *s, size_t x);
/* Tokens around a figure that its region words are looked for in:
 * [*lo, *hi) around the figure at x0. */
#define REGION_WORDS_REACH 24
void cni_fig_window(const cn_doc *d, const sentence *s, size_t x0, size_t *lo, size_t *hi);
/* "the Chinese car market" in the figure's clause: that country, or NULL. */
const char *cni_fig_market_region(cn_doc *d, const sentence *s, size_t x0, size_t x1);
/* "in the country" near the figure at x0: the country last named before
 * sentence s, or NULL. */
#define LAST_COUNTRY_REACH 400
const char *cni_fig_last_country(const cn_doc *d, const sentence *s, size_t x0);
/* The article's dominant country (named far more often than any other), or NULL. */
const char *cni_fig_main_country(const cn_doc *d);
/* The article's dominant maker (named far more often than any other), or NULL. */
const char *cni_fig_main_brand(const cn_doc *d);
#endif
