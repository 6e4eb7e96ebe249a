/* The public API as a C user sees it: only <carnews/carnews.h>, compiled
 * as C99.  The error contract at every entry point, the summary, the TSV
 * header call, and several threads sharing one analyzer (run under TSan
 * by build.sh test-tsan). */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include <carnews/carnews.h>

#define THREADS 4
#define ROUNDS 25

static const char ARTICLE[] =
    "Nissan to build new EV at Sunderland\n\n"
    "Nissan said on Monday it would build its next electric Leaf at its Sunderland "
    "plant in north-east England, securing about 6,000 jobs.\n\n"
    "\"This is a vote of confidence in our people,\" said Ivan Espinosa, the chief "
    "executive of Nissan.\n";

static cn_analyzer *new_analyzer(void)
{
    cn_options o = {CARNEWS_TEST_DATA_DIR, NULL, 0};
    cn_analyzer *a = NULL;
    cn_error err;
    assert_int_equal(cn_analyzer_new(&o, &a, &err), CN_OK);
    assert_non_null(a);
    return a;
}

/* err as a careless caller leaves it: junk everywhere. */
static void junk(cn_error *err) { memset(err, 0xA5, sizeof *err); }

/* The contract: err->code is the status returned, the message is filled
 * and terminated, path and line are set or cleared. */
static void assert_error(cn_status st, const cn_error *err, cn_status want)
{
    assert_int_equal(st, want);
    assert_int_equal(err->code, st);
    assert_non_null(memchr(err->message, '\0', sizeof err->message));
    assert_true(err->message[0] != '\0');
    assert_non_null(memchr(err->path, '\0', sizeof err->path));
}

static void analyzer_errors(void **state)
{
    (void)state;
    cn_error err;
    junk(&err);
    assert_error(cn_analyzer_new(NULL, NULL, &err), &err, CN_ERR_ARG);
    assert_int_equal(err.path[0], '\0');
    assert_int_equal(err.line, 0);

    cn_analyzer *a = (cn_analyzer *)&err;   /* must be overwritten */
    cn_options o = {"/nonexistent/carnews-data", NULL, 0};
    junk(&err);
    assert_error(cn_analyzer_new(&o, &a, &err), &err, CN_ERR_DATA);
    assert_null(a);
    assert_non_null(strstr(err.path, "/nonexistent/carnews-data"));

    cn_options bad = {CARNEWS_TEST_DATA_DIR, NULL, 2};
    junk(&err);
    assert_error(cn_analyzer_new(&bad, &a, &err), &err, CN_ERR_ARG);
    assert_null(cn_analyzer_data_dir(NULL));
    cn_analyzer_free(NULL);
}

/* A rule with a label outside the closed vocabulary fails with file:line. */
static void unknown_rule_label(void **state)
{
    (void)state;
    char dir[] = "/tmp/carnews-api-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/rules", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/rules/figure-kind.rules", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("label\tpattern\n# a typo\nsalez\t(?i)\\bsold\\b\n", f);
    fclose(f);
    cn_error err;
    junk(&err);
    assert_error(cn_data_check(dir, &err), &err, CN_ERR_RULE);
    assert_string_equal(err.path, path);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message, "salez"));

    const char *users[] = {dir};
    cn_options o = {CARNEWS_TEST_DATA_DIR, users, 1};
    cn_analyzer *a;
    junk(&err);
    assert_error(cn_analyzer_new(&o, &a, &err), &err, CN_ERR_RULE);
    assert_int_equal(err.line, 3);
    unlink(path);
    snprintf(path, sizeof path, "%s/rules", dir);
    rmdir(path);
    rmdir(dir);

    junk(&err);
    assert_error(cn_data_check(NULL, &err), &err, CN_ERR_ARG);
}

