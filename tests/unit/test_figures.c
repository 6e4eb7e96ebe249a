/* Figures through the public API and the shipped data: units from the
 * counted noun, specifications that are no figures, subjects and sources,
 * regions, periods and signed changes.  The sentences are written for
 * these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
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

static cn_doc *analyze(const char *text)
{
    cn_doc *d = NULL;
    cn_error err;
    assert_int_equal(cn_analyze(an, text, strlen(text), CN_INPUT_TEXT, NULL, &d, &err), CN_OK);
    return d;
}

/* The figure with this value, or NULL. */
static const cn_figure *fig(const cn_doc *d, double v)
{
    const cn_result *r = cn_doc_result(d);
    for (size_t i = 0; i < r->n_figures; i++)
        if (fabs(r->figures[i].value - v) <= 1e-6 * (fabs(v) > 1 ? fabs(v) : 1))
            return &r->figures[i];
    return NULL;
}

static size_t n_figs(const cn_doc *d) { return cn_doc_result(d)->n_figures; }

#define assert_str(a, b) do { const char *a_ = (a); assert_non_null(a_); assert_string_equal(a_, b); } while (0)

static void test_units_from_nouns(void **state)
{
    (void)state;
    cn_doc *d = analyze("Kia built 412,000 cars at the site.\n\n"
                        "The battery works will turn out 90 million battery cells.\n\n"
                        "Hyundai installed 650 new welding robots on the line.\n\n"
                        "Ford will hire 1,200 workers for the plant.");
    assert_str(fig(d, 412000)->unit, "vehicles");
    assert_str(fig(d, 9e7)->unit, "cells");
    assert_str(fig(d, 650)->unit, "robots");
    assert_str(fig(d, 1200)->unit, "jobs");
    assert_str(fig(d, 1200)->kind, "jobs");
    cn_doc_free(d);
}

static void test_currencies_after_number(void **state)
{
    (void)state;
    cn_doc *d = analyze("Renault will spend 12 billion dirhams on its factory.\n\n"
                        "Kia set aside 80 billion won for the line.\n\n"
                        "Tata earmarked Rs 2,500 crore and Mahindra 40 lakh rupees.\n\n"
                        "Fiat pledged 9 billion reais while Ford put in 3 billion lira.");
    assert_str(fig(d, 12e9)->unit, "MAD");
    assert_str(fig(d, 80e9)->unit, "KRW");
    assert_str(fig(d, 2.5e10)->unit, "INR");
    assert_str(fig(d, 4e6)->unit, "INR");
    assert_str(fig(d, 9e9)->unit, "BRL");
    assert_str(fig(d, 3e9)->unit, "TRY");
    cn_doc_free(d);
}

static void test_indian_grouping_and_hyphen_scale(void **state)
{
    (void)state;
    cn_doc *d = analyze("Maruti Suzuki sold 12,48,361 cars, and its revenue reached Rs 2,03,118 crore.\n\n"
                        "Nissan plans a £3-bn investment and Toyota a $5-billion one.");
    assert_non_null(fig(d, 1248361));
    assert_non_null(fig(d, 203118e7));
    assert_str(fig(d, 3e9)->unit, "GBP");
    assert_str(fig(d, 5e9)->unit, "USD");
    cn_doc_free(d);
}

static void test_specifications_are_no_figures(void **state)
{
    (void)state;
    cn_doc *d = analyze("The 340-horsepower hatchback has 560 Nm of torque and 480 km of range.\n\n"
                        "It emits 118 g/km and a new car leaves the line every 90 seconds.\n\n"
                        "The S&P 500 fell as the RX 450 went on sale.\n\n"
                        "Ford is a billion-dollar company.");
    assert_int_equal(n_figs(d), 0);
    cn_doc_free(d);
}

static void test_source_is_no_subject(void **state)
{
    (void)state;
    cn_doc *d = analyze("UK new-car registrations rose to 152,400 in May, the SMMT said.\n\n"
                        "According to JATO Dynamics, Toyota sold 88,000 cars in Europe.");
    const cn_figure *f = fig(d, 152400);
    assert_non_null(f);
    assert_null(f->subject);
    assert_str(f->source, "Society of Motor Manufacturers and Traders");
    f = fig(d, 88000);
    assert_str(f->subject, "Toyota");
    assert_str(f->source, "JATO Dynamics");
    cn_doc_free(d);
}

