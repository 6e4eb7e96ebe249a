/* Entities from the gazetteers: brands, models, plants, organizations and
 * places, in one pass over the tokens; people come from extract_people.c. */
#include <string.h>

#include "doc.h"

#define MAX_MATCHES 16
/* Tokens either side of a town name searched for plant words. */
#define PLANT_WINDOW 6

static const char *const PLACE_PREPS[] = {
    "in", "at", "from", "near", "to", "outside", "across", "around", "of", NULL
};

static int prev_is_prep(const cn_doc *d, size_t i)
{
    if (i == 0 || d->seg.toks[i - 1].sentence != d->seg.toks[i].sentence)
        return 0;
    for (const char *const *p = PLACE_PREPS; *p; p++)
        if (ex_tok_is_ci(d, i - 1, *p))
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

static const gz_entry *brand_before(const cn_doc *d, size_t i)
{
    if (i == 0)
        return NULL;
    uint32_t e = ex_entity_at(d, i - 1);
    if (!e || d->ents[e - 1].pub.type != CN_ENT_BRAND)
        return NULL;
    return d->ents[e - 1].gz;
}

/* Plant words or the plant's owner near a town name make it the plant. */
static int plant_context(cn_doc *d, size_t i, size_t ntok, const gz_entry *plant)
{
    const token *t = d->seg.toks;
    const sentence *s = &d->seg.sents[t[i].sentence];
    size_t a = i >= s->tok_begin + PLANT_WINDOW ? i - PLANT_WINDOW : s->tok_begin;
    size_t b = i + ntok + PLANT_WINDOW < s->tok_end ? i + ntok + PLANT_WINDOW : s->tok_end;
    if (rx_any(d->an->rx, d->scratch, "plant-context", d->res.text + t[a].start,
               t[b - 1].end - t[a].start))
        return 1;
    /* The owner named in the same sentence: "JLR's Solihull site". */
    if (plant->link) {
        for (size_t k = s->tok_begin; k < s->tok_end; k++) {
            uint32_t e = ex_entity_at(d, k);
            if (e && d->ents[e - 1].gz &&
                brand_related(d->ents[e - 1].gz, plant->link))
                return 1;
        }
    }
    return 0;
}

/* A capitalised common word opening a sentence ("Smart", "Seat", "Tank")
 * is more likely the word than the name. */
static int weak_sentence_start(const cn_doc *d, size_t i, size_t ntok)
{
    const token *t = &d->seg.toks[i];
    if (ntok != 1 || !(t->flags & TK_SENT_START) || (t->flags & TK_ALLCAPS))
        return 0;
    if (!gz_is_common_word(d->an->gaz, t->hash))
        return 0;
    return !(i + 1 < d->seg.n_toks && (d->seg.toks[i + 1].flags & (TK_UPPER | TK_POSS)));
}

static int add_gz(cn_doc *d, cn_entity_type type, const gz_entry *e, size_t i,
                  size_t ntok)
{
    size_t idx;
    if (ex_add_mention(d, type, e->name, i, ntok, e, &idx))
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

/* Decide what the longest gazetteer match at token i is, and add it. */
static int take_matches(cn_doc *d, size_t i, const gz_match *m, size_t n, size_t len)
{
    span_choice c;
    memset(&c, 0, sizeof c);
    for (size_t k = 0; k < n; k++)
        if (m[k].ntok == len && !c.by_kind[m[k].entry->kind])
            c.by_kind[m[k].entry->kind] = m[k].entry;
    const gz_entry *brand = c.by_kind[GZ_BRAND], *model = c.by_kind[GZ_MODEL];
    const gz_entry *plant = c.by_kind[GZ_PLANT], *place = c.by_kind[GZ_PLACE];
    const gz_entry *org = c.by_kind[GZ_ORG];
    if (weak_sentence_start(d, i, len))
        return 0;
    if (model && (model->flags & GZF_NEEDS_CONTEXT) &&
        !brand_related(brand_before(d, i), model->link))
        model = NULL;
    if (model && brand) {
        /* "Mini" after "BMW" is the car; alone it is the marque. */
        if (brand_related(brand_before(d, i), model->link))
            brand = NULL;
        else
            model = NULL;
    }
    if (brand && place && prev_is_prep(d, i))
        brand = NULL;           /* "in Lincoln" */
    if (brand)
        return add_gz(d, CN_ENT_BRAND, brand, i, len);
    if (model)
        return add_gz(d, CN_ENT_MODEL, model, i, len);
    if (org)
        return add_gz(d, CN_ENT_ORGANIZATION, org, i, len);
    if (place && add_gz(d, CN_ENT_PLACE, place, i, len))
        return -1;
    if (plant && (!place || plant_context(d, i, len, plant)))
        return add_gz(d, CN_ENT_PLANT, plant, i, len);
    return 0;
}

int ex_entities(cn_doc *d)
{
    const token *t = d->seg.toks;
    size_t n = d->seg.n_toks;
    gz_match m[MAX_MATCHES];
    if (ex_orgs(d))
        return -1;
    for (size_t i = 0; i < n;) {
        if (!(t[i].flags & (TK_WORD | TK_NUM)) || ex_entity_at(d, i)) {
            i++;
            continue;
        }
        size_t found = gz_lookup(d->an->gaz, d->res.text, t, n, i, m, MAX_MATCHES);
        size_t best = 0;
        for (size_t k = 0; k < found; k++) {
            gz_kind kd = (gz_kind)m[k].entry->kind;
            if (kd != GZ_ROLE && kd != GZ_DEMONYM && m[k].ntok > best)
                best = m[k].ntok;
        }
        /* A person's name beats a one-word gazetteer hit ("Henry Ford"). */
        size_t person = best < 2 ? ex_person_at(d, i) : 0;
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
    return ex_people(d);
}
