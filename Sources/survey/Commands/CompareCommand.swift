import ArgumentParser
import Foundation
import SurveyImport
import SurveyModel
import SurveyReport
import SurveyStatistics

/// `survey compare QUESTIONNAIRE --event NAME=FILE…`: the feedback of several events side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the feedback of several events that used the same questionnaire.",
        discussion: """
        Each event's responses are read as `survey stats` reads them (problems and rejected rows \
        are counted per event). Writes comparison.md and trends.csv (and comparison.html, \
        comparison.xlsx) into --out, all at once and only into a new or empty folder or one \
        survey wrote. Events are compared in date order when every event has a date, otherwise \
        in the order given. See docs/compare.md.
        """
    )

    @Argument(help: "The questionnaire definition (YAML) all events used.")
    var questionnaire: String

    @Option(name: .customLong("event"), help: ArgumentHelp("An event and its responses file: \"NAME\"=FILE (repeatable, at least 2 events).", valueName: "name=file"))
    var events: [String] = []

    @Option(name: .customLong("events"), help: ArgumentHelp("A YAML file listing the events: name, date, participants, responses (docs/compare.md).", valueName: "file"))
    var eventsFile: String?

    @Option(help: ArgumentHelp("Output folder (default reports/NAME-comparison/): new, empty, or an earlier comparison.", valueName: "folder"))
    var out: String?

    @Option(help: ArgumentHelp("Formats to write, comma-separated: md, csv, html, xlsx.", valueName: "list"))
    var format = "md,csv,html,xlsx"

    @Option(help: "Language of the comparison: en or ru.")
    var lang: String?

    @Option(help: "Title (default: Comparison of events).")
    var title: String?

    @Flag(help: "Excel-ready trends.csv: a byte order mark; in Russian also ';' between fields and a decimal comma.")
    var excel = false

    @Flag(help: "Write today's date into the comparison (off by default to keep files byte-stable).")
    var stamp = false

    @Option(name: .customLong("codes"), help: ArgumentHelp("`none` ignores the hand codes (NAME.codes.csv beside each event's responses), which otherwise override the theme rules.", valueName: "none"))
    var codes: String?

    @OptionGroup var input: InputOptions

    func validate() throws {
        _ = try formats()
        if let lang, ReportLanguage(code: lang) == nil {
            throw ValidationError("--lang must be en or ru, not \"\(lang)\"")
        }
        if let codes, codes != "none" {
            throw ValidationError("--codes takes only `none` here (each event's NAME.codes.csv is read beside its responses), not \"\(codes)\"")
        }
        if !events.isEmpty, eventsFile != nil {
            throw ValidationError("give the events either with --event or with --events FILE, not both")
        }
    }

    private func formats() throws -> Set<ComparisonReport.Format> {
        var result: Set<ComparisonReport.Format> = []
        for name in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard let value = ComparisonReport.Format(rawValue: name == "markdown" ? "md" : name) else {
                throw ValidationError("--format takes md, csv, html and xlsx (comma-separated), not \"\(name)\"")
            }
            result.insert(value)
        }
        guard !result.isEmpty else { throw ValidationError("--format needs at least one of md, csv, html, xlsx") }
        return result
    }

    func run() throws {
        do {
            let definition = try QuestionnaireLoader.load(path: questionnaire)
            let entries = try eventEntries()
            let name = URL(fileURLWithPath: questionnaire).deletingPathExtension().lastPathComponent
            let folder = out ?? "reports/\(name)-comparison"
            let files = entries.flatMap(\.responses)
            let companions = files.flatMap { path in ["problems", "rejects", "verification", "codes"].map { ResponseFile.companion(of: path, suffix: $0) } }
            let inputs = [questionnaire] + (eventsFile.map { [$0] } ?? []) + files + companions
            // Refused before any responses are read: a wrong --out costs no time.
            try ReportFolder.check(folder, inputs: inputs, fallbackName: name + "-comparison")
            var options = StatisticsOptions()
            options.keywordQuestions = definition.report.keywords.isEmpty ? nil : definition.report.keywords
            // Every keyword of every event, so a word among one event's top ones has its count in the others.
            options.top = Int.max
            options.otherQuotes = QuotePolicy.none
            var compared: [EventComparer.Input] = []
            for entry in entries {
                // Hand codes beside each event's responses (`R.codes.csv`), as `survey stats` finds them.
                options.themeCodes = nil
                if codes != "none" {
                    options.themeCodes = try ThemeCodes.discover(forResponses: entry.responses)
                    try options.themeCodes?.check(against: definition)
                }
                let results = try AnalysisOptions.read(definition, files: entry.responses, input: input, options: options, label: "event \"\(entry.name)\": ")
                compared.append(EventComparer.Input(name: entry.name, date: entry.date, participants: entry.participants,
                                                    files: entry.responses, results: results))
            }
            let comparison = EventComparer.compare(compared, questionnaire: definition)
            let language = lang.flatMap(ReportLanguage.init(code:)) ?? ReportLanguage(code: definition.language) ?? .english
            let reportOptions = ReportOptions(language: language, title: title, stamp: stamp ? Self.today() : nil, eventID: name)
            let report = ComparisonReport(comparison: comparison, questionnaire: definition, options: reportOptions)
            let written = report.files(formats: try formats(), excel: excel)
            let pictures = try report.pictures(formats: try formats())
            let notes = try ReportFolder.write(written, pictures: pictures, to: folder, inputs: inputs, fallbackName: name + "-comparison")
            for note in notes { Terminal.error(note) }
            let counts = comparison.events.map { "\($0.name): \($0.responses)" }.joined(separator: ", ")
            // One line: a line break in an event's name is shown as `\u{A}`, not started anew.
            Terminal.error(VisibleText.line("Wrote \(written.count + pictures.count) files to \(folder)/ (\(comparison.events.count) events; responses \(counts))."))
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            throw SurveyFailure.report(error)
        }
    }

    /// The events from --event or --events, checked (two or more, names unique, files present)
    /// and in comparison order: by date when every event has one, otherwise as given.
    private func eventEntries() throws -> [EventList.Entry] {
        var entries: [EventList.Entry]
        if let eventsFile {
            entries = try EventList.load(path: eventsFile).events
        } else {
            // Split at the last `=`: a name may hold one, a file name seldom does.
            entries = try events.map { value in
                guard let equals = value.lastIndex(of: "=") else { throw StatisticsError.badEvent(value) }
                let name = value[..<equals].trimmingCharacters(in: .whitespaces)
                let file = String(value[value.index(after: equals)...])
                guard !name.isEmpty, !file.isEmpty else { throw StatisticsError.badEvent(value) }
                return EventList.Entry(name: name, date: nil, participants: nil, responses: [file],
                                       location: SourceLocation(file: "--event", line: 1, column: 1))
            }
        }
        guard entries.count >= 2 else { throw StatisticsError.tooFewEvents(entries.count) }
        var seen: Set<String> = []
        for entry in entries where !seen.insert(entry.name.lowercased()).inserted { throw StatisticsError.duplicateEvent(entry.name) }
        for entry in entries {
            for file in entry.responses where !FileManager.default.fileExists(atPath: file) {
                throw StatisticsError.missingEventFile(event: entry.name, path: file)
            }
        }
        if entries.allSatisfy({ $0.date != nil }) {
            entries = entries.enumerated().sorted { ($0.element.date!, $0.offset) < ($1.element.date!, $1.offset) }.map(\.element)
        }
        return entries
    }

    private static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
