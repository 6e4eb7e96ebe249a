#include "gazetteer.h"
#include "error.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsv.h"
#include "u64map.h"

/* Longest name, in tokens, that a gazetteer entry may have. */
#define GZ_MAX_TOKENS 12
/* The first-token map's value: bit n for each name length n, and which
 * forms of the first token some name accepts (any case, a capital, all
 * capitals), so that "the" in running text is refused at once when every
 * name starting with it wants "The". */
#define GZ_FIRST_ANY (1u << 31)
#define GZ_FIRST_UPPER (1u << 30)
#define GZ_FIRST_ALLCAPS (1u << 29)
#define GZ_LENGTHS ((1u << (GZ_MAX_TOKENS + 1)) - 1)

typedef struct {
    const gz_entry *entry;
    const char *shape;      /* per token: 'A' all caps, 'U' capitalised, 'l' any */
    uint32_t next;          /* next hit with the same key, or UINT32_MAX */
    uint8_t ntok;
} gz_hit;

/* A bit per first-token hash (a Bloom filter with one probe): most words
 * of a text start no name, and this 32 KiB answers them without touching
 * the much larger map. */
#define GZ_FIRST_FILTER_BITS ((size_t)1 << 18)

static size_t first_filter_bit(uint64_t hash)
{
    return (size_t)(hash >> 40) & (GZ_FIRST_FILTER_BITS - 1);
}

struct gazetteer {
    arena mem;              /* entries and strings */
    u64map first;           /* first-token hash -> bit n set: a name of n tokens starts so */
    uint64_t first_filter[GZ_FIRST_FILTER_BITS / 64];
    /* The same for names whose first word may be written in lower case:
     * the only ones a lower-case token can start. */
    uint64_t lower_filter[GZ_FIRST_FILTER_BITS / 64];
    u64map phrases;         /* phrase hash -> index of first hit */
    gz_hit *hits;
    size_t n_hits, cap_hits;
    u64map words;           /* common lower-case words */
    u64map given;           /* given names */
    gz_entry **entries;     /* every entry, for cni_gz_find and linking */
    size_t n_entries, cap_entries;
    size_t counts[GZ_KIND_COUNT];
    struct gz_ref *refs;    /* names rows refer to, kept for cni_gz_check_dir */
    size_t n_refs, cap_refs;
    int keep_refs;
};

/* A name that a row refers to: a country, a parent group, an owner. */
typedef enum { REF_COUNTRY, REF_BRAND, REF_OWNER } ref_kind;
typedef struct gz_ref {
    const char *path;       /* arena copies */
    const char *value;
    size_t line;
    ref_kind kind;
} gz_ref;

/*** Building ***/

static const char *opt_str(gazetteer *g, const char *s)
{
    return s && *s ? cni_arena_strdup(&g->mem, s) : NULL;
}

static uint64_t phrase_key(const uint64_t *hashes, size_t n)
{
    uint64_t h = 0x51ED27ULL + n;
    for (size_t i = 0; i < n; i++)
        h = cni_seg_hash_combine(h, hashes[i]);
    return h;
}

