import Foundation
import SurveyImport
import SurveyModel
@testable import SurveyStatistics

/// `Tests/Fixtures/themes`: 50 bilingual seminar comments, their definition with themes, the hand
/// codes, and the figures `make-expected.py` summed from the hand annotation of every answer.
enum ThemeFixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/themes")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func questionnaire() throws -> Questionnaire {
        try QuestionnaireLoader.load(path: path("seminar-comments.yaml"))
    }

    static func codes() throws -> ThemeCodes {
        try ThemeCodes.read(from: directory.appendingPathComponent("seminar-comments.codes.csv"))
    }

    /// The rows of a fixture CSV after its header, as dictionaries by column.
    static func rows(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        var lines = parse(text)
        let header = lines.removeFirst()
        return lines.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// RFC 4180 CSV (the expected files quote answers with commas).
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\n" || c == "\r\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// The responses as the importer hands them to the tally, in file order.
    static func responses(_ questionnaire: Questionnaire) throws -> [Response] {
        let importer = ResponseImporter(questionnaire: questionnaire)
        var responses: [Response] = []
        importer.onResponse = { responses.append($0) }
        try importer.importFile(path("seminar-comments.csv"))
        return responses
    }
}
