/* Option parsing for analyze, summarize and text.  Options and arguments
 * may be mixed; "--" ends the options; long options take "--opt=value" or
 * "--opt value", short ones "-j4", "-j 4" and clusters such as "-q0". */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char *const FORMAT_NAMES[] = {"json", "jsonl", "text", "tsv"};
static const char *const INPUT_NAMES[] = {"auto", "text", "html"};
static const char *const TYPE_NAMES[] = {
    "brand", "model", "plant", "person", "organization", "place", "figure", "quote"
};
static const unsigned TYPE_BITS[] = {
    CN_TYPE_BRAND, CN_TYPE_MODEL, CN_TYPE_PLANT, CN_TYPE_PERSON,
    CN_TYPE_ORGANIZATION, CN_TYPE_PLACE, CN_TYPE_FIGURE, CN_TYPE_QUOTE
};

static int lookup(const char *s, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(s, names[i]) == 0)
            return (int)i;
    return -1;
}

static parse_result bad(cli_command cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static parse_result bad(cli_command cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "carnews: ");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    cli_usage_line(cmd);
    return PARSE_USAGE;
}

/* "brand,person" -> CN_TYPE_BRAND | CN_TYPE_PERSON.  A trailing 's' is
 * forgiven ("brands,figures"). */
static int parse_types(const char *arg, unsigned *mask, char *bad_name, size_t cap)
{
    *mask = 0;
    const char *p = arg;
    for (;;) {
        size_t n = strcspn(p, ",");
        char word[32];
        int found = -1;
        if (n > 0 && n < sizeof word) {
            memcpy(word, p, n);
            word[n] = '\0';
            found = lookup(word, TYPE_NAMES, sizeof TYPE_NAMES / sizeof TYPE_NAMES[0]);
            if (found < 0 && n > 1 && word[n - 1] == 's') {
                word[n - 1] = '\0';
                found = lookup(word, TYPE_NAMES, sizeof TYPE_NAMES / sizeof TYPE_NAMES[0]);
            }
        }
        if (found < 0) {
            snprintf(bad_name, cap, "%.*s", (int)(n < cap ? n : cap - 1), p);
            return -1;
        }
        *mask |= TYPE_BITS[found];
        if (p[n] == '\0')
            return 0;
        p += n + 1;
    }
}

static int parse_jobs(const char *arg, int *jobs)
{
    char *end;
    errno = 0;
    long v = strtol(arg, &end, 10);
    if (errno || end == arg || *end || v < 1 || v > CLI_MAX_JOBS)
        return -1;
    *jobs = (int)v;
    return 0;
}

static parse_result apply(cli_command cmd, const cli_option *s, const char *arg,
                          cli_opts *o)
{
    int k;
    switch (s->id) {
    case OPT_FORMAT:
        if ((k = lookup(arg, FORMAT_NAMES, 4)) < 0)
            return bad(cmd, "unknown format '%s' (json, jsonl, text or tsv)", arg);
        o->format = (cn_format)k;
        break;
    case OPT_INPUT:
        if ((k = lookup(arg, INPUT_NAMES, 3)) < 0)
            return bad(cmd, "unknown input kind '%s' (auto, text or html)", arg);
        o->input = (cn_input_kind)k;
        break;
    case OPT_TYPES: {
        char name[64];
        if (parse_types(arg, &o->types, name, sizeof name) != 0)
            return bad(cmd, "unknown type '%s' (brand, model, plant, person, "
                            "organization, place, figure, quote)", name);
        break;
    }
    case OPT_DATA: o->data_dirs.v[o->data_dirs.n++] = arg; break;
    case OPT_JOBS:
        if (parse_jobs(arg, &o->jobs) != 0)
            return bad(cmd, "bad job count '%s' (1 to %d)", arg, CLI_MAX_JOBS);
        break;
    case OPT_INCLUDE: o->include.v[o->include.n++] = arg; break;
    case OPT_EXCLUDE: o->exclude.v[o->exclude.n++] = arg; break;
    case OPT_HIDDEN: o->hidden = 1; break;
    case OPT_FILES_FROM: o->files_from = arg; break;
    case OPT_NULL: o->null_sep = 1; break;
    case OPT_QUIET: o->quiet = 1; break;
    case OPT_COLOR:
        if (!arg || strcmp(arg, "always") == 0)
            o->color = 1;
        else if (strcmp(arg, "never") == 0)
            o->color = 0;
        else if (strcmp(arg, "auto") == 0)
            o->color = -1;
        else
            return bad(cmd, "unknown --color '%s' (auto, always or never)", arg);
        break;
    case OPT_FILE_TYPE:
        if (parse_file_kinds(arg, &o->file_kinds) != 0)
            return bad(cmd, "unknown file type in '%s' (text, html, archive, warc, records)", arg);
        break;
    case OPT_ALL_FILES: o->all_files = 1; break;
    case OPT_FOLLOW: o->follow_links = 1; break;
    case OPT_OUTPUT: o->output = arg; break;
    case OPT_RECORDS:
        if ((k = parse_records_format(arg)) < 0)
            return bad(cmd, "unknown --records format '%s' (jsonl or csv)", arg);
        o->records = k;
        o->file_kinds |= FILE_RECORDS;  /* a walk takes record files too */
        break;
    case OPT_ID_FIELD: o->id_field = arg; break;
    case OPT_TEXT_FIELD: o->text_field = arg; break;
    case OPT_HTML_FIELD: o->html_field = arg; break;
    case OPT_NO_HEADING: o->heading = 0; break;
    case OPT_NO_COLOR: o->color = 0; break;
    case OPT_NO_HEADER: o->tsv_header = 0; break;
    case OPT_NO_MENTIONS: o->no_mentions = 1; break;
    case OPT_AGGREGATE: o->cmd = CMD_SUMMARIZE; break;
    case OPT_HELP:
        cli_print_help(cmd);
        return PARSE_EXIT_OK;
    }
    return PARSE_OK;
}

