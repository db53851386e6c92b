import Foundation

/// CSV rows waiting to be appended to a file: they are validated and written here first, then
/// copied to the target under its lock in large writes.
///
/// The rows live in a temporary file beside the target. For a target that exists it is
/// unlinked as soon as it is opened, so the staging never shows in the folder and a killed
/// import leaves nothing behind. For a target that does not exist yet it keeps its name
/// (`.NAME.csv.staged-PID-N`) and starts with the header, so that a clean batch can become
/// the new file in one `link()` (`publish(as:)`) instead of being copied; one left by a killed
/// import is removed by the next process that takes the file's lock. Memory: one 256 KiB buffer.
public final class StagedRows {
    /// The columns of the target.
    public let header: [String]
    /// The file the rows are for (as named by the user).
    public let target: String
    private let neutralize: Bool
    let descriptor: Int32
    /// The staging file's name while it has one (a target that did not exist).
    private var temporaryPath: String?
    /// Bytes before the rows: the header in a named staging file.
    private var headerBytes = 0
    private var buffer: [UInt8] = []
    /// Rows written.
    public private(set) var count = 0
    /// Bytes of rows written, the buffer included.
    private(set) var byteCount = 0
    private var flushed = 0

    /// Stages rows for `target`. `neutralizeFormulas` guards cells that people open in a
    /// spreadsheet (problems and rejects files) against formula injection. `publishable`
    /// keeps a named staging file with the header when the target does not exist yet.
    public init(for target: String, header: [String], neutralizeFormulas: Bool = false, publishable: Bool = false) throws(ImportError) {
        self.target = target
        self.header = header
        neutralize = neutralizeFormulas
        let exists = RegularFile.identity(of: target) != nil
        let url = URL(fileURLWithPath: exists ? RegularFile.resolved(target) : target)
        let directory = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: target, reason: "cannot create the folder \(directory)")
        }
        let temporary = directory + "/" + StagedRows.prefix(of: url.lastPathComponent) + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let named = publishable && !exists
        descriptor = open(temporary, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, named ? 0o666 : 0o600)
        guard descriptor >= 0 else { throw .writeFailed(path: target, reason: String(cString: strerror(errno))) }
        buffer.reserveCapacity(1 << 18)
        if named {
            temporaryPath = temporary
            buffer.append(contentsOf: CSVFormat.line(header).utf8)
            headerBytes = buffer.count
        } else {
            unlink(temporary)
        }
    }

    deinit {
        close(descriptor)
        if let temporaryPath { unlink(temporaryPath) }
    }

    /// `.NAME.csv.staged-` for `NAME.csv`: how staging files beside it start.
    static func prefix(of name: String) -> String {
        "." + name + ".staged-"
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

    /// Rows staged apart for one part of a file read in parts (`importFile(_:parts:)`): in
    /// a staging file of their own, not in memory, so that the parts waiting their turn cost
    /// no more memory than one buffer each. Added with `append(_:)`, in file order.
    public func part() throws(ImportError) -> StagedRows {
        try StagedRows(for: target, header: header, neutralizeFormulas: neutralize)
    }

    /// Adds a part's rows after the rows staged so far, copied in the kernel.
    public func append(_ part: StagedRows) throws(ImportError) {
        guard part.count > 0 else { return }
        try flush()
        try part.flush()
        try part.copy(from: 0, count: part.byteCount, to: descriptor, at: flushed, path: target)
        flushed += part.byteCount
        byteCount += part.byteCount
        count += part.count
    }

    /// Puts the buffer into the staging file.
    func flush() throws(ImportError) {
        guard !buffer.isEmpty else { return }
        try RegularFile.write(descriptor, buffer, at: flushed, path: target)
        flushed += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Makes the staging file (header and rows) the file at `path`, if nothing is there yet:
    /// synced, then linked into place, so readers see all of it or no file. False when `path`
    /// exists meanwhile, or the staging has no name, or the file system has no hard links.
    func publish(as path: String) throws(ImportError) -> Bool {
        guard let temporaryPath else { return false }
        try flush()
        try RegularFile.sync(descriptor, path: target)
        guard link(temporaryPath, path) == 0 else { return false }
        unlink(temporaryPath)
        self.temporaryPath = nil
        RegularFile.syncDirectory(of: path)
        return true
    }

    /// Removes the staging file's name (the rows are going to be copied): nothing stays in
    /// the folder even while the copy waits for the lock.
    func dropName() {
        if let temporaryPath { unlink(temporaryPath) }
        temporaryPath = nil
    }

    /// Copies `total` staged row bytes, from row byte `start`, to `destination` at `offset`:
    /// in the kernel (`sendfile`) where it can, else in 1 MiB reads and writes.
    func copy(from start: Int, count total: Int, to destination: Int32, at offset: Int, path: String) throws(ImportError) {
        try flush()
        var done = 0
        if lseek(destination, off_t(offset), SEEK_SET) == off_t(offset) {
            var source = off_t(headerBytes + start)
            while done < total {
                let sent = sendfile(destination, descriptor, &source, min(total - done, 1 << 30))
                if sent < 0, errno == EINTR { continue }
                guard sent > 0 else { break }
                done += sent
            }
        }
        guard done < total else { return }
        var chunk = [UInt8](repeating: 0, count: min(total - done, 1 << 20))
        while done < total {
            let wanted = min(chunk.count, total - done)
            let got = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, wanted, off_t(headerBytes + start + done)) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { throw .unreadable(path: target, reason: "the staged rows cannot be read back: \(got < 0 ? String(cString: strerror(errno)) : "they are shorter than written")") }
            try RegularFile.write(destination, chunk[0..<got], at: offset + done, path: path)
            done += got
        }
    }
}
