/* Unit tests for the number, money and period parser (src/numbers.c, src/periods.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "numbers.h"

#define BIG_DIGITS (10u << 20)        /* the 10 MB digit run */
#define PATHO_BYTES (1u << 20)        /* size of each pathological input */
#define RANDOM_BYTES (1u << 20)
#define TIME_LIMIT_S 10.0             /* generous: the suite also runs under sanitizers */

/* ------------------------------------------------------------ helpers */

/* A heap copy without the terminating NUL, so that any read past len is
 * caught by AddressSanitizer. */
static char *exact_copy(const char *s, size_t len)
{
    char *p = malloc(len ? len : 1);
    assert_non_null(p);
    memcpy(p, s, len);
    return p;
}

static int close_enough(double a, double b)
{
    if (a == b)
        return 1;
    return fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b));
}

static int same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* --------------------------------------------------- number table */

typedef struct {
    const char *text;
    const char *span;       /* exact text of the expression; '|' marks num_start (else at start) */
    double value, hi;
    const char *unit;
    const char *qual;
    unsigned flags;
} num_case;

#define R NUM_RANGE
#define W NUM_WORDS
#define Y NUM_YEAR
#define O NUM_ORDINAL
#define N NUM_NEGATIVE
#define D NUM_DECADE
#define M NUM_MONEY
#define S NUM_SCALED
#define P NUM_PERCENT
#define T NUM_TIME