/* Register one surface form of an entry. */
static cn_status add_surface(gazetteer *g, const gz_entry *e, const char *surface)
{
    token toks[GZ_MAX_TOKENS];
    size_t len = strlen(surface);
    size_t n = cni_seg_tokens_only(surface, len, toks, GZ_MAX_TOKENS);
    if (n == 0 || n == (size_t)-1)
        return CN_OK;   /* empty or absurdly long names are skipped */
    uint64_t hashes[GZ_MAX_TOKENS];
    char *shape = cni_arena_alloc(&g->mem, n + 1);
    if (!shape)
        return CN_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        hashes[i] = toks[i].hash;
        shape[i] = (e->flags & GZF_CASELESS) ? 'l'
                 : (toks[i].flags & TK_ALLCAPS) ? 'A'
                 : (toks[i].flags & TK_UPPER) ? 'U' : 'l';
    }
    size_t bit = first_filter_bit(hashes[0]);
    g->first_filter[bit / 64] |= (uint64_t)1 << (bit % 64);
    if (shape[0] == 'l')
        g->lower_filter[bit / 64] |= (uint64_t)1 << (bit % 64);
    uint32_t *lengths = cni_u64map_get(&g->first, hashes[0]);
    uint32_t form = shape[0] == 'A' ? GZ_FIRST_ALLCAPS : shape[0] == 'U' ? GZ_FIRST_UPPER : GZ_FIRST_ANY;
    if (cni_u64map_put(&g->first, hashes[0], (lengths ? *lengths : 0) | (uint32_t)1 << n | form))
        return CN_ERR_NOMEM;
    if (g->n_hits == g->cap_hits) {
        size_t cap = g->cap_hits ? g->cap_hits * 2 : 4096;
        gz_hit *h = realloc(g->hits, cap * sizeof *h);
        if (!h)
            return CN_ERR_NOMEM;
        g->hits = h;
        g->cap_hits = cap;
    }
    uint64_t key = phrase_key(hashes, n);
    uint32_t *head = cni_u64map_get(&g->phrases, key);
    gz_hit *hit = &g->hits[g->n_hits];
    hit->entry = e;
    hit->shape = shape;
    hit->ntok = (uint8_t)n;
    hit->next = head ? *head : UINT32_MAX;
    if (cni_u64map_put(&g->phrases, key, (uint32_t)g->n_hits))
        return CN_ERR_NOMEM;
    g->n_hits++;
    return CN_OK;
}

static cn_status add_surfaces(gazetteer *g, const gz_entry *e, const char *name,
                              const char *aliases)
{
    cn_status st = add_surface(g, e, name);
    if (st || !aliases || !*aliases)
        return st;
    char tmp[1024];
    const char *p = aliases;
    while (*p) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (n && n < sizeof tmp) {
            memcpy(tmp, p, n);
            tmp[n] = '\0';
            if ((st = add_surface(g, e, tmp)))
                return st;
        }
        p += n + (bar ? 1 : 0);
    }
    return CN_OK;
}

static gz_entry *new_entry(gazetteer *g, gz_kind kind, const char *name)
{
    if (g->n_entries == g->cap_entries) {
        size_t cap = g->cap_entries ? g->cap_entries * 2 : 1024;
        gz_entry **p = realloc(g->entries, cap * sizeof *p);
        if (!p)
            return NULL;
        g->entries = p;
        g->cap_entries = cap;
    }
    gz_entry *e = cni_arena_alloc(&g->mem, sizeof *e);
    if (!e)
        return NULL;
    e->kind = (uint8_t)kind;
    e->name = cni_arena_strdup(&g->mem, name);
    if (!e->name)
        return NULL;
    g->entries[g->n_entries++] = e;
    g->counts[kind]++;
    return e;
}

/*** Data files ***/

typedef struct {
    gazetteer *g;
    const char *path;
    int kind;               /* which file */
} load_ctx;

enum { FILE_BRANDS, FILE_MODELS, FILE_PLANTS, FILE_ORGS, FILE_PLACES,
       FILE_ROLES, FILE_GIVEN, FILE_WORDS, FILE_COUNT };

typedef struct {
    const char *file;
    const char *cols[TSV_MAX_COLS];
    size_t ncols;
} file_spec;

static const file_spec SPECS[FILE_COUNT] = {
    {"brands.tsv", {"name", "aliases", "parent", "country", "kind"}, 5},
    {"models.tsv", {"name", "brand", "aliases", "context"}, 4},
    {"plants.tsv", {"name", "aliases", "owner", "location", "country", "kind"}, 6},
    {"organizations.tsv", {"name", "aliases", "kind", "country"}, 4},
    {"places.tsv", {"name", "aliases", "kind", "country", "demonyms"}, 5},
    {"roles.tsv", {"role", "kind"}, 2},
    {"given_names.txt", {"name"}, 1},
    {"common_words.txt", {"word"}, 1},
};

