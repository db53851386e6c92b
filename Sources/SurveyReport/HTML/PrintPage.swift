import SurveyModel

/// What a printed or saved `report.html` says about itself: the `<title>` (which browsers and
/// "Save as PDF" use as the file's name) and the footer of every printed page.
///
/// Both name the event, so a stack of printed annexes, or a folder of saved PDFs, can be told
/// apart: "Report on participants' feedback — Council on Migration, 25 January 2013", and "Council on
/// Migration · Page 3 of 9" at the foot of each page.
struct PrintPage {
    let title: String
    let event: Event?
    let language: ReportLanguage

    private var phrases: ReportPhrases { ReportPhrases(language) }

    /// The event's name in the report's language, when the definition gives one.
    private var eventName: String? {
        guard let name = event?.name?.text(in: language), !name.isEmpty else { return nil }
        return name
    }

    private var eventDate: String? {
        guard let date = event?.date, !date.isEmpty else { return nil }
        return phrases.writtenDate(date)
    }

    /// The page from `<!DOCTYPE html>` to `<body>`: language, viewport, `documentTitle`, the
    /// report's style sheet with this footer and any rules of the page's own (comparison.html).
    func documentHead(css extra: String? = nil) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>\(Escaping.html(documentTitle))</title>
        <style>
        \(ReportStyle.css)
        \(footerCSS)

        """ + (extra.map { $0 + "\n" } ?? "") + """
        </style>
        </head>
        <body>

        """
    }

    /// Report title, event and date: "Report on participants' feedback — Council, 25 January 2013".
    var documentTitle: String {
        let about = [eventName, eventDate].compactMap { $0 }.joined(separator: ", ")
        return about.isEmpty ? title : "\(title) — \(about)"
    }

    /// `@page` margin boxes: the event (or the title) at the bottom left, "Page 3 of 9" at the
    /// bottom right. Chromium draws them from version 131 on; older browsers print no footer.
    var footerCSS: String {
        let left = [eventName ?? title, eventDate].compactMap { $0 }.joined(separator: ", ")
        let page = phrases.pick("Page ", "Стр. "), of = phrases.pick(" of ", " из ")
        return """
        @page {
          @bottom-left { content: \(Self.cssString(left)); font: 8pt \(ReportStyle.fontStack); color: \(ReportStyle.muted.hex); vertical-align: top; padding-top: 4mm; }
          @bottom-right { content: \(Self.cssString(page)) counter(page) \(Self.cssString(of)) counter(pages); font: 8pt \(ReportStyle.fontStack); color: \(ReportStyle.muted.hex); vertical-align: top; padding-top: 4mm; white-space: nowrap; }
        }
        """
    }

    /// `text` as a quoted CSS string. Control and bidi characters first become visible `\u{…}`
    /// escapes as everywhere in the report (`VisibleText.report`), quotes and backslashes are
    /// escaped, and `<` is written as `\3C ` so that no event name can close the `<style>`
    /// element it sits in. `&` and `>` are written as `\26 ` and `\3E ` too: raw in a style
    /// sheet they are fine for HTML, but report.html is kept well-formed XML too (its tests
    /// parse it so), which a bare `&` would break.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in VisibleText.report(text).unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "&": out += "\\26 "
            case "<": out += "\\3C "
            case ">": out += "\\3E "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
