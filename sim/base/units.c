/* units.c — parsing and converting the unit column (see units.h). */
#include "units.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *word;
    double hours;
} S_time;

static const S_time S_times[] = {
    {"s", 1.0 / 3600},
    {"second", 1.0 / 3600},
    {"min", 1.0 / 60},
    {"minute", 1.0 / 60},
    {"minutes", 1.0 / 60},
    {"h", 1},
    {"hour", 1},
    {"hours", 1},
    {"day", 24},
    {"days", 24},
    {"week", 168},
    {"weeks", 168},
    {"month", UNITS_HOURS_PER_MONTH},
    {"months", UNITS_HOURS_PER_MONTH},
    {"year", UNITS_HOURS_PER_YEAR},
    {"years", UNITS_HOURS_PER_YEAR},
    {"yr", UNITS_HOURS_PER_YEAR},
};

static const struct {
    const char *word;
    unit_currency cur;
} S_currencies[] = {{"CNY", CUR_CNY}, {"RMB", CUR_CNY}, {"yuan", CUR_CNY}, {"¥", CUR_CNY},
                    {"TWD", CUR_TWD}, {"NTD", CUR_TWD}, {"USD", CUR_USD},  {"$", CUR_USD}};

static const struct {
    const char *word, *canon;
} S_named[] = {
    {"messages", "messages"}, {"message", "messages"}, {"msg", "messages"}, {"req/s", "req/s"},
    {"rps", "req/s"},         {"FTE", "FTE"},          {"Mbps", "Mbps"},    {"x", "x"},
    {"factor", "x"},          {"seats", "seats"},      {"seat", "seats"},   {"agents", "seats"},
    {"count", "count"},       {"events", "count"}};

static int S_time_word(const char *w, double *h)
{
    for (size_t i = 0; i < sizeof S_times / sizeof *S_times; i++)
        if (strcmp(w, S_times[i].word) == 0) {
            *h = S_times[i].hours;
            return 0;
        }
    return -1;
}

int unit_parse(const char *text, unit_t *u, char *msg, size_t n)
{
    memset(u, 0, sizeof *u);
    char buf[64];
    size_t len = strlen(text);
    if (len >= sizeof buf) {
        snprintf(msg, n, "expected a unit such as CNY/month, got '%.40s...'", text);
        return -1;
    }
    memcpy(buf, text, len + 1);
    if (strcmp(buf, "req/s") == 0 || strcmp(buf, "rps") == 0) {
        u->kind = UNIT_NAMED;
        strcpy(u->name, "req/s");
        return 0;
    }
    char *slash = strrchr(buf, '/');
    if (slash) {
        *slash = '\0';
        if (strcmp(slash + 1, "message") == 0 || strcmp(slash + 1, "messages") == 0 ||
            strcmp(slash + 1, "msg") == 0)
            u->per_message = 1;
        else if (S_time_word(slash + 1, &u->per_hours) != 0) {
            snprintf(msg, n,
                     "expected a time after '/' (hour, day, week, month or year) or 'message', "
                     "got '%s' in '%s'",
                     slash + 1, text);
            return -1;
        }
    }
    const char *q = buf;
    if (*q == '\0') {
        if (!slash) {
            snprintf(msg, n,
                     "expected a unit (e.g. CNY, CNY/month, hours, %%, share, x), got an empty "
                     "cell");
            return -1;
        }
        u->kind = UNIT_NONE; /* "/year": events per year */
        return 0;
    }
    for (size_t i = 0; i < sizeof S_currencies / sizeof *S_currencies; i++)
        if (strcmp(q, S_currencies[i].word) == 0) {
            u->kind = UNIT_MONEY;
            u->cur = S_currencies[i].cur;
            return 0;
        }
    if (strcmp(q, "%") == 0 || strcmp(q, "percent") == 0) {
        u->kind = UNIT_FRACTION, u->frac = 0.01;
        return 0;
    }
    if (strcmp(q, "share") == 0 || strcmp(q, "fraction") == 0 || strcmp(q, "probability") == 0) {
        u->kind = UNIT_FRACTION, u->frac = 1;
        return 0;
    }
    if (S_time_word(q, &u->qty_hours) == 0) {
        u->kind = UNIT_DURATION;
        return 0;
    }
    for (size_t i = 0; i < sizeof S_named / sizeof *S_named; i++)
        if (strcmp(q, S_named[i].word) == 0) {
            u->kind = UNIT_NAMED;
            snprintf(u->name, sizeof u->name, "%s", S_named[i].canon);
            return 0;
        }
    snprintf(msg, n,
             "unknown unit '%s': expected e.g. CNY, TWD/month, messages/month, /year, hours, %%, "
             "share, req/s, FTE, Mbps, x",
             text);
    return -1;
}

static const char *S_kind_name(const unit_t *u)
{
    switch (u->kind) {
    case UNIT_NONE:
        return "a count";
    case UNIT_MONEY:
        return "money";
    case UNIT_DURATION:
        return "a duration";
    case UNIT_FRACTION:
        return "a share or %";
    case UNIT_NAMED:
        return u->name;
    }
    return "?";
}

int unit_factor(const unit_t *from, const unit_t *to, const double fx[CUR_COUNT], double *f,
                char *msg, size_t n)
{
    double k = 1;
    int same =
        from->kind == to->kind && (from->kind != UNIT_NAMED || strcmp(from->name, to->name) == 0);
    if (!same || (from->per_hours == 0) != (to->per_hours == 0) ||
        from->per_message != to->per_message) {
        snprintf(msg, n, "expected %s%s, got %s%s", S_kind_name(to),
                 to->per_hours     ? " per time"
                 : to->per_message ? " per message"
                                   : "",
                 S_kind_name(from),
                 from->per_hours     ? " per time"
                 : from->per_message ? " per message"
                                     : "");
        return -1;
    }
    switch (from->kind) {
    case UNIT_MONEY:
        k = fx[from->cur] / fx[to->cur];
        break;
    case UNIT_DURATION:
        k = from->qty_hours / to->qty_hours;
        break;
    case UNIT_FRACTION:
        k = from->frac / to->frac;
        break;
    default:
        break;
    }
    if (from->per_hours) k *= to->per_hours / from->per_hours;
    *f = k;
    return 0;
}
