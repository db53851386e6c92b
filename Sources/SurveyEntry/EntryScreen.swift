import Foundation
import SurveyModel

/// What the operator sees: a question with its numbered choices, the review, help.
///
/// Plain lines no wider than `width` (80-column terminals, SSH): the form scrolls like a
/// conversation and is never redrawn, so typed-ahead input is never lost.
public struct EntryScreen: Sendable {
    /// Terminal width to lay out for.
    public var width: Int
    /// The language question texts and labels are shown in.
    public var language: String

    public init(width: Int = 80, language: String) {
        self.width = max(40, width)
        self.language = language
    }

    /// The question at `index` of `session`.
    public func question(_ index: Int, of session: EntrySession, tag: String = "") -> [EntryLine] {
        let question = session.questionnaire.questions[index]
        let parser = session.parsers[index]
        var heading = "── \(tag)respondent \(session.respondent) · question \(index + 1)/\(session.count) · \(question.id)"
        if question.required { heading += " · required" }
        var lines = [EntryLine(fit(heading + " " + String(repeating: "─", count: max(0, width - 1 - heading.count - 1))), .heading)]
        lines += wrap(question.text.text(in: language), indent: "").map { EntryLine($0) }
        lines += options(question, parser: parser).map { EntryLine($0) }
        if let hint = hint(question, parser: parser) { lines.append(EntryLine("  " + hint, .hint)) }
        if session.visited.contains(index) {
            let now: String
            if session.illegible.contains(index) {
                now = "! illegible"
            } else if session.typed[index].hasValue {
                now = parser.display(session.typed[index])
            } else {
                now = "no answer"
            }
            lines.append(EntryLine(fit("  now: \(now)"), .hint))
        }
        return lines
    }

    /// Choices and labelled scale points as `key label` cells packed into columns.
    func options(_ question: Question, parser: TypedAnswerParser) -> [String] {
        let cells: [String]
        switch question.kind {
        case .singleChoice, .multipleChoice:
            cells = question.categories.indices.map { "\(parser.keys[$0]) \(question.categories[$0].label.text(in: language))" }
        case .rating(let scale, let labels):
            guard !labels.isEmpty else { return [] }
            cells = scale.map { point in labels[point].map { "\(point) \($0.text(in: language))" } ?? "\(point)" }
        case .yesNo:
            cells = ["y yes", "n no"]
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
        let heading = "── \(tag)respondent \(session.respondent) · review"
        var lines = [EntryLine(heading + " " + String(repeating: "─", count: max(0, width - 2 - heading.count)), .heading)]
        let answers = session.answers
        let idWidth = min(18, session.questionnaire.questions.map(\.id.count).max() ?? 0)
        let numberWidth = String(session.count).count
        for (index, question) in session.questionnaire.questions.enumerated() {
            let value: String
            var tone = EntryLine.Tone.plain
            if !session.isAsked(index) {
                value = "· not asked"
                tone = .hint
            } else if session.illegible.contains(index), !answers[index].hasValue {
                value = "! illegible"
                tone = .warning
            } else if answers[index].hasValue {
                value = session.parsers[index].display(answers[index])
            } else {
                value = "—"
            }
            let number = String(index + 1).leftPadding(to: numberWidth)
            lines.append(EntryLine(fit("  \(number) \(String(question.id.prefix(idWidth)).padding(to: idWidth))  \(value)"), tone))
        }
        lines.append(EntryLine("Enter saves · a number changes that answer · < back · :q leave", .hint))
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
            lines.append(EntryLine("  Enter  no answer" + (question.required ? " (not allowed: this question is required)" : "")))
            lines.append(EntryLine(fit("  !      illegible on the paper: no answer, listed in \(URL(fileURLWithPath: problemsFile).lastPathComponent)")))
            lines.append(EntryLine("  <      back one question (later answers are kept)"))
        } else {
            lines.append(EntryLine("  Enter  save this form"))
            lines.append(EntryLine("  1–\(session.count)   change that answer; the form comes back here afterwards"))
            lines.append(EntryLine("  <      back to the last question"))
        }
        lines.append(EntryLine("  :q     leave this form (keep it as incomplete, or drop it)"))
        lines.append(EntryLine("  ?      this help"))
        return lines.map { EntryLine($0.text, .hint) }
    }

    /// `text` made visible (`VisibleText.line`, so escapes count in the width) and cut to the
    /// width, with `…` when cut.
    func fit(_ text: String) -> String {
        let text = VisibleText.line(text)
        return text.count < width ? text : String(text.prefix(width - 2)) + "…"
    }

    /// Words wrapped to the width, made visible first (`VisibleText.line`).
    func wrap(_ text: String, indent: String) -> [String] {
        var lines: [String] = []
        var line = indent
        for word in VisibleText.line(text).split(separator: " ") {
            if line.count > indent.count, line.count + 1 + word.count >= width {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        if line.count > indent.count { lines.append(line) }
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
