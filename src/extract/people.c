/* People: names found from given names, titles, roles and speech verbs;
 * their roles and organizations; later short mentions ("Kyle said"). */
#include <string.h>
#include <strings.h>

#include "doc.h"

#define MAX_NAME_TOKENS 6
#define ROLE_LOOKBACK 5
#define APPOSITION_GAP 6
#define ORG_LOOKAHEAD 12

static const char *const TITLES[] = {
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof",
    "Professor", "Baroness", "Baron", "Herr", "Frau", "Mme", "Mr.", "Mrs.", NULL
};
static word_set TITLES_SET = WORD_SET(TITLES);
static const char *const PARTICLES[] = {
    "de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "bin",
    "al", "el", "dos", "das", "ter", "del", NULL
};
static word_set PARTICLES_SET = WORD_SET(PARTICLES);
/* Common Chinese, Korean and Vietnamese family names, written first:
 * "Wang Chuanfu", "He Xiaopeng", "Chung Eui-sun", "Nguyen Van Thanh". */
static const char *const FAMILY_FIRST[] = {
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu",
    "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Gao", "Zheng", "Liang", "Xie",
    "Song", "Tang", "Han", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong",
    "Yuan", "Pan", "Yu", "Jiang", "Cai", "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Ding",
    "Ren", "Shen", "Yao", "Zhong", "Cui", "Tan", "Lei", "Fan", "Fu", "Qin", "Qian", "Xue",
    "Yin", "Wan", "Kong", "Mao", "Bai", "Lai", "Chung", "Chong", "Kim", "Lee", "Park",
    "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Shin", "Ryu", "Hwang", "Ahn",
    "Nguyen", "Tran", "Pham", "Hoang", "Vo", "Dang", "Bui", "Ho", "Ngo", NULL
};
static word_set FAMILY_FIRST_SET = WORD_SET(FAMILY_FIRST);

static const char *const SPEECH[] = {
    "said", "says", "told", "added", "explained", "warned", "noted", "stated",
    "commented", "insisted", "argued", "claimed", "admitted", "wrote",
    "stressed", "urged", "continued", "remarked", "suggested", "announced", NULL
};
static word_set SPEECH_SET = WORD_SET(SPEECH);

static int same_sentence(const cn_doc *d, size_t a, size_t b)
{
    return a < d->seg.n_toks && b < d->seg.n_toks &&
           d->seg.toks[a].sentence == d->seg.toks[b].sentence;
}

/* Role phrase ending just before token i: its first token, or SIZE_MAX. */
static size_t role_ending_at(cn_doc *d, size_t i, size_t *role_len)
{
    gz_match m[16];
    size_t lo = i > ROLE_LOOKBACK ? i - ROLE_LOOKBACK : 0;
    for (size_t j = lo; j < i; j++) {
        if (!same_sentence(d, j, i))
            continue;
        size_t n = cni_ex_gz_at(d, j, m, 16);
        for (size_t k = 0; k < n; k++)
            if (m[k].entry->kind == GZ_ROLE && j + m[k].ntok == i) {
                *role_len = m[k].ntok;
                return j;
            }
    }
    return SIZE_MAX;
}

/* Role phrase starting at token i: its length, or 0. */
static size_t role_starting_at(cn_doc *d, size_t i)
{
    gz_match m[16];
    if (i >= d->seg.n_toks)
        return 0;
    size_t n = cni_ex_gz_at(d, i, m, 16);
    size_t best = 0;
    for (size_t k = 0; k < n; k++)
        if (m[k].entry->kind == GZ_ROLE && m[k].ntok > best)
            best = m[k].ntok;
    return best;
}

/* Does a brand, model, organization or place name start at token i? */
static int entity_name_at(cn_doc *d, size_t i)
{
    return cni_ex_gz_name_at(d, i, 1u << GZ_BRAND | 1u << GZ_MODEL | 1u << GZ_ORG |
                                       1u << GZ_PLACE | 1u << GZ_DEMONYM);
}

/* Is every gazetteer name at token i a one-word town ("Warren", "Lund")? */
static int town_only_at(cn_doc *d, size_t i)
{
    gz_match m[16];
    size_t n = cni_ex_gz_at(d, i, m, 16);
    for (size_t k = 0; k < n; k++) {
        const gz_entry *e = m[k].entry;
        if (e->kind == GZ_ROLE)
            continue;
        if (e->kind != GZ_PLACE || m[k].ntok != 1 || !e->attr[0] || strcmp(e->attr[0], "city"))
            return 0;
    }
    return n > 0;
}

