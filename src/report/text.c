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
/* A cut quote ends at a word boundary when one is this close to the cut. */
#define QUOTE_WORD_SLACK 20
/* Cells are cut to this width (with "..."), so one long name cannot push
 * every other row off the screen; the last column is never cut. */
#define COL_MAX_WIDTH 48
#define MAX_COLS 8
#define ROW_INDENT 2
#define COL_GAP 2
/* Width of the labels in the header block ("Published" + a space). */
#define LABEL_WIDTH 11

#define SGR_BOLD "\033[1m"
#define SGR_DIM "\033[2m"
#define SGR_RESET "\033[0m"

/*** Clean strings ***/

/* Copy s[0..len) for display: control characters (newlines included)
 * become spaces, runs of white space collapse to one, bytes that are not
 * UTF-8 become U+FFFD.  At most max_chars characters are kept (0 = all);
 * a cut string ends with "...". */
static void put_clean(buf *b, const char *s, size_t len, size_t max_chars)
{
    size_t chars = 0, i = 0;
    int space = 0;
    size_t cut_len = 0;     /* b->len at the last word boundary */
    size_t base = b->len;
    while (i < len && s[i] != '\0') {
        size_t j = i;
        uint32_t cp = cni_utf8_decode(s, len, &j);
        int bad = cp == 0xFFFD && !(j - i == 3 && (unsigned char)s[i] == 0xEF);
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cni_utf8_is_space(cp)) {
            space = chars > 0;
            i = j;
            continue;
        }
        if (max_chars && chars + space >= max_chars) {
            if (cut_len > base && b->len - cut_len < QUOTE_WORD_SLACK)
                b->len = cut_len;
            if (b->data)
                b->data[b->len] = '\0';
            cni_buf_puts(b, "...");
            return;
        }
        if (space) {
            cut_len = b->len;
            cni_buf_putc(b, ' ');
            chars++;
            space = 0;
        }
        if (bad)
            cni_buf_puts(b, "\xEF\xBF\xBD");
        else
            cni_buf_put(b, s + i, j - i);
        chars++;
        i = j;
    }
}

/* Source paths are shown whole, with control characters escaped, so that
 * a name with a newline stays on one line and stays recognisable. */
static void put_escaped_path(buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\n')
            cni_buf_puts(b, "\\n");
        else if (c == '\t')
            cni_buf_puts(b, "\\t");
        else if (c == '\r')
            cni_buf_puts(b, "\\r");
        else if (c < 0x20 || c == 0x7F)
            cni_buf_printf(b, "\\x%02x", c);
        else
            cni_buf_putc(b, (char)c);
    }
}

/* Display width, counted in code points: good enough for the Latin,
 * Greek and Cyrillic names of car-industry news. */
static size_t width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void pad(buf *b, size_t n)
{
    static const char spaces[] = "                                        ";
    while (n > 0) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        cni_buf_put(b, spaces, k);
        n -= k;
    }
}

/* s cut to max_w characters, or whole when max_w is 0. */
static void styled_cut(buf *b, int color, const char *sgr, const char *s, size_t max_w)
{
    if (color)
        cni_buf_puts(b, sgr);
    if (max_w && width(s) > max_w) {
        size_t keep = max_w > 3 ? max_w - 3 : 0, i = 0;
        for (size_t n = 0; s[i]; i++) {
            if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == keep)
                break;
        }
        cni_buf_put(b, s, i);
        cni_buf_puts(b, "...");
    } else {
        cni_buf_puts(b, s);
    }
    if (color)
        cni_buf_puts(b, SGR_RESET);
}

static void styled(buf *b, int color, const char *sgr, const char *s)
{
    styled_cut(b, color, sgr, s, 0);
}

/*** Numbers ***/

/* v with at most max_dec decimals (trailing zeros dropped) and commas
 * between thousands: 16617 -> "16,617", 16.20 -> "16.2". */
