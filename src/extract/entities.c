/* Entities from the gazetteers: brands, models, plants, organizations and
 * places, in one pass over the tokens; people come from extract_people.c. */
#include <string.h>
#include <strings.h>

#include "doc.h"

#define MAX_MATCHES 16
/* Tokens either side of a town name searched for plant words. */
#define PLANT_WINDOW 6
/* Tokens searched back for the brand that opens a list of models. */
#define LIST_LOOKBACK 12

static const char *const PLACE_PREPS[] = {
    "in", "at", "from", "near", "to", "outside", "across", "around", "of", NULL
};

static int prev_is_prep(const cn_doc *d, size_t i)
{
    if (i == 0 || d->seg.toks[i - 1].sentence != d->seg.toks[i].sentence)
        return 0;
    for (const char *const *p = PLACE_PREPS; *p; p++)
        if (cni_ex_tok_is_ci(d, i - 1, *p))
            return 1;
    return 0;
}

/* Is the entity behind token i (if any) the brand e, a brand of its group
 * or its parent?  Used for models that count only next to their brand. */
static int brand_related(const gz_entry *brand, const gz_entry *model_brand)
{
    if (!brand || !model_brand)
        return 0;
    return brand == model_brand || brand->link == model_brand ||
           model_brand->link == brand;
}

/* The brand right before token i, or (allow_list) the brand that opens a
 * list of models ending at i: "Jaguar XEL, XFL and E-Pace". */
static const gz_entry *brand_before(const cn_doc *d, size_t i, int allow_list)
{
    size_t lo = i > LIST_LOOKBACK ? i - LIST_LOOKBACK : 0;
    for (size_t k = i; k-- > lo;) {
        if (d->seg.toks[k].sentence != d->seg.toks[i].sentence)
            return NULL;
        if (d->seg.toks[k].flags & TK_POSS)
            continue;   /* "Jaguar's XE" */
        uint32_t e = cni_ex_entity_at(d, k);
        cn_entity_type ty = e ? d->ents[e - 1].pub.type : CN_ENT_TYPE_COUNT;
        if (ty == CN_ENT_BRAND)
            return d->ents[e - 1].gz;
        if (!allow_list)
            return NULL;
        /* "Range Rover, Range Rover Sport and Defender": the model that
         * opens the list speaks for its brand. */
        if (ty == CN_ENT_MODEL) {
            k = cni_ex_mention_start(d, k, lo);
            int opens = k == 0 || !(cni_ex_tok_is(d, k - 1, ",") || cni_ex_tok_is(d, k - 1, "and") ||
                                    cni_ex_tok_is(d, k - 1, "or"));
            const gz_entry *m = d->ents[e - 1].gz;
            if (opens)
                return m && m->link ? m->link : NULL;
            continue;
        }
        if (ty == CN_ENT_MODEL || cni_ex_tok_is(d, k, ",") || cni_ex_tok_is(d, k, "and") ||
            cni_ex_tok_is(d, k, "or"))
            continue;
        return NULL;
    }
    return NULL;
}

/* "Ford builds the Ranger at its Silverton plant": the model's brand
 * named earlier in the sentence, and a determiner before the model. */
static int brand_earlier(const cn_doc *d, size_t i, const gz_entry *brand)
{
    static const char *const DETERMINERS[] = {"the", "its", "their", "new", NULL};
    static word_set DETERMINER_SET = WORD_SET(DETERMINERS);
    if (i == 0 || !brand || !cni_ex_tok_in(d, i - 1, &DETERMINER_SET))
        return 0;
    const sentence *s = &d->seg.sents[d->seg.toks[i].sentence];
    for (size_t k = s->tok_begin; k < i; k++) {
        uint32_t e = cni_ex_entity_at(d, k);
        if (e && d->ents[e - 1].pub.type == CN_ENT_BRAND && brand_related(d->ents[e - 1].gz, brand))
            return 1;
    }
    return 0;
}

