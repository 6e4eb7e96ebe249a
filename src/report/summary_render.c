/* Printing the summary in the four formats.  JSON is schema
 * "carnews-summary/1"; the TSV columns are those of the per-article TSV
 * (report_tsv.c) plus "articles" and "quotes". */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "summary.h"

#define SUMMARY_SCHEMA "carnews-summary/1"
#define ROW_INDENT 2
#define COL_GAP 2
/* Cells but the last are cut to this width, as in the per-article text. */
#define COL_MAX_WIDTH 48
#define MAX_COLS 8

#define SGR_BOLD "\033[1m"
#define SGR_DIM "\033[2m"
#define SGR_RESET "\033[0m"

/* Entity kinds in output order, with their JSON key and text title. */
static const struct {
    int type;
    const char *key, *title;
} KINDS[] = {
    {CN_ENT_BRAND, "brands", "Brands"},
    {CN_ENT_MODEL, "models", "Models"},
    {CN_ENT_PERSON, "people", "People"},
    {CN_ENT_PLANT, "plants", "Plants"},
    {CN_ENT_ORGANIZATION, "organizations", "Organizations"},
    {CN_ENT_PLACE, "places", "Places"},
};
#define N_KINDS (sizeof KINDS / sizeof KINDS[0])

static int wants(const summary *s, unsigned bit) { return !s->types || (s->types & bit); }

static const char *type_name(int type)
{
    return type == SUM_SPEAKER ? "speaker" : cn_entity_type_name((cn_entity_type)type);
}

/*** JSON and JSON Lines ***/

static void json_key(const char *k)
{
    out_json_string(k, strlen(k));
    out_puts(":");
}

static void json_entry(const sum_entry *e, int with_type)
{
    out_puts("{");
    if (with_type) {
        json_key("type");
        out_json_str_or_null(type_name(e->type));
        out_puts(",");
    }
    json_key("name");
    out_json_str_or_null(e->name);
    const char *const *attrs = sum_attr_names(e->type);
    for (size_t a = 0; attrs[a]; a++) {
        out_puts(",");
        json_key(attrs[a]);
        out_json_str_or_null(sum_attr(e, a));
    }
    out_printf(",\"articles\":%zu", e->articles);
    if (e->type == SUM_SPEAKER)
        out_printf(",\"quotes\":%zu}", e->quotes);
    else
        out_printf(",\"mentions\":%zu}", e->mentions);
}

static void json_figure(const summary *s, const sum_figure *f, int with_type)
{
    out_puts("{");
    if (with_type)
        out_puts("\"type\":\"figure\",");
    json_key("kind");
    out_json_str_or_null(f->kind);
    out_puts(",\"value\":");
    out_json_number(f->value);
    static const char *const keys[] = {"unit", "qualifier", "subject", "region", "period", "text"};
    const char *vals[] = {f->unit, f->qualifier, f->subject, f->region, f->period, f->text};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        out_puts(",");
        json_key(keys[i]);
        out_json_str_or_null(vals[i]);
    }
    out_printf(",\"start\":%zu,\"end\":%zu,\"sentence\":%zu,\"source\":",
               f->start, f->end, f->sentence);
    out_json_str_or_null(s->sources[f->source]);
    out_puts("}");
}

/* Pretty at the top level, one compact item per line: readable, and
 * still one grep hit per item. */
static void write_json(const summary *s)
{
    out_printf("{\n  \"schema\": \"%s\",\n  \"articles\": %zu", SUMMARY_SCHEMA, s->articles);
    for (size_t k = 0; k < N_KINDS; k++) {
        size_t n = 0;
        const sum_entry **v = sum_sorted(s, KINDS[k].type, &n);
        if (!wants(s, 1u << KINDS[k].type))
            n = 0;
        out_printf(",\n  \"%s\": [", KINDS[k].key);
        for (size_t i = 0; v && i < n; i++) {
            out_puts(i ? ",\n    " : "\n    ");
            json_entry(v[i], 0);
        }
        out_puts(n ? "\n  ]" : "]");
        free(v);
    }
    out_puts(",\n  \"figures\": [");
    for (size_t i = 0; i < s->n_figs; i++) {
        out_puts(i ? ",\n    " : "\n    ");
        json_figure(s, &s->figs[i], 0);
    }
    out_puts(s->n_figs ? "\n  ]" : "]");
    size_t n = 0;
    const sum_entry **v = sum_sorted(s, SUM_SPEAKER, &n);
    out_puts(",\n  \"speakers\": [");
    for (size_t i = 0; v && i < n; i++) {
        out_puts(i ? ",\n    " : "\n    ");
        json_entry(v[i], 0);
    }
    out_puts(n ? "\n  ]" : "]");
    free(v);
    out_puts("\n}\n");
}

