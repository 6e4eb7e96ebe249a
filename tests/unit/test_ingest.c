/* Ingest stage: encodings, detection, plain-text metadata and hostile
 * input.  Article extraction from HTML pages: test_ingest_html.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include "ingest.h"

/*** Helpers ***/

static ing_doc run(const char *bytes, size_t len, const char *name, ing_mode mode)
{
    ing_doc d;
    assert_int_equal(cni_ing_run(bytes, len, name, mode, &d), 0);
    assert_non_null(d.text);
    assert_int_equal(strlen(d.text), d.len);   /* no NUL inside */
    return d;
}

#define assert_has(text, needle) assert_true_msg(strstr((text), (needle)) != NULL, needle, text)
#define assert_lacks(text, needle) assert_true_msg(strstr((text), (needle)) == NULL, needle, text)

static void assert_true_msg(int ok, const char *needle, const char *text)
{
    if (!ok)
        print_error("needle '%s' misplaced in:\n%s\n", needle, text);
    assert_true(ok);
}

static void assert_str(const char *got, const char *want)
{
    if (!want) {
        assert_null(got);
        return;
    }
    assert_non_null(got);
    assert_string_equal(got, want);
}

/* ASCII (with \u escapes done by the caller) to UTF-16 bytes. */
static size_t to_utf16(const uint16_t *units, size_t n, int big_endian, int bom, char *out)
{
    size_t k = 0;
    if (bom) {
        out[k++] = big_endian ? '\xFE' : '\xFF';
        out[k++] = big_endian ? '\xFF' : '\xFE';
    }
    for (size_t i = 0; i < n; i++) {
        char hi = (char)(units[i] >> 8), lo = (char)(units[i] & 0xFF);
        out[k++] = big_endian ? hi : lo;
        out[k++] = big_endian ? lo : hi;
    }
    return k;
}

/* Code points to UTF-32 bytes, with a BOM when asked. */
static size_t to_utf32(const uint32_t *cps, size_t n, int big_endian, int bom, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n + (bom != 0); i++) {
        uint32_t c = bom && i == 0 ? 0xFEFF : cps[i - (bom != 0)];
        for (int b = 0; b < 4; b++)
            out[k++] = (char)(c >> (big_endian ? 24 - 8 * b : 8 * b));
    }
    return k;
}

static size_t ascii_cps(const char *s, uint32_t *cps)
{
    size_t n = 0;
    for (; *s; s++)
        cps[n++] = (unsigned char)*s;
    return n;
}

static size_t ascii_units(const char *s, uint16_t *units)
{
    size_t n = 0;
    for (; *s; s++)
        units[n++] = (unsigned char)*s;
    return n;
}

