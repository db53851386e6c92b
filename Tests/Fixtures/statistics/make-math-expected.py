#!/usr/bin/env python3
"""Oracle for StatMathTests: writes math-expected.json beside this script from scipy/numpy.

Run from anywhere:  python3 Tests/StatMathTests/Fixtures/make-expected.py
Re-run only when cases change; the JSON is checked in so `swift test` needs no Python.
Each case list mirrors one Swift type; the Swift tests read the file through #filePath.
"""
import json
import math
import pathlib
from fractions import Fraction

import numpy as np
import scipy
from scipy import stats


def chi_square_survival_cases():
    xs = [0.0, 0.001, 0.01, 0.1, 0.5, 1.0, 2.0, 3.841458820694124, 5.0, 10.0,
          20.0, 50.0, 100.0, 200.0]
    cases = [{"x": x, "degreesOfFreedom": df, "survival": float(stats.chi2.sf(x, df))}
             for df in (1, 2, 8) for x in xs]
    # Odd and large df, and points either side of the series/continued-fraction switch at
    # x/2 = df/2 + 1.
    for df, x in [(3, 7.81), (5, 11.07), (25, 26.9), (25, 27.1), (25, 60.0), (100, 101.9),
                  (100, 102.1), (100, 150.0), (100, 400.0), (12, 0.001)]:
        cases.append({"x": x, "degreesOfFreedom": df, "survival": float(stats.chi2.sf(x, df))})
    return cases


def fisher_exact_by_fractions(a, b, c, d):
    """Exact two-sided p-value in rational arithmetic, ties compared exactly."""
    r1, r2, c1 = a + b, c + d, a + c
    n = r1 + r2
    def probability(x):
        return Fraction(math.comb(r1, x) * math.comb(r2, c1 - x), math.comb(n, c1))
    observed = probability(a)
    support = range(max(0, c1 - r2), min(r1, c1) + 1)
    return sum(p for p in map(probability, support) if p <= observed)


def fisher_exact_cases():
    tables = [
        [[1, 0], [0, 1]], [[0, 1], [1, 0]], [[3, 1], [1, 3]], [[0, 5], [5, 0]],
        [[8, 2], [1, 5]], [[120, 80], [60, 140]], [[0, 0], [0, 0]], [[5, 0], [0, 0]],
        [[2, 3], [3, 2]], [[1, 2], [3, 4]], [[2, 7], [8, 2]], [[1, 9], [11, 3]],
        [[10, 0], [0, 10]], [[7, 12], [0, 15]], [[20, 3], [4, 25]], [[45, 55], [55, 45]],
        [[50, 50], [50, 50]], [[300, 10], [20, 280]],
    ]
    cases = []
    for table in tables:
        p = float(stats.fisher_exact(table, alternative="two-sided").pvalue)
        # scipy and exact rationals must agree, or the fixture itself is suspect.
        exact = float(fisher_exact_by_fractions(*table[0], *table[1]))
        assert math.isclose(p, exact, rel_tol=1e-9), (table, p, exact)
        cases.append({"table": table, "pValue": p})
    return cases


def wilson(count, nobs, confidence):
    """statsmodels.stats.proportion.proportion_confint(method='wilson'), transcribed."""
    alpha = 1 - confidence
    crit = stats.norm.isf(alpha / 2.0)
    q_ = count / nobs
    crit2 = crit ** 2
    denom = 1 + crit2 / nobs
    center = (q_ + crit2 / (2 * nobs)) / denom
    dist = crit * np.sqrt(q_ * (1.0 - q_) / nobs + crit2 / (4.0 * nobs ** 2))
    dist /= denom
    return float(center - dist), float(center + dist)


def wilson_cases():
    cases = []
    for successes, total, confidence in [(0, 10, 0.95), (10, 10, 0.95), (7, 19, 0.95),
                                         (1, 1, 0.95), (0, 1, 0.95), (50, 100, 0.95),
                                         (3, 1000, 0.95), (7, 19, 0.90), (7, 19, 0.99)]:
        lower, upper = wilson(successes, total, confidence)
        cases.append({"successes": successes, "total": total, "confidence": confidence,
                      "lower": lower, "upper": upper})
    return cases


