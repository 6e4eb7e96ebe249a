/* The cross-article summary: what summary.c collects and summary_render.c
 * writes.  Everything is copied out of the documents (into the summary's
 * arena), so they can be freed as soon as they are added. */
#ifndef CN_SUMMARY_H
#define CN_SUMMARY_H
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "carnews/carnews.h"
#include "report.h"
#include "u64map.h"

/* Quote speakers are counted as one more kind of entry. */
#define SUM_SPEAKER CN_ENT_TYPE_COUNT

typedef struct {
    const char *value;
    size_t count;
} sum_tally;

/* Every distinct value seen for one attribute, with how often. */
typedef struct {
    sum_tally *v;           /* malloc'd */
    size_t n;
} sum_tally_list;

typedef struct {
    int type;               /* cn_entity_type or SUM_SPEAKER */
    const char *name;
    sum_tally_list attr[REP_MAX_ATTRS];
    size_t articles, mentions, quotes;
    size_t last_article;    /* 1 + index of the last article counted */
    uint32_t next;          /* 1 + index of the next entry with the same hash */
} sum_entry;

typedef struct {
    cn_figure fig;          /* its strings in the summary's arena */
    const char *text;       /* the figure's words */
    size_t source;          /* index into cn_summary.sources */
} sum_figure;

struct cn_summary {
    unsigned types;         /* CN_TYPE_* mask, 0 = all */
    size_t articles;
    arena mem;              /* names, values, texts and sources */
    u64map index;           /* hash of (type, name) -> 1 + first entry index */
    sum_entry *entries;
    size_t n_entries, cap_entries;
    sum_figure *figs;
    size_t n_figs, cap_figs;
    const char **sources;   /* paths of the articles with figures */
    size_t n_sources, cap_sources;
};

/* The most frequent value of attribute i (the first seen on a tie), or
 * NULL. */
const char *cni_sum_attr(const sum_entry *e, size_t i);
/* Entries of one kind, most articles first, then most mentions (quotes
 * for speakers), then by name.  A malloc'd array of *n pointers, or NULL
 * when out of memory. */
const sum_entry **cni_sum_sorted(const cn_summary *s, int type, size_t *n);
#endif
