import ArgumentParser
import SurveyImport
import SurveyModel

/// How to read response files, shared by every command that reads them.
struct InputOptions: ParsableArguments {
    @Option(help: "Input encoding (\(TextEncoding.acceptedNames)); detected when omitted.")
    var encoding: String?

    @Option(help: "Field delimiter: one character (, ; | § …) or `tab`; a `sep=;` first line or sniffing decides when omitted.")
    var delimiter: String?

    @Option(name: .customLong("map"), help: ArgumentHelp("Match a column by hand: 'Header text=question_id' (repeatable).", valueName: "header=id"))
    var columnMap: [String] = []

    @Option(name: .customLong("id-column"), help: "Column holding respondent ids (default: respondent, respondent_id, id, _id, _uuid, ResponseId, Respondent ID).")
    var idColumn: String?

    @Option(name: .customLong("number-format"), help: ArgumentHelp("How numbers are written in these files, instead of the definition's number_format: decimal_point (1,500.25), decimal_comma (1 500,25) or a language code (en, ru).", valueName: "format"))
    var numberFormat: String?

    @Option(name: .customLong("timestamp-format"), help: ArgumentHelp("Which way round slashed submission dates (04/05/2021) are written: mdy (month first, Google Forms in US English) or dmy (day first); worked out from the whole column when omitted.", valueName: "order"))
    var timestampFormat: String?

    @Option(help: ArgumentHelp("The sheet of XLSX inputs to read (default: the first). An XLSX sheet is read as it is unzipped, one row at a time; memory holds the workbook's shared strings (its distinct texts), not the sheet.", valueName: "name"))
    var sheet: String?

    @Option(help: ArgumentHelp("Threads reading a large file (over 16 MiB, UTF-8) in parts; the results are the same whatever the number (default: the number of cores).", valueName: "n"))
    var jobs: Int = ParallelWork.cores

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more, not \(jobs)") }
        if let timestampFormat, DayMonthOrder(rawValue: timestampFormat.lowercased()) == nil {
            throw ValidationError("--timestamp-format must be mdy (month first: 4/27/2021) or dmy (day first: 27/04/2021), not \"\(timestampFormat)\"")
        }
        if let numberFormat, NumberConvention(name: numberFormat) == nil {
            throw ValidationError("--number-format must be decimal_point (1,500.25), decimal_comma (1 500,25) or a language code such as en or ru, not \"\(numberFormat)\"")
        }
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError("--encoding must be one of \(TextEncoding.acceptedNames), not \"\(encoding)\"")
        }
        if let delimiter, ImportOptions.delimiter(delimiter) == nil {
            throw ValidationError(ImportOptions.delimiterRefusal(delimiter))
        }
    }

    /// The library's options.
    func importOptions() throws -> ImportOptions {
        var options = ImportOptions(
            encoding: encoding.flatMap(TextEncoding.init(name:)),
            delimiter: delimiter.flatMap(ImportOptions.delimiter),
            columnMap: try ImportOptions.columnMap(columnMap),
            idColumn: idColumn,
            numberConvention: numberFormat.flatMap(NumberConvention.init(name:)),
            timestampOrder: timestampFormat.flatMap { DayMonthOrder(rawValue: $0.lowercased()) }
        )
        options.sheet = sheet
        return options
    }
}