static const num_case num_cases[] = {
    /* digits and separators */
    {"Sales rose to 19,855 units last month.", "19,855", 19855, 19855, NULL, NULL, 0},
    {"The plant built 19 855 cars.", "19 855", 19855, 19855, NULL, NULL, 0},
    {"The plant built 19\xC2\xA0" "855 cars.", "19\xC2\xA0" "855", 19855, 19855, NULL, NULL, 0},
    {"The plant built 19\xE2\x80\xAF" "855 cars.", "19\xE2\x80\xAF" "855", 19855, 19855, NULL, NULL, 0},
    {"The plant built 19\xE2\x80\x89" "855 cars.", "19\xE2\x80\x89" "855", 19855, 19855, NULL, NULL, 0},
    {"Registrations reached 1.234.567 in Germany.", "1.234.567", 1234567, 1234567, NULL, NULL, 0},
    {"The index fell 0.5 points on Monday.", "0.5", 0.5, 0.5, NULL, NULL, 0},
    {"A total of 1,234,567.89 was booked.", "1,234,567.89", 1234567.89, 1234567.89, NULL, NULL, 0},
    {"Output hit 2,500 vehicles a day.", "2,500", 2500, 2500, NULL, NULL, 0},
    {"The group employs 670,000 people.", "670,000", 670000, 670000, NULL, NULL, 0},
    {"The dealer had 12 cars left.", "12", 12, 12, NULL, NULL, 0},
    {"Only one model, the 911, was updated.", "911", 911, 911, NULL, NULL, 0},
    {"Units shipped: 2,024 in total.", "2,024", 2024, 2024, NULL, NULL, 0},
    {"The average was 1.234 per site.", "1.234", 1.234, 1.234, NULL, NULL, 0},
    /* scales and money */
    {"Deliveries reached 1.52 million vehicles.", "1.52 million", 1520000, 1520000, NULL, NULL, S},
    {"It plans to build 1.5m units.", "1.5m", 1.5e6, 1.5e6, NULL, NULL, S},
    {"Profit was \xC2\xA3" "1.2bn last year.", "\xC2\xA3" "1.2bn", 1.2e9, 1.2e9, "GBP", NULL, M | S},
    {"Ford set aside \xE2\x82\xAC" "500m for recalls.", "\xE2\x82\xAC" "500m", 5e8, 5e8, "EUR", NULL, M | S},
    {"Tesla spent $2 billion on capacity.", "$2 billion", 2e9, 2e9, "USD", NULL, M | S},
    {"The group raised US$3.4bn in bonds.", "US$3.4bn", 3.4e9, 3.4e9, "USD", NULL, M | S},
    {"Investment of $3.4 bln was approved.", "$3.4 bln", 3.4e9, 3.4e9, "USD", NULL, M | S},
    {"BYD earned Rmb 10bn in the period.", "Rmb 10bn", 1e10, 1e10, "CNY", NULL, M | S},
    {"Geely booked RMB10bn of orders.", "RMB10bn", 1e10, 1e10, "CNY", NULL, M | S},
    {"Subsidies totalled 10bn yuan.", "10bn yuan", 1e10, 1e10, "CNY", NULL, M | S},
    {"Toyota holds \xC2\xA5" "1.2tn in cash.", "\xC2\xA5" "1.2tn", 1.2e12, 1.2e12, "JPY", NULL, M | S},
    {"Tata will invest Rs 500 crore in Pune.", "Rs 500 crore", 5e9, 5e9, "INR", NULL, M | S},
    {"Maruti sold 3 lakh cars.", "3 lakh", 3e5, 3e5, NULL, NULL, S},
    {"The network added 5k chargers.", "5k", 5000, 5000, NULL, NULL, S},
    {"Mahindra earmarked \xE2\x82\xB9" "1,200 crore for EVs.", "\xE2\x82\xB9" "1,200 crore", 1.2e10, 1.2e10, "INR", NULL, M | S},
    {"Volvo Cars lost SEK 5bn.", "SEK 5bn", 5e9, 5e9, "SEK", NULL, M | S},
    {"The battery maker needed 5bn kronor.", "5bn kronor", 5e9, 5e9, "SEK", NULL, M | S},
    {"Prices start at 45,000 euros.", "45,000 euros", 45000, 45000, "EUR", NULL, M},
    {"The upgrade costs 500 pounds.", "500 pounds", 500, 500, "GBP", NULL, M},
    {"Hyundai spent 1.5 trillion won on plants.", "1.5 trillion won", 1.5e12, 1.5e12, "KRW", NULL, M | S},
    {"Federal support was C$2.5bn.", "C$2.5bn", 2.5e9, 2.5e9, "CAD", NULL, M | S},
    {"Canberra offered A$500m to carmakers.", "A$500m", 5e8, 5e8, "AUD", NULL, M | S},
    {"The listing raised HK$40bn.", "HK$40bn", 4e10, 4e10, "HKD", NULL, M | S},
    {"The grant was S$30m.", "S$30m", 3e7, 3e7, "SGD", NULL, M | S},
    {"The fine was CHF 30m.", "CHF 30m", 3e7, 3e7, "CHF", NULL, M | S},
    {"A toll rose to 50p a trip.", "50p", 0.5, 0.5, "GBP", NULL, M},
    {"Duty is 52.95 pence a litre.", "52.95 pence", 0.5295, 0.5295, "GBP", NULL, M},
    {"Revenue was 2.3 billion dollars.", "2.3 billion dollars", 2.3e9, 2.3e9, "USD", NULL, M | S},
    {"It will pay 1,000 yen per share.", "1,000 yen", 1000, 1000, "JPY", NULL, M},
    {"The company sold 12.5 thousand units.", "12.5 thousand", 12500, 12500, NULL, NULL, S},
    {"Renault raised \xE2\x82\xAC" "1.5 billion.", "\xE2\x82\xAC" "1.5 billion", 1.5e9, 1.5e9, "EUR", NULL, M | S},
    {"The bill came to \xC2\xA3" "1,299.99 in all.", "\xC2\xA3" "1,299.99", 1299.99, 1299.99, "GBP", NULL, M},
    {"Funding of $5b was agreed.", "$5b", 5e9, 5e9, "USD", NULL, M | S},
    {"A price of 30,000 \xE2\x82\xAC" " was quoted.", "30,000 \xE2\x82\xAC", 30000, 30000, "EUR", NULL, M},
    {"Turkey collected 7,500 lira per car.", "7,500 lira", 7500, 7500, "TRY", NULL, M},
    {"A reserve of 2bn EUR was set.", "2bn EUR", 2e9, 2e9, "EUR", NULL, M | S},
    /* percentages */
    {"Margins rose 16.2% in the quarter.", "16.2%", 16.2, 16.2, "percent", NULL, P},
    {"Sales rose 16.2 per cent in May.", "16.2 per cent", 16.2, 16.2, "percent", NULL, P},
    {"Sales rose 16.2 percent in May.", "16.2 percent", 16.2, 16.2, "percent", NULL, P},
    {"Sales rose 16.2pc in May.", "16.2pc", 16.2, 16.2, "percent", NULL, P},
    {"Its share fell 2.5 percentage points.", "2.5 percentage points", 2.5, 2.5, "percentage-points", NULL, P},
    {"It reported a 16.2-percent gain.", "16.2-percent", 16.2, 16.2, "percent", NULL, P},
    {"Share rose 0.8 percentage point.", "0.8 percentage point", 0.8, 0.8, "percentage-points", NULL, P},
    {"EVs took 15.1 % of sales.", "15.1 %", 15.1, 15.1, "percent", NULL, P},
    {"Demand fell -5% year on year.", "-5%", -5, -5, "percent", NULL, P | N},
    {"Output changed by \xE2\x88\x92" "2.3% in May.", "\xE2\x88\x92" "2.3%", -2.3, -2.3, "percent", NULL, P | N},
    {"Margins were +1.5% higher.", "+1.5%", 1.5, 1.5, "percent", NULL, P},
    {"The rate is 3.5pp above target.", "3.5pp", 3.5, 3.5, "percentage-points", NULL, P},
    {"Share gained 3% points.", "3% points", 3, 3, "percentage-points", NULL, P},
    /* number words */
    {"The firm will cut two thousand jobs.", "two thousand", 2000, 2000, NULL, NULL, W | S},
    {"It built two million cars.", "two million", 2e6, 2e6, NULL, NULL, W | S},
    {"Half a million buyers waited.", "Half a million", 5e5, 5e5, NULL, NULL, W | S},
    {"A quarter of a million orders arrived.", "A quarter of a million", 2.5e5, 2.5e5, NULL, NULL, W | S},
    {"A third of buyers chose petrol.", "A third", 1.0 / 3, 1.0 / 3, NULL, NULL, W},
    {"Two-thirds of sales were SUVs.", "Two-thirds", 2.0 / 3, 2.0 / 3, NULL, NULL, W},
    {"It recalled a dozen models.", "a dozen", 12, 12, NULL, NULL, W},
    {"Twenty-five plants will close.", "Twenty-five", 25, 25, NULL, NULL, W},
    {"Ninety-nine dealers signed up.", "Ninety-nine", 99, 99, NULL, NULL, W},
    {"There were seventeen bidders.", "seventeen", 17, 17, NULL, NULL, W},
    {"It hired two hundred and fifty engineers.", "two hundred and fifty", 250, 250, NULL, NULL, W},
    {"One and a half million cars were recalled.", "One and a half million", 1.5e6, 1.5e6, NULL, NULL, W | S},
    {"Half of the fleet is electric.", "Half", 0.5, 0.5, NULL, NULL, W},
    {"It has five per cent of the market.", "five per cent", 5, 5, "percent", NULL, W | P},
    {"It paid three billion euros.", "three billion euros", 3e9, 3e9, "EUR", NULL, W | S | M},
    {"Eleven models launched.", "Eleven", 11, 11, NULL, NULL, W},
    {"The ninth generation arrived.", "ninth", 9, 9, NULL, NULL, W | O},
    {"It is the second plant in Spain.", "second", 2, 2, NULL, NULL, W | O},
    {"The twenty-first model rolled out.", "twenty-first", 21, 21, NULL, NULL, W | O},
    {"Sales hit a hundred thousand.", "a hundred thousand", 1e5, 1e5, NULL, NULL, W | S},
    {"It was minus three outside.", "minus three", -3, -3, NULL, NULL, W | N},
    {"Temperatures fell to minus 3 at night.", "minus 3", -3, -3, NULL, NULL, N},
    {"Three quarters of owners agreed.", "Three quarters", 0.75, 0.75, NULL, NULL, W},
    {"It sold zero cars in May.", "zero", 0, 0, NULL, NULL, W},
    /* qualifiers */
    {"Some 40 people attended.", "Some |40", 40, 40, NULL, "some", 0},
    {"It employs more than 5,000 staff.", "more than |5,000", 5000, 5000, NULL, "more than", 0},
    {"Prices fell by about 30% this year.", "about |30%", 30, 30, "percent", "about", P},
    {"It sold just over 200 cars.", "just over |200", 200, 200, NULL, "just over", 0},
    {"Nearly \xC2\xA3" "1bn was lost.", "Nearly |\xC2\xA3" "1bn", 1e9, 1e9, "GBP", "nearly", M | S},
    {"Almost 90% of buyers paid cash.", "Almost |90%", 90, 90, "percent", "almost", P},
    {"Up to 500 jobs are at risk.", "Up to |500", 500, 500, NULL, "up to", 0},
    {"At least 12 people were hurt.", "At least |12", 12, 12, NULL, "at least", 0},
    {"Around 1.2 million cars were sold.", "Around |1.2 million", 1.2e6, 1.2e6, NULL, "around", S},
    {"Roughly two-thirds agreed.", "Roughly |two-thirds", 2.0 / 3, 2.0 / 3, NULL, "roughly", W},
    {"Less than 3% of the fleet is old.", "Less than |3%", 3, 3, "percent", "less than", P},
    {"Under 10,000 units were built.", "Under |10,000", 10000, 10000, NULL, "under", 0},
    {"Over 50 dealers joined.", "Over |50", 50, 50, NULL, "over", 0},
    {"Approximately 70,000 chargers exist.", "Approximately |70,000", 70000, 70000, NULL, "approximately", 0},
    {"Inflation was just under 4% then.", "just under |4%", 4, 4, "percent", "just under", P},
    {"There are fewer than 100 cars left.", "fewer than |100", 100, 100, NULL, "fewer than", 0},
    {"It employs an estimated 3,000 workers.", "an estimated |3,000", 3000, 3000, NULL, "estimated", 0},
    {"As many as 8,000 jobs could go.", "As many as |8,000", 8000, 8000, NULL, "as many as", 0},
    {"Debts are in excess of $1bn.", "in excess of |$1bn", 1e9, 1e9, "USD", "in excess of", M | S},
    {"About half of owners charge at home.", "About |half", 0.5, 0.5, NULL, "about", W},
    {"More than half of buyers paid cash.", "More than |half", 0.5, 0.5, NULL, "more than", W},
    {"Its share is close to 40% now.", "close to |40%", 40, 40, "percent", "close to", P},
    {"The plant makes approx. 900 a day.", "approx. |900", 900, 900, NULL, "approximately", 0},
    {"German output rose 1,5 million units.", "1,5 million", 1.5e6, 1.5e6, NULL, NULL, S},
    {"Die Quote stieg auf 12,5% im Mai.", "12,5%", 12.5, 12.5, "percent", NULL, P},
    {"It posted a third-quarter loss.", "third", 3, 3, NULL, NULL, W | O},
    /* ranges */
    {"It will cut 3,000-4,000 jobs.", "3,000-4,000", 3000, 4000, NULL, NULL, R},
    {"It will cut 3,000 to 4,000 jobs.", "3,000 to 4,000", 3000, 4000, NULL, NULL, R},
    {"Prices between \xC2\xA3" "1,500 and \xC2\xA3" "1,700 apply.", "between |\xC2\xA3" "1,500 and \xC2\xA3" "1,700", 1500, 1700, "GBP", "between", R | M},
    {"Costs of \xC2\xA3" "2bn-\xC2\xA3" "3bn are likely.", "\xC2\xA3" "2bn-\xC2\xA3" "3bn", 2e9, 3e9, "GBP", NULL, R | M | S},
    {"Margins of 10-15% are targeted.", "10-15%", 10, 15, "percent", NULL, R | P},
    {"It will sell 3 to 4 million cars.", "3 to 4 million", 3e6, 4e6, NULL, NULL, R | S},
    {"A bill of \xC2\xA3" "2-3bn looms.", "\xC2\xA3" "2-3bn", 2e9, 3e9, "GBP", NULL, R | M | S},
    {"Growth of 5\xE2\x80\x93" "7% is expected.", "5\xE2\x80\x93" "7%", 5, 7, "percent", NULL, R | P},
    {"Margins between 5% and 8.5% are typical.", "between |5% and 8.5%", 5, 8.5, "percent", "between", R | P},
    {"It needs between two and three million.", "between |two and three million", 2e6, 3e6, NULL, "between", R | W | S},
    {"It goes 0-60mph in 3.2 seconds.", "0-60mph", 0, 60, "mph", NULL, R},
    {"Delivery takes about 10-12 weeks.", "about |10-12", 10, 12, NULL, "about", R},
    {"The price is \xC2\xA3" "500,000 to \xC2\xA3" "1m.", "\xC2\xA3" "500,000 to \xC2\xA3" "1m", 5e5, 1e6, "GBP", NULL, R | M | S},
    /* years, decades, ordinals, times, dates */
    {"Sales peaked in 2019.", "2019", 2019, 2019, NULL, NULL, Y},
    {"The 2023/24 season was poor.", "2023/24", 2023, 2024, NULL, NULL, Y | R},
    {"In the 2023-24 financial year profit fell.", "2023-24", 2023, 2024, NULL, NULL, Y | R},
    {"Back in the 1990s demand boomed.", "1990s", 1990, 1990, NULL, NULL, D},
    {"It finished 1st in the test.", "1st", 1, 1, NULL, NULL, O},
    {"Its 21st plant opened.", "21st", 21, 21, NULL, NULL, O},
    {"The event starts at 10.30am sharp.", "10.30am", 10.3, 10.3, NULL, NULL, T},
    {"Doors open at 9pm on Friday.", "9pm", 9, 9, NULL, NULL, T},
    {"The call is at 10:30 GMT.", "10:30", 10.3, 10.3, NULL, NULL, T},
    {"Results come on 12 March 2024.", "12", 12, 12, NULL, NULL, T},
    {"Deliveries began March 12.", "12", 12, 12, NULL, NULL, T},
    {"It was founded in 1908 in Detroit.", "1908", 1908, 1908, NULL, NULL, Y},
    {"Output grew between 2020 and 2024 steadily.", "between |2020 and 2024", 2020, 2024, NULL, "between", Y | R},
    {"Production starts mid-2024.", "2024", 2024, 2024, NULL, NULL, Y},
    {"The plan runs 2020-2030.", "2020-2030", 2020, 2030, NULL, NULL, Y | R},
    {"It was the 5th of May.", "5th", 5, 5, NULL, NULL, O},
    {"The launch is on the 3rd March.", "3rd", 3, 3, NULL, NULL, O | T},
    /* units */
    {"It has a 77kWh battery.", "77kWh", 77, 77, "kWh", NULL, 0},
    {"It has a 100 kWh pack.", "100 kWh", 100, 100, "kWh", NULL, 0},
    {"It offers a range of 300km.", "300km", 300, 300, "km", NULL, 0},
    {"It offers a range of 500 miles.", "500 miles", 500, 500, "miles", NULL, 0},
    {"Top speed is 155mph.", "155mph", 155, 155, "mph", NULL, 0},
    {"It supports 150 kW charging.", "150 kW", 150, 150, "kW", NULL, 0},
    {"A 2.3 GWh plant opened.", "2.3 GWh", 2.3, 2.3, "GWh", NULL, 0},
    {"The site adds 40 GWh of capacity.", "40 GWh", 40, 40, "GWh", NULL, 0},
    {"It bought 5m tonnes of steel.", "5m tonnes", 5e6, 5e6, "tonnes", NULL, S},
    {"The car weighs 1,500 kg.", "1,500 kg", 1500, 1500, "kg", NULL, 0},
    {"It makes 400 horsepower.", "400 horsepower", 400, 400, "hp", NULL, 0},
    {"Top speed of 250 km/h was claimed.", "250 km/h", 250, 250, "km/h", NULL, 0},
    {"A 350 MW solar farm powers it.", "350 MW", 350, 350, "MW", NULL, 0},
    {"It used 12 MWh last week.", "12 MWh", 12, 12, "MWh", NULL, 0},
};

