/* Every option, defined once: its names, which commands take it and its
 * help text.  args.c parses with this table, --help is printed from it,
 * and a test checks each option against the man page. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

#define FOR_ANALYZE CLI_FOR(CMD_ANALYZE)
#define FOR_SUMMARIZE CLI_FOR(CMD_SUMMARIZE)
#define FOR_TEXT CLI_FOR(CMD_TEXT)
#define FOR_REPORTS (FOR_ANALYZE | FOR_SUMMARIZE)
#define FOR_ALL (FOR_REPORTS | FOR_TEXT)

/* In the order --help lists them: report options, then input options. */
const cli_option CLI_OPTIONS[] = {
    {"format", 'f', "FMT", FOR_REPORTS, OPT_FORMAT,
     "text (default), json, jsonl or tsv"},
    {"types", 't', "LIST", FOR_REPORTS, OPT_TYPES,
     "only these, comma-separated: brand, model, plant,\n"
     "person, organization, place, figure, quote"},
    {"color", 0, "[=WHEN]", FOR_REPORTS, OPT_COLOR,
     "colour the text format: auto (on a terminal, unless\n"
     "NO_COLOR is set; CLICOLOR_FORCE forces it), always or\n"
     "never; --color alone is always"},
    {"no-color", 0, NULL, FOR_REPORTS, OPT_NO_COLOR, "same as --color=never"},
    {"no-header", 0, NULL, FOR_REPORTS, OPT_NO_HEADER, "tsv: no header row"},
    {"no-mentions", 0, NULL, FOR_ANALYZE, OPT_NO_MENTIONS,
     "json, jsonl: give each entity's mention_count, not its\n"
     "mentions (a fifth less output)"},
    {"aggregate", 0, NULL, FOR_ANALYZE, OPT_AGGREGATE, "same as 'carnews summarize'"},
    {"no-heading", 0, NULL, FOR_TEXT, OPT_NO_HEADING,
     "no \"==> PATH <==\" line above each of several texts"},
    {"output", 'o', "FILE", FOR_ALL, OPT_OUTPUT, "write to FILE instead of standard output"},
    {"input", 'i', "KIND", FOR_ALL, OPT_INPUT, "auto (default), text or html"},
    {"data", 'd', "DIR", FOR_ALL, OPT_DATA,
     "add or override data files from DIR (repeatable;\n"
     "CARNEWS_DATA names one more, read first)"},
    {"jobs", 'j', "N", FOR_ALL, OPT_JOBS, "worker threads (default: online CPUs)"},
    {"include", 0, "GLOB", FOR_ALL, OPT_INCLUDE,
     "when walking a DIR, only files that match (the name,\n"
     "or the path below DIR when GLOB has a /; !GLOB: not\n"
     "those); repeatable"},
    {"exclude", 0, "GLOB", FOR_ALL, OPT_EXCLUDE,
     "when walking a DIR, skip files and folders that match\n"
     "(!GLOB: keep those after all); repeatable"},
    {"hidden", 0, NULL, FOR_ALL, OPT_HIDDEN,
     "when walking a DIR, include dot files and folders"},
    {"type", 0, "LIST", FOR_ALL, OPT_FILE_TYPE,
     "when walking a DIR, take these kinds of file, comma-\n"
     "separated: text (.txt .text), html (.html .htm .xhtml),\n"
     "archive, warc, records; default text,html, each also\n"
     "compressed (.gz .zst .xz .bz2)"},
    {"all-files", 0, NULL, FOR_ALL, OPT_ALL_FILES,
     "when walking a DIR, take every file (binaries are still\n"
     "skipped, with a note)"},
    {"follow", 'L', NULL, FOR_ALL, OPT_FOLLOW,
     "when walking a DIR, follow symbolic links"},
    {"records", 0, "FMT", FOR_ALL, OPT_RECORDS,
     "read each input as one article per record: jsonl\n"
     "(JSON Lines) or csv (with a header row); sources\n"
     "are FILE#ID (FILE#LINE without an id)"},
    {"id-field", 0, "NAME", FOR_ALL, OPT_ID_FIELD, "--records: the field of the id (default id)"},
    {"text-field", 0, "NAME", FOR_ALL, OPT_TEXT_FIELD,
     "--records: the field of the article text (default\ntext)"},
    {"html-field", 0, "NAME", FOR_ALL, OPT_HTML_FIELD,
     "--records: read the article as HTML from this field"},
    {"files-from", 0, "F", FOR_ALL, OPT_FILES_FROM,
     "read more inputs from F, one per line (- = stdin)"},
    {"null", '0', NULL, FOR_ALL, OPT_NULL,
     "--files-from entries end with NUL, not newline"},
    {"quiet", 'q', NULL, FOR_ALL, OPT_QUIET, "no progress line and no warnings"},
    {"help", 'h', NULL, FOR_ALL, OPT_HELP, "this help"},
};
const size_t CLI_N_OPTIONS = sizeof CLI_OPTIONS / sizeof CLI_OPTIONS[0];

