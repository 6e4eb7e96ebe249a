/* Input discovery: FILE|DIR arguments, then the --files-from list, with
 * directories walked recursively in name order.  Everything is lazy: one
 * directory level's names are in memory per level of the current path,
 * and --files-from is read one entry at a time, so 100,000 files cost
 * little before the first one is analysed.  A list on a pipe or terminal
 * can be asked without blocking, so that results already done are
 * written while the next name has yet to come. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* Read chunk for inputs of unknown size (pipes, devices). */
#define READ_CHUNK ((size_t)64 * 1024)
/* First size of the --files-from buffer; it grows for a longer name. */
#define LIST_CHUNK ((size_t)4096)

typedef struct {
    char *path;             /* directory path, as its children's prefix */
    size_t root_len;        /* bytes of path before what lies below the walked folder */
    char **names;           /* sorted entries; NULL once handed out */
    size_t n, next;
    dev_t dev;
    ino_t ino;
} frame;

struct input_iter {
    const cli_opts *o;
    size_t next_arg;
    int list_fd;            /* --files-from, opened on first use; -1 before */
    int list_eof;           /* end of the list reached (or a read error) */
    int list_done;          /* every entry handed out */
    char *lbuf;             /* bytes read from the list, entries from lpos on */
    size_t lpos, llen, lcap;
    frame *stack;           /* directories on the current walk path */
    size_t depth, cap;
    int skipped;            /* an input was reported and skipped (out of memory) */
};

input_iter *inputs_open(const cli_opts *o)
{
    input_iter *it = calloc(1, sizeof *it);
    if (it) {
        it->o = o;
        it->list_fd = -1;
    }
    return it;
}

static void frame_free(frame *f)
{
    for (size_t i = f->next; i < f->n; i++)
        free(f->names[i]);
    free(f->names);
    free(f->path);
}

void inputs_close(input_iter *it)
{
    if (!it)
        return;
    while (it->depth > 0)
        frame_free(&it->stack[--it->depth]);
    free(it->stack);
    if (it->list_fd > STDIN_FILENO)
        close(it->list_fd);
    free(it->lbuf);
    free(it);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name)
{
    size_t dl = strlen(dir), nl = strlen(name);
    int slash = dl > 0 && dir[dl - 1] != '/';
    char *p = malloc(dl + slash + nl + 1);
    if (!p)
        return NULL;
    memcpy(p, dir, dl);
    if (slash)
        p[dl] = '/';
    memcpy(p + dl + slash, name, nl + 1);
    return p;
}

/* Read one directory's names (hidden ones only with --hidden), sorted so
 * that output does not depend on the file system's order.  Returns 0, or
 * an errno value. */
static int read_names(const input_iter *it, const char *path, frame *f)
{
    DIR *d = opendir(path);
    if (!d)
        return errno;
    size_t cap = 0;
    struct dirent *de;
    int err = 0;
    errno = 0;
    while ((de = readdir(d)) != NULL) {
        const char *n = de->d_name;
        if (strcmp(n, ".") == 0 || strcmp(n, "..") == 0)
            continue;
        if (n[0] == '.' && !it->o->hidden)
            continue;
        if (f->n == cap) {
            size_t nc = cap ? cap * 2 : 64;
            char **nn = realloc(f->names, nc * sizeof *nn);
            if (!nn) {
                err = ENOMEM;
                break;
            }
            f->names = nn;
            cap = nc;
        }
        if (!(f->names[f->n] = strdup(n))) {
            err = ENOMEM;
            break;
        }
        f->n++;
        errno = 0;
    }
    if (!err && errno)
        err = errno;
    closedir(d);
    if (f->n)
        qsort(f->names, f->n, sizeof *f->names, by_name);
    return err;
}

