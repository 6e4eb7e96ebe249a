/* Shell completions, made from the option table so that they never
 * disagree with --help: `carnews completions bash|zsh|fish` prints the
 * script; the build installs one for each shell. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char *const COMMANDS[] = {"analyze", "summarize", "text", "data", "help", NULL};
static const char *const CMD_NAMES[] = {"analyze", "summarize", "text"};

/* Values an option takes, for completion; NULL = files. */
static const char *option_values(int id)
{
    switch (id) {
    case OPT_FORMAT: return "text json jsonl tsv";
    case OPT_INPUT: return "auto text html";
    case OPT_TYPES: return "brand model plant person organization place figure quote";
    case OPT_FILE_TYPE: return "text html archive warc records";
    case OPT_COLOR: return "auto always never";
    case OPT_JOBS: return "1 2 4 8";
    default: return NULL;
    }
}

static void bash(void)
{
    puts("# bash completion for carnews (made by: carnews completions bash)");
    puts("_carnews() {");
    puts("    local cur prev cmd i");
    puts("    cur=${COMP_WORDS[COMP_CWORD]}");
    puts("    prev=${COMP_WORDS[COMP_CWORD-1]}");
    puts("    cmd=${COMP_WORDS[1]}");
    fputs("    if [ \"$COMP_CWORD\" -eq 1 ]; then\n        COMPREPLY=($(compgen -W \"", stdout);
    for (size_t i = 0; COMMANDS[i]; i++)
        printf("%s ", COMMANDS[i]);
    puts("--help --version\" -- \"$cur\"))\n        return\n    fi");
    puts("    case $cmd in");
    puts("    data) COMPREPLY=($(compgen -W \"check path\" -- \"$cur\")); return ;;");
    puts("    help) COMPREPLY=($(compgen -W \"analyze summarize text data help\" -- \"$cur\")); return ;;");
    puts("    esac");
    puts("    case $prev in");
    for (size_t i = 0; i < CLI_N_OPTIONS; i++) {
        const cli_option *o = &CLI_OPTIONS[i];
        if (!o->arg || o->arg[0] == '[')
            continue;
        const char *v = option_values(o->id);
        printf("    --%s", o->name);
        if (o->short_name)
            printf("|-%c", o->short_name);
        if (v)
            printf(") COMPREPLY=($(compgen -W \"%s\" -- \"$cur\")); return ;;\n", v);
        else if (o->id == OPT_DATA)
            puts(") COMPREPLY=($(compgen -d -- \"$cur\")); return ;;");
        else
            puts(") COMPREPLY=($(compgen -f -- \"$cur\")); return ;;");
    }
    puts("    esac");
    puts("    if [[ $cur == -* ]]; then");
    puts("        case $cmd in");
    for (int c = CMD_ANALYZE; c <= CMD_TEXT; c++) {
        printf("        %s) COMPREPLY=($(compgen -W \"", CMD_NAMES[c]);
        for (size_t i = 0; i < CLI_N_OPTIONS; i++)
            if (CLI_OPTIONS[i].commands & CLI_FOR(c))
                printf("--%s%s ", CLI_OPTIONS[i].name,
                       CLI_OPTIONS[i].arg && CLI_OPTIONS[i].arg[0] == '[' ? "=" : "");
        puts("\" -- \"$cur\")) ;;");
    }
    puts("        esac");
    puts("        return");
    puts("    fi");
    puts("    COMPREPLY=($(compgen -f -- \"$cur\"))");
    puts("}");
    puts("complete -o filenames -o bashdefault -F _carnews carnews");
}

/* A zsh/fish description: the first line of the help text. */
static void first_line(const char *help, char *out, size_t cap)
{
    size_t n = strcspn(help, "\n");
    if (n >= cap)
        n = cap - 1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (help[i] != '\'' && help[i] != '[' && help[i] != ']' && help[i] != ':' && k + 1 < cap)
            out[k++] = help[i];
    out[k] = '\0';
}

static void zsh(void)
{
    puts("#compdef carnews");
    puts("# zsh completion for carnews (made by: carnews completions zsh)");
    puts("_carnews() {");
    puts("    local -a cmds");
    puts("    cmds=(analyze summarize text data help)");
    puts("    if (( CURRENT == 2 )); then _describe command cmds; return; fi");
    puts("    case $words[2] in");
    puts("    data) _values command check path ;;");
    puts("    help) _describe command cmds ;;");
    for (int c = CMD_ANALYZE; c <= CMD_TEXT; c++) {
        printf("    %s)\n        _arguments \\\n", CMD_NAMES[c]);
        for (size_t i = 0; i < CLI_N_OPTIONS; i++) {
            const cli_option *o = &CLI_OPTIONS[i];
            if (!(o->commands & CLI_FOR(c)))
                continue;
            char desc[128];
            first_line(o->help, desc, sizeof desc);
            const char *v = option_values(o->id);
            const char *action = !o->arg ? "" : v ? NULL : o->id == OPT_DATA ? ":dir:_files -/"
                                                                              : ":file:_files";
            printf("            '--%s%s[%s]", o->name, o->arg && o->arg[0] == '[' ? "=-" : "",
                   desc);
            if (action)
                fputs(action, stdout);
            else
                printf(":value:(%s)", v);
            puts("' \\");
        }
        puts("            '*:file:_files' ;;");
    }
    puts("    esac");
    puts("}");
    puts("_carnews \"$@\"");
}

static void fish(void)
{
    puts("# fish completion for carnews (made by: carnews completions fish)");
    puts("complete -c carnews -n __fish_use_subcommand -f -a 'analyze summarize text data help'");
    puts("complete -c carnews -n '__fish_seen_subcommand_from data' -f -a 'check path'");
    for (size_t i = 0; i < CLI_N_OPTIONS; i++) {
        const cli_option *o = &CLI_OPTIONS[i];
        char desc[128];
        first_line(o->help, desc, sizeof desc);
        fputs("complete -c carnews -n '__fish_seen_subcommand_from", stdout);
        for (int c = CMD_ANALYZE; c <= CMD_TEXT; c++)
            if (o->commands & CLI_FOR(c))
                printf(" %s", CMD_NAMES[c]);
        printf("' -l %s", o->name);
        if (o->short_name)
            printf(" -s %c", o->short_name);
        const char *v = option_values(o->id);
        if (o->arg && v)
            printf(" -x -a '%s'", v);
        else if (o->arg)
            fputs(" -r -F", stdout);
        printf(" -d '%s'\n", desc);
    }
}

int cli_print_completions(const char *shell)
{
    if (strcmp(shell, "bash") == 0)
        bash();
    else if (strcmp(shell, "zsh") == 0)
        zsh();
    else if (strcmp(shell, "fish") == 0)
        fish();
    else
        return -1;
    return 0;
}
