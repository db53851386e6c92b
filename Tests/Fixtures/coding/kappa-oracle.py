#!/usr/bin/env python3
"""Expected agreement figures for agreement-anna.codes.csv and agreement-boris.codes.csv.

Oracle for Tests/SurveyEntryTests/ThemeAgreementTests.swift and the `survey code --agreement`
end-to-end test: scikit-learn's cohen_kappa_score per theme (1 = the answer has the theme,
0 = not) over the answers both coders coded (the last row of each respondent wins), and over
every answer x theme decision pooled ("overall"). Writes agreement-expected.csv beside this
script; kappa is written as "undefined" where scikit-learn returns NaN (both coders gave every
answer the same value). Run: python3 Tests/Fixtures/coding/kappa-oracle.py
"""
import csv
import math
import os
import warnings

from sklearn.metrics import cohen_kappa_score

HERE = os.path.dirname(os.path.abspath(__file__))
QUESTION = "improve"
# The definition's themes for `improve` (coding.yaml), in order; then coder-added ones.
THEMES = ["more_time", "speakers", "venue", "food", "online"]


def codes(name):
    last, added = {}, []
    with open(os.path.join(HERE, name), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["question"] != QUESTION:
                continue
            if row["respondent"] == "#theme":
                added.append(row["themes"])
                continue
            last[row["respondent"]] = [t for t in row["themes"].split(";") if t]
    return last, added


def main():
    first, added_first = codes("agreement-anna.codes.csv")
    second, added_second = codes("agreement-boris.codes.csv")
    themes = THEMES + [t for t in added_first + added_second if t not in THEMES]
    both = sorted(r for r in first if r in second)
    rows = []
    pooled_a, pooled_b = [], []
    for theme in themes:
        a = [int(theme in first[r]) for r in both]
        b = [int(theme in second[r]) for r in both]
        pooled_a += a
        pooled_b += b
        rows.append((theme, a, b))
    rows.append(("overall", pooled_a, pooled_b))
    with open(os.path.join(HERE, "agreement-expected.csv"), "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["theme", "n", "agreement_percent", "kappa"])
        for theme, a, b in rows:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                kappa = cohen_kappa_score(a, b)
            agreement = 100.0 * sum(x == y for x, y in zip(a, b)) / len(a)
            writer.writerow([theme, len(a), f"{agreement:.12g}", "undefined" if math.isnan(kappa) else f"{kappa:.12g}"])


if __name__ == "__main__":
    main()
