#define PCRE2_CODE_UNIT_WIDTH 8
#include "rules.h"
#include "error.h"

#include <dirent.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsv.h"
#include "vocab.h"

/* Bounds on one match: a rule that needs more than this on a sentence is
 * broken, and the limit turns it into "no match" rather than a hang. */
#define RX_MATCH_LIMIT 100000
#define RX_DEPTH_LIMIT 2000
/* Rules are tried at load on this many bytes of hostile text; one that
 * hits the limits there would backtrack catastrophically on real input. */
#define RX_PROBE_LEN 4096
#define RX_MAX_RULES 1024
#define CLS_WORD 1          /* rule_set.cls: a word byte (as \b sees it) */
#define CLS_FIRST 2         /* a byte some filtered rule may start with */
/* Start-position filter (see may_match()): slots in each set's cache and
 * how many bytes from a position it looks at.  Five bytes tell "the
 * first" from "the same", which three cannot.  A slot is one word: the
 * window's bytes (7 bits each), the byte before (9 bits, 0x100 for the
 * subject's start), the window's length (3 bits, never 0, so a used slot
 * is never 0) and the verdict, one bit per rule, in the rest; so the
 * filter speaks for the first RX_FILTER_RULES rules of a set and the
 * others are always tried. */
#define RX_CACHE_SLOTS 16384
#define RX_WINDOW 5
#define RX_PREV_SHIFT (7 * RX_WINDOW)
#define RX_LEN_SHIFT (RX_PREV_SHIFT + 9)
#define RX_MASK_SHIFT (RX_LEN_SHIFT + 3)
#define RX_FILTER_RULES (64 - RX_MASK_SHIFT)
_Static_assert(RX_WINDOW == 5, "may_match() packs five bytes");

typedef struct {
    char *set, *label;
    pcre2_code *code;
    pcre2_code *anchored;   /* the same pattern, matching only where it is started */
    int anchored_jit;       /* anchored was JIT-compiled: call the JIT directly */
    uint8_t first[32];      /* bytes a match can start with (bit set) */
    int probe;              /* looks back at most one character: probes are exact */
    int word_start;         /* written "\b...": starts no match inside a word */
} rule;

/* The rules of one set, by index, so a lookup compares set names once.
 * cache maps a few bytes around a position to the rules that could match
 * there; the slots are shared by threads, each a relaxed atomic word. */
typedef struct {
    const char *name;
    size_t *idx;
    size_t n;
    uint8_t first[32];      /* union of the filtered rules' first bytes */
    uint8_t skip[256];      /* 1: a word byte no rule may start on inside a word */
    uint8_t cls[256];       /* CLS_WORD | CLS_FIRST, looked up once per position */
    uint32_t first_rules[256];  /* bit j: filtered rule j may start on this byte */
    _Atomic uint64_t *cache;
} rule_set;

/* Scratches given back are kept for the next analysis (an article's
 * allocations, ~6,000 instructions, were a share of a short one's cost);
 * one that grew past RX_KEEP_BYTES for a huge subject is trimmed first. */
#define RX_POOL 16
#define RX_KEEP_BYTES 65536

/* libpcre2's JIT compiler does not survive every failed allocation: a
 * NULL from malloc() at some points inside pcre2_jit_compile() crashes
 * it.  So PCRE2 allocates through rx_malloc(), which falls back on a
 * reserve taken before the first pattern is compiled; what it hands out
 * is kept until the rules are freed. */
#define RX_RESERVE_BYTES (1u << 20)
typedef struct {
    char *base;
    size_t used;
} rx_reserve;

struct rules {
    rule *items;
    size_t n, cap;
    rule_set *sets;
    size_t n_sets;
    rx_reserve reserve;
    pcre2_general_context *gctx;    /* rx_malloc() and rx_free() */
    pcre2_compile_context *cctx;
    pcre2_match_context *mctx;
    /* The one part that changes after loading, behind its lock. */
    pthread_mutex_t pool_lock;
    rx_scratch *pool[RX_POOL];
    size_t n_pool;
};

/* A position where some rule of a set may start a match. */
typedef struct {
    size_t pos;
    uint32_t mask;          /* bit j: rule j of the set may match here */
} rx_cand;