/* "its Frontier model", "the Puma SUV": a vehicle noun after the name,
 * with its brand named before in the article. */
static int model_noun_after(cn_doc *d, size_t i, const gz_entry *brand)
{
    static const char *const NOUNS[] = {"model", "models", "SUV", "SUVs", "pickup", "pick-up",
                                        "sedan", "saloon", "hatchback", "crossover", "van",
                                        "estate", "coupe", "nameplate", NULL};
    static word_set NOUN_SET = WORD_SET(NOUNS);
    if (!brand || i + 1 >= d->seg.n_toks || !cni_ex_tok_in(d, i + 1, &NOUN_SET))
        return 0;
    for (const gz_entry *b = brand; b; b = b->link) {
        entity_build *known = cni_ex_find_entity(d, CN_ENT_BRAND, b->name);
        if (known && known->n_mentions)
            return 1;
        if (b->link == b)
            break;
    }
    return 0;
}

/* Plant words or the plant's owner near a town name make it the plant. */
static int plant_context(cn_doc *d, size_t i, size_t ntok, const gz_entry *plant)
{
    const token *t = d->seg.toks;
    const sentence *s = &d->seg.sents[t[i].sentence];
    /* "the Chennai-based company": the town, not its factory */
    size_t after = i + ntok;
    if (after + 1 < s->tok_end && cni_ex_tok_is(d, after, "-") && t[after].start == t[after - 1].end &&
        (cni_ex_tok_is(d, after + 1, "based") || cni_ex_tok_is(d, after + 1, "headquartered")))
        return 0;
    size_t a = i >= s->tok_begin + PLANT_WINDOW ? i - PLANT_WINDOW : s->tok_begin;
    size_t b = i + ntok + PLANT_WINDOW < s->tok_end ? i + ntok + PLANT_WINDOW : s->tok_end;
    if (cni_rx_any(d->an->rx, d->scratch, "plant-context", d->res.text + t[a].start,
               t[b - 1].end - t[a].start))
        return 1;
    /* The owner named in the same paragraph: "JLR's Solihull site". */
    if (plant->link) {
        size_t pb = i, pe = i;
        while (pb > 0 && d->seg.sents[t[pb - 1].sentence].paragraph == s->paragraph)
            pb--;
        while (pe < d->seg.n_toks && d->seg.sents[t[pe].sentence].paragraph == s->paragraph)
            pe++;
        for (size_t k = pb; k < pe; k++) {
            uint32_t e = cni_ex_entity_at(d, k);
            if (e && d->ents[e - 1].gz &&
                brand_related(d->ents[e - 1].gz, plant->link))
                return 1;
        }
    }
    return 0;
}

/* A capitalised common word opening a sentence ("Smart", "Seat", "Tank")
 * is more likely the word than the name. */
static int weak_sentence_start(const cn_doc *d, size_t i, size_t ntok,
                               const gz_entry *place)
{
    const token *t = &d->seg.toks[i];
    if (place && place->attr[0] && strcmp(place->attr[0], "country") == 0)
        return 0;       /* "China remained ..." */
    if (ntok != 1 || !(t->flags & TK_SENT_START) || (t->flags & TK_ALLCAPS))
        return 0;
    if (!cni_gz_is_common_word(d->an->gaz, t->hash))
        return 0;
    return !(i + 1 < d->seg.n_toks && (d->seg.toks[i + 1].flags & (TK_UPPER | TK_POSS)));
}

static int add_gz(cn_doc *d, cn_entity_type type, const gz_entry *e, size_t i,
                  size_t ntok)
{
    size_t idx;
    if (cni_ex_add_mention(d, type, e->name, i, ntok, e, &idx))
        return -1;
    cn_entity *p = &d->ents[idx].pub;
    switch (type) {
    case CN_ENT_BRAND:
        p->parent = e->attr[0];
        p->country = e->attr[1];
        break;
    case CN_ENT_MODEL:
        p->brand = e->attr[0];
        break;
    case CN_ENT_PLANT:
        p->owner = e->attr[0];
        p->location = e->attr[1];
        p->country = e->attr[2];
        break;
    case CN_ENT_ORGANIZATION:
        p->kind = e->attr[0];
        break;
    case CN_ENT_PLACE:
        p->kind = e->attr[0];
        p->country = e->attr[1];
        if (!p->country && p->kind && strcmp(p->kind, "country") == 0)
            p->country = e->name;
        break;
    default:
        break;
    }
    return 0;
}

