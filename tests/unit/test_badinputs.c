/* test_badinputs.c — the bad-input corpus, through the library.
 *
 * Each folder tests/data/bad/<case>/ is the good scenario with one defect,
 * plus `exit` (the exit code hostsim must return) and `expected` (one bash/
 * fnmatch glob per line; each must match part of the message; '*', '?', '['
 * and ']' are escaped with '\'). Every case is loaded the way `hostsim
 * validate` loads it (scenario_open, then the horizon check from
 * 2027-01-01): it must fail with that exit code and that message.
 * tests/cli/run.sh runs the same corpus through the binary.
 *
 * More cases are generated in a temporary folder rather than committed: a
 * 10 MB line, 100,000 rows, a FIFO named params.csv (which must not block the
 * loader) and a 2 GB sparse profile.csv (refused before it is read).
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "scenario/scenario.h"

#define S_CORPUS "tests/data/bad"
#define S_MIN_CASES 40

static void S_to_root(void)
{
    if (access(S_CORPUS, R_OK) != 0 && chdir("../..") != 0) return;
}

static void S_init(void)
{
    hs_gsl_init();
    S_to_root();
}

typedef struct {
    char name[96];
} S_case;

static int S_cmp(const void *a, const void *b)
{
    return strcmp(((const S_case *)a)->name, ((const S_case *)b)->name);
}

/* The case folders, sorted; *n is their number. Allocated with cr_malloc when shared (Criterion
 * passes parameters to the test processes), else with malloc. */
static S_case *S_cases(size_t *n, int shared)
{
    S_to_root();
    *n = 0;
    DIR *d = opendir(S_CORPUS);
    if (!d) return NULL;
    size_t cap = 128;
    S_case *c = shared ? cr_malloc(cap * sizeof *c) : malloc(cap * sizeof *c);
    struct dirent *ent;
    while (c && (ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.') continue;
        char path[512];
        struct stat sb;
        snprintf(path, sizeof path, "%s/%s", S_CORPUS, ent->d_name);
        if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode)) continue;
        if (*n == cap || strlen(ent->d_name) >= sizeof c[*n].name) break;
        memcpy(c[*n].name, ent->d_name, strlen(ent->d_name) + 1);
        (*n)++;
    }
    closedir(d);
    if (c) qsort(c, *n, sizeof *c, S_cmp);
    return c;
}

static void S_free_cases(struct criterion_test_params *p)
{
    cr_free(p->params);
}

static char *S_slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = malloc(1 << 16);
    size_t n = buf ? fread(buf, 1, (1 << 16) - 1, f) : 0;
    fclose(f);
    if (buf) buf[n] = '\0';
    return buf;
}

/* Loads dir as `hostsim validate` does; returns the exit code and fills e. */
static int S_validate(const char *dir, hs_error *e)
{
    hs_error_clear(e);
    scenario *sc = scenario_open(dir, NULL, 0, e);
    if (!sc) return hs_exit_code(e->code);
    cal_date start = {2027, 1, 1};
    hs_status st = scenario_check_horizon(sc, start, 5, e);
    scenario_free(sc);
    return hs_exit_code(st);
}

/* Checks that every line of the glob list `expected` matches part of msg. */
static void S_check_message(const char *name, const char *msg, const char *expected)
{
    char *copy = strdup(expected);
    cr_assert_not_null(copy);
    for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n")) {
        size_t k = strlen(line);
        if (k && line[k - 1] == '\r') line[--k] = '\0';
        if (!k) continue;
        char *pat = malloc(k + 3);
        cr_assert_not_null(pat);
        snprintf(pat, k + 3, "*%s*", line);
        cr_expect_eq(fnmatch(pat, msg, 0), 0, "%s: the message\n%s\nlacks the expected line\n%s",
                     name, msg, line);
        free(pat);
    }
    free(copy);
}

ParameterizedTestParameters(badinputs, each_case_fails_with_its_exit_code_and_message)
{
    size_t n;
    S_case *c = S_cases(&n, 1);
    return cr_make_param_array(S_case, c, n, S_free_cases);
}

ParameterizedTest(S_case *c, badinputs, each_case_fails_with_its_exit_code_and_message,
                  .init = S_init)
{
    char dir[256], path[320];
    snprintf(dir, sizeof dir, "%s/%.96s", S_CORPUS, c->name);
    snprintf(path, sizeof path, "%s/exit", dir);
    char *exit_text = S_slurp(path);
    snprintf(path, sizeof path, "%s/expected", dir);
    char *expected = S_slurp(path);
    cr_assert_not_null(exit_text, "%s: no 'exit' file", c->name);
    cr_assert_not_null(expected, "%s: no 'expected' file", c->name);
    hs_error e;
    int rc = S_validate(dir, &e);
    cr_expect_eq(rc, atoi(exit_text), "%s: exit code %d, expected %d (message: %s)", c->name, rc,
                 atoi(exit_text), e.msg);
    S_check_message(c->name, e.msg, expected);
    free(exit_text);
    free(expected);
}

