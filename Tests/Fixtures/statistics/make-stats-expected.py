#!/usr/bin/env python3
"""Oracle for the statistics-stage tests: writes stats-expected.json beside this script.

Every figure `survey stats` computes for oracle.yaml and the oracle-*.csv files, worked out
without the Swift code:

- the responses are read with Python's csv module and validated by the rules of the import
  stage, restated here (`read_rows`), so the oracle does not share the Swift importer;
- GNU PSPP 1.6.2 (`pspp`, Debian package `pspp`) computes what it can: FREQUENCIES (counts,
  percent, valid percent, and the bases, since skipped, blank and invalid answers are coded as
  three user-missing values), DESCRIPTIVES (n, mean, sd, min, max; SUM for mentions), and
  CROSSTABS /STATISTICS=CHISQ PHI (counts, row/column/total %, Pearson chi-square, df, p,
  Cramér's V). Output is written as CSV with 16 decimals (`SET FORMAT`, `OUTPUT MODIFY`), so
  figures keep their full precision. The syntax is built in `pspp_syntax` below;
- PSPP 1.6.2 cannot tabulate multiple-response sets (MRSETS defines them, but CTABLES is "not
  yet implemented" and MULT RESPONSE does not exist), so a multiple-choice question is given
  to PSPP as one 0/1 variable per choice (missing when the question was not answered) plus the
  number of choices: FREQUENCIES' valid percent of 1 is the % of respondents, DESCRIPTIVES'
  SUM is the number of mentions and its MEAN the mean choices; % of mentions is count / SUM,
  computed here. A multiple-choice cross-tab is one row per mention (respondent × chosen
  choice), which is what "cross-tab per choice" means, and goes through CROSSTABS for counts and
  the test; its percentages are computed here on respondent bases (SPSS MULT RESPONSE);
- numpy gives the quartiles (`np.percentile`, default method "linear" = R type 7);
- the 95% Wilson interval is the textbook formula with z = scipy.stats.norm.ppf(0.975);
- scipy.stats.fisher_exact gives Fisher's two-sided p (PSPP 1.6.2's two-sided value is wrong),
  and scipy.stats.chi2_contingency(correction=False) cross-checks PSPP's chi-square, df, p and
  gives the expected counts (the sparse-table warning);
- cumulative valid percent is computed here in scale order (PSPP's follows sorted values and
  leaves out scale points nobody chose); zero rows for declared categories nobody chose are
  added here, since FREQUENCIES only lists values that occur;
- keywords come from the keyword oracle Tests/Fixtures/keywords/make-expected.py (Python
  snowballstemmer 2.2.0, the Snowball release of Debian's libstemmer).

Every figure PSPP gives is also recomputed in plain Python and the two must agree (rel 1e-12),
so a PSPP output parsing slip cannot go unnoticed.

Needs pspp, python3-numpy, python3-scipy, python3-yaml and `pip install snowballstemmer==2.2.0`.
Run from anywhere (writes stats-expected.json; the JSON is checked in, so tests need none of this):

    python3 Tests/Fixtures/statistics/make-stats-expected.py
"""
import csv
import importlib.metadata
import importlib.util
import io
import json
import math
import pathlib
import re
import subprocess
import sys
import tempfile

import numpy as np
import scipy
import yaml
from scipy import stats

HERE = pathlib.Path(__file__).resolve().parent
PSPP = "pspp"

# ---------------------------------------------------------------------------------------------
# The questionnaire
# ---------------------------------------------------------------------------------------------


