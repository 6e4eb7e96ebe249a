/* Ingest stage, HTML: article extraction and metadata from small news
 * pages written for these tests (all names and facts invented). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static ing_doc run_html(const char *page)
{
    ing_doc d = run(page, strlen(page), "page.html", ING_MODE_AUTO);
    assert_int_equal(d.format, ING_FORMAT_HTML);
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

static size_t ascii_units(const char *s, uint16_t *units)
{
    size_t n = 0;
    for (; *s; s++)
        units[n++] = (unsigned char)*s;
    return n;
}

/*** HTML pages ***/

/* A newspaper page: nav menu, cookie banner, share bar, related list,
 * newsletter box, comments, footer; JSON-LD carries the metadata. */
static const char *const page_news =
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
    "<title>Vantor to build battery plant in Ohio | The Motor Ledger</title>\n"
    "<meta property=\"og:title\" content=\"Vantor to build $2.1bn battery plant in Ohio\">\n"
    "<meta property=\"og:site_name\" content=\"The Motor Ledger\">\n"
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
    "\"headline\":\"Vantor to build battery plant\",\"datePublished\":\"2024-03-12T08:30:00Z\","
    "\"author\":[{\"@type\":\"Person\",\"name\":\"Dana Whitfield\"}],"
    "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Motor Ledger Media\"}}</script>\n"
    "<script>var tracking = 'Subscribe now to read more';</script>\n"
    "<style>.menu { color: red }</style>\n"
    "</head><body>\n"
    "<div class=\"cookie-banner\" role=\"dialog\"><p>We use cookies to improve your experience. "
    "By continuing to browse you agree to our cookie policy.</p><button>Accept all</button></div>\n"
    "<header class=\"site-header\"><a href=\"/\">The Motor Ledger</a>\n"
    "<nav class=\"main-menu\"><ul><li><a href=\"/news\">News</a></li><li><a href=\"/ev\">Electric cars</a></li>"
    "<li><a href=\"/reviews\">Reviews</a></li><li><a href=\"/jobs\">Industry jobs</a></li></ul></nav></header>\n"
    "<main><article>\n"
    "<h1>Vantor to build $2.1bn battery plant in Ohio</h1>\n"
    "<div class=\"byline\">By <a rel=\"author\" href=\"/staff/dana\">Dana Whitfield</a> "
    "<time datetime=\"2024-03-12T08:30:00Z\">March 12, 2024</time></div>\n"
    "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a> "
    "<a href=\"#\">Email this story</a></div>\n"
    "<div class=\"article-body\">\n"
    "<p>Vantor Motors will spend $2.1 billion on a battery cell plant near Lordstown, Ohio, the "
    "electric-truck maker said on Tuesday, creating about 1,400 jobs by the end of 2026.</p>\n"
    "<p>The plant will supply cells for the Vantor Haulr pickup and for a delivery van that the company "
    "plans to unveil next year. Production is due to start in the second half of 2025, with annual "
    "capacity of 30 gigawatt-hours.</p>\n"
    "<p>&ldquo;Ohio gives us the workforce, the suppliers and the space we need,&rdquo; chief executive "
    "Marta Kell said in a statement. The state offered tax credits worth $180 million over ten years.</p>\n"
    "<h2>Supply chain</h2>\n"
    "<p>Analysts said the move would cut Vantor&#8217;s reliance on imported cells, which made up nearly "
    "60% of its battery costs last year, and would help the company qualify for federal incentives.</p>\n"
    "</div>\n"
    "<div class=\"newsletter-signup\"><h3>Get the Ledger daily</h3><p>Sign up for our free newsletter "
    "and get the top industry stories in your inbox every morning.</p><form><input type=\"email\">"
    "<button>Subscribe</button></form></div>\n"
    "</article>\n"
    "<aside class=\"related-articles\"><h3>Related stories</h3><ul>"
    "<li><a href=\"/a1\">Battery prices fall for a third year</a></li>"
    "<li><a href=\"/a2\">Lordstown plant changes hands again</a></li>"
    "<li><a href=\"/a3\">Pickup sales hit record in February</a></li></ul></aside>\n"
    "<section id=\"comments\" class=\"comments\"><h3>12 comments</h3>"
    "<div class=\"comment\"><p>Great news for the Mahoning Valley, finally some real jobs coming back, "
    "my father worked at the old plant for thirty years.</p></div>"
    "<div class=\"comment\"><p>I will believe it when I see it, they promised the same thing in 2019, "
    "and in 2021, and nothing happened at all.</p></div></section>\n"
    "</main>\n"
    "<footer class=\"site-footer\"><p>&copy; 2024 Motor Ledger Media. All rights reserved.</p>"
    "<a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a></footer>\n"
    "</body></html>\n";

