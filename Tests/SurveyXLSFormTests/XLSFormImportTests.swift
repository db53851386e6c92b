import SurveyModel
import Testing
@testable import SurveyXLSForm

/// XLSForm rows → definition, on plain rows.
@Suite struct XLSFormImportTests {
    static func form(_ survey: [[String]], choices: [[String]]? = nil, settings: [[String]]? = nil) -> XLSFormWorkbook {
        var sheets = [XLSFormSheet(name: "survey", table: survey)]
        if let choices { sheets.append(XLSFormSheet(name: "choices", table: choices)) }
        if let settings { sheets.append(XLSFormSheet(name: "settings", table: settings)) }
        return XLSFormWorkbook(sheets: sheets)
    }

    static func problems(_ workbook: XLSFormWorkbook) -> [String] {
        do {
            _ = try XLSFormImport.definition(from: workbook, file: "form.xlsx")
            return []
        } catch {
            return (error.errorDescription ?? "").split(separator: "\n").map(String.init)
        }
    }

    @Test func aGroupsRelevantHoldsForEveryQuestionInIt() throws {
        let workbook = Self.form([
            ["Type", "Name", "Label", "Relevant"],
            ["integer", "age", "Age", ""],
            ["begin group", "adult", "Adults", "${age} >= 18"],
            ["text", "job", "Job", "${age} < 65"],
            ["end group", "", "", ""],
        ], settings: [["form_title"], ["Ages"]])
        let result = try XLSFormImport.definition(from: workbook, file: "form.xlsx")
        let job = try #require(result.questionnaire.question("job"))
        #expect(job.when?.source == "(age >= 18) and (age < 65)")
        #expect(job.columns == ["adult/job"])
        #expect(result.notes.isEmpty, "\(result.notes)")
    }

    @Test func namesThatAreNotIdsKeepTheirHeader() throws {
        let result = try XLSFormImport.definition(from: Self.form([["type", "name", "label"], ["text", "Q1.Comment", "Comment"]]), file: "form.xlsx")
        let question = try #require(result.questionnaire.questions.first)
        #expect(question.id == "q1_comment")
        #expect(question.columns == ["Q1.Comment"])
        #expect(result.notes == ["survey!B2: name `Q1.Comment` is not an id (`[a-z][a-z0-9_]*`); the id is `q1_comment` and `Q1.Comment` stays a column header", "settings: no form_title; the title is the file name `form`"])
    }

