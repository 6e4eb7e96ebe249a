/* Segmentation: sentence boundaries, paragraphs, tokens and offsets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "segment.h"

/* Each case is one paragraph; '|' marks where a new sentence starts. */
static const char *const BOUNDARY_CASES[] = {
    "Nissan built 500 cars. |Toyota built more.",
    "Sales rose 1.52 million units. |That was a record.",
    "Chery sold 19,855 cars in the UK. |Omoda followed.",
    "Mr. Smith spoke to reporters. |He was upbeat.",
    "Mr Kyle visited the plant on Friday.",
    "Dr. Jones leads the study at Warwick.",
    "The firm is based in St. Helens near Liverpool.",
    "Acme Inc. made a profit. |The shares rose.",
    "Acme Inc. and Beta Ltd. agreed a deal.",
    "He joined Ford Motor Co. in 1998.",
    "It was launched in the U.S. |The car sold well.",
    "The U.S. market grew while the U.K. market shrank.",
    "Sales in the U.K. rose.",
    "The plant is No. 1 in Europe.",
    "BMW vs. Mercedes is an old rivalry.",
    "Cars, e.g. hatchbacks, sold well.",
    "Vans, i.e. light commercials, did too.",
    "The talks start at 9 a.m. on Monday.",
    "It closed at 5 p.m. |Workers went home.",
    "The deal was signed on Jan. 5 in Tokyo.",
    "The launch is set for Feb. 12 next year.",
    "Production fell in Sept. 2023 at the site.",
    "J. D. Power ranked the brand first.",
    "The survey by J.D. Power was published.",
    "Mary T. Barra leads GM.",
    "He paused... |Then he went on.",
    "He paused… |Then he went on.",
    "\"We are ready.\" |The minister agreed.",
    "\xE2\x80\x9CWe are ready.\xE2\x80\x9D |The minister agreed.",
    "She said: \xE2\x80\x9CIt is a good day.\xE2\x80\x9D",
    "Costs rose (by 5%). |Margins fell.",
    "It rose (see chart.) |Analysts agreed.",
    "Is this the end? |Not yet.",
    "What a result! |The board cheered.",
    "Really?! |Yes.",
    "The ID.3 is built in Zwickau.",
    "Version 2.0 of the software ships soon.",
    "Prices start at \xC2\xA3" "29,995. |Deliveries begin in May.",
    "Revenue was \xE2\x82\xAC" "3.4bn. |Profit was lower.",
    "The share rose to 16.2 per cent. |It fell later.",
    "It rose 12.8%. |Rivals lost ground.",
    "The Model 3 is popular. |So is the Model Y.",
    "Production starts in 2026. |Jobs will follow.",
    "The plant opened in 1986. |It employs 6,000 people.",
    "He works for Lynk & Co. |The brand is young.",
    "Prof. Bailey was asked.",
    "Gen. Motors is not a real abbreviation here.",
    "Sen. Brown asked about tariffs.",
    "The cars, built in Sunderland, sell well. |Demand is high.",
    "a lower-case start is fine. |So is this.",
    "The number was 3.5. |It was revised.",
    "It was approx. 300 units.",
    "They met at 10.30am. |Talks went on.",
    "The EU's rules apply. |The UK's differ.",
    "He said it was \"not an option\". |The trade body agreed.",
    "The firm said it would \xE2\x80\x98review\xE2\x80\x99 the plan. |Staff waited.",
    "Its margin was 8.1%! |A record.",
    "Units: 1,234,567. |Up again.",
    "Volkswagen AG. |The group said so.",
    "Toyota Motor Corp. |The firm said.",
    "The car costs $45,000. |That is a lot.",
    "Plants in Mlad\xC3\xA1 Boleslav and Kvasiny run. |Both are busy.",
    "Call it the Mk. 2 model.",
};

static void test_sentence_boundaries(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof BOUNDARY_CASES / sizeof *BOUNDARY_CASES; c++) {
        char text[512];
        size_t expect[16], n_expect = 1, len = 0;
        expect[0] = 0;
        for (const char *p = BOUNDARY_CASES[c]; *p; p++) {
            if (*p == '|')
                expect[n_expect++] = len;
            else
                text[len++] = *p;
        }
        text[len] = '\0';
        arena mem;
        cni_arena_init(&mem);
        segmentation seg;
        assert_int_equal(cni_seg_run(text, len, &mem, &seg), 0);
        if (seg.n_sents != n_expect)
            fail_msg("case %zu \"%s\": %zu sentences, expected %zu", c, text,
                     seg.n_sents, n_expect);
        for (size_t i = 0; i < n_expect; i++)
            if (seg.sents[i].start != expect[i])
                fail_msg("case %zu: sentence %zu starts at %u, expected %zu", c, i,
                         seg.sents[i].start, expect[i]);
        cni_arena_release(&mem);
    }
    assert_true(sizeof BOUNDARY_CASES / sizeof *BOUNDARY_CASES >= 60);
}

