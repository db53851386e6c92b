import Foundation
import Testing

/// `survey report` and report.md on their way into Word (issue 10, "Markdown that survives
/// Word"): the charts report.md links are written with it, SVG and PNG, whatever other formats
/// are asked for; `pandoc report.md -o report.docx` gives Word tables with headers and widths
/// that leave the labels room. `make test` installs pandoc (Debian's package); without it the
/// Word tests are skipped.
@Suite struct MarkdownReportCommandTests {
    static let pandoc: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/pandoc" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Link targets in Markdown: `](target)`.
    static func links(in markdown: String) -> [String] {
        markdown.matches(of: /\]\(([^)\s]+)\)/).map { String($0.1) }
    }

    /// Today `--format md` writes report.md alone, whose readers never see a chart.
    @Test func markdownAloneBringsItsChartsAsSVGAndPNG() throws {
        let work = try Workdir()
        defer { work.remove() }
        let result = try work.run("report", Fixture.repoRoot.appendingPathComponent("questionnaires/seminar-feedback.yaml").path,
                                  Fixture.repoRoot.appendingPathComponent("responses/seminar-feedback.csv").path, "--format", "md", "--out", "rep")
        #expect(result.status == 0, "\(result)")
        let markdown = try #require(work.text("rep/report.md"))
        let links = Self.links(in: markdown)
        #expect(links.filter { $0.hasSuffix(".svg") }.count == 11 && links.filter { $0.hasSuffix(".png") }.count == 11, "\(links)")
        for link in links {
            let bytes = try #require(work.bytes("rep/" + link), "\(link) is linked but not written")
            if link.hasSuffix(".png") { #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(link) is not a PNG") }
            if link.hasSuffix(".svg") { #expect(String(decoding: bytes, as: UTF8.self).contains("<svg "), "\(link)") }
        }
        let written = Set(work.listing().filter { $0.hasPrefix("rep/") && !$0.hasSuffix("/charts") }.map { String($0.dropFirst(4)) })
        #expect(written == Set([".survey-report", "report.md"] + links), "\(written)")
        let marker = try #require(work.text("rep/.survey-report")).split(separator: "\n").dropFirst().map(String.init)
        #expect(Set(marker) == Set(["report.md"] + links), "the marker lists the pictures too")
        #expect(result.stderr.contains("Wrote 23 files to rep/"), "\(result)")
    }

    /// The example in English and Russian through pandoc into Word and back to HTML: as many
    /// tables as report.md has, each with a full header row, the label column the widest, the
    /// cross-tab cells whole ("8 (80%)"), and every chart in the document.
    @Test(.enabled(if: pandoc != nil, "pandoc is not installed: apt-get install pandoc"), arguments: ["en", "ru"])
    func pandocMakesReadableWordTables(_ language: String) throws {
        let work = try Workdir()
        defer { work.remove() }
        let result = try work.run("report", Fixture.repoRoot.appendingPathComponent("questionnaires/seminar-feedback.yaml").path,
                                  Fixture.repoRoot.appendingPathComponent("responses/seminar-feedback.csv").path, "--format", "md", "--lang", language, "--out", "rep")
        #expect(result.status == 0, "\(result)")
        let markdown = try #require(work.text("rep/report.md"))
        let pandoc = URL(fileURLWithPath: try #require(Self.pandoc))
        let toWord = try work.launch(pandoc, ["rep/report.md", "--resource-path=rep", "-o", "report.docx"], environment: [:])
        #expect(toWord.status == 0, "\(toWord)")
        let back = try work.launch(pandoc, ["report.docx", "-t", "html"], environment: [:])
        #expect(back.status == 0, "\(back)")
        let html = back.stdout

        let tables = html.components(separatedBy: "<table").dropFirst()
        let markdownTables = markdown.components(separatedBy: "\n\n").filter { $0.hasPrefix("|") || $0.contains("\n|") }.count
        #expect(tables.count == markdownTables && tables.count >= 10, "\(tables.count) tables in Word, \(markdownTables) in report.md")
        for table in tables {
            let headers = table.matches(of: /<th[^>]*>(.*?)<\/th>/).map { String($0.1) }
            #expect(!headers.isEmpty && !headers.contains(""), "header row: \(headers)")
            let widths = table.matches(of: /<col style="width: (\d+)%"/).map { Int($0.1)! }
            #expect(widths.count == headers.count, "every column has a width from the separator: \(widths)")
            #expect(widths.first == widths.max(), "the label column is the widest: \(widths) \(headers)")
        }
        #expect(html.contains("<td>8 (80%)</td>"), "a cross-tab cell stays whole")
        #expect(html.contains(language == "en" ? "<th>Valid %</th>" : "<th>% от ответивших</th>"))
        // pandoc's docx reader does not see SVG pictures; a zip keeps its file names as plain bytes.
        let docx = String(decoding: try #require(work.bytes("report.docx")), as: UTF8.self)
        let pictures = Set(docx.matches(of: /word\/media\/[A-Za-z0-9]+\.svg/).map { String($0.0) })
        #expect(pictures.count == 11, "every chart is in the Word file: \(pictures)")
    }
}
