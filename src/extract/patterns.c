/* Models and plants that no gazetteer lists, found by how news English
 * names them: a known maker followed by a code or a name ("Xpeng G9",
 * "Hyundai Exter"), and a capitalised name before a factory word ("the
 * Georgia plant", "Kia's Georgia plant", "Michigan Assembly Plant"). */
#include <string.h>

#include "doc.h"

#define MAX_PLANT_NAME 3
#define OWNER_WINDOW 12

static int is_type(const cn_doc *d, size_t i, cn_entity_type ty)
{
    uint32_t e = cni_ex_entity_at(d, i);
    return e && d->ents[e - 1].pub.type == ty;
}

static int same_sentence(const cn_doc *d, size_t a, size_t b)
{
    return a < d->seg.n_toks && b < d->seg.n_toks &&
           d->seg.toks[a].sentence == d->seg.toks[b].sentence;
}

/* Words after a maker's name that are not a model: "Toyota Motor",
 * "BYD Europe", "Kia Group". */
static const char *const NOT_MODEL[] = {
    "Motor", "Motors", "Group", "Auto", "Automotive", "Holdings", "Holding", "Company",
    "Corporation", "Corp", "Inc", "Ltd", "AG", "SE", "Co", "International", "Global",
    "Europe", "America", "Americas", "Asia", "China", "India", "Japan", "UK", "USA", "US",
    "North", "South", "East", "West", "Mobility", "Financial", "Finance", "Capital",
    "Ventures", "Brand", "Brands", "Cars", "Car", "Dealers", "Dealer", "Energy", "Battery",
    "Batteries", "Technology", "Technologies", "Research", "Design", "Manufacturing",
    "Chairman", "Chairwoman", "Chief", "CEO", "President", "Director", "Head", "Boss",
    "Board", "Executive", "Vice", "Senior", "Managing", "Spokesman", "Spokeswoman",
    "Spokesperson", "Said", "Says", "Will", "Has", "Is", "The", "And", "Plant", "Factory",
    "Works", "Assembly", "Foundation", "Trust", "Bank", "Sport", "Sports", "Racing",
    "Electric", "Electrification", "EV", "EVs", "SUV", "SUVs", "Commercial", "Vehicles",
    "Trucks", "Truck", "Bus", "Buses", "Van", "Vans", "Tower", "Team", NULL
};
static word_set NOT_MODEL_SET = WORD_SET(NOT_MODEL);

/* "G9", "T03", "ES8", "i8", "EX30", "ID.4": letters and digits, short. */
static int model_code(const cn_doc *d, size_t i)
{
    const token *t = &d->seg.toks[i];
    size_t len = t->end - t->start, digits = 0, letters = 0;
    if (len < 2 || len > 8)
        return 0;
    for (size_t k = t->start; k < t->end; k++) {
        char c = d->res.text[k];
        if (c >= '0' && c <= '9')
            digits++;
        else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
            letters++;
        else if (c != '.' && c != '-')
            return 0;
    }
    return digits && letters && letters <= 4;
}

/* A capitalised word no list knows: "Exter", "Seagull". */
static int model_word(cn_doc *d, size_t i)
{
    const token *t = &d->seg.toks[i];
    if (!(t->flags & TK_UPPER) || (t->flags & TK_ALLCAPS) || !(t->flags & TK_WORD) ||
        t->end - t->start < 3)
        return 0;
    if (cni_gz_is_common_word(d->an->gaz, t->hash) || cni_gz_is_given_name(d->an->gaz, t->hash))
        return 0;
    gz_match m[8];
    return !cni_ex_gz_at(d, i, m, 8);
}

/* Words that make a maker's name a subsidiary: "Tata Motors Finance",
 * "Toyota Financial Services", "Hyundai Capital". */
static const char *const SUBSIDIARY[] = {
    "Finance", "Financial", "Capital", "Bank", "Leasing", "Insurance", "Technologies",
    "Mobility", "Energy", "Ventures", "Foundation", "Credit", "Securities", NULL
};
static word_set SUBSIDIARY_SET = WORD_SET(SUBSIDIARY);

/* "Acme Holdings (AH)": an acronym in brackets after a name is that name. */
static int bracket_acronyms(cn_doc *d)
{
    const token *t = d->seg.toks;
    for (size_t i = 1; i + 2 < d->seg.n_toks; i++) {
        if (!cni_ex_tok_is(d, i, "(") || !cni_ex_tok_is(d, i + 2, ")") ||
            !(t[i + 1].flags & TK_ALLCAPS) || cni_ex_entity_at(d, i + 1))
            continue;
        uint32_t e = cni_ex_entity_at(d, i - 1);
        if (!e)
            continue;
        const entity_build *x = &d->ents[e - 1];
        if (x->pub.type != CN_ENT_ORGANIZATION && x->pub.type != CN_ENT_BRAND)
            continue;
        /* The letters must start the name's words: "Society of Motor ... (SMMT)". */
        const char *nm = x->pub.name;
        char first = d->res.text[t[i + 1].start];
        if (nm[0] != first)
            continue;
        if (cni_ex_add_mention(d, x->pub.type, nm, i + 1, 1, NULL, NULL))
            return -1;
    }
    return 0;
}