/* A match found from the candidates, before hits are put in rule order. */
typedef struct {
    uint32_t rule;          /* index within the set */
    size_t start, end;
} rx_found;

/* The last search of a set: figures ask the same question of their
 * sentence once per number ("figure-global", "plant-anaphor").  The
 * subject is kept as a copy, so a caller may reuse its buffer. */
#define RX_MEMO_HITS 8
typedef struct {
    char *subject;          /* NULL: nothing remembered */
    size_t len, cap;
    size_t max, n;          /* n hits found when asked for at most max */
    rx_hit hits[RX_MEMO_HITS];
} rx_memo;

struct rx_scratch {
    rules *owner;           /* whose pool it goes back to */
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    rx_cand *cand;
    size_t cand_cap;
    rx_found *found;
    size_t found_cap;
    rx_memo *memo;          /* one per rule set */
    size_t n_memo;
};

typedef struct {
    rules *r;
    const char *path;
    const char *set;
    int set_id;             /* rule_set_id */
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

static void set_bit(uint8_t *map, unsigned c) { map[c >> 3] |= (uint8_t)(1u << (c & 7)); }
static int has_bit(const uint8_t *map, unsigned c) { return map[c >> 3] >> (c & 7) & 1; }

/* The bytes a match of re can start with, from PCRE2's own study; any
 * byte when it does not know. */
static void first_bytes(const pcre2_code *re, uint8_t map[32])
{
    const uint8_t *bitmap = NULL;
    uint32_t type = 0, unit = 0;
    pcre2_pattern_info(re, PCRE2_INFO_FIRSTBITMAP, &bitmap);
    pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODETYPE, &type);
    if (bitmap) {
        memcpy(map, bitmap, 32);
    } else if (type == 1 && pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODEUNIT, &unit) == 0) {
        /* Caselessness is not reported: allow both cases and any non-ASCII lead. */
        memset(map, 0, 32);
        set_bit(map, unit & 0xff);
        if ((unit | 32) >= 'a' && (unit | 32) <= 'z') {
            set_bit(map, unit | 32);
            set_bit(map, unit & ~32u);
        }
        for (unsigned b = 0x80; b < 256; b++)
            set_bit(map, b);
    } else {
        memset(map, 0xff, 32);
    }
    /* No character starts with a UTF-8 continuation byte, and PCRE2 (in
     * UTF mode, over valid text) starts no match inside a character: so
     * the bytes of a curly quote after its first are never tried. */
    for (unsigned b = 0x80; b < 0xC0; b++)
        map[b >> 3] &= (uint8_t)~(1u << (b & 7));
}

static int word_byte(unsigned c)
{
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') || c == '_';
}

/* A pattern written "\b..." (after optional settings such as "(?i)") cannot
 * start a match on a word character that follows another one. */
static int starts_at_word(const char *pattern)
{
    if (pattern[0] == '(' && pattern[1] == '?') {
        size_t i = 2;
        while ((pattern[i] | 32) >= 'a' && (pattern[i] | 32) <= 'z')
            i++;
        if (pattern[i] != ')')
            return 0;
        pattern += i + 1;
    }
    return pattern[0] == '\\' && pattern[1] == 'b';
}

