/* hs_path.h — the one path join of the tree. */
#ifndef HS_PATH_H
#define HS_PATH_H

/* "DIR/NAME", newly allocated (caller frees); NULL when out of memory. No normalisation:
 * DIR is used as given ("a/" + "b" is "a//b", which every system call reads as "a/b"). */
char *hs_path_join(const char *dir, const char *name);

#endif
