/* spawn.c — finding and running an external program (gnuplot, chromium) without a shell. */
#include "spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/hs_path.h"

extern char **environ;

#define S_OUT_MAX (64 * 1024)

static int S_is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

char *spawn_find_program(const char *prog)
{
    if (!prog || !*prog) return NULL;
    if (strchr(prog, '/')) return access(prog, X_OK) == 0 && !S_is_dir(prog) ? strdup(prog) : NULL;
    const char *path = getenv("PATH");
    if (!path || !*path) path = "/usr/local/bin:/usr/bin:/bin";
    const char *p = path;
    for (;;) {
        const char *colon = strchr(p, ':');
        size_t len = colon ? (size_t)(colon - p) : strlen(p);
        char *dir = len ? strndup(p, len) : strdup(".");
        char *cand = dir ? hs_path_join(dir, prog) : NULL;
        free(dir);
        if (cand && access(cand, X_OK) == 0 && !S_is_dir(cand)) return cand;
        free(cand);
        if (!colon) return NULL;
        p = colon + 1;
    }
}

/* Environment for a child: ours, with a fixed locale (LC_ALL=C.UTF-8 in place of every LC_*,
 * LANG, LANGUAGE). Caller frees the array only: its strings are borrowed. */
static char **S_child_env(void)
{
    size_t n = 0;
    while (environ && environ[n])
        n++;
    char **env = malloc((n + 2) * sizeof *env);
    if (!env) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *s = environ[i];
        if (strncmp(s, "LC_", 3) == 0 || strncmp(s, "LANG=", 5) == 0 ||
            strncmp(s, "LANGUAGE=", 9) == 0)
            continue;
        env[k++] = environ[i];
    }
    env[k++] = (char *)"LC_ALL=C.UTF-8";
    env[k] = NULL;
    return env;
}

hs_status spawn_run(char *const argv[], const char *cwd, int *status, char **out, hs_error *e)
{
    if (out) *out = NULL;
    *status = -1;
    char **env = S_child_env();
    int pout[2] = {-1, -1}, perr[2] = {-1, -1};
    if (!env) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    if (pipe(pout) != 0 || pipe(perr) != 0) {
        int err = errno;
        free(env);
        if (pout[0] >= 0) close(pout[0]), close(pout[1]);
        return hs_error_set(e, HS_ERR_RUNTIME, "cannot run %s: %s", argv[0], strerror(err));
    }
    /* perr carries errno from a failed chdir/exec in the child; it closes on a successful exec. */
    fcntl(perr[1], F_SETFD, FD_CLOEXEC);
    pid_t pid = fork();
    if (pid < 0) {
        int err = errno;
        free(env);
        close(pout[0]), close(pout[1]), close(perr[0]), close(perr[1]);
        return hs_error_set(e, HS_ERR_RUNTIME, "cannot run %s: %s", argv[0], strerror(err));
    }
    if (pid == 0) {
        /* Child: only async-signal-safe calls from here on. */
        int err = 0;
        int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0) dup2(devnull, 0);
        dup2(pout[1], 1);
        dup2(pout[1], 2);
        close(pout[0]);
        close(perr[0]);
        if (cwd && chdir(cwd) != 0) err = errno;
        if (!err) {
            execve(argv[0], argv, env);
            err = errno;
        }
        ssize_t w = write(perr[1], &err, sizeof err);
        (void)w;
        _exit(127);
    }
    free(env);
    close(pout[1]);
    close(perr[1]);

    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    char chunk[4096];
    for (;;) {
        ssize_t r = read(pout[0], chunk, sizeof chunk);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        if (buf && len < S_OUT_MAX) {
            size_t take = (size_t)r;
            if (len + take > S_OUT_MAX) take = S_OUT_MAX - len;
            if (len + take + 1 > cap) {
                size_t ncap = cap;
                while (len + take + 1 > ncap)
                    ncap *= 2;
                char *nb = realloc(buf, ncap);
                if (!nb) {
                    free(buf);
                    buf = NULL;
                } else {
                    buf = nb;
                    cap = ncap;
                }
            }
            if (buf) memcpy(buf + len, chunk, take), len += take;
        }
    }
    close(pout[0]);
    int child_err = 0;
    ssize_t got;
    do
        got = read(perr[0], &child_err, sizeof child_err);
    while (got < 0 && errno == EINTR);
    close(perr[0]);
    int wst = 0;
    pid_t w;
    do
        w = waitpid(pid, &wst, 0);
    while (w < 0 && errno == EINTR);
    if (buf) buf[len] = '\0';
    if (got == (ssize_t)sizeof child_err && child_err != 0) {
        free(buf);
        return hs_error_set(e, HS_ERR_RUNTIME, "cannot run %s%s%s: %s", argv[0], cwd ? " in " : "",
                            cwd ? cwd : "", strerror(child_err));
    }
    if (w < 0) {
        free(buf);
        return hs_error_set(e, HS_ERR_RUNTIME, "cannot wait for %s: %s", argv[0], strerror(errno));
    }
    *status = WIFEXITED(wst) ? WEXITSTATUS(wst) : WIFSIGNALED(wst) ? 128 + WTERMSIG(wst) : -1;
    if (out)
        *out = buf;
    else
        free(buf);
    return HS_OK;
}
