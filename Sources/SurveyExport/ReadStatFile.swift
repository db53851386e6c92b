private import CReadStat
import Foundation
import SurveyModel

/// Writes an SPSS .sav or Stata .dta file through ReadStat, row by row: the only file that
/// touches ReadStat's pointers. The writer is freed and the file closed in `deinit`; ReadStat's
/// byte callback captures nothing and finds the file through its context pointer, and a write
/// error raised inside it is kept and thrown once ReadStat returns.
final class ReadStatFile {
    private let writer: UnsafeMutablePointer<readstat_writer_t>
    private let path: String
    private let format: ExportFormat
    private let variables: [ExportVariable]
    private var columns: [UnsafeMutablePointer<readstat_variable_t>] = []
    /// Whether a text column is a Stata strL (longer than 2045 bytes).
    private var stringReference: [Bool] = []
    /// The strL texts, in the order rows will insert them: ReadStat lays out the file's strL
    /// section when it starts writing, so every one is added before the first row.
    private var references: [UnsafeMutablePointer<readstat_string_ref_t>] = []
    private var nextReference = 0
    private var descriptor: Int32
    /// Digits of a second's fraction `submitted_at` shows.
    private let fractionDigits: Int
    /// The error text of a failed write(2) inside ReadStat's callback.
    fileprivate var failure: String?

    /// Stata's widest fixed string; longer texts go into strL columns.
    static let stataStringLimit = 2045
    /// Days from the SPSS epoch (1582-10-14) and the Stata epoch (1960-01-01) to 1970-01-01.
    static let spssEpochDays = -SubmissionTime.days(year: 1582, month: 10, day: 14)
    static let stataEpochDays = -SubmissionTime.days(year: 1960, month: 1, day: 1)

