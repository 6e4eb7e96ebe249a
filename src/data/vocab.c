#include "vocab.h"

#include <stdio.h>
#include <string.h>

static const char *const FIGURE_KINDS[FK_COUNT] = {
    [FK_SALES] = "sales", [FK_PRODUCTION] = "production",
    [FK_REGISTRATIONS] = "registrations", [FK_DELIVERIES] = "deliveries",
    [FK_EXPORTS] = "exports", [FK_CAPACITY] = "capacity", [FK_JOBS] = "jobs",
    [FK_INVESTMENT] = "investment", [FK_PRICE] = "price",
    [FK_MARKET_SHARE] = "market-share", [FK_REVENUE] = "revenue",
    [FK_PROFIT] = "profit", [FK_CHANGE] = "change", [FK_OTHER] = "other",
};

const char *cni_figure_kind_name(figure_kind k)
{
    return (unsigned)k < FK_COUNT ? FIGURE_KINDS[k] : NULL;
}

int cni_figure_kind_from_name(const char *name)
{
    for (int k = 0; k < FK_COUNT; k++)
        if (strcmp(FIGURE_KINDS[k], name) == 0)
            return k;
    return -1;
}

/* Labels beyond the figure kinds, per set; NULL-terminated. */
static const char *const FIGURE_KIND_EXTRA[] = {"loss", NULL};   /* a negative profit */
static const char *const CHANGE_LABELS[] = {"level", "before", "after", NULL};
static const char *const DIRECTION_LABELS[] = {"fall", NULL};
static const char *const ANAPHOR_LABELS[] = {"anaphor", NULL};
static const char *const GLOBAL_LABELS[] = {"global", NULL};
static const char *const SOURCE_LABELS[] = {"lead", "name", NULL};
static const char *const JOB_LABELS[] = {"create", "cut", NULL};
static const char *const PERIOD_LABELS[] = {"base", "extend", "phrase", NULL};
static const char *const PLANT_LABELS[] = {"plant", NULL};
static const char *const RESPECTIVELY_LABELS[] = {"respectively", NULL};
static const char *const SPEECH_LABELS[] = {"verb", "colon", NULL};
static const char *const VEHICLE_LABELS[] = {"vehicle", NULL};

static const struct {
    const char *name;
    const char *const *labels;
    int figure_kinds;       /* the figure kinds are labels too */
} SETS[RS_COUNT] = {
    [RS_FIGURE_KIND] = {"figure-kind", FIGURE_KIND_EXTRA, 1},
    [RS_CHANGE] = {"change", CHANGE_LABELS, 0},
    [RS_CHANGE_DIRECTION] = {"change-direction", DIRECTION_LABELS, 0},
    [RS_FIGURE_ANAPHOR] = {"figure-anaphor", ANAPHOR_LABELS, 0},
    [RS_FIGURE_GLOBAL] = {"figure-global", GLOBAL_LABELS, 0},
    [RS_FIGURE_SOURCE] = {"figure-source", SOURCE_LABELS, 0},
    [RS_JOB_CHANGE] = {"job-change", JOB_LABELS, 0},
    [RS_PERIOD_PHRASES] = {"period-phrases", PERIOD_LABELS, 0},
    [RS_PLANT_ANAPHOR] = {"plant-anaphor", PLANT_LABELS, 0},
    [RS_PLANT_CONTEXT] = {"plant-context", PLANT_LABELS, 0},
    [RS_RESPECTIVELY] = {"respectively", RESPECTIVELY_LABELS, 0},
    [RS_SPEECH] = {"speech", SPEECH_LABELS, 0},
    [RS_VEHICLE_CONTEXT] = {"vehicle-context", VEHICLE_LABELS, 0},
};

int cni_rule_set_from_name(const char *name)
{
    for (int s = 0; s < RS_COUNT; s++)
        if (strcmp(SETS[s].name, name) == 0)
            return s;
    return -1;
}

const char *cni_rule_set_name(rule_set_id s) { return (unsigned)s < RS_COUNT ? SETS[s].name : NULL; }

int cni_rule_label_allowed(rule_set_id s, const char *label)
{
    if ((unsigned)s >= RS_COUNT)
        return 0;
    if (SETS[s].figure_kinds && cni_figure_kind_from_name(label) >= 0)
        return 1;
    for (const char *const *l = SETS[s].labels; *l; l++)
        if (strcmp(*l, label) == 0)
            return 1;
    return 0;
}

static void append(char *out, size_t cap, size_t *n, const char *word)
{
    int k = snprintf(out + *n, cap - *n, "%s%s", *n ? ", " : "", word);
    if (k > 0 && (size_t)k < cap - *n)
        *n += (size_t)k;
}

void cni_rule_labels(rule_set_id s, char *out, size_t cap)
{
    size_t n = 0;
    if (cap)
        out[0] = '\0';
    if ((unsigned)s >= RS_COUNT || cap == 0)
        return;
    for (int k = 0; SETS[s].figure_kinds && k < FK_COUNT; k++)
        append(out, cap, &n, FIGURE_KINDS[k]);
    for (const char *const *l = SETS[s].labels; *l; l++)
        append(out, cap, &n, *l);
}

void cni_rule_set_names(char *out, size_t cap)
{
    size_t n = 0;
    if (cap)
        out[0] = '\0';
    for (int s = 0; s < RS_COUNT && cap; s++)
        append(out, cap, &n, SETS[s].name);
}
