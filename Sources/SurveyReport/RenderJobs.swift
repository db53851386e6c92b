import Foundation
import SurveyImport

/// Renders independent parts of a report at once, one part per core, and hands the results back
/// in the order the parts were given, so the files are the same bytes whatever the timing.
///
/// Beyond its statistics a report is a handful of renderings that share nothing but the results:
/// report.md, report.html, the CSV files, the PNG twins, report.docx with its print pictures and
/// report.xlsx. One after another they cost ~0.4 s on the benchmark's 30 questions whatever the
/// number of rows; side by side on two cores a little over half of that.
enum RenderJobs {
    /// A part to render: its value, or why it could not be rendered. (Jobs return a `Result`
    /// rather than throw: Swift 6.3 cannot compile arrays of typed-throwing closures.)
    typealias Job<Value> = @Sendable () -> Result<Value, ReportError>

    /// The value of every job, in the order of `jobs`; the first failure (in that order) is thrown.
    static func run<Value: Sendable>(_ jobs: [Job<Value>]) throws(ReportError) -> [Value] {
        let slots = Slots<Value>(count: jobs.count)
        ParallelWork.run(count: jobs.count, jobs: ParallelWork.cores) { index in
            slots.set(index, jobs[index]())
        }
        var values: [Value] = []
        for index in jobs.indices {
            switch slots.get(index) {
            case .success(let value): values.append(value)
            case .failure(let error): throw error
            case nil: throw .chartPictureFailed(chart: "report", reason: "a part of the report was not rendered")
            }
        }
        return values
    }

    /// One slot per job, filled from the worker threads under a lock.
    final class Slots<Value: Sendable>: @unchecked Sendable {
        private var slots: [Result<Value, ReportError>?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result<Value, ReportError>) {
            lock.lock()
            defer { lock.unlock() }
            slots[index] = result
        }

        func get(_ index: Int) -> Result<Value, ReportError>? {
            lock.lock()
            defer { lock.unlock() }
            return slots[index]
        }
    }
}
