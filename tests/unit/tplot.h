/* tplot.h — the helpers of the chart and report tests, defined in test_plot.c: temporary copies
 * of the real output folder (HOSTSIM_TEST_OUTDIR, tests/report/outdir.sh) and small file tools. */
#ifndef HS_TPLOT_H
#define HS_TPLOT_H

#include <stddef.h>

char *tplot_slurp(const char *path, size_t *len);
char *tplot_tmpdir(void);
void tplot_copy_dir(const char *from, const char *to);
void tplot_rmtree(const char *path);
void tplot_use_repo_scripts(void);
void tplot_write(const char *path, const char *text);
char *tplot_path(const char *dir, const char *name);
const char *tplot_outdir(void);
char *tplot_manifest(const char *dir, const char *key);
/* A fresh temporary copy of the real output folder, charts drawn with the repository's
 * scripts (caller removes it with tplot_rmtree and frees the path). */
char *tplot_outdir_copy(void);
/* Removes the files names[0..n-1] of dir. */
void tplot_unlink(const char *dir, const char *const *names, size_t n);

#endif
