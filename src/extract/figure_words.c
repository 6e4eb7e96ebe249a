/* Figures: what the words next to a number say about it. The counted noun
 * ("300 robots" -> robots), specifications that are no figures ("275
 * horsepower", "300 km of range"), names holding a number ("the LC 500"),
 * and the direction of a change. */
#include <string.h>

#include "bytes.h"
#include "doc.h"
#include "figures_impl.h"

static const char *const vehicle_nouns[] = {
    "car", "cars", "vehicle", "vehicles", "unit", "units", "ev", "evs", "bev", "bevs",
    "phev", "phevs", "hybrid", "hybrids", "truck", "trucks", "van", "vans", "bus", "buses",
    "lorries", "lorry", "motorcycle", "motorcycles", "motorbikes", "scooters", "scooter",
    "two-wheelers", "three-wheelers", "suvs", "suv", "pickups", "pick-ups", "models",
    "sales", "registrations", "deliveries", "orders", "bookings", "exports", "imports",
    "examples", "carmakers", "autos", "minivans", "sedans", "hatchbacks", "crossovers",
    "tractors", "coaches", "taxis", "robotaxis", NULL};

static const char *const job_nouns[] = {
    "job", "jobs", "worker", "workers", "staff", "employees", "employee", "positions",
    "roles", "people", "redundancies", "layoffs", "posts", "engineers", "apprentices",
    "workforce", "personnel", "headcount", "staffers", "members", NULL};

/* Words after a number that make it a specification, a time or an age. */
static const char *const spec_nouns[] = {
    "hp", "bhp", "horsepower", "ps", "kw", "kilowatts", "kilowatt", "nm", "newton",
    "lb-ft", "torque", "km", "kms", "kilometres", "kilometers", "kilometre", "kilometer",
    "miles", "mile", "mph", "kph", "km/h", "g/km", "grams", "gram", "g", "kg", "kilograms",
    "lbs", "pounds-feet", "seconds", "second", "minutes", "minute", "hours", "hour", "days",
    "day", "weeks", "week", "months", "month", "years", "year", "year-old", "years-old",
    "decades", "inch", "inches", "mm", "cm", "metres", "meters", "feet", "cc", "litre",
    "litres", "liters", "liter", "degrees", "kwh", "volts", "volt", "amps", "seats",
    "seater", "doors", "door", "speed", "cylinders", "cylinder", "rpm", "points",
    "times", "dollar", "euro", "pound", "billion-dollar", "million-dollar", "storey",
    "floors", "acres", "hectares", "sq", "square", "mpg", "wh/km", "kwh/100km", NULL};

/* Words between the number and its noun: "300 new robots". */
static const char *const modifiers[] = {
    "new", "more", "additional", "extra", "electric", "battery", "fully", "used", "passenger",
    "light", "commercial", "other", "direct", "indirect", "full-time", "part-time", "skilled",
    "permanent", "temporary", "plug-in", "hybrid", "petrol", "diesel", "battery-electric",
    "high-paying", "well-paid", "local", "factory", "manufacturing", "production", "assembly",
    "agency", "contract", "salaried", "hourly", "white-collar", "blue-collar", "luxury",
    "premium", "cheap", "affordable", "fewer", "million", "billion", "thousand", "of",
    "lithium-ion", "solid-state", "charging", "public", "fast", "rapid", "new-energy",
    "zero-emission", "self-driving", "autonomous", "finished", "completed", "such", NULL};

/* Words that end the search for a noun. */
static const char *const stops[] = {
    "and", "or", "in", "to", "from", "the", "a", "an", "with", "for", "by", "at", "on",
    "this", "last", "that", "which", "were", "was", "is", "are", "have", "has", "had",
    "will", "would", "per", "than", "compared", "as", "its", "their", "his", "her", "it",
    "but", "while", "after", "before", "since", "so", "be", "been", "up", "down", "over",
    "under", "into", "across", "during", "year-on-year", "respectively", "each", "plus",
    "globally", "worldwide", "abroad", "overseas", "annually", "this", "next", NULL};

static word_set VEHICLE_NOUNS = WORD_SET(vehicle_nouns), JOB_NOUNS = WORD_SET(job_nouns),
                SPEC_NOUNS = WORD_SET(spec_nouns), MODIFIERS = WORD_SET(modifiers),
                STOPS = WORD_SET(stops);

static int in_set(const char *w, word_set *set) { return cni_ex_word_in(w, strlen(w), set); }

static int word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '/' || c == '\'' || c >= 0x80;
}

/* The next word at or after *pos (within end) lower-cased into buf; 0 at
 * punctuation or when none. */
