/* --records: one article per JSON Lines or CSV (RFC 4180) record.  Input
 * is streamed: the buffer holds the record being parsed and one read's
 * worth after it, so a 1 GB dump costs no more memory than its longest
 * record.  A bad record becomes a job that only reports
 * "FILE:LINE: reason", and the file goes on. */
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define READ_SIZE ((size_t)64 * 1024)
/* A record may hold a whole article plus its other fields and quoting. */
#define MAX_RECORD (CN_MAX_INPUT + READ_SIZE)

struct record_reader {
    const cli_opts *o;
    char *path;
    byte_stream *s;
    char *buf;
    size_t start, len, cap;     /* unparsed bytes are buf[start, len) */
    size_t scan;                /* jsonl: bytes after start known to hold no newline */
    int eof, dead;
    int skipping;               /* jsonl: dropping an oversized line up to its end */
    size_t line;                /* line number where the next record starts */
    int first;                  /* nothing parsed yet: a BOM may come */
    /* CSV */
    int header_done;
    long id_col, val_col;
    char *fld;                  /* the record's unquoted fields, back to back */
    size_t fld_len, fld_cap;
    size_t *fstart;             /* field k is fld[fstart[k], fstart[k + 1]) */
    size_t nf, fcap;
};

record_reader *records_open(const cli_opts *o, const char *path, byte_stream *s)
{
    record_reader *r = calloc(1, sizeof *r);
    if (!r || !(r->path = strdup(path))) {
        free(r);
        stream_close(s);
        return NULL;
    }
    r->o = o;
    r->s = s;
    r->line = 1;
    r->first = 1;
    r->id_col = r->val_col = -1;
    return r;
}

void records_close(record_reader *r)
{
    if (!r)
        return;
    stream_close(r->s);
    free(r->path);
    free(r->buf);
    free(r->fld);
    free(r->fstart);
    free(r);
}

int records_wait_fd(const record_reader *r) { return stream_fd(r->s); }

static const char *value_field(const cli_opts *o)
{
    return o->html_field ? o->html_field : o->text_field ? o->text_field : "text";
}

static const char *id_field(const cli_opts *o) { return o->id_field ? o->id_field : "id"; }

/* A job that only reports "PATH:LINE: reason". */
static int bad_record(record_reader *r, job *j, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int bad_record(record_reader *r, job *j, size_t line, const char *fmt, ...)
{
    size_t n = strlen(r->path) + 24;
    j->path = malloc(n);
    if (j->path)
        snprintf(j->path, n, "%s:%zu", r->path, line);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(j->status_msg, sizeof j->status_msg, fmt, ap);
    va_end(ap);
    j->status = CN_ERR_IO;
    return j->path ? 1 : -1;
}

/* The article job: source FILE#ID, the value copied. */
static int article_job(record_reader *r, job *j, const char *id, size_t id_len, size_t line,
                       const char *val, size_t val_len)
{
    char num[24];
    if (!id || id_len == 0) {
        id_len = (size_t)snprintf(num, sizeof num, "%zu", line);
        id = num;
    }
    size_t pl = strlen(r->path);
    j->path = malloc(pl + 1 + id_len + 1);
    j->data = malloc(val_len ? val_len : 1);
    if (!j->path || !j->data) {
        free(j->path);
        free(j->data);
        j->path = j->data = NULL;
        return -1;
    }
    memcpy(j->path, r->path, pl);
    j->path[pl] = '#';
    memcpy(j->path + pl + 1, id, id_len);
    j->path[pl + 1 + id_len] = '\0';
    memcpy(j->data, val, val_len);
    j->len = val_len;
    j->kind = r->o->html_field ? CN_INPUT_HTML : CN_INPUT_TEXT;
    return 1;
}

/* More bytes into the buffer: 1, 0 at the end, -1 on a read error,
 * INPUTS_WAIT when a read would block and block is 0. */
static int fill_more(record_reader *r, int block)
{
    if (r->eof)
        return 0;
    if (!block && !stream_ready(r->s))
        return INPUTS_WAIT;
    if (r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->len - r->start);
        r->len -= r->start;
        r->start = 0;
    }
    /* Room for at least one read, and as much again as is buffered, so
     * that a long CSV record is rescanned a few times, not once per read. */
    size_t want = r->len + (r->len > READ_SIZE ? r->len : READ_SIZE);
    if (want > r->cap) {
        char *nb = realloc(r->buf, want);
        if (!nb) {
            errno = ENOMEM;
            return -1;
        }
        r->buf = nb;
        r->cap = want;
    }
    long n = stream_read(r->s, r->buf + r->len, r->cap - r->len);
    if (n < 0)
        return -1;
    if (n == 0) {
        r->eof = 1;
        return 0;
    }
    r->len += (size_t)n;
    if (r->first && r->len >= 3) {
        if (memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0)
            r->start = 3;   /* a UTF-8 byte order mark is not part of the data */
        r->first = 0;
    }
    return 1;
}

