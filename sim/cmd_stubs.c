/* cmd_stubs.c — TEMPORARY: commands not built yet say so (removed as they land). */
#include <stdio.h>

#include "cli.h"

static int S_not_yet(const char *name)
{
    fprintf(stderr, "hostsim: '%s' is not available in this build yet\n", name);
    return 1;
}


int cmd_plot(int argc, char **argv) { (void)argc, (void)argv; return S_not_yet("plot"); }
int cmd_report(int argc, char **argv) { (void)argc, (void)argv; return S_not_yet("report"); }

int cmd_tornado(int argc, char **argv) { (void)argc, (void)argv; return S_not_yet("tornado"); }
int cmd_sobol(int argc, char **argv) { (void)argc, (void)argv; return S_not_yet("sobol"); }
