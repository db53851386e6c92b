import Foundation
import Yams

/// `themes:` — at the top level (for the text questions named in each theme's `questions:`,
/// or all of them) and under a text question (for it alone).
extension QuestionnaireLoader {
    private static let themeKeys = ["id", "label", "questions", "words", "phrases", "except"]

    /// Every theme of the definition: the top-level ones in their order, then each text
    /// question's own in question order (so the order does not hang on where `themes:` stands
    /// in the file); ids are unique across all.
    mutating func declaredThemes(top: Node?, items: Node.Sequence, questions: [Question]) -> [Theme] {
        var found: [(theme: Theme, node: Node)] = []
        if let top { found += themeList(top, scope: nil, questions: questions) }
        for item in items {
            guard case .mapping(let map) = item, let id = map["id"]?.scalar?.string, let node = map["themes"],
                  let question = questions.first(where: { $0.id == id }), question.kind == .text else { continue }
            found += themeList(node, scope: id, questions: questions)
        }
        var seen: [String: Int] = [:]
        var themes: [Theme] = []
        for (theme, node) in found {
            if let line = seen[theme.id] {
                problem(at: node, nil, "theme `\(theme.id)` is declared twice (first at line \(line)); give each theme its own id")
                continue
            }
            seen[theme.id] = node.mark?.line ?? 0
            themes.append(theme)
        }
        return themes
    }

    /// Why `textID#themes` cannot be a cross-tab side, or nil when it can.
    func themesSideProblem(_ textID: String, questions: [Question], themes: [Theme]) -> String? {
        guard let question = questions.first(where: { $0.id == textID }) else {
            return "cross-tab names the themes of unknown question `\(textID)`"
        }
        guard question.kind == .text else {
            return "`\(textID)#themes`: themes belong to text questions; this one is \(question.kind.keyword) (cross-tabulate `\(textID)` itself)"
        }
        guard themes.contains(where: { $0.applies(to: textID) }) else {
            return "`\(textID)#themes`: no theme applies to this question; declare `themes:` for it first"
        }
        return nil
    }

    private mutating func themeList(_ node: Node, scope: String?, questions: [Question]) -> [(theme: Theme, node: Node)] {
        guard case .sequence(let items) = node else {
            problem(at: node, scope, "`themes` must be a list of themes (lines starting with `- id: …`)")
            return []
        }
        var result: [(Theme, Node)] = []
        for item in items {
            if let theme = theme(from: item, scope: scope, questions: questions) { result.append((theme, item)) }
        }
        return result
    }

