#!/usr/bin/env python3
"""Writes the XLSX fixtures of the XLSX reader and of XLSX response files.

    python3 Tests/Fixtures/xlsx/make-xlsx-fixtures.py

Needs openpyxl (a test-only tool, never a runtime dependency). Workbooks are written by
openpyxl; where a trait needs XML openpyxl does not write (inline strings, phonetic runs,
cells without references, the 1904 flag on a sheet of serials), the script rewrites that part
of the zip. Zip timestamps are fixed, so a run is byte-for-byte deterministic.
"""
import csv
import datetime
import io
import os
import re
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.dirname(HERE)
FIXED_TIME = (2024, 1, 1, 0, 0, 0)


INLINE = re.compile(r'<c r="([A-Z]+[0-9]+)"([^>]*?) t="inlineStr"><is><t>(.*?)</t></is></c>', re.S)


def shared_strings(parts):
    """Moves the plain inline strings of every sheet into `xl/sharedStrings.xml`, the way Excel,
    LibreOffice and KoboToolbox (XlsxWriter) store text; openpyxl 3.1 writes them inline."""
    table = []
    index = {}

    def share(match):
        text = match.group(3).replace("\r", "_x000D_")
        if text not in index:
            index[text] = len(table)
            table.append(text)
        return f'<c r="{match.group(1)}"{match.group(2)} t="s"><v>{index[text]}</v></c>'

    for name in sorted(parts):
        if name.startswith("xl/worksheets/sheet"):
            parts[name] = INLINE.sub(share, parts[name].decode("utf-8")).encode("utf-8")
    items = "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in table)
    parts["xl/sharedStrings.xml"] = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(table)}" uniqueCount="{len(table)}">{items}</sst>').encode("utf-8")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    rels = rels.replace("</Relationships>",
                        '<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                        'Target="sharedStrings.xml"/></Relationships>')
    parts["xl/_rels/workbook.xml.rels"] = rels.encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    types = types.replace("</Types>",
                          '<Override PartName="/xl/sharedStrings.xml" '
                          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts["[Content_Types].xml"] = types.encode("utf-8")


def save(workbook, name, patch=None, shared=True):
    """Saves through memory, moves text to shared strings, rewrites parts with
    `patch(name, xml) -> xml`, and fixes zip dates."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    if shared:
        shared_strings(parts)
    # openpyxl stamps the time of saving; a fixed one keeps the bytes the same run to run.
    core = parts["docProps/core.xml"].decode("utf-8")
    core = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*", r"\g<1>2024-01-01T00:00:00Z", core)
    parts["docProps/core.xml"] = core.encode("utf-8")
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as target:
        for part in sorted(parts):
            data = parts[part]
            if patch and part.endswith(".xml"):
                data = patch(part, data.decode("utf-8")).encode("utf-8")
            entry = zipfile.ZipInfo(part, FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, data)


def reader_cells():
    """`reader-cells.xlsx`: one of each way a cell can be stored, on a sheet named `Data`,
    then a second sheet `Second sheet` and a hidden one."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    sheet["A1"] = "shared"
    sheet["B1"] = "number"
    sheet["C1"] = "boolean"
    sheet["D1"] = "date"
    sheet["E1"] = "datetime"
    sheet["A2"] = "Привет, мир"
    sheet["B2"] = 4.25
    sheet["C2"] = True
    sheet["D2"] = datetime.date(2013, 1, 25)
    sheet["E2"] = datetime.datetime(2013, 1, 25, 10, 32, 44)
    sheet["A3"] = "line one\r\nline two"  # stored with the CR as _x000D_, as Excel does
    sheet["B3"] = 1e-3
    sheet["C3"] = False
    sheet["D3"] = 0.5
    sheet["D3"].number_format = "0.00"  # a plain number beside the date column
    sheet["E3"] = datetime.time(14, 30)
    # Row 4 blank; row 5: inline, rich, phonetic, error and formula cells, patched in below.
    sheet["A5"] = "PLACEHOLDER-INLINE"
    sheet["B5"] = "PLACEHOLDER-RICH"
    sheet["C5"] = "PLACEHOLDER-ERROR"
    sheet["D5"] = "PLACEHOLDER-FORMULA"
    sheet["E5"] = "PLACEHOLDER-NOREF"
    sheet["AB7"] = "far right"
    second = workbook.create_sheet("Second sheet")
    second["A1"] = "only cell"
    hidden = workbook.create_sheet("Hidden")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "hidden"

    def patch(name, xml):
        if name == "xl/worksheets/sheet1.xml":
            xml = re.sub(r'<c r="A5"[^>]*>.*?</c>',
                         '<c r="A5" t="inlineStr"><is><t xml:space="preserve"> inline &amp; spaced </t></is></c>', xml)
            xml = re.sub(r'<c r="B5"[^>]*>.*?</c>',
                         '<c r="B5" t="inlineStr"><is><r><rPr><b/></rPr><t>bold</t></r><r><t xml:space="preserve"> and plain</t></r>'
                         '<rPh sb="0" eb="1"><t>ふりがな</t></rPh></is></c>', xml)
            xml = re.sub(r'<c r="C5"[^>]*>.*?</c>', '<c r="C5" t="e"><v>#DIV/0!</v></c>', xml)
            xml = re.sub(r'<c r="D5"[^>]*>.*?</c>', '<c r="D5" t="str"><f>CONCAT("a","b")</f><v>ab</v></c>', xml)
            # A cell without a reference follows D5, so it is E5.
            xml = re.sub(r'<c r="E5"[^>]*>.*?</c>', '<c t="inlineStr"><is><t>no reference</t></is></c>', xml)
        return xml

    save(workbook, "reader-cells.xlsx", patch)


def reader_1904():
    """`reader-1904.xlsx`: the 1904 date system (old Excel for Mac): the same dates, other serials."""
    workbook = openpyxl.Workbook()
    workbook.epoch = CALENDAR_MAC_1904
    sheet = workbook.active
    sheet.title = "Mac"
    sheet["A1"] = "date"
    sheet["A2"] = datetime.date(2013, 1, 25)
    sheet["A3"] = datetime.datetime(2013, 1, 25, 10, 32, 44)
    save(workbook, "reader-1904.xlsx")


# Kobo's numeric and date columns when "Store date and number responses as text" is off.
KOBO_NUMBERS = {"age", "travel_hours", "_id", "_index"}
KOBO_FLAGS = re.compile(r"/sessions/")
KOBO_DATES = {"visit_date"}
KOBO_DATETIMES = {"_submission_time"}


def kobo_rows():
    """The eight responses of `responses-kobo.csv`, header first."""
    with open(os.path.join(FIXTURES, "responses-kobo.csv"), encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def kobo_workbook(native, epoch=None):
    """The Kobo export as KoboToolbox lays it out in XLSX: one sheet named after the form,
    the CSV's header (group paths, `_id`, `_uuid`, `_submission_time`…), blank cells where
    the CSV has `""`. With `native`, numbers are numbers and dates are date cells."""
    workbook = openpyxl.Workbook()
    if epoch is not None:
        workbook.epoch = epoch
    sheet = workbook.active
    sheet.title = "Seminar feedback"
    rows = kobo_rows()
    header = rows[0]
    sheet.append(header)
    for row in rows[1:]:
        values = []
        for name, value in zip(header, row):
            if value == "":
                values.append(None)
            elif native and (name in KOBO_NUMBERS or KOBO_FLAGS.search(name)):
                values.append(float(value) if "." in value else int(value))
            elif native and name in KOBO_DATES:
                values.append(datetime.date.fromisoformat(value))
            elif native and name in KOBO_DATETIMES:
                values.append(datetime.datetime.fromisoformat(value))
            else:
                values.append(value)
        sheet.append(values)
    for column, name in enumerate(header, start=1):
        if name in KOBO_DATETIMES:
            for cell in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                cell[0].number_format = "yyyy-mm-dd hh:mm:ss"
    return workbook


def kobo_exports():
    """`responses-kobo.xlsx` (numbers and dates native, 1900 dates, shared strings),
    `responses-kobo-text.xlsx` (every value as text, Kobo's "store as text"), and
    `responses-kobo-1904.xlsx` (native, 1904 dates, inline strings as openpyxl writes them)."""
    save(kobo_workbook(native=True), "responses-kobo.xlsx")
    save(kobo_workbook(native=False), "responses-kobo-text.xlsx")
    save(kobo_workbook(native=True, epoch=CALENDAR_MAC_1904), "responses-kobo-1904.xlsx", shared=False)


def problems_workbook():
    """`responses-xlsx-problems.xlsx`: answers to `feedback.yaml` on a sheet named
    `Form responses 1` (after a `Notes` sheet), with a bad value in C7, formula errors in
    C8 and D8, a blank row, a row of a space alone and a value past the header's last column."""
    workbook = openpyxl.Workbook()
    notes = workbook.active
    notes.title = "Notes"
    notes["A1"] = "Exported for the seminar report"
    sheet = workbook.create_sheet("Form responses 1")
    sheet.append(["respondent", "org_type", "usefulness", "age", "visit_date", "improve"])
    sheet.append([1, "ngo", 5, 34, datetime.date(2013, 1, 25), "More time"])
    sheet.append([2, "gov", 4, 45, datetime.date(2013, 1, 25), None])
    sheet.append([3, "ngo", 2, 29, "2013-01-25", "dates typed as text"])
    sheet.append([4, "other", 3, 52, datetime.date(2013, 2, 8), None])
    sheet.append([5, "gov", 1, 38, datetime.date(2013, 2, 8), "only text"])
    sheet.append([6, "ngo", 9, 27, datetime.date(2013, 2, 8), None])  # C7: rating 9 of 1–5
    # C8: #N/A, no answer as in a CSV; D8: #DIV/0!, not a number.
    sheet.append([7, "gov", "PLACEHOLDER-NA", "PLACEHOLDER-DIV", datetime.date(2013, 3, 1), None])
    sheet.append([])  # row 9 blank: no cells stored, not a response
    sheet.append([8, "ngo", 4, 44, datetime.date(2013, 3, 1), "a note", None, "stray"])  # H10 past F
    sheet.append([None, " ", None, None, None, None])  # row 11: a space, no value

    def patch(name, xml):
        if name == "xl/worksheets/sheet2.xml":
            xml = re.sub(r'<c r="C8"[^>]*>.*?</c>', '<c r="C8" t="e"><f>NA()</f><v>#N/A</v></c>', xml)
            xml = re.sub(r'<c r="D8"[^>]*>.*?</c>', '<c r="D8" t="e"><f>1/0</f><v>#DIV/0!</v></c>', xml)
        return xml

    save(workbook, "responses-xlsx-problems.xlsx", patch)


def broken_workbooks():
    """Workbooks that cannot be read: an empty file, text named .xlsx, a zip that is a Word
    document, a zip cut in half, and a sheet whose XML breaks off mid-row."""
    open(os.path.join(HERE, "broken-empty.xlsx"), "wb").close()
    with open(os.path.join(HERE, "broken-text.xlsx"), "w", encoding="utf-8") as handle:
        handle.write("respondent,org_type\n1,ngo\n")
    with zipfile.ZipFile(os.path.join(HERE, "broken-word.xlsx"), "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr(zipfile.ZipInfo("word/document.xml", FIXED_TIME), "<document/>")
    with open(os.path.join(HERE, "responses-kobo.xlsx"), "rb") as handle:
        whole = handle.read()
    with open(os.path.join(HERE, "broken-truncated.xlsx"), "wb") as handle:
        handle.write(whole[: len(whole) // 2])

    def cut(name, xml):
        if name == "xl/worksheets/sheet1.xml":
            return xml[: xml.index('<row r="3"')] + '<row r="3"><c r="A3" t="s"><v>0</v>'
        return xml

    save(kobo_workbook(native=True), "broken-bad-xml.xlsx", cut)

    # A sheet that declares entities: "billion laughs" expansion and an external file
    # (XXE). Neither may be expanded, fetched or read.
    laughs = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{"&lol%d;" % (i - 1) * 10}">' for i in range(1, 10))
    doctype = f'<!DOCTYPE worksheet [{laughs}<!ENTITY secret SYSTEM "file:///etc/passwd">]>'

    def entities(name, xml):
        if name == "xl/worksheets/sheet1.xml":
            xml = doctype + xml
            xml = re.sub(r'<c r="L2"[^>]*>.*?</c>', '<c r="L2" t="inlineStr"><is><t>&lol9;</t></is></c>', xml)
            xml = re.sub(r'<c r="L3"[^>]*>.*?</c>', '<c r="L3" t="inlineStr"><is><t>&secret;</t></is></c>', xml)
        return xml

    save(kobo_workbook(native=True), "hostile-entities.xlsx", entities)


def google_sheets_times():
    """`responses-xlsx-slashed-times.xlsx`: a Google Sheets download whose `Timestamp` column
    holds text, day first; only the second row (27/04) shows the order."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Form responses 1"
    sheet.append(["Timestamp", "org_type"])
    sheet.append(["04/05/2021 10:00:00", "gov"])
    sheet.append(["27/04/2021 11:00:00", "ngo"])
    save(workbook, "responses-xlsx-slashed-times.xlsx")


def main():
    reader_cells()
    reader_1904()
    kobo_exports()
    problems_workbook()
    google_sheets_times()
    broken_workbooks()


if __name__ == "__main__":
    main()