static int name_word(const cn_doc *d, size_t i)
{
    uint32_t f = d->seg.toks[i].flags;
    return (f & TK_UPPER) && (f & TK_WORD) && !(f & TK_ALLCAPS) && !(f & TK_NUM);
}

static int is_common(const cn_doc *d, size_t i)
{
    return cni_gz_is_common_word(d->an->gaz, d->seg.toks[i].hash);
}

static char *join_tokens(cn_doc *d, size_t i, size_t n)
{
    const token *t = d->seg.toks;
    size_t cap = t[i + n - 1].end - t[i].start + 1;
    char *s = cni_arena_alloc(&d->mem, cap);
    if (!s)
        return NULL;
    size_t o = 0;
    for (size_t k = i; k < i + n; k++) {
        if (k > i && t[k].start > t[k - 1].end)
            s[o++] = ' ';
        memcpy(s + o, d->res.text + t[k].start, t[k].end - t[k].start);
        o += t[k].end - t[k].start;
    }
    s[o] = '\0';
    return s;
}

/* ", chief executive of ..." right after a name. */
static int role_follows(cn_doc *d, size_t k)
{
    if (k >= d->seg.n_toks || !cni_ex_tok_is(d, k, ","))
        return 0;
    for (size_t j = k + 1; j < d->seg.n_toks && j <= k + APPOSITION_GAP; j++) {
        if (!same_sentence(d, k, j) || cni_ex_tok_is(d, j, ","))
            return 0;
        if (role_starting_at(d, j))
            return 1;
    }
    return 0;
}

/* A title right before token i, its full stop a token of its own or not:
 * "Mr Farley", "Mr. Farley". */
static int title_before(const cn_doc *d, size_t i, word_set *titles)
{
    const token *t = d->seg.toks;
    if (i > 0 && same_sentence(d, i - 1, i) && cni_ex_tok_in(d, i - 1, titles))
        return 1;
    return i > 1 && cni_ex_tok_is(d, i - 1, ".") && t[i - 1].start == t[i - 2].end &&
           same_sentence(d, i - 2, i) && cni_ex_tok_in(d, i - 2, titles);
}

/* What a title or role before a capitalised run cannot vouch for:
 * "Attorney General", "Chief Strategy Officer", "Mr. Ranking Member",
 * "Argus Leader Monday", "Clark Productions", "Nissan Sales". */
static int plausible_name(cn_doc *d, size_t i, size_t len, int given)
{
    static const char *const NOT_SURNAMES[] = {
        "Officer", "Member", "Director", "Manager", "Partner", "Partners", "Sales",
        "Operations", "Productions", "Studios", "Island", "Islands", "Design", "Awards",
        "Series", "League", "Festival", "Week", "Day", "Council", "Committee", "Party", NULL
    };
    static word_set NOT_SURNAMES_SET = WORD_SET(NOT_SURNAMES);
    size_t last = i + len - 1;
    if (cni_ex_tok_in(d, last, &NOT_SURNAMES_SET) || cni_ex_calendar_word(d, last))
        return 0;
    if (!given && entity_name_at(d, i))
        return 0;       /* a maker or a body opens it */
    int all_common = 1;
    for (size_t q = i; q <= last && all_common; q++)
        all_common = is_common(d, q) && !cni_gz_is_given_name(d->an->gaz, d->seg.toks[q].hash);
    /* "President Trump": a surname that is also a word, after a title that
     * only people carry */
    static const char *const PERSONAL_TITLES[] = {
        "President", "Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Chancellor",
        "Governor", "Senator", "King", "Queen", "Prince", "Princess", "Pope", "Minister",
        "Secretary", "Chairman", "Chair", "Sir", "Dame", "Lord", "Lady", NULL
    };
    static word_set PERSONAL_SET = WORD_SET(PERSONAL_TITLES);
    if (all_common)
        return len == 1 && title_before(d, i, &PERSONAL_SET);
    return 1;
}

static size_t role_before_comma(cn_doc *d, size_t i, size_t *role_len, const char **org);

/* "the president of the Generalitat Valenciana, Ximo Puig": a role (and
 * its body) then a comma right before token i. */