static void html_news_page(void **state)
{
    (void)state;
    ing_doc d = run_html(page_news);
    assert_has(d.text, "Vantor Motors will spend $2.1 billion on a battery cell plant near Lordstown, Ohio,");
    assert_has(d.text, "capacity of 30 gigawatt-hours.");
    assert_has(d.text, "\xE2\x80\x9COhio gives us the workforce");     /* &ldquo; decoded */
    assert_has(d.text, "Analysts said the move would cut Vantor\xE2\x80\x99s reliance");
    assert_has(d.text, "Supply chain");
    /* paragraphs are separated by one blank line */
    assert_has(d.text, "1,400 jobs by the end of 2026.\n\nThe plant will supply cells");
    const char *chrome[] = { "cookies", "Accept all", "Electric cars", "Industry jobs",
                             "Share on Facebook", "newsletter", "Subscribe", "Related stories",
                             "Battery prices fall", "Mahoning Valley", "believe it", "All rights reserved",
                             "Privacy", "tracking", "color: red", "Dana Whitfield" };
    for (size_t i = 0; i < sizeof chrome / sizeof *chrome; i++)
        assert_lacks(d.text, chrome[i]);
    assert_str(d.title, "Vantor to build $2.1bn battery plant in Ohio");
    assert_str(d.published, "2024-03-12");
    assert_str(d.author, "Dana Whitfield");
    assert_str(d.site, "The Motor Ledger");
    assert_int_equal(d.warnings, 0);
    cni_ing_doc_release(&d);
}

/* A WordPress-style blog: entry-content, share buttons, tag list, author
 * bio, sidebar widgets, and a comment thread longer than the post. */
static const char *const page_blog =
    "<html><head><title>Driving the new Corsa Electric - Small Car Diaries</title>\n"
    "<meta name=\"author\" content=\"Priya Nair\">\n"
    "<meta property=\"article:published_time\" content=\"2023-11-02T10:00:00+00:00\">\n"
    "</head><body class=\"single\">\n"
    "<div id=\"page\"><div class=\"site-branding\"><a href=\"/\">Small Car Diaries</a></div>\n"
    "<div id=\"primary\" class=\"content-area\"><div class=\"post\">\n"
    "<h1 class=\"entry-title\">Driving the new Corsa Electric</h1>\n"
    "<div class=\"entry-content\">\n"
    "<p>I spent a week with the updated Corsa Electric, driving it around Leeds, up to the Dales and "
    "back, and it is a much better car than the one I tested two years ago.</p>\n"
    "<p>The new 51 kWh battery gave me a real-world range of about 230 miles in mild weather, while the "
    "heat pump, now standard, kept the cabin warm without eating into the range too much.</p>\n"
    "<p>Charging is still capped at 100 kW, which means a 20 to 80 per cent top-up takes about half an "
    "hour. That is fine for most owners, but rivals from Korea and China now charge faster.</p>\n"
    "<p>At &pound;26,895 after the manufacturer discount, it undercuts the Peugeot e-208 by a few hundred "
    "pounds, and for that money I would take the Corsa.</p>\n"
    "<div class=\"sharedaddy sd-sharing-enabled\"><h3>Share this:</h3><ul><li><a href=\"#\">Twitter</a></li>"
    "<li><a href=\"#\">Facebook</a></li><li><a href=\"#\">WhatsApp</a></li></ul></div>\n"
    "</div>\n"
    "<div class=\"entry-tags\">Tags: <a href=\"/t/ev\">EV</a>, <a href=\"/t/vauxhall\">Vauxhall</a></div>\n"
    "<div class=\"author-bio\"><p>Priya Nair has written about small cars for twelve years and drives "
    "a 2009 Fiat Panda that refuses to die.</p></div>\n"
    "</div></div>\n"
    "<div id=\"comments\" class=\"comments-area\"><ol class=\"comment-list\">\n"
    "<li class=\"comment\"><p>Thanks for the honest review, I have been waiting for someone to test the heat "
    "pump properly, and this answers it. The range figure matches what my neighbour gets with his, "
    "although he mostly drives on the motorway to Bradford every day.</p></li>\n"
    "<li class=\"comment\"><p>The charging speed is a deal breaker for me, I do long trips to Scotland twice "
    "a month, and half an hour at every stop adds up, so I am going to wait for the next version, "
    "or maybe look at a used Ioniq instead, which charges much faster.</p></li>\n"
    "<li class=\"comment\"><p>Does anyone know if the discount applies to the GS trim too, or only to the "
    "base model? My dealer in Harrogate said something different, and the website is unclear, "
    "and I would rather not drive over there twice.</p></li>\n"
    "</ol></div>\n"
    "<div id=\"secondary\" class=\"widget-area sidebar\"><section class=\"widget\"><h2>Popular posts</h2>"
    "<ul><li><a href=\"/p1\">Ten cheap cars for new drivers</a></li><li><a href=\"/p2\">Why tyres "
    "matter</a></li></ul></section></div>\n"
    "</div></body></html>\n";

