/* signals.c — Ctrl-C and SIGTERM for the simulating commands (see signals.h). */
#include "signals.h"

#include <signal.h>
#include <string.h>

#include "run/runner.h"

static volatile sig_atomic_t S_signal = 0;

static void S_on_signal(int sig)
{
    S_signal = sig;
    runner_stop = 1;
}

void signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = S_on_signal;
    sa.sa_flags = SA_RESETHAND; /* the first asks the run to stop; a second ends it at once */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

int signals_exit_code(void)
{
    return S_signal == SIGTERM ? 143 : 130;
}
