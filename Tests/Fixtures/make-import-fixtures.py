#!/usr/bin/env python3
"""Writes the import fixtures beside this script from one small canonical dataset.

    python3 Tests/Fixtures/make-import-fixtures.py

Standard library only; the output is byte-for-byte the same on every run, so the generated
files are committed and `git diff` after a run shows any change. The questionnaire is
feedback.yaml (beside this script); QUESTIONS below repeats its texts and labels, and the
script stops if one of them is no longer found in feedback.yaml.

Every clean fixture holds the same eight responses (DATASET) written the way one real tool
writes them. Before writing, the script reads each file back with Python's csv module and a
small independent importer (`oracle_import`) and checks that it yields the expected
canonical rows, so a quoting or encoding slip here fails loudly instead of becoming a wrong
oracle for the Swift tests.

How the numbers in responses-messy-expected.json were derived
----------------------------------------------------------------
responses-messy.csv is written line by line from MESSY_LINES (below), by hand, not from the
dataset. Its header has the 10 question ids, `respondent`, and one column the questionnaire
does not know, `interviewer_note` (placed between age and travel_hours, so columns must be
matched by name, not position): 12 fields per row. Line numbers are physical lines, header = 1.
The first record spans lines 2-3 (a quoted newline), so from then on the record number and
the line number differ by one.

  line  respondent  content                                   outcome
  2-3   1           clean; improve has a quoted newline       accepted
  4     2           role = director (no such code or label)   accepted, unknown_choice
  5     3           usefulness = 7 (scale 1-5)                accepted, out_of_range
  6     4           age = twenty                              accepted, not_a_number
  7     5           age = 12 (min 16)                         accepted, out_of_range
  8     6           sessions = brainstorm;groups;letter       accepted, too_many_choices (3 > 2)
  9     7           sessions = groups;lunch                   accepted, unknown_choice (lunch);
                                                              groups is kept
  10    8           org_type blank (required: true)           accepted, required_missing
  11    9           improve = "Good"overall (text after the   REJECTED: broken quoting
                    closing quote)
  12    10          why_not_useful answered, usefulness = 4   accepted, answered_when_skipped
                    (when: usefulness <= 2 is false)
  13    1           respondent 1 again (line 2 has it)        REJECTED: duplicate respondent id
  14    12          improve = Good seminar, thanks (unquoted  REJECTED: 13 fields, header has 12
                    comma)
  15    13          NA, N/A, - in sessions, usefulness, age,  accepted, no problems: these are
                    travel_hours, improve                      plain "no answer", except in the
                                                               text question improve, where `-`
                                                               is kept as written (issue 9)
  16    14          usefulness = 2 and why_not_useful          accepted, no problems (the when
                    answered                                   condition holds)

  rows_read = 14 records (lines 2-3 are one record)   accepted = 11   rejected = 3
  unknown_choice        2  (line 4 role, line 9 sessions token `lunch`; the problems file
                           records the raw cell `groups;lunch` as the value)
  out_of_range          2  (line 5 usefulness, line 7 age)
  not_a_number          1  (line 6)
  too_many_choices      1  (line 8)
  required_missing      1  (line 10)
  answered_when_skipped 1  (line 12)
  rejected_lines        [11, 13, 14]
  unknown_columns       ["interviewer_note"]

Each bad row has exactly one bad cell, and the bad cell is never one that another rule reads:
org_type is never the unknown choice (that would raise the question whether a required
question with a bad value also counts as required_missing), and usefulness is never invalid
in a row that answers why_not_useful. The duplicate row and the too-many-fields row are
otherwise clean. responses-messy-expected.csv is the canonical output for the 11 accepted
rows: failed values blank, `groups` kept from `groups;lunch`, the unknown column dropped.
The script checks the line numbers, the field counts and the broken quoting with Python's
csv module, and that the JSON totals equal the per-line table (MESSY_LINES).
"""

import csv
import datetime
import io
import json
import pathlib
import re
import sys
from decimal import Decimal

HERE = pathlib.Path(__file__).resolve().parent

# ---------------------------------------------------------------------------------------
# The questionnaire (a copy of feedback.yaml's texts, checked against it at start-up)