static void html_blog_page(void **state)
{
    (void)state;
    ing_doc d = run_html(page_blog);
    assert_has(d.text, "I spent a week with the updated Corsa Electric");
    assert_has(d.text, "real-world range of about 230 miles");
    assert_has(d.text, "rivals from Korea and China now charge faster.");
    assert_has(d.text, "At \xC2\xA3" "26,895 after the manufacturer discount");
    const char *chrome[] = { "Share this", "WhatsApp", "Tags:", "refuses to die", "honest review",
                             "deal breaker", "Harrogate", "Popular posts", "Ten cheap cars",
                             "Small Car Diaries" };
    for (size_t i = 0; i < sizeof chrome / sizeof *chrome; i++)
        assert_lacks(d.text, chrome[i]);
    assert_str(d.title, "Driving the new Corsa Electric");   /* " - Site" removed */
    assert_str(d.published, "2023-11-02");
    assert_str(d.author, "Priya Nair");
    assert_null(d.site);
    cni_ing_doc_release(&d);
}

/* Microdata body split around ads, a photo with caption, a "Read more"
 * link, breadcrumbs and a "more stories" strip. */
static const char *const page_microdata =
    "<!doctype html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
    "<title>Steel costs squeeze suppliers</title></head><body>\n"
    "<ol class=\"breadcrumbs\"><li><a href=\"/\">Home</a></li><li><a href=\"/industry\">Industry</a></li>"
    "<li><a href=\"/industry/suppliers\">Suppliers</a></li></ol>\n"
    "<div itemscope itemtype=\"https://schema.org/NewsArticle\">\n"
    "<h1 itemprop=\"headline\">Steel costs squeeze parts suppliers</h1>\n"
    "<span itemprop=\"author\" itemscope><span itemprop=\"name\">Luis Ortega</span></span>\n"
    "<meta itemprop=\"datePublished\" content=\"2022-09-30\">\n"
    "<figure><img src=\"press.jpg\" alt=\"\"><figcaption>A stamping press at a plant in Saltillo. "
    "Photo: company handout</figcaption></figure>\n"
    "<div itemprop=\"articleBody\">\n"
    "<p>Mexican parts makers are paying up to 40% more for flat steel than a year ago, and many say they "
    "can no longer absorb the cost without raising prices to carmakers.</p>\n"
    "<p>The national parts industry association said on Friday that 62 of its members had asked customers "
    "to reopen contracts, a step that was almost unheard of before the pandemic.</p>\n"
    "</div>\n"
    "<div class=\"ad-slot\"><span>Advertisement</span><div id=\"dfp-ad-1\"></div></div>\n"
    "<div itemprop=\"articleBody\">\n"
    "<p>Carmakers have so far agreed to share part of the burden, two executives said, but only for "
    "contracts signed before January, and only on parts made from domestic steel.</p>\n"
    "<p><strong>Read more:</strong> <a href=\"/x\">How steel tariffs reshaped the supply chain in Mexico</a></p>\n"
    "<p>Prices for hot-rolled coil have eased since June, yet remain well above the five-year average, "
    "according to figures from a trade publication.</p>\n"
    "</div>\n"
    "</div>\n"
    "<div class=\"more-stories\"><h2>More stories</h2><div><a href=\"/1\">Tire maker opens plant in Nuevo "
    "Leon</a></div><div><a href=\"/2\">Auto exports rise for sixth month in a row</a></div></div>\n"
    "</body></html>\n";

