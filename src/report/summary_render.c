/* Writing the summary in the four formats.  JSON is schema
 * "carnews-summary/1"; the TSV columns are those of the per-article TSV
 * plus "articles" and "quotes"; the text tables are the per-article ones. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "summary.h"

#define SUMMARY_SCHEMA "carnews-summary/1"

static const char *type_name(int type)
{
    return type == SUM_SPEAKER ? "speaker" : cn_entity_type_name((cn_entity_type)type);
}

/* Entries of one kind in rank order; an empty list (and b marked failed)
 * when out of memory. */
static const sum_entry **sorted(const cn_summary *s, int type, size_t *n, buf *b)
{
    const sum_entry **v = cni_sum_sorted(s, type, n);
    if (!v) {
        *n = 0;
        b->failed = 1;
    }
    return v;
}

/*** JSON and JSON Lines ***/

static void json_key(buf *b, const char *k)
{
    cni_rep_json_string(b, k, strlen(k));
    cni_buf_putc(b, ':');
}

static void json_entry(buf *b, const sum_entry *e, int with_type)
{
    cni_buf_putc(b, '{');
    if (with_type) {
        json_key(b, "type");
        cni_rep_json_str_or_null(b, type_name(e->type));
        cni_buf_putc(b, ',');
    }
    json_key(b, "name");
    cni_rep_json_str_or_null(b, e->name);
    const rep_attr *attrs;
    size_t na = cni_rep_attrs(e->type, &attrs);
    for (size_t a = 0; a < na; a++) {
        cni_buf_putc(b, ',');
        json_key(b, attrs[a].name);
        cni_rep_json_str_or_null(b, cni_sum_attr(e, a));
    }
    cni_buf_printf(b, ",\"articles\":%zu", e->articles);
    if (e->type == SUM_SPEAKER)
        cni_buf_printf(b, ",\"quotes\":%zu}", e->quotes);
    else
        cni_buf_printf(b, ",\"mentions\":%zu}", e->mentions);
}

static void json_figure(buf *b, const cn_summary *s, const sum_figure *sf, int with_type)
{
    const cn_figure *f = &sf->fig;
    cni_buf_putc(b, '{');
    if (with_type)
        cni_buf_puts(b, "\"type\":\"figure\",");
    json_key(b, "kind");
    cni_rep_json_str_or_null(b, f->kind);
    cni_buf_puts(b, ",\"value\":");
    cni_rep_json_number(b, f->value);
    /* "source" is the article here, so the reporting body is "reported_by". */
    static const char *const keys[] = {"unit", "qualifier", "subject", "reported_by", "measure",
                                       "region", "period", "period_text", "text"};
    const char *vals[] = {f->unit, f->qualifier, f->subject, f->source, f->measure, f->region,
                          f->period, f->period_text, sf->text};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        cni_buf_putc(b, ',');
        json_key(b, keys[i]);
        cni_rep_json_str_or_null(b, vals[i]);
    }
    cni_buf_printf(b, ",\"start\":%zu,\"end\":%zu,\"sentence\":%zu,\"source\":",
                   f->start, f->end, f->sentence);
    cni_rep_json_str_or_null(b, s->sources[sf->source]);
    cni_buf_putc(b, '}');
}

/* A pretty list at the top level, one compact item per line: readable,
 * and still one grep hit per item. */
static void json_entry_list(buf *b, const cn_summary *s, const char *key, int type, int wanted)
{
    size_t n = 0;
    const sum_entry **v = sorted(s, type, &n, b);
    if (!wanted)
        n = 0;
    cni_buf_printf(b, ",\n  \"%s\": [", key);
    for (size_t i = 0; i < n; i++) {
        cni_buf_puts(b, i ? ",\n    " : "\n    ");
        json_entry(b, v[i], 0);
    }
    cni_buf_puts(b, n ? "\n  ]" : "]");
    free(v);
}

static void write_json(const cn_summary *s, buf *b)
{
    cni_buf_printf(b, "{\n  \"schema\": \"%s\",\n  \"articles\": %zu", SUMMARY_SCHEMA,
                   s->articles);
    for (size_t k = 0; k < REP_N_SECTIONS; k++)
        json_entry_list(b, s, cni_rep_sections[k].key, cni_rep_sections[k].type,
                        cni_rep_wants_mask(s->types, 1u << cni_rep_sections[k].type));
    cni_buf_puts(b, ",\n  \"figures\": [");
    for (size_t i = 0; i < s->n_figs; i++) {
        cni_buf_puts(b, i ? ",\n    " : "\n    ");
        json_figure(b, s, &s->figs[i], 0);
    }
    cni_buf_puts(b, s->n_figs ? "\n  ]" : "]");
    json_entry_list(b, s, "speakers", SUM_SPEAKER, 1);
    cni_buf_puts(b, "\n}\n");
}

