/* Organizations that no gazetteer names, found by their shape:
 * "University of Birmingham", "Department for Business and Trade",
 * "Acme Holdings Ltd", and an acronym in brackets after a name. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "u64map.h"

#define MAX_ORG_TOKENS 10

typedef struct {
    const char *word;
    const char *kind;
} org_word;

/* Words that open an organization's name when followed by "of"/"for". */
static const org_word HEADS[] = {
    {"University", "university"}, {"Ministry", "government"},
    {"Department", "government"}, {"Office", "government"},
    {"Institute", "other"}, {"Bank", "company"}, {"Society", "trade-body"},
    {"Association", "trade-body"}, {"Federation", "trade-body"},
    {"Confederation", "trade-body"}, {"Chamber", "trade-body"},
    {"Council", "government"}, {"Centre", "other"}, {"Center", "other"},
    {"School", "university"}, {"College", "university"}, {"Agency", "government"},
    {"Commission", "government"}, {"Board", "other"}, {"Union", "union"},
    {"Guild", "trade-body"}, {"Alliance", "other"}, {"Forum", "other"},
    {NULL, NULL}
};

/* Words that close an organization's name. */
static const org_word TAILS[] = {
    {"University", "university"}, {"College", "university"},
    {"Institute", "other"}, {"Association", "trade-body"},
    {"Federation", "trade-body"}, {"Council", "government"},
    {"Agency", "government"}, {"Authority", "government"},
    {"Commission", "government"}, {"Ministry", "government"},
    {"Bank", "company"}, {"Group", "company"}, {"Holdings", "company"},
    {"Ltd", "company"}, {"Limited", "company"}, {"plc", "company"},
    {"PLC", "company"}, {"AG", "company"}, {"GmbH", "company"}, {"SE", "company"},
    {"SpA", "company"}, {"Inc", "company"}, {"Corp", "company"},
    {"Corporation", "company"}, {"LLC", "company"}, {"Foundation", "other"},
    {"Trust", "other"}, {"Partners", "company"}, {"Capital", "company"},
    {"Consulting", "company"}, {"Research", "other"}, {"Union", "union"},
    {"Party", "other"}, {"Parliament", "government"}, {"Tribunal", "government"},
    {"Court", "government"}, {"Institution", "other"}, {"Society", "trade-body"},
    {"Club", "other"}, {"United", "other"}, {"Airlines", "company"},
    {"Airways", "company"}, {"Exchange", "other"}, {"Industries", "company"},
    {"International", "company"}, {"Securities", "company"}, {"Fund", "other"},
    {"Investments", "company"}, {"Insurance", "company"}, {"Technologies", "company"},
    {"Systems", "company"}, {"Communications", "company"}, {"Telecom", "company"},
    {"Energy", "company"}, {"Petroleum", "company"}, {"Resources", "company"},
    {"Steel", "company"}, {"Electric", "company"}, {"Chemicals", "company"},
    {"Pharmaceuticals", "company"}, {"Railways", "company"}, {"Press", "media"},
    {"News", "media"}, {"Times", "media"}, {"Journal", "media"}, {"Post", "media"},
    {"Television", "media"}, {"Radio", "media"}, {"Committee", "government"},
    {"Office", "government"}, {"Department", "government"}, {"Senate", "government"},
    {"Congress", "government"}, {"Assembly", "government"}, {"Army", "government"},
    {"Police", "government"}, {"Front", "other"}, {"Movement", "other"},
    {"Organisation", "other"}, {"Organization", "other"}, {"Alliance", "other"},
    {"Partnership", "other"}, {"Coalition", "other"}, {"Network", "other"},
    {"Motors", "company"}, {"Automotive", "company"}, {"Logistics", "company"},
    {"Show", "other"}, {"Forum", "other"}, {"Summit", "other"}, {"Expo", "other"},
    {"Conference", "other"}, {"Salon", "other"}, {"Fair", "other"},
    {NULL, NULL}
};

/* Words that open a sentence or clause, never an organization's name:
 * "As General Motors", "While Leapmotor International", "From the ...". */