typedef struct {
    const gz_entry *by_kind[GZ_KIND_COUNT];
} span_choice;

/* A maker whose name is also an ordinary word ("Genesis", "Scout",
 * "Tank") counts once the article has named it before, or when its
 * sentence speaks of vehicles or names another maker or model. */
static int weak_name_confirmed(cn_doc *d, size_t i, const gz_entry *e)
{
    const token *t = d->seg.toks;
    if (!cni_gz_is_common_word(d->an->gaz, t[i].hash) || (t[i].flags & TK_ALLCAPS))
        return 1;
    entity_build *known = cni_ex_find_entity(d, CN_ENT_BRAND, e->name);
    if (!known)
        known = cni_ex_find_entity(d, CN_ENT_ORGANIZATION, e->name);
    if (known && known->n_mentions)
        return 1;
    const sentence *s = &d->seg.sents[t[i].sentence];
    for (size_t k = s->tok_begin; k < s->tok_end; k++) {
        uint32_t x = cni_ex_entity_at(d, k);
        if (x && (d->ents[x - 1].pub.type == CN_ENT_BRAND ||
                  d->ents[x - 1].pub.type == CN_ENT_MODEL))
            return 1;
    }
    /* The next word may be a model: "Genesis GV60". */
    gz_match m[MAX_MATCHES];
    if (i + 1 < s->tok_end) {
        size_t n = cni_ex_gz_at(d, i + 1, m, MAX_MATCHES);
        for (size_t k = 0; k < n; k++)
            if (m[k].entry->kind == GZ_MODEL)
                return 1;
    }
    return cni_rx_any(d->an->rx, d->scratch, "vehicle-context", d->res.text + s->start,
                  s->end - s->start);
}

static cn_entity_type entity_type_of(gz_kind k)
{
    return k == GZ_BRAND ? CN_ENT_BRAND : k == GZ_MODEL ? CN_ENT_MODEL
         : k == GZ_PLANT ? CN_ENT_PLANT : k == GZ_ORG ? CN_ENT_ORGANIZATION
         : CN_ENT_PLACE;
}

/* A name inside a longer one counts too: the brand in "Audi Brussels",
 * the country in "UK government". */
static int add_leading(cn_doc *d, size_t i, size_t len, gz_kind want)
{
    gz_match m[MAX_MATCHES];
    size_t n = cni_ex_gz_at(d, i, m, MAX_MATCHES);
    for (size_t k = 0; k < n; k++) {
        const gz_entry *e = m[k].entry;
        /* Only a country opens an organization's name as a place: "UK
         * government" yes, "Berkshire Hathaway" no. */
        if (want == GZ_PLACE && !(e->attr[0] && !strcmp(e->attr[0], "country")))
            continue;
        if (e->kind == want && m[k].ntok < len)
            return add_gz(d, entity_type_of(want), e, i, m[k].ntok);
    }
    return 0;
}

static int surname_after_given(const cn_doc *d, size_t i, size_t len, const gz_entry *place)
{
    const token *t = d->seg.toks;
    if (len != 1 || i == 0 || !place->attr[0] || strcmp(place->attr[0], "city") ||
        t[i - 1].sentence != t[i].sentence || t[i].start != t[i - 1].end + 1 ||
        !(t[i - 1].flags & TK_UPPER) || (t[i - 1].flags & TK_ALLCAPS) ||
        cni_ex_entity_at(d, i - 1) || !cni_gz_is_given_name(d->an->gaz, t[i - 1].hash))
        return 0;
    /* "in Victoria Paris" is rare; "Sydney, Melbourne" has its comma */
    return !(i >= 2 && (cni_ex_tok_is(d, i - 2, "in") || cni_ex_tok_is(d, i - 2, "at") ||
                        cni_ex_tok_is(d, i - 2, "from")));
}