static void jsonl_entries(buf *b, const cn_summary *s, int type)
{
    size_t n = 0;
    const sum_entry **v = sorted(s, type, &n, b);
    for (size_t i = 0; i < n; i++) {
        json_entry(b, v[i], 1);
        cni_buf_putc(b, '\n');
    }
    free(v);
}

static void write_jsonl(const cn_summary *s, buf *b)
{
    cni_buf_printf(b, "{\"type\":\"summary\",\"schema\":\"%s\",\"articles\":%zu}\n",
                   SUMMARY_SCHEMA, s->articles);
    for (size_t k = 0; k < REP_N_SECTIONS; k++)
        if (cni_rep_wants_mask(s->types, 1u << cni_rep_sections[k].type))
            jsonl_entries(b, s, cni_rep_sections[k].type);
    for (size_t i = 0; i < s->n_figs; i++) {
        json_figure(b, s, &s->figs[i], 1);
        cni_buf_putc(b, '\n');
    }
    jsonl_entries(b, s, SUM_SPEAKER);
}

/*** TSV ***/

/* value, when not NULL, fills the value column: a number, not a string. */
static void tsv_row(buf *b, const char *const *cell, const double *value)
{
    for (int c = 0; c < REP_COL_COUNT; c++) {
        if (c)
            cni_buf_putc(b, '\t');
        if (c == REP_COL_VALUE && value)
            cni_rep_json_number(b, *value);
        else if (cell[c])
            cni_rep_tsv_field(b, cell[c], strlen(cell[c]));
    }
    cni_buf_putc(b, '\n');
}

static void tsv_entry(buf *b, const sum_entry *e)
{
    const char *cell[REP_COL_COUNT] = {NULL};
    char articles[32], count[32];
    cell[REP_COL_TYPE] = type_name(e->type);
    cell[REP_COL_NAME] = e->name;
    const rep_attr *attrs;
    size_t na = cni_rep_attrs(e->type, &attrs);
    for (size_t a = 0; a < na; a++)
        cell[attrs[a].column] = cni_sum_attr(e, a);
    snprintf(articles, sizeof articles, "%zu", e->articles);
    cell[REP_COL_ARTICLES] = articles;
    snprintf(count, sizeof count, "%zu", e->type == SUM_SPEAKER ? e->quotes : e->mentions);
    cell[e->type == SUM_SPEAKER ? REP_COL_QUOTES : REP_COL_MENTIONS] = count;
    tsv_row(b, cell, NULL);
}

/* The same row as the per-article TSV gives the figure. */
static void tsv_figure(buf *b, const cn_summary *s, const sum_figure *sf)
{
    const cn_figure *f = &sf->fig;
    const char *cell[REP_COL_COUNT] = {NULL};
    char start[32], end[32];
    snprintf(start, sizeof start, "%zu", f->start);
    snprintf(end, sizeof end, "%zu", f->end);
    cell[REP_COL_SOURCE] = s->sources[sf->source];
    cell[REP_COL_TYPE] = "figure";
    cell[REP_COL_NAME] = f->subject;
    cell[REP_COL_KIND] = f->kind;
    cell[REP_COL_UNIT] = f->unit;
    cell[REP_COL_QUALIFIER] = f->qualifier;
    cell[REP_COL_REGION] = f->region;
    cell[REP_COL_PERIOD] = f->period;
    cell[REP_COL_REPORTED_BY] = f->source;
    cell[REP_COL_MEASURE] = f->measure;
    cell[REP_COL_PERIOD_TEXT] = f->period_text;
    cell[REP_COL_START] = start;
    cell[REP_COL_END] = end;
    cell[REP_COL_TEXT] = sf->text;
    tsv_row(b, cell, &f->value);
}

static void tsv_entries(buf *b, const cn_summary *s, int type)
{
    size_t n = 0;
    const sum_entry **v = sorted(s, type, &n, b);
    for (size_t i = 0; i < n; i++)
        tsv_entry(b, v[i]);
    free(v);
}

