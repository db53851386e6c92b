import Foundation

/// A value handed to other threads by a caller that guarantees they never touch it at the
/// same time as anyone else (each thread its own part, joined before it is read).
final class UncheckedBox<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

/// Runs `count` pieces of work on at most `jobs` threads and waits for all of them.
///
/// Threads of its own rather than `DispatchQueue.concurrentPerform`: Linux's libdispatch adds
/// worker threads only lazily, and a burst of short jobs (a report's charts) ran on one core.
public enum ParallelWork {
    /// The number of cores, the default for `--jobs`.
    public static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    public static func run(count: Int, jobs: Int, _ work: @escaping (Int) -> Void) {
        let threads = min(max(jobs, 1), count)
        guard threads > 1 else {
            for index in 0..<count { work(index) }
            return
        }
        let next = UncheckedBox(0)
        let lock = NSLock()
        let group = DispatchGroup()
        let body = UncheckedBox(work)
        for _ in 0..<threads {
            group.enter()
            Thread.detachNewThread {
                while true {
                    lock.lock()
                    let index = next.value
                    next.value += 1
                    lock.unlock()
                    guard index < count else { break }
                    body.value(index)
                }
                group.leave()
            }
        }
        group.wait()
    }
}