static const char *const ORG_KINDS[] = {
    "government", "media", "university", "union", "trade-body", "company", "other", NULL
};

static int in_list(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return 1;
    return 0;
}

static cn_status bad_row(const load_ctx *c, const tsv_row *r, cn_error *err,
                         const char *why, const char *what)
{
    cni_error_at(err, CN_ERR_DATA, c->path, r->line, "%s '%s'", why, what);
    return CN_ERR_DATA;
}

/* Remember that row r names value as a ref (checking only). */
static cn_status keep_ref(const load_ctx *c, const tsv_row *r, ref_kind kind, const char *value)
{
    gazetteer *g = c->g;
    if (!g->keep_refs || !*value)
        return CN_OK;
    if (g->n_refs == g->cap_refs) {
        size_t cap = g->cap_refs ? g->cap_refs * 2 : 256;
        gz_ref *p = realloc(g->refs, cap * sizeof *p);
        if (!p)
            return CN_ERR_NOMEM;
        g->refs = p;
        g->cap_refs = cap;
    }
    gz_ref *ref = &g->refs[g->n_refs];
    ref->path = cni_arena_strdup(&g->mem, c->path);
    ref->value = cni_arena_strdup(&g->mem, value);
    ref->line = r->line;
    ref->kind = kind;
    if (!ref->path || !ref->value)
        return CN_ERR_NOMEM;
    g->n_refs++;
    return CN_OK;
}

/* The names a row refers to, by file: (column, kind) pairs. */
static cn_status keep_refs(const load_ctx *c, const tsv_row *r)
{
    static const struct { int file, col; ref_kind kind; } REFS[] = {
        {FILE_BRANDS, 2, REF_BRAND}, {FILE_BRANDS, 3, REF_COUNTRY},
        {FILE_MODELS, 1, REF_BRAND},
        {FILE_PLANTS, 2, REF_OWNER}, {FILE_PLANTS, 4, REF_COUNTRY},
        {FILE_ORGS, 3, REF_COUNTRY}, {FILE_PLACES, 3, REF_COUNTRY},
    };
    for (size_t i = 0; i < sizeof REFS / sizeof REFS[0]; i++)
        if (REFS[i].file == c->kind) {
            cn_status st = keep_ref(c, r, REFS[i].kind, r->field[REFS[i].col]);
            if (st)
                return st;
        }
    return CN_OK;
}

static cn_status load_row_entry(void *ctx, const tsv_row *r, cn_error *err);

/* The name with the accents of Latin letters taken off ("François" ->
 * "Francois"): its length, or 0 when it has none or keeps a letter this
 * does not know. */
static size_t latin_plain(const char *s, char *out, size_t cap)
{
    /* U+00C0..U+00FF, one ASCII letter each ('\0' for none) */
    static const char LATIN1[] = "AAAAAAACEEEEIIII" "DNOOOOO\0OUUUUYTs"
                                 "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyty";
    size_t o = 0;
    int changed = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (o + 1 >= cap)
            return 0;
        if (*p < 0x80) {
            out[o++] = (char)*p;
            continue;
        }
        if (*p != 0xC3 || p[1] < 0x80 || p[1] > 0xBF)
            return 0;
        char c = LATIN1[p[1] - 0x80];
        if (!c)
            return 0;
        out[o++] = c;
        changed = 1;
        p++;
    }
    out[o] = '\0';
    return changed ? o : 0;
}

static cn_status load_row(void *ctx, const tsv_row *r, cn_error *err)
{
    cn_status st = load_row_entry(ctx, r, err);
    return st ? st : keep_refs(ctx, r);
}