static int read_failed(record_reader *r, job *j)
{
    r->dead = 1;
    const char *why = stream_error(r->s)[0] ? stream_error(r->s) : strerror(errno);
    return bad_record(r, j, r->line, "%s", why);
}

/*** JSON Lines ***/

static int json_record(record_reader *r, job *j, const char *p, size_t n, size_t line)
{
    json_error_t e;
    json_t *root = json_loadb(p, n, 0, &e);
    if (!root)
        return bad_record(r, j, line, "invalid JSON: %s (column %d)", e.text, e.column);
    int rc;
    const char *vname = value_field(r->o), *iname = id_field(r->o);
    json_t *val = json_is_object(root) ? json_object_get(root, vname) : NULL;
    if (!json_is_object(root)) {
        rc = bad_record(r, j, line, "not a JSON object");
    } else if (!val) {
        rc = bad_record(r, j, line, "no field '%s'", vname);
    } else if (!json_is_string(val)) {
        rc = bad_record(r, j, line, "field '%s' is not a string", vname);
    } else {
        json_t *id = json_object_get(root, iname);
        char num[32];
        const char *ids = NULL;
        size_t idn = 0;
        if (json_is_string(id)) {
            ids = json_string_value(id);
            idn = json_string_length(id);
        } else if (json_is_integer(id)) {
            idn = (size_t)snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
            ids = num;
        }
        rc = article_job(r, j, ids, idn, line, json_string_value(val), json_string_length(val));
    }
    json_decref(root);
    return rc;
}

static int is_blank(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
            return 0;
    return 1;
}

static int jsonl_next(record_reader *r, job *j, int block)
{
    for (;;) {
        size_t unseen = r->len - r->start - r->scan;
        char *nl = unseen ? memchr(r->buf + r->start + r->scan, '\n', unseen) : NULL;
        if (!nl && r->eof && r->len > r->start)
            nl = r->buf + r->len;   /* the last line, without a newline */
        if (nl) {
            char *p = r->buf + r->start;
            size_t n = (size_t)(nl - p), line = r->line++;
            r->start = nl < r->buf + r->len ? (size_t)(nl - r->buf) + 1 : r->len;
            r->scan = 0;
            if (r->skipping) {
                r->skipping = 0;
                continue;
            }
            if (is_blank(p, n))
                continue;
            return json_record(r, j, p, n, line);
        }
        r->scan = r->len - r->start;
        if (r->scan > MAX_RECORD && !r->skipping) {
            r->skipping = 1;
            r->start = r->len;
            r->scan = 0;
            return bad_record(r, j, r->line, "record larger than the %zu MiB limit",
                              CN_MAX_INPUT >> 20);
        }
        if (r->skipping) {
            r->start = r->len;  /* drop it as it comes */
            r->scan = 0;
        }
        int m = fill_more(r, block);
        if (m == INPUTS_WAIT)
            return m;
        if (m < 0)
            return read_failed(r, j);
        if (m == 0 && r->len == r->start)
            return 0;
    }
}

/*** CSV ***/

static int add_char(record_reader *r, char c)
{
    if (r->fld_len == r->fld_cap) {
        size_t nc = r->fld_cap ? r->fld_cap * 2 : 4096;
        char *nf = realloc(r->fld, nc);
        if (!nf)
            return -1;
        r->fld = nf;
        r->fld_cap = nc;
    }
    r->fld[r->fld_len++] = c;
    return 0;
}

static int start_field(record_reader *r)
{
    if (r->nf + 2 > r->fcap) {
        size_t nc = r->fcap ? r->fcap * 2 : 16;
        size_t *ns = realloc(r->fstart, nc * sizeof *ns);
        if (!ns)
            return -1;
        r->fstart = ns;
        r->fcap = nc;
    }
    r->fstart[r->nf++] = r->fld_len;
    return 0;
}

