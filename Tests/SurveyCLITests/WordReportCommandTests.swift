import Foundation
import Testing
import ZIPFoundation

/// `survey report` writes report.docx (issue 11, "report.docx"): by default and with
/// `--format docx`, and as a document LibreOffice opens whole: converted headless to PDF it
/// shows every question, the figures of `survey stats`, every chart at 300 dpi and page
/// numbers; converted to HTML it has as many tables as report.md. `make test` installs
/// LibreOffice's Writer (Debian's libreoffice-writer-nogui); without it those tests are skipped.
@Suite struct WordReportCommandTests {
    static func tool(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let libreOffice = tool("libreoffice") ?? tool("soffice")
    static let pdfTools = tool("pdftotext") != nil && tool("pdfimages") != nil
    static let example = (Fixture.repoRoot.appendingPathComponent("questionnaires/seminar-feedback.yaml").path,
                          Fixture.repoRoot.appendingPathComponent("responses/seminar-feedback.csv").path)

    /// The zip entries of a .docx, by path.
    static func parts(_ bytes: [UInt8]) throws -> [String: Data] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        return parts
    }

    /// Today `survey report` writes no Word document: program managers run pandoc on report.md.
    @Test func defaultReportHoldsTheWordDocument() throws {
        let work = try Workdir()
        defer { work.remove() }
        let result = try work.run("report", Self.example.0, Self.example.1, "--out", "rep")
        #expect(result.status == 0, "\(result)")
        let docx = try #require(work.bytes("rep/report.docx"), "no report.docx: \(work.listing())")
        let parts = try Self.parts(docx)
        #expect(parts["word/document.xml"] != nil && parts["[Content_Types].xml"] != nil && parts["_rels/.rels"] != nil, "\(parts.keys.sorted())")
        #expect(parts.keys.filter { $0.hasPrefix("word/media/") && $0.hasSuffix(".png") }.count == 11)
        let marker = try #require(work.text("rep/.survey-report"))
        #expect(marker.split(separator: "\n").contains("report.docx"), "the marker lists report.docx")
    }

    /// Every format of a small form, run a few times: the Word document's XML trees once
    /// crashed the report when freed (SIGSEGV, exit 139) after the PNG twins were drawn.
    @Test func everyFormatOfASmallFormExitsCleanly() throws {
        let work = try Workdir()
        defer { work.remove() }
        for run in 1...3 {
            let result = try work.run("report", Fixture.feedback, Fixture.path("responses-utf8.csv"), "--out", "rep\(run)")
            #expect(result.status == 0, "\(result)")
            #expect(work.bytes("rep\(run)/report.docx")?.starts(with: Array("PK".utf8)) == true)
        }
    }

    /// `--format docx` alone: the document and the marker, nothing else (its charts are inside it).
    @Test func docxAloneWritesOnlyTheDocument() throws {
        let work = try Workdir()
        defer { work.remove() }
        let result = try work.run("report", Self.example.0, Self.example.1, "--format", "docx", "--lang", "ru", "--out", "rep")
        #expect(result.status == 0, "\(result)")
        #expect(work.listing() == ["rep/.survey-report", "rep/report.docx"], "\(work.listing())")
        #expect(result.stderr.contains("Wrote 1 files to rep/") || result.stderr.contains("Wrote 1 file to rep/"), "\(result)")
        let docx = try #require(work.bytes("rep/report.docx"))
        let document = String(decoding: try #require(try Self.parts(docx)["word/document.xml"]), as: UTF8.self)
        #expect(document.contains("Отчёт об отзывах участников"))
    }

    /// A misspelt format names the ones there are, docx among them.
    @Test func unknownFormatNamesDocx() throws {
        let work = try Workdir()
        defer { work.remove() }
        let result = try work.run("report", Self.example.0, Self.example.1, "--format", "md,doc", "--out", "rep")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("--format takes md, csv, html, xlsx and docx (comma-separated), not \"doc\""), "\(result)")
        #expect(work.listing().isEmpty)
    }

