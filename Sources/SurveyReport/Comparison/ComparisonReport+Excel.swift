/// comparison.xlsx: written by the compare-views part; empty until then.
extension ComparisonReport {
    /// comparison.xlsx.
    func excelPictures() throws(ReportError) -> [(path: String, bytes: [UInt8])] { [] }
}