static int subsidiaries(cn_doc *d)
{
    const token *t = d->seg.toks;
    for (size_t i = 0; i + 1 < d->seg.n_toks; i++) {
        uint32_t b = cni_ex_entity_at(d, i);
        if (!b || d->ents[b - 1].pub.type != CN_ENT_BRAND || cni_ex_entity_at(d, i + 1) == b ||
            cni_ex_entity_at(d, i + 1) || (t[i].flags & TK_POSS) || !same_sentence(d, i, i + 1) ||
            !cni_ex_tok_in(d, i + 1, &SUBSIDIARY_SET))
            continue;
        size_t first = cni_ex_mention_start(d, i, 0);
        size_t last = i + 1;
        if (cni_ex_tok_is(d, last, "Financial") && cni_ex_tok_is(d, last + 1, "Services"))
            last++;
        char *name = cni_arena_strndup(&d->mem, d->res.text + t[first].start,
                                       t[last].end - t[first].start);
        size_t idx;
        if (!name || cni_ex_add_mention(d, CN_ENT_ORGANIZATION, name, first, last + 1 - first,
                                        NULL, &idx))
            return -1;
        if (!d->ents[idx].pub.kind)
            d->ents[idx].pub.kind = "company";
        i = last;
    }
    return 0;
}

static int pattern_models(cn_doc *d)
{
    const token *t = d->seg.toks;
    for (size_t i = 0; i + 1 < d->seg.n_toks; i++) {
        uint32_t b = cni_ex_entity_at(d, i);
        if (!b || d->ents[b - 1].pub.type != CN_ENT_BRAND || cni_ex_entity_at(d, i + 1) == b)
            continue;
        size_t j = i + 1;
        if (!same_sentence(d, i, j) || cni_ex_entity_at(d, j) || (t[i].flags & TK_POSS) ||
            t[j].start != t[i].end + 1 || cni_ex_tok_in(d, j, &NOT_MODEL_SET))
            continue;
        const token *nx = j + 1 < d->seg.n_toks ? &t[j + 1] : NULL;
        /* "Toyota Said" in a headline: a run of capitalised words is a title. */
        int ok = model_code(d, j) ||
                 (model_word(d, j) && !(nx && same_sentence(d, j, j + 1) &&
                                        (nx->flags & TK_UPPER) && !(nx->flags & TK_NUM) &&
                                        !model_code(d, j + 1)));
        if (!ok)
            continue;
        size_t ntok = 1;
        /* "Nio ES8 Pro", "Xpeng G9 Max": a trim word or a second code. */
        if (nx && same_sentence(d, j, j + 1) && !cni_ex_entity_at(d, j + 1) &&
            nx->start == t[j].end + 1 && (model_code(d, j + 1) || cni_ex_tok_is(d, j + 1, "Pro") ||
                                          cni_ex_tok_is(d, j + 1, "Max") ||
                                          cni_ex_tok_is(d, j + 1, "Plus") ||
                                          cni_ex_tok_is(d, j + 1, "Ultra")))
            ntok = 2;
        const char *brand = d->ents[b - 1].pub.name;
        size_t bl = strlen(brand), sl = t[j + ntok - 1].end - t[j].start;
        char *name = cni_arena_alloc(&d->mem, bl + sl + 2);
        if (!name)
            return -1;
        memcpy(name, brand, bl);
        name[bl] = ' ';
        memcpy(name + bl + 1, d->res.text + t[j].start, sl);
        name[bl + sl + 1] = 0;
        size_t idx;
        if (cni_ex_add_mention(d, CN_ENT_MODEL, name, j, ntok, NULL, &idx))
            return -1;
        d->ents[idx].pub.brand = brand;
        i = j + ntok - 1;
    }
    return 0;
}

static const char *const PLANT_WORDS[] = {
    "plant", "factory", "works", "gigafactory", "Gigafactory", "Plant", "Factory",
    "Works", "facility", "complex", NULL
};
static word_set PLANT_WORDS_SET = WORD_SET(PLANT_WORDS);

static const char *const NOT_PLANT_NAME[] = {
    "The", "A", "An", "Its", "Their", "This", "That", "New", "Old", "First", "Second",
    "Main", "Battery", "Engine", "Assembly", "Car", "Vehicle", "EV", "Power", "Paint",
    "Steel", "Chip", "Cell", "Pilot", "North", "South", "East", "West", NULL
};
static word_set NOT_PLANT_NAME_SET = WORD_SET(NOT_PLANT_NAME);