QUESTIONS = [
    {"id": "org_type", "type": "single_choice",
     "text": {"en": "What type of organization do you represent?", "ru": "Какую организацию вы представляете?"},
     "choices": {"gov": {"en": "Government agency", "ru": "Государственный орган"},
                 "ngo": {"en": "Non-governmental organization", "ru": "Неправительственная организация"},
                 "other": {"en": "Other", "ru": "Другое"}}},
    {"id": "role", "type": "single_choice",
     "text": {"en": "What is your role in the organization?", "ru": "Какова ваша роль в организации?"},
     "choices": {"head": {"en": "Head of organization", "ru": "Руководитель"},
                 "specialist": {"en": "Specialist", "ru": "Специалист"},
                 "other": {"en": "Other", "ru": "Другое"}}},
    {"id": "sessions", "type": "multiple_choice",
     "text": {"en": "Which sessions were most useful?", "ru": "Какие сессии были наиболее полезными?"},
     "choices": {"brainstorm": {"en": "Brainstorm on the Council's role", "ru": "Мозговой штурм о роли Совета"},
                 "groups": {"en": "Group work, Action Plan", "ru": "Работа в группах, план действий"},
                 "letter": {"en": "Letter to the President", "ru": "Письмо Президенту"}}},
    {"id": "usefulness", "type": "rating",
     "text": {"en": "How useful was the seminar for your work?", "ru": "Насколько семинар был полезен для вашей работы?"},
     "labels": {1: {"en": "Not useful", "ru": "Бесполезен"}, 5: {"en": "Very useful", "ru": "Очень полезен"}}},
    {"id": "attend_again", "type": "yes_no",
     "text": {"en": "Would you take part in a similar event again?", "ru": "Приняли бы вы участие в подобном мероприятии снова?"}},
    {"id": "age", "type": "number",
     "text": {"en": "Your age", "ru": "Ваш возраст"}},
    {"id": "travel_hours", "type": "number",
     "text": {"en": "How many hours did your journey to the seminar take?", "ru": "Сколько часов занял ваш путь на семинар?"}},
    {"id": "improve", "type": "text",
     "text": {"en": "What should be improved?", "ru": "Что следует улучшить?"}},
    {"id": "why_not_useful", "type": "text",
     "text": {"en": "Why was it not useful?", "ru": "Почему семинар был бесполезен?"}},
    {"id": "visit_date", "type": "date",
     "text": {"en": "Date of the seminar you attended", "ru": "Дата семинара, который вы посетили"}},
]
IDS = [q["id"] for q in QUESTIONS]
BY_ID = {q["id"]: q for q in QUESTIONS}

# ---------------------------------------------------------------------------------------
# The canonical dataset: eight responses, values as the canonical file writes them.
# Traits: Cyrillic and «» (Windows-1251 high bytes), a comma, a quote, newlines inside
# answers, blank answers, why_not_useful answered exactly when usefulness <= 2, the label
# with a comma picked alone and together with others, decimals and whole numbers.
# Multiple choice codes are listed in definition order everywhere, so no file depends on
# how the importer orders them.