static cn_status load_row_entry(void *ctx, const tsv_row *r, cn_error *err)
{
    load_ctx *c = ctx;
    gazetteer *g = c->g;
    const char *const *f = r->field;
    gz_entry *e = NULL;
    if (c->kind != FILE_WORDS && c->kind != FILE_GIVEN && !*f[0])
        return bad_row(c, r, err, "empty name", "");
    switch (c->kind) {
    case FILE_BRANDS: {
        const char *k = f[4];
        if (*k && strcmp(k, "brand") && strcmp(k, "group") && strcmp(k, "supplier"))
            return bad_row(c, r, err, "kind must be brand, group or supplier, not", k);
        int supplier = strcmp(k, "supplier") == 0;
        e = new_entry(g, supplier ? GZ_ORG : GZ_BRAND, f[0]);
        if (!e)
            return CN_ERR_NOMEM;
        if (supplier) {
            e->attr[0] = "company";
            e->attr[1] = opt_str(g, f[3]);
            e->flags |= GZF_SUPPLIER;
        } else {
            e->attr[0] = opt_str(g, f[2]);
            e->attr[1] = opt_str(g, f[3]);
            e->attr[2] = opt_str(g, k);
            if (strcmp(k, "group") == 0)
                e->flags |= GZF_GROUP;
        }
        return add_surfaces(g, e, f[0], f[1]);
    }
    case FILE_MODELS:
        if (!*f[1])
            return bad_row(c, r, err, "model has no brand:", f[0]);
        if (*f[3] && strcmp(f[3], "free") && strcmp(f[3], "brand"))
            return bad_row(c, r, err, "context must be free or brand, not", f[3]);
        e = new_entry(g, GZ_MODEL, f[0]);
        if (!e)
            return CN_ERR_NOMEM;
        e->attr[0] = opt_str(g, f[1]);
        if (strcmp(f[3], "brand") == 0)
            e->flags |= GZF_NEEDS_CONTEXT;
        return add_surfaces(g, e, f[0], f[2]);
    case FILE_PLANTS:
        e = new_entry(g, GZ_PLANT, f[0]);
        if (!e)
            return CN_ERR_NOMEM;
        for (int i = 0; i < 4; i++)
            e->attr[i] = opt_str(g, f[2 + i]);
        return add_surfaces(g, e, f[0], f[1]);
    case FILE_ORGS:
        if (*f[2] && !in_list(f[2], ORG_KINDS))
            return bad_row(c, r, err, "unknown organization kind", f[2]);
        e = new_entry(g, GZ_ORG, f[0]);
        if (!e)
            return CN_ERR_NOMEM;
        e->attr[0] = opt_str(g, f[2]);
        e->attr[1] = opt_str(g, f[3]);
        return add_surfaces(g, e, f[0], f[1]);
    case FILE_PLACES: {
        if (*f[2] && strcmp(f[2], "country") && strcmp(f[2], "region") &&
            strcmp(f[2], "city"))
            return bad_row(c, r, err, "place kind must be country, region or city, not", f[2]);
        e = new_entry(g, GZ_PLACE, f[0]);
        if (!e)
            return CN_ERR_NOMEM;
        e->attr[0] = opt_str(g, f[2]);
        e->attr[1] = opt_str(g, f[3]);
        cn_status st = add_surfaces(g, e, f[0], f[1]);
        if (st || !*f[4])
            return st;
        /* Demonyms ("British") point at their place but are no mention of it. */
        gz_entry *d = new_entry(g, GZ_DEMONYM, f[0]);
        if (!d)
            return CN_ERR_NOMEM;
        d->link = e;
        return add_surfaces(g, d, "", f[4]);    /* no name of its own */
    }
    case FILE_ROLES:
        e = new_entry(g, GZ_ROLE, f[0]);
        if (!e)
            return CN_ERR_NOMEM;
        e->flags |= GZF_CASELESS;
        e->attr[0] = opt_str(g, f[1]);
        return add_surface(g, e, f[0]);
    case FILE_GIVEN: {
        if (*f[0] && cni_u64map_put(&g->given, cni_seg_token_hash(f[0], strlen(f[0])), 1))
            return CN_ERR_NOMEM;
        /* English copy often drops the accents: "Francois", "Jose". */
        char plain[64];
        size_t n = latin_plain(f[0], plain, sizeof plain);
        if (n && cni_u64map_put(&g->given, cni_seg_token_hash(plain, n), 1))
            return CN_ERR_NOMEM;
        return CN_OK;
    }
    case FILE_WORDS:
        if (*f[0] && cni_u64map_put(&g->words, cni_seg_token_hash(f[0], strlen(f[0])), 1))
            return CN_ERR_NOMEM;
        return CN_OK;
    }
    return CN_OK;
}

