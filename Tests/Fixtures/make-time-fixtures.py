#!/usr/bin/env python3
"""Writes the submission-time fixtures (`responses-time-*.csv`) and their expected canonical
output, the times computed by Python's datetime (the oracle), not by survey.

    python3 Tests/Fixtures/make-time-fixtures.py

Each input answers two questions of feedback.yaml (`org_type`, `usefulness`) the way one export
writes its submission time; the expected file is what `survey import --into` must write:
`submitted_at` in ISO 8601, the offset kept when the export wrote one, none added otherwise.
"""

import csv
import datetime
import io
import pathlib

HERE = pathlib.Path(__file__).parent
IDS = ["org_type", "role", "sessions", "usefulness", "attend_again", "age", "travel_hours", "improve",
       "why_not_useful", "visit_date"]


def text(records, delimiter=","):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(records)
    return out.getvalue()


def canonical(rows):
    """rows: (respondent, iso time or "", org_type, usefulness)."""
    records = [["respondent", "submitted_at"] + IDS]
    for respondent, time, org, usefulness in rows:
        cells = [""] * len(IDS)
        cells[0], cells[3] = org, usefulness
        records.append([respondent, time] + cells)
    return text(records)


def excel_serial(moment):
    """Days since 1899-12-30 (Excel's 1900 date system past February 1900)."""
    delta = moment - datetime.datetime(1899, 12, 30)
    return f"{delta.days + delta.seconds / 86400:.9f}".rstrip("0")


# Google Forms, US English: `Timestamp`, month first. The first two rows (04/05: 5 April or
# 4 May?) are settled by the column: 4/27/2021 can only be month first. Rows 2 and 3 are one
# form sent twice 25 seconds apart (same answers); row 4 has the same answers 61 s after row 3.
GOOGLE_US = [
    ("04/05/2021 10:00:00", "gov", "4"),
    ("04/05/2021 10:00:25", "gov", "4"),
    ("04/05/2021 10:01:26", "gov", "4"),
    ("4/27/2021 11:02:10", "ngo", "5"),
    ("4/27/2021 23:59:59", "ngo", "3"),
]

# Google Forms in Russian: `Отметка времени`, day first with dots.
GOOGLE_RU = [("27.04.2021 11:02:10", "ngo", "5"), ("28.04.2021 9:15:00", "gov", "2")]

# KoboToolbox: `end` carries the device's offset (ignored: not a submission-time column),
# `_submission_time` is the server's time, written without a zone. 25–27 January 2013.
KOBO = [
    ("48213017", "2013-01-25T16:32:41.306+06:00", "2013-01-25T10:32:44", "ngo", "5"),
    ("48213022", "2013-01-26T16:35:41.000+06:00", "2013-01-26T10:35:44", "gov", "4"),
    ("48213023", "2013-01-27T16:38:41.000+06:00", "2013-01-27T10:38:44", "ngo", "2"),
]

# An Excel sheet saved as CSV with the time column formatted as a number.
EXCEL = [datetime.datetime(2021, 4, 27, 11, 2, 10), datetime.datetime(2021, 4, 28, 8, 0, 0)]

# Bad timestamps: each row is kept, its time listed as a problem with the raw value.
BAD = [("yesterday", "gov"), ("2021-02-30 10:00", "ngo"), ("13/13/2021 10:00", "gov"), ("2021-04-27", "ngo"), ("", "gov")]


def main():
    files = {}
    files["responses-time-google-forms-us.csv"] = text([["Timestamp", "What type of organization do you represent?", "How useful was the seminar for your work?"]]
                                                       + [list(r) for r in GOOGLE_US])
    files["responses-time-google-forms-us-expected.csv"] = canonical(
        [(str(i + 1), datetime.datetime.strptime(t, "%m/%d/%Y %H:%M:%S").isoformat(), o, u) for i, (t, o, u) in enumerate(GOOGLE_US)])
    files["responses-time-google-forms-ru.csv"] = text([["Отметка времени", "Какую организацию вы представляете?", "Насколько семинар был полезен для вашей работы?"]]
                                                       + [list(r) for r in GOOGLE_RU])
    files["responses-time-google-forms-ru-expected.csv"] = canonical(
        [(str(i + 1), datetime.datetime.strptime(t, "%d.%m.%Y %H:%M:%S").isoformat(), o, u) for i, (t, o, u) in enumerate(GOOGLE_RU)])
    files["responses-time-kobo.csv"] = text([["end", "group_intro/org_type", "group_seminar/usefulness", "_id", "_submission_time"]]
                                            + [[end, o, u, i, s] for i, end, s, o, u in KOBO], delimiter=";")
    files["responses-time-kobo-expected.csv"] = canonical(
        [(i, datetime.datetime.fromisoformat(s).isoformat(), o, u) for i, _, s, o, u in KOBO])
    files["responses-time-excel-serial.csv"] = text([["respondent", "submitted_at", "org_type"]]
                                                    + [[str(i + 1), excel_serial(m), "gov"] for i, m in enumerate(EXCEL)])
    files["responses-time-excel-serial-expected.csv"] = canonical(
        [(str(i + 1), m.isoformat(), "gov", "") for i, m in enumerate(EXCEL)])
    files["responses-time-bad.csv"] = text([["respondent", "Timestamp", "org_type"]] + [[str(i + 1), t, o] for i, (t, o) in enumerate(BAD)])
    files["responses-time-bad-expected.csv"] = canonical([(str(i + 1), "", o, "") for i, (_, o) in enumerate(BAD)])
    for name, content in files.items():
        (HERE / name).write_text(content, encoding="utf-8", newline="")
        print(f"wrote Tests/Fixtures/{name}")


if __name__ == "__main__":
    main()
