/* Data files: the TSV reader, gazetteer loading and matching, rule loading
 * and the rejection of malformed files with file:line messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gazetteer.h"
#include "rules.h"
#include "tsv.h"
#include "u64map.h"

static char tmpdir[256];

static void write_file(const char *name, const char *content)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
}

static void remove_tree(void)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    assert_int_equal(system(cmd), 0);
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/carnews-test-data-XXXXXX");
    if (!mkdtemp(tmpdir))
        return -1;
    char rules_dir[300];
    snprintf(rules_dir, sizeof rules_dir, "%s/rules", tmpdir);
    mkdir(rules_dir, 0755);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    remove_tree();
    return 0;
}

typedef struct {
    int rows;
    char last[64];
} count_ctx;

static cn_status count_row(void *ctx, const tsv_row *r, cn_error *err)
{
    (void)err;
    count_ctx *c = ctx;
    c->rows++;
    snprintf(c->last, sizeof c->last, "%s/%s", r->field[0], r->field[1]);
    return CN_OK;
}

static void test_tsv_reader(void **state)
{
    (void)state;
    static const char *const cols[] = {"b", "a"};
    char ok[] = "# comment\r\na\tb\r\n\r\n1\t2\n# more\n3\t4";
    count_ctx c = {0, ""};
    cn_error err;
    assert_int_equal(cni_tsv_parse(ok, strlen(ok), "x.tsv", cols, 2, count_row, &c, &err), CN_OK);
    assert_int_equal(c.rows, 2);
    assert_string_equal(c.last, "4/3");   /* columns come back in asked order */

    char short_row[] = "a\tb\n1\n";
    assert_int_equal(cni_tsv_parse(short_row, strlen(short_row), "x.tsv", cols, 2, count_row, &c, &err),
                     CN_ERR_DATA);
    assert_string_equal(err.message, "x.tsv:2: 1 fields, header has 2");

    char bad_utf8[] = "a\tb\n\xC3\x28\tx\n";
    assert_int_equal(cni_tsv_parse(bad_utf8, strlen(bad_utf8), "y.tsv", cols, 2, count_row, &c, &err),
                     CN_ERR_DATA);
    assert_string_equal(err.message, "y.tsv:2: invalid UTF-8");

    char no_col[] = "a\tc\n1\t2\n";
    assert_int_equal(cni_tsv_parse(no_col, strlen(no_col), "z.tsv", cols, 2, count_row, &c, &err),
                     CN_ERR_DATA);
    assert_string_equal(err.message, "z.tsv:1: header has no column 'b'");

    char empty[] = "# only comments\n";
    assert_int_equal(cni_tsv_parse(empty, strlen(empty), "e.tsv", cols, 2, count_row, &c, &err),
                     CN_ERR_DATA);
}

static void write_minimal_data(void)
{
    write_file("brands.tsv", "name\taliases\tparent\tcountry\tkind\n"
                             "Tata Motors\t\t\tIndia\tgroup\n"
                             "Jaguar Land Rover\tJLR\tTata Motors\tUnited Kingdom\tbrand\n"
                             "Jaguar\t\tJaguar Land Rover\tUnited Kingdom\tbrand\n"
                             "smart\t\t\tGermany\tbrand\n");
    write_file("models.tsv", "name\tbrand\taliases\tcontext\n"
                             "E-Pace\tJaguar\t\tfree\n"
                             "Leaf\tJaguar\t\tbrand\n");
    write_file("places.tsv", "name\taliases\tkind\tcountry\tdemonyms\n"
                             "United Kingdom\tUK|Britain\tcountry\tUnited Kingdom\tBritish\n"
                             "India\t\tcountry\tIndia\tIndian\n"
                             "Germany\t\tcountry\tGermany\tGerman\n");
    write_file("roles.tsv", "role\tkind\nchief executive\texecutive\n");
    write_file("plants.tsv", "name\taliases\towner\tlocation\tcountry\tkind\n");
    write_file("organizations.tsv", "name\taliases\tkind\tcountry\n");
    write_file("given_names.txt", "name\nPeter\n");
    write_file("common_words.txt", "word\nthe\n");
}

