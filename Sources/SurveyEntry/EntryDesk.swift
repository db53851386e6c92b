import Foundation
import SurveyImport
import SurveyModel

/// A sitting at the terminal form: respondent ids, then each form's questions, review and
/// save, one paper form after another. The terminal shows `lines()` for the current `prompt`,
/// reads a line, hands it to `submit(_:)` and prints the notes it returns.
///
/// In `.verification` mode a second operator types forms already entered; after each form's
/// review the desk walks the answers that differ from the first entry (`.resolve`), then
/// rewrites the corrected form into the responses file and logs every comparison.
public final class EntryDesk {
    /// First entry or double-entry verification.
    public enum Mode: Sendable, Hashable {
        /// Typing forms into the responses file.
        case firstEntry
        /// Typing them again and comparing.
        case verification
    }

    /// What the desk waits for.
    public enum Prompt: Sendable, Hashable {
        /// The id written on the next paper form.
        case respondent
        /// An answer to question `index`.
        case question(Int)
        /// Enter to save, or a question number.
        case review
        /// Keep, drop or continue the form being left.
        case leave
        /// 1, 2 or the paper's answer for question `index`, where the two entries differ.
        case resolve(Int)
        /// Nothing more: the sitting is over.
        case finished
    }

    /// What this sitting did.
    public struct Tally: Sendable, Hashable {
        /// Forms saved (incomplete ones included).
        public var saved = 0
        /// Of them, left before their end and kept.
        public var incomplete = 0
        /// Forms left and dropped.
        public var dropped = 0
        /// Answers marked illegible in saved forms.
        public var illegible = 0
        /// Problems of answers kept as on the paper (`!!`) in saved forms.
        public var keptAsOnPaper = 0
        /// Forms lost because the input ended in them.
        public var lost = 0
        /// Forms verified.
        public var verified = 0
        /// Answers compared.
        public var compared = 0
        /// Of them, where the entries differed.
        public var disagreed = 0
        /// Forms corrected in the responses file.
        public var corrected = 0
        /// Saved forms opened again and rewritten (edited or resumed).
        public var edited = 0
        /// Forms verified here but not written, because another operator changed them meanwhile.
        public var changedMeanwhile = 0
    }

    /// The questionnaire being typed.
    public let questionnaire: Questionnaire
    /// First entry or verification.
    public let mode: Mode
    /// Who is typing (written to the verification and problems files).
    public let operatorName: String
    /// The responses file.
    public let responses: ResponseLog
    /// `NAME.problems.csv`.
    public let problems: ProblemLog
    /// `NAME.verification.csv`, in verification mode.
    public let verification: VerificationLog?
    /// How questions and the review are laid out.
    public var screen: EntryScreen
    /// What the desk waits for.
    public private(set) var prompt: Prompt = .respondent
    /// The form being typed.
    public private(set) var session: EntrySession?
    /// The comparison being resolved (verification).
    public private(set) var check: DoubleEntry?
    /// What this sitting did.
    public private(set) var tally = Tally()
    private let parsers: [TypedAnswerParser]
    private var firstEntries: [String: Response] = [:]
    /// A finished form whose respondent id another operator took meanwhile: the next id
    /// typed renumbers it and saves it.
    private var renumbering = false
    /// The form's id is the number offered at the prompt (Enter), not one written on paper:
    /// if another process takes it before the save, the save takes the next free one.
    private var autoNumbered = false
    /// The form as saved, while it is open again (`open(_:)`): its review rewrites that row.
    private var editing: Response?
    /// `NAME.edits.csv`, in first-entry mode.
    public let edits: EditLog?

    /// `notify` hears about waiting for the responses file's lock and about interrupted
    /// changes undone when it is taken.
    public init(questionnaire: Questionnaire, responsesPath: String, operatorName: String, mode: Mode = .firstEntry, width: Int = 80,
                language: String? = nil, notify: @escaping (String) -> Void = { _ in }) throws(EntryError) {
        self.questionnaire = questionnaire
        self.mode = mode
        self.operatorName = operatorName
        let shown = language ?? questionnaire.language
        screen = EntryScreen(width: width, language: shown, fallback: questionnaire.language)
        parsers = questionnaire.questions.map { TypedAnswerParser(question: $0, language: shown, fallback: questionnaire.language, convention: questionnaire.numberConvention(for: $0)) }
        if mode == .verification, !FileManager.default.fileExists(atPath: responsesPath) {
            throw .nothingToVerify(path: responsesPath)
        }
        responses = try ResponseLog(path: responsesPath, questionnaire: questionnaire, notify: notify)
        problems = try ProblemLog(responsesPath: responsesPath, lock: responses.lock)
        edits = mode == .firstEntry ? try EditLog(responsesPath: responsesPath, lock: responses.lock) : nil
        if mode == .verification {
            verification = try VerificationLog(responsesPath: responsesPath, lock: responses.lock)
            try loadFirstEntries()
            if firstEntries.isEmpty { throw .nothingToVerify(path: responsesPath) }
        } else {
            verification = nil
        }
    }

