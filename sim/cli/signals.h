/* signals.h — Ctrl-C and SIGTERM for the simulating commands. */
#ifndef HS_SIGNALS_H
#define HS_SIGNALS_H

/* SIGINT and SIGTERM raise runner_stop, so a run stops at the next trajectory
 * and its command writes nothing. */
void signals_install(void);
/* The exit code of the signal that stopped the run: 130 (SIGINT) or 143 (SIGTERM). */
int signals_exit_code(void);

#endif
