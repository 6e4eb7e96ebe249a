/* Which files a folder walk takes: article files by default (by name:
 * .txt, .text, .html, .htm, .xhtml, each perhaps compressed), every file
 * with --all-files, the kinds named by --type; --include/--exclude globs
 * on the base name, or on the path below the walked folder when the
 * pattern has a '/'; a leading '!' negates a pattern.  Binary files met
 * on a walk are skipped with a note. */
#include <fnmatch.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

/* Compression suffixes read transparently. */
static const char *const COMPRESSED[] = {".gz", ".zst", ".xz", ".bz2", NULL};

static const struct {
    unsigned bit;
    const char *name;
    const char *const exts[8];
} KINDS[] = {
    {FILE_TEXT, "text", {".txt", ".text", NULL}},
    {FILE_HTML, "html", {".html", ".htm", ".xhtml", NULL}},
    {FILE_ARCHIVE, "archive", {".tar", ".tgz", ".zip", NULL}},
    {FILE_WARC, "warc", {".warc", NULL}},
    {FILE_RECORDS, "records", {".jsonl", ".ndjson", ".csv", NULL}},
};
#define N_KINDS (sizeof KINDS / sizeof KINDS[0])

static int ends_with_ci(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && strncasecmp(s + n - k, suffix, k) == 0;
}

unsigned file_kind(const char *name)
{
    size_t n = strlen(name);
    for (const char *const *c = COMPRESSED; *c; c++)
        if (ends_with_ci(name, n, *c)) {
            n -= strlen(*c);
            break;
        }
    for (size_t k = 0; k < N_KINDS; k++)
        for (const char *const *e = KINDS[k].exts; *e; e++)
            if (ends_with_ci(name, n, *e))
                return KINDS[k].bit;
    return 0;
}

int parse_file_kinds(const char *list, unsigned *mask)
{
    *mask = 0;
    for (const char *p = list;;) {
        size_t n = strcspn(p, ",");
        size_t k = 0;
        while (k < N_KINDS && !(strlen(KINDS[k].name) == n && !strncmp(KINDS[k].name, p, n)))
            k++;
        if (k == N_KINDS)
            return -1;
        *mask |= KINDS[k].bit;
        if (!p[n])
            return 0;
        p += n + 1;
    }
}

/* Does one glob match?  With a '/', against the path below the walked
 * folder; otherwise against the base name. */
static int glob_matches(const char *pat, const char *rel, const char *base)
{
    return fnmatch(pat, strchr(pat, '/') ? rel : base, 0) == 0;
}

/* 1 when some positive pattern matches, -1 when a negated one does
 * (negations win), 0 when none does. */
static int list_verdict(const strlist *l, const char *rel, const char *base, int *has_positive)
{
    int hit = 0;
    *has_positive = 0;
    for (size_t i = 0; i < l->n; i++) {
        const char *pat = l->v[i];
        if (pat[0] == '!') {
            if (glob_matches(pat + 1, rel, base))
                return -1;
        } else {
            *has_positive = 1;
            hit |= glob_matches(pat, rel, base);
        }
    }
    return hit;
}

int path_excluded(const cli_opts *o, const char *rel, const char *base)
{
    int pos;
    return list_verdict(&o->exclude, rel, base, &pos) == 1;
}

int file_wanted(const cli_opts *o, const char *rel, const char *base)
{
    if (path_excluded(o, rel, base))
        return 0;
    int pos, v = list_verdict(&o->include, rel, base, &pos);
    if (v < 0 || (pos && v == 0))
        return 0;
    if (o->all_files || (pos && v == 1))
        return 1;       /* an include pattern names the file: take it */
    return (file_kind(base) & o->file_kinds) != 0;
}

int looks_binary(const char *data, size_t len)
{
    size_t n = len < 4096 ? len : 4096;
    if (n >= 2 && ((data[0] == '\xFF' && data[1] == '\xFE') || (data[0] == '\xFE' && data[1] == '\xFF')))
        return 0;   /* UTF-16 or UTF-32 with a byte order mark */
    /* UTF-16/32 without a mark has NULs in every other byte (or in three
     * of four, at fixed places); a binary has them anywhere, with other
     * control bytes. */
    size_t nul = 0, ctl = 0, at[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        /* Skip eight bytes at a time while none is below 0x20 (exact:
         * a borrow only passes a byte that is below). */
        uint64_t w;
        while (n - i >= 8 && (memcpy(&w, data + i, 8),
                              ((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull) == 0))
            i += 8;
        if (i == n)
            break;
        unsigned char c = (unsigned char)data[i];
        if (c == 0) {
            nul++;
            at[i % 4]++;
        } else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
            ctl++;
        }
    }
    if (nul == 0)
        return n > 0 && ctl * 10 > n;
    size_t quarter = n / 4, even = at[0] + at[2], odd = at[1] + at[3];
    int wide16 = (even * 20 <= n && odd * 20 >= n * 9) || (odd * 20 <= n && even * 20 >= n * 9);
    int wide32 = 0;
    for (int r = 0; r < 4; r++) {
        int others = 1;
        for (int k = 0; k < 4; k++)
            if (k != r && at[k] * 10 < quarter * 9)
                others = 0;
        wide32 |= others && at[r] * 40 <= n;
    }
    return !(wide16 || wide32) || ctl * 10 > n;
}
