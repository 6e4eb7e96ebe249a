/* Text report: a summary a person can read in ten seconds.  A header block
 * (source, title, date, stats), then one small table per entity type
 * ranked by mentions, the figures and the quotes.  Empty sections are
 * left out. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "utf8.h"

/* Quotes are cut to this many characters, with an ellipsis. */
#define QUOTE_MAX_CHARS 100
/* Width of the labels in the header block ("Published" + a space). */
#define LABEL_WIDTH 11


/*** Sections ***/

/* Most mentioned first; ties keep the order of first appearance. */
static int by_mentions(const void *x, const void *y)
{
    const cn_entity *a = *(const cn_entity *const *)x;
    const cn_entity *b = *(const cn_entity *const *)y;
    if (a->n_mentions != b->n_mentions)
        return a->n_mentions > b->n_mentions ? -1 : 1;
    return a < b ? -1 : a > b;
}

static int entity_section(const cn_result *r, const rep_section *s, int color, buf *b)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n_entities; i++)
        n += r->entities[i].type == s->type;
    if (n == 0)
        return 0;
    const cn_entity **order = malloc(n * sizeof *order);
    if (!order)
        return -1;
    n = 0;
    for (size_t i = 0; i < r->n_entities; i++)
        if (r->entities[i].type == s->type)
            order[n++] = &r->entities[i];
    qsort(order, n, sizeof *order, by_mentions);

    const rep_attr *attrs;
    size_t na = cni_rep_attrs(s->type, &attrs);
    const char *heads[REP_MAX_COLS] = {"", "mentions"};
    for (size_t k = 0; k < na; k++)
        heads[2 + k] = attrs[k].name;
    rep_table t;
    cni_rep_tab_init(&t, 2 + REP_MAX_ATTRS, 1u << 1);
    for (size_t i = 0; i < n; i++) {
        char **row = cni_rep_tab_row(&t);
        if (!row)
            break;
        cni_rep_tab_str(&t, &row[0], order[i]->name);
        cni_rep_tab_count(&t, &row[1], order[i]->n_mentions);
        for (size_t k = 0; k < na; k++)
            cni_rep_tab_str(&t, &row[2 + k], cni_rep_attr_value(order[i], &attrs[k]));
    }
    if (!t.failed)
        cni_rep_tab_render(&t, s->title, heads, color, b);
    int failed = t.failed;
    cni_rep_tab_free(&t);
    free(order);
    return failed ? -1 : 0;
}

static int figures_section(const cn_result *r, int color, buf *b)
{
    static const char *const heads[] = {"", "value", "subject", "region", "period"};
    rep_table t;
    cni_rep_tab_init(&t, 5, 0);
    for (size_t i = 0; i < r->n_figures; i++) {
        const cn_figure *f = &r->figures[i];
        char **row = cni_rep_tab_row(&t);
        if (!row)
            break;
        cni_rep_tab_str(&t, &row[0], f->kind);
        buf tmp;
        cni_buf_init(&tmp);
        cni_rep_put_value(&tmp, f);
        cni_rep_tab_take(&t, &row[1], &tmp);
        cni_rep_tab_str(&t, &row[2], f->subject);
        cni_rep_tab_str(&t, &row[3], f->region);
        cni_rep_tab_str(&t, &row[4], f->period);
    }
    if (!t.failed)
        cni_rep_tab_render(&t, "Figures", heads, color, b);
    int failed = t.failed;
    cni_rep_tab_free(&t);
    return failed ? -1 : 0;
}

static int quotes_section(const cn_result *r, buf *b, int color)
{
    rep_table t;
    cni_rep_tab_init(&t, 2, 0);
    for (size_t i = 0; i < r->n_quotes; i++) {
        const cn_quote *q = &r->quotes[i];
        char **row = cni_rep_tab_row(&t);
        if (!row)
            break;
        cni_rep_tab_str(&t, &row[0], q->speaker ? q->speaker : "(unknown)");
        buf tmp;
        cni_buf_init(&tmp);
        cni_buf_putc(&tmp, '"');
        cni_rep_put_clean(&tmp, r->text + q->start, q->end - q->start, QUOTE_MAX_CHARS);
        cni_buf_putc(&tmp, '"');
        cni_rep_tab_take(&t, &row[1], &tmp);
    }
    if (!t.failed)
        cni_rep_tab_render(&t, "Quotes", NULL, color, b);
    int failed = t.failed;
    cni_rep_tab_free(&t);
    return failed ? -1 : 0;
}

/*** Header ***/

static void label(buf *b, int color, const char *name)
{
    cni_rep_styled(b, color, SGR_BOLD, name);
    cni_rep_pad(b, LABEL_WIDTH - strlen(name));
}

static void header(const cn_result *r, const char *source, int color, buf *b)
{
    label(b, color, "Source");
    cni_rep_put_escaped_path(b, source ? source : "-");
    cni_buf_putc(b, '\n');
    static const char *const names[] = {"Title", "Published", "Author", "Site"};
    const char *values[] = {r->title, r->published, r->author, r->site};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (!values[i] || !*values[i])
            continue;
        label(b, color, names[i]);
        cni_rep_put_clean(b, values[i], strlen(values[i]), 0);
        cni_buf_putc(b, '\n');
    }
    label(b, color, "Stats");
    cni_buf_puts(b, r->format ? r->format : "text");
    const struct { size_t n; const char *one, *many; } stats[] = {
        {r->stats.bytes, "byte", "bytes"}, {r->stats.paragraphs, "paragraph", "paragraphs"},
        {r->stats.sentences, "sentence", "sentences"}, {r->stats.words, "word", "words"},
    };
    for (size_t i = 0; i < sizeof stats / sizeof stats[0]; i++) {
        cni_buf_puts(b, ", ");
        cni_rep_put_decimal(b, (double)stats[i].n, 0);
        cni_buf_putc(b, ' ');
        cni_buf_puts(b, stats[i].n == 1 ? stats[i].one : stats[i].many);
    }
    cni_buf_putc(b, '\n');
}

void cni_rep_text(const cn_result *r, const char *source, const cn_report_options *o,
              buf *b)
{
    int color = o && o->color;
    header(r, source, color, b);
    int any = 0, failed = 0;
    for (size_t i = 0; i < REP_N_SECTIONS && !failed; i++) {
        const rep_section *s = &cni_rep_sections[i];
        if (!cni_rep_wants(o, 1u << s->type))
            continue;
        int has = 0;
        for (size_t k = 0; k < r->n_entities && !has; k++)
            has = r->entities[k].type == s->type;
        if (!has)
            continue;
        if (!any++)
            cni_buf_putc(b, '\n');
        failed = entity_section(r, s, color, b) != 0;
    }
    if (!failed && r->n_figures && cni_rep_wants(o, CN_TYPE_FIGURE)) {
        if (!any++)
            cni_buf_putc(b, '\n');
        failed = figures_section(r, color, b) != 0;
    }
    if (!failed && r->n_quotes && cni_rep_wants(o, CN_TYPE_QUOTE)) {
        if (!any++)
            cni_buf_putc(b, '\n');
        failed = quotes_section(r, b, color) != 0;
    }
    if (failed)
        b->failed = 1;      /* cn_report_render then reports out of memory */
}
