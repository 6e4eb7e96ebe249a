/* Ingest metadata: dates, JSON-LD, and the choice of title, published
 * date, author and site among the candidates a page offers.  No libxml2
 * here: ingest_html.c collects the candidate strings. */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "bytes.h"
#include "ingest_impl.h"

/* JSON-LD deeper than this is skipped: real pages nest 3-5 levels, and
 * the parser recurses once per level. */
#define JSON_MAX_DEPTH 64
/* Metadata longer than this is not a title or a name. */
#define META_MAX_BYTES 1024
/* A <title> suffix this short after " | " is a site name. */
#define TITLE_SUFFIX_MAX_BYTES 32

/*** Dates ***/


static const char *const month_names[12] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december" };

/* Month name or abbreviation at s[i]; returns 1-12 and advances *i. */
static int month_at(const char *s, size_t n, size_t *i)
{
    size_t k = 0;
    char w[10];
    /* j f m a s o n d: the letters a month begins with */
    static const uint32_t initials = 1u << ('j' - 'a') | 1u << ('f' - 'a') | 1u << ('m' - 'a') |
                                     1u << ('a' - 'a') | 1u << ('s' - 'a') | 1u << ('o' - 'a') |
                                     1u << ('n' - 'a') | 1u << ('d' - 'a');
    unsigned c0 = *i < n ? (unsigned)lower((unsigned char)s[*i]) - 'a' : 26u;
    if (c0 >= 26 || !(initials >> c0 & 1))
        return 0;       /* no month begins with this letter */
    /* nor with these two: ja fe ma ap au ju se oc no de are all there are */
#define SECOND(c) (1u << ((c) - 'a'))
    static const uint32_t seconds[26] = {
        ['j' - 'a'] = SECOND('a') | SECOND('u'), ['f' - 'a'] = SECOND('e'),
        ['m' - 'a'] = SECOND('a'), ['a' - 'a'] = SECOND('p') | SECOND('u'),
        ['s' - 'a'] = SECOND('e'), ['o' - 'a'] = SECOND('c'), ['n' - 'a'] = SECOND('o'),
        ['d' - 'a'] = SECOND('e')};
#undef SECOND
    unsigned c1 = *i + 1 < n ? (unsigned)lower((unsigned char)s[*i + 1]) - 'a' : 26u;
    if (c1 >= 26 || !(seconds[c0] >> c1 & 1))
        return 0;
    while (*i + k < n && k < sizeof w && is_alpha((unsigned char)s[*i + k])) {
        w[k] = (char)lower((unsigned char)s[*i + k]);
        k++;
    }
    if (k < 3 || k >= sizeof w)
        return 0;
    for (int m = 0; m < 12; m++) {
        if (w[0] != month_names[m][0] || w[1] != month_names[m][1])
            continue;   /* every form below shares the first two letters */
        size_t full = strlen(month_names[m]);
        int ok = (k == full && !memcmp(w, month_names[m], k)) ||
                 (k == 3 && !memcmp(w, month_names[m], 3)) ||
                 (m == 8 && k == 4 && !memcmp(w, "sept", 4));
        if (ok) {
            *i += k;
            if (*i < n && s[*i] == '.')
                (*i)++;
            return m + 1;
        }
    }
    return 0;
}

/* Reads up to max digits; returns the value or -1 if there are none. */
static int digits_at(const char *s, size_t n, size_t *i, int max)
{
    int v = 0, k = 0;
    while (*i < n && k < max && is_digit((unsigned char)s[*i])) {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        k++;
    }
    if (k == 0 || (*i < n && is_digit((unsigned char)s[*i])))
        return -1;
    return v;
}

static void skip_seps(const char *s, size_t n, size_t *i)
{
    while (*i < n && (s[*i] == ' ' || s[*i] == ',' || s[*i] == '\t' || s[*i] == '-'))
        (*i)++;
}

static int ordinal_suffix(const char *s, size_t n, size_t *i)
{
    if (*i + 1 < n && is_alpha((unsigned char)s[*i]) && is_alpha((unsigned char)s[*i + 1]) &&
        (*i + 2 >= n || !is_alpha((unsigned char)s[*i + 2]))) {
        char a = (char)lower((unsigned char)s[*i]), b = (char)lower((unsigned char)s[*i + 1]);
        if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
            (a == 't' && b == 'h')) {
            *i += 2;
            return 1;
        }
    }
    return 0;
}

