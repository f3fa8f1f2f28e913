/* outfile.c — atomic output files (see outfile.h). */
#include "outfile.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hs_path.h"

struct outfile {
    FILE *fp;
    char *tmp;
    char *final;
    int fields;    /* fields written on the current row */
    int failed;    /* a write error happened */
    int nonfinite; /* a NaN or infinity was about to be written */
};

outfile *outfile_open(const char *dir, const char *name, hs_error *e)
{
    outfile *f = calloc(1, sizeof *f);
    if (!f) {
        hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    f->final = hs_path_join(dir, name);
    size_t n = strlen(dir) + strlen(name) + 40;
    f->tmp = malloc(n);
    if (!f->final || !f->tmp) {
        free(f->final), free(f->tmp), free(f);
        hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    snprintf(f->tmp, n, "%s/.%s.tmp.%ld", dir, name, (long)getpid());
    f->fp = fopen(f->tmp, "w");
    if (!f->fp) {
        hs_error_set(e, HS_ERR_RUNTIME, "cannot write '%s': %s", f->final, strerror(errno));
        free(f->final), free(f->tmp), free(f);
        return NULL;
    }
    return f;
}

FILE *outfile_stream(outfile *f)
{
    return f->fp;
}

static void S_sep(outfile *f)
{
    if (f->fields++ > 0) fputc(',', f->fp);
}

/* Quotes through libcsv only when the field needs it (a comma, quote, line
 * break, or leading/trailing space), so plain names stay plain. */
int outfile_csv_needs_quotes(const char *s)
{
    size_t n = strlen(s);
    if (n && (s[0] == ' ' || s[n - 1] == ' ')) return 1;
    return strpbrk(s, ",\"\r\n") != NULL;
}

void outfile_csv_str(outfile *f, const char *s)
{
    S_sep(f);
    if (!outfile_csv_needs_quotes(s))
        fputs(s, f->fp);
    else if (csv_fwrite(f->fp, s, strlen(s)) != 0)
        f->failed = 1;
}

void outfile_format_num(char *buf, size_t n, double v)
{
    if (!isfinite(v)) { /* callers writing files go through outfile_csv_num's guard */
        snprintf(buf, n, "%s", "");
        return;
    }
    if (v == 0) v = 0; /* no "-0" */
    snprintf(buf, n, "%.10g", v);
}

void outfile_csv_num(outfile *f, double v)
{
    S_sep(f);
    if (!isfinite(v)) { /* a guard: no NaN or infinity ever reaches a file */
        f->nonfinite = 1;
        return;
    }
    char buf[64];
    outfile_format_num(buf, sizeof buf, v);
    fputs(buf, f->fp);
}

void outfile_csv_int(outfile *f, long long v)
{
    S_sep(f);
    fprintf(f->fp, "%lld", v);
}

void outfile_csv_end(outfile *f)
{
    fputc('\n', f->fp);
    f->fields = 0;
}

static void S_free(outfile *f)
{
    free(f->tmp);
    free(f->final);
    free(f);
}

static hs_status S_nonfinite(const outfile *f, hs_error *e)
{
    return hs_error_set(e, HS_ERR_RUNTIME,
                        "internal error: a non-finite number (NaN or infinity) was computed for "
                        "'%s'; nothing was written. Please report it with the scenario and seed.",
                        f->final);
}

hs_status outfile_commit(outfile *f, hs_error *e)
{
    if (f->nonfinite) {
        hs_status st = S_nonfinite(f, e);
        outfile_abort(f);
        return st;
    }
    int bad = f->failed || ferror(f->fp);
    if (fflush(f->fp) != 0) bad = 1;
    int saved = errno;
    if (!bad && fsync(fileno(f->fp)) != 0) bad = 1, saved = errno;
    if (fclose(f->fp) != 0 && !bad) bad = 1, saved = errno;
    f->fp = NULL;
    if (!bad && rename(f->tmp, f->final) != 0) bad = 1, saved = errno;
    if (bad) {
        hs_error_set(e, HS_ERR_RUNTIME, "cannot write '%s': %s", f->final,
                     saved ? strerror(saved) : "write error");
        unlink(f->tmp);
        S_free(f);
        return HS_ERR_RUNTIME;
    }
    S_free(f);
    return HS_OK;
}

void outfile_abort(outfile *f)
{
    if (!f) return;
    if (f->fp) fclose(f->fp);
    unlink(f->tmp);
    S_free(f);
}

hs_status outfile_mkdirs(const char *dir, hs_error *e)
{
    if (!*dir) /* p + 1 below would read past the end */
        return hs_error_set(e, HS_ERR_INPUT, "expected an output folder name, got an empty one");
    char *p = strdup(dir);
    if (!p) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    for (char *s = p + 1;; s++) {
        char c = *s;
        if (c == '/' || c == '\0') {
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                hs_status st = hs_error_set(e, HS_ERR_RUNTIME, "cannot create folder '%s': %s", p,
                                            strerror(errno));
                free(p);
                return st;
            }
            struct stat sb;
            if (stat(p, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
                hs_status st =
                    hs_error_set(e, HS_ERR_RUNTIME,
                                 "cannot use '%s' as an output folder: it is not a folder", p);
                free(p);
                return st;
            }
            if (c == '\0') break;
            *s = c;
        }
    }
    free(p);
    if (access(dir, W_OK) != 0)
        return hs_error_set(e, HS_ERR_RUNTIME, "cannot write into folder '%s': %s", dir,
                            strerror(errno));
    return HS_OK;
}

outfile *outfile_set_open(outfile_set *s, const char *dir, const char *name, hs_error *e)
{
    if (s->n >= OUTFILE_SET_MAX) {
        hs_error_set(e, HS_ERR_RUNTIME, "too many output files");
        return NULL;
    }
    outfile *f = outfile_open(dir, name, e);
    if (f) s->files[s->n++] = f;
    return f;
}

hs_status outfile_set_commit(outfile_set *s, hs_error *e)
{
    /* First make every file durable; rename only when all succeeded. */
    hs_status st = HS_OK;
    for (int i = 0; i < s->n; i++)
        if (s->files[i]->nonfinite) {
            st = S_nonfinite(s->files[i], e);
            outfile_set_abort(s);
            return st;
        }
    for (int i = 0; i < s->n; i++) {
        outfile *f = s->files[i];
        int bad = f->failed || ferror(f->fp) || fflush(f->fp) != 0 || fsync(fileno(f->fp)) != 0;
        int saved = errno;
        if (fclose(f->fp) != 0) bad = 1, saved = errno;
        f->fp = NULL;
        if (bad && st == HS_OK)
            st = hs_error_set(e, HS_ERR_RUNTIME, "cannot write '%s': %s", f->final,
                              saved ? strerror(saved) : "write error");
    }
    for (int i = 0; i < s->n; i++) {
        outfile *f = s->files[i];
        if (st == HS_OK && rename(f->tmp, f->final) != 0)
            st =
                hs_error_set(e, HS_ERR_RUNTIME, "cannot write '%s': %s", f->final, strerror(errno));
        unlink(f->tmp);
        S_free(f);
    }
    s->n = 0;
    return st;
}

void outfile_set_abort(outfile_set *s)
{
    for (int i = 0; i < s->n; i++)
        outfile_abort(s->files[i]);
    s->n = 0;
}
