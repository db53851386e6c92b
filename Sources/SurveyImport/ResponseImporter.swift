import Foundation
import SurveyModel

/// Reads response files against a questionnaire, validating every value and accounting for
/// every row: each becomes a `Response` or a `RejectedRow`, and each bad value an `ImportProblem`.
///
/// One importer can read several files as one data set; respondent ids must be unique across
/// all of them. Memory: the set of respondent ids seen, plus one row at a time.
public final class ResponseImporter {
    /// The questionnaire values are validated against.
    public let questionnaire: Questionnaire
    let options: ImportOptions
    /// The parsers (and their caches) of the file being read: by the declared number format
    /// for exports, by `Answer.format` first for canonical files (`ResponseFile.isCanonical`).
    var parsers: [AnswerParser]
    private let skipLogic: SkipLogic
    /// Text questions without declared missing codes: a cell with nothing to trim is the
    /// answer as it stands, without the parser (which the row loop would copy per cell).
    private let plainText: [Bool]
    /// Questions whose cells `caches` remembers: all but free text.
    private let cached: [Bool]
    /// Questions with `other: true`, whose cells may hold other answers' texts.
    private let otherQuestions: [Int]
    var caches: AnswerCache
    /// The other set, swapped in when the next file is read the other way; made then (~3 ms for
    /// 30 questions, which most runs never need).
    var otherParsers: [AnswerParser]?
    var otherCaches: AnswerCache
    var readingCanonical = false
    /// Respondent ids seen, with where they were first seen (`RespondentIDSet`: exact, ~20–30
    /// bytes per numeric or short id).
    var seenRespondents = RespondentIDSet()
    /// Ids taken before the part of a file this importer reads (`importFile(_:parts:)`):
    /// looked up, never changed.
    var inherited: [RespondentIDSet] = []
    var sources: [String] = []
    /// Sources whose ids were reserved (the file appended to), not read as input.
    var reservedSources: Set<Int> = []
    /// Ids for rows from inputs without an id column.
    public internal(set) var numbering = RespondentNumbering()
    /// Responses with a submission time, to find forms sent twice (`duplicateSubmissions`).
    var submissions = DuplicateSubmissionFinder()
    /// Day/month order of the file being read's slashed timestamps: declared, or decided by
    /// scanning its column the first time a value needs it (`orderScanned`).
    var timestampOrder: DayMonthOrder?
    var orderScanned = false
    /// The order decided for the whole file when it is read in parts.
    var orderShare: TimestampOrderShare?
    /// Threads the last file read in parts was given (`ImportParts.jobs`), for the work at the end.
    var jobs = 1
    /// Columns whose bytes make up a row's answers (answer and 0/1 choice columns), as runs of
    /// adjacent columns, by layout.
    var answerColumns: [Range<Int>] = []
    /// The last row's answers array, handed back after its callback (`blankAnswers`).
    private var spareAnswers: [Answer] = []

    /// Called for every accepted response.
    public var onResponse: (Response) throws -> Void = { _ in }
    /// Called for every value that failed validation.
    public var onProblem: (ImportProblem) throws -> Void = { _ in }
    /// Called for every row that could not be read.
    public var onReject: (RejectedRow) throws -> Void = { _ in }
    /// Called once per file when its header has been read: true for a canonical responses
    /// file (`ResponseFile.isCanonical`), whose companion files then say which answers were invalid.
    public var onHeader: (_ canonical: Bool) throws -> Void = { _ in }
    /// For a canonical file: the questions whose empty cell in a respondent's row held a value a
    /// problem dropped (its problems file says so, `ResponseLedger.droppedQuestions`). The skip
    /// logic takes them as the raw export's read did, as values that failed validation: a
    /// condition over one cannot be decided. As blanks, `why_not_useful` after an invalid
    /// `usefulness` became `answered_when_skipped` on the imported file only.
    public var droppedAnswers: ((_ respondent: String) -> [Int])?

