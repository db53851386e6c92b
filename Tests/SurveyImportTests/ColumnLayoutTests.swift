import Testing
import SurveyModel
@testable import SurveyImport

/// How headers become questions, seen through the importer: `--map`, `--id-column`, unknown
/// and duplicate columns, 0/1 choice columns.
@Suite struct ColumnLayoutTests {
    /// Imports `text` (written to a temporary file) against feedback.yaml.
    func importText(_ text: String, options: ImportOptions = ImportOptions()) throws -> ImportRun {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        return try runImport(try dir.write("input.csv", text), options: options)
    }

    @Test func mapMatchesAHeaderByHand() throws {
        let text = "respondent,Organisation,Your  AGE\n1,ngo,34\n"
        let mapped = try importText(text, options: ImportOptions(columnMap: ["organisation": "org_type"]))
        #expect(mapped.value(0, "org_type") == "ngo")
        #expect(mapped.value(0, "age") == "34", "question text in another case and spacing still matches")
        #expect(mapped.problems.isEmpty)
        #expect(!mapped.summary.warnings.contains { $0.contains("matched no question") })

        let unmapped = try importText(text)
        #expect(unmapped.value(0, "org_type") == "")
        #expect(unmapped.problems.map(\.problem) == [.requiredMissing])
        let warning = try #require(unmapped.summary.warnings.first { $0.contains("matched no question") })
        #expect(warning.contains("Organisation"))
        #expect(warning.contains("--map 'Header=question_id'"))
    }

    @Test func mapToRespondentTimestampAndIgnore() throws {
        let run = try importText(
            "Form,When,org_type,Notes\nA-17,2013-01-25 16:40,gov,typed by Aida\n",
            options: ImportOptions(columnMap: ["Form": "respondent", "When": "timestamp", "Notes": "-"]))
        #expect(run.responses.map(\.respondent) == ["A-17"])
        #expect(run.responses.first?.submittedAt?.description == "2013-01-25T16:40:00")
        #expect(!run.summary.warnings.contains { $0.contains("matched no question") })
    }

    @Test func mapToAChoiceColumn() throws {
        let run = try importText(
            "respondent,org_type,Sessions: letter,Sessions: groups\n1,gov,1,0\n2,ngo,1,1\n3,ngo,0,0\n",
            options: ImportOptions(columnMap: ["Sessions: letter": "sessions/letter", "Sessions: groups": "sessions/groups"]))
        #expect(run.value(0, "sessions") == "letter")
        #expect(run.value(1, "sessions") == "groups;letter")
        #expect(run.value(2, "sessions") == "")
        #expect(run.problems.isEmpty)
    }

    @Test func mapToAnUnknownQuestionIsAnError() throws {
        do {
            _ = try importText("respondent,Organisation\n1,gov\n", options: ImportOptions(columnMap: ["Organisation": "organization"]))
            Issue.record("imported with a --map naming no question")
        } catch let error as ImportError {
            guard case .unknownMapTarget(let header, let target, let known) = error else { Issue.record("got \(error)"); return }
            #expect(header == "Organisation")
            #expect(target == "organization")
            #expect(known.contains("org_type"))
            #expect(error.isUsageError)
        }
    }

