import Foundation
import SurveyModel
import Yams

/// The work of one XLSForm → definition conversion: walks the survey sheet row by row, collects
/// fatal problems (thrown together) and notes (written at the top of the definition).
struct XLSFormReading {
    let workbook: XLSFormWorkbook
    let file: String
    var problems: [XLSFormProblem] = []
    var notes: [String] = []
    /// Cells already accounted for (carried over or noted), by sheet name, as (column, row).
    var consumed: [String: Set<Cell>] = [:]
    /// The language an untagged `label` column stands for in a form with tagged ones.
    var defaultLanguage: String?
    var untaggedNoted = false
    var guessedLanguages: Set<String> = []
    /// Languages of tagged texts, in first-use order.
    var seenLanguages: [String] = []
    var lists: [String: ChoiceList] = [:]
    var choicesTable: XLSFormTable?
    var usedLists: Set<String> = []

    struct Cell: Hashable {
        var column: Int
        var row: Int
    }

    /// A list of the choices sheet.
    struct ChoiceList {
        var name: String
        var firstRow: Int
        var choices: [(code: String, label: Node?, labelTexts: [String], aliases: Node?, row: XLSFormRow)]
    }

    /// A question on its way into the definition.
    struct Draft {
        var id: String
        var xlsName: String
        var row: XLSFormRow
        var pairs: [(String, Node)]
        /// Relevant cells in force (the enclosing groups' first, then the question's own).
        var relevant: [(source: String, reference: String)]
        var multiple: Bool
        /// `survey!B7`: the name cell, where definition problems of the question point.
        var nameCell: String
    }

    /// An open `begin_group`.
    struct Group {
        var name: String
        var row: XLSFormRow
        var relevant: (source: String, reference: String)?
    }

    init(workbook: XLSFormWorkbook, file: String) {
        self.workbook = workbook
        self.file = file
    }

    static let metadataTypes: Set<String> = [
        "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "email",
        "audit", "start-geopoint", "background-audio", "caseid", "uri:deviceid", "uri:email", "uri:username",
        "uri:phonenumber", "uri:subscriberid", "uri:simserial",
    ]
    static let leftOutTypes: Set<String> = [
        "note", "acknowledge", "calculate", "hidden", "geopoint", "geotrace", "geoshape", "image", "audio",
        "video", "file", "barcode", "background-geopoint", "xml-external", "csv-external", "rank", "trigger",
        "select_one_from_file", "select_multiple_from_file", "begin_rank",
    ]
    static let typeAliases = [
        "int": "integer", "string": "text", "select1": "select_one", "select_all_that_apply": "select_multiple",
        "begin_field-list": "begin_group", "end_field-list": "end_group", "add_note_prompt": "note", "q_note": "note",
        "select_one_external": "select_one_from_file", "select_multiple_external": "select_multiple_from_file",
    ]
    static let questionTypes = ["select_one", "select_multiple", "integer", "decimal", "range", "text", "date", "datetime", "time",
                                "begin_group", "end_group", "begin_repeat", "end_repeat"]

    // MARK: Whole form

