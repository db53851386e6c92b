import Foundation
import SurveyModel
import Yams

/// The survey sheet's rows: types, names, groups, required and constraints.
extension XLSFormReading {
    mutating func walk(_ survey: XLSFormTable) -> [Draft] {
        var drafts: [Draft] = []
        var groups: [Group] = []
        var ids: [String: String] = [:]
        for row in survey.rows where !survey.isBlank(row) {
            guard let typeText = survey.value(row, "type") else {
                consumeRow(survey, row)
                notes.append("survey!A\(row.number): a row without a type; left out")
                continue
            }
            consume(survey, "type", row)
            var words = typeText.split(whereSeparator: \.isWhitespace).map(String.init)
            var head = words.removeFirst().lowercased()
            if ["begin", "end"].contains(head), let next = words.first, ["group", "repeat"].contains(next.lowercased()) {
                head += "_" + words.removeFirst().lowercased()
            } else if head == "select", let next = words.first, ["one", "multiple"].contains(next.lowercased()) {
                head += "_" + words.removeFirst().lowercased()
            } else if head == "select", words.prefix(3).map({ $0.lowercased() }) == ["all", "that", "apply"] {
                words.removeFirst(3)
                head = "select_all_that_apply"
            }
            // pyxform's other spellings of the same types.
            head = Self.typeAliases[head] ?? head
            let typeCell = survey.reference(row, "type")
            let name = survey.value(row, "name")
            consume(survey, "name", row)
            switch head {
            case "begin_group":
                consumeRow(survey, row)
                let relevant = survey.value(row, "relevant").map { ($0, survey.reference(row, "relevant")) }
                groups.append(Group(name: name ?? "group\(row.number)", row: row, relevant: relevant))
                continue
            case "end_group":
                consumeRow(survey, row)
                if groups.popLast() == nil {
                    problems.append(XLSFormProblem(reference: typeCell, message: "`end_group` without a `begin_group` before it; remove it or add the group's start"))
                }
                continue
            case "begin_repeat", "end_repeat":
                consumeRow(survey, row)
                if head == "begin_repeat" {
                    problems.append(XLSFormProblem(reference: typeCell, message: "repeat `\(name ?? "")` is refused: a definition holds one answer per question per respondent, and a repeat asks its questions many times; move the repeated questions to a form of their own"))
                }
                continue
            default:
                break
            }
            // `disabled: yes`: form tools leave the question out of the form, so does this.
            if let disabled = survey.value(row, "disabled"), ["yes", "true", "true()", "1"].contains(disabled.lowercased()) {
                consumeRow(survey, row)
                notes.append("\(survey.reference(row, "disabled")): `\(name ?? head)` is disabled (`disabled: \(disabled)`), as form tools leave it out of the form; left out")
                continue
            }
            if Self.metadataTypes.contains(head) {
                consumeRow(survey, row)
                let why = ["start", "end"].contains(head)
                    ? "form metadata, not a question; `survey import` reads the submission time (submitted_at) from the export's `_submission_time` or `SubmissionDate` column, else from its `end` column"
                    : "form metadata, not a question"
                notes.append("\(typeCell): `\(name ?? head)` (\(head)): \(why); left out")
                continue
            }
            if Self.leftOutTypes.contains(head) {
                consumeRow(survey, row)
                notes.append("\(typeCell): `\(name ?? head)` (\(head)): \(head == "note" || head == "acknowledge" ? "shows text, asks nothing a report counts" : "not a question type a definition has"); left out")
                continue
            }
            guard Self.questionTypes.contains(head) else {
                let known = Self.questionTypes + Self.metadataTypes.sorted() + Self.leftOutTypes.sorted()
                let hint = Suggestion.closest(to: head, in: known).map { "; did you mean `\($0)`?" } ?? ""
                problems.append(XLSFormProblem(reference: typeCell, message: "unknown type `\(typeText)`\(hint)"))
                continue
            }
            guard let name else {
                problems.append(XLSFormProblem(reference: survey.reference(row, "name"), message: "the \(head) question has no name; every question needs one (it becomes the id and the column)"))
                continue
            }
            let id = definitionID(name)
            if let earlier = ids[id] {
                problems.append(XLSFormProblem(reference: survey.reference(row, "name"), message: "name `\(name)` is the id `\(id)` again (already at \(earlier)); names must be unique"))
                continue
            }
            ids[id] = survey.reference(row, "name")
            var pairs: [(String, Node)] = [("id", Node(id)), ("type", Node("text"))]
            if let label = text(survey, row, base: "label") {
                pairs.append(("text", label))
            } else {
                pairs.append(("text", Node(name)))
                notes.append("\(survey.reference(row, "label")): `\(name)` has no label; its text is its name")
            }
            if let required = survey.value(row, "required") {
                switch required.lowercased() {
                case "yes", "true", "true()", "1": pairs.append(("required", Node("true"))); consume(survey, "required", row)
                case "no", "false", "false()", "0": consume(survey, "required", row)
                default:
                    consume(survey, "required", row)
                    notes.append("\(survey.reference(row, "required")): required `\(required)` is an expression; `\(id)` is not required")
                }
            }
            var columns: [String] = []
            let path = groups.map(\.name) + [name]
            if path.count > 1 { columns.append(path.joined(separator: "/")) }
            if id != name {
                columns.insert(name, at: 0)
                notes.append("\(survey.reference(row, "name")): name `\(name)` is not an id (`[a-z][a-z0-9_]*`); the id is `\(id)` and `\(name)` stays a column header")
            }
            let multiple = head == "select_multiple"
            guard let kind = kindPairs(head, words: words, typeText: typeText, survey: survey, row: row, id: id) else { continue }
            pairs[1] = ("type", Node(kind.type))
            pairs += kind.pairs
            if !columns.isEmpty {
                pairs.append(("column", columns.count == 1 ? Node(columns[0]) : Node(columns.map { Node($0) })))
            }
            mergeExtension(survey, row, into: &pairs)
            var relevant = groups.compactMap(\.relevant)
            if let own = survey.value(row, "relevant") {
                consume(survey, "relevant", row)
                relevant.append((own, survey.reference(row, "relevant")))
            }
            drafts.append(Draft(id: id, xlsName: name, row: row, pairs: pairs, relevant: relevant, multiple: multiple && kind.type == "multiple_choice",
                                nameCell: survey.reference(row, "name")))
        }
        for group in groups {
            problems.append(XLSFormProblem(reference: CellName.reference(sheet: survey.sheet.name, column: survey.columns["type"] ?? 0, row: group.row.number),
                                           message: "group `\(group.name)` is never closed; add an `end_group` row after its last question"))
        }
        return drafts
    }

