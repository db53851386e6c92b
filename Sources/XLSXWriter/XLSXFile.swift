private import CXlsxWriter
import Foundation

/// Writes a checked `Workbook` through libxlsxwriter: the only file that calls it or holds its
/// pointers. Every pointer lives inside `write(_:to:)`: the workbook is either closed (which
/// writes and frees it) or freed without writing when a call fails midway; a file left half
/// written by a failed close is removed.
enum XLSXFile {
    static func write(_ workbook: Workbook, to path: String) throws(XLSXWriterError) {
        var options = lxw_workbook_options(constant_memory: 0, tmpdir: nil, use_zip64: 0)
        guard let handle = workbook_new_opt(path, &options) else {
            throw .writeFailed(path: path, reason: "libxlsxwriter cannot start the workbook")
        }
        let builder = Builder(handle: handle)
        do throws(XLSXWriterError) {
            try builder.setProperties(of: workbook)
            for sheet in workbook.sheets { try builder.add(sheet) }
            for sheet in workbook.sheets { try builder.addCharts(of: sheet) }
        } catch {
            // libxlsxwriter opens the file only when closing: nothing is on disk yet.
            lxw_workbook_free(handle)
            throw error
        }
        // Writing dates as text with gmtime: see `SharedTimeBuffer`.
        let status = SharedTimeBuffer.withLock { workbook_close(handle) }
        guard status == LXW_NO_ERROR else {
            var reason = String(cString: lxw_strerror(status))
            if errno != 0, status == LXW_ERROR_CREATING_XLSX_FILE || status == LXW_ERROR_ZIP_FILE_OPERATION || status == LXW_ERROR_ZIP_CLOSE {
                reason += " (" + String(cString: strerror(errno)) + ")"
            }
            // A file it could not create is left alone (it may be someone's read-only file);
            // one it began to write is a broken zip and goes.
            if status != LXW_ERROR_CREATING_XLSX_FILE { unlink(path) }
            throw .writeFailed(path: path, reason: reason)
        }
    }

    /// Holds the open workbook while its sheets, formats and charts are added.
    private final class Builder {
        let handle: UnsafeMutablePointer<lxw_workbook>
        var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
        var worksheets: [String: UnsafeMutablePointer<lxw_worksheet>] = [:]

        init(handle: UnsafeMutablePointer<lxw_workbook>) {
            self.handle = handle
        }

        func setProperties(of workbook: Workbook) throws(XLSXWriterError) {
            // libxlsxwriter copies the strings; these copies are freed right after.
            let copies = [workbook.title, workbook.subject, workbook.author, workbook.comments].map { $0.map { strdup($0) } ?? nil }
            defer { copies.forEach { free($0) } }
            var properties = lxw_doc_properties()
            properties.title = copies[0]
            properties.subject = copies[1]
            properties.author = copies[2]
            properties.comments = copies[3]
            properties.created = time_t(workbook.created.map { Int($0.timeIntervalSince1970) } ?? 0)
            try check(workbook_set_properties(handle, &properties), "set the document properties")
        }

