/* TSV report: one row per entity, figure and quote, with one fixed set of
 * columns for every row so that cut -f, sort and awk work on any mix.
 * The columns are documented in man/carnews.1 (OUTPUT FORMATS). */
#include <stdio.h>
#include <string.h>

#include "report.h"

/* Numbers are formatted into this much room per cell. */
#define NUM_CELL 32

typedef struct {
    const char *s[REP_ARTICLE_COLS];   /* NULL = empty */
    size_t len[REP_ARTICLE_COLS];
    char num[3][NUM_CELL];      /* room for mentions, start, end */
} row;

/* TAB, newline, CR and backslash would break the row structure: they are
 * written as \t, \n, \r and \\. */
void cni_rep_tsv_field(buf *b, const char *s, size_t len)
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
    set(r, REP_COL_SOURCE, source);
    set(r, REP_COL_TYPE, type);
    set(r, REP_COL_NAME, name);
}

/* ... and the span of text it comes from. */
static void row_span(row *r, const cn_result *res, size_t start, size_t end)
{
    set_size(r, REP_COL_START, 1, start);
    set_size(r, REP_COL_END, 2, end);
    r->s[REP_COL_TEXT] = res->text + start;
    r->len[REP_COL_TEXT] = end - start;
}

/* value is a number (cni_rep_json_number), not a string: value_of != NULL
 * writes that figure's value in its column. */
static void put_row(buf *b, const row *r, const cn_figure *value_of)
{
    for (int c = 0; c < REP_ARTICLE_COLS; c++) {
        if (c)
            cni_buf_putc(b, '\t');
        if (c == REP_COL_VALUE && value_of)
            cni_rep_json_number(b, value_of->value);
        else if (r->s[c])
            cni_rep_tsv_field(b, r->s[c], r->len[c]);
    }
    cni_buf_putc(b, '\n');
}

static void entity_row(const cn_result *res, const cn_entity *e, const char *source,
                       buf *b)
{
    row r;
    row_begin(&r, source, cn_entity_type_name(e->type), e->name);
    const rep_attr *attrs;
    size_t na = cni_rep_attrs(e->type, &attrs);
    for (size_t i = 0; i < na; i++)
        set(&r, attrs[i].column, cni_rep_attr_value(e, &attrs[i]));
    set_size(&r, REP_COL_MENTIONS, 0, e->n_mentions);
    if (e->n_mentions)
        row_span(&r, res, e->mentions[0].start, e->mentions[0].end);
    put_row(b, &r, NULL);
}

static void figure_row(const cn_result *res, const cn_figure *f, const char *source,
                       buf *b)
{
    row r;
    row_begin(&r, source, "figure", f->subject);
    set(&r, REP_COL_KIND, f->kind);
    set(&r, REP_COL_UNIT, f->unit);
    set(&r, REP_COL_QUALIFIER, f->qualifier);
    set(&r, REP_COL_REGION, f->region);
    set(&r, REP_COL_PERIOD, f->period);
    set(&r, REP_COL_REPORTED_BY, f->source);
    set(&r, REP_COL_MEASURE, f->measure);
    set(&r, REP_COL_PERIOD_TEXT, f->period_text);
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

/* The header rows as cn_report_tsv_header() gives them; a unit test
 * checks them against cni_rep_column_names. */
#define ARTICLE_HEADER "source\ttype\tname\tkind\tvalue\tunit\tqualifier\tregion\t" \
    "period\trole\torganization\tparent\tlocation\tcountry\tmentions\tstart\tend\ttext\t" \
    "reported_by\tmeasure\tperiod_text"

const char *cn_report_tsv_header(int summary)
{
    return summary ? ARTICLE_HEADER "\tarticles\tquotes\n" : ARTICLE_HEADER "\n";
}

void cni_rep_tsv_header(buf *b, size_t ncols)
{
    for (size_t c = 0; c < ncols; c++) {
        if (c)
            cni_buf_putc(b, '\t');
        cni_buf_puts(b, cni_rep_column_names[c]);
    }
    cni_buf_putc(b, '\n');
}

void cni_rep_tsv(const cn_result *r, const char *source, const cn_report_options *o,
             buf *b)
{
    if (!source)
        source = "-";
    if (o && o->tsv_header)
        cni_rep_tsv_header(b, REP_ARTICLE_COLS);
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