static int role_comma_before(cn_doc *d, size_t i)
{
    size_t rl;
    const char *org;
    return i >= 3 && role_before_comma(d, i, &rl, &org) != SIZE_MAX;
}


/* "Francois Provost, chief executive": a one-word role right after a
 * given name, with no name or "of" after it, is a surname. */
static int role_word_surname(cn_doc *d, size_t i, size_t k)
{
    const token *t = d->seg.toks;
    return k == i + 1 && cni_gz_is_given_name(d->an->gaz, t[i].hash) &&
           role_starting_at(d, k) == 1 && (t[k].flags & TK_UPPER) &&
           (k + 1 >= d->seg.n_toks || !same_sentence(d, k, k + 1) ||
            (!name_word(d, k + 1) && !cni_ex_tok_is(d, k + 1, "of") &&
             !cni_ex_tok_is(d, k + 1, "for")));
}

/* "Ho Sung Song": a Korean or Chinese family name written last, after two
 * given-name words, may also be an English word; it ends the name when
 * no capitalised word follows. */
static int family_name_last(cn_doc *d, size_t i, size_t k)
{
    return k == i + 2 && cni_ex_tok_in(d, k, &FAMILY_FIRST_SET) &&
           (k + 1 >= d->seg.n_toks || !name_word(d, k + 1) || !same_sentence(d, k, k + 1));
}

