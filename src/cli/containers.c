/* Inputs that hold articles in another form: compressed files (.gz .zst
 * .xz .bz2, read through libarchive's filters), archives (tar, perhaps
 * compressed, and zip: one article per member that is an article file),
 * WARC files (one article per HTTP response) and, with --records, JSON
 * Lines and CSV files (records.c).  Each article is read here, on the
 * main thread and in order, into a job the pool analyses; a container
 * stays open between calls, so only the articles in flight are in
 * memory.  Archive members and WARC records are named
 * ARCHIVE!MEMBER, as jar: URLs do: '!' is rare in file names and URLs. */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

typedef enum { OPEN_NONE, OPEN_ARCHIVE, OPEN_WARC, OPEN_RECORDS } open_kind;

struct expander {
    const cli_opts *o;
    input_iter *it;
    open_kind open;
    char *path;                 /* the open container, as given */
    size_t articles;            /* articles it gave so far */
    struct archive *ar;         /* OPEN_ARCHIVE */
    byte_stream *s;                  /* OPEN_WARC */
    char *wbuf;                 /* WARC bytes read, unparsed from wpos on */
    size_t wpos, wlen, wcap;
    int weof;
    record_reader *rr;          /* OPEN_RECORDS */
};

#define WARC_CHUNK ((size_t)64 * 1024)
/* Longest WARC or HTTP header line taken. */
#define WARC_MAX_LINE ((size_t)64 * 1024)

int parse_records_format(const char *name)
{
    if (strcmp(name, "jsonl") == 0 || strcmp(name, "ndjson") == 0)
        return RECORDS_JSONL;
    if (strcmp(name, "csv") == 0)
        return RECORDS_CSV;
    return -1;
}

int job_has_work(const job *j)
{
    return !j->errnum && !j->warning && !j->too_big && j->status == CN_OK;
}

int inputs_may_expand(const cli_opts *o)
{
    if (o->records)
        return 1;
    for (size_t i = 0; i < o->paths.n; i++)
        if (file_kind(o->paths.v[i]) & (FILE_ARCHIVE | FILE_WARC))
            return 1;
    return 0;
}

expander *expander_new(const cli_opts *o, input_iter *it)
{
    expander *ex = calloc(1, sizeof *ex);
    if (ex) {
        ex->o = o;
        ex->it = it;
    }
    return ex;
}

static void close_container(expander *ex)
{
    if (ex->ar)
        archive_read_free(ex->ar);
    stream_close(ex->s);
    records_close(ex->rr);
    free(ex->path);
    free(ex->wbuf);
    ex->ar = NULL;
    ex->s = NULL;
    ex->rr = NULL;
    ex->path = ex->wbuf = NULL;
    ex->wpos = ex->wlen = ex->wcap = 0;
    ex->weof = 0;
    ex->open = OPEN_NONE;
}

void expander_free(expander *ex)
{
    if (ex) {
        close_container(ex);
        free(ex);
    }
}

int expander_wait_fd(const expander *ex)
{
    if (ex->open == OPEN_RECORDS)
        return records_wait_fd(ex->rr);
    return inputs_wait_fd(ex->it);
}

/* "PREFIX!NAME", or NULL out of memory. */
static char *member_path(const char *prefix, const char *name, size_t name_len)
{
    size_t pl = strlen(prefix);
    char *p = malloc(pl + 1 + name_len + 1);
    if (p) {
        memcpy(p, prefix, pl);
        p[pl] = CONTAINER_SEP;
        memcpy(p + pl + 1, name, name_len);
        p[pl + 1 + name_len] = '\0';
    }
    return p;
}

/* A job that reports a reason about path (copied). */
static int error_job(job *j, const char *path, const char *reason)
{
    if (path != j->path) {
        char *copy = strdup(path);
        free(j->path);
        j->path = copy;
    }
    j->status = CN_ERR_IO;
    snprintf(j->status_msg, sizeof j->status_msg, "%s", reason);
    return j->path ? 1 : -1;
}