static void put_decimal(buf *b, double v, int max_dec)
{
    char tmp[400];
    snprintf(tmp, sizeof tmp, "%.*f", max_dec, fabs(v));
    char *dot = strchr(tmp, '.');
    if (dot) {
        char *end = tmp + strlen(tmp);
        while (end > dot + 1 && end[-1] == '0')
            end--;
        if (end == dot + 1)
            end = dot;
        *end = '\0';
    }
    size_t int_len = dot ? (size_t)(dot - tmp) : strlen(tmp);
    int zero = strspn(tmp, "0.") == strlen(tmp);
    if (v < 0 && !zero)
        cni_buf_putc(b, '-');
    for (size_t i = 0; i < int_len; i++) {
        if (i > 0 && (int_len - i) % 3 == 0)
            cni_buf_putc(b, ',');
        cni_buf_putc(b, tmp[i]);
    }
    if (dot)
        cni_buf_puts(b, dot);
}

/* Currency units are ISO 4217 codes: three capital letters. */
static int is_currency(const char *u)
{
    return u && strlen(u) == 3 && u[0] >= 'A' && u[0] <= 'Z' &&
           u[1] >= 'A' && u[1] <= 'Z' && u[2] >= 'A' && u[2] <= 'Z';
}

/* Money as a reader of the financial pages expects it: "GBP 1.2bn". */
static void put_money(buf *b, double v)
{
    static const struct { double scale; const char *suffix; } steps[] = {
        {1e12, "tn"}, {1e9, "bn"}, {1e6, "m"}
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        if (fabs(v) >= steps[i].scale) {
            put_decimal(b, v / steps[i].scale, 3);
            cni_buf_puts(b, steps[i].suffix);
            return;
        }
    }
    put_decimal(b, v, 2);
}

static void put_value(buf *b, const cn_figure *f)
{
    if (f->qualifier) {
        put_clean(b, f->qualifier, strlen(f->qualifier), 0);
        cni_buf_putc(b, ' ');
    }
    if (!isfinite(f->value)) {
        cni_buf_putc(b, '?');
    } else if (f->unit && strcmp(f->unit, "percent") == 0) {
        put_decimal(b, f->value, 2);
        cni_buf_putc(b, '%');
        return;
    } else if (is_currency(f->unit)) {
        cni_buf_puts(b, f->unit);
        cni_buf_putc(b, ' ');
        put_money(b, f->value);
        return;
    } else {
        put_decimal(b, f->value, 2);
    }
    if (f->unit) {
        cni_buf_putc(b, ' ');
        put_clean(b, f->unit, strlen(f->unit), 0);
    }
}

/*** Tables ***/

typedef struct {
    size_t ncols, nrows, cap;
    char **cell;            /* nrows * ncols strings; NULL when empty */
    unsigned right;         /* bit c: column c is right-aligned */
    int failed;
} table;

static void tab_init(table *t, size_t ncols, unsigned right)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols;
    t->right = right;
}

static void tab_free(table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cell[i]);
    free(t->cell);
}

static char **tab_row(table *t)
{
    if (t->failed)
        return NULL;
    if (t->nrows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        char **c = realloc(t->cell, cap * t->ncols * sizeof *c);
        if (!c) {
            t->failed = 1;
            return NULL;
        }
        t->cell = c;
        t->cap = cap;
    }
    char **row = t->cell + t->nrows * t->ncols;
    for (size_t c = 0; c < t->ncols; c++)
        row[c] = NULL;
    t->nrows++;
    return row;
}

/* Takes the contents of tmp (left empty) as the cell's text. */
static void tab_take(table *t, char **slot, buf *tmp)
{
    if (tmp->len == 0 && !tmp->failed) {
        cni_buf_release(tmp);
        return;
    }
    *slot = cni_buf_detach(tmp, NULL);
    if (!*slot)
        t->failed = 1;
}

static void tab_str(table *t, char **slot, const char *s)
{
    if (!s || !*s)
        return;
    buf tmp;
    cni_buf_init(&tmp);
    put_clean(&tmp, s, strlen(s), 0);
    tab_take(t, slot, &tmp);
}

static void tab_count(table *t, char **slot, size_t n)
{
    buf tmp;
    cni_buf_init(&tmp);
    cni_buf_printf(&tmp, "%zu", n);
    tab_take(t, slot, &tmp);
}

/* Title line (with column headings, dim) then the rows indented.  A column
 * other than the first is shown only when some row has a value in it;
 * missing values in a shown column print as "-". */
