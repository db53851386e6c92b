import Foundation
import SurveyModel

/// Hand codes of free-text answers: `NAME.codes.csv` beside the responses file `NAME.csv`,
/// written by `survey code` and read by `stats`, `report` and `export`, where they override the
/// themes the rules give.
///
/// UTF-8 CSV with the header `respondent,question,themes,coder,coded_at` (or the same with a 6th
/// column `label`). `themes` holds theme ids joined by `;` (empty: coded as "no theme"),
/// `coded_at` an ISO 8601 time with its offset. The file is an append-only journal: for each
/// (respondent, question) the last row wins. Rows with `respondent` = `#theme` name a theme a
/// coder added on the spot: `question` its question, `themes` its id, `label` its label.
///
/// Reading is strict, because a code that is silently dropped changes a count nobody can
/// check: a wrong header, a row with the wrong number of fields, a torn last line (the coder
/// stopped mid-write), a theme id that is not `[a-z0-9_]+` (`a,b` instead of `a;b`) or a time
/// that is not ISO 8601 stops the reading with the file, line and column and how to fix it.
/// Memory: one entry per coded answer.
public struct ThemeCodes: Sendable {
    /// The header `survey code` writes.
    public static let header = ["respondent", "question", "themes", "coder", "coded_at"]
    /// The header with the label column of coder-added themes.
    public static let labelledHeader = header + ["label"]
    /// The `respondent` of a row that declares a coder-added theme.
    public static let addedThemeMarker = "#theme"

    /// One coded answer: the last row for its (respondent, question).
    public struct Entry: Sendable, Hashable {
        public var respondent: String
        public var question: String
        /// Theme ids; empty when coded as "no theme".
        public var themes: [String]
        public var coder: String
        public var codedAt: String
        /// The row's line in the file, from 1.
        public var line: Int
        /// The codes file it was read from.
        public var file: String
    }

    /// The file as named.
    public let path: String
    /// Per question, per respondent: the last row coding that answer.
    public private(set) var entries: [String: [String: Entry]] = [:]
    /// Per question: themes coders added, with their labels, in order of first appearance.
    public private(set) var addedThemes: [String: [(id: String, label: String)]] = [:]
    /// Where each added theme was declared (question → id → line), for messages.
    private var addedThemeLines: [String: [String: Int]] = [:]

    /// No codes at all (`--codes none`, or no file).
    public init(path: String = "") {
        self.path = path
    }

    /// The codes file that goes with a responses file: `responses/x.codes.csv` for `responses/x.csv`.
    public static func defaultURL(forResponses responses: URL) -> URL {
        URL(fileURLWithPath: defaultPath(forResponses: responses.relativePath))
    }

    /// `defaultURL` for a path as the user wrote it, kept relative for messages.
    public static func defaultPath(forResponses responses: String) -> String {
        let name = (responses as NSString).lastPathComponent
        let base = name.hasSuffix(".csv") || name.hasSuffix(".CSV") || name.hasSuffix(".xlsx") ? (name as NSString).deletingPathExtension : name
        let folder = ParentFolder.of(responses)
        return folder.isEmpty ? base + ".codes.csv" : folder + "/" + base + ".codes.csv"
    }

    /// The hand codes of one answer; nil when it is not hand coded.
    public func themes(respondent: String, question: String) -> [String]? {
        entries[question]?[respondent]?.themes
    }

    /// The entry of one answer, with its coder, time and line; nil when not hand coded.
    public func entry(respondent: String, question: String) -> Entry? {
        entries[question]?[respondent]
    }

    /// Answers coded by hand, over all questions.
    public var codedAnswers: Int { entries.values.reduce(0) { $0 + $1.count } }