static double seconds_since(clock_t t0)
{
    return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

/*** Plain text: encodings ***/

static void utf8_is_verbatim(void **state)
{
    (void)state;
    const char *s = "Škoda raises Octavia output\n\nMladá Boleslav will build 1,200 more cars a week, the carmaker said – a 9% rise.\n";
    ing_doc d = run(s, strlen(s), "note.txt", ING_MODE_AUTO);
    assert_int_equal(d.format, ING_FORMAT_TEXT);
    assert_int_equal(d.len, strlen(s));
    assert_memory_equal(d.text, s, d.len);
    assert_int_equal(d.warnings, 0);
    assert_str(d.title, "Škoda raises Octavia output");
    cni_ing_doc_release(&d);
}

static void utf8_bom_keeps_offsets(void **state)
{
    (void)state;
    const char *s = "\xEF\xBB\xBFRenault trims Zoe line\r\n\r\nFlins will move to one shift.\r\n";
    ing_doc d = run(s, strlen(s), NULL, ING_MODE_TEXT);
    assert_int_equal(d.len, strlen(s));
    assert_memory_equal(d.text, s, d.len);   /* BOM and CR bytes stay */
    assert_str(d.title, "Renault trims Zoe line");
    assert_int_equal(d.warnings, 0);
    cni_ing_doc_release(&d);
}

static void crlf_and_lone_cr_are_kept(void **state)
{
    (void)state;
    const char *s = "Volvo recalls XC40\r\rThe recall covers 3,400 cars.\rOwners will be contacted.\r\n";
    ing_doc d = run(s, strlen(s), NULL, ING_MODE_TEXT);
    assert_int_equal(d.len, strlen(s));
    assert_memory_equal(d.text, s, d.len);
    assert_str(d.title, "Volvo recalls XC40");
    cni_ing_doc_release(&d);
}

static void nul_bytes_become_spaces(void **state)
{
    (void)state;
    const char s[] = "Hyundai\0Ioniq 5 sales rose\0\0in May.";
    size_t n = sizeof s - 1;
    ing_doc d = run(s, n, NULL, ING_MODE_TEXT);
    assert_int_equal(d.len, n);
    assert_string_equal(d.text, "Hyundai Ioniq 5 sales rose  in May.");
    cni_ing_doc_release(&d);
}

static void utf16le_with_bom(void **state)
{
    (void)state;
    uint16_t u[128];
    size_t n = ascii_units("Caf", u);
    u[n++] = 0x00E9;                 /* é */
    n += ascii_units(" sells ", u + n);
    u[n++] = 0x20AC;                 /* € */
    n += ascii_units("9 coffee ", u + n);
    u[n++] = 0xD83D;                 /* U+1F697 automobile */
    u[n++] = 0xDE97;
    char b[300];
    size_t len = to_utf16(u, n, 0, 1, b);
    ing_doc d = run(b, len, NULL, ING_MODE_AUTO);
    assert_string_equal(d.text, "Caf\xC3\xA9 sells \xE2\x82\xAC" "9 coffee \xF0\x9F\x9A\x97");
    assert_true(d.warnings & ING_WARN_UTF16);
    cni_ing_doc_release(&d);
}

static void utf16be_with_bom(void **state)
{
    (void)state;
    uint16_t u[64];
    size_t n = ascii_units("BMW i4 ", u);
    u[n++] = 0x2013;                 /* – */
    n += ascii_units(" Munich", u + n);
    char b[200];
    size_t len = to_utf16(u, n, 1, 1, b);
    ing_doc d = run(b, len, NULL, ING_MODE_TEXT);
    assert_string_equal(d.text, "BMW i4 \xE2\x80\x93 Munich");
    assert_true(d.warnings & ING_WARN_UTF16);
    cni_ing_doc_release(&d);
}

static void utf16_lone_surrogates_become_fffd(void **state)
{
    (void)state;
    uint16_t u[] = { 'A', 0xD800, 'B', 0xDC00, 'C', 0xD83D };
    char b[64];
    size_t len = to_utf16(u, 6, 0, 1, b);
    ing_doc d = run(b, len, NULL, ING_MODE_TEXT);
    assert_string_equal(d.text, "A\xEF\xBF\xBD" "B\xEF\xBF\xBD" "C\xEF\xBF\xBD");
    cni_ing_doc_release(&d);
}

static void utf16_without_bom_is_detected(void **state)
{
    (void)state;
    uint16_t u[256];
    size_t n = ascii_units("Stellantis confirmed the Melfi plant will build four electric models from 2024.", u);
    char b[600];
    size_t len = to_utf16(u, n, 0, 0, b);
    ing_doc d = run(b, len, NULL, ING_MODE_AUTO);
    assert_string_equal(d.text, "Stellantis confirmed the Melfi plant will build four electric models from 2024.");
    assert_true(d.warnings & ING_WARN_UTF16);
    cni_ing_doc_release(&d);
    len = to_utf16(u, n, 1, 0, b);
    d = run(b, len, NULL, ING_MODE_AUTO);
    assert_string_equal(d.text, "Stellantis confirmed the Melfi plant will build four electric models from 2024.");
    cni_ing_doc_release(&d);
}

static void utf32_with_bom(void **state)
{
    (void)state;
    uint32_t c[128];
    size_t n = ascii_cps("Kia Ceed built in ", c);
    c[n++] = 0x17D;                  /* Ž */
    n += ascii_cps("ilina ", c + n);
    c[n++] = 0x2013;                 /* – */
    n += ascii_cps(" 9,000 cars ", c + n);
    c[n++] = 0x1F697;                /* automobile */
    const char *want = "Kia Ceed built in \xC5\xBDilina \xE2\x80\x93 9,000 cars \xF0\x9F\x9A\x97";
    char b[600];
    for (int be = 0; be <= 1; be++) {
        size_t len = to_utf32(c, n, be, 1, b);
        ing_doc d = run(b, len, NULL, ING_MODE_AUTO);
        assert_int_equal(d.format, ING_FORMAT_TEXT);
        /* Transcoded like UTF-16: offsets index this decoded text. */
        assert_string_equal(d.text, want);
        assert_true(d.warnings & ING_WARN_UTF16);
        assert_false(d.warnings & ING_WARN_INVALID_UTF8);
        cni_ing_doc_release(&d);
    }
    /* Title and dateline come from the decoded lines. */
    uint32_t t[256];
    size_t m = ascii_cps("Kia adds a shift at Zilina\n\nPublished: 12 March 2024\n\n"
                         "The plant will build 9,000 more cars.\n", t);
    size_t len = to_utf32(t, m, 0, 1, b);
    ing_doc d = run(b, len, "note.txt", ING_MODE_AUTO);
    assert_str(d.title, "Kia adds a shift at Zilina");
    assert_str(d.published, "2024-03-12");
    cni_ing_doc_release(&d);
}

static void utf32_bad_units_become_fffd(void **state)
{
    (void)state;
    /* A surrogate, a value past U+10FFFF, U+0000 and 2 trailing bytes. */
    uint32_t c[] = { 'A', 0xD800, 'B', 0x110000, 'C', 0, 'D' };
    char b[64];
    size_t len = to_utf32(c, 7, 0, 1, b);
    b[len++] = 'E';
    b[len++] = 0;
    ing_doc d = run(b, len, NULL, ING_MODE_TEXT);
    assert_string_equal(d.text, "A\xEF\xBF\xBD" "B\xEF\xBF\xBD" "C D\xEF\xBF\xBD");
    cni_ing_doc_release(&d);
    /* The BOM alone is an empty text. */
    d = run("\x00\x00\xFE\xFF", 4, NULL, ING_MODE_AUTO);
    assert_string_equal(d.text, "");
    cni_ing_doc_release(&d);
}

static void utf32_without_bom_is_detected(void **state)
{
    (void)state;
    const char *s = "Skoda confirmed the Kvasiny plant will build the Elroq from 2025.";
    uint32_t c[128];
    size_t n = ascii_cps(s, c);
    char b[600];
    for (int be = 0; be <= 1; be++) {
        size_t len = to_utf32(c, n, be, 0, b);
        ing_doc d = run(b, len, NULL, ING_MODE_AUTO);
        assert_string_equal(d.text, s);
        assert_true(d.warnings & ING_WARN_UTF16);
        cni_ing_doc_release(&d);
    }
}

/* FF FE 00 00 also starts UTF-16LE text whose first character is U+0000;
 * what follows tells the two apart. */
static void utf16_starting_with_nul_is_not_utf32(void **state)
{
    (void)state;
    uint16_t u[64];
    u[0] = 0;
    size_t n = 1 + ascii_units("Seat Ibiza", u + 1);
    char b[200];
    size_t len = to_utf16(u, n, 0, 1, b);
    assert_memory_equal(b, "\xFF\xFE\x00\x00", 4);
    ing_doc d = run(b, len, NULL, ING_MODE_TEXT);
    assert_string_equal(d.text, " Seat Ibiza");
    assert_true(d.warnings & ING_WARN_UTF16);
    cni_ing_doc_release(&d);
    /* Plain ASCII whose length is a multiple of four is not UTF-32. */
    d = run("Ford Puma", 8, NULL, ING_MODE_TEXT);
    assert_string_equal(d.text, "Ford Pum");
    assert_int_equal(d.warnings, 0);
    cni_ing_doc_release(&d);
}

static void cp1252_bytes_are_decoded(void **state)
{
    (void)state;
    const char *s = "Dealers said \x93prices are firm\x94 at \xA3" "32,000 \x96 up 4\x25.";
    ing_doc d = run(s, strlen(s), NULL, ING_MODE_TEXT);
    assert_string_equal(d.text, "Dealers said \xE2\x80\x9Cprices are firm\xE2\x80\x9D at \xC2\xA3"
                                "32,000 \xE2\x80\x93 up 4%.");
    assert_true(d.warnings & ING_WARN_INVALID_UTF8);
    cni_ing_doc_release(&d);
}

static void cp1252_undefined_bytes_become_fffd(void **state)
{
    (void)state;
    const char s[] = "a\x81" "b\x8D" "c\x8F" "d\x90" "e\x9D" "f\xE9";
    ing_doc d = run(s, sizeof s - 1, NULL, ING_MODE_TEXT);
    assert_string_equal(d.text, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xEF\xBF\xBD"
                                "e\xEF\xBF\xBD" "f\xC3\xA9");
    cni_ing_doc_release(&d);
}

static void empty_and_null_input(void **state)
{
    (void)state;
    ing_doc d = run("", 0, NULL, ING_MODE_AUTO);
    assert_int_equal(d.len, 0);
    assert_null(d.title);
    cni_ing_doc_release(&d);
    d = run(NULL, 10, NULL, ING_MODE_HTML);
    assert_int_equal(d.len, 0);
    cni_ing_doc_release(&d);
    cni_ing_doc_release(NULL);
    ing_doc zero;
    memset(&zero, 0, sizeof zero);
    cni_ing_doc_release(&zero);
}

/*** Plain text: title and dateline ***/

static void text_title_rules(void **state)
{
    (void)state;
    const char *cases[][2] = {
        { "Nissan cuts Sunderland shift\n\nThe plant will lose 300 jobs.", "Nissan cuts Sunderland shift" },
        { "\n\n  Kia opens Georgia battery line  \n\nWork starts in May.", "Kia opens Georgia battery line" },
        { "Toyota said on Monday it would raise prices.\nMore follows.", NULL },  /* a sentence */
        { "Only one line here", NULL },
        { "", NULL },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        ing_doc d = run(cases[i][0], strlen(cases[i][0]), NULL, ING_MODE_TEXT);
        assert_str(d.title, cases[i][1]);
        cni_ing_doc_release(&d);
    }
    char longline[400];
    memset(longline, 'x', 250);
    strcpy(longline + 250, "\nsecond line");
    ing_doc d = run(longline, strlen(longline), NULL, ING_MODE_TEXT);
    assert_null(d.title);
    cni_ing_doc_release(&d);
}

static void text_dateline(void **state)
{
    (void)state;
    const char *cases[][2] = {
        { "Ford to hire in Cologne\nPublished: 12 March 2024\n\nFord said...", "2024-03-12" },
        { "Ford to hire in Cologne\nMarch 12, 2024\n\nFord said...", "2024-03-12" },
        { "Ford to hire in Cologne\n2024-03-12\n\nFord said...", "2024-03-12" },
        { "Ford to hire in Cologne\nBy Anna Meyer | Mar. 5, 2023\n\nText.", "2023-03-05" },
        { "DETROIT, Sept. 30, 2022 - GM said it would add shifts at Flint.\nMore.", "2022-09-30" },
        { "Ford to hire in Cologne\nSales have risen since March 1, 2024 at the plant.\n", NULL },
        { "Ford to hire in Cologne\nFebruary 30, 2024\n", NULL },   /* no such day */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        ing_doc d = run(cases[i][0], strlen(cases[i][0]), NULL, ING_MODE_TEXT);
        assert_str(d.published, cases[i][1]);
        cni_ing_doc_release(&d);
    }
}

/*** Detection ***/

static void detection(void **state)
{
    (void)state;
    assert_true(cni_ing_looks_like_html("story.HTML", "plain words", 11));
    assert_true(cni_ing_looks_like_html("dir/story.htm", NULL, 0));
    assert_false(cni_ing_looks_like_html("story.txt", "Plain text about cars.", 22));
    assert_false(cni_ing_looks_like_html(NULL, NULL, 0));
    const char *yes[] = {
        "<!DOCTYPE html><html><body>x</body></html>",
        "\xEF\xBB\xBF  \n<html lang=\"en\">",
        "<HEAD><title>x</title>",
        "<p>One paragraph.</p>",
        "<!-- saved from url=(0042) -->\n<html>",
        "\t<div class=\"story\">text</div>",
        "<article>text</article>",
        "<meta charset=\"utf-8\">",
        "<body>",
    };
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(cni_ing_looks_like_html(NULL, yes[i], strlen(yes[i])));
    const char *no[] = {
        "Tesla <3 Berlin",
        "a < b and b > c",
        "<pre-order> opens Monday",
        "<divide> is not a tag",
        "Prices: <$30,000 for the base model.",
    };
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(cni_ing_looks_like_html(NULL, no[i], strlen(no[i])));
    uint16_t u[64];
    size_t n = ascii_units("<html><body><p>Hi</p></body></html>", u);
    char b[200];
    size_t len = to_utf16(u, n, 0, 1, b);
    assert_true(cni_ing_looks_like_html(NULL, b, len));
}

static void forced_modes(void **state)
{
    (void)state;
    const char *s = "<p>Audi builds the Q8 e-tron in Brussels, where 1,300 people work.</p>";
    ing_doc d = run(s, strlen(s), "x.txt", ING_MODE_TEXT);
    assert_int_equal(d.format, ING_FORMAT_TEXT);
    assert_memory_equal(d.text, s, strlen(s));
    cni_ing_doc_release(&d);
    d = run(s, strlen(s), "x.txt", ING_MODE_AUTO);
    assert_int_equal(d.format, ING_FORMAT_HTML);
    assert_string_equal(d.text, "Audi builds the Q8 e-tron in Brussels, where 1,300 people work.");
    cni_ing_doc_release(&d);
}

/*** Hostile input ***/

static char *repeat(const char *head, const char *unit, size_t times, const char *tail)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(hl + ul * times + tl + 1);
    assert_non_null(s);
    memcpy(s, head, hl);
    for (size_t i = 0; i < times; i++)
        memcpy(s + hl + i * ul, unit, ul);
    memcpy(s + hl + ul * times, tail, tl + 1);
    return s;
}

