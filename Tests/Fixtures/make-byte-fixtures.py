#!/usr/bin/env python3
"""Writes the byte-level fixtures beside this script: encodings, bad bytes, control characters.

    python3 Tests/Fixtures/make-byte-fixtures.py

Standard library only; byte-for-byte the same on every run. The data is the eight responses of
make-import-fixtures.py (DATASET, imported from it), so the expected canonical output of a
fixture is responses-expected.csv or a copy of it with exactly the changes the trait makes.
Each fixture holds one hostile trait; the Swift tests (Tests/SurveyCLITests/BytesAndTerminalTests,
Tests/SurveyImportTests/ResponseImporterBytesTests) assert what must come out of it.

Fixtures written here (see README.md for the table):
  responses-utf8-one-bad-byte.csv          responses-utf8.csv with one 0xFF inside "Больше"
  responses-utf8-one-bad-byte-expected.csv its canonical output: U+FFFD in that one cell
  responses-utf16le-no-bom.csv             responses-utf16le.csv without its byte order mark
  responses-utf32le-no-bom.csv             the canonical file as UTF-32 LE, no byte order mark
  responses-latin1.csv                     French, German and Spanish answers in Latin-1
  responses-latin1-expected.csv            its canonical output with --encoding latin-1
  responses-sep-line.csv                   BOM, Excel's `sep=;` line, `;`, CRLF
  responses-section-sign.csv               `§` as the delimiter (UTF-8 C2 A7), one quoted `§`
  responses-nul-byte.csv                   a NUL byte inside one answer
  responses-nul-byte-expected.csv          its canonical output: U+FFFD instead of the NUL
  responses-escape-sequences.csv           ESC sequences in a header, an id and a cell
  responses-bidi-override.csv              U+202E (right-to-left override) in a cell and an answer
  report/responses-control-characters.csv  answers to report/control-characters.yaml with raw
                                           control, bidi and zero-width characters
"""

import importlib.util
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("import_fixtures", HERE / "make-import-fixtures.py")
base = importlib.util.module_from_spec(spec)
spec.loader.exec_module(base)

DATASET, IDS, csv_text, canonical_file, canonical_cells = (
    base.DATASET, base.IDS, base.csv_text, base.canonical_file, base.canonical_cells)
EXPECTED = canonical_file(DATASET)


def replaced(rows, respondent, **changes):
    """A copy of the dataset with `changes` in one respondent's row."""
    return [dict(row, **changes) if row["respondent"] == respondent else row for row in rows]


def one_bad_byte():
    # Respondent 102 (line 3), `improve` (column 9): "Боль" 0xFF "ше времени …". Every other
    # byte is the canonical UTF-8 file, so all other Cyrillic answers must come out intact.
    data = EXPECTED.encode("utf-8")
    word = "Больше".encode("utf-8")
    assert data.count(word) == 1
    data = data.replace(word, "Боль".encode("utf-8") + b"\xff" + "ше".encode("utf-8"))
    improve = DATASET[1]["improve"].replace("Больше", "Боль\ufffdше")
    expected = canonical_file(replaced(DATASET, "102", improve=improve)).encode("utf-8")
    return data, expected


def utf16_no_bom():
    data = base.utf16_file()
    assert data.startswith(b"\xff\xfe")
    return data[2:]


def utf32_no_bom():
    return EXPECTED.encode("utf-32-le")


LATIN_ROWS = [
    ["301", "ngo", "Très bien, le café était bon"],
    ["302", "gov", "Herr Müller möchte mehr Zeit für Gruppenarbeit"],
    ["303", "other", "El año que viene, señor"],
]


def latin1():
    records = [["respondent", "org_type", "improve"]] + LATIN_ROWS
    data = csv_text(records).encode("latin-1")
    try:
        data.decode("utf-8")
        sys.exit("responses-latin1.csv is valid UTF-8; it would not test anything")
    except UnicodeDecodeError:
        pass
    expected = csv_text([base.CANONICAL_HEADER] + [[r, "", org, "", "", "", "", "", "", text, "", ""] for r, org, text in LATIN_ROWS])
    return data, expected.encode("utf-8")


