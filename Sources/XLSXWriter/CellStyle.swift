/// How a cell looks: the few properties a report or a form needs, as a value. Equal styles
/// become one format in the workbook.
public struct CellStyle: Sendable, Hashable {
    /// Bold type (headers, titles).
    public var bold: Bool
    /// Italic type (notes).
    public var italic: Bool
    /// Font size in points; nil keeps Excel's default (11).
    public var fontSize: Double?
    /// Excel number format, e.g. `0.0%`, `0.00`, `0`; nil is Excel's General.
    public var numberFormat: String?
    /// Long text wraps inside the column instead of running over its neighbours.
    public var wrapsText: Bool
    /// Top alignment, so that wrapped rows read from their first line.
    public var alignsTop: Bool
    /// Background colour as 0xRRGGBB (header rows); nil is none.
    public var fill: UInt32?
    /// A thin line under the cell (the header row).
    public var bottomBorder: Bool

    public init(bold: Bool = false, italic: Bool = false, fontSize: Double? = nil, numberFormat: String? = nil,
                wrapsText: Bool = false, alignsTop: Bool = false, fill: UInt32? = nil, bottomBorder: Bool = false) {
        self.bold = bold
        self.italic = italic
        self.fontSize = fontSize
        self.numberFormat = numberFormat
        self.wrapsText = wrapsText
        self.alignsTop = alignsTop
        self.fill = fill
        self.bottomBorder = bottomBorder
    }

    /// Excel's default look.
    public static let plain = CellStyle()

    /// The same style with another number format.
    public func numberFormat(_ format: String?) -> CellStyle {
        var style = self
        style.numberFormat = format
        return style
    }
}
