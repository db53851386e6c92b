import Dispatch
import Foundation

/// Charts drawn as PNGs several at once: the 2× twins beside the SVGs and the 300 dpi pictures
/// of report.docx.
///
/// Drawing and encoding the PNGs (libpng's deflate) is most of what a report costs beyond its
/// statistics: ~0.3 s for the twins and ~0.35 s for the document's pictures of the 30-question
/// benchmark, whatever the number of rows. Each chart has its own librsvg handle and cairo
/// surface, and pango/fontconfig are thread-safe, so the charts are drawn in parallel; the
/// result is the same bytes in the same order as one by one.
enum ChartPictures {
    /// Chart name → PNG bytes at `scale`; the first failure (by chart order) is thrown.
    static func draw(_ charts: [(name: String, svg: String)], scale: Double) throws(ReportError) -> [String: [UInt8]] {
        let results = Results(count: charts.count)
        DispatchQueue.concurrentPerform(iterations: charts.count) { index in
            let chart = charts[index]
            do throws(ReportError) {
                results.set(index, .success(try ChartPicture.png(svg: chart.svg, name: chart.name, scale: scale)))
            } catch {
                results.set(index, .failure(error))
            }
        }
        var pictures: [String: [UInt8]] = [:]
        for (index, chart) in charts.enumerated() {
            switch results.get(index) {
            case .success(let png): pictures[chart.name] = png
            case .failure(let error): throw error
            case nil: throw .chartPictureFailed(chart: chart.name, reason: "it was not drawn")
            }
        }
        return pictures
    }

    /// One slot per chart, filled from the worker threads under a lock.
    private final class Results: @unchecked Sendable {
        private var slots: [Result<[UInt8], ReportError>?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result<[UInt8], ReportError>) {
            lock.lock()
            defer { lock.unlock() }
            slots[index] = result
        }

        func get(_ index: Int) -> Result<[UInt8], ReportError>? {
            lock.lock()
            defer { lock.unlock() }
            return slots[index]
        }
    }
}