static cn_status load_file(gazetteer *g, const char *dir, int which, int required,
                           cn_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, SPECS[which].file);
    FILE *probe = fopen(path, "rb");
    if (!probe) {
        if (!required)
            return CN_OK;
        cni_error_at(err, CN_ERR_DATA, path, 0, "missing data file");
        return CN_ERR_DATA;
    }
    fclose(probe);
    char *data;
    size_t len;
    cn_status st = cni_tsv_read_file(path, &data, &len, err);
    if (st)
        return st == CN_ERR_IO ? CN_ERR_DATA : st;
    load_ctx c = {g, path, which};
    if (which == FILE_WORDS || which == FILE_GIVEN) {
        /* One word a line: size the set once rather than rehash it as it grows. */
        size_t lines = 1;
        for (const char *p = data; (p = memchr(p, '\n', len - (size_t)(p - data))); p++)
            lines++;
        u64map *set = which == FILE_WORDS ? &g->words : &g->given;
        if (cni_u64map_reserve(set, set->count + lines)) {
            free(data);
            cni_error_set(err, CN_ERR_NOMEM, "out of memory");
            return CN_ERR_NOMEM;
        }
    }
    st = cni_tsv_parse(data, len, path, SPECS[which].cols, SPECS[which].ncols,
                   load_row, &c, err);
    free(data);
    return st;
}

/* Later entries of the same kind and name win: link each reference to the
 * last one loaded. */
const gz_entry *cni_gz_find(const gazetteer *g, gz_kind kind, const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = g->n_entries; i-- > 0;)
        if (g->entries[i]->kind == kind && strcmp(g->entries[i]->name, name) == 0)
            return g->entries[i];
    return NULL;
}

static void link_entries(gazetteer *g)
{
    /* Index brands by name once so linking stays linear. */
    u64map byname;
    cni_u64map_init(&byname);
    for (size_t i = 0; i < g->n_entries; i++) {
        gz_entry *e = g->entries[i];
        if (e->kind == GZ_BRAND || e->kind == GZ_ORG)
            cni_u64map_put(&byname, cni_seg_hash_folded(e->name, strlen(e->name)) * 31 + e->kind,
                       (uint32_t)i);
    }
    for (size_t i = 0; i < g->n_entries; i++) {
        gz_entry *e = g->entries[i];
        const char *ref = e->kind == GZ_MODEL ? e->attr[0]
                        : e->kind == GZ_PLANT ? e->attr[0]
                        : e->kind == GZ_BRAND ? e->attr[0] : NULL;
        if (!ref)
            continue;
        uint64_t h = cni_seg_hash_folded(ref, strlen(ref));
        uint32_t *v = cni_u64map_get(&byname, h * 31 + GZ_BRAND);
        if (!v)
            v = cni_u64map_get(&byname, h * 31 + GZ_ORG);
        if (v)
            e->link = g->entries[*v];
    }
    cni_u64map_release(&byname);
}

static cn_status load_dir(gazetteer *g, const char *dir, int required, cn_error *err)
{
    for (int i = 0; i < FILE_COUNT; i++) {
        cn_status st = load_file(g, dir, i, required, err);
        if (st)
            return st;
    }
    return CN_OK;
}