static int valid_date(int y, int m, int d)
{
    static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1];
}

/* Date starting exactly at s[i]; sets *end past it. */
static int date_at(const char *s, size_t n, size_t i, int *y, int *m, int *d, size_t *end)
{
    size_t j = i;
    if (is_digit((unsigned char)s[i])) {
        int a = digits_at(s, n, &j, 4);
        if (a >= 1000 && j - i == 4 && j < n && (s[j] == '-' || s[j] == '/' || s[j] == '.')) {
            char sep = s[j++];   /* 2024-03-12, 2024/3/12 */
            int mo = digits_at(s, n, &j, 2);
            if (mo < 0 || j >= n || s[j] != sep)
                return 0;
            j++;
            int da = digits_at(s, n, &j, 2);
            if (da < 0)
                return 0;
            *y = a, *m = mo, *d = da, *end = j;
            return valid_date(a, mo, da);
        }
        if (a < 1 || a > 31 || j - i > 2)
            return 0;
        ordinal_suffix(s, n, &j);   /* 12 March 2024, 12th Mar. 2024 */
        if (j < n && s[j] == '.')
            j++;
        skip_seps(s, n, &j);
        int mo = month_at(s, n, &j);
        if (!mo)
            return 0;
        skip_seps(s, n, &j);
        int yr = digits_at(s, n, &j, 4);
        *y = yr, *m = mo, *d = a, *end = j;
        return valid_date(yr, mo, a);
    }
    int mo = month_at(s, n, &j);   /* March 12, 2024 */
    if (!mo)
        return 0;
    skip_seps(s, n, &j);
    int da = digits_at(s, n, &j, 2);
    if (da < 0)
        return 0;
    ordinal_suffix(s, n, &j);
    skip_seps(s, n, &j);
    int yr = digits_at(s, n, &j, 4);
    *y = yr, *m = mo, *d = da, *end = j;
    return valid_date(yr, mo, da);
}

int cni_ing_date_find(const char *s, size_t n, char out[11], size_t *at, size_t *end)
{
    return cni_ing_date_find_near(s, n, n, out, at, end);
}

int cni_ing_date_find_near(const char *s, size_t n, size_t max_at, char out[11], size_t *at,
                       size_t *end)
{
    for (size_t i = 0; i < n && i <= max_at; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!is_alnum(c))
            continue;
        if (i > 0 && is_alnum((unsigned char)s[i - 1]))
            continue;
        int y, m, d;
        size_t e;
        if (date_at(s, n, i, &y, &m, &d, &e)) {
            out[0] = (char)('0' + y / 1000);
            out[1] = (char)('0' + y / 100 % 10);
            out[2] = (char)('0' + y / 10 % 10);
            out[3] = (char)('0' + y % 10);
            out[4] = '-';
            out[5] = (char)('0' + m / 10);
            out[6] = (char)('0' + m % 10);
            out[7] = '-';
            out[8] = (char)('0' + d / 10);
            out[9] = (char)('0' + d % 10);
            out[10] = '\0';
            *at = i;
            *end = e;
            return 1;
        }
        /* No date starts inside this word: go on after it. */
        while (i + 1 < n && is_alnum((unsigned char)s[i + 1]))
            i++;
    }
    return 0;
}

int cni_ing_date_scan(const char *s, size_t n, char out[11])
{
    size_t at, end;
    return cni_ing_date_find(s, n, out, &at, &end);
}

/*** Candidates ***/

/* Copy with white space collapsed and trimmed; NULL if empty or too long,
 * or (setting *oom) out of memory. */
static char *clean_copy(const char *s, size_t n, int *oom)
{
    if (n > META_MAX_BYTES * 4)
        return NULL;
    buf b = { 0 };
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
                 (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0);
        if (ws) {
            if (c == 0xC2)
                i++;
            space = 1;
            continue;
        }
        if (space && b.len)
            cni_buf_putc(&b, ' ');
        space = 0;
        cni_buf_putc(&b, (char)c);
    }
    if (b.failed)
        *oom = 1;
    if (b.failed || b.len == 0 || b.len > META_MAX_BYTES) {
        cni_buf_release(&b);
        return NULL;
    }
    return cni_buf_detach(&b, NULL);
}