static void write_tsv(const cn_summary *s, int header, buf *b)
{
    if (header)
        cni_rep_tsv_header(b, REP_COL_COUNT);
    for (size_t k = 0; k < REP_N_SECTIONS; k++)
        if (cni_rep_wants_mask(s->types, 1u << cni_rep_sections[k].type))
            tsv_entries(b, s, cni_rep_sections[k].type);
    for (size_t i = 0; i < s->n_figs; i++)
        tsv_figure(b, s, &s->figs[i]);
    tsv_entries(b, s, SUM_SPEAKER);
}

/*** Text ***/

static void text_entities(buf *b, const cn_summary *s, int type, const char *title, int color)
{
    size_t n = 0;
    const sum_entry **v = sorted(s, type, &n, b);
    if (n == 0) {
        free(v);
        return;
    }
    const rep_attr *attrs;
    size_t na = cni_rep_attrs(type, &attrs);
    const char *heads[REP_MAX_COLS] = {"", "articles", type == SUM_SPEAKER ? "quotes" : "mentions"};
    for (size_t a = 0; a < na; a++)
        heads[3 + a] = attrs[a].name;
    rep_table t;
    cni_rep_tab_init(&t, 3 + na, 1u << 1 | 1u << 2);
    t.show_all = 1;
    for (size_t i = 0; i < n; i++) {
        char **row = cni_rep_tab_row(&t);
        if (!row)
            break;
        cni_rep_tab_str(&t, &row[0], v[i]->name);
        cni_rep_tab_count(&t, &row[1], v[i]->articles);
        cni_rep_tab_count(&t, &row[2], type == SUM_SPEAKER ? v[i]->quotes : v[i]->mentions);
        for (size_t a = 0; a < na; a++)
            cni_rep_tab_str(&t, &row[3 + a], cni_sum_attr(v[i], a));
    }
    if (!t.failed)
        cni_rep_tab_render(&t, title, heads, color, b);
    else
        b->failed = 1;
    cni_rep_tab_free(&t);
    free(v);
}

static void text_figures(buf *b, const cn_summary *s, int color)
{
    static const char *const heads[] = {"", "kind", "value", "subject", "region", "period"};
    rep_table t;
    cni_rep_tab_init(&t, 6, 0);
    t.show_all = 1;
    for (size_t i = 0; i < s->n_figs; i++) {
        const cn_figure *f = &s->figs[i].fig;
        char **row = cni_rep_tab_row(&t);
        if (!row)
            break;
        cni_rep_tab_str(&t, &row[0], s->sources[s->figs[i].source]);
        cni_rep_tab_str(&t, &row[1], f->kind);
        buf tmp;
        cni_buf_init(&tmp);
        cni_rep_put_value(&tmp, f);
        cni_rep_tab_take(&t, &row[2], &tmp);
        cni_rep_tab_str(&t, &row[3], f->subject);
        cni_rep_tab_str(&t, &row[4], f->region);
        cni_rep_tab_str(&t, &row[5], f->period);
    }
    if (!t.failed)
        cni_rep_tab_render(&t, "Figures", heads, color, b);
    else
        b->failed = 1;
    cni_rep_tab_free(&t);
}

static void write_text(const cn_summary *s, int color, buf *b)
{
    cni_rep_styled(b, color, SGR_BOLD, "Summary");
    cni_buf_puts(b, "    ");
    cni_buf_put_size(b, s->articles);
    cni_buf_puts(b, s->articles == 1 ? " article\n\n" : " articles\n\n");
    for (size_t k = 0; k < REP_N_SECTIONS; k++)
        if (cni_rep_wants_mask(s->types, 1u << cni_rep_sections[k].type))
            text_entities(b, s, cni_rep_sections[k].type, cni_rep_sections[k].title, color);
    if (s->n_figs)
        text_figures(b, s, color);
    text_entities(b, s, SUM_SPEAKER, "Speakers", color);
}

char *cn_summary_render(const cn_summary *s, cn_format fmt, const cn_report_options *opts,
                        size_t *len)
{
    if (len)
        *len = 0;
    if (!s)
        return NULL;
    buf b;
    cni_buf_init(&b);
    switch (fmt) {
    case CN_FORMAT_JSON: write_json(s, &b); break;
    case CN_FORMAT_JSONL: write_jsonl(s, &b); break;
    case CN_FORMAT_TSV: write_tsv(s, !opts || opts->tsv_header, &b); break;
    case CN_FORMAT_TEXT: write_text(s, opts && opts->color, &b); break;
    }
    return cni_buf_detach(&b, len);
}
