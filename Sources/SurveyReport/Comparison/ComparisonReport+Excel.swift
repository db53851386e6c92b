/// comparison.xlsx (`ComparisonWorkbook`).
extension ComparisonReport {
    /// comparison.xlsx: the Comparison and Events sheets.
    func excelPictures() throws(ReportError) -> [(path: String, bytes: [UInt8])] {
        [("comparison.xlsx", try ComparisonWorkbook(report: self).bytes())]
    }
}
