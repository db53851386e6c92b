import Foundation
import SurveyModel
import SurveyStatistics
import Testing
import ZIPFoundation
@testable import SurveyReport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// report.docx read back as Word would: the zip opened with ZIPFoundation, every part parsed as
/// XML, and the body compared with report.md of the same results (issue 11, "report.docx").
@Suite struct WordReportTests {
    /// The frozen example in a language, as a Word document and as the Markdown annex.
    static func example(_ language: ReportLanguage) throws -> (docx: WordPackageReader, markdown: String, results: SurveyResults) {
        let results = try ReportFixture.example()
        let options = ReportOptions(language: language)
        let docx = try WordPackageReader(try WordReport(results: results, options: options).render())
        return (docx, MarkdownReport(results: results, options: options).render(), results)
    }

    /// The same sections (Heading 1 for `##`, Heading 2 for `###`), as many real tables as
    /// report.md has pipe tables, and one picture per chart, in English and Russian.
    @Test(arguments: [ReportLanguage.english, .russian])
    func sameSectionsTablesAndChartsAsMarkdown(_ language: ReportLanguage) throws {
        let (docx, markdown, results) = try Self.example(language)
        let body = try docx.document()
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        let sections = lines.filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
        let crossTabs = lines.filter { $0.hasPrefix("### ") }.count
        let pipeTables = lines.filter { $0.wholeMatch(of: /\|[-:|]+\|/) != nil }.count
        #expect(body.paragraphs(style: "Title").count == 1)
        #expect(body.paragraphs(style: "Heading1").count == sections.count, "\(body.paragraphs(style: "Heading1"))")
        #expect(body.paragraphs(style: "Heading2").count == crossTabs && crossTabs == 2)
        #expect(body.all("w:tbl").count == pipeTables && pipeTables > 10, "\(pipeTables) tables in report.md")
        let charts = HTMLReport(results: results, options: ReportOptions(language: language)).charts()
        #expect(body.all("w:drawing").count == charts.count && charts.count == 10)
        // The headings read as the Markdown's, question texts and all.
        for question in results.questionnaire.questions {
            let text = question.text.text(in: language)
            #expect(body.paragraphs(style: "Heading1").contains { $0.hasSuffix(". " + text) }, "\(question.id)")
        }
        let phrases = ReportPhrases(language)
        #expect(body.paragraphs(style: "Heading1").contains(phrases.dataQuality) && body.paragraphs(style: "Heading1").contains(phrases.methods))
        #expect(body.text.contains(language == .english ? "19 of 24 participants returned the questionnaire (79%)." : "Анкету заполнили 19 из 24 участников (79%)."))
    }

    /// Every chart is a PNG part of the package, drawn at 300 dpi for the size it is shown at,
    /// and carries the chart's title as its alt text.
    @Test func everyChartIsAPrintResolutionPNGWithAltText() throws {
        let (docx, _, results) = try Self.example(.english)
        let body = try docx.document()
        let relationships = try docx.relationships()
        let expected = Set(results.questionnaire.questions.filter(\.kind.isClosed).map { ReportPhrases(.english).chartOf($0.text.text(in: "en")) }
            + [ReportPhrases(.english).ratingsOverview])
        var described: Set<String> = []
        for drawing in body.all("w:drawing") {
            let docPr = try #require(drawing.all("wp:docPr").first)
            let alt = try #require(docPr.attribute("descr"))
            described.insert(alt)
            let blip = try #require(drawing.all("a:blip").first?.attribute("r:embed"))
            let target = try #require(relationships[blip], "\(blip) names no part")
            let png = try #require(docx.parts["word/" + target], "\(target) is not in the package")
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(target) is not a PNG")
            let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
            let extent = try #require(drawing.all("wp:extent").first?.attribute("cx").flatMap(Int.init))
            let dpi = Double(width) / (Double(extent) / 914_400)
            #expect(dpi >= 299 && dpi <= 301, "\(target): \(dpi) dpi")
            #expect(extent <= WordDocument.textWidthEMU)
        }
        #expect(described == expected, "\(described.symmetricDifference(expected))")
    }

    /// A4 portrait with 2 cm margins; every table fixed-layout, its columns adding up to the
    /// text width, its header row repeated on each page, and its count columns wide enough for
    /// the header's longest word.
    @Test(arguments: [ReportLanguage.english, .russian])
    func tablesFitA4Portrait(_ language: ReportLanguage) throws {
        let body = try Self.example(language).docx.document()
        let size = try #require(body.all("w:pgSz").first)
        #expect(size.attribute("w:w") == "11906" && size.attribute("w:h") == "16838")
        #expect(size.attribute("w:orient") == nil)
        for table in body.all("w:tbl") {
            let widths = table.all("w:gridCol").compactMap { $0.attribute("w:w").flatMap(Int.init) }
            #expect(widths.reduce(0, +) == WordDocument.textWidth, "\(widths)")
            #expect(table.all("w:tblLayout").first?.attribute("w:type") == "fixed")
            let rows = table.all("w:tr")
            #expect(rows.first?.all("w:tblHeader").isEmpty == false)
            for (cell, width) in zip(rows.first?.all("w:tc") ?? [], widths) {
                let longest = cell.stringValue?.split(separator: " ").map(\.count).max() ?? 0
                #expect(width >= longest * WordTable.characterWidth + WordTable.padding, "\(cell.stringValue ?? "") in \(width) twips")
            }
        }
    }

