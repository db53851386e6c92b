import Foundation

/// Runs beyond `Workdir.run`: through `/bin/sh` (redirections such as `> /dev/full`, `>&-`,
/// `2>&1 | true`), with extra environment variables, and into a pipe nobody reads.
extension Workdir {
    /// Runs `/bin/sh -c script` in the working directory with `$SURVEY` naming the binary.
    /// The shell's own stdout and stderr are captured (status 128+N when survey died of signal N
    /// and was the last command).
    func shell(_ script: String, environment extra: [String: String] = [:]) throws -> SurveyResult {
        try launch(URL(fileURLWithPath: "/bin/sh"), ["-c", script], environment: ["SURVEY": Workdir.binary.path].merging(extra) { $1 })
    }

    /// Runs `survey ARGUMENTS…` with extra environment variables (the report's kill hook).
    func run(_ arguments: [String], environment extra: [String: String]) throws -> SurveyResult {
        try launch(Workdir.binary, arguments, environment: extra)
    }

    /// What a run into a broken pipe did: how it ended, and the other stream's text.
    struct BrokenPipeRun: CustomStringConvertible {
        /// The exit status, or the signal number when `signaled`.
        var status: Int32
        var signaled: Bool
        var otherStream: String
        var description: String { "\(signaled ? "signal" : "exit") \(status)\n--- other stream\n\(otherStream)" }
    }

    /// Runs `survey ARGUMENTS…` with stdout (descriptor 1) or stderr (2) connected to a pipe
    /// whose read end is closed before the start, so every write to it fails with EPIPE (or
    /// raises SIGPIPE): the deterministic form of `| head -1` and `2>&1 | true`.
    func run(_ arguments: [String], brokenPipeOn descriptor: Int32) throws -> BrokenPipeRun {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw CocoaError(.fileWriteUnknown) }
        close(ends[0])
        let broken = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
        let other = root.appendingPathComponent(descriptor == 1 ? "stderr" : "stdout")
        _ = FileManager.default.createFile(atPath: other.path, contents: nil)
        let otherHandle = try FileHandle(forWritingTo: other)
        let process = Process()
        process.executableURL = Workdir.binary
        process.arguments = arguments
        process.currentDirectoryURL = url
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = descriptor == 1 ? broken : otherHandle
        process.standardError = descriptor == 1 ? otherHandle : broken
        try process.run()
        process.waitUntilExit()
        try broken.close()
        try otherHandle.close()
        return BrokenPipeRun(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                             otherStream: String(decoding: try Data(contentsOf: other), as: UTF8.self))
    }
}