/* Returns 1 when the case holds; prints the difference otherwise. */
static int check_num_case(const num_case *c)
{
    char span[256];
    const char *bar = strchr(c->span, '|'), *hit;
    size_t off = 0, start, len = strlen(c->text), pos = 0;
    num_expr e;
    char *buf;
    int found = 0;

    if (bar) {
        off = (size_t)(bar - c->span);
        memcpy(span, c->span, off);
        strcpy(span + off, bar + 1);
    } else {
        strcpy(span, c->span);
    }
    hit = strstr(c->text, span);
    if (!hit) {
        print_error("bad test: span \"%s\" not in \"%s\"\n", span, c->text);
        return 0;
    }
    start = (size_t)(hit - c->text);
    buf = exact_copy(c->text, len);
    while (cni_num_next(buf, len, pos, &e)) {
        if (e.start == start) {
            found = 1;
            break;
        }
        if (e.start > start)
            break;
        pos = e.end;
    }
    if (!found) {
        print_error("\"%s\": no expression at [%s]\n", c->text, span);
        free(buf);
        return 0;
    }
    if (e.end != start + strlen(span) || e.num_start != start + off || !close_enough(e.value, c->value) ||
        !close_enough(e.value_hi, c->hi) || !same_str(e.unit, c->unit) || !same_str(e.qualifier, c->qual) ||
        e.flags != c->flags) {
        print_error("\"%s\"\n  want [%s] num_start+%zu v=%.12g hi=%.12g unit=%s qual=%s flags=%#x\n"
                    "  got  [%.*s] num_start+%zu v=%.12g hi=%.12g unit=%s qual=%s flags=%#x\n",
                    c->text, span, off, c->value, c->hi, c->unit ? c->unit : "-", c->qual ? c->qual : "-", c->flags,
                    (int)(e.end - e.start), c->text + e.start, e.num_start - e.start, e.value, e.value_hi,
                    e.unit ? e.unit : "-", e.qualifier ? e.qualifier : "-", e.flags);
        free(buf);
        return 0;
    }
    free(buf);
    return 1;
}