static void deep_nesting(void **state)
{
    (void)state;
    const char *lead = "<html><body><article><p>Lucid will raise output at its Casa Grande plant in "
                       "Arizona to 90,000 cars a year, the company said on Thursday.</p>";
    char *open = repeat(lead, "<div>", 100000, "<p>Deep inside.</p>");
    char *page = repeat(open, "</div>", 100000, "</article></body></html>");
    clock_t t0 = clock();
    ing_doc d = run(page, strlen(page), NULL, ING_MODE_HTML);
    assert_true(seconds_since(t0) < 5.0);
    assert_has(d.text, "Lucid will raise output at its Casa Grande plant");
    assert_has(d.text, "Deep inside.");
    cni_ing_doc_release(&d);
    /* Unclosed inline elements pile up the same way. */
    char *inl = repeat(lead, "<b><i><span>", 100000, "");
    t0 = clock();
    d = run(inl, strlen(inl), NULL, ING_MODE_HTML);
    assert_true(seconds_since(t0) < 5.0);
    assert_has(d.text, "Lucid will raise output");
    cni_ing_doc_release(&d);
    free(open);
    free(page);
    free(inl);
}

static void entities_do_not_expand(void **state)
{
    (void)state;
    const char *page =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n"
        " <!ENTITY lol \"lol\">\n"
        " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
        " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
        " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
        " <!ENTITY lol9 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
        " <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
        "]>\n<html><body><p>Mazda &lol9; &xxe; keeps its rotary engine programme, a spokesman said "
        "in Hiroshima.</p></body></html>";
    clock_t t0 = clock();
    ing_doc d = run(page, strlen(page), NULL, ING_MODE_AUTO);
    assert_true(seconds_since(t0) < 1.0);
    assert_true(d.len < 2000);
    assert_lacks(d.text, "lollol");
    assert_lacks(d.text, "root:");
    assert_has(d.text, "keeps its rotary engine programme");
    cni_ing_doc_release(&d);
}

