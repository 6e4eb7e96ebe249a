/* Month names: the one table both the number and the period parsers read. */
#include <string.h>

#include "bytes.h"
#include "numbers_impl.h"

static const char *const month_tab[] = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
};
static const char *const month_abbr_tab[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

/* Capitalised month name at [s,e): 1..12, negative for an abbreviation. */
int cni_per_month_word(const uchar *t, size_t s, size_t e)
{
    char buf[16];   /* longer than any month name */
    size_t n = e - s, k;
    if (n < 3 || n >= sizeof buf || !is_upper(t[s]))
        return 0;
    for (k = 0; k < n; k++)
        buf[k] = (char)lower(t[s + k]);
    buf[n] = '\0';
    for (k = 0; k < 12; k++)
        if (STR_EQ(buf, month_tab[k]))
            return (int)k + 1;
    for (k = 0; k < 12; k++)
        if (STR_EQ(buf, month_abbr_tab[k]))
            return -((int)k + 1);
    return STR_EQ(buf, "sept") ? -9 : 0;
}