/* Enter a directory; an item with an error when it cannot be read. */
static int push_dir(input_iter *it, char *path, size_t root_len, const struct stat *st,
                    input_item *item)
{
    for (size_t i = 0; i < it->depth; i++) {
        if (it->stack[i].dev == st->st_dev && it->stack[i].ino == st->st_ino) {
            /* A symbolic link back up the path: following it never ends. */
            item->path = path;
            item->warning = "directory loop, not followed";
            return 1;
        }
    }
    if (it->depth == it->cap) {
        size_t nc = it->cap ? it->cap * 2 : 8;
        frame *ns = realloc(it->stack, nc * sizeof *ns);
        if (!ns) {
            item->path = path;
            item->errnum = ENOMEM;
            return 1;
        }
        it->stack = ns;
        it->cap = nc;
    }
    frame *f = &it->stack[it->depth];
    memset(f, 0, sizeof *f);
    f->path = path;
    f->root_len = root_len;
    f->dev = st->st_dev;
    f->ino = st->st_ino;
    int err = read_names(it, path, f);
    if (err) {
        f->path = NULL;
        frame_free(f);
        item->path = path;
        item->errnum = err;
        return 1;
    }
    it->depth++;
    return 0;
}

/* Next item from the directory walk: 1 with an item, 0 when the walk is
 * over. */
static int walk_next(input_iter *it, input_item *item)
{
    while (it->depth > 0) {
        frame *f = &it->stack[it->depth - 1];
        if (f->next == f->n) {
            frame_free(f);
            it->depth--;
            continue;
        }
        char *name = f->names[f->next++];
        char *path = join(f->path, name);
        if (!path) {
            free(name);
            item->path = strdup(f->path);
            item->errnum = ENOMEM;
            if (!item->path)
                msg_error(f->path, "%s", strerror(ENOMEM));
            return item->path ? 1 : -1;
        }
        const char *rel = path + f->root_len;
        struct stat st;
        /* Symbolic links are followed only with -L, as rg and fd do: a
         * link may lead out of the tree or back into it. */
        int rc = it->o->follow_links ? stat(path, &st) : lstat(path, &st);
        if (rc != 0) {
            /* Vanished since readdir, or a dangling symbolic link. */
            free(name);
            item->path = path;
            item->errnum = errno;
            return 1;
        }
        if (S_ISLNK(st.st_mode) || path_excluded(it->o, rel, name)) {
            free(name);
            free(path);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            free(name);
            if (push_dir(it, path, f->root_len, &st, item))
                return 1;
            continue;
        }
        /* FIFOs, sockets and devices met on a walk are not articles. */
        int wanted = S_ISREG(st.st_mode) && file_wanted(it->o, rel, name);
        free(name);
        if (!wanted) {
            free(path);
            continue;
        }
        item->walked = 1;
        item->path = path;
        return 1;
    }
    return 0;
}

/* Read more of the list into lbuf.  1 when bytes came or the list ended,
 * INPUTS_WAIT when !block and nothing has arrived, -1 on a read error
 * (reported). */