static const char *const OPENERS[] = {
    "As", "While", "From", "The", "In", "For", "With", "After", "When", "But", "And",
    "If", "Although", "Though", "Since", "Because", "Unlike", "Like", "At", "By", "On",
    "Under", "Before", "Despite", "Meanwhile", "Also", "Both", "Rival", "Rivals", "Its",
    "Their", "His", "Her", "Our", "This", "That", "These", "Those", "Even", "Only", "So",
    "Yet", "Or", "Nor", "Once", "Until", "Whereas", "Last", "Earlier", "Now", "Then",
    "Including", "Through", "Via", "Over", "Against", "Among", "Between", "Into", "To",
    "Of", "Why", "How", "What", "Where", "Who", "Which", "Today", "Yesterday", "A", "An",
    "Former", "Ex", "Interim", "Acting", NULL
};
static word_set OPENERS_SET = WORD_SET(OPENERS);

/* Title words that make a capitalised run a job, not a body:
 * "Board Member for Production", "Head of Sales". */
static const char *const TITLE_WORDS[] = {
    "Member", "Chief", "Officer", "Director", "President", "Chairman", "Chairwoman",
    "Chair", "Head", "Secretary", "Minister", "Manager", "Vice", "Executive", "Boss",
    "Governor", "Senator", "Commissioner", "Spokesperson", "Spokesman", "Chancellor", NULL
};
static word_set TITLE_WORDS_SET = WORD_SET(TITLE_WORDS);

/* Short month names, and "May", which people.c cannot take as a date
 * ("Theresa May"); the other months and the weekdays are in common.c. */
static const char *const MONTH_SHORT[] = {
    "May", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", NULL
};
static word_set MONTH_SHORT_SET = WORD_SET(MONTH_SHORT);

static const char *const CONNECTORS[] = {"of", "for", "and", "&", "the", "de", "on", NULL};

/* The folded hashes of HEADS and TAILS, sorted: most tokens are in
 * neither list, and one binary search tells so. */
#define MAX_LIST_WORDS 128
static uint64_t heads_hashes[MAX_LIST_WORDS], tails_hashes[MAX_LIST_WORDS];
static size_t n_heads, n_tails;
static pthread_once_t hashes_once = PTHREAD_ONCE_INIT;

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static size_t hash_list(const org_word *list, uint64_t *out)
{
    size_t n = 0;
    for (; list->word && n < MAX_LIST_WORDS; list++)
        out[n++] = cni_seg_token_hash(list->word, strlen(list->word));
    qsort(out, n, sizeof *out, cmp_u64);
    return n;
}

static void hash_lists(void)
{
    n_heads = hash_list(HEADS, heads_hashes);
    n_tails = hash_list(TAILS, tails_hashes);
}

static const char *word_kind(const cn_doc *d, size_t i, const org_word *list)
{
    if (i >= d->seg.n_toks)
        return NULL;
    pthread_once(&hashes_once, hash_lists);
    uint64_t h = d->seg.toks[i].hash;
    if (!bsearch(&h, list == HEADS ? heads_hashes : tails_hashes,
                 list == HEADS ? n_heads : n_tails, sizeof h, cmp_u64))
        return NULL;
    for (; list->word; list++)
        if (cni_ex_tok_is(d, i, list->word))
            return list->kind;
    return NULL;
}

static int is_connector(const cn_doc *d, size_t i)
{
    static word_set set = WORD_SET(CONNECTORS);
    return cni_ex_tok_in(d, i, &set);
}

static int cap_word(const cn_doc *d, size_t i)
{
    return (d->seg.toks[i].flags & (TK_UPPER | TK_ALLCAPS)) &&
           (d->seg.toks[i].flags & TK_WORD);
}

/* A brand or known organization starts at i: the gazetteer knows better. */
static int known_at(cn_doc *d, size_t i)
{
    gz_match m[16];
    size_t n = cni_ex_gz_at(d, i, m, 16);
    for (size_t k = 0; k < n; k++)
        if (m[k].entry->kind == GZ_BRAND || m[k].entry->kind == GZ_MODEL ||
            (m[k].entry->kind == GZ_ORG && m[k].ntok > 1))
            return 1;
    return 0;
}

static char *span_text(cn_doc *d, size_t i, size_t n)
{
    const token *t = d->seg.toks;
    return cni_arena_strndup(&d->mem, d->res.text + t[i].start, t[i + n - 1].end - t[i].start);
}

