/// A worksheet listed in the workbook, in tab order.
public struct XLSXSheet: Sendable, Hashable {
    /// The tab's name.
    public var name: String
    /// Whether the tab is hidden (`state="hidden"` or `"veryHidden"`).
    public var isHidden: Bool
    /// The zip entry holding the sheet's XML (`xl/worksheets/sheet1.xml`).
    public var part: String
}