static size_t next_word(const char *text, size_t end, size_t *pos, char *buf, size_t bufsz)
{
    size_t i = *pos;
    while (i < end && text[i] == ' ')
        i++;
    size_t s = i;
    while (i < end && word_byte((unsigned char)text[i]))
        i++;
    while (i > s && (text[i - 1] == '-' || text[i - 1] == '\'' || text[i - 1] == '/'))
        i--;
    size_t n = i - s;
    if (n == 0 || n >= bufsz)
        return 0;
    for (size_t k = 0; k < n; k++) {
        char c = text[s + k];
        buf[k] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    buf[n] = '\0';
    *pos = i;
    return n;
}

/* The last hyphenated part: "275-horsepower" after the number is
 * "-horsepower"; "battery-electric" stays whole. */
static const char *tail_part(const char *w)
{
    const char *h = strrchr(w, '-');
    return h && h[1] ? h + 1 : w;
}

int cni_fig_noun_after(cn_doc *d, size_t pos, size_t end, const char **noun)
{
    const char *text = d->res.text;
    char w[32];
    *noun = NULL;
    /* "275-horsepower", "a billion-dollar company": glued by a hyphen */
    if (pos < end && text[pos] == '-' && pos + 1 < end && text[pos + 1] != ' ') {
        size_t p = pos + 1;
        if (next_word(text, end, &p, w, sizeof w)) {
            const char *t = tail_part(w);
            if (in_set(w, &SPEC_NOUNS) || in_set(t, &SPEC_NOUNS) || STR_EQ(t, "old") ||
                STR_EQ(t, "strong") || STR_EQ(t, "plus"))
                return FIG_SPEC;
        }
        return FIG_NOUN_NONE;
    }
    if (pos + 1 < end && text[pos] == '/' )
        return FIG_NOUN_NONE;
    for (int n = 0; n < 4; n++) {
        size_t p = pos;
        if (!next_word(text, end, &p, w, sizeof w))
            return FIG_NOUN_NONE;
        pos = p;
        if (in_set(w, &VEHICLE_NOUNS))
            return FIG_VEHICLES;
        if (in_set(w, &JOB_NOUNS))
            return FIG_JOBS;
        if (n < 2 && (in_set(w, &SPEC_NOUNS) || in_set(tail_part(w), &SPEC_NOUNS)))
            return n == 0 ? FIG_SPEC : FIG_NOUN_NONE;
        if (in_set(w, &STOPS))
            return FIG_NOUN_NONE;
        if (in_set(w, &MODIFIERS))
            continue;
        size_t len = strlen(w);
        if (len >= 4 && w[len - 1] == 's' && w[len - 2] != 's' && w[len - 2] != '\'' &&
            !(w[0] >= '0' && w[0] <= '9')) {
            *noun = cni_arena_strdup(&d->mem, w);
            return *noun ? FIG_NOUN : FIG_NOUN_NONE;
        }
        /* a singular word: maybe a noun modifier ("battery cells") */
        if (len < 3)
            return FIG_NOUN_NONE;
    }
    return FIG_NOUN_NONE;
}

/* "the LC 500", "S&P 500", "Model 3", "Series 7": a bare number right after
 * a capitalised code word is part of a name. */
int cni_fig_named_number(const cn_doc *d, size_t start)
{
    const char *text = d->res.text;
    size_t i = start;
    if (i == 0 || text[i - 1] != ' ')
        return 0;
    size_t e = i - 1, s = e;
    while (s > 0 && text[s - 1] != ' ' && text[s - 1] != '\n' && text[s - 1] != '(')
        s--;
    if (e - s == 0 || e - s > 12)
        return 0;
    int caps = 0, lowers = 0, amp = 0;
    for (size_t k = s; k < e; k++) {
        char c = text[k];
        caps += c >= 'A' && c <= 'Z';
        lowers += c >= 'a' && c <= 'z';
        amp += c == '&';
    }
    if (amp && caps)
        return 1;
    if (caps >= 2 && lowers == 0 && e - s <= 4)
        return 1;
    static const char *const names[] = {"Model", "Series", "Class", "Type", "Formula",
                                        "Index", "Nikkei", "Dax", "DAX", "FTSE", "Stoxx",
                                        "Route", "Highway", "Interstate", "Street", "Avenue",
                                        "No", "No.", "Number", "Level", "Euro", "Golf", NULL};
    for (const char *const *n = names; *n; n++)
        if (span_is(text + s, e - s, *n))
            return 1;
    return 0;
}

/* Bytes either side of a number searched for a fall. */
#define FALL_WINDOW 30

int cni_fig_is_fall(cn_doc *d, const sentence *s, size_t x0, size_t x1)
{
    const char *text = d->res.text;
    size_t b0 = x0 > s->start + FALL_WINDOW ? x0 - FALL_WINDOW : s->start;
    size_t a1 = x1 + FALL_WINDOW < s->end ? x1 + FALL_WINDOW : s->end;
    rx_hit h[8];
    /* the nearest direction word before the number, within its clause */
    size_t n = cni_rx_find(d->an->rx, d->scratch, "change-direction", text + b0, x0 - b0, h, 8);
    if (n)
        return 1;
    n = cni_rx_find(d->an->rx, d->scratch, "change-direction", text + x1, a1 - x1, h, 8);
    return n > 0 && h[0].start < 12;
}
