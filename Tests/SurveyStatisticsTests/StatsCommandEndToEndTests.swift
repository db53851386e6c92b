import Foundation
import Testing

/// What one run of the `survey` binary did.
struct SurveyRun {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// The built `survey` executable: `SURVEY_BIN` (set by `make test`), else `.build/debug/survey`.
enum SurveyBinary {
    static var path: String {
        ProcessInfo.processInfo.environment["SURVEY_BIN"]
            ?? StatsFixture.packageRoot.appendingPathComponent(".build/debug/survey").path
    }

    /// Runs `survey arguments…` in a fresh temporary directory, output captured through files so
    /// a large stdout cannot fill a pipe and stall the child.
    static func run(_ arguments: [String]) throws -> SurveyRun {
        try #require(
            FileManager.default.isExecutableFile(atPath: path),
            "no survey binary at \(path); build it (`swift build`) or set SURVEY_BIN"
        )
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("survey-stats-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("stdout")
        let err = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return SurveyRun(
            status: process.terminationStatus,
            stdout: try String(contentsOf: out, encoding: .utf8),
            stderr: try String(contentsOf: err, encoding: .utf8)
        )
    }

    /// `survey stats oracle.yaml oracle-responses.csv extra…`.
    static func stats(_ extra: [String]) throws -> SurveyRun {
        try run(["stats", StatsFixture.path("oracle.yaml"), StatsFixture.path("oracle-responses.csv")] + extra)
    }
}

/// `survey stats` end to end: the built binary on the canonical fixture, its JSON and CSV
/// checked against the oracle, and its exit codes for usage mistakes.
@Suite struct StatsCommandEndToEndTests {
    private static func close(_ actual: Double?, _ expected: Double?, tolerance: Double = FigureCheck.tolerance) -> Bool {
        guard let actual, let expected else { return actual == nil && expected == nil }
        return actual.isApproximatelyEqual(to: expected, relativeTolerance: tolerance, absoluteTolerance: FigureCheck.absoluteFloor)
    }

    /// A JSON number as a Double, whether JSONSerialization made it an Int, a Double or an NSNumber.
    private static func number(_ value: Any?) -> Double? {
        switch value {
        case let value as Double: value
        case let value as Int: Double(value)
        case let value as NSNumber: value.doubleValue
        default: nil
        }
    }

    private static func object(_ value: Any?) throws -> [String: Any] {
        try #require(value as? [String: Any])
    }

    private static func list(_ value: Any?) throws -> [[String: Any]] {
        try #require(value as? [[String: Any]])
    }

    private static func question(_ id: String, in document: [String: Any]) throws -> [String: Any] {
        try #require(try list(document["questions"]).first { $0["id"] as? String == id })
    }

    private static func expectedQuestion(_ id: String, _ oracle: OracleCase) throws -> OracleQuestion {
        try #require(oracle.questions.first { $0.id == id })
    }