static void html_microdata_page(void **state)
{
    (void)state;
    ing_doc d = run_html(page_microdata);
    assert_has(d.text, "Mexican parts makers are paying up to 40% more");
    assert_has(d.text, "62 of its members had asked customers");
    assert_has(d.text, "Carmakers have so far agreed to share part of the burden");
    assert_has(d.text, "Prices for hot-rolled coil have eased since June");
    const char *chrome[] = { "Home", "Suppliers", "Advertisement", "stamping press", "Read more",
                             "More stories", "Tire maker", "Luis Ortega", "Steel costs squeeze" };
    for (size_t i = 0; i < sizeof chrome / sizeof *chrome; i++)
        assert_lacks(d.text, chrome[i]);
    assert_str(d.title, "Steel costs squeeze suppliers");
    assert_str(d.published, "2022-09-30");
    assert_str(d.author, "Luis Ortega");
    cni_ing_doc_release(&d);
}

/* An old table layout without any helpful class names: the densest
 * block must win over link columns. */
static const char *const page_table =
    "<html><head><title>Harbor City Courier :: Port sets record for car imports</title>"
    "<meta name=\"date\" content=\"2021/07/19\"></head>\n"
    "<body><table width=\"100%\"><tr>\n"
    "<td width=\"20%\"><a href=\"/a\">Local</a><br><a href=\"/b\">Business</a><br><a href=\"/c\">Sports</a>"
    "<br><a href=\"/d\">Weather</a><br><a href=\"/e\">Obituaries</a><br><a href=\"/f\">Classifieds</a></td>\n"
    "<td width=\"60%\"><font size=\"4\"><b>Port sets record for car imports</b></font><br><br>\n"
    "The port handled 412,000 imported vehicles in the first half of the year, up 18% from 2020, "
    "harbor officials said on Monday, as carmakers rushed to restock depleted dealer lots.<br><br>\n"
    "Most of the cars came from Japan and South Korea, with a growing share from Mexico, and the "
    "port has leased two more parking lots near the rail yard to cope with the flow.<br><br>\n"
    "Officials said a new roll-on roll-off berth, funded by a $45 million state grant, would open in "
    "the spring and could handle another 100,000 vehicles a year.\n"
    "</td>\n"
    "<td width=\"20%\"><b>Links</b><br><a href=\"/g\">City hall</a><br><a href=\"/h\">Schools</a>"
    "<br><a href=\"/i\">Contact us</a></td></tr></table>\n"
    "<p align=\"center\"><a href=\"/about\">About</a> | <a href=\"/ads\">Advertise</a></p></body></html>\n";

static void html_table_layout(void **state)
{
    (void)state;
    ing_doc d = run_html(page_table);
    assert_has(d.text, "The port handled 412,000 imported vehicles in the first half of the year,");
    assert_has(d.text, "rail yard to cope with the flow.\n\nOfficials said");   /* <br><br> splits */
    assert_has(d.text, "another 100,000 vehicles a year.");
    const char *chrome[] = { "Obituaries", "Classifieds", "City hall", "Contact us", "Advertise" };
    for (size_t i = 0; i < sizeof chrome / sizeof *chrome; i++)
        assert_lacks(d.text, chrome[i]);
    assert_str(d.title, "Harbor City Courier :: Port sets record for car imports");
    assert_str(d.published, "2021-07-19");
    cni_ing_doc_release(&d);
}

