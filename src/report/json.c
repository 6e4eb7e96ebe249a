/* JSON and JSON Lines, schema carnews/1 (shared/spec/output.md). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "utf8.h"

/* A literal, its length known when compiling; the pretty or the compact one. */
#define PUT_LIT(b, lit) cni_buf_put(b, lit, sizeof lit - 1)
#define PUT_STYLE(b, pretty, pretty_lit, compact_lit) \
    ((pretty) ? PUT_LIT(b, pretty_lit) : PUT_LIT(b, compact_lit))

/* Bytes a JSON string can hold as they are: printable ASCII but '"' and
 * '\\'.  Eight at a time (SWAR): a word of plain bytes has no byte below
 * 0x20, none at or above 0x80, and none equal to '"' or '\\'. */
static int plain_word(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    uint64_t low = (w - ones * 0x20) & ~w;           /* bytes < 0x20 (or >= 0x80) */
    uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');
    uint64_t eq = ((q - ones) & ~q) | ((bs - ones) & ~bs);   /* a zero byte */
    return !((low | eq | w) & highs);
}

static int plain_word32(uint32_t w)
{
    const uint32_t ones = 0x01010101u, highs = 0x80808080u;
    uint32_t low = (w - ones * 0x20) & ~w;
    uint32_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');
    uint32_t eq = ((q - ones) & ~q) | ((bs - ones) & ~bs);
    return !((low | eq | w) & highs);
}

static size_t plain_ascii_run(const char *s, size_t len)
{
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (!plain_word(w))
            break;
    }
    return i;
}

/* A byte a JSON string holds as it is (printable ASCII, DEL, not '"' or
 * '\\'): a bit per ASCII byte, 0x20-0x3F but '"' and 0x40-0x7F but '\\'. */
static int json_plain(unsigned char c)
{
    static const uint64_t plain[2] = {0xFFFFFFFB00000000ULL, 0xFFFFFFFFEFFFFFFFULL};
    return c < 0x80 && (plain[c >> 6] >> (c & 63) & 1);
}

/* Most strings are short and plain: copy them as they are checked, into
 * room reserved once.  Returns how many bytes of s were written (after
 * the opening quote); the caller escapes the rest. */
static size_t put_plain_prefix(buf *b, const char *s, size_t len)
{
    char *p = cni_buf_room(b, len + 2);
    if (!p) {
        cni_buf_putc(b, '"');
        return 0;
    }
    *p++ = '"';
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {      /* eight bytes at a time while plain */
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (!plain_word(w))
            break;
        memcpy(p + i, &w, 8);
    }
    /* The tail as one word too, overlapping what is done: the last eight
     * bytes, or for a short string its first and last four. */
    if (i < len && len >= 8 && i + 8 > len) {
        uint64_t w;
        memcpy(&w, s + len - 8, 8);
        if (plain_word(w)) {
            memcpy(p + len - 8, &w, 8);
            i = len;
        }
    } else if (len >= 4 && len < 8) {
        uint32_t head, tail;
        memcpy(&head, s, 4);
        memcpy(&tail, s + len - 4, 4);
        if (plain_word32(head) && plain_word32(tail)) {
            memcpy(p, &head, 4);
            memcpy(p + len - 4, &tail, 4);
            i = len;
        }
    }
    for (; i < len && json_plain((unsigned char)s[i]); i++)
        p[i] = s[i];
    if (i == len)
        p[i++] = '"';
    cni_buf_commit(b, 1 + i);
    return i;
}