static const cli_option *find_long(const char *name, size_t len)
{
    for (size_t i = 0; i < CLI_N_OPTIONS; i++)
        if (strlen(CLI_OPTIONS[i].name) == len && strncmp(CLI_OPTIONS[i].name, name, len) == 0)
            return &CLI_OPTIONS[i];
    return NULL;
}

static const cli_option *find_short(char c)
{
    for (size_t i = 0; i < CLI_N_OPTIONS; i++)
        if (CLI_OPTIONS[i].short_name == c)
            return &CLI_OPTIONS[i];
    return NULL;
}

static int online_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > CLI_MAX_JOBS ? CLI_MAX_JOBS : (int)n;
}

static int alloc_list(strlist *l, size_t cap)
{
    l->n = 0;
    l->v = calloc(cap, sizeof *l->v);
    return l->v ? 0 : -1;
}

void cli_opts_free(cli_opts *o)
{
    free(o->data_dirs.v);
    free(o->include.v);
    free(o->exclude.v);
    free(o->paths.v);
    memset(o, 0, sizeof *o);
}

parse_result cli_parse(cli_command cmd, int argc, char **argv, cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->cmd = cmd;
    o->format = CN_FORMAT_TEXT;
    o->input = CN_INPUT_AUTO;
    o->color = -1;
    o->tsv_header = 1;
    o->heading = 1;
    o->file_kinds = FILE_ARTICLES;
    o->jobs = online_cpus();
    /* No list can hold more entries than there are arguments (+1 for
     * CARNEWS_DATA), so size them once. */
    size_t cap = (size_t)argc + 2;
    if (alloc_list(&o->data_dirs, cap) || alloc_list(&o->include, cap) ||
        alloc_list(&o->exclude, cap) || alloc_list(&o->paths, cap)) {
        fprintf(stderr, "carnews: out of memory\n");
        return PARSE_USAGE;
    }
    const char *env = getenv("CARNEWS_DATA");
    if (env && *env)
        o->data_dirs.v[o->data_dirs.n++] = env;

    unsigned me = 1u << cmd;
    int options_done = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (options_done || a[0] != '-' || a[1] == '\0') {
            o->paths.v[o->paths.n++] = a;   /* "-" is stdin */
            continue;
        }
        if (strcmp(a, "--") == 0) {
            options_done = 1;
            continue;
        }
        if (a[1] == '-') {
            const char *name = a + 2;
            const char *eq = strchr(name, '=');
            size_t len = eq ? (size_t)(eq - name) : strlen(name);
            const cli_option *s = find_long(name, len);
            if (!s || !(s->commands & me))
                return bad(cmd, "unknown option '%s'", a);
            const char *arg = NULL;
            if (s->arg && s->arg[0] == '[') {
                arg = eq ? eq + 1 : NULL;       /* the value is optional */
            } else if (s->arg) {
                if (eq)
                    arg = eq + 1;
                else if (i + 1 < argc)
                    arg = argv[++i];
                else
                    return bad(cmd, "option '%s' needs a value", a);
            } else if (eq) {
                return bad(cmd, "option '%s' takes no value", a);
            }
            parse_result r = apply(cmd, s, arg, o);
            if (r != PARSE_OK)
                return r;
            continue;
        }
        for (const char *c = a + 1; *c; c++) {
            const cli_option *s = find_short(*c);
            if (!s || !(s->commands & me)) {
                char opt[3] = {'-', *c, '\0'};
                return bad(cmd, "unknown option '%s'", opt);
            }
            const char *arg = NULL;
            if (s->arg && s->arg[0] != '[') {
                if (c[1])
                    arg = c + 1;
                else if (i + 1 < argc)
                    arg = argv[++i];
                else
                    return bad(cmd, "option '%s' needs a value", a);
            }
            parse_result r = apply(cmd, s, arg, o);
            if (r != PARSE_OK)
                return r;
            if (arg)
                break;
        }
    }
    /* As with jq, rg and wc: no input named and a pipe or file on stdin
     * means stdin. */
    if (o->paths.n == 0 && !o->files_from) {
        if (isatty(STDIN_FILENO))
            return bad(cmd, "%s", "no input given (use - to read standard input)");
        o->paths.v[o->paths.n++] = "-";
    }
    int stdin_twice = 0;
    for (size_t i = 0; i < o->paths.n; i++)
        if (strcmp(o->paths.v[i], "-") == 0 && o->files_from &&
            strcmp(o->files_from, "-") == 0)
            stdin_twice = 1;
    if (stdin_twice)
        return bad(cmd, "%s", "standard input cannot be both an input and --files-from");
    return PARSE_OK;
}
