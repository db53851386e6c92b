#!/usr/bin/env python3
"""Makes the comparison fixtures and their expected figures (scipy is the oracle).

Three events of one series answered feedback-series.yaml; each responses file is built
from known counts, so every figure of `survey compare` can be checked:

  responses-kashkasuu.csv  31 rows, one usefulness left blank (n = 30)
  responses-bishkek.csv    28 rows
  responses-osh.csv        26 rows, one usefulness written as 7 (outside 1-5: a problem,
                           counted and left out, n = 25)

expected.json holds, per event: counts, Wilson 95 % intervals of the top-2-box, the mean
with its t interval; per pair of events: scipy.stats.mannwhitneyu(x, y,
alternative="two-sided", method="asymptotic", use_continuity=True) of the ratings,
chi2_contingency(correction=False) of org_type, fisher_exact of attend_again (a sparse 2x2,
so the honest-test rules report Fisher's p). Run: python3 make-compare-fixtures.py
"""
import csv
import json
import math
import os

from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))

EVENTS = {
    "kashkasuu": dict(
        name="Kashkasuu 2013-01", date="2013-01-25", participants=40,
        usefulness=[1, 2, 4, 12, 11], blank_usefulness=1,
        org_type=dict(ngo=12, gov=11, intl=8), attend_again=dict(yes=28, no=3),
        sessions=dict(brainstorm=20, groups=15, letter=5),
        improve=[("More time for discussion", 12), ("Send the materials earlier", 6), ("", 13)],
    ),
    "bishkek": dict(
        name="Bishkek 2013-03", date="2013-03-14", participants=35,
        usefulness=[0, 1, 2, 9, 16], blank_usefulness=0,
        org_type=dict(ngo=10, gov=12, intl=6), attend_again=dict(yes=26, no=2),
        sessions=dict(brainstorm=10, groups=20, letter=8),
        improve=[("More time for discussion", 5), ("Send the materials earlier", 10), ("", 13)],
    ),
    "osh": dict(
        name="Osh 2013-06", date="2013-06-05", participants=30,
        usefulness=[2, 3, 5, 8, 7], blank_usefulness=0, bad_usefulness=1,
        org_type=dict(ngo=5, gov=9, intl=12), attend_again=dict(yes=19, no=7),
        sessions=dict(brainstorm=8, groups=8, letter=12),
        improve=[("More time for discussion", 9), ("Send the materials earlier", 3), ("", 14)],
    ),
}
ORDER = ["kashkasuu", "bishkek", "osh"]
ORG = ["ngo", "gov", "intl"]
SESSIONS = ["brainstorm", "groups", "letter"]


def expand(counts):
    """A list of codes from {code: count}, in the given order."""
    return [code for code, n in counts.items() for _ in range(n)]


def write_event(key, event):
    usefulness = [str(point) for point, n in zip(range(1, 6), event["usefulness"]) for _ in range(n)]
    usefulness += [""] * event["blank_usefulness"] + ["7"] * event.get("bad_usefulness", 0)
    rows = len(usefulness)
    org = expand(event["org_type"])
    again = expand(event["attend_again"])
    improve = [text for text, n in event["improve"] for _ in range(n)]
    assert len(org) == len(again) == len(improve) == rows, key
    # Session picks spread over the rows: pick i goes to row (offset + i) % rows.
    picks = [[] for _ in range(rows)]
    for offset, code in enumerate(SESSIONS):
        for i in range(event["sessions"][code]):
            picks[(offset * 7 + i) % rows].append(code)
    with open(os.path.join(HERE, f"responses-{key}.csv"), "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["respondent", "org_type", "usefulness", "attend_again", "sessions", "improve"])
        for i in range(rows):
            out.writerow([f"{key[0]}{i + 1}", org[i], usefulness[i], again[i], ";".join(picks[i]), improve[i]])


def wilson(k, n, z=stats.norm.ppf(0.975)):
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return [max(0.0, centre - half) * 100, min(1.0, centre + half) * 100]


def ratings(event):
    return [point for point, n in zip(range(1, 6), event["usefulness"]) for _ in range(n)]


def per_event(event):
    values = ratings(event)
    n = len(values)
    top = event["usefulness"][3] + event["usefulness"][4]
    mean = sum(values) / n
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    half = stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n)
    return dict(
        name=event["name"], date=event["date"], participants=event["participants"],
        responses=len(event["org_type"]) and sum(event["org_type"].values()),
        usefulness=dict(counts=event["usefulness"], n=n, top2=top / n * 100, top2_ci=wilson(top, n),
                        mean=mean, sd=sd, mean_ci=[mean - half, mean + half], t975=stats.t.ppf(0.975, n - 1)),
        org_type=[event["org_type"][c] for c in ORG],
        attend_again=[event["attend_again"]["yes"], event["attend_again"]["no"]],
        sessions=[event["sessions"][c] for c in SESSIONS],
        improve_time=event["improve"][0][1], improve_materials=event["improve"][1][1],
        improve_answered=event["improve"][0][1] + event["improve"][1][1],
    )