static void test_gazetteer_matching(void **state)
{
    (void)state;
    write_minimal_data();
    gazetteer *g;
    cn_error err;
    assert_int_equal(cni_gz_load(&g, tmpdir, NULL, 0, &err), CN_OK);
    assert_int_equal(cni_gz_count(g, GZ_BRAND), 4);

    const char *text = "JLR and Jaguar Land Rover's Chief Executive in Britain; jlr";
    arena mem;
    cni_arena_init(&mem);
    segmentation seg;
    assert_int_equal(cni_seg_run(text, strlen(text), &mem, &seg), 0);
    gz_match m[8];
    /* "JLR" */
    assert_int_equal(cni_gz_lookup(g, text, seg.toks, seg.n_toks, 0, m, 8), 1);
    assert_string_equal(m[0].entry->name, "Jaguar Land Rover");
    assert_non_null(m[0].entry->link);
    assert_string_equal(m[0].entry->link->name, "Tata Motors");
    /* "Jaguar Land Rover" longest first, then "Jaguar" */
    size_t n = cni_gz_lookup(g, text, seg.toks, seg.n_toks, 2, m, 8);
    assert_int_equal(n, 2);
    assert_int_equal(m[0].ntok, 3);
    assert_int_equal(m[1].ntok, 1);
    /* roles match in any case */
    n = cni_gz_lookup(g, text, seg.toks, seg.n_toks, 6, m, 8);
    assert_int_equal(n, 1);
    assert_int_equal(m[0].entry->kind, GZ_ROLE);
    /* "Britain" is the United Kingdom */
    n = cni_gz_lookup(g, text, seg.toks, seg.n_toks, 9, m, 8);
    assert_int_equal(n, 1);
    assert_string_equal(m[0].entry->name, "United Kingdom");
    /* lower-case "jlr" is not the acronym */
    assert_int_equal(cni_gz_lookup(g, text, seg.toks, seg.n_toks, seg.n_toks - 1, m, 8), 0);
    const gz_entry *leaf = cni_gz_find(g, GZ_MODEL, "Leaf");
    assert_non_null(leaf);
    assert_true(leaf->flags & GZF_NEEDS_CONTEXT);
    cni_arena_release(&mem);
    cni_gz_free(g);
}

static void test_gazetteer_rejects_bad_rows(void **state)
{
    (void)state;
    write_minimal_data();
    cn_error err;
    write_file("models.tsv", "name\tbrand\taliases\tcontext\nE-Pace\tJaguar\t\tsometimes\n");
    assert_int_equal(cni_gz_check_dir(tmpdir, NULL, &err), CN_ERR_DATA);
    assert_non_null(strstr(err.message, "models.tsv:2: context must be free or brand"));
    write_file("models.tsv", "name\tbrand\taliases\tcontext\nE-Pace\tJaguar\n");
    assert_int_equal(cni_gz_check_dir(tmpdir, NULL, &err), CN_ERR_DATA);
    assert_non_null(strstr(err.message, "models.tsv:2: 2 fields, header has 4"));
    write_file("models.tsv", "name\tbrand\taliases\tcontext\n");
}

/* data check is strict: every name a row refers to exists, and no file
 * has a name carnews would ignore. */
static void test_gazetteer_checks_names(void **state)
{
    (void)state;
    write_minimal_data();
    cn_error err;
    assert_int_equal(cni_gz_check_dir(tmpdir, NULL, &err), CN_OK);
    write_file("brands.tsv", "name\taliases\tparent\tcountry\tkind\n"
                             "Jaguar\t\t\tUnited Kingdom\tbrand\n"
                             "Nova\t\t\tAtlantis\tbrand\n");
    assert_int_equal(cni_gz_check_dir(tmpdir, NULL, &err), CN_ERR_DATA);
    assert_non_null(strstr(err.message, "brands.tsv:3: unknown country 'Atlantis'"));
    assert_int_equal(err.line, 3);
    write_file("brands.tsv", "name\taliases\tparent\tcountry\tkind\n"
                             "Jaguar\t\tTata Motor\tUnited Kingdom\tbrand\n");
    assert_int_equal(cni_gz_check_dir(tmpdir, NULL, &err), CN_ERR_DATA);
    assert_non_null(strstr(err.message, "brands.tsv:2: unknown brand or group 'Tata Motor'"));
    write_minimal_data();
    write_file("plants.tsv", "name\taliases\towner\tlocation\tcountry\tkind\n"
                             "Castle Bromwich\t\tJaguar Land Rovers\tBirmingham\tUnited Kingdom\tvehicle\n");
    assert_int_equal(cni_gz_check_dir(tmpdir, NULL, &err), CN_ERR_DATA);
    assert_non_null(strstr(err.message, "plants.tsv:2: unknown owner"));
    write_minimal_data();
    write_file("brand.tsv", "name\taliases\tparent\tcountry\tkind\n");
    assert_int_equal(cni_gz_check_dir(tmpdir, NULL, &err), CN_ERR_DATA);
    assert_non_null(strstr(err.message, "brand.tsv: unknown data file"));
    char path[512];
    snprintf(path, sizeof path, "%s/brand.tsv", tmpdir);
    unlink(path);
}

