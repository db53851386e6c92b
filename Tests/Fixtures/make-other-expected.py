#!/usr/bin/env python3
"""Expected figures for the "other answers" fixtures, computed from the raw exports alone.

    python3 Tests/Fixtures/make-other-expected.py

Reads responses-kobo-other.csv and responses-google-forms-other.csv with Python's csv module
and applies the rules of docs/definition.md ("Other answers", "Aliases") written out here
independently of the Swift code: codes, labels and aliases matched ignoring case, spacing and
trailing dots; Google Forms checkbox cells split at commas, taking the longest run of pieces
that is a label; pieces matching nothing are the other text, joined back as written; KoboToolbox
`q_other` text ticks `other` (blank single choice, any multiple choice), and beside another single
choice is an `other_text_not_chosen` problem (the choice stays, the text is not an other answer).
Writes responses-*-other-expected.json: per question its base, counts per code, mentions,
rating n/mean, and the other answers as [respondent, text] pairs sorted by respondent.
"""
import csv
import json
import re
from pathlib import Path

HERE = Path(__file__).parent


def fold(text):
    return re.sub(r"\s+", " ", text.strip().lower())


def dotless(folded):
    return folded.rstrip(". ")


class Choices:
    def __init__(self, choices):
        self.codes = [c[0] for c in choices]
        self.folded = {}
        self.bare = {}
        for code, texts in choices:
            for text in [code] + texts:
                self.folded.setdefault(fold(text), code)
                self.bare.setdefault(dotless(fold(text)), code)

    def lookup(self, text):
        if text in self.codes:
            return text
        key = fold(text)
        return self.folded.get(key) or self.bare.get(dotless(key))


def google_checkbox(cell, choices):
    """(codes picked, other text or None)."""
    cell = cell.strip()
    if not cell:
        return set(), None
    whole = choices.lookup(cell)
    if whole:
        return {whole}, None
    pieces = cell.split(",")
    picked, unknown, run = set(), [], None
    i = 0
    while i < len(pieces):
        if not pieces[i].strip():
            i += 1
            continue
        for j in range(len(pieces) - 1, i - 1, -1):
            code = choices.lookup(",".join(pieces[i:j + 1]).strip())
            if code:
                break
        else:
            run = pieces[i] if run is None else run + "," + pieces[i]
            i += 1
            continue
        if run is not None and run.strip():
            unknown.append(run.strip())
        run = None
        picked.add(code)
        i = j + 1
    if run is not None and run.strip():
        unknown.append(run.strip())
    if not unknown:
        return picked, None
    text = cell if not picked else ", ".join(unknown)
    return picked | {"other"}, text


def tally(questions, answers):
    """questions: id -> (kind, codes); answers: list of (respondent, {id: (value, other_text)})."""
    result = {}
    for qid, (kind, codes) in questions.items():
        entry = {"responses": len(answers), "asked": len(answers), "skipped": 0, "invalid": 0}
        counts = {code: 0 for code in codes}
        answered, mentions, values, others = 0, 0, [], []
        for respondent, row in answers:
            value, other = row.get(qid, (None, None))
            if value in (None, set(), ""):
                continue
            answered += 1
            if kind == "multiple":
                for code in value:
                    counts[code] += 1
                mentions += len(value)
                if "other" in value and other:
                    others.append([respondent, other])
            else:
                counts[value] += 1
                if kind == "rating":
                    values.append(int(value))
                if value == "other" and other:
                    others.append([respondent, other])
        entry["answered"] = answered
        entry["blank"] = len(answers) - answered
        out = {"base": entry, "counts": counts}
        if kind == "multiple":
            out["mentions"] = mentions
        if kind == "rating":
            out["n"] = len(values)
            out["mean"] = sum(values) / len(values)
        if kind in ("single", "multiple"):
            out["other"] = sorted(others, key=lambda pair: (len(pair[0]), pair[0]))
        result[qid] = out
    return result


def kobo():
    org = Choices([("gov", ["Government agency"]), ("ngo", ["Non-governmental organization"]),
                   ("intl", ["International organization"]), ("other", ["Other", "Другое"])])
    questions = {
        "org_type": ("single", ["gov", "ngo", "intl", "other"]),
        "sessions": ("multiple", ["brainstorm", "groups", "letter", "other"]),
        "topics": ("multiple", ["law", "labour", "other"]),
        "usefulness": ("rating", ["1", "2", "3", "4", "5"]),
    }
    answers, problems = [], {}
    with open(HERE / "responses-kobo-other.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter=";"):
            got = {}
            value, text = row["intro/org_type"].strip(), row["intro/org_type_other"].strip()
            code = org.lookup(value) if value else None
            if text:
                if code is None:
                    code = "other"
                elif code != "other":
                    problems["other_text_not_chosen"] = problems.get("other_text_not_chosen", 0) + 1
                    text = None
            got["org_type"] = (code, text or None)
            picked = set(row["seminar/sessions"].split())
            text = row["seminar/sessions_other"].strip()
            if text:
                picked.add("other")
            got["sessions"] = (picked, text or None)
            picked = {code for code in ("law", "labour", "other") if row[f"seminar/topics/{code}"] == "1"}
            text = row["seminar/topics_other"].strip()
            if text:
                picked.add("other")
            got["topics"] = (picked, text or None)
            got["usefulness"] = (row["seminar/usefulness"].strip() or None, None)
            answers.append((row["_id"], got))
    return {"problems": problems, "questions": tally(questions, answers)}


def google_forms():
    country = Choices([("us", ["United States", "USA", "U.S.", "United States of America"]),
                       ("kg", ["Kyrgyzstan", "Kirghizia"]), ("ru", ["Russia"]), ("other", ["Other", "Другое"])])
    sessions = Choices([("brainstorm", ["Brainstorm on the Council's role, tasks and members"]),
                        ("groups", ["Group work, Action Plan"]), ("letter", ["Letter to the President"]),
                        ("other", ["Other", "Другое"])])
    questions = {
        "country": ("single", ["us", "kg", "ru", "other"]),
        "sessions": ("multiple", ["brainstorm", "groups", "letter", "other"]),
        "usefulness": ("rating", ["1", "2", "3", "4", "5"]),
    }
    answers = []
    with open(HERE / "responses-google-forms-other.csv", newline="", encoding="utf-8") as f:
        for number, row in enumerate(csv.DictReader(f), start=1):
            got = {}
            value = row["Which country do you live in?"].strip()
            code = country.lookup(value) if value else None
            got["country"] = (code, None) if code or not value else ("other", value)
            got["sessions"] = google_checkbox(row["Which sessions did you attend?"], sessions)
            got["usefulness"] = (row["How useful was the seminar?"].strip() or None, None)
            answers.append((str(number), got))
    return {"problems": {}, "questions": tally(questions, answers)}


for name, figures in [("responses-kobo-other-expected.json", kobo()), ("responses-google-forms-other-expected.json", google_forms())]:
    (HERE / name).write_text(json.dumps(figures, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print("wrote", name)