    public convenience init(questionnaire: Questionnaire, options: ImportOptions = ImportOptions()) {
        self.init(questionnaire: questionnaire, options: options, answersOf: nil)
    }

    /// `previous`, when given, is an importer of the same questionnaire and options whose
    /// parsers this one takes over (`init(partOf:inherited:order:after:)`), and its caches too
    /// unless `freshCaches` (a cache is a class, for one thread at a time).
    private init(questionnaire: Questionnaire, options: ImportOptions, answersOf previous: ResponseImporter?, freshCaches: Bool = false) {
        self.questionnaire = questionnaire
        self.options = options
        if let previous {
            parsers = previous.parsers
            otherParsers = previous.otherParsers
            caches = freshCaches ? AnswerCache(questions: questionnaire.questions.count) : previous.caches
            otherCaches = freshCaches ? AnswerCache(questions: questionnaire.questions.count) : previous.otherCaches
            readingCanonical = previous.readingCanonical
            skipLogic = previous.skipLogic
            plainText = previous.plainText
            cached = previous.cached
            otherQuestions = previous.otherQuestions
            return
        }
        parsers = questionnaire.answerParsers(convention: options.numberConvention)
        otherParsers = nil
        skipLogic = SkipLogic(questionnaire)
        plainText = questionnaire.questions.map { $0.kind == .text && $0.missingCodes.isEmpty }
        otherQuestions = questionnaire.questions.indices.filter { questionnaire.questions[$0].otherChoice != nil }
        // Free text is different in every row; everything else repeats and is worth remembering.
        cached = questionnaire.questions.map { $0.kind != .text }
        // Each set of parsers has a cache of its own (`AnswerCache` is a class: not shared).
        caches = AnswerCache(questions: questionnaire.questions.count)
        otherCaches = AnswerCache(questions: questionnaire.questions.count)
    }

    /// An importer for a part of the file `parent` is reading (`importFile(_:parts:)`): its
    /// header read, the ids taken before the part to look up, its own counts. `previous` is the
    /// importer of the part the same thread read before, done with: its parsers and their caches
    /// go on (a cache depends only on the questionnaire and the way the file is read), so each
    /// thread parses a distinct value once, not once a part. A thread's first part takes the
    /// parsers of `parent` (values, built once per file) with caches of its own.
    convenience init(partOf parent: ResponseImporter, inherited: [RespondentIDSet], order: TimestampOrderShare, after previous: ResponseImporter? = nil) {
        let reusable = previous.flatMap { $0.readingCanonical == parent.readingCanonical ? $0 : nil }
        self.init(questionnaire: parent.questionnaire, options: parent.options, answersOf: reusable ?? parent, freshCaches: reusable == nil)
        if parent.readingCanonical != readingCanonical {
            swapParsers()
            readingCanonical = parent.readingCanonical
        }
        sources = parent.sources
        reservedSources = parent.reservedSources
        numbering = parent.numbering
        timestampOrder = parent.timestampOrder
        orderScanned = parent.orderScanned
        answerColumns = parent.answerColumns
        // Usually the ids before the file: none, and then no look-up per row.
        self.inherited = inherited.filter { !$0.isEmpty }
        orderShare = order
    }

    /// Swaps in the parsers and caches of the other way of reading (canonical file or raw
    /// export); `readingCanonical` still says the current one.
    private func swapParsers() {
        let other = otherParsers ?? questionnaire.answerParsers(canonical: !readingCanonical, convention: options.numberConvention)
        otherParsers = parsers
        parsers = other
        swap(&caches, &otherCaches)
    }

    /// Treats these respondent ids as already taken (rows appended to an existing file).
    public func reserveRespondents<S: Sequence>(_ ids: S, source: String) where S.Element == String {
        let file = sourceIndex(source)
        reservedSources.insert(file)
        for (offset, id) in ids.enumerated() {
            seenRespondents.insert(id, at: .init(source: file, line: offset + 2), replacingLine: true)
            numbering.note(id)
        }
    }

