/* options.c — options.csv rows: labels and variants (see options.h). */
#include "options.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/suggest.h"

void options_default_label(const char *name, char *buf, size_t n)
{
    snprintf(buf, n, "%s", name);
    for (char *p = buf; *p; p++)
        if (*p == '_') *p = ' ';
    buf[0] = (char)toupper((unsigned char)buf[0]);
}

static hs_status S_label(scenario *sc, scenario_option *o, const csvin_row *row, hs_error *e)
{
    const char *t = row->field[1];
    if (strlen(t) >= SCENARIO_LABEL_MAX)
        return csvin_error(e, row, 1, "expected a label of at most %d bytes, got %zu bytes",
                           SCENARIO_LABEL_MAX - 1, strlen(t));
    for (const char *p = t; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return csvin_error(e, row, 1,
                               "expected a label without control characters (it is printed on "
                               "charts and in the report), got one at byte %zu",
                               (size_t)(p - t) + 1);
    for (int i = 0; i < sc->nopt; i++)
        if (&sc->opt[i] != o && t[0] && strcmp(sc->opt[i].label, t) == 0)
            return csvin_error(e, row, 1,
                               "expected a label of its own, got '%s', already %s's (line %zu): "
                               "two options with one label cannot be told apart on a chart",
                               t, sc->opt[i].name, sc->opt[i].options_line);
    snprintf(o->label, sizeof o->label, "%s", t);
    return HS_OK;
}

static hs_status S_variant(scenario *sc, scenario_option *o, const csvin_row *row, hs_error *e)
{
    const char *b = row->field[2];
    if (b[0] == '\0') return HS_OK;
    if (strcmp(b, o->name) == 0)
        return csvin_error(e, row, 2,
                           "expected the option whose random streams %s shares (another option), "
                           "got '%s' itself: leave the cell empty for an option of its own",
                           o->name, b);
    int k = scenario_option_index(sc, b);
    if (k < 0) {
        const char *names[SCENARIO_MAX_OPTIONS];
        for (int i = 0; i < sc->nopt; i++)
            names[i] = sc->opt[i].name;
        const char *near = suggest_closest(b, names, (size_t)sc->nopt);
        if (near)
            return csvin_error(e, row, 2, "unknown option '%s' in variant_of (did you mean '%s'?)",
                               b, near);
        return csvin_error(e, row, 2,
                           "unknown option '%s' in variant_of: expected an option that "
                           "params.csv declares",
                           b);
    }
    const scenario_option *base = &sc->opt[k];
    if (strcmp(base->variant_of, o->name) == 0)
        return csvin_error(e, row, 2,
                           "expected a base option in variant_of, got '%s', a variant of %s "
                           "(line %zu): the two would be variants of each other",
                           b, o->name, base->options_line);
    if (base->variant_of[0])
        return csvin_error(e, row, 2,
                           "expected a base option in variant_of, got '%s', itself a variant of "
                           "'%s' (line %zu): name '%s' directly",
                           b, base->variant_of, base->options_line, base->variant_of);
    for (int i = 0; i < sc->nopt; i++)
        if (strcmp(sc->opt[i].variant_of, o->name) == 0)
            return csvin_error(e, row, 2,
                               "expected %s to stay a base option: %s is its variant (line "
                               "%zu), and a variant's base cannot be a variant itself; got "
                               "variant_of '%s'",
                               o->name, sc->opt[i].name, sc->opt[i].options_line, b);
    snprintf(o->variant_of, sizeof o->variant_of, "%s", b);
    return HS_OK;
}

hs_status options_row(scenario *sc, scenario_option *o, const csvin_row *row, hs_error *e)
{
    if (o->options_line)
        return csvin_error(e, row, 0,
                           "duplicate row: expected option '%s' once, got it again (first on "
                           "line %zu)",
                           o->name, o->options_line);
    HS_FORWARD(S_label(sc, o, row, e));
    HS_FORWARD(S_variant(sc, o, row, e));
    o->options_line = row->line;
    return HS_OK;
}