/* Windows-1252 bytes under a declared charset, plus a body with a list,
 * a quote, sub-headings and a "most read" box. */
static const char page_cp1252[] =
    "<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=windows-1252\">"
    "<title>Caf\xE9 racer revival</title><meta name=\"author\" content=\"Tom\xE1s Berger\">"
    "</head><body>\n"
    "<div class=\"container\"><div class=\"story\">\n"
    "<p>Triumph\x92s new Thruxton costs \xA3" "14,200, and dealers say \x93" "demand is strong\x94 for the "
    "\xE9" "dition limit\xE9" "e, which sold out within a week of its launch in Hinckley.</p>\n"
    "<h2>What changes</h2>\n"
    "<ul><li>A 1,200cc twin with 105 horsepower, up from 97 horsepower</li>"
    "<li>Fully adjustable front forks from a Swedish supplier</li>"
    "<li>A lighter exhaust that passes the Euro 5 noise rules</li></ul>\n"
    "<blockquote><p>We built it for riders who grew up with the original, and for their children, "
    "the product manager said.</p></blockquote>\n"
    "<p>Deliveries start in April, with the first 500 bikes going to British and French dealers, "
    "followed by Germany, Italy and the United States later in the summer.</p>\n"
    "</div>\n"
    "<div class=\"most-read\"><h3>Most read</h3><ol><li><a href=\"/1\">Ten classic bikes to buy now"
    "</a></li><li><a href=\"/2\">Fuel prices hit new high</a></li></ol></div>\n"
    "</div></body></html>";

static void html_cp1252_page(void **state)
{
    (void)state;
    ing_doc d = run(page_cp1252, sizeof page_cp1252 - 1, NULL, ING_MODE_AUTO);
    assert_int_equal(d.format, ING_FORMAT_HTML);
    assert_has(d.text, "Triumph\xE2\x80\x99s new Thruxton costs \xC2\xA3" "14,200, and dealers say "
                       "\xE2\x80\x9C" "demand is strong\xE2\x80\x9D for the \xC3\xA9" "dition limit\xC3\xA9" "e");
    assert_has(d.text, "What changes");
    assert_has(d.text, "A 1,200cc twin with 105 horsepower");
    assert_has(d.text, "Fully adjustable front forks");
    assert_has(d.text, "We built it for riders who grew up with the original");
    assert_has(d.text, "Deliveries start in April");
    assert_lacks(d.text, "Most read");
    assert_lacks(d.text, "Ten classic bikes");
    assert_true(d.warnings & ING_WARN_INVALID_UTF8);
    assert_str(d.title, "Caf\xC3\xA9 racer revival");
    assert_str(d.author, "Tom\xC3\xA1s Berger");
    cni_ing_doc_release(&d);
}

/* Line breaks, inline white space, entities and a recommended-links box
 * inside the article container. */
static const char *const page_breaks =
    "<html><head><meta property=\"og:title\" content=\"Seat&#39;s Martorell plant adds a night shift\">"
    "<meta property=\"og:site_name\" content=\"Iberia Auto\">"
    "<meta name=\"parsely-pub-date\" content=\"2020-02-03T06:00:00Z\"></head><body>\n"
    "<article class=\"post\">\n"
    "<div class=\"post-content\">\n"
    "<p>Seat   will add a night shift at\n   its Martorell plant from March,\n"
    "hiring 750 temporary workers to meet demand for the Cupra Formentor &amp; the Leon.</p>\n"
    "<p>The company built 497,000 cars in Martorell last year.<br><br>It expects to build more than "
    "530,000 this year, its highest total since&nbsp;2007, if parts supplies hold up.</p>\n"
    "<p>Unions welcomed the hiring<br>but asked for the contracts to become permanent by the end of the year, "
    "when the current agreement expires.</p>\n"
    "<div class=\"recommended\"><h4>Recommended for you</h4><ul><li><a href=\"/r1\">Cupra chief "
    "on the brand's next five years</a></li><li><a href=\"/r2\">Spanish car output recovers</a></li></ul></div>\n"
    "</div>\n"
    "<div class=\"social-share\"><a href=\"#\">Tweet</a><a href=\"#\">Share</a></div>\n"
    "</article></body></html>";