    /// Treats one respondent id as taken, first seen at `source`:`line`.
    public func reserveRespondent(_ id: String, line: Int, source: String) {
        numbering.note(id)
        guard seenRespondents.first(id) == nil else { return }
        let file = sourceIndex(source)
        reservedSources.insert(file)
        seenRespondents.insert(id, at: .init(source: file, line: line))
    }

    /// Whether this respondent id was reserved (found in the file appended to).
    public func reserved(respondent id: String) -> Bool {
        guard let first = seenRespondents.first(id) else { return false }
        return reservedSources.contains(first.source)
    }

    /// Whether an accepted row of the inputs has this respondent id (not a reserved one).
    public func inputHas(respondent id: String) -> Bool {
        guard let first = seenRespondents.first(id) else { return false }
        return reservedSources.contains(first.source) == false
    }

    func sourceIndex(_ path: String) -> Int {
        if let index = sources.firstIndex(of: path) { return index }
        sources.append(path)
        return sources.count - 1
    }

    /// Reads one file. Throws only when the file as a whole cannot be read.
    @discardableResult
    public func importFile(_ path: String) throws -> ImportSummary {
        // An XLSX workbook's sheet enters here as CSV records do (`XLSXSheetRecords`).
        let reader: any RowSource = XLSXSheetRecords.isWorkbook(path)
            ? try XLSXSheetRecords(path: path, sheet: options.sheet)
            : CSVFileReader(path: path, encoding: options.encoding, fieldDelimiter: options.delimiter)
        var read = FileRead(path: path)
        startFile()
        try reader.read { [self] event in try take(event, from: reader, into: &read) }
        return try finishFile(read, reader: reader)
    }

    /// One file's read so far: its columns and the rows counted. A part of a file read in
    /// parts starts from the head's.
    struct FileRead {
        var path: String
        var layout: ColumnLayout?
        var rowNumber = 0
        /// Rows without an id are numbered after every numeric id taken before this file.
        var firstNumber = 0
        var summary = ImportSummary()
    }

    func startFile() {
        timestampOrder = options.timestampOrder
        orderScanned = options.timestampOrder != nil
    }

    func finishFile(_ read: FileRead, reader: any RowSource) throws -> ImportSummary {
        if read.layout == nil { throw ImportError.empty(path: read.path) }
        var summary = read.summary
        summary.warnings.insert(contentsOf: reader.readingNotes, at: 0)
        return summary
    }

    /// Takes one thing the reader found: the header, a record, or a malformed line.
    func take(_ event: CSVFileReader.Event, from reader: any RowSource, into read: inout FileRead) throws {
        let path = read.path
        switch event {
        case .malformed(let line, let raw, let reason):
            if read.layout == nil {
                throw ImportError.unreadable(path: path, reason: "line \(line): the header row cannot be parsed: \(reason)")
            }
            read.summary.rowsRead += 1
            read.summary.rejected += 1
            try onReject(RejectedRow(file: path, line: line, reason: reason, raw: raw, sheet: reader.sheet))
        case .record(var record, let line):
            // Bytes that are not UTF-8, and NUL: each cell repaired (U+FFFD) and listed.
            var defects: [Int: TextDefects.Cell] = [:]
            if reader.currentRecordHasDefects, let repaired = TextDefects.repair(record) {
                (record, defects) = repaired
            }
            guard let columns = read.layout else {
                let headers = record.strings
                let found = try ColumnLayout(headers: headers, questionnaire: questionnaire, options: options, path: path)
                let canonical = reader.mayBeCanonical && ResponseFile.isCanonical(header: headers, for: questionnaire)
                if canonical != readingCanonical {
                    swapParsers()
                    readingCanonical = canonical
                }
                read.summary.warnings += found.warnings
                read.layout = found
                try onHeader(canonical)
                answerColumns = DuplicateSubmissionFinder.runs(of: found.roles.indices.filter {
                    switch found.roles[$0] {
                    case .answer, .choiceFlag: true
                    default: false
                    }
                })
                read.firstNumber = numbering.highest
                if found.respondentColumn == nil, read.firstNumber > 0 {
                    read.summary.warnings.append("\(path): no id column; its rows are numbered from \(read.firstNumber + 1), after the highest respondent id taken before it (\(read.firstNumber))")
                }
                return
            }
            read.summary.rowsRead += 1
            read.rowNumber += 1
            if let reason = try accept(record, line: line, rowNumber: read.firstNumber + read.rowNumber, layout: columns, path: path, defects: defects,
                                       reader: reader, summary: &read.summary) {
                read.summary.rejected += 1
                try onReject(RejectedRow(file: path, line: line, reason: reason, raw: reader.currentRecordText, sheet: reader.sheet))
            } else {
                read.summary.accepted += 1
            }
        }
    }

