#!/usr/bin/env python3
"""Writes windows-1251-upper-half.txt: bytes 0x80-0xFF decoded by Python's cp1251 codec.

    python3 Tests/Fixtures/make-cp1251-oracle.py

The output is the UTF-8 text of those 128 characters in byte order, nothing else (no newline),
so TranscoderTests can compare Transcoder's output for the same 128 bytes with it byte for byte.
0x98 is unassigned in Windows-1251; errors="replace" makes it U+FFFD, as the importer does.
"""

import pathlib

HERE = pathlib.Path(__file__).resolve().parent
text = bytes(range(0x80, 0x100)).decode("cp1251", errors="replace")
assert len(text) == 128 and text[0x98 - 0x80] == "\ufffd" and text[0xC0 - 0x80] == "А"
(HERE / "windows-1251-upper-half.txt").write_bytes(text.encode("utf-8"))
print(f"wrote Tests/Fixtures/windows-1251-upper-half.txt ({len(text.encode('utf-8'))} bytes)")
