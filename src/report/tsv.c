/* TSV report: one row per entity, figure and quote, with one fixed set of
 * columns for every row so that cut -f, sort and awk work on any mix.
 * The columns are documented in man/carnews.1 (OUTPUT FORMATS). */
#include <stdio.h>
#include <string.h>

#include "report.h"

enum {
    COL_SOURCE, COL_TYPE, COL_NAME, COL_KIND, COL_VALUE, COL_UNIT,
    COL_QUALIFIER, COL_REGION, COL_PERIOD, COL_ROLE, COL_ORGANIZATION,
    COL_PARENT, COL_LOCATION, COL_COUNTRY, COL_MENTIONS, COL_START, COL_END,
    COL_TEXT, COL_COUNT
};

static const char *const COLUMNS[COL_COUNT] = {
    "source", "type", "name", "kind", "value", "unit", "qualifier", "region",
    "period", "role", "organization", "parent", "location", "country",
    "mentions", "start", "end", "text"
};

/* Numbers are formatted into this much room per cell. */
#define NUM_CELL 32

typedef struct {
    const char *s[COL_COUNT];   /* NULL = empty */
    size_t len[COL_COUNT];
    char num[3][NUM_CELL];      /* room for mentions, start, end */
} row;

/* TAB, newline, CR and backslash would break the row structure: they are
 * written as \t, \n, \r and \\. */
static void put_field(buf *b, const char *s, size_t len)
{
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        const char *esc = c == '\t' ? "\\t" : c == '\n' ? "\\n"
                        : c == '\r' ? "\\r" : c == '\\' ? "\\\\" : NULL;
        if (!esc) {
            run++;
            continue;
        }
        cni_buf_put(b, s + i - run, run);
        run = 0;
        cni_buf_puts(b, esc);
    }
    cni_buf_put(b, s + len - run, run);
}

static void set(row *r, int col, const char *s)
{
    r->s[col] = s;
    r->len[col] = s ? strlen(s) : 0;
}

static void set_size(row *r, int col, int slot, size_t v)
{
    snprintf(r->num[slot], NUM_CELL, "%zu", v);
    set(r, col, r->num[slot]);
}

/* Every row names its source, its type and the entity it is about. */
static void row_begin(row *r, const char *source, const char *type, const char *name)
{
    memset(r, 0, sizeof *r);
    set(r, COL_SOURCE, source);
    set(r, COL_TYPE, type);
    set(r, COL_NAME, name);
}

/* ... and the span of text it comes from. */
static void row_span(row *r, const cn_result *res, size_t start, size_t end)
{
    set_size(r, COL_START, 1, start);
    set_size(r, COL_END, 2, end);
    r->s[COL_TEXT] = res->text + start;
    r->len[COL_TEXT] = end - start;
}

/* value is a number (cni_rep_json_number), not a string: value_of != NULL
 * writes that figure's value in its column. */
static void put_row(buf *b, const row *r, const cn_figure *value_of)
{
    for (int c = 0; c < COL_COUNT; c++) {
        if (c)
            cni_buf_putc(b, '\t');
        if (c == COL_VALUE && value_of)
            cni_rep_json_number(b, value_of->value);
        else if (r->s[c])
            put_field(b, r->s[c], r->len[c]);
    }
    cni_buf_putc(b, '\n');
}

static void entity_row(const cn_result *res, const cn_entity *e, const char *source,
                       buf *b)
{
    row r;
    row_begin(&r, source, cn_entity_type_name(e->type), e->name);
    switch (e->type) {
    case CN_ENT_BRAND:
        set(&r, COL_PARENT, e->parent);
        set(&r, COL_COUNTRY, e->country);
        break;
    case CN_ENT_MODEL:
        set(&r, COL_PARENT, e->brand);      /* a model's parent is its brand */
        break;
    case CN_ENT_PLANT:
        set(&r, COL_PARENT, e->owner);      /* and a plant's, its owner */
        set(&r, COL_LOCATION, e->location);
        set(&r, COL_COUNTRY, e->country);
        break;
    case CN_ENT_PERSON:
        set(&r, COL_ROLE, e->role);
        set(&r, COL_ORGANIZATION, e->organization);
        break;
    case CN_ENT_ORGANIZATION:
        set(&r, COL_KIND, e->kind);
        break;
    case CN_ENT_PLACE:
        set(&r, COL_KIND, e->kind);
        set(&r, COL_COUNTRY, e->country);
        break;
    default:
        break;
    }
    set_size(&r, COL_MENTIONS, 0, e->n_mentions);
    if (e->n_mentions)
        row_span(&r, res, e->mentions[0].start, e->mentions[0].end);
    put_row(b, &r, NULL);
}

static void figure_row(const cn_result *res, const cn_figure *f, const char *source,
                       buf *b)
{
    row r;
    row_begin(&r, source, "figure", f->subject);
    set(&r, COL_KIND, f->kind);
    set(&r, COL_UNIT, f->unit);
    set(&r, COL_QUALIFIER, f->qualifier);
    set(&r, COL_REGION, f->region);
    set(&r, COL_PERIOD, f->period);
    row_span(&r, res, f->start, f->end);
    put_row(b, &r, f);
}

static void quote_row(const cn_result *res, const cn_quote *q, const char *source,
                      buf *b)
{
    row r;
    row_begin(&r, source, "quote", q->speaker);
    row_span(&r, res, q->start, q->end);
    put_row(b, &r, NULL);
}

void cni_rep_tsv(const cn_result *r, const char *source, const cn_report_options *o,
             buf *b)
{
    if (!source)
        source = "-";
    if (o && o->tsv_header) {
        for (int c = 0; c < COL_COUNT; c++) {
            if (c)
                cni_buf_putc(b, '\t');
            cni_buf_puts(b, COLUMNS[c]);
        }
        cni_buf_putc(b, '\n');
    }
    for (size_t i = 0; i < r->n_entities; i++)
        if (cni_rep_wants(o, 1u << r->entities[i].type))
            entity_row(r, &r->entities[i], source, b);
    if (cni_rep_wants(o, CN_TYPE_FIGURE))
        for (size_t i = 0; i < r->n_figures; i++)
            figure_row(r, &r->figures[i], source, b);
    if (cni_rep_wants(o, CN_TYPE_QUOTE))
        for (size_t i = 0; i < r->n_quotes; i++)
            quote_row(r, &r->quotes[i], source, b);
}