void cni_rep_json_string(buf *b, const char *s, size_t len)
{
    size_t done = put_plain_prefix(b, s, len);
    if (done > len)
        return;     /* all plain, quote closed */
    s += done;
    len -= done;
    size_t i = 0, run = 0;
    while (i < len) {
        if (run == 0 || (run & 7) == 0) {
            size_t k = plain_ascii_run(s + i, len - i);
            i += k;
            run += k;
            if (i >= len)
                break;
        }
        unsigned char c = (unsigned char)s[i];
        if (json_plain(c)) {
            i++;
            run++;
            continue;
        }
        cni_buf_put(b, s + i - run, run);
        run = 0;
        if (c < 0x80) {
            switch (c) {
            case '"': cni_buf_puts(b, "\\\""); break;
            case '\\': cni_buf_puts(b, "\\\\"); break;
            case '\n': cni_buf_puts(b, "\\n"); break;
            case '\t': cni_buf_puts(b, "\\t"); break;
            case '\r': cni_buf_puts(b, "\\r"); break;
            default: cni_buf_printf(b, "\\u%04x", c); break;
            }
            i++;
            continue;
        }
        size_t j = i;
        uint32_t cp = cni_utf8_decode(s, len, &j);
        if (cp == 0xFFFD && !(j - i == 3 && (unsigned char)s[i] == 0xEF))
            cni_buf_puts(b, "\\ufffd");
        else if (cp == 0x2028 || cp == 0x2029)
            cni_buf_printf(b, "\\u%04x", cp);   /* break JavaScript parsers otherwise */
        else
            cni_buf_put(b, s + i, j - i);
        i = j;
    }
    cni_buf_put(b, s + i - run, run);
    cni_buf_putc(b, '"');
}

void cni_rep_json_str_or_null(buf *b, const char *s)
{
    if (s)
        cni_rep_json_string(b, s, strlen(s));
    else
        cni_buf_puts(b, "null");
}

/* v as the shortest decimal with at most six fraction digits when there is
 * one that reads back as v exactly: m / 10^k is correctly rounded, so it
 * is the double strtod gives for that decimal.  Matches "%.*g" below for
 * these magnitudes, without its cost. */