static void test_respectively_and_regions(void **state)
{
    (void)state;
    cn_doc *d = analyze("Skoda and Seat sold 31,200 and 27,900 cars respectively.\n\n"
                        "Honda sold 9,400 cars in France and 12,100 in Spain.");
    assert_str(fig(d, 31200)->subject, "\xc5\xa0koda");
    assert_str(fig(d, 27900)->subject, "Seat");
    assert_str(fig(d, 9400)->region, "France");
    assert_str(fig(d, 12100)->region, "Spain");
    cn_doc_free(d);
}

static void test_maker_origin_is_no_region(void **state)
{
    (void)state;
    cn_doc *d = analyze("Japanese carmaker Mazda sold 64,000 cars.");
    assert_null(fig(d, 64000)->region);
    cn_doc_free(d);
    d = analyze("Kia plans a $1.8bn battery plant in Poland.");
    assert_str(fig(d, 1.8e9)->region, "Poland");
    cn_doc_free(d);
    /* A possessor country a few words before the maker is its origin; a
     * country before "car market" is the market's. */
    d = analyze("In India, Kia - South Korea's second-largest car maker - sold 245,000 "
                "cars.\n\nHybrids took 31.5 per cent of the Japanese car market and 12.5 "
                "per cent of the EU car market.");
    assert_str(fig(d, 245000)->region, "India");
    assert_str(fig(d, 12.5)->region, "European Union");
    cn_doc_free(d);
    /* "Renault's new van plant": the factory last named. */
    d = analyze("Renault builds vans at its factory in Batilly.\n\n"
                "About 1,900 people work at Renault's new van plant.");
    assert_non_null(fig(d, 1900)->region);
    cn_doc_free(d);
}

static void test_periods(void **state)
{
    (void)state;
    cn_doc *d = analyze("Volvo sold 71,000 cars in the first half of 2023.\n\n"
                        "Audi delivered 39,500 cars in 2022, more than in 2021.\n\n"
                        "Peugeot said in March that it had hired 700 engineers.");
    const cn_figure *f = fig(d, 71000);
    assert_str(f->period, "2023-H1");
    assert_non_null(f->period_text);
    assert_str(fig(d, 39500)->period, "2022");
    assert_null(fig(d, 700)->period);
    cn_doc_free(d);
    d = analyze("Renault earned €2.9bn over the full year.\n\n"
                "Operating profit grew to €5.1bn from €4.2bn in the previous year.");
    assert_null(fig(d, 2.9e9)->period);
    assert_str(fig(d, 2.9e9)->period_text, "the full year");
    assert_null(fig(d, 5.1e9)->period_text);
    assert_str(fig(d, 4.2e9)->period_text, "the previous year");
    cn_doc_free(d);
    d = analyze("Net profit climbed from €3.3bn ($3.6bn) in the previous year to €3.9bn.");
    assert_str(fig(d, 3.3e9)->period_text, "the previous year");
    assert_null(fig(d, 3.9e9)->period_text);
    cn_doc_free(d);
    d = analyze("Mazda sold 205,000 cars from February to November 2023.");
    assert_str(fig(d, 205000)->period, "2023-02/2023-11");
    assert_str(fig(d, 205000)->period_text, "February to November 2023");
    cn_doc_free(d);
    /* A comparison base after a level belongs to the rise, not the level. */
    d = analyze("Scooter sales in October rose 9 per cent to 812,400 units from a year before.");
    assert_str(fig(d, 812400)->period_text, "October");
    cn_doc_free(d);
    /* A deadline is no period; "last" is part of a month. */
    d = analyze("Dacia wants to make 400,000 cars a year at the site by 2029.\n\n"
                "The mill closed last October with the loss of 1,250 jobs.");
    assert_null(fig(d, 400000)->period);
    assert_null(fig(d, 400000)->period_text);
    assert_str(fig(d, 1250)->period_text, "last October");
    cn_doc_free(d);
}

static void test_capacity_word(void **state)
{
    (void)state;
    /* "capacity" in the clause makes output a capacity, before or after. */
    cn_doc *d = analyze("Mazda will cut production capacity from 1.9 million units to 1.6 "
                        "million units by closing lines.\n\n"
                        "The Gyor site will have the capacity to produce 90 million cells a "
                        "year.\n\nThe Hofu plant built 412,000 cars.");
    assert_str(fig(d, 1.6e6)->kind, "capacity");
    assert_str(fig(d, 9e7)->kind, "capacity");
    assert_str(fig(d, 412000)->kind, "production");
    cn_doc_free(d);
    /* A share of what is exported is an exports figure; a share of the
     * market stays a market share. */
    d = analyze("Germany took 41.5% of all vans built for export, and about 70% of "
                "Spanish-made cars are shipped abroad. Tesla took 7.5% of the market.");
    assert_str(fig(d, 41.5)->kind, "exports");
    assert_str(fig(d, 70)->kind, "exports");
    assert_str(fig(d, 7.5)->kind, "market-share");
    cn_doc_free(d);
}

