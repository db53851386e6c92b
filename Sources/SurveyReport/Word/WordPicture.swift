import Foundation

/// A chart in report.docx: the PNG drawn from the chart's SVG (`ChartPicture`) at print
/// resolution, placed inline at the SVG's own size (narrowed to the text width when wider),
/// with the chart's title as its alt text for screen readers and Word's accessibility check.
struct WordPicture {
    /// Pixels per SVG pixel: 300 dpi when shown at the SVG's size (96 px to the inch).
    static let scale = 300.0 / 96.0
    /// English Metric Units per inch, as DrawingML measures.
    static let emuPerInch = 914_400

    /// `media/NAME.png` inside the package.
    var fileName: String
    var png: [UInt8]
    /// The alt text.
    var description: String

    /// The PNG's size in pixels, from its IHDR chunk (bytes 16–23); nil if it is no PNG.
    var pixels: (width: Int, height: Int)? {
        guard png.count >= 24, png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        func number(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }

    /// The size shown on the page in EMU: the SVG's size, no wider than `maxWidth`.
    func extent(maxWidth: Int) -> (cx: Int, cy: Int) {
        guard let pixels, pixels.width > 0, pixels.height > 0 else { return (maxWidth, maxWidth / 2) }
        let inches = Double(pixels.width) / (96 * WordPicture.scale)
        let cx = min(maxWidth, Int((inches * Double(WordPicture.emuPerInch)).rounded()))
        return (cx, Int((Double(cx) * Double(pixels.height) / Double(pixels.width)).rounded()))
    }

    /// `<w:drawing>` holding the picture inline; `id` is unique in the document, `relationship`
    /// the id of the PNG in document.xml.rels.
    func drawing(id: Int, relationship: String, maxWidth: Int) -> WordElement {
        let (cx, cy) = extent(maxWidth: maxWidth)
        func e(_ name: String, _ attributes: [(String, String)] = [], _ children: [WordElement] = []) -> WordElement {
            WordML.element(name, attributes, children)
        }
        let picture = e("pic:pic", [], [
            e("pic:nvPicPr", [], [e("pic:cNvPr", [("id", "\(id)"), ("name", fileName), ("descr", description)]), e("pic:cNvPicPr")]),
            e("pic:blipFill", [], [e("a:blip", [("r:embed", relationship)]), e("a:stretch", [], [e("a:fillRect")])]),
            e("pic:spPr", [], [
                e("a:xfrm", [], [e("a:off", [("x", "0"), ("y", "0")]), e("a:ext", [("cx", "\(cx)"), ("cy", "\(cy)")])]),
                e("a:prstGeom", [("prst", "rect")], [e("a:avLst")]),
            ]),
        ])
        let inline = e("wp:inline", [("distT", "0"), ("distB", "0"), ("distL", "0"), ("distR", "0")], [
            e("wp:extent", [("cx", "\(cx)"), ("cy", "\(cy)")]),
            e("wp:effectExtent", [("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")]),
            e("wp:docPr", [("id", "\(id)"), ("name", "Chart \(id)"), ("descr", description), ("title", description)]),
            e("wp:cNvGraphicFramePr", [], [e("a:graphicFrameLocks", [("noChangeAspect", "1")])]),
            e("a:graphic", [], [e("a:graphicData", [("uri", "http://schemas.openxmlformats.org/drawingml/2006/picture")], [picture])]),
        ])
        return e("w:drawing", [], [inline])
    }
}
