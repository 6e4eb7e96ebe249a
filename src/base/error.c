#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *cn_strerror(cn_status code)
{
    switch (code) {
    case CN_OK: return "success";
    case CN_ERR_NOMEM: return "out of memory";
    case CN_ERR_IO: return "input/output error";
    case CN_ERR_ARG: return "invalid argument";
    case CN_ERR_DATA: return "malformed data file";
    case CN_ERR_RULE: return "bad rule";
    case CN_ERR_LIMIT: return "input too large";
    }
    return "unknown error";
}

static void clear(cn_error *err, cn_status code)
{
    err->code = code;
    err->path[0] = '\0';
    err->line = 0;
}

cn_status cni_error_set(cn_error *err, cn_status code, const char *fmt, ...)
{
    if (!err)
        return code;
    clear(err, code);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    if (!err->message[0])
        snprintf(err->message, sizeof err->message, "%s", cn_strerror(code));
    return code;
}

cn_status cni_error_at(cn_error *err, cn_status code, const char *path, size_t line,
                       const char *fmt, ...)
{
    if (!err)
        return code;
    clear(err, code);
    snprintf(err->path, sizeof err->path, "%s", path ? path : "");
    err->line = line;
    int n = line ? snprintf(err->message, sizeof err->message, "%s:%zu: ", err->path, line)
                 : snprintf(err->message, sizeof err->message, "%s: ", err->path);
    if (n < 0 || (size_t)n >= sizeof err->message)
        return code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message + n, sizeof err->message - (size_t)n, fmt, ap);
    va_end(ap);
    return code;
}
