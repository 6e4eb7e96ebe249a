/* Report writers, one per format; cn_report_render() picks one. */
#ifndef CN_REPORT_H
#define CN_REPORT_H
#include "buf.h"
#include "carnews/carnews.h"

/* JSON string literal for s[0..len): escapes quotes, backslashes and
 * control characters; bytes that are not valid UTF-8 become U+FFFD. */
void cni_rep_json_string(buf *b, const char *s, size_t len);
/* A JSON number; non-finite values become null. */
void cni_rep_json_number(buf *b, double v);
/* Whether reports include entity type t / figures / quotes. */
int cni_rep_wants(const cn_report_options *o, unsigned type_bit);

void cni_rep_json(const cn_result *r, const char *source, const cn_report_options *o,
              int pretty, buf *b);
void cni_rep_text(const cn_result *r, const char *source, const cn_report_options *o,
              buf *b);
void cni_rep_tsv(const cn_result *r, const char *source, const cn_report_options *o,
             buf *b);
#endif
