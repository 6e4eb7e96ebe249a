/* Report writers, one per format, and what they share: the attributes of
 * each entity type, the TSV columns, JSON scalars and text tables.
 * cn_report_render() and cn_summary_render() pick a writer. */
#ifndef CN_REPORT_H
#define CN_REPORT_H
#include <stddef.h>

#include "buf.h"
#include "carnews/carnews.h"

/*** Entity attributes: one table for every format ***/

/* TSV columns, in order: those of the per-article TSV, then the two the
 * summary adds. */
typedef enum {
    REP_COL_SOURCE, REP_COL_TYPE, REP_COL_NAME, REP_COL_KIND, REP_COL_VALUE,
    REP_COL_UNIT, REP_COL_QUALIFIER, REP_COL_REGION, REP_COL_PERIOD,
    REP_COL_ROLE, REP_COL_ORGANIZATION, REP_COL_PARENT, REP_COL_LOCATION,
    REP_COL_COUNTRY, REP_COL_MENTIONS, REP_COL_START, REP_COL_END,
    REP_COL_TEXT, REP_COL_REPORTED_BY, REP_COL_MEASURE, REP_COL_PERIOD_TEXT,
    REP_COL_ARTICLES, REP_COL_QUOTES,
    REP_COL_COUNT
} rep_column;
#define REP_ARTICLE_COLS (REP_COL_PERIOD_TEXT + 1)
extern const char *const cni_rep_column_names[REP_COL_COUNT];

#define REP_MAX_ATTRS 3     /* a plant's owner, location and country */

typedef struct {
    const char *name;       /* JSON key and text heading */
    size_t name_len;
    size_t offset;          /* of the const char * field in cn_entity */
    rep_column column;      /* TSV column */
} rep_attr;

/* The attributes of entity type t, in output order; none for other
 * values of t (the summary's speakers). */
size_t cni_rep_attrs(int type, const rep_attr **attrs);

/* Entity types in the order reports list them, with the summary's JSON
 * key and the text title. */
typedef struct {
    cn_entity_type type;
    const char *key, *title;
} rep_section;
#define REP_N_SECTIONS 6
extern const rep_section cni_rep_sections[REP_N_SECTIONS];

static inline const char *cni_rep_attr_value(const cn_entity *e, const rep_attr *a)
{
    return *(const char *const *)((const char *)e + a->offset);
}

/*** JSON (json.c) ***/

/* JSON string literal for s[0..len): escapes quotes, backslashes and
 * control characters; bytes that are not valid UTF-8 become U+FFFD. */
void cni_rep_json_string(buf *b, const char *s, size_t len);
/* A string literal, or null for NULL. */
void cni_rep_json_str_or_null(buf *b, const char *s);
/* A JSON number; non-finite values become null. */
void cni_rep_json_number(buf *b, double v);

/*** TSV (tsv.c) ***/

/* A field with TAB, newline, CR and backslash written as \t \n \r \\. */
void cni_rep_tsv_field(buf *b, const char *s, size_t len);
/* The header row of ncols columns. */
void cni_rep_tsv_header(buf *b, size_t ncols);

/*** Text (table.c) ***/

#define REP_MAX_COLS 8
#define SGR_BOLD "\033[1m"
#define SGR_DIM "\033[2m"
#define SGR_RESET "\033[0m"

/* s[0..len) for display: control characters become spaces, white space
 * runs collapse, invalid UTF-8 becomes U+FFFD; at most max_chars
 * characters (0 = all), a cut string ending with "...". */
void cni_rep_put_clean(buf *b, const char *s, size_t len, size_t max_chars);
/* A path with control characters escaped, so it stays on one line. */
void cni_rep_put_escaped_path(buf *b, const char *s);
void cni_rep_pad(buf *b, size_t n);
void cni_rep_styled(buf *b, int color, const char *sgr, const char *s);
/* v with at most max_dec decimals and commas between thousands. */
void cni_rep_put_decimal(buf *b, double v, int max_dec);
/* A figure's value as a reader expects it: "16,617 vehicles",
 * "GBP 1.2bn", "16.2%". */
void cni_rep_put_value(buf *b, const cn_figure *f);

typedef struct {
    size_t ncols, nrows, cap;
    char **cell;            /* nrows * ncols strings; NULL when empty */
    unsigned right;         /* bit c: column c is right-aligned (and dim) */
    int show_all;           /* show columns that no row fills */
    int failed;
} rep_table;

void cni_rep_tab_init(rep_table *t, size_t ncols, unsigned right);
void cni_rep_tab_free(rep_table *t);
/* A new row of empty cells, or NULL when out of memory. */
char **cni_rep_tab_row(rep_table *t);
/* Fill a cell: from tmp (left empty), a cleaned string, a count. */
void cni_rep_tab_take(rep_table *t, char **slot, buf *tmp);
void cni_rep_tab_str(rep_table *t, char **slot, const char *s);
void cni_rep_tab_count(rep_table *t, char **slot, size_t n);
/* The bold title with dim headings (heads may be NULL), then the rows. */
void cni_rep_tab_render(const rep_table *t, const char *title,
                        const char *const *heads, int color, buf *b);

/*** Writers ***/

/* Whether reports include entity type t / figures / quotes. */
int cni_rep_wants(const cn_report_options *o, unsigned type_bit);
int cni_rep_wants_mask(unsigned types, unsigned type_bit);   /* 0 = all */

void cni_rep_json(const cn_result *r, const char *source, const cn_report_options *o,
                  int pretty, buf *b);
void cni_rep_text(const cn_result *r, const char *source, const cn_report_options *o,
                  buf *b);
void cni_rep_tsv(const cn_result *r, const char *source, const cn_report_options *o,
                 buf *b);
#endif
