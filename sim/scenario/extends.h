/* extends.h — a scenario that extends another.
 *
 * A scenario folder may hold a file `extends` naming the folder of its base scenario (one
 * line; relative to the scenario's folder, or absolute; '#' comment lines and blank lines
 * aside). The loader then reads the base first and the scenario's own files over it: rows of
 * params.csv replace the base's by (option, parameter), rows of assets.csv by (option, item),
 * the rows of plans.csv give an option's whole tier ladder, and profile.csv or calendar.csv
 * replace the base's file whole. A base may extend another, up to EXTENDS_MAX folders in all.
 * A missing base, a base that is not a scenario folder and a cycle are input errors naming
 * the `extends` file, line and column.
 */
#ifndef HS_EXTENDS_H
#define HS_EXTENDS_H

#include "base/hs_error.h"

#define EXTENDS_MAX 8 /* a scenario and up to 7 bases */

/* The folders of a scenario, the farthest base first: dir[n - 1] is the scenario itself. */
typedef struct {
    char *dir[EXTENDS_MAX];
    int n;
} extends_chain;

/* Fills CH for the scenario folder DIR (which must exist). On error, CH holds nothing to free
 * and e is set (HS_ERR_INPUT, or HS_ERR_RUNTIME when out of memory). */
hs_status extends_chain_read(const char *dir, extends_chain *ch, hs_error *e);

/* Frees the folders still owned by CH (a caller may take some and set them to NULL). */
void extends_chain_free(extends_chain *ch);

#endif