        func add(_ sheet: Worksheet) throws(XLSXWriterError) {
            guard let worksheet = workbook_add_worksheet(handle, sheet.name) else {
                throw .invalidSheetName(name: sheet.name, reason: "libxlsxwriter refuses it")
            }
            worksheets[sheet.name] = worksheet
            for (column, width) in sheet.columnWidths.sorted(by: { $0.key < $1.key }) {
                try check(worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil), "set the width of column \(column + 1) on \(sheet.name)")
            }
            for (row, height) in sheet.rowHeights.sorted(by: { $0.key < $1.key }) {
                try check(worksheet_set_row(worksheet, lxw_row_t(row), height, nil), "set the height of row \(row + 1) on \(sheet.name)")
            }
            for (row, cells) in sheet.rows.enumerated() {
                for (column, cell) in cells.enumerated() {
                    guard let cell else { continue }
                    let format = self.format(cell.style)
                    let status: lxw_error
                    switch cell.value {
                    case .number(let number):
                        status = worksheet_write_number(worksheet, lxw_row_t(row), lxw_col_t(column), number, format)
                    case .text(let text):
                        status = Self.excelText(text).withCString {
                            worksheet_write_string(worksheet, lxw_row_t(row), lxw_col_t(column), $0, format)
                        }
                    }
                    try check(status, "write \(sheet.name)!\(CellReference(row: row, column: column))")
                }
            }
            if sheet.frozenRows > 0 || sheet.frozenColumns > 0 {
                worksheet_freeze_panes(worksheet, lxw_row_t(sheet.frozenRows), lxw_col_t(sheet.frozenColumns))
            }
            if let layout = sheet.printLayout {
                worksheet_set_paper(worksheet, 9)  // A4
                if layout.landscape { worksheet_set_landscape(worksheet) }
                worksheet_fit_to_pages(worksheet, 1, 0)
                if sheet.frozenRows > 0 {
                    try check(worksheet_repeat_rows(worksheet, 0, lxw_row_t(sheet.frozenRows - 1)), "repeat the header rows of \(sheet.name) on printed pages")
                }
            }
            if let range = sheet.autofilter {
                try check(worksheet_autofilter(worksheet, lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                               lxw_row_t(range.last.row), lxw_col_t(range.last.column)), "set the filter on \(sheet.name)")
            }
        }

        /// Charts come after all sheets, since a chart may read a sheet placed after its own.
        func addCharts(of sheet: Worksheet) throws(XLSXWriterError) {
            guard let worksheet = worksheets[sheet.name] else { return }
            for chart in sheet.charts {
                guard let drawn = workbook_add_chart(handle, UInt8((chart.horizontal ? LXW_CHART_BAR : LXW_CHART_COLUMN).rawValue)) else {
                    throw .writeFailed(path: sheet.name, reason: "libxlsxwriter cannot make the chart \"\(chart.title)\"")
                }
                chart_title_set_name(drawn, Self.chartText(chart.title))
                var titleFont = lxw_chart_font()
                titleFont.size = chart.titleFontSize
                titleFont.bold = 1
                chart_title_set_name_font(drawn, &titleFont)
                chart_legend_set_position(drawn, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
                guard let series = chart_add_series(drawn, nil, nil) else {
                    throw .writeFailed(path: sheet.name, reason: "libxlsxwriter cannot add the data of chart \"\(chart.title)\"")
                }
                let categories = chart.categories, values = chart.values
                chart_series_set_categories(series, chart.dataSheet, lxw_row_t(categories.first.row), lxw_col_t(categories.first.column),
                                            lxw_row_t(categories.last.row), lxw_col_t(categories.last.column))
                chart_series_set_values(series, chart.dataSheet, lxw_row_t(values.first.row), lxw_col_t(values.first.column),
                                        lxw_row_t(values.last.row), lxw_col_t(values.last.column))
                chart_series_set_name(series, Self.chartText(chart.seriesName))
                chart_series_set_labels(series)
                // A bar chart's x axis is its horizontal (value) axis in libxlsxwriter.
                let valueAxis = chart.horizontal ? drawn.pointee.x_axis : drawn.pointee.y_axis
                let categoryAxis = chart.horizontal ? drawn.pointee.y_axis : drawn.pointee.x_axis
                if let format = chart.valueFormat {
                    chart_axis_set_num_format(valueAxis, format)
                    chart_series_set_labels_num_format(series, format)
                }
                if let maximum = chart.valueMaximum {
                    chart_axis_set_min(valueAxis, 0)
                    chart_axis_set_max(valueAxis, maximum)
                }
                if chart.horizontal {
                    // First category on top, as in the table, with the value axis kept below.
                    chart_axis_set_reverse(categoryAxis)
                    chart_axis_set_crossing_max(categoryAxis)
                }
                var placement = lxw_chart_options()
                placement.x_scale = chart.widthScale
                placement.y_scale = chart.heightScale
                let status = chart.altText.withCString { text in
                    placement.description = UnsafeMutablePointer(mutating: text)
                    return worksheet_insert_chart_opt(worksheet, lxw_row_t(chart.anchor.row), lxw_col_t(chart.anchor.column), drawn, &placement)
                }
                try check(status, "place the chart \"\(chart.title)\" on \(sheet.name)")
            }
        }

        /// One libxlsxwriter format per distinct style.
        func format(_ style: CellStyle) -> UnsafeMutablePointer<lxw_format>? {
            if style == .plain { return nil }
            if let made = formats[style] { return made }
            guard let format = workbook_add_format(handle) else { return nil }
            if style.bold { format_set_bold(format) }
            if style.italic { format_set_italic(format) }
            if let size = style.fontSize { format_set_font_size(format, size) }
            if let numberFormat = style.numberFormat { format_set_num_format(format, numberFormat) }
            if style.wrapsText { format_set_text_wrap(format) }
            if style.alignsTop { format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
            if let fill = style.fill {
                format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
                format_set_bg_color(format, lxw_color_t(fill))
            }
            if style.bottomBorder { format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue)) }
            formats[style] = format
            return format
        }

