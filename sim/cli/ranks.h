/* ranks.h — how the ranks of an mpirun job start and end a command (docs/cluster.md).
 *
 * Only rank 0 prints: the other ranks' stdout goes to /dev/null and their stderr into a
 * private temporary file. At the end every rank tells rank 0 its exit code and rank 0 tells
 * every rank its own. A rank that failed waits a few seconds for the others' codes: when a
 * rank failed alone (a scenario folder it cannot read, an output folder rank 0 cannot write)
 * the others are waiting for it inside a simulation, so it stops the whole job (MPI_Abort),
 * a non-zero rank first copying its messages to the real stderr, prefixed with its rank.
 * Without the MPI build, or with one rank, both do nothing.
 */
#ifndef HS_RANKS_H
#define HS_RANKS_H

/* Before the command; on a rank but 0. Returns 0, or -1 if the streams cannot be set. */
int ranks_begin(void);
/* After the command, with its exit code; returns the process's exit code. */
int ranks_end(int rc);

#endif
