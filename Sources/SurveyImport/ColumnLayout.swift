import SurveyModel

/// What each column of an input file holds, worked out from its header row.
///
/// Headers are matched to questions by id, then by question text in any language (Google
/// Forms), ignoring case and spacing, then by id, `column:` alias or text ignoring punctuation
/// too (`W.Hnd` for `w_hnd`, `Location:` for `location`, see `HeaderKey`); KoboToolbox group
/// prefixes (`group_x/question`) are stripped, and `question/code` or `question.code` columns
/// are read as one 0/1 column per choice (KoboToolbox, LimeSurvey). A header that matches
/// nothing gets a "did you mean" when it is a typo away from a question without a column.
struct ColumnLayout {
    /// The role of one column.
    enum Role: Equatable {
        case respondent
        case timestamp
        case answer(question: Int)
        case choiceFlag(question: Int, choice: Int)
        /// The text of other answers (`ID_other`, KoboToolbox `group/q_other`).
        case otherText(question: Int)
        case ignored
    }

    var roles: [Role]
    var headers: [String]
    /// Column (0-based) of each question's answer; nil when the file has none.
    var answerColumn: [Int?]
    /// Flag columns per multiple-choice question, used only when it has no answer column.
    var flagColumns: [Int: [(column: Int, choice: Int)]]
    /// Column of each `other: true` question's other text, when the file has one.
    var otherColumns: [Int: Int] = [:]
    var respondentColumn: Int?
    var timestampColumn: Int?
    var warnings: [String] = []

    static let respondentNames = ["respondent", "respondent_id", "id", "_id", "_uuid", "responseid", "respondent id"]
    /// In order of preference when a file has several: KoboToolbox's `_submission_time` before the
    /// `end` its forms record on the device, ODK Central's `SubmissionDate` before `end` too.
    static let timestampNames = ["timestamp", "submitted_at", "_submission_time", "отметка времени", "submitdate", "end date", "enddate", "recordeddate",
                                 "submissiondate", "end"]

