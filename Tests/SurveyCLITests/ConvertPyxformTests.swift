import Foundation
import Testing

/// The XLSForms `survey convert --to xlsform` writes, read by an independent tool: pyxform's
/// `xls2xform` (the converter KoboToolbox and ODK Central run; `pip install pyxform`) must turn
/// each into an XForm without a warning.
@Suite struct ConvertPyxformTests {
    /// `xls2xform` on PATH, when pyxform is installed.
    static let xls2xform: URL? = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return paths.map { URL(fileURLWithPath: String($0)).appendingPathComponent("xls2xform") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    @Test(.enabled(if: xls2xform != nil, "pyxform is not installed (pip install pyxform): the XLSForm oracle test needs xls2xform"),
          arguments: ["questionnaires/seminar-feedback.yaml", "Tests/Fixtures/feedback.yaml", "Tests/Fixtures/missing-codes.yaml",
                      "Tests/Fixtures/other-kobo.yaml", "Tests/Fixtures/other-google-forms.yaml", "Tests/Fixtures/ledger-housing.yaml"])
    func pyxformTurnsTheWrittenXLSFormIntoAnXForm(_ relative: String) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let path = Fixture.repoRoot.appendingPathComponent(relative).path
        let converted = try dir.run("convert", path, "--to", "xlsform", "--out", "form.xlsx")
        #expect(converted.status == 0, "\(converted)")
        let result = try dir.launch(Self.xls2xform!, ["--skip_validate", "--json", "form.xlsx", "form.xml"], environment: [:])
        #expect(result.status == 0, "\(result)")
        let report = result.stdout + result.stderr  // pyxform writes its JSON report to stderr
        #expect(report.contains("\"code\": 100"), "\(result)")
        #expect(report.contains("\"warnings\": []"), "\(result)")
        let xform = try #require(dir.text("form.xml"))
        // Skip logic arrives as an XForm relevant on the bound question.
        if relative == "questionnaires/seminar-feedback.yaml" {
            #expect(xform.contains("/usefulness  &lt;= 2\""), "\(xform)")
        }
    }
}
