import Foundation

/// One coder's sitting of `survey code`: the answers to one text question, one at a time,
/// with the themes the rules suggest; the coder accepts, toggles or adds themes with single
/// keys, and each accepted answer is appended to the codes file at once (`CodesJournal`).
///
/// The engine decides what is shown and what a key does; the terminal (`CodingTerminal` in
/// the `survey` executable) only reads keys and prints lines, so tests can drive it directly.
/// It starts at the first answer this coder has not coded yet, so a sitting that ended
/// (q, Ctrl-C, a crash) goes on where it stopped.
public final class CodingDesk {
    /// What the next input is.
    public enum Prompt: Sendable, Hashable {
        /// A key for the answer shown.
        case choosing
        /// The id of a theme being added.
        case newThemeID
        /// The label of the theme `id` being added.
        case newThemeLabel(id: String)
        /// The sitting is over.
        case finished
    }

    /// The question coded.
    public let question: String
    /// Who codes; written in every row.
    public let coder: String
    /// The non-blank answers, in responses-file order.
    public let answers: [CodingAnswer]
    /// The themes offered: the definition's, then those added by coders.
    public private(set) var themes: [CodingTheme]
    /// The answer shown.
    public private(set) var index = 0
    /// The themes ticked for it, in `themes` order.
    public private(set) var selection: [String] = []
    /// What the next input is.
    public private(set) var prompt: Prompt = .choosing
    /// The layout width and wrapping.
    public var screen: EntryScreen
    /// Answers saved in this sitting.
    public private(set) var saved = 0

    private let journal: CodesJournal
    private let suggest: (String) -> [String]
    private let clock: () -> Date
    private var sessionLock: CodingSessionLock?
    /// Ids a new theme may not take: the definition's themes of other questions.
    private let reservedIDs: Set<String>

    /// The most themes offered one key each (1–9, then letters other than p, q, s).
    static let keys: [Character] = Array("123456789abcdefghijklmnortuvwxyz")

    /// Opens the sitting: takes the session lock on the codes file (refused when another
    /// session holds it) and moves to the first answer this coder has not coded.
    public init(question: String, answers: [CodingAnswer], themes: [CodingTheme], suggest: @escaping (String) -> [String],
                journal: CodesJournal, coder: String, reservedIDs: Set<String> = [], width: Int = 80,
                clock: @escaping () -> Date = Date.init) throws(EntryError) {
        self.question = question
        self.reservedIDs = reservedIDs
        self.answers = answers
        self.suggest = suggest
        self.journal = journal
        self.coder = coder
        self.clock = clock
        screen = EntryScreen(width: width, language: "en")
        sessionLock = try CodingSessionLock(path: journal.path)
        var offered = themes
        for added in journal.addedThemes(question: question) where !offered.contains(where: { $0.id == added.id }) {
            offered.append(CodingTheme(id: added.id, label: added.label, addedBy: added.coder))
        }
        self.themes = offered
        index = answers.firstIndex { journal.code(respondent: $0.respondent, question: question, coder: coder) == nil } ?? answers.count
        if answers.isEmpty || index == answers.count { prompt = .finished } else { load() }
    }

    /// Ends the session's hold on the codes file (also when the desk goes away).
    public func close() {
        sessionLock?.release()
        sessionLock = nil
        prompt = .finished
    }

    /// Answers this coder has coded (in any sitting).
    public var codedByCoder: Int {
        answers.count { journal.code(respondent: $0.respondent, question: question, coder: coder) != nil }
    }

    /// The answer shown, if any.
    public var current: CodingAnswer? { answers.indices.contains(index) ? answers[index] : nil }

    /// One key each for the themes that have one.
    public var themeKeys: [Character] { Array(CodingDesk.keys.prefix(themes.count)) }

    /// Keys that act at once, without Enter, at the `choosing` prompt.
    public var singleKeys: Set<Character>? {
        guard prompt == .choosing else { return nil }
        return Set(themeKeys).union("+-spq?")
    }

    /// The prompt's text.
    public var promptText: String {
        switch prompt {
        case .choosing: "code \(index + 1)/\(answers.count)> "
        case .newThemeID: "new theme id> "
        case .newThemeLabel(let id): "label of \(id)> "
        case .finished: ""
        }
    }

    // MARK: What is shown

    /// Said once at the start.
    public func opening() -> [EntryLine] {
        var lines = journal.recoveries.map {
            EntryLine("\($0.file):\($0.line): a line torn by an interrupted save was moved to \($0.movedTo): \($0.raw)", .warning)
        }
        let done = codedByCoder
        lines.append(EntryLine("Coding \(question): \(answers.count) answers; \(done) coded by \(coder) in \(journal.path).", .plain))
        if answers.isEmpty {
            lines.append(EntryLine("Nothing to code: no respondent answered \(question).", .warning))
        } else if prompt == .finished {
            lines.append(EntryLine("Every answer to \(question) is coded by \(coder): nothing left to code.", .success))
        } else if done > 0 {
            lines.append(EntryLine("Going on from answer \(index + 1), the first not coded by \(coder).", .hint))
        }
        return lines
    }

