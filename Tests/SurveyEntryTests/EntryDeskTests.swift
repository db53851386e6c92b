import Foundation
import SurveyModel
import Testing
import SurveyImport
@testable import SurveyEntry

/// Whole sittings: forms saved, refused, left, lost, and verified.
struct EntryDeskTests {
    let questionnaire: Questionnaire
    let folder: String
    let path: String
    let header = "respondent,submitted_at,org_type,role,sessions,usefulness,attend_again,age,travel_hours,improve,why_not_useful,visit_date"

    init() throws {
        questionnaire = try EntryFixtures.feedback()
        folder = try EntryFixtures.scratch()
        path = folder + "/feedback.csv"
    }

    func desk(_ mode: EntryDesk.Mode = .firstEntry, operator name: String = "aigul") throws -> EntryDesk {
        try EntryDesk(questionnaire: questionnaire, responsesPath: path, operatorName: name, mode: mode)
    }

    @Test func savesFormsOneAfterAnother() throws {
        let desk = try desk()
        #expect(desk.opening().map(\.text) == ["\(path): no forms yet.", "Keys: Enter no answer · - clear · ! illegible · < back · ? help · :q leave",
                                               "At a question typed before, Enter keeps its answer.",
                                               "!! after a refused answer keeps it as on the paper (listed as a problem)."])
        #expect(desk.prompt == .respondent)
        #expect(desk.promptText == "respondent [1]> ")
        let notes = try desk.type([""] + EntryFixtures.feedbackForm + ["5"] + EntryFixtures.feedbackForm)
        // `spec` and `n` are echoed as understood before the next question.
        #expect(notes == [
            EntryLine("  → 2 Specialist", .hint), EntryLine("  → no", .hint),
            EntryLine("Saved respondent 1 (line 2 of \(path)).", .success),
            EntryLine("  → 2 Specialist", .hint), EntryLine("  → no", .hint),
            EntryLine("Saved respondent 5 (line 3 of \(path)).", .success),
        ])
        #expect(EntryFixtures.text(of: path) == [header, EntryFixtures.feedbackRow("1"), EntryFixtures.feedbackRow("5"), ""].joined(separator: "\n"))
        #expect(desk.prompt == .respondent)
        #expect(desk.suggestion == "6")
        _ = try desk.type([":q"])
        #expect(desk.prompt == .finished)
        #expect(desk.closing().map(\.text) == ["This sitting: 2 forms saved.", "\(path) holds 2 forms."])
    }

    @Test func showsTheQuestionThenTheReview() throws {
        let desk = try desk()
        _ = try desk.type(["3"])
        #expect(desk.prompt == .question(0))
        #expect(desk.promptText == "org_type> ")
        #expect(desk.lines().first?.text.hasPrefix("── respondent 3 · question 1/10 · org_type · required") == true)
        _ = try desk.type(Array(EntryFixtures.feedbackForm.dropLast()))
        #expect(desk.prompt == .review)
        #expect(desk.promptText == "review> ")
        #expect(desk.lines().count == 13, "the sessions answer wraps onto a second line")
    }

    @Test func respondentPromptRefusals() throws {
        let desk = try desk()
        _ = try desk.type([""] + EntryFixtures.feedbackForm)
        #expect(try desk.submit("1") == [EntryLine("respondent 1 is already entered (line 2); type the number written on this form", .problem)])
        #expect(try desk.submit("1 2") == [EntryLine("`1 2` is not a respondent id: use letters, digits and - _ . /", .problem)])
        #expect(try desk.submit("<") == [EntryLine("`<` does nothing here: type the number written on the form, or :q to stop", .problem)])
        #expect(try desk.submit("!") == [EntryLine("`!` does nothing here: type the number written on the form, or :q to stop", .problem)])
        #expect(try desk.submit("?").count == 4, "the fourth line names :e ID and resuming")
        #expect(desk.prompt == .respondent)
    }

    /// `:e ID` opens a saved form at its review; an unknown id is refused at the prompt, and
    /// `--edit` is refused while verifying.
    @Test func editOpensASavedFormAtItsReview() throws {
        let desk = try desk()
        _ = try desk.type([""] + EntryFixtures.feedbackForm)
        #expect(try desk.submit(":e 9") == [EntryLine("\(path): error: there is no form of respondent 9 to edit; check the number on the paper form (`survey enter` without --edit types a new one)", .problem)])
        #expect(desk.prompt == .respondent)
        #expect(try desk.submit(":e 1") == [EntryLine("Editing respondent 1's form; its review rewrites it.", .success)])
        #expect(desk.prompt == .review)
        let notes = try desk.submit("")
        #expect(notes.first?.text.hasPrefix("Rewrote respondent 1 (line 2 of \(path)): no answer changed") == true, "\(notes)")
        #expect(desk.tally.edited == 1 && desk.tally.saved == 1)
    }

    /// A resumed form left again is resumed where it stops now, so answers typed in the first
    /// resumption are not asked afresh (where Enter would clear them).
    @Test func aFormResumedAndLeftAgainResumesWhereItStopsNow() throws {
        let desk = try desk()
        _ = try desk.type(["7", "2", "spec", ":q", "k"])
        _ = try desk.type(["7", "1 3", "2", ":q", "k"])
        #expect(try desk.problems.questions(of: "7", kind: "incomplete") == ["attend_again"])
        _ = try desk.submit("7")
        #expect(desk.prompt == .question(4))
    }

    /// Two operators open the same form; the second save finds the row changed and writes
    /// nothing, instead of overwriting the first operator's edit.
    @Test func anEditOfAFormChangedMeanwhileIsNotWritten() throws {
        let first = try desk()
        _ = try first.type([""] + EntryFixtures.feedbackForm)
        let second = try desk()
        _ = try first.submit(":e 1")
        _ = try second.submit(":e 1")
        _ = try first.type(["6", "50", ""])
        let before = EntryFixtures.text(of: path)
        let notes = try second.type(["6", "51", ""])
        #expect(notes.contains { $0.tone == .problem && $0.text.hasPrefix("Respondent 1's form was changed (or removed) by another operator") }, "\(notes)")
        #expect(EntryFixtures.text(of: path) == before)
        #expect(second.prompt == .respondent)
    }

    @Test func illegibleAnswersAreListedInTheProblemsFile() throws {
        let desk = try desk()
        let notes = try desk.type(["7", "!", "spec", "1 3", "!", "y", "!", "", "", "", ""])
        #expect(notes.filter { $0.tone != .hint } == [EntryLine("Saved respondent 7 (line 2 of \(path)).", .success), EntryLine("  3 illegible answers listed in \(folder)/feedback.problems.csv")])
        #expect(EntryFixtures.text(of: folder + "/feedback.problems.csv") == """
            file,line,column,respondent,question,value,problem,message
            \(path),2,3,7,org_type,,illegible,the answer on the paper form could not be read; stored as no answer (operator aigul)
            \(path),2,6,7,usefulness,,illegible,the answer on the paper form could not be read; stored as no answer (operator aigul)
            \(path),2,8,7,age,,illegible,the answer on the paper form could not be read; stored as no answer (operator aigul)

            """)
        #expect(desk.tally.illegible == 3)
    }

    @Test func leavingAndKeepingSavesAnIncompleteForm() throws {
        let desk = try desk()
        _ = try desk.type(["4", "2", "spec", ":q"])
        #expect(desk.prompt == .leave)
        #expect(desk.lines().map(\.text) == ["Leave respondent 4's form?", "  k keep its 2 answers, saved as incomplete · d drop it · c continue typing"])
        #expect(try desk.submit("x") == [EntryLine(EntryProblem.keepOrDrop("x", canKeep: true).message, .problem)])
        let notes = try desk.type(["k"])
        #expect(notes == [EntryLine("Saved respondent 4 as incomplete (line 2 of \(path)).", .success)])
        #expect(EntryFixtures.text(of: path) == header + "\n4,,ngo,specialist,,,,,,,,\n")
        #expect(EntryFixtures.text(of: folder + "/feedback.problems.csv").hasSuffix(
            "\(path),2,5,4,sessions,,incomplete,form left at question 3 of 10 and kept with the 2 answers typed before it (operator aigul)\n"))
        #expect(desk.closing().map(\.text) == ["This sitting: 1 form saved (1 incomplete).", "\(path) holds 1 form.", "Problems are listed in \(folder)/feedback.problems.csv."])
    }

    @Test func leavingAtTheReviewAndKeepingIsACompleteForm() throws {
        let desk = try desk()
        _ = try desk.type(["4"] + EntryFixtures.feedbackForm.dropLast() + [":q", "k"])
        #expect(EntryFixtures.text(of: path) == header + "\n" + EntryFixtures.feedbackRow("4") + "\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/feedback.problems.csv"))
    }

    @Test func leavingAndDroppingSavesNothing() throws {
        let desk = try desk()
        let notes = try desk.type(["4", "2", ":q", "d"])
        #expect(notes == [EntryLine("Dropped respondent 4's form; nothing was saved.", .warning)])
        #expect(EntryFixtures.text(of: path) == header + "\n")
        #expect(desk.prompt == .respondent)
        #expect(desk.suggestion == "1")
    }

    @Test func leavingAndContinuingGoesBackToTheQuestion() throws {
        let desk = try desk()
        _ = try desk.type(["4", "2", ":q", "c"])
        #expect(desk.prompt == .question(1))
    }

    @Test func aNumberTakenMeanwhileAsksForAnother() throws {
        let desk = try desk()
        _ = try desk.type(["9"] + EntryFixtures.feedbackForm.dropLast())
        let other = try ResponseLog(path: path, questionnaire: questionnaire)
        _ = try other.append(Response(respondent: "9", answers: Array(repeating: .missing, count: 10)))
        let notes = try desk.type([""])
        #expect(notes == [
            EntryLine("respondent 9 is already entered (line 2); type the number written on this form", .problem),
            EntryLine("This form is not saved yet: type the number written on it.", .warning),
        ])
        #expect(desk.prompt == .respondent)
        #expect(try desk.type(["19"]) == [EntryLine("Saved respondent 19 (line 3 of \(path)).", .success)])
    }

    /// The number offered at the prompt is allocated at the save: taken meanwhile, the form
    /// gets the next free one instead of being refused, so piped answers never shift.
    @Test func anAutomaticNumberTakenMeanwhileIsRenumberedAtTheSave() throws {
        let desk = try desk()
        _ = try desk.type([""] + EntryFixtures.feedbackForm.dropLast())
        #expect(desk.session?.respondent == "1")
        let other = try ResponseLog(path: path, questionnaire: questionnaire)
        _ = try other.append(Response(respondent: "1", answers: Array(repeating: .missing, count: 10)))
        let notes = try desk.type([""])
        #expect(notes == [
            EntryLine("Saved respondent 2 (line 3 of \(path)).", .success),
            EntryLine("  1, the number offered, was taken meanwhile by another operator or import; the form got the next free number, 2.", .warning),
        ])
        #expect(EntryFixtures.text(of: path) == [header, "1,,,,,,,,,,,", EntryFixtures.feedbackRow("2"), ""].joined(separator: "\n"))
        #expect(desk.prompt == .respondent)
    }

    /// Enter at the prompt offers the next number as the file is now, not as it was at the
    /// last save.
    @Test func theNumberOfferedIsUpToDate() throws {
        let desk = try desk()
        _ = try desk.type([""] + EntryFixtures.feedbackForm)
        let other = try ResponseLog(path: path, questionnaire: questionnaire)
        _ = try other.append(Response(respondent: "2", answers: Array(repeating: .missing, count: 10)))
        #expect(try desk.type([""]) == [])
        #expect(desk.session?.respondent == "3")
    }

    @Test func inputEndingInAFormLosesOnlyThatForm() throws {
        let desk = try desk()
        _ = try desk.type([""] + EntryFixtures.feedbackForm + ["", "2", "spec"])
        #expect(desk.endOfInput() == [EntryLine("Input ended in respondent 2's form; it was not saved.", .warning)])
        #expect(desk.prompt == .finished)
        #expect(desk.tally.lost == 1)
        #expect(EntryFixtures.text(of: path) == header + "\n" + EntryFixtures.feedbackRow("1") + "\n")
    }

    @Test func inputEndingBeforeAnyAnswerLosesNothing() throws {
        let desk = try desk()
        _ = try desk.type([""])
        #expect(desk.endOfInput() == [])
        #expect(desk.tally.lost == 0)
    }

    @Test func aTornProblemsLineIsReportedOnStart() throws {
        try "file,line,column,respondent,question,value,problem,message\nf.csv,2,2,7,org_type,,illeg".write(toFile: folder + "/feedback.problems.csv", atomically: true, encoding: .utf8)
        let desk = try desk()
        #expect(desk.opening().map(\.text).prefix(2) == [
            "\(folder)/feedback.problems.csv: line 2 was cut off by an interrupted save.",
            "  Moved it to \(folder)/feedback.problems.recovered.csv.",
        ])
    }

    // MARK: Verification

    func enterFirst(_ forms: [[String]]) throws {
        let first = try desk()
        for form in forms { _ = try first.type(form) }
    }

    @Test func verificationNeedsAFirstEntry() throws {
        #expect(throws: EntryError.nothingToVerify(path: path)) { _ = try desk(.verification) }
        _ = try desk()
        #expect(throws: EntryError.nothingToVerify(path: path)) { _ = try desk(.verification) }
    }

    @Test func agreeingSecondEntryIsLogged() throws {
        try enterFirst([["1"] + EntryFixtures.feedbackForm])
        let desk = try desk(.verification, operator: "bakyt")
        #expect(desk.opening().map(\.text).first == "\(path): 1 form in the first entry, 0 verified.")
        #expect(desk.suggestion == "1")
        let notes = try desk.type([""] + EntryFixtures.feedbackForm)
        #expect(notes.filter { $0.tone != .hint } == [EntryLine("Verified respondent 1: 10 answers compared, all agree.", .success)])
        let log = EntryFixtures.text(of: folder + "/feedback.verification.csv").split(separator: "\n")
        #expect(log.count == 11)
        #expect(log[0] == "respondent,question,first,second,resolved,operator")
        #expect(log[4] == "1,usefulness,2,2,2,bakyt")
        #expect(desk.suggestion == nil)
        #expect(try desk.submit("") == [EntryLine("Every form of the first entry is verified.", .success)])
        #expect(desk.prompt == .finished)
    }

    @Test func differencesAreResolvedAndCorrectTheResponsesFile() throws {
        try enterFirst([["1"] + EntryFixtures.feedbackForm, ["2"] + EntryFixtures.feedbackForm])
        let desk = try desk(.verification, operator: "bakyt")
        // Respondent 2 again, with age 43 and improve "More tea".
        var form = EntryFixtures.feedbackForm
        form[5] = "43"
        form[7] = "More tea"
        _ = try desk.type(["2"] + form)
        #expect(desk.prompt == .resolve(questionnaire.index(of: "age")!))
        #expect(desk.promptText == "1/2> ")
        #expect(desk.lines().map(\.text) == [
            "── verify · respondent 2 · question 6/10 · age: the entries differ ────────────",
            "Your age",
            "  1 first entry    34",
            "  2 second entry   43",
            "  1, 2, or the answer on the paper (=2 for the value 2) · ! illegible",
        ])
        #expect(try desk.submit("") == [EntryLine(EntryProblem.pickOneOrTwo("").message, .problem)])
        #expect(try desk.submit("<") == [EntryLine(EntryProblem.notHere("<", hint: "type 1, 2 or the answer on the paper").message, .problem)])
        #expect(try desk.submit("200") == [EntryLine("200 is outside the allowed range 16–99", .problem)])
        #expect(try desk.submit("1") == [])
        #expect(desk.prompt == .resolve(questionnaire.index(of: "improve")!))
        let notes = try desk.submit("More time and tea")
        #expect(notes == [EntryLine("Verified respondent 2: 10 answers compared, 2 differed, form corrected.", .success)])
        #expect(EntryFixtures.text(of: path) == [
            header, EntryFixtures.feedbackRow("1"),
            "2,,ngo,specialist,brainstorm;letter,2,no,34,2.5,More time and tea,Too long,2013-01-25", "",
        ].joined(separator: "\n"))
        let log = EntryFixtures.text(of: folder + "/feedback.verification.csv")
        #expect(log.contains("\n2,age,34,43,34,bakyt\n"))
        #expect(log.contains("\n2,improve,More time,More tea,More time and tea,bakyt\n"))
        #expect(desk.closing().map(\.text) == ["This pass: 1 form verified, 1 corrected.", "10 answers compared, 2 differed (20.0%)."])
        let table = try desk.disagreementTable()
        #expect(table.first == "Disagreements in all verification passes so far (1 form):")
        #expect(table.contains("age                      1          1          0  100.0%"))
        #expect(table.contains("bakyt                   10       2   20.0%  5.7–51.0%"))
        #expect(table.contains("(first entry)           10       1   10.0%  1.8–40.4%"))
    }

    /// A difference the paper cannot settle (`!`) is listed as illegible at the field the answer
    /// has in the responses file: respondent, submitted_at, then the questions (it was one short).
    @Test func illegibleAtVerificationNamesTheAnswersField() throws {
        try enterFirst([["1"] + EntryFixtures.feedbackForm])
        let desk = try desk(.verification, operator: "bakyt")
        var form = EntryFixtures.feedbackForm
        form[5] = "43"
        _ = try desk.type(["1"] + form)
        #expect(desk.prompt == .resolve(questionnaire.index(of: "age")!))
        _ = try desk.submit("!")
        let problems = EntryFixtures.text(of: folder + "/feedback.problems.csv")
        let age = questionnaire.index(of: "age")!
        #expect(ResponseFile.header(for: questionnaire)[age + 2] == "age")
        #expect(problems.contains(",2,\(age + 3),1,age,,illegible,"), "\(problems)")
    }

    /// A form kept incomplete, then typed whole by the second operator: every filled blank is
    /// "completed" (no disagreement, nobody's error) and the `incomplete` row leaves the
    /// problems file.
    @Test func verifyingAnIncompleteFormCompletesItWithoutDisagreements() throws {
        try enterFirst([["4", "2", "spec", ":q", "k"]])
        #expect(EntryFixtures.text(of: folder + "/feedback.problems.csv").contains(",incomplete,"))
        let desk = try desk(.verification, operator: "bakyt")
        var notes = try desk.type(["4"] + EntryFixtures.feedbackForm)
        var resolved = 0
        while case .resolve = desk.prompt {
            notes = try desk.submit("2")
            resolved += 1
        }
        #expect(resolved == 8)
        #expect(notes == [EntryLine("Verified respondent 4: 10 answers compared, 0 differed, 8 completed, form corrected.", .success)])
        #expect(EntryFixtures.text(of: path) == header + "\n" + EntryFixtures.feedbackRow("4") + "\n")
        #expect(!EntryFixtures.text(of: folder + "/feedback.problems.csv").contains(",incomplete,"))
        let table = try desk.disagreementTable()
        #expect(table.contains("all questions           10          0          8    0.0%"), "\(table)")
        #expect(table.contains("(first entry)           10       0    0.0%  0.0–27.8%"), "\(table)")
        #expect(table.contains("bakyt                   10       0    0.0%  0.0–27.8%"), "\(table)")
    }

    @Test func verificationRefusals() throws {
        try enterFirst([["1"] + EntryFixtures.feedbackForm, ["2"] + EntryFixtures.feedbackForm])
        let desk = try desk(.verification, operator: "bakyt")
        #expect(try desk.submit("40") == [EntryLine("respondent 40 is not in the first entry; check the number on the form", .problem)])
        _ = try desk.type(["1"] + EntryFixtures.feedbackForm)
        #expect(try desk.submit("1") == [EntryLine("respondent 1 is already verified (by bakyt); type the number of another form", .problem)])
        #expect(desk.suggestion == "2")
    }

    /// A form edited by another operator while it is being verified: the verification's save
    /// writes nothing (writing its corrected form back would erase the edit), and the form
    /// verified again is compared with the edited row.
    @Test func aVerificationOfAFormEditedMeanwhileIsNotWritten() throws {
        try enterFirst([["1"] + EntryFixtures.feedbackForm, ["2"] + EntryFixtures.feedbackForm])
        let verifying = try desk(.verification, operator: "bob")
        var form = EntryFixtures.feedbackForm
        form[7] = "More tea"
        _ = try verifying.type(["2"] + form.dropLast())
        #expect(verifying.prompt == .review)
        let editing = try desk(operator: "carol")
        let edited = try editing.type([":e 2", "8", "edited by B", ""])
        #expect(edited.contains { $0.tone == .success && $0.text.hasPrefix("Rewrote respondent 2 (line 3 of \(path)): 1 answer changed") }, "\(edited)")
        let editedFile = EntryFixtures.text(of: path)
        #expect(editedFile.contains("\n2,,ngo,specialist,brainstorm;letter,2,no,34,2.5,edited by B,Too long,2013-01-25\n"))

        _ = try verifying.submit("")
        #expect(verifying.prompt == .resolve(questionnaire.index(of: "improve")!))
        #expect(try verifying.submit("2") == [EntryLine("Respondent 2's form was changed (or removed) by another operator while it was being verified here; nothing of this pass was written. Verify it again (type 2) to compare with the form as it is now.", .problem)])
        #expect(EntryFixtures.text(of: path) == editedFile)
        #expect(!FileManager.default.fileExists(atPath: folder + "/feedback.verification.csv"))
        #expect(EntryFixtures.text(of: folder + "/feedback.edits.csv").contains(",carol,2,improve,More time,edited by B\n"))
        #expect(verifying.prompt == .respondent)
        #expect(verifying.tally.verified == 0 && verifying.tally.corrected == 0)
        #expect(verifying.closing().first?.text == "This pass: 0 forms verified, 0 corrected, 1 left unverified.")

        // Again: the first entry is now the edited row.
        _ = try verifying.type(["2"] + form)
        #expect(verifying.lines().map(\.text).contains("  1 first entry    edited by B"), "\(verifying.lines().map(\.text))")
        #expect(try verifying.submit("2") == [EntryLine("Verified respondent 2: 10 answers compared, 1 differed, form corrected.", .success)])
        #expect(EntryFixtures.text(of: folder + "/feedback.verification.csv").contains("\n2,improve,edited by B,More tea,More tea,bob\n"))
    }

    @Test func aRequiredAnswerCannotBeResolvedToNothing() throws {
        try enterFirst([["1"] + EntryFixtures.feedbackForm])
        let desk = try desk(.verification, operator: "bakyt")
        var form = EntryFixtures.feedbackForm
        form[0] = "gov"
        _ = try desk.type(["1"] + form)
        #expect(desk.prompt == .resolve(0))
        #expect(try desk.submit("=") == [EntryLine(EntryProblem.required(number: 1).message, .problem)])
        #expect(try desk.submit("=3") == [EntryLine("Verified respondent 1: 10 answers compared, 1 differed, form corrected.", .success)])
        #expect(EntryFixtures.text(of: path).contains("\n1,,other,"))
    }

    @Test func leavingAVerificationWritesNothing() throws {
        try enterFirst([["1"] + EntryFixtures.feedbackForm])
        let desk = try desk(.verification, operator: "bakyt")
        var form = EntryFixtures.feedbackForm
        form[0] = "gov"
        _ = try desk.type(["1"] + form)
        _ = try desk.type([":q"])
        #expect(desk.lines().map(\.text) == ["Leave respondent 1's form?", "  d drop it (nothing is written) · c continue typing"])
        #expect(try desk.submit("k") == [EntryLine(EntryProblem.keepOrDrop("k", canKeep: false).message, .problem)])
        _ = try desk.type(["c"])
        #expect(desk.prompt == .resolve(0))
        _ = try desk.type([":q", "d"])
        #expect(desk.prompt == .respondent)
        #expect(!FileManager.default.fileExists(atPath: folder + "/feedback.verification.csv"))
        #expect(desk.suggestion == "1")
    }

    @Test func illegibleWhenResolvingIsListed() throws {
        try enterFirst([["1"] + EntryFixtures.feedbackForm])
        let desk = try desk(.verification, operator: "bakyt")
        var form = EntryFixtures.feedbackForm
        form[5] = "43"
        _ = try desk.type(["1"] + form + ["!"])
        #expect(EntryFixtures.text(of: path).contains("\n1,,ngo,specialist,brainstorm;letter,2,no,,2.5,"))
        #expect(EntryFixtures.text(of: folder + "/feedback.problems.csv").contains(",1,age,,illegible,"))
    }
}

extension EntryDeskTests {
    /// `--auto-advance` takes a key alone only when no longer code starts with it: `1` of a
    /// scale 1–5 waits for Enter when `10` means Refused, else `10` became 1 and a `0` for the
    /// next question.
    @Test func autoAdvanceKeysLeaveOutTheStartOfALongerMissingCode() throws {
        let definition = """
        title: Auto advance
        language: en
        missing: {10: Refused}
        questions:
          - {id: q1, type: rating, text: Rate it, scale: [1, 5]}
          - {id: q2, type: yes_no, text: Again?}
          - {id: q3, type: single_choice, text: Which, choices: {1: One, 2: Two}, missing: {-1: Not asked}}
        """
        let questionnaire = try QuestionnaireLoader.parse(yaml: definition, file: "def.yaml")
        let desk = try EntryDesk(questionnaire: questionnaire, responsesPath: folder + "/codes.csv", operatorName: "aigul", mode: .firstEntry)
        _ = try desk.type(["1"])
        #expect(desk.prompt == .question(0))
        #expect(desk.singleKeys == ["2", "3", "4", "5"])
        let help = try desk.submit("?").map(\.text)
        #expect(help.contains { $0.hasPrefix("  10     Refused: a missing code") }, "\(help)")
        _ = try desk.type(["10"])
        #expect(desk.session?.answers[0] == .missingCode(0))
        #expect(desk.prompt == .question(1))
        _ = try desk.type(["y"])
        #expect(desk.prompt == .question(2))
        #expect(desk.singleKeys == ["2"], "the definition's `10` applies here too; `-1` starts with no key")
    }
}

extension EntryDeskTests {
    /// A closed terminal (SIGHUP) keeps a first entry as an incomplete form, which its number
    /// resumes; a verification writes nothing.
    @Test func aClosedTerminalKeepsTheFormAsIncomplete() throws {
        let desk = try desk()
        _ = try desk.type(["4", "2", "spec"])
        let notes = try desk.terminalClosed()
        #expect(notes.first == EntryLine("The terminal was closed in respondent 4's form.", .warning))
        #expect(desk.prompt == .finished)
        #expect(EntryFixtures.text(of: path) == [header, "4,,ngo,specialist,,,,,,,,", ""].joined(separator: "\n"))

        let verifying = try self.desk(.verification, operator: "bob")
        _ = try verifying.type(["4", "2"])
        let before = EntryFixtures.text(of: path)
        _ = try verifying.terminalClosed()
        #expect(verifying.prompt == .finished)
        #expect(EntryFixtures.text(of: path) == before)
    }
}
