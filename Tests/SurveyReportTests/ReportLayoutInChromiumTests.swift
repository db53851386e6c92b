import Foundation
import SurveyModel
import SurveyReport
import SurveyStatistics
import Testing

/// `report.html` of the bundled example, in English and Russian, laid out by headless Chromium
/// as a 390 px phone and a 1280 px desktop show it, and printed to A4 (issue 10): no table is
/// wider than its box (nothing behind a sideways scroll), no chart text is drawn smaller than
/// 12 px, and every column header is in the printed PDF's text, with a footer naming the event
/// and the page.
///
/// The page has no scripts of its own. The test wraps it in a page of two `<iframe srcdoc>`s
/// (390 and 1280 px wide: a headless window cannot be made narrower than 500 px, a frame can),
/// measures both with a script and reads the figures back from the DOM Chromium dumps.
@Suite(.serialized, .enabled(if: Chromium.path != nil, "chromium is not installed: apt-get install chromium"))
struct ReportLayoutInChromiumTests {
    static let widths = [390, 1280]

    @Test(arguments: ReportLanguage.allCases)
    func tablesFitAndChartTextIsLegibleAtPhoneAndDesktopWidths(_ language: ReportLanguage) throws {
        let folder = try Chromium.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try Self.exampleHTML(language)
        let probe = folder.appendingPathComponent("probe.html")
        try Data(Self.probePage(html).utf8).write(to: probe)
        let run = try Chromium.dumpDOM(of: probe, profileIn: folder, timeout: 90)
        try #require(!run.timedOut, "chromium did not finish within 90 s; stderr:\n\(run.stderr)")
        let report = try #require(Self.probeResult(run.stdout), "no probe result in the DOM; stderr:\n\(run.stderr)")
        for width in Self.widths {
            let lines = report.split(separator: "\n").filter { $0.hasPrefix("\(width) ") }
            // The probe saw the page at that width, with its tables and charts.
            #expect(lines.contains { $0.hasPrefix("\(width) viewport \(width) tables ") }, "\(report)")
            #expect(!lines.contains { $0.contains(" tables 0 ") }, "\(report)")
            let problems = lines.filter { !$0.contains(" viewport ") }
            #expect(problems.isEmpty, "\(language) at \(width) px:\n\(problems.joined(separator: "\n"))")
        }
    }

    @Test(.enabled(if: Poppler.pdftotext != nil, "pdftotext is not installed: apt-get install poppler-utils"), arguments: ReportLanguage.allCases)
    func printedPDFHasEveryColumnHeaderAndAFooter(_ language: ReportLanguage) throws {
        let folder = try Chromium.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = try Self.exampleHTML(language)
        let page = folder.appendingPathComponent("report.html"), pdf = folder.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: page)
        let run = try Chromium.printToPDF(page, pdf: pdf, profileIn: folder, timeout: 90)
        try #require(!run.timedOut && FileManager.default.fileExists(atPath: pdf.path), "no PDF; stderr:\n\(run.stderr)")
        let text = try Poppler.text(of: pdf)
        let flat = Self.squeezed(text)

        // Each header as often as the page has it: a clipped column leaves a cut word ("% от
        // ответ") that another table's whole header would otherwise hide.
        let headers = Self.columnHeaders(html)
        #expect(headers.count > 20, "headers found: \(headers)")
        let missing = Dictionary(headers.map { ($0, 1) }, uniquingKeysWith: +).filter { header, times in
            flat.components(separatedBy: Self.squeezed(header)).count - 1 < times
        }
        #expect(missing.isEmpty, "\(language): column headers (times on the page) missing from the printed text: \(missing)")

        // Nothing printed past the right margin (15 mm of the A4 page's 210 mm), where Chromium
        // clips what overflows (the cut "ответ" of the old layout ended 3 pt past it; the page
        // number ends on it, so 2 pt of slack).
        let outside = try Poppler.words(of: pdf).filter { $0.right > $0.pageWidth - 15 / 25.4 * 72 + 2 }
        #expect(outside.isEmpty, "\(language): words past the right margin: \(outside.map { "page \($0.page): \($0.text)" })")

