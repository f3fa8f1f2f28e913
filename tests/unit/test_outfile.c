/* test_outfile.c — atomic output files and the non-finite guard. */
#include <criterion/criterion.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/outfile.h"

static char S_dir[64];

static void S_setup(void)
{
    snprintf(S_dir, sizeof S_dir, "/tmp/hostsim-outfile-XXXXXX");
    cr_assert(mkdtemp(S_dir));
}

static void S_teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", S_dir);
    cr_assert_eq(system(cmd), 0);
}

static char *S_read(const char *name)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", S_dir, name);
    FILE *f = fopen(path, "r");
    if (!f) return NULL;
    static char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

TestSuite(outfile, .init = S_setup, .fini = S_teardown);

Test(outfile, a_committed_file_replaces_the_old_one_and_fields_are_quoted_only_when_needed)
{
    hs_error e = {0};
    outfile *f = outfile_open(S_dir, "a.csv", &e);
    cr_assert(f, "%s", e.msg);
    outfile_csv_str(f, "plain");
    outfile_csv_str(f, "with, comma");
    outfile_csv_num(f, 1234.5);
    outfile_csv_num(f, -0.0);
    outfile_csv_end(f);
    cr_assert_eq(outfile_commit(f, &e), HS_OK, "%s", e.msg);
    cr_assert_str_eq(S_read("a.csv"), "plain,\"with, comma\",1234.5,0\n");
}

Test(outfile, an_aborted_file_leaves_the_previous_one_and_no_temporary)
{
    hs_error e = {0};
    outfile *f = outfile_open(S_dir, "b.csv", &e);
    fputs("old\n", outfile_stream(f));
    cr_assert_eq(outfile_commit(f, &e), HS_OK);
    f = outfile_open(S_dir, "b.csv", &e);
    fputs("new, half-written", outfile_stream(f));
    outfile_abort(f);
    cr_assert_str_eq(S_read("b.csv"), "old\n");
    char cmd[160];
    snprintf(cmd, sizeof cmd, "ls -a '%s' | grep -q tmp", S_dir);
    cr_assert_neq(system(cmd), 0, "a temporary file was left behind");
}

Test(outfile, a_nan_makes_the_whole_set_fail_and_nothing_is_written)
{
    hs_error e = {0};
    outfile_set s = {0};
    outfile *a = outfile_set_open(&s, S_dir, "ok.csv", &e);
    outfile *b = outfile_set_open(&s, S_dir, "bad.csv", &e);
    outfile_csv_num(a, 1);
    outfile_csv_end(a);
    outfile_csv_num(b, NAN);
    outfile_csv_end(b);
    cr_assert_eq(outfile_set_commit(&s, &e), HS_ERR_RUNTIME);
    cr_assert(strstr(e.msg, "non-finite"), "%s", e.msg);
    cr_assert_null(S_read("ok.csv"));
    cr_assert_null(S_read("bad.csv"));
}

/* ---- atomic sets: the output folder is S_dir/out, its parent S_dir ---- */

static char *S_path(const char *rel)
{
    static char buf[4][256];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", S_dir, rel);
    return buf[k];
}

static void S_put(const char *rel, const char *text)
{
    FILE *f = fopen(S_path(rel), "w");
    cr_assert_not_null(f, "%s", rel);
    fputs(text, f);
    fclose(f);
}

/* Entries of S_dir/REL (a folder), sorted and space-separated, "." and ".." excluded. */
static char *S_ls(const char *rel)
{
    char cmd[400];
    snprintf(cmd, sizeof cmd, "ls -A '%s' | sort | tr '\\n' ' '", S_path(rel));
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    static char buf[2048];
    size_t n = fread(buf, 1, sizeof buf - 1, p);
    buf[n] = '\0';
    pclose(p);
    return buf;
}