static void tab_render(const table *t, const char *title,
                       const char *const *heads, int color, buf *b)
{
    size_t w[MAX_COLS] = {0};
    int shown[MAX_COLS] = {0};
    shown[0] = 1;
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            const char *s = t->cell[r * t->ncols + c];
            if (s)
                shown[c] = 1;
            size_t cw = s ? width(s) : 1;
            if (cw > w[c])
                w[c] = cw;
        }
    size_t tw = width(title);
    if (tw > ROW_INDENT && tw - ROW_INDENT > w[0])
        w[0] = tw - ROW_INDENT;
    for (size_t c = 1; c < t->ncols; c++)
        if (heads && heads[c] && width(heads[c]) > w[c])
            w[c] = width(heads[c]);
    for (size_t c = 0; c < t->ncols; c++)
        if (w[c] > COL_MAX_WIDTH)
            w[c] = COL_MAX_WIDTH;

    styled(b, color, SGR_BOLD, title);
    if (heads) {
        size_t pending = ROW_INDENT + w[0] - (tw < ROW_INDENT + w[0] ? tw : ROW_INDENT + w[0]);
        for (size_t c = 1; c < t->ncols; c++) {
            if (!shown[c] || !heads[c])
                continue;
            size_t hw = width(heads[c]);
            size_t fill = hw < w[c] ? w[c] - hw : 0;
            pad(b, pending + COL_GAP + ((t->right >> c) & 1 ? fill : 0));
            styled(b, color, SGR_DIM, heads[c]);
            pending = (t->right >> c) & 1 ? 0 : fill;
        }
    }
    cni_buf_putc(b, '\n');

    size_t last_col = 0;
    for (size_t c = 0; c < t->ncols; c++)
        if (shown[c])
            last_col = c;
    for (size_t r = 0; r < t->nrows; r++) {
        /* Padding after a left-aligned cell is written only when another
         * cell follows, so lines carry no trailing blanks. */
        size_t pending = ROW_INDENT;
        for (size_t c = 0; c < t->ncols; c++) {
            if (!shown[c])
                continue;
            const char *s = t->cell[r * t->ncols + c];
            int last = 1;
            for (size_t k = c + 1; k < t->ncols; k++)
                if (shown[k] && t->cell[r * t->ncols + k])
                    last = 0;
            if (!s && last && c > 0)
                break;
            const char *text = s ? s : "-";
            size_t cw = width(text);
            size_t fill = cw < w[c] ? w[c] - cw : 0;
            int right = (t->right >> c) & 1;
            pad(b, pending + (c ? COL_GAP : 0) + (right ? fill : 0));
            /* Counts are secondary: dim them. */
            styled_cut(b, color && right, SGR_DIM, text, c < last_col ? w[c] : 0);
            pending = right ? 0 : fill;
        }
        cni_buf_putc(b, '\n');
    }
}

/*** Sections ***/

typedef struct {
    cn_entity_type type;
    const char *title;
    const char *heads[MAX_COLS];    /* name, mentions, attributes... */
} section;

static const section SECTIONS[] = {
    {CN_ENT_BRAND, "Brands", {"", "mentions", "parent", "country"}},
    {CN_ENT_MODEL, "Models", {"", "mentions", "brand"}},
    {CN_ENT_PERSON, "People", {"", "mentions", "role", "organization"}},
    {CN_ENT_PLANT, "Plants", {"", "mentions", "owner", "location", "country"}},
    {CN_ENT_ORGANIZATION, "Organizations", {"", "mentions", "kind"}},
    {CN_ENT_PLACE, "Places", {"", "mentions", "kind", "country"}},
};

static size_t attr_values(const cn_entity *e, const char **v)
{
    switch (e->type) {
    case CN_ENT_BRAND: v[0] = e->parent; v[1] = e->country; return 2;
    case CN_ENT_MODEL: v[0] = e->brand; return 1;
    case CN_ENT_PERSON: v[0] = e->role; v[1] = e->organization; return 2;
    case CN_ENT_PLANT: v[0] = e->owner; v[1] = e->location; v[2] = e->country; return 3;
    case CN_ENT_ORGANIZATION: v[0] = e->kind; return 1;
    case CN_ENT_PLACE: v[0] = e->kind; v[1] = e->country; return 2;
    default: return 0;
    }
}

/* Most mentioned first; ties keep the order of first appearance. */
static int by_mentions(const void *x, const void *y)
{
    const cn_entity *a = *(const cn_entity *const *)x;
    const cn_entity *b = *(const cn_entity *const *)y;
    if (a->n_mentions != b->n_mentions)
        return a->n_mentions > b->n_mentions ? -1 : 1;
    return a < b ? -1 : a > b;
}

