/// Phrases only report.docx needs.
extension ReportPhrases {
    /// The footer's words around the page number and the page count: "Page 2 of 7".
    var pageOf: (String, String, String) { (pick("Page ", "Страница "), pick(" of ", " из "), "") }
}