static int add_org(cn_doc *d, size_t i, size_t n, const char *kind, const char *name)
{
    size_t idx;
    if (!name || cni_ex_add_mention(d, CN_ENT_ORGANIZATION, name, i, n, NULL, &idx))
        return -1;
    if (!d->ents[idx].pub.kind)
        d->ents[idx].pub.kind = kind;
    return 0;
}

/* "(SMMT)" right after an organization: the same organization. */
static int acronym_after(cn_doc *d, size_t end_tok, const char *name)
{
    size_t n = d->seg.n_toks;
    if (end_tok + 2 < n && cni_ex_tok_is(d, end_tok, "(") && cni_ex_tok_is(d, end_tok + 2, ")") &&
        (d->seg.toks[end_tok + 1].flags & TK_ALLCAPS) && !cni_ex_entity_at(d, end_tok + 1))
        return cni_ex_add_mention(d, CN_ENT_ORGANIZATION, name, end_tok + 1, 1, NULL, NULL);
    return 0;
}

/* Technical and common acronyms of car news that name no organization. */
static const char *const NOT_ORGS[] = {
    "EV", "EVs", "BEV", "BEVs", "PHEV", "PHEVs", "HEV", "MHEV", "FCEV", "ICE", "SUV",
    "SUVs", "MPV", "CEO", "CFO", "COO", "CTO", "GDP", "VAT", "AI", "IT", "TV", "PR", "HR",
    "IPO", "OK", "CO2", "ZEV", "OEM", "OEMs", "ADAS", "LFP", "NMC", "GWh", "MWh", "KWH",
    "UK", "US", "USA", "EU", "UN", "PM", "AM", "BST", "GMT", "CET", "ET", "PT", "Q1", "Q2",
    "Q3", "Q4", "H1", "H2", "FY", "YTD", "YoY", "LCV", "LCVs", "HGV", "HGVs", "NEV",
    "NEVs", "ZE", "EVT", "ID", "GT", "RS", "AMG", "LED", "USB", "GPS", "API", "CAD",
    "LNG", "LPG", "CNG", "NOx", "PPE", "FAQ", "PDF", "CEO's", "MP", "MPs", "MEP", "MEPs",
    "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "NEW", "THE",
    /* test cycles, drivetrains, vehicle parts and units */
    "WLTP", "NEDC", "EPA", "CLTC", "AWD", "FWD", "RWD", "4WD", "HVAC", "OTA", "BMS", "DC",
    "AC", "SOC", "NVH", "ABS", "ESP", "CVT", "DCT", "ECU", "SDV", "LiDAR", "LIDAR", "RADAR",
    "HUD", "NCAP", "MSRP", "RRP", "OTR", "KW", "HP", "BHP", "PS", "NM", "MPG", "MPH", "KPH",
    "KM", "KWH", "TWH", "SKU", "CKD", "SKD", "EREV", "REEV", "PHV", "BEV's", "HEVs",
    "SVP", "EVP", "VP", "MD", "GM's", "ESG", "R&D", "EBIT", "EBITDA", "ROI", "CAGR",
    "YOY", "QOQ", "MOU", "MoU", "JV", "JVs", "M&A", "B2B", "B2C", "NFT", "SPAC", "EPS",
    "STLA", "CMF", "MEB", "PPE", "SEA", "TNGA", "E-GMP", "LLM", "SAE", "ASAP", "FOB",
    /* computing, finance and other everyday acronyms */
    "XML", "HTML", "HTTP", "HTTPS", "URL", "VPN", "VOD", "VIP", "VIPs", "ICT", "IOT", "IoT",
    "XAU", "XAG", "CSS", "SMS", "PIN", "ATM", "DNA", "RNA", "HIV", "COVID", "DIY", "CPU",
    "GPU", "RAM", "SSD", "LCD", "OLED", "UHD", "HDR", "NFC", "RFID", "SIM", "LTE", "GDPR",
    "ETF", "ETFs", "CPI", "PMI", "IPOs", "MPVs", "RPM", "CEOs", "AGM", "EGM", "KPI", "KPIs",
    "SaaS", "PhD", "MBA", "ISO", "UTC", "EST", "PST", "EDT", "PDT", "CST", "CDT", "TBC",
    "TBA", "FYI", "AKA", "ETA", "USP", "PCB", "PVC", "WIFI", "APP", "APPS", "FAQs",
    /* currency codes */
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "KRW", "CHF", "SEK", "NOK", "DKK",
    "CAD", "AUD", "BRL", "RUB", "TRY", "PLN", "CZK", "HUF", "MXN", "ZAR", "HKD", "SGD",
    NULL
};