static void jsonl_entries(const summary *s, int type)
{
    size_t n = 0;
    const sum_entry **v = sum_sorted(s, type, &n);
    for (size_t i = 0; v && i < n; i++) {
        json_entry(v[i], 1);
        out_puts("\n");
    }
    free(v);
}

static void write_jsonl(const summary *s)
{
    out_printf("{\"type\":\"summary\",\"schema\":\"%s\",\"articles\":%zu}\n",
               SUMMARY_SCHEMA, s->articles);
    for (size_t k = 0; k < N_KINDS; k++)
        if (wants(s, 1u << KINDS[k].type))
            jsonl_entries(s, KINDS[k].type);
    for (size_t i = 0; i < s->n_figs; i++) {
        json_figure(s, &s->figs[i], 1);
        out_puts("\n");
    }
    jsonl_entries(s, SUM_SPEAKER);
}

/*** TSV ***/

enum {
    COL_SOURCE, COL_TYPE, COL_NAME, COL_KIND, COL_VALUE, COL_UNIT,
    COL_QUALIFIER, COL_REGION, COL_PERIOD, COL_ROLE, COL_ORGANIZATION,
    COL_PARENT, COL_LOCATION, COL_COUNTRY, COL_MENTIONS, COL_START, COL_END,
    COL_TEXT, COL_ARTICLES, COL_QUOTES, COL_COUNT
};

/* The per-article columns (report_tsv.c), then the summary's own. */
static const char *const COLUMNS[COL_COUNT] = {
    "source", "type", "name", "kind", "value", "unit", "qualifier", "region",
    "period", "role", "organization", "parent", "location", "country",
    "mentions", "start", "end", "text", "articles", "quotes"
};

/* Which column each entity attribute goes to, as in report_tsv.c. */
static int attr_column(const char *attr)
{
    if (strcmp(attr, "role") == 0) return COL_ROLE;
    if (strcmp(attr, "organization") == 0) return COL_ORGANIZATION;
    if (strcmp(attr, "location") == 0) return COL_LOCATION;
    if (strcmp(attr, "country") == 0) return COL_COUNTRY;
    if (strcmp(attr, "kind") == 0) return COL_KIND;
    return COL_PARENT;      /* parent, a model's brand, a plant's owner */
}

/* value, when not NULL, fills the value column: a number, not a string. */
static void tsv_row(const char *const *cell, const double *value)
{
    for (int c = 0; c < COL_COUNT; c++) {
        if (c)
            out_puts("\t");
        if (c == COL_VALUE && value)
            out_json_number(*value);
        else if (cell[c])
            out_tsv_field(cell[c], strlen(cell[c]));
    }
    out_puts("\n");
}

static void tsv_entry(const sum_entry *e)
{
    const char *cell[COL_COUNT] = {NULL};
    char articles[32], count[32];
    cell[COL_TYPE] = type_name(e->type);
    cell[COL_NAME] = e->name;
    const char *const *attrs = sum_attr_names(e->type);
    for (size_t a = 0; attrs[a]; a++)
        cell[attr_column(attrs[a])] = sum_attr(e, a);
    snprintf(articles, sizeof articles, "%zu", e->articles);
    cell[COL_ARTICLES] = articles;
    snprintf(count, sizeof count, "%zu", e->type == SUM_SPEAKER ? e->quotes : e->mentions);
    cell[e->type == SUM_SPEAKER ? COL_QUOTES : COL_MENTIONS] = count;
    tsv_row(cell, NULL);
}

/* The same row as the per-article TSV gives the figure. */
static void tsv_figure(const summary *s, const sum_figure *f)
{
    const char *cell[COL_COUNT] = {NULL};
    char start[32], end[32];
    snprintf(start, sizeof start, "%zu", f->start);
    snprintf(end, sizeof end, "%zu", f->end);
    cell[COL_SOURCE] = s->sources[f->source];
    cell[COL_TYPE] = "figure";
    cell[COL_NAME] = f->subject;
    cell[COL_KIND] = f->kind;
    cell[COL_UNIT] = f->unit;
    cell[COL_QUALIFIER] = f->qualifier;
    cell[COL_REGION] = f->region;
    cell[COL_PERIOD] = f->period;
    cell[COL_START] = start;
    cell[COL_END] = end;
    cell[COL_TEXT] = f->text;
    tsv_row(cell, &f->value);
}