    /// `--map 'Header=nosuch'` is a usage error whether or not this file has the header.
    @Test
    func mapToAnUnknownQuestionIsAnErrorEvenWhenTheHeaderIsAbsent() throws {
        #expect(throws: ImportError.self) {
            try importText("respondent,org_type\n1,gov\n", options: ImportOptions(columnMap: ["Organisation": "nosuch"]))
        }
    }

    @Test func mapValuesAreParsed() throws {
        #expect(try ImportOptions.columnMap(["Your organisation = org_type", "a=b=c"]) == ["Your organisation": "org_type", "a=b": "c"])
        #expect(throws: ImportError.badMapping("org_type")) { try ImportOptions.columnMap(["org_type"]) }
        #expect(throws: ImportError.badMapping("=org_type")) { try ImportOptions.columnMap(["=org_type"]) }
    }

    @Test func idColumnByName() throws {
        let run = try importText("Form no.,id,org_type\nA-17,9,gov\nA-18,9,ngo\n", options: ImportOptions(idColumn: "form NO."))
        #expect(run.responses.map(\.respondent) == ["A-17", "A-18"])
        #expect(run.rejects.isEmpty)
    }

    @Test func idColumnThatIsNotThereIsAnError() throws {
        do {
            _ = try importText("respondent,org_type\n1,gov\n", options: ImportOptions(idColumn: "Form no."))
            Issue.record("imported without the --id-column")
        } catch let error as ImportError {
            guard case .missingIDColumn(_, let name, let headers) = error else { Issue.record("got \(error)"); return }
            #expect(name == "Form no.")
            #expect(headers == ["respondent", "org_type"])
        }
    }

    @Test(arguments: ["respondent", "respondent_id", "id", "_id", "_uuid", "ResponseId", "Respondent ID"])
    func idColumnNames(_ name: String) throws {
        let run = try importText("\(name),org_type\nR-1,gov\n")
        #expect(run.responses.map(\.respondent) == ["R-1"])
    }

    @Test(arguments: ["Timestamp", "submitted_at", "_submission_time"])
    func timestampColumnNames(_ name: String) throws {
        let run = try importText("respondent,\(name),org_type\n1,2013-01-25 10:00,gov\n")
        #expect(run.responses.first?.submittedAt?.description == "2013-01-25T10:00:00")
    }

    /// A blank id cell must not take an id that another row of the file really has.
    @Test
    func blankIdDoesNotCollideWithARealId() throws {
        let run = try importText("respondent,org_type\n,gov\n1,ngo\n")
        #expect(run.rejects.isEmpty, "\(run.rejects.map(\.description))")
        #expect(run.responses.count == 2)
        #expect(run.responses.map(\.respondent).contains("1"))
        #expect(Set(run.responses.map(\.respondent)).count == 2)
    }

    @Test func withoutAnIdColumnRowsAreNumbered() throws {
        let run = try importText("org_type,age\ngov,30\n\nngo,40\n")
        #expect(run.responses.map(\.respondent) == ["1", "2"])
    }

    @Test func unknownColumnsAreAWarning() throws {
        let run = try runImport(Fixture.path("responses-messy.csv"))
        let warnings = run.summary.warnings.filter { $0.contains("matched no question") }
        #expect(warnings == ["\(Fixture.path("responses-messy.csv")): 1 column matched no question and was ignored: interviewer_note (use --map 'Header=question_id' if one of them is a question)"])
    }

    @Test func missingQuestionColumnsAreAWarning() throws {
        let run = try importText("respondent,org_type\n1,gov\n")
        #expect(run.summary.warnings.contains { $0.contains("no column for role, sessions,") })
    }

    @Test func twoColumnsForOneQuestionIsAnError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("dup.csv", "respondent,org_type,What type of organization do you represent?\n1,gov,gov\n")
        #expect(throws: ImportError.duplicateColumn(path: path, question: "org_type", first: "org_type",
                                                     second: "What type of organization do you represent?", column: 3)) {
            try runImport(path)
        }
    }

    @Test func noColumnMatchesAnyQuestion() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("other.csv", "name,email\nAida,a@example.org\n")
        #expect(throws: ImportError.noQuestionColumns(path: path, headers: ["name", "email"])) { try runImport(path) }
        let typos = try dir.write("typos.csv", "Org.Typ,Imprve,name\ngov,x,Aida\n")
        #expect(throws: ImportError.noQuestionColumns(path: typos, headers: ["Org.Typ", "Imprve", "name"], suggestions: ["Org.Typ=org_type", "Imprve=improve"])) { try runImport(typos) }
    }

    @Test func groupPrefixesAndChoiceColumns() throws {
        let run = try importText("""
            respondent,group_a/org_type,group_a/group_b/usefulness,sessions.brainstorm,sessions.groups,sessions.letter
            1,gov,4,1,0,1
            2,ngo,5,,,
            3,ngo,3,1,1,1
            4,ngo,3,yes,maybe,0

            """)
        #expect(run.value(0, "org_type") == "gov")
        #expect(run.value(0, "usefulness") == "4")
        #expect(run.value(0, "sessions") == "brainstorm;letter")
        #expect(run.value(1, "sessions") == "")
        #expect(run.value(2, "sessions") == "", "three picked, max_choices is 2")
        #expect(run.value(3, "sessions") == "brainstorm")
        #expect(run.problems.map(\.problem.kind) == ["too_many_choices", "unknown_choice"])
        #expect(run.problems.map(\.line) == [4, 5])
        #expect(run.problems.last?.value == "maybe")
        #expect(run.problems.last?.column == 5)
    }

    /// KoboToolbox can export both the combined column and the 0/1 columns; the combined one wins.
    @Test func combinedColumnWinsOverChoiceColumns() throws {
        let run = try importText("respondent,org_type,sessions,sessions/letter\n1,gov,groups,1\n")
        #expect(run.value(0, "sessions") == "groups")
        #expect(run.summary.warnings.allSatisfy { !$0.contains("matched no question") })
    }

    // MARK: Headers ignoring case, punctuation and spacing (issue 9)

    /// Each header (left) answers the question (right): by id or by text in either language.
    @Test(arguments: [
        ("Org.Type", "org_type"), ("ORG TYPE", "org_type"), ("org-type", "org_type"), ("Attend.Again", "attend_again"),
        ("Travel_Hours:", "travel_hours"), ("Your  Age", "age"), ("Your age?", "age"), ("YOUR AGE:", "age"),
        ("What should be improved", "improve"), ("Ваш возраст:", "age"), ("  visit date  ", "visit_date"),
    ] as [(String, String)])
    func headerMatchesIgnoringCasePunctuationAndSpacing(_ header: String, _ question: String) throws {
        let run = try importText("respondent,\(header)\n1,\(question == "age" ? "34" : question == "improve" ? "more time" : question == "visit_date" ? "2013-01-25" : question == "travel_hours" ? "2.5" : question == "attend_again" ? "yes" : "gov")\n")
        #expect(run.value(0, question) != "", "\(header) → \(question): \(run.summary.warnings)")
        #expect(!run.summary.warnings.contains { $0.contains("matched no question") }, "\(run.summary.warnings)")
    }

    /// KoboToolbox's metadata columns are never answers, whatever they normalize to.
    @Test func underscoreColumnsAreNotMatchedByNormalizing() throws {
        let run = try importText("respondent,org_type,_age\n1,gov,34\n")
        #expect(run.value(0, "age") == "")
        #expect(!run.summary.warnings.contains { $0.contains("matched no question") })
    }

    @Test func unmatchedHeaderGetsADidYouMean() throws {
        let run = try importText("respondent,org_type,Imprve,Usefulnes,interviewer_note\n1,gov,x,4,y\n")
        let warning = try #require(run.summary.warnings.first { $0.contains("matched no question") })
        #expect(warning.hasSuffix("3 columns matched no question and were ignored: Imprve (did you mean `improve`?), Usefulnes (did you mean `usefulness`?), interviewer_note (use --map 'Header=question_id' if one of them is a question)"), "\(warning)")
    }

    /// A question that already has a column is not offered for another one.
    @Test func didYouMeanSkipsQuestionsThatHaveAColumn() throws {
        let run = try importText("respondent,org_type,improve,Imprve\n1,gov,x,y\n")
        let warning = try #require(run.summary.warnings.first { $0.contains("matched no question") })
        #expect(warning.contains("ignored: Imprve (use --map"), "\(warning)")
    }

    @Test func columnAliasesFromTheDefinition() throws {
        let definition = try QuestionnaireLoader.parse(yaml: """
            title: T
            questions:
              - id: w_hnd
                type: single_choice
                text: Writing hand
                choices: {left: Left, right: Right}
                column: Hand used for writing
              - id: location
                type: text
                text: Where do you live?
                column: [Town, City / village]
            """, file: "def.yaml")
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("input.csv", "HAND USED FOR WRITING:,city/village\nLeft,Bishkek\n")
        let run = try runImport(path, questionnaire: definition)
        #expect(run.value(0, "w_hnd") == "left")
        #expect(run.value(0, "location") == "Bishkek")
        #expect(run.summary.warnings.allSatisfy { !$0.contains("matched no question") && !$0.contains("no column for") }, "\(run.summary.warnings)")

        let typo = try dir.write("typo.csv", "Hand used for writin,Town\nLeft,Bishkek\n")
        let warning = try #require(try runImport(typo, questionnaire: definition).summary.warnings.first { $0.contains("matched no question") })
        #expect(warning.contains("Hand used for writin (did you mean `w_hnd`?)"), "\(warning)")
    }

    /// Two headers that normalize to one question: an error naming both, never a silent pick.
    @Test func twoHeadersNormalizingToOneQuestionIsAnError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("dup.csv", "respondent,Your age,YOUR AGE?\n1,30,31\n")
        #expect(throws: ImportError.duplicateColumn(path: path, question: "age", first: "Your age", second: "YOUR AGE?", column: 3)) {
            try runImport(path)
        }
        let exact = try dir.write("exact.csv", "respondent,org_type,Org.Type\n1,gov,ngo\n")
        #expect(throws: ImportError.duplicateColumn(path: exact, question: "org_type", first: "org_type", second: "Org.Type", column: 3)) {
            try runImport(exact)
        }
    }

    // MARK: Rows without an id (issue 9)

    /// Rows of an input without an id column are numbered after every numeric id taken before
    /// it, in the file appended to and in earlier inputs.
    @Test func idLessRowsAreNumberedAfterTheHighestIdTaken() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let first = try dir.write("first.csv", "org_type\ngov\nngo\n")
        let named = try dir.write("named.csv", "respondent,org_type\nA-7,gov\n40,ngo\n")
        let second = try dir.write("second.csv", "org_type\ngov\nngo\n")
        let run = try runImport(first, named, second)
        #expect(run.responses.map(\.respondent) == ["1", "2", "A-7", "40", "41", "42"])
        #expect(run.rejects.isEmpty)
        #expect(run.summary.warnings.contains("\(second): no id column; its rows are numbered from 41, after the highest respondent id taken before it (40)"))

        let importer = ResponseImporter(questionnaire: try Fixture.feedback())
        importer.reserveRespondent("17", line: 2, source: "f.csv")
        importer.reserveRespondent("line-9", line: 3, source: "f.csv")
        var ids: [String] = []
        importer.onResponse = { ids.append($0.respondent) }
        try importer.importFile(first)
        #expect(ids == ["18", "19"])
        #expect(importer.numbering.lowestFresh == 18)
    }
}