/* Words after an acronym that show it acting: "ZDK said", "ZDK expects". */
static int is_verbish(const cn_doc *d, size_t i)
{
    static const char *const VERBS[] = {
        "said", "says", "has", "had", "have", "is", "was", "will", "would", "expects",
        "expected", "warned", "reported", "announced", "added", "told", "data", "figures",
        "and", "or", "to", "in", "on", "for", "with", "of", "at", "as", "chief", "boss",
        "spokesman", "spokeswoman", "spokesperson", "president", "head", NULL
    };
    static word_set set = WORD_SET(VERBS);
    return cni_ex_tok_in(d, i, &set);
}

/* An unknown acronym in ordinary prose ("ZDK said") names an organization
 * more often than anything else; headlines in capitals are skipped. */
static int acronym_org(cn_doc *d, size_t i)
{
    const token *t = &d->seg.toks[i];
    size_t len = t->end - t->start;
    if (!(t->flags & TK_ALLCAPS) || len < 3 || len > 6 || cni_ex_entity_at(d, i))
        return 0;
    for (size_t k = t->start; k < t->end; k++) {
        char c = d->res.text[k];
        if ((c >= '0' && c <= '9') || c == '.' || c == '-')
            return 0;       /* "T1X", "N.C.", "USB-C": a code, not a name */
    }
    /* "(NYSE: GM)", "Nasdaq: NIO": a ticker. */
    if (i > 0 && cni_ex_tok_is(d, i - 1, ":"))
        return 0;
    if (i + 1 < d->seg.n_toks && (cni_ex_tok_is(d, i + 1, "-") || cni_ex_tok_is(d, i + 1, "/")))
        return 0;       /* "USB-C", "AC/DC" */
    /* "the WLTP test", "(IBS)": an acronym used as a modifier or defined
     * in brackets is a thing, not an organization. */
    if (i + 1 < d->seg.n_toks && d->seg.toks[i + 1].sentence == t->sentence &&
        (d->seg.toks[i + 1].flags & TK_LOWER) && !is_verbish(d, i + 1))
        return 0;
    if (i > 0 && cni_ex_tok_is(d, i - 1, "("))
        return 0;
    static word_set not_orgs = WORD_SET(NOT_ORGS);
    if (cni_ex_tok_in(d, i, &not_orgs))
        return 0;
    gz_match m[16];
    if (cni_ex_gz_at(d, i, m, 16) ||
        cni_gz_is_common_word(d->an->gaz, t->hash))
        return 0;
    const sentence *s = &d->seg.sents[t->sentence];
    size_t lower = 0, words = 0;
    for (size_t k = s->tok_begin; k < s->tok_end; k++) {
        if (d->seg.toks[k].flags & TK_WORD) {
            words++;
            lower += (d->seg.toks[k].flags & TK_LOWER) != 0;
        }
    }
    return words >= 4 && lower * 2 >= words;
}

/* Is token i a small whole number, as in a score or a league table? */
static int small_number(const cn_doc *d, size_t i)
{
    const token *t = &d->seg.toks[i];
    if (!(t->flags & TK_NUM) || t->end - t->start > 3)
        return 0;
    for (size_t k = t->start; k < t->end; k++)
        if (d->res.text[k] < '0' || d->res.text[k] > '9')
            return 0;
    return 1;
}

/* A country, brand or model opens the run: a national side or a maker in
 * a table keeps its own type. */
static int keeps_type(cn_doc *d, size_t i)
{
    gz_match m[16];
    size_t n = cni_ex_gz_at(d, i, m, 16);
    for (size_t k = 0; k < n; k++) {
        const gz_entry *e = m[k].entry;
        if (e->kind == GZ_BRAND || e->kind == GZ_MODEL || e->kind == GZ_ORG ||
            e->kind == GZ_DEMONYM ||
            (e->kind == GZ_PLACE && e->attr[0] && !strcmp(e->attr[0], "country")))
            return 1;
    }
    return 0;
}

/* Is there a line break in s[0..n)?  The gap between two tokens is a
 * byte or none, too short for memchr() to pay. */
