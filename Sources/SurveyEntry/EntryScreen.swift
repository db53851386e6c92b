import Foundation
import SurveyModel

/// What the operator sees: a question with its numbered choices, the review, help.
///
/// Plain lines no wider than `width` (80-column terminals, SSH): the form scrolls like a
/// conversation and is never redrawn, so typed-ahead input is never lost.
public struct EntryScreen: Sendable {
    /// Terminal width to lay out for.
    public var width: Int
    /// The language question texts and labels are shown in (`--lang`).
    public var language: String
    /// The definition's default language, for texts without a translation in `language`.
    public var fallback: String

    /// `width` is kept within 40–160 columns: narrower cannot hold a label, wider is hard to read.
    public init(width: Int = 80, language: String, fallback: String? = nil) {
        self.width = min(160, max(40, width))
        self.language = language
        self.fallback = fallback ?? language
    }

    func localized(_ text: LocalizedText) -> String { text.text(in: language, fallback: fallback) }

    /// The question at `index` of `session`.
    public func question(_ index: Int, of session: EntrySession, tag: String = "") -> [EntryLine] {
        let question = session.questionnaire.questions[index]
        let parser = session.parsers[index]
        var parts = ["── \(tag)respondent \(session.respondent)", "question \(index + 1)/\(session.count)", question.id]
        if question.required { parts.append("required") }
        var lines = heading(parts)
        lines += wrap(localized(question.text), indent: "").map { EntryLine($0) }
        lines += options(question, parser: parser).map { EntryLine($0) }
        if let hint = hint(question, parser: parser) { lines.append(EntryLine("  " + hint, .hint)) }
        if !session.isAsked(index) {
            lines += wrap("  not asked on this form (when: \(question.when?.source ?? "")): what the paper has is saved as survey import saves it, listed as answered_when_skipped", indent: "", hanging: "    ").map { EntryLine($0, .warning) }
        }
        if session.visited.contains(index) {
            lines += wrap(["  now: \(session.nowText(index))", "Enter keeps it", "- clears it"], separator: " · ", hanging: "    ").map { EntryLine($0, .hint) }
        }
        return lines
    }

    /// A heading `── a · b · c ───`, its parts wrapped onto more lines (never inside a part)
    /// when the width is short, the last line filled with `─`.
    func heading(_ parts: [String]) -> [EntryLine] {
        var lines = wrap(parts, separator: " · ", hanging: "   ")
        let last = lines.removeLast()
        lines.append(last + " " + String(repeating: "─", count: max(0, width - 2 - last.count)))
        return lines.map { EntryLine($0, .heading) }
    }

    /// Choices and labelled scale points as `key label` cells packed into columns.
    func options(_ question: Question, parser: TypedAnswerParser) -> [String] {
        let cells: [String]
        switch question.kind {
        case .singleChoice, .multipleChoice:
            cells = question.categories.indices.map { "\(parser.keys[$0]) \(localized(question.categories[$0].label))" }
        case .rating(let scale, let labels):
            guard !labels.isEmpty else { return [] }
            cells = scale.map { point in labels[point].map { "\(point) \(localized($0))" } ?? "\(point)" }
        case .yesNo:
            cells = language == "ru" ? ["y да", "n нет"] : ["y yes", "n no"]
        case .number, .text, .date:
            return []
        }
        return columns(cells)
    }

    /// Cells laid out row by row in as many equal columns as fit.
    func columns(_ cells: [String]) -> [String] {
        let cells = cells.map(VisibleText.line)
        let indent = "  "
        let usable = width - indent.count - 1
        let widest = cells.map(\.count).max() ?? 0
        let cellWidth = widest + 3
        let perRow = max(1, min(cells.count, (usable + 3) / cellWidth))
        if perRow == 1 {
            // One per line: a label longer than the line wraps under itself.
            return cells.flatMap { cell -> [String] in
                let key = cell.prefix { $0 != " " }
                return wrap(indent + cell, indent: "", hanging: String(repeating: " ", count: indent.count + key.count + 1))
            }
        }
        var lines: [String] = []
        var row = indent
        for (offset, cell) in cells.enumerated() {
            let isLast = offset % perRow == perRow - 1 || offset == cells.count - 1
            row += isLast ? cell : cell.padding(to: cellWidth)
            if isLast {
                lines.append(fit(row))
                row = indent
            }
        }
        return lines
    }

