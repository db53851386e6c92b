import Foundation

/// One SVG image drawn with presentation attributes only (no CSS, no scripts), so it looks the
/// same inline in `report.html`, opened on its own, or pasted into Word.
///
/// Coordinates are rounded to 0.1 px and elements keep the order they were drawn in, so the
/// same chart always gives the same bytes.
struct SVGCanvas {
    /// Where a text's `x` sits: its start, middle or end.
    enum Anchor: String {
        case start, middle, end
    }

    let width: Double
    var height: Double
    /// The accessible name (`<title>`): what the chart shows.
    let title: String
    /// The accessible description (`<desc>`), read after the title: the figures in words, for
    /// charts whose points a screen reader cannot otherwise reach.
    var description: String?
    private var elements: [String] = []

    init(width: Double, height: Double = 0, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    /// A filled rectangle.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: ReportStyle.Color) {
        elements.append("<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(width, 0)))\" height=\"\(Self.number(max(height, 0)))\" fill=\"\(fill.hex)\"/>")
    }

    /// A straight line.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: ReportStyle.Color, width: Double = 1) {
        elements.append("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" stroke=\"\(stroke.hex)\" stroke-width=\"\(Self.number(width))\"/>")
    }

    /// A filled circle, with an optional ring around it.
    mutating func circle(cx: Double, cy: Double, r: Double, fill: ReportStyle.Color, stroke: ReportStyle.Color? = nil, strokeWidth: Double = 1) {
        var element = "<circle cx=\"\(Self.number(cx))\" cy=\"\(Self.number(cy))\" r=\"\(Self.number(r))\" fill=\"\(fill.hex)\""
        if let stroke { element += " stroke=\"\(stroke.hex)\" stroke-width=\"\(Self.number(strokeWidth))\"" }
        elements.append(element + "/>")
    }

    /// One line of text turned by `degrees` (negative: rising to the right) around its anchor
    /// point, for axis labels too long to sit level side by side; escaped here.
    mutating func rotatedText(_ text: String, x: Double, y: Double, degrees: Double, anchor: Anchor = .end, size: Double = 13,
                              fill: ReportStyle.Color = ReportStyle.ink) {
        var attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if size != 13 { attributes += " font-size=\"\(Self.number(size))\"" }
        if fill != ReportStyle.ink { attributes += " fill=\"\(fill.hex)\"" }
        attributes += " transform=\"rotate(\(Self.number(degrees)) \(Self.number(x)) \(Self.number(y)))\""
        elements.append("<text \(attributes)>\(Escaping.html(text))</text>")
    }

    /// One line of text with its baseline at `y`; escaped here, so callers pass user text as is.
    mutating func text(_ text: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 13,
                       fill: ReportStyle.Color = ReportStyle.ink, bold: Bool = false) {
        var attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if size != 13 { attributes += " font-size=\"\(Self.number(size))\"" }
        if fill != ReportStyle.ink { attributes += " fill=\"\(fill.hex)\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        elements.append("<text \(attributes)>\(Escaping.html(text))</text>")
    }

    /// A label cut to `maxWidth` with "…"; the full text stays in a `<title>`, which browsers
    /// show on hover and screen readers read.
    mutating func label(_ full: String, x: Double, y: Double, maxWidth: Double, anchor: Anchor = .start, size: Double = 13,
                        fill: ReportStyle.Color = ReportStyle.ink, bold: Bool = false) {
        let shown = TextMeasure.truncated(full, toFit: maxWidth, size: size)
        guard shown != full else {
            text(full, x: x, y: y, anchor: anchor, size: size, fill: fill, bold: bold)
            return
        }
        beginGroup(tooltip: full)
        text(shown, x: x, y: y, anchor: anchor, size: size, fill: fill, bold: bold)
        endGroup()
    }

    /// A label wrapped onto at most `maxLines` lines of `lineHeight`, the first baseline at `y`;
    /// when words had to be cut, the full text stays in a `<title>`. Returns the lines drawn.
    @discardableResult
    mutating func wrappedLabel(_ full: String, x: Double, y: Double, maxWidth: Double, maxLines: Int = 2, lineHeight: Double = 16,
                               size: Double = 13, fill: ReportStyle.Color = ReportStyle.ink) -> Int {
        let lines = TextMeasure.wrapped(full, toFit: maxWidth, size: size, maxLines: maxLines)
        let complete = lines.joined(separator: " ") == full.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if !complete { beginGroup(tooltip: full) }
        for (index, line) in lines.enumerated() {
            text(line, x: x, y: y + Double(index) * lineHeight, size: size, fill: fill)
        }
        if !complete { endGroup() }
        return lines.count
    }

    /// Opens a group whose `<title>` describes everything drawn until `endGroup()`.
    mutating func beginGroup(tooltip: String) {
        elements.append("<g><title>\(Escaping.html(tooltip))</title>")
    }

    mutating func endGroup() {
        elements.append("</g>")
    }

    /// A file of its own (`charts/QUESTION.svg`): XML declaration, namespace and a size in pixels.
    func standalone() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(size: "width=\"\(Self.number(width))\" height=\"\(Self.number(height))\"") + "\n"
    }

    /// For `report.html`: as wide as the page allows, the height following from the view box.
    /// On wide screens it grows to at most 1.1 times its drawn size, so its text stays about the
    /// size of the page's.
    func inline() -> String {
        svg(size: "class=\"chart\" width=\"100%\" style=\"max-width: \(Self.number(width * 1.1))px\"")
    }

    private func svg(size: String) -> String {
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" \(size) viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\""
        out += " role=\"img\" font-family=\"\(ReportStyle.fontStack)\" font-size=\"13\" fill=\"\(ReportStyle.ink.hex)\">\n"
        out += "<title>\(Escaping.html(title))</title>\n"
        if let description { out += "<desc>\(Escaping.html(description))</desc>\n" }
        // An opaque background in plain numbers: Word and dark-themed viewers show it as drawn.
        out += "<rect width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" fill=\"#ffffff\"/>\n"
        for element in elements { out += element + "\n" }
        return out + "</svg>"
    }

    /// A coordinate with at most one decimal: `12`, `12.5`.
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        if tenths == 0 { return "0" }
        if tenths.truncatingRemainder(dividingBy: 10) == 0 { return String(Int(tenths / 10)) }
        return String(format: "%.1f", tenths / 10)
    }
}

