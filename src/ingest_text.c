/* Ingest: encodings, plain text, and the ing_run entry point. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include "ingest_impl.h"

/* How much of the start is sniffed for markup, UTF-16 and a dateline. */
#define SNIFF_BYTES 1024
/* A <meta charset> further in than this is ignored (HTML5 says 1024; real
 * pages often put a long <head> first). */
#define CHARSET_SCAN_BYTES 16384
/* Plain-text title: a longer first line is a paragraph, not a title. */
#define TITLE_MAX_BYTES 200
/* Dateline: a date among the first few lines, near the start of its line. */
#define DATELINE_MAX_LINES 6
#define DATELINE_MAX_OFFSET 60

/*** Buffer ***/

static int buf_grow(ing_buf *b, size_t extra)
{
    if (b->oom)
        return -1;
    if (b->cap - b->len > extra)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len <= extra) {
        if (cap > SIZE_MAX / 2) {
            b->oom = 1;
            return -1;
        }
        cap *= 2;
    }
    char *p = realloc(b->p, cap);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

void ing_buf_put(ing_buf *b, const char *s, size_t n)
{
    if (n == 0 || buf_grow(b, n) != 0)
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

void ing_buf_putc_slow(ing_buf *b, char c)
{
    if (buf_grow(b, 1) == 0)
        b->p[b->len++] = c;
}

void ing_buf_put_cp(ing_buf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp == 0)
        cp = ' ';
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    ing_buf_put(b, u, n);
}

char *ing_buf_detach(ing_buf *b, size_t *len)
{
    if (buf_grow(b, 1) != 0) {
        ing_buf_release(b);
        return NULL;
    }
    b->p[b->len] = '\0';
    char *p = b->p;
    if (len)
        *len = b->len;
    memset(b, 0, sizeof *b);
    return p;
}

void ing_buf_release(ing_buf *b)
{
    free(b->p);
    memset(b, 0, sizeof *b);
}

char *ing_strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

/*** UTF-8 ***/

/* Length of a valid sequence at s[i] (1-4), or 0 if invalid: overlong
 * forms, surrogates and code points past U+10FFFF are refused. */
static size_t utf8_seq_len(const unsigned char *s, size_t n, size_t i)
{
    unsigned c = s[i];
    if (c < 0x80)
        return 1;
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else
        return 0;
    if (n - i <= need)
        return 0;
    if (s[i + 1] < lo || s[i + 1] > hi)
        return 0;
    for (size_t k = 2; k <= need; k++)
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
    return need + 1;
}

size_t ing_utf8_valid_len(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = utf8_seq_len(u, n, i);
        if (k == 0)
            break;
        i += k;
    }
    return i;
}

/* Copy as UTF-8, each invalid byte replaced by U+FFFD. */
static void decode_utf8_lossy(const char *s, size_t n, ing_buf *out)
{
    size_t i = 0;
    while (i < n) {
        size_t ok = ing_utf8_valid_len(s + i, n - i);
        for (size_t k = 0; k < ok; k++)   /* keep the valid run, NUL to space */
            ing_buf_putc(out, s[i + k] ? s[i + k] : ' ');
        i += ok;
        if (i < n) {
            ing_buf_put_cp(out, 0xFFFD);
            i++;
        }
    }
}

/*** Single-byte charsets ***/

/* Windows-1252 0x80-0x9F; 0 marks the five undefined bytes. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

typedef enum { CS_NONE = 0, CS_UTF8, CS_CP1252, CS_LATIN9, CS_UTF16LE, CS_UTF16BE,
               CS_UTF32LE, CS_UTF32BE, CS_OTHER } charset;

static uint32_t single_byte_cp(unsigned char c, charset cs)
{
    if (c >= 0x80 && c <= 0x9F) {
        uint32_t cp = cp1252_high[c - 0x80];
        return cp ? cp : 0xFFFD;
    }
    if (cs == CS_LATIN9) {
        switch (c) {
        case 0xA4: return 0x20AC;
        case 0xA6: return 0x0160;
        case 0xA8: return 0x0161;
        case 0xB4: return 0x017D;
        case 0xB8: return 0x017E;
        case 0xBC: return 0x0152;
        case 0xBD: return 0x0153;
        case 0xBE: return 0x0178;
        default: break;
        }
    }
    return c;
}

static void decode_single_byte(const char *s, size_t n, charset cs, ing_buf *out)
{
    for (size_t i = 0; i < n && !out->oom; i++)
        ing_buf_put_cp(out, single_byte_cp((unsigned char)s[i], cs));
}

/*** UTF-16 ***/

