/* What every writer shares: entity attributes, sections, TSV columns. */
#include <stddef.h>

#include "report.h"

const char *const cni_rep_column_names[REP_COL_COUNT] = {
    "source", "type", "name", "kind", "value", "unit", "qualifier", "region",
    "period", "role", "organization", "parent", "location", "country",
    "mentions", "start", "end", "text", "reported_by", "measure", "period_text",
    "articles", "quotes"
};

#define ATTR(key, field, col) {key, sizeof key - 1, offsetof(cn_entity, field), col}

/* A model's brand and a plant's owner share the parent column in TSV. */
static const rep_attr BRAND_ATTRS[] = {
    ATTR("parent", parent, REP_COL_PARENT), ATTR("country", country, REP_COL_COUNTRY)};
static const rep_attr MODEL_ATTRS[] = {ATTR("brand", brand, REP_COL_PARENT)};
static const rep_attr PLANT_ATTRS[] = {
    ATTR("owner", owner, REP_COL_PARENT), ATTR("location", location, REP_COL_LOCATION),
    ATTR("country", country, REP_COL_COUNTRY)};
static const rep_attr PERSON_ATTRS[] = {
    ATTR("role", role, REP_COL_ROLE), ATTR("organization", organization, REP_COL_ORGANIZATION)};
static const rep_attr ORGANIZATION_ATTRS[] = {ATTR("kind", kind, REP_COL_KIND)};
static const rep_attr PLACE_ATTRS[] = {
    ATTR("kind", kind, REP_COL_KIND), ATTR("country", country, REP_COL_COUNTRY)};

#define LIST(a) {a, sizeof a / sizeof a[0]}
static const struct {
    const rep_attr *v;
    size_t n;
} ATTRS[CN_ENT_TYPE_COUNT] = {
    [CN_ENT_BRAND] = LIST(BRAND_ATTRS), [CN_ENT_MODEL] = LIST(MODEL_ATTRS),
    [CN_ENT_PLANT] = LIST(PLANT_ATTRS), [CN_ENT_PERSON] = LIST(PERSON_ATTRS),
    [CN_ENT_ORGANIZATION] = LIST(ORGANIZATION_ATTRS), [CN_ENT_PLACE] = LIST(PLACE_ATTRS),
};

const rep_section cni_rep_sections[REP_N_SECTIONS] = {
    {CN_ENT_BRAND, "brands", "Brands"},
    {CN_ENT_MODEL, "models", "Models"},
    {CN_ENT_PERSON, "people", "People"},
    {CN_ENT_PLANT, "plants", "Plants"},
    {CN_ENT_ORGANIZATION, "organizations", "Organizations"},
    {CN_ENT_PLACE, "places", "Places"},
};

size_t cni_rep_attrs(int type, const rep_attr **attrs)
{
    if (type < 0 || type >= CN_ENT_TYPE_COUNT) {
        *attrs = NULL;
        return 0;
    }
    *attrs = ATTRS[type].v;
    return ATTRS[type].n;
}

int cni_rep_wants_mask(unsigned types, unsigned type_bit)
{
    return !types || (types & type_bit);
}

int cni_rep_wants(const cn_report_options *o, unsigned type_bit)
{
    return cni_rep_wants_mask(o ? o->types : 0, type_bit);
}