    mutating func convert() throws(XLSFormError) -> XLSFormConversion {
        let sheetNames = workbook.sheets.map(\.name)
        guard let surveySheet = workbook.sheet("survey") else {
            throw .missingSheet(path: file, sheet: "survey", why: "which holds the questions of an XLSForm", sheets: sheetNames)
        }
        let survey = XLSFormTable(surveySheet)
        for column in ["type", "name"] where survey.columns[column] == nil {
            throw .missingColumn(path: file, sheet: surveySheet.name, column: column, columns: survey.headers)
        }
        let settings = workbook.sheet("settings").map(XLSFormTable.init)
        let settingsRow = settings?.rows.first { !(settings?.isBlank($0) ?? true) }
        if let choicesSheet = workbook.sheet("choices") { choicesTable = XLSFormTable(choicesSheet) }

        setUpLanguages(survey: survey, settings: settings, settingsRow: settingsRow)
        if let choicesTable { readLists(choicesTable) }

        var drafts = walk(survey)
        noteUnusedLists()
        // Every row left out (notes, metadata, disabled): say why, row by row, rather than
        // only that a definition needs questions.
        if drafts.isEmpty, problems.isEmpty {
            let why = notes.isEmpty ? "" : ": " + XLSFormReading.inSheetOrder(notes, sheets: workbook.sheets.map(\.name)).joined(separator: "; ")
            problems.append(XLSFormProblem(reference: "survey!A\(survey.headerRow)", message: "no question is left to carry over\(why)"))
        }
        if !problems.isEmpty { throw .cells(path: file, problems) }

        var top: [(String, Node)] = []
        top.append(("title", title(settings: settings, row: settingsRow, survey: survey)))
        if let language = definitionLanguage(settings: settings, row: settingsRow) { top.append(("language", Node(language))) }
        if let settings, let settingsRow { mergeExtension(settings, settingsRow, into: &top) }
        if !problems.isEmpty { throw .cells(path: file, problems) }
        noteLeftovers(survey)
        if let choicesTable { noteLeftovers(choicesTable) }
        if let settings, let settingsRow { noteSettings(settings, settingsRow) }

        // Pass 1: the definition without skip logic, to resolve conditions against.
        let first = try load(top: top, drafts: drafts)
        // Pass 2: each relevant that translates and resolves becomes `when:`.
        for index in drafts.indices where !drafts[index].relevant.isEmpty {
            if let when = self.when(for: drafts[index], index: index, drafts: drafts, questions: first.questions) {
                drafts[index].pairs.append(("when", Node(when)))
            }
        }
        let questionnaire = try load(top: top, drafts: drafts)
        notes = XLSFormReading.inSheetOrder(notes, sheets: workbook.sheets.map(\.name))
        return XLSFormConversion(yaml: header() + serialize(top: top, drafts: drafts), notes: notes, questionnaire: questionnaire)
    }

    private func serialize(top: [(String, Node)], drafts: [Draft]) -> String {
        let questions = Node(drafts.map { draft in Node(draft.pairs.map { (Node($0.0), $0.1) }) })
        let root = Node((top + [("questions", questions)]).map { (Node($0.0), $0.1) })
        // Serializing a tree of plain strings cannot fail; an empty text is the fallback.
        return (try? Yams.serialize(node: root, width: -1, allowUnicode: true)) ?? ""
    }

    private func load(top: [(String, Node)], drafts: [Draft]) throws(XLSFormError) -> Questionnaire {
        let yaml = serialize(top: top, drafts: drafts)
        do {
            return try QuestionnaireLoader.parse(yaml: yaml, file: file)
        } catch {
            guard case .invalid(let found) = error else { throw .definition(path: file, error.problems) }
            throw .definition(path: file, found.map { problem in
                let draft = drafts.first { $0.id == problem.questionID }
                let place = draft.map { "\($0.nameCell): question `\($0.id)`: " } ?? ""
                return place + problem.message
            })
        }
    }

    /// Notes sorted by the cell they name (sheet, row, column), so the list reads like the form.
    static func inSheetOrder(_ notes: [String], sheets: [String]) -> [String] {
        func key(_ note: String) -> (Int, Int, Int) {
            let head = note.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
            let reference = head.split(separator: " ").last.map(String.init) ?? head
            let parts = reference.split(separator: "!")
            let sheet = sheets.firstIndex { $0.lowercased() == parts.first?.lowercased() } ?? sheets.count
            guard parts.count == 2 else { return (sheet, 0, 0) }
            let letters = parts[1].prefix { $0.isLetter }
            return (sheet, Int(parts[1].dropFirst(letters.count)) ?? 0, CellName.columnIndex(letters) ?? 0)
        }
        return notes.enumerated().map { (key($0.element), $0.offset, $0.element) }
            .sorted { ($0.0.0, $0.0.1, $0.0.2, $0.1) < ($1.0.0, $1.0.1, $1.0.2, $1.1) }.map(\.2)
    }

