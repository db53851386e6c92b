import Foundation
import SurveyEntry
import SurveyModel

/// Drives an `EntryDesk` from the terminal, line by line, never redrawing the screen.
///
/// With a terminal on stdin: the question, its choices and a short prompt on stdout, line
/// editing through libedit, colour when stdout is a terminal and NO_COLOR is unset. With a
/// pipe: no prompts, one answer per line; notes go to stderr, refusals with their input line.
struct EntryTerminal {
    let desk: EntryDesk
    let interactive: Bool
    let colors: Bool
    /// `--auto-advance`: one-key answers move on without Enter.
    let autoAdvance: Bool

    init(desk: EntryDesk, autoAdvance: Bool = false) {
        self.desk = desk
        self.autoAdvance = autoAdvance
        interactive = isatty(0) == 1
        colors = isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Terminal width for layout: the window's columns (80 when unknown), kept within 40–160.
    static func width() -> Int {
        var size = winsize()
        guard isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return min(160, max(40, Int(size.ws_col)))
    }

    /// Runs the sitting; returns false when input was refused in a pipe or a form was lost.
    func run() throws -> Bool {
        let editor = interactive ? LineEditor(carryKeys: autoAdvance) : nil
        if interactive {
            EntryTerminal.sayWhatCtrlCLoses()
            EntryTerminal.keepTheFormOnHangUp()
        }
        note(desk.opening())
        var lineNumber = 0
        var refused = 0
        var shown: (EntryDesk.Prompt, String?)?
        while desk.prompt != .finished {
            // The window may have been resized since the last prompt (no SIGWINCH handler:
            // the form is never redrawn, so the next lines are what follow the new width).
            if interactive { desk.screen.width = EntryTerminal.width() }
            if interactive, shown.map({ $0.0 != desk.prompt || $0.1 != desk.session?.respondent }) ?? true {
                if desk.prompt == .respondent || desk.prompt == .question(0) && shown?.0 == .respondent { write("\n", to: 1) }
                show(desk.lines(), to: 1)
                shown = (desk.prompt, desk.session?.respondent)
            }
            let typed: String?
            if let editor {
                let prompt = VisibleText.line(desk.promptText)
                if autoAdvance, let keys = desk.singleKeys {
                    typed = editor.readKey(prompt: prompt, keys: keys)
                } else {
                    typed = editor.read(prompt: prompt)
                }
            } else {
                typed = readLine(strippingNewline: true)
            }
            guard let line = typed else {
                if interactive, EntryTerminal.hungUp != 0 {
                    note(try desk.terminalClosed())
                } else if interactive, desk.session != nil, desk.prompt != .leave {
                    write("\n", to: 1)
                    note(try desk.submit(":q"))
                } else {
                    note(desk.endOfInput())
                }
                continue
            }
            lineNumber += 1
            // In a pipe, help would be printed to no one and the `?` (a respondent's answer,
            // more likely) dropped: refused, with how to write it.
            if !interactive, EntryCommand(line) == .help {
                refused += 1
                note([EntryLine("stdin:\(lineNumber): `?` asks for help, which a pipe does not show; to save ? as the answer, write \\?", .problem)])
                continue
            }
            let notes = try desk.submit(line)
            if !interactive, notes.contains(where: { $0.tone == .problem }) {
                refused += 1
                note(notes.map { $0.tone == .problem ? EntryLine("stdin:\(lineNumber): \($0.text)", .problem) : $0 })
            } else {
                note(notes)
            }
        }
        note(desk.closing())
        let table = try desk.disagreementTable()
        if !table.isEmpty {
            if interactive { write("\n", to: 1) }
            show(table.map { EntryLine($0) }, to: 1)
        }
        return desk.tally.lost == 0 && refused == 0
    }

    /// Notes: on the terminal with the form, or on stderr when the input is a pipe (hints,
    /// such as keys and help, only on the terminal).
    private func note(_ lines: [EntryLine]) {
        guard interactive else { return show(lines.filter { $0.tone != .hint }, to: 2) }
        // On the terminal a long note (a refusal naming the candidates) wraps between words;
        // in a pipe it stays one line, so `stdin:N:` prefixes the whole of it.
        show(lines.flatMap { line in
            line.text.count < desk.screen.width ? [line] : desk.screen.wrap(line.text, indent: "", hanging: "  ").map { EntryLine($0, line.tone) }
        }, to: 1)
    }

    private func show(_ lines: [EntryLine], to stream: Int32) {
        for line in lines {
            write(line.painted(colors: colors) + "\n", to: stream)
        }
    }

    /// Unbuffered, so notes and libedit's prompt never overtake each other.
    /// The form's screen: a failed write is not worth ending a sitting over, but a full
    /// terminal (EAGAIN) is waited for, never dropped.
    private func write(_ text: String, to descriptor: Int32) {
        _ = Terminal.writeAll(text, to: descriptor)
    }

    /// Set by SIGHUP (the terminal was closed): the line being read then ends, and the form is
    /// kept as incomplete instead of the process ending with it unsaved.
    nonisolated(unsafe) private static var hungUp: sig_atomic_t = 0

    private static func keepTheFormOnHangUp() {
        hungUp = 0  // initialized here, not first in the handler
        signal(SIGHUP) { _ in EntryTerminal.hungUp = 1 }
    }

    /// Ctrl-C still ends the program at once (libedit restores the terminal first); the
    /// handler only says, with async-signal-safe calls, what was and was not saved.
    private static func sayWhatCtrlCLoses() {
        signal(SIGINT) { signal in
            let message: StaticString = "\nInterrupted: the form being typed was not saved; every saved form is on disk.\n"
            _ = Foundation.write(2, message.utf8Start, message.utf8CodeUnitCount)
            Foundation.signal(signal, SIG_DFL)
            raise(signal)
        }
    }
}