    /// Word's own heading styles with outline levels, which its navigation pane and table of
    /// contents read; "Page N of M" from PAGE and NUMPAGES fields in the footer.
    @Test func headingStylesAndPageNumbers() throws {
        let (docx, _, _) = try Self.example(.russian)
        let styles = try docx.xml("word/styles.xml")
        for level in 1...2 {
            let style = try #require(styles.all("w:style").first { $0.attribute("w:styleId") == "Heading\(level)" })
            #expect(style.all("w:name").first?.attribute("w:val") == "heading \(level)")
            #expect(style.all("w:outlineLvl").first?.attribute("w:val") == "\(level - 1)")
        }
        #expect(styles.all("w:lang").first?.attribute("w:val") == "ru-RU")
        let footer = try docx.xml("word/footer1.xml")
        #expect(footer.all("w:instrText").map { $0.stringValue?.trimmingCharacters(in: .whitespaces) } == ["PAGE", "NUMPAGES"])
        #expect(footer.stringValue?.hasPrefix("Страница ") == true)
        let reference = try #require(try docx.document().all("w:footerReference").first?.attribute("r:id"))
        #expect(try docx.relationships()[reference] == "footer1.xml")
        let types = String(decoding: try #require(docx.parts["[Content_Types].xml"]), as: UTF8.self)
        for part in docx.parts.keys where part.hasSuffix(".xml") && !part.hasPrefix("[") {
            #expect(types.contains("PartName=\"/\(part)\""), "\(part) has no content type")
        }
    }

    /// Markup in every user text and control or bidi characters in labels and answers: every
    /// part stays well-formed XML, `</w:t>` and `<script>` are shown as text, and no control
    /// character reaches the document raw (Word refuses a document holding one).
    @Test(arguments: ["hostile", "control"])
    func userTextStaysText(_ fixture: String) throws {
        let results = fixture == "hostile" ? try ReportFixture.hostile() : try VisibleTextInReportsTests.results()
        let docx = try WordPackageReader(try WordReport(results: results, options: ReportOptions()).render())
        for (path, bytes) in docx.parts where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
            let parsed = ParsedXML(String(decoding: bytes, as: UTF8.self))
            #expect(parsed.isWellFormed, "\(path): \(parsed.error ?? "")")
            #expect(VisibleTextInReportsTests.raw(in: String(decoding: bytes, as: UTF8.self)).isEmpty, "\(path)")
        }
        let text = try docx.document().text
        if fixture == "hostile" {
            #expect(text.contains("<script>alert(1)</script>"))
            #expect(text.contains("Which <em>organization</em>? | pipes | =HYPERLINK(\"http://evil.example\")"))
            #expect(text.contains("]]> </text></svg>"))
        } else {
            #expect(text.contains("Gov \\u{1} agency"))
            #expect(text.contains("Fine \\u{202E}gnp.exe then \\u{1} and \\u{1B}[2J cleared"))
        }
    }

    /// A YAML block scalar's line breaks (one at its end) were `<w:br/>`s in the heading, an
    /// empty last line under each; spaces at the ends were kept. Headings and the subtitle hold
    /// their text on one line, trimmed, as report.md's.
    @Test func headingsAndSubtitleOnOneLine() throws {
        let block = try WordPackageReader(try WordReport(results: try ReportFixture.blockScalarTexts(), options: ReportOptions()).render()).document()
        #expect(block.paragraphs(style: "Subtitle") == ["Annual staff survey Second wave"])
        #expect(block.paragraphs(style: "Heading1").contains("1. How satisfied are you with the canteen?"), "\(block.paragraphs(style: "Heading1"))")
        #expect(block.paragraphs(style: "Heading1").contains("2. Would you come again?"), "\(block.paragraphs(style: "Heading1"))")
        for paragraph in block.all("w:p") where ["Title", "Subtitle", "Heading1", "Heading2"].contains(paragraph.all("w:pStyle").first?.attribute("w:val") ?? "") {
            #expect(paragraph.all("w:br").isEmpty, "\(paragraph.stringValue ?? "")")
        }
        let padded = try WordPackageReader(try WordReport(results: try ReportFixture.paddedTexts(), options: ReportOptions()).render()).document()
        #expect(padded.paragraphs(style: "Subtitle") == ["Padded title"])
        #expect(padded.paragraphs(style: "Heading1").contains("1. How satisfied are you with the canteen?"), "\(padded.paragraphs(style: "Heading1"))")
    }

