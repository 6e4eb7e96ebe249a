/*
 * carnews: analyzer for automotive-industry news.
 *
 * Build one cn_analyzer (it loads the gazetteers and compiles the rules),
 * then call cn_analyze() once per article.  The analyzer is immutable once
 * built: any number of threads may call cn_analyze() on it at the same time.
 * Each call returns a cn_doc that owns everything it points to (one arena);
 * cn_doc_free() releases it in one call.
 *
 * The library never prints, exits or aborts on bad input: every byte
 * sequence is a valid article.  Errors come back as cn_status codes with an
 * optional cn_error holding a message, the data file and line.
 */
#ifndef CARNEWS_H
#define CARNEWS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility: only what is marked here
 * is exported from libcarnews.so. */
#if defined(__GNUC__) || defined(__clang__)
#define CN_API __attribute__((visibility("default")))
#else
#define CN_API
#endif

#define CARNEWS_VERSION "0.1.0"
#define CARNEWS_SCHEMA "carnews/1"

typedef enum {
    CN_OK = 0,
    CN_ERR_NOMEM,   /* out of memory */
    CN_ERR_IO,      /* a file could not be read */
    CN_ERR_ARG,     /* bad argument from the caller */
    CN_ERR_DATA,    /* a gazetteer file is malformed */
    CN_ERR_RULE,    /* a rule pattern does not compile */
    CN_ERR_LIMIT    /* input larger than CN_MAX_INPUT */
} cn_status;

/* Inputs above this size are refused with CN_ERR_LIMIT: it bounds memory
 * per document (the arena holds a few copies' worth of the text). */
#define CN_MAX_INPUT ((size_t)256 * 1024 * 1024)

/* Filled by every call that returns a status other than CN_OK, when the
 * caller passes one: code equals the returned status and message is never
 * empty.  For a fault in a data file, path and line say where (line 0:
 * the file as a whole); otherwise path is "" and line 0. */
typedef struct {
    cn_status code;
    char message[512];  /* for data errors: "file:line: reason" */
    char path[512];
    size_t line;
} cn_error;

/* Human-readable name of a status code; never NULL. */
CN_API const char *cn_strerror(cn_status code);

/* Length of the longest valid UTF-8 prefix of s[0..n): what carnews
 * reads as UTF-8 (overlong forms, surrogates and values past U+10FFFF are
 * not). */
CN_API size_t cn_utf8_valid_len(const char *s, size_t n);

/* ---- analyzer ------------------------------------------------------- */

typedef struct cn_analyzer cn_analyzer;

typedef struct {
    /* Folder with the built-in data files; NULL = the compiled-in default
     * (build tree, then install prefix). */
    const char *data_dir;
    /* Extra folders whose files add to or override the built-in ones, in
     * order (later wins).  May be NULL when n_user_dirs is 0. */
    const char *const *user_dirs;
    size_t n_user_dirs;
} cn_options;

/* Load data and compile rules.  On failure *out is NULL and err (if not
 * NULL) says which file and line. */
CN_API cn_status cn_analyzer_new(const cn_options *opts, cn_analyzer **out,
                          cn_error *err);
CN_API void cn_analyzer_free(cn_analyzer *a);   /* NULL is a no-op */

/* Folder the built-in data was read from (owned by the analyzer). */
CN_API const char *cn_analyzer_data_dir(const cn_analyzer *a);

/* The folder cn_analyzer_new() reads when opts->data_dir is NULL: beside
 * the running program (PREFIX/bin -> PREFIX/share/carnews), the source
 * tree for a program in the build tree, else the configured prefix.
 * malloc'd (free it), NULL when out of memory. */
CN_API char *cn_default_data_dir(void);

/* Check that the data files in dir parse; nothing else is loaded. */
CN_API cn_status cn_data_check(const char *dir, cn_error *err);

/* ---- analysis ------------------------------------------------------- */

typedef enum { CN_INPUT_AUTO = 0, CN_INPUT_TEXT, CN_INPUT_HTML } cn_input_kind;

typedef enum {
    CN_ENT_BRAND = 0, CN_ENT_MODEL, CN_ENT_PLANT, CN_ENT_PERSON,
    CN_ENT_ORGANIZATION, CN_ENT_PLACE, CN_ENT_TYPE_COUNT
} cn_entity_type;

/* "brand", "model", ... as in the JSON output. */
CN_API const char *cn_entity_type_name(cn_entity_type t);

typedef struct {
    size_t start, end;      /* byte offsets into cn_result.text, end exclusive */
} cn_mention;

typedef struct {
    cn_entity_type type;
    const char *name;       /* canonical name */
    const cn_mention *mentions;
    size_t n_mentions;
    /* Attributes; NULL when unknown or not applicable to the type.
     *   brand: parent, country      model: brand
     *   plant: owner, location, country
     *   person: role, organization  organization: kind
     *   place: kind, country */
    const char *parent, *country, *brand, *owner, *location;
    const char *role, *organization, *kind;
} cn_entity;

typedef struct {
    const char *kind;       /* sales, production, ..., change, other */
    double value;
    const char *unit;       /* vehicles, units, jobs, percent, GBP, ... */
    const char *qualifier;  /* "more than", "about", ... or NULL */
    const char *subject;    /* canonical entity name or NULL */
    const char *region;     /* canonical place name or NULL */
    const char *period;     /* "2024", "2024-08", "2024-H1", text, or NULL */
    const char *source;     /* the body reporting it ("SMMT"), or NULL */
    const char *measure;    /* kind "change": what changed (sales, jobs, ...), else NULL */
    const char *period_text;    /* the period's words as written, or NULL */
    size_t start, end;      /* span of the figure's text */
    size_t sentence;        /* index of its sentence, from 0 */
} cn_figure;

