#!/usr/bin/env python3
"""The `survey stats` job done in DuckDB or pandas, for bench/run.py to time and compare.

    python3 bench/reference.py duckdb bench/data/responses-1000000.csv
    python3 bench/reference.py pandas bench/data/responses-1000000.csv

Reads the canonical CSV with column types taken from the questionnaire (bench/generate.py's
QUESTIONS) and computes what `survey stats --crosstab …` prints: counts per category of every
closed question (multiple choice split on `;`), n, mean, sd (n − 1), minimum, maximum and
type-7 quartiles of every rating and number, earliest and latest date, the three cross-tabs'
counts (only respondents who answered both) and, for the two text questions, the answers given
and the 20 most frequent words (runs of letters and digits, inner `-` and `'` kept, lower-cased,
3 characters or more, not a pure number, not in survey's stop-word lists data/stopwords/*.txt)
with occurrences and answers mentioning them.

Less than survey does: no stemming, no `ё`/`е` folding, no two-word phrases, no percentages,
Wilson intervals or chi-square (those are a few arithmetic operations on the counts).

Prints the results as JSON on stdout.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no bench/__pycache__ in the work tree
sys.path.insert(0, HERE)
from generate import CROSSTABS, QUESTIONS  # noqa: E402

TOP = 20
CLOSED = [q[0] for q in QUESTIONS if q[1] in ("single_choice", "yes_no", "rating")]
MULTIPLE = [q[0] for q in QUESTIONS if q[1] == "multiple_choice"]
NUMERIC = [q[0] for q in QUESTIONS if q[1] in ("rating", "number")]
RATINGS = {q[0] for q in QUESTIONS if q[1] == "rating"}
DATES = [q[0] for q in QUESTIONS if q[1] == "date"]
TEXTS = [q[0] for q in QUESTIONS if q[1] == "text"]
# survey's tokens: runs of Unicode letters and digits, inner - and ' kept.
WORD = r"[^\W_]+(?:['-][^\W_]+)*"


def stop_words():
    words = set()
    folder = os.path.join(HERE, "..", "data", "stopwords")
    for name in ("en.txt", "ru.txt", "ky.txt"):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            words.update(line.split("#")[0].strip() for line in f)
    words.discard("")
    return sorted(words)


def code(value, question):
    """Category codes as survey writes them: ratings as integers."""
    if question in RATINGS:
        return str(int(value))
    return str(value)


def leading_columns(path):
    """The columns before the questions: `respondent`, and `submitted_at` in files written since
    submission times are kept (read as text here: the reference does not use them)."""
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split(",")
    return ["respondent"] + (["submitted_at"] if header[1:2] == ["submitted_at"] else [])


def run_duckdb(path):
    import duckdb

    types = {name: "VARCHAR" for name in leading_columns(path)}
    for qid, kind, *_ in QUESTIONS:
        types[qid] = {"rating": "TINYINT", "number": "DOUBLE", "date": "DATE"}.get(kind, "VARCHAR")
    con = duckdb.connect()
    con.execute("CREATE TABLE stop AS SELECT unnest(?::VARCHAR[]) AS word", [stop_words()])
    con.execute(
        "CREATE TABLE t AS SELECT * FROM read_csv(?, header = true, delim = ',', quote = '\"', escape = '\"', "
        "auto_detect = false, columns = " + "{" + ", ".join(f"'{k}': '{v}'" for k, v in types.items()) + "})",
        [path],
    )
    out = {"rows": con.execute("SELECT count(*) FROM t").fetchone()[0], "frequencies": {}, "descriptives": {}, "dates": {},
           "crosstabs": {}, "text": {}}
    for q in CLOSED:
        rows = con.execute(f"SELECT {q}, count(*) FROM t WHERE {q} IS NOT NULL GROUP BY {q}").fetchall()
        out["frequencies"][q] = {code(v, q): n for v, n in rows}
    for q in MULTIPLE:
        rows = con.execute(f"SELECT c, count(*) FROM (SELECT unnest(string_split({q}, ';')) AS c FROM t WHERE {q} IS NOT NULL) GROUP BY c").fetchall()
        out["frequencies"][q] = dict(rows)
    parts = []
    for q in NUMERIC:
        parts.append(f"count({q}), avg({q}), stddev_samp({q}), min({q}), max({q}), quantile_cont({q}, [0.25, 0.5, 0.75])")
    values = con.execute("SELECT " + ", ".join(parts) + " FROM t").fetchone()
    for i, q in enumerate(NUMERIC):
        n, mean, sd, low, high, quartiles = values[i * 6:(i + 1) * 6]
        out["descriptives"][q] = {"n": n, "mean": mean, "sd": sd, "min": float(low), "max": float(high),
                                  "q1": float(quartiles[0]), "median": float(quartiles[1]), "q3": float(quartiles[2])}
    for q in DATES:
        low, high = con.execute(f"SELECT min({q}), max({q}) FROM t").fetchone()
        out["dates"][q] = [str(low), str(high)]
    for a, b in CROSSTABS:
        side = {q: (f"unnest(string_split({q}, ';'))" if q in MULTIPLE else q) for q in (a, b)}
        rows = con.execute(
            f"SELECT ra, cb, count(*) FROM (SELECT {side[a]} AS ra, {side[b]} AS cb FROM t WHERE {a} IS NOT NULL AND {b} IS NOT NULL) GROUP BY ra, cb"
        ).fetchall()
        table = {}
        for ra, cb, n in rows:
            table.setdefault(code(ra, a), {})[code(cb, b)] = n
        out["crosstabs"][f"{a}:{b}"] = table
    for q in TEXTS:
        answered = con.execute(f"SELECT count({q}) FROM t").fetchone()[0]
        words = con.execute(
            f"""SELECT word, count(*) AS occurrences, count(DISTINCT respondent) AS answers
                FROM (SELECT respondent, unnest(regexp_extract_all(lower({q}), ?)) AS word FROM t WHERE {q} IS NOT NULL)
                WHERE length(word) >= 3 AND NOT regexp_full_match(word, '[0-9]+') AND word NOT IN (SELECT word FROM stop)
                GROUP BY word ORDER BY occurrences DESC, word LIMIT {TOP}""",
            [WORD.replace("[^\\W_]", "[\\p{L}\\p{N}]")],
        ).fetchall()
        out["text"][q] = {"answered": answered, "words": [list(w) for w in words]}
    return out


def run_pandas(path):
    import pandas as pd

    dtypes = {name: "string" for name in leading_columns(path)}
    for qid, kind, *_ in QUESTIONS:
        dtypes[qid] = {"rating": "float64", "number": "float64", "single_choice": "category", "yes_no": "category"}.get(kind, "string")
    stop = set(stop_words())
    df = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""])
    out = {"rows": len(df), "frequencies": {}, "descriptives": {}, "dates": {}, "crosstabs": {}, "text": {}}
    for q in CLOSED:
        out["frequencies"][q] = {code(v, q): int(n) for v, n in df[q].value_counts().items() if n > 0}
    exploded = {q: df[q].str.split(";").explode().dropna() for q in MULTIPLE}
    for q in MULTIPLE:
        out["frequencies"][q] = {str(v): int(n) for v, n in exploded[q].value_counts().items()}
    for q in NUMERIC:
        s = df[q]
        quartiles = s.quantile([0.25, 0.5, 0.75])
        out["descriptives"][q] = {"n": int(s.count()), "mean": float(s.mean()), "sd": float(s.std()), "min": float(s.min()),
                                  "max": float(s.max()), "q1": float(quartiles[0.25]), "median": float(quartiles[0.5]), "q3": float(quartiles[0.75])}
    for q in DATES:
        s = df[q].dropna()
        out["dates"][q] = [str(s.min()), str(s.max())]
    for a, b in CROSSTABS:
        both = df[[a, b]].dropna()
        ra = exploded[a].loc[lambda s: s.index.isin(both.index)] if a in MULTIPLE else both[a]
        cb = both[b].loc[ra.index] if a in MULTIPLE else both[b]
        counts = pd.crosstab(ra.to_numpy(), cb.to_numpy())
        out["crosstabs"][f"{a}:{b}"] = {
            code(r, a): {code(c, b): int(counts.at[r, c]) for c in counts.columns if counts.at[r, c] > 0} for r in counts.index
        }
    for q in TEXTS:
        s = df[q].dropna()
        words = s.str.lower().str.findall(WORD).explode().dropna()
        words = words[(words.str.len() >= 3) & ~words.str.fullmatch(r"[0-9]+") & ~words.isin(stop)]
        occurrences = words.value_counts()
        answers = words.reset_index().drop_duplicates()[q].value_counts()
        table = pd.DataFrame({"occurrences": occurrences, "answers": answers})
        table = table.rename_axis("word").reset_index().sort_values(["occurrences", "word"], ascending=[False, True]).head(TOP)
        out["text"][q] = {"answered": int(s.size), "words": [[w, int(o), int(a)] for w, o, a in zip(table["word"], table["occurrences"], table["answers"])]}
    return out


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("duckdb", "pandas"):
        print("usage: reference.py duckdb|pandas FILE.csv", file=sys.stderr)
        return 2
    result = run_duckdb(sys.argv[2]) if sys.argv[1] == "duckdb" else run_pandas(sys.argv[2])
    json.dump(result, sys.stdout, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