/* The end of a container: a note when it held no article at all, since
 * an empty result would otherwise look like a bug. */
static int container_end(expander *ex, job *j)
{
    int note = ex->articles == 0;
    if (note) {
        j->path = ex->path;
        ex->path = NULL;
        j->warning = ex->open == OPEN_WARC ? "no HTML or text response in the WARC file"
                                           : "no article file in the archive";
    }
    close_container(ex);
    return note;
}

/* Decompress a member named *.gz (and so on) in memory; data is replaced. */
static int unpack_member(job *j, char **data, size_t *len, char *err, size_t errcap)
{
    byte_stream *s = stream_open_mem(*data, *len, err, errcap);
    if (!s)
        return -1;
    char *out;
    size_t out_len;
    int rc = stream_slurp(s, &out, &out_len, &j->too_big);
    if (rc != 0 && !j->too_big)
        snprintf(err, errcap, "%s", stream_error(s));
    stream_close(s);
    if (rc != 0)
        return -1;
    free(*data);
    *data = out;
    *len = out_len;
    return 0;
}

/*** Archives ***/

static int archive_next(expander *ex, job *j)
{
    struct archive_entry *e;
    for (;;) {
        int rc = archive_read_next_header(ex->ar, &e);
        if (rc == ARCHIVE_EOF)
            return container_end(ex, j);
        if (rc < ARCHIVE_WARN) {
            /* A truncated or corrupt archive: what came before stands. */
            int r = error_job(j, ex->path, archive_error_string(ex->ar)
                                               ? archive_error_string(ex->ar) : "corrupt archive");
            close_container(ex);
            return r;
        }
        const char *name = archive_entry_pathname(e);
        if (!name)
            name = archive_entry_pathname_utf8(e);
        if (archive_entry_filetype(e) != AE_IFREG || !name ||
            !(file_kind(name) & FILE_ARTICLES))
            continue;   /* folders, links and other files: not articles */
        ex->articles++;
        j->path = member_path(ex->path, name, strlen(name));
        if (!j->path)
            return -1;
        int compressed;
        size_t base = strip_compression(name, &compressed);
        j->name = strndup(name, base);
        if (archive_entry_size_is_set(e) && (uint64_t)archive_entry_size(e) > CN_MAX_INPUT) {
            j->too_big = 1;
            return 1;
        }
        size_t cap = archive_entry_size_is_set(e) ? (size_t)archive_entry_size(e) + 1 : 65536;
        size_t n = 0;
        char *buf = malloc(cap);
        la_ssize_t got = 0;
        while (buf) {
            if (n == cap) {
                if (cap > CN_MAX_INPUT) {
                    j->too_big = 1;
                    free(buf);
                    return 1;
                }
                char *nb = realloc(buf, cap * 2);
                if (!nb)
                    break;
                buf = nb;
                cap *= 2;
            }
            got = archive_read_data(ex->ar, buf + n, cap - n);
            if (got <= 0)
                break;
            n += (size_t)got;
        }
        if (!buf || got < 0) {
            free(buf);
            int fatal = !buf || got == ARCHIVE_FATAL;
            int r = error_job(j, j->path, !buf ? strerror(ENOMEM)
                                   : archive_error_string(ex->ar) ? archive_error_string(ex->ar)
                                   : "cannot read the member");
            if (fatal)
                close_container(ex);
            return r;
        }
        char err[256] = "";
        if (compressed && unpack_member(j, &buf, &n, err, sizeof err) != 0) {
            free(buf);
            return j->too_big ? 1 : error_job(j, j->path, err);
        }
        j->data = buf;
        j->len = n;
        return 1;
    }
}

