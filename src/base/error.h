/* Filling a cn_error: every non-OK status the library returns goes
 * through one of these, so err->code always equals the status and the
 * message is never empty. */
#ifndef CN_ERROR_H
#define CN_ERROR_H
#include <stddef.h>

#include "carnews/carnews.h"

/* err may be NULL.  Returns code. */
cn_status cni_error_set(cn_error *err, cn_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A fault in a file: the message reads "path:line: reason" ("path: reason"
 * when line is 0) and err->path, err->line keep the two apart. */
cn_status cni_error_at(cn_error *err, cn_status code, const char *path, size_t line,
                       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
#endif
