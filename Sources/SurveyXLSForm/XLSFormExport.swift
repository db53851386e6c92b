import Foundation
import SurveyModel
import Yams

/// Definition → XLSForm: the same questionnaire as `survey`, `choices` and `settings` sheets,
/// so that a form typed on paper can be deployed on KoboToolbox or ODK, and converting it back
/// (`XLSFormImport`) gives the same definition.
///
/// Keys XLSForm has no column for (`best`, `missing`, `number_format`, `event`, `report`,
/// `stopwords`, `themes`, a custom `other` label, extra `column` headers) travel as YAML in the
/// `survey_definition` columns, and choice aliases in `survey_aliases`; form tools ignore
/// columns they do not know.
public enum XLSFormExport {
    /// Question keys carried in the survey sheet's `survey_definition` column.
    static let questionExtensionKeys = ["best", "missing", "number_format", "themes"]
    /// Top-level keys carried in the settings sheet's `survey_definition` column.
    static let topExtensionKeys = ["event", "report", "stopwords", "missing", "number_format", "themes"]

    /// The XLSForm for the definition text `yaml` (read from `file`, named in messages).
    public static func workbook(definition yaml: String, file: String) throws -> XLSFormWorkbook {
        let questionnaire = try QuestionnaireLoader.parse(yaml: yaml, file: file)
        let root = try Yams.compose(yaml: yaml, .basic)?.mapping
        let questionNodes = root?["questions"]?.sequence.map(Array.init) ?? []
        var writer = FormWriting(questionnaire: questionnaire, formID: ((file as NSString).lastPathComponent as NSString).deletingPathExtension)
        writer.collectLanguages()
        for (index, question) in questionnaire.questions.enumerated() {
            let node = index < questionNodes.count ? questionNodes[index].mapping : nil
            writer.add(question, raw: node)
        }
        writer.closeGroups(to: [])
        return writer.workbook(root: root)
    }
}

/// The rows of one definition → XLSForm conversion.
struct FormWriting {
    let questionnaire: Questionnaire
    let formID: String
    /// Tagged languages in first-use order, so texts read back keep the order they were written
    /// in; `default_language` in the settings names the definition's language.
    var languages: [String] = []
    var usesPlain = false
    var survey: [[String: String]] = []
    var choices: [[String: String]] = []
    var openGroups: [String] = []
    var listNames: Set<String> = []
    var yesNoList: String?

    init(questionnaire: Questionnaire, formID: String) {
        self.questionnaire = questionnaire
        self.formID = formID
    }

    mutating func collectLanguages() {
        var texts: [LocalizedText] = []
        for question in questionnaire.questions {
            texts.append(question.text)
            texts += question.kind.choices.map(\.label)
            if case .rating(_, let labels) = question.kind { texts += labels.values }
        }
        for text in texts {
            for (language, _) in text.translations {
                if language.isEmpty { usesPlain = true } else if !languages.contains(language) { languages.append(language) }
            }
        }
    }

    /// The label cells for a text: `label` for an untagged one, `label::Russian (ru)` per tag.
    func labelCells(_ text: LocalizedText, base: String = "label") -> [String: String] {
        var cells: [String: String] = [:]
        for (language, value) in text.translations {
            cells[language.isEmpty ? base : "\(base)::\(XLSFormLanguage.columnName(for: language))"] = value
        }
        return cells
    }

    mutating func closeGroups(to path: [String]) {
        var common = 0
        while common < min(openGroups.count, path.count), openGroups[common] == path[common] { common += 1 }
        while openGroups.count > common {
            openGroups.removeLast()
            survey.append(["type": "end_group"])
        }
        for name in path[common...] {
            openGroups.append(name)
            survey.append(["type": "begin_group", "name": name, "label": name])
        }
    }

    mutating func listName(_ wanted: String) -> String {
        var name = wanted
        var n = 2
        while listNames.contains(name) { name = "\(wanted)_\(n)"; n += 1 }
        listNames.insert(name)
        return name
    }

