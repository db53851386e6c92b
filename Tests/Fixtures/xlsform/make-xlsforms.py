#!/usr/bin/env python3
"""Writes the XLSForm fixtures of the `survey convert` tests (Tests/Fixtures/xlsform/*.xlsx).

Made here with openpyxl, not copied from any repository: the layout follows the XLSForm
specification (sheets `survey`, `choices`, `settings`; `label::Language (code)` columns).
Run: python3 Tests/Fixtures/xlsform/make-xlsforms.py
"""
import datetime
import os
from openpyxl import Workbook

HERE = os.path.dirname(os.path.abspath(__file__))


def book(path, sheets):
    """sheets: list of (name, rows); rows are lists of cell values (None = blank)."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    # Fixed document times, so that running the script again changes no fixture's meaning.
    wb.properties.created = wb.properties.modified = datetime.datetime(2013, 1, 25)
    wb.save(os.path.join(HERE, path))


# Every row of the type table. Columns A..J: type, name, label, hint, required, constraint,
# appearance, relevant (H), parameters, calculation. Row 12 holds a relevant outside the XPath
# subset (H12). pyxform's xls2xform turns it into an XForm (a check that the fixture is a real
# XLSForm, not one only `survey` reads).
TYPES_SURVEY = [
    ["type", "name", "label", "hint", "required", "constraint", "appearance", "relevant", "parameters", "calculation"],
    ["start", "start", None, None, None, None, None, None, None],                                        # 2
    ["end", "end", None, None, None, None, None, None, None],                                            # 3
    ["today", "today", None, None, None, None, None, None, None],                                        # 4
    ["deviceid", "deviceid", None, None, None, None, None, None, None],                                  # 5
    ["note", "intro", "Thank you for coming.", None, None, None, None, None, None],                      # 6
    ["begin_group", "group_intro", "About you", None, None, None, "field-list", None, None],             # 7
    ["select_one org or_other", "org_type", "What type of organization do you represent?", None, "yes", None, None, None, None],  # 8
    ["select_one role", "role", "What is your position?", None, "true()", None, None, None, None],        # 9
    ["end_group", None, None, None, None, None, None, None, None],                                       # 10
    ["integer", "age", "Your age", "In whole years", "no", ". >= 16 and . <= 99", None, None, None],     # 11
    ["decimal", "travel_hours", "Hours of travel", None, None, ". >= 0", None, "${age} > today()", None],  # 12
    ["select_multiple sessions or_other", "sessions", "Which sessions were most useful?", None, None, "count-selected(.) <= 2", None, None, None],  # 13
    ["select_one agree", "usefulness", "How useful was the seminar?", None, None, None, "likert", None, None],  # 14
    ["range", "organization", "How well was it organized?", None, None, None, None, None, "start=1 end=5 step=1"],  # 15
    ["select_one yes_no", "attend_again", "Would you come again?", None, None, None, None, "${usefulness} >= 3 or selected(${sessions}, 'groups')", None],  # 16
    ["text", "why_not_useful", "Why was it not useful?", None, None, None, None, "${usefulness} <= 2 and not(${org_type} = 'gov')", None],  # 17
    ["text", "improve", "What should be improved?", None, None, None, None, "count-selected(${sessions}) > 0", None],  # 18
    ["date", "visit_date", "Date of the visit", None, None, None, None, None, None],                     # 19
    ["datetime", "left_at", "When did you leave?", None, None, None, None, None, None],                  # 20
    ["time", "arrived", "What time did you arrive?", None, None, None, None, None, None],                 # 21
    ["calculate", "score", None, None, None, None, None, None, None, "${age} * 2"],                      # 22
    ["acknowledge", "consent", "I agree", None, None, None, None, None, None],                           # 23
]
TYPES_CHOICES = [
    ["list_name", "name", "label"],
    ["org", "gov", "Government agency"],
    ["org", "ngo", "Non-governmental organization"],
    ["org", "intl", "International organization"],
    ["role", "head", "Head of organization"],
    ["role", "specialist", "Specialist"],
    ["sessions", "brainstorm", "Brainstorm on the Council's role"],
    ["sessions", "groups", "Group work on the Action Plan"],
    ["sessions", "letter", "Letter to the President"],
    ["agree", 1, "Not useful at all"],
    ["agree", 2, "2"],
    ["agree", 3, "Somewhat useful"],
    ["agree", 4, "4"],
    ["agree", 5, "Very useful"],
    ["yes_no", "yes", "Yes"],
    ["yes_no", "no", "No"],
]
TYPES_SETTINGS = [["form_title", "form_id", "version"], ["Seminar feedback (every XLSForm type)", "seminar_types", "2013012501"]]

book("types.xlsx", [("survey", TYPES_SURVEY), ("choices", TYPES_CHOICES), ("settings", TYPES_SETTINGS)])

# English and Russian labels, both spellings of a language column, hints, default_language.
book("two-languages.xlsx", [
    ("survey", [
        ["type", "name", "label::English (en)", "label::Russian (ru)", "hint:English", "required"],
        ["select_one org", "org_type", "What type of organization do you represent?", "Какую организацию вы представляете?", None, "yes"],
        ["integer", "age", "Your age", "Ваш возраст", "In years", None],
        ["text", "improve", "What should be improved?", "Что следует улучшить?", None, None],
    ]),
    ("choices", [
        ["list_name", "name", "label::English (en)", "label::Russian (ru)"],
        ["org", "gov", "Government agency", "Государственный орган"],
        ["org", "ngo", "Non-governmental organization", "Неправительственная организация"],
    ]),
    ("settings", [["form_title", "default_language"], ["Seminar feedback", "English (en)"]]),
])

# Broken workbooks.
with open(os.path.join(HERE, "empty.xlsx"), "wb"):
    pass
with open(os.path.join(HERE, "not-a-zip.xlsx"), "w") as f:
    f.write("type,name,label\ntext,improve,What should be improved?\n")

book("no-choices.xlsx", [
    ("survey", [["type", "name", "label"], ["select_one org", "org_type", "Organization"]]),
])

# The list used is `agegroup`, the list defined is `age_group`; type is column C, row 7.
book("unknown-list.xlsx", [
    ("survey", [
        ["name", "label", "type"],
        ["improve", "What should be improved?", "text"],
        ["visit_date", "Date of the visit", "date"],
        ["org_type", "Organization", "select_one org"],
        ["hours", "Hours", "decimal"],
        ["comments", "Comments", "text"],
        ["age", "Your age group", "select_one agegroup"],
    ]),
    ("choices", [
        ["list_name", "name", "label"],
        ["org", "gov", "Government"],
        ["age_group", "young", "Under 30"],
        ["age_group", "older", "30 and over"],
    ]),
])

book("repeat.xlsx", [
    ("survey", [
        ["type", "name", "label"],
        ["text", "improve", "What should be improved?"],
        ["begin_repeat", "children", "Children"],
        ["integer", "child_age", "Age of the child"],
        ["end_repeat", None, None],
    ]),
    ("choices", [["list_name", "name", "label"]]),
])