size_t cni_ex_person_at(cn_doc *d, size_t i)
{
    const token *t = d->seg.toks;
    size_t n = d->seg.n_toks;
    /* Initials in capitals before a surname, as Indian names are often
     * written: "PB Balaji said", "chief financial officer PB Balaji". */
    if ((t[i].flags & TK_ALLCAPS) && t[i].end - t[i].start <= 3 && i + 1 < n &&
        same_sentence(d, i, i + 1) && name_word(d, i + 1) && !is_common(d, i + 1) &&
        !cni_ex_entity_at(d, i + 1) && !entity_name_at(d, i + 1) && !entity_name_at(d, i) &&
        t[i + 1].start == t[i].end + 1) {
        size_t rl = 0;
        int cue = role_ending_at(d, i, &rl) != SIZE_MAX || role_follows(d, i + 2) ||
                  (i + 2 < n && cni_ex_tok_in(d, i + 2, &SPEECH_SET)) || (i > 0 && cni_ex_tok_in(d, i - 1, &SPEECH_SET));
        if (!cue)
            return 0;
        char *nm = join_tokens(d, i, 2);
        if (!nm || cni_ex_add_mention(d, CN_ENT_PERSON, nm, i, 2, NULL, NULL))
            return 0;
        return 2;
    }
    if (!name_word(d, i))
        return 0;
    /* A title or role opens no name: "Mr Farley" is Farley, "Governor
     * Brian Kemp" is Brian Kemp. */
    int given = cni_gz_is_given_name(d->an->gaz, t[i].hash);
    /* Family name first, then a given name no word list knows:
     * "He Xiaopeng", "Chung Eui-sun". */
    if (!given && cni_ex_tok_in(d, i, &FAMILY_FIRST_SET) && i + 1 < n && same_sentence(d, i, i + 1) &&
        name_word(d, i + 1) && !is_common(d, i + 1) && !cni_ex_entity_at(d, i + 1) &&
        !entity_name_at(d, i + 1) && t[i + 1].start == t[i].end + 1)
        given = 1;
    if (cni_ex_tok_in(d, i, &TITLES_SET) || (!given && role_starting_at(d, i)))
        return 0;       /* "Dean Jones" is a name: Dean is a given name too */
    int titled = title_before(d, i, &TITLES_SET);
    size_t role_len = 0;
    int roled = role_ending_at(d, i, &role_len) != SIZE_MAX || role_comma_before(d, i);
    /* An ordinary word opens a name only before an appositive role:
     * "Ho Sung Song, president of Kia". */
    int common_start = !given && !titled && !roled && is_common(d, i);
    size_t k = i + 1;
    while (k < n && k - i < MAX_NAME_TOKENS && same_sentence(d, i, k)) {
        if (t[k].start > t[k - 1].end + 1 && d->res.text[t[k - 1].end] != ' ')
            break;      /* a line break or tab is no part of a name */
        /* An initial: "J. D. Power", "Mary T. Barra". */
        if (t[k].end - t[k].start == 1 && (t[k].flags & TK_UPPER) && k + 1 < n &&
            cni_ex_tok_is(d, k + 1, ".") && t[k + 1].start == t[k].end) {
            k += 2;
            continue;
        }
        if (cni_ex_tok_in(d, k, &PARTICLES_SET) && k + 1 < n && name_word(d, k + 1)) {
            k++;
            continue;
        }
        if (!name_word(d, k) || cni_ex_entity_at(d, k) ||
            (entity_name_at(d, k) && !(k == i + 1 && given && town_only_at(d, k))) ||
            (role_starting_at(d, k) && !cni_gz_is_given_name(d->an->gaz, t[k].hash) &&
             !role_word_surname(d, i, k)))
            break;
        /* Ordinary words end a name, except a given name's first surname
         * ("Theresa May"); headlines in title case stop here. */
        if (is_common(d, k) && k != i + 1 && !family_name_last(d, i, k))
            break;
        k++;
    }
    /* A regnal number: "Felipe VI", "Charles III". */
    static const char *const REGNAL[] = {"II", "III", "IV", "V", "VI", "VII", "VIII", NULL};
    static word_set REGNAL_SET = WORD_SET(REGNAL);
    if (k > i && k < n && same_sentence(d, i, k) && cni_ex_tok_in(d, k, &REGNAL_SET) &&
        t[k].start == t[k - 1].end + 1)
        k++;
    size_t len = k - i;
    /* The name must end on a name word, not an initial or particle. */
    while (len > 1 && !name_word(d, i + len - 1) && !cni_ex_tok_in(d, i + len - 1, &REGNAL_SET))
        len--;
    /* "Martin Luther King Avenue", "Henry Ford Hospital", "Grant County":
     * a name that goes on as a street, a place or a body is no person. */
    static const char *const NAMED_AFTER[] = {
        "Street", "St", "Road", "Rd", "Avenue", "Ave", "Lane", "Drive", "Boulevard", "Way",
        "Highway", "County", "Township", "Parish", "Park", "Square", "Bridge", "Motors",
        "Group", "Inc", "Ltd", "Holdings", "Company", "Corp", "Corporation", "Foundation",
        "Institute", "University", "Hospital", "School", "College", "Center", "Centre",
        "Stadium", "Airport", "Museum", "Hall", "Building", "Tower", "Port", "Prize",
        "Award", "Trophy", "Cup", "Memorial", NULL
    };
    static word_set NAMED_AFTER_SET = WORD_SET(NAMED_AFTER);
    if (k < n && same_sentence(d, i, k) && cni_ex_tok_in(d, k, &NAMED_AFTER_SET))
        return 0;
    if (common_start && (len < 2 || !role_follows(d, i + len)))
        return 0;
    /* "Chair Chung": a capitalised title right before one name word. */
    int title_role = roled && role_len && (t[i - 1].flags & TK_UPPER) &&
                     !(t[i].flags & TK_SENT_START) && !entity_name_at(d, i);
    if (len < 2 && !titled && !title_role)
        return 0;
    if (!given && !titled && !roled) {
        /* No given name or role: trust only "X Y said" / "said X Y" with
         * words that are not ordinary English. */
        int appositive = role_follows(d, i + len);
        int speech = (i + len < n && cni_ex_tok_in(d, i + len, &SPEECH_SET)) ||
                     (i > 0 && cni_ex_tok_in(d, i - 1, &SPEECH_SET));
        if (!speech && !appositive)
            return 0;
        for (size_t q = i; q < i + len && !appositive; q++)
            if (is_common(d, q))
                return 0;
    }
    if (given && len == 2 && is_common(d, i + 1) && !roled && !titled &&
        (t[i].flags & TK_SENT_START) && is_common(d, i))
        return 0;       /* "Will Power" at a sentence start is too risky */
    if (!plausible_name(d, i, len, given))
        return 0;
    char *name = join_tokens(d, i, len);
    if (!name || cni_ex_add_mention(d, CN_ENT_PERSON, name, i, len, NULL, NULL))
        return (size_t)0;
    return len;
}

/*** Roles ***/

