#include "tsv.h"
#include "error.h"
#include "utf8.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Data files are small; anything bigger is a mistake, not a gazetteer. */
#define TSV_MAX_FILE ((size_t)64 * 1024 * 1024)

cn_status cni_tsv_read_file(const char *path, char **data, size_t *len, cn_error *err)
{
    *data = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        cni_error_at(err, CN_ERR_IO, path, 0, "%s", strerror(errno));
        return CN_ERR_IO;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        cni_error_at(err, CN_ERR_IO, path, 0, "is a directory");
        return CN_ERR_IO;
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n + 1 >= cap) {
            if (cap >= TSV_MAX_FILE) {
                free(buf);
                fclose(f);
                cni_error_at(err, CN_ERR_DATA, path, 0, "larger than %zu MiB",
                             TSV_MAX_FILE >> 20);
                return CN_ERR_DATA;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    int io_error = ferror(f);
    fclose(f);
    if (!buf) {
        cni_error_at(err, CN_ERR_NOMEM, path, 0, "out of memory");
        return CN_ERR_NOMEM;
    }
    if (io_error) {
        free(buf);
        cni_error_at(err, CN_ERR_IO, path, 0, "read error");
        return CN_ERR_IO;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return CN_OK;
}

static int blank_line(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\r')
            return 0;
    return 1;
}

cn_status cni_tsv_parse(char *data, size_t len, const char *path,
                    const char *const *cols, size_t ncols, tsv_row_fn fn,
                    void *ctx, cn_error *err)
{
    int map[TSV_MAX_COLS];
    size_t header_cols = 0, line = 0;
    int have_header = 0;
    size_t pos = 0;
    /* A UTF-8 BOM at the start is allowed. */
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    /* Data files are clean: one pass over the whole file says so, and the
     * lines of a clean file need no checks of their own (a line ends on
     * an ASCII byte, so it cannot cut a UTF-8 sequence). */
    int may_have_nul = memchr(data + pos, '\0', len - pos) != NULL;
    int may_be_invalid = cni_utf8_valid_len(data + pos, len - pos) != len - pos;
    while (pos < len) {
        line++;
        char *start = data + pos;
        char *nl = memchr(start, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - start) : len - pos;
        pos += n + (nl ? 1 : 0);
        if (n && start[n - 1] == '\r')
            n--;
        if (may_have_nul && memchr(start, '\0', n)) {
            cni_error_at(err, CN_ERR_DATA, path, line, "NUL byte in line");
            return CN_ERR_DATA;
        }
        start[n] = '\0';
        if (n > TSV_MAX_LINE) {
            cni_error_at(err, CN_ERR_DATA, path, line, "line longer than %d bytes", TSV_MAX_LINE);
            return CN_ERR_DATA;
        }
        if (may_be_invalid && cni_utf8_valid_len(start, n) != n) {
            cni_error_at(err, CN_ERR_DATA, path, line, "invalid UTF-8");
            return CN_ERR_DATA;
        }
        if (start[0] == '#' || blank_line(start))
            continue;
        /* Split on TABs. */
        const char *fields[64];
        size_t nf = 0;
        char *f = start;
        for (;;) {
            if (nf == 64) {
                cni_error_at(err, CN_ERR_DATA, path, line, "too many columns");
                return CN_ERR_DATA;
            }
            fields[nf++] = f;
            char *tab = strchr(f, '\t');
            if (!tab)
                break;
            *tab = '\0';
            f = tab + 1;
        }
        if (!have_header) {
            header_cols = nf;
            for (size_t c = 0; c < ncols; c++) {
                map[c] = -1;
                for (size_t k = 0; k < nf; k++)
                    if (strcmp(fields[k], cols[c]) == 0)
                        map[c] = (int)k;
                if (map[c] < 0) {
                    cni_error_at(err, CN_ERR_DATA, path, line, "header has no column '%s'", cols[c]);
                    return CN_ERR_DATA;
                }
            }
            have_header = 1;
            continue;
        }
        if (nf != header_cols) {
            cni_error_at(err, CN_ERR_DATA, path, line, "%zu fields, header has %zu", nf, header_cols);
            return CN_ERR_DATA;
        }
        tsv_row row;
        row.line = line;
        for (size_t c = 0; c < ncols; c++)
            row.field[c] = fields[map[c]];
        cn_status st = fn(ctx, &row, err);
        if (st != CN_OK)
            return st;
    }
    if (!have_header) {
        cni_error_at(err, CN_ERR_DATA, path, line, "no header line");
        return CN_ERR_DATA;
    }
    return CN_OK;
}