    mutating func add(_ question: Question, raw: Node.Mapping?) {
        var extensionPairs: [(Node, Node)] = []
        for key in XLSFormExport.questionExtensionKeys {
            if let value = raw?[key] { extensionPairs.append((Node(key), FormWriting.plain(value))) }
        }
        // A group path `g/sub/id` among the columns becomes begin_group rows.
        let path = question.columns.first { $0.hasSuffix("/" + question.id) }.map { $0.split(separator: "/").dropLast().map(String.init) } ?? []
        closeGroups(to: path)
        let pathColumn = path.isEmpty ? nil : (path + [question.id]).joined(separator: "/")
        if !question.columns.isEmpty, question.columns != [pathColumn].compactMap({ $0 }), let value = raw?["column"] {
            extensionPairs.append((Node("column"), FormWriting.plain(value)))
        }
        var row = labelCells(question.text)
        row["name"] = question.id
        if question.required { row["required"] = "yes" }
        if let when = question.when { row["relevant"] = ConditionXPath.xpath(when, in: questionnaire) }
        switch question.kind {
        case .singleChoice(let list), .multipleChoice(let list, _):
            var written = list
            var orOther = ""
            if let other = question.otherChoice {
                orOther = " or_other"
                let listed = raw?["choices"].map { FormWriting.codes(in: $0).contains(Choice.otherCode) } ?? false
                if !listed, other == list.count - 1 { written.removeLast() }
                if let value = raw?["other"], value.string != "true" { extensionPairs.append((Node("other"), FormWriting.plain(value))) }
            }
            let name = listName(question.id)
            for choice in written {
                var cells = labelCells(choice.label)
                cells["list_name"] = name
                cells["name"] = choice.code
                if !choice.aliases.isEmpty {
                    cells[XLSFormImport.aliasesColumn] = FormWriting.flow(Node(choice.aliases.map { Node($0) }))
                }
                choices.append(cells)
            }
            if case .multipleChoice(_, let most) = question.kind {
                row["type"] = "select_multiple \(name)\(orOther)"
                if let most { row["constraint"] = "count-selected(.) <= \(most)" }
            } else {
                row["type"] = "select_one \(name)\(orOther)"
            }
        case .rating(let scale, let labels):
            if labels.isEmpty {
                row["type"] = "range"
                row["parameters"] = "start=\(scale.lowerBound) end=\(scale.upperBound) step=1"
            } else {
                let name = listName(question.id)
                for point in scale {
                    // A point without a label is labelled with its number in every language
                    // column, as form tools want a label on every choice; reading takes it back
                    // as no label.
                    let number = String(point)
                    let unlabelled = languages.isEmpty || usesPlain ? LocalizedText(number) : LocalizedText(translations: languages.map { ($0, number) })
                    var cells = labelCells(labels[point] ?? unlabelled)
                    cells["list_name"] = name
                    cells["name"] = String(point)
                    choices.append(cells)
                }
                row["type"] = "select_one \(name)"
                row["appearance"] = "likert"
            }
        case .yesNo:
            if yesNoList == nil {
                let name = listName("yes_no")
                yesNoList = name
                for category in question.categories {
                    var cells: [String: String] = ["list_name": name, "name": category.code]
                    let english = category.label.text(in: "en")
                    if languages.isEmpty { cells["label"] = english }
                    for language in languages { cells["label::\(XLSFormLanguage.columnName(for: language))"] = category.label.translations.first { $0.language == language }?.text ?? english }
                    choices.append(cells)
                }
            }
            row["type"] = "select_one \(yesNoList!)"
        case .number(let min, let max, let integer):
            row["type"] = integer ? "integer" : "decimal"
            let bounds = [min.map { ". >= \(DecimalText.shortest($0))" }, max.map { ". <= \(DecimalText.shortest($0))" }].compactMap { $0 }
            if !bounds.isEmpty { row["constraint"] = bounds.joined(separator: " and ") }
        case .text:
            row["type"] = "text"
        case .date:
            row["type"] = "date"
        }
        if !extensionPairs.isEmpty { row[XLSFormImport.definitionColumn] = FormWriting.flow(Node(extensionPairs)) }
        survey.append(row)
    }

    func workbook(root: Node.Mapping?) -> XLSFormWorkbook {
        let labelColumns = (usesPlain || languages.isEmpty ? ["label"] : []) + languages.map { "label::\(XLSFormLanguage.columnName(for: $0))" }
        let surveyColumns = ["type", "name"] + labelColumns + ["required", "relevant", "constraint", "appearance", "parameters", XLSFormImport.definitionColumn]
        let choiceColumns = ["list_name", "name"] + labelColumns + [XLSFormImport.aliasesColumn]
        var settings: [String: String] = ["form_title": questionnaire.title.text(in: questionnaire.language), "form_id": formID]
        if root?["language"] != nil || !languages.isEmpty { settings["default_language"] = XLSFormLanguage.columnName(for: questionnaire.language) }
        var top: [(Node, Node)] = []
        if let title = root?["title"], title.mapping != nil { top.append((Node("title"), FormWriting.plain(title))) }
        for key in XLSFormExport.topExtensionKeys {
            if let value = root?[key] { top.append((Node(key), FormWriting.plain(value))) }
        }
        if !top.isEmpty { settings[XLSFormImport.definitionColumn] = FormWriting.flow(Node(top)) }
        let settingsColumns = ["form_title", "form_id", "default_language", XLSFormImport.definitionColumn].filter { settings[$0] != nil }
        return XLSFormWorkbook(sheets: [
            FormWriting.sheet("survey", columns: surveyColumns, rows: survey),
            FormWriting.sheet("choices", columns: choiceColumns, rows: choices),
            FormWriting.sheet("settings", columns: settingsColumns, rows: [settings]),
        ])
    }

    /// A sheet with only the columns some row uses (plus `type`/`name`/`list_name`).
    static func sheet(_ name: String, columns: [String], rows: [[String: String]]) -> XLSFormSheet {
        let used = columns.filter { column in ["type", "name", "list_name", "label"].contains(column) && column != "label" || rows.contains { $0[column] != nil } }
        return XLSFormSheet(name: name, table: [used] + rows.map { row in used.map { row[$0] ?? "" } })
    }

    /// Choice codes of a definition's `choices:` node (a map, or a list of one-entry maps).
    static func codes(in node: Node) -> [String] {
        if let mapping = node.mapping { return mapping.keys.compactMap(\.string) }
        return node.sequence?.compactMap { $0.mapping?.keys.first?.string ?? $0.mapping?["code"]?.string } ?? []
    }

    /// A node with its written styles dropped, so that it can be written in flow style.
    static func plain(_ node: Node) -> Node {
        switch node {
        case .scalar(let scalar): return Node(scalar.string)
        case .mapping(let mapping): return Node(mapping.map { (plain($0.key), plain($0.value)) }, .implicit, .flow)
        case .sequence(let sequence): return Node(sequence.map(plain), .implicit, .flow)
        case .alias: return node
        }
    }

    /// One-line YAML (`{best: 3}`).
    static func flow(_ node: Node) -> String {
        var node = node
        if case .mapping(let mapping) = node { node = Node(Array(mapping), .implicit, .flow) }
        if case .sequence(let sequence) = node { node = Node(Array(sequence), .implicit, .flow) }
        let text = (try? Yams.serialize(node: node, width: -1, allowUnicode: true, sequenceStyle: .flow, mappingStyle: .flow)) ?? ""
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
