#!/usr/bin/env python3
"""Oracle for the honest significance tests (issue 10): writes the fixtures and expected.json.

Run from anywhere:  python3 Tests/Fixtures/honest-tests/make-honest-tests-expected.py
Needs numpy and scipy >= 1.15 (written with 1.17.1). Re-run only when the tables below change;
the outputs are checked in, so `swift test` needs no Python.

Writes beside this script:
- responses-honest-tests-salary.csv: 94 canonical rows of honest-tests-salary.yaml, made from
  the two location tables below (one Los Angeles respondent; a rating nobody but two gave).
- expected.json: for each tested table, scipy's chi-square (no continuity correction), df, p,
  Cramér's V (`scipy.stats.contingency.association(method='cramer')`), the share of expected
  counts below 5, adjusted standardized residuals (SPSS CROSSTABS: (o − e) / √(e (1 − r/n)
  (1 − c/n)), by formula), and for sparse tables the Monte Carlo p of X² ≥ observed over
  200,000 tables with the observed margins (`chi2_contingency(method=MonteCarloMethod)`), the
  figure the Swift Monte Carlo p (10,000 tables) must agree with within sampling error.
  Also the 73,421 lecture ratings as counts: the Swift test writes the rows into a temporary
  directory, so the committed files stay small.
"""
import json
import math
import pathlib

import numpy as np
from scipy.stats import MonteCarloMethod, chi2_contingency
from scipy.stats.contingency import association

HERE = pathlib.Path(__file__).resolve().parent
LOCATIONS = ["austin", "boston", "chicago", "denver", "los_angeles"]
RATINGS = ["1", "2", "3", "4", "5"]

# location × manager_rating. Los Angeles has one respondent, who gave the rating 1 that only
# one other person gave: that one answer is 46 of the χ² of 63. Only groups (rows) of fewer
# than 5 respondents are left out of the test, never answers (columns).
MANAGER = np.array([
    [1, 4, 9, 11, 7],
    [0, 7, 3, 4, 6],
    [0, 9, 7, 2, 3],
    [0, 3, 6, 9, 2],
    [1, 0, 0, 0, 0],
])
# location × office_rating: Austin gave 5 far more often than the other offices.
OFFICE = np.array([
    [1, 2, 4, 8, 17],
    [2, 6, 6, 4, 2],
    [3, 5, 7, 4, 2],
    [2, 6, 5, 5, 2],
    [0, 0, 1, 0, 0],
])
# time_slot (morning, afternoon) × lecture rating 1–5: 73,421 ratings, V ≈ 0.014, p ≈ 0.008.
LECTURES = np.array([
    [1800, 3700, 9200, 12900, 9100],
    [1950, 3900, 9000, 12800, 9071],
])


def respondent_rows():
    rows = []
    for r, location in enumerate(LOCATIONS):
        manager = [RATINGS[c] for c in range(5) for _ in range(MANAGER[r][c])]
        office = [RATINGS[c] for c in range(5) for _ in range(OFFICE[r][c])]
        assert len(manager) == len(office)
        office = office[::-1]  # pair them so the two ratings are not copies of each other
        rows += [(location, m, o) for m, o in zip(manager, office)]
    return rows


def kept(totals, minimum):
    return [i for i, t in enumerate(totals) if t >= minimum and t > 0]


def test_figures(table, minimum, monte_carlo_seed):
    table = np.asarray(table)
    # Only groups (rows) with fewer than `minimum` respondents are left out; answers are not.
    rows = kept(table.sum(1), minimum)
    columns = kept(table.sum(0), 1)
    t = table[np.ix_(rows, columns)]
    # Leaving out a small row can empty a column: drop it as the chi-square test must.
    t_rows = [i for i in range(t.shape[0]) if t[i].sum() > 0]
    t_cols = [j for j in range(t.shape[1]) if t[:, j].sum() > 0]
    rows = [rows[i] for i in t_rows]
    columns = [columns[j] for j in t_cols]
    t = table[np.ix_(rows, columns)]
    chi2, p, df, e = chi2_contingency(t, correction=False)
    n = t.sum()
    r = t.sum(1, keepdims=True)
    c = t.sum(0, keepdims=True)
    z = (t - e) / np.sqrt(e * (1 - r / n) * (1 - c / n))
    share_below_5 = float((e < 5).mean())
    sparse = share_below_5 > 0.2 or bool((e < 1).any())
    figures = {
        "keptRows": rows, "keptColumns": columns, "n": int(n),
        "chiSquare": float(chi2), "degreesOfFreedom": int(df), "chiSquarePValue": float(p),
        "cramersV": float(association(t, method="cramer")),
        "expectedBelowFivePercent": share_below_5 * 100, "isSparse": sparse,
        "adjustedResiduals": z.tolist(),
    }
    if sparse and t.shape != (2, 2):
        rng = np.random.default_rng(monte_carlo_seed)
        result = chi2_contingency(t, correction=False, method=MonteCarloMethod(n_resamples=200_000, rng=rng))
        figures["monteCarloPValue"] = float(result.pvalue)
    return figures


def main():
    rows = respondent_rows()
    with open(HERE / "responses-honest-tests-salary.csv", "w", newline="") as f:
        f.write("respondent,location,manager_rating,office_rating\r\n")
        for i, (location, manager, office) in enumerate(rows, start=1):
            f.write(f"{i},{location},{manager},{office}\r\n")
    expected = {
        "salary": {
            "respondents": len(rows),
            "locations": LOCATIONS,
            "managerCounts": MANAGER.tolist(),
            "officeCounts": OFFICE.tolist(),
            "managerWithoutSmall": test_figures(MANAGER, 5, 1),
            "managerEverything": test_figures(MANAGER, 0, 2),
            "officeWithoutSmall": test_figures(OFFICE, 5, 3),
        },
        "lectures": {
            "slots": ["morning", "afternoon"],
            "counts": LECTURES.tolist(),
            "test": test_figures(LECTURES, 5, 4),
        },
    }
    with open(HERE / "expected.json", "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    for name, figures in [("manager without small", expected["salary"]["managerWithoutSmall"]),
                          ("manager everything", expected["salary"]["managerEverything"]),
                          ("office without small", expected["salary"]["officeWithoutSmall"]),
                          ("lectures", expected["lectures"]["test"])]:
        print(name, {k: v for k, v in figures.items() if k != "adjustedResiduals"})


if __name__ == "__main__":
    main()
