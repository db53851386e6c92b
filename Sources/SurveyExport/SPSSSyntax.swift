import Foundation

/// The `.sps` file beside an exported .sav or .csv: SPSS/PSPP syntax that opens the data and
/// gives it variable labels, value labels, declared missing values, measurement levels and the
/// multiple-response sets (`MRSETS`, which ReadStat cannot put into a .sav). For a CSV it is
/// what turns the plain file into a labelled data set; for a .sav it adds the sets.
struct SPSSSyntax {
    let layout: ExportLayout
    /// The data file's name, as the syntax opens it (from the folder holding both files).
    let dataFile: String
    /// The definition it came from, named in the header comment.
    let definition: String

    func render() -> String {
        let variables = layout.variables
        var lines: [String] = [
            "* Encoding: UTF-8.",
            "* Written by `survey export` from \(SPSSSyntax.comment(definition)): labels, missing values and multiple-response sets of \(SPSSSyntax.comment(dataFile)).",
            "* Run it from the folder that holds both files (or CD to it first).",
        ]
        if layout.format == .csv {
            lines.append("GET DATA /TYPE=TXT /FILE=\(SPSSSyntax.quote(dataFile)) /ENCODING='UTF8' /ARRANGEMENT=DELIMITED /DELCASE=LINE")
            lines.append("  /FIRSTCASE=2 /DELIMITERS=',' /QUALIFIER='\"'")
            var list = "  /VARIABLES="
            for variable in variables {
                // A line that starts with COMM…COMMENT is a comment to SPSS and PSPP, even
                // inside a command: such a name goes on the line before.
                list += (SPSSSyntax.startsComment(variable.name) ? " " : "\n    ") + "\(variable.name) \(inputFormat(variable))"
            }
            lines.append(list + ".")
        } else {
            lines.append("GET FILE=\(SPSSSyntax.quote(dataFile)).")
        }
        lines.append("VARIABLE LABELS " + variables.enumerated().map { index, variable in
            "\(index == 0 ? "" : "  /")\(variable.name) \(SPSSSyntax.quote(SPSSSyntax.clip(variable.label, bytes: 255)))"
        }.joined(separator: "\n") + ".")
        let labelled = variables.filter { !$0.valueLabels.isEmpty || !$0.missingValues.isEmpty }
        if !labelled.isEmpty {
            lines.append("VALUE LABELS " + labelled.enumerated().map { index, variable in
                let pairs = (variable.valueLabels.filter { !$0.label.isEmpty } + variable.missingValues).map {
                    "\(SPSSSyntax.number($0.value)) \(SPSSSyntax.quote(SPSSSyntax.clip($0.label, bytes: 120)))"
                }
                return "\(index == 0 ? "" : "  /")\(variable.name) " + pairs.joined(separator: " ")
            }.joined(separator: "\n") + ".")
        }
        for variable in variables {
            guard let missing = variable.spssMissing else { continue }
            var parts = missing.values.map(SPSSSyntax.number)
            if let range = missing.range { parts.insert("\(SPSSSyntax.number(range.lowerBound)) THRU \(SPSSSyntax.number(range.upperBound))", at: 0) }
            lines.append("MISSING VALUES \(variable.name) (\(parts.joined(separator: ", "))).")
        }
        for measure in [ExportVariable.Measure.nominal, .ordinal, .scale] {
            let names = variables.filter { $0.measure == measure && !($0.isText && measure == .scale) }.map(\.name)
            if !names.isEmpty { lines.append("VARIABLE LEVEL \(names.joined(separator: " ")) (\(measure.rawValue.uppercased())).") }
        }
        if layout.format == .csv {
            let dates = variables.filter { $0.storage == .date }.map(\.name)
            let times = variables.filter { $0.storage == .dateTime }.map(\.name)
            if !dates.isEmpty { lines.append("FORMATS \(dates.joined(separator: " ")) (DATE11).") }
            if !times.isEmpty { lines.append("FORMATS \(times.joined(separator: " ")) (DATETIME\(layout.fractionDigits > 0 ? "\(21 + layout.fractionDigits).\(layout.fractionDigits)" : "20")).") }
        }
        var sets: [String] = []
        for (index, question) in layout.questionnaire.questions.enumerated() {
            guard case .multipleChoice = question.kind else { continue }
            let members = variables.filter {
                if case .chosen(let owner, _) = $0.source { return owner == index }
                return false
            }.map(\.name)
            guard !members.isEmpty else { continue }
            sets.append("  /MDGROUP NAME=$\(members.isEmpty ? question.id : setName(question.id)) LABEL=\(SPSSSyntax.quote(SPSSSyntax.clip(question.text.text(in: layout.language), bytes: 255)))"
                + "\n    CATEGORYLABELS=COUNTEDVALUES VARIABLES=\(members.joined(separator: " ")) VALUE=1")
        }
        if !sets.isEmpty { lines.append("MRSETS\n" + sets.joined(separator: "\n") + ".") }
        lines.append("EXECUTE.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether a line starting with `name` would be read as a COMMENT command (4 letters or more
    /// of it).
    static func startsComment(_ name: String) -> Bool {
        name.count >= 4 && "comment".hasPrefix(name.lowercased())
    }

    /// The set's name: `$` and the question's variable-safe id, within SPSS's 64 bytes.
    private func setName(_ id: String) -> String { String(id.prefix(63)) }

    /// How GET DATA reads a column of the CSV.
    private func inputFormat(_ variable: ExportVariable) -> String {
        switch variable.storage {
        case .number(let decimals): return "F\(max(8, decimals + 20)).\(decimals)"
        case .text(let width): return "A\(max(1, width))"
        case .date: return "SDATE10"
        case .dateTime: return layout.fractionDigits > 0 ? "YMDHMS\(20 + layout.fractionDigits).\(layout.fractionDigits)" : "YMDHMS19"
        }
    }

    /// A syntax string: single quotes, inner quotes doubled, line breaks as spaces (a syntax
    /// string cannot span lines).
    static func quote(_ text: String) -> String {
        let flat = String(text.map { $0.isNewline ? " " : $0 })
        return "'" + flat.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Text for a comment line, which ends at a line break or a full stop at the end of a line.
    static func comment(_ text: String) -> String { String(text.map { $0.isNewline ? " " : $0 }) }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// Cut to `bytes` of UTF-8 on a character boundary (SPSS's label limits).
    static func clip(_ text: String, bytes: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            used += character.utf8.count
            if used > bytes { break }
            result.append(character)
        }
        return result
    }
}