    init(headers: [String], questionnaire: Questionnaire, options: ImportOptions, path: String) throws(ImportError) {
        self.headers = headers
        let questions = questionnaire.questions
        roles = Array(repeating: .ignored, count: headers.count)
        answerColumn = Array(repeating: nil, count: questions.count)
        flagColumns = [:]

        var byText: [String: Int] = [:]
        for (index, question) in questions.enumerated() {
            for text in question.text.allTexts {
                byText[TextFolding.fold(text)] = byText[TextFolding.fold(text)] ?? index
            }
        }
        let idIndex = Dictionary(questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let otherIndex = Dictionary(questions.enumerated().compactMap { index, question in question.otherColumn.map { ($0, index) } },
                                    uniquingKeysWith: { a, _ in a })
        let byKey = ColumnLayout.keys(of: questions)
        let mapped = Dictionary(options.columnMap.map { (TextFolding.fold($0.key), $0.value) }, uniquingKeysWith: { _, b in b })
        let idName = options.idColumn.map(TextFolding.fold)

        // Every --map target must name something, whether or not its header is in this file.
        for (header, target) in options.columnMap.sorted(by: { $0.key < $1.key }) {
            _ = try ColumnLayout.role(forMapTarget: target, header: header, questionnaire: questionnaire)
            if !headers.contains(where: { TextFolding.fold($0) == TextFolding.fold(header) }) {
                warnings.append("\(path): --map '\(header)=\(target)': no column is called `\(header)`; check the spelling against the file's header")
            }
        }
        if let idName, !headers.contains(where: { TextFolding.fold($0) == idName }) {
            throw .missingIDColumn(path: path, name: options.idColumn!, headers: headers)
        }
        var unknown: [String] = []
        for (column, header) in headers.enumerated() {
            let folded = TextFolding.fold(header)
            if let target = mapped[folded] {
                roles[column] = try ColumnLayout.role(forMapTarget: target, header: header, questionnaire: questionnaire)
            } else if let idName, folded == idName {
                roles[column] = .respondent
            } else if let index = idIndex[folded] ?? byText[folded] {
                roles[column] = .answer(question: index)
            } else if let index = otherIndex[ColumnLayout.lastPathPart(folded)] {
                roles[column] = .otherText(question: index)
            } else if idName == nil, ColumnLayout.respondentNames.contains(folded) {
                roles[column] = .respondent
            } else if ColumnLayout.timestampNames.contains(folded) {
                roles[column] = .timestamp
            } else if !header.hasPrefix("_"), let index = byKey[HeaderKey.normalized(header)] {
                // Not for `_notes`, `_index`…: KoboToolbox's metadata columns are never answers.
                roles[column] = .answer(question: index)
            } else if let role = ColumnLayout.pathRole(folded, questions: questions, idIndex: idIndex) {
                roles[column] = role
            } else {
                unknown.append(header)
            }
        }
        // Of several candidate id columns keep the first in `respondentNames` order (`_id` before `_uuid`).
        let idColumns = roles.indices.filter { roles[$0] == .respondent }
        if idColumns.count > 1 {
            let rank = { (column: Int) in ColumnLayout.respondentNames.firstIndex(of: TextFolding.fold(headers[column])) ?? -1 }
            let keep = idColumns.min { rank($0) < rank($1) }!
            for column in idColumns where column != keep { roles[column] = .ignored }
        }
        respondentColumn = roles.firstIndex(of: .respondent)
        // Of several candidate time columns keep the first in `timestampNames` order.
        let timeColumns = roles.indices.filter { roles[$0] == .timestamp }
        if timeColumns.count > 1 {
            let rank = { (column: Int) in ColumnLayout.timestampNames.firstIndex(of: TextFolding.fold(headers[column])) ?? -1 }
            let keep = timeColumns.min { rank($0) < rank($1) }!
            for column in timeColumns where column != keep { roles[column] = .ignored }
            let others = timeColumns.filter { $0 != keep }.map { headers[$0] }.joined(separator: ", ")
            warnings.append("\(path): submission times read from `\(headers[keep])`; \(others) also \(timeColumns.count == 2 ? "holds" : "hold") times and \(timeColumns.count == 2 ? "is" : "are") not used (use --map 'HEADER=timestamp' to choose another)")
        }
        timestampColumn = roles.firstIndex(of: .timestamp)

        for (column, role) in roles.enumerated() {
            switch role {
            case .answer(let question):
                if let first = answerColumn[question] {
                    throw .duplicateColumn(path: path, question: questions[question].id, first: headers[first], second: header(column), column: column + 1)
                }
                answerColumn[question] = column
            case .choiceFlag(let question, let choice):
                flagColumns[question, default: []].append((column, choice))
            case .otherText(let question):
                if let first = otherColumns[question] {
                    throw .duplicateColumn(path: path, question: questions[question].otherColumn!, first: headers[first], second: header(column), column: column + 1)
                }
                otherColumns[question] = column
            default:
                break
            }
        }
        // A combined answer column wins over per-choice flags (KoboToolbox exports both).
        for question in flagColumns.keys where answerColumn[question] != nil {
            for flag in flagColumns[question]! { roles[flag.column] = .ignored }
            flagColumns[question] = nil
        }
        if answerColumn.allSatisfy({ $0 == nil }) && flagColumns.isEmpty {
            let suggestions = unknown.filter { !$0.hasPrefix("_") }.compactMap { header in suggestion(for: header, questions: questions).map { "\(header)=\($0)" } }
            throw .noQuestionColumns(path: path, headers: headers, suggestions: suggestions)
        }
        let visible = unknown.filter { !$0.hasPrefix("_") && !$0.isEmpty }
        if !visible.isEmpty {
            let listed = visible.map { header in
                if let id = ColumnLayout.otherTextOwner(header, idIndex: idIndex), questions[idIndex[id]!].kind.choices.isEmpty == false {
                    return "\(header) (the text of other answers to `\(id)`: add `other: true` to that question to keep it)"
                }
                return suggestion(for: header, questions: questions).map { "\(header) (did you mean `\($0)`?)" } ?? header
            }
            warnings.append("\(path): \(visible.count) column\(visible.count == 1 ? "" : "s") matched no question and \(visible.count == 1 ? "was" : "were") ignored: \(listed.joined(separator: ", ")) (use --map 'Header=question_id' if one of them is a question)")
        }
        let missing = questions.indices.filter { answerColumn[$0] == nil && flagColumns[$0] == nil }.map { questions[$0].id }
        if !missing.isEmpty {
            warnings.append("\(path): no column for \(missing.joined(separator: ", ")); counted as not answered")
        }
    }

    private func header(_ column: Int) -> String { headers[column] }

    /// Normalized ids, then `column:` aliases, then texts in every language, to the question's
    /// index; the first question to claim a key keeps it.
    private static func keys(of questions: [Question]) -> [String: Int] {
        var byKey: [String: Int] = [:]
        let sources: [(Question) -> [String]] = [{ [$0.id] }, { $0.columns }, { $0.text.allTexts }]
        for names in sources {
            for (index, question) in questions.enumerated() {
                for name in names(question) {
                    let key = HeaderKey.normalized(name)
                    if !key.isEmpty, byKey[key] == nil { byKey[key] = index }
                }
            }
        }
        return byKey
    }

    /// The id of a question that has no column yet and whose id, alias or text is a typo away
    /// from `header` (edit distance on normalized forms, `HeaderKey.closest`).
    private func suggestion(for header: String, questions: [Question]) -> String? {
        var candidates: [(key: String, name: String)] = []
        for (index, question) in questions.enumerated() where answerColumn[index] == nil && flagColumns[index] == nil {
            for name in [question.id] + question.columns + question.text.allTexts {
                candidates.append((HeaderKey.normalized(name), question.id))
            }
        }
        return HeaderKey.closest(to: HeaderKey.normalized(header), in: candidates)
    }

    /// `q` for a KoboToolbox `group/q_other` header when `q` is a question.
    private static func otherTextOwner(_ header: String, idIndex: [String: Int]) -> String? {
        let last = lastPathPart(TextFolding.fold(header))
        guard last.hasSuffix("_other") else { return nil }
        let id = String(last.dropLast("_other".count))
        return idIndex[id] == nil ? nil : id
    }

    /// `q_other` of `group/subgroup/q_other`.
    private static func lastPathPart(_ folded: String) -> String {
        guard let slash = folded.lastIndex(of: "/") else { return folded }
        return String(folded[folded.index(after: slash)...])
    }

    /// `group/question`, `question/code`, `question.code` and deeper group paths.
    private static func pathRole(_ folded: String, questions: [Question], idIndex: [String: Int]) -> Role? {
        let parts = folded.split(whereSeparator: { $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count >= 2 else { return nil }
        if let index = idIndex[parts[parts.count - 1]] { return .answer(question: index) }
        if let index = idIndex[parts[parts.count - 2]], case .multipleChoice(let choices, _) = questions[index].kind,
           let choice = choices.firstIndex(where: { TextFolding.fold($0.code) == parts[parts.count - 1] }) {
            return .choiceFlag(question: index, choice: choice)
        }
        return nil
    }

    private static func role(forMapTarget target: String, header: String, questionnaire: Questionnaire) throws(ImportError) -> Role {
        switch target {
        case "respondent": return .respondent
        case "timestamp", "submitted_at": return .timestamp
        case "-", "": return .ignored
        default:
            if let index = questionnaire.index(of: target) { return .answer(question: index) }
            if let index = questionnaire.questions.firstIndex(where: { $0.otherColumn == target }) { return .otherText(question: index) }
            let parts = target.split(separator: "/").map(String.init)
            if parts.count == 2, let index = questionnaire.index(of: parts[0]),
               let choice = questionnaire.questions[index].kind.choices.firstIndex(where: { $0.code == parts[1] }) {
                return .choiceFlag(question: index, choice: choice)
            }
            throw .unknownMapTarget(header: header, target: target, known: questionnaire.questions.map(\.id) + ["respondent", "timestamp", "-"])
        }
    }
}
