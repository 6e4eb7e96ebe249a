/* Context rules: PCRE2 patterns from data/rules/<set>.rules, JIT-compiled
 * once at load.  This is the only file that includes pcre2.h. */
#ifndef CN_RULES_H
#define CN_RULES_H
#include <stddef.h>
#include "carnews/carnews.h"

typedef struct rules rules;
typedef struct rx_scratch rx_scratch;

typedef struct {
    const char *label;      /* the rule's label (first column) */
    size_t start, end;      /* match span in the subject */
} rx_hit;

/* Every *.rules file of dir/rules, then of each user dir (user rules with
 * an existing label are added after the built-in ones).  strict: only the
 * rule files and labels of vocab.h are accepted (what carnews's own
 * extractors read); otherwise any set name and label (tests, other uses
 * of the engine). */
cn_status cni_rx_load(rules **out, const char *dir, const char *const *user_dirs,
                      size_t n_user, int strict, cn_error *err);
void cni_rx_free(rules *r);
cn_status cni_rx_check_dir(const char *dir, int strict, cn_error *err);

/* Per-thread match state; NULL when out of memory.  A scratch freed goes
 * back to r for the next one asked for (r must outlive it). */
rx_scratch *cni_rx_scratch_new(const rules *r);
void cni_rx_scratch_free(rx_scratch *s);

/* All non-overlapping matches of every rule of set in subject[0..len), in
 * rule order then position.  Returns the number written (at most max). */
size_t cni_rx_find(const rules *r, rx_scratch *s, const char *set,
               const char *subject, size_t len, rx_hit *out, size_t max);
/* 1 if any rule of set matches. */
int cni_rx_any(const rules *r, rx_scratch *s, const char *set, const char *subject,
           size_t len);
#endif
