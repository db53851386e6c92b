import Foundation
import Testing

/// `survey import --into F` and `survey enter --into F` at the same time, killed halfway, and
/// pointed at things that are not plain files: one lock, appends in place, nothing lost.
@Suite struct SharedResponsesFileTests {
    static let header = EnterCommandTests.header
    /// One form typed with Enter at the respondent prompt: the number is the tool's.
    static let autoNumberedForm = [""] + EnterCommandTests.shortForm

    /// An export with respondents `ids`, in the columns import matches by question id.
    static func export(_ ids: some Sequence<Int>) -> String {
        "respondent,org_type,usefulness,improve\n" + ids.map { "\($0),ngo,\($0 % 5 + 1),row \($0)\n" }.joined()
    }

    /// The data rows of a responses file, with the header checked.
    static func dataRows(_ text: String?) -> [[String]] {
        let rows = parseCSV(text ?? "")
        #expect(rows.first == header.split(separator: ",").map(String.init), "the header comes first, once")
        return Array(rows.dropFirst())
    }

    /// The respondent ids of a responses file without quoted fields (fast for large files),
    /// with the header checked.
    static func ids(_ text: String?) -> [String] {
        let lines = (text ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first.map(String.init) == header, "the header comes first")
        #expect(lines.last == "", "the file ends with a line end")
        return lines.dropFirst().dropLast().map { String($0.prefix { $0 != "," }) }
    }

    /// `Wrote 500 responses to f.csv…` → 500.
    static func wrote(_ stderr: String) -> Int? {
        guard let range = stderr.range(of: "Wrote ") else { return nil }
        return Int(stderr[range.upperBound...].prefix { $0.isNumber })
    }

