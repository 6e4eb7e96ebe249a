#define PCRE2_CODE_UNIT_WIDTH 8
#include "rules.h"

#include <dirent.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsv.h"

/* Bounds on one match: a rule that needs more than this on a sentence is
 * broken, and the limit turns it into "no match" rather than a hang. */
#define RX_MATCH_LIMIT 100000
#define RX_DEPTH_LIMIT 2000
/* Rules are tried at load on this many bytes of hostile text; one that
 * hits the limits there would backtrack catastrophically on real input. */
#define RX_PROBE_LEN 4096
#define RX_MAX_RULES 1024

typedef struct {
    char *set, *label;
    pcre2_code *code;
} rule;

/* The rules of one set, by index, so a lookup compares set names once. */
typedef struct {
    const char *name;
    size_t *idx;
    size_t n;
} rule_set;

struct rules {
    rule *items;
    size_t n, cap;
    rule_set *sets;
    size_t n_sets;
    pcre2_match_context *mctx;
};

struct rx_scratch {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
};

typedef struct {
    rules *r;
    const char *path;
    const char *set;
} rule_ctx;

/* Text shaped to make nested quantifiers explode. */
static void make_probe(char *buf, size_t n)
{
    static const char pat[] = " 1,000 said \"AAAA\" Aaaa, ";
    for (size_t i = 0; i < n / 2; i++)
        buf[i] = 'a';
    for (size_t i = n / 2; i < n; i++)
        buf[i] = pat[i % (sizeof pat - 1)];
    buf[n - 1] = '!';   /* so that anchored patterns fail at the very end */
}

static cn_status add_rule(void *ctx, const tsv_row *row, cn_error *err)
{
    rule_ctx *c = ctx;
    rules *r = c->r;
    if (!*row->field[0] || !*row->field[1]) {
        cn_error_set(err, CN_ERR_RULE, "%s:%zu: empty label or pattern", c->path, row->line);
        return CN_ERR_RULE;
    }
    if (r->n == RX_MAX_RULES) {
        cn_error_set(err, CN_ERR_RULE, "%s:%zu: more than %d rules", c->path,
                     row->line, RX_MAX_RULES);
        return CN_ERR_RULE;
    }
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)row->field[1], PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &code, &off, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        cn_error_set(err, CN_ERR_RULE, "%s:%zu: pattern does not compile at offset %zu: %s",
                     c->path, row->line, (size_t)off, (char *)msg);
        return CN_ERR_RULE;
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);   /* the interpreter is the fallback */
    /* Reject catastrophic backtracking now, not at match time. */
    char probe[RX_PROBE_LEN];
    make_probe(probe, sizeof probe);
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    int rc = md ? pcre2_match(re, (PCRE2_SPTR)probe, sizeof probe, 0, 0, md, r->mctx)
                : PCRE2_ERROR_NOMEMORY;
    pcre2_match_data_free(md);
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
        rc == PCRE2_ERROR_JIT_STACKLIMIT || rc == PCRE2_ERROR_NOMEMORY) {
        pcre2_code_free(re);
        cn_error_set(err, CN_ERR_RULE, "%s:%zu: pattern backtracks catastrophically",
                     c->path, row->line);
        return CN_ERR_RULE;
    }
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        rule *p = realloc(r->items, cap * sizeof *p);
        if (!p) {
            pcre2_code_free(re);
            return CN_ERR_NOMEM;
        }
        r->items = p;
        r->cap = cap;
    }
    rule *ru = &r->items[r->n];
    ru->set = strdup(c->set);
    ru->label = strdup(row->field[0]);
    ru->code = re;
    if (!ru->set || !ru->label) {
        free(ru->set);
        free(ru->label);
        pcre2_code_free(re);
        return CN_ERR_NOMEM;
    }
    r->n++;
    return CN_OK;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static cn_status load_rules_dir(rules *r, const char *dir, int required, cn_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/rules", dir);
    DIR *dh = opendir(path);
    if (!dh) {
        if (!required)
            return CN_OK;
        cn_error_set(err, CN_ERR_DATA, "%s: missing rules folder", path);
        return CN_ERR_DATA;
    }
    char *names[256];
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(dh)) && n < 256) {
        size_t l = strlen(de->d_name);
        if (l > 6 && strcmp(de->d_name + l - 6, ".rules") == 0 && de->d_name[0] != '.')
            names[n++] = strdup(de->d_name);
    }
    closedir(dh);
    qsort(names, n, sizeof *names, by_name);   /* load order must not depend on the file system */
    cn_status st = CN_OK;
    for (size_t i = 0; i < n; i++) {
        if (st == CN_OK && names[i]) {
            char file[4600], set[256];
            snprintf(file, sizeof file, "%s/%s", path, names[i]);
            snprintf(set, sizeof set, "%.*s", (int)(strlen(names[i]) - 6), names[i]);
            char *data;
            size_t len;
            st = tsv_read_file(file, &data, &len, err);
            if (st == CN_OK) {
                static const char *const cols[] = {"label", "pattern"};
                rule_ctx c = {r, file, set};
                st = tsv_parse(data, len, file, cols, 2, add_rule, &c, err);
                free(data);
            }
        }
        free(names[i]);
    }
    return st;
}