static void test_paragraphs_by_line(void **state)
{
    (void)state;
    const char *text = "Headline without a stop\nFirst paragraph. Two sentences.\r\n\r\nThird line\rLast";
    arena mem;
    cni_arena_init(&mem);
    segmentation seg;
    assert_int_equal(cni_seg_run(text, strlen(text), &mem, &seg), 0);
    assert_int_equal(seg.n_paras, 4);
    assert_int_equal(seg.n_sents, 5);   /* headline, 2, "Third line", "Last" */
    cni_arena_release(&mem);
}

static void test_hard_wrapped_text(void **state)
{
    (void)state;
    const char *text =
        "The carmaker said on Tuesday that it would build a new electric model\n"
        "at its plant in the north of England, securing hundreds of jobs there\n"
        "\n"
        "Union leaders welcomed the news but warned that more support for the\n"
        "industry was needed if the country was to keep its car factories open.\n";
    arena mem;
    cni_arena_init(&mem);
    segmentation seg;
    assert_int_equal(cni_seg_run(text, strlen(text), &mem, &seg), 0);
    assert_int_equal(seg.n_paras, 2);
    assert_int_equal(seg.n_sents, 2);
    cni_arena_release(&mem);
}

static void test_tokens_and_offsets(void **state)
{
    (void)state;
    const char *text = "JLR\xE2\x80\x99s E-Pace sold 19,855 units (\xC2\xA3" "1.2bn).";
    arena mem;
    cni_arena_init(&mem);
    segmentation seg;
    assert_int_equal(cni_seg_run(text, strlen(text), &mem, &seg), 0);
    const char *expect[] = {"JLR", "\xE2\x80\x99s", "E-Pace", "sold", "19,855", "units",
                            "(", "\xC2\xA3", "1.2bn", ")", "."};
    assert_int_equal(seg.n_toks, sizeof expect / sizeof *expect);
    for (size_t i = 0; i < seg.n_toks; i++) {
        size_t n = seg.toks[i].end - seg.toks[i].start;
        assert_int_equal(n, strlen(expect[i]));
        assert_memory_equal(text + seg.toks[i].start, expect[i], n);
    }
    assert_true(seg.toks[0].flags & TK_ALLCAPS);
    assert_true(seg.toks[1].flags & TK_POSS);
    assert_true(seg.toks[2].flags & TK_UPPER);
    assert_true(seg.toks[4].flags & TK_NUM);
    assert_int_equal(seg.words, 6);
    cni_arena_release(&mem);
}

static void test_folding(void **state)
{
    (void)state;
    /* Curly apostrophes and dashes fold, so both spellings hash alike. */
    assert_true(cni_seg_token_hash("JLR\xE2\x80\x99s", 7) == cni_seg_token_hash("jlr's", 5));
    assert_true(cni_seg_token_hash("E\xE2\x80\x93Pace", 8) == cni_seg_token_hash("e-pace", 6));
    assert_true(cni_seg_token_hash("\xC3\x96resund", 8) == cni_seg_token_hash("\xC3\xB6resund", 8));
    assert_false(cni_seg_token_hash("Ford", 4) == cni_seg_token_hash("Fork", 4));
}

static void test_hostile_bytes(void **state)
{
    (void)state;
    char text[4096];
    for (size_t i = 0; i < sizeof text; i++)
        text[i] = (char)((i * 7919u + 13u) & 0xFF);
    arena mem;
    cni_arena_init(&mem);
    segmentation seg;
    assert_int_equal(cni_seg_run(text, sizeof text, &mem, &seg), 0);
    for (size_t i = 0; i < seg.n_toks; i++)
        assert_true(seg.toks[i].start < seg.toks[i].end && seg.toks[i].end <= sizeof text);
    cni_arena_release(&mem);
    assert_int_equal(cni_seg_run("", 0, &mem, &seg), 0);
    assert_int_equal(seg.n_sents, 0);
    cni_arena_release(&mem);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sentence_boundaries),
        cmocka_unit_test(test_paragraphs_by_line),
        cmocka_unit_test(test_hard_wrapped_text),
        cmocka_unit_test(test_tokens_and_offsets),
        cmocka_unit_test(test_folding),
        cmocka_unit_test(test_hostile_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