    /// `FILE: read as utf-8, delimiter ;` with how the encoding and delimiter were found when
    /// it was not the plain way.
    static func readAs(_ reader: CSVFileReader) -> String {
        var text = "\(reader.path): read as \(reader.encoding)"
        if let reason = reader.encodingReason { text += " (\(reason))" }
        text += ", delimiter \(DelimiterSniffer.name(reader.delimiter))"
        if let declared = reader.declaredDelimiter {
            text += declared == reader.delimiter
                ? " (declared by the first line, sep=\(DelimiterSniffer.name(declared)))"
                : " (--delimiter; the first line declares sep=\(DelimiterSniffer.name(declared)) and is skipped)"
        }
        return text
    }

    /// The encoding problems of one row's cells, for the columns that are kept.
    private func defectProblems(_ defects: [Int: TextDefects.Cell], record: CSVRecord, line: Int, respondent: String, layout: ColumnLayout,
                                path: String, encoding: TextEncoding) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        for (field, cell) in defects.sorted(by: { $0.key < $1.key }) {
            let question: String
            switch layout.roles[field] {
            case .respondent: question = "respondent"
            case .timestamp: question = "timestamp"
            case .answer(let index), .choiceFlag(let index, _): question = questionnaire.questions[index].id
            case .otherText(let index): question = questionnaire.questions[index].otherColumn ?? questionnaire.questions[index].id
            case .ignored: continue
            }
            let invalid = cell.defects.filter { !$0.isNUL }, nul = cell.defects.filter(\.isNUL)
            var kinds: [AnswerProblem] = []
            if !invalid.isEmpty {
                // What the cell says in the one-byte encoding its bad bytes look like, so the
                // answer can be read in the problems file without importing again.
                var lookalike: (encoding: TextEncoding, text: String)?
                if encoding == .utf8 {
                    var score = LegacyScore()
                    score.addInvalidBytes(of: cell.raw)
                    if let other = score.lookalikeEncoding {
                        var transcoder = Transcoder(encoding: other)
                        var text: [UInt8] = []
                        transcoder.decode(cell.raw[...], into: &text)
                        lookalike = (other, String(decoding: text, as: UTF8.self))
                    }
                }
                kinds.append(.invalidEncoding(bytes: invalid.map(\.bytes), characters: invalid.map(\.character), encoding: encoding.rawValue,
                                              lookalike: lookalike.map { "\($0.encoding)" }, lookalikeText: lookalike?.text))
            }
            if !nul.isEmpty { kinds.append(.nulByte(characters: nul.map(\.character))) }
            for kind in kinds {
                problems.append(ImportProblem(file: path, line: line, column: field + 1, respondent: respondent, questionID: question,
                                              value: record.string(field), problem: kind))
            }
        }
        return problems
    }

    /// Where an id taken before this part was first seen.
    private func inheritedFirst(_ id: String) -> RespondentIDSet.Place? {
        for ids in inherited { if let first = ids.first(id) { return first } }
        return nil
    }

    /// The id of a row whose id cell is blank: its file's name and line (`export.csv:line-4`),
    /// which no two rows of different files share and a real id hardly ever is; the same file
    /// imported twice meets its own ids again and is refused as a duplicate.
    static func idOfBlank(path: String, line: Int) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return "\(name):line-\(line)"
    }

    /// Validates one row; returns why it is rejected, or nil when it was accepted.
    private func accept(_ record: CSVRecord, line: Int, rowNumber: Int, layout: ColumnLayout, path: String, defects: [Int: TextDefects.Cell],
                        reader: any RowSource, summary: inout ImportSummary) throws -> String? {
        let encoding = reader.encoding
        guard record.count == layout.headers.count else {
            return "found \(record.count) fields, but the header has \(layout.headers.count); a delimiter inside an unquoted value, or a missing one, shifts the columns"
        }
        if record.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            return "empty row: no values at all"
        }
        var respondent = String(rowNumber)
        var idIsBlank = false
        if let column = layout.respondentColumn {
            let id = String(Substring(record.string(column)).trimmingWhitespace())
            idIsBlank = id.isEmpty
            respondent = idIsBlank ? ResponseImporter.idOfBlank(path: path, line: line) : id
        }
        if let first = inheritedFirst(respondent) ?? seenRespondents.insert(respondent, at: .init(source: sourceIndex(path), line: line)) {
            if idIsBlank {
                return "no respondent id, and `\(respondent)`, the id such a row gets (its file's name and line), is taken already (at \(sources[first.source]):\(first.line)): was this file imported before? Give the form its own id"
            }
            return "duplicate respondent id `\(respondent)` (first seen at \(sources[first.source]):\(first.line)); give each form its own id"
        }
        if layout.respondentColumn == nil { numbering.madeUp(rowNumber) }
        numbering.note(respondent)

        let questions = questionnaire.questions
        var answers = blankAnswers(count: questions.count)
        var problemQuestions: [Int] = []
        var otherTexts: [Int: String] = [:]
        var problems = defects.isEmpty ? [] : defectProblems(defects, record: record, line: line, respondent: respondent, layout: layout, path: path, encoding: encoding)
        let cache = caches
        record.bytes.withUnsafeBufferPointer { bytes in
            for index in questions.indices {
                guard let column = layout.answerColumn[index] else { continue }
                let start = column == 0 ? 0 : record.ends[column - 1]
                let end = record.ends[column]
                if start == end { continue }
                let field = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if plainText[index],
                   Substring.hasNoEdgeWhitespace(first: field[0], last: field[field.count - 1], beforeLast: field.count >= 2 ? field[field.count - 2] : nil) {
                    answers[index] = .text(String(decoding: field, as: UTF8.self))
                    continue
                }
                func note(_ found: [AnswerProblem]) {
                    for problem in found {
                        problems.append(ImportProblem(file: path, line: line, column: column + 1, respondent: respondent, questionID: questions[index].id,
                                                      value: String(decoding: field, as: UTF8.self), problem: problem))
                        problemQuestions.append(index)
                    }
                }
                if cached[index] {
                    let entry = cache.find(field, question: index)
                    if entry >= 0 {
                        answers[index] = cache.answer(entry)
                        if cache.hasProblems(entry) { note(cache.problems(entry)) }
                        continue
                    }
                }
                let outcome = parsers[index].parse(String(decoding: field, as: UTF8.self))
                if cached[index] { cache.insert(field, question: index, outcome) }
                answers[index] = outcome.answer
                note(outcome.problems)
            }
        }
        for (index, flags) in layout.flagColumns {
            answers[index] = flagAnswer(record, flags: flags, question: index, line: line, respondent: respondent, path: path, problems: &problems, problemQuestions: &problemQuestions)
        }
        if !otherQuestions.isEmpty {
            readOtherTexts(record, layout: layout, answers: answers, into: &otherTexts)
        }
        if !layout.otherColumns.isEmpty {
            for (index, column) in layout.otherColumns {
                mergeOtherText(record.string(column), column: column, question: index, answers: &answers, otherTexts: &otherTexts, line: line,
                               respondent: respondent, path: path, problems: &problems, problemQuestions: &problemQuestions)
            }
        }
        if let droppedAnswers {
            for index in droppedAnswers(respondent) where !answers[index].hasValue && !problemQuestions.contains(index) {
                problemQuestions.append(index)
            }
        }
        let ruleProblems = problemQuestions.isEmpty
            ? skipLogic.apply(to: &answers, hadValueProblem: nil)
            : skipLogic.apply(to: &answers) { problemQuestions.contains($0) }
        for (index, problem) in ruleProblems {
            let column = layout.answerColumn[index] ?? layout.flagColumns[index]?.first?.column
            let value = column.map { record.string($0) } ?? ""
            problems.append(ImportProblem(file: path, line: line, column: (column ?? -1) + 1, respondent: respondent, questionID: questions[index].id, value: value, problem: problem))
        }
        var submitted: SubmissionTime?
        if let column = layout.timestampColumn {
            switch submissionTime(record, column: column, path: path, reader: reader) {
            case .time(let time):
                submitted = time
                let hash = record.bytes.withUnsafeBufferPointer { bytes in
                    record.ends.withUnsafeBufferPointer { ends in
                        answerColumns.withUnsafeBufferPointer { DuplicateSubmissionFinder.hash(bytes, ends: ends, runs: $0) }
                    }
                }
                submissions.add(answersHash: hash, time: time, respondent: respondent)
            case .blank:
                break
            case .problem(let problem):
                problems.append(ImportProblem(file: path, line: line, column: column + 1, respondent: respondent, questionID: ResponseFile.submittedAtColumn,
                                              value: record.string(column), problem: problem))
            }
        }
        for var problem in problems {
            summary.problemsByKind[problem.problem.kind, default: 0] += 1
            problem.sheet = reader.sheet
            try onProblem(problem)
        }
        let invalid = problemQuestions.isEmpty ? [] : Array(Set(problemQuestions.filter { !answers[$0].hasValue })).sorted()
        try onResponse(Response(respondent: respondent, answers: answers, submittedAt: submitted, invalid: invalid, otherTexts: otherTexts))
        // The response is gone: unless the callback kept it, the array is this row's alone
        // again, and the next row fills it in place.
        spareAnswers = answers
        return nil
    }

    /// A row's answers, all missing: last row's array when it came back (`spareAnswers`), so
    /// that a row costs no allocation; a callback that kept it makes the next row copy it.
    private func blankAnswers(count: Int) -> [Answer] {
        var answers = spareAnswers
        spareAnswers = []
        guard answers.count == count else { return [Answer](repeating: .missing, count: count) }
        answers.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] = .missing }
        }
        return answers
    }

    /// Reads a row's submission time; a slashed date that needs the column's day/month order
    /// has it decided by one scan of the column, the first time (`TimestampOrderScan`).
    private func submissionTime(_ record: CSVRecord, column: Int, path: String, reader: any RowSource) -> TimestampParser.Outcome {
        let range = (column == 0 ? 0 : record.ends[column - 1])..<record.ends[column]
        let order = timestampOrder
        let outcome = record.bytes.withUnsafeBufferPointer { TimestampParser.parse(UnsafeBufferPointer(rebasing: $0[range]), order: order) }
        guard case .problem(.ambiguousTimestamp) = outcome, !orderScanned else { return outcome }
        orderScanned = true
        let scan = { reader.timestampOrder(column: column) }
        guard let decided = orderShare.map({ $0.order(scan) }) ?? scan() else { return outcome }
        timestampOrder = decided
        return record.bytes.withUnsafeBufferPointer { TimestampParser.parse(UnsafeBufferPointer(rebasing: $0[range]), order: decided) }
    }

    /// Pairs of responses read so far with the same answers to every question, submitted
    /// within a minute of each other (`DuplicateSubmissionFinder`).
    public func duplicateSubmissions() -> [DuplicateSubmission] {
        submissions.duplicates(jobs: jobs)
    }

    /// The text of each answer that is the `other` choice because its cell held something
    /// outside the list (Google Forms "Other:"), parsed again from the cell: outcomes in the
    /// cache stay small, and only such cells pay.
    private func readOtherTexts(_ record: CSVRecord, layout: ColumnLayout, answers: [Answer], into otherTexts: inout [Int: String]) {
        for index in otherQuestions {
            guard let column = layout.answerColumn[index], let other = questionnaire.questions[index].otherChoice else { continue }
            switch answers[index] {
            case .choice(other): break
            case .choices(let set) where set.contains(other): break
            default: continue
            }
            if let text = parsers[index].parseWithOtherText(record.string(column)).otherText { otherTexts[index] = text }
        }
    }

    /// Joins an other-text column (`ID_other`, KoboToolbox `q_other`) to the question's answer.
    /// Text without the `other` choice ticks it (in a blank single choice or any multiple
    /// choice): the text says an other answer was given. Beside another single choice both are
    /// kept and the row gets an `other_text_not_chosen` problem. The text is never dropped.
    private func mergeOtherText(_ raw: String, column: Int, question index: Int, answers: inout [Answer], otherTexts: inout [Int: String], line: Int,
                                respondent: String, path: String, problems: inout [ImportProblem], problemQuestions: inout [Int]) {
        let text = String(Substring(raw).trimmingWhitespace())
        let question = questionnaire.questions[index]
        guard !text.isEmpty, let other = question.otherChoice else { return }
        if let inCell = otherTexts[index], inCell != text {
            otherTexts[index] = inCell + "; " + text
        } else {
            otherTexts[index] = text
        }
        switch answers[index] {
        case .missing where problemQuestions.contains(index):
            break  // the answer itself was invalid: it stays so, the text is kept
        case .missing:
            if case .multipleChoice = question.kind { answers[index] = .choices(ChoiceSet([other])) } else { answers[index] = .choice(other) }
        case .choices(var set):
            set.insert(other)
            answers[index] = .choices(set)
        case .choice(let chosen) where chosen != other:
            problems.append(ImportProblem(file: path, line: line, column: column + 1, respondent: respondent, questionID: question.id, value: raw,
                                          problem: .otherTextNotChosen(chosen: question.kind.choices[chosen].code, column: question.otherColumn!)))
            problemQuestions.append(index)
        default:
            break
        }
    }

    /// Combines one 0/1 column per choice into a multiple-choice answer.
    private func flagAnswer(_ record: CSVRecord, flags: [(column: Int, choice: Int)], question: Int, line: Int, respondent: String,
                            path: String, problems: inout [ImportProblem], problemQuestions: inout [Int]) -> Answer {
        var set = ChoiceSet()
        for flag in flags {
            let value = TextFolding.fold(record.string(flag.column))
            switch value {
            case "1", "true", "yes", "x", "да", "1.0": set.insert(flag.choice)
            case "0", "false", "no", "", "нет", "0.0", "na", "n/a", "-": break
            default:
                problems.append(ImportProblem(file: path, line: line, column: flag.column + 1, respondent: respondent, questionID: questionnaire.questions[question].id,
                                              value: record.string(flag.column), problem: .unknownChoice(value, known: ["1", "0"])))
                problemQuestions.append(question)
            }
        }
        if case .multipleChoice(_, let maxChoices?) = questionnaire.questions[question].kind, set.count > maxChoices {
            problems.append(ImportProblem(file: path, line: line, column: flags[0].column + 1, respondent: respondent, questionID: questionnaire.questions[question].id,
                                          value: set.map { questionnaire.questions[question].kind.choices[$0].code }.joined(separator: ";"), problem: .tooManyChoices(count: set.count, max: maxChoices)))
            problemQuestions.append(question)
            return .missing
        }
        return set.isEmpty ? .missing : .choices(set)
    }
}
