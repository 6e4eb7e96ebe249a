/* The carnews command-line tool: private interfaces between its files.
 * The tool uses the library through <carnews/carnews.h> only. */
#ifndef CARNEWS_CLI_H
#define CARNEWS_CLI_H
#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#include <carnews/carnews.h>

/* Exit status, documented in --help and carnews(1). */
enum {
    EXIT_ALL_OK = 0,        /* every input analysed */
    EXIT_SOME_FAILED = 1,   /* an input could not be read, or output failed */
    EXIT_USAGE = 2          /* bad command line or bad data folder */
};

/* Most worker threads -j accepts; more would only add contention. */
#define CLI_MAX_JOBS 256
/* Results waiting to be written, per worker: bounds memory while a slow
 * input holds back the ones after it. */
#define CLI_WINDOW_PER_JOB 4

/*** Options (args.c) ***/

typedef enum { CMD_ANALYZE, CMD_SUMMARIZE, CMD_TEXT } cli_command;

typedef struct {
    const char **v;         /* pointers into argv or the environment */
    size_t n;
} strlist;

typedef struct {
    cli_command cmd;
    cn_format format;
    cn_input_kind input;
    unsigned types;         /* CN_TYPE_* mask, 0 = all */
    strlist data_dirs;      /* CARNEWS_DATA, then each --data */
    int jobs;
    strlist include, exclude;
    int hidden;
    const char *files_from;
    int null_sep;
    int quiet;              /* no progress line, no warnings */
    int color;              /* -1 auto, 0 never, 1 always */
    unsigned file_kinds;    /* FILE_* a folder walk takes */
    int all_files;          /* a walk takes every regular file */
    int follow_links;       /* a walk follows symbolic links */
    const char *output;     /* -o FILE, NULL = stdout */
    int heading;            /* text: "==> PATH <==" above each of several texts */
    int tsv_header;
    int no_mentions;        /* json: mention counts instead of lists */
    strlist paths;          /* FILE|DIR|- arguments */
    int records;            /* RECORDS_*: each input holds one article per record */
    const char *id_field;   /* --id-field, default "id" */
    const char *text_field; /* --text-field, default "text" */
    const char *html_field; /* --html-field: records hold HTML, NULL = text */
} cli_opts;

typedef enum { PARSE_OK, PARSE_EXIT_OK, PARSE_USAGE } parse_result;

/* Parse the arguments after the command name.  argv must outlive o.
 * Prints help (PARSE_EXIT_OK) or the error and a usage line (PARSE_USAGE). */
parse_result cli_parse(cli_command cmd, int argc, char **argv, cli_opts *o);
void cli_opts_free(cli_opts *o);

/*** The option table and help texts (options.c) ***/

enum {
    OPT_FORMAT, OPT_INPUT, OPT_TYPES, OPT_DATA, OPT_JOBS, OPT_INCLUDE,
    OPT_EXCLUDE, OPT_HIDDEN, OPT_FILES_FROM, OPT_NULL, OPT_QUIET, OPT_COLOR,
    OPT_NO_COLOR, OPT_NO_HEADER, OPT_AGGREGATE, OPT_HELP, OPT_FILE_TYPE,
    OPT_ALL_FILES, OPT_FOLLOW, OPT_OUTPUT, OPT_NO_HEADING, OPT_NO_MENTIONS, OPT_RECORDS,
    OPT_ID_FIELD, OPT_TEXT_FIELD, OPT_HTML_FIELD
};

#define CLI_FOR(cmd) (1u << (cmd))

typedef struct {
    const char *name;       /* long name without "--" */
    char short_name;        /* 0 = none */
    const char *arg;        /* the value's name in the help, NULL = no value;
                             * "[=WHEN]": a value only as --opt=WHEN */
    unsigned commands;      /* CLI_FOR() bits */
    int id;                 /* OPT_* */
    const char *help;       /* lines after the first are indented */
} cli_option;

extern const cli_option CLI_OPTIONS[];
extern const size_t CLI_N_OPTIONS;

void cli_usage_line(cli_command cmd);   /* short usage on stderr */
void cli_print_help(cli_command cmd);   /* full help on stdout */
void cli_print_exit_help(FILE *f);      /* the exit status paragraph */
/* The completion script for bash, zsh or fish (completions.c); -1 for
 * another shell. */
