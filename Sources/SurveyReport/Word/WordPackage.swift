import Foundation
import SurveyModel
import XLSXWriter
private import ZIPFoundation

/// report.docx as bytes: the Office Open XML package (a zip, built in memory with
/// ZIPFoundation) holding the document, its styles, numbering, settings, footer, core
/// properties and the charts' PNGs. The only file that calls ZIPFoundation.
///
/// Byte-stable like the other formats: entries in a fixed order, every entry dated
/// 2000-01-01 and no creation date in the core properties, so the same data gives the same file.
struct WordPackage {
    var document: WordDocument
    /// The document's title (core properties), language tag (`en-GB`) and the footer's words
    /// around the page number and count ("Page ", " of ", "").
    var title: String
    var language: String
    var pageOf: (String, String, String)

    /// The fixed date of every zip entry.
    static let entryDate = Date(timeIntervalSince1970: 946_684_800)

    private static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    private static let wordprocessing = "application/vnd.openxmlformats-officedocument.wordprocessingml."

    func bytes() throws(ReportError) -> [UInt8] {
        var parts: [(path: String, data: Data)] = []
        parts.append(("[Content_Types].xml", try WordML.part(contentTypes())))
        parts.append(("_rels/.rels", try WordML.part(relationships([
            ("rIdDocument", Self.officeRelationships + "officeDocument", "word/document.xml"),
            ("rIdCore", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
        ]))))
        parts.append(("docProps/core.xml", try WordML.part(coreProperties())))
        let documentRoot = WordML.root("w:document", namespaces: WordML.namespaces.map(\.prefix), [document.body(footer: "rIdFooter")])
        parts.append(("word/document.xml", try WordML.part(documentRoot)))
        var wordRelationships = [
            ("rIdStyles", Self.officeRelationships + "styles", "styles.xml"),
            ("rIdSettings", Self.officeRelationships + "settings", "settings.xml"),
            ("rIdNumbering", Self.officeRelationships + "numbering", "numbering.xml"),
            ("rIdFooter", Self.officeRelationships + "footer", "footer1.xml"),
        ]
        for (index, picture) in document.pictures.enumerated() {
            wordRelationships.append((WordDocument.relationship(picture: index), Self.officeRelationships + "image", "media/" + picture.fileName))
        }
        parts.append(("word/_rels/document.xml.rels", try WordML.part(relationships(wordRelationships))))
        parts.append(("word/styles.xml", try WordML.part(WordStyles.styles(language: language))))
        parts.append(("word/numbering.xml", try WordML.part(WordStyles.numbering())))
        parts.append(("word/settings.xml", try WordML.part(WordStyles.settings(language: language))))
        parts.append(("word/footer1.xml", try WordML.part(WordStyles.footer(pageOf))))
        for picture in document.pictures { parts.append(("word/media/" + picture.fileName, Data(picture.png))) }
        return try zip(parts)
    }

    private func zip(_ parts: [(path: String, data: Data)]) throws(ReportError) -> [UInt8] {
        // ZIPFoundation dates each entry with gmtime, as libxlsxwriter does a workbook being
        // written on another thread meanwhile: see `SharedTimeBuffer`.
        try SharedTimeBuffer.withLock { () throws(ReportError) in try zipped(parts) }
    }

    private func zipped(_ parts: [(path: String, data: Data)]) throws(ReportError) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in parts {
                // PNGs are compressed already; deflating them again only costs time.
                let method: CompressionMethod = part.path.hasSuffix(".png") ? .none : .deflate
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(part.data.count), modificationDate: Self.entryDate,
                                     compressionMethod: method) { position, size in
                    part.data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw ReportError.wordDocumentFailed(reason: "the zip archive has no bytes") }
            return [UInt8](data)
        } catch let error as ReportError {
            throw error
        } catch {
            throw .wordDocumentFailed(reason: "\(error)")
        }
    }

    private func contentTypes() -> WordElement {
        var root = WordML.element("Types", [], [
            WordML.element("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")]),
            WordML.element("Default", [("Extension", "xml"), ("ContentType", "application/xml")]),
            WordML.element("Default", [("Extension", "png"), ("ContentType", "image/png")]),
            override("/word/document.xml", Self.wordprocessing + "document.main+xml"),
            override("/word/styles.xml", Self.wordprocessing + "styles+xml"),
            override("/word/numbering.xml", Self.wordprocessing + "numbering+xml"),
            override("/word/settings.xml", Self.wordprocessing + "settings+xml"),
            override("/word/footer1.xml", Self.wordprocessing + "footer+xml"),
            override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ])
        root.namespaces = [("", "http://schemas.openxmlformats.org/package/2006/content-types")]
        return root
    }

    private func override(_ part: String, _ type: String) -> WordElement {
        WordML.element("Override", [("PartName", part), ("ContentType", type)])
    }

    private func relationships(_ list: [(id: String, type: String, target: String)]) -> WordElement {
        var root = WordML.element("Relationships", [], list.map { WordML.element("Relationship", [("Id", $0.id), ("Type", $0.type), ("Target", $0.target)]) })
        root.namespaces = [("", Self.relationshipsNamespace)]
        return root
    }

    /// Title, language and the tool as creator; no dates (the report stays byte-stable).
    private func coreProperties() -> WordElement {
        var root = WordML.element("cp:coreProperties", [], [
            WordElement(name: "dc:title", text: VisibleText.report(title)),
            WordElement(name: "dc:creator", text: "survey"),
            WordElement(name: "dc:language", text: language),
        ])
        root.namespaces = [("cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"), ("dc", "http://purl.org/dc/elements/1.1/"),
                           ("dcterms", "http://purl.org/dc/terms/")]
        return root
    }
}
