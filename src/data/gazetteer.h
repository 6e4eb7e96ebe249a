/* Gazetteers: the data files in data/, loaded into hash tables over
 * token hashes so that matching is one pass over the tokens. */
#ifndef CN_GAZETTEER_H
#define CN_GAZETTEER_H
#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "segment.h"
#include "carnews/carnews.h"

typedef enum {
    GZ_BRAND = 0, GZ_MODEL, GZ_PLANT, GZ_ORG, GZ_PLACE, GZ_ROLE,
    GZ_DEMONYM, GZ_KIND_COUNT
} gz_kind;

enum {
    GZF_NEEDS_CONTEXT = 1u << 0,  /* model: only next to its brand */
    GZF_GROUP = 1u << 1,          /* brand: a holding group */
    GZF_SUPPLIER = 1u << 2,       /* brand file row that is a supplier: an organization */
    GZF_CASELESS = 1u << 3        /* match in any case (roles) */
};

typedef struct gz_entry gz_entry;
struct gz_entry {
    uint8_t kind;           /* gz_kind */
    uint8_t flags;          /* GZF_* */
    const char *name;       /* canonical name */
    /* Attributes by kind (NULL when empty):
     *   brand: parent, country, kind   model: brand
     *   plant: owner, location, country, kind
     *   org: kind, country             place: kind, country
     *   role: kind                     demonym: country (in name) */
    const char *attr[4];
    const gz_entry *link;   /* model -> brand entry, plant -> owner entry,
                             * brand -> parent entry, demonym -> place */
};

typedef struct {
    const gz_entry *entry;
    uint32_t ntok;          /* tokens matched */
} gz_match;

typedef struct gazetteer gazetteer;

/* Load every data file from dir, then from each user dir (user rows are
 * added; a user row with the same name and kind replaces the built-in). */
cn_status cni_gz_load(gazetteer **out, const char *dir, const char *const *user_dirs,
                  size_t n_user, cn_error *err);
void cni_gz_free(gazetteer *g);
/* Validate the data files of one folder without keeping them: no file
 * of an unknown name, rows that parse, and every country, parent, brand
 * and owner they name known (in dir, or in the builtin folder when it is
 * another; builtin may be NULL). */
cn_status cni_gz_check_dir(const char *dir, const char *builtin, cn_error *err);

/* All entries whose surface form matches tokens starting at toks[i]
 * (never past toks[n-1] or the sentence end), longest first.  Writes at
 * most max matches; returns the count. */
size_t cni_gz_lookup(const gazetteer *g, const char *text, const token *toks,
                 size_t n, size_t i, gz_match *out, size_t max);
/* One pass over the tokens before any lookup: may[i] = yes when a name
 * may start at toks[i], else 0 (cni_gz_lookup() would find nothing there). */
void cni_gz_mark_starts(const gazetteer *g, const token *toks, size_t n, uint8_t *may,
                        uint8_t yes);
/* Entry by canonical name and kind, or NULL. */
const gz_entry *cni_gz_find(const gazetteer *g, gz_kind kind, const char *name);
/* Word lists, by folded token hash. */
int cni_gz_is_common_word(const gazetteer *g, uint64_t hash);
int cni_gz_is_given_name(const gazetteer *g, uint64_t hash);
size_t cni_gz_count(const gazetteer *g, gz_kind kind);
#endif