static int newline_in(const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (s[k] == '\n')
            return 1;
    return 0;
}

/* Sports results and league tables ("Leeds 16 6 2 8 15 20 20",
 * "Porto 2 Benfica 1"): a line of capitalised names and small numbers
 * only; each name right before a number is a club, not its town. */
static int table_lines(cn_doc *d)
{
    const token *t = d->seg.toks;
    size_t n = d->seg.n_toks;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        size_t nums = 0, words = 0;
        int ok = 1;
        while (j < n && (j == i || !newline_in(d->res.text + t[j - 1].end,
                                               t[j].start - t[j - 1].end))) {
            if (t[j].flags & TK_NUM) {
                ok &= small_number(d, j);
                nums++;
            } else if (t[j].flags & TK_WORD) {
                ok &= (t[j].flags & TK_UPPER) != 0;
                words++;
            }
            j++;
        }
        /* "2. Paramygina 79": a ranked list of athletes, not of clubs. */
        if (j > i + 1 && (t[i].flags & TK_NUM) && cni_ex_tok_is(d, i + 1, "."))
            ok = 0;
        if (ok && nums >= 1 && words >= 1 && words <= 8) {
            for (size_t k = i; k < j;) {
                if (!cap_word(d, k) || cni_ex_entity_at(d, k)) {
                    k++;
                    continue;
                }
                size_t e = k;
                while (e < j && cap_word(d, e) && e - k < 4)
                    e++;
                /* "Greg Reid 72 68": a player, not a club. */
                int person = e - k >= 2 && cni_gz_is_given_name(d->an->gaz, t[k].hash);
                /* "June 9 -- Tampa": a date, not a club */
                int heading = e - k == 1 && (cni_ex_calendar_word(d, k) ||
                                             cni_ex_tok_in(d, k, &MONTH_SHORT_SET));
                if (e < j && small_number(d, e) && !person && !heading && !keeps_type(d, k) &&
                    add_org(d, k, e - k, "other", span_text(d, k, e - k)))
                    return -1;
                k = e;
            }
        }
        i = j;
    }
    return 0;
}

/* Does any gazetteer name (a place, a brand, a body) start at token i? */
static int gazetteer_name_at(cn_doc *d, size_t i)
{
    return cni_ex_gz_name_at(d, i, ~(1u << GZ_ROLE));
}

/* Is the run [i, i+len) followed by "(ABC)" whose letters are the
 * initials of its capitalised words? */
static int initials_in_brackets(const cn_doc *d, size_t i, size_t len)
{
    size_t b = i + len;
    if (b + 2 >= d->seg.n_toks || !cni_ex_tok_is(d, b, "(") || !cni_ex_tok_is(d, b + 2, ")") ||
        !(d->seg.toks[b + 1].flags & TK_ALLCAPS))
        return 0;
    /* "the Integrated Brake System (IBS)": a thing, not a body */
    static const char *const THINGS[] = {
        "System", "Systems", "Technology", "Platform", "Program", "Programme", "Protocol",
        "Standard", "Index", "Test", "Procedure", "Cycle", "Act", "Regulation", "Scheme",
        "Directive", "Mechanism", "Architecture", "Unit", "Module", "Control", "Assistant",
        "Drive", "Engine", "Vehicle", "Vehicles", "Battery", "Cell", "Package", "Tax",
        "Credit", "Rate", "Zone", "Zones", "Law", "Bill", "Plan", "Strategy", "Agreement",
        "Treaty", "Initiative", NULL
    };
    static word_set THINGS_SET = WORD_SET(THINGS);
    if (cni_ex_tok_in(d, i + len - 1, &THINGS_SET))
        return 0;
    const token *a = &d->seg.toks[b + 1];
    size_t n = a->end - a->start, k = 0;
    for (size_t q = i; q < i + len; q++) {
        if (!cap_word(d, q))
            continue;
        if (k >= n || d->res.text[d->seg.toks[q].start] != d->res.text[a->start + k])
            return 0;
        k++;
    }
    return k == n && n >= 2;
}

/* Later bare uses of an acronym an organization was given ("(HMF)", then
 * "HMF data showed"): mentions of that organization. */
/* The acronym an organization was given in brackets ("(HMF)"): its
 * mention's start, or SIZE_MAX. */
