import Foundation

/// Memory for a chart's pixels while it is drawn and encoded, handed from one chart to the next.
///
/// A report draws some fifty charts at two resolutions, 20 million pixels in all; each in fresh
/// memory cost a page fault for every 4 KiB it touched, a fifth of what drawing the pictures
/// cost. Buffers that are given back are kept for the next chart, at most one for each chart
/// being drawn at once, so the memory held is what the charts in flight need anyway.
final class PixelScratch: @unchecked Sendable {
    static let shared = PixelScratch()

    struct Buffer {
        let pointer: UnsafeMutableRawPointer
        let size: Int
    }

    private let lock = NSLock()
    private var free: [Buffer] = []

    /// At least `size` bytes, uninitialised.
    func take(_ size: Int) -> Buffer {
        lock.lock()
        defer { lock.unlock() }
        if let index = free.indices.filter({ free[$0].size >= size }).min(by: { free[$0].size < free[$1].size }) {
            return free.remove(at: index)
        }
        // None large enough: the largest goes, so that no more are kept than are in use at once.
        if let largest = free.indices.max(by: { free[$0].size < free[$1].size }) {
            free.remove(at: largest).pointer.deallocate()
        }
        return Buffer(pointer: .allocate(byteCount: max(size, 1), alignment: 64), size: size)
    }

    func giveBack(_ buffer: Buffer) {
        lock.lock()
        defer { lock.unlock() }
        free.append(buffer)
    }
}