DATASET = [
    {"respondent": "101", "org_type": "ngo", "role": "specialist", "sessions": ["groups", "letter"],
     "usefulness": 5, "attend_again": "yes", "age": 34, "travel_hours": "2.5",
     "improve": "More time for discussion, please.", "why_not_useful": "", "visit_date": "2013-01-25"},
    {"respondent": "102", "org_type": "gov", "role": "head", "sessions": ["brainstorm"],
     "usefulness": 4, "attend_again": "yes", "age": 45, "travel_hours": "1",
     "improve": "Больше времени на работу в группах", "why_not_useful": "", "visit_date": "2013-01-25"},
    {"respondent": "103", "org_type": "ngo", "role": "other", "sessions": ["letter"],
     "usefulness": 2, "attend_again": "no", "age": 29, "travel_hours": "6.5",
     "improve": 'The "Letter to the President" session ran late',
     "why_not_useful": "Мало практической информации о законе о миграции", "visit_date": "2013-01-25"},
    {"respondent": "104", "org_type": "other", "role": "", "sessions": [],
     "usefulness": None, "attend_again": "", "age": 52, "travel_hours": "",
     "improve": "", "why_not_useful": "", "visit_date": "2013-01-25"},
    {"respondent": "105", "org_type": "gov", "role": "specialist", "sessions": ["brainstorm", "groups"],
     "usefulness": 1, "attend_again": "no", "age": 38, "travel_hours": "0.5",
     "improve": "Invite the Ministry of Labour, Migration and Youth\nand the local akimiats",
     "why_not_useful": "Nothing new for our agency", "visit_date": "2013-02-08"},
    {"respondent": "106", "org_type": "ngo", "role": "head", "sessions": ["groups"],
     "usefulness": 5, "attend_again": "yes", "age": 27, "travel_hours": "3",
     "improve": "Раздавать материалы заранее, на русском и кыргызском языках", "why_not_useful": "",
     "visit_date": "2013-02-08"},
    {"respondent": "107", "org_type": "ngo", "role": "specialist", "sessions": ["brainstorm", "letter"],
     "usefulness": 4, "attend_again": "yes", "age": 31, "travel_hours": "12",
     "improve": "Обсудить «Письмо Президенту» в регионах", "why_not_useful": "", "visit_date": "2013-03-01"},
    {"respondent": "108", "org_type": "gov", "role": "head", "sessions": ["letter"],
     "usefulness": 3, "attend_again": "", "age": None, "travel_hours": "4",
     "improve": 'Share the slides, the list of participants and the draft "Action Plan"\nby e-mail',
     "why_not_useful": "", "visit_date": "2013-03-01"},
]

GOOGLE_TIMESTAMPS = [
    "2013/01/25 4:41:07 PM GMT+6", "2013/01/25 4:43:52 PM GMT+6", "2013/01/25 4:44:10 PM GMT+6",
    "2013/01/25 4:50:33 PM GMT+6", "2013/02/08 5:02:19 PM GMT+6", "2013/02/08 5:05:48 PM GMT+6",
    "2013/03/01 3:58:01 PM GMT+6", "2013/03/01 4:12:40 PM GMT+6",
]
KOBO_IDS = ["48213017", "48213022", "48213023", "48213031", "48290114", "48290120", "48377005", "48377012"]
KOBO_UUIDS = [
    "5f0c2a1e-8d3b-4c41-9e7a-1b2c3d4e5f60", "a8e1f3b2-6c4d-4e5f-8a9b-0c1d2e3f4a5b",
    "0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e", "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f",
    "7e6d5c4b-3a29-4187-a6f5-e4d3c2b1a098", "e2f3a4b5-c6d7-48e9-9fa0-b1c2d3e4f5a6",
    "19283746-5a6b-4c7d-8e9f-a0b1c2d3e4f5", "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9",
]


def kobo_time(index, row):
    # Kobo writes start/end with the device's zone and _submission_time in UTC.
    minute = 30 + index * 3
    return (f"{row['visit_date']}T16:{minute:02d}:05.000+06:00",
            f"{row['visit_date']}T16:{minute + 2:02d}:41.000+06:00",
            f"{row['visit_date']}T10:{minute + 2:02d}:44")


# ---------------------------------------------------------------------------------------
# CSV writing: a field is quoted only when it must be (unless quote_all), "" escapes a quote.

def csv_record(fields, delimiter=",", quote_all=False):
    out = []
    for field in fields:
        if quote_all or any(c in field for c in (delimiter, '"', "\r", "\n")):
            field = '"' + field.replace('"', '""') + '"'
        out.append(field)
    return delimiter.join(out)


def csv_text(records, delimiter=",", newline="\n", quote_all=False):
    # Newlines inside answers stay LF even in CRLF files, as Excel writes them.
    return "".join(csv_record(r, delimiter, quote_all) + newline for r in records)


def label(question_id, code, language):
    return BY_ID[question_id]["choices"][code][language]


def number_text(value):
    return "" if value is None else str(value)


