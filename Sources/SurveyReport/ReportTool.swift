/// The program that writes the reports, as the workbook's About sheet and properties name it.
enum ReportTool {
    static let name = "survey"
    /// Raised with each release that changes what a report holds.
    static let version = "0.11.0"
}
