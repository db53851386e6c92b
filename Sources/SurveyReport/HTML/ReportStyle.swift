import Foundation

/// The report's look in one place: the colours charts and shaded tables share, and the CSS of
/// `report.html`.
///
/// One palette for everything: ColorBrewer's RdBu ramp for scales (safe for the common forms of
/// colour blindness, and readable in greyscale print) with a neutral grey for the middle, and its
/// dark blue for plain bars.
enum ReportStyle {
    /// An sRGB colour.
    struct Color: Hashable {
        var red: Int
        var green: Int
        var blue: Int

        /// `#rrggbb`.
        var hex: String { String(format: "#%02x%02x%02x", red, green, blue) }

        /// Relative luminance (WCAG 2), 0 for black to 1 for white.
        var luminance: Double {
            func channel(_ value: Int) -> Double {
                let c = Double(value) / 255
                return c <= 0.039_28 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
        }

        /// The colour a fraction `t` of the way to `other`.
        func mixed(with other: Color, _ t: Double) -> Color {
            func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * t).rounded()) }
            return Color(red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue))
        }
    }

    /// Bars of unordered categories and the shading of cross-tab cells.
    static let accent = Color(red: 33, green: 102, blue: 172)
    /// Body text.
    static let ink = Color(red: 31, green: 35, blue: 40)
    /// Secondary text: axis ticks, legends.
    static let muted = Color(red: 87, green: 96, blue: 106)
    /// Grid lines.
    static let grid = Color(red: 222, green: 226, blue: 230)

    private static let darkRed = Color(red: 178, green: 24, blue: 43)
    private static let lightRed = Color(red: 244, green: 165, blue: 130)
    private static let neutral = Color(red: 200, green: 200, blue: 200)
    private static let lightBlue = Color(red: 146, green: 197, blue: 222)
    private static let darkBlue = Color(red: 33, green: 102, blue: 172)

    /// Colours for the points of a rating scale, lowest first: reds for the low half, grey for
    /// the middle point of an odd scale, blues for the high half, darker towards the ends.
    static func diverging(_ count: Int) -> [Color] {
        guard count > 1 else { return Array(repeating: neutral, count: max(count, 0)) }
        let half = count / 2
        func ramp(_ from: Color, _ to: Color) -> [Color] {
            (0..<half).map { from.mixed(with: to, half == 1 ? 0.5 : Double($0) / Double(half - 1)) }
        }
        let low = ramp(darkRed, lightRed)
        let high = ramp(lightBlue, darkBlue)
        return low + (count % 2 == 1 ? [neutral] : []) + high
    }

    /// Colours for a rating whose best point (`best`, an index) is not at an end: dark blue for
    /// it, reds for the others, darker the further they fall from it on either side.
    static func aroundBest(_ count: Int, best: Int) -> [Color] {
        let farthest = max(best, count - 1 - best)
        return (0..<count).map { index in
            let distance = abs(index - best)
            guard distance > 0 else { return darkBlue }
            return farthest <= 1 ? lightRed.mixed(with: darkRed, 0.5) : lightRed.mixed(with: darkRed, Double(distance - 1) / Double(farthest - 1))
        }
    }

    /// Text colour that stays readable on `fill`.
    static func text(on fill: Color) -> Color {
        fill.luminance < 0.3 ? Color(red: 255, green: 255, blue: 255) : ink
    }

    /// The background of a cross-tab cell holding `percent` of its row: the accent colour,
    /// more opaque for larger shares, never so dark that the figures become hard to read.
    static func shade(percent: Double) -> String {
        let alpha = min(max(percent, 0), 100) / 100 * 0.6
        return "background-color: rgba(\(accent.red), \(accent.green), \(accent.blue), \(String(format: "%.2f", alpha)))"
    }

    /// Fonts every platform has; no web fonts, so the file works offline.
    static let fontStack = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif"

    /// The style sheet of `report.html`: a centred column on screens, full width on phones,
    /// A4 pages on paper.
    static let css = """
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; background: #eef0f3; color: \(ink.hex); font: 16px/1.5 \(fontStack); }
    main { max-width: 880px; margin: 24px auto; padding: 32px 40px 40px; background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.12); }
    h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 4px; }
    h2 { font-size: 1.25rem; line-height: 1.3; margin: 0 0 6px; }
    h3 { font-size: 1.05rem; margin: 18px 0 6px; }
    h4 { font-size: 0.95rem; margin: 14px 0 4px; }
    p { margin: 6px 0; }
    header { border-bottom: 2px solid \(accent.hex); padding-bottom: 12px; margin-bottom: 8px; }
    .subtitle { color: \(muted.hex); margin: 0 0 12px; font-size: 1.05rem; }
    dl.event { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
    dl.event dt { color: \(muted.hex); }
    dl.event dd { margin: 0; }
    .rate { font-weight: 600; }
    .note, .base, .stamp { color: \(muted.hex); font-size: 0.9rem; }
    code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace; font-size: 0.9em; background: #f3f4f6; padding: 1px 4px; border-radius: 3px; overflow-wrap: anywhere; }
    nav { margin: 16px 0; font-size: 0.95rem; }
    nav h2 { font-size: 1rem; }
    nav ol { margin: 0; padding-left: 1.6em; columns: 2 18em; column-gap: 32px; }
    nav a { color: \(accent.hex); text-decoration: none; }
    nav a:hover { text-decoration: underline; }
    section { margin: 0; padding: 20px 0; border-top: 1px solid \(grid.hex); }
    section section { border-top: none; padding: 8px 0; }
    figure { margin: 12px 0; }
    svg.chart { display: block; width: 100%; height: auto; }
    .pair table { width: 100%; }
    @media (min-width: 900px) {
      .pair, .stack { display: grid; grid-template-columns: minmax(40%, 1fr) auto; gap: 24px; align-items: start; }
      .stack > figure { margin-top: 0; }
    }
    .table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 8px 0; }
    table { border-collapse: collapse; font-size: 0.92rem; min-width: 50%; max-width: 100%; }
    caption { text-align: left; color: \(muted.hex); font-size: 0.9rem; padding-bottom: 4px; }
    th, td { padding: 4px 10px; border-bottom: 1px solid \(grid.hex); text-align: left; vertical-align: top; overflow-wrap: break-word; }
    thead th { border-bottom: 2px solid #c9ced4; font-weight: 600; vertical-align: bottom; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.num { white-space: nowrap; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    tr.missing td, tr.missing th { color: \(muted.hex); font-style: italic; }
    tr.total th, tr.total td { font-weight: 600; border-top: 2px solid #c9ced4; }
    table.crosstab td.num { white-space: normal; }
    table.crosstab .pct { display: block; font-size: 0.8rem; color: #333; white-space: nowrap; }
    blockquote { margin: 8px 0; padding: 6px 14px; border-left: 4px solid \(lightBlue.hex); background: #f7f9fb; overflow-wrap: anywhere; }
    ul.methods { padding-left: 1.2em; }
    ul.methods li { margin: 4px 0; }
    .test { font-style: italic; }
    footer { margin-top: 24px; }
    @media (max-width: 600px) {
      body { background: #fff; font-size: 15px; }
      main { margin: 0; padding: 16px 14px 32px; border-radius: 0; box-shadow: none; }
      h1 { font-size: 1.4rem; }
      h2 { font-size: 1.1rem; }
      table { font-size: 0.88rem; }
      table.crosstab { font-size: 0.8rem; }
      table.crosstab th, table.crosstab td { padding: 3px 3px; }
      th, td { padding: 4px 4px; }
      tbody th, tbody td:first-child, table.crosstab thead th { overflow-wrap: anywhere; }
      nav ol { columns: 1; }
    }
    @page { size: A4; margin: 16mm 15mm 18mm; }
    @media print {
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { background: #fff; font-size: 10.5pt; }
      main { max-width: none; margin: 0; padding: 0; border-radius: 0; box-shadow: none; }
      nav { display: none; }
      a { color: inherit; text-decoration: none; }
      section { padding: 10px 0; }
      /* On paper every chart sits beside its table, so a page holds two or three questions. */
      .pair, .stack { display: grid; grid-template-columns: minmax(40%, 1fr) auto; gap: 16px; align-items: start; }
      .stack > figure { margin-top: 0; }
      section.crosstab, .keep, .pair, .stack, figure, table, blockquote, dl.event { break-inside: avoid; page-break-inside: avoid; }
      .base { break-after: avoid; page-break-after: avoid; }
      h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
      .table-wrap { overflow: visible; }
    }
    """
}
