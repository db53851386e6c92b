import CCairo
import Foundation
@testable import SurveyReport
import Testing

/// The charts' PNG twins, drawn by librsvg (issue 10: "a PNG twin for tools that cannot read SVG").
@Suite struct ChartPictureTests {
    /// Width and height from a PNG's IHDR chunk, nil when the bytes are not a PNG.
    static func size(ofPNG bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count > 24, bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else { return nil }
        func number(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }

    @Test func everyChartOfTheExampleHasATwiceAsLargePNG() throws {
        let results = try HTMLInChromiumTests.bundledExample()
        let charts = HTMLReport(results: results, options: ReportOptions(language: .russian)).charts()
        for chart in charts {
            let png = try ChartPicture.png(svg: chart.svg, name: chart.name)
            let size = try #require(Self.size(ofPNG: png), "\(chart.name) is not a PNG")
            let svgWidth = try #require(chart.svg.firstMatch(of: /<svg [^>]*width="([0-9.]+)" height="([0-9.]+)"/))
            #expect(size.width == Int((Double(svgWidth.1)! * 2).rounded(.up)) && size.height == Int((Double(svgWidth.2)! * 2).rounded(.up)), "\(chart.name): \(size)")
        }
    }

    /// Something is drawn: the same canvas with the chart's text and bars compresses far worse
    /// than the white page alone, and two runs give the same bytes (reports are kept in git).
    @Test func drawsTheChartAndTheSameBytesEachTime() throws {
        let blank = ##"<svg xmlns="http://www.w3.org/2000/svg" width="440" height="72"><rect width="440" height="72" fill="#ffffff"/></svg>"##
        let chart = ##"<svg xmlns="http://www.w3.org/2000/svg" width="440" height="72"><rect width="440" height="72" fill="#ffffff"/><text x="10" y="30" font-size="13">Очень полезно: 47% (14)</text><rect x="200" y="13" width="200" height="18" fill="#2166ac"/></svg>"##
        let blankPNG = try ChartPicture.png(svg: blank, name: "blank"), chartPNG = try ChartPicture.png(svg: chart, name: "chart")
        #expect(chartPNG.count > blankPNG.count * 3, "\(chartPNG.count) bytes against \(blankPNG.count)")
        #expect(try ChartPicture.png(svg: chart, name: "chart") == chartPNG)
    }

    /// The PNG holds the pixels drawn, read back by cairo's own PNG reader: colours in the right
    /// channels (cairo keeps blue in the low byte, libpng is given BGR) and rows whose width is
    /// no multiple of four, so the surface's padded stride is honoured.
    @Test func pixelsReadBackAsDrawn() throws {
        let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" width="37" height="11"><rect width="37" height="11" fill="#ffffff"/><rect x="0" y="0" width="10" height="5" fill="#b2182b"/><rect x="20" y="6" width="17" height="5" fill="#2166ac"/></svg>"##
        let png = try ChartPicture.png(svg: svg, name: "pixels", scale: 1)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pixels-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(png).write(to: file)
        let surface = try #require(cairo_image_surface_create_from_png(file.path))
        defer { cairo_surface_destroy(surface) }
        #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        #expect(cairo_image_surface_get_width(surface) == 37 && cairo_image_surface_get_height(surface) == 11)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = try #require(cairo_image_surface_get_data(surface))
        func rgb(_ x: Int, _ y: Int) -> UInt32 {
            data.advanced(by: y * stride + x * 4).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee } & 0xFF_FFFF
        }
        #expect(rgb(2, 2) == 0xB2182B, "red square: \(String(rgb(2, 2), radix: 16))")
        #expect(rgb(30, 8) == 0x2166AC, "blue bar: \(String(rgb(30, 8), radix: 16))")
        #expect(rgb(36, 10) == 0x2166AC, "last pixel of the last row: \(String(rgb(36, 10), radix: 16))")
        #expect(rgb(15, 2) == 0xFFFFFF && rgb(5, 8) == 0xFFFFFF)
    }

    @Test func brokenOrSizelessSVGIsAnErrorNamingTheChart() throws {
        #expect(throws: ReportError.self) { try ChartPicture.png(svg: "<svg", name: "q1") }
        do {
            _ = try ChartPicture.png(svg: #"<svg xmlns="http://www.w3.org/2000/svg"/>"#, name: "q7")
            Issue.record("a chart without a size was drawn")
        } catch {
            #expect(error.errorDescription?.hasPrefix("charts/q7.png: error: cannot draw the PNG copy of the chart") == true, "\(error)")
        }
    }

    /// A chart too large for cairo is drawn smaller, not refused.
    @Test func hugeChartIsScaledDown() throws {
        let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" width="440" height="20000"><rect width="440" height="20000" fill="#ff0000"/></svg>"##
        let size = try #require(Self.size(ofPNG: try ChartPicture.png(svg: svg, name: "tall")))
        #expect(size.height == 16_384 && size.width == 361, "\(size)")
    }
}
