/* Numbers: powers of ten, shared by the digit and word parsers. */
#include <math.h>

#include "numbers_impl.h"

static const double p10_tab[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* v * 10^e, exact for small mantissas and |e| <= 22; capped at NUM_VALUE_MAX. */
double cni_num_mul_p10(double v, int e, int *ovf)
{
    double r;
    if (v == 0)
        return 0;
    if (e > NUM_MAX_EXP)
        e = NUM_MAX_EXP;
    if (e < -NUM_MAX_EXP)
        e = -NUM_MAX_EXP;
    if (e >= 0)
        r = e < (int)COUNT(p10_tab) ? v * p10_tab[e] : v * pow(10.0, e);
    else
        r = -e < (int)COUNT(p10_tab) ? v / p10_tab[-e] : v / pow(10.0, -e);
    if (!(r <= NUM_VALUE_MAX)) {
        *ovf = 1;
        r = NUM_VALUE_MAX;
    }
    return r;
}
