private import CEditLine
import Foundation

/// The one place that touches libedit: reads a line at a terminal with editing (arrows,
/// backspace, history of earlier answers with ↑).
///
/// libedit's `readline()` switches the terminal to character mode only while a line is being
/// read and back with TCSADRAIN, so keys typed ahead while the program prints are kept.
final class LineEditor {
    init() {
        LineEditor.useUTF8Locale()
        using_history()
    }

    /// The next line without its line end; nil at end of input (Ctrl-D on an empty line).
    func read(prompt: String) -> String? {
        fflush(nil)
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        let line = String(cString: raw)
        if !line.allSatisfy(\.isWhitespace) { add_history(raw) }
        return line
    }

    /// libedit decodes multibyte input (Cyrillic labels, да/нет) by the C locale; a bare
    /// `C` or `POSIX` locale would garble it, so fall back to C.UTF-8 there.
    private static func useUTF8Locale() {
        let found = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? "C"
        if found == "C" || found == "POSIX" {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
