/// A chart's picture in report.docx: its PNG, or, while the pictures are still being drawn, the
/// chart's name and the size the picture will have (`ChartPicture.pixels(svg:scale:)`), so that
/// the document can be laid out beside the drawing and the PNG added when it is packed
/// (`WordReport.pack`). The layout depends on the size only.
struct WordChart {
    /// The chart's name (`charts/NAME.svg`), which finds its PNG when it is added.
    var name: String
    /// Width and height in pixels; nil for bytes that are no PNG.
    var pixels: (width: Int, height: Int)?
    /// The PNG, empty until it is added.
    var png: [UInt8]

    /// A chart drawn already: its size from the PNG's IHDR chunk (bytes 16–23).
    init(name: String, png: [UInt8]) {
        self.name = name
        self.png = png
        pixels = WordChart.pixels(ofPNG: png)
    }

    /// A chart still being drawn.
    init(name: String, pixels: (width: Int, height: Int)) {
        self.name = name
        self.pixels = pixels
        png = []
    }

    static func pixels(ofPNG png: [UInt8]) -> (width: Int, height: Int)? {
        guard png.count >= 24, png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        func number(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }
}
