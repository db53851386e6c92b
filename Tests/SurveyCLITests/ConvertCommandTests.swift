import Foundation
import Testing

/// `survey convert` on the built binary: XLSForm fixtures (Tests/Fixtures/xlsform, made by
/// make-xlsforms.py) in, definitions out, and back.
@Suite struct ConvertCommandTests {
    static func xlsform(_ name: String) -> String { "xlsform/" + name }

    @Test func everyTypeOfTheTableConvertsToADefinitionCheckAccepts() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.copy(fixture: Self.xlsform("types.xlsx"), as: "types.xlsx")
        let result = try dir.run("convert", "types.xlsx", "--out", "Q.yaml")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "types.xlsx → Q.yaml: 13 questions; 12 things not carried over, listed at the top of Q.yaml\n", "\(result)")
        let yaml = try #require(dir.text("Q.yaml"))
        // The notes comment comes first and names each cell.
        #expect(yaml.hasPrefix("# Converted by `survey convert` from types.xlsx (XLSForm).\n# Not carried over (12):\n# - survey!A2: `start` (start)"), "\(yaml)")
        #expect(yaml.contains("# - survey!H12: relevant `${age} > today()` of `travel_hours`: `today` is outside the supported XPath subset"), "\(yaml)")
        #expect(yaml.contains("# - survey!A6: `intro` (note)"))
        #expect(yaml.contains("# - survey!A22: `score` (calculate)"))
        #expect(yaml.contains("# - settings!C2: setting `version`"))
        #expect(result.stderr.contains("types.xlsx: survey!H12: relevant"), "\(result)")
        for expected in [
            // select_one L or_other, required yes, inside a group: the Kobo header path is kept.
            "- id: org_type\n  type: single_choice\n  text: What type of organization do you represent?\n  required: true\n  choices:\n    gov: Government agency\n    ngo: Non-governmental organization\n    intl: International organization\n  other: true\n  column: group_intro/org_type\n",
            "- id: role\n  type: single_choice\n  text: What is your position?\n  required: true\n",
            "- id: age\n  type: number\n  text: Your age\n  min: 16\n  max: 99\n  integer: true\n",
            "- id: travel_hours\n  type: number\n  text: Hours of travel\n  min: 0\n- id",
            "  other: true\n  max_choices: 2\n",
            // likert select_one of consecutive whole numbers → rating; labels equal to the code dropped.
            "- id: usefulness\n  type: rating\n  text: How useful was the seminar?\n  scale: [1, 5]\n  labels:\n    1: Not useful at all\n    3: Somewhat useful\n    5: Very useful\n",
            "- id: organization\n  type: rating\n  text: How well was it organized?\n  scale: [1, 5]\n",
            "- id: attend_again\n  type: yes_no\n  text: Would you come again?\n  when: usefulness >= 3 or sessions has groups\n",
            "  when: usefulness <= 2 and not (org_type == gov)\n",
            "  when: answered(sessions)\n",
            "- id: visit_date\n  type: date\n",
            "- id: left_at\n  type: date\n",
            "- id: arrived\n  type: text\n",
        ] {
            #expect(yaml.contains(expected), "missing \(expected)\n\(yaml)")
        }
        let check = try dir.run("check", "Q.yaml")
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout.contains("ok: 13 questions (6 closed, 3 with skip logic)"), "\(check)")
    }

    @Test func koboHeadersMatchTheGroupPathsOfTheConvertedForm() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.copy(fixture: Self.xlsform("types.xlsx"), as: "types.xlsx")
        try dir.copy(fixture: "responses-kobo.csv")
        #expect(try dir.run("convert", "types.xlsx", "--out", "Q.yaml").status == 0)
        let result = try dir.run("import", "Q.yaml", "responses-kobo.csv")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("Read 8 rows: 8 accepted, 0 rejected."), "\(result)")
        #expect(!result.stderr.contains("group_intro/org_type"), "\(result)")
    }

    @Test func twoLanguagesBecomeTextMaps() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.copy(fixture: Self.xlsform("two-languages.xlsx"), as: "form.xlsx")
        let result = try dir.run("convert", "form.xlsx")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("title: Seminar feedback\nlanguage: en\nquestions:\n"), "\(result)")
        #expect(result.stdout.contains("  text:\n    en: What type of organization do you represent?\n    ru: Какую организацию вы представляете?\n  required: true\n  choices:\n    gov:\n      en: Government agency\n      ru: Государственный орган\n"), "\(result)")
        #expect(result.stdout.contains("# - survey!E3: column `hint:English`: definitions have no hints"), "\(result)")
    }

    @Test(arguments: [
        ("empty.xlsx", Int32(1), "form.xlsx: not an Excel workbook (.xlsx): the file is empty"),
        ("not-a-zip.xlsx", Int32(1), "form.xlsx: not an Excel workbook (.xlsx): it is not a zip archive"),
        ("no-choices.xlsx", Int32(2), "form.xlsx: survey!A2: `select_one org` uses list `org`, but the workbook has no `choices` sheet (its sheets: survey)"),
        ("unknown-list.xlsx", Int32(2), "form.xlsx: survey!C7: unknown list name `agegroup`; did you mean `age_group`?"),
        ("repeat.xlsx", Int32(2), "form.xlsx: survey!A3: repeat `children` is refused"),
    ])
    func brokenWorkbooksAreRefusedWithTheirCell(_ fixture: String, _ status: Int32, _ message: String) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.copy(fixture: Self.xlsform(fixture), as: "form.xlsx")
        let result = try dir.run("convert", "form.xlsx", "--out", "Q.yaml")
        #expect(result.status == status, "\(result)")
        #expect(result.stderr.hasPrefix(message), "\(result)")
        #expect(dir.text("Q.yaml") == nil, "nothing is written")
    }

    /// Definition → XLSForm → definition through the files: the same questionnaire, so the same
    /// statistics on the same responses.
    @Test func seminarFeedbackRoundTripsThroughAnXLSFormWithTheSameStatistics() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let original = Fixture.repoRoot.appendingPathComponent("questionnaires/seminar-feedback.yaml").path
        let responses = Fixture.repoRoot.appendingPathComponent("responses/seminar-feedback.csv").path
        let out = try dir.run("convert", original, "--to", "xlsform", "--out", "form.xlsx")
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout.hasSuffix(" → form.xlsx: XLSForm with 13 survey rows\n"), "\(out)")
        let back = try dir.run("convert", "form.xlsx", "--out", "back.yaml")
        #expect(back.status == 0, "\(back)")
        #expect(back.stdout == "form.xlsx → back.yaml: 13 questions; everything carried over\n", "\(back)")
        let before = try dir.run("stats", original, responses)
        let after = try dir.run("stats", "back.yaml", responses)
        #expect(before.status == 0 && after.status == 0, "\(before)\n\(after)")
        #expect(before.stdout == after.stdout)
        #expect(!before.stdout.isEmpty)
    }

    @Test func anExistingOutIsKeptWithoutForce() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.copy(fixture: Self.xlsform("two-languages.xlsx"), as: "form.xlsx")
        try dir.write("Q.yaml", "title: hand-edited\n")
        let refused = try dir.run("convert", "form.xlsx", "--out", "Q.yaml")
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("--out Q.yaml exists; pick another name or add --force to replace it"), "\(refused)")
        #expect(dir.text("Q.yaml") == "title: hand-edited\n")
        #expect(try dir.run("convert", "form.xlsx", "--out", "Q.yaml", "--force").status == 0)
    }

    @Test func aBadDefinitionIsNotWrittenAsAnXLSForm() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("bad.yaml", "title: x\nquestions:\n  - id: a\n    type: singel_choice\n    text: A?\n")
        let result = try dir.run("convert", "bad.yaml", "--to", "xlsform", "--out", "form.xlsx")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("bad.yaml:4:11: error: question `a`: unknown type `singel_choice`"), "\(result)")
        #expect(dir.bytes("form.xlsx") == nil)
        let missing = try dir.run("convert", "bad.yaml", "--to", "xlsform")
        #expect(missing.status == 2 && missing.stderr.contains("--out form.xlsx"), "\(missing)")
    }
}
