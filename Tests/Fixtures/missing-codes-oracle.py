#!/usr/bin/env python3
"""Oracle for missing-codes.yaml + missing-responses.csv: the figures the missing-code tests
expect, computed with the standard library (statistics.quantiles 'inclusive' = R type 7), from
the raw cells and the rules of docs/definition.md (`missing:`) restated here, not from `survey`.

    python3 Tests/Fixtures/missing-codes-oracle.py

Rules restated: codes 99 (Don't know) and -1 (Refused) hold for every closed and number question;
`age` adds 999 (Not given); `attend_again` opts out (`missing: {}`); a cell is a missing code
when its text is the code or label (any case) or the same whole number (`099`, `-1.0`);
`why_not` is asked only when attend_again == no.
"""
import csv
import pathlib
import statistics

here = pathlib.Path(__file__).parent
rows = list(csv.DictReader(open(here / "missing-responses.csv", encoding="utf-8")))
CODES = {"99": ["99", "don't know"], "-1": ["-1", "refused"]}


def missing_code(cell, codes):
    text = cell.strip().lower()
    for code, names in codes.items():
        if text in names:
            return code
        try:
            if float(text) == int(code):
                return code
        except ValueError:
            pass
    return None


def tally(question, valid, codes, asked=lambda r: True):
    base = dict(responses=len(rows), asked=0, skipped=0, answered=0, missing_coded=0, blank=0, invalid=0)
    per_code, values = {c: 0 for c in codes}, []
    for r in rows:
        if not asked(r):
            base["skipped"] += 1
            continue
        base["asked"] += 1
        cell = r[question]
        code = missing_code(cell, codes) if cell.strip() else None
        if code is not None:
            base["missing_coded"] += 1
            per_code[code] += 1
        elif not cell.strip():
            base["blank"] += 1
        elif valid(cell) is None:
            base["invalid"] += 1
        else:
            base["answered"] += 1
            values.append(valid(cell))
    assert base["asked"] == base["answered"] + base["missing_coded"] + base["blank"] + base["invalid"]
    return base, per_code, values


def rating(cell):
    try:
        value = float(cell)
    except ValueError:
        return None
    return int(value) if value.is_integer() and 1 <= value <= 5 else None


def age(cell):
    try:
        value = float(cell)
    except ValueError:
        return None
    return value if 16 <= value <= 90 else None


def describe(name, base, per_code, values):
    print(name, base, per_code, {c: n / base["asked"] * 100 for c, n in per_code.items()})
    if values and not isinstance(values[0], str):
        q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
        print(f"  n {len(values)} mean {statistics.mean(values)!r} sd {statistics.stdev(values)!r} q1 {q1} median {median} q3 {q3}")


describe("usefulness", *tally("usefulness", rating, CODES))
_, _, values = tally("usefulness", rating, CODES)
print("  top-2 box", sum(v >= 4 for v in values) / len(values) * 100)
describe("age", *tally("age", age, {**CODES, "999": ["999", "not given"]}))
choices = {"time", "topic", "cost"}
describe("why_not", *tally("why_not", lambda c: c if c in choices else None, CODES, asked=lambda r: r["attend_again"] == "no"))
topics = [c for c in ("a", "b")]
base, per_code, values = tally("topics", lambda c: c.split(";") if all(t in topics for t in c.split(";")) else None, CODES)
print("topics", base, per_code, {t: sum(t in v for v in values) for t in topics}, "mentions", sum(len(v) for v in values))
print("sex == female:", sum(r["sex"] == "female" for r in rows), "of", len(rows))
print("usefulness == 99:", sum(missing_code(r["usefulness"], CODES) == "99" for r in rows))
