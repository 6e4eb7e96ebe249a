// The public header compiles as C++ and links from C++ code.
#include <carnews/carnews.h>

#include <cstdio>
#include <cstring>

int main()
{
    cn_error err;
    std::memset(&err, 0, sizeof err);
    cn_status st = cn_analyzer_new(nullptr, nullptr, &err);
    if (st != CN_ERR_ARG || err.code != st || !err.message[0]) {
        std::fprintf(stderr, "unexpected status %d\n", static_cast<int>(st));
        return 1;
    }
    std::printf("%s\n", cn_strerror(st));
    return 0;
}
