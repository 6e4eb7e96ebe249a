/* The batch driver behind analyze, summarize and text: list the inputs,
 * analyse them on the worker pool, and write each result in input order
 * from the main thread. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

typedef struct {
    const cli_opts *o;
    const cn_analyzer *an;
    cn_report_options ropts;
} run_ctx;

typedef struct {
    const cli_opts *o;
    int json_array;         /* json: several results, in one array */
    int headings;           /* text: "==> PATH <==" above each text */
    size_t written;         /* results written so far */
    size_t done, total;     /* for progress; total = 0 when unknown */
    uint64_t bytes;
    int ended_nl;           /* the last result ended with a newline */
    int failed;             /* some input failed */
    cn_summary *sum;
} sink;

/*** Workers ***/

static void do_job(void *ctx, job *j)
{
    const run_ctx *c = ctx;
    char *data = j->data;
    size_t len = j->len;
    j->data = NULL;     /* read by the main thread (containers.c), or: */
    if (!data && read_input(j->path, &data, &len, &j->errnum, &j->too_big) != 0)
        return;
    j->bytes = len;
    if (j->walked && looks_binary(data, len)) {
        free(data);
        j->warning = "binary file, skipped";
        return;
    }
    cn_doc *doc = NULL;
    cn_error err;
    const char *name = j->name ? j->name : strcmp(j->path, "-") == 0 ? NULL : j->path;
    cn_input_kind kind = c->o->input != CN_INPUT_AUTO ? c->o->input : j->kind;
    j->status = cn_analyze_types(c->an, data, len, kind, name, c->o->types, &doc, &err);
    free(data);
    if (j->status != CN_OK) {
        snprintf(j->status_msg, sizeof j->status_msg, "%s",
                 err.message[0] ? err.message : cn_strerror(j->status));
        return;
    }
    const cn_result *r = cn_doc_result(doc);
    j->warnings = r->warnings;
    switch (c->o->cmd) {
    case CMD_SUMMARIZE:
        j->doc = doc;       /* the main thread adds it to the summary */
        return;
    case CMD_TEXT:
        j->out = malloc(r->text_len + 1);
        if (j->out) {
            memcpy(j->out, r->text, r->text_len);
            j->out[r->text_len] = '\0';
            j->out_len = r->text_len;
        }
        break;
    case CMD_ANALYZE:
        j->out = cn_report_render(doc, j->path, c->o->format, &c->ropts, &j->out_len);
        break;
    }
    if (!j->out) {
        j->status = CN_ERR_NOMEM;
        snprintf(j->status_msg, sizeof j->status_msg, "%s", cn_strerror(CN_ERR_NOMEM));
    }
    cn_doc_free(doc);
}

static void release_job(job *j)
{
    free(j->path);
    free(j->out);
    free(j->data);
    free(j->name);
    cn_doc_free(j->doc);
    memset(j, 0, sizeof *j);
}

/*** Writing, in order ***/

/* Separator before every result but the first: a blank line between
 * texts and text reports, ",\n" between the objects of a JSON array. */
static void write_separator(sink *s)
{
    if (s->written == 0)
        return;
    if (s->o->cmd == CMD_TEXT || s->o->format == CN_FORMAT_TEXT)
        out_puts(s->ended_nl ? "\n" : "\n\n");
    else if (s->o->format == CN_FORMAT_JSON && s->json_array)
        out_puts(",\n");
}

static void write_result(sink *s, job *j)
{
    const cli_opts *o = s->o;
    if (o->cmd == CMD_SUMMARIZE) {
        cn_error err;
        if (cn_summary_add(s->sum, j->doc, j->path, &err) != CN_OK) {
            msg_error(j->path, "%s", err.message);
            s->failed = 1;
        }
        return;
    }
    /* The progress line shares the terminal: take it off before output, so
     * no stale line is left between reports; it comes back on the next
     * update. */
    progress_clear();
    write_separator(s);
    if (o->cmd == CMD_TEXT && s->headings) {
        out_puts("==> ");
        out_puts(j->path);
        out_puts(" <==\n");
    }
    size_t len = j->out_len;
    /* Inside an array, the object's closing newline is the separator's. */
    if (o->cmd == CMD_ANALYZE && o->format == CN_FORMAT_JSON && s->json_array &&
        len && j->out[len - 1] == '\n')
        len--;
    out_write(j->out, len);
    s->ended_nl = len == 0 || j->out[len - 1] == '\n';
    if (o->cmd == CMD_ANALYZE && o->format == CN_FORMAT_JSONL && out_is_stream())
        out_flush();        /* a consumer sees each article as it is done */
    s->written++;
}