def load_questionnaire():
    """oracle.yaml read with every scalar a string (so `yes`, `no` stay text)."""
    doc = yaml.load((HERE / "oracle.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    questions = []
    for q in doc["questions"]:
        kind = q["type"]
        question = {"id": q["id"], "type": kind, "required": q.get("required") == "true", "when": q.get("when")}
        if kind in ("single_choice", "multiple_choice"):
            question["codes"] = list(q["choices"].keys())
        elif kind == "rating":
            low, high = (int(v) for v in q["scale"])
            question["scale"] = list(range(low, high + 1))
            question["codes"] = [str(p) for p in question["scale"]]
        elif kind == "yes_no":
            question["codes"] = ["yes", "no"]
        elif kind == "number":
            question["min"] = float(q["min"]) if "min" in q else None
            question["max"] = float(q["max"]) if "max" in q else None
        questions.append(question)
    crosstabs = [tuple(pair) for pair in doc.get("report", {}).get("crosstabs", [])]
    return questions, crosstabs, doc.get("stopwords", [])


QUESTIONS, REPORT_CROSSTABS, STOPWORDS = load_questionnaire()
BY_ID = {q["id"]: q for q in QUESTIONS}

# Skip logic, restated: the source text must be what oracle.yaml says.
WHEN = {
    "discussion_time": ("sessions has groups", lambda a: "groups" in (a["sessions"] or set())),
    "why_low": ("usefulness <= 2", lambda a: a["usefulness"] is not None and a["usefulness"] <= 2),
}
for q in QUESTIONS:
    if q["when"] is not None:
        assert WHEN[q["id"]][0] == q["when"], (q["id"], q["when"])
    else:
        assert q["id"] not in WHEN, q["id"]

# ---------------------------------------------------------------------------------------------
# Reading responses: the import rules for canonical files
# ---------------------------------------------------------------------------------------------

BLANK_WORDS = {"", "na", "n/a", "-", "—", "#n/a", "null"}
SKIPPED, BLANK, INVALID = "skipped", "blank", "invalid"


def parse_number(text):
    # Issue 9: the importer now reads numbers by the definition's number format (oracle.yaml
    # is `en`: a decimal comma is an ambiguous_number); the fixtures hold no comma decimal
    # any more, so this older, looser rule gives the same figures.
    cleaned = text.replace(" ", "")
    if "." not in cleaned and cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_cell(question, raw):
    """(answer, status): answer is None unless the value is valid; status None when answered."""
    cell = raw.strip()
    if cell.lower() in BLANK_WORDS:
        return None, BLANK
    kind = question["type"]
    if kind == "single_choice":
        return (cell, None) if cell in question["codes"] else (None, INVALID)
    if kind == "multiple_choice":
        tokens = [t.strip() for t in cell.split(";")]
        chosen = {t for t in tokens if t in question["codes"]}
        unknown = [t for t in tokens if t not in question["codes"] and t.lower() not in BLANK_WORDS]
        if chosen:
            return chosen, None  # unknown codes are reported, the known ones still count
        return None, (INVALID if unknown else BLANK)
    if kind == "rating":
        value = parse_number(cell)
        if value is None or value != int(value) or int(value) not in question["scale"]:
            return None, INVALID
        return int(value), None
    if kind == "yes_no":
        return ({"yes": True, "no": False}[cell], None) if cell in ("yes", "no") else (None, INVALID)
    if kind == "number":
        value = parse_number(cell)
        if value is None:
            return None, INVALID
        if question["min"] is not None and value < question["min"]:
            return None, INVALID
        if question["max"] is not None and value > question["max"]:
            return None, INVALID
        return value, None
    if kind == "text":
        return cell, None
    raise ValueError(kind)


def read_rows(name):
    """One dict per respondent: `answers` (id → value or None) and `status` (id → None or why missing)."""
    rows = []
    with open(HERE / name, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == ["respondent"] + [q["id"] for q in QUESTIONS], reader.fieldnames
        for record in reader:
            assert None not in record and None not in record.values(), (name, reader.line_num)  # field count
            answers, status = {}, {}
            for q in QUESTIONS:
                answers[q["id"]], status[q["id"]] = parse_cell(q, record[q["id"]])
            # Skip logic in form order: a question not asked is skipped whatever its cell holds.
            for q in QUESTIONS:
                if q["id"] in WHEN and not WHEN[q["id"]][1](answers):
                    answers[q["id"]], status[q["id"]] = None, SKIPPED
            rows.append({"respondent": record["respondent"], "answers": answers, "status": status})
    return rows


# ---------------------------------------------------------------------------------------------
# PSPP
# ---------------------------------------------------------------------------------------------

MISSING_CODE = {SKIPPED: -1, BLANK: -2, INVALID: -3}


def choice_var(question, index):
    return f"{question['id']}_c{index + 1}"


def count_var(question):
    return f"{question['id']}_n"


def pspp_variables():
    """PSPP variable names in data-file order."""
    names = []
    for q in QUESTIONS:
        if q["type"] == "multiple_choice":
            names += [choice_var(q, i) for i in range(len(q["codes"]))] + [count_var(q)]
        else:
            names.append(q["id"])
    return names


def pspp_record(row):
    """One data line: categories as their 1-based position, numbers as they are, text as 1."""
    values = []
    for q in QUESTIONS:
        answer, status = row["answers"][q["id"]], row["status"][q["id"]]
        if q["type"] == "multiple_choice":
            if status is not None:
                values += [MISSING_CODE[status]] * (len(q["codes"]) + 1)
            else:
                values += [1 if code in answer else 0 for code in q["codes"]] + [len(answer)]
            continue
        if status is not None:
            values.append(MISSING_CODE[status])
        elif q["type"] == "single_choice":
            values.append(q["codes"].index(answer) + 1)
        elif q["type"] == "yes_no":
            values.append(1 if answer else 2)
        elif q["type"] in ("rating", "number"):
            values.append(answer)
        elif q["type"] == "text":
            values.append(1)
    return " ".join(repr(float(v)) if isinstance(v, float) else str(v) for v in values)


PREAMBLE = """\
SET FORMAT=F40.16.
OUTPUT MODIFY /SELECT TABLES /TABLECELLS SELECT=[PERCENT RESIDUAL] FORMAT=F40.16.
OUTPUT MODIFY /SELECT TABLES /TABLECELLS SELECT=[SIGNIFICANCE] FORMAT=E40.16.
"""


def pspp_syntax(data_path, crosstab_pairs):
    names = pspp_variables()
    lines = [PREAMBLE]
    lines.append(f"DATA LIST LIST FILE='{data_path}' /{' '.join(names)}.")
    lines.append(f"FORMATS {' '.join(names)} (F40.16).")
    lines.append(f"MISSING VALUES {' '.join(names)} (-3 THRU -1).")
    for q in QUESTIONS:
        if q["type"] == "multiple_choice":
            variables = " ".join(choice_var(q, i) for i in range(len(q["codes"])))
            # Documents the set; PSPP 1.6.2 has no procedure that tabulates it (see above).
            lines.append(f"MRSETS /MDGROUP NAME=${q['id']} VARIABLES={variables} VALUE=1.")
    lines.append(f"FREQUENCIES /VARIABLES={' '.join(names)} /STATISTICS=NONE.")
    scale = [q["id"] for q in QUESTIONS if q["type"] in ("rating", "number")]
    counts = [count_var(q) for q in QUESTIONS if q["type"] == "multiple_choice"]
    lines.append(f"DESCRIPTIVES /VARIABLES={' '.join(scale + counts)} /STATISTICS=MEAN STDDEV MIN MAX SUM.")
    for row, column in crosstab_pairs:
        lines.append(f"CROSSTABS /TABLES={row} BY {column} /CELLS=COUNT ROW COLUMN TOTAL /STATISTICS=CHISQ PHI.")
    return "\n".join(lines) + "\n"


def run_pspp(syntax, data_lines):
    """Runs PSPP on the data and returns its tables as (title, rows) in output order."""
    with tempfile.TemporaryDirectory() as work:
        work = pathlib.Path(work)
        data = work / "data.txt"
        data.write_text("\n".join(data_lines) + "\n", encoding="utf-8")
        script = work / "job.sps"
        script.write_text(syntax(data), encoding="utf-8")
        out = work / "out.csv"
        result = subprocess.run([PSPP, "-O", "format=csv", "-o", str(out), str(script)],
                                capture_output=True, text=True)
        text = out.read_text(encoding="utf-8")
    errors = [line for line in (result.stdout + result.stderr + text).splitlines() if ": error:" in line]
    if result.returncode != 0 or errors:
        sys.exit(f"pspp failed ({result.returncode}):\n" + "\n".join(errors) + result.stderr)
    tables = []
    for block in text.split("\n\n"):
        block = block.strip("\n")
        if not block.startswith("Table: "):
            continue
        title, _, body = block.partition("\n")
        tables.append((title[len("Table: "):], list(csv.reader(io.StringIO(body)))))
    return tables


def number(cell):
    cell = cell.strip()
    return None if cell in ("", ".") else float(cell)


def frequency_table(rows):
    """FREQUENCIES: {value: (count, percent, valid percent, cumulative)}, {missing code: count}, total."""
    valid, missing, total, section = {}, {}, None, None
    for row in rows[1:]:
        if row[0]:
            section = row[0]
        if section == "Total":
            total = int(number(row[2]))
        elif section == "Valid":
            valid[number(row[1])] = (int(number(row[2])), number(row[3]), number(row[4]), number(row[5]))
        elif section == "Missing":
            missing[int(number(row[1]))] = int(number(row[2]))
    return valid, missing, total


def crosstab_table(rows):
    """CROSSTABS cells: {(row value, column value): {statistic: value}} for rows and columns that occur."""
    columns = [number(c) for c in rows[1][3:-1]]
    cells, current = {}, None
    for row in rows[2:]:
        if row[0] == "Total":
            break
        if row[1]:
            current = number(row[1])
        for column, cell in zip(columns, row[3:-1]):
            cells.setdefault((current, column), {})[row[2]] = number(cell)
    return cells


def pspp_figures(rows, crosstab_pairs):
    """Everything PSPP computes for these rows, keyed so the assembly below can find it."""
    tables = run_pspp(lambda data: pspp_syntax(data, [p for p in crosstab_pairs if not is_multiple(p)]),
                      [pspp_record(r) for r in rows])
    figures = {"frequencies": {}, "descriptives": {}, "crosstabs": {}}
    names = set(pspp_variables())
    current = None
    for title, body in tables:
        if title in names:
            figures["frequencies"][title] = frequency_table(body)
        elif title == "Descriptive Statistics":
            for row in body[1:]:
                if row[0] in names:
                    figures["descriptives"][row[0]] = {
                        "n": int(number(row[1])), "mean": number(row[2]), "sd": number(row[3]),
                        "min": number(row[4]), "max": number(row[5]), "sum": number(row[6])}
        elif " × " in title:
            current = tuple(title.split(" × "))
            figures["crosstabs"][current] = {"cells": crosstab_table(body)}
        elif title == "Chi-Square Tests" and current:
            for row in body:
                if row[0] == "Pearson Chi-Square":
                    figures["crosstabs"][current].update(chi_square=number(row[1]), df=int(number(row[2])), p=number(row[3]))
        elif title == "Symmetric Measures" and current:
            for row in body:
                if row[1] == "Cramer's V":
                    figures["crosstabs"][current]["cramers_v"] = number(row[2])
    for pair in crosstab_pairs:
        if is_multiple(pair):
            figures["crosstabs"][pair] = pspp_multiple_crosstab(rows, pair)
    return figures


def is_multiple(pair):
    return any(BY_ID[q]["type"] == "multiple_choice" for q in pair)


def categories(question, answer):
    """Category positions (0-based) an answer falls in; several for multiple choice."""
    if answer is None:
        return []
    if question["type"] == "multiple_choice":
        return [i for i, code in enumerate(question["codes"]) if code in answer]
    if question["type"] == "yes_no":
        return [0 if answer else 1]
    if question["type"] == "rating":
        return [question["scale"].index(answer)]
    return [question["codes"].index(answer)]


def pspp_multiple_crosstab(rows, pair):
    """A cross-tab with a multiple-choice side: one PSPP case per mention."""
    row_q, column_q = BY_ID[pair[0]], BY_ID[pair[1]]
    mentions = []
    for r in rows:
        for i in categories(row_q, r["answers"][row_q["id"]]):
            for j in categories(column_q, r["answers"][column_q["id"]]):
                mentions.append(f"{i + 1} {j + 1}")
    if not mentions:
        return {"cells": {}}

    def syntax(data):
        return (PREAMBLE + f"DATA LIST LIST FILE='{data}' /r c.\nFORMATS r c (F40.16).\n"
                "CROSSTABS /TABLES=r BY c /CELLS=COUNT ROW COLUMN TOTAL /STATISTICS=CHISQ PHI.\n")

    result, seen = {"cells": {}}, False
    for title, body in run_pspp(syntax, mentions):
        if title == "r × c":
            result["cells"], seen = crosstab_table(body), True
        elif title == "Chi-Square Tests" and seen:
            for row in body:
                if row[0] == "Pearson Chi-Square":
                    result.update(chi_square=number(row[1]), df=int(number(row[2])), p=number(row[3]))
        elif title == "Symmetric Measures" and seen:
            for row in body:
                if row[1] == "Cramer's V":
                    result["cramers_v"] = number(row[2])
    # Positions stand in for the values here; map them to the coded values of the plain case.
    result["cells"] = {(code_value(row_q, r), code_value(column_q, c)): v for (r, c), v in result["cells"].items()}
    return result


def code_value(question, position):
    """The value PSPP saw for a category: its 1-based position, or the scale point for ratings."""
    if question["type"] == "rating" and question["scale"]:
        return float(question["scale"][int(position) - 1])
    return float(position)


# ---------------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------------


def close(a, b, what, rel=1e-12):
    if a is None or b is None:
        assert a is None and b is None, (what, a, b)
        return
    assert math.isclose(a, b, rel_tol=rel, abs_tol=1e-12), (what, a, b)


def percent(part, whole):
    return part / whole * 100 if whole > 0 else None


Z95 = float(stats.norm.ppf(0.975))


def wilson(successes, total):
    """95% Wilson score interval in percent; None when there is no base."""
    if total == 0:
        return None, None
    p = successes / total
    denominator = 1 + Z95 ** 2 / total
    center = (p + Z95 ** 2 / (2 * total)) / denominator
    half = Z95 * math.sqrt(p * (1 - p) / total + Z95 ** 2 / (4 * total ** 2)) / denominator
    return max(0.0, center - half) * 100, min(1.0, center + half) * 100


def pspp_value(question, position):
    """The coded value of a category in the PSPP data."""
    if question["type"] == "rating":
        return float(question["scale"][position])
    return float(position + 1)


def base(question, rows, pspp):
    variable = choice_var(question, 0) if question["type"] == "multiple_choice" else question["id"]
    responses = len(rows)
    statuses = [r["status"][question["id"]] for r in rows]
    mine = {
        "responses": responses,
        "skipped": statuses.count(SKIPPED),
        "blank": statuses.count(BLANK),
        "invalid": statuses.count(INVALID),
        "answered": statuses.count(None),
    }
    mine["asked"] = responses - mine["skipped"]
    if pspp is None:
        return mine
    valid, missing, total = pspp["frequencies"][variable]
    figures = {
        "responses": total,
        "skipped": missing.get(-1, 0),
        "blank": missing.get(-2, 0),
        "invalid": missing.get(-3, 0),
    }
    figures["answered"] = total - sum(missing.values())
    figures["asked"] = total - figures["skipped"]
    assert figures == mine, (question["id"], figures, mine)
    return figures


def frequencies(question, rows, pspp, the_base):
    counts = [0] * len(question["codes"])
    for r in rows:
        for i in categories(question, r["answers"][question["id"]]):
            counts[i] += 1
    valid = pspp["frequencies"][question["id"]][0] if pspp else {}
    ordered = question["type"] == "rating"
    table, cumulative = [], 0
    for i, code in enumerate(question["codes"]):
        count, pct, valid_pct, pspp_cumulative = valid.get(pspp_value(question, i), (0, None, None, None))
        assert count == counts[i], (question["id"], code, count, counts[i])
        if count == 0:  # FREQUENCIES leaves out values nobody gave
            pct = percent(0, the_base["responses"])
            valid_pct = percent(0, the_base["answered"])
        close(pct, percent(count, the_base["responses"]), (question["id"], code, "percent"))
        # PSPP's Percent is of all cases; `survey` puts it on the respondents asked (skip logic
        # leaves the others out of the base), computed here from the same count.
        pct = percent(count, the_base["asked"])
        close(valid_pct, percent(count, the_base["answered"]), (question["id"], code, "valid percent"))
        cumulative += count
        cumulative_pct = percent(cumulative, the_base["answered"]) if ordered else None
        if ordered and count > 0:  # PSPP's running total agrees where it lists the point
            close(pspp_cumulative, cumulative_pct, (question["id"], code, "cumulative"))
        low, high = wilson(count, the_base["answered"])
        table.append({
            "code": code, "count": count, "percent": pct, "validPercent": valid_pct,
            "cumulativeValidPercent": cumulative_pct, "validPercentLow": low, "validPercentHigh": high,
        })
    return {"isOrdered": ordered, "rows": table}, counts


def descriptives(question, rows, pspp, counts=None, answered=None):
    values = [float(r["answers"][question["id"]]) for r in rows if r["status"][question["id"]] is None]
    figures = pspp["descriptives"][question["id"]] if pspp else {"n": 0, "mean": None, "sd": None, "min": None, "max": None}
    n = len(values)
    assert figures["n"] == n, (question["id"], figures["n"], n)
    close(figures["mean"], float(np.mean(values)) if n else None, (question["id"], "mean"))
    close(figures["sd"], float(np.std(values, ddof=1)) if n > 1 else None, (question["id"], "sd"))
    close(figures["min"], min(values) if n else None, (question["id"], "min"))
    close(figures["max"], max(values) if n else None, (question["id"], "max"))
    q1, median, q3 = (float(v) for v in np.percentile(values, [25, 50, 75])) if n else (None, None, None)
    result = {
        "n": n, "mean": figures["mean"], "standardDeviation": figures["sd"],
        "minimum": figures["min"], "maximum": figures["max"], "q1": q1, "median": median, "q3": q3,
        "topTwoBox": None, "bottomTwoBox": None,
    }
    if counts is not None:
        result["topTwoBox"] = percent(counts[-1] + counts[-2], answered)
        result["bottomTwoBox"] = percent(counts[0] + counts[1], answered)
    return result


def multiple_response(question, rows, pspp, the_base):
    answered = the_base["answered"]
    table, counts = [], []
    for i, code in enumerate(question["codes"]):
        count = sum(1 for r in rows if r["status"][question["id"]] is None and code in r["answers"][question["id"]])
        counts.append(count)
        of_respondents = percent(count, answered)
        if pspp and answered:
            valid = pspp["frequencies"][choice_var(question, i)][0]
            pspp_count, _, valid_pct, _ = valid.get(1.0, (0, None, percent(0, answered), None))
            assert pspp_count == count, (question["id"], code)
            close(valid_pct, of_respondents, (question["id"], code, "% of respondents"))
            of_respondents = valid_pct
        table.append({"code": code, "count": count, "percentOfRespondents": of_respondents})
    mentions = sum(counts)
    mean_choices = mentions / answered if answered else None
    if pspp and answered:
        figures = pspp["descriptives"][count_var(question)]
        assert figures["n"] == answered and int(figures["sum"]) == mentions, (question["id"], figures)
        close(figures["mean"], mean_choices, (question["id"], "mean choices"))
        mean_choices = figures["mean"]
    for row in table:
        row["percentOfMentions"] = percent(row["count"], mentions)
    return {"rows": table, "mentions": mentions, "meanChoices": mean_choices}


def load_keyword_oracle():
    path = HERE.parent / "keywords" / "make-expected.py"
    spec = importlib.util.spec_from_file_location("keyword_oracle", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


KEYWORDS = load_keyword_oracle()


def text_summary(question, rows, the_base):
    answers = [r["answers"][question["id"]] for r in rows if r["status"][question["id"]] is None]
    counted = KEYWORDS.count({"language": None, "stopwords": STOPWORDS, "answers": answers})
    return {
        "answered": the_base["answered"], "answersWithWords": counted["answerCount"],
        "keywords": counted["top"], "phrases": counted["topPhrases"],
    }


def question_results(rows, pspp):
    results = []
    for q in QUESTIONS:
        the_base = base(q, rows, pspp)
        result = {"id": q["id"], "type": q["type"], "base": the_base,
                  "frequencies": None, "multipleResponse": None, "descriptives": None, "text": None}
        if q["type"] in ("single_choice", "yes_no", "rating"):
            result["frequencies"], counts = frequencies(q, rows, pspp, the_base)
            if q["type"] == "rating":
                result["descriptives"] = descriptives(q, rows, pspp, counts, the_base["answered"])
        elif q["type"] == "multiple_choice":
            result["multipleResponse"] = multiple_response(q, rows, pspp, the_base)
        elif q["type"] == "number":
            result["descriptives"] = descriptives(q, rows, pspp)
        elif q["type"] == "text":
            result["text"] = text_summary(q, rows, the_base)
        results.append(result)
    return results


def crosstab(pair, rows, pspp):
    row_q, column_q = BY_ID[pair[0]], BY_ID[pair[1]]
    multiple = is_multiple(pair)
    counts = [[0] * len(column_q["codes"]) for _ in row_q["codes"]]
    respondents = 0
    # Totals and percentage bases are respondents (SPSS MULT RESPONSE): with a multiple-choice
    # side one respondent fills several cells, so the bases are counted, not summed.
    row_respondents = [0] * len(row_q["codes"])
    column_respondents = [0] * len(column_q["codes"])
    for r in rows:
        row_cats = categories(row_q, r["answers"][row_q["id"]])
        column_cats = categories(column_q, r["answers"][column_q["id"]])
        if row_cats and column_cats:
            respondents += 1
            for i in row_cats:
                row_respondents[i] += 1
            for j in column_cats:
                column_respondents[j] += 1
        for i in row_cats:
            for j in column_cats:
                counts[i][j] += 1
    mention_row_sums = [sum(row) for row in counts]
    mention_column_sums = [sum(row[j] for row in counts) for j in range(len(column_q["codes"]))]
    if not multiple:
        assert row_respondents == mention_row_sums and column_respondents == mention_column_sums
    row_totals, column_totals, total = row_respondents, column_respondents, respondents

    figures = pspp["crosstabs"].get(tuple(pair), {"cells": {}}) if pspp else {"cells": {}}
    row_pct, column_pct, total_pct = [], [], []
    for i in range(len(row_q["codes"])):
        rp, cp, tp = [], [], []
        for j in range(len(column_q["codes"])):
            cell = figures["cells"].get((pspp_value(row_q, i), pspp_value(column_q, j)))
            mine = (percent(counts[i][j], row_totals[i]), percent(counts[i][j], column_totals[j]),
                    percent(counts[i][j], total))
            if cell is not None:  # PSPP lists rows and columns that occur
                assert int(cell["Count"]) == counts[i][j], (pair, i, j, cell, counts[i][j])
                if not multiple:  # PSPP's per-mention percentages differ from respondent bases
                    for name, value in zip(("Row %", "Column %", "Total %"), mine):
                        close(cell[name], value, (pair, i, j, name))
                    mine = (cell["Row %"], cell["Column %"], cell["Total %"])
            else:
                assert row_totals[i] == 0 or column_totals[j] == 0, (pair, i, j)
            rp.append(mine[0])
            cp.append(mine[1])
            tp.append(mine[2])
        row_pct.append(rp)
        column_pct.append(cp)
        total_pct.append(tp)

    result = {
        "rowQuestion": pair[0], "columnQuestion": pair[1],
        "rowCodes": row_q["codes"], "columnCodes": column_q["codes"],
        "counts": counts, "rowTotals": row_totals, "columnTotals": column_totals,
        "total": total,
        "rowPercents": row_pct, "columnPercents": column_pct, "totalPercents": total_pct,
        "isMultipleResponse": multiple, "test": None,
    }
    kept_rows = [i for i, t in enumerate(mention_row_sums) if t > 0]
    kept_columns = [j for j, t in enumerate(mention_column_sums) if t > 0]
    if len(kept_rows) < 2 or len(kept_columns) < 2:
        assert "chi_square" not in figures, (pair, figures)
        return result
    observed = np.array([[counts[i][j] for j in kept_columns] for i in kept_rows])
    check = stats.chi2_contingency(observed, correction=False)
    if "chi_square" not in figures:
        # PSPP 1.6.2 leaves the Pearson row out of its table when the statistic is exactly 0
        # (observed = expected everywhere); then scipy's figures stand in.
        assert check.statistic == 0, (pair, check.statistic)
        figures.update(chi_square=0.0, df=int(check.dof), p=float(check.pvalue))
    close(figures["chi_square"], float(check.statistic), (pair, "chi-square"))
    assert figures["df"] == int(check.dof), (pair, figures["df"], check.dof)
    close(figures["p"], float(check.pvalue), (pair, "p"), rel=1e-9)
    v = math.sqrt(check.statistic / (observed.sum() * (min(observed.shape) - 1)))
    close(figures["cramers_v"], v, (pair, "V"))
    expected = check.expected_freq
    below_five = float((expected < 5).sum()) / expected.size * 100
    below_one = bool((expected < 1).any())
    sparse = below_five > 20 or below_one
    fisher = None
    if sparse and observed.shape == (2, 2):
        fisher = float(stats.fisher_exact(observed, alternative="two-sided").pvalue)
    result["test"] = {
        "chiSquare": figures["chi_square"], "degreesOfFreedom": figures["df"], "pValue": figures["p"],
        "cramersV": figures["cramers_v"], "expectedBelowFivePercent": below_five, "anyExpectedBelowOne": below_one,
        "isSparse": sparse, "droppedRows": [row_q["codes"][i] for i in range(len(row_totals)) if i not in kept_rows],
        "droppedColumns": [column_q["codes"][j] for j in range(len(column_totals)) if j not in kept_columns],
        "fisherPValue": fisher,
    }
    return result


def analyse(rows, crosstab_pairs):
    pspp = pspp_figures(rows, crosstab_pairs) if rows else None
    return question_results(rows, pspp), [crosstab(p, rows, pspp) for p in crosstab_pairs]


# ---------------------------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------------------------

# `--where` expressions, restated as Python predicates on a row's answers.
FILTERS = {
    "org_type == ngo": lambda a: a["org_type"] == "ngo",
    "sessions has groups or age < 30": lambda a: "groups" in (a["sessions"] or set()) or (a["age"] is not None and a["age"] < 30),
    "usefulness >= 4 and not attend_again == no": lambda a: (a["usefulness"] is not None and a["usefulness"] >= 4)
        and not (a["attend_again"] is False),
}


def case(name, file, crosstabs=REPORT_CROSSTABS, where=None, by=None):
    rows = read_rows(file)
    if where:
        rows = [r for r in rows if FILTERS[where](r["answers"])]
    questions, tabs = analyse(rows, crosstabs)
    groups = []
    if by:
        group_q = BY_ID[by]
        for i, code in enumerate(group_q["codes"]):
            members = [r for r in rows if i in categories(group_q, r["answers"][by])]
            group_questions, _ = analyse(members, [])
            groups.append({"code": code, "responses": len(members), "questions": group_questions})
    print(f"{name}: {len(rows)} responses, {len(tabs)} cross-tabs, {len(groups)} groups")
    return {
        "name": name, "files": [file], "filter": where, "groupBy": by,
        "crossTabs": [list(p) for p in crosstabs], "responses": len(rows),
        "questions": questions, "crossTabResults": tabs, "groups": groups,
    }


def main():
    version = subprocess.run([PSPP, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    if "1.6.2" not in version:
        print(f"warning: {version}; the figures were checked against GNU PSPP 1.6.2", file=sys.stderr)
    snowball = importlib.metadata.version("snowballstemmer")
    empty_row_tabs = REPORT_CROSSTABS + [("usefulness", "org_type")]
    cases = [
        case("canonical", "oracle-responses.csv", by="org_type"),
        case("canonical by sessions", "oracle-responses.csv", by="sessions"),
        case("where org_type == ngo", "oracle-responses.csv", where="org_type == ngo"),
        case("where has/or", "oracle-responses.csv", where="sessions has groups or age < 30"),
        case("where and/not", "oracle-responses.csv", where="usefulness >= 4 and not attend_again == no"),
        case("one respondent", "oracle-one-respondent.csv"),
        case("unanswered question", "oracle-unanswered-question.csv"),
        case("cross-tab with an empty row", "oracle-crosstab-empty-row.csv", crosstabs=empty_row_tabs),
        case("tiny 2x2", "oracle-tiny-2x2.csv"),
        case("all numbers missing", "oracle-all-missing-numbers.csv"),
        case("stop words only", "oracle-stopwords-only.csv"),
        case("mixed Russian and English", "oracle-mixed-language.csv"),
    ]
    document = {
        "generator": f"make-stats-expected.py: {version}, numpy {np.__version__}, scipy {scipy.__version__}, "
                     f"snowballstemmer {snowball}",
        "cases": cases,
    }
    out = HERE / "stats-expected.json"
    out.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(HERE.parents[2])}")


if __name__ == "__main__":
    main()