static cn_status add_rule(void *ctx, const tsv_row *row, cn_error *err)
{
    rule_ctx *c = ctx;
    rules *r = c->r;
    if (!*row->field[0] || !*row->field[1]) {
        cni_error_at(err, CN_ERR_RULE, c->path, row->line, "empty label or pattern");
        return CN_ERR_RULE;
    }
    if (c->set_id >= 0 && !cni_rule_label_allowed((rule_set_id)c->set_id, row->field[0])) {
        char labels[512];
        cni_rule_labels((rule_set_id)c->set_id, labels, sizeof labels);
        return cni_error_at(err, CN_ERR_RULE, c->path, row->line,
                            "unknown label '%s' for %s rules (one of: %s)", row->field[0],
                            c->set, labels);
    }
    if (r->n == RX_MAX_RULES) {
        cni_error_at(err, CN_ERR_RULE, c->path, row->line, "more than %d rules", RX_MAX_RULES);
        return CN_ERR_RULE;
    }
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)row->field[1], PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &code, &off, r->cctx);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        cni_error_at(err, CN_ERR_RULE, c->path, row->line, "pattern does not compile at offset %zu: %s", (size_t)off, (char *)msg);
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
        cni_error_at(err, CN_ERR_RULE, c->path, row->line, "pattern backtracks catastrophically");
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
    ru->anchored = pcre2_compile((PCRE2_SPTR)row->field[1], PCRE2_ZERO_TERMINATED,
                                 PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_ANCHORED,
                                 &code, &off, r->cctx);
    size_t jit_size = 0;
    /* Partial matching too: the start filter probes with the JIT. */
    ru->anchored_jit = ru->anchored &&
                       pcre2_jit_compile(ru->anchored, PCRE2_JIT_COMPLETE | PCRE2_JIT_PARTIAL_HARD) == 0 &&
                       pcre2_pattern_info(ru->anchored, PCRE2_INFO_JITSIZE, &jit_size) == 0 &&
                       jit_size > 0;
    first_bytes(re, ru->first);
    ru->word_start = starts_at_word(row->field[1]);
    uint32_t behind = 0;
    ru->probe = pcre2_pattern_info(re, PCRE2_INFO_MAXLOOKBEHIND, &behind) == 0 && behind <= 1;
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

static cn_status load_rules_dir(rules *r, const char *dir, int required, int strict,
                                cn_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/rules", dir);
    DIR *dh = opendir(path);
    if (!dh) {
        if (!required)
            return CN_OK;
        cni_error_at(err, CN_ERR_DATA, path, 0, "missing rules folder");
        return CN_ERR_DATA;
    }
    char *names[256];
    size_t n = 0;
    struct dirent *de;
    cn_status st = CN_OK;
    while ((de = readdir(dh)) && n < 256) {
        size_t l = strlen(de->d_name);
        if (de->d_name[0] == '.')
            continue;
        int is_rules = l > 6 && strcmp(de->d_name + l - 6, ".rules") == 0;
        if (!is_rules && strict) {
            st = cni_error_at(err, CN_ERR_DATA, path, 0,
                              "'%s' is not a .rules file; it would be ignored", de->d_name);
            break;
        }
        if (is_rules) {
            if (!(names[n] = strdup(de->d_name))) {
                st = cni_error_set(err, CN_ERR_NOMEM, "out of memory");
                break;
            }
            n++;
        }
    }
    closedir(dh);
    qsort(names, n, sizeof *names, by_name);   /* load order must not depend on the file system */
    for (size_t i = 0; i < n; i++) {
        if (st == CN_OK && names[i]) {
            char file[4600], set[256];
            snprintf(file, sizeof file, "%s/%s", path, names[i]);
            snprintf(set, sizeof set, "%.*s", (int)(strlen(names[i]) - 6), names[i]);
            char *data;
            size_t len;
            int set_id = strict ? cni_rule_set_from_name(set) : -1;
            if (strict && set_id < 0) {
                char sets[512];
                cni_rule_set_names(sets, sizeof sets);
                st = cni_error_at(err, CN_ERR_DATA, file, 0, "unknown rules file (expected %s)",
                                  sets);
                free(names[i]);
                continue;
            }
            st = cni_tsv_read_file(file, &data, &len, err);
            if (st == CN_OK) {
                static const char *const cols[] = {"label", "pattern"};
                rule_ctx c = {r, file, set, set_id};
                st = cni_tsv_parse(data, len, file, cols, 2, add_rule, &c, err);
                free(data);
            }
        }
        free(names[i]);
    }
    return st;
}

static void *rx_malloc(PCRE2_SIZE n, void *data)
{
    void *p = malloc(n);
    rx_reserve *rv = data;
    size_t need = (n + 15) & ~(size_t)15;
    if (p || !rv->base || need < n || need > RX_RESERVE_BYTES - rv->used)
        return p;
    p = rv->base + rv->used;
    rv->used += need;
    return p;
}