static void analyze_errors(void **state)
{
    (void)state;
    cn_analyzer *a = new_analyzer();
    cn_doc *d = (cn_doc *)a;
    cn_error err;
    junk(&err);
    assert_error(cn_analyze(NULL, "x", 1, CN_INPUT_TEXT, NULL, &d, &err), &err, CN_ERR_ARG);
    assert_null(d);
    junk(&err);
    assert_error(cn_analyze(a, NULL, 5, CN_INPUT_TEXT, NULL, &d, &err), &err, CN_ERR_ARG);
    junk(&err);
    assert_error(cn_analyze(a, "x", 1, CN_INPUT_TEXT, NULL, NULL, &err), &err, CN_ERR_ARG);
    junk(&err);
    assert_error(cn_analyze(a, "x", CN_MAX_INPUT + 1, CN_INPUT_TEXT, NULL, &d, &err), &err,
                 CN_ERR_LIMIT);
    /* NULL err is allowed everywhere. */
    assert_int_equal(cn_analyze(NULL, "x", 1, CN_INPUT_TEXT, NULL, &d, NULL), CN_ERR_ARG);
    assert_null(cn_doc_result(NULL));
    cn_doc_free(NULL);
    /* Success leaves err as a successful call: code CN_OK. */
    junk(&err);
    assert_int_equal(cn_analyze(a, "", 0, CN_INPUT_AUTO, NULL, &d, &err), CN_OK);
    assert_int_equal(err.code, CN_OK);
    assert_int_equal(cn_doc_result(d)->n_entities, 0);
    cn_doc_free(d);
    cn_analyzer_free(a);
    assert_string_equal(cn_strerror(CN_ERR_LIMIT), "input too large");
    assert_non_null(cn_strerror((cn_status)99));
}

static void summary_api(void **state)
{
    (void)state;
    cn_analyzer *a = new_analyzer();
    cn_error err;
    junk(&err);
    assert_error(cn_summary_new(0, NULL, &err), &err, CN_ERR_ARG);
    cn_summary *s;
    assert_int_equal(cn_summary_new(0, &s, &err), CN_OK);
    junk(&err);
    assert_error(cn_summary_add(s, NULL, "x", &err), &err, CN_ERR_ARG);
    for (int i = 0; i < 2; i++) {
        cn_doc *d;
        assert_int_equal(cn_analyze(a, ARTICLE, strlen(ARTICLE), CN_INPUT_TEXT, NULL, &d, &err),
                         CN_OK);
        assert_int_equal(cn_summary_add(s, d, i ? "b.txt" : "a.txt", &err), CN_OK);
        cn_doc_free(d);       /* the summary keeps copies */
    }
    size_t len;
    char *json = cn_summary_render(s, CN_FORMAT_JSON, NULL, &len);
    assert_non_null(json);
    assert_int_equal(strlen(json), len);
    assert_non_null(strstr(json, "\"articles\": 2"));
    assert_non_null(strstr(json, "{\"name\":\"Nissan\""));
    free(json);
    char *tsv = cn_summary_render(s, CN_FORMAT_TSV, NULL, &len);
    assert_non_null(tsv);
    const char *head = cn_report_tsv_header(1);
    assert_int_equal(strncmp(tsv, head, strlen(head)), 0);
    free(tsv);
    assert_null(cn_summary_render(NULL, CN_FORMAT_TEXT, NULL, &len));
    cn_summary_free(s);
    cn_summary_free(NULL);
    cn_analyzer_free(a);
}

/* The header call gives what cn_report_render writes with tsv_header. */
static void tsv_header(void **state)
{
    (void)state;
    cn_analyzer *a = new_analyzer();
    cn_doc *d;
    cn_error err;
    assert_int_equal(cn_analyze(a, ARTICLE, strlen(ARTICLE), CN_INPUT_TEXT, NULL, &d, &err),
                     CN_OK);
    cn_report_options o = {0, 0, 1, 0};
    size_t len;
    char *tsv = cn_report_render(d, "a.txt", CN_FORMAT_TSV, &o, &len);
    const char *head = cn_report_tsv_header(0);
    assert_int_equal(strncmp(tsv, head, strlen(head)), 0);
    assert_int_equal(tsv[strlen(head) - 1], '\n');
    free(tsv);
    cn_doc_free(d);
    cn_analyzer_free(a);
}

static char *render(const cn_doc *d, unsigned types)
{
    cn_report_options o = {types, 0, 1, 0};
    size_t len;
    char *out = cn_report_render(d, "a.txt", CN_FORMAT_JSONL, &o, &len);
    assert_non_null(out);
    return out;
}

