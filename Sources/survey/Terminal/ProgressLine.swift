import Foundation

/// The one-line progress indicator on stderr while a large file is read: bytes and rows done,
/// the rate and the time left, redrawn in place at most 10 times a second. Only on a terminal
/// and only for files over 50 MB: in a pipe, a log or a test's captured stderr it never shows.
final class ProgressLine: @unchecked Sendable {
    /// Files smaller than this are read too fast to need one.
    static let minimumBytes = 50_000_000
    /// Test hook: another minimum, so that a test can see the line on a small file.
    static let minimumVariable = "SURVEY_TEST_PROGRESS_BYTES"
    /// At most 10 updates a second.
    static let interval = 0.1

    private let label: String
    private let minimum: Int
    private var started: Date?
    private var drawn = Date.distantPast
    private(set) var isShown = false

    init(label: String) {
        self.label = label
        let override = ProcessInfo.processInfo.environment[ProgressLine.minimumVariable].flatMap(Int.init)
        minimum = override ?? ProgressLine.minimumBytes
    }

    /// Takes one update: `done` of `total` bytes of the file, `rows` rows read.
    func update(done: Int, total: Int, rows: Int) {
        guard total >= minimum else { return }
        let now = Date()
        if started == nil { started = now }
        guard now.timeIntervalSince(drawn) >= ProgressLine.interval else { return }
        drawn = now
        let seconds = max(now.timeIntervalSince(started!), 0.001)
        let rate = Double(done) / seconds
        let left = rate > 0 ? Double(total - done) / rate : 0
        let text = String(format: "%@: %.1f of %.1f MB (%d%%), %@ rows, %.1f MB/s, %.0f s left",
                          label, Double(done) / 1e6, Double(total) / 1e6, Int(Double(done) * 100 / Double(max(total, 1))),
                          rows.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))), rate / 1e6, left.rounded(.up))
        _ = Terminal.writeAll("\r\u{1B}[K" + text, to: 2)
        isShown = true
    }

    /// Clears the line, if one is shown, so that the next message starts on a clean line.
    func end() {
        if isShown { _ = Terminal.writeAll("\r\u{1B}[K", to: 2) }
        isShown = false
    }
}

extension Terminal {
    nonisolated(unsafe) private static var progressLine: ProgressLine?

    /// The progress callback for reading files in parts, or nil when stderr is not a terminal.
    static func progress(of label: String) -> ((Int, Int, Int) -> Void)? {
        guard isatty(2) == 1 else { return nil }
        let line = progressLine ?? ProgressLine(label: label)
        progressLine = line
        return { done, total, rows in line.update(done: done, total: total, rows: rows) }
    }

    /// Clears the progress line, if one is shown.
    static func endProgress() {
        progressLine?.end()
    }
}