static void rx_free(void *p, void *data)
{
    const rx_reserve *rv = data;
    uintptr_t a = (uintptr_t)p, b = (uintptr_t)rv->base;
    if (rv->base && a >= b && a < b + RX_RESERVE_BYTES)
        return;         /* from the reserve: kept until the rules go */
    free(p);
}

static rules *rules_new(void)
{
    rules *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->reserve.base = malloc(RX_RESERVE_BYTES);
    r->gctx = r->reserve.base ? pcre2_general_context_create(rx_malloc, rx_free, &r->reserve) : NULL;
    r->cctx = r->gctx ? pcre2_compile_context_create(r->gctx) : NULL;
    r->mctx = pcre2_match_context_create(NULL);
    if (!r->mctx || !r->cctx) {
        pcre2_match_context_free(r->mctx);
        pcre2_compile_context_free(r->cctx);
        pcre2_general_context_free(r->gctx);
        free(r->reserve.base);
        free(r);
        return NULL;
    }
    pcre2_set_match_limit(r->mctx, RX_MATCH_LIMIT);
    pcre2_set_depth_limit(r->mctx, RX_DEPTH_LIMIT);
    pthread_mutex_init(&r->pool_lock, NULL);
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
        if (set->n < RX_FILTER_RULES)
            for (int b = 0; b < 32; b++)
                set->first[b] |= r->items[i].first[b];
        set->idx[set->n++] = i;
    }
    for (size_t k = 0; k < r->n_sets; k++) {
        rule_set *set = &r->sets[k];
        uint8_t inner_first[32] = {0};  /* first bytes of rules that may start inside words */
        for (size_t j = 0; j < set->n && j < RX_FILTER_RULES; j++)
            if (!r->items[set->idx[j]].word_start)
                for (int b = 0; b < 32; b++)
                    inner_first[b] |= r->items[set->idx[j]].first[b];
        for (unsigned c = 0; c < 256; c++) {
            set->skip[c] = (uint8_t)(word_byte(c) && !has_bit(inner_first, c));
            set->cls[c] = (uint8_t)((word_byte(c) ? CLS_WORD : 0) | (has_bit(set->first, c) ? CLS_FIRST : 0));
            for (size_t j = 0; j < set->n && j < RX_FILTER_RULES; j++)
                if (has_bit(r->items[set->idx[j]].first, c))
                    set->first_rules[c] |= 1u << j;
        }
        set->cache = calloc(RX_CACHE_SLOTS, sizeof *set->cache);
        if (!set->cache)
            return CN_ERR_NOMEM;
    }
    return CN_OK;
}

cn_status cni_rx_load(rules **out, const char *dir, const char *const *user_dirs,
                  size_t n_user, int strict, cn_error *err)
{
    *out = NULL;
    rules *r = rules_new();
    if (!r)
        return CN_ERR_NOMEM;
    cn_status st = load_rules_dir(r, dir, 1, strict, err);
    for (size_t i = 0; st == CN_OK && i < n_user; i++)
        st = load_rules_dir(r, user_dirs[i], 0, strict, err);
    if (st == CN_OK && (st = index_sets(r)) != CN_OK)
        cni_error_set(err, st, "out of memory");
    if (st) {
        cni_rx_free(r);
        return st;
    }
    *out = r;
    return CN_OK;
}

cn_status cni_rx_check_dir(const char *dir, int strict, cn_error *err)
{
    rules *r = rules_new();
    if (!r)
        return CN_ERR_NOMEM;
    cn_status st = load_rules_dir(r, dir, 0, strict, err);
    cni_rx_free(r);
    return st;
}

void cni_rx_free(rules *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++) {
        free(r->items[i].set);
        free(r->items[i].label);
        pcre2_code_free(r->items[i].code);
        pcre2_code_free(r->items[i].anchored);
    }
    free(r->items);
    for (size_t i = 0; i < r->n_sets; i++) {
        free(r->sets[i].idx);
        free((void *)r->sets[i].cache);
    }
    free(r->sets);
    pcre2_match_context_free(r->mctx);
    pcre2_compile_context_free(r->cctx);
    pcre2_general_context_free(r->gctx);
    for (size_t k = 0; k < r->n_pool; k++) {
        r->pool[k]->owner = NULL;
        cni_rx_scratch_free(r->pool[k]);
    }
    pthread_mutex_destroy(&r->pool_lock);
    free(r->reserve.base);      /* after every pattern that may live in it */
    free(r);
}