static size_t bracket_acronym(const cn_doc *d, const entity_build *b, size_t *len)
{
    for (size_t m = 0; m < b->n_mentions; m++) {
        size_t s0 = b->mentions[m].start, n = b->mentions[m].end - s0;
        if (n < 2 || n > 8 || s0 == 0 || d->res.text[s0 - 1] != '(')
            continue;
        int caps = 1;
        for (size_t c = s0; c < s0 + n && caps; c++)
            caps = d->res.text[c] >= 'A' && d->res.text[c] <= 'Z';
        if (caps) {
            *len = n;
            return s0;
        }
    }
    return SIZE_MAX;
}

/* Later bare uses of an acronym an organization was given ("(HMF)", then
 * "HMF data showed"): mentions of that organization.  One pass over the
 * tokens with the acronyms in a hash map. */
static int acronym_mentions(cn_doc *d)
{
    const token *t = d->seg.toks;
    u64map acr;
    cni_u64map_init(&acr);
    int rc = 0;
    for (size_t e = 0; e < d->n_ents && !rc; e++) {
        size_t n, s0;
        if (d->ents[e].pub.type == CN_ENT_ORGANIZATION &&
            (s0 = bracket_acronym(d, &d->ents[e], &n)) != SIZE_MAX) {
            uint64_t h = cni_seg_token_hash(d->res.text + s0, n);
            if (!cni_u64map_get(&acr, h) && cni_u64map_put(&acr, h, (uint32_t)e + 1))
                rc = -1;
        }
    }
    for (size_t k = 0; k < d->seg.n_toks && !rc && acr.count; k++) {
        if (!(t[k].flags & TK_ALLCAPS))
            continue;
        uint32_t *v = cni_u64map_get(&acr, t[k].hash);
        if (!v)
            continue;
        entity_build *b = &d->ents[*v - 1];
        size_t n, s0 = bracket_acronym(d, b, &n);
        if (s0 == SIZE_MAX || t[k].end - t[k].start != n ||
            memcmp(d->res.text + t[k].start, d->res.text + s0, n) != 0)
            continue;
        /* the acronym alone may have been taken for a body of its own */
        uint32_t own = cni_ex_entity_at(d, k);
        entity_build *o = own ? &d->ents[own - 1] : NULL;
        if (o && (o == b || o->pub.type != CN_ENT_ORGANIZATION ||
                  strlen(o->pub.name) != n || memcmp(o->pub.name, d->res.text + s0, n)))
            continue;
        if (!o && keeps_type(d, k))
            continue;
        if (o)
            o->n_mentions = 0;
        if (cni_ex_add_mention(d, CN_ENT_ORGANIZATION, b->pub.name, k, 1, NULL, NULL))
            rc = -1;
    }
    cni_u64map_release(&acr);
    return rc;
}

/* Tokens to drop before "of (the)" in the run [i, i+end): the part before
 * holds no head word and the part after is a body (a head word, or a tail
 * word at its end); 0 to keep the run. */
static size_t of_prefix(cn_doc *d, size_t i, size_t end)
{
    for (size_t p = i + 1; p + 1 < i + end; p++) {
        if (word_kind(d, p - 1, HEADS))
            return 0;
        if (!cni_ex_tok_is(d, p, "of"))
            continue;
        size_t b = p + 1;
        if (cni_ex_tok_is_ci(d, b, "the"))
            b++;
        if (b >= i + end || !cap_word(d, b))
            return 0;
        int body = word_kind(d, i + end - 1, TAILS) != NULL;
        for (size_t q = b; q < i + end && !body; q++)
            body = word_kind(d, q, HEADS) != NULL;
        return body ? b - i : 0;
    }
    return 0;
}

