/// A native Excel bar chart of one data series whose categories and values are cells of a
/// sheet in the same workbook, so the chart follows the figures when a reader edits them.
public struct BarChart: Sendable, Equatable {
    /// The chart's title.
    public var title: String
    /// The sheet holding the categories and values (any sheet of the workbook).
    public var dataSheet: String
    /// The category labels, one column.
    public var categories: CellRange
    /// The values, one column beside or away from the categories.
    public var values: CellRange
    /// The series' name, shown in tooltips.
    public var seriesName: String
    /// Horizontal bars (long choice labels read well); false draws columns.
    public var horizontal: Bool
    /// Number format of the value axis and data labels, e.g. `0%`; nil is General.
    public var valueFormat: String?
    /// Largest value on the value axis (1 for shares); nil lets Excel choose.
    public var valueMaximum: Double?
    /// Where the chart's top-left corner sits on the sheet it is placed on.
    public var anchor: CellReference
    /// Size as a multiple of Excel's default 480 × 288 pixels.
    public var widthScale: Double
    public var heightScale: Double
    /// Alternative text for screen readers.
    public var altText: String

    public init(title: String, dataSheet: String, categories: CellRange, values: CellRange, seriesName: String,
                horizontal: Bool = true, valueFormat: String? = nil, valueMaximum: Double? = nil,
                anchor: CellReference, widthScale: Double = 1, heightScale: Double = 1, altText: String = "") {
        self.title = title
        self.dataSheet = dataSheet
        self.categories = categories
        self.values = values
        self.seriesName = seriesName
        self.horizontal = horizontal
        self.valueFormat = valueFormat
        self.valueMaximum = valueMaximum
        self.anchor = anchor
        self.widthScale = widthScale
        self.heightScale = heightScale
        self.altText = altText
    }
}