static const char *entity_name_before(cn_doc *d, size_t i, int want_place)
{
    if (i == 0)
        return NULL;
    size_t j = i - 1;
    /* "Volkswagen brand chief", "Stellantis Europe boss": a word naming
     * the part of the company sits between it and the role. */
    static const char *const UNIT_WORDS[] = {
        "brand", "group", "unit", "division", "arm", "business", "Europe", "Asia",
        "China", "India", "America", "UK", "US", NULL
    };
    static word_set UNIT_WORDS_SET = WORD_SET(UNIT_WORDS);
    if (!want_place && j > 0 && cni_ex_tok_in(d, j, &UNIT_WORDS_SET) && same_sentence(d, j - 1, j)) {
        size_t o = j - 1;
        if ((d->seg.toks[o].flags & TK_POSS) && o > 0)
            o--;        /* "Stellantis's Europe chief" */
        uint32_t u = cni_ex_entity_at(d, o);
        if (u && (d->ents[u - 1].pub.type == CN_ENT_BRAND ||
                  d->ents[u - 1].pub.type == CN_ENT_ORGANIZATION))
            j = o;
    }
    if (d->seg.toks[j].flags & TK_POSS)
        j = j ? j - 1 : 0;
    uint32_t e = cni_ex_entity_at(d, j);
    /* "Hyundai Motor North America CEO": the maker before its region */
    if (!want_place && e && d->ents[e - 1].pub.type == CN_ENT_PLACE) {
        size_t b = cni_ex_mention_start(d, j, 0);
        uint32_t o = b > 0 && same_sentence(d, b - 1, j) ? cni_ex_entity_at(d, b - 1) : 0;
        if (o && (d->ents[o - 1].pub.type == CN_ENT_BRAND ||
                  d->ents[o - 1].pub.type == CN_ENT_ORGANIZATION))
            e = o;
    }
    if (!e)
        return NULL;
    cn_entity_type ty = d->ents[e - 1].pub.type;
    if (ty == CN_ENT_ORGANIZATION || ty == CN_ENT_BRAND || (want_place && ty == CN_ENT_PLACE))
        return d->ents[e - 1].pub.name;
    return NULL;
}

/* First organization or brand within a few tokens after i, same clause. */
static const char *org_after(cn_doc *d, size_t i)
{
    for (size_t k = i; k < d->seg.n_toks && k < i + ORG_LOOKAHEAD && same_sentence(d, i, k); k++) {
        if (cni_ex_tok_is(d, k, ",") || cni_ex_tok_is(d, k, ";"))
            break;
        uint32_t e = cni_ex_entity_at(d, k);
        if (e && (d->ents[e - 1].pub.type == CN_ENT_ORGANIZATION ||
                  d->ents[e - 1].pub.type == CN_ENT_BRAND))
            return d->ents[e - 1].pub.name;
    }
    return NULL;
}

/* "The chief executive of Acme, Jane Doe", "Acme's boss, Jane Doe": the
 * role before the comma in front of token i.  Its first token (and
 * *role_len, *org: the body it names, or NULL), or SIZE_MAX. */
static size_t role_before_comma(cn_doc *d, size_t i, size_t *role_len, const char **org)
{
    if (i < 2 || !cni_ex_tok_is(d, i - 1, ",") || !same_sentence(d, i - 1, i))
        return SIZE_MAX;
    size_t j = i - 1;
    size_t r = role_ending_at(d, j, role_len);
    if (r != SIZE_MAX) {
        *org = entity_name_before(d, r, 0);
        return r;
    }
    /* "the president of the Generalitat Valenciana, Name" */
    uint32_t e = cni_ex_entity_at(d, j - 1);
    if (!e)
        return SIZE_MAX;
    size_t b = cni_ex_mention_start(d, j - 1, 0);
    if (b >= 2 && cni_ex_tok_is_ci(d, b - 1, "the"))
        b--;
    if (b >= 2 && cni_ex_tok_is(d, b - 1, "of") &&
        (r = role_ending_at(d, b - 1, role_len)) != SIZE_MAX) {
        *org = d->ents[e - 1].pub.name;
        return r;
    }
    return SIZE_MAX;
}