static void test_user_dir_overrides(void **state)
{
    (void)state;
    write_minimal_data();
    char user[300];
    snprintf(user, sizeof user, "%s/user", tmpdir);
    mkdir(user, 0755);
    char path[400];
    snprintf(path, sizeof path, "%s/brands.tsv", user);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("name\taliases\tparent\tcountry\tkind\nJaguar\tJag\tTata Motors\tIndia\tbrand\n", f);
    fclose(f);
    const char *dirs[] = {user};
    gazetteer *g;
    cn_error err;
    assert_int_equal(cni_gz_load(&g, tmpdir, dirs, 1, &err), CN_OK);
    const gz_entry *j = cni_gz_find(g, GZ_BRAND, "Jaguar");
    assert_non_null(j);
    assert_string_equal(j->attr[1], "India");     /* the user's row wins */
    cni_gz_free(g);
}

static void test_rules(void **state)
{
    (void)state;
    write_file("rules/kinds.rules", "label\tpattern\nsales\t(?i)\\bsold\\b\njobs\t\\bjobs\\b\n");
    rules *r;
    cn_error err;
    assert_int_equal(cni_rx_load(&r, tmpdir, NULL, 0, 0, &err), CN_OK);
    rx_scratch *s = cni_rx_scratch_new(r);
    assert_non_null(s);
    rx_hit h[4];
    const char *text = "Nissan SOLD cars and cut 900 jobs";
    size_t n = cni_rx_find(r, s, "kinds", text, strlen(text), h, 4);
    assert_int_equal(n, 2);
    assert_string_equal(h[0].label, "sales");
    assert_int_equal(h[0].start, 7);
    assert_string_equal(h[1].label, "jobs");
    assert_false(cni_rx_any(r, s, "other-set", text, strlen(text)));
    cni_rx_scratch_free(s);
    cni_rx_free(r);

    write_file("rules/kinds.rules", "label\tpattern\nsales\t(unclosed\n");
    assert_int_equal(cni_rx_check_dir(tmpdir, 0, &err), CN_ERR_RULE);
    assert_non_null(strstr(err.message, "kinds.rules:2: pattern does not compile"));

    write_file("rules/kinds.rules", "label\tpattern\nslow\t^(a+)+$\n");
    assert_int_equal(cni_rx_check_dir(tmpdir, 0, &err), CN_ERR_RULE);
    assert_non_null(strstr(err.message, "kinds.rules:2: pattern backtracks catastrophically"));
    write_file("rules/kinds.rules", "label\tpattern\n");
}

/* Hits as "label@start-end;" in the order cni_rx_find gives them. */
static const char *hits_text(const rules *r, rx_scratch *s, const char *set, const char *text)
{
    static char out[512];
    rx_hit h[16];
    size_t n = cni_rx_find(r, s, set, text, strlen(text), h, 16);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s@%zu-%zu;", h[i].label,
                 h[i].start, h[i].end);
    return out;
}

/* cni_rx_find skips positions where a rule cannot start: the result must be
 * what a plain scan with every pattern gives, cold or cached. */
static void test_rules_start_filter(void **state)
{
    (void)state;
    write_file("rules/filter.rules", "label\tpattern\n"
               "said\t(?i)\\b(said|says|in a statement)\\b\n"
               "mid\tsold\n"                 /* no \b: matches inside words too */
               "behind\t(?<=not )up\n"       /* looks back further than one byte */
               "tail\t\\bup$\n"
               "colon\t:\\s*$\n");
    /* A set of word rules, but one that may start inside a word. */
    write_file("rules/words.rules", "label\tpattern\n"
               "said\t(?i)\\bsaid\\b\n"
               "mid\tsold\n");
    rules *r;
    cn_error err;
    assert_int_equal(cni_rx_load(&r, tmpdir, NULL, 0, 0, &err), CN_OK);
    rx_scratch *s = cni_rx_scratch_new(r);
    assert_non_null(s);
    static const char *const cases[][2] = {
        {"He said, she SAYS", "said@3-7;said@13-17;"},
        {"presaid and unsaid", ""},
        {"resold, SOLD, sold", "mid@2-6;mid@14-18;"},
        {"\xe2\x80\x98said it", "said@3-7;"},
        {"not up", "behind@4-6;tail@4-6;"},
        {"prices went up", "tail@12-14;"},
        {"went up now", ""},
        {"In a statement: ", "said@0-14;colon@14-16;"},
        {"In a", ""},
        {"s", ""},
        {"", ""},
    };
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
            assert_string_equal(hits_text(r, s, "filter", cases[i][0]), cases[i][1]);
    assert_string_equal(hits_text(r, s, "words", "resold, said"), "said@8-12;mid@2-6;");
    cni_rx_scratch_free(s);
    cni_rx_free(r);
    write_file("rules/filter.rules", "label\tpattern\n");
    write_file("rules/words.rules", "label\tpattern\n");
}