/// Text widths estimated without fonts: a generous average advance per character, so labels
/// cut by this estimate fit in any common sans-serif font.
enum TextMeasure {
    /// Estimated width of `text` at font size `size`, in pixels.
    static func width(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + advance($1) } * size
    }

    /// `text`, or its longest prefix that fits `maxWidth` together with "…".
    static func truncated(_ text: String, toFit maxWidth: Double, size: Double) -> String {
        guard width(text, size: size) > maxWidth else { return text }
        let budget = maxWidth - width("…", size: size)
        var used = 0.0
        var kept = ""
        for character in text {
            let w = width(String(character), size: size)
            if used + w > budget { break }
            used += w
            kept.append(character)
        }
        while let last = kept.last, last.isWhitespace || last == "," || last == ";" || last == ":" { kept.removeLast() }
        return kept + "…"
    }

    /// `text` broken at spaces into lines that fit `maxWidth`; the last allowed line ends in "…"
    /// when text is left over, and a word too long for a line is cut.
    static func wrapped(_ text: String, toFit maxWidth: Double, size: Double, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        for (index, word) in words.enumerated() {
            let candidate = current.isEmpty ? word : current + " " + word
            if width(candidate, size: size) <= maxWidth {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(truncated(current, toFit: maxWidth, size: size)) }
            current = word
            if lines.count == maxLines - 1 {
                // The last line: what is left, cut to fit.
                let rest = words[index...].joined(separator: " ")
                lines.append(truncated(rest, toFit: maxWidth, size: size))
                return lines
            }
        }
        if !current.isEmpty { lines.append(truncated(current, toFit: maxWidth, size: size)) }
        return lines
    }

    /// Advance of one character in em, rounded up from Arial, Roboto and Segoe UI.
    private static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case " ", ".", ",", ":", ";", "'", "!", "|", "i", "j", "l", "I", "(", ")", "[", "]", "ı", "·":
            return 0.32
        case "f", "t", "r", "-", "\"", "/", "\\", "{", "}":
            return 0.4
        case "m", "w", "M", "W", "@", "%", "ш", "щ", "ж", "ю", "ы", "м", "Ш", "Щ", "Ж", "Ю", "Ы", "М", "Ф", "ф", "—", "…":
            return 0.9
        case "A"..."Z", "А"..."Я", "Ё", "0"..."9", "?", "&", "#", "$", "+", "=", "<", ">", "_", "~", "–":
            return 0.68
        default:
            // CJK and other wide scripts take a full em.
            return scalar.value >= 0x2E80 ? 1.0 : 0.58
        }
    }
}
