/* plot.c — renders the charts of an output folder with gnuplot (see plot.h, docs/charts.md).
 *
 * For each chart of the table below, a prep function looks at the CSV files the chart reads
 * (through csvtable) and decides whether the data supports it; if so it adds the chart's -e
 * variables. Then gnuplot runs twice (PNG, SVG) in the output folder, each time writing a
 * temporary file under OUTDIR/plots/ that is renamed only when both runs succeeded.
 */
#include "plot.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/csvtable.h"
#include "base/hs_fmt.h"
#include "base/hs_path.h"
#include "base/outfile.h"

extern char **environ;

#define S_OUT_MAX (64 * 1024)
#define S_MAX_VARS 24

/* ---------------------------------------------------------------- small helpers */

static char *S_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *S_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return NULL;
    char *p = malloc((size_t)n + 1);
    if (!p) return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

static int S_is_dir(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* P made absolute (against the current folder; symbolic links are kept). Caller frees. */
static char *S_abspath(const char *p)
{
    if (p[0] == '/') return strdup(p);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) return NULL;
    if (strcmp(p, ".") == 0) return strdup(cwd);
    return hs_path_join(cwd, p);
}

/* Keep in step with palette_opt in plots/common.gp (a unit test compares them). */
static const char *const S_palette[8] = {"#0072B2", "#E69F00", "#009E73", "#D55E00",
                                         "#CC79A7", "#56B4E9", "#8C564B", "#5F5F5F"};

const char *plot_option_color(size_t i)
{
    return S_palette[i % 8];
}

/* ---------------------------------------------------------------- finding programs and scripts */

char *plot_find_program(const char *prog)
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

static char *S_dirname_of_exe(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return NULL;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash) return NULL;
    *slash = '\0';
    return strdup(buf[0] ? buf : "/");
}

char *plot_scripts_dir(hs_error *e)
{
    const char *env = getenv("HOSTSIM_PLOTS");
    char *cand[2] = {NULL, NULL};
    if (env && *env) {
        char *r = S_abspath(env);
        if (!r || !S_is_dir(r)) {
            free(r);
            hs_error_set(e, HS_ERR_RUNTIME, "HOSTSIM_PLOTS='%s' is not a folder", env);
            return NULL;
        }
        return r;
    }
    char *exe = S_dirname_of_exe();
    if (exe) {
        cand[0] = hs_path_join(exe, "plots");
        cand[1] = hs_path_join(exe, "../share/hostsim/plots");
    }
    free(exe);
    char *found = NULL;
    for (int i = 0; i < 2 && !found; i++)
        if (cand[i] && S_is_dir(cand[i])) found = strdup(cand[i]);
    if (!found)
        hs_error_set(e, HS_ERR_RUNTIME,
                     "cannot find the chart scripts: looked in '%s' and '%s' (set HOSTSIM_PLOTS)",
                     cand[0] ? cand[0] : "<exe dir>/plots",
                     cand[1] ? cand[1] : "<exe dir>/../share/hostsim/plots");
    free(cand[0]);
    free(cand[1]);
    return found;
}

/* ---------------------------------------------------------------- running a program */

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

hs_status plot_spawn(char *const argv[], const char *cwd, int *status, char **out, hs_error *e)
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

/* ---------------------------------------------------------------- the data of a folder */

enum {
    S_SUMMARY,
    S_COMPARE,
    S_MONTHLY,
    S_HIST,
    S_CDF,
    S_DAILY,
    S_PROFILE,
    S_OPTIONS,
    S_MANIFEST,
    S_TORNADO,
    S_SOBOL,
    S_SWEEP,
    S_CROSSOVER,
    S_GRID,
    S_NFILES
};

static const char *const S_files[S_NFILES] = {
    "summary.csv", "compare.csv", "monthly.csv",   "hist.csv",     "cdf.csv",
    "daily.csv",   "profile.csv", "options.csv",   "manifest.csv", "tornado.csv",
    "sobol.csv",   "sweep.csv",   "crossover.csv", "grid.csv"};

typedef struct {
    const char *outdir;
    csvtable *tab[S_NFILES];
    int tried[S_NFILES];
    hs_status err; /* first load error */
    hs_error *e;
    char **opt; /* option names, options.csv order */
    size_t nopt;
    char *options; /* the same, space-separated */
} S_ctx;

