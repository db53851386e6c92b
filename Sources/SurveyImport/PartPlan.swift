import Foundation

/// Where a file read in parts is cut: after a line end outside quotes, about every
/// `partBytes` bytes, then finer towards the end (`stretch(remaining:partBytes:)`), each part with the
/// number of the line it starts on.
///
/// A cut is made at the first line end after the nominal point at which the quotes counted
/// from the end of the header are even: in well-formed CSV that line end is outside every
/// quoted field, even when answers hold line breaks. The quotes and line ends are counted in
/// parallel, one nominal stretch per thread; only the few bytes from a nominal point to the
/// cut are looked at twice. A file whose quoting is broken can still be cut inside a field:
/// the reader of the part before such a cut ends inside a record, and the rest of the file
/// is then read as one part (`ResponseImporter.importFile(_:parts:)`), so the result is always
/// that of one reader going through the file. The cuts depend on the file and `partBytes`
/// only, never on the number of threads, so neither do the results.
struct PartPlan {
    /// Byte offsets where the parts start; the last part ends at the end of the file.
    private(set) var starts: [Int] = []
    /// The line each part starts on.
    private(set) var lines: [Int] = []

    init(_ file: UnsafeRawBufferPointer, from start: Int, line: Int, partBytes: Int, jobs: Int) {
        let size = file.count
        var nominal: [Int] = []
        var point = start
        while point < size {
            nominal.append(point)
            point += PartPlan.stretch(remaining: size - point, partBytes: partBytes)
        }
        let stretchEnds = Array(nominal.dropFirst()) + [size]
        // Quotes and line ends in each nominal stretch, counted on `jobs` threads.
        let counts = UncheckedBox([(quotes: Int, lines: Int)](repeating: (0, 0), count: nominal.count))
        counts.value.withUnsafeMutableBufferPointer { buffer in
            let out = UncheckedBox(buffer)
            ParallelWork.run(count: nominal.count, jobs: jobs) { index in
                let from = nominal[index]
                out.value[index] = PartPlan.count(UnsafeRawBufferPointer(rebasing: file[from..<stretchEnds[index]]))
                MappedFile.release(file, from..<stretchEnds[index])
            }
        }
        starts = [start]
        lines = [line]
        var quotesBefore = 0, linesBefore = 0  // from `start` to nominal[k]
        var lastCut = start
        for k in nominal.indices.dropFirst() {
            quotesBefore += counts.value[k - 1].quotes
            linesBefore += counts.value[k - 1].lines
            let point = nominal[k]
            if point < lastCut { continue }
            // From the nominal point, the first line end with the quotes even.
            var quotes = quotesBefore, newLines = linesBefore, position = point
            var cut: Int?
            while position < size {
                let byte = file[position]
                position += 1
                if byte == 0x22 {
                    quotes += 1
                } else if byte == 0x0A {
                    newLines += 1
                    if quotes & 1 == 0 { cut = position; break }
                }
            }
            guard let cut, cut < size else { break }
            starts.append(cut)
            lines.append(line + newLines)
            lastCut = cut
        }
        // Each cut read a few bytes past a released stretch, and the kernel maps a whole large
        // folio (up to 2 MiB of the page cache) on such a fault: 2 MiB left resident every
        // 16 MiB, 250 MB of a 3 GB file. Nothing reads the mapping yet, so all of it goes.
        MappedFile.release(file, 0..<size)
    }

    /// The nominal length of the part that starts `remaining` bytes before the end: `partBytes`
    /// while a quarter of the rest is more, then a quarter of the rest, down to a 16th of
    /// `partBytes`. The parts are taken in file order; with parts all alike a core could sit
    /// idle for a whole part's time at the end (a fifth of a 100,000-row run), with shrinking
    /// ones for a 16th of it. Not finer: each part learns its answers' words afresh, and an
    /// eighth of the rest down to a 32nd (34 parts for 100,000 rows) cost 8% more
    /// instructions than one reader, a quarter down to a 16th 4%. Independent of the number
    /// of threads, like the cuts.
    static func stretch(remaining: Int, partBytes: Int) -> Int {
        let most = max(partBytes, 1), least = max(partBytes / 16, 1)
        return min(most, max(least, remaining / 4))
    }

    /// Quotes and line ends in `bytes`. This pass reads the whole file, so it goes by
    /// `memchr` (vectorized in the C library) from one to the next: a byte-at-a-time loop cost
    /// 8 instructions a byte, ~3% of `survey stats` in callgrind, and Swift's generic `SIMD32`
    /// four times that.
    static func count(_ bytes: UnsafeRawBufferPointer) -> (quotes: Int, lines: Int) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return (0, 0) }
        func occurrences(of byte: UInt8) -> Int {
            var found = 0, offset = 0
            while offset < bytes.count, let hit = memchr(base + offset, Int32(byte), bytes.count - offset) {
                found += 1
                offset = base.distance(to: UnsafeRawPointer(hit)) + 1
            }
            return found
        }
        return (occurrences(of: 0x22), occurrences(of: 0x0A))
    }
}
