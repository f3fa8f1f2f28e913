/* test_plot.c — the charts (sim/report/plot.c) and the CSV table reader (sim/base/csvtable.c).
 *
 * Renders an output folder written by the real engine (tests/report/outdir.sh: `hostsim run`,
 * `tornado`, `sobol`, `sweep` on inputs/default; `make unit` writes it into build/test-outdir
 * and names it in HOSTSIM_TEST_OUTDIR) into temporary copies, with the real gnuplot and the
 * scripts of plots/. So the charts are tested on exactly the columns the engine writes. Run
 * from the repository root (as `make unit` does). The tplot_* helpers are shared with
 * test_report.c.
 */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/csvtable.h"
#include "base/outfile.h"
#include "report/plot.h"
#include "report/spawn.h"
#include "tplot.h"

/* ---------------------------------------------------------------- helpers (tplot.h: also used by
 * test_report.c and test_board.c) */

char *tplot_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    cr_assert_not_null(p);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

char *tplot_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    cr_assert_not_null(b);
    size_t got = fread(b, 1, (size_t)n, f);
    fclose(f);
    b[got] = '\0';
    if (len) *len = got;
    return b;
}

void tplot_write(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f, "cannot write %s: %s", path, strerror(errno));
    fputs(text, f);
    fclose(f);
}

char *tplot_tmpdir(void)
{
    char *d = strdup("/tmp/hostsim-test-XXXXXX");
    cr_assert_not_null(mkdtemp(d), "mkdtemp: %s", strerror(errno));
    return d;
}

/* Copies the regular files of FROM (not its sub-folders) into TO, created if needed. */
void tplot_copy_dir(const char *from, const char *to)
{
    mkdir(to, 0777);
    DIR *d = opendir(from);
    cr_assert_not_null(d, "cannot open %s (run the tests from the repository root)", from);
    struct dirent *de;
    while ((de = readdir(d))) {
        char *src = tplot_path(from, de->d_name);
        struct stat sb;
        if (stat(src, &sb) == 0 && S_ISREG(sb.st_mode)) {
            size_t len;
            char *data = tplot_slurp(src, &len);
            char *dst = tplot_path(to, de->d_name);
            FILE *f = fopen(dst, "wb");
            cr_assert_not_null(f, "cannot write %s", dst);
            fwrite(data, 1, len, f);
            fclose(f);
            free(dst);
            free(data);
        }
        free(src);
    }
    closedir(d);
}

char *tplot_outdir_copy(void)
{
    tplot_use_repo_scripts();
    char *d = tplot_tmpdir();
    tplot_copy_dir(tplot_outdir(), d);
    return d;
}

void tplot_unlink(const char *dir, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *p = tplot_path(dir, names[i]);
        unlink(p);
        free(p);
    }
}

