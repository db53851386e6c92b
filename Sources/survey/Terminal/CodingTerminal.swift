import Foundation
import SurveyEntry
import SurveyModel

/// Drives a `CodingDesk` from the terminal: single keys at a terminal (Enter, a theme's key,
/// + - s p q ?, no Enter needed), one key or line per input line from a pipe.
///
/// Like `survey enter`, the screen scrolls and is never redrawn: the answer with its themes,
/// then the ticks again after each key. Colour only on a terminal without NO_COLOR.
struct CodingTerminal {
    let desk: CodingDesk
    let interactive: Bool
    let colors: Bool

    init(desk: CodingDesk) {
        self.desk = desk
        interactive = isatty(0) == 1
        colors = isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Runs the sitting; returns false when a line from a pipe was refused.
    func run() throws -> Bool {
        let editor = interactive ? LineEditor(carryKeys: true) : nil  // a key that is not a single key starts a line (a theme id)
        if interactive { CodingTerminal.sayWhatCtrlCLoses() }
        note(desk.opening())
        var refused = 0
        var lineNumber = 0
        var shown: Int?
        while desk.prompt != .finished {
            // Laid out for the window's width now, which a resize may have changed.
            if interactive { desk.screen.width = EntryTerminal.width() }
            if desk.prompt == .choosing, shown != desk.index {
                write("\n", to: 1)
                show(desk.lines(), to: 1)
                shown = desk.index
            }
            let typed: String?
            if let editor {
                let prompt = VisibleText.line(desk.promptText)
                if let keys = desk.singleKeys {
                    typed = editor.readKey(prompt: prompt, keys: keys)
                } else {
                    typed = editor.read(prompt: prompt)
                }
            } else {
                typed = readLine(strippingNewline: true)
            }
            guard let input = typed else {
                if interactive { write("\n", to: 1) }
                note(desk.endOfInput())
                break
            }
            lineNumber += 1
            let notes = try desk.submit(input)
            if !interactive, notes.contains(where: { $0.tone == .problem }) {
                refused += 1
                show(notes.filter { $0.tone == .problem }.map { EntryLine("stdin:\(lineNumber): \($0.text.trimmingCharacters(in: .whitespaces))", .problem) }, to: 2)
                show(notes.filter { $0.tone != .problem }, to: 1)
            } else {
                note(notes)
            }
        }
        show(desk.closing(), to: 1)
        return refused == 0
    }

    private func note(_ lines: [EntryLine]) {
        show(lines.flatMap { line in
            line.text.count < desk.screen.width ? [line] : desk.screen.wrap(line.text, indent: "", hanging: "    ").map { EntryLine($0, line.tone) }
        }, to: 1)
    }

    private func show(_ lines: [EntryLine], to stream: Int32) {
        for line in lines { write(line.painted(colors: colors) + "\n", to: stream) }
    }

    private func write(_ text: String, to descriptor: Int32) {
        _ = Terminal.writeAll(text, to: descriptor)
    }

    /// Ctrl-C ends the program at once; the handler says, async-signal-safely, what is kept.
    private static func sayWhatCtrlCLoses() {
        signal(SIGINT) { signal in
            let message: StaticString = "\nInterrupted: the answer shown was not saved; every accepted answer is on disk.\n"
            _ = Foundation.write(2, message.utf8Start, message.utf8CodeUnitCount)
            Foundation.signal(signal, SIG_DFL)
            raise(signal)
        }
    }
}