static void decode_utf16(const char *s, size_t n, int big_endian, ing_buf *out)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i + 1 < n && !out->oom) {
        uint32_t c = big_endian ? (u[i] << 8 | u[i + 1]) : (u[i + 1] << 8 | u[i]);
        i += 2;
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n) {
            uint32_t d = big_endian ? (u[i] << 8 | u[i + 1]) : (u[i + 1] << 8 | u[i]);
            if (d >= 0xDC00 && d <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
                i += 2;
            }
        }
        ing_buf_put_cp(out, c);   /* a lone surrogate becomes U+FFFD there */
    }
    if (i < n)
        ing_buf_put_cp(out, 0xFFFD);   /* odd trailing byte */
}

/*** UTF-32 ***/

static uint32_t utf32_unit(const unsigned char *u, int big_endian)
{
    return big_endian ? (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 | (uint32_t)u[2] << 8 | u[3]
                      : (uint32_t)u[3] << 24 | (uint32_t)u[2] << 16 | (uint32_t)u[1] << 8 | u[0];
}

static void decode_utf32(const char *s, size_t n, int big_endian, ing_buf *out)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    for (; i + 3 < n && !out->oom; i += 4)
        ing_buf_put_cp(out, utf32_unit(u + i, big_endian));   /* bad values: U+FFFD */
    if (i < n)
        ing_buf_put_cp(out, 0xFFFD);   /* 1 to 3 trailing bytes */
}

/* How many of the first units of s are not UTF-32 code points (past
 * U+10FFFF, surrogates; with no_nul, U+0000 too), of *units.  Text in
 * UTF-16 or in a byte encoding reads as almost nothing else: two UTF-16
 * units or four letters make a value far past U+10FFFF. */
static size_t utf32_misfits(const char *s, size_t n, int big_endian, int no_nul,
                            size_t *units)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t m = n < SNIFF_BYTES ? n : SNIFF_BYTES, bad = 0;
    *units = m / 4;
    for (size_t i = 0; i + 3 < m; i += 4) {
        uint32_t c = utf32_unit(u + i, big_endian);
        bad += c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) || (no_nul && c == 0);
    }
    return bad;
}

/* After FF FE 00 00: UTF-32LE unless most units are not code points, as
 * in UTF-16LE text that starts with U+0000 (a damaged UTF-32 file still
 * has mostly good units). */
static int utf32le_after_bom(const char *s, size_t n)
{
    size_t units, bad = utf32_misfits(s, n, 0, 0, &units);
    return bad * 2 <= units;
}

/* BOM-less UTF-32: a whole number of units, at least two, that all read
 * as code points other than U+0000. */
static charset guess_utf32(const char *s, size_t n)
{
    size_t units;
    if (n < 8 || n % 4 != 0)
        return CS_NONE;
    if (utf32_misfits(s, n, 0, 1, &units) == 0)
        return CS_UTF32LE;
    if (utf32_misfits(s, n, 1, 1, &units) == 0)
        return CS_UTF32BE;
    return CS_NONE;
}

/*** Byte order marks and guesses ***/

