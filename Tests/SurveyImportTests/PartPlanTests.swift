import Foundation
import Testing
@testable import SurveyImport

/// Where a file read in parts is cut (`PartPlan`): at line ends outside quotes, with the
/// file's line numbers, the same cuts for any number of threads.
@Suite struct PartPlanTests {
    /// 300 records, every third with a quoted answer over two lines and a doubled quote.
    static let text: [UInt8] = {
        var lines = ["respondent,improve"]
        for row in 1...300 {
            lines.append(row % 3 == 0 ? "\(row),\"first line\nsecond \"\"line\"\"\"" : "\(row),plain")
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }()

    /// Quote parity and line count before `offset`, found the slow way.
    static func before(_ offset: Int) -> (quotes: Int, lines: Int) {
        (text[..<offset].filter { $0 == 0x22 }.count, text[..<offset].filter { $0 == 0x0A }.count)
    }

    @Test("cuts fall after line ends outside quotes, with the line they start on", arguments: [1, 7, 50, 333, 4096])
    func cutsOutsideQuotes(partBytes: Int) {
        let header = Self.text.firstIndex(of: 0x0A)! + 1
        let plan = Self.text.withUnsafeBytes { PartPlan($0, from: header, line: 2, partBytes: partBytes, jobs: 2) }
        #expect(plan.starts.first == header)
        #expect(plan.starts == plan.starts.sorted())
        for (start, line) in zip(plan.starts, plan.lines) {
            let counted = Self.before(start)
            #expect(Self.text[start - 1] == 0x0A)
            #expect(counted.quotes % 2 == 0, "cut at \(start) is inside quotes")
            #expect(line == counted.lines + 1)
        }
        if partBytes < 100 { #expect(plan.starts.count > 20) }
    }

    @Test("the cuts do not depend on the number of threads")
    func sameCutsForAnyJobs() {
        let plans = [1, 2, 3, 8].map { jobs in Self.text.withUnsafeBytes { PartPlan($0, from: 19, line: 2, partBytes: 64, jobs: jobs) } }
        for plan in plans.dropFirst() {
            #expect(plan.starts == plans[0].starts)
            #expect(plan.lines == plans[0].lines)
        }
    }

    @Test("an unclosed quote leaves the rest of the file one part")
    func unclosedQuote() {
        var bytes = Array("respondent,improve\n1,plain\n2,\"never closed\n".utf8)
        for row in 3...100 { bytes += Array("\(row),plain\n".utf8) }
        let plan = bytes.withUnsafeBytes { PartPlan($0, from: 19, line: 2, partBytes: 16, jobs: 2) }
        #expect(plan.starts.allSatisfy { $0 <= 27 + 16 })
    }
}

extension PartPlanTests {
    @Test("quotes and line ends are counted as one byte at a time would", arguments: [0, 1, 31, 32, 33, 255 * 32 + 7, 20_000])
    func countsEveryByte(length: Int) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<length).map { _ in [UInt8(0x22), 0x0A, 0x41, 0x2C][Int.random(in: 0..<4, using: &generator)] }
        let counted = bytes.withUnsafeBytes { PartPlan.count($0) }
        #expect(counted.quotes == bytes.filter { $0 == 0x22 }.count)
        #expect(counted.lines == bytes.filter { $0 == 0x0A }.count)
    }
}