    private mutating func theme(from node: Node, scope: String?, questions: [Question]) -> Theme? {
        guard let map = mapping(node, what: "a theme", question: scope) else { return nil }
        let fields = entries(map, allowed: Self.themeKeys, what: "a theme", question: scope)
        guard let idNode = fields["id"], let id = scalar(idNode, what: "id", question: scope) else {
            problem(at: node, scope, "a theme needs `id:`, a short code such as `more_time`")
            return nil
        }
        guard Theme.isValidID(id) else {
            problem(at: idNode, scope, "theme id `\(VisibleText.message(id))` may use only a-z, 0-9 and _ (it is written into codes files and CSV cells, where `;` and `,` separate values), e.g. `more_time`")
            return nil
        }
        var valid = true
        let label: LocalizedText
        if let labelNode = fields["label"] {
            label = localizedText(labelNode, what: "the label of theme `\(id)`", question: scope) ?? LocalizedText(id)
        } else {
            problem(at: node, scope, "theme `\(id)` needs `label:`, what reports call it, e.g. `label: {en: More time, ru: Больше времени}`")
            label = LocalizedText(id)
            valid = false
        }
        var applies: [String]?
        if let questionsNode = fields["questions"] {
            if let scope {
                problem(at: questionsNode, scope, "theme `\(id)` is declared under question `\(scope)`, so it applies to it alone; move it to the top-level `themes:` to name `questions:`")
                valid = false
            } else {
                var list: [String] = []
                let ids: [String] = if case .scalar(let one) = questionsNode { [one.string] } else { stringList(questionsNode, what: "questions", question: nil) }
                for questionID in ids {
                    guard let question = questions.first(where: { $0.id == questionID }) else {
                        let hint = QuestionnaireLoader.closest(to: questionID, in: questions.filter { $0.kind == .text }.map(\.id)).map { "did you mean `\($0)`? " } ?? ""
                        problem(at: questionsNode, nil, "theme `\(id)` names unknown question `\(questionID)`; \(hint)themes apply to text questions")
                        valid = false
                        continue
                    }
                    guard question.kind == .text else {
                        problem(at: questionsNode, questionID, "theme `\(id)`: themes apply to text questions; this one is \(question.kind.keyword)")
                        valid = false
                        continue
                    }
                    list.append(questionID)
                }
                applies = list
            }
        } else if let scope {
            applies = [scope]
        } else if !questions.contains(where: { $0.kind == .text }) {
            problem(at: node, nil, "theme `\(id)`: the questionnaire has no text question for themes to apply to")
            valid = false
        }
        let words = ruleWords(fields["words"], key: "words", theme: id, scope: scope)
        let phrases = rulePhrases(fields["phrases"], theme: id, scope: scope)
        let except = ruleWords(fields["except"], key: "except", theme: id, scope: scope)
        if words == nil || phrases == nil || except == nil { valid = false }
        if valid, (words ?? []).isEmpty, (phrases ?? []).isEmpty {
            problem(at: node, scope, "theme `\(id)` has no rules; give it `words:` (matched by stem, e.g. `[time, время]`) or `phrases:` (e.g. `[\"more time\"]`), or both")
            valid = false
        }
        guard valid else { return nil }
        let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        return Theme(id: id, label: label, questions: applies, words: words ?? [], phrases: phrases ?? [], exceptWords: except ?? [], location: location)
    }

    /// A list of single words (or one word); nil when one is not a word.
    private mutating func ruleWords(_ node: Node?, key: String, theme id: String, scope: String?) -> [String]? {
        guard let node else { return [] }
        var ok = true
        var result: [String] = []
        for (text, at) in texts(node, key: key, theme: id, scope: scope) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !trimmed.contains(where: { $0.isLetter || $0.isNumber }) {
                problem(at: at, scope, "theme `\(id)`: `\(key)` entry `\(VisibleText.message(text))` has no letter or digit; list words such as `time` or `время`")
                ok = false
            } else if trimmed.contains(where: { $0.isWhitespace }) {
                let hint = key == "words" ? "put `\(trimmed)` under `phrases:`" : "list its words one by one"
                problem(at: at, scope, "theme `\(id)`: `\(key)` entry `\(VisibleText.message(text))` is more than one word; \(hint)")
                ok = false
            } else {
                result.append(trimmed)
            }
        }
        return ok ? result : nil
    }

    private mutating func rulePhrases(_ node: Node?, theme id: String, scope: String?) -> [String]? {
        guard let node else { return [] }
        var ok = true
        var result: [String] = []
        for (text, at) in texts(node, key: "phrases", theme: id, scope: scope) {
            if !text.contains(where: { $0.isLetter || $0.isNumber }) {
                problem(at: at, scope, "theme `\(id)`: phrase `\(VisibleText.message(text))` has no letter or digit; write the words it stands for, e.g. `\"more time\"`")
                ok = false
            } else {
                result.append(text)
            }
        }
        return ok ? result : nil
    }

    /// The scalars of a list (or one scalar), each with its node for messages.
    private mutating func texts(_ node: Node, key: String, theme id: String, scope: String?) -> [(String, Node)] {
        switch node {
        case .scalar(let one):
            return [(one.string, node)]
        case .sequence(let items):
            return items.compactMap { item in scalar(item, what: "\(key) of theme `\(id)`", question: scope).map { ($0, item) } }
        default:
            problem(at: node, scope, "theme `\(id)`: `\(key)` must be a list, e.g. `[time, время]`")
            return []
        }
    }
}
