#!/usr/bin/env python3
"""Oracle for the Stata export: reads a .dta with pyreadstat (ReadStat's own parser, from PyPI)
and prints its labels, formats and values as JSON, so that the test compares them with
hostile-names-dta-expected.json. Usage: read-dta.py FILE.dta"""
import json
import math
import sys

import pyreadstat

frame, meta = pyreadstat.read_dta(sys.argv[1], user_missing=True)


def plain(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, (str, int, float)) else str(value)


print(json.dumps({
    "file_label": meta.file_label,
    "names": meta.column_names,
    "labels": meta.column_names_to_labels,
    "formats": meta.original_variable_types,
    "value_labels": {name: {str(k): v for k, v in labels.items()} for name, labels in meta.variable_value_labels.items()},
    "missing": meta.missing_user_values,
    "rows": [[plain(v) for v in row] for row in frame.itertuples(index=False)],
}, ensure_ascii=False, indent=1, sort_keys=True))
