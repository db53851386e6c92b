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


def main():
    reader_cells()
    reader_1904()


if __name__ == "__main__":
    main()
