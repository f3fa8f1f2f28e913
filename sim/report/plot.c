/* plot.c — renders the charts of an output folder with gnuplot (see plot.h, docs/charts.md).
 *
 * For each chart of the table below, a prep function looks at the CSV files the chart reads
 * (through csvtable) and decides whether the data supports it; if so it adds the chart's -e
 * variables. Then gnuplot runs twice (PNG, SVG) for each chart into a private folder of new
 * charts; every file is checked (a PNG ends with IEND, an SVG closes) and the folder replaces
 * OUTDIR/plots/ in one rename only when every chart succeeded.
 */
#define _GNU_SOURCE /* renameat2 (glibc 2.28+): the charts' set is swapped in with one call */
#include "plot.h"

#include <dirent.h>
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
#include <unistd.h>

#include "base/csvtable.h"
#include "base/hs_fmt.h"
#include "base/hs_path.h"
#include "base/outfile.h"
#include "labels.h"
#include "plot_time.h"
#include "spawn.h"

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
    S_YEARLY,
    S_NFILES
};

static const char *const S_files[S_NFILES] = {
    "summary.csv", "compare.csv", "monthly.csv",   "hist.csv",     "cdf.csv",
    "daily.csv",   "profile.csv", "options.csv",   "manifest.csv", "tornado.csv",
    "sobol.csv",   "sweep.csv",   "crossover.csv", "grid.csv",     "yearly.csv"};