typedef struct {
    const char *speaker;    /* canonical entity name or NULL */
    size_t start, end;      /* the quoted words, without the marks */
} cn_quote;

typedef struct {
    size_t bytes, paragraphs, sentences, words;
} cn_stats;

enum {
    CN_WARN_INVALID_UTF8 = 1u << 0, /* not UTF-8: read as Windows-1252 or U+FFFD */
    CN_WARN_UTF16 = 1u << 1,        /* transcoded from UTF-16 or UTF-32 */
    CN_WARN_CHARSET = 1u << 2,      /* HTML declared a charset carnews cannot decode */
    CN_WARN_NO_BODY = 1u << 3,      /* HTML without an article body */
    CN_WARN_TRUNCATED = 1u << 4     /* HTML with over a million tags: the rest was dropped */
};

typedef struct {
    const char *text;       /* the analysed text (UTF-8, NUL-terminated) */
    size_t text_len;
    const char *format;     /* "text" or "html" */
    const char *title, *published, *author, *site;  /* NULL when unknown */
    cn_stats stats;
    const cn_entity *entities;  size_t n_entities;  /* sorted by first offset */
    const cn_figure *figures;   size_t n_figures;   /* sorted by start */
    const cn_quote *quotes;     size_t n_quotes;    /* sorted by start */
    unsigned warnings;      /* CN_WARN_* */
} cn_result;

typedef struct cn_doc cn_doc;

/* Analyse len bytes of one article.  name (may be NULL) helps to tell
 * HTML from text by its extension.  Thread-safe for a shared analyzer. */
CN_API cn_status cn_analyze(const cn_analyzer *a, const char *bytes, size_t len,
                     cn_input_kind kind, const char *name, cn_doc **out,
                     cn_error *err);

/* The results; valid until cn_doc_free(). */
CN_API const cn_result *cn_doc_result(const cn_doc *d);
CN_API void cn_doc_free(cn_doc *d);            /* NULL is a no-op */

/* ---- reports -------------------------------------------------------- */

typedef enum { CN_FORMAT_JSON = 0, CN_FORMAT_JSONL, CN_FORMAT_TEXT,
               CN_FORMAT_TSV } cn_format;

/* Bits of cn_report_options.types; 0 means everything. */
enum {
    CN_TYPE_BRAND = 1u << CN_ENT_BRAND,
    CN_TYPE_MODEL = 1u << CN_ENT_MODEL,
    CN_TYPE_PLANT = 1u << CN_ENT_PLANT,
    CN_TYPE_PERSON = 1u << CN_ENT_PERSON,
    CN_TYPE_ORGANIZATION = 1u << CN_ENT_ORGANIZATION,
    CN_TYPE_PLACE = 1u << CN_ENT_PLACE,
    CN_TYPE_FIGURE = 1u << 6,
    CN_TYPE_QUOTE = 1u << 7
};

/* As cn_analyze(), for a caller that reads only these CN_TYPE_* types (0
 * = all): figures and quotes are not looked for unless asked for, which
 * makes an entities-only analysis about twice as fast.  Entities of every
 * type are always found (figures and quotes are read through them), so
 * what is found is what cn_analyze() finds. */
CN_API cn_status cn_analyze_types(const cn_analyzer *a, const char *bytes, size_t len,
                           cn_input_kind kind, const char *name, unsigned types,
                           cn_doc **out, cn_error *err);

typedef struct {
    unsigned types;   /* CN_TYPE_* mask, 0 = all */
    int color;        /* text format: ANSI colour */
    int tsv_header;   /* tsv: start with the header row */
    int no_mentions;  /* json, jsonl: "mention_count" instead of the "mentions" list */
} cn_report_options;

/* Render one document.  Returns a malloc'd NUL-terminated string (free()
 * it) and its length in *len, or NULL when out of memory.  source is the
 * path as given ("-" for stdin).  json ends with a newline; jsonl is one
 * line. */
CN_API char *cn_report_render(const cn_doc *d, const char *source, cn_format fmt,
                       const cn_report_options *opts, size_t *len);

/* The TSV header row (newline-terminated) of cn_report_render()'s TSV
 * (summary = 0) or of cn_summary_render()'s (summary = 1), for a program
 * that writes one header above many reports. */
CN_API const char *cn_report_tsv_header(int summary);

/* ---- summary across articles ---------------------------------------- */

/* Brands, people, plants... ranked by the number of articles they appear
 * in, every figure with its source, quote counts per speaker.  Add the
 * documents in input order: ties and the figure list follow it. */
typedef struct cn_summary cn_summary;

/* types: CN_TYPE_* mask of what to collect, 0 = everything. */
CN_API cn_status cn_summary_new(unsigned types, cn_summary **out, cn_error *err);
/* Copy what the summary needs from d (which may be freed afterwards);
 * source is the article's path as given (NULL = "-").  Not thread-safe
 * for one summary. */
CN_API cn_status cn_summary_add(cn_summary *s, const cn_doc *d, const char *source,
                                cn_error *err);
/* Render as cn_report_render() does (opts may be NULL: no colour, TSV
 * header row); NULL when out of memory. */
CN_API char *cn_summary_render(const cn_summary *s, cn_format fmt,
                               const cn_report_options *opts, size_t *len);
CN_API void cn_summary_free(cn_summary *s);   /* NULL is a no-op */

#ifdef __cplusplus
}
#endif
#endif
