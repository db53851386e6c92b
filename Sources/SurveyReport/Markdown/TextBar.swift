/// A bar of block characters for Markdown and terminals, eighths of a cell for precision.
enum TextBar {
    private static let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar `percent`% of `width` cells long.
    static func bar(_ percent: Double?, width: Int = 20) -> String {
        guard let percent, percent > 0 else { return "" }
        let eighths = Int((min(percent, 100) / 100 * Double(width * 8)).rounded())
        return String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
    }
}