/* cn_analyze_types() skips figures and quotes no one asked for, and what
 * it reports is what cn_analyze() reports for the same types. */
static void analyze_types(void **state)
{
    (void)state;
    cn_analyzer *a = new_analyzer();
    cn_error err;
    cn_doc *all, *ents, *figs;
    assert_int_equal(cn_analyze(a, ARTICLE, strlen(ARTICLE), CN_INPUT_TEXT, NULL, &all, &err), CN_OK);
    assert_int_equal(cn_analyze_types(a, ARTICLE, strlen(ARTICLE), CN_INPUT_TEXT, NULL,
                                      CN_TYPE_BRAND | CN_TYPE_PERSON, &ents, &err), CN_OK);
    assert_int_equal(cn_analyze_types(a, ARTICLE, strlen(ARTICLE), CN_INPUT_TEXT, NULL,
                                      CN_TYPE_FIGURE, &figs, &err), CN_OK);
    const cn_result *ra = cn_doc_result(all), *re = cn_doc_result(ents), *rf = cn_doc_result(figs);
    assert_true(ra->n_figures > 0);
    assert_true(ra->n_quotes > 0);
    assert_int_equal(re->n_figures, 0);
    assert_int_equal(re->n_quotes, 0);
    assert_int_equal(re->n_entities, ra->n_entities);   /* all types, always */
    assert_int_equal(rf->n_figures, ra->n_figures);
    assert_int_equal(rf->n_quotes, 0);
    unsigned masks[] = {CN_TYPE_BRAND | CN_TYPE_PERSON, CN_TYPE_FIGURE};
    cn_doc *docs[] = {ents, figs};
    for (int i = 0; i < 2; i++) {
        char *want = render(all, masks[i]), *got = render(docs[i], masks[i]);
        assert_string_equal(got, want);
        free(want);
        free(got);
    }
    junk(&err);
    cn_doc *none = (cn_doc *)&err;      /* set to NULL on failure */
    assert_error(cn_analyze_types(NULL, "x", 1, CN_INPUT_TEXT, NULL, 0, &none, &err), &err,
                 CN_ERR_ARG);
    assert_null(none);
    cn_doc_free(all);
    cn_doc_free(ents);
    cn_doc_free(figs);
    cn_analyzer_free(a);
}

typedef struct {
    const cn_analyzer *a;
    char *first;            /* this thread's JSON of the first round */
    int mismatches;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    for (int i = 0; i < ROUNDS; i++) {
        cn_doc *d;
        if (cn_analyze(w->a, ARTICLE, strlen(ARTICLE), CN_INPUT_TEXT, NULL, &d, NULL) != CN_OK) {
            w->mismatches++;
            continue;
        }
        size_t len;
        char *json = cn_report_render(d, "a.txt", CN_FORMAT_JSONL, NULL, &len);
        cn_doc_free(d);
        if (!w->first)
            w->first = json;
        else {
            w->mismatches += !json || strcmp(json, w->first) != 0;
            free(json);
        }
    }
    return NULL;
}

static void threads_share_one_analyzer(void **state)
{
    (void)state;
    cn_analyzer *a = new_analyzer();
    pthread_t t[THREADS];
    worker w[THREADS];
    memset(w, 0, sizeof w);
    for (int i = 0; i < THREADS; i++) {
        w[i].a = a;
        assert_int_equal(pthread_create(&t[i], NULL, work, &w[i]), 0);
    }
    for (int i = 0; i < THREADS; i++)
        assert_int_equal(pthread_join(t[i], NULL), 0);
    for (int i = 0; i < THREADS; i++) {
        assert_int_equal(w[i].mismatches, 0);
        assert_non_null(w[i].first);
        assert_string_equal(w[i].first, w[0].first);
    }
    for (int i = 0; i < THREADS; i++)
        free(w[i].first);
    cn_analyzer_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(analyzer_errors),
        cmocka_unit_test(unknown_rule_label),
        cmocka_unit_test(analyze_errors),
        cmocka_unit_test(analyze_types),
        cmocka_unit_test(summary_api),
        cmocka_unit_test(tsv_header),
        cmocka_unit_test(threads_share_one_analyzer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