void cni_meta_add(meta_cands *m, meta_key k, const char *s, size_t n)
{
    if (m->oom)
        return;
    if (k == MK_LD_JSON) {
        if (m->n_ld == m->cap_ld) {
            size_t cap = m->cap_ld ? 2 * m->cap_ld : 4;
            char **p = realloc(m->ld, cap * sizeof *p);
            if (!p) {
                m->oom = 1;
                return;
            }
            m->ld = p;
            m->cap_ld = cap;
        }
        char *copy = cni_str_ndup(s, n);
        if (!copy) {
            m->oom = 1;
            return;
        }
        m->ld[m->n_ld++] = copy;
        return;
    }
    if (m->val[k])
        return;
    m->val[k] = clean_copy(s, n, &m->oom);
}

void cni_meta_release(meta_cands *m)
{
    for (int k = 0; k < MK_COUNT; k++)
        free(m->val[k]);
    for (size_t i = 0; i < m->n_ld; i++)
        free(m->ld[i]);
    free(m->ld);
    memset(m, 0, sizeof *m);
}

/*** JSON-LD ***/

typedef struct {
    const char *s;
    size_t n, i;
    int bad;
    int oom;             /* an allocation failed: the caller reports it */
    /* what was found: the first article-like object wins */
    char *headline, *date, *author, *site;
    int from_article;
} json_reader;

typedef struct {
    int article;         /* @type names an article */
    char *headline, *date, *author, *publisher, *name;
} json_obj;

static void json_ws(json_reader *r)
{
    while (r->i < r->n && (r->s[r->i] == ' ' || r->s[r->i] == '\t' || r->s[r->i] == '\n' ||
                           r->s[r->i] == '\r'))
        r->i++;
}

static int hexval(int c)
{
    if (is_digit(c)) return c - '0';
    c = lower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static int json_hex4(json_reader *r, uint32_t *v)
{
    if (r->n - r->i < 4)
        return -1;
    *v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval((unsigned char)r->s[r->i + (size_t)k]);
        if (h < 0)
            return -1;
        *v = *v << 4 | (uint32_t)h;
    }
    r->i += 4;
    return 0;
}

/* Reads a string at r->i (on the quote); returns it decoded when keep. */
static char *json_string(json_reader *r, int keep)
{
    buf b = { 0 };
    r->i++;
    while (r->i < r->n && r->s[r->i] != '"') {
        char c = r->s[r->i++];
        if (c != '\\') {
            if (keep)
                cni_buf_putc(&b, c);
            continue;
        }
        if (r->i >= r->n)
            break;
        c = r->s[r->i++];
        uint32_t cp;
        switch (c) {
        case 'n': case 'r': case 't': case 'b': case 'f': cp = ' '; break;
        case 'u':
            if (json_hex4(r, &cp) != 0) {
                r->bad = 1;
                cni_buf_release(&b);
                return NULL;
            }
            if (cp >= 0xD800 && cp <= 0xDBFF && r->i + 6 <= r->n && r->s[r->i] == '\\' &&
                r->s[r->i + 1] == 'u') {
                uint32_t lo;
                size_t save = r->i;
                r->i += 2;
                if (json_hex4(r, &lo) == 0 && lo >= 0xDC00 && lo <= 0xDFFF)
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                else
                    r->i = save;
            }
            break;
        default: cp = (unsigned char)c; break;
        }
        if (keep)
            cni_buf_put_cp(&b, cp);
    }
    if (r->i >= r->n) {
        r->bad = 1;
        cni_buf_release(&b);
        return NULL;
    }
    r->i++;
    if (!keep) {
        cni_buf_release(&b);
        return NULL;
    }
    if (b.failed)
        r->oom = 1;
    char *out = clean_copy(b.data ? b.data : "", b.len, &r->oom);
    cni_buf_release(&b);
    return out;
}

static void json_value(json_reader *r, int depth, char **names);

static int type_is_article(const char *t)
{
    static const char *const kinds[] = { "Article", "BlogPosting", "Report", "LiveBlogPosting", NULL };
    for (size_t i = 0; kinds[i]; i++)
        if (strstr(t, kinds[i]))
            return 1;
    return 0;
}

