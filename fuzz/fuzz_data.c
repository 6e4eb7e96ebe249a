/* libFuzzer target: the data-file reader.  The bytes become one brands.tsv
 * (first byte even) or one rules file (odd) in a scratch folder, loaded
 * with cn_data_check. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carnews/carnews.h"

static char dir[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/carnews-fuzz-data-%d", (int)getpid());
        mkdir(dir, 0700);
        char rules[96];
        snprintf(rules, sizeof rules, "%s/rules", dir);
        mkdir(rules, 0700);
    }
    if (size == 0)
        return 0;
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, data[0] & 1 ? "rules/figure-kind.rules" : "brands.tsv");
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data + 1, 1, size - 1, f);
    fclose(f);
    cn_error err;
    cn_data_check(dir, &err);
    remove(path);
    return 0;
}
