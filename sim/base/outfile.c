/* outfile.c — output files and atomic output sets (see outfile.h). */
#define _GNU_SOURCE /* renameat2 (glibc 2.28), nftw */
#include "outfile.h"

#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <dirent.h>

#include "csvtable.h"
#include "hs_path.h"

struct outfile {
    FILE *fp;
    char *tmp;     /* where it is written */
    char *final;   /* its name in the folder (for messages; the rename target of outfile_commit) */
    char *name;    /* its name in the set, NULL outside a set */
    int fields;    /* fields written on the current row */
    int failed;    /* a write error happened */
    int nonfinite; /* a NaN or infinity was about to be written */
};

int (*outfile_exchange_hook)(const char *a, const char *b);

/* ------------------------------------------------------------ files */

/* Creates a new file at PATH, never through a name that exists (a planted file or symlink
 * is not followed, not truncated). Returns the stream or NULL (errno set). */
static FILE *S_create(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) return NULL;
    FILE *fp = fdopen(fd, "w");
    if (!fp) {
        int saved = errno;
        close(fd);
        unlink(path);
        errno = saved;
    }
    return fp;
}

static outfile *S_new(const char *final)
{
    outfile *f = calloc(1, sizeof *f);
    if (f && !(f->final = strdup(final))) free(f), f = NULL;
    return f;
}

static void S_free(outfile *f)
{
    free(f->tmp);
    free(f->final);
    free(f->name);
    free(f);
}