    /// Creates `path` and writes the dictionary: variables, labels, missing values, formats.
    /// Messages name `path` (the file as the user named it), though the bytes go to `file`.
    /// `longTexts`: the non-empty texts of Stata strL columns (`strLColumns`), row by row.
    init(path file: String, shownAs path: String, format: ExportFormat, variables: [ExportVariable], rows: Int, fileLabel: String, fractionDigits: Int = 0,
         longTexts: [String] = []) throws(ExportError) {
        precondition(format != .csv, "ReadStat writes .sav and .dta only")
        self.fractionDigits = min(fractionDigits, 6)
        self.path = path
        self.format = format
        self.variables = variables
        descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
        guard let writer = readstat_writer_init() else {
            close(descriptor)
            throw .readStat(path: path, step: "start", message: "out of memory")
        }
        self.writer = writer
        readstat_set_data_writer(writer) { data, length, context in
            let file = Unmanaged<ReadStatFile>.fromOpaque(context!).takeUnretainedValue()
            var offset = 0
            while offset < length {
                let written = Foundation.write(file.descriptor, data!.advanced(by: offset), length - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    file.failure = String(cString: strerror(errno))
                    return -1
                }
                offset += written
            }
            return length
        }
        try check(readstat_writer_set_file_label(writer, ReadStatFile.clip(fileLabel, bytes: format == .dta ? 80 : 64, characters: 80)), "file label")
        if format == .dta { try check(readstat_writer_set_file_format_version(writer, 118), "Stata format 118") }
        if format == .sav { try check(readstat_writer_set_compression(writer, READSTAT_COMPRESS_ROWS), "compression") }
        for variable in variables { try declare(variable) }
        var shared: [String: UnsafeMutablePointer<readstat_string_ref_t>] = [:]
        for text in longTexts {
            if let known = shared[text] {
                references.append(known)
                continue
            }
            guard let stored = readstat_add_string_ref(writer, text) else { throw .readStat(path: path, step: "strL", message: "out of memory") }
            shared[text] = stored
            references.append(stored)
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        switch format {
        case .sav: try check(readstat_begin_writing_sav(writer, context, rows), "header")
        case .dta: try check(readstat_begin_writing_dta(writer, context, rows), "header")
        case .csv: break
        }
    }

    deinit {
        readstat_writer_free(writer)
        if descriptor >= 0 { close(descriptor) }
    }

    /// Writes one row: `cells` in the order of `variables`.
    func write(_ cells: [ExportCell]) throws(ExportError) {
        try check(readstat_begin_row(writer), "row")
        for (index, cell) in cells.enumerated() {
            let column = columns[index]
            let status: readstat_error_t
            switch cell {
            case .empty:
                status = variables[index].isText ? insert(text: "", column: column, reference: stringReference[index]) : readstat_insert_missing_value(writer, column)
            case .number(let value):
                status = readstat_insert_double_value(writer, column, value)
            case .missingCode(let code):
                if format == .dta {
                    status = readstat_insert_tagged_missing_value(writer, column, ReadStatFile.tag(code))
                } else {
                    status = readstat_insert_double_value(writer, column, variables[index].missingValues[code].value)
                }
            case .text(let text):
                status = insert(text: text, column: column, reference: stringReference[index])
            case .date(let date):
                let days = Double(SubmissionTime.days(year: date.year, month: date.month, day: date.day))
                status = readstat_insert_double_value(writer, column, format == .dta
                    ? days + Double(ReadStatFile.stataEpochDays)
                    : (days + Double(ReadStatFile.spssEpochDays)) * 86_400)
            case .moment(let time):
                let local = Double(time.localDay) * 86_400 + Double(time.hour * 3600 + time.minute * 60 + time.second) + Double(time.nanosecond) / 1e9
                status = readstat_insert_double_value(writer, column, format == .dta
                    ? ((local + Double(ReadStatFile.stataEpochDays) * 86_400) * 1000).rounded()
                    : local + Double(ReadStatFile.spssEpochDays) * 86_400)
            }
            if status != READSTAT_OK { try check(status, "value of \(variables[index].name)") }
        }
        try check(readstat_end_row(writer), "row")
    }

    /// Writes what ReadStat keeps until the end (Stata's value labels and strLs) and closes.
    func finish() throws(ExportError) {
        try check(readstat_end_writing(writer), "end")
        let closed = close(descriptor)
        descriptor = -1
        if closed != 0 { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Whether `variable` is written as a Stata strL.
    static func isStrL(_ variable: ExportVariable, format: ExportFormat) -> Bool {
        if format == .dta, case .text(let width) = variable.storage { return width > stataStringLimit }
        return false
    }

    /// Stata's missing value for declared missing code `index`: `.a`, `.b`, ….
    static func tag(_ index: Int) -> CChar {
        CChar(UInt8(ascii: "a") + UInt8(min(index, 25)))
    }

    /// `text` cut to fit `bytes` of UTF-8 and `characters` characters, on a character boundary.
    static func clip(_ text: String, bytes: Int, characters: Int) -> String {
        var result = ""
        var used = 0
        for (count, character) in text.enumerated() {
            let size = character.utf8.count
            if count >= characters || used + size > bytes { break }
            result.append(character)
            used += size
        }
        return result
    }

    // MARK: Private

    private func insert(text: String, column: UnsafeMutablePointer<readstat_variable_t>, reference: Bool) -> readstat_error_t {
        guard reference else { return readstat_insert_string_value(writer, column, text) }
        guard !text.isEmpty else { return readstat_insert_missing_value(writer, column) }
        guard nextReference < references.count else { return READSTAT_ERROR_ROW_COUNT_MISMATCH }
        nextReference += 1
        return readstat_insert_string_ref(writer, column, references[nextReference - 1])
    }

    private func declare(_ variable: ExportVariable) throws(ExportError) {
        let type: readstat_type_t
        var width = 0
        var reference = false
        switch variable.storage {
        case .text(let bytes):
            width = max(1, bytes)
            reference = ReadStatFile.isStrL(variable, format: format)
            type = reference ? READSTAT_TYPE_STRING_REF : READSTAT_TYPE_STRING
        case .number, .date, .dateTime:
            type = READSTAT_TYPE_DOUBLE
        }
        guard let column = readstat_add_variable(writer, variable.name, type, reference ? 0 : width) else {
            throw .readStat(path: path, step: "variable \(variable.name)", message: "out of memory")
        }
        columns.append(column)
        stringReference.append(reference)
        let labelLimit = format.variableLabelLimit
        readstat_variable_set_label(column, ReadStatFile.clip(variable.label, bytes: labelLimit.bytes, characters: labelLimit.characters))
        readstat_variable_set_format(column, formatText(variable))
        let measure: readstat_measure_t = switch variable.measure {
        case .nominal: READSTAT_MEASURE_NOMINAL
        case .ordinal: READSTAT_MEASURE_ORDINAL
        case .scale: READSTAT_MEASURE_SCALE
        }
        readstat_variable_set_measure(column, measure)
        let labelled = variable.valueLabels.filter { !$0.label.isEmpty } + variable.missingValues
        if !labelled.isEmpty {
            let setName = format == .dta ? variable.name : "labels\(columns.count)"
            guard let set = readstat_add_label_set(writer, format == .dta ? READSTAT_TYPE_INT32 : READSTAT_TYPE_DOUBLE, setName) else {
                throw .readStat(path: path, step: "value labels of \(variable.name)", message: "out of memory")
            }
            let limit = format.valueLabelLimit
            for value in variable.valueLabels where !value.label.isEmpty {
                let label = ReadStatFile.clip(value.label, bytes: limit, characters: .max)
                if format == .dta {
                    readstat_label_int32_value(set, Int32(value.value), label)
                } else {
                    readstat_label_double_value(set, value.value, label)
                }
            }
            for (index, missing) in variable.missingValues.enumerated() {
                let label = ReadStatFile.clip(missing.label, bytes: limit, characters: .max)
                if format == .dta {
                    readstat_label_tagged_value(set, ReadStatFile.tag(index), label)
                } else {
                    readstat_label_double_value(set, missing.value, label)
                }
            }
            readstat_variable_set_label_set(column, set)
        }
        if format == .sav, let declaration = variable.spssMissing {
            if let range = declaration.range {
                try check(readstat_variable_add_missing_double_range(column, range.lowerBound, range.upperBound), "missing values of \(variable.name)")
            }
            for value in declaration.values {
                try check(readstat_variable_add_missing_double_value(column, value), "missing values of \(variable.name)")
            }
        }
    }

    private func formatText(_ variable: ExportVariable) -> String {
        switch (format, variable.storage) {
        case (.dta, .number(let decimals)): return decimals == 0 ? "%9.0g" : "%12.\(min(decimals, 9))f"
        case (.dta, .text(let width)): return width > ReadStatFile.stataStringLimit ? "%9s" : "%\(max(1, min(width, 2045)))s"
        case (.dta, .date): return "%td"
        case (.dta, .dateTime): return "%tc"
        case (_, .number(let decimals)): return "F\(max(8, decimals + 3)).\(decimals)"
        case (_, .text(let width)): return "A\(max(1, width))"
        case (_, .date): return "DATE11"
        case (_, .dateTime): return fractionDigits > 0 ? "DATETIME\(21 + fractionDigits).\(fractionDigits)" : "DATETIME20"
        }
    }

    private func check(_ status: readstat_error_t, _ step: String) throws(ExportError) {
        guard status != READSTAT_OK else { return }
        if let failure { throw .writeFailed(path: path, reason: failure) }
        throw .readStat(path: path, step: step, message: String(cString: readstat_error_message(status)))
    }
}
