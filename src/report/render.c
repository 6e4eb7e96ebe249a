/* cn_report_render(): one document in the format asked for. */
#include "report.h"

char *cn_report_render(const cn_doc *d, const char *source, cn_format fmt,
                       const cn_report_options *opts, size_t *len)
{
    buf b;
    cni_buf_init(&b);
    const cn_result *r = cn_doc_result(d);
    switch (fmt) {
    case CN_FORMAT_JSON: cni_rep_json(r, source, opts, 1, &b); break;
    case CN_FORMAT_JSONL: cni_rep_json(r, source, opts, 0, &b); break;
    case CN_FORMAT_TEXT: cni_rep_text(r, source, opts, &b); break;
    case CN_FORMAT_TSV: cni_rep_tsv(r, source, opts, &b); break;
    }
    return cni_buf_detach(&b, len);
}