/* BOM-less UTF-16: Latin text in UTF-16 has a zero in every other byte. */
static charset guess_utf16(const char *s, size_t n)
{
    size_t m = n < SNIFF_BYTES ? n : SNIFF_BYTES;
    size_t pairs = m / 2, zero_even = 0, zero_odd = 0;
    if (pairs < 2)
        return CS_NONE;
    for (size_t i = 0; i + 1 < m; i += 2) {
        zero_even += s[i] == 0;
        zero_odd += s[i + 1] == 0;
    }
    /* 40%: leaves room for non-Latin code units; 5%: real text in a
     * byte encoding has almost no NUL bytes. */
    if (zero_odd * 10 >= pairs * 4 && zero_even * 20 <= pairs)
        return CS_UTF16LE;
    if (zero_even * 10 >= pairs * 4 && zero_odd * 20 <= pairs)
        return CS_UTF16BE;
    return CS_NONE;
}

/* BOM-less UTF-32, then UTF-16. */
static charset guess_wide(const char *s, size_t n)
{
    charset cs = guess_utf32(s, n);
    return cs != CS_NONE ? cs : guess_utf16(s, n);
}

static charset bom_charset(const char *s, size_t n, size_t *bom_len)
{
    const unsigned char *u = (const unsigned char *)s;
    *bom_len = 0;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        *bom_len = 3;
        return CS_UTF8;
    }
    /* FF FE 00 00 is also a UTF-16LE BOM and U+0000: what follows decides. */
    if (n >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0 &&
        utf32le_after_bom(s + 4, n - 4)) {
        *bom_len = 4;
        return CS_UTF32LE;
    }
    if (n >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF) {
        *bom_len = 4;
        return CS_UTF32BE;
    }
    if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        *bom_len = 2;
        return CS_UTF16LE;
    }
    if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        *bom_len = 2;
        return CS_UTF16BE;
    }
    return CS_NONE;
}

/*** Declared charsets ***/

static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int ascii_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Case-insensitive: does s[0..n) start with the ASCII word w? */
static int has_prefix_ci(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (ascii_lower((unsigned char)s[i]) != w[i])
            return 0;
    return 1;
}

static const char *find_ci(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++)
        if (ascii_lower((unsigned char)s[i]) == w[0] && has_prefix_ci(s + i, n - i, w))
            return s + i;
    return NULL;
}

static charset charset_from_name(const char *s, size_t n)
{
    char name[32];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < sizeof name; i++)
        if (s[i] != '-' && s[i] != '_' && s[i] != ' ')
            name[k++] = (char)ascii_lower((unsigned char)s[i]);
    name[k] = '\0';
    /* WHATWG reads latin1 and ASCII labels as windows-1252 too. */
    static const char *const western[] = {
        "windows1252", "cp1252", "iso88591", "latin1", "l1", "usascii",
        "ascii", "iso8859", "xcp1252", "ibm819", "cp819", NULL };
    if (!strcmp(name, "utf8") || !strcmp(name, "unicode11utf8"))
        return CS_UTF8;
    for (size_t i = 0; western[i]; i++)
        if (!strcmp(name, western[i]))
            return CS_CP1252;
    if (!strcmp(name, "iso885915") || !strcmp(name, "latin9") || !strcmp(name, "l9"))
        return CS_LATIN9;
    if (!strncmp(name, "utf16", 5) || !strcmp(name, "unicode") || !strcmp(name, "ucs2") ||
        !strncmp(name, "utf32", 5) || !strcmp(name, "ucs4"))
        return CS_UTF16LE;   /* only a BOM or NULs decide; see ing_html_decode */
    return k ? CS_OTHER : CS_NONE;
}

/* The charset a <meta> near the top declares: <meta charset=x> or
 * <meta http-equiv=content-type content="text/html; charset=x">. */