    @Test func fatalProblemsAreAllListedWithTheirCells() {
        let problems = Self.problems(Self.form([
            ["type", "name", "label"],
            ["text", "a", "A"],
            ["text", "a", "A again"],
            ["select_one", "b", "B"],
            ["interger", "c", "C"],
            ["text", "", "No name"],
            ["end_group", "", ""],
            ["begin_group", "open", ""],
        ], choices: [["list_name", "name", "label"]]))
        #expect(problems == [
            "form.xlsx: survey!B3: name `a` is the id `a` again (already at survey!B2); names must be unique",
            "form.xlsx: survey!A4: `select_one` names no list; write `select_one LIST` with a list_name of the choices sheet",
            "form.xlsx: survey!A5: unknown type `interger`; did you mean `integer`?",
            "form.xlsx: survey!B6: the text question has no name; every question needs one (it becomes the id and the column)",
            "form.xlsx: survey!A7: `end_group` without a `begin_group` before it; remove it or add the group's start",
            "form.xlsx: survey!A8: group `open` is never closed; add an `end_group` row after its last question",
        ])
    }

    @Test func missingSheetsAndColumnsAreNamed() {
        #expect(Self.problems(XLSFormWorkbook(sheets: [XLSFormSheet(name: "data", table: [["a"]])])) == ["form.xlsx: the workbook has no `survey` sheet, which holds the questions of an XLSForm; its sheets: data"])
        #expect(Self.problems(Self.form([["type", "label"], ["text", "A"]])) == ["form.xlsx: survey!1: the `survey` sheet has no `name` column in its first row; its columns: type, label"])
    }

    @Test func aRelevantOnALaterQuestionIsLeftOutWithANote() throws {
        let result = try XLSFormImport.definition(from: Self.form([
            ["type", "name", "label", "relevant"],
            ["text", "first", "First", "${second} != ''"],
            ["text", "second", "Second", ""],
        ], settings: [["form_title"], ["T"]]), file: "form.xlsx")
        #expect(result.questionnaire.questions[0].when == nil)
        #expect(result.notes == ["survey!D2: relevant `${second} != ''` of `first`: `${second}` is not a question of the definition (not in the form, left out, or not before this one) (at character 1); left out, so `first` is asked always"])
    }

    @Test func yesNoListsAndLikertRules() throws {
        let result = try XLSFormImport.definition(from: Self.form([
            ["type", "name", "label", "appearance"],
            ["select_one yn", "again", "Again?", ""],
            ["select_one grade", "grade", "Grade", "likert"],
            ["select_one gaps", "gaps", "Gaps", "likert"],
        ], choices: [
            ["list_name", "name", "label"],
            ["yn", "yes", "Sure"], ["yn", "no", "Nope"],
            ["grade", "0", "Bad"], ["grade", "1", "1"], ["grade", "2", "Good"],
            ["gaps", "1", "One"], ["gaps", "3", "Three"],
        ], settings: [["form_title"], ["T"]]), file: "form.xlsx")
        let kinds = result.questionnaire.questions.map(\.kind.keyword)
        #expect(kinds == ["yes_no", "rating", "single_choice"])
        #expect(result.questionnaire.questions[1].kind == .rating(0...2, labels: [0: LocalizedText("Bad"), 2: LocalizedText("Good")]))
        #expect(result.notes.count == 2)
        #expect(result.notes[0].hasPrefix("survey!A2: list `yn` has the codes yes and no, so `again` is yes_no; its labels (Sure, Nope) become Yes/No"))
        #expect(result.notes[1].hasPrefix("survey!D4: `gaps` has appearance likert, but list `gaps` is not consecutive whole numbers"))
    }

    @Test func otherSpellingsOfTypesAreTheSameTypes() throws {
        let result = try XLSFormImport.definition(from: Self.form([
            ["type", "name", "label"],
            ["int", "age", "Age"],
            ["string", "comment", "Comment"],
            ["select all that apply topics", "topics", "Topics"],
        ], choices: [["list_name", "name", "label"], ["topics", "law", "Law"]], settings: [["form_title"], ["T"]]), file: "form.xlsx")
        #expect(result.questionnaire.questions.map(\.kind.keyword) == ["number", "text", "multiple_choice"])
        #expect(result.notes.isEmpty, "\(result.notes)")
    }

    @Test func aDefinitionRuleTheFormBreaksNamesTheQuestionsCell() {
        let problems = Self.problems(Self.form([
            ["type", "name", "label"],
            ["text", "intro", "Intro"],
            ["select_one l", "pick", "Pick"],
        ], choices: [["list_name", "name", "label"], ["l", "a", "Apple"], ["l", "A", "Apricot"]]))
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("form.xlsx: survey!B3: question `pick`: choice `A` clashes with `a`") == true, "\(problems)")
    }
}

/// Rows and cells a conversion leaves out are each named.
extension XLSFormImportTests {
    /// A group's relevant that cannot be carried over takes the question's own with it; the note
    /// names both cells, not only the group's.
    @Test func conditionsLeftOutTogetherAreAllNamed() throws {
        let result = try XLSFormImport.definition(from: Self.form([
            ["type", "name", "label", "relevant"],
            ["integer", "age", "Age", ""],
            ["begin_group", "g", "G", "${age} > today()"],
            ["text", "a", "A", "${age} > 18"],
            ["end_group", "", "", ""],
        ], settings: [["form_title"], ["T"]]), file: "form.xlsx")
        #expect(result.questionnaire.question("a")?.when == nil)
        #expect(result.notes == ["survey!D3: relevant `${age} > today()` of `a`: `today` is outside the supported XPath subset (at character 10); left out together with survey!D4 `${age} > 18`, so `a` is asked always"])
    }

    /// `disabled: yes` leaves the question out, as form tools do.
    @Test func aDisabledQuestionIsLeftOut() throws {
        let result = try XLSFormImport.definition(from: Self.form([
            ["type", "name", "label", "disabled"],
            ["text", "a", "A", ""],
            ["text", "b", "B", "yes"],
        ], settings: [["form_title"], ["T"]]), file: "form.xlsx")
        #expect(result.questionnaire.questions.map(\.id) == ["a"])
        #expect(result.notes == ["survey!D3: `b` is disabled (`disabled: yes`), as form tools leave it out of the form; left out"])
    }

    /// A choice given twice in its list, and a form with nothing left to carry over, are refused
    /// with their cells.
    @Test func duplicateChoicesAndEmptyFormsNameTheirCells() {
        #expect(Self.problems(Self.form([["type", "name", "label"], ["select_one c", "q", "Q"]],
                                        choices: [["list_name", "name", "label"], ["c", "a", "A"], ["c", "b", "B"], ["c", "a", "A again"]])) == [
            "form.xlsx: choices!B4: choice `a` of list `c` is given twice (first at choices!B2); a code names one choice: rename or remove one",
        ])
        #expect(Self.problems(Self.form([["type", "name", "label"], ["note", "n", "Hello"]])) == [
            "form.xlsx: survey!A1: no question is left to carry over: survey!A2: `n` (note): shows text, asks nothing a report counts; left out",
        ])
    }
}
