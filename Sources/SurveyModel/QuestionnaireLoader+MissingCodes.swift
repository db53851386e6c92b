import Yams

/// A missing code as declared, with the YAML node it came from, so that problems found only
/// when it meets a question (a clash with a choice) can point at the declaration.
struct DeclaredMissingCode {
    var code: MissingCode
    var node: Node
}

/// `missing: {99: Don't know, -1: Refused}` at the top level or on a question.
extension QuestionnaireLoader {
    /// The codes of one `missing:` mapping; `{}` (an empty mapping) is allowed on a question, to
    /// opt out of the questionnaire's codes.
    mutating func declaredMissingCodes(_ node: Node, question id: String?) -> [DeclaredMissingCode] {
        guard let map = mapping(node, what: "missing", question: id) else { return [] }
        var result: [DeclaredMissingCode] = []
        for (keyNode, valueNode) in map {
            guard let code = scalar(keyNode, what: "a missing code", question: id) else { continue }
            let trimmed = Substring(code).trimmingWhitespace()
            if trimmed.isEmpty || trimmed.contains(";") || trimmed != Substring(code) {
                problem(at: keyNode, id, "missing code `\(Confusables.visible(code))` may not be empty, contain `;` or start or end with spaces; write it as it appears in the data, e.g. `99` or `dk`")
                continue
            }
            let label = localizedText(valueNode, what: "the label of missing code `\(code)`", question: id) ?? LocalizedText(code)
            if let twin = result.first(where: { MissingCode.sameValue($0.code.code, code) || QuestionnaireLoader.sharesText($0.code, MissingCode(code: code, label: label)) }) {
                problem(at: keyNode, id, "missing code `\(code)` would read the same as missing code `\(twin.code.code)` (codes are matched as whole numbers, labels ignoring case and spaces); give each its own code and label")
                continue
            }
            result.append(DeclaredMissingCode(code: MissingCode(code: code, label: label), node: keyNode))
        }
        if id == nil, map.count == 0 {
            problem(at: node, nil, "`missing` is empty; list codes such as `{99: Don't know, -1: Refused}`, or leave it out")
        }
        return result
    }

    /// The question's effective codes (see `MissingCode.effective`), each checked against the
    /// question's answers: a code or label that is also a choice, a scale point or yes/no would
    /// make the same cell mean two things.
    mutating func resolveMissingCodes(of question: Question, own: [DeclaredMissingCode]?, shared: [DeclaredMissingCode]) -> [MissingCode] {
        guard MissingCode.applies(to: question.kind) else { return [] }
        let effective = MissingCode.effective(questionnaire: shared.map(\.code), own: own.map { $0.map(\.code) })
        // No answer parser to build when no code can clash (the common case: it folds every
        // label of the question, a fifth of loading a definition with long choice lists).
        guard question.kind.isClosed, !effective.isEmpty else { return effective }
        var plain = question
        plain.missingCodes = []
        let parser = AnswerParser(question: plain)
        var kept: [MissingCode] = []
        for code in effective {
            let declared = own?.first { $0.code == code } ?? shared.first { $0.code == code }
            let inherited = own?.contains { $0.code == code } != true
            let clash = ([code.code] + code.label.allTexts).first { parser.lookup($0) != nil }
            if let clash, let index = parser.lookup(clash) {
                let answer = question.categories[index]
                let what: String
                switch question.kind {
                case .rating: what = "point \(answer.code) of the scale"
                case .yesNo: what = "the answer `\(answer.code)`"
                default: what = "choice `\(answer.code)` (\(answer.label.text(in: nil)))"
                }
                let fix = inherited
                    ? "give this question its own `missing:` codes (`missing: {}` for none), or change the questionnaire's code"
                    : "use a code that is no answer of the question, e.g. `99` or `-1`"
                problem(at: declared?.node, question.id, "missing code `\(code.code)`\(clash == code.code ? "" : " (label `\(clash)`)") is also \(what), so a cell `\(clash)` would mean both; \(fix)")
                continue
            }
            kept.append(code)
        }
        return kept
    }

    /// Whether two missing codes share a code or label once folded.
    static func sharesText(_ a: MissingCode, _ b: MissingCode) -> Bool {
        let left = Set(([a.code] + a.label.allTexts).map(TextFolding.fold))
        return ([b.code] + b.label.allTexts).contains { left.contains(TextFolding.fold($0)) }
    }
}
