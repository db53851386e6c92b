import Foundation
private import CLibXML2

/// Writes a part of report.docx, the tree `WordML` built, with libxml2's text writer. The only
/// file of the report that calls libxml2.
///
/// The parts were FoundationXML trees serialized by libxml2's xmlSave; quoting every comment
/// of 100,000 responses made a million of its nodes, each a Swift object over a libxml2 node,
/// which took most of the report's time and 400 MB. The same bytes come out here: element and
/// attribute names as given, namespaces declared before the attributes, an element without
/// content closed as `<w:b/>`, attribute values escaped by the writer as xmlSave escapes them
/// (`& < > "`, tab and line ends as character references, and anything beyond ASCII too,
/// since the part has no document to say its encoding), and text escaped by libxml2's
/// `xmlEncodeEntitiesReentrant` for a UTF-8 document, as xmlSave escapes text (`& < >`, and
/// a carriage return as `&#13;`).
enum WordXMLWriter {
    static func bytes(declaration: String, root: WordElement) throws(ReportError) -> Data {
        guard let buffer = xmlBufferCreate() else { throw .wordDocumentFailed(reason: "libxml2 could not make a buffer") }
        defer { xmlBufferFree(buffer) }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else { throw .wordDocumentFailed(reason: "libxml2 could not make a writer") }
        // The document whose encoding (UTF-8) tells xmlEncodeEntitiesReentrant to keep text beyond ASCII as it is.
        guard let document = xmlNewDoc(nil) else {
            xmlFreeTextWriter(writer)
            throw .wordDocumentFailed(reason: "libxml2 could not make a document")
        }
        document.pointee.encoding = UnsafePointer(xmlStrdup("UTF-8"))
        defer { xmlFreeDoc(document) }
        var written = write(root, writer, document)
        if xmlTextWriterFlush(writer) < 0 { written = false }
        xmlFreeTextWriter(writer)
        guard written else { throw .wordDocumentFailed(reason: "libxml2 could not write <\(root.name)>") }
        var out = Data(declaration.utf8)
        if let content = xmlBufferContent(buffer) { out.append(content, count: Int(xmlBufferLength(buffer))) }
        return out
    }

    private static func write(_ element: WordElement, _ writer: xmlTextWriterPtr, _ document: xmlDocPtr) -> Bool {
        guard withXMLString(element.name, { xmlTextWriterStartElement(writer, $0) }) >= 0 else { return false }
        for (prefix, uri) in element.namespaces {
            guard attribute(prefix.isEmpty ? "xmlns" : "xmlns:" + prefix, uri, writer) else { return false }
        }
        for (name, value) in element.attributes {
            guard attribute(name, value, writer) else { return false }
        }
        if let text = element.text, !text.isEmpty {
            guard let escaped = withXMLString(text, { xmlEncodeEntitiesReentrant(document, $0) }) else { return false }
            defer { survey_xml_free(escaped) }
            guard xmlTextWriterWriteRaw(writer, escaped) >= 0 else { return false }
        }
        for child in element.children {
            guard write(child, writer, document) else { return false }
        }
        // An element of text is closed with its end tag even when the text is empty
        // (`<w:t xml:space="preserve"></w:t>` between two line breaks), as xmlSave wrote it.
        return (element.text == nil ? xmlTextWriterEndElement(writer) : xmlTextWriterFullEndElement(writer)) >= 0
    }

    private static func attribute(_ name: String, _ value: String, _ writer: xmlTextWriterPtr) -> Bool {
        withXMLString(name) { name in withXMLString(value) { xmlTextWriterWriteAttribute(writer, name, $0) } } >= 0
    }

    /// `text` as the NUL-terminated `xmlChar` string libxml2 takes.
    private static func withXMLString<Result>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
        text.withCString { $0.withMemoryRebound(to: xmlChar.self, capacity: 1, body) }
    }
}