static void test_number_table(void **state)
{
    size_t k, bad = 0;
    (void)state;
    for (k = 0; k < sizeof num_cases / sizeof num_cases[0]; k++)
        bad += !check_num_case(&num_cases[k]);
    assert_int_equal(bad, 0);
}

/* ------------------------------------------ whole-sentence sequences */

typedef struct {
    const char *text;
    const char *spans[6];   /* every expression found, in order; NULL-terminated */
} seq_case;

static const seq_case seq_cases[] = {
    /* digits glued to letters are model names and codes */
    {"The EX30, MG4, ID.3, T1X, C5, B2B, 4x4 and COVID-19 rules.", {NULL}},
    {"The F-150 Lightning and the e-2008 compete with the iX3.", {NULL}},
    {"Version 1.2.3 and 10.0.0.1 shipped.", {NULL}},
    {"Call +44 20 7946 0958 or 020 7946 0958 or 555-123-4567.", {NULL}},
    {"It happened on 2024-03-12, 12/03/2024 and 12.03.2024, open 24/7.", {NULL}},
    {"No one expected them to help one another.", {NULL}},
    {"Streams in 1080p and 720p are free.", {NULL}},
    {"The 5G modem and 3D display use a 2WD layout and 48V.", {NULL}},
    /* changes are two numbers, not a range */
    {"Sales rose from 3% to 5% in a year.", {"3%", "5%", NULL}},
    {"Sales rose by 3,000 to 45,000 cars.", {"3,000", "45,000", NULL}},
    {"Sales rose 12% to 1.2 million cars.", {"12%", "1.2 million", NULL}},
    /* compound adjectives stop at the hyphen */
    {"The 5,000-strong workforce signed a 10-year deal for its 2.0-litre engine.", {"5,000", "10", "2.0", NULL}},
    {"It scored 5 Euro NCAP stars, and Formula 1 won.", {"5", "1", NULL}},
    {"In the first half of 2024 sales rose.", {"first", "2024", NULL}},
    {"The score was 5-3 at half time.", {"5", "3", NULL}},
    {"Rates: 4.5%, 5% and 6%.", {"4.5%", "5%", "6%", NULL}},
    {"Gains of 1,2,3 points.", {"1", "2", "3", NULL}},
    {"Profit was \xC2\xA3" "1.2bn (\xE2\x82\xAC" "1.4bn).", {"\xC2\xA3" "1.2bn", "\xE2\x82\xAC" "1.4bn", NULL}},
    {"Rates of .5% and No.1 and St.2 apply.", {NULL}},
    {"No-one expected it.", {NULL}},
    {"Top 10\n100 cars were sold.", {"10", "100", NULL}},
    {"It rose 5 % and fell \xE2\x88\x92" "3 points.", {"5 %", "\xE2\x88\x92" "3", NULL}},
    {"", {NULL}},
};

