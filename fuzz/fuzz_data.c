/* libFuzzer target: the data-file reader.  The bytes become one brands.tsv
 * (first byte even) or one rules file (odd) in a scratch folder, checked
 * as cn_data_check does, but against the folder alone: loading the
 * built-in data for every input would leave no time to fuzz. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carnews/carnews.h"
#include "gazetteer.h"
#include "rules.h"

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
    if (cni_gz_check_dir(dir, NULL, &err) == CN_OK)
        cni_rx_check_dir(dir, 1, &err);
    remove(path);
    return 0;
}
