import Foundation
import SurveyImport

/// The hand codes file (`NAME.codes.csv` beside `NAME.csv`) as `survey code` writes it: an
/// append-only journal where, for each (respondent, question), the last row wins.
///
/// Rows are appended one at a time through `CSVJournal`: under the exclusive lock on the codes
/// file (`ResponseFileLock`), one `write()` then `fsync`, so a crash loses at most the answer
/// being coded and leaves at most a torn last line, moved to `NAME.codes.recovered.csv` on the
/// next start. A file with another header is never written to: it is refused before anything
/// is locked, created or appended. Texts are written as typed (no formula quote): other tools
/// match respondent ids and theme ids in this file byte for byte. Memory: one entry per
/// (respondent, question, coder) coded.
public final class CodesJournal {
    /// The columns of a codes file without coder-added themes.
    public static let header = ["respondent", "question", "themes", "coder", "coded_at"]
    /// The columns `survey code` writes: a last column `label` for the `#theme` rows.
    public static let headerWithLabels = header + ["label"]
    /// The `respondent` of a row that declares a theme a coder added, with its label.
    public static let themeRow = "#theme"

    /// One row of codes.
    public struct Code: Sendable, Hashable {
        /// The respondent id, as in the responses file.
        public var respondent: String
        /// The question id.
        public var question: String
        /// Theme ids given; empty = coded as "no theme".
        public var themes: [String]
        /// Who coded.
        public var coder: String
        /// When, ISO 8601 with offset.
        public var codedAt: String
        /// Its physical line in the file.
        public var line: Int
    }

    /// A theme a coder added on the spot.
    public struct AddedTheme: Sendable, Hashable {
        /// Its id.
        public var id: String
        /// Its label as typed.
        public var label: String
        /// Who added it.
        public var coder: String
    }

    /// The file.
    public let path: String
    /// Its columns: `headerWithLabels` for files this tool creates, `header` for older ones.
    public let columns: [String]
    private let journal: CSVJournal
    private var latest: [Key: Code] = [:]
    private var latestByCoder: [CoderKey: Code] = [:]
    private var added: [String: [AddedTheme]] = [:]
    private var coders: [String] = []

    private struct Key: Hashable {
        var respondent: String
        var question: String
    }

    private struct CoderKey: Hashable {
        var key: Key
        var coder: String
    }

    /// Opens (or creates) the codes file, moving a torn last line to `NAME.recovered.csv`.
    /// Refuses, untouched, a file that exists with another header or is not a regular file.
    public init(path: String, notify: @escaping (String) -> Void = { _ in }) throws(EntryError) {
        self.path = path
        columns = try CodesJournal.existingColumns(of: path) ?? CodesJournal.headerWithLabels
        let lock = ResponseFileLock(path: path, header: columns, notify: notify)
        journal = CSVJournal(path: path, header: columns, recoveredPath: ResponseFile.companion(of: path, suffix: "recovered"), lock: lock)
        journal.onRecord = { [unowned self] record in self.take(record.fields, line: record.line) }
        journal.onReset = { [unowned self] in
            self.latest.removeAll()
            self.latestByCoder.removeAll()
            self.added.removeAll()
            self.coders.removeAll()
        }
        try journal.synchronize()
    }

    /// Opens an existing codes file (for `--agreement`); nil when there is none.
    public static func existing(path: String) throws(EntryError) -> CodesJournal? {
        do throws(ImportError) {
            try RegularFile.check(path)
        } catch {
            throw EntryError(error)
        }
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try CodesJournal(path: path)
    }

    /// Refuses, without touching it, a file at `path` that is not a codes file (another header,
    /// not a regular file); a missing or empty file passes.
    public static func check(path: String) throws(EntryError) {
        _ = try existingColumns(of: path)
    }

    /// Torn lines moved away when the file was opened.
    public var recoveries: [TornLine] { journal.recoveries }

    /// Whether coder-added themes can be saved: the file has the `label` column.
    public var acceptsLabels: Bool { columns.count == CodesJournal.headerWithLabels.count }