    private func header() -> String {
        var lines = ["# Converted by `survey convert` from \((file as NSString).lastPathComponent) (XLSForm)."]
        if notes.isEmpty {
            lines.append("# Everything in the form was carried over.")
        } else {
            lines.append("# Not carried over (\(notes.count)):")
            lines += notes.map { "# - " + $0.replacingOccurrences(of: "\n", with: " ") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Languages and texts

    private mutating func setUpLanguages(survey: XLSFormTable, settings: XLSFormTable?, settingsRow: XLSFormRow?) {
        if let settings, let row = settingsRow, let name = settings.value(row, "default_language") {
            defaultLanguage = languageCode(name, at: settings.reference(row, "default_language"))
        }
    }

    /// The code for a language name, noting a guess once.
    mutating func languageCode(_ name: String, at reference: String) -> String {
        let (code, known) = XLSFormLanguage.code(for: name)
        if !known, !guessedLanguages.contains(code) {
            guessedLanguages.insert(code)
            notes.append("\(reference): language `\(name)` has no code in parentheses and is not a known name; its texts are keyed `\(code)`; write `\(name) (xx)` with its ISO 639 code")
        }
        return code
    }

    private func definitionLanguage(settings: XLSFormTable?, row: XLSFormRow?) -> String? {
        if let defaultLanguage { return defaultLanguage }
        // Without default_language, a form labelled only in other languages reports in its first.
        if let first = seenLanguages.first, !seenLanguages.contains("en") { return first }
        return nil
    }

    /// The text of the translated columns `base` (`label`, `label::Russian (ru)`) in `row`:
    /// a plain string when only the untagged column has text, else a language map.
    mutating func text(_ table: XLSFormTable, _ row: XLSFormRow, base: String) -> Node? {
        var untagged: String?
        var tagged: [(String, String)] = []
        for (language, index) in table.translated[base] ?? [] {
            // Texts are kept as written (a trailing control character is text too); only a
            // cell of nothing but spaces counts as blank.
            guard let cell = row.cells[index], !cell.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            consume(table, column: index, row: row)
            if let language {
                let code = languageCode(language, at: CellName.reference(sheet: table.sheet.name, column: index, row: table.headerRow))
                if !tagged.contains(where: { $0.0 == code }) { tagged.append((code, cell)) }
                if !seenLanguages.contains(code) { seenLanguages.append(code) }
            } else if untagged == nil {
                untagged = cell
            }
        }
        if tagged.isEmpty { return untagged.map { Node($0) } }
        if let untagged {
            let code = defaultLanguage ?? "en"
            if !untaggedNoted {
                untaggedNoted = true
                notes.append("\(table.reference(row, base)): the untagged `\(base)` column is read as language `\(code)` (\(defaultLanguage == nil ? "no default_language in settings" : "the settings' default_language")) beside the tagged columns")
            }
            if !tagged.contains(where: { $0.0 == code }) { tagged.insert((code, untagged), at: 0) }
        }
        return Node(tagged.map { (Node($0.0), Node($0.1)) })
    }

    mutating func consume(_ table: XLSFormTable, column: Int, row: XLSFormRow) {
        consumed[table.sheet.name, default: []].insert(Cell(column: column, row: row.number))
    }

    mutating func consume(_ table: XLSFormTable, _ name: String, _ row: XLSFormRow) {
        if let index = table.columns[name] { consume(table, column: index, row: row) }
    }

    /// Marks the whole row as accounted for (it was noted as a whole).
    mutating func consumeRow(_ table: XLSFormTable, _ row: XLSFormRow) {
        for column in row.cells.keys { consume(table, column: column, row: row) }
    }

    // MARK: Settings

    private mutating func title(settings: XLSFormTable?, row: XLSFormRow?, survey: XLSFormTable) -> Node {
        if let settings, let row {
            if let title = settings.value(row, "form_title") {
                consume(settings, "form_title", row)
                return Node(title)
            }
            if let id = settings.value(row, "form_id") {
                notes.append("\(settings.reference(row, "form_id")): no form_title in settings; the title is the form_id `\(id)`")
                return Node(id)
            }
        }
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        notes.append("settings: no form_title; the title is the file name `\(name)`")
        return Node(name)
    }

    private mutating func noteSettings(_ settings: XLSFormTable, _ row: XLSFormRow) {
        consume(settings, "default_language", row)
        // form_id names the form on a server, as the file name names a definition.
        if settings.value(row, "form_title") != nil { consume(settings, "form_id", row) }
        consume(settings, XLSFormImport.definitionColumn, row)
        for (index, value) in row.cells.sorted(by: { $0.key < $1.key }) where !(consumed[settings.sheet.name]?.contains(Cell(column: index, row: row.number)) ?? false) {
            let name = settings.headers.first { settings.columns[$0.lowercased()] == index } ?? CellName.column(index)
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            notes.append("\(settings.reference(row, column: index)): setting `\(name)` = `\(value)`: a definition has no such setting")
        }
    }

    /// Merges the YAML map in the `survey_definition` cell into `pairs` (its keys win).
    mutating func mergeExtension(_ table: XLSFormTable, _ row: XLSFormRow, into pairs: inout [(String, Node)]) {
        guard let text = table.value(row, XLSFormImport.definitionColumn) else { return }
        consume(table, XLSFormImport.definitionColumn, row)
        let reference = table.reference(row, XLSFormImport.definitionColumn)
        guard let node = try? Yams.compose(yaml: text, .basic), let mapping = node.mapping else {
            problems.append(XLSFormProblem(reference: reference, message: "`\(XLSFormImport.definitionColumn)` must hold definition keys as a YAML map, e.g. `{best: 3}`; found `\(text)`"))
            return
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if let at = pairs.firstIndex(where: { $0.0 == name }) { pairs[at].1 = value } else { pairs.append((name, value)) }
        }
    }

    // MARK: Leftovers

    /// Notes every cell with text that no step carried over or noted, by column.
    private mutating func noteLeftovers(_ table: XLSFormTable) {
        var byColumn: [Int: [XLSFormRow]] = [:]
        let done = consumed[table.sheet.name] ?? []
        for row in table.rows {
            for (index, value) in row.cells where !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && !done.contains(Cell(column: index, row: row.number)) {
                byColumn[index, default: []].append(row)
            }
        }
        for (index, rows) in byColumn.sorted(by: { $0.key < $1.key }) {
            let header = table.sheet.rows.first { $0.number == table.headerRow }?.cells[index]?.trimmingCharacters(in: .whitespaces) ?? ""
            let base = XLSFormLanguage.split(header: header).base
            let why: String
            switch base {
            case "hint": why = "definitions have no hints"
            case "constraint_message", "required_message": why = "definitions have no custom messages; `survey` writes its own"
            case "appearance": why = "a definition does not say how a question is drawn"
            case "": why = "the column has no header"
            default: why = "a definition has no such field"
            }
            let cells = rows.count == 1 ? table.reference(rows[0], column: index) : "\(rows.count) cells from \(table.reference(rows[0], column: index))"
            notes.append("\(cells): column `\(header)`: \(why)")
        }
    }

    private mutating func noteUnusedLists() {
        for name in lists.keys.sorted() where !usedLists.contains(name) {
            guard let list = lists[name], let table = choicesTable else { continue }
            for choice in list.choices { consumeRow(table, choice.row) }
            notes.append("choices!A\(list.firstRow): list `\(name)` (\(list.choices.count) choices) is used by no question carried over")
        }
    }
}