SAMPLES = [
    [4.0],
    [2.0, 9.0],
    [-3.5, 0.0, 1.25, 1.25, 8.0],
    [1.0, 2.0, 2.0, 3.0, 5.0, 8.0, 13.0, 21.0, 34.0, 55.0],
]


def quantile_cases():
    ps = [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1.0]
    return [{"sorted": s, "p": p, "value": float(np.quantile(s, p, method="linear"))}
            for s in SAMPLES for p in ps]


def quartile_cases():
    return [{"sorted": s,
             "q1": float(np.quantile(s, 0.25)),
             "median": float(np.median(s)),
             "q3": float(np.quantile(s, 0.75))} for s in SAMPLES]


def normal_quantile_cases():
    ps = [1e-300, 1e-10, 1e-4, 0.001, 0.01, 0.02425, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9,
          0.95, 0.975, 0.99, 0.995, 0.999, 1 - 1e-10]
    return [{"p": p, "z": float(stats.norm.ppf(p))} for p in ps]


def moments_cases():
    rng = np.random.default_rng(20240611)
    samples = [
        [5.0],
        [1.0, 2.0],
        [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0],
        # Large offset, small spread: where Σx² − n·mean² would cancel.
        [1e6 + 4, 1e6 + 7, 1e6 + 13, 1e6 + 16],
        [float(v) for v in rng.normal(50, 12, 200)],
    ]
    cases = []
    for s in samples:
        a = np.asarray(s)
        cases.append({
            "values": s,
            "mean": float(a.mean()),
            "variance": float(a.var(ddof=1)) if len(s) > 1 else None,
            "standardDeviation": float(a.std(ddof=1)) if len(s) > 1 else None,
            "min": float(a.min()),
            "max": float(a.max()),
        })
    return cases


def pearson_cases():
    tables = [
        ("2x2", [[10, 20], [30, 40]]),
        ("2x2-small-expected", [[3, 1], [1, 3]]),
        ("2x2-independent", [[2, 4], [3, 6]]),
        ("2x3-large", [[200, 150, 50], [100, 250, 250]]),
        ("3x4", [[12, 5, 7, 9], [8, 15, 6, 11], [4, 9, 14, 3]]),
        ("zero-row", [[5, 3, 2], [0, 0, 0], [4, 6, 9]]),
        ("zero-column", [[5, 0, 3], [2, 0, 8]]),
        ("zero-row-and-column-sparse", [[1, 0, 0, 7], [0, 0, 0, 0], [9, 0, 1, 2], [0, 0, 1, 3]]),
    ]
    cases = []
    for name, table in tables:
        full = np.asarray(table)
        kept_rows = [i for i in range(full.shape[0]) if full[i].sum() > 0]
        kept_columns = [j for j in range(full.shape[1]) if full[:, j].sum() > 0]
        observed = full[np.ix_(kept_rows, kept_columns)]
        result = stats.chi2_contingency(observed, correction=False)
        n = observed.sum()
        expected = np.asarray(result.expected_freq)
        cases.append({
            "name": name,
            "table": table,
            "keptRows": kept_rows,
            "keptColumns": kept_columns,
            "statistic": float(result.statistic),
            "degreesOfFreedom": int(result.dof),
            "pValue": float(result.pvalue),
            "cramersV": float(math.sqrt(result.statistic / (n * (min(observed.shape) - 1)))),
            "expected": expected.tolist(),
            "shareOfExpectedBelowFive": float((expected < 5).mean()),
            "hasExpectedBelowOne": bool((expected < 1).any()),
        })
    return cases


def main():
    expected = {
        "generator": f"make-expected.py with scipy {scipy.__version__}, numpy {np.__version__}",
        "chiSquareSurvival": chi_square_survival_cases(),
        "fisherExact": fisher_exact_cases(),
        "wilson": wilson_cases(),
        "quantiles": quantile_cases(),
        "quartiles": quartile_cases(),
        "normalQuantile": normal_quantile_cases(),
        "moments": moments_cases(),
        "pearson": pearson_cases(),
    }
    path = pathlib.Path(__file__).with_name("math-expected.json")
    path.write_text(json.dumps(expected, indent=1) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