static void large_input_is_linear(void **state)
{
    (void)state;
    const char *para = "<p>Nio delivered 15,000 cars in May, up 20% on April, as demand for its "
                       "smaller models picked up in eastern China.</p>\n";
    char *small = repeat("<html><body><article>", para, 2000, "</article></body></html>");
    char *big = repeat("<html><body><article>", para, 40000, "</article></body></html>");
    clock_t t0 = clock();
    ing_doc d = run(small, strlen(small), NULL, ING_MODE_HTML);
    double t_small = seconds_since(t0);
    cni_ing_doc_release(&d);
    t0 = clock();
    d = run(big, strlen(big), NULL, ING_MODE_HTML);
    double t_big = seconds_since(t0);
    assert_true(d.len > 100 * 40000);
    cni_ing_doc_release(&d);
    /* 20 times the input: allow 60 times the time before calling it
     * quadratic, plus slack for a noisy machine. */
    assert_true(t_big < 60 * t_small + 0.5);
    free(small);
    free(big);
}

static void garbage_input(void **state)
{
    (void)state;
    unsigned char noise[4096];
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < sizeof noise; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        noise[i] = (unsigned char)x;
    }
    noise[0] = '<';
    for (int mode = ING_MODE_AUTO; mode <= ING_MODE_HTML; mode++) {
        ing_doc d = run((const char *)noise, sizeof noise, NULL, (ing_mode)mode);
        cni_ing_doc_release(&d);
    }
    const char *tags_only = "<html><body><div><span></span></div><script>x</script></body></html>";
    ing_doc d = run(tags_only, strlen(tags_only), NULL, ING_MODE_HTML);
    assert_int_equal(d.len, 0);
    assert_true(d.warnings & ING_WARN_NO_BODY);
    cni_ing_doc_release(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_is_verbatim),
        cmocka_unit_test(utf8_bom_keeps_offsets),
        cmocka_unit_test(crlf_and_lone_cr_are_kept),
        cmocka_unit_test(nul_bytes_become_spaces),
        cmocka_unit_test(utf16le_with_bom),
        cmocka_unit_test(utf16be_with_bom),
        cmocka_unit_test(utf16_lone_surrogates_become_fffd),
        cmocka_unit_test(utf16_without_bom_is_detected),
        cmocka_unit_test(utf32_with_bom),
        cmocka_unit_test(utf32_bad_units_become_fffd),
        cmocka_unit_test(utf32_without_bom_is_detected),
        cmocka_unit_test(utf16_starting_with_nul_is_not_utf32),
        cmocka_unit_test(cp1252_bytes_are_decoded),
        cmocka_unit_test(cp1252_undefined_bytes_become_fffd),
        cmocka_unit_test(empty_and_null_input),
        cmocka_unit_test(text_title_rules),
        cmocka_unit_test(text_dateline),
        cmocka_unit_test(detection),
        cmocka_unit_test(forced_modes),
        cmocka_unit_test(deep_nesting),
        cmocka_unit_test(entities_do_not_expand),
        cmocka_unit_test(large_input_is_linear),
        cmocka_unit_test(garbage_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
