/* Standard output with error tracking, stderr messages and the progress
 * line.  Only the main thread writes, so the state here is unlocked. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* The progress line is redrawn at most this often. */
#define PROGRESS_INTERVAL_NS 100000000LL
#define NS_PER_SEC 1000000000LL
#define BYTES_PER_MB 1e6

static int out_errno;       /* first write error on stdout */

/*** Standard output ***/

void out_write(const char *s, size_t len)
{
    if (out_errno || len == 0)
        return;
    if (fwrite(s, 1, len, stdout) != len)
        out_errno = errno ? errno : EIO;
}

void out_puts(const char *s) { out_write(s, strlen(s)); }

void out_printf(const char *fmt, ...)
{
    if (out_errno)
        return;
    va_list ap;
    va_start(ap, fmt);
    if (vfprintf(stdout, fmt, ap) < 0)
        out_errno = errno ? errno : EIO;
    va_end(ap);
}

void out_flush(void)
{
    if (!out_errno && fflush(stdout) != 0)
        out_errno = errno ? errno : EIO;
}

int out_failed(void) { return out_errno; }

int out_is_stream(void)
{
    static int known, stream;
    if (!known) {
        struct stat st;
        stream = fstat(STDOUT_FILENO, &st) != 0 || S_ISFIFO(st.st_mode) ||
                 S_ISSOCK(st.st_mode) || isatty(STDOUT_FILENO);
        known = 1;
    }
    return stream;
}

/*** Progress ***/

static struct {
    int enabled;
    int shown;              /* a line is on the screen */
    long long start_ns, last_ns;
} prog;

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

void progress_enable(int on)
{
    prog.enabled = on;
    prog.start_ns = now_ns();
    prog.last_ns = 0;
}

void progress_clear(void)
{
    if (prog.shown) {
        fputs("\r\033[K", stderr);
        prog.shown = 0;
    }
}

/* total = 0 when the inputs are still being listed. */
void progress_update(size_t done, size_t total, uint64_t bytes)
{
    if (!prog.enabled)
        return;
    long long t = now_ns();
    if (t - prog.last_ns < PROGRESS_INTERVAL_NS)
        return;
    prog.last_ns = t;
    double secs = (double)(t - prog.start_ns) / NS_PER_SEC;
    double mbps = secs > 0 ? (double)bytes / BYTES_PER_MB / secs : 0;
    fputs("\r\033[K", stderr);
    if (total) {
        fprintf(stderr, "carnews: %zu/%zu %s, %.1f MB/s", done, total,
                total == 1 ? "file" : "files", mbps);
        if (done > 0 && done < total) {
            long eta = (long)(secs * (double)(total - done) / (double)done + 0.5);
            fprintf(stderr, ", ETA %ld:%02ld", eta / 60, eta % 60);
        }
    } else {
        fprintf(stderr, "carnews: %zu %s, %.1f MB/s", done, done == 1 ? "file" : "files", mbps);
    }
    fflush(stderr);
    prog.shown = 1;
}

/*** Messages ***/

/* A path as the user would recognise it, on one line of a terminal:
 * control characters and bytes that are not UTF-8 are escaped. */
static void put_escaped_byte(FILE *f, unsigned char c)
{
    if (c == '\n')
        fputs("\\n", f);
    else if (c == '\t')
        fputs("\\t", f);
    else if (c == '\r')
        fputs("\\r", f);
    else
        fprintf(f, "\\x%02x", c);
}

static void put_path(FILE *f, const char *path)
{
    const unsigned char *s = (const unsigned char *)path;
    size_t len = strlen(path);
    for (size_t i = 0; i < len;) {
        size_t ok = cn_utf8_valid_len(path + i, len - i);
        if (ok == 0) {
            put_escaped_byte(f, s[i++]);
            continue;
        }
        for (size_t end = i + ok; i < end; i++) {
            /* C0 controls, DEL, and C1 controls (U+0080-U+009F: C2 80-9F) */
            if (s[i] < 0x20 || s[i] == 0x7F) {
                put_escaped_byte(f, s[i]);
            } else if (s[i] == 0xC2 && s[i + 1] < 0xA0) {
                put_escaped_byte(f, s[i]);
                put_escaped_byte(f, s[++i]);
            } else {
                fputc(s[i], f);
            }
        }
    }
}

void msg_error(const char *path, const char *fmt, ...)
{
    progress_clear();
    fputs("carnews: ", stderr);
    if (path) {
        put_path(stderr, path);
        fputs(": ", stderr);
    }
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}