static void write_tsv(const summary *s, int header)
{
    if (header)
        tsv_row(COLUMNS, NULL);
    for (size_t k = 0; k < N_KINDS; k++) {
        if (!wants(s, 1u << KINDS[k].type))
            continue;
        size_t n = 0;
        const sum_entry **v = sum_sorted(s, KINDS[k].type, &n);
        for (size_t i = 0; v && i < n; i++)
            tsv_entry(v[i]);
        free(v);
    }
    for (size_t i = 0; i < s->n_figs; i++)
        tsv_figure(s, &s->figs[i]);
    size_t n = 0;
    const sum_entry **v = sum_sorted(s, SUM_SPEAKER, &n);
    for (size_t i = 0; v && i < n; i++)
        tsv_entry(v[i]);
    free(v);
}

/*** Text ***/

static char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *xprintf(const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (p)
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

/* For a terminal: control characters become spaces. */
static char *clean(const char *s)
{
    if (!s || !*s)
        return NULL;
    char *d = strdup(s);
    for (char *p = d; p && *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7F)
            *p = ' ';
    return d;
}

static size_t width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void pad(size_t n)
{
    while (n--)
        out_puts(" ");
}

/* s cut to max_w characters with "...", or whole when max_w is 0. */
static void styled_cut(int color, const char *sgr, const char *s, size_t max_w)
{
    if (color)
        out_puts(sgr);
    if (max_w && width(s) > max_w) {
        size_t keep = max_w > 3 ? max_w - 3 : 0, i = 0;
        for (size_t n = 0; s[i]; i++)
            if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == keep)
                break;
        out_write(s, i);
        out_puts("...");
    } else {
        out_puts(s);
    }
    if (color)
        out_puts(SGR_RESET);
}

static void styled(int color, const char *sgr, const char *s)
{
    styled_cut(color, sgr, s, 0);
}

/* Rows of ncols cells (malloc'd strings, NULL = empty), printed under a
 * bold title with dim column headings; columns in right_mask are right-
 * aligned and dim.  Frees the cells. */
static void text_table(const char *title, const char *const *heads, size_t ncols,
                       unsigned right_mask, char **cells, size_t nrows, int color)
{
    size_t w[MAX_COLS] = {0};
    for (size_t r = 0; r < nrows; r++)
        for (size_t c = 0; c < ncols; c++) {
            size_t cw = cells[r * ncols + c] ? width(cells[r * ncols + c]) : 1;
            if (cw > w[c])
                w[c] = cw;
        }
    for (size_t c = 1; c < ncols; c++)
        if (width(heads[c]) > w[c])
            w[c] = width(heads[c]);
    if (width(title) > ROW_INDENT + w[0])
        w[0] = width(title) - ROW_INDENT;
    for (size_t c = 0; c < ncols; c++)
        if (w[c] > COL_MAX_WIDTH)
            w[c] = COL_MAX_WIDTH;

    styled(color, SGR_BOLD, title);
    size_t tw = width(title);
    size_t pending = ROW_INDENT + w[0] > tw ? ROW_INDENT + w[0] - tw : 0;
    for (size_t c = 1; c < ncols; c++) {
        size_t hw = width(heads[c]);
        size_t fill = hw < w[c] ? w[c] - hw : 0;
        int right = (right_mask >> c) & 1;
        pad(pending + COL_GAP + (right ? fill : 0));
        styled(color, SGR_DIM, heads[c]);
        pending = right ? 0 : fill;
    }
    out_puts("\n");
    for (size_t r = 0; r < nrows; r++) {
        pending = ROW_INDENT;
        size_t last = 0;
        for (size_t c = 0; c < ncols; c++)
            if (cells[r * ncols + c])
                last = c;
        for (size_t c = 0; c <= last; c++) {
            const char *s = cells[r * ncols + c] ? cells[r * ncols + c] : "-";
            size_t cw = width(s);
            size_t fill = cw < w[c] ? w[c] - cw : 0;
            int right = (right_mask >> c) & 1;
            pad(pending + (c ? COL_GAP : 0) + (right ? fill : 0));
            styled_cut(color && right, SGR_DIM, s, c < ncols - 1 ? w[c] : 0);
            pending = right ? 0 : fill;
        }
        out_puts("\n");
    }
    for (size_t i = 0; i < nrows * ncols; i++)
        free(cells[i]);
    free(cells);
}