    /// LibreOffice converts the document to PDF without complaint: every question's text, the
    /// frequencies of `survey stats` (count and valid % in the same rows, in order), ten charts
    /// at 300 dpi, "Page 1 of N"; and to HTML with as many tables as report.md.
    @Test(.enabled(if: libreOffice != nil && pdfTools, "LibreOffice or poppler-utils missing: apt-get install libreoffice-writer-nogui poppler-utils"),
          arguments: ["en", "ru"])
    func libreOfficeReadsTheDocument(_ language: String) throws {
        let work = try Workdir()
        defer { work.remove() }
        let result = try work.run("report", Self.example.0, Self.example.1, "--format", "md,docx", "--lang", language, "--out", "rep")
        #expect(result.status == 0, "\(result)")
        let office = URL(fileURLWithPath: try #require(Self.libreOffice))
        // A profile of its own: two LibreOffice runs sharing one wait for each other or fail.
        let profile = "-env:UserInstallation=file://" + work.root.appendingPathComponent("profile").path
        for target in ["pdf", "html"] {
            let converted = try work.launch(office, [profile, "--headless", "--convert-to", target, "--outdir", "out", "rep/report.docx"], environment: [:])
            #expect(converted.status == 0, "\(converted)")
        }
        let pdfText = try work.launch(URL(fileURLWithPath: try #require(Self.tool("pdftotext"))), ["-layout", "out/report.pdf", "-"], environment: [:])
        #expect(pdfText.status == 0, "\(pdfText)")
        let text = pdfText.stdout
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains(language == "en" ? "Page 1 of" : "Страница 1 из"))

        // Every question's text, from the definition as `survey stats --format json` names it.
        let stats = try work.run("stats", Self.example.0, Self.example.1, "--format", "json")
        #expect(stats.status == 0, "\(stats)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        let questions = try #require(json["questions"] as? [[String: Any]])
        // The frequency rows as the PDF lists them: "label … count valid%" (decimal comma in Russian).
        let rows = text.split(separator: "\n").compactMap { line -> String? in
            guard let match = line.firstMatch(of: /\s(\d+)\s+(\d+[.,]\d)\s*$/) else { return nil }
            return "\(match.1) \(match.2)"
        }
        var expected: [String] = []
        for question in questions {
            guard let table = question["frequencies"] as? [String: Any], let frequencyRows = table["rows"] as? [[String: Any]] else { continue }
            for row in frequencyRows {
                let count = try #require(row["count"] as? Int)
                guard let percent = row["valid_percent"] as? Double else { continue }
                // Halves rounded up, as Excel and report.xlsx do: 31.25 → 31.3.
                let shown = String(format: "%.1f", (percent * 10).rounded(.toNearestOrAwayFromZero) / 10)
                expected.append("\(count) \(language == "ru" ? shown.replacingOccurrences(of: ".", with: ",") : shown)")
            }
        }
        #expect(expected.count > 30)
        var remaining = rows[...]
        for figure in expected {
            guard let index = remaining.firstIndex(of: figure) else {
                Issue.record("\(figure) (from survey stats) is not in the PDF's tables, in order")
                break
            }
            remaining = remaining[(index + 1)...]
        }

        let images = try work.launch(URL(fileURLWithPath: try #require(Self.tool("pdfimages"))), ["-list", "out/report.pdf"], environment: [:])
        let pictures = images.stdout.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ") }
        #expect(pictures.count == 11, "\(images.stdout)")
        for picture in pictures where picture.count > 13 {
            #expect((295...305).contains(Int(picture[12]) ?? 0), "\(picture.joined(separator: " "))")
        }

        let markdown = try #require(work.text("rep/report.md"))
        let pipeTables = markdown.split(separator: "\n").filter { $0.wholeMatch(of: /\|[-:|]+\|/) != nil }.count
        let html = try #require(work.text("out/report.html"))
        #expect(html.components(separatedBy: "<table").count - 1 == pipeTables, "report.md has \(pipeTables) tables")
    }
}