static void test_sequences(void **state)
{
    size_t k, n, bad = 0;
    (void)state;
    for (k = 0; k < sizeof seq_cases / sizeof seq_cases[0]; k++) {
        const seq_case *c = &seq_cases[k];
        size_t len = strlen(c->text), pos = 0;
        char *buf = exact_copy(c->text, len);
        num_expr e;
        int mismatch = 0;
        for (n = 0; cni_num_next(buf, len, pos, &e); n++) {
            const char *want = c->spans[n];
            if (!want || e.end - e.start != strlen(want) || memcmp(c->text + e.start, want, strlen(want)) != 0) {
                print_error("\"%s\": expression %zu is [%.*s], want [%s]\n", c->text, n, (int)(e.end - e.start),
                            c->text + e.start, want ? want : "(none)");
                bad++;
                mismatch = 1;
                break;
            }
            assert_true(e.end > e.start && e.start >= pos);
            pos = e.end;
        }
        if (!mismatch && c->spans[n]) {
            print_error("\"%s\": missing [%s]\n", c->text, c->spans[n]);
            bad++;
        }
        free(buf);
    }
    assert_int_equal(bad, 0);
}

static void test_num_at(void **state)
{
    const char *s = "Profit of about \xC2\xA3" "2bn.";
    num_expr e;
    (void)state;
    assert_true(cni_num_at(s, strlen(s), 10, &e));
    assert_int_equal(e.start, 10);
    assert_string_equal(e.qualifier, "about");
    assert_false(cni_num_at(s, strlen(s), 0, &e));      /* "Profit" */
    assert_false(cni_num_at(s, strlen(s), 11, &e));     /* inside "about" */
    assert_false(cni_num_at(s, 0, 0, &e));
    assert_false(cni_num_next(NULL, 5, 0, &e));
    assert_false(cni_num_next(s, strlen(s), strlen(s), &e));
    assert_true(cni_num_selftest());
}