    /// What kind of answer to type, when the choices alone do not say it.
    func hint(_ question: Question, parser: TypedAnswerParser) -> String? {
        switch question.kind {
        case .singleChoice:
            return nil
        case .multipleChoice(_, let maxChoices):
            return "several: \(parser.keys.prefix(3).joined(separator: " "))" + (maxChoices.map { " · at most \($0)" } ?? "")
        case .rating(let scale, let labels):
            return labels.isEmpty ? "a number \(scale.lowerBound)–\(scale.upperBound)" : nil
        case .yesNo:
            return nil
        case .number(let minimum, let maximum, let integer):
            let what = integer ? "a whole number" : "a number"
            switch (minimum, maximum) {
            case let (lo?, hi?): return "\(what) \(Answer.format(lo))–\(Answer.format(hi))"
            case let (lo?, nil): return "\(what) ≥ \(Answer.format(lo))"
            case let (nil, hi?): return "\(what) ≤ \(Answer.format(hi))"
            default: return what
            }
        case .text:
            return "text, as written on the paper"
        case .date:
            return "a date: yyyy-mm-dd or dd.mm.yyyy"
        }
    }

    /// Every answer of the form, one line each, with how to save or fix.
    public func review(of session: EntrySession, tag: String = "") -> [EntryLine] {
        var lines = heading(["── \(tag)respondent \(session.respondent)", "review"])
        let answers = session.answers
        let idWidth = min(18, session.questionnaire.questions.map(\.id.count).max() ?? 0)
        let numberWidth = String(session.count).count
        for (index, question) in session.questionnaire.questions.enumerated() {
            let value: String
            var tone = EntryLine.Tone.plain
            if !session.isAsked(index) {
                let paper = session.keptWhenSkipped.contains(index) ? session.keptProblems.first(where: { $0.question == index }) : nil
                value = paper.map { "· not asked · on paper: \($0.value)" } ?? "· not asked"
                tone = paper == nil ? .hint : .warning
            } else if let kept = session.kept[index] {
                value = EntrySession.describe(kept)
                tone = .warning
            } else if session.illegible.contains(index), !answers[index].hasValue {
                value = "! illegible"
                tone = .warning
            } else if answers[index].hasValue {
                value = session.parsers[index].display(answers[index])
            } else {
                value = "—"
            }
            let number = String(index + 1).leftPadding(to: numberWidth)
            let lead = "  \(number) \(String(question.id.prefix(idWidth)).padding(to: idWidth))  "
            if lead.count + 24 > width {
                // Too narrow for a column: the answer goes under its question.
                lines.append(EntryLine(fit("  \(number) \(question.id)"), tone))
                lines += wrap(value, indent: "      ").map { EntryLine($0, tone) }
            } else {
                // Long answers (comments) wrap under their column instead of being cut.
                let pad = String(repeating: " ", count: lead.count)
                var wrapped = wrap(value, indent: pad)
                wrapped[0] = lead + wrapped[0].dropFirst(lead.count)
                lines += wrapped.map { EntryLine($0, tone) }
            }
        }
        lines += wrap(["Enter saves", "a number changes that answer", "< back", ":q leave"], separator: " · ", hanging: "").map { EntryLine($0, .hint) }
        return lines
    }

