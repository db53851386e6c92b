import Foundation

/// A real Word table of report.docx that fits the A4 portrait text width.
///
/// Fixed layout with explicit column widths (twips), so Word and LibreOffice draw it the same
/// way and never widen it past the margins: each column gets its natural width (its widest
/// cell, or the longest word of its header, at the table's 9 pt), counted up to
/// `widestMeasure` characters; the room left over goes to the text columns in proportion, so a
/// long label wraps and a count never breaks. The header row repeats on every page.
struct WordTable {
    enum Alignment {
        case left, right
    }

    /// A cell: its text and whether it is bold (the Total row).
    struct Cell {
        var text: String
        var bold = false
    }

    /// Twips per character at 9 pt bold in the widest font a reader may get: Word has Calibri,
    /// but LibreOffice without it falls back to DejaVu Sans, whose bold glyphs average ~0.65 em
    /// (117 twips). Narrower, and "Count" broke as "Cou/nt" in a header.
    static let characterWidth = 125
    /// Left and right cell margins together (Word's default 0.19 cm each side).
    static let padding = 216
    /// A text column's natural width is measured on at most this many characters.
    static let widestMeasure = 40
    /// A text column of a table too wide for the page narrows to no fewer characters than this.
    static let narrowestText = 12

    private let headers: [String]
    private let alignments: [Alignment]
    private var rows: [[Cell]] = []

    init(_ columns: [(header: String, alignment: Alignment)]) {
        headers = columns.map(\.header)
        alignments = columns.map(\.alignment)
    }

    /// A row of plain-text cells; short rows are filled with empty cells.
    mutating func append(_ cells: [String], bold: Bool = false) {
        rows.append((cells + Array(repeating: "", count: max(0, headers.count - cells.count))).prefix(headers.count).map { Cell(text: $0, bold: bold) })
    }

    /// The column widths in twips, adding up to `total`.
    func widths(total: Int) -> [Int] {
        var natural = headers.indices.map { column -> Int in
            let header = headers[column].split(whereSeparator: \.isWhitespace).map(\.count).max() ?? 0
            let widest = rows.map { $0[column].text.count }.max() ?? 0
            // One character of slack: bold Cyrillic is wider still ("Числ/о" without it).
            return (max(3, min(WordTable.widestMeasure, max(header, widest))) + 1) * WordTable.characterWidth + WordTable.padding
        }
        var sum = natural.reduce(0, +)
        if sum > total {
            // Too wide for the page (a cross-tab with many answers): the text columns give up
            // room first, down to `narrowestText` characters, so the figures stay whole.
            let floor = (WordTable.narrowestText + 1) * WordTable.characterWidth + WordTable.padding
            let text = headers.indices.filter { alignments[$0] == .left && natural[$0] > floor }
            let spare = text.map { natural[$0] - floor }.reduce(0, +)
            let cut = min(spare, sum - total)
            for column in text where spare > 0 { natural[column] -= (natural[column] - floor) * cut / spare }
            sum = natural.reduce(0, +)
        }
        if sum >= total {
            // Still too wide: every column shrinks alike (words may then break).
            var widths = natural.map { $0 * total / sum }
            widths[0] += total - widths.reduce(0, +)
            return widths
        }
        // The spare room to the text columns (all of them when there is none), by their natural width.
        let growing = headers.indices.filter { alignments[$0] == .left }
        let growth = growing.isEmpty ? Array(headers.indices) : growing
        let growthSum = growth.map { natural[$0] }.reduce(0, +)
        var widths = natural
        for column in growth { widths[column] += (total - sum) * natural[column] / growthSum }
        widths[growth[0]] += total - widths.reduce(0, +)
        return widths
    }

    /// The table as `<w:tbl>`, `total` twips wide.
    func element(total: Int) -> WordElement {
        let widths = widths(total: total)
        let properties = WordML.element("w:tblPr", [], [
            WordML.value("tblStyle", "ReportTable"),
            WordML.element("w:tblW", [("w:w", "\(total)"), ("w:type", "dxa")]),
            WordML.element("w:tblLayout", [("w:type", "fixed")]),
            WordML.element("w:tblLook", [("w:val", "0020"), ("w:firstRow", "1"), ("w:lastRow", "0"), ("w:firstColumn", "0"),
                                         ("w:lastColumn", "0"), ("w:noHBand", "1"), ("w:noVBand", "1")]),
        ])
        let grid = WordML.element("w:tblGrid", [], widths.map { WordML.element("w:gridCol", [("w:w", "\($0)")]) })
        var children = [properties, grid]
        children.append(row(headers.map { Cell(text: $0, bold: true) }, widths: widths, header: true))
        for cells in rows { children.append(row(cells, widths: widths, header: false)) }
        return WordML.element("w:tbl", [], children)
    }

    private func row(_ cells: [Cell], widths: [Int], header: Bool) -> WordElement {
        var children: [WordElement] = []
        // The header repeats on each page; no row splits across pages.
        var rowProperties = [WordML.element("w:cantSplit")]
        if header { rowProperties.append(WordML.element("w:tblHeader")) }
        children.append(WordML.element("w:trPr", [], rowProperties))
        for (index, cell) in cells.enumerated() {
            var cellProperties = [WordML.element("w:tcW", [("w:w", "\(widths[index])"), ("w:type", "dxa")])]
            if header {
                cellProperties.append(WordML.element("w:shd", [("w:val", "clear"), ("w:color", "auto"), ("w:fill", "E8ECF1")]))
                cellProperties.append(WordML.value("vAlign", "bottom"))
            }
            let paragraph = WordML.paragraph(style: "TableText", alignment: alignments[index] == .right ? "right" : nil,
                                             cell.text.isEmpty ? [] : WordML.runs(cell.text, cell.bold ? .bold : []))
            children.append(WordML.element("w:tc", [], [WordML.element("w:tcPr", [], cellProperties), paragraph]))
        }
        return WordML.element("w:tr", [], children)
    }
}