static charset declared_charset(const char *s, size_t n, char *name, size_t name_cap)
{
    size_t m = n < CHARSET_SCAN_BYTES ? n : CHARSET_SCAN_BYTES;
    const char *p = s, *end = s + m;
    while ((p = find_ci(p, (size_t)(end - p), "<meta")) != NULL) {
        const char *gt = memchr(p, '>', (size_t)(end - p));
        const char *tag_end = gt ? gt : end;
        const char *c = find_ci(p, (size_t)(tag_end - p), "charset");
        p += 5;
        if (!c)
            continue;
        c += 7;
        while (c < tag_end && ascii_space((unsigned char)*c))
            c++;
        if (c >= tag_end || *c != '=')
            continue;
        c++;
        while (c < tag_end && (ascii_space((unsigned char)*c) || *c == '"' || *c == '\''))
            c++;
        const char *v = c;
        while (c < tag_end && !ascii_space((unsigned char)*c) && *c != '"' && *c != '\'' &&
               *c != ';' && *c != '/')
            c++;
        size_t len = (size_t)(c - v);
        if (len == 0 || len >= name_cap)
            continue;
        memcpy(name, v, len);
        name[len] = '\0';
        return charset_from_name(v, len);
    }
    return CS_NONE;
}

/* Any charset iconv knows; undecodable bytes become U+FFFD.  Returns -1
 * when iconv does not know the name, -2 when out of memory. */
static int decode_iconv(const char *s, size_t n, const char *name, ing_buf *out)
{
    errno = 0;
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return errno == ENOMEM ? -2 : -1;
    char chunk[4096];
    char *in = (char *)s;   /* iconv's prototype is not const-correct */
    size_t in_left = n;
    while (in_left > 0 && !out->oom) {
        char *o = chunk;
        size_t o_left = sizeof chunk;
        size_t r = iconv(cd, &in, &in_left, &o, &o_left);
        int err = r == (size_t)-1 ? errno : 0;
        for (char *q = chunk; q < o; q++)   /* NUL never reaches the text */
            if (*q == 0)
                *q = ' ';
        ing_buf_put(out, chunk, (size_t)(o - chunk));
        if (err == EILSEQ || err == EINVAL) {
            ing_buf_put_cp(out, 0xFFFD);
            in++;
            in_left--;
            iconv(cd, NULL, NULL, NULL, NULL);
        } else if (err != 0 && err != E2BIG)
            break;
    }
    iconv_close(cd);
    return 0;
}

int ing_html_decode(const char *bytes, size_t len, ing_buf *scratch,
                    const char **text, size_t *text_len, unsigned *warnings)
{
    size_t bom;
    charset cs = bom_charset(bytes, len, &bom);
    const char *s = bytes + bom;
    size_t n = len - bom;
    char name[32] = "";
    if (cs == CS_NONE)
        cs = guess_wide(s, n);
    if (cs == CS_NONE) {
        cs = declared_charset(s, n, name, sizeof name);
        if (cs == CS_UTF16LE)   /* readable as ASCII, so not really UTF-16 */
            cs = CS_UTF8;
    }
    size_t valid = ing_utf8_valid_len(s, n);
    /* A page labelled Latin-1 that is valid UTF-8 with non-ASCII bytes was
     * re-saved as UTF-8: Latin-1 text is almost never valid UTF-8. */
    if ((cs == CS_CP1252 || cs == CS_LATIN9) && valid == n) {
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)s[i] >= 0x80) {
                cs = CS_UTF8;
                break;
            }
    }
    if (cs == CS_NONE)
        cs = valid == n ? CS_UTF8 : CS_CP1252;
    switch (cs) {
    case CS_UTF16LE:
    case CS_UTF16BE:
        *warnings |= ING_WARN_UTF16;
        decode_utf16(s, n, cs == CS_UTF16BE, scratch);
        break;
    case CS_UTF32LE:
    case CS_UTF32BE:
        *warnings |= ING_WARN_UTF16;
        decode_utf32(s, n, cs == CS_UTF32BE, scratch);
        break;
    case CS_CP1252:
    case CS_LATIN9:
        if (valid != n)
            *warnings |= ING_WARN_INVALID_UTF8;
        decode_single_byte(s, n, cs, scratch);
        break;
    case CS_OTHER: {
        int rc = decode_iconv(s, n, name, scratch);
        if (rc == -2)
            return -1;
        if (rc == 0)
            break;
    }
        *warnings |= ING_WARN_CHARSET;
        /* unknown charset: read as UTF-8 */
        /* fall through */
    default:
        if (valid == n && !memchr(s, 0, n)) {
            *text = s;
            *text_len = n;
            return 0;
        }
        if (valid != n)
            *warnings |= ING_WARN_INVALID_UTF8;
        decode_utf8_lossy(s, n, scratch);
        break;
    }
    if (scratch->oom)
        return -1;
    *text = scratch->p ? scratch->p : "";
    *text_len = scratch->len;
    return 0;
}