def pair(a, b):
    x, y = ratings(a), ratings(b)
    mw = stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True)
    table = [[a["org_type"][c] for c in ORG], [b["org_type"][c] for c in ORG]]
    chi2, chi_p, dof, expected = stats.chi2_contingency(table, correction=False)
    assert (expected >= 5).all(), "org_type must be tested by chi-square, not Monte Carlo"
    yes_no = [[a["attend_again"]["yes"], a["attend_again"]["no"]], [b["attend_again"]["yes"], b["attend_again"]["no"]]]
    _, _, _, expected2 = stats.chi2_contingency(yes_no, correction=False)
    sparse = (expected2 < 5).mean() > 0.2 or (expected2 < 1).any()
    fisher = stats.fisher_exact(yes_no, alternative="two-sided")
    chi2b, chi_pb, _, _ = stats.chi2_contingency(yes_no, correction=False)
    return dict(
        mann_whitney=dict(u=float(mw.statistic), p=float(mw.pvalue)),
        org_type=dict(chi_square=float(chi2), df=int(dof), p=float(chi_p)),
        attend_again=dict(sparse=bool(sparse), p=float(fisher.pvalue if sparse else chi_pb), method="fisher_exact" if sparse else "chi_square"),
    )


def main():
    for key in ORDER:
        write_event(key, EVENTS[key])
    events = [EVENTS[k] for k in ORDER]
    expected = dict(
        events=[per_event(e) for e in events],
        pairs={
            "kashkasuu-bishkek": pair(events[0], events[1]),
            "bishkek-osh": pair(events[1], events[2]),
            "kashkasuu-osh": pair(events[0], events[2]),
        },
    )
    # Mann-Whitney of more tie patterns (counts per point 1..5), and Student's t quantiles.
    cases = [([3, 0, 5, 2, 1], [0, 4, 4, 4, 0]), ([10, 0, 0, 0, 0], [9, 1, 0, 0, 0]), ([1, 1, 1, 1, 1], [1, 1, 1, 1, 1]),
             ([0, 0, 0, 5, 40], [30, 10, 3, 1, 0]), ([0, 1, 0, 0, 0], [0, 0, 0, 0, 2]), ([2, 7, 1, 8, 2], [8, 1, 8, 2, 8])]
    expected["mann_whitney_cases"] = []
    for first, second in cases:
        x = [p for p, n in zip(range(1, 6), first) for _ in range(n)]
        y = [p for p, n in zip(range(1, 6), second) for _ in range(n)]
        mw = stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True)
        expected["mann_whitney_cases"].append(dict(first=first, second=second, u=float(mw.statistic), p=float(mw.pvalue)))
    expected["t_quantiles"] = [dict(df=df, p=p, t=float(stats.t.ppf(p, df)))
                               for df in (1, 2, 4, 9, 29, 100, 1000) for p in (0.975, 0.995, 0.6)]
    # The rows written, for response rates: Kashkasuu has a row whose rating is blank, Osh
    # one whose rating is invalid; both are responses.
    for e, key in zip(expected["events"], ORDER):
        e["responses"] = sum(EVENTS[key]["org_type"].values())
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