static void test_clause_reading(void **state)
{
    (void)state;
    /* An appositive's brands stand for nobody; "its" is the head's. */
    cn_doc *d = analyze("Renault Group, the owner of Dacia and Alpine, said its net profit "
                        "fell to \xE2\x82\xAC" "1.4 billion.");
    assert_str(fig(d, 1.4e9)->subject, "Renault Group");
    cn_doc_free(d);
    /* "in the country" and "the Italian car market" name regions. */
    d = analyze("Registrations in Italy fell 4% last month.\n\n"
                "Fiat sold 21,300 cars in the country. Hybrids took 41.2 per cent of the "
                "Italian car market.");
    assert_str(fig(d, 21300)->region, "Italy");
    assert_str(fig(d, 41.2)->region, "Italy");
    cn_doc_free(d);
    /* "lost" before an amount is a loss; "shipped ... overseas" exports. */
    d = analyze("Mazda lost 12 billion yen in the quarter. Chery shipped 98,000 cars "
                "overseas in May, while GAC sold 41,000 cars, up 8% from April.");
    assert_str(fig(d, -12e9)->kind, "profit");
    assert_str(fig(d, 98000)->kind, "exports");
    assert_null(fig(d, 41000)->period);
    cn_doc_free(d);
    /* "Pune-headquartered", "Korea-made": a place made an adjective is an
     * origin, and a word of its own. */
    d = analyze("The Pune-headquartered automaker posted a profit of Rs 12.5 billion.");
    assert_null(fig(d, 12.5e9)->region);
    cn_doc_free(d);
    /* A global word in the figure's clause leaves it no region; the next
     * figure's place is its own. */
    d = analyze("Seat sold 558,000 cars worldwide in 2024, of which 152,000 went to Spain.");
    assert_null(fig(d, 558000)->region);
    assert_str(fig(d, 152000)->region, "Spain");
    cn_doc_free(d);
}

static void test_own_figures(void **state)
{
    (void)state;
    /* A supplier, or a body saying "it would", speaks of its own figures. */
    cn_doc *d = analyze("Supplier Bosch said it would cut 3,800 jobs. Continental expects sales "
                        "of \xE2\x82\xAC" "21 billion this year. Cox Automotive said sales "
                        "in the US fell to 1.2 million.");
    assert_str(fig(d, 3800)->subject, "Bosch");
    assert_null(fig(d, 3800)->source);
    assert_str(fig(d, 21e9)->subject, "Continental");
    assert_str(fig(d, 1.2e6)->source, "Cox Automotive");
    cn_doc_free(d);
    /* A share that fell to a level is a share; a maker after "while" is
     * not the subject of the figure before it; "its European sales". */
    d = analyze("The Nordic car market shrank to 410,000 cars last year, while Volvo's share "
                "fell to 18.5%. BYD tripled its European sales to 42,000 cars.");
    assert_null(fig(d, 410000)->subject);
    assert_str(fig(d, 18.5)->kind, "market-share");
    assert_str(fig(d, 18.5)->subject, "Volvo");
    assert_str(fig(d, 42000)->region, "Europe");
    cn_doc_free(d);
    /* A dateline's date is the story's, not a period; a company's profit
     * takes no place from a later clause; a later "while" clause keeps
     * its period. */
    d = analyze("OSAKA, Nov 6, 2025 (Reuters) - Mazda raised its operating profit forecast "
                "to 150 billion yen, as U.S. tariffs eased.\n\n"
                "Subaru cut its profit outlook to 260 billion yen, while Suzuki earned 310 "
                "billion yen in the first half.");
    assert_null(fig(d, 150e9)->period);
    assert_null(fig(d, 150e9)->region);
    assert_null(fig(d, 260e9)->period);
    assert_str(fig(d, 310e9)->period, "2025-H1");
    cn_doc_free(d);
    /* A place in a relative clause, or in a later "while" clause, is not
     * the figure's. */
    d = analyze("Registrations in Brazil rose again.\n\n"
                "GWM, which is building a plant in Iracemapolis, Sao Paulo, sold 4,300 cars. "
                "Output fell to 221,000 vehicles, while exports to Chile rose to 21,000.");
    assert_str(fig(d, 4300)->region, "Brazil");
    assert_true(!fig(d, 221000)->region || strcmp(fig(d, 221000)->region, "Chile"));
    assert_str(fig(d, 21000)->region, "Chile");
    cn_doc_free(d);
    /* A kind word before another count and a comma is that count's. */
    d = analyze("Its total sales, including exports of 21,951 units, rose to 206,434 units.");
    assert_str(fig(d, 21951)->kind, "exports");
    assert_str(fig(d, 206434)->kind, "sales");
    cn_doc_free(d);
    /* A year ends a clause: the maker after it is another clause's. */
    d = analyze("Renault, which sold 2.3 million cars in 2024, also owns Dacia.");
    assert_str(fig(d, 2.3e6)->subject, "Renault");
    cn_doc_free(d);
}

