/* hs_file.c — opening a file the program reads (see hs_file.h). */
#define _XOPEN_SOURCE 700 /* realpath (POSIX, XSI) */
#include "hs_file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

hs_file_presence hs_file_exists(const char *path)
{
    struct stat sb;
    return lstat(path, &sb) == 0 || errno != ENOENT ? HS_FILE_PRESENT : HS_FILE_ABSENT;
}

static const char *S_kind(mode_t m)
{
    if (S_ISDIR(m)) return "a folder";
    if (S_ISFIFO(m)) return "a FIFO (named pipe)";
    if (S_ISSOCK(m)) return "a socket";
    if (S_ISCHR(m) || S_ISBLK(m)) return "a device";
    return "something other than a file";
}

/* Is the canonical path P inside the canonical folder R (or R itself)? */
static int S_inside(const char *p, const char *r)
{
    size_t n = strlen(r);
    if (n == 1 && r[0] == '/') return 1;
    return strncmp(p, r, n) == 0 && (p[n] == '/' || p[n] == '\0');
}

/* Opens the target of the symbolic link PATH, if it resolves (inside ROOT when given). */
static int S_open_link(const char *path, const char *root, hs_status code, hs_error *e)
{
    char *real = realpath(path, NULL);
    if (!real) {
        int err = errno;
        if (err == ENOMEM) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory"), -1;
        hs_error_set(e, code,
                     "%s: expected a file, got a symbolic link that leads nowhere (%s): point it "
                     "at an existing file, or replace it with the file",
                     path,
                     err == ELOOP    ? "a loop of links"
                     : err == ENOENT ? "the file it points to does not exist"
                                     : strerror(err));
        return -1;
    }
    if (root) {
        char *rr = realpath(root, NULL);
        int ok = rr && S_inside(real, rr);
        free(rr);
        if (!ok) {
            hs_error_set(e, code,
                         "%s: expected a file of the folder, got a symbolic link to '%s', which "
                         "is outside it (a scenario folder is self-contained: copy the file in)",
                         path, real);
            free(real);
            return -1;
        }
    }
    int fd = open(real, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) hs_error_set(e, code, "%s: cannot read '%s': %s", path, real, strerror(errno));
    free(real);
    return fd;
}

FILE *hs_file_open(const char *path, const char *root, size_t max, hs_status code, hs_error *e)
{
    /* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 && errno == ELOOP) /* the last component is a symbolic link */
        fd = S_open_link(path, root, code, e);
    else if (fd < 0)
        hs_error_set(e, code, "%s: cannot read: %s", path, strerror(errno));
    if (fd < 0) return NULL;
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        hs_error_set(e, code, "%s: cannot read: %s", path, strerror(errno));
        close(fd);
        return NULL;
    }
    if (!S_ISREG(sb.st_mode)) {
        hs_error_set(e, code, "%s: expected a regular file, got %s", path, S_kind(sb.st_mode));
        close(fd);
        return NULL;
    }
    if ((unsigned long long)sb.st_size > (unsigned long long)max) {
        hs_error_set(e, code,
                     "%s: expected a file of at most %zu MiB, got one of %lld bytes (is this the "
                     "right file?)",
                     path, max >> 20, (long long)sb.st_size);
        close(fd);
        return NULL;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl != -1) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        hs_error_set(e, HS_ERR_RUNTIME, "%s: cannot read: %s", path, strerror(errno));
        close(fd);
    }
    return f;
}

hs_status hs_file_read(const char *path, const char *root, size_t max, hs_status code, char **buf,
                       size_t *len, hs_error *e)
{
    FILE *f = hs_file_open(path, root, max, code, e);
    if (!f) return e ? e->code : code;
    struct stat sb;
    size_t cap = fstat(fileno(f), &sb) == 0 ? (size_t)sb.st_size + 1 : 4096, n = 0;
    char *b = malloc(cap + 1);
    while (b) {
        n += fread(b + n, 1, cap - n, f);
        if (n < cap || n > max) break; /* the end, a read error, or a file grown too large */
        char *nb = realloc(b, 2 * cap + 1);
        if (!nb) free(b);
        b = nb, cap *= 2;
    }
    int bad = ferror(f);
    fclose(f);
    if (!b) return hs_error_set(e, HS_ERR_RUNTIME, "out of memory");
    if (bad || n > max) {
        free(b);
        if (bad) return hs_error_set(e, code, "%s: read error", path);
        return hs_error_set(e, code,
                            "%s: expected a file of at most %zu MiB, got one that grew past it "
                            "while it was read",
                            path, max >> 20);
    }
    b[n] = '\0';
    *buf = b, *len = n;
    return HS_OK;
}
