import Foundation

/// A regular file mapped into memory read-only, for reading it in parts on several threads
/// without copying it first. Pipes, devices and empty files are not mapped: they are streamed.
///
/// The mapping is private and read-only, and its size is fixed when it is made: rows a writer
/// appends meanwhile are not read (survey's own writers only append, and `stats`/`report` hold
/// the shared lock, `ResponseFileReading`). A file cut shorter by another program while it is
/// read would end the process with SIGBUS instead of an error: a risk a streaming read does not
/// have, taken for files that nothing but survey writes. The pages come from the page cache.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    /// Maps `path` when it is a regular file of at least `minimumSize` bytes; nil otherwise
    /// (the caller streams the file then, and reports why it cannot be read if it cannot).
    init?(path: String, minimumSize: Int) {
        // Looked at before it is opened: opening a FIFO, even to close it at once, would let
        // its writer start writing to no one.
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) >= max(minimumSize, 1) else { return nil }
        let size = Int(status.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        // Read front to back, once: tell the kernel to read ahead.
        _ = madvise(address, size, MADV_SEQUENTIAL)
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    /// How far past the bytes it needs one page fault can map: a PMD-sized large folio of the
    /// page cache (Linux 6 maps whole folios on a fault, not one 4 KiB page).
    static let folioReach = 2 << 20

    /// Gives back the pages of `bytes[range]` once they have been read: they stay in the page
    /// cache, but leave this process's resident memory, which would otherwise grow to the
    /// size of the file. Read again (a part read a second time), they are mapped again.

    static func release(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        guard let base = bytes.baseAddress, !range.isEmpty else { return }
        let page = Int(getpagesize())
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound == bytes.count ? range.upperBound : range.upperBound / page * page
        guard start < end else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }
}
