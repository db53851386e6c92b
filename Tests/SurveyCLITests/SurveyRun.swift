import Foundation

/// Test fixtures, found from this file's path (repo root = three levels up).
enum Fixture {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file under `Tests/Fixtures`.
    static func path(_ name: String) -> String {
        repoRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name).path
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(name))))
    }

    /// The questionnaire every import fixture answers.
    static let feedback = path("feedback.yaml")
}

/// What one run of the binary did.
struct SurveyResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// A fresh temporary working directory in which the built `survey` binary runs.
///
/// The binary is `$SURVEY_BIN` when set (the Makefile sets it), else the `survey` built next to
/// this test bundle (`.build*/debug/survey`), else `.build/debug/survey` in the repository.
struct Workdir {
    /// Holds `work/` (the run's current directory) and the captured output streams.
    let root: URL
    var url: URL { root.appendingPathComponent("work") }

    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["SURVEY_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("survey"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("survey"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("survey"))
        candidates.append(Fixture.repoRoot.appendingPathComponent(".build/debug/survey"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("survey-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("work"), withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Copies a fixture into the working directory; returns the name to pass on the command line.
    @discardableResult
    func copy(fixture name: String, as newName: String? = nil) throws -> String {
        let target = newName ?? name
        try FileManager.default.copyItem(atPath: Fixture.path(name), toPath: path(target))
        return target
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
        return name
    }

    func bytes(_ name: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path(name)).map { [UInt8]($0) }
    }

    func text(_ name: String) -> String? {
        bytes(name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every file under the working directory (relative paths, hidden ones included), sorted.
    func listing() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        var names: [String] = []
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path(name), isDirectory: &isDirectory), !isDirectory.boolValue {
                names.append(name)
            }
        }
        return names.sorted()
    }

    /// Runs `survey ARGUMENTS…` in the working directory and waits for it.
    func run(_ arguments: String...) throws -> SurveyResult {
        try run(arguments: arguments)
    }

    func run(arguments: [String]) throws -> SurveyResult {
        try launch(Workdir.binary, arguments, environment: [:])
    }

    /// Runs `executable` in the working directory with stdin from /dev/null, `extra` added to the
    /// environment, and waits for it. A child killed by a signal has status 128 + the signal, as
    /// in a shell.
    func launch(_ executable: URL, _ arguments: [String], environment extra: [String: String]) throws -> SurveyResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = url
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["COLUMNS"] = "200"
        process.environment = environment.merging(extra) { $1 }
        // Files rather than pipes: a full pipe would block the child while we wait for it.
        let out = root.appendingPathComponent("stdout"), err = root.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return SurveyResult(
            status: status,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}

/// Reads a CSV file the importer wrote (RFC 4180: `,`, `"` quoting, `""` escapes).
/// RFC 4180 fields; `separator` is `;` for the Russian `--excel` files.
func parseCSV(_ text: String, separator: Unicode.Scalar = ",") -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    func nextScalar() -> Unicode.Scalar? {
        if let scalar = pending { pending = nil; return scalar }
        return scalars.next()
    }
    while let c = nextScalar() {
        if quoted {
            if c == "\"" {
                let after = nextScalar()
                if after == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = after }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == separator {
            row.append(field)
            field = ""
        } else if c == "\n" {
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else if c != "\r" {
            field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !row.isEmpty {
        row.append(field)
        rows.append(row)
    }
    return rows
}
