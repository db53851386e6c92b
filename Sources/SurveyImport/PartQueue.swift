import Foundation

/// Hands out the parts of a file to worker threads and gives their results back in file
/// order. Workers run at most `window` parts ahead of the one being taken in, which bounds
/// the memory of results waiting their turn.
final class PartQueue<Result>: @unchecked Sendable {
    private let condition = NSCondition()
    private var results: [Int: Result] = [:]
    private var next = 0
    private var takenIn = 0
    private var stopped = false
    private let count: Int
    private let window: Int

    init(count: Int, window: Int) {
        self.count = count
        self.window = max(window, 1)
    }

    /// The next part to read, or nil when there is none left or the read stopped.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, next < count, next - takenIn >= window { condition.wait() }
        guard !stopped, next < count else { return nil }
        next += 1
        return next - 1
    }

    /// A worker's result for part `index`.
    func put(_ index: Int, _ result: Result) {
        condition.lock()
        results[index] = result
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for part `index`'s result and takes it (in order: 0, 1, 2 …).
    func result(_ index: Int) -> Result {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil { condition.wait() }
        takenIn = index + 1
        condition.broadcast()
        return results.removeValue(forKey: index)!
    }

    /// No more parts are handed out; results not taken are dropped.
    func stop() {
        condition.lock()
        stopped = true
        results.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
