/* The closed vocabularies of the rule files: which rule sets exist and
 * which labels each may emit.  A rule with another label, or a .rules
 * file with another name, is refused at load with file:line. */
#ifndef CN_VOCAB_H
#define CN_VOCAB_H
#include <stddef.h>

/* Figure kinds, in the order of the contract (shared/spec/output.md). */
typedef enum {
    FK_SALES, FK_PRODUCTION, FK_REGISTRATIONS, FK_DELIVERIES, FK_EXPORTS,
    FK_CAPACITY, FK_JOBS, FK_INVESTMENT, FK_PRICE, FK_MARKET_SHARE,
    FK_REVENUE, FK_PROFIT, FK_CHANGE, FK_OTHER,
    FK_COUNT
} figure_kind;

/* "sales", "market-share", ...; NULL for a value out of range. */
const char *cni_figure_kind_name(figure_kind k);
/* The kind with that name, or -1. */
int cni_figure_kind_from_name(const char *name);

/* The rule sets (one per data/rules/NAME.rules). */
typedef enum {
    RS_FIGURE_KIND, RS_CHANGE, RS_CHANGE_DIRECTION, RS_FIGURE_ANAPHOR, RS_FIGURE_GLOBAL,
    RS_FIGURE_SOURCE, RS_JOB_CHANGE, RS_PERIOD_PHRASES, RS_PLANT_ANAPHOR,
    RS_PLANT_CONTEXT, RS_RESPECTIVELY, RS_SPEECH, RS_VEHICLE_CONTEXT,
    RS_COUNT
} rule_set_id;

/* The set named name (the file name without ".rules"), or -1. */
int cni_rule_set_from_name(const char *name);
const char *cni_rule_set_name(rule_set_id s);
/* Whether set s may carry label. */
int cni_rule_label_allowed(rule_set_id s, const char *label);
/* The set names, comma-separated, for messages. */
void cni_rule_set_names(char *out, size_t cap);
/* The labels of set s, comma-separated, for messages. */
void cni_rule_labels(rule_set_id s, char *out, size_t cap);
#endif