    private func loadFirstEntries() throws(EntryError) {
        firstEntries = Dictionary(try responses.responses().map { ($0.respondent, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: What to show

    /// The lines opening the sitting: recovered lines, how many forms there are, the keys.
    public func opening() -> [EntryLine] {
        var lines: [EntryLine] = []
        for torn in responses.recoveries {
            lines.append(EntryLine("\(torn.file): line \(torn.line)\(torn.respondent.map { " (respondent \($0))" } ?? "") was cut off by an interrupted save.", .warning))
            lines.append(EntryLine("  Moved it to \(torn.movedTo); type that form again.", .warning))
        }
        for torn in problems.recoveries + (verification?.recoveries ?? []) {
            lines.append(EntryLine("\(torn.file): line \(torn.line) was cut off by an interrupted save.", .warning))
            lines.append(EntryLine("  Moved it to \(torn.movedTo).", .warning))
        }
        switch mode {
        case .firstEntry:
            let have = responses.count == 0 ? "no forms yet" : "\(EntryDesk.plural(responses.count, "form")) already entered"
            lines.append(EntryLine("\(responses.path): \(have)."))
            // Forms kept incomplete, so the operator sees them and can resume one by its number.
            let inFile = Set(responses.respondents)
            let left = ((try? problems.respondents(kind: FormProblem.Kind.incomplete.rawValue)) ?? []).filter { inFile.contains($0) }
            if !left.isEmpty, session == nil {
                let shown = left.prefix(10).joined(separator: ", ") + (left.count > 10 ? " and \(left.count - 10) more" : "")
                lines += screen.wrap("Incomplete: \(shown); type its number to resume it.", indent: "", hanging: "  ").map { EntryLine($0, .warning) }
            }
        case .verification:
            lines.append(EntryLine("\(responses.path): \(EntryDesk.plural(firstEntries.count, "form")) in the first entry, \(verification?.count ?? 0) verified."))
            lines.append(EntryLine("Type each form as it is on the paper; differences come after its review.", .hint))
        }
        lines += screen.wrap(["Keys: Enter no answer", "- clear", "! illegible", "< back", "? help", ":q leave"], separator: " · ", hanging: "  ").map { EntryLine($0, .hint) }
        lines += screen.wrap("At a question typed before, Enter keeps its answer.", indent: "", hanging: "  ").map { EntryLine($0, .hint) }
        if mode == .firstEntry {
            lines += screen.wrap("!! after a refused answer keeps it as on the paper (listed as a problem).", indent: "", hanging: "  ").map { EntryLine($0, .hint) }
        }
        return lines
    }

    /// What the screen shows for the current prompt (on a terminal; nothing in a pipe).
    public func lines() -> [EntryLine] {
        let tag = mode == .verification ? "verify · " : ""
        switch prompt {
        case .respondent, .finished:
            return []
        case .question(let index):
            guard let session else { return [] }
            return screen.question(index, of: session, tag: tag)
        case .review:
            guard let session else { return [] }
            return screen.review(of: session, tag: tag)
        case .leave:
            guard let session else { return [] }
            let options = mode == .verification
                ? "  d drop it (nothing is written) · c continue typing"
                : "  k keep \(session.answeredCount == 1 ? "its 1 answer" : "its \(session.answeredCount) answers"), saved as incomplete · d drop it · c continue typing"
            return [EntryLine("Leave respondent \(session.respondent)'s form?", .warning), EntryLine(options, .warning)]
        case .resolve(let index):
            return mismatch(index)
        }
    }

    /// The short prompt before the cursor.
    public var promptText: String {
        switch prompt {
        case .respondent: return suggestion.map { "respondent [\($0)]> " } ?? "respondent> "
        case .question(let index):
            let id = questionnaire.questions[index].id
            if let pending = session?.pendingLayout, pending.index == index {
                return pending.typedAnswer == nil ? "\(id) 1> " : "\(id) 1/2> "
            }
            guard session?.visited.contains(index) == true else { return "\(id)> " }
            return screen.width < 60 ? "\(id) [- clears]> " : "\(id) [Enter keeps, - clears]> "
        case .review: return "review> "
        case .leave: return mode == .verification ? "d/c> " : "k/d/c> "
        case .resolve: return "1/2> "
        case .finished: return ""
        }
    }

    /// The keys that answer the current question on their own (`--auto-advance`): a rating or
    /// single choice of up to 9 one-character keys, asked afresh; nil elsewhere.
    public var singleKeys: Set<Character>? {
        guard case .question(let index) = prompt, let session, session.pendingLayout == nil, !session.visited.contains(index) else { return nil }
        switch questionnaire.questions[index].kind {
        case .rating, .singleChoice: break
        default: return nil
        }
        let keys = parsers[index].keys
        guard keys.count <= 9, keys.allSatisfy({ $0.count == 1 }) else { return nil }
        // A key that starts a longer missing code (`1` of `10 Refused`) waits for the line:
        // taken at once, the `0` would become the next question's answer.
        let startsACode = Set(questionnaire.questions[index].missingCodes.compactMap { $0.code.count > 1 ? $0.code.first : nil })
        return Set(keys.compactMap(\.first)).subtracting(startsACode)
    }

    /// The id Enter stands for at the respondent prompt.
    public var suggestion: String? {
        switch mode {
        case .firstEntry: return responses.nextFreeRespondent
        case .verification: return responses.respondents.first { firstEntries[$0] != nil && verification?.knownVerifier(of: $0) == nil }
        }
    }

    private func mismatch(_ index: Int) -> [EntryLine] {
        guard let check, let session else { return [] }
        let question = questionnaire.questions[index]
        let heading = "── verify · respondent \(session.respondent) · question \(index + 1)/\(session.count) · \(question.id): the entries differ"
        var first = check.first.answers[index].hasValue ? parsers[index].display(check.first.answers[index])
            : check.firstIllegible.contains(index) ? "— illegible" : "— no answer"
        var second = check.second.answers[index].hasValue ? parsers[index].display(check.second.answers[index])
            : check.secondIllegible.contains(index) ? "— illegible" : "— no answer"
        // Characters are marked where the operators typed characters (texts, numbers, dates);
        // two choice labels are read whole.
        let typed: Bool = switch question.kind {
        case .text, .number, .date: true
        default: false
        }
        let marked = typed && check.first.answers[index].hasValue && check.second.answers[index].hasValue
            ? TextDifference(first, second) : nil
        if let marked { (first, second) = (marked.first, marked.second) }
        var lines = [EntryLine(screen.fit(heading + " " + String(repeating: "─", count: max(0, screen.width - 2 - heading.count))), .heading)]
        lines += screen.wrap(screen.localized(question.text), indent: "").map { EntryLine($0) }
        lines += screen.wrap("  1 first entry    \(first)", indent: "", hanging: String(repeating: " ", count: 19)).map { EntryLine($0) }
        lines += screen.wrap("  2 second entry   \(second)", indent: "", hanging: String(repeating: " ", count: 19)).map { EntryLine($0) }
        if marked != nil { lines.append(EntryLine("  ⟦ ⟧ mark where the two differ (␣ a space)", .hint)) }
        lines.append(EntryLine("  1, 2, or the answer on the paper (=2 for the value 2) · ! illegible", .hint))
        return lines
    }

    // MARK: Typing

    /// Handles one typed line; returns notes to show (refusals, saves).
    public func submit(_ line: String) throws(EntryError) -> [EntryLine] {
        switch prompt {
        case .finished: return []
        case .respondent: return try respondentTyped(line)
        case .question, .review: return try answerTyped(line)
        case .leave: return try leaveTyped(line)
        case .resolve: return try resolveTyped(line)
        }
    }

    /// The input ended (end of a pipe, or Ctrl-D twice): the form being typed is lost.
    /// The terminal went away (closed window, dropped SSH): a first entry is kept as an
    /// incomplete form, as `:q` then `k` would, so typing its number later resumes it; a
    /// verification, an edit of a saved form or a form waiting for a new number writes nothing.
    public func terminalClosed() throws(EntryError) -> [EntryLine] {
        guard mode == .firstEntry, editing == nil, !renumbering, let session, prompt != .respondent, prompt != .finished,
              !session.visited.isEmpty else { return endOfInput() }
        defer { prompt = .finished }
        return [EntryLine("The terminal was closed in respondent \(session.respondent)'s form.", .warning)] + (try save())
    }

    public func endOfInput() -> [EntryLine] {
        defer { prompt = .finished }
        guard prompt != .respondent || renumbering, prompt != .finished, let session else { return [] }
        // A form opened by a trailing empty line, with nothing typed, is no loss.
        if session.visited.isEmpty, check == nil, !renumbering { return [] }
        tally.lost += 1
        self.session = nil
        check = nil
        return [EntryLine("Input ended in respondent \(session.respondent)'s form; it was not saved.", .warning)]
    }

    private func respondentTyped(_ line: String) throws(EntryError) -> [EntryLine] {
        let id: String
        switch EntryCommand(line) {
        case .leave:
            if renumbering {
                prompt = .leave
                return []
            }
            prompt = .finished
            return []
        case .help:
            return [
                EntryLine("  Type the respondent id written on the paper form, then Enter.", .hint),
                EntryLine("  Enter alone takes \(suggestion ?? "the next form")" + (mode == .firstEntry ? " (one more than the highest number entered)." : " (the next form not verified yet)."), .hint),
                EntryLine("  :q ends the sitting; every saved form is already on disk.", .hint),
                EntryLine("  :e ID opens a saved form again to correct it; typing the number of an incomplete form resumes it.", .hint),
            ]
        case .back, .illegible, .clear:
            let key = line.trimmingWhitespace()
            return [EntryLine(EntryProblem.notHere(key, hint: "type the number written on the form, or :q to stop").message, .problem)]
        case .blank:
            if mode == .firstEntry {
                // The number offered, brought up to date; it is allocated for good at the save.
                id = try responses.freshNextFreeRespondent()
                break
            }
            guard let next = suggestion else {
                prompt = .finished
                return [EntryLine("Every form of the first entry is verified.", .success)]
            }
            id = next
        case .text(let text) where text.hasPrefix(":e ") || text.hasPrefix(":edit "):
            // `:e ID`: open a saved form again, as `--edit ID` does.
            let target = String(text.drop { $0 != " " }).trimmingWhitespace()
            guard mode == .firstEntry, !renumbering else {
                return [EntryLine(EntryProblem.notHere(":e", hint: renumbering ? "type the number written on this form first" : "forms are edited outside --verify").message, .problem)]
            }
            do throws(EntryError) {
                try open(target)
            } catch {
                if case .noSuchForm = error { return [EntryLine(error.errorDescription ?? "", .problem)] }
                throw error
            }
            return [EntryLine("Editing respondent \(target)'s form; its review rewrites it.", .success)]
        case .text(let text):
            id = text
        }
        guard EntryDesk.isRespondentID(id) else { return [EntryLine(EntryProblem.badRespondent(id).message, .problem)] }
        let automatic = mode == .firstEntry && EntryCommand(line) == .blank
        switch mode {
        case .firstEntry:
            if !automatic, let line = try responses.line(of: id) {
                // A form kept incomplete is resumed where it was left.
                if !renumbering, try !problems.questions(of: id, kind: FormProblem.Kind.incomplete.rawValue).isEmpty {
                    try open(id)
                    return [EntryLine("Resuming respondent \(id)'s incomplete form (line \(line) of \(responses.path)).", .success)]
                }
                return [EntryLine(EntryProblem.respondentTaken(id, line: line).message, .problem)]
            }
        case .verification:
            if firstEntries[id] == nil {
                try loadFirstEntries()
            } else {
                // Compared against the form as it is now, not as it was when the sitting began:
                // another operator may have edited it since.
                firstEntries[id] = try responses.form(of: id)
            }
            guard firstEntries[id] != nil else { return [EntryLine(EntryProblem.notInFirstEntry(id).message, .problem)] }
            if let who = try verification?.verifier(of: id) {
                return [EntryLine(EntryProblem.alreadyVerified(id, operator: who).message, .problem)]
            }
        }
        autoNumbered = automatic
        if renumbering, var session {
            session.respondent = id
            self.session = session
            renumbering = false
            return try save()
        }
        let started = EntrySession(questionnaire: questionnaire, respondent: id, parsers: parsers)
        session = started
        prompt = EntryDesk.prompt(for: started.position)
        return []
    }

    private func answerTyped(_ line: String) throws(EntryError) -> [EntryLine] {
        guard var session else { return [] }
        let outcome = session.submit(line)
        self.session = session
        switch outcome {
        case .accepted, .wentBack, .jumped:
            prompt = EntryDesk.prompt(for: session.position)
            return session.understood.map { [EntryLine("  → " + $0, .hint)] } ?? []
        case .askLayout(let ask):
            return [EntryLine(ask.message(parsers[ask.index]), .problem)]
                + screen.wrap(ask.keys(parsers[ask.index]), indent: "  ").map { EntryLine($0, .hint) }
        case .reask(let problem):
            var notes = [EntryLine(problem.message, .problem)]
            if mode == .verification {
                // `!!` works while verifying too, but nothing is listed: the answer is compared as saved.
            } else if session.keepable != nil {
                notes += screen.wrap("  !! keeps it as on the paper (saved as survey import saves it: listed in \(problems.path))", indent: "", hanging: "    ").map { EntryLine($0, .hint) }
            } else if session.openable != nil {
                notes += screen.wrap("  !! types the paper's answer there anyway (saved as survey import saves it: listed as answered_when_skipped)", indent: "", hanging: "    ").map { EntryLine($0, .hint) }
            }
            return notes
        case .help:
            if case .question(let index) = session.position {
                return screen.help(for: index, of: session, problemsFile: problems.path)
            }
            return screen.help(for: nil, of: session, problemsFile: problems.path)
        case .leave:
            prompt = .leave
            return []
        case .save:
            return mode == .firstEntry ? try save() : try startResolving()
        }
    }

    private func leaveTyped(_ line: String) throws(EntryError) -> [EntryLine] {
        guard let session else { return [] }
        let canKeep = mode == .firstEntry
        switch line.trimmingWhitespace().lowercased() {
        case "k" where canKeep, "keep" where canKeep:
            return try save()
        case "d", "drop":
            if editing != nil {
                self.session = nil
                editing = nil
                prompt = .respondent
                return [EntryLine("Left respondent \(session.respondent)'s form as it was saved; nothing was changed.", .warning)]
            }
            self.session = nil
            check = nil
            renumbering = false
            prompt = .respondent
            tally.dropped += 1
            return [EntryLine("Dropped respondent \(session.respondent)'s form; nothing was saved.", .warning)]
        case "c", "continue":
            if renumbering {
                prompt = .respondent
            } else if let pending = check?.pending {
                prompt = .resolve(pending)
            } else {
                prompt = EntryDesk.prompt(for: session.position)
            }
            return []
        default:
            return [EntryLine(EntryProblem.keepOrDrop(line.trimmingWhitespace(), canKeep: canKeep).message, .problem)]
        }
    }

    // MARK: Saving

    /// Appends the form (incomplete when asked questions are left untyped) and its problems,
    /// both under the responses file's lock, so the number checked is the number saved.
    private func save() throws(EntryError) -> [EntryLine] {
        guard let session else { return [] }
        if let editing {
            return try responses.whileLocked { () throws(EntryError) -> [EntryLine] in try saveEdit(session, original: editing) }
        }
        return try responses.whileLocked { () throws(EntryError) -> [EntryLine] in try save(session) }
    }

    // MARK: Editing and resuming

    /// Opens the saved form of `respondent` again with its answers: at the first question
    /// not typed yet when it was kept incomplete, else at its review. Its save rewrites that
    /// one row in place (`ResponseLog.replace`) and logs each changed cell in `NAME.edits.csv`.
    public func open(_ respondent: String) throws(EntryError) {
        guard mode == .firstEntry, let saved = try responses.responses().first(where: { $0.respondent == respondent }) else {
            throw .noSuchForm(path: responses.path, respondent: respondent)
        }
        let leftIDs = try problems.questions(of: respondent, kind: FormProblem.Kind.incomplete.rawValue)
        let leftAt = questionnaire.questions.firstIndex { leftIDs.contains($0.id) }
        let opened = EntrySession(questionnaire: questionnaire, saved: saved, leftAt: leftAt, parsers: parsers)
        session = opened
        editing = saved
        renumbering = false
        autoNumbered = false
        prompt = EntryDesk.prompt(for: opened.position)
    }

    /// Rewrites the edited form's row (the old row or the new one survives a crash), then logs
    /// the changed cells and settles the `incomplete` row when the form is now complete.
    private func saveEdit(_ session: EntrySession, original: Response) throws(EntryError) -> [EntryLine] {
        var edited = session.response
        edited.submittedAt = original.submittedAt
        edited.otherTexts = original.otherTexts
        let header = ResponseFile.header(for: questionnaire)
        let before = ResponseFile.fields(of: original, in: questionnaire)
        // When another operator changed the row while it was open here, this copy is not written over it.
        guard try responses.stillHolds(original) else {
            self.session = nil
            editing = nil
            prompt = .respondent
            return [EntryLine("Respondent \(original.respondent)'s form was changed (or removed) by another operator while it was open here; nothing was written. Open it again with :e \(original.respondent) to see it as it is now.", .problem)]
        }
        let after = ResponseFile.fields(of: edited, in: questionnaire)
        let changes = header.indices.dropFirst(2).compactMap { column in
            before[column] == after[column] ? nil : EditLog.Change(question: header[column], old: before[column], new: after[column])
        }
        if !changes.isEmpty { try responses.replace([edited]) }
        try edits?.record(changes, respondent: original.respondent, operatorName: operatorName)
        let line = try responses.line(of: original.respondent) ?? 0
        let leftAt = session.firstUntyped
        // The `incomplete` row always names where the form stops now, so resuming it again
        // starts there (answers typed before it count as typed).
        try problems.settle(respondent: original.respondent, questions: [], completedForm: true)
        let by = " (operator \(operatorName))"
        var rows = session.illegibleQuestions.map { index in
            FormProblem(file: responses.path, line: line, column: field(of: index), respondent: original.respondent, questionID: questionnaire.questions[index].id,
                        kind: .illegible, message: "the answer on the paper form could not be read; stored as no answer" + by)
        }
        if let leftAt {
            rows.append(FormProblem(file: responses.path, line: line, column: field(of: leftAt), respondent: original.respondent, questionID: questionnaire.questions[leftAt].id,
                                    kind: .incomplete, message: "form left at question \(leftAt + 1) of \(session.count) and kept with the \(EntryDesk.plural(session.answeredCount, "answer")) typed before it" + by))
        }
        try problems.record(rows)
        tally.edited += 1
        self.session = nil
        editing = nil
        prompt = .respondent
        let what = changes.isEmpty ? "no answer changed" : "\(EntryDesk.plural(changes.count, "answer")) changed, logged in \(edits?.path ?? "")"
        return [EntryLine("Rewrote respondent \(original.respondent)" + (leftAt != nil ? " (still incomplete)" : "") + " (line \(line) of \(responses.path)): \(what).", .success)]
    }

    private func save(_ session: EntrySession) throws(EntryError) -> [EntryLine] {
        let saved: ResponseLog.SavedForm
        switch try responses.append(session.response, renumberingIfTaken: autoNumbered) {
        case .failure(let problem):
            renumbering = true
            prompt = .respondent
            return [EntryLine(problem.message, .problem), EntryLine("This form is not saved yet: type the number written on it.", .warning)]
        case .success(let form):
            saved = form
        }
        let line = saved.line
        let respondent = saved.respondent
        let by = " (operator \(operatorName))"
        var rows = session.illegibleQuestions.map { index in
            FormProblem(file: responses.path, line: line, column: field(of: index), respondent: respondent, questionID: questionnaire.questions[index].id,
                        kind: .illegible, message: "the answer on the paper form could not be read; stored as no answer" + by)
        }
        let illegible = rows.count
        // Answers kept as on the paper: the importer's value, kind and message, so the ledger
        // and the statistics read them exactly as they read the same answers imported.
        let kept = session.keptProblems
        rows += kept.map { row in
            FormProblem(file: responses.path, line: line, column: field(of: row.question), respondent: respondent,
                        questionID: questionnaire.questions[row.question].id, value: row.value, problem: row.problem)
        }
        let leftAt = session.firstUntyped
        if let leftAt {
            rows.append(FormProblem(file: responses.path, line: line, column: field(of: leftAt), respondent: respondent, questionID: questionnaire.questions[leftAt].id,
                                    kind: .incomplete, message: "form left at question \(leftAt + 1) of \(session.count) and kept with the \(EntryDesk.plural(session.answeredCount, "answer")) typed before it" + by))
        }
        try problems.record(rows)
        tally.saved += 1
        tally.illegible += illegible
        tally.keptAsOnPaper += kept.count
        if leftAt != nil { tally.incomplete += 1 }
        self.session = nil
        autoNumbered = false
        prompt = .respondent
        var notes = [EntryLine("Saved respondent \(respondent)" + (leftAt != nil ? " as incomplete" : "") + " (line \(line) of \(responses.path)).", .success)]
        if respondent != session.respondent {
            notes.append(EntryLine("  \(session.respondent), the number offered, was taken meanwhile by another operator or import; the form got the next free number, \(respondent).", .warning))
        }
        if illegible > 0 { notes.append(EntryLine("  \(EntryDesk.plural(illegible, "illegible answer")) listed in \(problems.path)")) }
        if !kept.isEmpty { notes.append(EntryLine("  \(EntryDesk.plural(kept.count, "answer")) kept as on the paper listed in \(problems.path) (\(kept.map(\.problem.kind).joined(separator: ", ")))")) }
        return notes
    }

    // MARK: Verification

    private func startResolving() throws(EntryError) -> [EntryLine] {
        guard let session, let first = firstEntries[session.respondent] else { return [] }
        let illegibleBefore = try problems.questions(of: session.respondent, kind: FormProblem.Kind.illegible.rawValue)
        check = DoubleEntry(questionnaire: questionnaire, first: first, second: session.response,
                            firstIllegible: Set(questionnaire.questions.indices.filter { illegibleBefore.contains(questionnaire.questions[$0].id) }),
                            secondIllegible: Set(session.illegibleQuestions))
        return try nextMismatch()
    }

    private func nextMismatch() throws(EntryError) -> [EntryLine] {
        guard let check else { return [] }
        if let pending = check.pending {
            prompt = .resolve(pending)
            return []
        }
        return try finishVerification()
    }

    private func resolveTyped(_ line: String) throws(EntryError) -> [EntryLine] {
        guard var check, let index = check.pending else { return [] }
        let question = questionnaire.questions[index]
        switch EntryCommand(line) {
        case .help:
            return [
                EntryLine("  1      the first entry is what the paper says", .hint),
                EntryLine("  2      the second entry is what the paper says", .hint),
                EntryLine("  other  the answer on the paper, typed as for the question (=2 for the value 2)", .hint),
                EntryLine("  !      the paper cannot be read: no answer, listed in \(problems.path)", .hint),
                EntryLine("  :q     leave this form: nothing of its verification is written", .hint),
            ]
        case .leave:
            prompt = .leave
            return []
        case .back, .clear:
            return [EntryLine(EntryProblem.notHere(line.trimmingWhitespace(), hint: "type 1, 2 or the answer on the paper").message, .problem)]
        case .blank:
            return [EntryLine(EntryProblem.pickOneOrTwo("").message, .problem)]
        case .illegible:
            check.resolve(.missing, illegible: true)
        case .text("1"):
            check.resolve(check.first.answers[index])
        case .text("2"):
            check.resolve(check.second.answers[index])
        case .text(let typed):
            let value = typed.hasPrefix("=") ? String(typed.dropFirst()) : typed
            switch parsers[index].read(value) {
            case .failure(let problem):
                return [EntryLine(problem.message, .problem)]
            case .success(let answer):
                if !answer.hasValue, question.required {
                    return [EntryLine(EntryProblem.required(number: index + 1).message, .problem)]
                }
                check.resolve(answer)
            }
        }
        self.check = check
        return try nextMismatch()
    }

    private func finishVerification() throws(EntryError) -> [EntryLine] {
        try responses.whileLocked { () throws(EntryError) -> [EntryLine] in try finishVerificationLocked() }
    }

    /// Corrections, comparisons and problems of one verified form, under one hold of the lock.
    private func finishVerificationLocked() throws(EntryError) -> [EntryLine] {
        guard let check, let verification else { return [] }
        let respondent = check.first.respondent
        let comparisons = check.comparisons(operator: operatorName)
        let disagreed = comparisons.filter(\.isDisagreement).count
        defer {
            session = nil
            self.check = nil
            prompt = .respondent
        }
        if let who = try verification.verifier(of: respondent) {
            return [EntryLine(EntryProblem.alreadyVerified(respondent, operator: who).message + "; this pass of the form is not written", .warning)]
        }
        // The comparison was made against the row as it was when this form was started: when
        // another operator rewrote it since (`--edit`), writing the corrected form back would
        // erase their change, and the comparisons would log a first entry the file no longer has.
        guard try responses.stillHolds(check.first) else {
            firstEntries[respondent] = try responses.form(of: respondent)
            tally.changedMeanwhile += 1
            return [EntryLine("Respondent \(respondent)'s form was changed (or removed) by another operator while it was being verified here; nothing of this pass was written. Verify it again (type \(respondent)) to compare with the form as it is now.", .problem)]
        }
        // Corrections first: a crash before the comparisons are logged leaves the form
        // unverified (and verifiable again), never logged as resolved but not corrected.
        if check.changesFirstEntry {
            try responses.replace([check.corrected])
            firstEntries[respondent] = check.corrected
        }
        _ = try verification.record(comparisons)
        // The problems the first entry listed for answers the comparison has now settled leave
        // the problems file: the verification file keeps what the first entry had.
        try problems.settle(respondent: respondent, questions: Set(check.filledQuestions.map { questionnaire.questions[$0].id }),
                            completedForm: true)
        if !check.illegible.isEmpty, let line = try responses.line(of: respondent) {
            try problems.record(check.illegible.sorted().map { index in
                FormProblem(file: responses.path, line: line, column: field(of: index), respondent: respondent, questionID: questionnaire.questions[index].id,
                            kind: .illegible, message: "the answer on the paper form could not be read when the two entries were compared (operator \(operatorName))")
            })
        }
        tally.verified += 1
        tally.compared += comparisons.count
        tally.disagreed += disagreed
        if check.changesFirstEntry { tally.corrected += 1 }
        var note = "Verified respondent \(respondent): \(EntryDesk.plural(comparisons.count, "answer")) compared, "
        let completed = comparisons.filter(\.isCompleted).count
        note += disagreed + completed == 0 ? "all agree." : "\(disagreed) differed, " + (completed > 0 ? "\(completed) completed, " : "")
            + (check.changesFirstEntry ? "form corrected." : "first entry kept.")
        return [EntryLine(note, .success)]
    }

    // MARK: Closing

    /// The sitting's summary.
    public func closing() -> [EntryLine] {
        switch mode {
        case .firstEntry:
            var text = "This sitting: \(EntryDesk.plural(tally.saved, "form")) saved"
            if tally.incomplete > 0 { text += " (\(tally.incomplete) incomplete)" }
            if tally.dropped > 0 { text += ", \(tally.dropped) dropped" }
            if tally.lost > 0 { text += ", \(tally.lost) not saved" }
            if tally.illegible > 0 { text += ", \(EntryDesk.plural(tally.illegible, "illegible answer"))" }
            if tally.keptAsOnPaper > 0 { text += ", \(tally.keptAsOnPaper) kept as on the paper" }
            if tally.edited > 0 { text += ", \(EntryDesk.plural(tally.edited, "form")) rewritten (edits in \(edits?.path ?? ""))" }
            var lines = [EntryLine(text + "."), EntryLine("\(responses.path) holds \(EntryDesk.plural(responses.count, "form")).")]
            if tally.illegible + tally.incomplete + tally.keptAsOnPaper > 0 { lines.append(EntryLine("Problems are listed in \(problems.path).")) }
            return lines
        case .verification:
            let rate = Disagreements.percent(tally.compared == 0 ? 0 : Double(tally.disagreed) / Double(tally.compared))
            var text = "This pass: \(EntryDesk.plural(tally.verified, "form")) verified, \(tally.corrected) corrected"
            let unverified = tally.dropped + tally.lost + tally.changedMeanwhile
            if unverified > 0 { text += ", \(unverified) left unverified" }
            return [EntryLine(text + "."), EntryLine("\(EntryDesk.plural(tally.compared, "answer")) compared, \(tally.disagreed) differed (\(rate)).")]
        }
    }

    /// Disagreement rates over every verification pass so far, per question and per operator.
    public func disagreementTable() throws(EntryError) -> [String] {
        guard let verification else { return [] }
        let summary = Disagreements(try verification.comparisons())
        guard !summary.forms.isEmpty else { return [] }
        return ["Disagreements in all verification passes so far (\(EntryDesk.plural(summary.forms.count, "form"))):"] + summary.table(for: questionnaire)
    }

    // MARK: Helpers

    /// The field (from 1) question `index` is in on a line of the responses file: after
    /// `respondent` and `submitted_at`, and after the `ID_other` column of each earlier
    /// question with `other: true`.
    func field(of index: Int) -> Int {
        3 + index + questionnaire.questions[..<index].filter { $0.otherChoice != nil }.count
    }

    static func prompt(for position: EntrySession.Position) -> Prompt {
        switch position {
        case .question(let index): .question(index)
        case .review: .review
        }
    }

    /// Letters, digits and `- _ . /`, as numbers on paper forms are written.
    static func isRespondentID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 40 && id.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) }
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
