/* Reader for the data files: '#' comments, one header line naming the
 * columns, then TAB-separated records with exactly as many fields. */
#ifndef CN_TSV_H
#define CN_TSV_H
#include <stddef.h>
#include "carnews/carnews.h"

#define TSV_MAX_COLS 8
/* A data line longer than this is surely not a gazetteer row. */
#define TSV_MAX_LINE 65536

typedef struct {
    const char *field[TSV_MAX_COLS];   /* NUL-terminated, in expected order */
    size_t line;
} tsv_row;

/* Called per record; return non-zero to stop with that status (the
 * callback fills err). */
typedef cn_status (*tsv_row_fn)(void *ctx, const tsv_row *row, cn_error *err);

/* Parse data[0..len) (modified in place: TABs and newlines become NULs).
 * cols lists the expected column names; the header must name each of them
 * (in any order; extra columns are ignored).  path is used in messages:
 * "path:line: reason". */
cn_status cni_tsv_parse(char *data, size_t len, const char *path,
                    const char *const *cols, size_t ncols, tsv_row_fn fn,
                    void *ctx, cn_error *err);

/* Read a whole file into a malloc'd buffer (NUL-terminated). */
cn_status cni_tsv_read_file(const char *path, char **data, size_t *len, cn_error *err);
#endif
