/* test_report_voi.c — the report's value-of-information section (sim/report/report_voi.c),
 * from a voi.csv written here. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/report_voi.h"

static void S_esc(FILE *f, const char *s)
{
    for (; *s; s++)
        if (*s == '<')
            fputs("&lt;", f);
        else
            fputc(*s, f);
}

/* The section written from CSV text (caller frees). */
static char *S_section(const char *csv)
{
    char path[] = "/tmp/hs-voi-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    cr_assert_eq(write(fd, csv, strlen(csv)), (ssize_t)strlen(csv));
    close(fd);
    hs_error e = {0};
    csvtable *t = csvtable_load(path, &e);
    cr_assert_not_null(t, "%s", e.msg);
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    report_voi_section(f, t, "/nonexistent", S_esc); /* no options.csv: ids made readable */
    fclose(f);
    csvtable_free(t);
    unlink(path);
    return buf;
}

static const char S_header[] =
    "metric,decision,input,input_unit,rank,evpi_cny,evpi_se_cny,evppi_cny,evppi_null_cny,"
    "evppi_share,flip_point,best_below,best_above,p_beyond,trajectories,bins\n";

Test(report_voi, lists_the_tco_rows_with_flip_points_and_the_option_then_best)
{
    char csv[2048];
    snprintf(csv, sizeof csv,
             "%s"
             "tco,saas,payg.message_fee,CNY/message,1,14277,533,11613,296,0.813,0.01816,payg,"
             "saas,0.399,2000,44\n"
             "tco,saas,x.<b>,x,2,14277,533,300,296,0.02,,,,,2000,44\n"
             "net_cost,saas,only.on_net,x,1,9000,500,8000,296,0.9,,,,,2000,44\n",
             S_header);
    char *html = S_section(csv);
    cr_assert_not_null(strstr(html, "<section id=\"voi\">"));
    cr_expect_not_null(strstr(html, "<strong>Saas</strong>"), "the decision");
    cr_expect_not_null(strstr(html, "14,277 CNY"), "the EVPI");
    cr_expect_not_null(strstr(html,
                              "<td><code>payg.message_fee</code></td><td class=\"num\">11,613</td>"
                              "<td class=\"num\">81.3 %</td><td class=\"num\">0.01816</td>"
                              "<td>CNY/message</td><td>Payg</td><td class=\"num\">0.399</td>"),
                       "%s", html);
    cr_expect_not_null(strstr(html, "x.&lt;b>"), "input names escaped");
    cr_expect_null(strstr(html, "only.on_net"), "tco rows only");
    free(html);
}

Test(report_voi, without_voi_csv_or_tco_rows_there_is_no_section)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    report_voi_section(f, NULL, "/nonexistent", S_esc);
    fclose(f);
    cr_expect_eq(n, 0);
    free(buf);
    char csv[1024];
    snprintf(csv, sizeof csv, "%snet_cost,saas,a.b,x,1,1,1,1,0,1,,,,,10,3\n", S_header);
    char *html = S_section(csv);
    cr_expect_eq(strlen(html), 0);
    free(html);
}