/* The maker that owns the plant: "Kia's Georgia plant", "the Tesla
 * Berlin plant", else the maker named nearest before it in the sentence. */
static const char *plant_owner(cn_doc *d, size_t first)
{
    size_t lo = first > OWNER_WINDOW ? first - OWNER_WINDOW : 0;
    for (size_t k = first; k-- > lo;) {
        if (!same_sentence(d, k, first))
            break;
        if (is_type(d, k, CN_ENT_BRAND))
            return d->ents[cni_ex_entity_at(d, k) - 1].pub.name;
    }
    const sentence *s = &d->seg.sents[d->seg.toks[first].sentence];
    for (size_t k = first; k < s->tok_end; k++)
        if (is_type(d, k, CN_ENT_BRAND))
            return d->ents[cni_ex_entity_at(d, k) - 1].pub.name;
    return NULL;
}

static int pattern_plants(cn_doc *d)
{
    const token *t = d->seg.toks;
    for (size_t i = 1; i < d->seg.n_toks; i++) {
        if (cni_ex_entity_at(d, i))
            continue;
        /* "Oshawa Assembly": the factory named after its town. */
        int assembly = cni_ex_tok_is(d, i, "Assembly") && !cni_ex_tok_in(d, i + 1, &PLANT_WORDS_SET) &&
                       is_type(d, i - 1, CN_ENT_PLACE);
        if (!assembly && !cni_ex_tok_in(d, i, &PLANT_WORDS_SET))
            continue;
        size_t last = i;
        /* "Michigan Assembly Plant": "Assembly" joins the name. */
        if (!assembly && cni_ex_tok_is(d, i - 1, "Assembly") && (t[i].flags & TK_UPPER))
            last = i - 1;
        size_t first = last;
        while (first > 0 && last - first < MAX_PLANT_NAME && same_sentence(d, first - 1, i)) {
            size_t k = first - 1;
            const token *tk = &t[k];
            if (!(tk->flags & TK_UPPER) || !(tk->flags & TK_WORD) || (tk->flags & TK_POSS) ||
                cni_ex_tok_in(d, k, &NOT_PLANT_NAME_SET))
                break;
            uint32_t e = cni_ex_entity_at(d, k);
            if (e && d->ents[e - 1].pub.type != CN_ENT_PLACE)
                break;
            /* "its Morocco plant" is a plant somewhere in a country, not a
             * name; "Kia's Georgia plant" after a maker's possessive is. */
            const char *pk = e ? d->ents[e - 1].pub.kind : NULL;
            if (pk && !strcmp(pk, "country") &&
                !(k > 0 && (t[k - 1].flags & TK_POSS) && is_type(d, k - 2, CN_ENT_BRAND)))
                break;
            gz_match m[8];
            size_t nm = cni_ex_gz_at(d, k, m, 8);
            int bad = 0;
            for (size_t q = 0; q < nm; q++)
                bad |= m[q].entry->kind == GZ_DEMONYM || m[q].entry->kind == GZ_ROLE ||
                       m[q].entry->kind == GZ_ORG;
            /* "the Valencian plant": an adjective of place, not a name. */
            size_t tl = tk->end - tk->start;
            const char *w = d->res.text + tk->start;
            if (!e && tl > 5 && (!memcmp(w + tl - 3, "ian", 3) || !memcmp(w + tl - 3, "ese", 3) ||
                                 !memcmp(w + tl - 3, "ish", 3)))
                bad = 1;
            if (bad)
                break;
            if ((tk->flags & TK_SENT_START) && cni_gz_is_common_word(d->an->gaz, tk->hash))
                break;
            first = k;
        }
        if (first == last && last == i)
            continue;
        /* A known plant word alone ("Assembly Plant") names nothing. */
        if (first == last && cni_ex_tok_is(d, last, "Assembly") && !assembly)
            continue;
        const char *owner = plant_owner(d, first);
        if (assembly && !owner)
            continue;
        if (!owner && !(t[i].flags & TK_UPPER))
            continue;   /* "the Ohio plant" with no maker in sight may be anything */
        char *name = cni_arena_strndup(&d->mem, d->res.text + t[first].start,
                                       t[i].end - t[first].start);
        size_t idx;
        if (!name || cni_ex_add_mention(d, CN_ENT_PLANT, name, first, i + 1 - first, NULL, &idx))
            return -1;
        if (!d->ents[idx].pub.owner)
            d->ents[idx].pub.owner = owner;
    }
    return 0;
}

int cni_ex_patterns(cn_doc *d)
{
    return subsidiaries(d) || pattern_models(d) || pattern_plants(d) || bracket_acronyms(d)
               ? -1 : 0;
}