cn_status cni_gz_load(gazetteer **out, const char *dir, const char *const *user_dirs,
                  size_t n_user, cn_error *err)
{
    *out = NULL;
    gazetteer *g = calloc(1, sizeof *g);
    if (!g) {
        cni_error_set(err, CN_ERR_NOMEM, "out of memory");
        return CN_ERR_NOMEM;
    }
    cni_arena_init(&g->mem);
    cn_status st = load_dir(g, dir, 1, err);
    for (size_t i = 0; st == CN_OK && i < n_user; i++)
        st = load_dir(g, user_dirs[i], 0, err);
    if (st) {
        cni_gz_free(g);
        return st;
    }
    link_entries(g);
    *out = g;
    return CN_OK;
}

/* Files a data folder may hold besides the data files. */
static int known_extra(const char *name)
{
    static const char *const extra[] = {"README.md", "rules", "tools", "samples", NULL};
    return in_list(name, extra) || name[0] == '.';
}

static cn_status check_file_names(const char *dir, cn_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return cni_error_at(err, CN_ERR_DATA, dir, 0, "%s", strerror(errno));
    cn_status st = CN_OK;
    struct dirent *de;
    while (st == CN_OK && (de = readdir(d))) {
        int known = known_extra(de->d_name);
        for (int i = 0; i < FILE_COUNT && !known; i++)
            known = strcmp(de->d_name, SPECS[i].file) == 0;
        if (!known) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
            st = cni_error_at(err, CN_ERR_DATA, path, 0,
                              "unknown data file (expected brands.tsv, models.tsv, plants.tsv, "
                              "organizations.tsv, places.tsv, roles.tsv, given_names.txt, "
                              "common_words.txt or rules/)");
        }
    }
    closedir(d);
    return st;
}

static int is_country(const gazetteer *g, const char *name)
{
    const gz_entry *e = cni_gz_find(g, GZ_PLACE, name);
    return e && e->attr[0] && strcmp(e->attr[0], "country") == 0;
}

static cn_status check_refs(const gazetteer *g, cn_error *err)
{
    for (size_t i = 0; i < g->n_refs; i++) {
        const gz_ref *r = &g->refs[i];
        switch (r->kind) {
        case REF_COUNTRY:
            if (!is_country(g, r->value))
                return cni_error_at(err, CN_ERR_DATA, r->path, r->line,
                                    "unknown country '%s' (a country of places.tsv)", r->value);
            break;
        case REF_BRAND:     /* a holding company may be listed as a supplier row */
            if (!cni_gz_find(g, GZ_BRAND, r->value) && !cni_gz_find(g, GZ_ORG, r->value))
                return cni_error_at(err, CN_ERR_DATA, r->path, r->line,
                                    "unknown brand or group '%s' (a name of brands.tsv)",
                                    r->value);
            break;
        case REF_OWNER:
            if (!cni_gz_find(g, GZ_BRAND, r->value) && !cni_gz_find(g, GZ_ORG, r->value))
                return cni_error_at(err, CN_ERR_DATA, r->path, r->line,
                                    "unknown owner '%s' (a name of brands.tsv or "
                                    "organizations.tsv)", r->value);
            break;
        }
    }
    return CN_OK;
}

cn_status cni_gz_check_dir(const char *dir, const char *builtin, cn_error *err)
{
    cn_status st = check_file_names(dir, err);
    if (st)
        return st;
    gazetteer *g = calloc(1, sizeof *g);
    if (!g)
        return cni_error_set(err, CN_ERR_NOMEM, "out of memory");
    cni_arena_init(&g->mem);
    /* A user folder's rows may name countries and groups of the built-in
     * data; the built-in data itself is checked on its own. */
    if (builtin && strcmp(builtin, dir) != 0)
        st = load_dir(g, builtin, 0, err);
    g->keep_refs = 1;
    if (st == CN_OK)
        st = load_dir(g, dir, 0, err);
    if (st == CN_OK)
        st = check_refs(g, err);
    cni_gz_free(g);
    return st;
}