    /// The answer shown, with its suggestions, hand codes and the themes to tick.
    public func lines() -> [EntryLine] {
        guard let answer = current else { return [] }
        var lines = screen.heading(["── \(question)", "answer \(index + 1)/\(answers.count)", "respondent \(answer.respondent)"])
        for paragraph in answer.text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += screen.wrap(String(paragraph), indent: "  ", hanging: "  ").map { EntryLine($0) }
        }
        let suggested = suggest(answer.text)
        lines.append(EntryLine("  rules suggest: " + (suggested.isEmpty ? "no theme" : suggested.joined(separator: ", ")), .hint))
        if let code = journal.code(respondent: answer.respondent, question: question) {
            lines.append(EntryLine("  hand codes: \(code.themes.isEmpty ? "no theme" : code.themes.joined(separator: ", ")) (\(code.coder), \(code.codedAt))", .hint))
        }
        return lines + checklist()
    }

    /// The themes with their keys and ticks, and the keys.
    public func checklist() -> [EntryLine] {
        let keys = themeKeys
        let width = themes.map(\.id.count).max() ?? 0
        var lines: [EntryLine] = []
        for (offset, theme) in themes.enumerated() {
            let tick = selection.contains(theme.id) ? "[x]" : "[ ]"
            let key = offset < keys.count ? String(keys[offset]) : " "
            let id = theme.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let label = theme.label + (theme.addedBy.map { " (added by \($0))" } ?? "")
            lines += screen.wrap("  \(tick) \(key) \(id)  \(label)", indent: "", hanging: String(repeating: " ", count: 9 + width)).map { EntryLine($0) }
        }
        let range = keys.isEmpty ? "" : keys.count == 1 ? "1 toggles" : "1–\(keys.last!) toggle"
        let parts = ["  Enter accepts" + (selection.isEmpty ? " (no theme)" : ""), range, "+ new theme", "- none", "s skip", "p previous", "q quit", "? help"]
        lines += screen.wrap(parts.filter { !$0.isEmpty }, separator: " · ", hanging: "  ").map { EntryLine($0, .hint) }
        return lines
    }

    /// Said at the end.
    public func closing() -> [EntryLine] {
        let left = answers.count - codedByCoder
        var lines = [EntryLine("Saved \(saved) answer\(saved == 1 ? "" : "s") in this sitting; \(codedByCoder) of \(answers.count) coded by \(coder) in \(journal.path).", .success)]
        if left > 0 { lines.append(EntryLine("\(left) not coded yet: run the same command again to go on from the first of them.", .hint)) }
        return lines
    }

    // MARK: Keys

    /// Acts on one input: a key (or a line in a pipe), an id or a label while adding a theme.
    public func submit(_ input: String) throws(EntryError) -> [EntryLine] {
        switch prompt {
        case .finished:
            return []
        case .newThemeID:
            return newThemeID(input.trimmingCharacters(in: .whitespaces))
        case .newThemeLabel(let id):
            return try newThemeLabel(id: id, input.trimmingCharacters(in: .whitespaces))
        case .choosing:
            return try choose(input.trimmingCharacters(in: .whitespaces))
        }
    }

    /// The end of the input (Ctrl-D, or the pipe ran out): the answer shown is not saved.
    public func endOfInput() -> [EntryLine] {
        let unsaved = prompt != .finished && current != nil
        close()
        return unsaved ? [EntryLine("The input ended: answer \(index + 1) was not saved; every accepted answer is on disk.", .warning)] : []
    }

    private func choose(_ input: String) throws(EntryError) -> [EntryLine] {
        switch input {
        case "":
            return try accept()
        case "-":
            selection = []
            return checklist()
        case "+":
            prompt = .newThemeID
            return [EntryLine("  A new theme for \(question): an id (a-z, 0-9, _), then its label; Enter alone cancels.", .hint)]
        case "s":
            return move(to: index + 1, saying: "  skipped respondent \(answers[index].respondent): not saved")
        case "p":
            guard index > 0 else { return [EntryLine("  this is the first answer", .problem)] }
            return move(to: index - 1, saying: nil)
        case "q":
            close()
            return []
        case "?":
            return help()
        default:
            break
        }
        // Theme keys (`1 3`), or a theme's id.
        let pieces = input.split(separator: " ")
        let keys = themeKeys
        var toggled: [String] = []
        for piece in pieces {
            if piece.count == 1, let at = keys.firstIndex(of: piece.first!) {
                toggled.append(themes[at].id)
            } else if let theme = themes.first(where: { $0.id == piece }) {
                toggled.append(theme.id)
            } else {
                let range = keys.isEmpty ? "" : " \(keys.count == 1 ? "1" : "1–\(keys.last!)") toggles a theme,"
                return [EntryLine("  `\(input)` is not a key here:\(range) a theme's id toggles it, Enter accepts, + adds a theme, ? lists the keys", .problem)]
            }
        }
        for id in toggled { toggle(id) }
        return checklist()
    }

    private func toggle(_ id: String) {
        if selection.contains(id) {
            selection.removeAll { $0 == id }
        } else {
            selection.append(id)
            let order = themes.map(\.id)
            selection.sort { (order.firstIndex(of: $0) ?? .max) < (order.firstIndex(of: $1) ?? .max) }
        }
    }

    private func accept() throws(EntryError) -> [EntryLine] {
        let answer = answers[index]
        let line = try journal.save(respondent: answer.respondent, question: question, themes: selection, coder: coder, at: clock())
        saved += 1
        let what = selection.isEmpty ? "no theme" : selection.joined(separator: ", ")
        return move(to: index + 1, saying: "  ✓ respondent \(answer.respondent): \(what) (line \(line) of \(journal.path))", tone: .success)
    }

    private func move(to target: Int, saying note: String?, tone: EntryLine.Tone = .hint) -> [EntryLine] {
        var lines = note.map { [EntryLine($0, tone)] } ?? []
        if target >= answers.count {
            prompt = .finished
            lines.append(EntryLine("That was the last answer.", .plain))
            close()
            return lines
        }
        index = target
        load()
        return lines
    }

    /// Ticks what this coder gave the answer before, else what the rules suggest.
    private func load() {
        let answer = answers[index]
        if let code = journal.code(respondent: answer.respondent, question: question, coder: coder) {
            selection = code.themes
        } else {
            selection = suggest(answer.text)
        }
    }

    private func newThemeID(_ id: String) -> [EntryLine] {
        guard !id.isEmpty else {
            prompt = .choosing
            return [EntryLine("  no theme added", .hint)] + checklist()
        }
        guard id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) else {
            return [EntryLine("  `\(id)` cannot be a theme id: use a-z, 0-9 and _ only (e.g. more_time); Enter alone cancels", .problem)]
        }
        guard !themes.contains(where: { $0.id == id }) else {
            return [EntryLine("  \(id) is already a theme: its key toggles it; type another id, or Enter alone to cancel", .problem)]
        }
        guard !reservedIDs.contains(id) else {
            return [EntryLine("  \(id) is the id of a theme of another question in the definition: theme ids are unique there; type another id, or Enter alone to cancel", .problem)]
        }
        prompt = .newThemeLabel(id: id)
        return []
    }

    private func newThemeLabel(id: String, _ label: String) throws(EntryError) -> [EntryLine] {
        guard !label.isEmpty else {
            prompt = .choosing
            return [EntryLine("  no theme added", .hint)] + checklist()
        }
        try journal.addTheme(id: id, label: label, question: question, coder: coder, at: clock())
        themes.append(CodingTheme(id: id, label: label, addedBy: coder))
        toggle(id)
        prompt = .choosing
        return [EntryLine("  + theme \(id) added (saved in \(journal.path)) and ticked", .success)] + checklist()
    }

    private func help() -> [EntryLine] {
        [
            EntryLine("  Enter    save the ticked themes for this answer and go to the next", .hint),
            EntryLine("  1–9 a–z  tick or untick a theme (several at once in a pipe: 1 3); a theme's id works too", .hint),
            EntryLine("  -        untick all (Enter then saves \"no theme\")", .hint),
            EntryLine("  +        add a new theme: its id, then its label", .hint),
            EntryLine("  s / p    skip this answer (not saved) / go back to the previous one", .hint),
            EntryLine("  q        quit; every accepted answer is saved, the next run goes on from the first not coded", .hint),
        ]
    }
}

/// One answer to code.
public struct CodingAnswer: Sendable, Hashable {
    /// The respondent id, as in the responses file.
    public var respondent: String
    /// The answer as written.
    public var text: String

    public init(respondent: String, text: String) {
        self.respondent = respondent
        self.text = text
    }
}

/// A theme offered to the coder.
public struct CodingTheme: Sendable, Hashable {
    /// Its id, as written in the codes file.
    public var id: String
    /// Its label in the language shown.
    public var label: String
    /// The coder who added it on the spot; nil for a theme of the definition.
    public var addedBy: String?

    public init(id: String, label: String, addedBy: String? = nil) {
        self.id = id
        self.label = label
        self.addedBy = addedBy
    }
}