int cni_ex_orgs(cn_doc *d)
{
    size_t n = d->seg.n_toks;
    if (table_lines(d))
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (!cap_word(d, i) || cni_ex_entity_at(d, i))
            continue;
        if (cni_ex_tok_in(d, i, &OPENERS_SET))
            continue;       /* the name, if any, starts after it */
        /* "Ministry of Trade, Industry and Energy": the rest of a name the
         * comma cut, not a body of its own. */
        if (i >= 2 && cni_ex_tok_is(d, i - 1, ",") && cni_ex_entity_at(d, i - 2) &&
            d->ents[cni_ex_entity_at(d, i - 2) - 1].pub.type == CN_ENT_ORGANIZATION)
            continue;
        /* "Revenues for Tata Motors": a common word opening the sentence
         * and a preposition are not part of the name. */
        if ((d->seg.toks[i].flags & TK_SENT_START) &&
            cni_gz_is_common_word(d->an->gaz, d->seg.toks[i].hash) && !word_kind(d, i, HEADS) &&
            (cni_ex_tok_is(d, i + 1, "for") || cni_ex_tok_is(d, i + 1, "of")))
            continue;
        if (acronym_org(d, i)) {
            if (add_org(d, i, 1, "other", span_text(d, i, 1)))
                return -1;
            continue;
        }
        /* The longest run of capitalised words and connectors. */
        size_t j = i + 1;
        /* "Bruegel and the Peterson Institute": "and the" joins two bodies. */
        while (j < n && j - i < MAX_ORG_TOKENS &&
               d->seg.toks[j].sentence == d->seg.toks[i].sentence &&
               !(cni_ex_tok_is(d, j, "and") && j + 1 < n &&
                 (cni_ex_tok_is_ci(d, j + 1, "the") ||
                  cni_gz_is_given_name(d->an->gaz, d->seg.toks[j + 1].hash))) &&
               (cap_word(d, j) ||
                (is_connector(d, j) && j + 1 < n &&
                 (cap_word(d, j + 1) || (is_connector(d, j + 1) && j + 2 < n && cap_word(d, j + 2))))))
            j++;
        size_t len = j - i;
        if (len < 2)
            continue;
        const char *kind = NULL;
        size_t end = len;
        /* "German Central Association of the Automotive Trade": a head word
         * followed by of/for makes the whole run the name. */
        for (size_t p = i; p + 1 < j && !kind; p++)
            if (word_kind(d, p, HEADS) && (cni_ex_tok_is(d, p + 1, "of") || cni_ex_tok_is(d, p + 1, "for")))
                kind = word_kind(d, p, HEADS);
        if (!kind) {
            /* Trim to the last tail word: "Acme Holdings Ltd said" has none after. */
            while (end > 1 && !word_kind(d, i + end - 1, TAILS))
                end--;
            if (end >= 2)
                kind = word_kind(d, i + end - 1, TAILS);
        }
        /* "the Zentral Verband Motor Trade (ZVMT)": a name its writer
         * abbreviates by its initials is a body, whatever its last word. */
        if (!kind && initials_in_brackets(d, i, len) && !gazetteer_name_at(d, i)) {
            kind = "other";
            end = len;
        }
        if (!kind || (d->seg.toks[i].flags & TK_ALLCAPS))
            continue;
        /* "Alex Horton of the Washington Post", "Founder of Acme Robotics
         * Inc": words before "of" that hold no head word name a person or
         * a job; the body is what follows. */
        size_t skip = of_prefix(d, i, end);
        if (skip) {
            i += skip;
            end -= skip;
            len -= skip;
        }
        int titled = 0;
        for (size_t p = i; p < i + end && !titled; p++)
            titled = cni_ex_tok_in(d, p, &TITLE_WORDS_SET);
        if (titled) {
            i += end - 1;
            continue;
        }
        /* "Michigan Assembly", "Oshawa Assembly": a factory, not a body. */
        if (cni_ex_tok_is(d, i + end - 1, "Assembly") && !cni_ex_tok_is(d, i, "National") &&
            !cni_ex_tok_is(d, i, "General") && !cni_ex_tok_is(d, i, "Legislative") &&
            !cni_ex_tok_is(d, i, "State") && !cni_ex_tok_is(d, i + end - 2, "of"))
            continue;
        if (known_at(d, i)) {
            i += len - 1;   /* the gazetteer's name; no pattern inside it */
            continue;
        }
        if (d->seg.toks[i].flags & TK_SENT_START && cni_ex_tok_is(d, i, "The"))
            continue;
        if (add_org(d, i, end, kind, span_text(d, i, end)))
            return -1;
        if (acronym_after(d, i + end, d->ents[d->seg.n_toks ? cni_ex_entity_at(d, i) - 1 : 0].pub.name))
            return -1;
        i += end - 1;
    }
    return acronym_mentions(d);
}
