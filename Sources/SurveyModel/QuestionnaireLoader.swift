import Foundation
import Yams

/// Reads a questionnaire definition from YAML, checking every rule of the format.
///
/// The YAML is composed into nodes rather than decoded so that (1) every problem can point
/// at a line and column and (2) scalars stay the strings they were written as: `yes`, `no`,
/// `on`, `N` and `01` are choice codes here, never booleans or numbers (YAML 1.1's
/// "Norway problem"). All problems are collected, not just the first.
public struct QuestionnaireLoader {
    let file: String
    private var problems: [DefinitionProblem] = []

    /// Loads and validates the definition at `path`.
    public static func load(path: String) throws(DefinitionError) -> Questionnaire {
        try parse(yaml: try text(path: path), file: path)
    }

    /// The definition file's text, as `load` reads it: UTF-8, or a definition error saying why not.
    public static func text(path: String) throws(DefinitionError) -> String {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw DefinitionError.unreadable(path: path, reason: "it is not UTF-8 text; save it as UTF-8")
            }
            text = decoded
        } catch let error as DefinitionError {
            throw error
        } catch {
            throw DefinitionError.unreadable(path: path, reason: (error as NSError).localizedFailureReason ?? "no such file or not readable")
        }
        return text
    }

    /// Parses and validates definition text; `file` names it in messages.
    public static func parse(yaml: String, file: String) throws(DefinitionError) -> Questionnaire {
        let root: Node?
        do {
            try YAMLAliasBudget.check(yaml)
        } catch {
            let limit = DefinitionLimits.aliasExpansion
            let repeats = error.aliasSize > limit ? "more than \(limit)" : "\(error.aliasSize)"
            throw DefinitionError.invalid([DefinitionProblem(
                location: SourceLocation(file: file, line: error.line, column: error.column), questionID: nil,
                message: "YAML aliases expand to more than \(limit) values here (`*\(error.alias)` repeats \(repeats)); "
                    + "a definition may repeat at most \(limit) values through aliases: write the list out, or alias smaller parts")])
        }
        do {
            // The basic resolver: every scalar is a string here, so YAML 1.1's bool/int/float
            // rules (regular expressions run on every key Yams hashes) would only cost time:
            // they were half of checking 100,000 choices.
            root = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            throw QuestionnaireLoader.syntaxError(error, file: file, yaml: yaml)
        } catch {
            throw DefinitionError.syntax(SourceLocation(file: file, line: 1, column: 1), problem: "\(error)")
        }
        var loader = QuestionnaireLoader(file: file)
        let questionnaire = loader.questionnaire(from: root)
        if !loader.problems.isEmpty || questionnaire == nil {
            throw DefinitionError.invalid(loader.problems.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) })
        }
        return questionnaire!
    }

    private init(file: String) {
        self.file = file
    }

    private static func syntaxError(_ error: YamlError, file: String, yaml: String) -> DefinitionError {
        switch error {
        case .duplicatedKeysInMapping(let duplicates, let context):
            let problems = duplicates.sorted().map { key -> DefinitionProblem in
                let (line, column) = repeatedKey(key, in: yaml, from: context.mark.line)
                return DefinitionProblem(location: SourceLocation(file: file, line: line, column: column), questionID: nil,
                                         message: "`\(key)` is given twice in the same mapping; keep one (for choices: each code once)")
            }
            return .invalid(problems)
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return .syntax(SourceLocation(file: file, line: mark.line, column: mark.column), problem: detail)
        default:
            return .syntax(SourceLocation(file: file, line: 1, column: 1), problem: "\(error)")
        }
    }

    /// Where `key` appears the second time at or after `line` (Yams reports only the mapping).
    private static func repeatedKey(_ key: String, in yaml: String, from line: Int) -> (line: Int, column: Int) {
        // YAML breaks lines at CR, LF and CRLF (and NEL, LS, PS), and so do Yams' line numbers.
        let lines = yaml.split(omittingEmptySubsequences: false) { "\n\r\r\n\u{85}\u{2028}\u{2029}".contains($0) }
        var seen = 0
        guard !key.isEmpty else { return (line, 1) }
        for number in min(max(line - 1, 0), lines.count)..<lines.count {
            let text = lines[number]
            var search = text.startIndex
            while let range = text[search...].range(of: key) {
                let before = text[text.startIndex..<range.lowerBound].last
                let after = text[range.upperBound...].drop(while: { $0 == " " || $0 == "\"" || $0 == "'" }).first
                let startsToken = before == nil || before == " " || before == "{" || before == "," || before == "\"" || before == "'"
                if startsToken, after == ":" {
                    seen += 1
                    if seen == 2 { return (number + 1, text.distance(from: text.startIndex, to: range.lowerBound) + 1) }
                }
                search = range.upperBound
            }
        }
        return (line, 1)
    }

    // MARK: Top level

    private static let topKeys = ["title", "language", "number_format", "event", "questions", "report", "stopwords", "missing", "themes"]
    private static let questionKeys = ["id", "type", "text", "required", "choices", "max_choices", "scale", "labels", "when", "min", "max", "integer",
                                       "column", "number_format", "missing", "other", "best", "themes"]

    private mutating func questionnaire(from root: Node?) -> Questionnaire? {
        guard let root, let top = mapping(root, what: "the definition", question: nil) else {
            if root == nil { problem(at: nil, nil, "the file is empty; a definition needs `title:` and `questions:`") }
            return nil
        }
        let fields = entries(top, allowed: QuestionnaireLoader.topKeys, what: "the top level", question: nil)
        guard let titleNode = fields["title"] else {
            problem(at: root, nil, "missing `title:`; give the questionnaire a title")
            return nil
        }
        let title = localizedText(titleNode, what: "title", question: nil) ?? LocalizedText("")
        let language = fields["language"].flatMap { scalar($0, what: "language", question: nil) } ?? "en"
        let convention = fields["number_format"].flatMap { numberConvention($0, question: nil) }
        let event = fields["event"].flatMap { self.event(from: $0) }
        let stopwords = fields["stopwords"].map { stringList($0, what: "stopwords", question: nil) } ?? []
        let sharedMissing = fields["missing"].map { declaredMissingCodes($0, question: nil) } ?? []

        guard let questionsNode = fields["questions"] else {
            problem(at: root, nil, "missing `questions:`; list the questions under it")
            return nil
        }
        guard case .sequence(let items) = questionsNode, !items.isEmpty else {
            problem(at: questionsNode, nil, "`questions:` must be a non-empty list of questions (lines starting with `- id: …`)")
            return nil
        }
        var questions: [Question] = []
        var ownMissing: [[DeclaredMissingCode]?] = []
        var conditions: [(index: Int, node: Node, source: String)] = []
        var seen: [String: Int] = [:]
        for item in items {
            guard let (question, when, missing) = self.question(from: item) else { continue }
            if let line = seen[question.id] {
                problem(at: item, question.id, "duplicate id; the same id is used at line \(line). Each question needs its own id")
                continue
            }
            seen[question.id] = item.mark?.line ?? 0
            if let when { conditions.append((questions.count, when.node, when.source)) }
            questions.append(question)
            ownMissing.append(missing)
        }
        // Before conditions are read, so `when: q == 99` can name a missing code.
        for index in questions.indices {
            questions[index].missingCodes = resolveMissingCodes(of: questions[index], own: ownMissing[index], shared: sharedMissing)
        }
        checkColumnAliases(questions, items: items)
        checkOtherColumns(questions, items: items)
        // Conditions are read once every id is known, so a reference to a later question is
        // reported as such rather than as an unknown id.
        for condition in conditions {
            let id = questions[condition.index].id
            do {
                questions[condition.index].when = try ConditionParser.parse(condition.source, questions: questions, earlierThan: condition.index)
            } catch {
                let node = condition.node
                let quoteOffset = node.scalar?.style == .plain ? 0 : 1
                let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: (node.mark?.column ?? 1) + quoteOffset + error.column - 1)
                problems.append(DefinitionProblem(location: location, questionID: id, message: "in `when: \(ConditionError.excerpt(condition.source))`: \(error.message)"))
            }
        }
        let themes = declaredThemes(top: fields["themes"], items: items, questions: questions)
        let plan = fields["report"].map { reportPlan(from: $0, questions: questions, themes: themes) } ?? ReportPlan()
        var questionnaire = Questionnaire(title: title, language: language, event: event, questions: questions, report: plan, stopwords: stopwords,
                                          numberConvention: convention, missingCodes: sharedMissing.map(\.code))
        questionnaire.themes = themes
        return questionnaire
    }

    /// A `column:` alias that would match two questions makes the header ambiguous: it may not
    /// match another question's id or another question's alias.
    private mutating func checkColumnAliases(_ questions: [Question], items: Node.Sequence) {
        var owners: [String: String] = [:]
        for question in questions { owners[HeaderKey.normalized(question.id)] = question.id }
        for question in questions {
            for alias in question.columns {
                let key = HeaderKey.normalized(alias)
                if let owner = owners[key], owner != question.id {
                    var node: Node?
                    for item in items {
                        if case .mapping(let map) = item, map["id"]?.scalar?.string == question.id { node = map["column"] ?? item }
                    }
                    problem(at: node, question.id, "`column: \(alias)` also matches question `\(owner)`, so a header `\(alias)` could be either; give each question its own column names")
                } else {
                    owners[key] = question.id
                }
            }
        }
    }

    /// `ID_other` is the column of a question's other answers: no question may be called that.
    private mutating func checkOtherColumns(_ questions: [Question], items: Node.Sequence) {
        let ids = Set(questions.map(\.id))
        for question in questions {
            guard let column = question.otherColumn, ids.contains(column) else { continue }
            var node: Node?
            for item in items {
                if case .mapping(let map) = item, map["id"]?.scalar?.string == column { node = map["id"] }
            }
            problem(at: node, column, "`\(column)` is the column of the other answers of question `\(question.id)` (`other: true`); give this question another id")
        }
    }

    /// `other: true` or `other: {en: Other, ru: Другое}` (the label): adds the `other` choice
    /// that counts answers outside the list, or adopts a listed choice with code `other`.
    private mutating func allowOther(_ node: Node, in question: inout Question) {
        var label = LocalizedText(translations: [("en", "Other"), ("ru", "Другое")])
        var given = false
        if case .scalar(let scalar) = node, ["true", "yes", "false", "no"].contains(scalar.string.lowercased()) {
            guard boolean(node, what: "other", question: question.id) == true else { return }
        } else if let text = localizedText(node, what: "other", question: question.id) {
            label = text
            given = true
        } else {
            return
        }
        var choices: [Choice]
        let multiple: Bool
        switch question.kind {
        case .singleChoice(let list): (choices, multiple) = (list, false)
        case .multipleChoice(let list, _): (choices, multiple) = (list, true)
        default:
            problem(at: node, question.id, "`other` applies to single_choice and multiple_choice questions only, not to \(question.kind.keyword)")
            return
        }
        if let index = choices.firstIndex(where: { $0.code == Choice.otherCode }) {
            if given {
                problem(at: node, question.id, "choice `other` is already listed with its label; write `other: true` to use it for other answers, or drop it from `choices`")
            }
            question.otherChoice = index
            return
        }
        var owners: [String: String] = [:]
        for choice in choices {
            for text in [choice.code] + choice.label.allTexts + choice.aliases { owners[TextFolding.fold(text)] = choice.code }
        }
        for text in [Choice.otherCode] + label.allTexts {
            if let owner = owners[TextFolding.fold(text)] {
                problem(at: node, question.id, "the other choice (`other`, labelled \(label.allTexts.map { "`\($0)`" }.joined(separator: ", "))) clashes with choice `\(Confusables.visible(owner))`: `\(Confusables.visible(text))` would match both; give `other:` another label, e.g. `other: {en: Something else}`, or rename that choice to `other`")
                return
            }
        }
        if multiple, choices.count >= ChoiceSet.capacity {
            problem(at: node, question.id, "a multiple-choice question may have at most \(ChoiceSet.capacity) choices with the other choice; it has \(choices.count) besides")
            return
        }
        choices.append(Choice(code: Choice.otherCode, label: label))
        question.otherChoice = choices.count - 1
        if case .multipleChoice(_, let maxChoices) = question.kind {
            question.kind = .multipleChoice(choices, maxChoices: maxChoices)
        } else {
            question.kind = .singleChoice(choices)
        }
    }

    private mutating func event(from node: Node) -> Event? {
        guard let map = mapping(node, what: "event", question: nil) else { return nil }
        let fields = entries(map, allowed: ["id", "name", "date", "place", "participants"], what: "event", question: nil)
        var event = Event()
        if let node = fields["id"], let id = scalar(node, what: "event id", question: nil) {
            // It heads every row of the report's CSVs: one line, something to read.
            if id.trimmingCharacters(in: .whitespaces).isEmpty || id.contains(where: \.isNewline) {
                problem(at: node, nil, "`id` of the event must be a short name on one line (e.g. `kashkasuu-2013`), not `\(VisibleText.message(id))`")
            } else {
                event.id = id
            }
        }
        event.name = fields["name"].flatMap { localizedText($0, what: "event name", question: nil) }
        event.place = fields["place"].flatMap { localizedText($0, what: "event place", question: nil) }
        event.date = fields["date"].flatMap { scalar($0, what: "event date", question: nil) }
        if let node = fields["participants"], let text = scalar(node, what: "participants", question: nil) {
            if let count = Int(text), count > 0 {
                event.participants = count
            } else {
                problem(at: node, nil, "`participants` must be a whole number above 0 (how many people took part), not `\(text)`")
            }
        }
        return event
    }

    private mutating func reportPlan(from node: Node, questions: [Question], themes: [Theme]) -> ReportPlan {
        var plan = ReportPlan()
        guard let map = mapping(node, what: "report", question: nil) else { return plan }
        let fields = entries(map, allowed: ["crosstabs", "keywords"], what: "report", question: nil)
        if let crosstabs = fields["crosstabs"] {
            if case .sequence(let pairs) = crosstabs {
                for pair in pairs {
                    let ids = stringList(pair, what: "a cross-tab", question: nil)
                    guard ids.count == 2 else {
                        problem(at: pair, nil, "each cross-tab is a pair `[row_id, column_id]`")
                        continue
                    }
                    var valid = true
                    if ids[0] == ids[1] {
                        // Every answer agrees with itself: a "significant" association that says nothing.
                        problem(at: pair, ids[0], "a cross-tab needs two different questions, not `\(ids[0])` against itself; pair it with another closed question, e.g. `[\(ids[0]), OTHER_ID]`")
                        continue
                    }
                    if ids.allSatisfy({ CrossTabPair.themesQuestion(of: $0) != nil }) {
                        problem(at: pair, nil, "a cross-tab may have themes on one side only; pair `\(ids[0])` with a closed question, e.g. `[\(ids[0]), org_type]`")
                        continue
                    }
                    for id in ids {
                        if let textID = CrossTabPair.themesQuestion(of: id) {
                            if let message = themesSideProblem(textID, questions: questions, themes: themes) {
                                problem(at: pair, textID, message)
                                valid = false
                            }
                            continue
                        }
                        guard let question = questions.first(where: { $0.id == id }) else {
                            problem(at: pair, nil, "cross-tab names unknown question `\(id)`")
                            valid = false
                            continue
                        }
                        if !question.kind.isClosed {
                            problem(at: pair, id, "cannot be cross-tabulated: it is \(question.kind.keyword); use single_choice, multiple_choice, rating or yes_no questions")
                            valid = false
                        }
                    }
                    if valid { plan.crosstabs.append(CrossTabPair(row: ids[0], column: ids[1])) }
                }
            } else {
                problem(at: crosstabs, nil, "`crosstabs` must be a list of pairs, e.g. `[[org_type, attend_again]]`")
            }
        }
        if let keywords = fields["keywords"] {
            for id in stringList(keywords, what: "keywords", question: nil) {
                guard let question = questions.first(where: { $0.id == id }) else {
                    problem(at: keywords, nil, "`keywords` names unknown question `\(id)`")
                    continue
                }
                if question.kind != .text {
                    problem(at: keywords, id, "keywords are counted in text questions; this one is \(question.kind.keyword)")
                    continue
                }
                plan.keywords.append(id)
            }
        }
        return plan
    }

    // MARK: Questions

    private mutating func question(from node: Node) -> (Question, when: (node: Node, source: String)?, missing: [DeclaredMissingCode]?)? {
        guard let map = mapping(node, what: "a question", question: nil) else { return nil }
        let idNode = map["id"]
        let id = idNode.flatMap { scalar($0, what: "id", question: nil) }
        let fields = entries(map, allowed: QuestionnaireLoader.questionKeys, what: "a question", question: id)
        guard let id, let idNode else {
            problem(at: node, nil, "missing `id:`; every question needs an id such as `usefulness`")
            return nil
        }
        guard QuestionnaireLoader.isValidID(id) else {
            let hidden = Confusables.suspects(in: id)
            let found = hidden.isEmpty ? "" : "; `\(Confusables.visible(id))` contains \(hidden.joined(separator: ", ")), which looks like nothing or like a Latin letter"
            problem(at: idNode, Confusables.visible(id), "ids start with a lowercase letter and use only a-z, 0-9 and _ (they become CSV column names)\(found)")
            return nil
        }
        guard let typeNode = fields["type"], let typeName = scalar(typeNode, what: "type", question: id) else {
            problem(at: node, id, "missing `type:`; use one of \(QuestionKind.keywords.joined(separator: ", "))")
            return nil
        }
        let text: LocalizedText
        if let textNode = fields["text"] {
            text = localizedText(textNode, what: "text", question: id) ?? LocalizedText(id)
        } else {
            problem(at: node, id, "missing `text:`, the question as printed on the form")
            text = LocalizedText(id)
        }
        var required = false
        if let requiredNode = fields["required"] {
            required = boolean(requiredNode, what: "required", question: id) ?? false
        }
        guard let kind = self.kind(typeName, typeNode: typeNode, fields: fields, id: id) else { return nil }
        let convention = fields["number_format"].flatMap { numberConvention($0, question: id) }
        var question = Question(id: id, kind: kind, text: text, required: required, numberConvention: convention)
        if let otherNode = fields["other"] { allowOther(otherNode, in: &question) }
        if let bestNode = fields["best"], case .rating(let scale, _) = kind { question.bestRating = bestRating(bestNode, scale: scale, question: id) }
        if let columnNode = fields["column"] {
            question.columns = columnAliases(columnNode, question: id)
        }
        var missing: [DeclaredMissingCode]?
        if let missingNode = fields["missing"] {
            if MissingCode.applies(to: kind) {
                missing = declaredMissingCodes(missingNode, question: id)
            } else {
                problem(at: missingNode, id, "`missing` does not apply to a \(kind.keyword) question: a \(kind.keyword) answer such as `99` is kept as written; declare missing codes on single_choice, multiple_choice, rating, yes_no or number questions")
            }
        }
        if let whenNode = fields["when"], let source = scalar(whenNode, what: "when", question: id) {
            return (question, (whenNode, source), missing)
        }
        return (question, nil, missing)
    }

    /// `best: 3`: a point of the rating's scale.
    private mutating func bestRating(_ node: Node, scale: ClosedRange<Int>, question id: String) -> Int? {
        guard let text = scalar(node, what: "best", question: id) else { return nil }
        guard let point = Int(text), scale.contains(point) else {
            problem(at: node, id, "`best` must be a point of the scale \(scale.lowerBound)–\(scale.upperBound) (the answer that is best, e.g. `best: 3` for \"Just enough\"), not `\(text)`")
            return nil
        }
        return point
    }

    /// `column: W.Hnd` or `column: [W.Hnd, Writing hand]`: headers the question has in exports.
    private mutating func columnAliases(_ node: Node, question id: String) -> [String] {
        let names: [String]
        if case .scalar(let scalar) = node { names = [scalar.string] } else { names = stringList(node, what: "column", question: id) }
        return names.filter { name in
            guard HeaderKey.normalized(name).isEmpty else { return true }
            problem(at: node, id, "`column: \(name)` has no letter or digit, so no header can match it; write the column's header as it appears in the export")
            return false
        }
    }

    private mutating func kind(_ typeName: String, typeNode: Node, fields: [String: Node], id: String) -> QuestionKind? {
        let parameterOwners: [String: [String]] = [
            "choices": ["single_choice", "multiple_choice"], "max_choices": ["multiple_choice"],
            "scale": ["rating"], "labels": ["rating"], "best": ["rating"], "min": ["number"], "max": ["number"], "integer": ["number"],
            "themes": ["text"],
        ]
        for (key, owners) in parameterOwners.sorted(by: { $0.key < $1.key }) where fields[key] != nil && !owners.contains(typeName) && QuestionKind.keywords.contains(typeName) {
            problem(at: fields[key]!, id, "`\(key)` does not apply to a \(typeName) question; it belongs to \(owners.joined(separator: " or "))")
        }
        switch typeName {
        case "single_choice":
            return .singleChoice(choices(fields["choices"], question: id, at: typeNode, multiple: false))
        case "multiple_choice":
            let list = choices(fields["choices"], question: id, at: typeNode, multiple: true)
            var maxChoices: Int?
            if let node = fields["max_choices"], let text = scalar(node, what: "max_choices", question: id) {
                if let value = Int(text), value >= 1, value <= max(list.count, 1) {
                    maxChoices = value
                } else {
                    problem(at: node, id, "`max_choices` must be a whole number from 1 to \(list.count) (the number of choices), not `\(text)`")
                }
            }
            return .multipleChoice(list, maxChoices: maxChoices)
        case "rating":
            guard let scaleNode = fields["scale"] else {
                problem(at: typeNode, id, "a rating needs `scale: [low, high]`, e.g. `scale: [1, 5]`")
                return nil
            }
            guard let scale = ratingScale(scaleNode, question: id) else { return nil }
            var labels: [Int: LocalizedText] = [:]
            if let labelsNode = fields["labels"], let map = mapping(labelsNode, what: "labels", question: id) {
                for (key, value) in map {
                    guard let pointText = scalar(key, what: "a label's scale point", question: id), let point = Int(pointText), scale.contains(point) else {
                        problem(at: key, id, "label keys must be points of the scale \(scale.lowerBound)–\(scale.upperBound), not `\(key.scalar?.string ?? "?")`")
                        continue
                    }
                    labels[point] = localizedText(value, what: "label \(point)", question: id)
                }
            }
            return .rating(scale, labels: labels)
        case "yes_no":
            return .yesNo
        case "number":
            let minimum = number(fields["min"], what: "min", question: id)
            let maximum = number(fields["max"], what: "max", question: id)
            if let minimum, let maximum, minimum > maximum {
                problem(at: fields["min"]!, id, "`min` (\(Answer.format(minimum))) is above `max` (\(Answer.format(maximum)))")
            }
            let integer = fields["integer"].flatMap { boolean($0, what: "integer", question: id) } ?? false
            return .number(min: minimum, max: maximum, integer: integer)
        case "text":
            return .text
        case "date":
            return .date
        default:
            let hint = QuestionnaireLoader.closest(to: typeName, in: QuestionKind.keywords).map { "did you mean `\($0)`? " } ?? ""
            problem(at: typeNode, id, "unknown type `\(typeName)`; \(hint)types are \(QuestionKind.keywords.joined(separator: ", "))")
            return nil
        }
    }

    /// `[low, high]`: whole numbers within ±`DefinitionLimits.ratingBound`, low < high, at most
    /// `DefinitionLimits.ratingPoints` points. Checked in that order, so `high - low` cannot overflow.
    private mutating func ratingScale(_ node: Node, question id: String) -> ClosedRange<Int>? {
        let texts = stringList(node, what: "scale", question: id)
        let bound = DefinitionLimits.ratingBound, points = DefinitionLimits.ratingPoints
        guard texts.count == 2, let low = Int(texts[0]), let high = Int(texts[1]) else {
            problem(at: node, id, "`scale` must be two whole numbers `[low, high]`, e.g. `[1, 5]`, not `[\(texts.joined(separator: ", "))]`")
            return nil
        }
        guard (-bound...bound).contains(low), (-bound...bound).contains(high) else {
            problem(at: node, id, "`scale` points must lie between -\(bound) and \(bound); `[\(low), \(high)]` is outside, use a scale such as `[1, 5]` or `[0, 10]`")
            return nil
        }
        guard low < high else {
            problem(at: node, id, "`scale` must be two whole numbers `[low, high]` with low < high, e.g. `[1, 5]`, not `[\(low), \(high)]`")
            return nil
        }
        guard high - low < points else {
            problem(at: node, id, "`scale` `[\(low), \(high)]` has \(high - low + 1) points; a rating may have at most \(points) (e.g. `[0, 100]`); use a number question for wider ranges")
            return nil
        }
        return low...high
    }

    private mutating func choices(_ node: Node?, question id: String, at typeNode: Node, multiple: Bool) -> [Choice] {
        guard let node else {
            problem(at: typeNode, id, "a choice question needs `choices:` (code: label pairs)")
            return []
        }
        var pairs: [(Node, Node)] = []
        // Key nodes of `{code: …, label: …, aliases: …}` items, whose other keys are details.
        var detailed: Set<Node> = []
        switch node {
        case .mapping(let map):
            pairs = map.map { ($0.key, $0.value) }
        case .sequence(let items):
            for item in items {
                if case .mapping(let map) = item, let codeNode = map["code"] {
                    // `{code: us, label: United States, aliases: [USA]}`
                    var details: [(Node, Node)] = []
                    for (key, value) in map where key.scalar?.string != "code" { details.append((key, value)) }
                    pairs.append((codeNode, .mapping(Node.Mapping(details))))
                    detailed.insert(codeNode)
                } else if case .mapping(let map) = item, map.count == 1 {
                    pairs.append((map[map.startIndex].key, map[map.startIndex].value))
                } else {
                    problem(at: item, id, "write each choice as `code: label`")
                }
            }
        default:
            problem(at: node, id, "`choices` must map codes to labels, e.g. `{gov: Government agency, ngo: NGO}`")
        }
        var result: [Choice] = []
        var keyNodes: [Node] = []
        var codes: Set<String> = []
        var seen: [String: String] = [:]  // folded code, label or alias → the code it belongs to
        var seenDotless: [String: (code: String, alias: Bool)] = [:]  // the same without trailing dots
        codes.reserveCapacity(pairs.count)
        seen.reserveCapacity(2 * pairs.count)
        var invisible: [(code: String, node: Node)] = []
        for (keyNode, valueNode) in pairs {
            guard let code = scalar(keyNode, what: "a choice code", question: id) else { continue }
            let shown = Confusables.visible(code)
            if code.isEmpty || code.contains(";") || (multiple && code.contains(where: \.isWhitespace)) {
                problem(at: keyNode, id, "choice code `\(shown)` may not be empty or contain `;`\(multiple ? " or spaces" : ""): those separate choices in multiple-choice cells")
                continue
            }
            if Confusables.hasInvisible(code) {
                invisible.append((code, keyNode))
                continue
            }
            guard codes.insert(code).inserted else {
                problem(at: keyNode, id, "choice code `\(shown)` is listed twice")
                continue
            }
            var labelNode = valueNode
            var aliasNodes: [Node] = []
            if case .mapping(let map) = valueNode, detailed.contains(keyNode) || map["aliases"] != nil || map["label"] != nil {
                // `us: {label: United States, aliases: [USA, U.S.]}`
                let details = entries(map, allowed: ["label", "aliases"], what: "choice `\(shown)`", question: id)
                labelNode = details["label"] ?? .scalar(.init(code))
                if let node = details["aliases"] {
                    if case .sequence(let items) = node { aliasNodes = Array(items) } else { aliasNodes = [node] }
                }
            }
            let label = localizedText(labelNode, what: "the label of `\(shown)`", question: id) ?? LocalizedText(code)
            func claim(_ text: String, at node: Node, alias: Bool) {
                let folded = TextFolding.fold(text)
                let dotless = AnswerParser.withoutTrailingDots(folded)
                if let owner = seen[folded] {
                    if owner != code {
                        let what = alias ? "alias `\(Confusables.visible(text))` of choice `\(shown)`" : "choice `\(shown)`"
                        problem(at: node, id, "\(what) clashes with `\(Confusables.visible(owner))`: `\(Confusables.visible(text))` would match both when importing (codes, labels and aliases are matched ignoring case and spaces)")
                    }
                } else if let owner = seenDotless[dotless], owner.code != code, alias || owner.alias {
                    problem(at: node, id, "\(alias ? "alias `\(Confusables.visible(text))` of choice `\(shown)`" : "choice `\(shown)`") clashes with `\(Confusables.visible(owner.code))`: `\(Confusables.visible(text))` would match both when importing (aliases are matched ignoring case, spaces and trailing dots)")
                } else {
                    seen[folded] = code
                }
                if seenDotless[dotless] == nil { seenDotless[dotless] = (code, alias) }
            }
            claim(code, at: keyNode, alias: false)
            for (_, text) in label.translations { claim(text, at: keyNode, alias: false) }
            var aliases: [String] = []
            for node in aliasNodes {
                guard let text = scalar(node, what: "an alias of `\(shown)`", question: id) else { continue }
                guard !TextFolding.fold(text).isEmpty else {
                    problem(at: node, id, "an alias of choice `\(shown)` is empty; list the texts that mean this answer, e.g. `aliases: [USA, U.S.]`")
                    continue
                }
                claim(text, at: node, alias: true)
                aliases.append(text)
            }
            result.append(Choice(code: code, label: label, aliases: aliases))
            keyNodes.append(keyNode)
        }
        for clash in LookAlikeChoices.clashes(in: result) {
            problem(at: keyNodes[clash.choice], id, QuestionnaireLoader.lookAlikeMessage(clash))
        }
        for (entry, twin) in zip(invisible, LookAlikeChoices.twins(of: invisible.map(\.code), among: result.map(\.code))) {
            let looksLike = twin.map { ", so it looks the same as choice `\(Confusables.visible($0))`" } ?? ""
            problem(at: entry.node, id, "choice code \(Confusables.quoted(entry.code)) contains invisible characters\(looksLike); codes are written into data files and must look like what they are: retype it without them")
        }
        if pairs.isEmpty, case .mapping = node {
            problem(at: node, id, "`choices` is empty; list at least one `code: label`")
        }
        if multiple, result.count > ChoiceSet.capacity {
            problem(at: node, id, "a multiple-choice question may have at most \(ChoiceSet.capacity) choices; it has \(result.count)")
            return Array(result.prefix(ChoiceSet.capacity))
        }
        return result
    }

    /// Names both choices and the characters that make their texts look alike.
    private static func lookAlikeMessage(_ clash: LookAlikeChoices.Clash) -> String {
        let advice = "readers cannot tell them apart, so answers to one would be read as the other; retype them in one alphabet without invisible characters"
        guard let language = clash.language else {
            return "choice codes \(Confusables.quoted(clash.code)) and \(Confusables.quoted(clash.otherCode)) look the same but are different text; \(advice)"
        }
        let which = language.isEmpty ? "" : " (\(language))"
        return "the label\(which) \(Confusables.quoted(clash.text)) of choice `\(Confusables.visible(clash.code))` looks the same as the label \(Confusables.quoted(clash.otherText)) of choice `\(Confusables.visible(clash.otherCode))` but is different text; \(advice)"
    }

    // MARK: Node readers

    mutating func mapping(_ node: Node, what: String, question: String?) -> Node.Mapping? {
        if case .mapping(let map) = node { return map }
        problem(at: node, question, "\(what) must be a mapping of `key: value` lines")
        return nil
    }

    /// The mapping's entries by key, reporting unknown and repeated keys.
    mutating func entries(_ map: Node.Mapping, allowed: [String], what: String, question: String?) -> [String: Node] {
        var result: [String: Node] = [:]
        for (keyNode, value) in map {
            guard let key = keyNode.scalar?.string else {
                problem(at: keyNode, question, "keys in \(what) must be plain words")
                continue
            }
            guard allowed.contains(key) else {
                let hint = QuestionnaireLoader.closest(to: key, in: allowed).map { "did you mean `\($0)`? " } ?? ""
                problem(at: keyNode, question, "unknown key `\(key)` in \(what); \(hint)known keys: \(allowed.joined(separator: ", "))")
                continue
            }
            if result[key] != nil {
                problem(at: keyNode, question, "`\(key)` is given twice in \(what)")
                continue
            }
            result[key] = value
        }
        return result
    }

    mutating func scalar(_ node: Node, what: String, question: String?) -> String? {
        if case .scalar(let scalar) = node { return scalar.string }
        problem(at: node, question, "`\(what)` must be a single value, not a list or mapping")
        return nil
    }

    mutating func stringList(_ node: Node, what: String, question: String?) -> [String] {
        guard case .sequence(let items) = node else {
            problem(at: node, question, "`\(what)` must be a list, e.g. `[a, b]`")
            return []
        }
        return items.compactMap { scalar($0, what: what, question: question) }
    }

    mutating func localizedText(_ node: Node, what: String, question: String?) -> LocalizedText? {
        switch node {
        case .scalar(let scalar):
            return LocalizedText(scalar.string)
        case .mapping(let map):
            var translations: [(language: String, text: String)] = []
            for (key, value) in map {
                guard let language = key.scalar?.string, let text = scalar(value, what: "\(what) (\(key.scalar?.string ?? "?"))", question: question) else { continue }
                guard language.count >= 2, language.count <= 8, language.allSatisfy({ $0.isLetter || $0 == "-" }) else {
                    problem(at: key, question, "`\(language)` is not a language code; write translations as `{en: …, ru: …}`")
                    continue
                }
                translations.append((language, text))
            }
            guard !translations.isEmpty else {
                problem(at: node, question, "\(what) has no translations")
                return nil
            }
            return LocalizedText(translations: translations)
        default:
            problem(at: node, question, "\(what) must be text or a map of language to text, e.g. `{en: …, ru: …}`")
            return nil
        }
    }

    private mutating func boolean(_ node: Node, what: String, question: String?) -> Bool? {
        guard let text = scalar(node, what: what, question: question) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            problem(at: node, question, "`\(what)` must be true or false, not `\(text)`")
            return nil
        }
    }

    private mutating func number(_ node: Node?, what: String, question: String?) -> Double? {
        guard let node, let text = scalar(node, what: what, question: question) else { return nil }
        switch DecimalNumber.read(text) {
        case .value(let value):
            return value
        case .beyondRange:
            problem(at: node, question, "`\(what)` must be a number within \(DecimalNumber.rangeDescription), not `\(text)`")
        case .notANumber, .ambiguous:
            problem(at: node, question, "`\(what)` must be a decimal number such as 0, 16 or 2.5, not `\(text)`")
        }
        return nil
    }

    /// `number_format:` — `decimal_point` (`1,500.25`), `decimal_comma` (`1 500,25`), a
    /// language code (`en`, `ru`) for its convention, or `{decimal: ",", thousands: [space, "."]}`.
    private mutating func numberConvention(_ node: Node, question: String?) -> NumberConvention? {
        let help = "`number_format` must be decimal_point (1,500.25), decimal_comma (1 500,25), a language code such as en or ru, or {decimal: \",\", thousands: [space, \".\"]}"
        if case .mapping(let map) = node {
            let fields = entries(map, allowed: ["decimal", "thousands"], what: "number_format", question: question)
            guard let decimalNode = fields["decimal"], let mark = scalar(decimalNode, what: "decimal", question: question), mark == "." || mark == "," else {
                problem(at: fields["decimal"] ?? node, question, "`number_format` needs `decimal: \".\"` or `decimal: \",\"`")
                return nil
            }
            var grouping: Set<Character> = []
            if let thousands = fields["thousands"] {
                for item in stringList(thousands, what: "thousands", question: question) {
                    switch item {
                    case "space", " ": grouping.insert(" ")
                    case ",", ".": grouping.insert(Character(item))
                    default:
                        problem(at: thousands, question, "`thousands` lists space, \",\" or \".\", not `\(item)`")
                    }
                }
                if grouping.contains(Character(mark)) {
                    problem(at: thousands, question, "`\(mark)` cannot be both the decimal mark and a thousands separator")
                }
            } else {
                grouping = mark == "." ? NumberConvention.decimalPoint.grouping : NumberConvention.decimalComma.grouping
            }
            return NumberConvention(decimalMark: Character(mark), grouping: grouping)
        }
        guard let text = scalar(node, what: "number_format", question: question) else { return nil }
        guard let convention = NumberConvention(name: text) else {
            problem(at: node, question, "\(help), not `\(text)`")
            return nil
        }
        return convention
    }

    mutating func problem(at node: Node?, _ question: String?, _ message: String) {
        let mark = node?.mark
        let location = SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
        problems.append(DefinitionProblem(location: location, questionID: question, message: message))
    }

    // MARK: Helpers

    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The candidate within edit distance 2 of `word`, for "did you mean" hints.
    static func closest(to word: String, in candidates: [String]) -> String? {
        candidates.map { ($0, editDistance(word.lowercased(), $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