    static func saved(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("Saved respondent ") else { return nil }
            return String(line.dropFirst("Saved respondent ".count).prefix { $0 != " " })
        }
    }

    // MARK: Writers at the same time

    /// Four imports of different exports into one file at once: every row printed as written
    /// is in the file, once, under one header.
    @Test func parallelImportsLoseNothing() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        for part in 0..<4 { try dir.write("part\(part).csv", Self.export((part * 100_000 + 1)...(part * 100_000 + 10_000))) }
        let runs = try (0..<4).map { part in try BackgroundRun(in: dir.url, ["import", Fixture.feedback, "part\(part).csv", "--into", "f.csv"]) }
        let results = runs.map { $0.wait() }
        for result in results { #expect(result.status == 0, "\(result)") }
        let written = results.compactMap { Self.wrote($0.stderr) }
        #expect(written == [10_000, 10_000, 10_000, 10_000], "\(results)")
        let ids = Self.ids(dir.text("f.csv"))
        #expect(ids.count == written.reduce(0, +))
        #expect(Set(ids).count == ids.count, "no respondent twice")
        #expect(dir.listing() == ["f.csv", "part0.csv", "part1.csv", "part2.csv", "part3.csv"], "no staging or rollback file left")
    }

    /// Three imports of the same export at once: each respondent ends up in the file once.
    /// One import writes them all; the other two find every row a duplicate, whichever reads
    /// the file first, and exit 1 writing nothing (issue 9: no accepted row is a failure).
    @Test func parallelImportsOfOneExportKeepEachRespondentOnce() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("export.csv", Self.export(1...300))
        let runs = try (0..<3).map { _ in try BackgroundRun(in: dir.url, ["import", Fixture.feedback, "export.csv", "--into", "f.csv"]) }
        let results = runs.map { $0.wait() }
        #expect(results.map(\.status).sorted() == [0, 1, 1], "\(results)")
        #expect(results.compactMap { Self.wrote($0.stderr) } == [300], "\(results)")
        for result in results where result.status == 1 {
            #expect(result.stderr.contains("error: export.csv: none of its 300 rows was accepted; nothing was written"), "\(result)")
            #expect(result.stderr.contains("duplicate respondent id"), "\(result)")
        }
        let rows = Self.dataRows(dir.text("f.csv"))
        #expect(rows.map { $0[0] }.sorted() == (1...300).map(String.init).sorted())
        #expect(dir.listing() == ["export.csv", "f.csv"], "no rejects file")
    }

    /// Issue 9: two imports of exports without an id column into one file at once. Each
    /// numbers its rows after the highest id it saw; the one that finds, under the lock, that
    /// the other took those numbers meanwhile reads its inputs again with the file locked and
    /// numbers after them. No id twice, no row rejected.
    @Test func parallelIdLessImportsNeverCollide() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("f.csv", Self.header + "\n" + (1...5).map { "\($0),,ngo,,,3,,,,row \($0),,\n" }.joined())
        let export = "org_type,usefulness,improve\n" + (1...2000).map { "ngo,\($0 % 5 + 1),row \($0)\n" }.joined()
        for name in ["a.csv", "b.csv", "c.csv"] { try dir.write(name, export) }
        let first = try BackgroundRun(in: dir.url, ["import", Fixture.feedback, "a.csv", "--into", "f.csv"], environment: ["SURVEY_TEST_PAUSE_APPEND": "4"])
        #expect(first.waitForStderr("SURVEY_TEST_PAUSE_APPEND: paused"), "\(first.stderrSoFar)")
        // Both read f.csv while the first is halfway through its append, so both number rows
        // from below 2006, where the first's rows end.
        let others = try ["b.csv", "c.csv"].map { try BackgroundRun(in: dir.url, ["import", Fixture.feedback, $0, "--into", "f.csv"]) }
        let results = [first.wait()] + others.map { $0.wait() }
        for result in results {
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("Read 2000 rows: 2000 accepted, 0 rejected."), "\(result)")
        }
        #expect(results.dropFirst().contains { $0.stderr.contains("to f.csv while this import ran; reading the inputs again with the file locked, to number the rows without an id after them") }, "\(results)")
        let ids = Self.ids(dir.text("f.csv"))
        #expect(ids == (1...6005).map(String.init), "every id once, in the order written")
        #expect(dir.listing() == ["a.csv", "b.csv", "c.csv", "f.csv"], "no rejects, staging or rollback file")
    }

    /// An import that finds, under the lock, that another import added some of its respondents
    /// after it read the file reads its inputs again with the file locked: those rows are
    /// rejected as duplicates, the rest appended.
    @Test func respondentsAddedMeanwhileAreRejectedOnASecondReading() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("f.csv", Self.header + "\n")
        try dir.write("first.csv", Self.export(1...50))
        try dir.write("second.csv", Self.export(40...60))
        let first = try BackgroundRun(in: dir.url, ["import", Fixture.feedback, "first.csv", "--into", "f.csv"], environment: ["SURVEY_TEST_PAUSE_APPEND": "2"])
        #expect(first.waitForStderr("SURVEY_TEST_PAUSE_APPEND: paused"), "\(first.stderrSoFar)")
        let second = try BackgroundRun(in: dir.url, ["import", Fixture.feedback, "second.csv", "--into", "f.csv"]).wait()
        #expect(first.wait().status == 0)
        #expect(second.status == 0, "\(second)")
        #expect(second.stderr.contains("note: another process added respondent 40 to f.csv (line 41) while this import ran; reading the inputs again with the file locked"), "\(second)")
        #expect(second.stderr.contains("Read 21 rows: 10 accepted, 11 rejected."), "\(second)")
        #expect(Self.wrote(second.stderr) == 10)
        #expect(Self.dataRows(dir.text("f.csv")).map { Int($0[0])! } == Array(1...60))
        #expect(parseCSV(dir.text("f.rejects.csv") ?? "").dropFirst().map { $0[1] } == (2...12).map(String.init), "lines 2–12 of second.csv: respondents 40–50")
    }

    /// An import that read a killed import's half-written rows checks its inputs again once
    /// those rows are undone, so none of its rows is rejected against a row that is gone.
    @Test func rowsUndoneWhileAnImportRanAreNotHeldAgainstIt() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("f.csv", Self.header + "\n")
        try dir.write("killed.csv", Self.export(1...2000))
        let killed = try BackgroundRun(in: dir.url, ["import", Fixture.feedback, "killed.csv", "--into", "f.csv"], environment: ["SURVEY_TEST_PAUSE_APPEND": "60"])
        #expect(killed.waitForStderr("SURVEY_TEST_PAUSE_APPEND: paused"), "\(killed.stderrSoFar)")
        try dir.write("again.csv", Self.export(1...2000))
        let again = try BackgroundRun(in: dir.url, ["import", Fixture.feedback, "again.csv", "--into", "f.csv"])
        #expect(again.waitForStderr("waiting for another survey process writing f.csv"), "\(again.stderrSoFar)")
        killed.kill9()
        let result = again.wait()
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("an interrupted import (pid \(killed.pid)) had partly appended"), "\(result)")
        #expect(result.stderr.contains("note: rows this import had read from f.csv were taken out meanwhile (an interrupted write was undone); reading the inputs again with the file locked"), "\(result)")
        #expect(result.stderr.contains("Read 2000 rows: 2000 accepted, 0 rejected."), "\(result)")
        #expect(Self.ids(dir.text("f.csv")) == (1...2000).map(String.init))
    }

    /// Importing again after an import was killed in its append: the half-written batch is
    /// undone before the file's ids are read, so the rows it held are not taken for respondents
    /// already there (every row of an export whose ids were all in that half used to be
    /// rejected as a duplicate, and the import stopped before it could notice).
    @Test func importAgainAfterAKilledImportAcceptsEveryRow() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("f.csv", Self.header + "\n")
        try dir.write("export.csv", Self.export(1...2000))
        let killed = try BackgroundRun(in: dir.url, ["import", Fixture.feedback, "export.csv", "--into", "f.csv"], environment: ["SURVEY_TEST_PAUSE_APPEND": "60"])
        #expect(killed.waitForStderr("SURVEY_TEST_PAUSE_APPEND: paused"), "\(killed.stderrSoFar)")
        killed.kill9()
        _ = killed.wait()
        try dir.write("again.csv", Self.export(1...10))
        let again = try dir.run(arguments: ["import", Fixture.feedback, "again.csv", "--into", "f.csv"])
        #expect(again.status == 0, "\(again)")
        #expect(again.stderr.contains("an interrupted import (pid \(killed.pid)) had partly appended"), "\(again)")
        #expect(again.stderr.contains("Read 10 rows: 10 accepted, 0 rejected."), "\(again)")
        #expect(Self.ids(dir.text("f.csv")) == (1...10).map(String.init))
        #expect(dir.text("f.rejects.csv") == nil, "nothing rejected")
    }

    /// A piped `enter` typing forms while an import runs: the import's rows and every saved
    /// form end up in the file (the import used to replace the file with its own copy).
    @Test func importRacingEnterLosesNothing() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("f.csv", Self.header + "\n")
        try dir.write("big.csv", Self.export(100_001...120_000))
        let forms = 150
        let entering = try BackgroundRun(in: dir.url, ["enter", Fixture.feedback, "--into", "f.csv"],
                                         input: (0..<forms).flatMap { _ in Self.autoNumberedForm }.joined(separator: "\n") + "\n")
        #expect(entering.waitForStderr("Saved respondent 1 "), "\(entering.stderrSoFar)")
        let importing = try BackgroundRun(in: dir.url, ["import", Fixture.feedback, "big.csv", "--into", "f.csv"])
        let imported = importing.wait()
        let entered = entering.wait()
        #expect(imported.status == 0, "\(imported)")
        #expect(entered.status == 0, "\(entered)")
        let saved = Self.saved(entered.stderr)
        #expect(saved.count == forms, "\(entered)")
        #expect(Self.wrote(imported.stderr) == 20_000, "\(imported)")
        let rows = Self.ids(dir.text("f.csv"))
        #expect(rows.count == 20_000 + forms)
        let ids = Set(rows)
        #expect(ids.count == rows.count, "no respondent twice")
        #expect(Set(saved).isSubset(of: ids), "every saved form is in the file")
    }

    /// Two operators typing into one file through pipes, both pressing Enter for the number:
    /// neither is ever told the number is taken, and the answers never shift.
    @Test func twoPipedEntersNumberTheirFormsApart() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let forms = 100
        let input = (0..<forms).flatMap { _ in Self.autoNumberedForm }.joined(separator: "\n") + "\n"
        let runs = try (0..<2).map { _ in try BackgroundRun(in: dir.url, ["enter", Fixture.feedback, "--into", "f.csv"], input: input) }
        let results = runs.map { $0.wait() }
        for result in results {
            #expect(result.status == 0, "\(result)")
            #expect(!result.stderr.contains("is already entered"), "\(result)")
            #expect(Self.saved(result.stderr).count == forms, "\(result)")
        }
        let rows = Self.dataRows(dir.text("f.csv"))
        #expect(rows.count == 2 * forms)
        #expect(Set(rows.map { $0[0] }).count == 2 * forms, "distinct numbers")
        #expect(rows.allSatisfy { $0.dropFirst().joined(separator: ",") == ",gov,,,4,yes,,,,," }, "no answer shifted into another question")
        #expect(Set(results.flatMap { Self.saved($0.stderr) }) == Set(rows.map { $0[0] }))
    }

    /// A process that finds the file locked says so once, naming who holds it, then goes on.
    @Test func aWaitingProcessSaysWhoItWaitsFor() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("f.csv", Self.header + "\n")
        try dir.write("first.csv", Self.export(1...50))
        try dir.write("second.csv", Self.export(51...60))
        let holder = try BackgroundRun(in: dir.url, ["import", Fixture.feedback, "first.csv", "--into", "f.csv"], environment: ["SURVEY_TEST_PAUSE_APPEND": "3"])
        #expect(holder.waitForStderr("SURVEY_TEST_PAUSE_APPEND: paused"), "\(holder.stderrSoFar)")
        let importing = try BackgroundRun(in: dir.url, ["import", Fixture.feedback, "second.csv", "--into", "f.csv"])
        let entering = try BackgroundRun(in: dir.url, ["enter", Fixture.feedback, "--into", "f.csv"], input: Self.autoNumberedForm.joined(separator: "\n") + "\n")
        let waiting = "waiting for another survey process writing f.csv (survey import, pid \(holder.pid))…"
        let imported = importing.wait()
        let entered = entering.wait()
        #expect(holder.wait().status == 0)
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stderr.components(separatedBy: waiting).count == 2, "said once\n\(imported)")
        #expect(entered.status == 0, "\(entered)")
        #expect(entered.stderr.contains(waiting), "\(entered)")
        let saved = Self.saved(entered.stderr)
        #expect(saved.count == 1, "\(entered)")
        let rows = Self.dataRows(dir.text("f.csv"))
        #expect(rows.count == 50 + (Self.wrote(imported.stderr) ?? -1) + 1)
        #expect(Set(rows.map { $0[0] }).count == rows.count)
    }

    // MARK: Readers

    /// `survey stats` while an import is half-way through its append: the reader waits for the
    /// writer and then sees the whole batch, never half of it.
    @Test func statsDuringAnAppendSeesTheWholeBatch() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("first.csv", Self.export(1...10))
        #expect(try dir.run("import", Fixture.feedback, "first.csv", "--into", "f.csv").status == 0)
        try dir.write("second.csv", Self.export(11...2000))
        let writer = try BackgroundRun(in: dir.url, ["import", Fixture.feedback, "second.csv", "--into", "f.csv"], environment: ["SURVEY_TEST_PAUSE_APPEND": "2"])
        #expect(writer.waitForStderr("SURVEY_TEST_PAUSE_APPEND: paused"), "\(writer.stderrSoFar)")
        let reader = try BackgroundRun(in: dir.url, ["stats", Fixture.feedback, "f.csv", "--format", "json"]).wait()
        #expect(writer.wait().status == 0)
        #expect(reader.status == 0, "\(reader)")
        #expect(reader.stderr.contains("note: waiting for another survey process writing f.csv (survey import, pid \(writer.pid))…"), "\(reader)")
        #expect(reader.stdout.contains("\"responses\" : 2000") || reader.stdout.contains("\"responses\": 2000"), "all 2,000 responses, not a part\n\(reader.stdout.prefix(400))")
    }

    /// A reader that finds what a killed import left half-appended puts the file back first.
    @Test func statsAfterAKilledImportUndoesItsHalfBatch() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("first.csv", Self.export(1...10))
        #expect(try dir.run("import", Fixture.feedback, "first.csv", "--into", "f.csv").status == 0)
        let before = try #require(dir.bytes("f.csv"))
        try dir.write("killed.csv", Self.export(11...2000))
        let killed = try BackgroundRun(in: dir.url, ["import", Fixture.feedback, "killed.csv", "--into", "f.csv"], environment: ["SURVEY_TEST_PAUSE_APPEND": "60"])
        #expect(killed.waitForStderr("SURVEY_TEST_PAUSE_APPEND: paused"), "\(killed.stderrSoFar)")
        killed.kill9()
        _ = killed.wait()
        let result = try dir.run("stats", Fixture.feedback, "f.csv", "--format", "json")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("an interrupted import (pid \(killed.pid)) had partly appended"), "\(result)")
        #expect(dir.bytes("f.csv") == before)
        #expect(!dir.listing().contains(".f.csv.rollback"))
    }

    // MARK: Killed halfway

    /// `kill -9` in the middle of an append (held there by the test hook): the half-written
    /// rows are in the file until the next run takes the lock, undoes them and says so.
    @Test(arguments: ["import", "enter"])
    func anImportKilledMidAppendIsUndoneByTheNextRun(_ next: String) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("first.csv", Self.export(1...10))
        #expect(try dir.run("import", Fixture.feedback, "first.csv", "--into", "f.csv").status == 0)
        let before = try #require(dir.bytes("f.csv"))
        try dir.write("killed.csv", Self.export(11...2000))
        let killed = try BackgroundRun(in: dir.url, ["import", Fixture.feedback, "killed.csv", "--into", "f.csv"], environment: ["SURVEY_TEST_PAUSE_APPEND": "60"])
        #expect(killed.waitForStderr("SURVEY_TEST_PAUSE_APPEND: paused"), "\(killed.stderrSoFar)")
        let half = try #require(dir.bytes("f.csv"))
        #expect(half.count > before.count && half.starts(with: before), "half of the batch is in the file while the import is paused")
        killed.kill9()
        #expect(killed.wait().status == 128 + SIGKILL)
        #expect(dir.listing().contains(".f.csv.rollback"))

        let after: String
        if next == "import" {
            try dir.write("later.csv", Self.export(3001...3005))
            let result = try dir.run("import", Fixture.feedback, "later.csv", "--into", "f.csv")
            #expect(result.status == 0, "\(result)")
            after = result.stderr
            let expected: [String] = Array(1...10).map { String($0) } + Array(3001...3005).map { String($0) }
            #expect(Self.dataRows(dir.text("f.csv")).map { $0[0] } == expected)
        } else {
            let result = try BackgroundRun(in: dir.url, ["enter", Fixture.feedback, "--into", "f.csv"], input: "").wait()
            #expect(result.status == 0, "\(result)")
            after = result.stderr
            #expect(dir.bytes("f.csv") == before)
        }
        #expect(after.contains("f.csv: removed the \(half.count - before.count) bytes an interrupted import (pid \(killed.pid)) had partly appended; the file is as it was before"), "\(after)")
        #expect(!dir.listing().contains(".f.csv.rollback"))
    }

    /// Imports killed at random moments, one after another: afterwards the file holds whole
    /// imports only, never part of one.
    @Test func importsKilledAtRandomLeaveWholeImports() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        var generator = SystemRandomNumberGenerator()
        for round in 1...5 {
            try dir.write("r\(round).csv", Self.export((round * 10_000 + 1)...(round * 10_000 + 3000)))
            let run = try BackgroundRun(in: dir.url, ["import", Fixture.feedback, "r\(round).csv", "--into", "f.csv"])
            usleep(UInt32.random(in: 50_000...900_000, using: &generator))
            run.kill9()
            run.wait()
        }
        try dir.write("none.csv", "respondent,org_type\n")
        #expect(try dir.run("import", Fixture.feedback, "none.csv", "--into", "f.csv").status == 0)
        #expect(dir.listing().filter { $0.hasPrefix(".") } == [], "the killed imports' staging files are cleaned up")
        let ids = Self.dataRows(dir.text("f.csv")).map { Int($0[0])! }
        #expect(Set(ids).count == ids.count)
        for round in 1...5 {
            let count = ids.filter { $0 / 10_000 == round }.count
            #expect(count == 0 || count == 3000, "round \(round): \(count) of 3000 rows")
        }
    }

    // MARK: What --into may be

    /// A FIFO, a device, a folder, a dangling link: exit 2 and a plain message, at once.
    @Test(arguments: ["import", "enter"], ["fifo", "dev-null-link", "folder", "dangling-link"])
    func intoSomethingThatIsNotAFileIsRefused(_ command: String, _ kind: String) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let target = "target.csv"
        switch kind {
        case "fifo": #expect(mkfifo(dir.path(target), 0o644) == 0)
        case "dev-null-link": try FileManager.default.createSymbolicLink(atPath: dir.path(target), withDestinationPath: "/dev/null")
        case "folder": try FileManager.default.createDirectory(atPath: dir.path(target), withIntermediateDirectories: false)
        default: try FileManager.default.createSymbolicLink(atPath: dir.path(target), withDestinationPath: "missing/nowhere.csv")
        }
        try dir.write("in.csv", Self.export(1...3))
        let arguments = command == "import" ? ["import", Fixture.feedback, "in.csv", "--into", target] : ["enter", Fixture.feedback, "--into", target]
        let result = try BackgroundRun(in: dir.url, arguments, input: Self.autoNumberedForm.joined(separator: "\n") + "\n").wait(timeout: 30)
        #expect(result.status == 2, "\(result)")
        let kindText = ["fifo": "a named pipe (FIFO)", "dev-null-link": "a device", "folder": "a folder", "dangling-link": "a symbolic link to missing/nowhere.csv, which does not exist"][kind]!
        #expect(result.stderr.hasPrefix("\(target): error: this is \(kindText), not a regular file;"), "\(result)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"), "\(result)")
        #expect(dir.listing() == (kind == "fifo" || kind == "dev-null-link" ? ["in.csv", target] : ["in.csv"]), "nothing written beside it")
        if kind.hasSuffix("link") {
            let attributes = try FileManager.default.attributesOfItem(atPath: dir.path(target))
            #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink, "the link is still a link")
        }
    }

    /// `enter --into /dev/null` would type forms into nothing.
    @Test func enterIntoDevNullIsRefused() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let result = try BackgroundRun(in: dir.url, ["enter", Fixture.feedback, "--into", "/dev/null"], input: Self.autoNumberedForm.joined(separator: "\n") + "\n").wait(timeout: 30)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr == "/dev/null: error: this is a device, not a regular file; forms are written only to regular files. Choose a file, e.g. --into responses/NAME.csv\n", "\(result)")
    }

    /// A symbolic link is written through: the link stays, its target gets the rows.
    @Test(arguments: ["import", "enter"])
    func aSymbolicLinkIsWrittenThrough(_ command: String) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.path("data"), withIntermediateDirectories: true)
        try dir.write("data/real.csv", Self.header + "\n1,,gov,,,4,yes,,,,,\n")
        try FileManager.default.createSymbolicLink(atPath: dir.path("link.csv"), withDestinationPath: "data/real.csv")
        let result: (status: Int32, stderr: String)
        if command == "import" {
            try dir.write("in.csv", Self.export(2...3))
            let run = try dir.run("import", Fixture.feedback, "in.csv", "--into", "link.csv")
            result = (run.status, run.stderr)
        } else {
            let run = try BackgroundRun(in: dir.url, ["enter", Fixture.feedback, "--into", "link.csv"], input: Self.autoNumberedForm.joined(separator: "\n") + "\n").wait()
            result = (run.status, run.stderr)
        }
        #expect(result.status == 0, "\(result)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.path("link.csv")) == "data/real.csv")
        #expect(Self.dataRows(dir.text("data/real.csv")).map { $0[0] } == (command == "import" ? ["1", "2", "3"] : ["1", "2"]))
        #expect(dir.listing() == (command == "import" ? ["data/real.csv", "in.csv", "link.csv"] : ["data/real.csv", "link.csv"]))
    }

    /// A hard-linked, owner-only file keeps its inode, mode and links through an import, an
    /// entry and a verification that corrects a form (a rewrite).
    @Test func aHardLinkedFileKeepsItsInodeModeAndLinks() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("first.csv", Self.export(1...3))
        #expect(try dir.run("import", Fixture.feedback, "first.csv", "--into", "f.csv").status == 0)
        #expect(chmod(dir.path("f.csv"), 0o600) == 0)
        #expect(link(dir.path("f.csv"), dir.path("backup.csv")) == 0)
        let inode = try FileManager.default.attributesOfItem(atPath: dir.path("f.csv"))[.systemFileNumber] as? Int

        try dir.write("second.csv", Self.export(4...5))
        #expect(try dir.run("import", Fixture.feedback, "second.csv", "--into", "f.csv").status == 0)
        let entered = try BackgroundRun(in: dir.url, ["enter", Fixture.feedback, "--into", "f.csv"], input: Self.autoNumberedForm.joined(separator: "\n") + "\n").wait()
        #expect(entered.status == 0, "\(entered)")
        // Respondent 6 was typed with usefulness 4; the verifier types 5 and keeps the paper's 5.
        var second = EnterCommandTests.shortForm
        second[3] = "5"
        let verified = try BackgroundRun(in: dir.url, ["enter", Fixture.feedback, "--into", "f.csv", "--verify", "--operator", "bakyt"],
                                         input: (["6"] + second + ["2"]).joined(separator: "\n") + "\n").wait()
        #expect(verified.status == 0, "\(verified)")
        #expect(verified.stderr.contains("form corrected"), "\(verified)")

        let attributes = try FileManager.default.attributesOfItem(atPath: dir.path("f.csv"))
        #expect(attributes[.systemFileNumber] as? Int == inode)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(attributes[.referenceCount] as? Int == 2)
        #expect(dir.bytes("backup.csv") == dir.bytes("f.csv"))
        let rows = Self.dataRows(dir.text("backup.csv"))
        #expect(rows.map { $0[0] } == ["1", "2", "3", "4", "5", "6"])
        #expect(rows.last?[5] == "5", "the correction is seen through the other name")
        #expect(!dir.listing().contains { $0.hasPrefix(".") }, "no temporary or rollback file left")
    }

    /// Inputs are compared with `--into` by identity, not by spelling.
    @Test(arguments: ["./same.csv", "link.csv", "hard.csv"])
    func anInputThatIsTheTargetIsRefused(_ input: String) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("same.csv", Self.export(1...3))
        try FileManager.default.createSymbolicLink(atPath: dir.path("link.csv"), withDestinationPath: "same.csv")
        #expect(link(dir.path("same.csv"), dir.path("hard.csv")) == 0)
        let before = dir.bytes("same.csv")
        let result = try dir.run("import", Fixture.feedback, input, "--into", "same.csv")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr == "error: --into same.csv is also an input (\(input)); import into another file (inputs are never modified)\n", "\(result)")
        #expect(dir.bytes("same.csv") == before)
        #expect(dir.listing() == ["hard.csv", "link.csv", "same.csv"])
    }

    // MARK: Cost

    /// Importing one row into a large file appends one row: the file keeps its inode, the
    /// bytes before are not rewritten, and memory stays far below the file's size.
    @Test func oneRowIntoALargeFileDoesNotLoadOrRewriteIt() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let line = ",,ngo,specialist,brainstorm;letter,2,no,34,2.5,\(String(repeating: "More time for questions ", count: 40)),Too long,2013-01-25\n"
        var text = Self.header + "\n"
        text.reserveCapacity(100_000 * (line.utf8.count + 6))
        for id in 1...100_000 { text += String(id) + line }
        try dir.write("f.csv", text)
        let size = text.utf8.count
        #expect(size > 90_000_000)
        let inode = try FileManager.default.attributesOfItem(atPath: dir.path("f.csv"))[.systemFileNumber] as? Int
        try dir.write("one.csv", Self.export([300_001]))
        let result = try BackgroundRun(in: dir.url, ["import", Fixture.feedback, "one.csv", "--into", "f.csv"]).wait()
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("Wrote 1 response to f.csv."), "\(result)")
        #expect(result.maxRSS > 0 && result.maxRSS < size / 2, "peak memory \(result.maxRSS) bytes for a \(size)-byte file")
        #expect(try FileManager.default.attributesOfItem(atPath: dir.path("f.csv"))[.systemFileNumber] as? Int == inode)
        let after = try #require(dir.bytes("f.csv"))
        #expect(after.count > size && after.prefix(size).elementsEqual(text.utf8), "the rows before are untouched")
        #expect(String(decoding: after[size...], as: UTF8.self) == "300001,,ngo,,,2,,,,row 300001,,\n")
    }
}
