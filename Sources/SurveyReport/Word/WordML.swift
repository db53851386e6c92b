import Foundation
import SurveyModel

/// An element of a WordprocessingML part as it is built: its name (with its prefix, `w:p`),
/// attributes in order, the namespaces it declares, and either text or child elements. A
/// value: a part is a tree of these until `WordXMLWriter` writes it.
struct WordElement {
    var name: String
    var attributes: [(String, String)] = []
    var namespaces: [(prefix: String, uri: String)] = []
    var text: String?
    var children: [WordElement] = []

    init(name: String, attributes: [(String, String)] = [], text: String? = nil, children: [WordElement] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }
}

/// WordprocessingML elements built as a tree, never as concatenated strings: libxml2's writer
/// escapes `& < >` in every text and attribute (`WordXMLWriter`), so an answer holding
/// `</w:t>` stays text. Text first goes through `VisibleText.report`, which turns the control
/// characters XML 1.0 forbids (a vertical tab in a comment) into visible `\u{…}` escapes, as
/// in report.html; Word refuses a document that holds one raw.
enum WordML {
    /// The namespaces the parts use, declared once on each part's root element.
    static let namespaces: [(prefix: String, uri: String)] = [
        ("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
        ("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
        ("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
        ("a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
        ("pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"),
    ]

    /// An element with attributes in the given order and children.
    static func element(_ name: String, _ attributes: [(String, String)] = [], _ children: [WordElement] = []) -> WordElement {
        // The attribute's value is escaped by the writer; only the XML-forbidden controls are ours.
        WordElement(name: name, attributes: attributes.map { ($0.0, VisibleText.report($0.1)) }, children: children)
    }

    /// `<w:NAME w:val="VALUE"/>`, the shape of most properties.
    static func value(_ name: String, _ value: String) -> WordElement {
        element("w:" + name, [("w:val", value)])
    }

    /// The root of a part, with its namespaces declared.
    static func root(_ name: String, namespaces prefixes: [String], _ children: [WordElement] = []) -> WordElement {
        var root = element(name, [], children)
        root.namespaces = namespaces.filter { prefixes.contains($0.prefix) }
        return root
    }

    /// The XML declaration every part starts with.
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// A part's bytes: the XML declaration and the tree.
    static func part(_ root: WordElement) throws(ReportError) -> Data {
        try WordXMLWriter.bytes(declaration: declaration, root: root)
    }

    // MARK: - Runs and paragraphs

    /// How a run of text looks.
    struct RunStyle: OptionSet {
        let rawValue: Int
        static let bold = RunStyle(rawValue: 1)
        static let italic = RunStyle(rawValue: 2)
        static let code = RunStyle(rawValue: 4)
    }

    /// Runs of `text`: line breaks as `<w:br/>`, spaces kept (`xml:space="preserve"`).
    static func runs(_ text: String, _ style: RunStyle = []) -> [WordElement] {
        var properties: [WordElement] = []
        if style.contains(.code) { properties.append(value("rStyle", "Code")) }
        if style.contains(.bold) { properties.append(element("w:b")) }
        if style.contains(.italic) { properties.append(element("w:i")) }
        var run = element("w:r", [], properties.isEmpty ? [] : [element("w:rPr", [], properties)])
        let lines = LineBreaks.replaced(in: VisibleText.report(text), by: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 { run.children.append(element("w:br")) }
            run.children.append(WordElement(name: "w:t", attributes: [("xml:space", "preserve")], text: String(line)))
        }
        return [run]
    }

    /// Runs of text whose `` `…` `` spans (as the phrases mark expressions) are set as code.
    static func runs(markingCode text: String) -> [WordElement] {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count % 2 == 1, parts.count > 1 else { return runs(text) }
        return parts.enumerated().flatMap { index, part in
            part.isEmpty ? [] : runs(String(part), index % 2 == 1 ? .code : [])
        }
    }

    /// A paragraph in a named style (`Heading1`, `Quote`, …) holding `runs`.
    static func paragraph(style: String? = nil, keepWithNext: Bool = false, alignment: String? = nil, _ runs: [WordElement]) -> WordElement {
        var properties: [WordElement] = []
        if let style { properties.append(value("pStyle", style)) }
        if keepWithNext { properties.append(element("w:keepNext")) }
        if let alignment { properties.append(value("jc", alignment)) }
        return element("w:p", [], (properties.isEmpty ? [] : [element("w:pPr", [], properties)]) + runs)
    }
}