/* Decide what the longest gazetteer match at token i is, and add it. */
static int take_matches(cn_doc *d, size_t i, const gz_match *m, size_t n, size_t len)
{
    span_choice c;
    memset(&c, 0, sizeof c);
    const gz_entry *ctx_brand = NULL;
    int ctx_done = 0;
    for (size_t k = 0; k < n; k++) {
        const gz_entry *e = m[k].entry;
        if (m[k].ntok != len)
            continue;
        if (!c.by_kind[e->kind]) {
            c.by_kind[e->kind] = e;
        } else if (e->kind == GZ_MODEL) {
            /* "XF" is a Jaguar after a Jaguar, a DAF truck after a DAF. */
            if (!ctx_done) {
                ctx_brand = brand_before(d, i, 1);
                ctx_done = 1;
            }
            if (!brand_related(ctx_brand, c.by_kind[GZ_MODEL]->link) &&
                brand_related(ctx_brand, e->link))
                c.by_kind[GZ_MODEL] = e;
        }
    }
    const gz_entry *brand = c.by_kind[GZ_BRAND], *model = c.by_kind[GZ_MODEL];
    const gz_entry *plant = c.by_kind[GZ_PLANT], *place = c.by_kind[GZ_PLACE];
    const gz_entry *org = c.by_kind[GZ_ORG];
    /* a supplier is an organization by its gazetteer row, a maker by kind */
    const gz_entry *maker = brand ? brand : org && (org->flags & GZF_SUPPLIER) ? org : NULL;
    if (weak_sentence_start(d, i, len, place) && !(maker && weak_name_confirmed(d, i, maker)))
        return 0;
    /* A one-word model name that is also a word needs its brand before it
     * ("Nissan Leaf"), or a list that started with the brand ("Jaguar XEL,
     * XFL and E-Pace"). */
    if (model && (model->flags & GZF_NEEDS_CONTEXT) && len == 1 &&
        !brand_related(brand_before(d, i, 1), model->link) && !brand_earlier(d, i, model->link) &&
        !model_noun_after(d, i, model->link))
        model = NULL;
    if (model && brand) {
        /* "Mini" after "BMW" is the car; alone it is the marque. */
        if (brand_related(brand_before(d, i, 0), model->link))
            brand = NULL;
        else
            model = NULL;
    }
    if (brand && place && prev_is_prep(d, i))
        brand = NULL;           /* "in Lincoln" */
    if (brand && len == 1 && !weak_name_confirmed(d, i, brand))
        brand = NULL;
    if (brand)
        return add_gz(d, CN_ENT_BRAND, brand, i, len);
    if (model) {
        /* "Lexus ES": the maker named inside the model counts as well. */
        if (len > 1 && add_leading(d, i, len, GZ_BRAND))
            return -1;
        return add_gz(d, CN_ENT_MODEL, model, i, len);
    }
    if (org) {
        if (add_leading(d, i, len, GZ_PLACE))
            return -1;
        return add_gz(d, CN_ENT_ORGANIZATION, org, i, len);
    }
    /* "Elizabeth Warren", "Henrik Lund": a town's name right after a given
     * name is that person's surname. */
    if (place && !plant && surname_after_given(d, i, len, place))
        place = NULL;
    /* A town named for its factory is both the place and, near plant words
     * or its owner, the plant. */
    if (place && add_gz(d, CN_ENT_PLACE, place, i, len))
        return -1;
    if (plant && (!place || plant_context(d, i, len, plant))) {
        if (add_leading(d, i, len, GZ_BRAND))
            return -1;
        return add_gz(d, CN_ENT_PLANT, plant, i, len);
    }
    return 0;
}

