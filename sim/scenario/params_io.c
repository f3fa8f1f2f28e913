/* params_io.c — parameter listings (see params_io.h). */
#include "params_io.h"

#include <csv.h>
#include <string.h>

#include "base/outfile.h"
#include "param_slot.h"

void params_io_each(const scenario *sc, params_io_fn fn, void *ctx)
{
    PARAM_SLOTS_FOREACH (s, sc->nopt, PARAM_SLOTS_BY_OWNER)
        fn(ctx, param_slot_owner(sc, &s), s.d, PARAM_SLOT_OF(s, sc->g, sc->opt[s.opt].p));
}

static void S_field(FILE *fp, const char *s, int last)
{
    outfile_csv_write_text(fp, s); /* neutralised and quoted as every output's text cells */
    fputc(last ? '\n' : ',', fp);
}

static void S_csv_row(void *ctx, const char *option, const param_def *d, const param_value *v)
{
    FILE *fp = ctx;
    char mean[64];
    outfile_format_num(mean, sizeof mean, spec_mean(&v->s));
    S_field(fp, option, 0);
    S_field(fp, d->name, 0);
    S_field(fp, v->text, 0);
    S_field(fp, v->unit, 0);
    S_field(fp, mean, 0);
    S_field(fp, d->unit, 0);
    S_field(fp, v->source, 1);
}

void params_io_write_csv(const scenario *sc, FILE *fp)
{
    fputs("option,parameter,spec,unit,mean,canonical_unit,source\n", fp);
    params_io_each(sc, S_csv_row, fp);
}

static void S_table_row(void *ctx, const char *option, const param_def *d, const param_value *v)
{
    FILE *fp = ctx;
    char mean[64];
    outfile_format_num(mean, sizeof mean, spec_mean(&v->s));
    char name[80];
    snprintf(name, sizeof name, "%s.%s", option, d->name);
    /* scenario text is shown escaped: no control character reaches the terminal */
    char text[4 * SCENARIO_SPEC_MAX], unit[256], source[4 * SCENARIO_SOURCE_MAX];
    hs_error_escape(text, sizeof text, v->text);
    hs_error_escape(unit, sizeof unit, v->unit);
    hs_error_escape(source, sizeof source, v->source);
    fprintf(fp, "%-40s %-28s %-16s %14s %-16s %s\n", name, text, unit, mean, d->unit, source);
}

void params_io_write_table(const scenario *sc, FILE *fp)
{
    fprintf(fp, "%-40s %-28s %-16s %14s %-16s %s\n", "parameter", "spec", "unit", "mean",
            "(mean unit)", "source");
    params_io_each(sc, S_table_row, fp);
}
