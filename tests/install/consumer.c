/* A program that uses an installed carnews: analyse one article given on
 * the command line with the installed data and print its brands. */
#include <carnews/carnews.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: consumer DATA_DIR TEXT\n");
        return 2;
    }
    cn_options opts = {argv[1], NULL, 0};
    cn_analyzer *an;
    cn_error err;
    if (cn_analyzer_new(&opts, &an, &err) != CN_OK) {
        fprintf(stderr, "consumer: %s\n", err.message);
        return 1;
    }
    cn_doc *doc;
    if (cn_analyze(an, argv[2], strlen(argv[2]), CN_INPUT_TEXT, NULL, &doc, &err) != CN_OK) {
        fprintf(stderr, "consumer: %s\n", err.message);
        cn_analyzer_free(an);
        return 1;
    }
    const cn_result *r = cn_doc_result(doc);
    for (size_t i = 0; i < r->n_entities; i++)
        if (r->entities[i].type == CN_ENT_BRAND)
            printf("%s\n", r->entities[i].name);
    cn_doc_free(doc);
    cn_analyzer_free(an);
    return 0;
}