static void find_role(cn_doc *d, entity_build *p, size_t first, size_t last)
{
    size_t role_len = 0;
    size_t r = role_ending_at(d, first, &role_len);
    if (r != SIZE_MAX) {
        p->pub.role = join_tokens(d, r, role_len);
        p->pub.organization = entity_name_before(d, r, 0);
        if (!p->pub.organization && r >= 2 && cni_ex_tok_is(d, r - 1, "of"))
            p->pub.organization = entity_name_before(d, r - 1, 0);
        /* "Professor David Bailey of the University of Birmingham" */
        if (!p->pub.organization && cni_ex_tok_is(d, last + 1, "of"))
            p->pub.organization = org_after(d, last + 2);
        return;
    }
    /* "The chief executive of Acme, Jane Doe" and "Acme's boss, Jane Doe":
     * the role before a comma in front of the name. */
    const char *org;
    if ((r = role_before_comma(d, first, &role_len, &org)) != SIZE_MAX) {
        p->pub.role = join_tokens(d, r, role_len);
        p->pub.organization = org;
        return;
    }
    if (first >= 2 && cni_ex_tok_is(d, first - 1, ",") && same_sentence(d, first - 1, first)) {
        size_t j = first - 1;
        /* "Tesla's head of investor relations, Travis Axelrod": a role
         * followed by of/for and the lower-case words of its department. */
        for (size_t q = j > ROLE_LOOKBACK ? j - ROLE_LOOKBACK : 0; q + 2 < j; q++) {
            size_t len = role_starting_at(d, q);
            if (!len || q + len + 1 >= j || !same_sentence(d, q, j) ||
                !(cni_ex_tok_is(d, q + len, "of") || cni_ex_tok_is(d, q + len, "for")))
                continue;
            size_t w = q + len + 1;
            while (w < j && (d->seg.toks[w].flags & TK_WORD) && !(d->seg.toks[w].flags & TK_UPPER) &&
                   !cni_ex_entity_at(d, w))
                w++;
            if (w != j)
                continue;
            p->pub.role = join_tokens(d, q, j - q);
            p->pub.organization = entity_name_before(d, q, 0);
            return;
        }
    }
    /* Apposition: "Mike Hawes, SMMT chief executive", "David Bailey, professor of ...". */
    size_t k = last + 1;
    if (k >= d->seg.n_toks || !cni_ex_tok_is(d, k, ",") || !same_sentence(d, last, k))
        return;
    for (size_t j = k + 1; j < d->seg.n_toks && j <= k + APPOSITION_GAP &&
                           same_sentence(d, k, j); j++) {
        size_t len = role_starting_at(d, j);
        if (len) {
            p->pub.role = join_tokens(d, j, len);
            p->pub.organization = entity_name_before(d, j, 0);
            if (!p->pub.organization)
                p->pub.organization = org_after(d, j + len);
            return;
        }
        if (cni_ex_tok_is(d, j, ",") || cni_ex_tok_in(d, j, &SPEECH_SET))
            return;
    }
}


/* The short form's mentions become the full name's, which takes its role
 * when it has none; the short form is left empty (dropped).  0, or -1 when
 * out of memory. */
static int merge_person(cn_doc *d, entity_build *lg, entity_build *sh)
{
    for (size_t m = 0; m < sh->n_mentions; m++) {
        size_t from = cni_ex_tok_of(d, sh->mentions[m].start);
        size_t to = cni_ex_tok_of(d, sh->mentions[m].end);
        if (to > from &&
            cni_ex_add_mention(d, CN_ENT_PERSON, lg->pub.name, from, to - from, NULL, NULL))
            return -1;
    }
    if (!lg->pub.role) {
        lg->pub.role = sh->pub.role;
        lg->pub.organization = sh->pub.organization;
    }
    sh->n_mentions = 0;
    return 0;
}

/* "Kyle" for "Peter Kyle"; "Zhang" for "Zhang Lei", whose first word is
 * no given name (family name first). */
static int surname_matches(const cn_doc *d, size_t i, const char *name)
{
    const char *sp = strrchr(name, ' ');
    if (!sp)
        return 0;
    if (cni_ex_tok_is(d, i, sp + 1))
        return 1;
    const char *first_end = strchr(name, ' ');
    size_t n = (size_t)(first_end - name);
    for (const char *const *p = PARTICLES; *p; p++)
        if (strlen(*p) == n && strncasecmp(name, *p, n) == 0)
            return 0;       /* "De Meo" is no family-name-first "De" */
    const token *t = &d->seg.toks[i];
    return t->end - t->start == n && memcmp(d->res.text + t->start, name, n) == 0 &&
           !cni_gz_is_given_name(d->an->gaz, cni_seg_token_hash(name, n));
}