/*** Detection ***/

int ing_looks_like_html(const char *name, const char *bytes, size_t len)
{
    if (name) {
        size_t k = strlen(name);
        static const char *const exts[] = { ".html", ".htm", ".xhtml", NULL };
        for (size_t i = 0; exts[i]; i++) {
            size_t e = strlen(exts[i]);
            if (k >= e && has_prefix_ci(name + k - e, e, exts[i]))
                return 1;
        }
    }
    if (!bytes || !memchr(bytes, '<', len < 2 * SNIFF_BYTES ? len : 2 * SNIFF_BYTES))
        return 0;       /* every sign below starts with '<' */
    /* An ASCII view of the first KiB: NULs (UTF-16) and BOM bytes dropped. */
    char head[SNIFF_BYTES];
    size_t m = 0;
    for (size_t i = 0; i < len && i < 2 * SNIFF_BYTES && m < sizeof head; i++) {
        unsigned char c = (unsigned char)bytes[i];
        if (c == 0 || c == 0xEF || c == 0xBB || c == 0xBF || c == 0xFE || c == 0xFF)
            continue;
        if (m == 0 && ascii_space(c))
            continue;
        head[m++] = (char)c;
    }
    static const char *const starts[] = {
        "<!doctype", "<html", "<head", "<body", "<div", "<article", "<meta",
        "<!--", "<?xml", "<title", "<section", "<main", "<table", NULL };
    for (size_t i = 0; starts[i]; i++) {
        size_t k = strlen(starts[i]);
        if (has_prefix_ci(head, m, starts[i])) {
            char after = m > k ? head[k] : '>';
            if (starts[i][1] == '!' || ascii_space((unsigned char)after) || after == '>' || after == '/')
                return 1;
        }
    }
    if (has_prefix_ci(head, m, "<p>") || has_prefix_ci(head, m, "<p "))
        return 1;
    return find_ci(head, m, "<html") != NULL || find_ci(head, m, "<body") != NULL;
}

/*** Plain text ***/

/* Bounds of the next non-empty line at or after *pos, trimmed of white
 * space (and a BOM).  Returns 0 at the end of the text. */
static int next_line(const char *s, size_t n, size_t *pos, size_t *b, size_t *e)
{
    while (*pos < n) {
        size_t start = *pos, stop = start;
        while (stop < n && s[stop] != '\n' && s[stop] != '\r')
            stop++;
        *pos = stop < n ? stop + 1 : n;
        size_t lb = start, le = stop;
        if (le - lb >= 3 && !memcmp(s + lb, "\xEF\xBB\xBF", 3))
            lb += 3;
        while (lb < le && ascii_space((unsigned char)s[lb]))
            lb++;
        while (le > lb && ascii_space((unsigned char)s[le - 1]))
            le--;
        if (le > lb) {
            *b = lb;
            *e = le;
            return 1;
        }
    }
    return 0;
}

/* A dateline: a date near the start of the line, after nothing or a
 * label ("Published:", "By Jane Doe |", "DETROIT,"), not inside a sentence
 * such as "Sales rose since March 1, 2024". */