/* The table of file F, or NULL when the file does not exist or is malformed (then c->err). */
static csvtable *S_tab(S_ctx *c, int f)
{
    if (c->tried[f]) return c->tab[f];
    c->tried[f] = 1;
    char *path = hs_path_join(c->outdir, S_files[f]);
    if (!path) {
        if (c->err == HS_OK) c->err = hs_error_set(c->e, HS_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    if (access(path, F_OK) == 0) {
        hs_error tmp;
        c->tab[f] = csvtable_load(path, &tmp);
        if (!c->tab[f] && c->err == HS_OK) c->err = hs_error_set(c->e, tmp.code, "%s", tmp.msg);
    }
    free(path);
    return c->tab[f];
}

/* The table of F if it has every column named in COLS (space-separated) and at least one row. */
static csvtable *S_tab_with(S_ctx *c, int f, const char *cols)
{
    csvtable *t = S_tab(c, f);
    if (!t || csvtable_rows(t) == 0) return NULL;
    char name[64];
    const char *p = cols;
    while (*p) {
        size_t n = strcspn(p, " ");
        if (n >= sizeof name) return NULL;
        memcpy(name, p, n);
        name[n] = '\0';
        if (csvtable_col(t, name) < 0) return NULL;
        p += n;
        while (*p == ' ')
            p++;
    }
    return t;
}

static int S_valid_option(const char *s)
{
    if (!(*s >= 'a' && *s <= 'z')) return 0;
    for (s++; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_')) return 0;
    return 1;
}

static int S_has_option(const S_ctx *c, const char *name)
{
    for (size_t i = 0; i < c->nopt; i++)
        if (strcmp(c->opt[i], name) == 0) return 1;
    return 0;
}

static hs_status S_add_option(S_ctx *c, const char *name, const char *file, size_t row)
{
    if (S_has_option(c, name)) return HS_OK;
    if (!S_valid_option(name))
        return hs_error_set(c->e, HS_ERR_INPUT,
                            "%s/%s:%zu: expected an option name ([a-z][a-z0-9_]*), got '%s'",
                            c->outdir, file, row + 2, name);
    char **o = realloc(c->opt, (c->nopt + 1) * sizeof *o);
    if (!o) return hs_error_set(c->e, HS_ERR_RUNTIME, "out of memory");
    c->opt = o;
    if (!(c->opt[c->nopt] = strdup(name)))
        return hs_error_set(c->e, HS_ERR_RUNTIME, "out of memory");
    c->nopt++;
    return HS_OK;
}

/* The options in options.csv order (by index); without options.csv, in order of first
 * appearance in summary.csv, then monthly.csv. */
static hs_status S_load_options(S_ctx *c)
{
    csvtable *t = S_tab_with(c, S_OPTIONS, "option index");
    if (c->err) return c->err;
    if (t) {
        size_t n = csvtable_rows(t);
        int ci = csvtable_col(t, "index"), co = csvtable_col(t, "option");
        size_t *order = malloc(n * sizeof *order);
        double *idx = malloc(n * sizeof *idx);
        if (!order || !idx) {
            free(order), free(idx);
            return hs_error_set(c->e, HS_ERR_RUNTIME, "out of memory");
        }
        for (size_t r = 0; r < n; r++) {
            order[r] = r;
            if (!csvtable_num(t, r, ci, &idx[r])) idx[r] = (double)r;
        }
        for (size_t i = 1; i < n; i++) /* stable insertion sort by index */
            for (size_t j = i; j > 0 && idx[order[j - 1]] > idx[order[j]]; j--) {
                size_t tmp = order[j];
                order[j] = order[j - 1];
                order[j - 1] = tmp;
            }
        hs_status st = HS_OK;
        for (size_t i = 0; i < n && st == HS_OK; i++)
            st = S_add_option(c, csvtable_get(t, order[i], co), "options.csv", order[i]);
        free(order);
        free(idx);
        HS_FORWARD(st);
    } else {
        const int from[2] = {S_SUMMARY, S_MONTHLY};
        for (int k = 0; k < 2; k++) {
            csvtable *s = S_tab_with(c, from[k], "option");
            if (c->err) return c->err;
            if (!s) continue;
            int co = csvtable_col(s, "option");
            for (size_t r = 0; r < csvtable_rows(s); r++)
                HS_FORWARD(S_add_option(c, csvtable_get(s, r, co), S_files[from[k]], r));
        }
    }
    size_t len = 1;
    for (size_t i = 0; i < c->nopt; i++)
        len += strlen(c->opt[i]) + 1;
    c->options = malloc(len);
    if (!c->options) return hs_error_set(c->e, HS_ERR_RUNTIME, "out of memory");
    c->options[0] = '\0';
    for (size_t i = 0; i < c->nopt; i++) {
        if (i) strcat(c->options, " ");
        strcat(c->options, c->opt[i]);
    }
    return HS_OK;
}

static const char *S_manifest(S_ctx *c, const char *key)
{
    csvtable *t = S_tab_with(c, S_MANIFEST, "key value");
    if (!t) return "";
    long r = csvtable_find(t, 0, csvtable_col(t, "key"), key);
    return r < 0 ? "" : csvtable_getn(t, (size_t)r, "value");
}

static char *S_footer(S_ctx *c)
{
    const char *ver = S_manifest(c, "version"), *scen = S_manifest(c, "scenario");
    const char *seed = S_manifest(c, "seed"), *n = S_manifest(c, "trajectories");
    const char *ovr = S_manifest(c, "overrides");
    if (!*ver && !*scen && !*seed && !*n) return strdup("hostsim (no manifest.csv)");
    char nbuf[64] = "?";
    char *end;
    double v = strtod(n, &end);
    if (*n && *end == '\0') hs_fmt_thousands(nbuf, sizeof nbuf, v, 0);
    char ob[96] = "";
    if (*ovr)
        snprintf(ob, sizeof ob, " \xC2\xB7 overrides: %.70s%s", ovr, strlen(ovr) > 70 ? "..." : "");
    return S_printf(
        "scenario %s \xC2\xB7 N = %s trajectories \xC2\xB7 seed %s \xC2\xB7 hostsim %s%s",
        *scen ? scen : "?", nbuf, *seed ? seed : "?", *ver ? ver : "?", ob);
}

/* Is every option of the list present in T (column OPTCOL) with column MCOL equal to M? */
static int S_each_option_has(const S_ctx *c, const csvtable *t, const char *optcol,
                             const char *mcol, const char *m)
{
    int co = csvtable_col(t, optcol), cm = mcol ? csvtable_col(t, mcol) : -1;
    for (size_t i = 0; i < c->nopt; i++) {
        long r =
            mcol ? csvtable_find2(t, co, c->opt[i], cm, m) : csvtable_find(t, 0, co, c->opt[i]);
        if (r < 0) return 0;
    }
    return c->nopt > 0;
}

/* ---------------------------------------------------------------- gnuplot variables */

typedef struct {
    char *v[S_MAX_VARS];
    int n;
    int nomem;
} S_vars;

/* Adds NAME='VALUE' with gnuplot single-quote quoting ('' stands for '); control characters
 * become spaces, so any text survives as one string. */
static void S_var(S_vars *vs, const char *name, const char *value)
{
    if (vs->n >= S_MAX_VARS) {
        vs->nomem = 1;
        return;
    }
    size_t len = strlen(name) + 4;
    for (const char *p = value; *p; p++)
        len += (*p == '\'') ? 2 : 1;
    char *s = malloc(len);
    if (!s) {
        vs->nomem = 1;
        return;
    }
    char *o = s + sprintf(s, "%s='", name);
    for (const char *p = value; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '\'') *o++ = '\'';
        *o++ = (ch < 0x20 || ch == 0x7f) ? ' ' : (char)ch;
    }
    *o++ = '\'';
    *o = '\0';
    vs->v[vs->n++] = s;
}

static void S_var_int(S_vars *vs, const char *name, long v)
{
    if (vs->n >= S_MAX_VARS) {
        vs->nomem = 1;
        return;
    }
    vs->v[vs->n] = S_printf("%s=%ld", name, v);
    if (!vs->v[vs->n])
        vs->nomem = 1;
    else
        vs->n++;
}

static void S_vars_free(S_vars *vs)
{
    for (int i = 0; i < vs->n; i++)
        free(vs->v[i]);
    vs->n = 0;
}

/* ---------------------------------------------------------------- the charts */

typedef int (*S_prep_fn)(S_ctx *c, S_vars *vs);

static int S_prep_tco_hist(S_ctx *c, S_vars *vs)
{
    (void)vs;
    csvtable *h = S_tab_with(c, S_HIST, "option metric bin_lo bin_hi density");
    csvtable *s = S_tab_with(c, S_SUMMARY, "option metric p50");
    return h && s && S_each_option_has(c, h, "option", "metric", "tco") &&
           S_each_option_has(c, s, "option", "metric", "tco");
}

static int S_prep_tco_cdf(S_ctx *c, S_vars *vs)
{
    (void)vs;
    csvtable *t = S_tab_with(c, S_CDF, "option metric p value");
    return t && S_each_option_has(c, t, "option", "metric", "tco");
}

static int S_prep_cost_fan(S_ctx *c, S_vars *vs)
{
    (void)vs;
    csvtable *t = S_tab_with(c, S_MONTHLY, "option date p5 p25 p50 p75 p95");
    return t && S_each_option_has(c, t, "option", NULL, NULL);
}

static int S_prep_cost_breakdown(S_ctx *c, S_vars *vs)
{
    csvtable *s = S_tab_with(c, S_SUMMARY, "option metric mean");
    if (!s) return 0;
    int cm = csvtable_col(s, "metric");
    size_t len = 1, n = 0;
    for (size_t r = 0; r < csvtable_rows(s); r++)
        len += strlen(csvtable_get(s, r, cm)) + 1;
    char *cats = malloc(len);
    if (!cats) {
        vs->nomem = 1;
        return 0;
    }
    cats[0] = '\0';
    for (size_t r = 0; r < csvtable_rows(s); r++) {
        const char *m = csvtable_get(s, r, cm);
        if (strncmp(m, "cost.", 5) != 0 || !m[5] || strchr(m + 5, ' ')) continue;
        /* already listed? (compare whole words) */
        int dup = 0;
        size_t ml = strlen(m + 5);
        for (const char *p = cats; *p && !dup;) {
            size_t wl = strcspn(p, " ");
            dup = wl == ml && strncmp(p, m + 5, wl) == 0;
            p += wl;
            while (*p == ' ')
                p++;
        }
        if (dup) continue;
        if (n++) strcat(cats, " ");
        strcat(cats, m + 5);
    }
    if (n) S_var(vs, "categories", cats);
    free(cats);
    return n > 0;
}

static int S_prep_downtime(S_ctx *c, S_vars *vs)
{
    csvtable *s = S_tab_with(c, S_SUMMARY, "option metric p5 p25 p50 p75 p95 mean");
    if (!s || !S_each_option_has(c, s, "option", "metric", "downtime_hours_per_year")) return 0;
    csvtable *o = S_tab_with(c, S_OPTIONS, "option index sla_downtime_hours_per_year");
    int have = 0;
    double v;
    for (size_t r = 0; o && r < csvtable_rows(o) && !have; r++)
        have = csvtable_numn(o, r, "sla_downtime_hours_per_year", &v);
    S_var_int(vs, "have_sla", have);
    return 1;
}

static int S_prep_tco_diff(S_ctx *c, S_vars *vs)
{
    csvtable *h = S_tab_with(c, S_HIST, "option other metric bin_lo bin_hi density");
    csvtable *k = S_tab_with(c, S_COMPARE, "option_a option_b metric p_a_cheaper mean_diff");
    if (!h || !k) return 0;
    long r = csvtable_find(h, 0, csvtable_col(h, "metric"), "tco_diff");
    if (r < 0) return 0;
    const char *a = csvtable_getn(h, (size_t)r, "option"),
               *b = csvtable_getn(h, (size_t)r, "other");
    if (!S_has_option(c, a) || !S_has_option(c, b)) return 0;
    if (csvtable_find2(k, csvtable_col(k, "option_a"), a, csvtable_col(k, "option_b"), b) < 0)
        return 0;
    S_var(vs, "diff_a", a);
    S_var(vs, "diff_b", b);
    return 1;
}

static int S_prep_input_profile(S_ctx *c, S_vars *vs)
{
    (void)vs;
    return S_tab_with(c, S_PROFILE, "weekday hour share") != NULL;
}

static int S_prep_input_daily(S_ctx *c, S_vars *vs)
{
    (void)vs;
    csvtable *t = S_tab_with(c, S_DAILY, "date option messages downtime_hours overflow_hours");
    return t && c->nopt > 0 && csvtable_find(t, 0, csvtable_col(t, "option"), c->opt[0]) >= 0;
}

/* The metric of the first row of file f (and its unit, from the file's unit column, when
 * `with_unit`). */
static int S_prep_first_metric(S_ctx *c, S_vars *vs, int f, const char *cols, int with_unit)
{
    csvtable *t = S_tab_with(c, f, cols);
    if (!t) return 0;
    S_var(vs, "metric", csvtable_getn(t, 0, "metric"));
    if (with_unit) S_var(vs, "unit", csvtable_getn(t, 0, "unit"));
    return 1;
}

static int S_prep_tornado(S_ctx *c, S_vars *vs)
{
    return S_prep_first_metric(
        c, vs, S_TORNADO, "input metric unit p10_value p90_value metric_at_p10 metric_at_p90 base",
        1);
}

static int S_prep_sobol(S_ctx *c, S_vars *vs)
{
    /* Sobol indices have no unit */
    return S_prep_first_metric(c, vs, S_SOBOL, "input metric S1 S1_lo S1_hi ST ST_lo ST_hi", 0);
}

static int S_prep_sweep(S_ctx *c, S_vars *vs)
{
    csvtable *t = S_tab_with(c, S_SWEEP, "param value option metric unit p5 p50 p95 p_cheapest");
    if (!t) return 0;
    int cp = csvtable_col(t, "param"), cm = csvtable_col(t, "metric"),
        cv = csvtable_col(t, "value");
    const char *param = csvtable_get(t, 0, cp);
    long mr = csvtable_find2(t, cp, param, cm, "tco");
    const size_t row = mr >= 0 ? (size_t)mr : 0;
    const char *metric = csvtable_get(t, row, cm);
    double lo = HUGE_VAL, hi = -HUGE_VAL, v;
    for (size_t r = 0; r < csvtable_rows(t); r++)
        if (strcmp(csvtable_get(t, r, cp), param) == 0 && csvtable_num(t, r, cv, &v)) {
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
    if (!(lo < hi)) return 0; /* fewer than two values: nothing to draw */
    int have_x = 0;
    csvtable *x = S_tab_with(c, S_CROSSOVER, "param option_a option_b value");
    for (size_t r = 0; x && r < csvtable_rows(x) && !have_x; r++)
        have_x =
            strcmp(csvtable_getn(x, r, "param"), param) == 0 && csvtable_numn(x, r, "value", &v);
    S_var(vs, "param", param);
    S_var(vs, "metric", metric);
    S_var(vs, "unit", csvtable_getn(t, row, "unit"));
    S_var_int(vs, "logx", lo > 0 && hi / lo > 100);
    S_var_int(vs, "have_crossover", have_x);
    return 1;
}

static int S_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The distinct values of column COL, ascending, as "v1 v2 ..." (%.10g); NULL if a value is
 * not a number, or there are more than 100. */
static char *S_distinct(const csvtable *t, int col)
{
    size_t n = csvtable_rows(t), k = 0;
    double *v = malloc(n * sizeof *v);
    if (!v) return NULL;
    for (size_t r = 0; r < n; r++)
        if (!csvtable_num(t, r, col, &v[r])) {
            free(v);
            return NULL;
        }
    qsort(v, n, sizeof *v, S_cmp_double);
    for (size_t r = 0; r < n; r++)
        if (k == 0 || v[r] != v[k - 1]) v[k++] = v[r];
    char *s = k <= 100 ? malloc(k * 24 + 1) : NULL;
    if (s) {
        s[0] = '\0';
        for (size_t i = 0; i < k; i++) {
            char b[32];
            outfile_format_num(b, sizeof b, v[i]);
            if (i) strcat(s, " ");
            strcat(s, b);
        }
    }
    free(v);
    return s;
}

static int S_prep_grid(S_ctx *c, S_vars *vs)
{
    csvtable *t = S_tab_with(c, S_GRID, "param value param2 value2 cheapest p_cheapest");
    if (!t) return 0;
    char *gx = S_distinct(t, csvtable_col(t, "value"));
    char *gy = S_distinct(t, csvtable_col(t, "value2"));
    int ok = gx && gy;
    if (ok) {
        S_var(vs, "param", csvtable_getn(t, 0, "param"));
        S_var(vs, "param2", csvtable_getn(t, 0, "param2"));
        S_var(vs, "gx", gx);
        S_var(vs, "gy", gy);
    }
    free(gx);
    free(gy);
    return ok;
}

static const struct {
    plot_chart info;
    S_prep_fn prep;
} S_charts[] = {
    {{"tco_hist", "Distribution of the total cost of ownership",
      "How the total cost over the horizon varies across trajectories, per option; dashed "
      "lines mark the medians. Narrow means predictable; overlap means the ranking is "
      "uncertain.",
      PLOT_SECTION_MAIN},
     S_prep_tco_hist},
    {{"tco_cdf", "S-curves of the total cost of ownership",
      "For a budget on the x axis, the probability that the option stays within it; dots "
      "mark p5, p50 and p95. A curve to the left is cheaper at that confidence.",
      PLOT_SECTION_MAIN},
     S_prep_tco_cdf},
    {{"cost_fan", "Cumulative cost month by month",
      "The cost accumulated since the start, per option: median line, 50 % band (p25-p75) "
      "and 90 % band (p5-p95). Steps are purchases and replacements.",
      PLOT_SECTION_MAIN},
     S_prep_cost_fan},
    {{"cost_breakdown", "Mean cost by category",
      "Where the money goes: the mean cost of each ledger category over the horizon, "
      "stacked; the total above each bar is the mean total cost.",
      PLOT_SECTION_MAIN},
     S_prep_cost_breakdown},
    {{"downtime", "Downtime per year",
      "Hours of service interruption per year: box p25-p75, whiskers p5-p95, bar the "
      "median, diamond the mean; the dashed red line is the SLA where the option has one.",
      PLOT_SECTION_MAIN},
     S_prep_downtime},
    {{"tco_diff", "Paired cost difference of the two cheapest options",
      "The difference in total cost between the two options with the lowest medians, "
      "trajectory by trajectory (same demand for both), and the probability that each is "
      "the cheaper.",
      PLOT_SECTION_MAIN},
     S_prep_tco_diff},
    {{"input_profile", "Input check: weekly traffic profile",
      "The weekday x hour shape of the demand the run used; the box shows the share of "
      "messages in office hours (Mon-Fri 09:00-18:00).",
      PLOT_SECTION_INPUTS},
     S_prep_input_profile},
    {{"input_daily", "Input check: the first simulated year",
      "Messages per day in the first year of one trajectory (seasonal peaks should show), "
      "and the days each option had downtime or overflow.",
      PLOT_SECTION_INPUTS},
     S_prep_input_daily},
    {{"tornado", "Tornado: one input at a time",
      "How far the metric moves when one input goes to its p10 or its p90 while the others "
      "stay at their base values; the longest bars are the assumptions that matter.",
      PLOT_SECTION_SENSITIVITY},
     S_prep_tornado},
    {{"sobol", "Sobol sensitivity indices",
      "The share of the metric's variance due to each input alone (S1) and with its "
      "interactions (ST), with 95 % confidence intervals.",
      PLOT_SECTION_SENSITIVITY},
     S_prep_sobol},
    {{"sweep", "What-if sweep of one parameter",
      "The metric of each option as one parameter varies (median and p5-p95), where two "
      "options swap places, and the probability that each option is the cheapest.",
      PLOT_SECTION_SENSITIVITY},
     S_prep_sweep},
    {{"grid", "What-if grid of two parameters",
      "The cheapest option in each cell of a two-parameter grid; the text is the "
      "probability that it is the cheapest there.",
      PLOT_SECTION_SENSITIVITY},
     S_prep_grid},
};

#define S_NCHARTS (sizeof S_charts / sizeof S_charts[0])

size_t plot_chart_count(void)
{
    return S_NCHARTS;
}

const plot_chart *plot_chart_get(size_t i)
{
    return i < S_NCHARTS ? &S_charts[i].info : NULL;
}

static void S_ctx_free(S_ctx *c)
{
    for (int f = 0; f < S_NFILES; f++)
        csvtable_free(c->tab[f]);
    for (size_t i = 0; i < c->nopt; i++)
        free(c->opt[i]);
    free(c->opt);
    free(c->options);
}

/* Loads what every chart needs; fills want[] (and vars[] when not NULL). */
static hs_status S_survey(S_ctx *c, int *want, S_vars *vars)
{
    HS_FORWARD(S_load_options(c));
    for (size_t i = 0; i < S_NCHARTS; i++) {
        S_vars tmp = {0};
        S_vars *vs = vars ? &vars[i] : &tmp;
        want[i] = c->nopt > 0 && S_charts[i].prep(c, vs);
        if (c->err) {
            S_vars_free(&tmp);
            return c->err;
        }
        if (vs->nomem) {
            S_vars_free(&tmp);
            return hs_error_set(c->e, HS_ERR_RUNTIME, "out of memory");
        }
        S_vars_free(&tmp);
    }
    return HS_OK;
}

hs_status plot_supported(const char *outdir, int *want, hs_error *e)
{
    S_ctx c = {.outdir = outdir, .e = e};
    hs_status st = S_survey(&c, want, NULL);
    S_ctx_free(&c);
    return st;
}

hs_status plot_options(const char *outdir, char ***names, size_t *n, hs_error *e)
{
    S_ctx c = {.outdir = outdir, .e = e};
    *names = NULL;
    *n = 0;
    hs_status st = S_load_options(&c);
    if (st == HS_OK) {
        *names = c.opt;
        *n = c.nopt;
        c.opt = NULL;
        c.nopt = 0;
    }
    S_ctx_free(&c);
    return st;
}

void plot_options_free(char **names, size_t n)
{
    if (!names) return;
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* ---------------------------------------------------------------- rendering */

/* Keeps the lines of gnuplot's output that contain "warning:"; prints them unless quiet. */
static void S_scan_warnings(const char *chart, const char *out, int quiet, plot_result *r)
{
    if (!out) return;
    for (const char *p = out; *p;) {
        size_t n = strcspn(p, "\n");
        int warn = 0;
        for (size_t i = 0; i + 8 <= n && !warn; i++)
            warn = strncasecmp(p + i, "warning:", 8) == 0;
        if (warn) {
            if (!quiet) fprintf(stderr, "hostsim: chart %s: gnuplot: %.*s\n", chart, (int)n, p);
            if (r->warnings++ == 0)
                snprintf(r->warning, sizeof r->warning, "%s: %.*s", chart, (int)n, p);
        }
        p += n;
        if (*p) p++;
    }
}

/* The last few lines of gnuplot's output, for an error message (points into OUT). */
static const char *S_tail(const char *out)
{
    if (!out) return "";
    size_t n = strlen(out);
    while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == ' '))
        n--;
    size_t start = n > 1200 ? n - 1200 : 0;
    return out + start;
}

static hs_status S_render(const char *outdir, const char *gp, const char *scripts, const char *name,
                          const S_vars *common, const S_vars *own, const plot_opts *o,
                          plot_result *r, hs_error *e)
{
    static const char *const fmts[2] = {"png", "svg"};
    char tmp_rel[2][256], tmp_abs[2][PATH_MAX], fin_abs[2][PATH_MAX];
    char common_gp[PATH_MAX], chart_gp[PATH_MAX], outvar[2][300];
    hs_status st = HS_OK;
    snprintf(common_gp, sizeof common_gp, "%s/common.gp", scripts);
    snprintf(chart_gp, sizeof chart_gp, "%s/%s.gp", scripts, name);
    if (access(chart_gp, R_OK) != 0)
        return hs_error_set(e, HS_ERR_RUNTIME, "chart %s: cannot read the script '%s': %s", name,
                            chart_gp, strerror(errno));
    for (int k = 0; k < 2 && st == HS_OK; k++) {
        snprintf(tmp_rel[k], sizeof tmp_rel[k], "plots/.%s.%s.tmp.%ld", name, fmts[k],
                 (long)getpid());
        snprintf(tmp_abs[k], sizeof tmp_abs[k], "%s/%s", outdir, tmp_rel[k]);
        snprintf(fin_abs[k], sizeof fin_abs[k], "%s/plots/%s.%s", outdir, name, fmts[k]);
        snprintf(outvar[k], sizeof outvar[k], "out='%s'", tmp_rel[k]);
        char fmtvar[16];
        snprintf(fmtvar, sizeof fmtvar, "fmt='%s'", fmts[k]);
        char *argv[2 * (2 * S_MAX_VARS + 2) + 6];
        int a = 0;
        argv[a++] = (char *)gp;
        argv[a++] = (char *)"-d";
        argv[a++] = (char *)"-e";
        argv[a++] = fmtvar;
        argv[a++] = (char *)"-e";
        argv[a++] = outvar[k];
        for (int i = 0; i < common->n; i++)
            argv[a++] = (char *)"-e", argv[a++] = common->v[i];
        for (int i = 0; i < own->n; i++)
            argv[a++] = (char *)"-e", argv[a++] = own->v[i];
        argv[a++] = common_gp;
        argv[a++] = chart_gp;
        argv[a] = NULL;
        int status;
        char *out = NULL;
        st = plot_spawn(argv, outdir, &status, &out, e);
        if (st != HS_OK) break;
        S_scan_warnings(name, out, o->quiet, r);
        if (status != 0 || access(tmp_abs[k], F_OK) != 0) {
            st = hs_error_set(e, HS_ERR_RUNTIME, "chart %s failed (gnuplot exit status %d): %s",
                              name, status, *S_tail(out) ? S_tail(out) : "no output file");
        } else {
            /* make the file durable before it gets its final name */
            int fd = open(tmp_abs[k], O_RDONLY);
            if (fd >= 0) fsync(fd), close(fd);
        }
        free(out);
    }
    for (int k = 0; k < 2 && st == HS_OK; k++)
        if (rename(tmp_abs[k], fin_abs[k]) != 0)
            st = hs_error_set(e, HS_ERR_RUNTIME, "chart %s: cannot write '%s': %s", name,
                              fin_abs[k], strerror(errno));
    if (st != HS_OK)
        for (int k = 0; k < 2; k++)
            unlink(tmp_abs[k]);
    return st;
}

hs_status plot_run(const char *outdir, const plot_opts *o, int *skipped, plot_result *r,
                   hs_error *e)
{
    plot_opts defaults = {NULL, 0};
    plot_result rdummy;
    if (!o) o = &defaults;
    if (!r) r = &rdummy;
    memset(r, 0, sizeof *r);
    if (skipped) *skipped = 0;

    struct stat sb;
    if (stat(outdir, &sb) != 0)
        return hs_error_set(e, HS_ERR_RUNTIME, "cannot read output folder '%s': %s", outdir,
                            strerror(errno));
    if (!S_ISDIR(sb.st_mode))
        return hs_error_set(e, HS_ERR_RUNTIME,
                            "cannot use '%s' as an output folder: it is not a folder", outdir);
    char *gp = plot_find_program(o->gnuplot ? o->gnuplot : "gnuplot");
    if (!gp) {
        fprintf(stderr, "hostsim: gnuplot not found; charts skipped\n");
        if (skipped) *skipped = 1;
        return HS_OK;
    }
    char *scripts = plot_scripts_dir(e);
    char *absout = S_abspath(outdir);
    if (!scripts || !absout) {
        hs_status st = scripts ? hs_error_set(e, HS_ERR_RUNTIME, "cannot resolve '%s': %s", outdir,
                                              strerror(errno))
                               : HS_ERR_RUNTIME;
        free(gp), free(scripts), free(absout);
        return st;
    }

    S_ctx c = {.outdir = absout, .e = e};
    S_vars vars[S_NCHARTS];
    S_vars common = {0};
    int want[S_NCHARTS];
    memset(vars, 0, sizeof vars);
    hs_status st = S_survey(&c, want, vars);
    char *plotdir = hs_path_join(absout, "plots");
    char *footer = st == HS_OK ? S_footer(&c) : NULL;
    if (st == HS_OK && (!plotdir || !footer)) st = hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    if (st == HS_OK) st = outfile_mkdirs(plotdir, e);
    if (st == HS_OK) {
        S_var(&common, "options", c.options);
        S_var(&common, "footer", footer);
        if (common.nomem) st = hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    }
    for (size_t i = 0; i < S_NCHARTS && st == HS_OK; i++) {
        if (!want[i]) continue;
        hs_error one;
        hs_error_clear(&one);
        hs_status cs =
            S_render(absout, gp, scripts, S_charts[i].info.name, &common, &vars[i], o, r, &one);
        if (cs == HS_OK) {
            r->rendered++;
            continue;
        }
        /* keep going: report every failed chart, render the others */
        if (r->failed++ == 0) {
            hs_error_set(e, one.code, "%s", one.msg);
        } else {
            hs_error_append(e, "%s", one.msg);
        }
    }
    if (st == HS_OK && r->failed) st = HS_ERR_RUNTIME;
    if (st == HS_OK && !o->quiet && isatty(STDERR_FILENO)) /* progress: only on a terminal */
        fprintf(stderr, "hostsim: %d chart%s in %s/plots\n", r->rendered,
                r->rendered == 1 ? "" : "s", outdir);
    for (size_t i = 0; i < S_NCHARTS; i++)
        S_vars_free(&vars[i]);
    S_vars_free(&common);
    S_ctx_free(&c);
    free(plotdir);
    free(footer);
    free(gp);
    free(scripts);
    free(absout);
    return st;
}

hs_status plot_all(const char *outdir, const plot_opts *o, int *skipped, hs_error *e)
{
    return plot_run(outdir, o, skipped, NULL, e);
}