/* Writes a set of NAMES (each holding "NAME v"; a manifest.csv the row run,v) into S_dir/out. */
static hs_status S_write_set(unsigned flags, const char *const *names, int n, const char *v,
                             hs_error *e)
{
    outfile_set s = {0};
    const char *dir = S_path("out");
    char out[256];
    snprintf(out, sizeof out, "%s", dir);
    HS_FORWARD(outfile_set_begin(&s, out, flags, e));
    for (int i = 0; i < n; i++) {
        outfile *f = outfile_set_open(&s, out, names[i], e);
        if (!f) {
            outfile_set_abort(&s);
            return e->code;
        }
        if (strcmp(names[i], "manifest.csv") == 0)
            fprintf(outfile_stream(f), "key,value\nrun,%s\n", v);
        else
            fprintf(outfile_stream(f), "%s %s\n", names[i], v);
    }
    return outfile_set_commit(&s, e);
}

/* A process id that is not alive: a child that has exited and been reaped. */
static long S_dead_pid(void)
{
    pid_t p = fork();
    cr_assert_geq(p, 0);
    if (p == 0) _exit(0);
    waitpid(p, NULL, 0);
    return (long)p;
}

Test(outfile, a_set_lists_its_files_in_the_manifest_and_replaces_the_previous_set_whole)
{
    hs_error e = {0};
    const char *first[] = {"a.csv", "stale.csv"}, *second[] = {"a.csv", "manifest.csv"};
    cr_assert_eq(S_write_set(0, first, 2, "1", &e), HS_OK, "%s", e.msg);
    cr_assert_str_eq(S_read("out/manifest.csv"), "key,value\nfiles,a.csv manifest.csv stale.csv\n");
    cr_assert_eq(S_write_set(0, second, 2, "2", &e), HS_OK, "%s", e.msg);
    /* stale.csv of the replaced set is gone; the set's own manifest gets the record */
    cr_assert_str_eq(S_ls("out"), ".hostsim.lock a.csv manifest.csv ");
    cr_assert_str_eq(S_read("out/manifest.csv"), "key,value\nrun,2\nfiles,a.csv manifest.csv\n");
    cr_assert_str_eq(S_ls(""), "out ", "no staging folder left beside the output folder");
}

Test(outfile, a_kept_set_is_added_to_and_its_manifest_rewritten_with_the_union)
{
    hs_error e = {0};
    const char *run[] = {"summary.csv", "manifest.csv"}, *plot[] = {"plots/x.svg"};
    cr_assert_eq(S_write_set(0, run, 2, "1", &e), HS_OK, "%s", e.msg);
    cr_assert_eq(S_write_set(OUTFILE_KEEP, plot, 1, "1", &e), HS_OK, "%s", e.msg);
    cr_assert_str_eq(S_read("out/summary.csv"), "summary.csv 1\n");
    cr_assert_str_eq(S_read("out/plots/x.svg"), "plots/x.svg 1\n");
    cr_assert_str_eq(S_read("out/manifest.csv"),
                     "key,value\nrun,1\nfiles,manifest.csv plots/x.svg summary.csv\n");
    /* the next replacing set removes the charts */
    cr_assert_eq(S_write_set(0, run, 2, "2", &e), HS_OK, "%s", e.msg);
    cr_assert_str_eq(S_ls("out"), ".hostsim.lock manifest.csv summary.csv ");
}

