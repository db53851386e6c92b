import SurveyModel

/// Writes responses as canonical CSV lines straight into bytes.
///
/// Codes are encoded once per questionnaire, so a row of closed answers is a run of copies;
/// only text is inspected (for quoting), and no per-field string is made.
struct CanonicalRowEncoder {
    /// Per question, each category's code as it is written (quoted when it must be); for
    /// ratings the scale points, for yes/no `yes` and `no`.
    /// The same codes back to back in one buffer, found through `codeStart[question] + category`
    /// and `codeBounds`: one buffer for the row loop, no nested array to retain per field.
    private let arena: [UInt8]
    private let codeStart: [Int]
    private let codeBounds: [Range<Int>]
    /// Per question, whether codes can be joined by `;` as they are (none needs quoting).
    private let plainCodes: [Bool]
    private let lowestPoint: [Int]
    private let rawCodes: [[String]]
    /// Per question, its declared missing codes as written (rare, so kept as strings).
    private let missingCodes: [[String]]
    /// Per question, whether an `ID_other` column follows it; `anyOtherColumn` spares the
    /// look-up per field when none does (most questionnaires).
    private let hasOtherColumn: [Bool]
    private let anyOtherColumn: Bool

    init(questionnaire: Questionnaire) {
        missingCodes = questionnaire.questions.map { $0.missingCodes.map(\.code) }
        rawCodes = questionnaire.questions.map { $0.categories.map(\.code) }
        hasOtherColumn = questionnaire.questions.map { $0.otherChoice != nil }
        anyOtherColumn = hasOtherColumn.contains(true)
        let codes = questionnaire.questions.map { question in
            question.categories.map { category in
                var bytes: [UInt8] = []
                CanonicalRowEncoder.appendQuotedIfNeeded(Array(category.code.utf8), to: &bytes)
                return bytes
            }
        }
        var arena: [UInt8] = []
        var starts: [Int] = []
        var bounds: [Range<Int>] = []
        for question in codes {
            starts.append(bounds.count)
            for code in question {
                bounds.append(arena.count..<(arena.count + code.count))
                arena.append(contentsOf: code)
            }
        }
        self.arena = arena
        codeStart = starts
        codeBounds = bounds
        plainCodes = questionnaire.questions.map { question in
            question.categories.allSatisfy { !CanonicalRowEncoder.needsQuotes(Array($0.code.utf8)) }
        }
        lowestPoint = questionnaire.questions.map(\.lowestPoint)
    }

    /// Appends `response` as one line (with LF) to `output`.
    func append(_ response: Response, to output: inout [UInt8]) {
        if anyOtherColumn { return appendWithOtherColumns(response, to: &output) }
        CanonicalRowEncoder.appendField(response.respondent, to: &output)
        output.append(UInt8(ascii: ","))
        response.submittedAt?.appendISO(to: &output)
        arena.withUnsafeBufferPointer { arena in
            response.answers.withUnsafeBufferPointer { answers in
                for index in 0..<answers.count {
                    output.append(UInt8(ascii: ","))
                    append(answers[index], of: index, arena: arena, to: &output)
                }
            }
        }
        output.append(0x0A)
    }

    /// `append` for a questionnaire with `other: true` questions: each such answer is followed
    /// by its `ID_other` text. Apart, so that the loop above stays as fast as it was.
    @inline(never)
    private func appendWithOtherColumns(_ response: Response, to output: inout [UInt8]) {
        CanonicalRowEncoder.appendField(response.respondent, to: &output)
        output.append(UInt8(ascii: ","))
        response.submittedAt?.appendISO(to: &output)
        let others = response.otherTexts
        arena.withUnsafeBufferPointer { arena in
            response.answers.withUnsafeBufferPointer { answers in
                for index in 0..<answers.count {
                    output.append(UInt8(ascii: ","))
                    append(answers[index], of: index, arena: arena, to: &output)
                    if hasOtherColumn[index] {
                        output.append(UInt8(ascii: ","))
                        if let text = others[index] { CanonicalRowEncoder.appendField(text, to: &output) }
                    }
                }
            }
        }
        output.append(0x0A)
    }

    private func append(_ answer: Answer, of index: Int, arena: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        @inline(__always) func code(_ category: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: arena[codeBounds[codeStart[index] + category]])
        }
        switch answer {
            case .missing:
                break
            case .choice(let choice):
                output.append(contentsOf: code(choice))
            case .choices(let set) where plainCodes[index]:
                var first = true
                for choice in set {
                    if !first { output.append(UInt8(ascii: ";")) }
                    output.append(contentsOf: code(choice))
                    first = false
                }
            case .choices(let set):
                let joined = set.map { rawCodes[index][$0] }.joined(separator: ";")
                CanonicalRowEncoder.appendField(joined, to: &output)
            case .rating(let value):
                output.append(contentsOf: code(value - lowestPoint[index]))
            case .yesNo(let yes):
                output.append(contentsOf: code(yes ? 0 : 1))
            case .number(let value):
                Answer.appendFormatted(value, to: &output)
            case .text(let text):
                CanonicalRowEncoder.appendField(text, to: &output)
            case .date(let date):
                date.appendISO(to: &output)
            case .missingCode(let missing):
                CanonicalRowEncoder.appendField(missingCodes[index][missing], to: &output)
        }
    }

    private static func appendField(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            if needsNoQuotes(bytes) { output.append(contentsOf: bytes) } else { appendQuotedIfNeeded(bytes, to: &output) }
        }
    }

    /// Whether text surely holds no comma, quote, CR or LF, eight bytes at a time (a text
    /// answer is the longest field of most rows): a zero byte in `word ^ c` means `c` is there.
    private static func needsNoQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
            let x = word ^ (ones &* UInt64(byte))
            return (x &- ones) & ~x & highs != 0
        }
        var index = 0
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if hasByte(word, 0x2C) || hasByte(word, 0x22) || hasByte(word, 0x0A) || hasByte(word, 0x0D) { return false }
            index += 8
        }
        while index < bytes.count {
            switch bytes[index] {
            case 0x2C, 0x22, 0x0A, 0x0D: return false
            default: index += 1
            }
        }
        return true
    }

    private static func needsQuotes<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
    }

    /// RFC 4180: quote a field holding a comma, quote, CR or LF, and double its quotes.
    private static func appendQuotedIfNeeded<C: Collection>(_ bytes: C, to output: inout [UInt8]) where C.Element == UInt8 {
        guard needsQuotes(bytes) else {
            output.append(contentsOf: bytes)
            return
        }
        output.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { output.append(byte) }
            output.append(byte)
        }
        output.append(UInt8(ascii: "\""))
    }
}
