/* fuzz_replay.h — replays every file of a folder of saved fuzz inputs through a fuzz target
 * (test_fuzz_regressions.c, test_fuzz_run.c): each must return 0 without crashing. Returns
 * how many files were replayed. */
#ifndef HS_FUZZ_REPLAY_H
#define HS_FUZZ_REPLAY_H

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>

static int fuzz_replay_dir(const char *dir, int (*target)(const uint8_t *data, size_t size))
{
    DIR *d = opendir(dir);
    cr_assert(d, "%s is missing", dir);
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        FILE *f = fopen(path, "rb");
        cr_assert(f, "%s", path);
        static uint8_t buf[1 << 20];
        size_t len = fread(buf, 1, sizeof buf, f);
        fclose(f);
        cr_assert_eq(target(buf, len), 0, "%s", path);
        n++;
    }
    closedir(d);
    return n;
}

#endif