def sep_line():
    # Excel with "sep=;" written first: BOM, the declaration, then the canonical data with `;`.
    records = [["respondent"] + IDS] + [canonical_cells(row) for row in DATASET]
    return b"\xef\xbb\xbf" + ("sep=;\r\n" + csv_text(records, delimiter=";", newline="\r\n")).encode("utf-8")


def section_sign():
    # `§` as the delimiter; respondent 101's answer holds one inside quotes, which stays text.
    rows = replaced(DATASET, "101", improve="More time for discussion § please.")
    records = [["respondent"] + IDS] + [canonical_cells(row) for row in rows]
    data = csv_text(records, delimiter="§").encode("utf-8")
    assert data.count('"More time for discussion § please."'.encode("utf-8")) == 1
    return data, canonical_file(rows).encode("utf-8")


def nul_byte():
    # A NUL inside respondent 101's `improve` (line 2, column 9): a problem, never an output byte.
    data = EXPECTED.encode("utf-8").replace(b"More time for", b"More time\x00 for")
    assert data.count(b"\x00") == 1
    improve = DATASET[0]["improve"].replace("More time for", "More time\ufffd for")
    return data, canonical_file(replaced(DATASET, "101", improve=improve)).encode("utf-8")


ESC = "\x1b"


def escape_sequences():
    # ESC (and BEL) where a message quotes them: an unknown column's header (the "matched no
    # question" note), a respondent id and an unknown choice (the problem line names both).
    records = [
        ["respondent", "org_type", "role", f"note{ESC}[2J{ESC}[H"],
        [f"7{ESC}[31m", "ngo", f"head{ESC}]0;pwned\x07", "x"],
        ["8", "gov", "specialist", f"{ESC}[5m"],
    ]
    return csv_text(records).encode("utf-8")


RLO = "\u202e"


def bidi_override():
    # U+202E in an unknown choice (a message) and in a free-text answer (the report's quotes).
    records = [
        ["respondent", "org_type", "role", "improve"],
        ["1", "ngo", f"spe{RLO}cialist", f"Fine {RLO}gnp.exe and the rest"],
        ["2", "gov", "head", "Nothing"],
    ]
    return csv_text(records).encode("utf-8")


def control_characters():
    # Answers to report/control-characters.yaml: raw U+0001, ESC, U+202E, U+200B and U+FEFF in
    # free text (the report's quotes and keywords), every question answered.
    records = [
        ["respondent", "org_type", "usefulness", "comment"],
        ["1", "gov", "1", f"Fine {RLO}gnp.exe then \x01 and {ESC}[2J cleared"],
        ["2", "ngo", "3", "zero\u200bwidth words and a stray \ufeffmark"],
        ["3", "other", "2", "Plain answer, plain words"],
        ["4", "gov", "3", f"Controls{ESC}[5m blink\x07 bell"],
    ]
    return csv_text(records).encode("utf-8")


def main():
    bad, bad_expected = one_bad_byte()
    latin, latin_expected = latin1()
    section, section_expected = section_sign()
    nul, nul_expected = nul_byte()
    outputs = {
        "responses-utf8-one-bad-byte.csv": bad,
        "responses-utf8-one-bad-byte-expected.csv": bad_expected,
        "responses-utf16le-no-bom.csv": utf16_no_bom(),
        "responses-utf32le-no-bom.csv": utf32_no_bom(),
        "responses-latin1.csv": latin,
        "responses-latin1-expected.csv": latin_expected,
        "responses-sep-line.csv": sep_line(),
        "responses-section-sign.csv": section,
        "responses-section-sign-expected.csv": section_expected,
        "responses-nul-byte.csv": nul,
        "responses-nul-byte-expected.csv": nul_expected,
        "responses-escape-sequences.csv": escape_sequences(),
        "responses-bidi-override.csv": bidi_override(),
    }
    outputs["report/responses-control-characters.csv"] = control_characters()
    for name, data in outputs.items():
        (HERE / name).write_bytes(data)
        print(f"wrote Tests/Fixtures/{name} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