static int is_dateline(const char *s, size_t n, char out[11])
{
    size_t at, end;
    if (!ing_date_find_near(s, n, DATELINE_MAX_OFFSET, out, &at, &end))
        return 0;
    size_t k = at;
    while (k > 0 && ascii_space((unsigned char)s[k - 1]))
        k--;
    if (k == 0)
        return 1;
    static const char *const labels[] = { "published", "updated", "posted", "date",
                                          "first published", "last updated", NULL };
    for (size_t i = 0; labels[i]; i++)
        if (has_prefix_ci(s, n, labels[i]))
            return 1;
    char c = s[k - 1];
    return c == ':' || c == '|' || c == ',' || c == '-' || (unsigned char)c == 0xB7 ||
           (unsigned char)c == 0x94;   /* ':' '|' ',' '-' and the ends of U+00B7, U+2014 */
}

static int text_metadata(const char *s, size_t n, ing_doc *out)
{
    size_t pos = 0, b, e, b2, e2;
    char date[11];
    if (!next_line(s, n, &pos, &b, &e))
        return 0;
    size_t after_first = pos;
    int more = next_line(s, n, &pos, &b2, &e2);
    int first_is_date = is_dateline(s + b, e - b, date) && e - b < 60;
    if (more && !first_is_date && e - b <= TITLE_MAX_BYTES && s[e - 1] != '.') {
        out->title = ing_strndup(s + b, e - b);
        if (!out->title)
            return -1;
    }
    pos = out->title ? after_first : 0;
    for (int k = 0; k < DATELINE_MAX_LINES && next_line(s, n, &pos, &b, &e); k++) {
        if (is_dateline(s + b, e - b, date)) {
            out->published = ing_strndup(date, 10);
            return out->published ? 0 : -1;
        }
    }
    return 0;
}

static int run_text(const char *bytes, size_t len, ing_doc *out)
{
    size_t bom;
    charset cs = bom_charset(bytes, len, &bom);
    ing_buf b = { 0 };
    if (cs == CS_NONE)
        cs = guess_wide(bytes, len);
    if (cs == CS_UTF16LE || cs == CS_UTF16BE) {
        out->warnings |= ING_WARN_UTF16;
        decode_utf16(bytes + bom, len - bom, cs == CS_UTF16BE, &b);
    } else if (cs == CS_UTF32LE || cs == CS_UTF32BE) {
        /* Transcoded like UTF-16: offsets index the decoded text. */
        out->warnings |= ING_WARN_UTF16;
        decode_utf32(bytes + bom, len - bom, cs == CS_UTF32BE, &b);
    } else if (ing_utf8_valid_len(bytes, len) == len) {
        /* Verbatim, so offsets index the file; only NUL becomes a space. */
        ing_buf_put(&b, bytes, len);
        for (size_t i = 0; i < b.len && !b.oom; i++)
            if (b.p[i] == 0)
                b.p[i] = ' ';
    } else {
        out->warnings |= ING_WARN_INVALID_UTF8;
        decode_single_byte(bytes, len, CS_CP1252, &b);
    }
    out->text = ing_buf_detach(&b, &out->len);
    if (!out->text)
        return -1;
    return text_metadata(out->text, out->len, out);
}

/*** Entry points ***/

int ing_run(const char *bytes, size_t len, const char *name, ing_mode mode, ing_doc *out)
{
    memset(out, 0, sizeof *out);
    if (!bytes)
        len = 0;
    if (!bytes)
        bytes = "";
    int html = mode == ING_MODE_HTML ||
               (mode == ING_MODE_AUTO && ing_looks_like_html(name, bytes, len));
    int rc;
    if (html) {
        out->format = ING_FORMAT_HTML;
        rc = ing_html_run(bytes, len, out);
    } else {
        out->format = ING_FORMAT_TEXT;
        rc = run_text(bytes, len, out);
    }
    if (rc != 0) {
        ing_doc_release(out);
        return -1;
    }
    return 0;
}

void ing_doc_release(ing_doc *d)
{
    if (!d)
        return;
    free(d->text);
    free(d->title);
    free(d->published);
    free(d->author);
    free(d->site);
    memset(d, 0, sizeof *d);
}
