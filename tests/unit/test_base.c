/* Base: the byte tests every scanner shares (bytes.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "bytes.h"

/* The rule the byte-class table is written from, spelled out. */
static int word_lead_rule(unsigned c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           c == '_' || (c >= 0xC3 && c <= 0xDF) || (c >= 0xE3 && c <= 0xEF);
}

static void test_byte_class_table(void **state)
{
    (void)state;
    for (unsigned c = 0; c < 256; c++) {
        int lead = word_lead_rule(c);
        assert_int_equal(!!is_word_lead((uchar)c), lead);
        assert_int_equal(!!in_word_byte((uchar)c), lead || (c & 0xC0) == 0x80);
        int alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        assert_int_equal(!!is_alpha((int)c), alpha);
        assert_int_equal(!!is_alnum((int)c), alpha || (c >= '0' && c <= '9'));
        assert_int_equal(lower((int)c), c >= 'A' && c <= 'Z' ? c + 32 : c);
        const uchar one[1] = {(uchar)c};
        assert_int_equal(text_letter_or_end(one, 1, 0), alpha ? (c | 32) - 'a' : 26);
    }
}

/* A char's value, negative for bytes past 0x7F, names the same byte. */
static void test_signed_chars(void **state)
{
    (void)state;
    const char *s = "\xC3\xA9";
    assert_false(is_alpha(s[0]));
    assert_false(is_alnum(s[1]));
    assert_true(is_alpha(((const char *)"Q")[0]));
    assert_int_equal((char)lower(s[0]), s[0]);     /* stored back as a char: the same byte */
}

static void test_word_before(void **state)
{
    (void)state;
    const uchar *t = (const uchar *)"EX30 \xC3\xA9t\xC3\xA9 1";   /* "EX30 été 1" */
    assert_false(word_before(t, 0));
    assert_true(word_before(t, 2));         /* "X" before "3" */
    assert_false(word_before(t, 5));        /* a space before "é" */
    assert_true(word_before(t, 10));        /* "é" (two bytes) before the space */
    assert_false(word_before(t, 11));       /* the space before "1" */
    assert_true(word_before(t, 12));
}

static void test_spans(void **state)
{
    (void)state;
    assert_true(span_is("sales", 5, "sales"));
    assert_false(span_is("sales", 4, "sales"));
    assert_false(span_is("sale", 4, "sales"));
    assert_int_equal(span_starts("based in", 8, "based"), 5);
    assert_int_equal(span_starts("bas", 3, "based"), 0);
}

static void test_pair_filter(void **state)
{
    (void)state;
    pair_filter f;
    memset(&f, 0, sizeof f);
    pair_filter_add(&f, "march");
    pair_filter_add(&f, "a");
    const uchar *t = (const uchar *)"Mar a an x";
    assert_true(pair_filter_may(&f, t, 10, 0));     /* "Ma": either case */
    assert_true(pair_filter_may(&f, t, 10, 4));     /* "a" alone */
    assert_false(pair_filter_may(&f, t, 10, 6));    /* "an": no word starts so */
    assert_false(pair_filter_may(&f, t, 10, 9));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_byte_class_table),
        cmocka_unit_test(test_signed_chars),
        cmocka_unit_test(test_word_before),
        cmocka_unit_test(test_spans),
        cmocka_unit_test(test_pair_filter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
