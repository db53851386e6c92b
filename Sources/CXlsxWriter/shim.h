// libxlsxwriter (Debian libxlsxwriter-dev) writes Excel workbooks: report.xlsx and XLSForms.
// Its pkg-config file (xlsxwriter.pc) adds zlib. Only Sources/XLSXWriter/XLSXFile.swift
// includes it.
#include <xlsxwriter.h>