/* "De Meo" in a headline and "Luca de Meo" in the text are one person:
 * a name that ends another, longer one joins it. */
static int merge_short_names(cn_doc *d)
{
    for (size_t a = 0; a < d->n_ents; a++) {
        entity_build *sh = &d->ents[a];
        if (sh->pub.type != CN_ENT_PERSON || !sh->n_mentions)
            continue;
        size_t ns = strlen(sh->pub.name);
        const char *sh_last = strrchr(sh->pub.name, ' ');
        sh_last = sh_last ? sh_last + 1 : sh->pub.name;
        for (size_t b = 0; b < d->n_ents; b++) {
            entity_build *lg = &d->ents[b];
            if (lg->pub.type != CN_ENT_PERSON || lg->pub.name[0] == '\0')
                continue;
            /* Cheap test first: the last words must agree. */
            const char *lg_last = strrchr(lg->pub.name, ' ');
            if (!lg_last)
                continue;
            /* "Chair Chung" and "Chung Eui-sun": a family name written first. */
            const char *lg_sp = strchr(lg->pub.name, ' ');
            size_t fl = (size_t)(lg_sp - lg->pub.name);
            if (b != a && !strchr(sh->pub.name, ' ') && fl == ns && lg->n_mentions &&
                strncmp(lg->pub.name, sh->pub.name, ns) == 0 &&
                !cni_gz_is_given_name(d->an->gaz, cni_seg_token_hash(sh->pub.name, ns))) {
                if (merge_person(d, lg, sh))
                    return -1;
                break;
            }
            if (strcasecmp(lg_last + 1, sh_last) != 0)
                continue;
            size_t nl = strlen(lg->pub.name);
            if (b == a || nl <= ns + 1 || !lg->n_mentions || lg->pub.name[nl - ns - 1] != ' ' ||
                strcasecmp(lg->pub.name + nl - ns, sh->pub.name) != 0)
                continue;
            if (merge_person(d, lg, sh))
                return -1;
            break;
        }
    }
    return 0;
}

int cni_ex_people(cn_doc *d)
{
    /* Later mentions by surname alone: "Kyle said".  People are indexed by
     * the hash of their last and first words, so this stays linear in the
     * tokens however many people an article names. */
    u64map by_word;
    cni_u64map_init(&by_word);
    size_t n_people = d->n_ents;
    for (size_t e = n_people; e-- > 0;) {
        const char *nm = d->ents[e].pub.name;
        const char *sp = strrchr(nm, ' ');
        if (d->ents[e].pub.type != CN_ENT_PERSON || !sp)
            continue;
        const char *first_end = strchr(nm, ' ');
        /* Earlier entities win: they are put last. */
        if (cni_u64map_put(&by_word, cni_seg_token_hash(sp + 1, strlen(sp + 1)), (uint32_t)e) ||
            cni_u64map_put(&by_word, cni_seg_token_hash(nm, (size_t)(first_end - nm)), (uint32_t)e)) {
            cni_u64map_release(&by_word);
            return -1;
        }
    }
    for (size_t i = 0; i < d->seg.n_toks && by_word.count; i++) {
        if (cni_ex_entity_at(d, i) || !name_word(d, i))
            continue;
        const uint32_t *v = cni_u64map_get(&by_word, d->seg.toks[i].hash);
        if (!v)
            continue;
        entity_build *p = &d->ents[*v];
        if (!p->n_mentions || p->mentions[0].start > d->seg.toks[i].start ||
            !surname_matches(d, i, p->pub.name))
            continue;
        if (cni_ex_add_mention(d, CN_ENT_PERSON, p->pub.name, i, 1, NULL, NULL)) {
            cni_u64map_release(&by_word);
            return -1;
        }
    }
    cni_u64map_release(&by_word);
    for (size_t e = 0; e < d->n_ents; e++) {
        entity_build *p = &d->ents[e];
        if (p->pub.type != CN_ENT_PERSON)
            continue;
        for (size_t m = 0; m < p->n_mentions && !p->pub.role; m++) {
            size_t first = cni_ex_tok_of(d, p->mentions[m].start);
            size_t last = cni_ex_tok_of(d, p->mentions[m].end) - 1;
            find_role(d, p, first, last);
        }
    }
    return merge_short_names(d);
}