int cli_print_completions(const char *shell);

/*** Which files a walk takes (select.c) ***/

enum {
    FILE_TEXT = 1, FILE_HTML = 2, FILE_ARCHIVE = 4, FILE_WARC = 8, FILE_RECORDS = 16,
    FILE_ARTICLES = FILE_TEXT | FILE_HTML
};

/* FILE_* of a file name (compression suffixes looked through), 0 if none. */
unsigned file_kind(const char *name);
/* "text,html" -> FILE_TEXT | FILE_HTML; -1 for an unknown name. */
int parse_file_kinds(const char *list, unsigned *mask);
/* rel: the path below the walked folder; base: the last component. */
int path_excluded(const cli_opts *o, const char *rel, const char *base);
int file_wanted(const cli_opts *o, const char *rel, const char *base);
/* NUL or control bytes in the first 4 KiB that are not UTF-16/32 text. */
int looks_binary(const char *data, size_t len);

/*** Inputs (inputs.c) ***/

typedef struct {
    char *path;             /* as given or joined while walking; "-" = stdin */
    int errnum;             /* non-zero: report strerror(errnum), nothing to read */
    const char *warning;    /* non-NULL: report this note, nothing to read */
    int walked;             /* found by walking a folder (not named by the user) */
} input_item;

typedef struct input_iter input_iter;

/* inputs_next() without block: the next entry of the list has not come. */
#define INPUTS_WAIT 2

/* Inputs in order: the FILE|DIR arguments, then the --files-from list;
 * directories are walked lazily, one level's names in memory at a time. */
input_iter *inputs_open(const cli_opts *o);
/* 1 and an item (free item->path), 0 at the end, -1 on a fatal error
 * (already reported).  With block = 0, INPUTS_WAIT instead of waiting
 * for the --files-from list to deliver a whole entry. */
int inputs_next(input_iter *it, input_item *item, int block);
/* The descriptor that becomes readable when INPUTS_WAIT may be over. */
int inputs_wait_fd(const input_iter *it);
/* Whether some input was reported on stderr and skipped by the iterator. */
int inputs_skipped(const input_iter *it);
void inputs_close(input_iter *it);

/* Read a whole input ("-" = stdin), refusing more than CN_MAX_INPUT
 * bytes.  0 on success; else -1 and *errnum (or *too_big) set. */
int read_input(const char *path, char **data, size_t *len, int *errnum,
               int *too_big);

/*** Output and messages (io.c) ***/

/* Everything for stdout goes through these so a failed write is noticed
 * once and the rest is skipped. */
void out_write(const char *s, size_t len);
void out_puts(const char *s);
void out_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void out_flush(void);
int out_failed(void);       /* errno of the first failure, or 0 */
/* Whether stdout is read as it is written (a pipe, socket or terminal),
 * rather than a file or device, where each flush would only cost a write. */
int out_is_stream(void);
/* "carnews: PATH: message" on stderr, PATH with control characters and
 * invalid UTF-8 escaped; path may be NULL. */