def canonical_cells(row):
    return [row["respondent"], row["org_type"], row["role"], ";".join(row["sessions"]),
            number_text(row["usefulness"]), row["attend_again"], number_text(row["age"]),
            row["travel_hours"], row["improve"], row["why_not_useful"], row["visit_date"]]


def canonical_file(rows, ids=None, times=None):
    records = [CANONICAL_HEADER]
    for i, row in enumerate(rows):
        cells = canonical_cells(row)
        if ids is not None:
            cells[0] = ids[i]
        cells.insert(1, times[i] if times is not None else "")
        records.append(cells)
    return csv_text(records)


# The canonical header: `submitted_at` (ISO 8601, empty when the input has no time) second.
CANONICAL_HEADER = ["respondent", "submitted_at"] + IDS


def oracle_time(cell):
    """A submission time as survey writes it, by Python's datetime: Google Forms'
    `2013/01/25 4:41:07 PM GMT+6` keeps its offset (+06:00), Kobo's `_submission_time`
    (`2013-01-25T10:32:44`, no zone written) stays without one."""
    if not cell:
        return ""
    match = re.fullmatch(r"(.*) GMT([+-]\d+)", cell)
    if match:
        local = datetime.datetime.strptime(match[1], "%Y/%m/%d %I:%M:%S %p")
        hours = int(match[2])
        zone = datetime.timezone(datetime.timedelta(hours=hours))
        return local.replace(tzinfo=zone).isoformat()
    return datetime.datetime.fromisoformat(cell).isoformat()


# --- responses-utf8.csv: the canonical form itself (importing it must change nothing)

def utf8_file():
    return canonical_file(DATASET).encode("utf-8")


# --- responses-utf8-bom.csv: Excel "CSV UTF-8": BOM, CRLF, English labels, id column
# `respondent_id`; ratings 1 and 5 by their labels, the others as numbers; Yes/No.

def bom_file():
    records = [["respondent_id"] + IDS]
    for row in DATASET:
        rating = row["usefulness"]
        rating_text = (BY_ID["usefulness"]["labels"][rating]["en"] if rating in (1, 5)
                       else number_text(rating))
        records.append([
            row["respondent"],
            label("org_type", row["org_type"], "en"),
            label("role", row["role"], "en") if row["role"] else "",
            ";".join(label("sessions", c, "en") for c in row["sessions"]),
            rating_text,
            row["attend_again"].capitalize(),
            number_text(row["age"]), row["travel_hours"], row["improve"], row["why_not_useful"],
            row["visit_date"],
        ])
    return b"\xef\xbb\xbf" + csv_text(records, newline="\r\n").encode("utf-8")


# --- responses-cp1251-semicolon.csv: Excel in a Russian locale: Windows-1251, `;`, CRLF,
# id column `id`, Russian question texts as headers, Russian labels, да/нет, 2,5, 25.01.2013.

def ru_date(iso):
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}"


def cp1251_file():
    records = [["id"] + [q["text"]["ru"] for q in QUESTIONS]]
    for row in DATASET:
        records.append([
            row["respondent"],
            label("org_type", row["org_type"], "ru"),
            label("role", row["role"], "ru") if row["role"] else "",
            ";".join(label("sessions", c, "ru") for c in row["sessions"]),
            number_text(row["usefulness"]),
            {"yes": "да", "no": "нет", "": ""}[row["attend_again"]],
            number_text(row["age"]), row["travel_hours"].replace(".", ","),
            row["improve"], row["why_not_useful"], ru_date(row["visit_date"]),
        ])
    data = csv_text(records, delimiter=";", newline="\r\n").encode("cp1251")
    try:
        data.decode("utf-8")
        sys.exit("responses-cp1251-semicolon.csv happens to be valid UTF-8; sniffing could not tell")
    except UnicodeDecodeError:
        pass
    return data


# --- responses-utf16le.csv: Excel "Unicode text": UTF-16 LE with BOM, tab, CRLF, codes;
# multiple choice as space-separated codes, yes/no as 1/0.

def utf16_file():
    records = [["respondent"] + IDS]
    for row in DATASET:
        cells = canonical_cells(row)
        cells[3] = " ".join(row["sessions"])
        cells[5] = {"yes": "1", "no": "0", "": ""}[row["attend_again"]]
        records.append(cells)
    return ("\ufeff" + csv_text(records, delimiter="\t", newline="\r\n")).encode("utf-16-le")