/* Where the help text starts on each line of the option list. */
#define HELP_COLUMN 23

static void print_option(const cli_option *o, FILE *f)
{
    char head[64];
    int n;
    if (o->short_name)
        n = snprintf(head, sizeof head, "  -%c, --%s", o->short_name, o->name);
    else
        n = snprintf(head, sizeof head, "      --%s", o->name);
    if (o->arg)
        n += snprintf(head + n, sizeof head - (size_t)n, o->arg[0] == '[' ? "%s" : " %s", o->arg);
    fputs(head, f);
    for (int k = n; k < HELP_COLUMN - 1; k++)
        fputc(' ', f);
    fputc(' ', f);
    for (const char *p = o->help; *p; p++) {
        fputc(*p, f);
        if (*p == '\n')
            fprintf(f, "%*s", HELP_COLUMN, "");
    }
    fputc('\n', f);
}

static const char EXIT_HELP[] =
    "\n"
    "Exit status: 0 all inputs analysed, 1 some input could not be read (or\n"
    "output failed), 2 usage error or bad data folder.\n";

void cli_print_exit_help(FILE *f) { fputs(EXIT_HELP, f); }

void cli_usage_line(cli_command cmd)
{
    static const char *const lines[] = {
        "usage: carnews analyze [OPTIONS] FILE|DIR|-...  (carnews analyze --help)\n",
        "usage: carnews summarize [OPTIONS] FILE|DIR|-...  (carnews summarize --help)\n",
        "usage: carnews text [OPTIONS] FILE|DIR|-...  (carnews text --help)\n",
    };
    fputs(lines[cmd], stderr);
}

void cli_print_help(cli_command cmd)
{
    static const char *const intro[] = {
        "usage: carnews analyze [OPTIONS] FILE|DIR|-...\n\n"
        "Analyse each article and print a report per article, in input\n"
        "order.  DIR is walked recursively in name order; - is stdin.\n\n",
        "usage: carnews summarize [OPTIONS] FILE|DIR|-...\n\n"
        "Analyse every article and print one report across them: brands\n"
        "and people by number of articles, plants, all figures with their\n"
        "source, quotes per speaker.\n\n",
        "usage: carnews text [OPTIONS] FILE|DIR|-...\n\n"
        "Print the clean text carnews analyses (HTML pages reduced to their\n"
        "article); several texts each under a \"==> PATH <==\" line.\n\n",
    };
    fputs(intro[cmd], stdout);
    fputs("Options:\n", stdout);
    for (size_t i = 0; i < CLI_N_OPTIONS; i++)
        if (CLI_OPTIONS[i].commands & CLI_FOR(cmd))
            print_option(&CLI_OPTIONS[i], stdout);
    fputs(EXIT_HELP, stdout);
}
