#!/usr/bin/env python3
"""make_fixture.py — writes tests/data/fixture_out/, a hand-made output folder.

The charts (plots/*.gp), the report (sim/report.c) and their tests were written
while the engine was being written, so they read this fixture instead of a real
run. It follows docs/outputs.md column for column; the values are plausible for
the default study (5-year tco: self_hosted ~¥600k, cloud_hosted ~¥450k,
saas ~¥180k, payg ~¥250k) but come from simple random draws here, not from the
model. Deterministic: the same script writes the same bytes.

Usage: python3 tests/data/make_fixture.py [OUTDIR]   (default: beside this file)
"""
import csv
import math
import os
import random
import sys
from datetime import date, timedelta

N = 2000            # trajectories
YEARS = 5
MONTHS = 12 * YEARS
SEED = 42
START = date(2025, 1, 1)
HOURS = 24 * (date(2030, 1, 1) - START).days

OPTIONS = ["self_hosted", "cloud_hosted", "saas", "payg"]
SLA = {"self_hosted": None, "cloud_hosted": 0.999, "saas": 0.995, "payg": 0.995}
CATEGORIES = ["hardware", "licences", "labour", "energy", "hosting", "plan", "usage",
              "upgrades", "security", "outage_loss", "golive_delay", "setup"]
# mean 5-year cost by category (CNY); each option's means sum to its target tco
MEANS = {
    "self_hosted": dict(hardware=120e3, licences=95e3, labour=200e3, energy=45e3, upgrades=60e3,
                        security=35e3, outage_loss=25e3, golive_delay=20e3),
    "cloud_hosted": dict(hosting=150e3, licences=80e3, labour=140e3, upgrades=35e3, security=20e3,
                         outage_loss=10e3, golive_delay=15e3),
    "saas": dict(plan=120e3, usage=25e3, labour=20e3, security=4e3, outage_loss=8e3,
                 golive_delay=3e3),
    "payg": dict(usage=190e3, labour=25e3, security=4e3, outage_loss=8e3, golive_delay=3e3,
                 setup=20e3),
}
CV = dict(hardware=0.10, licences=0.12, labour=0.15, energy=0.15, hosting=0.12, plan=0.10,
          usage=0.25, upgrades=0.30, security=0.6, outage_loss=0.8, golive_delay=0.4, setup=0.2)
DOWNTIME = {"self_hosted": (45.0, 0.45), "cloud_hosted": (7.0, 0.5), "saas": (6.0, 0.5),
            "payg": (6.5, 0.5)}   # median hours/year, lognormal sigma


def g(v):
    """Numbers the way every output file prints them (%.10g, no -0)."""
    if v == 0:
        v = 0.0
    return format(v, ".10g")


def quantile(s, p):
    """Linear interpolation between order statistics (as GSL does); s sorted."""
    if len(s) == 1:
        return s[0]
    h = (len(s) - 1) * p
    i = int(math.floor(h))
    if i >= len(s) - 1:
        return s[-1]
    return s[i] + (h - i) * (s[i + 1] - s[i])


PS = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95]


def stats(xs):
    s = sorted(xs)
    n = len(s)
    mean = sum(s) / n
    sd = math.sqrt(sum((x - mean) ** 2 for x in s) / (n - 1)) if n > 1 else 0.0
    q = [quantile(s, p) for p in PS]
    tail = [x for x in s if x >= q[-1]]
    return [mean, sd, sd / math.sqrt(n)] + q + [sum(tail) / len(tail)]


def lognormal_mean_cv(r, mean, cv):
    if mean == 0:
        return 0.0
    sig = math.sqrt(math.log(1 + cv * cv))
    mu = math.log(mean) - sig * sig / 2
    return r.lognormvariate(mu, sig)


