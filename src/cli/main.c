/* carnews: command dispatch and the small commands. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char USAGE[] =
    "usage: carnews analyze [OPTIONS] FILE|DIR|-...\n"
    "       carnews summarize [OPTIONS] FILE|DIR|-...\n"
    "       carnews text [OPTIONS] FILE|DIR|-...\n"
    "       carnews data check DIR | carnews data path\n"
    "       carnews completions bash|zsh|fish\n"
    "       carnews help [COMMAND] | --help | --version\n";

static const char HELP[] =
    "carnews: find the brands, models, plants, people, figures and quotes in\n"
    "automotive-industry news articles (plain text or HTML).\n"
    "\n"
    "Commands:\n"
    "  analyze     report on each article (text, json, jsonl or tsv)\n"
    "  summarize   one report across all the articles\n"
    "  text        print the clean article text that is analysed\n"
    "  data check  check the data files in a folder\n"
    "  help        show help for a command\n"
    "\n"
    "Run 'carnews help COMMAND' for its options; see also carnews(1).\n";

static void print_data_help(FILE *f)
{
    fputs("usage: carnews data check DIR\n"
          "       carnews data path\n\n"
          "check: check that the data files in DIR (brands.tsv, ..., rules/*.rules)\n"
          "parse.  Prints 'DIR: ok', or 'file:line: reason' and exits 2.\n"
          "path: print the folder the built-in data is read from.\n", f);
}

static int usage_error(const char *fmt, const char *what)
{
    fputs("carnews: ", stderr);
    fprintf(stderr, fmt, what);
    fputc('\n', stderr);
    fputs(USAGE, stderr);
    return EXIT_USAGE;
}

static int cmd_data(int argc, char **argv)
{
    if (argc >= 1 && (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0)) {
        print_data_help(stdout);
        return EXIT_ALL_OK;
    }
    if (argc == 1 && strcmp(argv[0], "path") == 0) {
        char *dir = cn_default_data_dir();
        if (!dir) {
            msg_error(NULL, "%s", cn_strerror(CN_ERR_NOMEM));
            return EXIT_SOME_FAILED;
        }
        printf("%s\n", dir);
        free(dir);
        return EXIT_ALL_OK;
    }
    if (argc != 2 || strcmp(argv[0], "check") != 0) {
        fputs("carnews: data: expected 'check DIR' or 'path'\n", stderr);
        print_data_help(stderr);
        return EXIT_USAGE;
    }
    /* The library treats every file as optional (a user folder may hold
     * just one), so a mistyped folder name must be caught here. */
    struct stat st_dir;
    if (stat(argv[1], &st_dir) != 0) {
        msg_error(argv[1], "%s", strerror(errno));
        return EXIT_USAGE;
    }
    if (!S_ISDIR(st_dir.st_mode)) {
        msg_error(argv[1], "%s", strerror(ENOTDIR));
        return EXIT_USAGE;
    }
    cn_error err;
    cn_status st = cn_data_check(argv[1], &err);
    if (st != CN_OK) {
        msg_error(NULL, "%s", err.message[0] ? err.message : cn_strerror(st));
        return EXIT_USAGE;
    }
    printf("%s: ok\n", argv[1]);
    return EXIT_ALL_OK;
}

static int find_command(const char *name, cli_command *cmd)
{
    static const struct { const char *name; cli_command cmd; } cmds[] = {
        {"analyze", CMD_ANALYZE}, {"analyse", CMD_ANALYZE},
        {"summarize", CMD_SUMMARIZE}, {"summarise", CMD_SUMMARIZE},
        {"text", CMD_TEXT},
    };
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        if (strcmp(name, cmds[i].name) == 0) {
            *cmd = cmds[i].cmd;
            return 0;
        }
    }
    return -1;
}

static int cmd_help(int argc, char **argv)
{
    cli_command cmd;
    if (argc == 0) {
        fputs(USAGE, stdout);
        fputs("\n", stdout);
        fputs(HELP, stdout);
        cli_print_exit_help(stdout);
        return EXIT_ALL_OK;
    }
    if (strcmp(argv[0], "data") == 0) {
        print_data_help(stdout);
        return EXIT_ALL_OK;
    }
    if (strcmp(argv[0], "help") == 0) {
        fputs("usage: carnews help [COMMAND]\n\n"
              "Show the help of carnews, or of COMMAND (analyze, summarize, text,\n"
              "data or help).\n", stdout);
        return EXIT_ALL_OK;
    }
    if (find_command(argv[0], &cmd) != 0)
        return usage_error("help: unknown command '%s'", argv[0]);
    cli_print_help(cmd);
    return EXIT_ALL_OK;
}

static int run_command(int argc, char **argv);

/* Whatever the command, output that did not reach stdout is an error
 * (a full disk, --help > /dev/full), except a reader that went away
 * (head, a closed pager): that ends quietly, as with ripgrep. */
int main(int argc, char **argv)
{
    int status = run_command(argc, argv);
    int reported = out_failed();    /* the batch driver has said it already */
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        int e = errno ? errno : reported ? reported : EIO;
        if (e == EPIPE)
            return status;
        if (!reported)
            msg_error(NULL, "write error: %s", strerror(e));
        return status == EXIT_ALL_OK ? EXIT_SOME_FAILED : status;
    }
    return status;
}

static int run_command(int argc, char **argv)
{
    /* A closed pipe shows up as EPIPE from write, handled like any other
     * write error, instead of killing the process mid-line. */
    signal(SIGPIPE, SIG_IGN);
    if (argc < 2) {
        fputs(USAGE, stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
        return cmd_help(0, NULL);
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
        printf("carnews %s\n", CARNEWS_VERSION);
        return EXIT_ALL_OK;
    }
    if (strcmp(name, "help") == 0)
        return cmd_help(argc - 2, argv + 2);
    if (strcmp(name, "data") == 0)
        return cmd_data(argc - 2, argv + 2);
    if (strcmp(name, "completions") == 0) {
        if (argc != 3 || cli_print_completions(argv[2]) != 0)
            return usage_error("completions: expected '%s'", "bash, zsh or fish");
        return EXIT_ALL_OK;
    }
    cli_command cmd;
    if (find_command(name, &cmd) != 0) {
        if (name[0] == '-')
            return usage_error("unknown option '%s' (a command comes first)", name);
        return usage_error("unknown command '%s'", name);
    }
    cli_opts o;
    parse_result pr = cli_parse(cmd, argc - 2, argv + 2, &o);
    int status = pr == PARSE_OK ? cli_run(&o)
               : pr == PARSE_EXIT_OK ? EXIT_ALL_OK : EXIT_USAGE;
    cli_opts_free(&o);
    return status;
}
