import SurveyModel

extension Terminal {
    /// `message` as it may reach the terminal: control, bidi and zero-width characters from
    /// cells, headers, ids, labels or file names shown as `\u{1B}` (see `VisibleText`).
    ///
    /// Its own file, so that `Terminal.swift` needs no import for it.
    static func visible(_ message: String) -> String {
        VisibleText.message(message)
    }
}
