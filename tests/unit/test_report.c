/* Report writers: JSON strings and numbers, TSV fields, values for people,
 * the shared attribute table and TSV header. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "report.h"

static char *json_of(const char *s, size_t len)
{
    static char out[4096];
    buf b;
    cni_buf_init(&b);
    cni_rep_json_string(&b, s, len);
    assert_false(b.failed);
    snprintf(out, sizeof out, "%s", b.data);
    cni_buf_release(&b);
    return out;
}

static void json_strings(void **state)
{
    (void)state;
    assert_string_equal(json_of("", 0), "\"\"");
    assert_string_equal(json_of("Nissan", 6), "\"Nissan\"");
    assert_string_equal(json_of("a\"b\\c", 5), "\"a\\\"b\\\\c\"");
    assert_string_equal(json_of("\n\t\r\x01\x1f\x7f", 6), "\"\\n\\t\\r\\u0001\\u001f\x7f\"");
    assert_string_equal(json_of("caf\xc3\xa9 \xe2\x82\xac", 9), "\"caf\xc3\xa9 \xe2\x82\xac\"");
    assert_string_equal(json_of("\xff" "a\xc3", 3), "\"\\ufffda\\ufffd\"");
    assert_string_equal(json_of("\xe2\x80\xa8", 3), "\"\\u2028\"");
    assert_string_equal(json_of("\xef\xbf\xbd", 3), "\"\xef\xbf\xbd\"");   /* a real U+FFFD */
    /* The word-at-a-time fast paths (eight bytes, an overlapping last
     * word, four and four for short strings): a special byte at every
     * place of strings of every length up to three words. */
    for (size_t len = 1; len <= 24; len++)
        for (size_t at = 0; at < len; at++) {
            char in[32], want[64];
            memset(in, 'x', sizeof in);
            in[at] = '"';
            size_t n = 0;
            want[n++] = '"';
            for (size_t i = 0; i < len; i++) {
                if (i == at) {
                    want[n++] = '\\';
                    want[n++] = '"';
                } else {
                    want[n++] = 'x';
                }
            }
            want[n++] = '"';
            want[n] = '\0';
            assert_string_equal(json_of(in, len), want);
            in[at] = '\x80';        /* invalid alone: U+FFFD */
            char *got = json_of(in, len);
            assert_non_null(strstr(got, "\\ufffd"));
            assert_int_equal(strlen(got), len - 1 + 6 + 2);
            in[at] = 'x';
            assert_int_equal(strlen(json_of(in, len)), len + 2);
        }
}

static void json_numbers(void **state)
{
    (void)state;
    static const struct { double v; const char *want; } cases[] = {
        {0, "0"}, {16617, "16617"}, {-3, "-3"}, {16.2, "16.2"}, {1.52e6, "1520000"},
        {1.2e9, "1200000000"}, {0.5, "0.5"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        buf b;
        cni_buf_init(&b);
        cni_rep_json_number(&b, cases[i].v);
        assert_string_equal(b.data, cases[i].want);
        cni_buf_release(&b);
    }
    buf b;
    cni_buf_init(&b);
    cni_rep_json_number(&b, 1.0 / 0.0);
    assert_string_equal(b.data, "null");
    cni_buf_release(&b);
}

static void tsv_fields_and_header(void **state)
{
    (void)state;
    buf b;
    cni_buf_init(&b);
    cni_rep_tsv_field(&b, "a\tb\nc\\d\re", 10);
    assert_string_equal(b.data, "a\\tb\\nc\\\\d\\re");
    cni_buf_release(&b);
    /* The header call and the column table agree. */
    cni_buf_init(&b);
    cni_rep_tsv_header(&b, REP_ARTICLE_COLS);
    assert_string_equal(b.data, cn_report_tsv_header(0));
    cni_buf_release(&b);
    cni_buf_init(&b);
    cni_rep_tsv_header(&b, REP_COL_COUNT);
    assert_string_equal(b.data, cn_report_tsv_header(1));
    cni_buf_release(&b);
}

static void attribute_table(void **state)
{
    (void)state;
    cn_entity e;
    memset(&e, 0, sizeof e);
    e.type = CN_ENT_PLANT;
    e.owner = "Nissan";
    e.location = "Sunderland";
    e.country = "United Kingdom";
    const rep_attr *a;
    size_t n = cni_rep_attrs(CN_ENT_PLANT, &a);
    assert_int_equal(n, 3);
    assert_string_equal(a[0].name, "owner");
    assert_int_equal(a[0].column, REP_COL_PARENT);
    assert_string_equal(cni_rep_attr_value(&e, &a[1]), "Sunderland");
    assert_string_equal(cni_rep_attr_value(&e, &a[2]), "United Kingdom");
    for (int t = 0; t < CN_ENT_TYPE_COUNT; t++)
        assert_true(cni_rep_attrs(t, &a) >= 1 && cni_rep_attrs(t, &a) <= REP_MAX_ATTRS);
    assert_int_equal(cni_rep_attrs(CN_ENT_TYPE_COUNT, &a), 0);
}

static void values_for_people(void **state)
{
    (void)state;
    static const struct { double v; const char *unit, *qual, *want; } cases[] = {
        {16617, "vehicles", NULL, "16,617 vehicles"},
        {1.2e9, "GBP", NULL, "GBP 1.2bn"},
        {16.2, "percent", NULL, "16.2%"},
        {-3, "percent", NULL, "-3%"},
        {6000, "jobs", "about", "about 6,000 jobs"},
        {2.5e12, "JPY", NULL, "JPY 2.5tn"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cn_figure f;
        memset(&f, 0, sizeof f);
        f.value = cases[i].v;
        f.unit = cases[i].unit;
        f.qualifier = cases[i].qual;
        buf b;
        cni_buf_init(&b);
        cni_rep_put_value(&b, &f);
        assert_string_equal(b.data, cases[i].want);
        cni_buf_release(&b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_strings),
        cmocka_unit_test(json_numbers),
        cmocka_unit_test(tsv_fields_and_header),
        cmocka_unit_test(attribute_table),
        cmocka_unit_test(values_for_people),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