    /// The id for an XLSForm name: lowercased, other characters as `_`, a letter first.
    func definitionID(_ name: String) -> String {
        var id = String(name.lowercased().unicodeScalars.map { scalar -> Character in
            (scalar.value >= 97 && scalar.value <= 122) || (scalar.value >= 48 && scalar.value <= 57) || scalar == "_" ? Character(scalar) : "_"
        })
        if let first = id.unicodeScalars.first, !(first.value >= 97 && first.value <= 122) { id = "q_" + id }
        return id
    }

    /// The definition type and its keys for an XLSForm question type.
    private mutating func kindPairs(_ head: String, words: [String], typeText: String, survey: XLSFormTable, row: XLSFormRow, id: String) -> (type: String, pairs: [(String, Node)])? {
        let typeCell = survey.reference(row, "type")
        switch head {
        case "select_one", "select_multiple":
            return selectPairs(head, words: words, typeText: typeText, survey: survey, row: row, id: id)
        case "integer", "decimal":
            var pairs: [(String, Node)] = []
            if let constraint = survey.value(row, "constraint") {
                consume(survey, "constraint", row)
                do {
                    let bounds = try ConstraintBounds.read(constraint, integer: head == "integer")
                    if let min = bounds.min { pairs.append(("min", Node(DecimalText.shortest(min)))) }
                    if let max = bounds.max { pairs.append(("max", Node(DecimalText.shortest(max)))) }
                    if bounds.strict {
                        notes.append("\(survey.reference(row, "constraint")): `\(constraint)`: a definition's bounds include their ends; `\(id)` takes min/max as inclusive")
                    }
                } catch {
                    notes.append("\(survey.reference(row, "constraint")): constraint `\(constraint)`: \(error.message) (at character \(error.column)); left out")
                }
            }
            if head == "integer" { pairs.append(("integer", Node("true"))) }
            return ("number", pairs)
        case "range":
            consume(survey, "parameters", row)
            let parameters = Self.parameters(survey.value(row, "parameters") ?? "")
            let start = parameters["start"].flatMap(Double.init) ?? 1
            let end = parameters["end"].flatMap(Double.init) ?? 10
            let step = parameters["step"].flatMap(Double.init) ?? 1
            if step == 1, start == start.rounded(), end == end.rounded(), start < end, end - start <= 100 {
                return ("rating", [("scale", Node([Node(DecimalText.shortest(start)), Node(DecimalText.shortest(end))], .implicit, .flow))])
            }
            notes.append("\(survey.reference(row, "parameters")): range `\(survey.value(row, "parameters") ?? "")` is not whole steps of 1 over at most 101 points; `\(id)` is a number from \(DecimalText.shortest(start)) to \(DecimalText.shortest(end))")
            return ("number", [("min", Node(DecimalText.shortest(Swift.min(start, end)))), ("max", Node(DecimalText.shortest(Swift.max(start, end))))])
        case "text":
            return ("text", [])
        case "date":
            return ("date", [])
        case "datetime":
            notes.append("\(typeCell): `\(id)` is datetime; a definition keeps the date only")
            return ("date", [])
        case "time":
            notes.append("\(typeCell): `\(id)` is time; a definition has no time type, so it is text")
            return ("text", [])
        default:
            return nil
        }
    }

