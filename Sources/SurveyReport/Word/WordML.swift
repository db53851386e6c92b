import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SurveyModel

/// WordprocessingML elements built as an XML tree (FoundationXML's `XMLElement`), never as
/// concatenated strings: the tree's writer escapes `& < >` in every text and attribute, so an
/// answer holding `</w:t>` stays text. Text first goes through `VisibleText.report`, which
/// turns the control characters XML 1.0 forbids (a vertical tab in a comment) into visible
/// `\u{…}` escapes, as in report.html; Word refuses a document that holds one raw.
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
    static func element(_ name: String, _ attributes: [(String, String)] = [], _ children: [XMLElement] = []) -> XMLElement {
        let element = XMLElement(name: name)
        for (key, value) in attributes {
            // The attribute's value is escaped by the writer; only the XML-forbidden controls are ours.
            element.addAttribute(XMLNode.attribute(withName: key, stringValue: VisibleText.report(value)) as! XMLNode)
        }
        for child in children { element.addChild(child) }
        return element
    }

    /// `<w:NAME w:val="VALUE"/>`, the shape of most properties.
    static func value(_ name: String, _ value: String) -> XMLElement {
        element("w:" + name, [("w:val", value)])
    }

    /// The root of a part, with its namespaces declared.
    static func root(_ name: String, namespaces prefixes: [String], _ children: [XMLElement] = []) -> XMLElement {
        let root = element(name, [], children)
        for (prefix, uri) in namespaces where prefixes.contains(prefix) {
            root.addNamespace(XMLNode.namespace(withName: prefix, stringValue: uri) as! XMLNode)
        }
        return root
    }

    /// The XML declaration every part starts with.
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// A part's bytes: the XML declaration and the tree, serialized by the element itself.
    ///
    /// Not through an `XMLDocument`: on Linux, freeing an XMLDocument frees the libxml2 nodes of
    /// its tree while the `XMLElement`s built here (the body's blocks) still point to them, and
    /// releasing those later crashed `survey report` (SIGSEGV in xmlFreeNode). A tree that never
    /// joins a document is freed by its own elements alone.
    static func part(_ root: XMLElement) -> Data {
        Data((declaration + root.xmlString(options: [.nodeCompactEmptyElement])).utf8)
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
    static func runs(_ text: String, _ style: RunStyle = []) -> [XMLElement] {
        var properties: [XMLElement] = []
        if style.contains(.code) { properties.append(value("rStyle", "Code")) }
        if style.contains(.bold) { properties.append(element("w:b")) }
        if style.contains(.italic) { properties.append(element("w:i")) }
        let run = element("w:r", [], properties.isEmpty ? [] : [element("w:rPr", [], properties)])
        let lines = LineBreaks.replaced(in: VisibleText.report(text), by: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 { run.addChild(element("w:br")) }
            let t = XMLElement(name: "w:t", stringValue: String(line))
            t.addAttribute(XMLNode.attribute(withName: "xml:space", stringValue: "preserve") as! XMLNode)
            run.addChild(t)
        }
        return [run]
    }

    /// Runs of text whose `` `…` `` spans (as the phrases mark expressions) are set as code.
    static func runs(markingCode text: String) -> [XMLElement] {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count % 2 == 1, parts.count > 1 else { return runs(text) }
        return parts.enumerated().flatMap { index, part in
            part.isEmpty ? [] : runs(String(part), index % 2 == 1 ? .code : [])
        }
    }

    /// A paragraph in a named style (`Heading1`, `Quote`, …) holding `runs`.
    static func paragraph(style: String? = nil, keepWithNext: Bool = false, alignment: String? = nil, _ runs: [XMLElement]) -> XMLElement {
        var properties: [XMLElement] = []
        if let style { properties.append(value("pStyle", style)) }
        if keepWithNext { properties.append(element("w:keepNext")) }
        if let alignment { properties.append(value("jc", alignment)) }
        return element("w:p", [], (properties.isEmpty ? [] : [element("w:pPr", [], properties)]) + runs)
    }
}
