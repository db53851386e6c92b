#!/usr/bin/env python3
"""Writes responses-ledger-housing.csv: every way an answer to ledger-housing.yaml can fail, one
or more per row, for the property "stats on the raw export = stats on the imported file" and the
hand-checked bases in README.md ("The ledger fixture"). Standard library only; deterministic.

    python3 Tests/Fixtures/make-ledger-fixture.py
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = [
    b"id,housing,rooms,amenities,rent_amount,moved_in",
    b"1,rent,3,heat;water,500,2020-01-15",
    b"2,own,2,net,,2019-05-01",
    b"3,castle,4,,,",
    b"4,,2.5,heat;water;net,,31.02.2020",
    b"5,rent,0,heat;sauna,abc,2021-03-01",
    b"6,own,five,water,800,2018-07-07",
    b"7,family,3,,,",
    "7,castle,99,сауна,x,never".encode(),
    b"8,rent,3\xff,,,",
    b"9,rent,4,heat,\"2,5\",2022-02-02",
]

with open(os.path.join(HERE, "responses-ledger-housing.csv"), "wb") as out:
    out.write(b"\n".join(ROWS) + b"\n")
