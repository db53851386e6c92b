/// comparison.html and its trend charts: written by the compare-views part; empty until then.
extension ComparisonReport {
    /// comparison.html and the charts' SVG files.
    func htmlFiles() -> [(path: String, content: String)] { [] }

    /// The trend charts' PNG twins.
    func htmlPictures() throws(ReportError) -> [(path: String, bytes: [UInt8])] { [] }
}
