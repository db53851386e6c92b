import Foundation

/// The body of report.docx as it is built, block by block: headings in Word's own heading
/// styles (so the navigation pane and a table of contents find them), paragraphs, bullets,
/// tables and charts. `WordPackage` turns it into the file.
struct WordDocument {
    /// A4 portrait (210 × 297 mm) in twips, with 2 cm margins.
    static let pageWidth = 11_906, pageHeight = 16_838, margin = 1_134
    /// The text width every table and picture fits in.
    static let textWidth = pageWidth - 2 * margin
    /// The text width in EMU (635 per twip).
    static let textWidthEMU = textWidth * 635

    private(set) var blocks: [WordElement] = []
    private(set) var pictures: [WordPicture] = []

    /// The relationship id of the n-th picture (from 0) in document.xml.rels; the first ids name
    /// the styles, settings, numbering and footer parts.
    static func relationship(picture index: Int) -> String { "rIdPicture\(index + 1)" }

    /// A heading: 0 is the report's title (Word's Title style), 1 and 2 are Heading 1 and 2.
    /// On one line (`LineBreaks.joined`): a question text written as a YAML block scalar ends
    /// with a line break, which would be a `<w:br/>` and an empty last line in the heading.
    mutating func heading(_ text: String, level: Int) {
        blocks.append(WordML.paragraph(style: level == 0 ? "Title" : "Heading\(level)", WordML.runs(LineBreaks.joined(text))))
    }

    /// A paragraph of plain text in a style (`nil` for Normal).
    mutating func paragraph(_ text: String, style: String? = nil, keepWithNext: Bool = false) {
        blocks.append(WordML.paragraph(style: style, keepWithNext: keepWithNext, WordML.runs(text)))
    }

    /// A paragraph of runs already built.
    mutating func paragraph(runs: [WordElement], style: String? = nil, keepWithNext: Bool = false) {
        blocks.append(WordML.paragraph(style: style, keepWithNext: keepWithNext, runs))
    }

    /// A bulleted paragraph (`ListBullet`, numbered by numbering.xml's bullet list).
    mutating func bullet(runs: [WordElement]) {
        blocks.append(WordML.paragraph(style: "ListBullet", runs))
    }

    /// A table, full text width, followed by an empty small paragraph: Word merges two tables
    /// that touch, and the gap keeps the next block off the table's last line.
    mutating func table(_ table: WordTable) {
        blocks.append(table.element(total: WordDocument.textWidth))
        blocks.append(WordML.paragraph(style: "AfterTable", []))
    }

    /// A chart as an inline picture in a paragraph of its own, kept with what follows (its table).
    mutating func picture(png: [UInt8], description: String) {
        let index = pictures.count
        let picture = WordPicture(fileName: "chart\(index + 1).png", png: png, description: description)
        pictures.append(picture)
        let drawing = picture.drawing(id: index + 1, relationship: WordDocument.relationship(picture: index), maxWidth: WordDocument.textWidthEMU)
        blocks.append(WordML.paragraph(style: "Figure", keepWithNext: true, [WordML.element("w:r", [], [drawing])]))
    }

    /// `<w:body>` with the blocks and the section's page setup: A4 portrait, margins, and the
    /// footer that numbers the pages.
    func body(footer relationship: String) -> WordElement {
        let section = WordML.element("w:sectPr", [], [
            WordML.element("w:footerReference", [("w:type", "default"), ("r:id", relationship)]),
            WordML.element("w:pgSz", [("w:w", "\(WordDocument.pageWidth)"), ("w:h", "\(WordDocument.pageHeight)")]),
            WordML.element("w:pgMar", [("w:top", "\(WordDocument.margin)"), ("w:right", "\(WordDocument.margin)"), ("w:bottom", "\(WordDocument.margin)"),
                                       ("w:left", "\(WordDocument.margin)"), ("w:header", "567"), ("w:footer", "567"), ("w:gutter", "0")]),
        ])
        return WordML.element("w:body", [], blocks + [section])
    }
}