static rules *rules_new(void)
{
    rules *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->mctx = pcre2_match_context_create(NULL);
    if (!r->mctx) {
        free(r);
        return NULL;
    }
    pcre2_set_match_limit(r->mctx, RX_MATCH_LIMIT);
    pcre2_set_depth_limit(r->mctx, RX_DEPTH_LIMIT);
    return r;
}

static cn_status index_sets(rules *r)
{
    r->sets = calloc(r->n ? r->n : 1, sizeof *r->sets);
    if (!r->sets)
        return CN_ERR_NOMEM;
    for (size_t i = 0; i < r->n; i++) {
        rule_set *set = NULL;
        for (size_t k = 0; k < r->n_sets && !set; k++)
            if (!strcmp(r->sets[k].name, r->items[i].set))
                set = &r->sets[k];
        if (!set) {
            set = &r->sets[r->n_sets++];
            set->name = r->items[i].set;
            set->idx = calloc(r->n, sizeof *set->idx);
            if (!set->idx)
                return CN_ERR_NOMEM;
        }
        set->idx[set->n++] = i;
    }
    return CN_OK;
}

cn_status rx_load(rules **out, const char *dir, const char *const *user_dirs,
                  size_t n_user, cn_error *err)
{
    *out = NULL;
    rules *r = rules_new();
    if (!r)
        return CN_ERR_NOMEM;
    cn_status st = load_rules_dir(r, dir, 1, err);
    for (size_t i = 0; st == CN_OK && i < n_user; i++)
        st = load_rules_dir(r, user_dirs[i], 0, err);
    if (st == CN_OK && (st = index_sets(r)) != CN_OK)
        cn_error_set(err, st, "out of memory");
    if (st) {
        rx_free(r);
        return st;
    }
    *out = r;
    return CN_OK;
}

cn_status rx_check_dir(const char *dir, cn_error *err)
{
    rules *r = rules_new();
    if (!r)
        return CN_ERR_NOMEM;
    cn_status st = load_rules_dir(r, dir, 0, err);
    rx_free(r);
    return st;
}

void rx_free(rules *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++) {
        free(r->items[i].set);
        free(r->items[i].label);
        pcre2_code_free(r->items[i].code);
    }
    free(r->items);
    for (size_t i = 0; i < r->n_sets; i++)
        free(r->sets[i].idx);
    free(r->sets);
    pcre2_match_context_free(r->mctx);
    free(r);
}

rx_scratch *rx_scratch_new(const rules *r)
{
    rx_scratch *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->md = pcre2_match_data_create(32, NULL);
    s->mctx = pcre2_match_context_copy(r->mctx);
    if (!s->md || !s->mctx) {
        rx_scratch_free(s);
        return NULL;
    }
    return s;
}

void rx_scratch_free(rx_scratch *s)
{
    if (!s)
        return;
    pcre2_match_data_free(s->md);
    pcre2_match_context_free(s->mctx);
    free(s);
}

size_t rx_find(const rules *r, rx_scratch *s, const char *set,
               const char *subject, size_t len, rx_hit *out, size_t max)
{
    const rule_set *rs = NULL;
    for (size_t k = 0; k < r->n_sets && !rs; k++)
        if (!strcmp(r->sets[k].name, set))
            rs = &r->sets[k];
    size_t n = 0;
    for (size_t j = 0; rs && j < rs->n && n < max; j++) {
        const rule *ru = &r->items[rs->idx[j]];
        size_t pos = 0;
        while (pos <= len && n < max) {
            int rc = pcre2_match(ru->code, (PCRE2_SPTR)subject, len, pos, 0, s->md, s->mctx);
            if (rc < 0)
                break;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
            out[n].label = ru->label;
            out[n].start = ov[0];
            out[n].end = ov[1];
            n++;
            pos = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
        }
    }
    return n;
}

int rx_any(const rules *r, rx_scratch *s, const char *set, const char *subject,
           size_t len)
{
    rx_hit h;
    return rx_find(r, s, set, subject, len, &h, 1) > 0;
}