Test(outfile, a_folder_of_foreign_files_is_refused_and_untouched_unless_overwrite)
{
    hs_error e = {0};
    cr_assert_eq(mkdir(S_path("out"), 0777), 0);
    S_put("out/params.csv", "option,parameter,value,unit,source\n");
    S_put("out/profile.csv", "mine\n");
    const char *run[] = {"params.csv", "manifest.csv"};
    cr_assert_eq(S_write_set(0, run, 2, "new", &e), HS_ERR_INPUT);
    cr_assert(strstr(e.msg, "holds files hostsim did not write ('params.csv', 'profile.csv'"), "%s",
              e.msg);
    cr_assert(strstr(e.msg, "--overwrite"), "%s", e.msg);
    cr_assert_str_eq(S_read("out/params.csv"), "option,parameter,value,unit,source\n");
    cr_assert_str_eq(S_ls("out"), "params.csv profile.csv ", "not even a lock file is added");
    cr_assert_str_eq(S_ls(""), "out ");
    /* a file the manifest does not list is foreign too (a folder named like an output file) */
    cr_assert_eq(S_write_set(OUTFILE_OVERWRITE, run, 2, "new", &e), HS_OK, "%s", e.msg);
    cr_assert_str_eq(S_ls("out"), ".hostsim.lock manifest.csv params.csv ");
    cr_assert_eq(mkdir(S_path("out/monthly.csv"), 0777), 0);
    S_put("out/monthly.csv/notes.txt", "mine\n");
    cr_assert_eq(S_write_set(0, run, 2, "again", &e), HS_ERR_INPUT);
    cr_assert(strstr(e.msg, "('monthly.csv/notes.txt')"), "%s", e.msg);
    cr_assert_str_eq(S_read("out/params.csv"), "params.csv new\n");
    /* an empty folder in the way holds nothing of the user's: the new set replaces it whole */
    cr_assert_eq(unlink(S_path("out/monthly.csv/notes.txt")), 0);
    const char *with_monthly[] = {"params.csv", "monthly.csv", "manifest.csv"};
    cr_assert_eq(S_write_set(0, with_monthly, 3, "again", &e), HS_OK, "%s", e.msg);
    cr_assert_str_eq(S_read("out/monthly.csv"), "monthly.csv again\n");
}

Test(outfile, a_planted_symlink_at_the_temporary_name_is_not_followed)
{
    hs_error e = {0};
    S_put("victim", "precious\n");
    /* the name the temporary had (".a.csv.tmp.PID") and the first it can take now */
    char old[128];
    snprintf(old, sizeof old, ".a.csv.tmp.%ld", (long)getpid());
    cr_assert_eq(symlink(S_path("victim"), S_path(old)), 0);
    for (int k = 0; k < 3; k++) {
        char link[128];
        snprintf(link, sizeof link, ".a.csv.tmp.%ld.%d", (long)getpid(), k);
        cr_assert_eq(symlink(S_path("victim"), S_path(link)), 0);
    }
    outfile *f = outfile_open(S_dir, "a.csv", &e);
    cr_assert_not_null(f, "%s", e.msg);
    fputs("result\n", outfile_stream(f));
    cr_assert_eq(outfile_commit(f, &e), HS_OK, "%s", e.msg);
    cr_assert_str_eq(S_read("victim"), "precious\n");
    cr_assert_str_eq(S_read("a.csv"), "result\n");
}

Test(outfile, stale_staging_folders_and_temporaries_of_killed_runs_are_removed)
{
    hs_error e = {0};
    const char *run[] = {"summary.csv"};
    cr_assert_eq(S_write_set(0, run, 1, "1", &e), HS_OK, "%s", e.msg);
    long dead = S_dead_pid();
    char stale[128], tmp[128];
    snprintf(stale, sizeof stale, ".out.new-%ld-abcdef", dead);
    snprintf(tmp, sizeof tmp, "out/.trajectories.csv.tmp.%ld", dead);
    cr_assert_eq(mkdir(S_path(stale), 0700), 0);
    char big[160];
    snprintf(big, sizeof big, "%s/trajectories.csv", stale);
    S_put(big, "12 MB of trajectories\n");
    S_put(tmp, "half a file\n");
    /* the staging folder of another output folder in the same parent is not touched */
    char other[128];
    snprintf(other, sizeof other, ".other.new-%ld-abcdef", dead);
    cr_assert_eq(mkdir(S_path(other), 0700), 0);
    cr_assert_eq(S_write_set(0, run, 1, "2", &e), HS_OK, "%s", e.msg);
    char want[256];
    snprintf(want, sizeof want, "%s out ", other);
    cr_assert_str_eq(S_ls(""), want);
    cr_assert_str_eq(S_ls("out"), ".hostsim.lock manifest.csv summary.csv ");
}