/* Appends name to *list as "a, b". */
static void add_name(char **list, char *name, int *oom)
{
    if (!name)
        return;
    if (!*list) {
        *list = name;
        return;
    }
    if (strlen(*list) > META_MAX_BYTES || strstr(*list, name)) {   /* enough names */
        free(name);
        return;
    }
    size_t a = strlen(*list), b = strlen(name);
    char *p = realloc(*list, a + b + 3);
    if (!p)
        *oom = 1;
    else {
        memcpy(p + a, ", ", 2);
        memcpy(p + a + 2, name, b + 1);
        *list = p;
    }
    free(name);
}

static void take(char **dst, char **src)
{
    if (!*dst) {
        *dst = *src;
        *src = NULL;
    }
}

static void json_object(json_reader *r, int depth, char **names)
{
    json_obj o = { 0 };
    r->i++;
    for (;;) {
        json_ws(r);
        if (r->i >= r->n || r->bad) {
            r->bad = 1;
            break;
        }
        if (r->s[r->i] == '}') {
            r->i++;
            break;
        }
        if (r->s[r->i] == ',') {
            r->i++;
            continue;
        }
        if (r->s[r->i] != '"') {
            r->bad = 1;
            break;
        }
        char *key = json_string(r, 1);
        json_ws(r);
        if (!key || r->i >= r->n || r->s[r->i] != ':') {
            free(key);
            r->bad = 1;
            break;
        }
        r->i++;
        json_ws(r);
        char **slot = NULL;
        int is_string = r->i < r->n && r->s[r->i] == '"';
        if (!strcmp(key, "@type")) {
            char *t = NULL;
            json_value(r, depth + 1, &t);   /* a string or an array of them */
            if (t && type_is_article(t))
                o.article = 1;
            free(t);
        } else if (!strcmp(key, "author") || !strcmp(key, "creator")) {
            json_value(r, depth + 1, &o.author);
        } else if (!strcmp(key, "publisher")) {
            json_value(r, depth + 1, &o.publisher);
        } else {
            if (is_string && !strcmp(key, "headline")) slot = &o.headline;
            else if (is_string && !strcmp(key, "datePublished")) slot = &o.date;
            else if (is_string && !strcmp(key, "name")) slot = &o.name;
            if (slot) {
                char *v = json_string(r, 1);
                if (!*slot) *slot = v; else free(v);
            } else
                json_value(r, depth + 1, NULL);
        }
        free(key);
    }
    /* An object met where a name is wanted (author, publisher) gives its name. */
    if (names && o.name) {
        char *name = cni_str_ndup(o.name, strlen(o.name));
        if (!name)
            r->oom = 1;
        add_name(names, name, &r->oom);
    }
    if (o.article && !r->from_article) {
        free(r->headline); free(r->date); free(r->author); free(r->site);
        r->headline = r->date = r->author = r->site = NULL;
        r->from_article = 1;
    }
    if (o.article || !r->from_article) {
        take(&r->headline, &o.headline);
        take(&r->date, &o.date);
        take(&r->author, &o.author);
        take(&r->site, &o.publisher);
    }
    free(o.headline); free(o.date); free(o.author); free(o.publisher); free(o.name);
}

static void json_value(json_reader *r, int depth, char **names)
{
    json_ws(r);
    if (r->i >= r->n || r->bad || depth > JSON_MAX_DEPTH) {
        r->bad = 1;
        return;
    }
    char c = r->s[r->i];
    if (c == '{') {
        json_object(r, depth, names);
    } else if (c == '[') {
        r->i++;
        for (;;) {
            json_ws(r);
            if (r->i >= r->n || r->bad) {
                r->bad = 1;
                return;
            }
            if (r->s[r->i] == ']') {
                r->i++;
                return;
            }
            if (r->s[r->i] == ',') {
                r->i++;
                continue;
            }
            size_t before = r->i;
            json_value(r, depth + 1, names);
            if (r->i == before)
                r->bad = 1;     /* "[}": a value that consumed nothing */
        }
    } else if (c == '"') {
        char *v = json_string(r, names != NULL);
        if (names)
            add_name(names, v, &r->oom);
    } else {
        while (r->i < r->n && !strchr(",}] \t\r\n", r->s[r->i]))
            r->i++;   /* number, true, false, null */
    }
}