typedef struct {
    const char *outdir;
    csvtable *tab[S_NFILES];
    int tried[S_NFILES];
    hs_status err; /* first load error */
    hs_error *e;
    char **opt; /* option names, options.csv order */
    size_t nopt;
    char *options; /* the same, space-separated */
    char **lab;    /* their labels (labels_option), same order */
    char *labels;  /* the same, each in double quotes, space-separated (gnuplot's word()) */
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

static hs_status S_add_option(S_ctx *c, const char *name, const char *label, const char *file,
                              size_t row)
{
    if (S_has_option(c, name)) return HS_OK;
    if (!S_valid_option(name))
        return hs_error_set(c->e, HS_ERR_INPUT,
                            "%s/%s:%zu: expected an option name ([a-z][a-z0-9_]*), got '%s'",
                            c->outdir, file, row + 2, name);
    char **o = realloc(c->opt, (c->nopt + 1) * sizeof *o);
    if (!o) return hs_error_set(c->e, HS_ERR_RUNTIME, "out of memory");
    c->opt = o;
    char **l = realloc(c->lab, (c->nopt + 1) * sizeof *l);
    if (!l) return hs_error_set(c->e, HS_ERR_RUNTIME, "out of memory");
    c->lab = l;
    char b[256];
    c->opt[c->nopt] = strdup(name);
    c->lab[c->nopt] = strdup(labels_option(b, sizeof b, name, label));
    if (!c->opt[c->nopt] || !c->lab[c->nopt]) {
        free(c->opt[c->nopt]);
        free(c->lab[c->nopt]);
        return hs_error_set(c->e, HS_ERR_RUNTIME, "out of memory");
    }
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
        int ci = csvtable_col(t, "index"), co = csvtable_col(t, "option"),
            cl = csvtable_col(t, "label");
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
            st = S_add_option(c, csvtable_get(t, order[i], co),
                              cl >= 0 ? csvtable_get(t, order[i], cl) : NULL, "options.csv",
                              order[i]);
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
                HS_FORWARD(S_add_option(c, csvtable_get(s, r, co), NULL, S_files[from[k]], r));
        }
    }
    size_t len = 1, llen = 1;
    for (size_t i = 0; i < c->nopt; i++)
        len += strlen(c->opt[i]) + 1, llen += strlen(c->lab[i]) + 3;
    c->options = malloc(len);
    c->labels = malloc(llen);
    if (!c->options || !c->labels) return hs_error_set(c->e, HS_ERR_RUNTIME, "out of memory");
    c->options[0] = c->labels[0] = '\0';
    for (size_t i = 0; i < c->nopt; i++) {
        if (i) strcat(c->options, " "), strcat(c->labels, " ");
        strcat(c->options, c->opt[i]);
        strcat(c->labels, "\"");
        strcat(c->labels, c->lab[i]);
        strcat(c->labels, "\"");
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

/* ---------------------------------------------------------------- provenance */

#define S_BIT(f) (1u << (f))
/* What every command writes beside its own results (docs/outputs.md, "Provenance"). */
#define S_BASE_SET                                                                                 \
    (S_BIT(S_SUMMARY) | S_BIT(S_COMPARE) | S_BIT(S_MONTHLY) | S_BIT(S_HIST) | S_BIT(S_CDF) |       \
     S_BIT(S_PROFILE) | S_BIT(S_OPTIONS) | S_BIT(S_MANIFEST) | S_BIT(S_YEARLY))

static const struct {
    const char *command;
    unsigned files;
} S_commands[] = {
    {"run", S_BASE_SET | S_BIT(S_DAILY)},
    {"tornado", S_BASE_SET | S_BIT(S_TORNADO)},
    {"sobol", S_BASE_SET | S_BIT(S_SOBOL)},
    {"sweep", S_BASE_SET | S_BIT(S_SWEEP) | S_BIT(S_CROSSOVER) | S_BIT(S_GRID)},
};

/* The command that wrote the folder's set: manifest.csv's command; "run" for a manifest of a
 * hostsim that did not record it (only `run` wrote a manifest then); "" without a manifest. */
static const char *S_command(S_ctx *c)
{
    const char *cmd = S_manifest(c, "command");
    if (*cmd) return cmd;
    return *S_manifest(c, "version") ? "run" : "";
}

/* The first of the files FILES (a mask) that the folder's command does not write, or -1. */
static int S_foreign_file(S_ctx *c, unsigned files)
{
    const char *cmd = S_command(c);
    unsigned own = 0;
    for (size_t i = 0; i < sizeof S_commands / sizeof S_commands[0]; i++)
        if (strcmp(cmd, S_commands[i].command) == 0) own = S_commands[i].files;
    for (int f = 0; f < S_NFILES; f++)
        if ((files & S_BIT(f)) && !(own & S_BIT(f))) return f;
    return -1;
}

/* N formatted with thousands separators, or "?" when it is not a number. */
static void S_count_text(char *b, size_t n, const char *v)
{
    char *end;
    double x = strtod(v, &end);
    if (*v && *end == '\0')
        hs_fmt_thousands(b, n, x, 0);
    else
        snprintf(b, n, "?");
}

/* The provenance of a result drawn from FILES (a mask of S_files) of a chart of section SEC:
 * the command, its N, seed, scenario and overrides from manifest.csv; or, for a file the
 * manifest's command does not write, a warning that says so. *foreign (may be NULL) is set
 * then. Caller frees. */
static char *S_provenance(S_ctx *c, unsigned files, int analysis, int *foreign)
{
    const char *ver = S_manifest(c, "version"), *scen = S_manifest(c, "scenario");
    const char *seed = S_manifest(c, "seed"), *ovr = S_manifest(c, "overrides");
    const char *cmd = S_command(c);
    if (foreign) *foreign = 0;
    if (!*cmd) {
        if (foreign) *foreign = 1;
        return strdup("no manifest.csv: N, seed and scenario unknown");
    }
    int ff = S_foreign_file(c, files);
    if (ff >= 0) {
        if (foreign) *foreign = 1;
        return S_printf("NOT FROM THIS RUN: %s is not part of the set of manifest.csv (hostsim "
                        "%s); its N, seed and scenario are unknown",
                        S_files[ff], cmd);
    }
    char n[64], runs[64], what[192];
    S_count_text(n, sizeof n, S_manifest(c, "trajectories"));
    if (!analysis && strcmp(cmd, "run") == 0) {
        snprintf(what, sizeof what, "N = %s trajectories", n);
    } else if (!analysis) {
        snprintf(what, sizeof what, "N = %s trajectories (base run of %s)", n, cmd);
    } else if (strcmp(cmd, "sobol") == 0) {
        char smp[64];
        S_count_text(smp, sizeof smp, S_manifest(c, "samples"));
        S_count_text(runs, sizeof runs, S_manifest(c, "runs"));
        snprintf(what, sizeof what, "Sobol: N = %s samples, %s runs of 1 trajectory", smp, runs);
    } else {
        char per[64];
        S_count_text(runs, sizeof runs, S_manifest(c, "runs"));
        S_count_text(per, sizeof per, S_manifest(c, "trajectories_per_run"));
        snprintf(what, sizeof what, "%s: %s runs of %s trajectories", cmd, runs, per);
    }
    char ob[96] = "";
    if (*ovr)
        snprintf(ob, sizeof ob, " \xC2\xB7 overrides: %.70s%s", ovr, strlen(ovr) > 70 ? "..." : "");
    return S_printf("scenario %s \xC2\xB7 %s \xC2\xB7 seed %s \xC2\xB7 hostsim %s%s",
                    *scen ? scen : "?", what, *seed ? seed : "?", *ver ? ver : "?", ob);
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

/* The crossovers the sweep chart labels: crossover.csv's rows of PARAM on the median basis
 * (every row of a file without a basis column) that have a value, ascending, at most
 * S_MAX_XO: xo_v (their values) and xo_t (each pair once, by label, in double quotes). The
 * chart staggers them on three rows; the report's table lists every basis. */
#define S_MAX_XO 6
static void S_sweep_crossovers(S_ctx *c, S_vars *vs, const char *param)
{
    csvtable *x = S_tab_with(c, S_CROSSOVER, "param option_a option_b value");
    struct {
        double v;
        size_t r;
    } xo[S_MAX_XO];
    size_t n = 0;
    int cb = x ? csvtable_col(x, "basis") : -1;
    for (size_t r = 0; x && r < csvtable_rows(x) && n < S_MAX_XO; r++) {
        double v;
        if (strcmp(csvtable_getn(x, r, "param"), param) != 0 || !csvtable_numn(x, r, "value", &v) ||
            (cb >= 0 && strcmp(csvtable_get(x, r, cb), "median") != 0))
            continue;
        size_t k = n++;
        for (; k > 0 && xo[k - 1].v > v; k--)
            xo[k] = xo[k - 1];
        xo[k].v = v, xo[k].r = r;
    }
    char vals[S_MAX_XO * 32 + 1] = "", texts[S_MAX_XO * 540 + 1] = "";
    for (size_t k = 0; k < n; k++) {
        char b[32], la[256], lb[256];
        const char *a = csvtable_getn(x, xo[k].r, "option_a"),
                   *bo = csvtable_getn(x, xo[k].r, "option_b");
        long ia = -1, ib = -1;
        for (size_t i = 0; i < c->nopt; i++) {
            if (strcmp(c->opt[i], a) == 0) ia = (long)i;
            if (strcmp(c->opt[i], bo) == 0) ib = (long)i;
        }
        outfile_format_num(b, sizeof b, xo[k].v);
        snprintf(vals + strlen(vals), sizeof vals - strlen(vals), "%s%s", k ? " " : "", b);
        snprintf(texts + strlen(texts), sizeof texts - strlen(texts), "%s\"%s = %s\"", k ? " " : "",
                 ia >= 0 ? c->lab[ia] : labels_option(la, sizeof la, a, NULL),
                 ib >= 0 ? c->lab[ib] : labels_option(lb, sizeof lb, bo, NULL));
    }
    S_var(vs, "xo_v", vals);
    S_var(vs, "xo_t", texts);
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
    S_var(vs, "param", param);
    S_var(vs, "metric", metric);
    S_var(vs, "unit", csvtable_getn(t, row, "unit"));
    S_var_int(vs, "logx", lo > 0 && hi / lo > 100);
    S_sweep_crossovers(c, vs, param);
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

/* Results over time (plot_time.c): the categories and years of yearly.csv. */
static int S_prep_cost_by_year(S_ctx *c, S_vars *vs)
{
    csvtable *t = S_tab_with(c, S_YEARLY, "option year metric mean");
    if (!t || !S_each_option_has(c, t, "option", NULL, NULL)) return 0;
    char *cats = plot_time_categories(t);
    const int years = plot_time_years(t);
    if (cats && years > 0) {
        S_var(vs, "categories", cats);
        S_var_int(vs, "years", years);
    }
    free(cats);
    return cats && years > 0;
}

/* The top drivers of a tornado.csv written with --by-year (plot_time.c). */
static int S_prep_drivers_by_year(S_ctx *c, S_vars *vs)
{
    csvtable *t = S_tab_with(c, S_TORNADO, "input metric unit swing year");
    if (!t) return 0;
    char *inputs = plot_time_top_inputs(t, 6);
    const int years = plot_time_years(t);
    if (inputs && years > 0) {
        S_var(vs, "inputs", inputs);
        S_var_int(vs, "years", years);
        S_var(vs, "unit", csvtable_getn(t, 0, "unit"));
    }
    free(inputs);
    return inputs && years > 0;
}

static const struct {
    plot_chart info;
    S_prep_fn prep;
    unsigned files; /* the files it draws (S_BIT of S_files), for its provenance */
} S_charts[] = {
    {{"tco_hist", "Distribution of the total cost of ownership",
      "How the total cost over the horizon varies across trajectories, per option; dashed "
      "lines mark the medians. Narrow means predictable; overlap means the ranking is "
      "uncertain.",
      PLOT_SECTION_MAIN},
     S_prep_tco_hist,
     S_BIT(S_HIST) | S_BIT(S_SUMMARY)},
    {{"tco_cdf", "S-curves of the total cost of ownership",
      "For a budget on the x axis, the probability that the option stays within it; dots "
      "mark p5, p50 and p95. A curve to the left is cheaper at that confidence.",
      PLOT_SECTION_MAIN},
     S_prep_tco_cdf,
     S_BIT(S_CDF)},
    {{"cost_fan", "Cumulative cost month by month",
      "The cost accumulated since the start, per option: median line, 50 % band (p25-p75) "
      "and 90 % band (p5-p95). Steps are purchases and replacements.",
      PLOT_SECTION_MAIN},
     S_prep_cost_fan,
     S_BIT(S_MONTHLY)},
    {{"cost_breakdown", "Mean cost by category",
      "Where the money goes: the mean cost of each ledger category over the horizon, "
      "stacked; the total above each bar is the mean total cost.",
      PLOT_SECTION_MAIN},
     S_prep_cost_breakdown,
     S_BIT(S_SUMMARY)},
    {{"downtime", "Downtime per year",
      "Hours of service interruption per year: box p25-p75, whiskers p5-p95, bar the "
      "median, diamond the mean; the dashed red line is the SLA where the option has one.",
      PLOT_SECTION_MAIN},
     S_prep_downtime,
     S_BIT(S_SUMMARY) | S_BIT(S_OPTIONS)},
    {{"tco_diff", "Paired cost difference of the two cheapest options",
      "The difference in total cost between the two options with the lowest medians, "
      "trajectory by trajectory (same demand for both), and the probability that each is "
      "the cheaper.",
      PLOT_SECTION_MAIN},
     S_prep_tco_diff,
     S_BIT(S_HIST) | S_BIT(S_COMPARE)},
    {{"cost_by_year", "Cost of each year by category",
      "The mean cost of each year of the horizon, stacked by ledger category, one panel per "
      "option: the up-front purchases of year 1, then the running costs as they grow.",
      PLOT_SECTION_TIME},
     S_prep_cost_by_year,
     S_BIT(S_YEARLY)},
    {{"input_profile", "Input check: weekly traffic profile",
      "The weekday x hour shape of the demand the run used; the box shows the share of "
      "messages in office hours (Mon-Fri 09:00-18:00).",
      PLOT_SECTION_INPUTS},
     S_prep_input_profile,
     S_BIT(S_PROFILE)},
    {{"input_daily", "Input check: the first simulated year",
      "Messages per day in the first year of one trajectory (seasonal peaks should show), "
      "and the days each option had downtime or overflow.",
      PLOT_SECTION_INPUTS},
     S_prep_input_daily,
     S_BIT(S_DAILY)},
    {{"tornado", "Tornado: one input at a time",
      "How far the metric moves when one input goes to its p10 or its p90 while the others "
      "stay at their base values; the longest bars are the assumptions that matter.",
      PLOT_SECTION_SENSITIVITY},
     S_prep_tornado,
     S_BIT(S_TORNADO)},
    {{"drivers_by_year", "Top drivers year by year",
      "The tornado swing of the inputs that matter most, in each year of the horizon (from "
      "tornado --by-year): a one-off input matters in year 1 only, a growing one more each "
      "year.",
      PLOT_SECTION_SENSITIVITY},
     S_prep_drivers_by_year,
     S_BIT(S_TORNADO)},
    {{"sobol", "Sobol sensitivity indices",
      "The share of the metric's variance due to each input alone (S1) and with its "
      "interactions (ST), with 95 % confidence intervals.",
      PLOT_SECTION_SENSITIVITY},
     S_prep_sobol,
     S_BIT(S_SOBOL)},
    {{"sweep", "What-if sweep of one parameter",
      "The metric of each option as one parameter varies (median and p5-p95), where two "
      "options swap places, and the probability that each option is the cheapest.",
      PLOT_SECTION_SENSITIVITY},
     S_prep_sweep,
     S_BIT(S_SWEEP) | S_BIT(S_CROSSOVER)},
    {{"grid", "What-if grid of two parameters",
      "The cheapest option in each cell of a two-parameter grid; the text is the "
      "probability that it is the cheapest there.",
      PLOT_SECTION_SENSITIVITY},
     S_prep_grid,
     S_BIT(S_GRID)},
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
        free(c->opt[i]), free(c->lab ? c->lab[i] : NULL);
    free(c->opt);
    free(c->lab);
    free(c->options);
    free(c->labels);
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

hs_status plot_options_labelled(const char *outdir, char ***names, char ***labels, size_t *n,
                                hs_error *e)
{
    S_ctx c = {.outdir = outdir, .e = e};
    *names = NULL;
    if (labels) *labels = NULL;
    *n = 0;
    hs_status st = S_load_options(&c);
    if (st == HS_OK) {
        *names = c.opt;
        *n = c.nopt;
        if (labels) *labels = c.lab;
        for (size_t i = 0; !labels && i < c.nopt; i++)
            free(c.lab[i]);
        if (!labels) free(c.lab);
        c.opt = c.lab = NULL;
        c.nopt = 0;
    }
    S_ctx_free(&c);
    return st;
}

hs_status plot_options(const char *outdir, char ***names, size_t *n, hs_error *e)
{
    return plot_options_labelled(outdir, names, NULL, n, e);
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

/* Whether the chart file PATH is whole: a PNG that ends with its IEND chunk, an SVG whose last
 * tag closes </svg>. gnuplot can exit 0 after a failed write (a full disk); a check of the file
 * is the only sign. Then made durable (fsync). HS_ERR_RUNTIME naming the chart otherwise. */
static hs_status S_check_chart(const char *path, const char *name, int svg, hs_error *e)
{
    static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    static const unsigned char png_end[12] = {0,   0,   0,    0,    'I',  'E',
                                              'N', 'D', 0xAE, 0x42, 0x60, 0x82};
    int fd = open(path, O_RDONLY | O_NOFOLLOW);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        int err = errno;
        if (fd >= 0) close(fd);
        return hs_error_set(e, HS_ERR_RUNTIME, "chart %s: gnuplot wrote no %s file: %s", name,
                            svg ? "SVG" : "PNG", strerror(err));
    }
    unsigned char head[8] = {0}, tail[64] = {0};
    size_t n = (size_t)sb.st_size, tn = n < sizeof tail ? n : sizeof tail;
    int whole = n >= 20 && pread(fd, head, 8, 0) == 8 &&
                pread(fd, tail, tn, (off_t)(n - tn)) == (ssize_t)tn;
    if (whole && !svg) {
        whole = memcmp(head, png_sig, 8) == 0 && memcmp(tail + tn - 12, png_end, 12) == 0;
    } else if (whole) {
        while (tn > 0 && (tail[tn - 1] == '\n' || tail[tn - 1] == '\r' || tail[tn - 1] == ' '))
            tn--;
        whole = tn >= 6 && memcmp(tail + tn - 6, "</svg>", 6) == 0;
    }
    int synced = fsync(fd) == 0, err = errno;
    close(fd);
    if (!whole)
        return hs_error_set(e, HS_ERR_RUNTIME,
                            "chart %s: the %s file gnuplot wrote is incomplete (%zu bytes, %s); "
                            "is the disk full?",
                            name, svg ? "SVG" : "PNG", n,
                            svg ? "no closing </svg>" : "no IEND chunk");
    if (!synced)
        return hs_error_set(e, HS_ERR_RUNTIME, "chart %s: cannot write '%s': %s", name, path,
                            strerror(err));
    return HS_OK;
}

/* Renders chart NAME twice (PNG, SVG) into the set folder SETDIR (relative to OUTDIR, where
 * gnuplot runs) and checks both files. */
static hs_status S_render(const char *outdir, const char *setdir, const char *gp,
                          const char *scripts, const char *name, const S_vars *common,
                          const S_vars *own, const plot_opts *o, plot_result *r, hs_error *e)
{
    static const char *const fmts[2] = {"png", "svg"};
    char rel[256], abs[PATH_MAX], common_gp[PATH_MAX], chart_gp[PATH_MAX], outvar[300];
    hs_status st = HS_OK;
    snprintf(common_gp, sizeof common_gp, "%s/common.gp", scripts);
    snprintf(chart_gp, sizeof chart_gp, "%s/%s.gp", scripts, name);
    if (access(chart_gp, R_OK) != 0)
        return hs_error_set(e, HS_ERR_RUNTIME, "chart %s: cannot read the script '%s': %s", name,
                            chart_gp, strerror(errno));
    for (int k = 0; k < 2 && st == HS_OK; k++) {
        snprintf(rel, sizeof rel, "%s/%s.%s", setdir, name, fmts[k]);
        snprintf(abs, sizeof abs, "%s/%s", outdir, rel);
        snprintf(outvar, sizeof outvar, "out='%s'", rel);
        char fmtvar[16];
        snprintf(fmtvar, sizeof fmtvar, "fmt='%s'", fmts[k]);
        char *argv[2 * (2 * S_MAX_VARS + 2) + 6];
        int a = 0;
        argv[a++] = (char *)gp;
        argv[a++] = (char *)"-d";
        argv[a++] = (char *)"-e";
        argv[a++] = fmtvar;
        argv[a++] = (char *)"-e";
        argv[a++] = outvar;
        for (int i = 0; i < common->n; i++)
            argv[a++] = (char *)"-e", argv[a++] = common->v[i];
        for (int i = 0; i < own->n; i++)
            argv[a++] = (char *)"-e", argv[a++] = own->v[i];
        argv[a++] = common_gp;
        argv[a++] = chart_gp;
        argv[a] = NULL;
        int status;
        char *out = NULL;
        st = spawn_run(argv, outdir, &status, &out, e);
        if (st != HS_OK) break;
        S_scan_warnings(name, out, o->quiet, r);
        if (status != 0 || access(abs, F_OK) != 0)
            st = hs_error_set(e, HS_ERR_RUNTIME, "chart %s failed (gnuplot exit status %d): %s",
                              name, status, *S_tail(out) ? S_tail(out) : "no output file");
        else
            st = S_check_chart(abs, name, k == 1, e);
        free(out);
    }
    if (st != HS_OK)
        for (int k = 0; k < 2; k++) {
            snprintf(abs, sizeof abs, "%s/%s/%s.%s", outdir, setdir, name, fmts[k]);
            unlink(abs);
        }
    return st;
}

/* Removes folder DIR and the files in it (not following links); 0 when it is gone. */
static int S_remove_set(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d)))
            if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0) {
                char *p = hs_path_join(dir, de->d_name);
                if (p) unlink(p);
                free(p);
            }
        closedir(d);
    }
    return rmdir(dir);
}