    /// Help for a question (or the review when `index` is nil).
    public func help(for index: Int?, of session: EntrySession, problemsFile: String) -> [EntryLine] {
        var lines: [EntryLine] = []
        if let index {
            let question = session.questionnaire.questions[index]
            let parser = session.parsers[index]
            switch question.kind {
            case .singleChoice:
                lines.append(EntryLine("  \(parser.keyRange), a code (\(question.kind.choices[0].code)) or the start of a label"))
            case .multipleChoice:
                lines.append(EntryLine("  numbers, codes or label starts separated by spaces or commas: 1 3 5 or 1,3,5"))
            case .rating(let scale, _):
                lines.append(EntryLine("  a number from \(scale.lowerBound) to \(scale.upperBound), or the start of a label"))
            case .yesNo:
                lines.append(EntryLine("  y or n (also 1/0, yes/no, да/нет)"))
            case .number, .text, .date:
                lines.append(EntryLine("  \(hint(question, parser: parser) ?? "")"))
            }
            for missing in question.missingCodes {
                lines += wrap("  \(missing.code.padding(to: 6)) \(localized(missing.label)): a missing code (its label works too)", indent: "", hanging: "         ").map { EntryLine($0) }
            }
            lines.append(EntryLine("  Enter  no answer" + (question.required ? " (not allowed: this question is required)" : "")))
            lines += wrap("  !      illegible on the paper: no answer, listed in \(URL(fileURLWithPath: problemsFile).lastPathComponent)", indent: "", hanging: "         ").map { EntryLine($0) }
            lines.append(EntryLine("  -      clear the answer (no answer)"))
            lines += wrap("  !!     after a refused answer (or at its end: 1 2 4 5 !!): keep it as it is on the paper; saved as survey import saves it, listed in \(URL(fileURLWithPath: problemsFile).lastPathComponent)", indent: "", hanging: "         ").map { EntryLine($0) }
            if session.visited.contains(index) { lines.append(EntryLine("  Enter  here: keep the answer shown as now:")) }
            lines.append(EntryLine("  <      back one question (later answers are kept)"))
        } else {
            lines.append(EntryLine("  Enter  save this form"))
            lines.append(EntryLine("  1–\(session.count)   change that answer; the form comes back here afterwards"))
            lines.append(EntryLine("  <      back to the last question"))
            lines += wrap("  N!!    open question N although it is not asked, to type what the paper has there (listed as answered_when_skipped)", indent: "", hanging: "         ").map { EntryLine($0) }
        }
        lines.append(EntryLine("  :q     leave this form (keep it as incomplete, or drop it)"))
        lines.append(EntryLine("  ?      this help"))
        if index != nil { lines.append(EntryLine("  \\?     ? as the answer (likewise \\! \\- \\<)")) }
        return lines.map { EntryLine($0.text, .hint) }
    }

    /// `text` made visible (`VisibleText.line`, so escapes count in the width) and cut to the
    /// width, with `…` when cut.
    func fit(_ text: String) -> String {
        let text = VisibleText.line(text)
        return text.count < width ? text : String(text.prefix(width - 2)) + "…"
    }

    /// Words wrapped to the width, made visible first (`VisibleText.line`): the first line
    /// starts with `indent` (or the text's own leading spaces), later ones with `hanging`
    /// (default `indent`). A word longer than a whole line is the only thing ever cut.
    public func wrap(_ text: String, indent: String, hanging: String? = nil) -> [String] {
        let text = VisibleText.line(text)
        let leading = String(text.prefix { $0 == " " })
        // Empty pieces keep inner runs of spaces (`1 4  Migration…`).
        let words = text.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        return pack(words, separator: " ", first: indent + leading, hanging: hanging ?? indent)
    }

    /// Parts (`Enter saves`, `< back`) joined by `separator`, a line broken only between parts.
    public func wrap(_ parts: [String], separator: String, hanging: String) -> [String] {
        let parts = parts.map(VisibleText.line)
        let leading = String(parts.first?.prefix { $0 == " " } ?? "")
        var trimmed = parts
        if !trimmed.isEmpty { trimmed[0] = String(trimmed[0].dropFirst(leading.count)) }
        return pack(trimmed, separator: separator, first: leading, hanging: hanging)
    }

    private func pack(_ pieces: [String], separator: String, first: String, hanging: String) -> [String] {
        var lines: [String] = []
        var line = first
        var empty = true
        for piece in pieces {
            if empty, piece.isEmpty, line.count > first.count || line == hanging && !lines.isEmpty { continue }
            if !empty, line.count + separator.count + piece.count >= width {
                lines.append(line)
                line = hanging
                empty = true
            }
            if (empty ? line.count : hanging.count) + piece.count >= width, separator != " " {
                // A part longer than a line: its words wrap, never cut.
                if !empty { lines.append(line) }
                var words = wrap(piece, indent: empty ? line : hanging, hanging: hanging)
                line = words.removeLast()
                lines += words
                empty = false
                continue
            }
            line += (empty ? "" : separator) + piece
            empty = false
            if line.count >= width { // one word longer than a line
                lines.append(fit(line))
                line = hanging
                empty = true
            }
        }
        if !empty || lines.isEmpty { lines.append(line) }
        return lines
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func leftPadding(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