    @Test func jsonFiguresMatchTheOracle() throws {
        let oracle = try StatsFixture.oracleCase("canonical")
        let run = try SurveyBinary.stats(["--format", "json", "--by", "org_type", "--keep-small-categories"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        // The canonical file has invalid values on purpose; stats says so on stderr and goes on.
        #expect(run.stderr.contains("survey import"), "stderr: \(run.stderr)")
        let document = try Self.object(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)))
        #expect(document["responses"] as? Int == 40)
        #expect(document["grouped_by"] as? String == "org_type")

        let orgType = try Self.question("org_type", in: document)
        let base = try Self.object(orgType["base"])
        let expectedBase = try Self.expectedQuestion("org_type", oracle).base
        #expect(base["answered"] as? Int == expectedBase.answered)
        #expect(base["blank"] as? Int == expectedBase.blank)
        #expect(base["invalid"] as? Int == expectedBase.invalid)
        let rows = try Self.list(try Self.object(orgType["frequencies"])["rows"])
        let expectedRows = try #require(try Self.expectedQuestion("org_type", oracle).frequencies?.rows)
        #expect(rows.map { $0["code"] as? String } == expectedRows.map(\.code))
        for (row, expected) in zip(rows, expectedRows) {
            #expect(row["count"] as? Int == expected.count)
            #expect(Self.close(Self.number(row["valid_percent"]), expected.validPercent), "\(expected.code) valid_percent")
            #expect(Self.close(Self.number(row["valid_percent_low"]), expected.validPercentLow), "\(expected.code) valid_percent_low")
        }

        let usefulness = try Self.object(try Self.question("usefulness", in: document)["descriptives"])
        let expectedUsefulness = try #require(try Self.expectedQuestion("usefulness", oracle).descriptives)
        #expect(Self.close(Self.number(usefulness["mean"]), expectedUsefulness.mean))
        #expect(Self.close(Self.number(usefulness["standard_deviation"]), expectedUsefulness.standardDeviation))
        #expect(Self.close(Self.number(usefulness["q1"]), expectedUsefulness.q1))
        #expect(Self.close(Self.number(usefulness["top_two_box"]), expectedUsefulness.topTwoBox))

        let sessions = try Self.object(try Self.question("sessions", in: document)["multiple_response"])
        let expectedSessions = try #require(try Self.expectedQuestion("sessions", oracle).multipleResponse)
        #expect(Self.close(Self.number(sessions["mean_choices"]), expectedSessions.meanChoices))
        let groups = try Self.list(sessions["rows"]).first { $0["code"] as? String == "groups" }
        #expect(Self.close(Self.number(groups?["percent_of_respondents"]), expectedSessions.rows[1].percentOfRespondents))

        let tabs = try Self.list(document["cross_tabs"])
        let tab = try #require(tabs.first { $0["row_question"] as? String == "first_time" })
        let expectedTab = try #require(oracle.crossTabResults.first { $0.rowQuestion == "first_time" })
        #expect((tab["counts"] as? [[Any]])?.map { $0.compactMap { Self.number($0).map(Int.init) } } == expectedTab.counts)
        let test = try Self.object(tab["test"])
        let expectedTest = try #require(expectedTab.test)
        #expect(Self.close(Self.number(test["chi_square"]), expectedTest.chiSquare))
        #expect(Self.close(Self.number(test["p_value"]), expectedTest.pValue, tolerance: FigureCheck.pValueTolerance))
        #expect(Self.close(Self.number(test["cramers_v"]), expectedTest.cramersV))
        #expect(Self.close(Self.number(test["fisher_p_value"]), expectedTest.fisherPValue, tolerance: FigureCheck.pValueTolerance))

        let ngo = try #require(try Self.list(document["groups"]).first { $0["code"] as? String == "ngo" })
        let expectedNGO = try #require(oracle.groups.first { $0.code == "ngo" })
        #expect(ngo["responses"] as? Int == expectedNGO.responses)
    }

    /// `group,section,question_id,row,column,statistic` → value, from `--format csv`.
    private static func csvFigures(_ text: String) throws -> [String: Double] {
        var lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "group,section,question_id,row,column,statistic,value")
        lines.removeFirst()
        var figures: [String: Double] = [:]
        for line in lines {
            // Keyword rows may be quoted; the figures checked here are not.
            guard !line.contains("\"") else { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 7, "line `\(line)`")
            guard let value = Double(fields[6]) else {
                Issue.record("not a number in `\(line)`")
                continue
            }
            figures[fields[0..<6].joined(separator: ",")] = value
        }
        return figures
    }