void tplot_rmtree(const char *path)
{
    struct stat sb;
    if (lstat(path, &sb) != 0) return;
    if (S_ISDIR(sb.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *de;
        while (d && (de = readdir(d))) {
            if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
            char *p = tplot_path(path, de->d_name);
            tplot_rmtree(p);
            free(p);
        }
        if (d) closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

/* The output folder written by the real engine (see the top of this file), checked to be there. */
const char *tplot_outdir(void)
{
    const char *d = getenv("HOSTSIM_TEST_OUTDIR");
    if (!d || !*d) d = "build/test-outdir";
    char *p = tplot_path(d, "summary.csv");
    int there = access(p, R_OK) == 0;
    free(p);
    cr_assert(there,
              "no output folder at %s: run the tests with `make unit`, or write it first with "
              "tests/report/outdir.sh ./hostsim %s",
              d, d);
    return d;
}

/* The value of KEY in DIR/manifest.csv (caller frees); the test fails when there is none. */
char *tplot_manifest(const char *dir, const char *key)
{
    char *p = tplot_path(dir, "manifest.csv");
    hs_error e;
    csvtable *t = csvtable_load(p, &e);
    cr_assert_not_null(t, "%s", e.msg);
    long row = csvtable_find(t, 0, csvtable_col(t, "key"), key);
    cr_assert_geq(row, 0, "%s has no key %s", p, key);
    char *v = strdup(csvtable_getn(t, (size_t)row, "value"));
    csvtable_free(t);
    free(p);
    return v;
}

void tplot_use_repo_scripts(void)
{
    char cwd[4096];
    cr_assert_not_null(getcwd(cwd, sizeof cwd));
    char *p = tplot_path(cwd, "plots");
    setenv("HOSTSIM_PLOTS", p, 1);
    free(p);
}

/* ---------------------------------------------------------------- local helpers */

static uint32_t S_crc32(const unsigned char *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return c ^ 0xFFFFFFFFu;
}

static uint32_t S_be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A valid PNG (signature, every chunk's CRC, IHDR first, IEND last) of 1200x700 with more
 * than MIN_BYTES of data (a blank chart compresses to a few kB). */
static void S_assert_png(const char *path, size_t min_bytes)
{
    size_t len;
    unsigned char *b = (unsigned char *)tplot_slurp(path, &len);
    cr_assert_not_null(b, "no file %s", path);
    cr_assert(len > 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0, "%s: not a PNG", path);
    size_t off = 8;
    int chunks = 0, iend = 0;
    while (off + 12 <= len && !iend) {
        uint32_t n = S_be32(b + off);
        cr_assert(off + 12 + n <= len, "%s: truncated chunk", path);
        const unsigned char *type = b + off + 4;
        cr_assert_eq(S_crc32(type, n + 4), S_be32(b + off + 8 + n), "%s: bad CRC in %.4s", path,
                     type);
        if (chunks == 0) {
            cr_assert(memcmp(type, "IHDR", 4) == 0, "%s: IHDR is not first", path);
            cr_assert_eq(S_be32(type + 4), 1200u, "%s: width", path);
            cr_assert_eq(S_be32(type + 8), 700u, "%s: height", path);
        }
        iend = memcmp(type, "IEND", 4) == 0;
        chunks++;
        off += 12 + n;
    }
    cr_assert(iend && off == len, "%s: no IEND at the end", path);
    cr_assert_gt(len, min_bytes, "%s: only %zu bytes, a blank chart?", path, len);
    free(b);
}

/* No temporary file (".NAME.tmp.PID") is left in DIR. */
static void S_assert_no_temporaries(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *de;
    while ((de = readdir(d)))
        cr_assert(de->d_name[0] != '.' || !strcmp(de->d_name, ".") || !strcmp(de->d_name, "..") ||
                      !strcmp(de->d_name, OUTFILE_LOCK), /* the folder's lock stays */
                  "temporary file left behind: %s/%s", dir, de->d_name);
    closedir(d);
}

static int S_exists(const char *dir, const char *name)
{
    char *p = tplot_path(dir, name);
    int ok = access(p, F_OK) == 0;
    free(p);
    return ok;
}

/* ---------------------------------------------------------------- rendering */

Test(plot, renders_every_chart_of_a_real_output_folder_without_warnings)
{
    tplot_use_repo_scripts();
    char *tmp = tplot_tmpdir();
    char *out = tplot_path(tmp, "out");
    tplot_copy_dir(tplot_outdir(), out);
    plot_opts o = {NULL, 1};
    plot_result r;
    int skipped = -1;
    hs_error e;
    hs_error_clear(&e);
    hs_status st = plot_run(out, &o, &skipped, &r, &e);
    cr_assert_eq(st, HS_OK, "plot_run: %s", e.msg);
    cr_assert_eq(skipped, 0);
    cr_assert_eq(r.warnings, 0, "gnuplot warned: %s", r.warning);
    cr_assert_eq(r.failed, 0);
    cr_assert_eq((size_t)r.rendered, plot_chart_count(), "the folder supports every chart");
    char *seed = tplot_manifest(out, "seed"), footer[64];
    snprintf(footer, sizeof footer, "seed %s", seed);
    free(seed);
    /* the sensitivity files of the folder were copied in beside the run's (outdir.sh): not
     * part of the set its manifest.csv describes, so their charts say so instead */
    const char *flag = "NOT FROM THIS RUN";
    char *plots = tplot_path(out, "plots");
    for (size_t i = 0; i < plot_chart_count(); i++) {
        char name[128];
        snprintf(name, sizeof name, "plots/%s.png", plot_chart_get(i)->name);
        char *png = tplot_path(out, name);
        S_assert_png(png, 15000);
        free(png);
        snprintf(name, sizeof name, "plots/%s.svg", plot_chart_get(i)->name);
        char *svgp = tplot_path(out, name);
        char *svg = tplot_slurp(svgp, NULL);
        cr_assert_not_null(svg, "no %s", svgp);
        cr_assert_not_null(strstr(svg, "<svg"), "%s is not an SVG", svgp);
        cr_assert_not_null(strstr(svg, "fill=\"#ffffff\""), "%s has no white background", svgp);
        const char *want = plot_chart_get(i)->section == PLOT_SECTION_SENSITIVITY ? flag : footer;
        cr_assert_not_null(strstr(svg, want), "%s has no footer with '%s'", svgp, want);
        free(svg);
        free(svgp);
    }
    S_assert_no_temporaries(plots);
    S_assert_no_temporaries(out);
    free(plots);
    tplot_rmtree(tmp);
    free(out);
    free(tmp);
}

/* The folder `hostsim tornado` (sobol, sweep) writes by itself: every chart's footer gives
 * its own provenance from the folder's manifest: the base run's N for the run's charts, the
 * analysis' runs and trajectories per run for its own. */
static void S_assert_footers(const char *cmd, const char *chart, const char *own)
{
    tplot_use_repo_scripts();
    char *tmp = tplot_tmpdir();
    char from[512];
    snprintf(from, sizeof from, "%s.parts/%s", tplot_outdir(), cmd);
    tplot_copy_dir(from, tmp);
    plot_opts o = {NULL, 1};
    plot_result r;
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(plot_run(tmp, &o, NULL, &r, &e), HS_OK, "%s: %s", cmd, e.msg);
    char name[128], base[128];
    snprintf(name, sizeof name, "plots/%s.svg", chart);
    char *p = tplot_path(tmp, name);
    char *svg = tplot_slurp(p, NULL);
    cr_assert_not_null(svg, "%s", p);
    cr_assert_not_null(strstr(svg, own), "%s: no '%s' in its footer", name, own);
    cr_assert_not_null(strstr(svg, "seed 42"), "%s", name);
    cr_assert_null(strstr(svg, "NOT FROM THIS RUN"), "%s", name);
    free(svg);
    free(p);
    p = tplot_path(tmp, "plots/tco_cdf.svg");
    svg = tplot_slurp(p, NULL);
    cr_assert_not_null(svg);
    snprintf(base, sizeof base, "(base run of %s)", cmd);
    cr_assert_not_null(strstr(svg, base), "tco_cdf.svg of %s: no '%s'", cmd, base);
    free(svg);
    free(p);
    tplot_rmtree(tmp);
    free(tmp);
}

Test(plot, each_command_s_charts_carry_their_own_n_seed_and_runs)
{
    char *runs = NULL;
    char dir[512];
    snprintf(dir, sizeof dir, "%s.parts/tornado", tplot_outdir());
    runs = tplot_manifest(dir, "runs");
    char want[128];
    snprintf(want, sizeof want, "tornado: %s runs of 10 trajectories", runs);
    S_assert_footers("tornado", "tornado", want);
    free(runs);
    snprintf(dir, sizeof dir, "%s.parts/sobol", tplot_outdir());
    runs = tplot_manifest(dir, "runs");
    snprintf(want, sizeof want, "Sobol: N = 8 samples, %s runs of 1 trajectory", runs);
    S_assert_footers("sobol", "sobol", want);
    free(runs);
    S_assert_footers("sweep", "sweep", "sweep: 5 runs of 20 trajectories");
}

Test(plot, tornado_and_sweep_axes_take_the_unit_from_their_csv)
{
    char *tmp = tplot_outdir_copy();
    /* metric labels that are no metric name of summary.csv, units that are not CNY */
    char *p = tplot_path(tmp, "tornado.csv");
    tplot_write(p, "input,metric,unit,p10_value,p90_value,metric_at_p10,metric_at_p90,base,swing\n"
                   "saas.repair_hours,downtime_hours(saas),hours,1.2,2.8,4.5,10.5,7.5,6\n"
                   "saas.outage_rate,downtime_hours(saas),hours,0.35,0.75,3.75,7.75,7.5,4\n");
    free(p);
    p = tplot_path(tmp, "sweep.csv");
    tplot_write(p, "param,value,option,metric,unit,mean,p5,p50,p95,p_cheapest\n"
                   "global.volume_month,1000,saas,messages_lost,messages,10,5,9,20,0.6\n"
                   "global.volume_month,1000,payg,messages_lost,messages,12,6,11,25,0.4\n"
                   "global.volume_month,100000,saas,messages_lost,messages,900,500,880,1500,0.3\n"
                   "global.volume_month,100000,payg,messages_lost,messages,700,400,690,1200,0.7\n");
    free(p);
    p = tplot_path(tmp, "crossover.csv");
    unlink(p);
    free(p);
    plot_opts o = {NULL, 1};
    plot_result r;
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(plot_run(tmp, &o, NULL, &r, &e), HS_OK, "plot_run: %s", e.msg);
    cr_assert_eq(r.failed, 0);
    const char *want[2][2] = {{"plots/tornado.svg", "downtime_hours(saas) (hours)"},
                              {"plots/sweep.svg", "messages_lost (messages)"}};
    for (int k = 0; k < 2; k++) {
        p = tplot_path(tmp, want[k][0]);
        char *svg = tplot_slurp(p, NULL);
        cr_assert_not_null(svg, "no %s", p);
        cr_assert_not_null(strstr(svg, want[k][1]), "%s: no axis label '%s'", p, want[k][1]);
        free(svg);
        free(p);
    }
    tplot_rmtree(tmp);
    free(tmp);
}

Test(plot, works_in_a_folder_whose_path_has_spaces_and_quotes)
{
    tplot_use_repo_scripts();
    char *tmp = tplot_tmpdir();
    char *mid = tplot_path(tmp, "my runs");
    mkdir(mid, 0777);
    char *out = tplot_path(mid, "it's a \"test\" $HOME; `x`");
    tplot_copy_dir(tplot_outdir(), out);
    plot_opts o = {NULL, 1};
    plot_result r;
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(plot_run(out, &o, NULL, &r, &e), HS_OK, "%s", e.msg);
    cr_assert_eq(r.warnings, 0, "%s", r.warning);
    char *png = tplot_path(out, "plots/tco_hist.png");
    S_assert_png(png, 15000);
    free(png);
    tplot_rmtree(tmp);
    free(out);
    free(mid);
    free(tmp);
}

Test(plot, missing_gnuplot_is_skipped_not_an_error, .init = cr_redirect_stderr)
{
    char *tmp = tplot_outdir_copy();
    plot_opts o = {"/nonexistent/gnuplot", 0};
    int skipped = 0;
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(plot_all(tmp, &o, &skipped, &e), HS_OK, "%s", e.msg);
    cr_assert_eq(skipped, 1);
    cr_assert_not(S_exists(tmp, "plots/tco_hist.png"));
    fflush(stderr);
    cr_assert_stderr_eq_str("hostsim: gnuplot not found; charts skipped\n");
    tplot_rmtree(tmp);
    free(tmp);
}

Test(plot, gnuplot_absent_from_path_is_skipped_too, .init = cr_redirect_stderr)
{
    char *tmp = tplot_outdir_copy();
    char *saved_path = strdup(getenv("PATH") ? getenv("PATH") : "");
    setenv("PATH", "/nonexistent", 1);
    int skipped = 0;
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(plot_all(tmp, NULL, &skipped, &e), HS_OK, "%s", e.msg);
    cr_assert_eq(skipped, 1);
    setenv("PATH", saved_path, 1);
    free(saved_path);
    tplot_rmtree(tmp);
    free(tmp);
}

Test(plot, broken_script_is_a_runtime_error_naming_the_chart_and_leaves_no_file)
{
    char *tmp = tplot_tmpdir();
    char *out = tplot_path(tmp, "out");
    char *scripts = tplot_path(tmp, "scripts");
    tplot_copy_dir(tplot_outdir(), out);
    tplot_copy_dir("plots", scripts);
    char *bad = tplot_path(scripts, "tco_cdf.gp");
    tplot_write(bad, "set title 'broken'\nplot 'cdf.csv' using (column('no_such_column')):2\n");
    setenv("HOSTSIM_PLOTS", scripts, 1);
    plot_opts o = {NULL, 1};
    plot_result r;
    hs_error e;
    hs_error_clear(&e);
    hs_status st = plot_run(out, &o, NULL, &r, &e);
    cr_assert_eq(st, HS_ERR_RUNTIME);
    cr_assert_not_null(strstr(e.msg, "chart tco_cdf failed"), "message: %s", e.msg);
    cr_assert_not(S_exists(out, "plots/tco_cdf.png"));
    cr_assert_not(S_exists(out, "plots/tco_cdf.svg"));
    cr_assert_eq(r.failed, 1);
    cr_assert_eq((size_t)r.rendered, plot_chart_count() - 1, "the other charts are drawn");
    cr_assert_not(S_exists(out, "plots"), "but none is committed: the charts are one set");
    cr_assert_not_null(strstr(e.msg, "no chart was replaced"), "%s", e.msg);
    S_assert_no_temporaries(out);
    tplot_rmtree(tmp);
    free(bad);
    free(scripts);
    free(out);
    free(tmp);
}

Test(plot, broken_data_is_a_runtime_error_and_leaves_no_file)
{
    char *tmp = tplot_outdir_copy();
    /* right columns, no usable numbers: the CSV is well formed, gnuplot cannot draw it */
    char *prof = tplot_path(tmp, "profile.csv");
    tplot_write(prof, "weekday,hour,share\nMon,9,n/a\nTue,10,n/a\n");
    plot_opts o = {NULL, 1};
    plot_result r;
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(plot_run(tmp, &o, NULL, &r, &e), HS_ERR_RUNTIME);
    cr_assert_not_null(strstr(e.msg, "input_profile"), "message: %s", e.msg);
    cr_assert_not(S_exists(tmp, "plots/input_profile.png"));
    cr_assert_not(S_exists(tmp, "plots/input_profile.svg"));
    char *plots = tplot_path(tmp, "plots");
    S_assert_no_temporaries(plots);
    free(plots);
    tplot_rmtree(tmp);
    free(prof);
    free(tmp);
}

Test(plot, failed_chart_keeps_the_previous_file)
{
    char *tmp = tplot_outdir_copy();
    plot_opts o = {NULL, 1};
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(plot_all(tmp, &o, NULL, &e), HS_OK, "%s", e.msg);
    char *png = tplot_path(tmp, "plots/input_profile.png");
    size_t before, after;
    free(tplot_slurp(png, &before));
    char *prof = tplot_path(tmp, "profile.csv");
    tplot_write(prof, "weekday,hour,share\nMon,9,n/a\n");
    cr_assert_eq(plot_all(tmp, &o, NULL, &e), HS_ERR_RUNTIME);
    free(tplot_slurp(png, &after));
    cr_assert_eq(before, after);
    S_assert_png(png, 15000);
    tplot_rmtree(tmp);
    free(prof);
    free(png);
    free(tmp);
}

/* A gnuplot that exits 0 after writing a cut file (what a full disk does): the check of each
 * file catches it, and the previous charts stay whole. */
Test(plot, a_cut_chart_file_fails_the_set_and_keeps_every_previous_chart)
{
    tplot_use_repo_scripts();
    char *tmp = tplot_tmpdir();
    char *out = tplot_path(tmp, "out");
    tplot_copy_dir(tplot_outdir(), out);
    plot_opts o = {NULL, 1};
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(plot_all(out, &o, NULL, &e), HS_OK, "%s", e.msg);
    char *png = tplot_path(out, "plots/tco_hist.png"),
         *svgp = tplot_path(out, "plots/cost_fan.svg");
    size_t png_before, svg_before, png_after, svg_after;
    free(tplot_slurp(png, &png_before));
    free(tplot_slurp(svgp, &svg_before));
    for (int svg = 0; svg < 2; svg++) {
        /* a fake gnuplot: for out='F' writes F as the previous chart of that name, but for
         * one format a cut file: a PNG without its IEND chunk, or an SVG never closed */
        char *fake = tplot_path(tmp, "gnuplot");
        const char *cut = svg ? "*.svg) printf '<svg viewBox=\"0 0 1 1\"><g>' > \"$f\";;\n"
                              : "*.png) printf '\\211PNG\\r\\n\\032\\nIHDR0123456789' > \"$f\";;\n";
        char script[1024];
        snprintf(script, sizeof script,
                 "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in out=*) f=${a#out=\\'}; "
                 "f=${f%%\\'};; esac; done\n"
                 "case \"$f\" in\n%s*) cp \"plots/${f##*/}\" \"$f\";;\nesac\nexit 0\n",
                 cut);
        tplot_write(fake, script);
        chmod(fake, 0755);
        plot_opts bad = {fake, 1};
        hs_error_clear(&e);
        cr_assert_eq(plot_all(out, &bad, NULL, &e), HS_ERR_RUNTIME, "svg=%d", svg);
        cr_assert_not_null(strstr(e.msg, svg ? "no closing </svg>" : "no IEND chunk"), "%s", e.msg);
        free(tplot_slurp(png, &png_after));
        free(tplot_slurp(svgp, &svg_after));
        cr_assert_eq(png_before, png_after, "the previous PNG is intact");
        cr_assert_eq(svg_before, svg_after, "the previous SVG is intact");
        S_assert_png(png, 15000);
        S_assert_no_temporaries(out);
        free(fake);
    }
    tplot_rmtree(tmp);
    free(png);
    free(svgp);
    free(out);
    free(tmp);
}

Test(plot, a_folder_with_nothing_to_draw_is_an_input_error)
{
    tplot_use_repo_scripts();
    char *tmp = tplot_tmpdir();
    char *p = tplot_path(tmp, "notes.txt");
    tplot_write(p, "not an output folder\n");
    plot_opts o = {NULL, 1};
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(plot_all(tmp, &o, NULL, &e), HS_ERR_INPUT);
    cr_assert_not_null(strstr(e.msg, "nothing to draw"), "%s", e.msg);
    cr_assert_not(S_exists(tmp, "plots"));
    tplot_rmtree(tmp);
    free(p);
    free(tmp);
}

/* The new set replaces the old one whole: a chart whose data is gone does not survive. */
Test(plot, a_chart_the_data_no_longer_supports_is_removed)
{
    char *tmp = tplot_outdir_copy();
    plot_opts o = {NULL, 1};
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(plot_all(tmp, &o, NULL, &e), HS_OK, "%s", e.msg);
    cr_assert(S_exists(tmp, "plots/tornado.png"));
    char *p = tplot_path(tmp, "tornado.csv");
    unlink(p);
    cr_assert_eq(plot_all(tmp, &o, NULL, &e), HS_OK, "%s", e.msg);
    cr_assert_not(S_exists(tmp, "plots/tornado.png"), "a stale chart survived");
    cr_assert_not(S_exists(tmp, "plots/tornado.svg"));
    cr_assert(S_exists(tmp, "plots/tco_hist.png"));
    S_assert_no_temporaries(tmp);
    tplot_rmtree(tmp);
    free(p);
    free(tmp);
}

Test(plot, malformed_csv_is_an_input_error_naming_file_and_line)
{
    char *tmp = tplot_outdir_copy();
    char *p = tplot_path(tmp, "options.csv");
    tplot_write(p, "option,index,sla_availability,sla_downtime_hours_per_year\n"
                   "saas,0,0.995,43.8\n"
                   "payg,1,0.9\"95,43.8\n");
    plot_opts o = {NULL, 1};
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(plot_all(tmp, &o, NULL, &e), HS_ERR_INPUT);
    cr_assert_not_null(strstr(e.msg, "options.csv:3:"), "message: %s", e.msg);
    tplot_rmtree(tmp);
    free(p);
    free(tmp);
}

Test(plot, bad_option_name_is_an_input_error)
{
    char *tmp = tplot_tmpdir();
    char *p = tplot_path(tmp, "options.csv");
    tplot_write(p, "option,index,sla_availability,sla_downtime_hours_per_year\n"
                   "saas,0,,\n"
                   "Pay As You Go,1,,\n");
    char **names;
    size_t n;
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(plot_options(tmp, &names, &n, &e), HS_ERR_INPUT);
    cr_assert_not_null(strstr(e.msg, "options.csv:3: expected an option name"), "%s", e.msg);
    tplot_rmtree(tmp);
    free(p);
    free(tmp);
}

Test(plot, renders_only_what_the_data_supports)
{
    char *tmp = tplot_outdir_copy();
    const char *gone[] = {"tornado.csv",   "sobol.csv", "sweep.csv",
                          "crossover.csv", "grid.csv",  "daily.csv"};
    tplot_unlink(tmp, gone, sizeof gone / sizeof gone[0]);
    int want[32];
    hs_error e;
    hs_error_clear(&e);
    cr_assert_leq(plot_chart_count(), 32u);
    cr_assert_eq(plot_supported(tmp, want, &e), HS_OK, "%s", e.msg);
    plot_opts o = {NULL, 1};
    plot_result r;
    cr_assert_eq(plot_run(tmp, &o, NULL, &r, &e), HS_OK, "%s", e.msg);
    cr_assert_eq(r.warnings, 0, "%s", r.warning);
    int n = 0;
    for (size_t i = 0; i < plot_chart_count(); i++) {
        const char *name = plot_chart_get(i)->name;
        int expect = strcmp(name, "tornado") && strcmp(name, "sobol") && strcmp(name, "sweep") &&
                     strcmp(name, "grid") && strcmp(name, "input_daily") &&
                     strcmp(name, "drivers_by_year");
        cr_assert_eq(want[i], expect, "chart %s", name);
        char file[128];
        snprintf(file, sizeof file, "plots/%s.png", name);
        cr_assert_eq(S_exists(tmp, file), expect, "chart %s", name);
        n += expect;
    }
    cr_assert_eq(r.rendered, n);
    tplot_rmtree(tmp);
    free(tmp);
}

Test(plot, options_without_sla_and_without_crossovers_render_cleanly)
{
    char *tmp = tplot_outdir_copy();
    /* the run's options with their SLA columns emptied (as `hostsim run` writes an option
     * without one); the sweep's crossover.csv reduced to its header (a sweep in which no
     * curves cross) */
    char *p = tplot_path(tmp, "options.csv");
    hs_error e;
    csvtable *t = csvtable_load(p, &e);
    cr_assert_not_null(t, "%s", e.msg);
    FILE *f = fopen(p, "w");
    cr_assert_not_null(f);
    fputs("option,index,sla_availability,sla_downtime_hours_per_year\n", f);
    for (size_t i = 0; i < csvtable_rows(t); i++)
        fprintf(f, "%s,%s,,\n", csvtable_getn(t, i, "option"), csvtable_getn(t, i, "index"));
    fclose(f);
    cr_assert_geq(csvtable_rows(t), 2u);
    csvtable_free(t);
    char *x = tplot_path(tmp, "crossover.csv");
    char *xs = tplot_slurp(x, NULL);
    cr_assert_not_null(xs);
    char *nl = strchr(xs, '\n');
    cr_assert(nl && nl[1], "the real crossover.csv has crossings");
    nl[1] = '\0';
    tplot_write(x, xs);
    free(xs);
    plot_opts o = {NULL, 1};
    plot_result r;
    hs_error_clear(&e);
    cr_assert_eq(plot_run(tmp, &o, NULL, &r, &e), HS_OK, "%s", e.msg);
    cr_assert_eq(r.warnings, 0, "%s", r.warning);
    cr_assert_eq((size_t)r.rendered, plot_chart_count());
    tplot_rmtree(tmp);
    free(x);
    free(p);
    free(tmp);
}

Test(plot, missing_scripts_folder_is_a_runtime_error)
{
    char *tmp = tplot_tmpdir();
    tplot_copy_dir(tplot_outdir(), tmp);
    setenv("HOSTSIM_PLOTS", "/nonexistent/plots", 1);
    plot_opts o = {NULL, 1};
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(plot_all(tmp, &o, NULL, &e), HS_ERR_RUNTIME);
    cr_assert_not_null(strstr(e.msg, "HOSTSIM_PLOTS"), "%s", e.msg);
    tplot_rmtree(tmp);
    free(tmp);
}

/* ---------------------------------------------------------------- pieces */

Test(plot, every_chart_has_a_script)
{
    for (size_t i = 0; i < plot_chart_count(); i++) {
        char path[256];
        snprintf(path, sizeof path, "plots/%s.gp", plot_chart_get(i)->name);
        cr_assert_eq(access(path, R_OK), 0, "no script %s", path);
    }
    cr_assert_eq(access("plots/common.gp", R_OK), 0);
}

Test(plot, option_colours_match_the_gnuplot_palette)
{
    char *gp = tplot_slurp("plots/common.gp", NULL);
    cr_assert_not_null(gp);
    const char *line = strstr(gp, "palette_opt = '");
    cr_assert_not_null(line);
    char want[256] = "palette_opt = '";
    for (size_t i = 0; i < 8; i++) {
        strcat(want, plot_option_color(i));
        strcat(want, i < 7 ? " " : "'");
    }
    cr_assert_eq(strncmp(line, want, strlen(want)), 0, "common.gp and plot.c differ: %s", want);
    cr_assert_str_eq(plot_option_color(9), plot_option_color(1));
    free(gp);
}

Test(plot, options_follow_the_index_of_options_csv)
{
    char *tmp = tplot_tmpdir();
    char *p = tplot_path(tmp, "options.csv");
    tplot_write(p, "option,index,sla_availability,sla_downtime_hours_per_year\n"
                   "saas,2,0.995,43.8\nself_hosted,0,,\npayg,3,,\ncloud_hosted,1,0.999,8.76\n");
    char **names;
    size_t n;
    hs_error e;
    hs_error_clear(&e);
    cr_assert_eq(plot_options(tmp, &names, &n, &e), HS_OK, "%s", e.msg);
    cr_assert_eq(n, 4u);
    cr_assert_str_eq(names[0], "self_hosted");
    cr_assert_str_eq(names[1], "cloud_hosted");
    cr_assert_str_eq(names[2], "saas");
    cr_assert_str_eq(names[3], "payg");
    plot_options_free(names, n);
    tplot_rmtree(tmp);
    free(p);
    free(tmp);
}

Test(plot, spawn_captures_output_and_exit_status)
{
    char *echo = spawn_find_program("echo"), *no = spawn_find_program("false");
    cr_assert_not_null(echo);
    cr_assert_not_null(no);
    char *argv1[] = {echo, "it's", "two words", NULL};
    int status;
    char *out;
    hs_error e;
    cr_assert_eq(spawn_run(argv1, "/", &status, &out, &e), HS_OK, "%s", e.msg);
    cr_assert_eq(status, 0);
    cr_assert_str_eq(out, "it's two words\n");
    free(out);
    char *argv2[] = {no, NULL};
    cr_assert_eq(spawn_run(argv2, NULL, &status, NULL, &e), HS_OK);
    cr_assert_eq(status, 1);
    char *argv3[] = {"/nonexistent/program", NULL};
    cr_assert_eq(spawn_run(argv3, NULL, &status, NULL, &e), HS_ERR_RUNTIME);
    cr_assert_not_null(strstr(e.msg, "/nonexistent/program"));
    free(echo);
    free(no);
}

/* ---------------------------------------------------------------- csvtable */

Test(plot, csvtable_reads_by_header_name_with_bom_and_quotes)
{
    char *tmp = tplot_tmpdir();
    char *p = tplot_path(tmp, "t.csv");
    tplot_write(p, "\xEF\xBB\xBFoption,source,mean\n"
                   "saas,\"study: 10,000-50,000 \"\"per month\"\"\",1.5\n"
                   "\n"
                   "payg,\"two\nlines\",\n");
    hs_error e;
    csvtable *t = csvtable_load(p, &e);
    cr_assert_not_null(t, "%s", e.msg);
    cr_assert_eq(csvtable_rows(t), 2u);
    cr_assert_eq(csvtable_cols(t), 3u);
    cr_assert_eq(csvtable_col(t, "option"), 0, "the BOM is dropped");
    cr_assert_eq(csvtable_col(t, "nope"), -1);
    cr_assert_str_eq(csvtable_getn(t, 0, "source"), "study: 10,000-50,000 \"per month\"");
    cr_assert_str_eq(csvtable_getn(t, 1, "source"), "two\nlines");
    double v = 0;
    cr_assert(csvtable_numn(t, 0, "mean", &v));
    cr_assert_float_eq(v, 1.5, 1e-12);
    cr_assert_not(csvtable_numn(t, 1, "mean", &v), "empty is not a number");
    cr_assert_not(csvtable_numn(t, 0, "option", &v));
    cr_assert_str_eq(csvtable_get(t, 5, 0), "");
    cr_assert_eq(csvtable_find(t, 0, 0, "payg"), 1);
    cr_assert_eq(csvtable_find2(t, 0, "saas", 2, "1.5"), 0);
    csvtable_free(t);
    csvtable_free(NULL);
    tplot_rmtree(tmp);
    free(p);
    free(tmp);
}

Test(plot, csvtable_reports_file_line_and_column)
{
    char *tmp = tplot_tmpdir();
    char *p = tplot_path(tmp, "t.csv");
    hs_error e;

    tplot_write(p, "a,b\n1,2\n3,4,5\n");
    cr_assert_null(csvtable_load(p, &e));
    cr_assert_eq(e.code, HS_ERR_INPUT);
    cr_assert_not_null(strstr(e.msg, "t.csv:3:1: expected 2 fields"), "%s", e.msg);

    tplot_write(p, "a,b\n1,x\"y\n");
    cr_assert_null(csvtable_load(p, &e));
    cr_assert_not_null(strstr(e.msg, "t.csv:2:4: malformed CSV"), "%s", e.msg);

    tplot_write(p, "a,b\n1,\"open\n");
    cr_assert_null(csvtable_load(p, &e));
    cr_assert_not_null(strstr(e.msg, "not closed"), "%s", e.msg);

    tplot_write(p, "");
    cr_assert_null(csvtable_load(p, &e));
    cr_assert_not_null(strstr(e.msg, "expected a header row"), "%s", e.msg);

    char *none = tplot_path(tmp, "none.csv");
    cr_assert_null(csvtable_load(none, &e));
    cr_assert_eq(e.code, HS_ERR_RUNTIME);
    tplot_rmtree(tmp);
    free(none);
    free(p);
    free(tmp);
}