/* The country the article names most, as "British government" when the
 * article uses its demonym, else "Government of X". */
static const char *implied_government(cn_doc *d)
{
    const entity_build *best = NULL;
    for (size_t e = 0; e < d->n_ents; e++) {
        const entity_build *x = &d->ents[e];
        if (x->pub.type == CN_ENT_PLACE && x->pub.kind && !strcmp(x->pub.kind, "country") &&
            (!best || x->n_mentions > best->n_mentions))
            best = x;
    }
    if (!best || !best->gz)
        return NULL;
    const token *t = d->seg.toks;
    gz_match m[MAX_MATCHES];
    for (size_t i = 0; i < d->seg.n_toks; i++) {
        if (!(t[i].flags & TK_UPPER))
            continue;
        size_t n = cni_ex_gz_at(d, i, m, MAX_MATCHES);
        for (size_t k = 0; k < n; k++) {
            if (m[k].entry->kind != GZ_DEMONYM || m[k].ntok != 1 || m[k].entry->link != best->gz)
                continue;
            size_t len = t[i].end - t[i].start;
            char *s = cni_arena_alloc(&d->mem, len + 12);
            if (s) {
                memcpy(s, d->res.text + t[i].start, len);
                memcpy(s + len, " government", 12);
            }
            return s;
        }
    }
    /* "UK", "US": the short form a writer puts before "government". */
    for (size_t k = 0; k < best->n_mentions; k++) {
        const cn_mention *mt = &best->mentions[k];
        size_t len = mt->end - mt->start, caps = 0;
        for (size_t c = mt->start; c < mt->end; c++)
            caps += (d->res.text[c] >= 'A' && d->res.text[c] <= 'Z') || d->res.text[c] == '.';
        if (len < 2 || len > 5 || caps != len)
            continue;
        char *s = cni_arena_alloc(&d->mem, len + 12);
        if (s) {
            memcpy(s, d->res.text + mt->start, len);
            memcpy(s + len, " government", 12);
        }
        return s;
    }
    size_t len = strlen(best->pub.name);
    char *s = cni_arena_alloc(&d->mem, len + 15);
    if (s) {
        memcpy(s, "Government of ", 14);
        memcpy(s + 14, best->pub.name, len + 1);
    }
    return s;
}

/* "the UK government", "Britain's government", "the government": one
 * organization per article, named by its first qualified mention. */
static int governments(cn_doc *d)
{
    const token *t = d->seg.toks;
    const char *name = NULL;
    for (size_t e = 0; e < d->n_ents && !name; e++) {
        const char *nm = d->ents[e].pub.name;
        size_t n = strlen(nm);
        if (d->ents[e].pub.type == CN_ENT_ORGANIZATION && n > 11 &&
            strcasecmp(nm + n - 11, " government") == 0)
            name = nm;     /* the gazetteer already named it: "UK government" */
    }
    const uint64_t government = cni_seg_token_hash("government", 10);
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < d->seg.n_toks; i++) {
            if (d->seg.toks[i].hash != government || !cni_ex_tok_is_ci(d, i, "government") ||
                cni_ex_entity_at(d, i))
                continue;
            size_t first = i;
            if (i > 0 && (t[i - 1].flags & TK_POSS))
                first = i - 1;
            uint32_t e = first > 0 ? cni_ex_entity_at(d, first - 1) : 0;
            int qualified = e && d->ents[e - 1].pub.type == CN_ENT_PLACE;
            if (!qualified && first > 0) {
                gz_match m[MAX_MATCHES];
                size_t n = cni_ex_gz_at(d, first - 1, m, MAX_MATCHES);
                for (size_t k = 0; k < n; k++)
                    qualified |= m[k].entry->kind == GZ_DEMONYM && m[k].ntok == 1;
            }
            if (qualified) {
                first--;
                /* "Hong Kong government": back to the place's first token */
                if (e)
                    first = cni_ex_mention_start(d, first, 0);
            }
            if (pass == 0) {
                if (qualified && !name)
                    name = cni_arena_strndup(&d->mem, d->res.text + t[first].start,
                                         t[i].end - t[first].start);
                continue;
            }
            /* A bare "the government" is the government of the country
             * the article is about; with none, it names nothing. */
            if (!name && !(name = implied_government(d)))
                break;
            size_t idx;
            if (cni_ex_add_mention(d, CN_ENT_ORGANIZATION, name, first,
                               i + 1 - first, NULL, &idx))
                return -1;
            d->ents[idx].pub.kind = "government";
        }
    }
    return 0;
}

