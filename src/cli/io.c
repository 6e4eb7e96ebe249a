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

/*** UTF-8 ***/

/* Length of the valid UTF-8 sequence at s[0..len), or 0 when the bytes
 * are not one (overlong forms, surrogates and values past U+10FFFF
 * included). */
static size_t utf8_len(const unsigned char *s, size_t len, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t n;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n > len)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

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

void out_json_string(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    out_write("\"", 1);
    size_t i = 0, run = 0;
    while (i < len) {
        unsigned char c = u[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            i++, run++;
            continue;
        }
        out_write(s + i - run, run);
        run = 0;
        uint32_t cp;
        size_t n = utf8_len(u + i, len - i, &cp);
        if (c == '"' || c == '\\') {
            out_write(c == '"' ? "\\\"" : "\\\\", 2);
        } else if (c == '\n' || c == '\t' || c == '\r') {
            out_write(c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\r", 2);
        } else if (c < 0x20) {
            out_printf("\\u%04x", c);
        } else if (n == 0) {
            out_puts("\\ufffd");
            n = 1;
        } else if (cp == 0x2028 || cp == 0x2029) {
            out_printf("\\u%04x", (unsigned)cp);    /* as the library does */
        } else {
            out_write(s + i, n);
        }
        i += n ? n : 1;
    }
    out_write(s + i - run, run);
    out_write("\"", 1);
}

void out_json_str_or_null(const char *s)
{
    if (s)
        out_json_string(s, strlen(s));
    else
        out_puts("null");
}

void out_json_number(double v)
{
    if (!isfinite(v)) {
        out_puts("null");
        return;
    }
    if (v == floor(v) && fabs(v) < 1e15) {
        out_printf("%.0f", v);
        return;
    }
    char tmp[64];
    /* Shortest form that reads back as the same double. */
    for (int prec = 6; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    out_puts(tmp);
}

void out_tsv_field(const char *s, size_t len)
{
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        const char *esc = c == '\t' ? "\\t" : c == '\n' ? "\\n"
                        : c == '\r' ? "\\r" : c == '\\' ? "\\\\" : NULL;
        if (!esc) {
            run++;
            continue;
        }
        out_write(s + i - run, run);
        run = 0;
        out_write(esc, 2);
    }
    out_write(s + len - run, run);
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
        fprintf(stderr, "carnews: %zu/%zu files, %.1f MB/s", done, total, mbps);
        if (done > 0 && done < total) {
            long eta = (long)(secs * (double)(total - done) / (double)done + 0.5);
            fprintf(stderr, ", ETA %ld:%02ld", eta / 60, eta % 60);
        }
    } else {
        fprintf(stderr, "carnews: %zu files, %.1f MB/s", done, mbps);
    }
    fflush(stderr);
    prog.shown = 1;
}

/*** Messages ***/

/* A path as the user would recognise it, on one line of a terminal:
 * control characters and bytes that are not UTF-8 are escaped. */
static void put_path(FILE *f, const char *path)
{
    const unsigned char *s = (const unsigned char *)path;
    size_t len = strlen(path);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_len(s + i, len - i, &cp);
        if (n == 0 || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            if (n == 0)
                n = 1;
            for (size_t k = 0; k < n; k++) {
                unsigned char c = s[i + k];
                if (c == '\n')
                    fputs("\\n", f);
                else if (c == '\t')
                    fputs("\\t", f);
                else if (c == '\r')
                    fputs("\\r", f);
                else
                    fprintf(f, "\\x%02x", c);
            }
        } else {
            fwrite(s + i, 1, n, f);
        }
        i += n;
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
