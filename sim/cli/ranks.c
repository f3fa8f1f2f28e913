/* ranks.c — the start and end of a command on each rank of an mpirun job (see ranks.h). */
#include "ranks.h"

#include <stdio.h>

#include "run/runner.h"

#ifdef HOSTSIM_MPI
#include <mpi.h>
#include <time.h>
#include <unistd.h>

#include "base/hs_clock.h"

#define S_TAG 7177 /* the exit codes' messages */
#define S_WAIT_SECONDS 10.0

static int S_stderr = -1; /* the real stderr of a rank but 0 */
static FILE *S_log;       /* what it printed meanwhile */

int ranks_begin(void)
{
    if (runner_ranks() < 2 || runner_rank() == 0) return 0;
    fflush(stderr);
    S_stderr = dup(fileno(stderr));
    S_log = tmpfile();
    if (S_stderr < 0 || !S_log || dup2(fileno(S_log), fileno(stderr)) < 0) return -1;
    return freopen("/dev/null", "w", stdout) ? 0 : -1;
}

/* Receives the exit code of rank `from`: 1 once it came, 0 if it did not within the wait
 * (wait 0: as long as it takes). */
static int S_receive(int from, int wait)
{
    const double t0 = hs_clock_seconds();
    int got = 0, code;
    while (!got) {
        MPI_Iprobe(from, S_TAG, MPI_COMM_WORLD, &got, MPI_STATUS_IGNORE);
        if (got) break;
        if (wait && hs_clock_seconds() - t0 > S_WAIT_SECONDS) return 0;
        nanosleep(&(struct timespec){0, 5000000}, NULL);
    }
    MPI_Recv(&code, 1, MPI_INT, from, S_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    return 1;
}

/* This rank failed and the others are still simulating: its messages, then the job ends. */
static void S_abort(int rc)
{
    const int rank = runner_rank();
    if (rank != 0 && S_log && S_stderr >= 0) {
        FILE *err = fdopen(S_stderr, "w");
        char line[1024];
        fflush(stderr);
        rewind(S_log);
        while (err && fgets(line, sizeof line, S_log))
            fprintf(err, "hostsim (MPI rank %d): %s", rank, line);
        if (err) fflush(err);
    }
    MPI_Abort(MPI_COMM_WORLD, rc);
}

int ranks_end(int rc)
{
    const int rank = runner_rank(), ranks = runner_ranks();
    if (ranks < 2) return rc;
    if (rank == 0) {
        for (int k = 1; k < ranks; k++)
            MPI_Send(&rc, 1, MPI_INT, k, S_TAG, MPI_COMM_WORLD);
        for (int k = 1; k < ranks; k++)
            if (!S_receive(k, rc != 0)) S_abort(rc);
    } else {
        MPI_Send(&rc, 1, MPI_INT, 0, S_TAG, MPI_COMM_WORLD);
        if (!S_receive(0, rc != 0)) S_abort(rc);
    }
    return rc;
}
#else
int ranks_begin(void)
{
    return 0;
}

int ranks_end(int rc)
{
    return rc;
}
#endif