static void test_lead_maker_for_anaphor(void **state)
{
    (void)state;
    /* With no maker in the paragraph, "the automaker" is the one the
     * article opened with, even when another brand was named since. */
    cn_doc *d = analyze("Kestrel results\n\n"
                        "Mahindra on Monday reported higher profits, helped by its Korean "
                        "unit SsangYong.\n\n"
                        "The Mumbai-based automaker posted a net profit of Rs 30.5 billion "
                        "for the quarter.");
    assert_str(fig(d, 30.5e9)->subject, "Mahindra");
    cn_doc_free(d);
}

static void test_signed_changes(void **state)
{
    (void)state;
    cn_doc *d = analyze("Mini exports fell 7% in the year.\n\n"
                        "Jeep sales rose 12% on the year.\n\n"
                        "Nissan made a loss of £340m.");
    const cn_figure *f = fig(d, -7);
    assert_non_null(f);
    assert_str(f->kind, "change");
    assert_str(f->unit, "percent");
    assert_str(f->measure, "exports");
    f = fig(d, 12);
    assert_str(f->kind, "change");
    assert_str(f->measure, "sales");
    f = fig(d, -3.4e8);
    assert_str(f->kind, "profit");
    cn_doc_free(d);
}

static void test_offsets_cover_the_number(void **state)
{
    (void)state;
    const char *text = "Seat sold 18,250 cars in Portugal.";
    cn_doc *d = analyze(text);
    const cn_figure *f = fig(d, 18250);
    assert_non_null(f);
    assert_int_equal(f->end - f->start, 6);
    assert_memory_equal(text + f->start, "18,250", 6);
    cn_doc_free(d);
}

static void test_references_back(void **state)
{
    (void)state;
    /* "it" and "the plant" refer to what the sentence before named */
    cn_doc *d = analyze("Volvo opened a factory in Slovakia. It will build 250,000 cars.\n\n"
                        "Kia said revenue rose to $18bn.");
    const cn_figure *f = fig(d, 250000);
    assert_str(f->subject, "Volvo");
    f = fig(d, 18e9);
    assert_str(f->subject, "Kia");
    assert_str(f->kind, "revenue");
    cn_doc_free(d);
    d = analyze("UK car output fell to 71,000 in May.");
    assert_null(fig(d, 71000)->subject);
    cn_doc_free(d);
}

static void test_level_after_from(void **state)
{
    (void)state;
    cn_doc *d = analyze("Electric cars took a 21.4 per cent market share, up from 16.9 per cent.");
    assert_str(fig(d, 21.4)->kind, "market-share");
    assert_non_null(fig(d, 16.9));     /* the base: a level, not a change */
    assert_string_not_equal(fig(d, 16.9)->kind, "change");
    cn_doc_free(d);
}

static size_t count_value(const cn_doc *d, double v, const char *kind)
{
    const cn_result *r = cn_doc_result(d);
    size_t n = 0;
    for (size_t i = 0; i < r->n_figures; i++)
        n += r->figures[i].value == v && (!kind || !strcmp(r->figures[i].kind, kind));
    return n;
}

static void test_job_changes(void **state)
{
    (void)state;
    cn_doc *d = analyze("Opel will cut 1,300 jobs at its plant.\n\n"
                        "Geely plans to create 2,400 jobs.");
    assert_int_equal(count_value(d, 1300, "jobs"), 1);
    assert_int_equal(count_value(d, -1300, "change"), 1);
    assert_int_equal(count_value(d, 2400, "change"), 1);
    const cn_result *r = cn_doc_result(d);
    for (size_t i = 0; i < r->n_figures; i++)
        if (!strcmp(r->figures[i].kind, "change")) {
            assert_str(r->figures[i].measure, "jobs");
            assert_str(r->figures[i].unit, "jobs");
        }
    cn_doc_free(d);
}

