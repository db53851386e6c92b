import Foundation
import SurveyModel

/// A plain-text table with aligned columns, for terminals (80 columns and up).
///
/// Cells are made visible (`VisibleText.line`) before they are measured: a label holding ESC or
/// a line break is shown as `\u{1B}` or `\u{A}` and the columns stay aligned.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Which columns hold numbers (right-aligned).
    var numeric: Set<Int>

    init(header: [String], numeric: Set<Int>) {
        self.header = header.map(VisibleText.line)
        self.numeric = numeric
    }

    mutating func add(_ row: [String]) { rows.append(row.map(VisibleText.line)) }

    /// Labels (column 1) are clipped to `maxLabel` characters and every other cell to `maxCell`,
    /// so one huge cell can neither widen every row nor make rendering slow: the work is linear
    /// in the clipped text.
    func render(indent: String = "  ", maxLabel: Int = 40, maxCell: Int = 64) -> String {
        let all = [header] + rows
        let clipped = all.map { row in
            row.enumerated().map { TextTable.clip($0.element, to: $0.offset == 1 ? maxLabel : maxCell) }
        }
        var widths = Array(repeating: 0, count: header.count)
        for row in clipped {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        return clipped.map { row in
            var line = indent + row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return numeric.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ")
            // Not a `\s+$` regular expression: that backtracks over every run of padding, which
            // is quadratic in a column's width.
            while let last = line.last, last.isWhitespace { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }

    /// `cell`, or its first `limit − 1` characters and `…`; counts at most `limit + 1` characters.
    static func clip(_ cell: String, to limit: Int) -> String {
        guard cell.utf8.count > limit, cell.dropFirst(limit).first != nil else { return cell }
        return String(cell.prefix(limit - 1)) + "…"
    }
}