Test(badinputs, the_corpus_has_at_least_forty_cases, .init = S_init)
{
    size_t n;
    S_case *c = S_cases(&n, 0);
    cr_expect_geq(n, S_MIN_CASES, "%zu cases under %s", n, S_CORPUS);
    free(c);
}

Test(badinputs, the_good_scenario_itself_passes, .init = S_init)
{
    hs_error e;
    cr_expect_eq(S_validate("tests/data/good", &e), 0, "%s", e.msg);
}

/* ------------------------------------------------ generated large inputs */

static char S_tmp[256];

static void S_copy_good(void)
{
    S_init();
    snprintf(S_tmp, sizeof S_tmp, "%s/hostsim-bad.XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    cr_assert_not_null(mkdtemp(S_tmp));
    const char *files[] = {"params.csv", "profile.csv", "calendar.csv", "assets.csv"};
    for (size_t i = 0; i < 4; i++) {
        char src[256], dst[512];
        snprintf(src, sizeof src, "tests/data/good/%s", files[i]);
        snprintf(dst, sizeof dst, "%s/%s", S_tmp, files[i]);
        char *buf = S_slurp(src);
        cr_assert_not_null(buf, "cannot read %s", src);
        FILE *f = fopen(dst, "wb");
        cr_assert_not_null(f);
        fputs(buf, f);
        fclose(f);
        free(buf);
    }
}

static void S_remove_tmp(void)
{
    const char *files[] = {"params.csv", "profile.csv", "calendar.csv", "assets.csv"};
    for (size_t i = 0; i < 4; i++) {
        char p[512];
        snprintf(p, sizeof p, "%s/%s", S_tmp, files[i]);
        remove(p);
    }
    rmdir(S_tmp);
}

Test(badinputs, a_10_mb_line_is_rejected_with_its_length, .init = S_copy_good, .fini = S_remove_tmp)
{
    char path[512];
    snprintf(path, sizeof path, "%s/params.csv", S_tmp);
    FILE *f = fopen(path, "ab");
    cr_assert_not_null(f);
    fputs("on_prem,energy,1800,CNY/month,", f);
    for (int i = 0; i < 10000000; i++)
        fputc('x', f);
    fputc('\n', f);
    fclose(f);
    hs_error e;
    cr_expect_eq(S_validate(S_tmp, &e), 2);
    S_check_message(
        "10 MB line", e.msg,
        "*/params.csv:21:1: expected a line of at most 1048576 bytes, got one of "
        "10000030 bytes\n  > on_prem,energy,1800,CNY/month,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx ...");
}

Test(badinputs, a_file_of_100000_rows_is_rejected_at_the_row_limit, .init = S_copy_good,
     .fini = S_remove_tmp)
{
    char path[512];
    snprintf(path, sizeof path, "%s/calendar.csv", S_tmp);
    FILE *f = fopen(path, "ab");
    cr_assert_not_null(f);
    for (int i = 0; i < 100000; i++)
        fprintf(f, "sale_%d,2027-03-01,2027-03-02,1.5,generated\n", i);
    fclose(f);
    hs_error e;
    cr_expect_eq(S_validate(S_tmp, &e), 2);
    S_check_message("100,000 rows", e.msg,
                    "*/calendar.csv:10001:1: expected at most 10000 rows in a file, got more (is "
                    "this the right file?)\n  > sale_9996,2027-03-01,2027-03-02,1.5,generated");
}

Test(badinputs, a_fifo_named_params_csv_is_refused_without_blocking, .init = S_copy_good,
     .fini = S_remove_tmp, .timeout = 30)
{
    char path[512];
    snprintf(path, sizeof path, "%s/params.csv", S_tmp);
    cr_assert_eq(remove(path), 0);
    cr_assert_eq(mkfifo(path, 0600), 0);
    hs_error e;
    cr_expect_eq(S_validate(S_tmp, &e), 2);
    S_check_message("FIFO", e.msg,
                    "*/params.csv: expected a regular file, got a FIFO (named pipe)");
}

Test(badinputs, a_2_gb_sparse_file_is_refused_before_it_is_read, .init = S_copy_good,
     .fini = S_remove_tmp)
{
    char path[512];
    snprintf(path, sizeof path, "%s/profile.csv", S_tmp);
    cr_assert_eq(truncate(path, (off_t)2 << 30), 0);
    hs_error e;
    clock_t t0 = clock();
    cr_expect_eq(S_validate(S_tmp, &e), 2);
    double cpu = (double)(clock() - t0) / CLOCKS_PER_SEC;
    S_check_message(
        "2 GB", e.msg,
        "*/profile.csv: expected a file of at most 16 MiB, got one of 2147483648 bytes");
    cr_expect_lt(cpu, 0.5, "%.2f s of CPU: the file was read", cpu);
}