/* --------------------------------------------------------- periods */

typedef struct {
    const char *text;
    const char *published;
    const char *want;       /* NULL: no period */
    const char *span;
} per_case;

static const per_case per_cases[] = {
    {"Sales rose 5% in 2024.", "2024-09-15", "2024", "2024"},
    {"Sales rose in August.", "2024-09-15", "2024-08", "August"},
    {"Sales fell in November.", "2024-09-15", "2023-11", "November"},
    {"Sales fell in September.", "2024-09-15", "2024-09", "September"},
    {"In August 2023 sales fell.", "2024-09-15", "2023-08", "August 2023"},
    {"Profit doubled in the first half.", "2024-09-15", "2024-H1", "first half"},
    {"H1 sales rose 3%.", "2024-09-15", "2024-H1", "H1"},
    {"In the first six months of 2023 it sold 1m cars.", "2024-09-15", "2023-H1", "first six months of 2023"},
    {"Q3 revenue beat forecasts.", "2024-09-15", "2024-Q3", "Q3"},
    {"Third quarter profit fell.", "2024-09-15", "2024-Q3", "Third quarter"},
    {"Sales fell last year.", "2024-09-15", "2023", "last year"},
    {"Sales will rise this year.", "2024-09-15", "2024", "this year"},
    {"It expects growth next year.", "2024-09-15", "2025", "next year"},
    {"In the financial year 2023/24 profit rose.", "2024-09-15", "FY2024", "financial year 2023/24"},
    {"Profit rose in 2023/24.", "2024-09-15", "FY2024", "2023/24"},
    {"FY24 results were strong.", "2024-09-15", "FY2024", "FY24"},
    {"FY2023/24 results were strong.", "2024-09-15", "FY2024", "FY2023/24"},
    {"In the first nine months sales rose.", "2024-09-15", "2024-01/2024-09", "first nine months"},
    {"Registrations fell last month.", "2024-09-15", "2024-08", "last month"},
    {"Registrations fell last month.", "2024-01-10", "2023-12", "last month"},
    {"The Peugeot 2008 sold well.", "2024-09-15", NULL, NULL},
    {"About 2024 units were sold.", "2024-09-15", NULL, NULL},
    {"Profit fell in the first half of last year.", "2024-09-15", "2023-H1", "first half of last year"},
    {"Q3 2023 was weak.", "2024-09-15", "2023-Q3", "Q3 2023"},
    {"Its 3Q24 results beat forecasts.", NULL, "2024-Q3", "3Q24"},
    {"In 2024's first half sales rose.", "2024-09-15", "2024-H1", "2024's first half"},
    {"In the nine months to September sales rose.", "2024-10-15", "2024-01/2024-09", "nine months to September"},
    {"On March 12, 2024 it said so.", "2024-09-15", "2024-03", "March 12, 2024"},
    {"Sales rose in May.", "2024-09-15", "2024-05", "May"},
    {"May sales rose.", "2024-09-15", NULL, NULL},
    {"Sales fell last quarter.", "2024-09-15", "2024-Q2", "last quarter"},
    {"Sales fell last quarter.", "2024-02-15", "2023-Q4", "last quarter"},
    {"Results for fiscal 2024 were strong.", "2024-09-15", "FY2024", "fiscal 2024"},
    {"Q3 FY24 results were strong.", "2024-09-15", "FY2024-Q3", "Q3 FY24"},
    {"Output grew between 2020 and 2024.", "2024-09-15", "2020/2024", "2020 and 2024"},
    {"In the first half, sales rose compared with 2023.", "2024-09-15", "2023-H1", "first half"},
    {"Production starts mid-2024.", NULL, "2024", "2024"},
    {"The company said nothing.", "2024-09-15", NULL, NULL},
    {"The second-quarter loss widened.", "2024-09-15", "2024-Q2", "second-quarter"},
    {"Sales in the first three months rose.", "2024-09-15", "2024-Q1", "first three months"},
    {"Sales in the first eight months rose.", "2024-09-15", "2024-01/2024-08", "first eight months"},
    {"Sales rose in H2 2023.", "2024-09-15", "2023-H2", "H2 2023"},
    {"August last year was weak.", "2024-09-15", "2023-08", "August last year"},
    {"The ID.3 arrived in 2020.", "2024-09-15", "2020", "2020"},
    {"It sold 10,000 units in Jan 2024.", "2024-09-15", "2024-01", "Jan 2024"},
    /* unresolved relative periods are written as found */
    {"Sales fell last year.", NULL, "last year", "last year"},
    {"Sales rose in August.", NULL, "August", "August"},
    {"Profit doubled in the first half.", NULL, "first half", "first half"},
    {"Q3 revenue beat forecasts.", NULL, "Q3", "Q3"},
    {"Registrations fell last month.", NULL, "last month", "last month"},
    {"Q3 revenue beat forecasts.", "garbage", "Q3", "Q3"},
    {"Profit rose in the three months to June.", "2024-09-15", "2024-Q2", "three months to June"},
    {"Profit rose in the six months to December 2023.", "2024-09-15", "2023-H2", "six months to December 2023"},
    {"In the quarter ended September 30, 2023 it lost money.", NULL, "2023-Q3", "quarter ended September 30, 2023"},
    {"In the year to March sales rose.", "2024-09-15", "FY2024", "year to March"},
    {"Sales for the 12 months to March 2024 rose.", NULL, "FY2024", "12 months to March 2024"},
    {"Profit in the June quarter rose.", "2024-09-15", "2024-Q2", "June quarter"},
    {"Profit rose in the second half of the year.", "2024-09-15", "2024-H2", "second half of the year"},
};