static int list_read(input_iter *it, int block)
{
    if (it->lpos > 0) {     /* keep only the unfinished entry */
        memmove(it->lbuf, it->lbuf + it->lpos, it->llen - it->lpos);
        it->llen -= it->lpos;
        it->lpos = 0;
    }
    if (it->llen == it->lcap) {
        size_t nc = it->lcap ? it->lcap * 2 : LIST_CHUNK;
        char *nb = nc > it->lcap ? realloc(it->lbuf, nc) : NULL;
        if (!nb) {
            msg_error(it->o->files_from, "%s", strerror(ENOMEM));
            return -1;
        }
        it->lbuf = nb;
        it->lcap = nc;
    }
    struct pollfd pf = { it->list_fd, POLLIN, 0 };
    for (;;) {
        /* A regular file is always readable; a pipe or terminal may
         * have nothing yet. */
        if (!block && poll(&pf, 1, 0) == 0)
            return INPUTS_WAIT;
        ssize_t got = read(it->list_fd, it->lbuf + it->llen, it->lcap - it->llen);
        if (got > 0) {
            it->llen += (size_t)got;
            return 1;
        }
        if (got == 0) {
            it->list_eof = 1;
            return 1;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {   /* O_NONBLOCK from elsewhere */
            if (!block)
                return INPUTS_WAIT;
            poll(&pf, 1, -1);
            continue;
        }
        msg_error(it->o->files_from, "%s", strerror(errno));
        it->list_eof = 1;
        return -1;
    }
}

/* Next --files-from entry: 1 with a malloc'd path, 0 at the end, -1 on
 * a fatal error, INPUTS_WAIT when !block and no whole entry has come. */
static int list_next(input_iter *it, char **path, int block)
{
    const char *name = it->o->files_from;
    if (it->list_fd < 0) {
        it->list_fd = strcmp(name, "-") == 0 ? STDIN_FILENO : open(name, O_RDONLY);
        if (it->list_fd < 0) {
            msg_error(name, "%s", strerror(errno));
            it->list_done = 1;
            return -1;
        }
    }
    char delim = it->o->null_sep ? '\0' : '\n';
    for (;;) {
        char *start = it->lbuf + it->lpos;
        size_t avail = it->llen - it->lpos;
        char *end = avail ? memchr(start, delim, avail) : NULL;
        if (end || (it->list_eof && avail)) {
            size_t n = end ? (size_t)(end - start) : avail;
            it->lpos += n + (end != NULL);
            if (delim == '\n' && n > 0 && start[n - 1] == '\r')
                n--;            /* a list written on Windows */
            if (n == 0)
                continue;       /* blank lines separate nothing */
            *path = strndup(start, n);
            return *path ? 1 : -1;
        }
        if (it->list_eof) {
            it->list_done = 1;
            return 0;
        }
        int r = list_read(it, block);
        if (r != 1) {
            if (r < 0)
                it->list_done = 1;
            return r;
        }
    }
}

/* Next explicit path: an argument, then a --files-from entry.  1 with a
 * malloc'd path, 0 at the end, -1 on a fatal error, INPUTS_WAIT. */
static int next_explicit(input_iter *it, char **path, int block)
{
    const cli_opts *o = it->o;
    while (it->next_arg < o->paths.n) {
        const char *arg = o->paths.v[it->next_arg++];
        if ((*path = strdup(arg)))
            return 1;
        msg_error(arg, "%s", strerror(ENOMEM));   /* this one only: go on */
        it->skipped = 1;
    }
    if (!o->files_from || it->list_done)
        return 0;
    return list_next(it, path, block);
}

int inputs_next(input_iter *it, input_item *item, int block)
{
    memset(item, 0, sizeof *item);
    for (;;) {
        int r = walk_next(it, item);
        if (r != 0)
            return r;
        char *path;
        r = next_explicit(it, &path, block);
        if (r != 1)
            return r;
        struct stat st;
        /* Explicit files are analysed whatever their name or type; only
         * directories are treated differently. */
        if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t root_len = strlen(path);
            root_len += root_len > 0 && path[root_len - 1] != '/';
            if (push_dir(it, path, root_len, &st, item))
                return 1;
            continue;
        }
        item->path = path;
        return 1;
    }
}

int inputs_skipped(const input_iter *it) { return it->skipped; }

int inputs_wait_fd(const input_iter *it) { return it->list_fd; }

/*** Reading ***/

int read_input(const char *path, char **data, size_t *len, int *errnum, int *too_big)
{
    *data = NULL;
    *len = 0;
    *errnum = 0;
    *too_big = 0;
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
    if (fd < 0) {
        *errnum = errno;
        return -1;
    }
    struct stat st;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    if (fstat(fd, &st) != 0) {
        *errnum = errno;
        goto fail;
    }
    if (S_ISDIR(st.st_mode)) {
        *errnum = EISDIR;
        goto fail;
    }
    if (S_ISREG(st.st_mode)) {
        if ((unsigned long long)st.st_size > CN_MAX_INPUT) {
            *too_big = 1;
            goto fail;
        }
        cap = (size_t)st.st_size + 1;   /* +1 sees growth since fstat */
    }
    for (;;) {
        if (n == cap) {
            if (cap > CN_MAX_INPUT) {
                *too_big = 1;
                goto fail;
            }
            size_t nc = cap < READ_CHUNK ? READ_CHUNK : cap * 2;
            if (nc > CN_MAX_INPUT + 1)
                nc = CN_MAX_INPUT + 1;
            char *nb = realloc(buf, nc);
            if (!nb) {
                *errnum = ENOMEM;
                goto fail;
            }
            buf = nb;
            cap = nc;
        }
        if (!buf && !(buf = malloc(cap))) {
            *errnum = ENOMEM;
            goto fail;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            *errnum = errno;
            goto fail;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    if (n > CN_MAX_INPUT) {
        *too_big = 1;
        goto fail;
    }
    if (!is_stdin)
        close(fd);
    *data = buf;
    *len = n;
    return 0;
fail:
    free(buf);
    if (!is_stdin)
        close(fd);
    return -1;
}