        // A footer on every page: "Page 1 of N" … "Page N of N", with the event's name.
        let pages = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let (pageWord, of) = language == .english ? ("Page", "of") : ("Стр.", "из")
        #expect(pages.count > 1)
        for (index, sheet) in pages.enumerated() {
            #expect(Self.squeezed(sheet).contains("\(pageWord)\(index + 1)\(of)\(pages.count)"), "page \(index + 1) has no page number")
            #expect(sheet.contains("Council on Migration"), "page \(index + 1) does not name the event")
        }
    }

    @Test func titleNamesReportEventAndDate() throws {
        let html = try Self.exampleHTML(.russian)
        #expect(html.contains("<title>Отчёт об отзывах участников — Establishing National Public Council on Migration, 25 января 2013 г.</title>"))
    }

    // MARK: - Helpers

    /// The bundled example's `report.html` in `language`, as `survey report --lang` writes it.
    static func exampleHTML(_ language: ReportLanguage) throws -> String {
        let results = try HTMLInChromiumTests.bundledExample()
        let files = FeedbackReport(results: results, options: ReportOptions(language: language)).files(formats: [.html], excel: false)
        return try #require(files.first { $0.path == "report.html" }?.content)
    }

    /// Every `<th scope="col">`'s text, unescaped, as readers see the column headers.
    static func columnHeaders(_ html: String) -> [String] {
        html.components(separatedBy: "<th scope=\"col\"").dropFirst().compactMap { piece in
            guard let start = piece.firstIndex(of: ">"), let end = piece.range(of: "</th>") else { return nil }
            return String(piece[piece.index(after: start)..<end.lowerBound])
                .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// Text without any white space, so a header wrapped onto two lines of the PDF still matches.
    static func squeezed(_ text: String) -> String { String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init)) }

    /// `report.html` twice, in frames 390 and 1280 px wide, and a script that lists, per width,
    /// the viewport, every table (or its scroll box) wider than its box, a page wider than the
    /// window, and every chart whose smallest text is drawn under 12 px.
    static func probePage(_ html: String) -> String {
        let source = html.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        let frames = widths.map { "<iframe id=\"w\($0)\" width=\"\($0)\" height=\"900\" srcdoc=\"\(source)\"></iframe>" }.joined(separator: "\n")
        return """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>layout probe</title></head><body>
        \(frames)
        <script>
        window.addEventListener('load', function () {
          const lines = [];
          for (const frame of document.querySelectorAll('iframe')) {
            const doc = frame.contentDocument, win = frame.contentWindow, width = frame.id.slice(1);
            const tables = doc.querySelectorAll('table');
            lines.push(width + ' viewport ' + win.innerWidth + ' tables ' + tables.length + ' charts ' + doc.querySelectorAll('svg.chart').length);
            tables.forEach(function (table, index) {
              for (const box of [table, table.parentElement]) {
                if (box.scrollWidth > box.clientWidth) {
                  lines.push(width + ' table ' + index + ' (' + (table.querySelector('th') || {}).textContent + '): ' + box.tagName + ' scrollWidth ' + box.scrollWidth + ' > clientWidth ' + box.clientWidth);
                }
              }
            });
            const page = doc.documentElement;
            if (page.scrollWidth > page.clientWidth) lines.push(width + ' page scrollWidth ' + page.scrollWidth + ' > ' + page.clientWidth);
            doc.querySelectorAll('svg.chart').forEach(function (svg, index) {
              const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              svg.querySelectorAll('text').forEach(function (text) {
                const size = parseFloat(win.getComputedStyle(text).fontSize) * scale;
                if (size < 11.95) lines.push(width + ' chart ' + index + ' text at ' + size.toFixed(1) + ' px: ' + text.textContent);
              });
            });
          }
          const out = document.createElement('pre');
          out.id = 'layout-probe';
          out.textContent = lines.join('\\n');
          document.body.appendChild(out);
        });
        </script>
        </body></html>
        """
    }

    /// The probe's lines from the dumped DOM.
    static func probeResult(_ dom: String) -> String? {
        guard let start = dom.range(of: "<pre id=\"layout-probe\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else { return nil }
        return String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// `pdftotext` from poppler-utils, for what a printed page says.
enum Poppler {
    static let pdftotext: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/pdftotext" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// A printed word: its page (from 1), right edge and the page's width, in points.
    struct Word {
        var page: Int
        var right: Double
        var pageWidth: Double
        var text: String
    }

    /// Every word of the PDF with its box, from `pdftotext -bbox`.
    static func words(of pdf: URL) throws -> [Word] {
        let xhtml = try output(["-bbox", "-enc", "UTF-8", pdf.path, "-"])
        var words: [Word] = []
        for (index, page) in xhtml.components(separatedBy: "<page width=\"").dropFirst().enumerated() {
            let width = Double(page.prefix { $0 != "\"" }) ?? 0
            for piece in page.components(separatedBy: "<word ").dropFirst() {
                guard let xMax = piece.range(of: "xMax=\""), let open = piece.firstIndex(of: ">"), let close = piece.range(of: "</word>") else { continue }
                let right = Double(piece[xMax.upperBound...].prefix { $0 != "\"" }) ?? 0
                words.append(Word(page: index + 1, right: right, pageWidth: width, text: String(piece[piece.index(after: open)..<close.lowerBound])))
            }
        }
        return words
    }

    /// The PDF's text in reading order, pages separated by form feeds.
    static func text(of pdf: URL) throws -> String {
        try output(["-enc", "UTF-8", pdf.path, "-"])
    }

    private static func output(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(pdftotext))
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