outfile *outfile_open(const char *dir, const char *name, hs_error *e)
{
    char *final = hs_path_join(dir, name);
    outfile *f = final ? S_new(final) : NULL;
    free(final);
    size_t n = strlen(dir) + strlen(name) + 64;
    if (f) f->tmp = malloc(n);
    if (!f || !f->tmp) {
        if (f) S_free(f);
        hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    /* exclusive: a name that exists (a stale temporary, a planted symlink) is skipped */
    for (int k = 0; k < 100 && !f->fp; k++) {
        snprintf(f->tmp, n, "%s/.%s.tmp.%ld.%d", dir, name, (long)getpid(), k);
        f->fp = S_create(f->tmp);
        if (!f->fp && errno != EEXIST) break;
    }
    if (!f->fp) {
        hs_error_set(e, HS_ERR_RUNTIME, "cannot write '%s': %s", f->final, strerror(errno));
        S_free(f);
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

/* A plain decimal number: [+-]digits[.digits][(e|E)[+-]digits], or [+-].digits... */
static int S_is_decimal(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    if (*p == '+' || *p == '-') p++;
    int digits = 0;
    while (isdigit(*p))
        p++, digits++;
    if (*p == '.') {
        p++;
        while (isdigit(*p))
            p++, digits++;
    }
    if (!digits) return 0;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-') p++;
        if (!isdigit(*p)) return 0;
        while (isdigit(*p))
            p++;
    }
    return *p == '\0';
}

int outfile_csv_is_formula(const char *s)
{
    return s[0] && strchr("=+-@\t\r", s[0]) && !S_is_decimal(s);
}

int outfile_csv_write_text(FILE *fp, const char *s)
{
    char small[256];
    char *buf = NULL;
    if (outfile_csv_is_formula(s)) {
        size_t n = strlen(s);
        buf = n + 2 <= sizeof small ? small : malloc(n + 2);
        if (!buf) return -1;
        buf[0] = '\'';
        memcpy(buf + 1, s, n + 1);
        s = buf;
    }
    int rc = 0;
    if (!outfile_csv_needs_quotes(s))
        rc = fputs(s, fp) < 0 ? -1 : 0;
    else if (csv_fwrite(fp, s, strlen(s)) != 0)
        rc = -1;
    if (buf != small) free(buf);
    return rc;
}

void outfile_csv_str(outfile *f, const char *s)
{
    S_sep(f);
    if (outfile_csv_write_text(f->fp, s) != 0) f->failed = 1;
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

static hs_status S_nonfinite(const outfile *f, hs_error *e)
{
    return hs_error_set(e, HS_ERR_RUNTIME,
                        "internal error: a non-finite number (NaN or infinity) was computed for "
                        "'%s'; nothing was written. Please report it with the scenario and seed.",
                        f->final);
}

/* Flushes, fsyncs and closes f's stream. Returns 0, or the errno of the failure (-1: a
 * write error whose errno is lost). */
static int S_close(outfile *f)
{
    int bad = f->failed || ferror(f->fp);
    int saved = bad ? -1 : 0;
    if (fflush(f->fp) != 0) saved = errno ? errno : -1;
    if (!saved && fsync(fileno(f->fp)) != 0) saved = errno;
    if (fclose(f->fp) != 0 && !saved) saved = errno;
    f->fp = NULL;
    return saved;
}

static hs_status S_write_error(const outfile *f, int err, hs_error *e)
{
    return hs_error_set(e, HS_ERR_RUNTIME, "cannot write '%s': %s", f->final,
                        err > 0 ? strerror(err) : "write error");
}

hs_status outfile_commit(outfile *f, hs_error *e)
{
    if (f->nonfinite) {
        hs_status st = S_nonfinite(f, e);
        outfile_abort(f);
        return st;
    }
    int err = S_close(f);
    if (!err && rename(f->tmp, f->final) != 0) err = errno;
    if (err) {
        S_write_error(f, err, e);
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

/* ------------------------------------------------------------ name lists */

typedef struct {
    char **v;
    size_t n, cap;
    int nomem;
    int odd; /* an entry that is neither a file nor a folder (a symlink, a FIFO) */
} S_names;

static void S_names_add(S_names *l, const char *s)
{
    if (l->nomem) return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 32;
        char **v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            l->nomem = 1;
            return;
        }
        l->v = v, l->cap = cap;
    }
    if (!(l->v[l->n] = strdup(s))) {
        l->nomem = 1;
        return;
    }
    l->n++;
}

static void S_names_free(S_names *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

static int S_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void S_names_sort(S_names *l)
{
    if (l->n) qsort(l->v, l->n, sizeof *l->v, S_cmp);
}

static int S_names_has(const S_names *l, const char *s)
{
    return l->n && bsearch(&s, l->v, l->n, sizeof *l->v, S_cmp) != NULL;
}

/* A temporary of hostsim's (".NAME.tmp.PID" or ".NAME.tmp.PID.K"), which no set keeps. */
static int S_is_temp(const char *base)
{
    if (base[0] != '.') return 0;
    const char *t = strstr(base, ".tmp.");
    if (!t || t == base) return 0;
    for (const char *p = t + 5; *p; p++)
        if (!isdigit((unsigned char)*p) && *p != '.') return 0;
    return isdigit((unsigned char)t[5]);
}

#define S_WALK_MAX 100000

/* The files under ROOT/REL (regular files, as "REL/NAME"), without the lock and hostsim's
 * temporaries; l->odd counts the other entries. At most S_WALK_MAX names. */
static void S_walk(const char *root, const char *rel, int depth, S_names *l)
{
    char *path = rel[0] ? hs_path_join(root, rel) : strdup(root);
    DIR *d = path ? opendir(path) : NULL;
    if (!d) {
        if (!path || errno == ENOMEM) l->nomem = 1;
        free(path);
        return;
    }
    struct dirent *de;
    while ((de = readdir(d)) && !l->nomem && l->n < S_WALK_MAX) {
        const char *b = de->d_name;
        if (!strcmp(b, ".") || !strcmp(b, "..") || S_is_temp(b)) continue;
        if (!rel[0] && !strcmp(b, OUTFILE_LOCK)) continue;
        char *r = rel[0] ? hs_path_join(rel, b) : strdup(b);
        char *p = r ? hs_path_join(root, r) : NULL;
        struct stat sb;
        if (!r || !p) {
            l->nomem = 1;
        } else if (lstat(p, &sb) == 0 && S_ISREG(sb.st_mode)) {
            S_names_add(l, r);
        } else if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode) && depth < 8) {
            S_walk(root, r, depth + 1, l);
        } else {
            l->odd++;
            S_names_add(l, r); /* named in a refusal; never listed as a file of a set */
        }
        free(r);
        free(p);
    }
    closedir(d);
    free(path);
}

/* The files record of DIR/manifest.csv (1), or 0 when there is no manifest or no record. */
static int S_manifest_files(const char *dir, S_names *l)
{
    char *p = hs_path_join(dir, OUTFILE_MANIFEST);
    struct stat sb;
    if (!p || lstat(p, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        free(p);
        return 0;
    }
    hs_error ignore;
    csvtable *t = csvtable_load(p, &ignore);
    free(p);
    int found = 0;
    long r = t ? csvtable_find(t, 0, csvtable_col(t, "key"), "files") : -1;
    if (r >= 0) {
        char *v = strdup(csvtable_getn(t, (size_t)r, "value"));
        if (!v) l->nomem = 1;
        for (char *tok = v ? strtok(v, " ") : NULL; tok; tok = strtok(NULL, " "))
            S_names_add(l, tok);
        free(v);
        found = 1;
    }
    csvtable_free(t);
    S_names_sort(l);
    return found;
}

/* ------------------------------------------------------------ folders */

static int S_rm_one(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb, (void)type, (void)ftw;
    remove(path);
    return 0;
}

/* Removes PATH and everything under it, never following a symlink. */
static void S_rmtree(const char *path)
{
    nftw(path, S_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* Creates the folders of NAME ("a/b/c.png": ROOT/a, ROOT/a/b) under ROOT. */
static int S_mkparents(const char *root, const char *name)
{
    char *p = hs_path_join(root, name);
    if (!p) return -1;
    size_t skip = strlen(root) + 1;
    for (char *s = p + skip; *s; s++)
        if (*s == '/') {
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                free(p);
                return -1;
            }
            *s = '/';
        }
    free(p);
    return 0;
}

static int S_fsync_path(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

/* Copies FROM to a new file TO (when a hard link is not possible). */
static int S_copy(const char *from, const char *to)
{
    int in = open(from, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (in < 0) return -1;
    FILE *out = S_create(to);
    int rc = out ? 0 : -1;
    char buf[65536];
    ssize_t n;
    while (rc == 0 && (n = read(in, buf, sizeof buf)) != 0)
        if (n < 0 || fwrite(buf, 1, (size_t)n, out) != (size_t)n) rc = -1;
    if (out && fclose(out) != 0) rc = -1;
    close(in);
    return rc;
}

/* parent and base name of the real path REAL ("/a/b" gives "/a" and "b"). */
static void S_split(const char *real, char *parent, size_t n, const char **base)
{
    const char *slash = strrchr(real, '/');
    *base = slash + 1;
    size_t len = (size_t)(slash - real);
    if (len == 0) len = 1; /* "/b": the parent is "/" */
    snprintf(parent, n, "%.*s", (int)len, real);
}

/* Removes the staging folders of BASE left in PARENT by killed runs: those of a process that
 * is gone, or older than the folder's current set (a live writer's is newer: it was made
 * under the lock, after the last commit). Only called with the lock held. */
static void S_remove_stale(const char *parent, const char *base, const char *real)
{
    char prefix[NAME_MAX + 16];
    snprintf(prefix, sizeof prefix, ".%s.new-", base);
    size_t np = strlen(prefix);
    struct stat cur;
    char *mf = hs_path_join(real, OUTFILE_MANIFEST);
    int have_cur = mf && stat(mf, &cur) == 0;
    free(mf);
    DIR *d = opendir(parent);
    if (!d) return;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (strncmp(de->d_name, prefix, np) != 0) continue;
        char *end;
        long pid = strtol(de->d_name + np, &end, 10);
        if (end == de->d_name + np || *end != '-' || pid <= 0) continue;
        char *p = hs_path_join(parent, de->d_name);
        struct stat sb;
        if (p && lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            int alive = pid != (long)getpid() && (kill((pid_t)pid, 0) == 0 || errno == EPERM);
            int older = have_cur && (sb.st_mtim.tv_sec < cur.st_mtim.tv_sec ||
                                     (sb.st_mtim.tv_sec == cur.st_mtim.tv_sec &&
                                      sb.st_mtim.tv_nsec < cur.st_mtim.tv_nsec));
            if (!alive || older) S_rmtree(p);
        }
        free(p);
    }
    closedir(d);
}

/* Refuses DIR (real path REAL) when it holds files that are not those of its manifest's
 * files record. */
static hs_status S_check_owned(const outfile_set *s, hs_error *e)
{
    S_names have = {0}, listed = {0};
    S_walk(s->real, "", 0, &have);
    S_names_sort(&have);
    int recorded = have.n ? S_manifest_files(s->real, &listed) : 0;
    hs_status st = HS_OK;
    if (have.nomem || listed.nomem) st = hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    char list[600] = "";
    size_t foreign = 0;
    for (size_t i = 0; i < have.n && st == HS_OK; i++) {
        if (S_names_has(&listed, have.v[i])) {
            char *p = hs_path_join(s->real, have.v[i]);
            struct stat sb;
            int reg = p && lstat(p, &sb) == 0 && S_ISREG(sb.st_mode);
            free(p);
            if (reg) continue;
        }
        if (foreign++ < 3) {
            size_t len = strlen(list);
            snprintf(list + len, sizeof list - len, "%s'%s'", len ? ", " : "", have.v[i]);
        }
    }
    if (st == HS_OK && foreign && !(s->flags & OUTFILE_OVERWRITE)) {
        char more[64] = "";
        if (foreign > 3)
            snprintf(more, sizeof more, " and %zu more%s", foreign - 3,
                     have.n >= S_WALK_MAX ? " (at least)" : "");
        st = hs_error_set(e, HS_ERR_INPUT,
                          "'%s' holds files hostsim did not write (%s%s%s), so it is not used as "
                          "an output folder and nothing was written. Is it a scenario folder? "
                          "Give another output folder, or add --overwrite to %s",
                          s->dir, list, more, recorded ? "" : "; no manifest.csv lists its files",
                          (s->flags & OUTFILE_KEEP)
                              ? "add to it, keeping those files"
                              : "replace its contents (those files are deleted)");
    }
    S_names_free(&have);
    S_names_free(&listed);
    return st;
}

/* Locks REAL/.hostsim.lock (shared by every set of the folder: each staging folder holds a
 * hard link to it, so it survives the swap). */
static hs_status S_lock(outfile_set *s, hs_error *e)
{
    char *p = hs_path_join(s->real, OUTFILE_LOCK);
    if (!p) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    for (int tries = 0; tries < 10; tries++) {
        int fd = open(p, O_RDONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd < 0) {
            hs_status st = hs_error_set(e, HS_ERR_RUNTIME, "cannot lock the output folder '%s': %s",
                                        s->dir, strerror(errno));
            free(p);
            return st;
        }
        if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            int saved = errno;
            close(fd);
            free(p);
            if (saved != EWOULDBLOCK)
                return hs_error_set(e, HS_ERR_RUNTIME, "cannot lock the output folder '%s': %s",
                                    s->dir, strerror(saved));
            return hs_error_set(e, HS_ERR_RUNTIME,
                                "another hostsim command is writing into '%s', so nothing was "
                                "written. Wait for it to finish, or give another output folder",
                                s->dir);
        }
        /* the lock file may have been replaced while we waited: then lock the new one */
        struct stat a, b;
        if (fstat(fd, &a) == 0 && lstat(p, &b) == 0 && a.st_ino == b.st_ino &&
            a.st_dev == b.st_dev) {
            s->lock_fd = fd;
            free(p);
            return HS_OK;
        }
        close(fd);
    }
    free(p);
    return hs_error_set(e, HS_ERR_RUNTIME, "cannot lock the output folder '%s'", s->dir);
}

static void S_set_free(outfile_set *s)
{
    for (int i = 0; i < s->n; i++)
        outfile_abort(s->files[i]);
    if (s->begun && s->lock_fd >= 0) close(s->lock_fd);
    free(s->dir);
    free(s->real);
    free(s->stage);
    memset(s, 0, sizeof *s);
}

/* Fills the staging folder with hard links to the files of the current set (with
 * OUTFILE_OVERWRITE: to every file there). */
static hs_status S_carry(outfile_set *s, hs_error *e)
{
    S_names l = {0};
    if (s->flags & OUTFILE_OVERWRITE)
        S_walk(s->real, "", 0, &l);
    else
        S_manifest_files(s->real, &l);
    hs_status st = l.nomem ? hs_error_set(e, HS_ERR_RUNTIME, "out of memory") : HS_OK;
    for (size_t i = 0; i < l.n && st == HS_OK; i++) {
        char *from = hs_path_join(s->real, l.v[i]), *to = hs_path_join(s->stage, l.v[i]);
        struct stat sb;
        if (!from || !to) {
            st = hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
        } else if (lstat(from, &sb) == 0 && S_ISREG(sb.st_mode)) {
            if (S_mkparents(s->stage, l.v[i]) != 0 ||
                (link(from, to) != 0 && S_copy(from, to) != 0))
                st = hs_error_set(e, HS_ERR_RUNTIME, "cannot keep '%s/%s': %s", s->dir, l.v[i],
                                  strerror(errno));
        }
        free(from);
        free(to);
    }
    S_names_free(&l);
    return st;
}

hs_status outfile_set_begin(outfile_set *s, const char *dir, unsigned flags, hs_error *e)
{
    memset(s, 0, sizeof *s);
    s->lock_fd = -1;
    s->flags = flags;
    if (!dir[0])
        return hs_error_set(e, HS_ERR_INPUT, "expected an output folder name, got an empty one");
    struct stat sb;
    if (flags & OUTFILE_EXISTING) {
        if (stat(dir, &sb) != 0)
            return hs_error_set(e, HS_ERR_RUNTIME, "cannot read output folder '%s': %s", dir,
                                strerror(errno));
        if (!S_ISDIR(sb.st_mode))
            return hs_error_set(e, HS_ERR_RUNTIME,
                                "cannot use '%s' as an output folder: it is not a folder", dir);
    } else {
        HS_FORWARD(outfile_mkdirs(dir, e));
    }
    s->begun = 1;
    s->dir = strdup(dir);
    s->real = realpath(dir, NULL);
    if (!s->dir || !s->real) {
        hs_status st = hs_error_set(e, HS_ERR_RUNTIME, "cannot resolve the output folder '%s': %s",
                                    dir, strerror(errno));
        S_set_free(s);
        return st;
    }
    /* the folder is swapped out and removed: it must not be "/" nor hold the working folder */
    char *cwd = realpath(".", NULL);
    size_t nr = strlen(s->real);
    hs_status st = HS_OK;
    if (strcmp(s->real, "/") == 0 ||
        (cwd && strncmp(cwd, s->real, nr) == 0 && (cwd[nr] == '/' || cwd[nr] == '\0')))
        st = hs_error_set(e, HS_ERR_INPUT,
                          "cannot use '%s' as an output folder: it is, or holds, the folder you "
                          "are in (its contents are replaced as a whole); give a folder below it",
                          dir);
    free(cwd);
    char parent[PATH_MAX];
    const char *base;
    S_split(s->real, parent, sizeof parent, &base);
    /* checked before locking, so that a refused folder is not touched; again under the lock */
    if (st == HS_OK) st = S_check_owned(s, e);
    if (st == HS_OK) st = S_lock(s, e);
    if (st == HS_OK) st = S_check_owned(s, e);
    if (st == HS_OK) S_remove_stale(parent, base, s->real);
    if (st == HS_OK) {
        size_t n = strlen(parent) + strlen(base) + 64;
        s->stage = malloc(n);
        if (s->stage) snprintf(s->stage, n, "%s/.%s.new-%ld-XXXXXX", parent, base, (long)getpid());
        if (!s->stage || !mkdtemp(s->stage)) {
            st = hs_error_set(e, HS_ERR_RUNTIME,
                              "cannot create a folder beside '%s' for the new results: %s (the "
                              "folder that holds it must be writable)",
                              dir, s->stage ? strerror(errno) : "out of memory");
            free(s->stage);
            s->stage = NULL;
        }
    }
    if (st == HS_OK) {
        char *from = hs_path_join(s->real, OUTFILE_LOCK),
             *to = hs_path_join(s->stage, OUTFILE_LOCK);
        if (!from || !to || link(from, to) != 0)
            st = hs_error_set(e, HS_ERR_RUNTIME, "cannot prepare the output folder '%s': %s", dir,
                              strerror(errno));
        free(from);
        free(to);
    }
    if (st == HS_OK && (flags & OUTFILE_KEEP)) st = S_carry(s, e);
    if (st != HS_OK) outfile_set_abort(s);
    return st;
}

const char *outfile_set_stage(const outfile_set *s)
{
    return s->stage;
}

outfile *outfile_set_open(outfile_set *s, const char *dir, const char *name, hs_error *e)
{
    if (!s->begun && outfile_set_begin(s, dir, 0, e) != HS_OK) return NULL;
    if (strcmp(dir, s->dir) != 0) {
        hs_error_set(e, HS_ERR_RUNTIME, "internal error: '%s' opened in the set of '%s'", name,
                     s->dir);
        return NULL;
    }
    if (s->n >= OUTFILE_SET_MAX) {
        hs_error_set(e, HS_ERR_RUNTIME, "too many output files");
        return NULL;
    }
    char *final = hs_path_join(dir, name);
    outfile *f = final ? S_new(final) : NULL;
    free(final);
    if (f) f->tmp = hs_path_join(s->stage, name);
    if (f) f->name = strdup(name);
    if (!f || !f->tmp || !f->name) {
        if (f) S_free(f);
        hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
        return NULL;
    }
    /* a file of the kept set by that name is replaced; the new one is created exclusively */
    if (S_mkparents(s->stage, name) != 0 || (unlink(f->tmp) != 0 && errno != ENOENT) ||
        !(f->fp = S_create(f->tmp))) {
        hs_error_set(e, HS_ERR_RUNTIME, "cannot write '%s': %s", f->final, strerror(errno));
        S_free(f);
        return NULL;
    }
    s->files[s->n++] = f;
    return f;
}

/* Writes the `files` row (every file of the staging folder, sorted, space-separated). */
static int S_files_row(FILE *fp, const S_names *l)
{
    size_t len = 1;
    for (size_t i = 0; i < l->n; i++)
        len += strlen(l->v[i]) + 1;
    char *v = malloc(len);
    if (!v) return -1;
    v[0] = '\0';
    for (size_t i = 0, o = 0; i < l->n; i++) {
        o += (size_t)sprintf(v + o, "%s%s", i ? " " : "", l->v[i]);
    }
    int rc = fputs("files,", fp) < 0 || outfile_csv_write_text(fp, v) != 0 || fputc('\n', fp) < 0;
    free(v);
    return rc ? -1 : 0;
}

/* Rewrites the kept manifest.csv of the staging folder with a new files row (its other rows
 * as they are). */
static hs_status S_rewrite_manifest(outfile_set *s, const S_names *l, hs_error *e)
{
    char *path = hs_path_join(s->stage, OUTFILE_MANIFEST);
    csvtable *t = path ? csvtable_load(path, e) : NULL;
    outfile *f = t ? outfile_open(s->stage, OUTFILE_MANIFEST, e) : NULL;
    hs_status st = f ? HS_OK : (path ? e->code : hs_error_set(e, HS_ERR_RUNTIME, "out of memory"));
    if (st == HS_OK) {
        for (size_t c = 0; c < csvtable_cols(t); c++)
            outfile_csv_str(f, csvtable_header(t, c));
        outfile_csv_end(f);
        int kc = csvtable_col(t, "key");
        for (size_t r = 0; r < csvtable_rows(t); r++) {
            if (!strcmp(csvtable_get(t, r, kc), "files")) continue;
            for (size_t c = 0; c < csvtable_cols(t); c++)
                outfile_csv_str(f, csvtable_get(t, r, (int)c));
            outfile_csv_end(f);
        }
        if (S_files_row(outfile_stream(f), l) != 0) f->failed = 1;
        st = outfile_commit(f, e);
    }
    csvtable_free(t);
    free(path);
    if (st != HS_OK) outfile_set_name_errors(s, e);
    return st;
}

static int S_exchange(const char *a, const char *b)
{
    if (outfile_exchange_hook) return outfile_exchange_hook(a, b);
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
}

/* Swaps the staging folder in. Returns the path where the replaced set now is (to remove),
 * or NULL with errno set. */
static char *S_swap(outfile_set *s)
{
    if (S_exchange(s->stage, s->real) == 0) return strdup(s->stage);
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) return NULL;
    /* a file system without RENAME_EXCHANGE: two renames; the folder is briefly absent, never
     * a mix */
    size_t n = strlen(s->stage) + 8;
    char *old = malloc(n);
    if (!old) return NULL;
    snprintf(old, n, "%s.old", s->stage);
    if (rename(s->real, old) != 0) {
        free(old);
        return NULL;
    }
    if (rename(s->stage, s->real) != 0) {
        int saved = errno;
        if (rename(old, s->real) != 0) { /* nothing more can be done: say where it is */
        }
        free(old);
        errno = saved;
        return NULL;
    }
    return old;
}

hs_status outfile_set_commit(outfile_set *s, hs_error *e)
{
    if (!s->begun) return HS_OK;
    hs_status st = HS_OK;
    outfile *manifest = NULL;
    for (int i = 0; i < s->n && st == HS_OK; i++)
        if (s->files[i]->nonfinite) st = S_nonfinite(s->files[i], e);
    /* every file but the manifest made durable first */
    for (int i = 0; i < s->n && st == HS_OK; i++) {
        outfile *f = s->files[i];
        if (!strcmp(f->name, OUTFILE_MANIFEST)) {
            manifest = f;
            continue;
        }
        int err = S_close(f);
        if (err) st = S_write_error(f, err, e);
    }
    /* the files record: what the staging folder holds, the manifest included */
    S_names l = {0};
    if (st == HS_OK) {
        S_walk(s->stage, "", 0, &l);
        S_names_sort(&l);
        if (!S_names_has(&l, OUTFILE_MANIFEST)) {
            S_names_add(&l, OUTFILE_MANIFEST);
            S_names_sort(&l);
        }
        if (l.nomem || l.odd)
            st = hs_error_set(e, HS_ERR_RUNTIME, "cannot write '%s': %s", s->dir,
                              l.nomem ? "out of memory" : "an unexpected entry in the new set");
    }
    if (st == HS_OK && manifest) {
        if (S_files_row(manifest->fp, &l) != 0) manifest->failed = 1;
        int err = S_close(manifest);
        if (err) st = S_write_error(manifest, err, e);
    } else if (st == HS_OK) {
        char *p = hs_path_join(s->stage, OUTFILE_MANIFEST);
        struct stat sb;
        if (p && lstat(p, &sb) == 0) {
            st = S_rewrite_manifest(s, &l, e);
        } else {
            FILE *fp = p ? S_create(p) : NULL;
            int bad = !fp || fputs("key,value\n", fp) < 0 || S_files_row(fp, &l) != 0;
            if (fp) bad |= fflush(fp) != 0 || fsync(fileno(fp)) != 0, bad |= fclose(fp) != 0;
            if (bad)
                st = hs_error_set(e, HS_ERR_RUNTIME, "cannot write '%s/%s': %s", s->dir,
                                  OUTFILE_MANIFEST, strerror(errno));
        }
        free(p);
    }
    /* the folders of the new set made durable, then one rename swaps it in */
    for (size_t i = 0; i < l.n && st == HS_OK; i++) {
        char *slash = strrchr(l.v[i], '/');
        if (!slash) continue;
        *slash = '\0';
        char *p = hs_path_join(s->stage, l.v[i]);
        if (p) S_fsync_path(p);
        free(p);
        *slash = '/';
    }
    S_names_free(&l);
    /* private (mkdtemp's 0700) until now, so that nobody could plant a file or symlink in it;
     * it takes the mode of the folder it replaces */
    struct stat sb;
    if (st == HS_OK && stat(s->real, &sb) == 0) chmod(s->stage, sb.st_mode & 07777);
    if (st == HS_OK && S_fsync_path(s->stage) != 0)
        st = hs_error_set(e, HS_ERR_RUNTIME, "cannot write '%s': %s", s->dir, strerror(errno));
    char *old = NULL;
    if (st == HS_OK && !(old = S_swap(s)))
        st = hs_error_set(e, HS_ERR_RUNTIME, "cannot replace the results in '%s': %s", s->dir,
                          strerror(errno));
    if (old) {
        char parent[PATH_MAX];
        const char *base;
        S_split(s->real, parent, sizeof parent, &base);
        S_fsync_path(parent);
        S_rmtree(old);
        free(old);
        free(s->stage);
        s->stage = NULL;
        for (int i = 0; i < s->n; i++) /* their paths are gone with the old set */
            free(s->files[i]->tmp), s->files[i]->tmp = NULL;
    }
    outfile_set_abort(s);
    return st;
}

void outfile_set_abort(outfile_set *s)
{
    if (!s->begun) {
        for (int i = 0; i < s->n; i++)
            outfile_abort(s->files[i]);
        s->n = 0;
        return;
    }
    for (int i = 0; i < s->n; i++) {
        outfile *f = s->files[i];
        if (f->fp) fclose(f->fp);
        f->fp = NULL;
        S_free(f);
    }
    s->n = 0;
    if (s->stage) S_rmtree(s->stage);
    S_set_free(s);
}

void outfile_set_name_errors(const outfile_set *s, hs_error *e)
{
    if (!e || !s->stage) return;
    size_t ns = strlen(s->stage), nd = strlen(s->dir);
    char out[HS_ERROR_MSG_MAX];
    size_t o = 0;
    for (const char *p = e->msg; *p && o + nd + 1 < sizeof out;) {
        if (strncmp(p, s->stage, ns) == 0) {
            memcpy(out + o, s->dir, nd);
            o += nd, p += ns;
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
    memcpy(e->msg, out, o + 1);
}