static void test_periods(void **state)
{
    size_t k, bad = 0;
    (void)state;
    for (k = 0; k < sizeof per_cases / sizeof per_cases[0]; k++) {
        const per_case *c = &per_cases[k];
        size_t len = strlen(c->text), s = 99, e = 99;
        char out[64];
        char *buf = exact_copy(c->text, len);
        int r = cni_period_find(buf, len, c->published, out, sizeof out, &s, &e);
        if (r != (c->want != NULL) || (r && (strcmp(out, c->want) != 0 || e - s != strlen(c->span) ||
                                             memcmp(c->text + s, c->span, e - s) != 0))) {
            print_error("\"%s\" (%s): want %s [%s], got %d %s [%.*s]\n", c->text,
                        c->published ? c->published : "NULL", c->want ? c->want : "none", c->span ? c->span : "",
                        r, r ? out : "", r ? (int)(e - s) : 0, r ? c->text + s : "");
            bad++;
        }
        free(buf);
    }
    assert_int_equal(bad, 0);
}

static void test_period_small_buffers(void **state)
{
    const char *s = "Profit fell in the financial year 2023/24.";
    char out[4] = "xxx";
    size_t a, b;
    (void)state;
    assert_true(cni_period_find(s, strlen(s), NULL, out, 0, &a, &b));
    assert_string_equal(out, "xxx");                     /* outsz 0: untouched */
    assert_true(cni_period_find(s, strlen(s), NULL, out, 1, &a, &b));
    assert_string_equal(out, "");
    assert_true(cni_period_find(s, strlen(s), NULL, out, sizeof out, NULL, NULL));
    assert_string_equal(out, "FY2");
    assert_true(cni_period_find(s, strlen(s), "2024-01-01", NULL, 0, &a, &b));
    assert_false(cni_period_find(NULL, 10, NULL, out, sizeof out, &a, &b));
    assert_false(cni_period_find(s, 0, NULL, out, sizeof out, &a, &b));
}

/* ------------------------------------------------------ robustness */

static uint32_t lcg(uint32_t *x)
{
    *x = *x * 1664525u + 1013904223u;
    return *x >> 8;
}

/* Scan everything, checking the contract; returns the count. */
static size_t scan_all(const char *buf, size_t len)
{
    size_t pos = 0, n = 0;
    num_expr e;
    while (cni_num_next(buf, len, pos, &e)) {
        assert_true(e.start >= pos);
        assert_true(e.end > e.start);
        assert_true(e.end <= len);
        assert_true(e.num_start >= e.start && e.num_start < e.end);
        assert_true(isfinite(e.value) && isfinite(e.value_hi));
        assert_true(e.value <= e.value_hi || (e.flags & NUM_RANGE) == 0);
        pos = e.end;
        n++;
    }
    return n;
}

