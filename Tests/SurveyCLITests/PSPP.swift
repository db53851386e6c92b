import Foundation

/// GNU PSPP, the independent reader of `survey export`'s .sav and .sps files (`make test`
/// installs Debian's `pspp`; without it the tests that need it are skipped).
enum PSPP {
    static let path: String? = {
        for directory in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: directory + "/pspp") {
            return directory + "/pspp"
        }
        return nil
    }()

    /// Runs `syntax` in the work directory with output as CSV tables; returns PSPP's run and the
    /// tables' text.
    static func run(_ syntax: String, in work: Workdir) throws -> (result: SurveyResult, output: String) {
        try work.write("oracle.sps", syntax)
        let result = try work.launch(URL(fileURLWithPath: path!), ["-O", "format=csv", "-o", "oracle-out.csv", "oracle.sps"], environment: [:])
        return (result, work.text("oracle-out.csv") ?? "")
    }

    /// The frequency tables of PSPP's CSV output under `SET TVARS=NAMES TNUMBERS=VALUES`:
    /// variable → (value → count), valid and user-missing values alike.
    static func frequencies(_ output: String) -> [String: [String: Int]] {
        var tables: [String: [String: Int]] = [:]
        var current: String?
        for row in parseCSV(output) {
            if row.count == 1, row[0].hasPrefix("Table: ") {
                current = String(row[0].dropFirst("Table: ".count))
                continue
            }
            guard let name = current, row.count >= 3, ["Valid", "Missing", ""].contains(row[0]), !row[1].isEmpty, row[1] != ".",
                  let count = Int(row[2]) else { continue }
            if row[0].isEmpty, tables[name] == nil { continue }
            tables[name, default: [:]][row[1]] = count
        }
        return tables
    }

    /// A CROSSTABS count table `ROW × COLUMN` of PSPP's CSV output: (row value, column value) → count.
    static func crossTab(_ output: String, row: String, column: String) -> [String: Int] {
        let rows = parseCSV(output)
        guard let start = rows.firstIndex(where: { $0 == ["Table: \(row) × \(column)"] }) else { return [:] }
        var columns: [String] = []
        var counts: [String: Int] = [:]
        var index = start + 1
        while index < rows.count, rows[index].count > 1 {
            let line = rows[index]
            if line.count > 3, line[0].isEmpty, line[1].isEmpty, line[2].isEmpty, columns.isEmpty || line[3] != column {
                if line[3] != column { columns = Array(line[3...]) }
            } else if line.count > 3, line[2] == "Count", line[0] != "Total" {
                for (offset, value) in columns.enumerated() where !value.isEmpty {
                    counts["\(line[1])|\(value)"] = Int(line[3 + offset])
                }
            }
            index += 1
        }
        return counts
    }
}