        func check(_ status: lxw_error, _ what: String) throws(XLSXWriterError) {
            guard status == LXW_NO_ERROR else {
                throw .writeFailed(path: what, reason: String(cString: lxw_strerror(status)))
            }
        }

        /// Text as Excel stores it. Excel reads `_xHHHH_` in a cell as an escaped character, so a
        /// literal one gets its underscore escaped (`_x005F_`), as Excel itself does; a NUL cannot
        /// pass through a C string, so it is written as `_x0000_`, and U+FFFE and U+FFFF, which
        /// XML forbids (one made LibreOffice drop every later string of the workbook), as
        /// `_xFFFE_` and `_xFFFF_`. Other control characters libxlsxwriter escapes itself.
        static func excelText(_ text: String) -> String {
            guard mayNeedEscapes(text) else { return text }
            var result = ""
            var scalars = Substring(text).unicodeScalars[...]
            while let scalar = scalars.first {
                if scalar == "\0" {
                    result += "_x0000_"
                } else if scalar == "\u{FFFE}" || scalar == "\u{FFFF}" {
                    result += "_x\(String(scalar.value, radix: 16, uppercase: true))_"
                } else if scalar == "_", Self.startsEscape(scalars) {
                    result += "_x005F_"
                } else {
                    result.unicodeScalars.append(scalar)
                }
                scalars = scalars.dropFirst()
            }
            return result
        }

        /// Whether `text` holds a NUL, `_x`, U+FFFE or U+FFFF (EF BF BE/BF), looked for in its
        /// bytes: Foundation's `contains("_x")` searched through NSString, a tenth of a report
        /// that quotes every comment of 100,000 responses.
        static func mayNeedEscapes(_ text: String) -> Bool {
            var previous: UInt8 = 0, beforeThat: UInt8 = 0
            for byte in text.utf8 {
                if byte == 0 || (previous == UInt8(ascii: "_") && byte == UInt8(ascii: "x"))
                    || (beforeThat == 0xEF && previous == 0xBF && byte >= 0xBE) { return true }
                (beforeThat, previous) = (previous, byte)
            }
            return false
        }

        /// Whether `scalars` begin with `_xHHHH_`.
        static func startsEscape(_ scalars: Substring.UnicodeScalarView.SubSequence) -> Bool {
            let head = Array(scalars.prefix(7))
            guard head.count == 7, head[1] == "x" || head[1] == "X", head[6] == "_" else { return false }
            return head[2...5].allSatisfy { $0.properties.isASCIIHexDigit }
        }

        /// libxlsxwriter reads a chart title starting with `=` as a cell reference; a zero-width
        /// space in front keeps it a title.
        static func chartText(_ text: String) -> String {
            text.hasPrefix("=") ? "\u{200B}" + text : text
        }
    }
}
