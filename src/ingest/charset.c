/* Ingest: bytes in any supported encoding to UTF-8.  The only iconv user. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "ingest_impl.h"
#include "utf8.h"

/* A <meta charset> further in than this is ignored (HTML5 says 1024; real
 * pages often put a long <head> first). */
#define CHARSET_SCAN_BYTES 16384

/* Copy as UTF-8, each invalid byte replaced by U+FFFD. */
static void decode_utf8_lossy(const char *s, size_t n, buf *out)
{
    size_t i = 0;
    while (i < n) {
        size_t ok = cni_utf8_valid_len(s + i, n - i);
        for (size_t k = 0; k < ok; k++)   /* keep the valid run, NUL to space */
            cni_buf_putc(out, s[i + k] ? s[i + k] : ' ');
        i += ok;
        if (i < n) {
            cni_buf_put_cp(out, 0xFFFD);
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

static void decode_single_byte(const char *s, size_t n, charset cs, buf *out)
{
    for (size_t i = 0; i < n && !out->failed; i++)
        cni_buf_put_cp(out, single_byte_cp((unsigned char)s[i], cs));
}

/*** UTF-16 ***/

static void decode_utf16(const char *s, size_t n, int big_endian, buf *out)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i + 1 < n && !out->failed) {
        uint32_t c = big_endian ? (u[i] << 8 | u[i + 1]) : (u[i + 1] << 8 | u[i]);
        i += 2;
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n) {
            uint32_t d = big_endian ? (u[i] << 8 | u[i + 1]) : (u[i + 1] << 8 | u[i]);
            if (d >= 0xDC00 && d <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
                i += 2;
            }
        }
        cni_buf_put_cp(out, c);   /* a lone surrogate becomes U+FFFD there */
    }
    if (i < n)
        cni_buf_put_cp(out, 0xFFFD);   /* odd trailing byte */
}

/*** UTF-32 ***/

static uint32_t utf32_unit(const unsigned char *u, int big_endian)
{
    return big_endian ? (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 | (uint32_t)u[2] << 8 | u[3]
                      : (uint32_t)u[3] << 24 | (uint32_t)u[2] << 16 | (uint32_t)u[1] << 8 | u[0];
}

static void decode_utf32(const char *s, size_t n, int big_endian, buf *out)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    for (; i + 3 < n && !out->failed; i += 4)
        cni_buf_put_cp(out, utf32_unit(u + i, big_endian));   /* bad values: U+FFFD */
    if (i < n)
        cni_buf_put_cp(out, 0xFFFD);   /* 1 to 3 trailing bytes */
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
        return CS_UTF16LE;   /* only a BOM or NULs decide; see cni_ing_html_decode */
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
static int decode_iconv(const char *s, size_t n, const char *name, buf *out)
{
    errno = 0;
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return errno == ENOMEM ? -2 : -1;
    char chunk[4096];
    char *in = (char *)s;   /* iconv's prototype is not const-correct */
    size_t in_left = n;
    while (in_left > 0 && !out->failed) {
        char *o = chunk;
        size_t o_left = sizeof chunk;
        size_t r = iconv(cd, &in, &in_left, &o, &o_left);
        int err = r == (size_t)-1 ? errno : 0;
        for (char *q = chunk; q < o; q++)   /* NUL never reaches the text */
            if (*q == 0)
                *q = ' ';
        cni_buf_put(out, chunk, (size_t)(o - chunk));
        if (err == EILSEQ || err == EINVAL) {
            cni_buf_put_cp(out, 0xFFFD);
            in++;
            in_left--;
            iconv(cd, NULL, NULL, NULL, NULL);
        } else if (err != 0 && err != E2BIG)
            break;
    }
    iconv_close(cd);
    return 0;
}

void cni_ing_text_decode(const char *bytes, size_t len, buf *out, unsigned *warnings)
{
    size_t bom;
    charset cs = bom_charset(bytes, len, &bom);
    if (cs == CS_NONE)
        cs = guess_wide(bytes, len);
    if (cs == CS_UTF16LE || cs == CS_UTF16BE) {
        *warnings |= ING_WARN_UTF16;
        decode_utf16(bytes + bom, len - bom, cs == CS_UTF16BE, out);
    } else if (cs == CS_UTF32LE || cs == CS_UTF32BE) {
        /* Transcoded like UTF-16: offsets index the decoded text. */
        *warnings |= ING_WARN_UTF16;
        decode_utf32(bytes + bom, len - bom, cs == CS_UTF32BE, out);
    } else if (cni_utf8_valid_len(bytes, len) == len) {
        /* Verbatim, so offsets index the file; only NUL becomes a space. */
        size_t at = out->len;
        cni_buf_put(out, bytes, len);
        for (char *z; !out->failed && at < out->len &&
                      (z = memchr(out->data + at, 0, out->len - at)); at = (size_t)(z - out->data) + 1)
            *z = ' ';
    } else {
        *warnings |= ING_WARN_INVALID_UTF8;
        decode_single_byte(bytes, len, CS_CP1252, out);
    }
}

int cni_ing_html_decode(const char *bytes, size_t len, buf *scratch,
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
    size_t valid = cni_utf8_valid_len(s, n);
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
    if (scratch->failed)
        return -1;
    *text = scratch->data ? scratch->data : "";
    *text_len = scratch->len;
    return 0;
}