    /// Reads and checks a codes file.
    public static func read(from url: URL) throws(ImportError) -> ThemeCodes {
        let path = url.relativePath
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedFailureReason ?? "no such file or not readable")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw .codesFile(path: path, line: 1, column: nil, problem: "the codes file is not UTF-8 text; save it as UTF-8 (survey code writes it so)")
        }
        var codes = ThemeCodes(path: path)
        try codes.parse(bytes)
        return codes
    }

    private mutating func parse(_ bytes: [UInt8]) throws(ImportError) {
        let parser = CSVParser(delimiter: UInt8(ascii: ","))
        var header: [String]?
        var line = 1
        var recordLine = 1
        var start = 0
        let endsWithNewline = bytes.last == 0x0A || bytes.last == 0x0D
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            if end < bytes.count { end += 1 }
            if !parser.inRecord { recordLine = line }
            let records: [[String]]
            do {
                records = try bytes[start..<end].withUnsafeBytes { raw throws(CSVParser.Failure) in try parser.feed(raw).map(\.strings) }
            } catch {
                throw .codesFile(path: path, line: line, column: nil, problem: "the quoting of this line is broken (a `\"` inside an unquoted field, or text after a closing quote); fix the line or delete it")
            }
            for record in records { try take(record, line: recordLine, header: &header) }
            line += 1
            start = end
        }
        let last: [[String]]
        do {
            last = try parser.finish().map(\.strings)
        } catch {
            throw .codesFile(path: path, line: recordLine, column: nil, problem: "the file ends inside a quoted field: the last row was cut off (was `survey code` interrupted while saving?); delete the incomplete row and code that answer again")
        }
        for record in last {
            if !endsWithNewline, let header, record.count < header.count {
                throw .codesFile(path: path, line: recordLine, column: nil, problem: "the last line is cut short (\(record.count) of \(header.count) fields, and no line end): was `survey code` interrupted while saving? Delete the incomplete line and code that answer again")
            }
            try take(record, line: recordLine, header: &header)
        }
        if header == nil {
            throw .codesFile(path: path, line: 1, column: nil, problem: "the codes file is empty; it needs the header `\(Self.header.joined(separator: ","))`")
        }
    }

    private mutating func take(_ record: [String], line: Int, header: inout [String]?) throws(ImportError) {
        guard let expected = header else {
            guard record == Self.header || record == Self.labelledHeader else {
                throw .codesFile(path: path, line: line, column: nil, problem: "this is not a codes file: its header is `\(record.joined(separator: ","))`, expected `\(Self.header.joined(separator: ","))` (or with a 6th column `label`); name the right file with --codes FILE, or --codes none to ignore it")
            }
            header = record
            return
        }
        // A blank line between rows is nothing to read (an editor may leave one at the end).
        if record.count == 1 && record[0].isEmpty { return }
        guard record.count == expected.count else {
            throw .codesFile(path: path, line: line, column: nil, problem: "this row has \(record.count) field\(record.count == 1 ? "" : "s"), the header \(expected.count) (\(expected.joined(separator: ","))); a field with a comma must be in double quotes")
        }
        let respondent = record[0], question = record[1], themesField = record[2], coder = record[3], codedAt = record[4]
        guard !respondent.isEmpty else {
            throw .codesFile(path: path, line: line, column: 1, problem: "the respondent is empty; write the respondent id as in the responses file's `respondent` column")
        }
        guard QuestionnaireLoaderID.isValid(question) else {
            throw .codesFile(path: path, line: line, column: 2, problem: "`\(VisibleText.message(question))` is not a question id")
        }
        guard ISO8601Time.isValid(codedAt) else {
            throw .codesFile(path: path, line: line, column: 5, problem: "coded_at `\(VisibleText.message(codedAt))` is not an ISO 8601 time with its offset, such as 2026-11-30T03:15:00+06:00")
        }
        let themes = try themeIDs(themesField, line: line)
        if respondent == Self.addedThemeMarker {
            guard expected.count == 6 else {
                throw .codesFile(path: path, line: line, column: 1, problem: "a `#theme` row declares a new theme with its label, but the header has no `label` column; make the header `\(Self.labelledHeader.joined(separator: ","))`")
            }
            guard themes.count == 1 else {
                throw .codesFile(path: path, line: line, column: 3, problem: "a `#theme` row declares one theme id in `themes`, not \(themes.count)")
            }
            let label = record[5].trimmingCharacters(in: .whitespaces)
            guard !label.isEmpty else {
                throw .codesFile(path: path, line: line, column: 6, problem: "theme `\(themes[0])` has an empty label; write what reports should call it")
            }
            var list = addedThemes[question, default: []]
            if let index = list.firstIndex(where: { $0.id == themes[0] }) { list[index].label = label } else { list.append((themes[0], label)) }
            addedThemes[question] = list
            addedThemeLines[question, default: [:]][themes[0]] = line
            return
        }
        entries[question, default: [:]][respondent] = Entry(respondent: respondent, question: question, themes: themes, coder: coder, codedAt: codedAt, line: line, file: path)
    }

    private func themeIDs(_ field: String, line: Int) throws(ImportError) -> [String] {
        guard !field.isEmpty else { return [] }
        var ids: [String] = []
        for part in field.split(separator: ";", omittingEmptySubsequences: false) {
            let id = String(part)
            guard Theme.isValidID(id) else {
                let hint = id.contains(",") ? "theme ids are joined by `;`, not `,` (write `\(id.replacingOccurrences(of: ",", with: ";"))`)"
                    : id.isEmpty ? "an empty id between `;`s; write ids joined by single `;`"
                    : "theme ids use only a-z, 0-9 and _"
                throw .codesFile(path: path, line: line, column: 3, problem: "theme `\(VisibleText.message(id))` in `\(VisibleText.message(field))`: \(hint)")
            }
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// Checks the codes against the questionnaire: every question is a text question; every
    /// theme id is declared for it or added by a coder (`#theme`) — an id with neither is kept
    /// as a coder-added theme labelled by its id.
    public func check(against questionnaire: Questionnaire) throws(ImportError) {
        let questions = Set(entries.keys).union(addedThemes.keys)
        for question in questions.sorted() {
            let line = entries[question]?.values.map(\.line).min() ?? addedThemeLines[question]?.values.min() ?? 1
            guard let found = questionnaire.question(question) else {
                throw .codesFile(path: path, line: line, column: 2, problem: "question `\(question)` is not in the questionnaire; is this the codes file of another questionnaire? Name the right one with --codes FILE, or --codes none")
            }
            guard found.kind == .text else {
                throw .codesFile(path: path, line: line, column: 2, problem: "question `\(question)` is \(found.kind.keyword); only text questions are coded with themes")
            }
            let declared = Set(questionnaire.themes(for: question).map(\.id))
            for (id, _) in addedThemes[question] ?? [] where declared.contains(id) {
                throw .codesFile(path: path, line: addedThemeLines[question]?[id] ?? line, column: 3, problem: "theme `\(id)` is already declared in the definition for `\(question)`; a `#theme` row adds a new theme only")
            }
        }
    }

    /// The themes of question `question` that coders added, with their labels: those declared by
    /// `#theme` rows, then ids used in codes without one (labelled by the id), in order of appearance.
    public func addedThemes(for question: String, declared: [String]) -> [(id: String, label: String)] {
        var result = (addedThemes[question] ?? []).filter { !declared.contains($0.id) }
        var known = Set(declared).union(result.map(\.id))
        for entry in (entries[question] ?? [:]).values.sorted(by: { $0.line < $1.line }) {
            for id in entry.themes where !known.contains(id) {
                known.insert(id)
                result.append((id, id))
            }
        }
        return result
    }
}

/// Question ids as the definition allows them (`[a-z][a-z0-9_]*`).
enum QuestionnaireLoaderID {
    static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

/// `coded_at`: `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or `±HH:MM`.
enum ISO8601Time {
    static func isValid(_ text: String) -> Bool {
        let s = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= s.count, range.allSatisfy({ (0x30...0x39).contains(s[$0]) }) else { return nil }
            return range.reduce(0) { $0 * 10 + Int(s[$1] - 0x30) }
        }
        func at(_ i: Int, _ c: Character) -> Bool { i < s.count && s[i] == c.asciiValue! }
        guard digits(0..<4) != nil, at(4, "-"), let month = digits(5..<7), (1...12).contains(month), at(7, "-"),
              let day = digits(8..<10), (1...31).contains(day), at(10, "T") || at(10, " "),
              let hour = digits(11..<13), hour < 24, at(13, ":"), let minute = digits(14..<16), minute < 60 else { return false }
        var i = 16
        if at(i, ":") {
            guard let second = digits(i + 1..<i + 3), second <= 60 else { return false }
            i += 3
            if at(i, ".") || at(i, ",") {
                i += 1
                let fractionStart = i
                while i < s.count, (0x30...0x39).contains(s[i]) { i += 1 }
                guard i > fractionStart else { return false }
            }
        }
        if at(i, "Z") { return i + 1 == s.count }
        guard at(i, "+") || at(i, "-"), let offsetHour = digits(i + 1..<i + 3), offsetHour <= 14, at(i + 3, ":"),
              let offsetMinute = digits(i + 4..<i + 6), offsetMinute < 60 else { return false }
        return i + 6 == s.count
    }
}

extension ThemeCodes {
    /// The codes files that go with `responses` (`x.codes.csv` beside each `x.csv`) that exist,
    /// read and combined in file order; nil when none exists.
    public static func discover(forResponses responses: [String]) throws(ImportError) -> ThemeCodes? {
        var combined: ThemeCodes?
        for path in responses {
            let codesPath = defaultPath(forResponses: path)
            guard FileManager.default.fileExists(atPath: codesPath) else { continue }
            let codes = try read(from: URL(fileURLWithPath: codesPath))
            if combined == nil { combined = codes } else { combined!.add(codes) }
        }
        return combined
    }

    /// Takes another file's codes: its rows come after this file's, so they win.
    public mutating func add(_ other: ThemeCodes) {
        for (question, byRespondent) in other.entries {
            entries[question, default: [:]].merge(byRespondent) { _, theirs in theirs }
        }
        for (question, list) in other.addedThemes {
            var mine = addedThemes[question, default: []]
            for (id, label) in list {
                if let index = mine.firstIndex(where: { $0.id == id }) { mine[index].label = label } else { mine.append((id, label)) }
            }
            addedThemes[question] = mine
        }
    }
}