void msg_error(const char *path, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* One updating progress line on stderr; a no-op unless enabled. */
void progress_enable(int on);
void progress_update(size_t done, size_t total, uint64_t bytes);
void progress_clear(void);

/*** Batch driver (run.c) and thread pool (pool.c) ***/

int cli_run(const cli_opts *o);

typedef struct {
    char *path;
    int errnum;             /* read error */
    const char *warning;    /* walker note, or a note on what was read */
    int walked;             /* input_item.walked */
    int too_big;
    cn_status status;       /* analysis status */
    char status_msg[sizeof(((cn_error *)0)->message)];
    unsigned warnings;      /* cn_result.warnings */
    size_t bytes;           /* bytes read */
    char *out;              /* rendered report or text */
    size_t out_len;
    cn_doc *doc;            /* kept for summarize */
    int done;               /* set by the pool */
    /* Set when the main thread already read the article (from a compressed
     * file, an archive, a WARC or a record): the worker analyses these
     * instead of reading path, which is then only the source name. */
    char *data;
    size_t len;
    char *name;             /* name for cn_analyze's guess, NULL = path */
    cn_input_kind kind;     /* used when --input is auto */
} job;

typedef void (*job_fn)(void *ctx, job *j);

typedef struct pool pool;

/* workers threads run fn on jobs; at most window jobs are in flight.  The
 * caller runs jobs too (pool_run_one), and all of them when workers = 0. */
pool *pool_new(size_t workers, size_t window, job_fn fn, void *ctx);
int pool_has_room(const pool *p);
size_t pool_pending(const pool *p);
/* Queue a job (copied); with work = 0 it is done at once (an error to
 * report in order).  Only call when pool_has_room(). */
void pool_submit(pool *p, const job *j, int work);
/* Run the next job not yet started on the calling thread; 0 when there
 * is none. */
int pool_run_one(pool *p);
/* The oldest job, after waiting for it when block; NULL when none is
 * pending, or (without block) when it is not done yet. */
job *pool_oldest(pool *p, int block);
/* Wait until the oldest job is done or fd (if >= 0) is readable; returns
 * at once when either already holds, or when no job is pending. */
void pool_wait(pool *p, int fd);
/* Release the oldest job's slot; the caller freed what it owns. */
void pool_pop(pool *p);
/* Stop the workers (jobs not started are dropped) and free everything;
 * release frees what a dropped or unread job owns. */
void pool_free(pool *p, void (*release)(job *j));

/*** Containers: compressed files, archives, WARC, records ***/

/* Archive members and WARC records are named ARCHIVE!MEMBER, records
 * FILE#ID (FILE#LINE without an id); a bad record is reported as
 * FILE:LINE. */
#define CONTAINER_SEP '!'

enum { RECORDS_NONE, RECORDS_JSONL, RECORDS_CSV };

/* "jsonl" or "csv" -> RECORDS_*, -1 for another name (containers.c). */
int parse_records_format(const char *name);
/* Length of name without a compression suffix (.gz .zst .xz .bz2), and
 * whether it had one (stream.c). */
size_t strip_compression(const char *name, int *compressed);

/* A byte stream: a file or stdin as it is, or decompressed through
 * libarchive's filters (stream.c). */
typedef struct byte_stream byte_stream;

/* The errno of opening path for reading (EISDIR for a folder), 0 when it
 * opens: libarchive's own messages for these are less plain. */
int open_error(const char *path);
/* NULL with the reason in err when it cannot be opened. */
byte_stream *stream_open(const char *path, int decompress, char *err, size_t errcap);
/* Decompress an in-memory buffer (a compressed archive member); the
 * buffer must outlive the stream. */
byte_stream *stream_open_mem(const char *buf, size_t len, char *err, size_t errcap);
/* Up to cap bytes: the count, 0 at the end, -1 on an error (stream_error). */
long stream_read(byte_stream *s, char *buf, size_t cap);
/* 0 when a read would block (a pipe with nothing yet), else 1. */
int stream_ready(byte_stream *s);
/* The descriptor to wait on, -1 when there is none to wait for. */
int stream_fd(const byte_stream *s);
const char *stream_error(const byte_stream *s);
/* Read the rest into a malloc'd buffer, refusing more than CN_MAX_INPUT
 * bytes (*too_big); 0, or -1 with the reason in stream_error(). */
int stream_slurp(byte_stream *s, char **data, size_t *len, int *too_big);
void stream_close(byte_stream *s);           /* NULL is a no-op */

/* One article per JSON Lines or CSV record, read as a stream (records.c). */
typedef struct record_reader record_reader;

/* Takes s (closed by records_close); path is copied. */
record_reader *records_open(const cli_opts *o, const char *path, byte_stream *s);
/* 1 and a job (an article, or an error to report), 0 at the end,
 * INPUTS_WAIT when, without block, the next record has not come. */
int records_next(record_reader *r, job *j, int block);
int records_wait_fd(const record_reader *r);
void records_close(record_reader *r);   /* NULL is a no-op */

/* The inputs as jobs: inputs_next()'s items, with each container opened
 * and yielding one job per article it holds, read on the calling thread
 * in order (containers.c). */
typedef struct expander expander;

expander *expander_new(const cli_opts *o, input_iter *it);
/* As inputs_next(); a job whose errnum, warning, too_big or status is set
 * is only to be reported (job_has_work() is 0). */
int expander_next(expander *ex, job *j, int block);
int expander_wait_fd(const expander *ex);
void expander_free(expander *ex);
int job_has_work(const job *j);
/* Whether an input may hold several articles (the json output is then
 * an array). */
int inputs_may_expand(const cli_opts *o);

#endif