void cni_gz_free(gazetteer *g)
{
    if (!g)
        return;
    cni_arena_release(&g->mem);
    cni_u64map_release(&g->first);
    cni_u64map_release(&g->phrases);
    cni_u64map_release(&g->words);
    cni_u64map_release(&g->given);
    free(g->refs);
    free(g->hits);
    free(g->entries);
    free(g);
}

/*** Matching ***/

static int shape_ok(const char *shape, const token *toks, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t f = toks[i].flags;
        if (shape[i] == 'A' && !(f & TK_ALLCAPS))
            return 0;
        if (shape[i] == 'U' && !(f & TK_UPPER))
            return 0;
    }
    return 1;
}

/* The first-token filter: no name starts at a token it refuses. */
static int may_start(const gazetteer *g, const token *t)
{
    size_t bit = first_filter_bit(t->hash);
    const uint64_t *filter = t->flags & (TK_UPPER | TK_ALLCAPS) ? g->first_filter : g->lower_filter;
    return filter[bit / 64] >> (bit % 64) & 1;
}

void cni_gz_mark_starts(const gazetteer *g, const token *toks, size_t n, uint8_t *may,
                        uint8_t yes)
{
    for (size_t i = 0; i < n; i++)
        may[i] = may_start(g, &toks[i]) ? yes : 0;
}

size_t cni_gz_lookup(const gazetteer *g, const char *text, const token *toks,
                 size_t n, size_t i, gz_match *out, size_t max)
{
    (void)text;
    if (!may_start(g, &toks[i]))
        return 0;
    const uint32_t *mx = cni_u64map_get(&g->first, toks[i].hash);
    if (!mx)
        return 0;
    uint32_t f = toks[i].flags;
    if (!(*mx & GZ_FIRST_ANY) && !((*mx & GZ_FIRST_UPPER) && (f & TK_UPPER)) &&
        !((*mx & GZ_FIRST_ALLCAPS) && (f & TK_ALLCAPS)))
        return 0;                   /* shape_ok() would refuse every name */
    uint32_t lengths = *mx & GZ_LENGTHS;    /* only these lengths can match: look up no other */
    size_t longest = 31 - (size_t)__builtin_clz(lengths), found = 0;
    uint64_t hashes[GZ_MAX_TOKENS];
    size_t avail = 0;
    while (avail < longest && i + avail < n &&
           toks[i + avail].sentence == toks[i].sentence) {
        hashes[avail] = toks[i + avail].hash;
        avail++;
    }
    for (size_t len = avail; len >= 1 && found < max; len--) {
        if (!(lengths >> len & 1))
            continue;
        const uint32_t *h = cni_u64map_get(&g->phrases, phrase_key(hashes, len));
        for (uint32_t k = h ? *h : UINT32_MAX; k != UINT32_MAX && found < max;
             k = g->hits[k].next) {
            const gz_hit *hit = &g->hits[k];
            if (hit->ntok != len || !shape_ok(hit->shape, toks + i, len))
                continue;
            /* The same entry may be reachable through two aliases. */
            int dup = 0;
            for (size_t d = 0; d < found; d++)
                if (out[d].entry == hit->entry)
                    dup = 1;
            if (dup)
                continue;
            out[found].entry = hit->entry;
            out[found].ntok = (uint32_t)len;
            found++;
        }
    }
    return found;
}

int cni_gz_is_common_word(const gazetteer *g, uint64_t hash)
{
    return cni_u64map_get(&g->words, hash) != NULL;
}

int cni_gz_is_given_name(const gazetteer *g, uint64_t hash)
{
    return cni_u64map_get(&g->given, hash) != NULL;
}

size_t cni_gz_count(const gazetteer *g, gz_kind kind) { return g->counts[kind]; }