static void json_ld_scan(const char *s, json_reader *r)
{
    r->s = s;
    r->n = strlen(s);
    r->i = 0;
    r->bad = 0;
    json_ws(r);
    /* Some pages wrap the JSON in an HTML comment or CDATA. */
    while (r->i < r->n && r->s[r->i] != '{' && r->s[r->i] != '[')
        r->i++;
    if (r->i < r->n)
        json_value(r, 0, NULL);
}

/*** Choice ***/

static int equal_ci(const char *a, size_t n, const char *b)
{
    if (strlen(b) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
            return 0;
    return 1;
}

/* "Headline | Site" -> "Headline" when the tail is the site name or, with
 * loose set, short. */
static char *strip_title_suffix(const char *t, const char *site, int loose)
{
    static const char *const seps[] = { " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                         " :: ", " \xC2\xB7 ", " \xC2\xBB ", NULL };
    size_t n = strlen(t);
    size_t best = 0, best_len = 0;
    for (size_t k = 0; seps[k]; k++) {
        size_t sl = strlen(seps[k]);
        for (size_t i = n; i-- > 0;) {   /* the last separator */
            if (i + sl <= n && !memcmp(t + i, seps[k], sl)) {
                if (i > best) {
                    best = i;
                    best_len = sl;
                }
                break;
            }
        }
    }
    if (best > 0) {
        const char *tail = t + best + best_len;
        size_t tl = n - best - best_len;
        if ((site && equal_ci(tail, tl, site)) ||
            (loose && tl <= TITLE_SUFFIX_MAX_BYTES && tl < best))
            return cni_str_ndup(t, best);
    }
    return cni_str_ndup(t, n);
}

static int is_url(const char *s)
{
    return !strncmp(s, "http://", 7) || !strncmp(s, "https://", 8) || !strncmp(s, "//", 2);
}

/* Copies s (NULL stays NULL); a failed copy sets *oom. */
static char *copy(const char *s, size_t n, int *oom)
{
    if (!s)
        return NULL;
    char *p = cni_str_ndup(s, n);
    if (!p)
        *oom = 1;
    return p;
}

static char *copy_str(const char *s, int *oom)
{
    return s ? copy(s, strlen(s), oom) : NULL;
}

static char *author_copy(const char *a, int *oom)
{
    if (!a || is_url(a))
        return NULL;
    if (lower((unsigned char)a[0]) == 'b' && lower((unsigned char)a[1]) == 'y' && a[2] == ' ')
        a += 3;
    return a[0] ? copy_str(a, oom) : NULL;
}

/* JSON-LD that cannot be read offers nothing; a failed allocation
 * anywhere is an error. */
int cni_meta_choose(const meta_cands *m, ing_doc *out)
{
    json_reader r = { 0 };
    for (size_t i = 0; i < m->n_ld; i++)
        json_ld_scan(m->ld[i], &r);
    char *const *v = m->val;
    char date[11];
    int oom = m->oom || r.oom;

    out->site = copy_str(v[MK_SITE] ? v[MK_SITE] : r.site, &oom);

    if (v[MK_OG_TITLE] || v[MK_TITLE_TAG]) {
        const char *t = v[MK_OG_TITLE] ? v[MK_OG_TITLE] : v[MK_TITLE_TAG];
        out->title = strip_title_suffix(t, out->site, !v[MK_OG_TITLE]);
        if (!out->title)
            oom = 1;
    } else
        out->title = copy_str(r.headline ? r.headline : v[MK_H1], &oom);

    const char *dates[] = { v[MK_DATE_PUBLISHED], r.date, v[MK_DATE_OTHER], v[MK_TIME] };
    for (size_t k = 0; k < sizeof dates / sizeof *dates && !out->published; k++)
        if (dates[k] && cni_ing_date_scan(dates[k], strlen(dates[k]), date))
            out->published = copy(date, 10, &oom);

    const char *authors[] = { v[MK_AUTHOR_META], r.author, v[MK_AUTHOR_REL],
                              v[MK_AUTHOR_ITEMPROP], v[MK_AUTHOR_BYLINE] };
    for (size_t k = 0; k < sizeof authors / sizeof *authors && !out->author && !oom; k++)
        out->author = author_copy(authors[k], &oom);

    free(r.headline); free(r.date); free(r.author); free(r.site);
    return oom ? -1 : 0;
}