static void test_random_bytes(void **state)
{
    uint32_t x = 12345;
    size_t k, n;
    char *buf = malloc(RANDOM_BYTES);
    char out[32];
    (void)state;
    assert_non_null(buf);
    for (k = 0; k < RANDOM_BYTES; k++)
        buf[k] = (char)lcg(&x);
    scan_all(buf, RANDOM_BYTES);
    /* bytes biased towards the interesting ones */
    {
        static const char alphabet[] = "0123456789 ,.-+/:%'$mbkpstMBK\xC2\xA3\xA0\xE2\x82\xAC\x88\x92\x80\x93";
        for (k = 0; k < RANDOM_BYTES; k++)
            buf[k] = alphabet[lcg(&x) % (sizeof alphabet - 1)];
        scan_all(buf, RANDOM_BYTES);
    }
    /* random words */
    {
        static const char *const words[] = {
            "one", "two", "a", "half", "third", "quarter", "million", "bn", "and", "between", "to", "-",
            "about", "more", "than", "per", "cent", "%", "\xC2\xA3", "$", "US$", "5", "2024", "1,000",
            "H1", "Q3", "first", "last", "year", "March", "12", "FY24", "2023/24", "minus", "of", " ", "\xC2\xA0",
        };
        size_t p = 0;
        while (p + 16 < RANDOM_BYTES) {
            const char *w = words[lcg(&x) % (sizeof words / sizeof words[0])];
            size_t wl = strlen(w);
            memcpy(buf + p, w, wl);
            p += wl;
            buf[p++] = (lcg(&x) & 3) ? ' ' : '-';
        }
        n = scan_all(buf, p);
        assert_true(n > 0);
        for (k = 0; k + 200 < p; k += 200)
            cni_period_find(buf + k, 200, (k & 1) ? NULL : "2024-06-30", out, sizeof out, NULL, NULL);
    }
    free(buf);
}

static void test_big_digit_run(void **state)
{
    char *buf = malloc(BIG_DIGITS);
    clock_t t0 = clock();
    num_expr e;
    char out[32];
    (void)state;
    assert_non_null(buf);
    memset(buf, '7', BIG_DIGITS);
    assert_true(cni_num_next(buf, BIG_DIGITS, 0, &e));
    assert_int_equal(e.start, 0);
    assert_int_equal(e.end, BIG_DIGITS);
    assert_true(e.flags & NUM_OVERFLOW);
    assert_true(isfinite(e.value) && e.value >= 1e300);
    assert_false(cni_num_next(buf, BIG_DIGITS, e.end, &e));
    assert_false(cni_period_find(buf, BIG_DIGITS, "2024-01-01", out, sizeof out, NULL, NULL));
    /* a tiny fraction does not underflow into trouble either */
    buf[0] = '0';
    buf[1] = '.';
    memset(buf + 2, '0', BIG_DIGITS - 3);
    buf[BIG_DIGITS - 1] = '1';
    assert_true(cni_num_next(buf, BIG_DIGITS, 0, &e));
    assert_true(isfinite(e.value) && e.value >= 0 && e.value < 1e-300);
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < TIME_LIMIT_S);
    free(buf);
}

/* Repetitive inputs that would expose quadratic behaviour. */
static void test_pathological(void **state)
{
    static const char *const units[] = {
        "1,000", "1 ", "1-", "1.", "1/", "+1 ", "0 ", "00", "one ", "a ", "about ", "between 1 ",
        "1 to ", "\xC2\xA3", "\xC2\xA3" "1-", "twenty-", "half ", "March ", "Q3 ", "first half of ",
        "minus ", "-", "1990s", "H1'", "FY", "1 000 ", "1x", "2024/", "2024-", "12:",
    };
    char *buf = malloc(PATHO_BYTES);
    size_t k, p;
    char out[32];
    (void)state;
    assert_non_null(buf);
    for (k = 0; k < sizeof units / sizeof units[0]; k++) {
        size_t ul = strlen(units[k]);
        clock_t t0 = clock();
        for (p = 0; p < PATHO_BYTES; p++)
            buf[p] = units[k][p % ul];
        scan_all(buf, PATHO_BYTES);
        cni_period_find(buf, PATHO_BYTES, "2024-06-30", out, sizeof out, NULL, NULL);
        if ((double)(clock() - t0) / CLOCKS_PER_SEC > TIME_LIMIT_S / 4)
            fail_msg("pattern \"%s\" is too slow", units[k]);
    }
    free(buf);
}

/* Every prefix of every test sentence, as an exact-size buffer. */
static void test_prefixes(void **state)
{
    size_t k, n;
    char out[16];
    (void)state;
    for (k = 0; k < sizeof num_cases / sizeof num_cases[0]; k++) {
        const char *s = num_cases[k].text;
        for (n = 0; n <= strlen(s); n++) {
            char *buf = exact_copy(s, n);
            scan_all(buf, n);
            cni_period_find(buf, n, "2024-05-05", out, sizeof out, NULL, NULL);
            free(buf);
        }
    }
    for (k = 0; k < sizeof per_cases / sizeof per_cases[0]; k++) {
        const char *s = per_cases[k].text;
        for (n = 0; n <= strlen(s); n++) {
            char *buf = exact_copy(s, n);
            scan_all(buf, n);
            cni_period_find(buf, n, per_cases[k].published, out, sizeof out, NULL, NULL);
            free(buf);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_number_table),
        cmocka_unit_test(test_sequences),
        cmocka_unit_test(test_num_at),
        cmocka_unit_test(test_periods),
        cmocka_unit_test(test_period_small_buffers),
        cmocka_unit_test(test_random_bytes),
        cmocka_unit_test(test_big_digit_run),
        cmocka_unit_test(test_pathological),
        cmocka_unit_test(test_prefixes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