# --- responses-google-forms.csv: Timestamp, then the English question texts (two varied in
# case and spacing), English labels, picked labels joined by ", ", Yes/No; no id column,
# so the importer numbers the rows 1..8.

GOOGLE_HEADERS = {"sessions": "Which sessions were  most useful?", "age": "Your Age"}


def google_file():
    records = [["Timestamp"] + [GOOGLE_HEADERS.get(q["id"], q["text"]["en"]) for q in QUESTIONS]]
    for stamp, row in zip(GOOGLE_TIMESTAMPS, DATASET):
        records.append([
            stamp,
            label("org_type", row["org_type"], "en"),
            label("role", row["role"], "en") if row["role"] else "",
            ", ".join(label("sessions", c, "en") for c in row["sessions"]),
            number_text(row["usefulness"]),
            row["attend_again"].capitalize(),
            number_text(row["age"]), row["travel_hours"], row["improve"], row["why_not_useful"],
            row["visit_date"],
        ])
    return csv_text(records).encode("utf-8")


# --- responses-kobo.csv: KoboToolbox export: `;`, every field quoted, CRLF, group prefixes,
# codes, multiple choice only as 0/1 columns `group_seminar/sessions/<code>` (blank when the
# question was not answered), metadata columns; `_id` comes before `_uuid` and is the id.

KOBO_PATHS = {
    "org_type": "group_intro/org_type", "role": "group_intro/role",
    "usefulness": "group_seminar/usefulness", "attend_again": "group_seminar/attend_again",
    "age": "age", "travel_hours": "travel_hours",
    "improve": "group_comments/improve", "why_not_useful": "group_comments/why_not_useful",
    "visit_date": "visit_date",
}
SESSION_CODES = list(BY_ID["sessions"]["choices"])


def kobo_file():
    header = ["start", "end"]
    for qid in IDS:
        if qid == "sessions":
            header += [f"group_seminar/sessions/{c}" for c in SESSION_CODES]
        else:
            header.append(KOBO_PATHS[qid])
    header += ["_id", "_uuid", "_submission_time", "_validation_status", "_index"]
    records = [header]
    for index, row in enumerate(DATASET):
        start, end, submitted = kobo_time(index, row)
        cells = [start, end]
        for qid, value in zip(IDS, canonical_cells(row)[1:]):
            if qid == "sessions":
                cells += [("1" if c in row["sessions"] else "0") if row["sessions"] else ""
                          for c in SESSION_CODES]
            else:
                cells.append(value)
        cells += [KOBO_IDS[index], KOBO_UUIDS[index], submitted, "", str(index + 1)]
        records.append(cells)
    return csv_text(records, delimiter=";", newline="\r\n", quote_all=True).encode("utf-8")


# ---------------------------------------------------------------------------------------
# responses-messy.csv, by hand. Columns:
# respondent,org_type,role,sessions,usefulness,attend_again,age,interviewer_note,
# travel_hours,improve,why_not_useful,visit_date
# Each entry: (first line, record text, respondent, outcome, problems as (question, value, kind)).
# The value is the raw cell as NAME.problems.csv records it (`groups;lunch`, not the token `lunch`).

MESSY_HEADER = ("respondent,org_type,role,sessions,usefulness,attend_again,age,interviewer_note,"
                "travel_hours,improve,why_not_useful,visit_date")