static void html_breaks_and_entities(void **state)
{
    (void)state;
    ing_doc d = run_html(page_breaks);
    assert_has(d.text, "Seat will add a night shift at its Martorell plant from March, hiring 750 "
                       "temporary workers to meet demand for the Cupra Formentor & the Leon.");
    assert_has(d.text, "last year.\n\nIt expects to build");
    assert_has(d.text, "since\xC2\xA0" "2007");          /* nbsp kept */
    assert_has(d.text, "the hiring\nbut asked");             /* one <br>: a line break */
    assert_lacks(d.text, "Recommended");
    assert_lacks(d.text, "Cupra chief");
    assert_lacks(d.text, "Tweet");
    assert_str(d.title, "Seat's Martorell plant adds a night shift");
    assert_str(d.site, "Iberia Auto");
    assert_str(d.published, "2020-02-03");
    cni_ing_doc_release(&d);
}

/* Lines inside the body container that are not story: a dateline, a
 * lone link, credit lines and calls to action. */
static const char *const page_tail =
    "<html><body><div class=\"story-body\">\n"
    "<p>Updated 10:42 a.m. March 3, 2024</p>\n"
    "<p>Rivian will pause its Normal, Illinois, line for three weeks in April to retool for the smaller "
    "R2, the company said, and workers will be paid during the shutdown.</p>\n"
    "<p><a href=\"/rivian-r2\">Rivian R2 first drive: the cheaper SUV is worth the wait</a></p>\n"
    "<p>The plant built 57,000 vehicles last year. Subscribers to the company's software package "
    "will get the update over the air, and the carmaker said it would sign up more suppliers in the "
    "state before the end of the year.</p>\n"
    "<p>Reporting by Sam Okafor; editing by Lena Park</p>\n"
    "<p>Follow us on Twitter and sign up for our weekly newsletter.</p>\n"
    "</div></body></html>";

static void html_paragraph_filters(void **state)
{
    (void)state;
    ing_doc d = run_html(page_tail);
    assert_has(d.text, "Rivian will pause its Normal, Illinois, line");
    assert_has(d.text, "Subscribers to the company's software package");   /* prose stays */
    const char *chrome[] = { "Updated 10:42", "first drive", "Reporting by", "Follow us" };
    for (size_t i = 0; i < sizeof chrome / sizeof *chrome; i++)
        assert_lacks(d.text, chrome[i]);
    assert_true(strncmp(d.text, "Rivian", 6) == 0);
    cni_ing_doc_release(&d);
}

static void html_utf16(void **state)
{
    (void)state;
    const char *page = "<html><body><div class=\"story\"><p>Honda will close its Swindon plant in 2021, "
                       "ending car production at the site after more than thirty years.</p></div></body></html>";
    uint16_t u[400];
    size_t n = ascii_units(page, u);
    char b[900];
    size_t len = to_utf16(u, n, 0, 1, b);
    ing_doc d = run(b, len, NULL, ING_MODE_AUTO);
    assert_int_equal(d.format, ING_FORMAT_HTML);
    assert_string_equal(d.text, "Honda will close its Swindon plant in 2021, ending car production at "
                                "the site after more than thirty years.");
    assert_true(d.warnings & ING_WARN_UTF16);
    cni_ing_doc_release(&d);
}