static int S_fail_exchange(const char *a, const char *b)
{
    (void)a, (void)b;
    errno = EIO;
    return -1;
}

Test(outfile, a_failure_inside_the_commit_leaves_the_previous_set_whole)
{
    hs_error e = {0};
    const char *run[] = {"summary.csv", "monthly.csv", "manifest.csv"};
    cr_assert_eq(S_write_set(0, run, 3, "old", &e), HS_OK, "%s", e.msg);
    outfile_exchange_hook = S_fail_exchange;
    const char *more[] = {"summary.csv", "monthly.csv", "tornado.csv", "manifest.csv"};
    hs_status st = S_write_set(0, more, 4, "new", &e);
    outfile_exchange_hook = NULL;
    cr_assert_eq(st, HS_ERR_RUNTIME);
    cr_assert(strstr(e.msg, "cannot replace the results in"), "%s", e.msg);
    cr_assert_str_eq(S_read("out/summary.csv"), "summary.csv old\n");
    cr_assert_str_eq(S_read("out/monthly.csv"), "monthly.csv old\n");
    cr_assert_str_eq(S_ls("out"), ".hostsim.lock manifest.csv monthly.csv summary.csv ");
    cr_assert_str_eq(S_ls(""), "out ", "the new set is removed");
}

Test(outfile, a_second_writer_of_a_locked_folder_is_refused_and_the_first_set_is_complete)
{
    hs_error e = {0}, e2 = {0};
    outfile_set a = {0}, b = {0};
    char out[256];
    snprintf(out, sizeof out, "%s", S_path("out"));
    cr_assert_eq(outfile_set_begin(&a, out, 0, &e), HS_OK, "%s", e.msg);
    outfile *f = outfile_set_open(&a, out, "summary.csv", &e);
    cr_assert_not_null(f);
    fputs("first\n", outfile_stream(f));
    cr_assert_eq(outfile_set_begin(&b, out, 0, &e2), HS_ERR_RUNTIME);
    cr_assert(strstr(e2.msg, "another hostsim command is writing into"), "%s", e2.msg);
    cr_assert_eq(outfile_set_commit(&a, &e), HS_OK, "%s", e.msg);
    cr_assert_str_eq(S_read("out/summary.csv"), "first\n");
    /* the lock is released with the commit, and survives the swap: the next writer gets it */
    cr_assert_eq(outfile_set_begin(&b, out, OUTFILE_KEEP, &e2), HS_OK, "%s", e2.msg);
    outfile_set_abort(&b);
    cr_assert_str_eq(S_read("out/summary.csv"), "first\n");
}

Test(outfile, text_cells_that_a_spreadsheet_would_run_are_neutralised_numbers_are_not)
{
    hs_error e = {0};
    outfile *f = outfile_open(S_dir, "n.csv", &e);
    cr_assert_not_null(f, "%s", e.msg);
    const char *cells[] = {
        "=cmd|' /C calc'!A0", "+1+1", "-x", "@SUM(A1)", "\tx", "\rx", "-12.5e3", "+3", "a=b", ""};
    for (size_t i = 0; i < sizeof cells / sizeof *cells; i++)
        outfile_csv_str(f, cells[i]);
    outfile_csv_num(f, -3.5);
    outfile_csv_int(f, -7);
    outfile_csv_end(f);
    cr_assert_eq(outfile_commit(f, &e), HS_OK, "%s", e.msg);
    cr_assert_str_eq(S_read("n.csv"), "'=cmd|' /C calc'!A0,'+1+1,'-x,'@SUM(A1),'\tx,\"'\rx\","
                                      "-12.5e3,+3,a=b,,-3.5,-7\n");
    cr_assert(outfile_csv_is_formula("=1"));
    cr_assert(!outfile_csv_is_formula("-1"));
    cr_assert(outfile_csv_is_formula("-1-1"));
    cr_assert(outfile_csv_is_formula("-"));
}
