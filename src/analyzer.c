/* The analyzer: data loading, and the pipeline ingest -> segment ->
 * extract -> results for one document. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc.h"
#include "error.h"
#include "ingest.h"
#include "tsv.h"

#ifndef CARNEWS_INSTALL_DATA_DIR
#define CARNEWS_INSTALL_DATA_DIR "/usr/local/share/carnews"
#endif

const char *cn_entity_type_name(cn_entity_type t)
{
    static const char *const names[] = {"brand", "model", "plant", "person",
                                        "organization", "place"};
    return (unsigned)t < CN_ENT_TYPE_COUNT ? names[t] : "unknown";
}

/*** Data folder ***/

static int is_data_dir(const char *dir)
{
    char path[2 * PATH_MAX];
    struct stat st;
    snprintf(path, sizeof path, "%s/brands.tsv", dir);
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The installed binary looks beside itself first (prefix/bin ->
 * prefix/share/carnews), so a relocated install still finds its data; a
 * program in the build tree's top folder reads the source tree's data;
 * anything else reads the configured prefix. */
static char *default_data_dir(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            char cand[PATH_MAX + 32];
            snprintf(cand, sizeof cand, "%s/../share/carnews", exe);
            char real[PATH_MAX];
            if (is_data_dir(cand))
                return strdup(realpath(cand, real) ? real : cand);
        }
    }
#ifdef CARNEWS_BUILD_BIN_DIR
    /* A program run from the build tree reads the source tree's data; an
     * installed one never does, even when the build tree still exists. */
    if (n > 0 && strcmp(exe, CARNEWS_BUILD_BIN_DIR) == 0 && is_data_dir(CARNEWS_SOURCE_DATA_DIR))
        return strdup(CARNEWS_SOURCE_DATA_DIR);
#endif
    return strdup(CARNEWS_INSTALL_DATA_DIR);
}

/* The stages below set err where they know more; a status that comes back
 * without a message (an allocation deep in a loader) gets the generic one,
 * so err->code always equals the status returned. */
static cn_status checked(cn_error *err, cn_status st)
{
    if (st != CN_OK && err && (err->code != st || !err->message[0]))
        cni_error_set(err, st, "%s", cn_strerror(st));
    return st;
}

char *cn_default_data_dir(void) { return default_data_dir(); }