MESSY_LINES = [
    (2, '1,ngo,specialist,groups;letter,5,yes,34,entered by Aida,2.5,"More time for discussion,\nplease",,2013-01-25',
     "1", "accepted", []),
    (4, "2,gov,director,brainstorm,4,yes,45,,1,,,2013-01-25",
     "2", "accepted", [("role", "director", "unknown_choice")]),
    (5, "3,ngo,head,groups,7,yes,29,,3,,,2013-01-25",
     "3", "accepted", [("usefulness", "7", "out_of_range")]),
    (6, "4,ngo,specialist,letter,4,no,twenty,,2,,,2013-01-25",
     "4", "accepted", [("age", "twenty", "not_a_number")]),
    (7, "5,gov,specialist,brainstorm,5,yes,12,,1,,,2013-01-25",
     "5", "accepted", [("age", "12", "out_of_range")]),
    (8, "6,ngo,head,brainstorm;groups;letter,5,yes,41,,4,,,2013-01-25",
     "6", "accepted", [("sessions", "brainstorm;groups;letter", "too_many_choices")]),
    (9, "7,other,other,groups;lunch,4,yes,36,entered by Aida,0.5,,,2013-01-25",
     "7", "accepted", [("sessions", "groups;lunch", "unknown_choice")]),
    (10, "8,,specialist,letter,4,yes,50,,2,,,2013-01-25",
     "8", "accepted", [("org_type", "", "required_missing")]),
    (11, '9,ngo,specialist,groups,5,yes,33,,1,"Good"overall,,2013-01-25',
     "9", "broken quoting", []),
    (12, "10,gov,head,brainstorm,4,yes,47,,3,,Too general,2013-01-25",
     "10", "accepted", [("why_not_useful", "Too general", "answered_when_skipped")]),
    (13, "1,gov,specialist,groups,4,yes,39,,2,,,2013-01-25",
     "1", "duplicate respondent id", []),
    (14, "12,ngo,specialist,letter,5,yes,28,,1,Good seminar, thanks,,2013-01-25",
     "12", "wrong field count", []),
    (15, "13,ngo,other,NA,NA,yes,N/A,,-,-,,2013-01-25",
     "13", "accepted", []),
    (16, '14,gov,head,brainstorm,2,no,44,entered by Aida,5,,"Nothing new, the same as in 2012",2013-01-25',
     "14", "accepted", []),
]
# The canonical rows the importer must write for the accepted records, by respondent.
MESSY_CANONICAL = [
    ["1", "ngo", "specialist", "groups;letter", "5", "yes", "34", "2.5", "More time for discussion,\nplease", "", "2013-01-25"],
    ["2", "gov", "", "brainstorm", "4", "yes", "45", "1", "", "", "2013-01-25"],
    ["3", "ngo", "head", "groups", "", "yes", "29", "3", "", "", "2013-01-25"],
    ["4", "ngo", "specialist", "letter", "4", "no", "", "2", "", "", "2013-01-25"],
    ["5", "gov", "specialist", "brainstorm", "5", "yes", "", "1", "", "", "2013-01-25"],
    ["6", "ngo", "head", "", "5", "yes", "41", "4", "", "", "2013-01-25"],
    ["7", "other", "other", "groups", "4", "yes", "36", "0.5", "", "", "2013-01-25"],
    ["8", "", "specialist", "letter", "4", "yes", "50", "2", "", "", "2013-01-25"],
    ["10", "gov", "head", "brainstorm", "4", "yes", "47", "3", "", "", "2013-01-25"],
    ["13", "ngo", "other", "", "", "yes", "", "", "-", "", "2013-01-25"],
    ["14", "gov", "head", "brainstorm", "2", "no", "44", "5", "", "Nothing new, the same as in 2012", "2013-01-25"],
]
PROBLEM_KINDS = ["unknown_choice", "out_of_range", "not_a_number", "too_many_choices",
                 "required_missing", "answered_when_skipped"]


