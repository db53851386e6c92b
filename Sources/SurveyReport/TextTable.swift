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

    func render(indent: String = "  ", maxLabel: Int = 40) -> String {
        let all = [header] + rows
        let clipped = all.map { row in row.enumerated().map { $0.offset == 1 && $0.element.count > maxLabel ? String($0.element.prefix(maxLabel - 1)) + "…" : $0.element } }
        var widths = Array(repeating: 0, count: header.count)
        for row in clipped {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        return clipped.map { row in
            indent + row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return numeric.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }
}