static void report_job(sink *s, job *j)
{
    if (j->warning) {
        if (!s->o->quiet)
            msg_error(j->path, "warning: %s", j->warning);
        return;
    }
    if (j->errnum) {
        msg_error(j->path, "%s", strerror(j->errnum));
        s->failed = 1;
        return;
    }
    if (j->too_big) {
        msg_error(j->path, "larger than the %zu MiB limit, not analysed",
                  CN_MAX_INPUT >> 20);
        s->failed = 1;
        return;
    }
    if (j->status != CN_OK) {
        msg_error(j->path, "%s", j->status_msg);
        s->failed = 1;
        return;
    }
    if ((j->warnings & CN_WARN_INVALID_UTF8) && !s->o->quiet)
        msg_error(j->path, "warning: not valid UTF-8, read as Windows-1252");
    if ((j->warnings & CN_WARN_TRUNCATED) && !s->o->quiet)
        msg_error(j->path, "warning: more than a million HTML tags, the rest was not read");
    write_result(s, j);
}

/*** Set-up ***/

static int make_analyzer(const cli_opts *o, cn_analyzer **an)
{
    /* Every data file is optional in a user folder, so a mistyped folder
     * would otherwise be ignored without a word. */
    for (size_t i = 0; i < o->data_dirs.n; i++) {
        struct stat st;
        const char *dir = o->data_dirs.v[i];
        int err = stat(dir, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
        if (err) {
            msg_error(dir, "%s", strerror(err));
            return -1;
        }
    }
    cn_options copts = {NULL, o->data_dirs.v, o->data_dirs.n};
    cn_error err;
    cn_status st = cn_analyzer_new(&copts, an, &err);
    if (st != CN_OK) {
        msg_error(NULL, "%s", err.message[0] ? err.message : cn_strerror(st));
        return -1;
    }
    return 0;
}

/* Whether json needs an array, and how many inputs there are when that
 * is known without walking (progress shows "done/total" then). */
static void count_inputs(const cli_opts *o, int *many, size_t *total)
{
    int dirs = 0;
    for (size_t i = 0; i < o->paths.n; i++) {
        struct stat st;
        if (strcmp(o->paths.v[i], "-") != 0 && stat(o->paths.v[i], &st) == 0 &&
            S_ISDIR(st.st_mode))
            dirs = 1;
    }
    *many = o->paths.n > 1 || dirs || o->files_from || inputs_may_expand(o);
    *total = dirs || o->files_from ? 0 : o->paths.n;
}

/*** Main loop ***/

/* Queue inputs while the ring has room.  An input list that has no new
 * name yet (a pipe, a terminal) is waited for only when no job is
 * pending; otherwise *waiting is set and the caller writes what is done
 * meanwhile. */
static int fill(pool *p, expander *ex, int *more, int *waiting)
{
    *waiting = 0;
    while (*more && pool_has_room(p)) {
        job j;
        int r = expander_next(ex, &j, 0);
        if (r == INPUTS_WAIT && pool_pending(p) > 0) {
            *waiting = 1;
            break;
        }
        if (r == INPUTS_WAIT) {
            out_flush();    /* all written: show it before the wait */
            r = expander_next(ex, &j, 1);
        }
        if (r < 0) {
            *more = 0;
            return -1;
        }
        if (r == 0) {
            *more = 0;
            break;
        }
        pool_submit(p, &j, job_has_work(&j));
    }
    return 0;
}

int cli_run(const cli_opts *o)
{
    int status = EXIT_SOME_FAILED;
    cn_analyzer *an = NULL;
    input_iter *it = NULL;
    expander *ex = NULL;
    pool *p = NULL;
    sink s;
    memset(&s, 0, sizeof s);
    s.o = o;

    /* -o before anything is written; a file is never a terminal, so auto
     * colour is off there. */
    if (o->output && !freopen(o->output, "w", stdout)) {
        msg_error(o->output, "%s", strerror(errno));
        return EXIT_USAGE;
    }
    if (make_analyzer(o, &an) != 0)
        return EXIT_USAGE;

    run_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.o = o;
    ctx.an = an;
    ctx.ropts.types = o->types;
    ctx.ropts.no_mentions = o->no_mentions;
    /* Auto colour: on a terminal, or anywhere with CLICOLOR_FORCE; never
     * with NO_COLOR (https://no-color.org). */
    const char *no_color = getenv("NO_COLOR"), *force = getenv("CLICOLOR_FORCE");
    int forced = force && *force && strcmp(force, "0") != 0;
    ctx.ropts.color = o->color > 0 ||
                      (o->color < 0 && !(no_color && *no_color) &&
                       (forced || isatty(STDOUT_FILENO)));
    ctx.ropts.tsv_header = 0;       /* written once, below */

    int many;
    count_inputs(o, &many, &s.total);
    s.json_array = many && o->format == CN_FORMAT_JSON && o->cmd == CMD_ANALYZE;
    s.headings = many && o->heading && o->cmd == CMD_TEXT;
    progress_enable(!o->quiet && many && isatty(STDERR_FILENO));

    if (o->cmd == CMD_SUMMARIZE) {
        cn_error err;
        if (cn_summary_new(o->types, &s.sum, &err) != CN_OK) {
            msg_error(NULL, "%s", err.message);
            goto done;
        }
    }
    /* This thread is one of the o->jobs that analyse. */
    size_t workers = (size_t)o->jobs - 1;
    it = inputs_open(o);
    ex = it ? expander_new(o, it) : NULL;
    p = ex ? pool_new(workers, (size_t)o->jobs * CLI_WINDOW_PER_JOB, do_job, &ctx) : NULL;
    if (!p) {
        msg_error(NULL, "%s", cn_strerror(CN_ERR_NOMEM));
        goto done;
    }

    if (o->cmd == CMD_ANALYZE && o->format == CN_FORMAT_TSV && o->tsv_header)
        out_puts(cn_report_tsv_header(0));
    if (s.json_array)
        out_puts("[\n");

    int more = 1, waiting;
    for (;;) {
        if (fill(p, ex, &more, &waiting) != 0)
            s.failed = 1;
        job *j = pool_oldest(p, 0);
        if (!j && pool_run_one(p))
            continue;       /* rather than wait for the workers */
        if (!j)
            j = pool_oldest(p, !waiting);
        if (!j && waiting) {
            /* Whichever comes first: the oldest result or a name. */
            out_flush();
            pool_wait(p, expander_wait_fd(ex));
            continue;
        }
        if (!j)
            break;
        report_job(&s, j);
        s.done++;
        s.bytes += j->bytes;
        release_job(j);
        pool_pop(p);
        progress_update(s.done, s.total, s.bytes);
        if (out_failed())
            break;
    }
    if (inputs_skipped(it))
        s.failed = 1;
    if (s.json_array)
        out_puts(s.written ? "\n]\n" : "]\n");
    if (s.sum && !out_failed()) {
        cn_report_options sopts = ctx.ropts;
        sopts.tsv_header = o->tsv_header;
        size_t len;
        char *text = cn_summary_render(s.sum, o->format, &sopts, &len);
        if (text) {
            out_write(text, len);
            free(text);
        } else {
            msg_error(NULL, "%s", cn_strerror(CN_ERR_NOMEM));
            s.failed = 1;
        }
    }
    out_flush();
    progress_clear();
    if (out_failed()) {
        /* A reader that went away (head, a closed pager) ends the run
         * quietly with the status so far, so "carnews ... | head" passes
         * under set -o pipefail; a full disk is an error. */
        if (out_failed() != EPIPE)
            msg_error(NULL, "write error: %s", strerror(out_failed()));
        else
            status = s.failed ? EXIT_SOME_FAILED : EXIT_ALL_OK;
        goto done;
    }
    status = s.failed ? EXIT_SOME_FAILED : EXIT_ALL_OK;
done:
    pool_free(p, release_job);
    expander_free(ex);
    inputs_close(it);
    cn_summary_free(s.sum);
    cn_analyzer_free(an);
    return status;
}