static int open_archive_input(expander *ex, job *j)
{
    int e = open_error(ex->path);
    if (e) {
        int r = error_job(j, ex->path, strerror(e));
        close_container(ex);
        return r;
    }
    ex->ar = archive_read_new();
    if (!ex->ar)
        return error_job(j, ex->path, strerror(ENOMEM));
    archive_read_support_filter_all(ex->ar);
    archive_read_support_format_tar(ex->ar);
    archive_read_support_format_zip(ex->ar);
    int rc = strcmp(ex->path, "-") == 0 ? archive_read_open_fd(ex->ar, 0, WARC_CHUNK)
                                        : archive_read_open_filename(ex->ar, ex->path, WARC_CHUNK);
    if (rc != ARCHIVE_OK) {
        const char *m = archive_error_string(ex->ar);
        int r = error_job(j, ex->path, m ? m : "cannot open the archive");
        close_container(ex);
        return r;
    }
    ex->open = OPEN_ARCHIVE;
    return 0;
}

/*** WARC ***/

/* At least need bytes after wpos, unless the file ends first: 0, or -1
 * on a read error. */
static int warc_fill(expander *ex, size_t need)
{
    while (ex->wlen - ex->wpos < need && !ex->weof) {
        if (ex->wpos > 0) {
            memmove(ex->wbuf, ex->wbuf + ex->wpos, ex->wlen - ex->wpos);
            ex->wlen -= ex->wpos;
            ex->wpos = 0;
        }
        size_t want = need + WARC_CHUNK;
        if (want > ex->wcap) {
            char *nb = realloc(ex->wbuf, want);
            if (!nb)
                return -1;
            ex->wbuf = nb;
            ex->wcap = want;
        }
        long n = stream_read(ex->s, ex->wbuf + ex->wlen, ex->wcap - ex->wlen);
        if (n < 0)
            return -1;
        if (n == 0)
            ex->weof = 1;
        ex->wlen += (size_t)n;
    }
    return 0;
}

/* The next line (without CR LF) as a pointer into wbuf, valid until the
 * next fill; NULL at the end of the file or for an overlong line. */
static const char *warc_line(expander *ex, size_t *len, int *err)
{
    size_t look = 0;
    *err = 0;
    for (;;) {
        char *s = ex->wbuf ? ex->wbuf + ex->wpos : NULL;
        char *nl = s ? memchr(s + look, '\n', ex->wlen - ex->wpos - look) : NULL;
        if (nl) {
            *len = (size_t)(nl - s);
            ex->wpos += *len + 1;
            if (*len && s[*len - 1] == '\r')
                (*len)--;
            return s;
        }
        look = ex->wlen - ex->wpos;
        if (ex->weof || look > WARC_MAX_LINE) {
            *err = look > 0;
            return NULL;
        }
        if (warc_fill(ex, look + 1) != 0) {
            *err = 1;
            return NULL;
        }
    }
}

/* Whether the header line "Name: value" has this name; *value set. */
static int header_is(const char *line, size_t len, const char *name, const char **value,
                     size_t *vlen)
{
    size_t n = strlen(name);
    if (len <= n || line[n] != ':' || strncasecmp(line, name, n) != 0)
        return 0;
    size_t k = n + 1;
    while (k < len && (line[k] == ' ' || line[k] == '\t'))
        k++;
    *value = line + k;
    *vlen = len - k;
    return 1;
}

/* The payload's kind from its Content-Type; -1 when it is not an article
 * (images, scripts, styles). */
static int payload_kind(const char *type, size_t n)
{
    if (n == 0)
        return CN_INPUT_AUTO;
    if ((n >= 9 && strncasecmp(type, "text/html", 9) == 0) ||
        (n >= 21 && strncasecmp(type, "application/xhtml+xml", 21) == 0))
        return CN_INPUT_HTML;
    if (n >= 10 && strncasecmp(type, "text/plain", 10) == 0)
        return CN_INPUT_TEXT;
    return -1;
}

/* Strip the HTTP status line and headers from a response body: the
 * payload's offset, or 0 when this is no HTTP response. */
