/* Text output shared by the article and summary reports: clean strings,
 * values as a reader expects them, and aligned tables. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "utf8.h"

/* A cut quote ends at a word boundary when one is this close to the cut. */
#define QUOTE_WORD_SLACK 20
/* Cells are cut to this width (with "..."), so one long name cannot push
 * every other row off the screen; the last column is never cut. */
#define COL_MAX_WIDTH 48
#define ROW_INDENT 2
#define COL_GAP 2

/*** Clean strings ***/

/* Copy s[0..len) for display: control characters (newlines included)
 * become spaces, runs of white space collapse to one, bytes that are not
 * UTF-8 become U+FFFD.  At most max_chars characters are kept (0 = all);
 * a cut string ends with "...". */
void cni_rep_put_clean(buf *b, const char *s, size_t len, size_t max_chars)
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
void cni_rep_put_escaped_path(buf *b, const char *s)
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
size_t cni_rep_width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

void cni_rep_pad(buf *b, size_t n)
{
    static const char spaces[] = "                                        ";
    while (n > 0) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        cni_buf_put(b, spaces, k);
        n -= k;
    }
}

/* s cut to max_w characters, or whole when max_w is 0. */
void cni_rep_styled_cut(buf *b, int color, const char *sgr, const char *s, size_t max_w)
{
    if (color)
        cni_buf_puts(b, sgr);
    if (max_w && cni_rep_width(s) > max_w) {
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

void cni_rep_styled(buf *b, int color, const char *sgr, const char *s)
{
    cni_rep_styled_cut(b, color, sgr, s, 0);
}

/*** Numbers ***/

/* v with at most max_dec decimals (trailing zeros dropped) and commas
 * between thousands: 16617 -> "16,617", 16.20 -> "16.2". */
void cni_rep_put_decimal(buf *b, double v, int max_dec)
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
int cni_rep_is_currency(const char *u)
{
    return u && strlen(u) == 3 && u[0] >= 'A' && u[0] <= 'Z' &&
           u[1] >= 'A' && u[1] <= 'Z' && u[2] >= 'A' && u[2] <= 'Z';
}

/* Money as a reader of the financial pages expects it: "GBP 1.2bn". */
void cni_rep_put_money(buf *b, double v)
{
    static const struct { double scale; const char *suffix; } steps[] = {
        {1e12, "tn"}, {1e9, "bn"}, {1e6, "m"}
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        if (fabs(v) >= steps[i].scale) {
            cni_rep_put_decimal(b, v / steps[i].scale, 3);
            cni_buf_puts(b, steps[i].suffix);
            return;
        }
    }
    cni_rep_put_decimal(b, v, 2);
}

void cni_rep_put_value(buf *b, const cn_figure *f)
{
    if (f->qualifier) {
        cni_rep_put_clean(b, f->qualifier, strlen(f->qualifier), 0);
        cni_buf_putc(b, ' ');
    }
    if (!isfinite(f->value)) {
        cni_buf_putc(b, '?');
    } else if (f->unit && strcmp(f->unit, "percent") == 0) {
        cni_rep_put_decimal(b, f->value, 2);
        cni_buf_putc(b, '%');
        return;
    } else if (cni_rep_is_currency(f->unit)) {
        cni_buf_puts(b, f->unit);
        cni_buf_putc(b, ' ');
        cni_rep_put_money(b, f->value);
        return;
    } else {
        cni_rep_put_decimal(b, f->value, 2);
    }
    if (f->unit) {
        cni_buf_putc(b, ' ');
        cni_rep_put_clean(b, f->unit, strlen(f->unit), 0);
    }
}

/*** Tables ***/

void cni_rep_tab_init(rep_table *t, size_t ncols, unsigned right)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols;
    t->right = right;
}

void cni_rep_tab_free(rep_table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cell[i]);
    free(t->cell);
}

char ** cni_rep_tab_row(rep_table *t)
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
void cni_rep_tab_take(rep_table *t, char **slot, buf *tmp)
{
    if (tmp->len == 0 && !tmp->failed) {
        cni_buf_release(tmp);
        return;
    }
    *slot = cni_buf_detach(tmp, NULL);
    if (!*slot)
        t->failed = 1;
}

void cni_rep_tab_str(rep_table *t, char **slot, const char *s)
{
    if (!s || !*s)
        return;
    buf tmp;
    cni_buf_init(&tmp);
    cni_rep_put_clean(&tmp, s, strlen(s), 0);
    cni_rep_tab_take(t, slot, &tmp);
}

void cni_rep_tab_count(rep_table *t, char **slot, size_t n)
{
    buf tmp;
    cni_buf_init(&tmp);
    cni_buf_printf(&tmp, "%zu", n);
    cni_rep_tab_take(t, slot, &tmp);
}

/* Title line (with column headings, dim) then the rows indented.  A column
 * other than the first is shown only when some row has a value in it;
 * missing values in a shown column print as "-". */
void cni_rep_tab_render(const rep_table *t, const char *title,
                       const char *const *heads, int color, buf *b)
{
    size_t w[REP_MAX_COLS] = {0};
    int shown[REP_MAX_COLS] = {0};
    shown[0] = 1;
    for (size_t c = 1; t->show_all && c < t->ncols; c++)
        shown[c] = 1;
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            const char *s = t->cell[r * t->ncols + c];
            if (s)
                shown[c] = 1;
            size_t cw = s ? cni_rep_width(s) : 1;
            if (cw > w[c])
                w[c] = cw;
        }
    size_t tw = cni_rep_width(title);
    if (tw > ROW_INDENT && tw - ROW_INDENT > w[0])
        w[0] = tw - ROW_INDENT;
    for (size_t c = 1; c < t->ncols; c++)
        if (heads && heads[c] && cni_rep_width(heads[c]) > w[c])
            w[c] = cni_rep_width(heads[c]);
    for (size_t c = 0; c < t->ncols; c++)
        if (w[c] > COL_MAX_WIDTH)
            w[c] = COL_MAX_WIDTH;

    cni_rep_styled(b, color, SGR_BOLD, title);
    if (heads) {
        size_t pending = ROW_INDENT + w[0] - (tw < ROW_INDENT + w[0] ? tw : ROW_INDENT + w[0]);
        for (size_t c = 1; c < t->ncols; c++) {
            if (!shown[c] || !heads[c])
                continue;
            size_t hw = cni_rep_width(heads[c]);
            size_t fill = hw < w[c] ? w[c] - hw : 0;
            cni_rep_pad(b, pending + COL_GAP + ((t->right >> c) & 1 ? fill : 0));
            cni_rep_styled(b, color, SGR_DIM, heads[c]);
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
            size_t cw = cni_rep_width(text);
            size_t fill = cw < w[c] ? w[c] - cw : 0;
            int right = (t->right >> c) & 1;
            cni_rep_pad(b, pending + (c ? COL_GAP : 0) + (right ? fill : 0));
            /* Counts are secondary: dim them. */
            cni_rep_styled_cut(b, color && right, SGR_DIM, text, c < last_col ? w[c] : 0);
            pending = right ? 0 : fill;
        }
        cni_buf_putc(b, '\n');
    }
}

