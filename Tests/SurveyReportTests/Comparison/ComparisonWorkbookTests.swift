import Foundation
import SurveyStatistics
import Testing
import XLSXReadBack
@testable import SurveyReport

@Suite struct ComparisonWorkbookTests {
    static func workbook(_ report: ComparisonReport) throws -> XLSXReadBack {
        let file = try #require(try report.pictures(formats: [.xlsx]).first { $0.path == "comparison.xlsx" })
        return try XLSXReadBack(data: Data(file.bytes))
    }

    /// Equal to the 16 significant digits libxlsxwriter writes.
    static func same(_ read: Double?, _ computed: Double?) -> Bool {
        guard let read, let computed else { return read == nil && computed == nil }
        return abs(read - computed) <= 1e-15 * max(1, abs(computed))
    }

    /// The Comparison sheet read back as Excel reads it holds every figure of the comparison:
    /// counts, shares (as `0.0%` shares), intervals, means (`0.00`) and the changes' p-values.
    @Test func comparisonSheetEqualsTheComparison() throws {
        let report = try ComparisonFixture.report()
        let file = try Self.workbook(report)
        #expect(file.sheetNames == ["Comparison", "Events"])
        let rows = try file.rows("Comparison")
        let cells = try file.cells("Comparison")
        #expect(rows.first == ["Question ID", "Question", "Row", "Code", "Label", "Event", "Date", "n", "Count", "%", "95% CI low", "95% CI high",
                               "Mean", "SD", "p vs previous", "p vs first", "Test"])
        /// The sheet's row (1-based, as Excel numbers them) of a question, row kind, code and event.
        func row(_ question: String, _ kind: String, _ code: String, _ event: String) -> Int? {
            rows.firstIndex { $0.count > 5 && $0[0] == question && $0[2] == kind && ($0[3] == code) && $0[5] == event }.map { $0 + 1 }
        }
        var checked = 0
        for question in report.comparison.questions {
            for figures in question.events {
                for share in figures.distribution {
                    let r = try #require(row(question.id, "answer", share.code, figures.event), "\(question.id) \(share.code) \(figures.event)")
                    #expect(cells["H\(r)"]?.number == Double(figures.n))
                    #expect(cells["I\(r)"]?.number == Double(share.count))
                    #expect(Self.same(cells["J\(r)"]?.number, share.percent.map { $0 / 100 }), "\(question.id) \(share.code)")
                    #expect(Self.same(cells["K\(r)"]?.number, share.ciLow.map { $0 / 100 }))
                    #expect(Self.same(cells["L\(r)"]?.number, share.ciHigh.map { $0 / 100 }))
                    if share.percent != nil { #expect(cells["J\(r)"]?.numberFormat == "0.0%") }
                    checked += 1
                }
                if let top = figures.topTwoBox {
                    let r = try #require(row(question.id, "top 2 box", "", figures.event))
                    #expect(cells["I\(r)"]?.number == Double(top.count))
                    #expect(Self.same(cells["J\(r)"]?.number, top.percent.map { $0 / 100 }))
                    #expect(Self.same(cells["K\(r)"]?.number, top.ciLow.map { $0 / 100 }))
                    #expect(Self.same(cells["L\(r)"]?.number, top.ciHigh.map { $0 / 100 }))
                    checked += 1
                }
                if let mean = figures.mean {
                    let r = try #require(row(question.id, "mean", "", figures.event))
                    #expect(Self.same(cells["M\(r)"]?.number, mean.mean))
                    #expect(cells["M\(r)"]?.numberFormat == "0.00")
                    #expect(Self.same(cells["N\(r)"]?.number, mean.standardDeviation))
                    #expect(Self.same(cells["K\(r)"]?.number, mean.ciLow))
                    #expect(Self.same(cells["L\(r)"]?.number, mean.ciHigh))
                    checked += 1
                }
            }
            for change in question.changes {
                guard let test = change.test else { continue }
                let kind = change.measure == .topTwoBox ? "top 2 box" : "answer"
                let r = try #require(row(question.id, kind, change.measure == .topTwoBox ? "" : change.code ?? "", change.to), "\(question.id) \(change)")
                let column = change.baseline == .previous ? "O" : "P"
                #expect(Self.same(cells["\(column)\(r)"]?.number, test.p), "\(question.id) \(change.baseline)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func eventsSheetGivesResponsesAndRates() throws {
        let report = try ComparisonFixture.report()
        let cells = try Self.workbook(report).cells("Events")
        for (index, event) in report.comparison.events.enumerated() {
            let r = index + 2
            #expect(cells["A\(r)"]?.text == event.name)
            #expect(cells["A\(r)"]?.isNumber == false)
            #expect(cells["D\(r)"]?.number == Double(event.responses))
            #expect(Self.same(cells["E\(r)"]?.number, event.responseRate.map { $0 / 100 }))
        }
        #expect(cells["B2"]?.text == "2013-01")
    }

    @Test func sheetsKeepTheirHeaderInViewWithFilterButtons() throws {
        let file = try Self.workbook(try ComparisonFixture.report())
        for sheet in ["Comparison", "Events"] {
            let xml = file.sheetXML(sheet)
            #expect(xml.contains(#"ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen""#), "\(sheet)")
            #expect(xml.contains("<autoFilter ref=\"A1:"), "\(sheet)")
        }
    }

    /// A hostile event name, formula and all, stays text: never a formula cell.
    @Test func hostileEventNameStaysText() throws {
        let file = try Self.workbook(try ComparisonFixture.report())
        let rows = try file.rows("Comparison")
        #expect(rows.contains { $0.count > 5 && $0[5] == ComparisonFixture.hostileName })
        #expect(!file.sheetXML("Comparison").contains("<f>"))
        #expect(!file.sheetXML("Events").contains("<f>"))
    }

    @Test func russianSheetNames() throws {
        let file = try Self.workbook(try ComparisonFixture.report(language: .russian))
        #expect(file.sheetNames == ["Сравнение", "Мероприятия"])
    }
}
