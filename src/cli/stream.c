/* Byte streams for the containers: a file or stdin read as it is (so that
 * a pipe can be polled and a record worker never waits on a read while
 * results are ready to write), or decompressed through libarchive's
 * "raw" format, which takes every filter it knows (gzip, zstd, xz, bzip2)
 * and passes uncompressed data through. */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#define BLOCK_SIZE ((size_t)64 * 1024)

struct byte_stream {
    int fd;                 /* plain reads; -1 with ar */
    int own_fd;             /* not stdin: close it */
    struct archive *ar;     /* decompressing */
    int ended;              /* the raw format found no entry: empty */
    char err[256];
};

size_t strip_compression(const char *name, int *compressed)
{
    static const char *const SUFFIXES[] = {".gz", ".zst", ".xz", ".bz2", NULL};
    size_t n = strlen(name);
    *compressed = 0;
    for (const char *const *s = SUFFIXES; *s; s++) {
        size_t k = strlen(*s);
        if (n > k && strcasecmp(name + n - k, *s) == 0) {
            *compressed = 1;
            return n - k;
        }
    }
    return n;
}

int open_error(const char *path)
{
    if (strcmp(path, "-") == 0)
        return 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return errno;
    struct stat st;
    int e = fstat(fd, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : 0;
    close(fd);
    return e;
}

static void set_err(char *err, size_t cap, const char *msg)
{
    if (err && cap)
        snprintf(err, cap, "%s", msg);
}

/* libarchive's messages for bad data are short ("truncated gzip input");
 * say that they are about decompressing. */
static const char *archive_reason(struct archive *ar)
{
    const char *m = archive_error_string(ar);
    return m ? m : "cannot decompress";
}

static byte_stream *open_archive(byte_stream *s, const char *path, const char *buf, size_t len,
                            char *err, size_t errcap)
{
    s->fd = -1;
    s->ar = archive_read_new();
    if (!s->ar) {
        set_err(err, errcap, strerror(ENOMEM));
        free(s);
        return NULL;
    }
    archive_read_support_filter_all(s->ar);
    archive_read_support_format_raw(s->ar);
    int rc;
    if (!path)
        rc = archive_read_open_memory(s->ar, buf, len);
    else if (strcmp(path, "-") == 0)
        rc = archive_read_open_fd(s->ar, STDIN_FILENO, BLOCK_SIZE);
    else
        rc = archive_read_open_filename(s->ar, path, BLOCK_SIZE);
    struct archive_entry *e;
    if (rc == ARCHIVE_OK) {
        rc = archive_read_next_header(s->ar, &e);
        if (rc == ARCHIVE_EOF) {
            s->ended = 1;   /* an empty file */
            rc = ARCHIVE_OK;
        }
    }
    if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN) {
        set_err(err, errcap, archive_reason(s->ar));
        archive_read_free(s->ar);
        free(s);
        return NULL;
    }
    return s;
}

byte_stream *stream_open(const char *path, int decompress, char *err, size_t errcap)
{
    byte_stream *s = calloc(1, sizeof *s);
    if (!s) {
        set_err(err, errcap, strerror(ENOMEM));
        return NULL;
    }
    if (decompress) {
        int e = open_error(path);
        if (e) {
            set_err(err, errcap, strerror(e));
            free(s);
            return NULL;
        }
        return open_archive(s, path, NULL, 0, err, errcap);
    }
    if (strcmp(path, "-") == 0) {
        s->fd = STDIN_FILENO;
    } else {
        s->fd = open(path, O_RDONLY);
        s->own_fd = 1;
        struct stat st;
        if (s->fd >= 0 && fstat(s->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(s->fd);
            s->fd = -1;
            errno = EISDIR;
        }
    }
    if (s->fd < 0) {
        set_err(err, errcap, strerror(errno));
        free(s);
        return NULL;
    }
    return s;
}

byte_stream *stream_open_mem(const char *buf, size_t len, char *err, size_t errcap)
{
    byte_stream *s = calloc(1, sizeof *s);
    if (!s) {
        set_err(err, errcap, strerror(ENOMEM));
        return NULL;
    }
    return open_archive(s, NULL, buf, len, err, errcap);
}

long stream_read(byte_stream *s, char *buf, size_t cap)
{
    if (s->ar) {
        if (s->ended)
            return 0;
        la_ssize_t n = archive_read_data(s->ar, buf, cap);
        if (n < 0) {
            snprintf(s->err, sizeof s->err, "%s", archive_reason(s->ar));
            return -1;
        }
        return (long)n;
    }
    for (;;) {
        ssize_t n = read(s->fd, buf, cap);
        if (n >= 0)
            return (long)n;
        if (errno != EINTR) {
            snprintf(s->err, sizeof s->err, "%s", strerror(errno));
            return -1;
        }
    }
}

int stream_ready(byte_stream *s)
{
    if (s->ar)
        return 1;   /* libarchive reads when it likes: never polled */
    struct pollfd p = {s->fd, POLLIN, 0};
    return poll(&p, 1, 0) != 0;     /* readable, at its end, or an error to read */
}

int stream_fd(const byte_stream *s) { return s->ar ? -1 : s->fd; }

const char *stream_error(const byte_stream *s) { return s->err; }

int stream_slurp(byte_stream *s, char **data, size_t *len, int *too_big)
{
    char *buf = NULL;
    size_t n = 0, cap = 0;
    *data = NULL;
    *len = 0;
    *too_big = 0;
    for (;;) {
        if (n == cap) {
            if (cap > CN_MAX_INPUT) {
                /* Past the limit: a decompression bomb stops here. */
                *too_big = 1;
                free(buf);
                return -1;
            }
            size_t nc = cap ? cap * 2 : BLOCK_SIZE;
            if (nc > CN_MAX_INPUT + 1)
                nc = CN_MAX_INPUT + 1;
            char *nb = realloc(buf, nc);
            if (!nb) {
                snprintf(s->err, sizeof s->err, "%s", strerror(ENOMEM));
                free(buf);
                return -1;
            }
            buf = nb;
            cap = nc;
        }
        long got = stream_read(s, buf + n, cap - n);
        if (got < 0) {
            free(buf);
            return -1;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    if (n > CN_MAX_INPUT) {
        *too_big = 1;
        free(buf);
        return -1;
    }
    *data = buf;
    *len = n;
    return 0;
}

void stream_close(byte_stream *s)
{
    if (!s)
        return;
    if (s->ar)
        archive_read_free(s->ar);
    if (s->own_fd && s->fd >= 0)
        close(s->fd);
    free(s);
}