static int put_fixed(buf *b, double v)
{
    static const double pow10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    double a = fabs(v);
    if (a == 0 || !(a >= 1e-4 && a < 1e15))
        return 0;
    for (int k = 0; k <= 6; k++) {
        double m = nearbyint(a * pow10[k]);
        if (m >= 1e15)
            return 0;
        if (m / pow10[k] != a)
            continue;
        unsigned long long u = (unsigned long long)m;
        char tmp[32];
        size_t i = sizeof tmp;
        for (int d = 0; d < k; d++) {
            tmp[--i] = (char)('0' + u % 10);
            u /= 10;
        }
        if (k)
            tmp[--i] = '.';
        do {
            tmp[--i] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (v < 0)
            tmp[--i] = '-';
        cni_buf_put(b, tmp + i, sizeof tmp - i);
        return 1;
    }
    return 0;
}

void cni_rep_json_number(buf *b, double v)
{
    if (!isfinite(v)) {
        cni_buf_puts(b, "null");
        return;
    }
    if (put_fixed(b, v))
        return;
    if (v == floor(v) && fabs(v) < 1e15) {
        cni_buf_printf(b, "%.0f", v);
        return;
    }
    char tmp[64];
    /* Shortest form that reads back as the same double. */
    for (int prec = 6; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    cni_buf_puts(b, tmp);
}

typedef struct {
    buf *b;
    int pretty;
    int depth;
} jw;

static void nl(jw *w)
{
    if (!w->pretty)
        return;
    cni_buf_putc(w->b, '\n');
    for (int i = 0; i < w->depth; i++)
        cni_buf_puts(w->b, "  ");
}

static inline void key_n(jw *w, const char *k, size_t n, int first)
{
    char *p = w->pretty ? NULL : cni_buf_room(w->b, n + 4);
    if (p) {        /* compact: ,"key": in one write */
        char *q = p;
        if (!first)
            *q++ = ',';
        *q++ = '"';     /* keys are plain ASCII: nothing to escape */
        memcpy(q, k, n);
        q += n;
        *q++ = '"';
        *q++ = ':';
        cni_buf_commit(w->b, (size_t)(q - p));
        return;
    }
    if (!first)
        cni_buf_putc(w->b, ',');
    nl(w);
    cni_buf_putc(w->b, '"');     /* keys are plain ASCII: nothing to escape */
    cni_buf_put(w->b, k, n);
    PUT_STYLE(w->b, w->pretty, "\": ", "\":");
}

/* Inlined, so that the length of each literal key is known when compiling. */
static inline __attribute__((always_inline)) void key(jw *w, const char *k, int first)
{
    key_n(w, k, strlen(k), first);
}

static void str_or_null(jw *w, const char *s)
{
    if (s)
        cni_rep_json_string(w->b, s, strlen(s));
    else
        PUT_LIT(w->b, "null");
}

static inline __attribute__((always_inline)) void kv_str(jw *w, const char *k, const char *v)
{
    key(w, k, 0);
    str_or_null(w, v);
}

static inline __attribute__((always_inline)) void kv_size(jw *w, const char *k, size_t v, int first)
{
    key(w, k, first);
    cni_buf_put_size(w->b, v);
}

static void entity_attrs(jw *w, const cn_entity *e)
{
    const rep_attr *attrs;
    size_t n = cni_rep_attrs(e->type, &attrs);
    for (size_t i = 0; i < n; i++) {
        key_n(w, attrs[i].name, attrs[i].name_len, 0);
        str_or_null(w, cni_rep_attr_value(e, &attrs[i]));
    }
}

/* Writes literal lit at p and moves p past it. */
#define EMIT_LIT(p, lit) (memcpy(p, lit, sizeof lit - 1), (p) += sizeof lit - 1)
#define EMIT_STYLE(p, pretty, pretty_lit, compact_lit) \
    ((pretty) ? EMIT_LIT(p, pretty_lit) : EMIT_LIT(p, compact_lit))
/* A mention's object up to its text: separator, two offsets, three keys. */
#define MENTION_FRAME 80

/* {"start": S, "end": E, "text": "..."}, the report's commonest object:
 * the frame written in place with one capacity check, the text as every
 * JSON string is. */
static void write_mention(jw *w, const cn_mention *mn, const char *text, int first)
{
    char *p = cni_buf_room(w->b, MENTION_FRAME);
    if (!p)
        return;         /* out of memory: the buffer is marked failed */
    char *q = p;
    if (!first)
        EMIT_STYLE(q, w->pretty, ", ", ",");
    EMIT_STYLE(q, w->pretty, "{\"start\": ", "{\"start\":");
    q = cni_put_digits(q, mn->start);
    EMIT_STYLE(q, w->pretty, ", \"end\": ", ",\"end\":");
    q = cni_put_digits(q, mn->end);
    EMIT_STYLE(q, w->pretty, ", \"text\": ", ",\"text\":");
    cni_buf_commit(w->b, (size_t)(q - p));
    cni_rep_json_string(w->b, text + mn->start, mn->end - mn->start);
    cni_buf_putc(w->b, '}');
}

static void write_entities(jw *w, const cn_result *r, const cn_report_options *o)
{
    key(w, "entities", 0);
    cni_buf_putc(w->b, '[');
    w->depth++;
    int first = 1;
    for (size_t i = 0; i < r->n_entities; i++) {
        const cn_entity *e = &r->entities[i];
        if (!cni_rep_wants(o, 1u << e->type))
            continue;
        if (!first)
            cni_buf_putc(w->b, ',');
        first = 0;
        nl(w);
        cni_buf_putc(w->b, '{');
        w->depth++;
        key(w, "type", 1);
        str_or_null(w, cn_entity_type_name(e->type));
        kv_str(w, "name", e->name);
        if (o && o->no_mentions) {      /* the count only: a much smaller report */
            kv_size(w, "mention_count", e->n_mentions, 0);
            entity_attrs(w, e);
            w->depth--;
            nl(w);
            cni_buf_putc(w->b, '}');
            continue;
        }
        key(w, "mentions", 0);
        cni_buf_putc(w->b, '[');
        for (size_t m = 0; m < e->n_mentions; m++)
            write_mention(w, &e->mentions[m], r->text, m == 0);
        cni_buf_putc(w->b, ']');
        entity_attrs(w, e);
        w->depth--;
        nl(w);
        cni_buf_putc(w->b, '}');
    }
    w->depth--;
    if (!first)
        nl(w);
    cni_buf_putc(w->b, ']');
}

/* The skeleton every array of objects shares: "key": [ {..}, {..} ]. */
static void array_open(jw *w, const char *name)
{
    key(w, name, 0);
    cni_buf_putc(w->b, '[');
    w->depth++;
}

static void item_open(jw *w, size_t i)
{
    if (i)
        cni_buf_putc(w->b, ',');
    nl(w);
    cni_buf_putc(w->b, '{');
    w->depth++;
}

static void item_close(jw *w)
{
    w->depth--;
    nl(w);
    cni_buf_putc(w->b, '}');
}

static void array_close(jw *w, size_t n)
{
    w->depth--;
    if (n)
        nl(w);
    cni_buf_putc(w->b, ']');
}

static void write_figures(jw *w, const cn_result *r, const cn_report_options *o)
{
    array_open(w, "figures");
    size_t n = cni_rep_wants(o, CN_TYPE_FIGURE) ? r->n_figures : 0;
    for (size_t i = 0; i < n; i++) {
        const cn_figure *f = &r->figures[i];
        item_open(w, i);
        key(w, "kind", 1);
        str_or_null(w, f->kind);
        key(w, "value", 0);
        cni_rep_json_number(w->b, f->value);
        kv_str(w, "unit", f->unit);
        kv_str(w, "qualifier", f->qualifier);
        kv_str(w, "subject", f->subject);
        kv_str(w, "source", f->source);
        kv_str(w, "measure", f->measure);
        kv_str(w, "region", f->region);
        kv_str(w, "period", f->period);
        kv_str(w, "period_text", f->period_text);
        key(w, "text", 0);
        cni_rep_json_string(w->b, r->text + f->start, f->end - f->start);
        kv_size(w, "start", f->start, 0);
        kv_size(w, "end", f->end, 0);
        kv_size(w, "sentence", f->sentence, 0);
        item_close(w);
    }
    array_close(w, n);
}

static void write_quotes(jw *w, const cn_result *r, const cn_report_options *o)
{
    array_open(w, "quotes");
    size_t n = cni_rep_wants(o, CN_TYPE_QUOTE) ? r->n_quotes : 0;
    for (size_t i = 0; i < n; i++) {
        const cn_quote *q = &r->quotes[i];
        item_open(w, i);
        key(w, "speaker", 1);
        str_or_null(w, q->speaker);
        key(w, "text", 0);
        cni_rep_json_string(w->b, r->text + q->start, q->end - q->start);
        kv_size(w, "start", q->start, 0);
        kv_size(w, "end", q->end, 0);
        item_close(w);
    }
    array_close(w, n);
}

/* The contract's warning codes, in bit order. */
static void write_warnings(jw *w, unsigned warnings)
{
    static const char *const CODES[] = {"invalid-utf8", "utf16", "charset", "no-body",
                                        "truncated"};
    key(w, "warnings", 0);
    cni_buf_putc(w->b, '[');
    int first = 1;
    for (unsigned i = 0; i < sizeof CODES / sizeof CODES[0]; i++) {
        if (!(warnings & (1u << i)))
            continue;
        if (!first)
            PUT_STYLE(w->b, w->pretty, ", ", ",");
        first = 0;
        cni_buf_putc(w->b, '"');
        cni_buf_puts(w->b, CODES[i]);
        cni_buf_putc(w->b, '"');
    }
    cni_buf_putc(w->b, ']');
}

void cni_rep_json(const cn_result *r, const char *source, const cn_report_options *o,
              int pretty, buf *b)
{
    jw w = {b, pretty, 1};
    cni_buf_putc(b, '{');
    key(&w, "schema", 1);
    str_or_null(&w, CARNEWS_SCHEMA);
    kv_str(&w, "source", source ? source : "-");
    kv_str(&w, "format", r->format);
    kv_str(&w, "title", r->title);
    kv_str(&w, "published", r->published);
    kv_str(&w, "author", r->author);
    kv_str(&w, "site", r->site);
    key(&w, "stats", 0);
    const char *sep = pretty ? ": " : ":";
    cni_buf_puts(b, "{\"bytes\"");
    cni_buf_puts(b, sep);
    cni_buf_put_size(b, r->stats.bytes);
    PUT_STYLE(b, pretty, ", \"paragraphs\"", ",\"paragraphs\"");
    cni_buf_puts(b, sep);
    cni_buf_put_size(b, r->stats.paragraphs);
    PUT_STYLE(b, pretty, ", \"sentences\"", ",\"sentences\"");
    cni_buf_puts(b, sep);
    cni_buf_put_size(b, r->stats.sentences);
    PUT_STYLE(b, pretty, ", \"words\"", ",\"words\"");
    cni_buf_puts(b, sep);
    cni_buf_put_size(b, r->stats.words);
    cni_buf_putc(b, '}');
    write_warnings(&w, r->warnings);
    write_entities(&w, r, o);
    write_figures(&w, r, o);
    write_quotes(&w, r, o);
    w.depth = 0;
    nl(&w);
    cni_buf_puts(b, "}\n");
}