    /// `start=1 end=5 step=1` (spaces or `;` between).
    static func parameters(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for part in text.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "," }) {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { result[pair[0].lowercased()] = String(pair[1]) }
        }
        return result
    }

    private mutating func selectPairs(_ head: String, words: [String], typeText: String, survey: XLSFormTable, row: XLSFormRow, id: String) -> (type: String, pairs: [(String, Node)])? {
        let typeCell = survey.reference(row, "type")
        guard let listName = words.first else {
            problems.append(XLSFormProblem(reference: typeCell, message: "`\(typeText)` names no list; write `\(head) LIST` with a list_name of the choices sheet"))
            return nil
        }
        let extra = words.dropFirst().map { $0.lowercased() }
        let other = extra == ["or_other"]
        if !extra.isEmpty, !other {
            problems.append(XLSFormProblem(reference: typeCell, message: "`\(typeText)`: only `or_other` may follow the list name"))
            return nil
        }
        guard choicesTable != nil else {
            let sheets = workbook.sheets.map(\.name).joined(separator: ", ")
            problems.append(XLSFormProblem(reference: typeCell, message: "`\(typeText)` uses list `\(listName)`, but the workbook has no `choices` sheet (its sheets: \(sheets))"))
            return nil
        }
        guard let list = lists[listName] else {
            let hint = Suggestion.closest(to: listName, in: Array(lists.keys)).map { "; did you mean `\($0)`?" } ?? (lists.isEmpty ? "; the choices sheet defines no lists" : "; lists: " + lists.keys.sorted().joined(separator: ", "))
            problems.append(XLSFormProblem(reference: typeCell, message: "unknown list name `\(listName)`\(hint)"))
            return nil
        }
        usedLists.insert(listName)
        let codes = list.choices.map(\.code)
        let multiple = head == "select_multiple"
        var pairs: [(String, Node)] = []
        let appearance = survey.value(row, "appearance")?.lowercased() ?? ""
        if !multiple, !other, codes == ["yes", "no"] {
            let plain = list.choices.allSatisfy { $0.labelTexts.allSatisfy { ["yes", "no", "да", "нет"].contains($0.lowercased()) } }
            if !plain {
                notes.append("\(typeCell): list `\(listName)` has the codes yes and no, so `\(id)` is yes_no; its labels (\(list.choices.flatMap(\.labelTexts).joined(separator: ", "))) become Yes/No")
            }
            return ("yes_no", [])
        }
        if !multiple, appearance.contains("likert") {
            consume(survey, "appearance", row)
            let points = codes.compactMap { Int($0) }
            if points.count == codes.count, let low = points.first, let high = points.last, points == Array(low...max(low, high)), high > low, high - low <= 100 {
                var labels: [(Node, Node)] = []
                for (point, choice) in zip(points, list.choices) {
                    guard let label = choice.label, !choice.labelTexts.allSatisfy({ $0 == choice.code }) else { continue }
                    labels.append((Node(String(point)), label))
                }
                pairs.append(("scale", Node([Node(String(low)), Node(String(high))], .implicit, .flow)))
                if !labels.isEmpty { pairs.append(("labels", Node(labels))) }
                if other { notes.append("\(typeCell): `\(id)` is a rating (likert list of whole numbers); or_other is left out") }
                return ("rating", pairs)
            }
            notes.append("\(survey.reference(row, "appearance")): `\(id)` has appearance likert, but list `\(listName)` is not consecutive whole numbers; it stays a single choice")
        }
        var choices: [(Node, Node)] = []
        for choice in list.choices {
            let label = choice.label ?? Node(choice.code)
            if let aliases = choice.aliases {
                choices.append((Node(choice.code), Node([(Node("label"), label), (Node("aliases"), aliases)])))
            } else {
                choices.append((Node(choice.code), label))
            }
        }
        pairs.append(("choices", Node(choices)))
        if other { pairs.append(("other", Node("true"))) }
        if multiple, let constraint = survey.value(row, "constraint") {
            consume(survey, "constraint", row)
            do {
                let bounds = try ConstraintBounds.read(constraint, integer: true)
                if let most = bounds.maxChoices, bounds.min == nil, bounds.max == nil {
                    pairs.append(("max_choices", Node(String(most))))
                } else {
                    notes.append("\(survey.reference(row, "constraint")): constraint `\(constraint)`: only `count-selected(.) <= N` is carried over (as max_choices); left out")
                }
            } catch {
                notes.append("\(survey.reference(row, "constraint")): constraint `\(constraint)`: \(error.message) (at character \(error.column)); left out")
            }
        }
        return (multiple ? "multiple_choice" : "single_choice", pairs)
    }

    // MARK: Choices sheet

    mutating func readLists(_ table: XLSFormTable) {
        guard let listColumn = table.columns["list_name"] ?? table.columns["list name"] else {
            problems.append(XLSFormProblem(reference: "\(table.sheet.name)!A\(table.headerRow)", message: "the choices sheet has no `list_name` column; its columns: \(table.headers.joined(separator: ", "))"))
            return
        }
        // Where each code of each list was first given: looked up, not searched for (a list of
        // 30,000 choices searched choice by choice took two minutes).
        var firstRows: [String: [String: XLSFormRow]] = [:]
        for row in table.rows where !table.isBlank(row) {
            guard let listName = row.cells[listColumn]?.trimmingCharacters(in: .whitespacesAndNewlines), !listName.isEmpty else {
                consumeRow(table, row)
                notes.append("\(table.reference(row, column: listColumn)): a choice without a list_name; left out")
                continue
            }
            consume(table, column: listColumn, row: row)
            guard let code = table.value(row, "name") else {
                problems.append(XLSFormProblem(reference: table.reference(row, "name"), message: "a choice of list `\(listName)` has no name; the name is the code written in data"))
                continue
            }
            consume(table, "name", row)
            if let first = firstRows[listName]?[code] {
                problems.append(XLSFormProblem(reference: table.reference(row, "name"), message: "choice `\(code)` of list `\(listName)` is given twice (first at \(table.reference(first, "name"))); a code names one choice: rename or remove one"))
                continue
            }
            firstRows[listName, default: [:]][code] = row
            let label = text(table, row, base: "label")
            let texts = (table.translated["label"] ?? []).compactMap { row.cells[$0.index]?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            var aliases: Node?
            if let cell = table.value(row, XLSFormImport.aliasesColumn) {
                consume(table, XLSFormImport.aliasesColumn, row)
                if let node = try? Yams.compose(yaml: cell, .basic), node.sequence != nil {
                    aliases = node
                } else {
                    problems.append(XLSFormProblem(reference: table.reference(row, XLSFormImport.aliasesColumn), message: "aliases must be a YAML list such as `[USA, U.S.]`; found `\(cell)`"))
                }
            }
            lists[listName, default: ChoiceList(name: listName, firstRow: row.number, choices: [])].choices.append((code, label, texts, aliases, row))
        }
    }

    // MARK: Skip logic

    /// The `when:` for a question's relevant cells, or nil with a note naming the cell.
    mutating func when(for draft: Draft, index: Int, drafts: [Draft], questions: [Question]) -> String? {
        var earlier: [String: RelevantExpression.Target] = [:]
        for other in drafts[..<index] { earlier[other.xlsName] = RelevantExpression.Target(id: other.id, multiple: other.multiple) }
        var parts: [String] = []
        // The conditions that hold together with a cell that cannot be kept go with it: each is
        // named, so none is dropped without a word.
        func alsoLeftOut(besides reference: String) -> String {
            let others = draft.relevant.filter { $0.reference != reference }
            guard !others.isEmpty else { return "" }
            return " together with " + others.map { "\($0.reference) `\($0.source)`" }.joined(separator: ", ")
        }
        for (source, reference) in draft.relevant {
            do {
                parts.append(try RelevantExpression.when(from: source, target: { earlier[$0] }))
            } catch {
                notes.append("\(reference): relevant `\(source)` of `\(draft.id)`: \(error.message) (at character \(error.column)); left out\(alsoLeftOut(besides: reference)), so `\(draft.id)` is asked always")
                return nil
            }
        }
        let when = parts.count == 1 ? parts[0] : parts.map { "(\($0))" }.joined(separator: " and ")
        do {
            _ = try ConditionParser.parse(when, questions: questions, earlierThan: index)
            return when
        } catch {
            let (source, reference) = draft.relevant.last!
            notes.append("\(reference): relevant `\(source)` of `\(draft.id)` reads as `\(when)`, which the definition refuses: \(error.message); left out\(alsoLeftOut(besides: reference)), so `\(draft.id)` is asked always")
            return nil
        }
    }
}

/// "Did you mean" for names: the closest candidate within a third of the word's length.
enum Suggestion {
    static func closest(to word: String, in candidates: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() {
            let d = distance(word.lowercased(), candidate.lowercased())
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        guard let best, best.distance <= max(2, word.count / 3) else { return nil }
        return best.name
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where j <= b.count {
                let substitution: Int = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                let edit: Int = min(previous[j] + 1, current[j - 1] + 1)
                current[j] = min(edit, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
