/* The cross-article summary: what summary.c collects and summary_out.c
 * prints.  Everything is copied out of the documents, which are freed as
 * soon as they are added. */
#ifndef CARNEWS_CLI_SUMMARY_H
#define CARNEWS_CLI_SUMMARY_H
#include <stddef.h>

#include "cli.h"

/* Quote speakers are counted as one more kind of entry. */
#define SUM_SPEAKER CN_ENT_TYPE_COUNT
#define SUM_KINDS (CN_ENT_TYPE_COUNT + 1)
/* Attributes per entity type: at most plant's owner, location, country. */
#define SUM_MAX_ATTRS 3

typedef struct {
    char *value;
    size_t count;
} tally;

/* Every distinct value seen for one attribute, with how often. */
typedef struct {
    tally *v;
    size_t n;
} tally_list;

typedef struct {
    int type;               /* cn_entity_type or SUM_SPEAKER */
    char *name;
    tally_list attr[SUM_MAX_ATTRS];
    size_t articles, mentions, quotes;
    size_t last_article;    /* 1 + index of the last article counted */
} sum_entry;

typedef struct {
    char *kind, *unit, *qualifier, *subject, *region, *period, *text;
    double value;
    size_t start, end, sentence;
    size_t source;          /* index into summary.sources */
} sum_figure;

struct summary {
    unsigned types;
    size_t articles;
    sum_entry *entries;
    size_t n_entries, cap_entries;
    size_t *slots;          /* hash table of entry index + 1, 0 = free */
    size_t n_slots;
    sum_figure *figs;
    size_t n_figs, cap_figs;
    char **sources;         /* paths of the articles with figures */
    size_t n_sources, cap_sources;
};

/* Attribute names of an entity type, NULL-terminated, in JSON order. */
const char *const *sum_attr_names(int type);
/* The most frequent value of an attribute (the first seen on a tie), or
 * NULL. */
const char *sum_attr(const sum_entry *e, size_t i);
/* Entries of one kind, most articles first, then most mentions (quotes
 * for speakers), then by name.  Returns a malloc'd array of n pointers. */
const sum_entry **sum_sorted(const struct summary *s, int type, size_t *n);
#endif
