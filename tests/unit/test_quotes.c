/* Quote attribution: who said each quote, on short articles written for
 * these tests, through the public API and the shipped data. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "carnews/carnews.h"

static cn_analyzer *an;

static int setup(void **state)
{
    (void)state;
    cn_options o = {CARNEWS_TEST_DATA_DIR, NULL, 0};
    cn_error err;
    return cn_analyzer_new(&o, &an, &err) == CN_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    cn_analyzer_free(an);
    return 0;
}

typedef struct {
    const char *text;
    const char *speakers[4];   /* expected speaker per quote, in order; "" = none */
} quote_case;

#define LQ "\xE2\x80\x9C"
#define RQ "\xE2\x80\x9D"

static const quote_case CASES[] = {
    {"\"We will build it here,\" said Sarah Collins, the plant director.", {"Sarah Collins"}},
    {"\"We will build it here,\" Sarah Collins said.", {"Sarah Collins"}},
    {LQ "Demand is strong," RQ " said Mike Hawes, SMMT chief executive.", {"Mike Hawes"}},
    {"Mike Hawes, SMMT chief executive, said: " LQ "The market is recovering." RQ, {"Mike Hawes"}},
    {"Peter Kyle said: \"This is good news for Sunderland.\"", {"Peter Kyle"}},
    {"UK business secretary Peter Kyle visited the site. \"It is a vote of confidence,\" he said.",
     {"Peter Kyle"}},
    {"Professor David Bailey spoke to reporters. " LQ "The logic is clear," RQ " the professor said.",
     {"David Bailey"}},
    {"\"Not an option,\" the SMMT said of a no-deal exit.", {"Society of Motor Manufacturers and Traders"}},
    {"According to Ford, \"the new van will be built in Turkey.\"", {"Ford"}},
    {"\"The numbers speak for themselves,\" Toyota said in a statement.", {"Toyota"}},
    {"Carlos Tavares told the Financial Times: \"We need a level playing field.\"", {"Carlos Tavares"}},
    {"\"We need a level playing field,\" Carlos Tavares told the Financial Times.", {"Carlos Tavares"}},
    {"Ola Kaellenius, chief executive of Mercedes-Benz, said the year was hard. "
     "\"We expect a better second half,\" he added.", {"Ola Kaellenius"}},
    {"Anna Schmidt said the talks were difficult.\n\"We have not reached a deal yet.\"",
     {"Anna Schmidt"}},
    {LQ "Electric cars are the future," RQ " said Jim Farley. " LQ "We are all in." RQ,
     {"Jim Farley", "Jim Farley"}},
    {"\"It is a sad day for Luton,\" said Unite general secretary Sharon Graham.", {"Sharon Graham"}},
    {"Sharon Graham, Unite general secretary, said: \"The workers deserve better.\"", {"Sharon Graham"}},
    {"\"Prices will rise,\" warned analyst Tom Harris.", {"Tom Harris"}},
    {"\"Prices will rise,\" Tom Harris, an analyst at Bernstein, warned.", {"Tom Harris"}},
    {"The minister was blunt. \"There is no more money,\" she said. Kemi Badenoch had said so before.",
     {""}},
    {"Kemi Badenoch, the business secretary, was blunt. \"There is no more money,\" she said.",
     {"Kemi Badenoch"}},
    {"\"We are proud of our team,\" said Nissan's chief executive Ivan Espinosa.", {"Ivan Espinosa"}},
    {"In a statement, Volkswagen said: \"Plant closures cannot be ruled out.\"", {"Volkswagen"}},
    {"\"Plant closures cannot be ruled out,\" a Volkswagen spokesperson said.", {"Volkswagen"}},
    {"Thomas Schaefer, head of the VW brand, said: " LQ "Costs are too high." RQ, {"Thomas Schaefer"}},
    {"Daniela Cavallo, head of the works council, said the plan was unacceptable. " LQ
     "We will resist it." RQ " she added.", {"Daniela Cavallo"}},
    {"The firm described the talks as \"intense\", but said nothing more.", {NULL}},
    /* Scare quotes name nobody; a short phrase a speaker used counts. */
    {"Dealers call the small crossover a " LQ "game changer" RQ " for the region. "
     "Jane Oduya said the launch went well.", {NULL}},
    {"Jane Oduya called the deal " LQ "a real milestone" RQ " for the works.", {"Jane Oduya"}},
    /* The named person beats the company in the attribution. */
    {LQ "We expect the line to run at full speed by spring," RQ " said Marta Kowalczyk, "
     "chief executive of Nordwerk Holdings.", {"Marta Kowalczyk"}},
    /* A long appositive between the speaker and a colon. */
    {"Henrik Dahl, president of the Federation of Northern Car Importers (FNCI), cautioned: "
     "\"The gains are fragile and the market is weak.\"", {"Henrik Dahl"}},
    /* The attribution in the sentence before the quote. */
    {"The head of the battery venture, Rosa Ibarra, also confirmed the target for the second "
     "line at the site. " LQ "We always trusted that the project would work out." RQ,
     {"Rosa Ibarra"}},
    /* Mixed curly and straight marks do not swallow the attribution. */
    {LQ "The order book is full for the year,\" said Omar Haddad. \"We are hiring.\"",
     {"Omar Haddad", "Omar Haddad"}},
    /* "The group" in capitals at a sentence start stands for the maker. */
    {"Renault cut its forecast. The group announced " LQ "a plan to lower costs across all "
     "plants" RQ " on Monday.", {"Renault"}},
    {"Kia attributed its results to " LQ "strong demand in every region this year." RQ,
     {"Kia"}},
    /* British single quotes. */
    {"\xE2\x80\x98We will keep building the van at the plant,\xE2\x80\x99 said Priya Nair.",
     {"Priya Nair"}},
    /* The person in a long attribution, not the company before it. */
    {"Orvik said it would stay. \"We are committed to the town,\" the company's chief "
     "executive, Marta Lind, said in a statement.", {"Marta Lind"}},
    {"\"Demand is there,\" Mr. Okafor said.", {"Okafor"}},
    /* Straight single quotes, as plain-text copies of British articles have them. */
    {"'We will keep building the van at the plant,' said Priya Nair.", {"Priya Nair"}},
    {"The drivers' union met the managers' panel and called it a 'reset' year.", {NULL}},
    {"The drivers\xE2\x80\x99 union met the managers\xE2\x80\x99 panel. Priya Nair said little.",
     {NULL}},
    {"Li Auto's founder Li Xiang said: \"Our deliveries keep rising.\"", {"Li Xiang"}},
    {"\"The Chinese brands are coming,\" says Felipe Munoz, an analyst at JATO Dynamics.",
     {"Felipe Munoz"}},
    {"Adrian Mardell, chief executive of JLR, told reporters: \"It was a record year.\"",
     {"Adrian Mardell"}},
    {"\"It was a record year,\" Adrian Mardell, chief executive of JLR, told reporters.",
     {"Adrian Mardell"}},
    {"Nissan will close a line. \"We have no choice,\" the carmaker said.", {"Nissan"}},
    {"Keir Starmer said: \"Britain is open for business.\" Rachel Reeves added: "
     "\"We will back industry.\"", {"Keir Starmer", "Rachel Reeves"}},
};

static void test_quote_speakers(void **state)
{
    (void)state;
    int failures = 0;
    for (size_t c = 0; c < sizeof CASES / sizeof *CASES; c++) {
        cn_doc *d;
        cn_error err;
        assert_int_equal(cn_analyze(an, CASES[c].text, strlen(CASES[c].text), CN_INPUT_TEXT,
                                    NULL, &d, &err), CN_OK);
        const cn_result *r = cn_doc_result(d);
        size_t want = 0;
        while (want < 4 && CASES[c].speakers[want])
            want++;
        if (r->n_quotes != want) {
            print_error("case %zu: %zu quotes, expected %zu\n", c, r->n_quotes, want);
            failures++;
        }
        for (size_t q = 0; q < r->n_quotes && q < want; q++) {
            const char *got = r->quotes[q].speaker ? r->quotes[q].speaker : "";
            if (strcmp(got, CASES[c].speakers[q]) != 0) {
                print_error("case %zu quote %zu: speaker \"%s\", expected \"%s\"\n", c, q,
                            got, CASES[c].speakers[q]);
                failures++;
            }
        }
        cn_doc_free(d);
    }
    assert_true(sizeof CASES / sizeof *CASES >= 30);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quote_speakers),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