def month_weights(cat, opt):
    """Share of a category's 5-year cost that falls in each month (sums to 1)."""
    w = [0.0] * MONTHS
    if cat in ("setup", "golive_delay"):
        w[0], w[1] = 0.7, 0.3
    elif cat == "hardware":
        w[0] = 0.7
        w[36] = 0.3           # replacement in year 4
    elif cat == "licences":
        w[0] = 0.5
        for m in range(12, MONTHS):
            w[m] = 0.5 / (MONTHS - 12)
    elif cat in ("usage", "plan"):
        for m in range(MONTHS):
            w[m] = 1.012 ** m
    elif cat == "upgrades":
        for m in (14, 29, 44, 59):
            w[m] = 0.25
    elif cat == "labour":
        for m in range(MONTHS):
            w[m] = 1.4 if m >= 36 else 1.0   # +40 % maintenance after year 3
    else:
        w = [1.0] * MONTHS
    s = sum(w)
    return [x / s for x in w]


def write(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(r)


def hist_rows(opt, other, metric, xs, bins=30):
    lo, hi = min(xs), max(xs)
    span = hi - lo
    # round the range outward to a readable bin width
    step = 10 ** math.floor(math.log10(span / bins))
    width = min((m * step for m in (1, 2, 2.5, 5, 10)), key=lambda w: abs(span / w - bins))
    lo = math.floor(lo / width) * width
    nb = int(math.ceil((hi - lo) / width))
    if lo + nb * width <= hi:
        nb += 1
    counts = [0] * nb
    for x in xs:
        counts[min(nb - 1, int((x - lo) // width))] += 1
    return [[opt, other, metric, g(lo + i * width), g(lo + (i + 1) * width), c,
             g(c / (len(xs) * width))] for i, c in enumerate(counts)]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__),
                                                               "fixture_out")
    os.makedirs(out, exist_ok=True)
    r = random.Random(SEED)

    # ---- per-trajectory draws; a shared demand factor makes the options paired ----
    demand = [r.lognormvariate(0, 0.12) for _ in range(N)]
    cats = {o: {c: [] for c in CATEGORIES} for o in OPTIONS}
    for t in range(N):
        for o in OPTIONS:
            for c in CATEGORIES:
                m = MEANS[o].get(c, 0.0)
                v = lognormal_mean_cv(r, m, CV[c])
                if c in ("usage", "plan", "outage_loss"):
                    v *= demand[t] / math.exp(0.12 ** 2 / 2)
                cats[o][c].append(v)
    tco = {o: [sum(cats[o][c][t] for c in CATEGORIES) for t in range(N)] for o in OPTIONS}
    weights = {o: {c: month_weights(c, o) for c in CATEGORIES} for o in OPTIONS}
    rate = (1.06) ** (1 / 12) - 1
    npv = {}
    cum = {}
    for o in OPTIONS:
        npv[o] = []
        cum[o] = [[0.0] * N for _ in range(MONTHS)]
        for t in range(N):
            acc = 0.0
            disc = 0.0
            for m in range(MONTHS):
                inc = sum(cats[o][c][t] * weights[o][c][m] for c in CATEGORIES)
                acc += inc
                disc += inc / (1 + rate) ** (m + 1)
                cum[o][m][t] = acc
            npv[o].append(disc)
    dt = {}
    for o in OPTIONS:
        med, sig = DOWNTIME[o]
        dt[o] = [YEARS * r.lognormvariate(math.log(med), sig) for _ in range(N)]
    lost = {o: [dt[o][t] * 38.0 * demand[t] * r.uniform(0.6, 1.4) +
                (2500 * r.random() if o == "self_hosted" else 0.0) for t in range(N)]
            for o in OPTIONS}
    overflow = {o: [(r.gammavariate(2.0, 15.0) if o == "self_hosted" else r.gammavariate(0.5, 1.0))
                    for _ in range(N)] for o in OPTIONS}
    inc_rate = {"self_hosted": 4.2, "cloud_hosted": 1.5, "saas": 0.3, "payg": 0.3}

    def poisson(lam):
        k, p, lim = 0, 1.0, math.exp(-lam)
        while True:
            p *= r.random()
            if p <= lim:
                return k
            k += 1

    incidents = {o: [float(poisson(inc_rate[o] * YEARS)) for _ in range(N)] for o in OPTIONS}
    breaches = {o: [float(sum(1 for _ in range(int(x)) if r.random() < 0.05)) for x in incidents[o]]
                for o in OPTIONS}

    # ---- summary.csv ----
    rows = []
    for o in OPTIONS:
        metrics = [
            ("tco", "CNY", tco[o]),
            ("tco_npv", "CNY", npv[o]),
            ("downtime_hours", "hours", dt[o]),
            ("downtime_hours_per_year", "hours/year", [x / YEARS for x in dt[o]]),
            ("availability", "share", [1 - x / HOURS for x in dt[o]]),
            ("messages_lost", "messages", lost[o]),
            ("messages_delayed", "messages", [x * 55.0 for x in overflow[o]]),
            ("overflow_hours", "hours", overflow[o]),
            ("security_incidents", "count", incidents[o]),
            ("breaches", "count", breaches[o]),
            ("depreciation", "CNY", [x * 0.75 for x in cats[o]["hardware"]]),
        ] + [("cost." + c, "CNY", cats[o][c]) for c in CATEGORIES]
        for name, unit, xs in metrics:
            rows.append([o, name, unit] + [g(v) for v in stats(xs)])
    write(f"{out}/summary.csv", ["option", "metric", "unit", "mean", "sd", "se", "p5", "p10", "p25",
                                 "p50", "p75", "p90", "p95", "cvar95"], rows)

    # ---- monthly.csv ----
    rows = []
    mean_cum = {}
    for o in OPTIONS:
        mean_cum[o] = []
        for m in range(MONTHS):
            s = sorted(cum[o][m])
            mu = sum(s) / N
            mean_cum[o].append(mu)
            d = date(START.year + (START.month - 1 + m) // 12, (START.month - 1 + m) % 12 + 1, 1)
            rows.append([o, m + 1, d.isoformat(), g(mu)] +
                        [g(quantile(s, p)) for p in (0.05, 0.25, 0.5, 0.75, 0.95)])
    write(f"{out}/monthly.csv", ["option", "month", "date", "mean", "p5", "p25", "p50", "p75", "p95"],
          rows)

    # ---- compare.csv ----
    rows = []
    for a in OPTIONS:
        for b in OPTIONS:
            if a == b:
                continue
            d = [tco[a][t] - tco[b][t] for t in range(N)]
            s = sorted(d)
            st = stats(d)
            be = ""
            for m in range(MONTHS):
                if all(mean_cum[a][k] <= mean_cum[b][k] for k in range(m, MONTHS)):
                    be = m + 1
                    break
            rows.append([a, b, g(sum(1 for x in d if x < 0) / N), g(st[0]), g(st[2])] +
                        [g(quantile(s, p)) for p in (0.05, 0.25, 0.5, 0.75, 0.95)] + [be])
    write(f"{out}/compare.csv", ["option_a", "option_b", "p_a_cheaper", "mean_diff", "se_diff", "p5",
                                 "p25", "p50", "p75", "p95", "breakeven_month"], rows)

    # ---- hist.csv, cdf.csv ----
    rows = []
    for o in OPTIONS:
        rows += hist_rows(o, "", "tco", tco[o])
    for o in OPTIONS:
        rows += hist_rows(o, "", "downtime_hours_per_year", [x / YEARS for x in dt[o]])
    med = sorted(OPTIONS, key=lambda o: quantile(sorted(tco[o]), 0.5))
    a, b = med[0], med[1]
    rows += hist_rows(a, b, "tco_diff", [tco[a][t] - tco[b][t] for t in range(N)])
    write(f"{out}/hist.csv", ["option", "other", "metric", "bin_lo", "bin_hi", "count", "density"],
          rows)
    rows = []
    for o in OPTIONS:
        for metric, xs in (("tco", tco[o]), ("downtime_hours_per_year", [x / YEARS for x in dt[o]])):
            s = sorted(xs)
            for k in range(101):
                rows.append([o, metric, g(k / 100), g(quantile(s, k / 100))])
    write(f"{out}/cdf.csv", ["option", "metric", "p", "value"], rows)

    # ---- profile.csv: 72 % of the week's messages Mon-Fri 09-18 ----
    shape = [0.2, 0.15, 0.1, 0.1, 0.1, 0.15, 0.3, 0.6, 1.0, 1.6, 1.9, 1.8, 1.3, 1.5, 1.8, 1.9,
             1.7, 1.4, 1.0, 0.9, 0.8, 0.7, 0.5, 0.3]
    day = [1.0, 1.05, 1.0, 1.0, 0.95, 0.55, 0.45]
    raw = {(wd, h): day[wd - 1] * shape[h] for wd in range(1, 8) for h in range(24)}
    inside = {k for k in raw if k[0] <= 5 and 9 <= k[1] < 18}
    si = sum(raw[k] for k in inside)
    so = sum(raw[k] for k in raw if k not in inside)
    rows = [[wd, h, g(round(raw[(wd, h)] * (0.72 / si if (wd, h) in inside else 0.28 / so), 8))]
            for wd in range(1, 8) for h in range(24)]
    write(f"{out}/profile.csv", ["weekday", "hour", "share"], rows)

    # ---- daily.csv: first year of trajectory 0 ----
    rows = []
    daily_msgs = []
    for k in range(365):
        d = START + timedelta(days=k)
        wd = d.isoweekday()
        base = 1200 * 1.012 ** (k / 30.4) * (1.15 if wd <= 5 else 0.5)
        boost = 1.0
        if date(2025, 1, 15) <= d <= date(2025, 1, 27):        # before the spring festival
            boost = 4.0
        if date(2025, 6, 10) <= d <= date(2025, 6, 18):        # 618
            boost = 2.0
        if date(2025, 11, 1) <= d <= date(2025, 11, 11):       # Double 11
            boost = 4.0
        daily_msgs.append(round(base * boost * r.lognormvariate(0, 0.15)))
    outage = {o: {} for o in OPTIONS}
    for o in OPTIONS:
        per_year = {"self_hosted": 14, "cloud_hosted": 3, "saas": 2, "payg": 2}[o]
        for _ in range(per_year):
            k = r.randrange(365)
            outage[o][k] = round(outage[o].get(k, 0) + r.uniform(0.5, 6.0), 2)
    for k in range(365):
        d = START + timedelta(days=k)
        for o in OPTIONS:
            ov = 0.0
            if o == "self_hosted" and daily_msgs[k] > 3500:
                ov = round(r.uniform(1, 6))
            rows.append([d.isoformat(), o, daily_msgs[k], g(outage[o].get(k, 0.0)), g(ov)])
    write(f"{out}/daily.csv", ["date", "option", "messages", "downtime_hours", "overflow_hours"], rows)

    # ---- options.csv ----
    rows = []
    for i, o in enumerate(OPTIONS):
        s = SLA[o]
        rows.append([o, i, g(s) if s else "", g((1 - s) * 8760) if s else ""])
    write(f"{out}/options.csv", ["option", "index", "sla_availability",
                                 "sla_downtime_hours_per_year"], rows)

    # ---- manifest.csv ----
    write(f"{out}/manifest.csv", ["key", "value"], [
        ["version", "0.1.0"], ["scenario", "default"], ["scenario_checksum", "9f3c2a17d04be6e1"],
        ["seed", SEED], ["trajectories", N], ["years", YEARS], ["start_date", START.isoformat()],
        ["overrides", "saas.overage_per_message=uniform(0.01,0.03)"], ["stop_reason", "complete"],
        ["threads", 2], ["wall_seconds", "3.412"], ["created_utc", "2025-03-14T09:26:53Z"]])

    # ---- params.csv: the assumptions ----
    P = [
        ("global", "discount_rate", "0.06", "share/year", 0.06, "assumption: company cost of capital"),
        ("global", "volume_per_month", "tri(20000,36000,50000)", "messages/month", 35333.33333,
         "study: SMEs 10,000-50,000 messages/month"),
        ("global", "volume_growth", "uniform(0.05,0.25)", "share/year", 0.15, "assumption"),
        ("global", "peak_share_weekday_office", "0.72", "share", 0.72,
         "study: 72 % of messages Mon-Fri 09:00-18:00"),
        ("global", "double11_multiplier", "pert(3,4,5)", "ratio", 4.0,
         "study: quota 20,000 -> 80,000/month"),
        ("self_hosted", "server_price", "uniform(42000,48000)", "CNY", 45000,
         "study: Dell R750 \u00a542,000-48,000"),
        ("self_hosted", "servers", "2", "count", 2, "study: at least 2 (redundant)"),
        ("self_hosted", "it_fte", "tri(0.5,1,1.2)", "FTE", 0.9, "study: >= 1 FTE"),
        ("self_hosted", "it_salary", "tri(120000,160000,200000)", "CNY/year", 160000,
         "study: \u00a5120,000-200,000/yr"),
        ("self_hosted", "capacity_rps", "uniform(150,200)", "req/s", 175,
         "study: bought for 150-200 req/s"),
        ("self_hosted", "outages_per_month", "tri(2.5,3,5)", "1/month", 3.5,
         "study: 2.5 (or 3-5) unplanned interruptions/month"),
        ("self_hosted", "incidents_per_year", "4.2", "1/year", 4.2, "study: 4.2/yr"),
        ("self_hosted", "backup_rpo_hours", "23", "hours", 23, "study: daily backups, RPO up to 23 h"),
        ("cloud_hosted", "instance_per_month", "uniform(2300,3000)", "CNY/month", 2650,
         "study: EC2 m6i.xlarge from \u00a52,300/month"),
        ("cloud_hosted", "bandwidth_factor", "1.2", "ratio", 1.2, "study: \"+ 1.2x bandwidth\""),
        ("saas", "plan_per_month", "uniform(800,3000)", "CNY/month", 1900,
         "study: ChatDaddy, WATI \u00a5800-3,000"),
        ("saas", "overage_per_message", "uniform(0.01,0.03)", "CNY/message", 0.02,
         "override (--set); study: \u00a50.01-0.03"),
        ("saas", "sla_availability", "0.995", "share", 0.995, "study: 99.5 % <guaranteed>"),
        ("saas", "backup_rpo_hours", "0.08", "hours", 0.08, "study: RPO < 5 min & 3-2-1 copies"),
        ("payg", "price_per_message", "pert(0.05,0.06,0.09)", "CNY/message", 0.06333333333,
         "assumption: vendor list price"),
        ("payg", "setup_fee", "20000", "CNY", 20000, "assumption"),
    ]
    write(f"{out}/params.csv", ["option", "parameter", "spec", "unit", "mean", "source"],
          [[o, p, s, u, g(m), src] for o, p, s, u, m, src in P])

    # ---- sensitivity.csv ----
    ins = ["global.volume_per_month", "self_hosted.it_salary", "self_hosted.outages_per_month",
           "saas.overage_per_message", "payg.price_per_message"]
    rows = []
    for o in OPTIONS:
        for i in ins:
            rows.append([o, "tco", i, g(round(r.uniform(-0.2, 0.9), 4))])
    write(f"{out}/sensitivity.csv", ["option", "metric", "input", "spearman"], rows)

    # ---- tornado.csv (metric: self_hosted tco) ----
    T = [("self_hosted.it_salary", 130000, 190000, 556000, 648000),
         ("self_hosted.it_fte", 0.7, 1.1, 565000, 637000),
         ("self_hosted.outages_per_month", 2.8, 4.4, 584000, 627000),
         ("global.volume_per_month", 25000, 46000, 589000, 614000),
         ("self_hosted.server_price", 42600, 47400, 594000, 608000),
         ("self_hosted.incidents_per_year", 3.1, 5.4, 595000, 606000),
         ("global.volume_growth", 0.07, 0.23, 597000, 604000),
         ("global.discount_rate", 0.04, 0.08, 600500, 600500),
         ]
    base = 600500
    T.sort(key=lambda x: -abs(x[4] - x[3]))
    write(f"{out}/tornado.csv", ["input", "metric", "unit", "p10_value", "p90_value",
                                 "metric_at_p10", "metric_at_p90", "base", "swing"],
          [[i, "self_hosted.tco", "CNY", g(a), g(b), g(ma), g(mb), g(base), g(abs(mb - ma))]
           for i, a, b, ma, mb in T])

    # ---- sobol.csv ----
    S = [("self_hosted.it_salary", 0.41, 0.46), ("self_hosted.it_fte", 0.22, 0.27),
         ("self_hosted.outages_per_month", 0.11, 0.15), ("global.volume_per_month", 0.06, 0.09),
         ("self_hosted.server_price", 0.03, 0.04), ("self_hosted.incidents_per_year", 0.02, 0.04),
         ("global.volume_growth", 0.01, 0.02), ("global.discount_rate", 0.0, 0.003)]
    rows = []
    for i, s1, st in S:
        e1, et = 0.03, 0.025
        rows.append([i, "self_hosted.tco", g(s1), g(round(s1 - e1, 4)), g(round(s1 + e1, 4)), g(st),
                     g(round(max(0.0, st - et), 4)), g(round(st + et, 4))])
    write(f"{out}/sobol.csv", ["input", "metric", "S1", "S1_lo", "S1_hi", "ST", "ST_lo", "ST_hi"], rows)

    # ---- sweep.csv and crossover.csv: volume per month from 2,000 to 500,000 ----
    lin = {"self_hosted": (580e3, 0.6), "cloud_hosted": (430e3, 0.55), "saas": (137e3, 1.2),
           "payg": (120e3, 3.6)}
    vals = [2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000]
    rows = []
    for v in vals:
        draws = {}
        for o in OPTIONS:
            a0, b0 = lin[o]
            draws[o] = [(a0 + b0 * v) * r.lognormvariate(0, 0.09) for _ in range(400)]
        cheapest = [min(OPTIONS, key=lambda o: draws[o][t]) for t in range(400)]
        for o in OPTIONS:
            s = sorted(draws[o])
            rows.append(["global.volume_per_month", v, o, "tco", "CNY", g(round(sum(s) / len(s), 2)),
                         g(round(quantile(s, 0.05), 2)), g(round(quantile(s, 0.5), 2)),
                         g(round(quantile(s, 0.95), 2)), g(cheapest.count(o) / 400)])
    write(f"{out}/sweep.csv", ["param", "value", "option", "metric", "unit", "mean", "p5", "p50",
                               "p95", "p_cheapest"], rows)
    write(f"{out}/crossover.csv", ["param", "option_a", "option_b", "basis", "value", "lo", "hi"], [
        ["global.volume_per_month", "payg", "saas", "median", "7083", "5210", "9650"],
        ["global.volume_per_month", "saas", "cloud_hosted", "median", "450770", "371000", ""],
        ["global.volume_per_month", "saas", "self_hosted", "median", "", "", ""],
    ])

    # ---- grid.csv: volume per month x self-hosted IT salary ----
    rows = []
    for v in [2000, 10000, 50000, 200000, 500000, 1000000]:
        for sal in [100000, 140000, 180000, 220000, 260000]:
            cost = {o: lin[o][0] + lin[o][1] * v for o in OPTIONS}
            cost["self_hosted"] += (sal - 160000) * 5 * 0.9
            order = sorted(OPTIONS, key=lambda o: cost[o])
            gap = (cost[order[1]] - cost[order[0]]) / cost[order[0]]
            p = min(0.99, 0.5 + gap * 2.5)
            rows.append(["global.volume_per_month", v, "self_hosted.it_salary", sal, order[0],
                         g(round(p, 3))])
    write(f"{out}/grid.csv", ["param", "value", "param2", "value2", "cheapest", "p_cheapest"], rows)


if __name__ == "__main__":
    main()