static void test_headline_repeat(void **state)
{
    (void)state;
    cn_doc *d = analyze("Seat to invest €3bn in Spanish plant\n\n"
                        "Seat will invest €3bn in its Martorell factory, the carmaker said.");
    assert_int_equal(count_value(d, 3e9, NULL), 1);
    assert_int_equal(fig(d, 3e9)->sentence, 1);
    cn_doc_free(d);
}

static void test_kind_words(void **state)
{
    (void)state;
    /* "a year earlier" is a comparison, not an annual capacity */
    cn_doc *d = analyze("Nio sales rose 4% from a year earlier to 31,800 vehicles.\n\n"
                        "Operating profit was €2.6 billion, or 6.1% of revenues.\n\n"
                        "German carmaker Porsche sold 74,000 cars.");
    assert_str(fig(d, 31800)->kind, "sales");
    assert_str(fig(d, 2.6e9)->kind, "profit");
    assert_null(fig(d, 74000)->region);
    cn_doc_free(d);
}

static void test_respectively_after_other_figures(void **state)
{
    (void)state;
    cn_doc *d = analyze("Geely sold its first 4,100 cars ahead of Subaru and Mazda, while its Lynk and Zeekr "
                        "brands sold 12,300 and 15,600 cars, respectively.");
    assert_str(fig(d, 4100)->subject, "Geely");
    assert_str(fig(d, 12300)->subject, "Lynk & Co");
    assert_str(fig(d, 15600)->subject, "Zeekr");
    cn_doc_free(d);
}

/* Where a body sits or where something was said is no figure's region. */
static void test_venue_is_no_region(void **state)
{
    (void)state;
    cn_doc *d = analyze("Renault sold 31,500 cars, the Italian carmakers' body ANFIA in Turin said.\n\n"
                        "Volvo earned 9.4 billion kronor in profit, it announced in Gothenburg.\n\n"
                        "Kia sold 8,200 cars in Norway.");
    assert_true(fig(d, 31500)->region == NULL || strcmp(fig(d, 31500)->region, "Turin") != 0);
    assert_null(fig(d, 9.4e9)->region);
    assert_str(fig(d, 8200)->region, "Norway");
    cn_doc_free(d);
}

/* A percentage compared with another ("to 9.5% from 11%") measures the
 * same thing. */
static void test_compared_levels(void **state)
{
    (void)state;
    cn_doc *d = analyze("Hybrids took a market share of 9.5 per cent in May, down from 11 per cent.\n\n"
                        "Skoda's market share slipped to 6.2% from 6.9% a year before.");
    assert_str(fig(d, 9.5)->kind, "market-share");
    assert_str(fig(d, 11)->kind, "market-share");
    assert_str(fig(d, 6.2)->kind, "market-share");
    assert_str(fig(d, 6.9)->kind, "market-share");
    cn_doc_free(d);
}

static void test_region_lists(void **state)
{
    (void)state;
    cn_doc *d = analyze("Shipments went mostly to Canada, which took about 31% of them, Mexico 12% and "
                        "Brazil 4.5%.\n\nRivian will build a $1.1bn gigafactory in Georgia.");
    assert_str(fig(d, 31)->region, "Canada");
    assert_str(fig(d, 12)->region, "Mexico");
    assert_str(fig(d, 4.5)->region, "Brazil");
    assert_str(fig(d, 1.1e9)->kind, "investment");
    cn_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_units_from_nouns),
        cmocka_unit_test(test_currencies_after_number),
        cmocka_unit_test(test_indian_grouping_and_hyphen_scale),
        cmocka_unit_test(test_specifications_are_no_figures),
        cmocka_unit_test(test_source_is_no_subject),
        cmocka_unit_test(test_respectively_and_regions),
        cmocka_unit_test(test_maker_origin_is_no_region),
        cmocka_unit_test(test_periods),
        cmocka_unit_test(test_lead_maker_for_anaphor),
        cmocka_unit_test(test_own_figures),
        cmocka_unit_test(test_clause_reading),
        cmocka_unit_test(test_capacity_word),
        cmocka_unit_test(test_signed_changes),
        cmocka_unit_test(test_offsets_cover_the_number),
        cmocka_unit_test(test_references_back),
        cmocka_unit_test(test_level_after_from),
        cmocka_unit_test(test_job_changes),
        cmocka_unit_test(test_headline_repeat),
        cmocka_unit_test(test_kind_words),
        cmocka_unit_test(test_respectively_after_other_figures),
        cmocka_unit_test(test_region_lists),
        cmocka_unit_test(test_venue_is_no_region),
        cmocka_unit_test(test_compared_levels),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
