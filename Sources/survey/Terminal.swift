import Foundation

/// Where the command layer talks to people: stderr for messages, stdout for results.
enum Terminal {
    /// Writes a line to standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((visible(message) + "\n").utf8))
    }

    /// Whether stderr is a terminal that wants colour (never with NO_COLOR).
    static var colorsErrors: Bool {
        isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
