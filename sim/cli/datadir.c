/* datadir.c — where hostsim finds its default scenario without --scenario.
 *
 * inputs/default in the working folder (a checkout of the repository) comes first; else the
 * copy `make install` put beside the binary, BINDIR/../share/hostsim/inputs/default (found
 * from /proc/self/exe, so an install under DESTDIR or a moved tree works too); else the one
 * under the PREFIX the binary was built for. None there: "inputs/default", which the loader
 * then reports as missing.
 */
#define _XOPEN_SOURCE 700 /* readlink */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#ifndef HOSTSIM_DATADIR
#define HOSTSIM_DATADIR "/usr/local/share/hostsim"
#endif

static int S_is_dir(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

const char *cli_default_scenario(void)
{
    static char found[4096 + 64];
    static const char local[] = "inputs/default";
    if (S_is_dir(local)) return local;
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(found, sizeof found, "%s/../share/hostsim/inputs/default", exe);
            if (S_is_dir(found)) return found;
        }
    }
    snprintf(found, sizeof found, "%s/inputs/default", HOSTSIM_DATADIR);
    return S_is_dir(found) ? found : local;
}
