/* Internals shared by the figure files. Not public. */
#ifndef CN_FIGURES_IMPL_H
#define CN_FIGURES_IMPL_H
#include <stddef.h>

#include "doc.h"

#define FIG_NONE ((size_t)-1)

/* What the words right after a number count. */
enum { FIG_NOUN_NONE, FIG_VEHICLES, FIG_JOBS, FIG_NOUN, FIG_SPEC };

/* Look at the words from pos (the number's end) to end: returns FIG_* and,
 * for FIG_NOUN, the counted noun (lower case, arena copy) in *noun. */
int cni_fig_noun_after(cn_doc *d, size_t pos, size_t end, const char **noun);
/* Is the bare number at start part of a name ("LC 500", "S&P 500")? */
int cni_fig_named_number(const cn_doc *d, size_t start);
/* Does a fall word stand next to the number at [x0,x1)? */
int cni_fig_is_fall(cn_doc *d, const sentence *s, size_t x0, size_t x1);

/* The reporting body of the sentence (entity index), FIG_NONE if none. */
size_t cni_fig_source(cn_doc *d, const sentence *s);
/* Does entity e at token k name a maker's origin ("Japan's Toyota",
 * "German carmaker") rather than a figure's place? */
int cni_fig_origin_place(const cn_doc *d, const sentence *s, size_t k);
/* The region a plant in the sentence gives ("the Sunderland plant"), or NULL. */
const char *cni_fig_plant_region(const cn_doc *d, const sentence *s, size_t x0, size_t x1);
/* The article's dominant country (named far more often than any other), or NULL. */
const char *cni_fig_main_country(const cn_doc *d);
/* The article's dominant maker (named far more often than any other), or NULL. */
const char *cni_fig_main_brand(const cn_doc *d);
#endif
