import Foundation

/// CSV rows waiting to be appended to a file: they are validated and written here first, then
/// copied to the target under its lock in large writes.
///
/// The rows live in a temporary file beside the target that is unlinked as soon as it is
/// opened, so the staging never shows in the folder and a killed import leaves nothing behind.
/// Memory: one 256 KiB buffer.
public final class StagedRows {
    /// The columns of the target.
    public let header: [String]
    /// The file the rows are for (as named by the user).
    public let target: String
    private let neutralize: Bool
    let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Rows written.
    public private(set) var count = 0
    /// Bytes written, the buffer included.
    private(set) var byteCount = 0
    private var flushed = 0

    /// Stages rows for `target`. `neutralizeFormulas` guards cells that people open in a
    /// spreadsheet (problems and rejects files) against formula injection.
    public init(for target: String, header: [String], neutralizeFormulas: Bool = false) throws(ImportError) {
        self.target = target
        self.header = header
        neutralize = neutralizeFormulas
        let existing = RegularFile.identity(of: target) != nil ? RegularFile.resolved(target) : target
        let url = URL(fileURLWithPath: existing)
        let directory = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: target, reason: "cannot create the folder \(directory)")
        }
        let temporary = directory + "/." + url.lastPathComponent + ".staged-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        descriptor = open(temporary, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .writeFailed(path: target, reason: String(cString: strerror(errno))) }
        unlink(temporary)
        buffer.reserveCapacity(1 << 18)
    }

    deinit {
        close(descriptor)
    }

    /// Adds one row.
    public func write(_ fields: [String]) throws(ImportError) {
        try write(line: Array(CSVFormat.line(neutralize ? fields.map(CSVFormat.neutralized) : fields).utf8))
    }

    /// Adds a line already encoded as CSV (with its LF).
    func write(line bytes: [UInt8]) throws(ImportError) {
        buffer.append(contentsOf: bytes)
        byteCount += bytes.count
        count += 1
        if buffer.count >= 1 << 18 { try flush() }
    }

    /// Puts the buffer into the staging file.
    func flush() throws(ImportError) {
        guard !buffer.isEmpty else { return }
        try RegularFile.write(descriptor, buffer, at: flushed, path: target)
        flushed += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Copies `count` staged bytes from `from` to `destination` at `offset`, in 1 MiB writes.
    func copy(from start: Int, count total: Int, to destination: Int32, at offset: Int, path: String) throws(ImportError) {
        try flush()
        var chunk = [UInt8](repeating: 0, count: min(total, 1 << 20))
        var done = 0
        while done < total {
            let wanted = min(chunk.count, total - done)
            let got = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, wanted, off_t(start + done)) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { throw .unreadable(path: target, reason: "the staged rows cannot be read back: \(got < 0 ? String(cString: strerror(errno)) : "they are shorter than written")") }
            try RegularFile.write(destination, chunk[0..<got], at: offset + done, path: path)
            done += got
        }
    }
}