cn_status cn_analyzer_new(const cn_options *opts, cn_analyzer **out, cn_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
    if (!out)
        return cni_error_set(err, CN_ERR_ARG, "cn_analyzer_new: out is NULL");
    *out = NULL;
    if (opts && opts->n_user_dirs && !opts->user_dirs)
        return cni_error_set(err, CN_ERR_ARG, "cn_analyzer_new: n_user_dirs without user_dirs");
    cn_analyzer *a = calloc(1, sizeof *a);
    if (!a)
        return cni_error_set(err, CN_ERR_NOMEM, "out of memory");
    a->data_dir = opts && opts->data_dir ? strdup(opts->data_dir) : default_data_dir();
    if (!a->data_dir) {
        free(a);
        return cni_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    const char *const *user = opts ? opts->user_dirs : NULL;
    size_t n_user = opts ? opts->n_user_dirs : 0;
    cn_status st = cni_gz_load(&a->gaz, a->data_dir, user, n_user, err);
    if (st == CN_OK)
        st = cni_rx_load(&a->rx, a->data_dir, user, n_user, 1, err);
    if (st != CN_OK) {
        cn_analyzer_free(a);
        return checked(err, st);
    }
    *out = a;
    return CN_OK;
}

void cn_analyzer_free(cn_analyzer *a)
{
    if (!a)
        return;
    cni_gz_free(a->gaz);
    cni_rx_free(a->rx);
    free(a->data_dir);
    free(a);
}

const char *cn_analyzer_data_dir(const cn_analyzer *a) { return a ? a->data_dir : NULL; }

cn_status cn_data_check(const char *dir, cn_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
    if (!dir)
        return cni_error_set(err, CN_ERR_ARG, "cn_data_check: dir is NULL");
    char *builtin = default_data_dir();
    char real_dir[PATH_MAX], real_builtin[PATH_MAX];
    if (builtin && realpath(dir, real_dir) && realpath(builtin, real_builtin) &&
        strcmp(real_dir, real_builtin) == 0) {
        free(builtin);
        builtin = NULL;     /* the built-in data itself */
    }
    cn_status st = cni_gz_check_dir(dir, builtin && is_data_dir(builtin) ? builtin : NULL, err);
    free(builtin);
    return checked(err, st ? st : cni_rx_check_dir(dir, 1, err));
}

/*** Documents ***/

static int by_first_offset(const void *x, const void *y)
{
    const cn_entity *a = x, *b = y;
    size_t sa = a->n_mentions ? a->mentions[0].start : 0;
    size_t sb = b->n_mentions ? b->mentions[0].start : 0;
    if (sa != sb)
        return sa < sb ? -1 : 1;
    return (int)a->type - (int)b->type;
}

static int by_start_fig(const void *x, const void *y)
{
    const cn_figure *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

static int by_start_quote(const void *x, const void *y)
{
    const cn_quote *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* Sort n items unless they already are in order: the stages mostly emit
 * them in order, and qsort would take a temporary copy of a huge array.
 * (qsort is a stable merge sort in glibc, so skipping it changes nothing.) */
static void sort_if_needed(void *base, size_t n, size_t size,
                           int (*cmp)(const void *, const void *))
{
    const char *p = base;
    for (size_t i = 1; i < n; i++) {
        if (cmp(p + (i - 1) * size, p + i * size) > 0) {
            qsort(base, n, size, cmp);
            return;
        }
    }
}

static int finish_results(cn_doc *d)
{
    cn_result *r = &d->res;
    cn_entity *ents = cni_arena_alloc(&d->mem, sizeof *ents * (d->n_ents + 1));
    if (!ents)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < d->n_ents; i++) {
        entity_build *b = &d->ents[i];
        if (!b->n_mentions)
            continue;       /* dropped while merging */
        ents[n] = b->pub;
        ents[n].mentions = b->mentions;
        ents[n].n_mentions = b->n_mentions;
        n++;
    }
    sort_if_needed(ents, n, sizeof *ents, by_first_offset);
    r->entities = ents;
    r->n_entities = n;
    sort_if_needed(d->figs, d->n_figs, sizeof *d->figs, by_start_fig);
    r->figures = d->figs;
    r->n_figures = d->n_figs;
    sort_if_needed(d->quotes, d->n_quotes, sizeof *d->quotes, by_start_quote);
    r->quotes = d->quotes;
    r->n_quotes = d->n_quotes;
    return 0;
}

static char *dup_opt(cn_doc *d, const char *s)
{
    return s ? cni_arena_strdup(&d->mem, s) : NULL;
}

cn_status cn_analyze(const cn_analyzer *a, const char *bytes, size_t len,
                     cn_input_kind kind, const char *name, cn_doc **out,
                     cn_error *err)
{
    return cn_analyze_types(a, bytes, len, kind, name, 0, out, err);
}

cn_status cn_analyze_types(const cn_analyzer *a, const char *bytes, size_t len,
                           cn_input_kind kind, const char *name, unsigned types,
                           cn_doc **out, cn_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
    if (out)
        *out = NULL;
    if (!a || !out || (!bytes && len))
        return cni_error_set(err, CN_ERR_ARG, "cn_analyze: %s is NULL",
                             !a ? "the analyzer" : !out ? "out" : "bytes");
    if (len > CN_MAX_INPUT)
        return cni_error_set(err, CN_ERR_LIMIT, "input of %zu bytes is over the %zu MiB limit",
                             len, CN_MAX_INPUT >> 20);
    cn_doc *d = calloc(1, sizeof *d);
    if (!d)
        return cni_error_set(err, CN_ERR_NOMEM, "out of memory");
    cni_arena_init(&d->mem);
    d->an = a;
    ing_doc ing;
    ing_mode mode = kind == CN_INPUT_TEXT ? ING_MODE_TEXT
                  : kind == CN_INPUT_HTML ? ING_MODE_HTML : ING_MODE_AUTO;
    if (cni_ing_run(bytes ? bytes : "", len, name, mode, &ing) != 0)
        goto nomem;
    cn_result *r = &d->res;
    char *text = cni_arena_strndup(&d->mem, ing.text ? ing.text : "", ing.len);
    r->text = text;
    r->text_len = ing.len;
    r->format = ing.format == ING_FORMAT_HTML ? "html" : "text";
    r->title = dup_opt(d, ing.title);
    r->published = dup_opt(d, ing.published);
    r->author = dup_opt(d, ing.author);
    r->site = dup_opt(d, ing.site);
    r->warnings = (ing.warnings & ING_WARN_INVALID_UTF8 ? CN_WARN_INVALID_UTF8 : 0) |
                  (ing.warnings & ING_WARN_UTF16 ? CN_WARN_UTF16 : 0) |
                  (ing.warnings & ING_WARN_CHARSET ? CN_WARN_CHARSET : 0) |
                  (ing.warnings & ING_WARN_NO_BODY ? CN_WARN_NO_BODY : 0) |
                  (ing.warnings & ING_WARN_TRUNCATED ? CN_WARN_TRUNCATED : 0);
    cni_ing_doc_release(&ing);
    if (!text || r->text_len > UINT32_MAX - 1)
        goto nomem;
    if (cni_seg_run(text, r->text_len, &d->mem, &d->seg))
        goto nomem;
    r->stats.bytes = r->text_len;
    r->stats.paragraphs = d->seg.n_paras;
    r->stats.sentences = d->seg.n_sents;
    r->stats.words = d->seg.words;
    d->tok_entity = cni_arena_alloc(&d->mem, sizeof(uint32_t) * (d->seg.n_toks + 1));
    d->gz_at = cni_arena_alloc(&d->mem, sizeof(uint32_t) * (d->seg.n_toks + 1));
    d->gz_n = cni_arena_alloc(&d->mem, d->seg.n_toks + 1);
    d->scratch = cni_rx_scratch_new(a->rx);
    if (!d->tok_entity || !d->gz_at || !d->gz_n || !d->scratch)
        goto nomem;
    /* Tokens no name can start at are answered (none) before anyone asks. */
    cni_gz_mark_starts(a->gaz, d->seg.toks, d->seg.n_toks, d->gz_n, GZ_AT_UNKNOWN);
    d->gz_n[d->seg.n_toks] = GZ_AT_UNKNOWN;
    int figures = !types || (types & CN_TYPE_FIGURE), quotes = !types || (types & CN_TYPE_QUOTE);
    if (cni_ex_entities(d) || (figures && cni_ex_figures(d)) || (quotes && cni_ex_quotes(d)) ||
        finish_results(d))
        goto nomem;
    cni_rx_scratch_free(d->scratch);
    d->scratch = NULL;
    free(d->gz_pool);
    d->gz_pool = NULL;
    d->gz_n = NULL;
    cni_u64map_release(&d->ent_index);
    *out = d;
    return CN_OK;
nomem:
    cn_doc_free(d);
    return cni_error_set(err, CN_ERR_NOMEM, "out of memory");
}

const cn_result *cn_doc_result(const cn_doc *d) { return d ? &d->res : NULL; }

void cn_doc_free(cn_doc *d)
{
    if (!d)
        return;
    cni_rx_scratch_free(d->scratch);
    cni_u64map_release(&d->ent_index);
    free(d->gz_pool);
    cni_arena_release(&d->mem);
    free(d);
}