rx_scratch *cni_rx_scratch_new(const rules *r)
{
    rules *own = (rules *)r;    /* only the pool is written, under its lock */
    pthread_mutex_lock(&own->pool_lock);
    rx_scratch *s = own->n_pool ? own->pool[--own->n_pool] : NULL;
    pthread_mutex_unlock(&own->pool_lock);
    if (s)
        return s;
    s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->owner = own;
    /* One pair: only the whole match is read (a match with more groups
     * returns 0, not an error), and the JIT resets no more pairs. */
    s->md = pcre2_match_data_create(1, NULL);
    s->mctx = pcre2_match_context_copy(r->mctx);
    s->n_memo = r->n_sets;
    s->memo = calloc(r->n_sets ? r->n_sets : 1, sizeof *s->memo);
    if (!s->md || !s->mctx || !s->memo) {
        cni_rx_scratch_free(s);
        return NULL;
    }
    return s;
}

/* Gives back what a huge subject made the scratch hold. */
static void trim(rx_scratch *s)
{
    for (size_t k = 0; k < s->n_memo; k++)
        if (s->memo[k].cap > RX_KEEP_BYTES) {
            free(s->memo[k].subject);
            s->memo[k] = (rx_memo){0};
        }
    if (s->cand_cap * sizeof *s->cand > RX_KEEP_BYTES) {
        free(s->cand);
        s->cand = NULL;
        s->cand_cap = 0;
    }
    if (s->found_cap * sizeof *s->found > RX_KEEP_BYTES) {
        free(s->found);
        s->found = NULL;
        s->found_cap = 0;
    }
}

void cni_rx_scratch_free(rx_scratch *s)
{
    if (!s)
        return;
    rules *own = s->owner;
    if (own && s->md && s->mctx && s->memo) {
        trim(s);
        pthread_mutex_lock(&own->pool_lock);
        int kept = own->n_pool < RX_POOL;
        if (kept)
            own->pool[own->n_pool++] = s;
        pthread_mutex_unlock(&own->pool_lock);
        if (kept)
            return;
    }
    pcre2_match_data_free(s->md);
    pcre2_match_context_free(s->mctx);
    free(s->cand);
    free(s->found);
    for (size_t k = 0; s->memo && k < s->n_memo; k++)
        free(s->memo[k].subject);
    free(s->memo);
    free(s);
}

/* Which rules of set rs could start a match at pos?  Running every pattern
 * over every sentence was the costliest step of an analysis, so each
 * position is first judged by the bytes around it: the byte before (for
 * \b) and up to RX_WINDOW bytes from it.  A rule is ruled out only when
 * PCRE2 itself, matching anchored there with PCRE2_PARTIAL_HARD, says no
 * text going on from those bytes could match; verdicts are cached.  The
 * probes run in the JIT (compiled for partial matching), so a window is
 * probed the first time it is seen. */