static size_t http_payload(const char *b, size_t n, int *kind)
{
    *kind = CN_INPUT_AUTO;
    if (n < 5 || memcmp(b, "HTTP/", 5) != 0)
        return 0;
    size_t pos = 0;
    int first = 1;
    while (pos < n) {
        const char *nl = memchr(b + pos, '\n', n - pos);
        size_t end = nl ? (size_t)(nl - b) : n, len = end - pos;
        if (len && b[end - 1] == '\r')
            len--;
        if (len == 0 && !first)
            return nl ? end + 1 : n;
        const char *v;
        size_t vl;
        if (header_is(b + pos, len, "Content-Type", &v, &vl))
            *kind = payload_kind(v, vl);
        first = 0;
        pos = nl ? end + 1 : n;
    }
    return n;   /* headers only */
}

static int warc_next(expander *ex, job *j)
{
    char msg[160];
    for (;;) {
        size_t len;
        int err;
        const char *line;
        /* Records are separated by blank lines. */
        while ((line = warc_line(ex, &len, &err)) && len == 0) {}
        if (!line && !err)
            return container_end(ex, j);
        if (!line || len < 5 || memcmp(line, "WARC/", 5) != 0) {
            snprintf(msg, sizeof msg, "%s", err && ex->s && stream_error(ex->s)[0]
                                                ? stream_error(ex->s) : "not a WARC record");
            int r = error_job(j, ex->path, msg);
            close_container(ex);
            return r;
        }
        char type[32] = "", uri[2048] = "", id[256] = "";
        int have_length = 0, kind = CN_INPUT_AUTO;
        unsigned long long clen = 0;
        while ((line = warc_line(ex, &len, &err)) && len > 0) {
            const char *v;
            size_t vl;
            if (header_is(line, len, "WARC-Type", &v, &vl))
                snprintf(type, sizeof type, "%.*s", (int)vl, v);
            else if (header_is(line, len, "WARC-Target-URI", &v, &vl))
                snprintf(uri, sizeof uri, "%.*s", (int)vl, v);
            else if (header_is(line, len, "WARC-Record-ID", &v, &vl))
                snprintf(id, sizeof id, "%.*s", (int)vl, v);
            else if (header_is(line, len, "Content-Type", &v, &vl))
                kind = payload_kind(v, vl);
            else if (header_is(line, len, "Content-Length", &v, &vl)) {
                char *end;
                char num[24];
                snprintf(num, sizeof num, "%.*s", (int)vl, v);
                errno = 0;
                clen = strtoull(num, &end, 10);
                have_length = end != num && !*end && !errno;
            }
        }
        if (!line || !have_length) {
            int r = error_job(j, ex->path, !line ? "truncated WARC record header"
                                                 : "WARC record without a Content-Length");
            close_container(ex);
            return r;
        }
        /* Responses carry the HTTP message; resources (pages stored
         * without HTTP) count when they are HTML or text. */
        int response = strcmp(type, "response") == 0;
        int wanted = response || (strcmp(type, "resource") == 0 && kind >= 0 && kind != CN_INPUT_AUTO);
        const char *name = uri[0] ? uri : id;
        if (wanted && clen > CN_MAX_INPUT) {
            ex->articles++;
            j->path = member_path(ex->path, name, strlen(name));
            j->too_big = 1;
        }
        if (!wanted || clen > CN_MAX_INPUT) {
            /* Skip the block without keeping it. */
            while (clen > 0) {
                if (warc_fill(ex, 1) != 0 || ex->wlen == ex->wpos)
                    break;
                size_t have = ex->wlen - ex->wpos, take = clen < have ? (size_t)clen : have;
                ex->wpos += take;
                clen -= take;
            }
            if (j->too_big)
                return j->path ? 1 : -1;
            if (clen > 0)
                break;  /* truncated: reported below */
            continue;
        }
        if (warc_fill(ex, (size_t)clen) != 0 || ex->wlen - ex->wpos < clen)
            break;
        const char *body = ex->wbuf + ex->wpos;
        ex->wpos += (size_t)clen;
        size_t off = 0;
        if (response) {
            off = http_payload(body, (size_t)clen, &kind);
            if (off == 0 || kind < 0)
                continue;   /* not HTTP (dns:, a 404 image...), or not a page */
        }
        ex->articles++;
        j->path = member_path(ex->path, name, strlen(name));
        j->len = (size_t)clen - off;
        j->data = malloc(j->len ? j->len : 1);
        if (!j->path || !j->data)
            return -1;
        memcpy(j->data, body + off, j->len);
        j->kind = (cn_input_kind)kind;
        return 1;
    }
    int r = error_job(j, ex->path, ex->s && stream_error(ex->s)[0] ? stream_error(ex->s)
                                                                  : "truncated WARC record");
    close_container(ex);
    return r;
}

