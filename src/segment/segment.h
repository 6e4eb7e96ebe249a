/* Segmentation: paragraphs, sentences and tokens with byte offsets. */
#ifndef CN_SEGMENT_H
#define CN_SEGMENT_H
#include <stddef.h>
#include <stdint.h>
#include "arena.h"

enum {
    TK_WORD = 1u << 0,       /* contains a letter */
    TK_NUM = 1u << 1,        /* starts with a digit */
    TK_PUNCT = 1u << 2,      /* one punctuation character */
    TK_UPPER = 1u << 3,      /* starts with an upper-case letter */
    TK_ALLCAPS = 1u << 4,    /* two or more letters, all upper case */
    TK_SENT_START = 1u << 5, /* first token of its sentence */
    TK_QUOTE = 1u << 6,      /* a quotation mark, straight or curly */
    TK_OPEN = 1u << 7,       /* opening quote / bracket */
    TK_CLOSE = 1u << 8,      /* closing quote / bracket */
    TK_POSS = 1u << 9,       /* the possessive 's / ’s / ' after a word */
    TK_LOWER = 1u << 10      /* starts with a lower-case letter */
};

typedef struct {
    uint32_t start, end;     /* bytes [start, end) of the text */
    uint32_t flags;
    uint32_t sentence;       /* index of its sentence */
    uint64_t hash;           /* hash of the folded form, for gazetteer lookup */
} token;

typedef struct {
    uint32_t start, end;     /* bytes, trimmed of white space */
    uint32_t tok_begin, tok_end;
    uint32_t paragraph;
} sentence;

typedef struct {
    uint32_t start, end;
} paragraph;

typedef struct {
    token *toks;          size_t n_toks;
    sentence *sents;      size_t n_sents;
    paragraph *paras;     size_t n_paras;
    size_t words;
} segmentation;

/* Segment text[0..len).  All arrays live in the arena.  Returns 0, or -1
 * when out of memory.  len must be below 4 GiB (offsets are 32-bit). */
int cni_seg_run(const char *text, size_t len, arena *mem, segmentation *out);

/* Tokens only, into a caller's buffer of max tokens (for short strings
 * such as gazetteer names).  Returns the count, or (size_t)-1 when they do
 * not fit. */
size_t cni_seg_tokens_only(const char *text, size_t len, token *buf, size_t max);

/* Folding used for matching: ASCII lower case, curly apostrophes and
 * quotes to straight ones, dashes to '-'.  Writes at most cap-1 bytes and a
 * NUL into out; returns the folded length. */
size_t cni_seg_fold(const char *s, size_t len, char *out, size_t cap);
uint64_t cni_seg_hash_folded(const char *s, size_t len);
/* Hash of text[start,end) as a token would get it. */
uint64_t cni_seg_token_hash(const char *s, size_t len);
/* Does a word that makes the place before a hyphen an adjective ("based",
 * "made", "headquartered" ...) start at byte i and end there? */
int cni_seg_place_suffix(const char *s, size_t len, size_t i);
uint64_t cni_seg_hash_combine(uint64_t h, uint64_t tok);
#endif