/* A scratch given back is handed out again: two in use at once are
 * distinct, and one used before (memo and all, even after a huge subject)
 * answers as a new one would. */
static void test_rules_scratch_pool(void **state)
{
    (void)state;
    write_file("rules/kinds.rules", "label\tpattern\nsales\t(?i)\\bsold\\b\n");
    rules *r;
    cn_error err;
    assert_int_equal(cni_rx_load(&r, tmpdir, NULL, 0, 0, &err), CN_OK);
    rx_scratch *a = cni_rx_scratch_new(r), *b = cni_rx_scratch_new(r);
    assert_non_null(a);
    assert_non_null(b);
    assert_ptr_not_equal(a, b);
    assert_string_equal(hits_text(r, a, "kinds", "Kia sold 5"), "sales@4-8;");
    size_t big = 200000;
    char *huge = malloc(big + 1);
    assert_non_null(huge);
    for (size_t i = 0; i < big; i++)
        huge[i] = i % 5 == 4 ? ' ' : "sold"[i % 5];
    huge[big] = '\0';
    rx_hit h[2];
    assert_int_equal(cni_rx_find(r, a, "kinds", huge, big, h, 2), 2);
    free(huge);
    cni_rx_scratch_free(a);
    rx_scratch *c = cni_rx_scratch_new(r);
    assert_ptr_equal(c, a);         /* the one given back */
    assert_string_equal(hits_text(r, c, "kinds", "Kia sold 5"), "sales@4-8;");
    assert_string_equal(hits_text(r, c, "kinds", "unsold"), "");
    cni_rx_scratch_free(c);
    cni_rx_scratch_free(b);
    cni_rx_free(r);                 /* frees the pooled ones */
    write_file("rules/kinds.rules", "label\tpattern\n");
}

/* The hash map behind every gazetteer: reserving keeps what is there, and
 * a reserved map takes its keys without moving its arrays. */
static void test_u64map_reserve(void **state)
{
    (void)state;
    u64map m;
    cni_u64map_init(&m);
    assert_int_equal(cni_u64map_put(&m, 0, 7), 0);          /* key 0 is a key like any */
    assert_int_equal(cni_u64map_put(&m, 42, 1), 0);
    assert_int_equal(cni_u64map_reserve(&m, 5000), 0);
    assert_true(m.cap >= 10000);
    const u64slot *slots = m.slots;
    for (uint64_t k = 100; k < 5098; k++)
        assert_int_equal(cni_u64map_put(&m, k * 0x9E3779B97F4A7C15ull, (uint32_t)k), 0);
    assert_ptr_equal(m.slots, slots);
    assert_int_equal(*cni_u64map_get(&m, 0), 7);
    assert_int_equal(*cni_u64map_get(&m, 42), 1);
    for (uint64_t k = 100; k < 5098; k++)
        assert_int_equal(*cni_u64map_get(&m, k * 0x9E3779B97F4A7C15ull), (uint32_t)k);
    assert_null(cni_u64map_get(&m, 43));
    assert_int_equal(cni_u64map_reserve(&m, 10), 0);        /* never shrinks */
    assert_ptr_equal(m.slots, slots);
    cni_u64map_release(&m);
}

static void test_shipped_data_loads(void **state)
{
    (void)state;
    cn_error err;
    gazetteer *g;
    assert_int_equal(cni_gz_load(&g, CARNEWS_TEST_DATA_DIR, NULL, 0, &err), CN_OK);
    assert_true(cni_gz_count(g, GZ_BRAND) >= 400);
    assert_true(cni_gz_count(g, GZ_MODEL) >= 1000);
    assert_true(cni_gz_count(g, GZ_PLANT) >= 250);
    assert_true(cni_gz_count(g, GZ_PLACE) >= 500);
    const gz_entry *omoda = cni_gz_find(g, GZ_BRAND, "Omoda");
    assert_non_null(omoda);
    assert_non_null(omoda->link);
    assert_string_equal(omoda->link->name, "Chery");
    cni_gz_free(g);
    rules *r;
    assert_int_equal(cni_rx_load(&r, CARNEWS_TEST_DATA_DIR, NULL, 0, 1, &err), CN_OK);
    cni_rx_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tsv_reader),
        cmocka_unit_test(test_gazetteer_matching),
        cmocka_unit_test(test_gazetteer_rejects_bad_rows),
        cmocka_unit_test(test_gazetteer_checks_names),
        cmocka_unit_test(test_user_dir_overrides),
        cmocka_unit_test(test_rules),
        cmocka_unit_test(test_rules_start_filter),
        cmocka_unit_test(test_rules_scratch_pool),
        cmocka_unit_test(test_u64map_reserve),
        cmocka_unit_test(test_shipped_data_loads),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