/*** The iterator ***/

/* Open a container or read a compressed file: 1 with a job, 0 when a
 * container is now open (its jobs come next). */
static int start_input(expander *ex, job *j)
{
    const cli_opts *o = ex->o;
    int is_stdin = strcmp(j->path, "-") == 0, compressed;
    size_t base = strip_compression(j->path, &compressed);
    unsigned kind = is_stdin ? 0 : file_kind(j->path);
    char err[256] = "";
    /* Named inputs are all records; a walk may also meet articles. */
    int records = o->records && (!j->walked || (kind & FILE_RECORDS));
    if (records || (kind & FILE_WARC)) {
        byte_stream *s = stream_open(j->path, compressed, err, sizeof err);
        if (!s)
            return error_job(j, j->path, err);
        ex->path = j->path;
        j->path = NULL;
        if (records) {
            if (!(ex->rr = records_open(o, ex->path, s)))
                return -1;
            ex->open = OPEN_RECORDS;
        } else {
            ex->s = s;
            ex->open = OPEN_WARC;
        }
        return 0;
    }
    if (kind & FILE_ARCHIVE) {
        ex->path = j->path;
        j->path = NULL;
        return open_archive_input(ex, j);
    }
    if (!compressed)
        return 1;   /* a plain file: the worker reads it */
    byte_stream *s = stream_open(j->path, 1, err, sizeof err);
    if (!s)
        return error_job(j, j->path, err);
    if (stream_slurp(s, &j->data, &j->len, &j->too_big) != 0 && !j->too_big) {
        snprintf(err, sizeof err, "%s", stream_error(s));
        stream_close(s);
        return error_job(j, j->path, err);
    }
    stream_close(s);
    /* a.txt.gz is analysed as a.txt would be. */
    j->name = strndup(j->path, base);
    if (!j->name && j->data) {
        free(j->data);
        j->data = NULL;
        return -1;
    }
    return 1;
}

int expander_next(expander *ex, job *j, int block)
{
    memset(j, 0, sizeof *j);
    for (;;) {
        int r = 0;
        switch (ex->open) {
        case OPEN_NONE: break;
        case OPEN_ARCHIVE: r = archive_next(ex, j); break;
        case OPEN_WARC: r = warc_next(ex, j); break;
        case OPEN_RECORDS:
            r = records_next(ex->rr, j, block);
            if (r == 0)
                close_container(ex);
            break;
        }
        if (r != 0) {
            if (r < 0)
                msg_error(NULL, "%s", strerror(ENOMEM));
            return r;
        }
        if (ex->open != OPEN_NONE)
            continue;
        input_item item;
        r = inputs_next(ex->it, &item, block);
        if (r != 1)
            return r;
        j->path = item.path;
        j->errnum = item.errnum;
        j->warning = item.warning;
        j->walked = item.walked;
        if (!job_has_work(j))
            return 1;
        ex->articles = 0;
        r = start_input(ex, j);
        if (r != 0) {
            if (r < 0)
                msg_error(NULL, "%s", strerror(ENOMEM));
            return r;
        }
    }
}