static uint32_t may_match(const rules *r, const rule_set *rs, rx_scratch *s,
                          const unsigned char *subject, size_t len, size_t pos)
{
    size_t w = len - pos < RX_WINDOW ? len - pos : RX_WINDOW;
    unsigned prev = pos ? subject[pos - 1] : 0x100;
    uint64_t key = (uint64_t)w << RX_LEN_SHIFT | (uint64_t)prev << RX_PREV_SHIFT;
    if (len - pos >= 8) {       /* the five bytes from one load, seven bits each */
        uint64_t x;
        memcpy(&x, subject + pos, 8);
        if (x & 0x8080808080ull)          /* the window may end inside a character */
            return rs->first_rules[subject[pos]];
        key |= (x & 0x7F) | (x >> 1 & 0x7Full << 7) | (x >> 2 & 0x7Full << 14) |
               (x >> 3 & 0x7Full << 21) | (x >> 4 & 0x7Full << 28);
    } else {
        for (size_t i = 0; i < w; i++) {
            if (subject[pos + i] >= 0x80)
                return rs->first_rules[subject[pos]];
            key |= (uint64_t)subject[pos + i] << (7 * i);
        }
    }
    if (prev >= 0x80 && prev != 0x100)
        return rs->first_rules[subject[pos]];
    size_t slot = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 40) % RX_CACHE_SLOTS;
    uint64_t entry = atomic_load_explicit(&rs->cache[slot], memory_order_relaxed);
    if ((entry & (((uint64_t)1 << RX_MASK_SHIFT) - 1)) == key)
        return (uint32_t)(entry >> RX_MASK_SHIFT);
    uint32_t all = rs->first_rules[subject[pos]];
    unsigned char probe[1 + RX_WINDOW];
    size_t off = 0;
    if (pos)
        probe[off++] = (unsigned char)prev;
    memcpy(probe + off, subject + pos, w);
    uint32_t mask = 0;
    for (size_t j = 0; j < rs->n && j < RX_FILTER_RULES; j++) {
        const rule *ru = &r->items[rs->idx[j]];
        if (!(all >> j & 1))
            continue;
        int rc = !ru->probe ? 0
               : ru->anchored_jit ? pcre2_jit_match(ru->anchored, probe, off + w, off,
                                                    PCRE2_PARTIAL_HARD, s->md, s->mctx)
               : pcre2_match(ru->code, probe, off + w, off, PCRE2_ANCHORED | PCRE2_PARTIAL_HARD,
                             s->md, s->mctx);
        if (rc != PCRE2_ERROR_NOMATCH)
            mask |= 1u << j;
    }
    atomic_store_explicit(&rs->cache[slot], (uint64_t)mask << RX_MASK_SHIFT | key, memory_order_relaxed);
    return mask;
}

/* Positions of the subject where some filtered rule may start a match;
 * (size_t)-1 when out of memory. */
static size_t candidates(const rules *r, const rule_set *rs, rx_scratch *s,
                         const char *subject, size_t len)
{
    const unsigned char *u = (const unsigned char *)subject;
    size_t n = 0;
    for (size_t pos = 0, next; pos < len; pos = next) {
        next = pos + 1;
        unsigned cls = rs->cls[u[pos]];
        /* Inside a word, word_start rules cannot start: skip to its end
         * unless another rule may start on one of its bytes. */
        if (cls & CLS_WORD)
            while (next < len && rs->skip[u[next]])
                next++;
        if (!(cls & CLS_FIRST))
            continue;
        uint32_t mask = may_match(r, rs, s, u, len, pos);
        if (!mask)
            continue;
        if (n == s->cand_cap) {
            size_t cap = s->cand_cap ? s->cand_cap * 2 : 64;
            rx_cand *p = realloc(s->cand, cap * sizeof *p);
            if (!p)
                return (size_t)-1;
            s->cand = p;
            s->cand_cap = cap;
        }
        s->cand[n].pos = pos;
        s->cand[n].mask = mask;
        n++;
    }
    return n;
}

/* Matches of a rule from pos on, leftmost first, appended to out. */
static size_t scan_rule(const pcre2_code *code, const char *label, rx_scratch *s,
                        const char *subject, size_t len, size_t pos,
                        rx_hit *out, size_t n, size_t max)
{
    while (pos <= len && n < max) {
        int rc = pcre2_match(code, (PCRE2_SPTR)subject, len, pos, 0, s->md, s->mctx);
        if (rc < 0)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
        out[n].label = label;
        out[n].start = ov[0];
        out[n].end = ov[1];
        n++;
        pos = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
    }
    return n;
}

/* Every rule tried anchored at the candidates it may match at, in
 * position order; between candidates a rule cannot start a match, so this
 * finds what scanning with each rule would.  Matches go to s->found;
 * returns their count, or (size_t)-1 when out of memory. */
