/* LD_PRELOAD shim for fault injection: the Nth call of one function fails.
 *
 *   CN_FAULT=read:7   the 7th read() returns -1 with EIO
 *   CN_FAULT=open:3   the 3rd open()/openat() fails with EACCES
 *   CN_FAULT=write:2  the 2nd write() or fwrite() to stdout fails with ENOSPC
 *                     (stdio's own writes do not go through write())
 *   CN_FAULT=close:1  the 1st close() fails with EIO (the descriptor is closed)
 *   CN_FAULT=malloc:40  the 40th malloc()/calloc()/realloc() returns NULL
 *
 * Calls are counted across threads.  When the process exits it writes how
 * many calls it saw to $CN_FAULT_COUNT (if set), so a test knows how many
 * call sites there are to fail.  Only calls made after main() starts count:
 * the loader's own allocations are left alone. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

enum { F_NONE, F_READ, F_OPEN, F_WRITE, F_CLOSE, F_MALLOC };

static int target = F_NONE;
static long nth;
static _Atomic long calls;
static _Atomic int armed;

static int trap;             /* CN_FAULT_TRAP set: SIGTRAP when firing, for a debugger */

static int fire(int which)
{
    if (!atomic_load(&armed) || which != target)
        return 0;
    int hit = atomic_fetch_add(&calls, 1) + 1 == nth;
    if (hit && trap)
        raise(SIGTRAP);
    return hit;
}

static void report(void)
{
    atomic_store(&armed, 0);
    const char *out = getenv("CN_FAULT_COUNT");
    if (!out)
        return;
    FILE *f = fopen(out, "w");
    if (f) {
        fprintf(f, "%ld\n", atomic_load(&calls));
        fclose(f);
    }
}

__attribute__((constructor)) static void setup(void)
{
    const char *spec = getenv("CN_FAULT");
    if (!spec)
        return;
    static const struct { const char *name; int id; } names[] = {
        {"read", F_READ}, {"open", F_OPEN}, {"write", F_WRITE}, {"close", F_CLOSE},
        {"malloc", F_MALLOC}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t k = strlen(names[i].name);
        if (strncmp(spec, names[i].name, k) == 0 && spec[k] == ':') {
            target = names[i].id;
            nth = strtol(spec + k + 1, NULL, 10);
        }
    }
    trap = getenv("CN_FAULT_TRAP") != NULL;
    atexit(report);
    atomic_store(&armed, 1);
}

ssize_t read(int fd, void *b, size_t n)
{
    static ssize_t (*real)(int, void *, size_t);
    if (!real)
        real = (ssize_t (*)(int, void *, size_t))dlsym(RTLD_NEXT, "read");
    if (fire(F_READ)) {
        errno = EIO;
        return -1;
    }
    return real(fd, b, n);
}

ssize_t write(int fd, const void *b, size_t n)
{
    static ssize_t (*real)(int, const void *, size_t);
    if (!real)
        real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
    /* stderr stays writable, so the messages can be checked. */
    if (fd != STDERR_FILENO && fire(F_WRITE)) {
        errno = ENOSPC;
        return -1;
    }
    return real(fd, b, n);
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
    static size_t (*real)(const void *, size_t, size_t, FILE *);
    if (!real)
        real = (size_t (*)(const void *, size_t, size_t, FILE *))dlsym(RTLD_NEXT, "fwrite");
    if (f == stdout && fire(F_WRITE)) {
        errno = ENOSPC;
        return 0;
    }
    return real(p, size, n, f);
}

int close(int fd)
{
    static int (*real)(int);
    if (!real)
        real = (int (*)(int))dlsym(RTLD_NEXT, "close");
    int rc = real(fd);
    if (fd > STDERR_FILENO && fire(F_CLOSE)) {
        errno = EIO;
        return -1;
    }
    return rc;
}

static int open_common(const char *which, int dirfd, const char *path, int flags, mode_t mode)
{
    if (fire(F_OPEN)) {
        errno = EACCES;
        return -1;
    }
    if (dirfd == AT_FDCWD - 1) {
        static int (*real)(const char *, int, ...);
        if (!real)
            real = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, which);
        return real(path, flags, mode);
    }
    static int (*real_at)(int, const char *, int, ...);
    if (!real_at)
        real_at = (int (*)(int, const char *, int, ...))dlsym(RTLD_NEXT, "openat");
    return real_at(dirfd, path, flags, mode);
}

int open(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    mode_t mode = (flags & O_CREAT) ? (mode_t)va_arg(ap, int) : 0;
    va_end(ap);
    return open_common("open", AT_FDCWD - 1, path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    mode_t mode = (flags & O_CREAT) ? (mode_t)va_arg(ap, int) : 0;
    va_end(ap);
    return open_common("open64", AT_FDCWD - 1, path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    mode_t mode = (flags & O_CREAT) ? (mode_t)va_arg(ap, int) : 0;
    va_end(ap);
    return open_common("openat", dirfd, path, flags, mode);
}

void *malloc(size_t n)
{
    if (fire(F_MALLOC)) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_malloc(n);
}

void *calloc(size_t a, size_t b)
{
    if (fire(F_MALLOC)) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_calloc(a, b);
}

void *realloc(void *p, size_t n)
{
    if (fire(F_MALLOC)) {
        errno = ENOMEM;
        return NULL;
    }
    return __libc_realloc(p, n);
}
