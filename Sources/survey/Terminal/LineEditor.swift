private import CEditLine
import Foundation

/// The one place that touches libedit: reads a line at a terminal with editing (arrows,
/// backspace, history of earlier answers with ↑).
///
/// libedit's `readline()` switches the terminal to character mode only while a line is being
/// read and back with TCSADRAIN, so keys typed ahead while the program prints are kept.
final class LineEditor {
    /// `carryKeys`: read keys through `nextKey` so a key taken by `readKey` can be handed on
    /// to the line (`--auto-advance`); otherwise libedit reads the terminal itself.
    init(carryKeys: Bool = false) {
        LineEditor.useUTF8Locale()
        if carryKeys { survey_set_getc { _ in LineEditor.nextKey() } }
        using_history()
        survey_tab_inserts_itself()
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

    /// `--auto-advance`: one key read without waiting for Enter. A key in `keys` is the whole
    /// answer at once; Enter is an empty line; Ctrl-D is the end of input; any other
    /// character opens an ordinary edited line with that character already typed, so a label
    /// prefix (`very`) is typed as usual.
    func readKey(prompt: String, keys: Set<Character>) -> String? {
        LineEditor.say(prompt)
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { return read(prompt: "\r" + prompt) }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        tcsetattr(0, TCSANOW, &raw)
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while Foundation.read(0, &byte, 1) == 1 {
            bytes.append(byte)
            let lead = bytes[0]
            let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 1
            if bytes.count >= length { break }
        }
        tcsetattr(0, TCSANOW, &saved)
        guard let first = bytes.first else { return nil }
        switch first {
        case 4: // Ctrl-D
            return nil
        case 10, 13:
            LineEditor.say("\n")
            return ""
        default:
            break
        }
        let typed = String(decoding: bytes, as: UTF8.self)
        if typed.count == 1, let key = typed.first, keys.contains(key) {
            LineEditor.say(typed + "\n")
            return typed
        }
        // Carry the key into an ordinary line, as if typed there (arrows and backspace too).
        LineEditor.carried = Array(typed.unicodeScalars)
        LineEditor.say("\r")
        return read(prompt: prompt)
    }

    /// Keys read by `readKey` and not used there, handed to libedit first.
    nonisolated(unsafe) private static var carried: [Unicode.Scalar] = []

    /// libedit's getc (`rl_getc_function`): a carried key, else one UTF-8 character from
    /// standard input, as a code point (libedit takes the number as a wide character); -1 at
    /// the end of input.
    private static func nextKey() -> Int32 {
        if !carried.isEmpty { return Int32(carried.removeFirst().value) }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let got = Foundation.read(0, &byte, 1)
            if got < 0, errno == EINTR { continue }
            guard got == 1 else { return -1 }
            bytes.append(byte)
            let lead = bytes[0]
            let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 1
            if bytes.count >= length { break }
        }
        return Int32(String(decoding: bytes, as: UTF8.self).unicodeScalars.first?.value ?? 0xFFFD)
    }

    private static func say(_ text: String) {
        fflush(nil)
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Foundation.write(1, $0.baseAddress, $0.count) }
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