static int entity_section(const cn_result *r, const section *s, int color, buf *b)
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

    table t;
    tab_init(&t, 2 + 3, 1u << 1);
    for (size_t i = 0; i < n; i++) {
        char **row = tab_row(&t);
        if (!row)
            break;
        const char *v[3] = {NULL, NULL, NULL};
        size_t na = attr_values(order[i], v);
        tab_str(&t, &row[0], order[i]->name);
        tab_count(&t, &row[1], order[i]->n_mentions);
        for (size_t k = 0; k < na; k++)
            tab_str(&t, &row[2 + k], v[k]);
    }
    if (!t.failed)
        tab_render(&t, s->title, s->heads, color, b);
    int failed = t.failed;
    tab_free(&t);
    free(order);
    return failed ? -1 : 0;
}

static int figures_section(const cn_result *r, int color, buf *b)
{
    static const char *const heads[] = {"", "value", "subject", "region", "period"};
    table t;
    tab_init(&t, 5, 0);
    for (size_t i = 0; i < r->n_figures; i++) {
        const cn_figure *f = &r->figures[i];
        char **row = tab_row(&t);
        if (!row)
            break;
        tab_str(&t, &row[0], f->kind);
        buf tmp;
        cni_buf_init(&tmp);
        put_value(&tmp, f);
        tab_take(&t, &row[1], &tmp);
        tab_str(&t, &row[2], f->subject);
        tab_str(&t, &row[3], f->region);
        tab_str(&t, &row[4], f->period);
    }
    if (!t.failed)
        tab_render(&t, "Figures", heads, color, b);
    int failed = t.failed;
    tab_free(&t);
    return failed ? -1 : 0;
}

static int quotes_section(const cn_result *r, buf *b, int color)
{
    table t;
    tab_init(&t, 2, 0);
    for (size_t i = 0; i < r->n_quotes; i++) {
        const cn_quote *q = &r->quotes[i];
        char **row = tab_row(&t);
        if (!row)
            break;
        tab_str(&t, &row[0], q->speaker ? q->speaker : "(unknown)");
        buf tmp;
        cni_buf_init(&tmp);
        cni_buf_putc(&tmp, '"');
        put_clean(&tmp, r->text + q->start, q->end - q->start, QUOTE_MAX_CHARS);
        cni_buf_putc(&tmp, '"');
        tab_take(&t, &row[1], &tmp);
    }
    if (!t.failed)
        tab_render(&t, "Quotes", NULL, color, b);
    int failed = t.failed;
    tab_free(&t);
    return failed ? -1 : 0;
}

/*** Header ***/

static void label(buf *b, int color, const char *name)
{
    styled(b, color, SGR_BOLD, name);
    pad(b, LABEL_WIDTH - strlen(name));
}

static void header(const cn_result *r, const char *source, int color, buf *b)
{
    label(b, color, "Source");
    put_escaped_path(b, source ? source : "-");
    cni_buf_putc(b, '\n');
    static const char *const names[] = {"Title", "Published", "Author", "Site"};
    const char *values[] = {r->title, r->published, r->author, r->site};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (!values[i] || !*values[i])
            continue;
        label(b, color, names[i]);
        put_clean(b, values[i], strlen(values[i]), 0);
        cni_buf_putc(b, '\n');
    }
    label(b, color, "Stats");
    cni_buf_puts(b, r->format ? r->format : "text");
    const struct { size_t n; const char *what; } stats[] = {
        {r->stats.bytes, "bytes"}, {r->stats.paragraphs, "paragraphs"},
        {r->stats.sentences, "sentences"}, {r->stats.words, "words"},
    };
    for (size_t i = 0; i < sizeof stats / sizeof stats[0]; i++) {
        cni_buf_puts(b, ", ");
        put_decimal(b, (double)stats[i].n, 0);
        cni_buf_putc(b, ' ');
        cni_buf_puts(b, stats[i].what);
    }
    cni_buf_putc(b, '\n');
}

void cni_rep_text(const cn_result *r, const char *source, const cn_report_options *o,
              buf *b)
{
    int color = o && o->color;
    header(r, source, color, b);
    int any = 0, failed = 0;
    for (size_t i = 0; i < sizeof SECTIONS / sizeof SECTIONS[0] && !failed; i++) {
        const section *s = &SECTIONS[i];
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