    /// The codes that count for this answer: the last row of any coder.
    public func code(respondent: String, question: String) -> Code? {
        latest[Key(respondent: respondent, question: question)]
    }

    /// This coder's last codes for this answer.
    public func code(respondent: String, question: String, coder: String) -> Code? {
        latestByCoder[CoderKey(key: Key(respondent: respondent, question: question), coder: coder)]
    }

    /// Every answer's codes that count (last row wins), for one question, in no set order.
    public func codes(question: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for (key, code) in latest where key.question == question { result[key.respondent] = code.themes }
        return result
    }

    /// One coder's last codes for one question, by respondent.
    public func codes(question: String, coder: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for (key, code) in latestByCoder where key.key.question == question && key.coder == coder { result[key.key.respondent] = code.themes }
        return result
    }

    /// Coders who coded answers to this question, in order of their first row.
    public func coders(question: String) -> [String] {
        coders.filter { coder in latestByCoder.keys.contains { $0.coder == coder && $0.key.question == question } }
    }

    /// Themes coders added for this question, in file order (an id added twice keeps its last label).
    public func addedThemes(question: String) -> [AddedTheme] { added[question] ?? [] }

    /// Appends one answer's codes and syncs them to disk; returns the row's line.
    @discardableResult
    public func save(respondent: String, question: String, themes: [String], coder: String, at date: Date = Date()) throws(EntryError) -> Int {
        let fields = [respondent, question, themes.joined(separator: ";"), coder, CodesJournal.timestamp(date)]
        return try journal.append([fields + (acceptsLabels ? [""] : [])]) ?? 0
    }

    /// Appends the `#theme` row declaring a theme added on the spot, with its label.
    public func addTheme(id: String, label: String, question: String, coder: String, at date: Date = Date()) throws(EntryError) {
        guard acceptsLabels else {
            throw .writeFailed(path: path, reason: "this codes file has no `label` column (header \(columns.joined(separator: ","))), so a new theme's label cannot be kept; add themes in the definition, or code into a new file with --codes")
        }
        try journal.append([[CodesJournal.themeRow, question, id, coder, CodesJournal.timestamp(date), label]])
    }

    /// `2026-11-30T03:12:45+06:00`: local time with its offset.
    public static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ssxxx"
        return formatter.string(from: date)
    }

    // MARK: Reading

    private func take(_ fields: [String], line: Int) {
        guard fields.count >= CodesJournal.header.count else { return }
        if fields[0] == CodesJournal.themeRow {
            let theme = AddedTheme(id: fields[2], label: fields.count > 5 ? fields[5] : fields[2], coder: fields[3])
            var list = added[fields[1]] ?? []
            if let at = list.firstIndex(where: { $0.id == theme.id }) { list[at] = theme } else { list.append(theme) }
            added[fields[1]] = list
            return
        }
        let themes = fields[2].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let code = Code(respondent: fields[0], question: fields[1], themes: themes, coder: fields[3], codedAt: fields[4], line: line)
        let key = Key(respondent: code.respondent, question: code.question)
        latest[key] = code
        latestByCoder[CoderKey(key: key, coder: code.coder)] = code
        if !coders.contains(code.coder) { coders.append(code.coder) }
    }

    /// The header of an existing, non-empty codes file (either accepted form); nil when the
    /// file is missing or empty. Anything else is refused before the file is touched.
    static func existingColumns(of path: String) throws(EntryError) -> [String]? {
        let opened: Int32?
        do throws(ImportError) {
            opened = try RegularFile.open(path, O_RDONLY)
        } catch {
            throw EntryError(error)
        }
        guard let descriptor = opened else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let got = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
        guard got >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard got > 0 else { return nil }
        var line = bytes[..<got].prefix { $0 != 0x0A }[...]
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        if line.last == 0x0D { line = line.dropLast() }
        let found = String(decoding: line, as: UTF8.self)
        for columns in [headerWithLabels, header] where found == columns.joined(separator: ",") { return columns }
        throw .notACodesFile(path: path, found: String(found.prefix(200)))
    }
}