static void html_utf32(void **state)
{
    (void)state;
    const char *page = "<html><head><meta charset=\"utf-32\"><title>Swindon</title></head><body>"
                       "<p>Honda will close its Swindon plant in 2021.</p></body></html>";
    char b[1200];
    for (int be = 0; be <= 1; be++) {
        size_t k = 0;
        for (size_t i = 0; i <= strlen(page); i++) {
            uint32_t c = i == 0 ? 0xFEFF : (unsigned char)page[i - 1];
            for (int j = 0; j < 4; j++)
                b[k++] = (char)(c >> (be ? 24 - 8 * j : 8 * j));
        }
        ing_doc d = run(b, k, NULL, ING_MODE_AUTO);
        assert_int_equal(d.format, ING_FORMAT_HTML);
        assert_string_equal(d.text, "Honda will close its Swindon plant in 2021.");
        assert_str(d.title, "Swindon");
        assert_true(d.warnings & ING_WARN_UTF16);
        cni_ing_doc_release(&d);
    }
}

static void html_declared_charsets(void **state)
{
    (void)state;
    /* ISO-8859-15: 0xA4 is the euro sign there. */
    const char *p15 = "<html><head><meta charset=\"ISO-8859-15\"></head><body><p>Le prix passe \xE0 "
                      "31 990 \xA4 pour la version de base.</p></body></html>";
    ing_doc d = run(p15, strlen(p15), NULL, ING_MODE_HTML);
    assert_string_equal(d.text, "Le prix passe \xC3\xA0 31 990 \xE2\x82\xAC pour la version de base.");
    cni_ing_doc_release(&d);
    /* Labelled Latin-1 but saved as UTF-8: read as UTF-8. */
    const char *relabelled = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Citro\xC3\xABn "
                             "C3 Aircross</p></body></html>";
    d = run(relabelled, strlen(relabelled), NULL, ING_MODE_HTML);
    assert_string_equal(d.text, "Citro\xC3\xABn C3 Aircross");
    assert_int_equal(d.warnings, 0);
    cni_ing_doc_release(&d);
    /* Declared UTF-8 with a stray byte: U+FFFD, flagged. */
    const char *bad = "<meta charset=utf-8><p>Peugeot 208 \xFF sales</p>";
    d = run(bad, strlen(bad), NULL, ING_MODE_HTML);
    assert_string_equal(d.text, "Peugeot 208 \xEF\xBF\xBD sales");
    assert_true(d.warnings & ING_WARN_INVALID_UTF8);
    cni_ing_doc_release(&d);
    /* No declaration and not UTF-8: Windows-1252. */
    const char *undeclared = "<p>Fiat 500 \x96 \x80" "18,000</p>";
    d = run(undeclared, strlen(undeclared), NULL, ING_MODE_HTML);
    assert_string_equal(d.text, "Fiat 500 \xE2\x80\x93 \xE2\x82\xAC" "18,000");
    cni_ing_doc_release(&d);
}

static void html_metadata_variants(void **state)
{
    (void)state;
    const char *graph =
        "<html><head><title>Lotus Emeya review &#8211; Fast Lane</title>"
        "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Fast Lane\"},"
        "{\"@type\":[\"Article\",\"Review\"],\"headline\":\"Lotus Emeya review\",\"datePublished\":"
        "\"Tue, 05 Dec 2023 09:00:00 GMT\",\"author\":\"Kai M\\u00fcller\",\"publisher\":{\"name\":"
        "\"Fast Lane Media\"}}]}</script></head><body><p>The Emeya is quick.</p></body></html>";
    ing_doc d = run_html(graph);
    assert_str(d.title, "Lotus Emeya review");
    assert_str(d.published, "2023-12-05");
    assert_str(d.author, "Kai M\xC3\xBCller");
    assert_str(d.site, "Fast Lane Media");
    cni_ing_doc_release(&d);
    const char *timed =
        "<html><head><title>A long headline about the Polestar 4 that has no site suffix at all</title></head>"
        "<body><h1>Polestar 4 arrives</h1><p>By <span class=\"author-name\">Ines Duarte</span></p>"
        "<time datetime=\"2024-06-01\">1 June</time><p>Deliveries begin in August.</p></body></html>";
    d = run_html(timed);
    assert_str(d.title, "A long headline about the Polestar 4 that has no site suffix at all");
    assert_str(d.published, "2024-06-01");
    assert_str(d.author, "Ines Duarte");
    cni_ing_doc_release(&d);
    const char *h1only = "<html><body><h1>Mini plant in Oxford to go electric</h1>"
                         "<p>Posted 14th February 2022</p><p>Production moves in 2025.</p></body></html>";
    d = run_html(h1only);
    assert_str(d.title, "Mini plant in Oxford to go electric");
    assert_null(d.published);   /* no metadata; a body line is not read as a date */
    cni_ing_doc_release(&d);
    /* No metadata, but a byline with the date at the top of the text. */
    const char *byline = "<html><body><h1>Kia opens a line</h1><p>By Staff | March 4, 2025</p>"
                         "<p>Kia opened a new line in Zilina on Monday, it said.</p></body></html>";
    d = run_html(byline);
    assert_str(d.published, "2025-03-04");
    cni_ing_doc_release(&d);
    /* Broken JSON-LD is ignored, not fatal. */
    const char *broken = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                         "\"datePublished\":\"2024-01-0</script></head><body><p>Text.</p></body></html>";
    d = run_html(broken);
    assert_null(d.published);
    cni_ing_doc_release(&d);
}

