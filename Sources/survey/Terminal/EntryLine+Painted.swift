import SurveyEntry

extension EntryLine {
    /// The line as the terminal shows it: its tone as an ANSI colour when the screen takes
    /// colours (`survey enter` and `survey code` alike), the bare text otherwise.
    func painted(colors: Bool) -> String {
        guard colors, !text.isEmpty else { return text }
        let code: String
        switch tone {
        case .plain: return text
        case .heading: code = "1;36"
        case .hint: code = "2"
        case .problem: code = "31"
        case .success: code = "32"
        case .warning: code = "33"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
