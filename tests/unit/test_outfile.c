/* test_outfile.c — atomic output files and the non-finite guard. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