static size_t match_candidates(const rules *r, const rule_set *rs, rx_scratch *s,
                               const char *subject, size_t len, size_t nc)
{
    size_t next[RX_FILTER_RULES] = {0};     /* where each rule may match again */
    size_t nf = 0;
    for (size_t c = 0; c < nc; c++) {
        size_t at = s->cand[c].pos;
        for (uint32_t m = s->cand[c].mask; m; m &= m - 1) {
            unsigned j = (unsigned)__builtin_ctz(m);
            const rule *ru = &r->items[rs->idx[j]];
            if (at < next[j] || !ru->anchored)
                continue;
            int rc = ru->anchored_jit
                   ? pcre2_jit_match(ru->anchored, (PCRE2_SPTR)subject, len, at, 0, s->md, s->mctx)
                   : pcre2_match(ru->anchored, (PCRE2_SPTR)subject, len, at, 0, s->md, s->mctx);
            if (rc < 0)
                continue;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
            if (nf == s->found_cap) {
                size_t cap = s->found_cap ? s->found_cap * 2 : 32;
                rx_found *p = realloc(s->found, cap * sizeof *p);
                if (!p)
                    return (size_t)-1;
                s->found = p;
                s->found_cap = cap;
            }
            s->found[nf].rule = j;
            s->found[nf].start = ov[0];
            s->found[nf].end = ov[1];
            nf++;
            next[j] = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
        }
    }
    return nf;
}

static void remember(rx_memo *memo, const char *subject, size_t len, size_t max,
                     const rx_hit *hits, size_t n)
{
    if (n > RX_MEMO_HITS || len > SIZE_MAX / 2) {
        free(memo->subject);
        *memo = (rx_memo){0};
        return;
    }
    if (len > memo->cap || !memo->subject) {
        size_t cap = len < 256 ? 256 : len * 2;
        char *p = realloc(memo->subject, cap);
        if (!p) {
            free(memo->subject);
            *memo = (rx_memo){0};
            return;
        }
        memo->subject = p;
        memo->cap = cap;
    }
    memcpy(memo->subject, subject, len);
    memo->len = len;
    memo->max = max;
    memo->n = n;
    memcpy(memo->hits, hits, n * sizeof *hits);
}

static size_t find_in_set(const rules *r, const rule_set *rs, rx_scratch *s,
                          const char *subject, size_t len, rx_hit *out, size_t max)
{
    size_t nc = candidates(r, rs, s, subject, len);
    size_t nf = nc == (size_t)-1 ? (size_t)-1 : match_candidates(r, rs, s, subject, len, nc);
    size_t n = 0;
    for (size_t j = 0; j < rs->n && n < max; j++) {
        const rule *ru = &r->items[rs->idx[j]];
        if (j >= RX_FILTER_RULES || !ru->anchored || nf == (size_t)-1) {
            n = scan_rule(ru->code, ru->label, s, subject, len, 0, out, n, max);
            continue;
        }
        for (size_t f = 0; f < nf && n < max; f++) {
            if (s->found[f].rule != j)
                continue;
            out[n].label = ru->label;
            out[n].start = s->found[f].start;
            out[n].end = s->found[f].end;
            n++;
        }
    }
    return n;
}

size_t cni_rx_find(const rules *r, rx_scratch *s, const char *set,
               const char *subject, size_t len, rx_hit *out, size_t max)
{
    const rule_set *rs = NULL;
    for (size_t k = 0; k < r->n_sets && !rs; k++)
        if (r->sets[k].name[0] == set[0] && !strcmp(r->sets[k].name, set))
            rs = &r->sets[k];
    if (!rs)
        return 0;
    /* Hits come in a fixed order and are cut at max: a search that found
     * fewer than it was allowed, or was allowed more, answers this one. */
    rx_memo *memo = &s->memo[rs - r->sets];
    if (memo->subject && memo->len == len && (memo->n < memo->max || max <= memo->max) &&
        memcmp(memo->subject, subject, len) == 0) {
        size_t n = memo->n < max ? memo->n : max;
        memcpy(out, memo->hits, n * sizeof *out);
        return n;
    }
    size_t n = find_in_set(r, rs, s, subject, len, out, max);
    remember(memo, subject, len, max, out, n);
    return n;
}

int cni_rx_any(const rules *r, rx_scratch *s, const char *set, const char *subject,
           size_t len)
{
    rx_hit h;
    return cni_rx_find(r, s, set, subject, len, &h, 1) > 0;
}
