/* test_suggest.c — "did you mean" (sim/base/suggest.c): the Levenshtein distance and the
 * choice of the closest candidate within max(2, len / 3) edits. The loader's and the SPEC
 * parser's messages that use it are tested in test_loader.c and test_spec.c. */
#include <criterion/criterion.h>
#include <string.h>

#include "base/suggest.h"
#include "scenario/params.h"

Test(suggest, distance_counts_insertions_deletions_and_substitutions)
{
    cr_assert_eq(suggest_distance("kitten", "sitting"), 3);
    cr_assert_eq(suggest_distance("sitting", "kitten"), 3, "symmetric");
    cr_assert_eq(suggest_distance("flaw", "lawn"), 2);
    cr_assert_eq(suggest_distance("volume_month", "volume_month"), 0);
    cr_assert_eq(suggest_distance("", "abc"), 3);
    cr_assert_eq(suggest_distance("abc", ""), 3);
    cr_assert_eq(suggest_distance("", ""), 0);
    cr_assert_eq(suggest_distance("it_fte", "it_fee"), 1);
    cr_assert_eq(suggest_distance("plan_fee", "plan_fees"), 1);
    cr_assert_eq(suggest_distance("repair_hours", "repair_hrs"), 2);
}

Test(suggest, a_swap_of_two_letters_is_two_edits)
{
    /* plain Levenshtein, not Damerau: a transposition costs a deletion and an insertion */
    cr_assert_eq(suggest_distance("ab", "ba"), 2);
    cr_assert_eq(suggest_distance("uniofrm", "uniform"), 2);
}

Test(suggest, distance_reads_at_most_64_characters_of_each_word)
{
    char a[80], b[80];
    memset(a, 'x', 70), memset(b, 'x', 70);
    a[70] = b[70] = '\0';
    a[66] = 'a', b[67] = 'b'; /* they differ only beyond character 64 */
    cr_assert_eq(suggest_distance(a, b), 0);
    b[63] = 'b';
    cr_assert_eq(suggest_distance(a, b), 1);
}

Test(suggest, closest_picks_the_nearest_candidate)
{
    const char *names[] = {"self_hosted", "cloud_hosted", "saas", "payg", "global"};
    cr_assert_str_eq(suggest_closest("cloud_hostd", names, 5), "cloud_hosted");
    cr_assert_str_eq(suggest_closest("sass", names, 5), "saas");
    cr_assert_str_eq(suggest_closest("globl", names, 5), "global");
    cr_assert_str_eq(suggest_closest("self-hosted", names, 5), "self_hosted");
}

Test(suggest, a_tie_goes_to_the_first_candidate)
{
    const char *names[] = {"cat", "cot", "cut"};
    cr_assert_str_eq(suggest_closest("cxt", names, 3), "cat");
    const char *rev[] = {"cut", "cot", "cat"};
    cr_assert_str_eq(suggest_closest("cxt", rev, 3), "cut");
}

Test(suggest, nothing_is_suggested_beyond_max_2_or_a_third_of_the_length)
{
    /* the limit is from the word typed: 12 letters allow 4 edits */
    const char *names[] = {"volume_month"};
    cr_assert_str_eq(suggest_closest("vXlXme_XoXth", names, 1), "volume_month", "4 edits");
    cr_assert_null(suggest_closest("vXlXme_XoXtX", names, 1), "5 edits");
    /* 8 letters: still the floor of 2 */
    cr_assert_null(suggest_closest("volu_mon", names, 1), "4 edits, 8 letters");
    /* 3 letters: the floor of 2 edits */
    const char *short_names[] = {"payg"};
    cr_assert_str_eq(suggest_closest("pxy", short_names, 1), "payg", "2 edits");
    cr_assert_null(suggest_closest("xyz", short_names, 1), "3 edits");
    cr_assert_null(suggest_closest("anything", short_names, 0), "no candidates");
}

Test(suggest, a_misspelt_parameter_finds_the_parameter_table_s_name)
{
    const char *names[256];
    size_t n = 0;
    for (int i = 0; i < params_count && n < 256; i++)
        if (params_defs[i].scope == PARAM_OPTION) names[n++] = params_defs[i].name;
    cr_assert_gt(n, 10u);
    cr_assert_str_eq(suggest_closest("repair_hour", names, n), "repair_hours");
    cr_assert_str_eq(suggest_closest("capacity_rsp", names, n), "capacity_rps");
    cr_assert_null(suggest_closest("zzzzzzzz", names, n));
}