/* Parse one record from buf[start, len): its length (past the line end)
 * and the fields; 0 when it does not end in the buffer yet; -1 out of
 * memory; -2 a quoted field the file leaves open. */
static long parse_csv(record_reader *r, size_t *newlines)
{
    const char *p = r->buf + r->start, *end = r->buf + r->len;
    r->fld_len = r->nf = 0;
    *newlines = 0;
    if (start_field(r))
        return -1;
    int quoted = 0;
    for (const char *c = p; c < end; c++) {
        if (quoted) {
            if (*c == '"') {
                if (c + 1 == end && !r->eof)
                    return 0;   /* "" or the closing quote: next read decides */
                if (c + 1 < end && c[1] == '"') {
                    if (add_char(r, '"'))
                        return -1;
                    c++;
                } else {
                    quoted = 0;
                }
                continue;
            }
            if (*c == '\n')
                (*newlines)++;
            if (add_char(r, *c))
                return -1;
        } else if (*c == '"' && (r->fld_len == r->fstart[r->nf - 1])) {
            quoted = 1;     /* a quote opens a field only at its start */
        } else if (*c == ',') {
            if (start_field(r))
                return -1;
        } else if (*c == '\n') {
            (*newlines)++;
            size_t fl = r->fld_len;
            if (fl > r->fstart[r->nf - 1] && r->fld[fl - 1] == '\r')
                r->fld_len--;   /* CR LF */
            r->fstart[r->nf] = r->fld_len;
            return (long)(c + 1 - p);
        } else if (add_char(r, *c)) {
            return -1;
        }
    }
    if (!r->eof)
        return 0;
    if (quoted)
        return -2;
    if (r->fld_len > r->fstart[r->nf - 1] && r->fld[r->fld_len - 1] == '\r')
        r->fld_len--;
    r->fstart[r->nf] = r->fld_len;
    return (long)(end - p);
}

static const char *field(const record_reader *r, long k, size_t *n)
{
    *n = r->fstart[k + 1] - r->fstart[k];
    return r->fld + r->fstart[k];
}

static long find_column(const record_reader *r, const char *name)
{
    for (size_t k = 0; k < r->nf; k++) {
        size_t n;
        const char *f = field(r, (long)k, &n);
        if (n == strlen(name) && memcmp(f, name, n) == 0)
            return (long)k;
    }
    return -1;
}

static int csv_next(record_reader *r, job *j, int block)
{
    for (;;) {
        if (r->len == r->start && r->eof)
            return 0;
        size_t newlines;
        long used = r->len > r->start ? parse_csv(r, &newlines) : 0;
        if (used == -1) {
            errno = ENOMEM;
            return read_failed(r, j);
        }
        if (used == -2) {
            r->dead = 1;
            return bad_record(r, j, r->line, "quoted field not closed at the end of the file");
        }
        if (used == 0) {
            if (r->len - r->start > MAX_RECORD) {
                r->dead = 1;    /* no way to find where the next record starts */
                return bad_record(r, j, r->line, "record larger than the %zu MiB limit",
                                  CN_MAX_INPUT >> 20);
            }
            int m = fill_more(r, block);
            if (m == INPUTS_WAIT)
                return m;
            if (m < 0)
                return read_failed(r, j);
            continue;
        }
        size_t line = r->line;
        r->start += (size_t)used;
        r->line += newlines;
        if (r->nf == 1 && r->fstart[1] == 0)
            continue;   /* a blank line */
        if (!r->header_done) {
            r->header_done = 1;
            r->id_col = find_column(r, id_field(r->o));
            r->val_col = find_column(r, value_field(r->o));
            if (r->val_col < 0) {
                r->dead = 1;
                return bad_record(r, j, line, "no column '%s' in the header row",
                                  value_field(r->o));
            }
            continue;
        }
        if ((size_t)r->val_col >= r->nf)
            return bad_record(r, j, line, "no field '%s' (%zu fields)", value_field(r->o), r->nf);
        size_t idn = 0, vn;
        const char *id = r->id_col >= 0 && (size_t)r->id_col < r->nf ? field(r, r->id_col, &idn)
                                                                      : NULL;
        const char *val = field(r, r->val_col, &vn);
        return article_job(r, j, id, idn, line, val, vn);
    }
}

int records_next(record_reader *r, job *j, int block)
{
    if (r->dead)
        return 0;
    return r->o->records == RECORDS_CSV ? csv_next(r, j, block) : jsonl_next(r, j, block);
}