def messy_files():
    text = MESSY_HEADER + "\n" + "".join(record + "\n" for _, record, *_ in MESSY_LINES)
    width = len(MESSY_HEADER.split(","))
    line = 2
    for first_line, record, respondent, outcome, _ in MESSY_LINES:
        assert first_line == line, f"record {respondent!r} starts on line {line}, table says {first_line}"
        line += record.count("\n") + 1
        try:
            fields = next(csv.reader(io.StringIO(record, newline=""), strict=True))
            read = "accepted" if len(fields) == width else "wrong field count"
        except csv.Error:
            read = "broken quoting"
        if read == "accepted" and outcome == "duplicate respondent id":
            read = outcome
        assert read == outcome, f"line {first_line}: csv module says {read}, table says {outcome}"
    accepted = [entry for entry in MESSY_LINES if entry[3] == "accepted"]
    assert [e[2] for e in accepted] == [r[0] for r in MESSY_CANONICAL]
    problems = [(e[0], e[2]) + p for e in accepted for p in e[4]]
    expectation = {
        "rows_read": len(MESSY_LINES),
        "accepted": len(accepted),
        "rejected": len(MESSY_LINES) - len(accepted),
        "problems": {kind: sum(1 for p in problems if p[4] == kind) for kind in PROBLEM_KINDS},
        "rejected_lines": [e[0] for e in MESSY_LINES if e[3] != "accepted"],
        "unknown_columns": ["interviewer_note"],
        # Beyond the summary: each reject with its reason and each problem in file order,
        # for asserting NAME.rejects.csv and NAME.problems.csv.
        "rejects": [{"line": e[0], "reason": e[3]} for e in MESSY_LINES if e[3] != "accepted"],
        "problem_list": [{"line": p[0], "respondent": p[1], "question": p[2], "value": p[3], "problem": p[4]}
                         for p in problems],
    }
    # The hand-derived figures from the comment at the top of this file.
    assert expectation["rows_read"] == 14 and expectation["accepted"] == 11 and expectation["rejected"] == 3
    assert expectation["problems"] == {"unknown_choice": 2, "out_of_range": 2, "not_a_number": 1,
                                       "too_many_choices": 1, "required_missing": 1, "answered_when_skipped": 1}
    assert expectation["rejected_lines"] == [11, 13, 14]
    expected_csv = csv_text([CANONICAL_HEADER] + [row[:1] + [""] + row[1:] for row in MESSY_CANONICAL])
    body = json.dumps(expectation, ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8"), body.encode("utf-8"), expected_csv.encode("utf-8")


# ---------------------------------------------------------------------------------------
# The oracle: a small importer written independently of the writers above. It reads a
# generated file back and must give the canonical rows.

def fold(text):
    return " ".join(text.lower().replace("ё", "е").split())


BLANK = {"", "na", "n/a", "-"}
YES = {"yes", "y", "true", "1", "да"}
NO = {"no", "n", "false", "0", "нет"}
ID_COLUMNS = ["respondent", "respondent_id", "id", "_id", "_uuid"]
TIME_COLUMNS = ["submitted_at", "Timestamp", "_submission_time"]


def vocabulary(question):
    words = {}
    if question["type"] in ("single_choice", "multiple_choice"):
        for code, labels in question["choices"].items():
            for text in [code] + list(labels.values()):
                words[fold(text)] = code
    if question["type"] == "rating":
        for point, labels in question["labels"].items():
            for text in labels.values():
                words[fold(text)] = str(point)
    return words


def oracle_value(question, cell):
    cell = cell.strip()
    if cell == "" or (fold(cell) in BLANK and question["type"] != "text"):
        return ""
    kind, words = question["type"], vocabulary(question)
    if kind == "single_choice":
        return words[fold(cell)]
    if kind == "multiple_choice":
        if fold(cell) in words:
            tokens = [fold(cell)]
        elif ";" in cell:
            tokens = [fold(t) for t in cell.split(";")]
        elif "," in cell:
            tokens, rest = [], fold(cell)
            labels = sorted(words, key=len, reverse=True)
            while rest:
                match = next(w for w in labels if rest == w or rest.startswith(w + ", "))
                tokens.append(match)
                rest = rest[len(match) + 2:]
        else:
            tokens = cell.split()
        picked = {words[t] for t in tokens}
        return ";".join(c for c in question["choices"] if c in picked)
    if kind == "rating":
        return words.get(fold(cell)) or str(int(cell))
    if kind == "yes_no":
        return "yes" if fold(cell) in YES else "no" if fold(cell) in NO else 1 / 0
    if kind == "number":
        value = Decimal(cell.replace(",", "."))
        return format(value.normalize(), "f") if value != value.to_integral() else str(int(value))
    if kind == "date":
        match = re.fullmatch(r"(\d\d)\.(\d\d)\.(\d{4})", cell)
        return f"{match[3]}-{match[2]}-{match[1]}" if match else cell
    return cell


def oracle_import(data):
    if data.startswith(b"\xff\xfe"):
        text = data[2:].decode("utf-16-le")
    elif data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1251")
    first = text.split("\n", 1)[0]
    delimiter = max("\t;,", key=first.count)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    header, body = rows[0], rows[1:]
    assert all(len(r) == len(header) for r in body), "ragged rows"
    names = {}
    for q in QUESTIONS:
        names[q["id"]] = q["id"]
        for t in q["text"].values():
            names[fold(t)] = q["id"]
    columns, flags = {}, {}
    for index, name in enumerate(header):
        path = [p for p in name.split("/") if not p.startswith("group_")]
        if len(path) == 2 and path[0] in BY_ID:
            flags.setdefault(path[0], []).append((path[1], index))
        elif fold("/".join(path)) in names:
            columns[names[fold("/".join(path))]] = index
    id_column = next((header.index(c) for c in ID_COLUMNS if c in header), None)
    time_column = next((header.index(c) for c in TIME_COLUMNS if c in header), None)
    result = []
    for number, row in enumerate(body, start=1):
        out = [row[id_column] if id_column is not None else str(number)]
        out.append(oracle_time(row[time_column]) if time_column is not None else "")
        for q in QUESTIONS:
            if q["id"] in flags:
                cells = [(code, row[i]) for code, i in flags[q["id"]]]
                picked = {code for code, v in cells if v == "1"}
                out.append(";".join(c for c in q["choices"] if c in picked))
            else:
                out.append(oracle_value(q, row[columns[q["id"]]]))
        result.append(out)
    return csv_text([CANONICAL_HEADER] + result)


# ---------------------------------------------------------------------------------------

def check_questionnaire():
    yaml_text = (HERE / "feedback.yaml").read_text(encoding="utf-8")
    for q in QUESTIONS:
        texts = list(q["text"].values())
        for labels in list(q.get("choices", {}).values()) + list(q.get("labels", {}).values()):
            texts += labels.values()
        for text in texts:
            if f": {text}\n" not in yaml_text:
                sys.exit(f"feedback.yaml no longer has {text!r}; update QUESTIONS in {__file__}")
    ids = re.findall(r"^  - id: (\w+)$", yaml_text, flags=re.M)
    if ids != IDS:
        sys.exit(f"feedback.yaml questions are {ids}, this script expects {IDS}")


def main():
    check_questionnaire()
    expected = canonical_file(DATASET)
    google_ids = [str(i) for i in range(1, len(DATASET) + 1)]
    google_times = [oracle_time(t) for t in GOOGLE_TIMESTAMPS]
    kobo_times = [oracle_time(kobo_time(i, row)[2]) for i, row in enumerate(DATASET)]
    messy, messy_json, messy_expected = messy_files()
    outputs = {
        "responses-expected.csv": (expected.encode("utf-8"), None),
        "responses-utf8.csv": (utf8_file(), expected),
        "responses-utf8-bom.csv": (bom_file(), expected),
        "responses-cp1251-semicolon.csv": (cp1251_file(), expected),
        "responses-utf16le.csv": (utf16_file(), expected),
        "responses-google-forms.csv": (google_file(), canonical_file(DATASET, google_ids, google_times)),
        "responses-google-forms-expected.csv": (canonical_file(DATASET, google_ids, google_times).encode("utf-8"), None),
        "responses-kobo.csv": (kobo_file(), canonical_file(DATASET, KOBO_IDS, kobo_times)),
        "responses-kobo-expected.csv": (canonical_file(DATASET, KOBO_IDS, kobo_times).encode("utf-8"), None),
        "responses-messy.csv": (messy, None),
        "responses-messy-expected.json": (messy_json, None),
        "responses-messy-expected.csv": (messy_expected, None),
    }
    for name, (data, canonical) in outputs.items():
        if canonical is not None:
            got = oracle_import(data)
            if got != canonical:
                sys.exit(f"{name}: reading it back gives\n{got}\ninstead of\n{canonical}")
        (HERE / name).write_bytes(data)
        print(f"wrote Tests/Fixtures/{name} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
