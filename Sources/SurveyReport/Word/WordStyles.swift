import Foundation

/// The parts of report.docx that say how it looks: styles.xml, numbering.xml (the bullet list),
/// settings.xml and the footer with the page numbers.
///
/// Headings use Word's built-in names (`heading 1`, `Title`) with outline levels, so Word's
/// navigation pane and Insert › Table of Contents find them, and LibreOffice maps them to its
/// own Heading 1/2. Everything is in one plain font family so that a program manager can
/// paste the annex into a document of their own and let its styles take over.
enum WordStyles {
    private static func e(_ name: String, _ attributes: [(String, String)] = [], _ children: [WordElement] = []) -> WordElement {
        WordML.element(name, attributes, children)
    }

    private static func v(_ name: String, _ value: String) -> WordElement { WordML.value(name, value) }

    /// styles.xml; `language` is the report's (`en-GB`, `ru-RU`), for spelling and hyphenation.
    static func styles(language: String) -> WordElement {
        let defaults = e("w:docDefaults", [], [
            e("w:rPrDefault", [], [e("w:rPr", [], [
                e("w:rFonts", [("w:ascii", "Calibri"), ("w:hAnsi", "Calibri"), ("w:eastAsia", "Calibri"), ("w:cs", "Calibri")]),
                v("sz", "21"), v("szCs", "21"),
                e("w:lang", [("w:val", language), ("w:eastAsia", language), ("w:bidi", "ar-SA")]),
            ])]),
            e("w:pPrDefault", [], [e("w:pPr", [], [e("w:spacing", [("w:after", "120"), ("w:line", "264"), ("w:lineRule", "auto")])])]),
        ])
        return WordML.root("w:styles", namespaces: ["w"], [
            defaults,
            paragraphStyle("Normal", name: "Normal", isDefault: true, basedOn: nil),
            paragraphStyle("Title", name: "Title", next: "Normal", paragraph: [e("w:spacing", [("w:after", "120")])],
                           run: [e("w:b"), v("color", "1F3A5F"), v("sz", "40"), v("szCs", "40")]),
            paragraphStyle("Subtitle", name: "Subtitle", next: "Normal", run: [v("color", "444444"), v("sz", "26"), v("szCs", "26")]),
            heading(1, size: 30, before: 360),
            heading(2, size: 25, before: 240),
            paragraphStyle("Note", name: "Note", run: [e("w:i"), v("color", "4A4A4A")]),
            paragraphStyle("Quote", name: "Quote", next: "Normal",
                           paragraph: [e("w:pBdr", [], [e("w:left", [("w:val", "single"), ("w:sz", "12"), ("w:space", "8"), ("w:color", "A0A8B4")])]),
                                       e("w:ind", [("w:left", "284"), ("w:right", "284")])],
                           run: [v("color", "333333")]),
            paragraphStyle("ListBullet", name: "List Bullet",
                           paragraph: [e("w:numPr", [], [v("ilvl", "0"), v("numId", "1")]), e("w:spacing", [("w:after", "60")]),
                                       e("w:ind", [("w:left", "360"), ("w:hanging", "360")])]),
            paragraphStyle("Figure", name: "Figure", paragraph: [e("w:keepNext"), v("jc", "center"), e("w:spacing", [("w:before", "120"), ("w:after", "120")])]),
            paragraphStyle("TableText", name: "Table Text", paragraph: [e("w:spacing", [("w:before", "20"), ("w:after", "20"), ("w:line", "240"), ("w:lineRule", "auto")])],
                           run: [v("sz", "18"), v("szCs", "18")]),
            paragraphStyle("AfterTable", name: "After Table", paragraph: [e("w:spacing", [("w:after", "60"), ("w:line", "240"), ("w:lineRule", "auto")])],
                           run: [v("sz", "8"), v("szCs", "8")]),
            paragraphStyle("Footer", name: "footer", paragraph: [v("jc", "center"), e("w:spacing", [("w:after", "0")])],
                           run: [v("color", "4A4A4A"), v("sz", "18"), v("szCs", "18")]),
            e("w:style", [("w:type", "character"), ("w:styleId", "Code")], [
                v("name", "Code"), e("w:rPr", [], [e("w:rFonts", [("w:ascii", "Liberation Mono"), ("w:hAnsi", "Liberation Mono"), ("w:cs", "Liberation Mono")]),
                                                   v("sz", "19"), v("szCs", "19")]),
            ]),
            e("w:style", [("w:type", "table"), ("w:styleId", "ReportTable")], [
                v("name", "Report Table"),
                e("w:tblPr", [], [
                    e("w:tblBorders", [], ["top", "bottom", "insideH"].map { side in
                        e("w:" + side, [("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "A0A8B4")])
                    }),
                    e("w:tblCellMar", [], [e("w:left", [("w:w", "108"), ("w:type", "dxa")]), e("w:right", [("w:w", "108"), ("w:type", "dxa")])]),
                ]),
            ]),
        ])
    }

    /// A heading style Word knows as its own (`heading N`), with its outline level.
    private static func heading(_ level: Int, size: Int, before: Int) -> WordElement {
        paragraphStyle("Heading\(level)", name: "heading \(level)", next: "Normal",
                       paragraph: [e("w:keepNext"), e("w:keepLines"), e("w:spacing", [("w:before", "\(before)"), ("w:after", "120")]), v("outlineLvl", "\(level - 1)")],
                       run: [e("w:b"), v("color", "1F3A5F"), v("sz", "\(size)"), v("szCs", "\(size)")])
    }

    private static func paragraphStyle(_ id: String, name: String, isDefault: Bool = false, basedOn: String? = "Normal", next: String? = nil,
                                       paragraph: [WordElement] = [], run: [WordElement] = []) -> WordElement {
        var attributes = [("w:type", "paragraph")]
        if isDefault { attributes.append(("w:default", "1")) }
        attributes.append(("w:styleId", id))
        var children = [v("name", name)]
        if let basedOn { children.append(v("basedOn", basedOn)) }
        if let next { children.append(v("next", next)) }
        children.append(e("w:qFormat"))
        if !paragraph.isEmpty { children.append(e("w:pPr", [], paragraph)) }
        if !run.isEmpty { children.append(e("w:rPr", [], run)) }
        return e("w:style", attributes, children)
    }

    /// numbering.xml: the one bullet list (numId 1) that `ListBullet` paragraphs belong to.
    static func numbering() -> WordElement {
        WordML.root("w:numbering", namespaces: ["w"], [
            e("w:abstractNum", [("w:abstractNumId", "0")], [
                v("multiLevelType", "singleLevel"),
                e("w:lvl", [("w:ilvl", "0")], [
                    v("start", "1"), v("numFmt", "bullet"), v("lvlText", "•"), v("lvlJc", "left"),
                    e("w:pPr", [], [e("w:ind", [("w:left", "360"), ("w:hanging", "360")])]),
                ]),
            ]),
            e("w:num", [("w:numId", "1")], [v("abstractNumId", "0")]),
        ])
    }

    /// settings.xml: Word 2013+ layout rules (no compatibility mode banner).
    static func settings(language: String) -> WordElement {
        WordML.root("w:settings", namespaces: ["w"], [
            v("defaultTabStop", "709"),
            v("characterSpacingControl", "doNotCompress"),
            e("w:compat", [], [e("w:compatSetting", [("w:name", "compatibilityMode"), ("w:uri", "http://schemas.microsoft.com/office/word"), ("w:val", "15")])]),
            e("w:themeFontLang", [("w:val", language)]),
        ])
    }

    /// footer1.xml: "Page N of M" centred, from Word's PAGE and NUMPAGES fields.
    static func footer(_ pageOf: (String, String, String)) -> WordElement {
        func field(_ instruction: String) -> [WordElement] {
            let code = WordElement(name: "w:instrText", attributes: [("xml:space", "preserve")], text: " \(instruction) ")
            return [e("w:r", [], [e("w:fldChar", [("w:fldCharType", "begin")])]), e("w:r", [], [code]),
                    e("w:r", [], [e("w:fldChar", [("w:fldCharType", "separate")])]), WordML.runs("1")[0],
                    e("w:r", [], [e("w:fldChar", [("w:fldCharType", "end")])])]
        }
        var runs: [WordElement] = []
        if !pageOf.0.isEmpty { runs += WordML.runs(pageOf.0) }
        runs += field("PAGE")
        runs += WordML.runs(pageOf.1)
        runs += field("NUMPAGES")
        if !pageOf.2.isEmpty { runs += WordML.runs(pageOf.2) }
        return WordML.root("w:ftr", namespaces: ["w", "r"], [WordML.paragraph(style: "Footer", runs)])
    }
}