    @Test func csvFiguresMatchTheOracle() throws {
        let oracle = try StatsFixture.oracleCase("canonical")
        let run = try SurveyBinary.stats(["--format", "csv", "--by", "org_type", "--keep-small-categories"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let figures = try Self.csvFigures(run.stdout)

        let usefulness = try Self.expectedQuestion("usefulness", oracle)
        #expect(figures["all,base,usefulness,,,invalid"] == Double(usefulness.base.invalid))
        for row in try #require(usefulness.frequencies?.rows) {
            #expect(figures["all,frequency,usefulness,\(row.code),,count"] == Double(row.count))
            #expect(Self.close(figures["all,frequency,usefulness,\(row.code),,percent"], row.percent))
            #expect(Self.close(figures["all,frequency,usefulness,\(row.code),,cumulative_valid_percent"], row.cumulativeValidPercent))
            #expect(Self.close(figures["all,frequency,usefulness,\(row.code),,ci95_high"], row.validPercentHigh))
        }
        let age = try #require(try Self.expectedQuestion("age", oracle).descriptives)
        #expect(Self.close(figures["all,descriptives,age,,,median"], age.median))
        #expect(Self.close(figures["all,descriptives,age,,,sd"], age.standardDeviation))

        let tab = try #require(oracle.crossTabResults.first { $0.rowQuestion == "org_type" })
        #expect(Self.close(figures["all,crosstab,org_type:attend_again,gov,yes,column_percent"], tab.columnPercents[0][0]))
        // The empty academia row has no row percentages, so none are written.
        #expect(figures["all,crosstab,org_type:attend_again,academia,yes,row_percent"] == nil)
        #expect(figures["all,crosstab,org_type:attend_again,academia,yes,count"] == 0)
        #expect(Self.close(figures["all,test,org_type:attend_again,,,p"], tab.test?.pValue, tolerance: FigureCheck.pValueTolerance))
        #expect(Self.close(figures["all,test,org_type:attend_again,,,expected_below_5_percent"], tab.test?.expectedBelowFivePercent))

        let ngo = try #require(oracle.groups.first { $0.code == "ngo" })
        let ngoAge = try #require(ngo.questions.first { $0.id == "age" }?.descriptives)
        #expect(Self.close(figures["org_type=ngo,descriptives,age,,,mean"], ngoAge.mean))
    }

    @Test func whereRestrictsTheRows() throws {
        let oracle = try StatsFixture.oracleCase("where org_type == ngo")
        let run = try SurveyBinary.stats(["--format", "json", "--where", "org_type == ngo", "--keep-small-categories"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let document = try Self.object(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)))
        #expect(document["responses"] as? Int == oracle.responses)
        #expect(document["filter"] as? String == "org_type == ngo")
    }

    struct UsageMistake: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        /// Text stderr must contain: the bad value, and where it went wrong.
        let mentions: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let usageMistakes: [UsageMistake] = [
        UsageMistake(arguments: ["--crosstab", "org_type:nope"], mentions: ["nope", "attend_again"]),
        UsageMistake(arguments: ["--crosstab", "org_type"], mentions: ["org_type", "ROW:COL"]),
        UsageMistake(arguments: ["--crosstab", "org_type:age"], mentions: ["age", "number"]),
        // A question crossed with itself agrees with itself: refused, not called "significant".
        UsageMistake(arguments: ["--crosstab", "usefulness:usefulness"], mentions: ["usefulness", "two different questions", "against itself"]),
        UsageMistake(arguments: ["--by", "improve"], mentions: ["improve", "text"]),
        UsageMistake(arguments: ["--where", "org_type == nqo"], mentions: ["nqo", "at character 13"]),
        UsageMistake(arguments: ["--where", "org_type = ngo"], mentions: ["org_type = ngo", "at character 10"]),
        UsageMistake(arguments: ["--where", "nosuch == 1"], mentions: ["nosuch", "at character 1"]),
        UsageMistake(arguments: ["--where", "usefulness >= "], mentions: ["at character 15"]),
    ]

    @Test(arguments: usageMistakes)
    func usageMistakesExitTwo(_ mistake: UsageMistake) throws {
        let run = try SurveyBinary.stats(mistake.arguments)
        #expect(run.status == 2, "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
        for text in mistake.mentions {
            #expect(run.stderr.contains(text), "stderr lacks `\(text)`: \(run.stderr)")
        }
    }
}