static void text_entities(const summary *s, int type, const char *title, int color)
{
    size_t n = 0;
    const sum_entry **v = sum_sorted(s, type, &n);
    const char *const *attrs = sum_attr_names(type);
    size_t na = 0;
    while (attrs[na])
        na++;
    size_t ncols = 3 + na;
    char **cells = n && v ? calloc(n * ncols, sizeof *cells) : NULL;
    if (!cells) {
        free(v);
        return;
    }
    const char *heads[MAX_COLS] = {"", "articles", type == SUM_SPEAKER ? "quotes" : "mentions"};
    for (size_t a = 0; a < na; a++)
        heads[3 + a] = attrs[a];
    for (size_t i = 0; i < n; i++) {
        char **row = cells + i * ncols;
        row[0] = clean(v[i]->name);
        row[1] = xprintf("%zu", v[i]->articles);
        row[2] = xprintf("%zu", type == SUM_SPEAKER ? v[i]->quotes : v[i]->mentions);
        for (size_t a = 0; a < na; a++)
            row[3 + a] = clean(sum_attr(v[i], a));
    }
    text_table(title, heads, ncols, 1u << 1 | 1u << 2, cells, n, color);
    free(v);
}

/* A figure's value as in the per-article text report: "16,617 vehicles",
 * "GBP 1.2bn", "16.2%". */
static char *value_text(const sum_figure *f)
{
    double v = f->value;
    const char *u = f->unit;
    const char *q = f->qualifier ? f->qualifier : "";
    const char *qs = *q ? " " : "";
    if (!isfinite(v))
        return xprintf("%s%s?%s%s", q, qs, u ? " " : "", u ? u : "");
    char num[400];
    int money = u && strlen(u) == 3 && u[0] >= 'A' && u[0] <= 'Z' &&
                u[1] >= 'A' && u[1] <= 'Z' && u[2] >= 'A' && u[2] <= 'Z';
    const char *suffix = "";
    double shown = v;
    int decimals = 2;
    if (money) {
        static const struct { double scale; const char *suffix; } steps[] = {
            {1e12, "tn"}, {1e9, "bn"}, {1e6, "m"}
        };
        for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
            if (fabs(v) >= steps[i].scale) {
                shown = v / steps[i].scale;
                suffix = steps[i].suffix;
                decimals = 3;
                break;
            }
    }
    snprintf(num, sizeof num, "%.*f", decimals, fabs(shown));
    char *dot = strchr(num, '.');
    if (dot) {
        char *end = num + strlen(num);
        while (end > dot + 1 && end[-1] == '0')
            end--;
        *(end == dot + 1 ? dot : end) = '\0';
    }
    /* Thousands separators in the integer part. */
    char grouped[600];
    size_t int_len = strcspn(num, "."), o = 0;
    if (shown < 0 && strspn(num, "0.") != strlen(num))
        grouped[o++] = '-';
    for (size_t i = 0; i < int_len; i++) {
        if (i > 0 && (int_len - i) % 3 == 0)
            grouped[o++] = ',';
        grouped[o++] = num[i];
    }
    snprintf(grouped + o, sizeof grouped - o, "%s", num + int_len);
    if (u && strcmp(u, "percent") == 0)
        return xprintf("%s%s%s%%", q, qs, grouped);
    if (money)
        return xprintf("%s%s%s %s%s", q, qs, u, grouped, suffix);
    return xprintf("%s%s%s%s%s", q, qs, grouped, u ? " " : "", u ? u : "");
}

static void text_figures(const summary *s, int color)
{
    static const char *const heads[] = {"", "kind", "value", "subject", "region", "period"};
    const size_t ncols = 6;
    char **cells = calloc(s->n_figs * ncols, sizeof *cells);
    if (!cells)
        return;
    for (size_t i = 0; i < s->n_figs; i++) {
        const sum_figure *f = &s->figs[i];
        char **row = cells + i * ncols;
        row[0] = clean(s->sources[f->source]);
        row[1] = clean(f->kind);
        row[2] = value_text(f);
        row[3] = clean(f->subject);
        row[4] = clean(f->region);
        row[5] = clean(f->period);
    }
    text_table("Figures", heads, ncols, 0, cells, s->n_figs, color);
}

static void write_text(const summary *s, int color)
{
    styled(color, SGR_BOLD, "Summary");
    out_printf("    %zu article%s\n\n", s->articles, s->articles == 1 ? "" : "s");
    for (size_t k = 0; k < N_KINDS; k++)
        if (wants(s, 1u << KINDS[k].type))
            text_entities(s, KINDS[k].type, KINDS[k].title, color);
    if (s->n_figs)
        text_figures(s, color);
    text_entities(s, SUM_SPEAKER, "Speakers", color);
}

void sum_write(summary *s, cn_format fmt, int color, int tsv_header)
{
    switch (fmt) {
    case CN_FORMAT_JSON: write_json(s); break;
    case CN_FORMAT_JSONL: write_jsonl(s); break;
    case CN_FORMAT_TSV: write_tsv(s, tsv_header); break;
    case CN_FORMAT_TEXT: write_text(s, color); break;
    }
}