/* A page nested depth elements deep: the article inside and a paragraph
 * after the nesting.  Caller frees. */
static char *nested_page(size_t depth, const char *open, const char *close)
{
    const char *head = "<html><head><title>Polestar moves 4 output</title></head><body>";
    const char *deep = "<p>Polestar will build the Polestar 4 in Busan from 2025, "
                       "the company said on Monday.</p>";
    const char *after = "<p>Output at the plant is to reach 3,000 cars a month.</p></body></html>";
    size_t ol = strlen(open), cl = strlen(close);
    size_t cap = strlen(head) + depth * (ol + cl) + strlen(deep) + strlen(after) + 1;
    char *s = malloc(cap);
    assert_non_null(s);
    char *w = s;
    w += sprintf(w, "%s", head);
    for (size_t i = 0; i < depth; i++, w += ol)
        memcpy(w, open, ol);
    w += sprintf(w, "%s", deep);
    for (size_t i = 0; i < depth; i++, w += cl)
        memcpy(w, close, cl);
    sprintf(w, "%s", after);
    return s;
}

/* libxml2 stops parsing 256 elements deep unless told otherwise, and
 * everything from there on used to be lost: the text inside and after. */
static void html_deeper_than_256(void **state)
{
    (void)state;
    static const size_t depths[] = { 250, 255, 256, 257, 300, 5000, 100000 };
    for (size_t i = 0; i < sizeof depths / sizeof *depths; i++) {
        char *page = nested_page(depths[i], "<div>", "</div>");
        ing_doc d = run_html(page);
        assert_has(d.text, "Polestar will build the Polestar 4 in Busan");
        assert_has(d.text, "Output at the plant is to reach 3,000 cars a month.");
        assert_str(d.title, "Polestar moves 4 output");
        assert_false(d.warnings & ING_WARN_NO_BODY);
        cni_ing_doc_release(&d);
        free(page);
    }
    /* Unclosed inline elements three to a level, the paragraph after
     * them still inside: 300,000 open elements. */
    char *page = nested_page(100000, "<section><span><b>", "");
    ing_doc d = run_html(page);
    assert_has(d.text, "Polestar will build the Polestar 4 in Busan");
    assert_has(d.text, "Output at the plant is to reach 3,000 cars a month.");
    cni_ing_doc_release(&d);
    free(page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(html_news_page),
        cmocka_unit_test(html_blog_page),
        cmocka_unit_test(html_microdata_page),
        cmocka_unit_test(html_table_layout),
        cmocka_unit_test(html_cp1252_page),
        cmocka_unit_test(html_breaks_and_entities),
        cmocka_unit_test(html_paragraph_filters),
        cmocka_unit_test(html_utf16),
        cmocka_unit_test(html_utf32),
        cmocka_unit_test(html_declared_charsets),
        cmocka_unit_test(html_metadata_variants),
        cmocka_unit_test(html_deeper_than_256),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