static int group_suffix(const char *s)
{
    static const char *const SUFFIXES[] = {
        "Group", "AG", "Group AG", "SE", "Motor Group", "Motor Company", "Motor Corporation",
        "Motor Co", "Motors", "Motor", "Holding", "Holdings", "Automobile", "Auto Group",
        "Cars", "Automotive", "Corporation", "Company", "Konzern", NULL
    };
    for (const char *const *p = SUFFIXES; *p; p++)
        if (strcmp(s, *p) == 0)
            return 1;
    return 0;
}

/* "Volkswagen Group" and "Volkswagen" in one article are one maker to a
 * reader: the group's mentions join the brand it is named after. */
static int merge_groups(cn_doc *d)
{
    for (size_t g = 0; g < d->n_ents; g++) {
        entity_build *grp = &d->ents[g];
        if (grp->pub.type != CN_ENT_BRAND || !grp->gz || !(grp->gz->flags & GZF_GROUP))
            continue;
        for (size_t b = 0; b < d->n_ents; b++) {
            entity_build *br = &d->ents[b];
            size_t n = strlen(br->pub.name);
            if (b == g || br->pub.type != CN_ENT_BRAND || !br->n_mentions ||
                strncmp(grp->pub.name, br->pub.name, n) != 0 || grp->pub.name[n] != ' ')
                continue;
            /* "Volkswagen Group", not "Jaguar Land Rover" for "Jaguar";
             * regional arms ("Toyota Manufacturing UK") stay apart. */
            if (!group_suffix(grp->pub.name + n + 1))
                continue;
            for (size_t m = 0; m < grp->n_mentions; m++) {
                size_t from = cni_ex_tok_of(d, grp->mentions[m].start);
                size_t to = from;
                while (to < d->seg.n_toks && d->seg.toks[to].end <= grp->mentions[m].end)
                    to++;
                if (to > from &&
                    cni_ex_add_mention(d, CN_ENT_BRAND, br->pub.name, from, to - from, NULL, NULL))
                    return -1;
            }
            grp->n_mentions = 0;
            break;
        }
    }
    return 0;
}

int cni_ex_entities(cn_doc *d)
{
    const token *t = d->seg.toks;
    size_t n = d->seg.n_toks;
    gz_match m[MAX_MATCHES];
    if (cni_ex_orgs(d))
        return -1;
    for (size_t i = 0; i < n;) {
        if (!(t[i].flags & (TK_WORD | TK_NUM)) || cni_ex_entity_at(d, i)) {
            i++;
            continue;
        }
        size_t found = cni_ex_gz_at(d, i, m, MAX_MATCHES);
        size_t best = 0;
        for (size_t k = 0; k < found; k++) {
            gz_kind kd = (gz_kind)m[k].entry->kind;
            if (kd != GZ_ROLE && kd != GZ_DEMONYM && m[k].ntok > best)
                best = m[k].ntok;
        }
        /* A person's name beats a one-word gazetteer hit ("Henry Ford"). */
        size_t person = best < 2 ? cni_ex_person_at(d, i) : 0;
        if (person > best) {
            i += person;
            continue;
        }
        if (!best) {
            i++;
            continue;
        }
        if (take_matches(d, i, m, found, best))
            return -1;
        i += best;
    }
    if (cni_ex_patterns(d) || governments(d) || cni_ex_people(d) || merge_groups(d))
        return -1;
    return 0;
}