extension ColumnLayoutTests {
    /// A blank id cell gets its file's name and line: two files with blank ids on the same line
    /// no longer clash (both were `line-2`), nor does a real id `line-3`; the same file imported
    /// again is a duplicate, and the reason says what the made-up id is.
    @Test func blankIdsAreNamedByFileAndLine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let a = try dir.write("a.csv", "respondent,org_type\n,gov\nline-3,ngo\n,ngo\n")
        let b = try dir.write("b.csv", "respondent,org_type\n,gov\n")
        let run = try runImport(a, b)
        #expect(run.responses.map(\.respondent) == ["a.csv:line-2", "line-3", "a.csv:line-4", "b.csv:line-2"])
        #expect(run.rejects.isEmpty)
        let again = try runImport(a, a)
        #expect(again.rejects.count == 3, "its three rows")
        #expect(again.rejects.first?.reason.hasPrefix("no respondent id, and `a.csv:line-2`, the id such a row gets (its file's name and line), is taken already (at \(a):2)") == true, "\(again.rejects)")
    }
}

extension ColumnLayoutTests {
    /// A lone CR inside an unquoted field of an LF-ended file is one rejected row (it split the
    /// line into two rows of the wrong width, each rejected with the same line); a CR-ended
    /// file (Excel's CSV (Macintosh)) with a final LF still reads every row.
    @Test func aLoneCRSplittingALineIsOneRejectedRow() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let lf = try dir.write("lf.csv", "respondent,org_type,improve\n1,ngo,a\rb\n2,gov,ok\n")
        let run = try runImport(lf)
        #expect(run.responses.map(\.respondent) == ["2"])
        #expect(run.rejects.map(\.line) == [2])
        #expect(run.rejects.first?.reason == "a carriage return (CR) alone in the middle of line 2 splits it into 2 rows; quote the field that holds it, or remove it")
        #expect(run.rejects.first?.raw == "1,ngo,a\rb")
        #expect(run.summary.rowsRead == 2)
        let cr = try dir.write("cr.csv", "respondent,org_type,improve\r1,ngo,a\r2,gov,\"two\nlines\"\r3,ngo,ok\n")
        let mac = try runImport(cr)
        #expect(mac.responses.map(\.respondent) == ["1", "2", "3"])
        #expect(mac.rejects.isEmpty)
    }
}