    /// Nothing qualified: a sentence saying so under the heading, not nothing; and the Russian
    /// one-day period with one period after "г.".
    @Test(arguments: [ReportLanguage.english, .russian])
    func keyFindingsSaySoWhenThereAreNone(_ language: ReportLanguage) throws {
        let docx = try WordPackageReader(try WordReport(results: try ReportFixture.blockScalarTexts(), options: ReportOptions(language: language)).render())
        let text = try docx.document().text
        let findings = FindingsPhrases(language: language, questionnaire: try ReportFixture.blockScalarTexts().questionnaire)
        #expect(text.contains(findings.title + "\n" + findings.noneStandsOut), "\(text)")
        if language == .russian {
            #expect(text.contains("заполнены 1 января 2024 г. У 1 анкеты нет времени заполнения."), "\(text)")
            #expect(!text.contains("г.."))
        }
    }

    /// The same results give the same bytes: no dates in the zip entries or the core properties.
    @Test func sameDataSameBytes() throws {
        let results = try ReportFixture.example()
        let first = try WordReport(results: results, options: ReportOptions()).render()
        let second = try WordReport(results: results, options: ReportOptions()).render()
        #expect(first == second)
    }

    /// A long label takes the room and the counts keep their natural width; a table with more
    /// columns than fit shrinks every column alike and still adds up to the text width.
    @Test func tableWidths() {
        var table = WordTable([("Answer", .left), ("Count", .right), ("Valid %", .right)])
        table.append([String(repeating: "long label ", count: 10), "10", "31.2"])
        let widths = table.widths(total: WordDocument.textWidth)
        #expect(widths.reduce(0, +) == WordDocument.textWidth)
        #expect(widths[1] == 6 * WordTable.characterWidth + WordTable.padding && widths[2] == widths[1])
        var wide = WordTable([("Row", .left)] + (1...12).map { ("Column number \($0)", .right) })
        wide.append(["a"] + (1...12).map { _ in "1 000 (100%)" })
        #expect(wide.widths(total: WordDocument.textWidth).reduce(0, +) == WordDocument.textWidth)
    }
}

/// A .docx opened for the tests: its parts by path, read with ZIPFoundation; XML parts parsed
/// with `XMLParser` (libxml2's SAX reader, not the tree the writer built) into `XMLTree`.
struct WordPackageReader {
    let parts: [String: [UInt8]]

    init(_ bytes: [UInt8]) throws {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var parts: [String: [UInt8]] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = [UInt8](data)
        }
        self.parts = parts
    }

    /// A part parsed as an XML tree; its root element.
    func xml(_ path: String) throws -> XMLTree {
        let bytes = try #require(parts[path], "no \(path) in the package")
        return try #require(XMLTree.parse(Data(bytes)), "\(path) is not well-formed XML")
    }

    func document() throws -> XMLTree { try xml("word/document.xml") }

    /// Relationship id → target, from word/_rels/document.xml.rels.
    func relationships() throws -> [String: String] {
        let root = try xml("word/_rels/document.xml.rels")
        return Dictionary(uniqueKeysWithValues: root.all("Relationship").compactMap { relation in
            relation.attribute("Id").flatMap { id in relation.attribute("Target").map { (id, $0) } }
        })
    }
}

/// An XML element as the tests read it: qualified name, attributes, children and text.
final class XMLTree {
    let name: String
    let attributes: [String: String]
    private(set) var children: [XMLTree] = []
    /// The element's own character data, in order.
    private(set) var ownText = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The tree of `data`; nil when it is not well-formed.
    static func parse(_ data: Data) -> XMLTree? {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        return parser.parse() ? builder.root : nil
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var open: [XMLTree] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let element = XMLTree(name: elementName, attributes: attributes)
            if let parent = open.last { parent.children.append(element) } else { root = element }
            open.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            open.last?.ownText += string
        }
    }

    func attribute(_ name: String) -> String? { attributes[name] }

    /// Every element below this one (and itself) with this qualified name, in document order.
    func all(_ name: String) -> [XMLTree] {
        (name == self.name ? [self] : []) + children.flatMap { $0.all(name) }
    }

    /// All character data below, in order.
    var stringValue: String? { ownText + children.compactMap(\.stringValue).joined() }

    /// The texts of the paragraphs in a style.
    func paragraphs(style: String) -> [String] {
        all("w:p").filter { $0.all("w:pStyle").first?.attribute("w:val") == style }.map { $0.stringValue ?? "" }
    }

    /// All text, one paragraph a line.
    var text: String { all("w:p").map { paragraph in paragraph.all("w:t").map { $0.stringValue ?? "" }.joined() }.joined(separator: "\n") }
}