/* Makes the set folder SET (complete, checked) OUTDIR/plots in one step: exchanged with the
 * previous plots/ (renameat2 RENAME_EXCHANGE), which is then removed with its stale charts; a
 * file system without the exchange gets the previous folder moved aside first. */
static hs_status S_commit_set(const char *outdir, const char *set, hs_error *e)
{
    char *plots = hs_path_join(outdir, "plots");
    if (!plots) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    hs_status st = HS_OK;
    int dfd = open(set, O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) fsync(dfd), close(dfd);
    struct stat sb;
    if (lstat(plots, &sb) != 0) {
        if (rename(set, plots) != 0)
            st = hs_error_set(e, HS_ERR_RUNTIME, "cannot write '%s': %s", plots, strerror(errno));
    } else if (renameat2(AT_FDCWD, set, AT_FDCWD, plots, RENAME_EXCHANGE) == 0) {
        S_remove_set(set); /* the previous charts, now under the set's name */
    } else if (errno == EINVAL || errno == ENOSYS) {
        char *old = S_printf("%s.old", set);
        if (!old || rename(plots, old) != 0 || rename(set, plots) != 0)
            st = hs_error_set(e, HS_ERR_RUNTIME, "cannot write '%s': %s", plots,
                              old ? strerror(errno) : "out of memory");
        if (old) S_remove_set(old);
        free(old);
    } else {
        st = hs_error_set(e, HS_ERR_RUNTIME, "cannot write '%s': %s", plots, strerror(errno));
    }
    dfd = open(outdir, O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) fsync(dfd), close(dfd);
    free(plots);
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
    char *absout = S_abspath(outdir);
    if (!absout)
        return hs_error_set(e, HS_ERR_RUNTIME, "cannot resolve '%s': %s", outdir, strerror(errno));

    S_ctx c = {.outdir = absout, .e = e};
    S_vars vars[S_NCHARTS];
    S_vars common = {0};
    int want[S_NCHARTS], nwant = 0;
    char *gp = NULL, *scripts = NULL, *set = NULL;
    memset(vars, 0, sizeof vars);
    hs_status st = S_survey(&c, want, vars);
    for (size_t i = 0; i < S_NCHARTS; i++)
        nwant += st == HS_OK && want[i];
    if (st == HS_OK && nwant == 0)
        st = hs_error_set(e, HS_ERR_INPUT,
                          "%s: nothing to draw: no chart has its data there (summary.csv, "
                          "monthly.csv, tornado.csv, ...: docs/charts.md); run `hostsim run "
                          "--out %s` first",
                          outdir, outdir);
    if (st == HS_OK && !(gp = spawn_find_program(o->gnuplot ? o->gnuplot : "gnuplot"))) {
        fprintf(stderr, "hostsim: gnuplot not found; charts skipped\n");
        if (skipped) *skipped = 1;
        goto done;
    }
    if (st == HS_OK && !(scripts = plot_scripts_dir(e))) st = HS_ERR_RUNTIME;
    /* the new charts go into a fresh folder (unpredictable name, mode 0700) beside plots/ */
    char setrel[32] = ".plots.new.XXXXXX";
    if (st == HS_OK) {
        set = hs_path_join(absout, setrel);
        if (!set)
            st = hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
        else if (!mkdtemp(set))
            st = hs_error_set(e, HS_ERR_RUNTIME, "cannot write charts into '%s': %s", outdir,
                              strerror(errno));
        else
            snprintf(setrel, sizeof setrel, "%s", strrchr(set, '/') + 1);
    }
    if (st == HS_OK) {
        S_var(&common, "options", c.options);
        S_var(&common, "labels", c.labels);
        if (common.nomem) st = hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    }
    for (size_t i = 0; i < S_NCHARTS && st == HS_OK; i++) {
        if (!want[i]) continue;
        int foreign = 0;
        char *footer = S_provenance(&c, S_charts[i].files,
                                    S_charts[i].info.section == PLOT_SECTION_SENSITIVITY, &foreign);
        if (footer) S_var(&vars[i], "footer", footer);
        if (foreign) S_var(&vars[i], "footer_color", "#C00000");
        /* the trajectories behind each probability the chart prints (pctb in common.gp) */
        const char *nkey = S_charts[i].info.section == PLOT_SECTION_SENSITIVITY
                               ? "trajectories_per_run"
                               : "trajectories";
        S_var_int(&vars[i], "mc_n", foreign ? 0 : strtol(S_manifest(&c, nkey), NULL, 10));
        free(footer);
        if (!footer || vars[i].nomem) {
            st = hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
            break;
        }
        hs_error one;
        hs_error_clear(&one);
        hs_status cs = S_render(absout, setrel, gp, scripts, S_charts[i].info.name, &common,
                                &vars[i], o, r, &one);
        if (cs == HS_OK) {
            r->rendered++;
            continue;
        }
        /* keep going: report every failed chart; then nothing is committed */
        if (r->failed++ == 0) {
            hs_error_set(e, one.code, "%s", one.msg);
        } else {
            hs_error_append(e, "%s", one.msg);
        }
    }
    if (st == HS_OK && r->failed) {
        st = HS_ERR_RUNTIME;
        hs_error_append(e, "no chart was replaced: the previous charts of %s/plots are intact",
                        outdir);
    }
    if (st == HS_OK) st = S_commit_set(absout, set, e);
    if (set && st != HS_OK) S_remove_set(set);
    if (st == HS_OK && !o->quiet && isatty(STDERR_FILENO)) /* progress: only on a terminal */
        fprintf(stderr, "hostsim: %d chart%s in %s/plots\n", r->rendered,
                r->rendered == 1 ? "" : "s", outdir);
done:
    for (size_t i = 0; i < S_NCHARTS; i++)
        S_vars_free(&vars[i]);
    S_vars_free(&common);
    S_ctx_free(&c);
    free(set);
    free(gp);
    free(scripts);
    free(absout);
    return st;
}

char *plot_chart_provenance(const char *outdir, size_t i, int *foreign, hs_error *e)
{
    if (i >= S_NCHARTS) return NULL;
    S_ctx c = {.outdir = outdir, .e = e};
    char *s = NULL;
    (void)S_tab(&c, S_MANIFEST);
    if (c.err == HS_OK) {
        s = S_provenance(&c, S_charts[i].files,
                         S_charts[i].info.section == PLOT_SECTION_SENSITIVITY, foreign);
        if (!s) hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    }
    S_ctx_free(&c);
    return s;
}

hs_status plot_all(const char *outdir, const plot_opts *o, int *skipped, hs_error *e)
{
    return plot_run(outdir, o, skipped, NULL, e);
}
