import Foundation

/// `NAME.recovered.csv` beside a file: lines cut off by an interrupted save (crash, kill,
/// power cut), moved out of the file they tore so it ends on a whole record again. Columns
/// as in the rejects file: `file,line,reason,raw`.
public enum RecoveredFile {
    /// Appends rows (created with its header when missing) in one write, then syncs.
    public static func append(_ rows: [[String]], to path: String) throws(ImportError) {
        let (descriptor, _) = try RegularFile.openOrCreate(path)
        defer { close(descriptor) }
        let size = try RegularFile.size(descriptor, path: path)
        var text = size == 0 ? CSVFormat.line(ResponseFile.rejectHeader) : ""
        if size > 0, try RegularFile.read(descriptor, from: size - 1, count: 1, path: path) != [0x0A] { text += "\n" }
        for row in rows { text += CSVFormat.line(row.map(CSVFormat.neutralized)) }
        let bytes = Array(text.utf8)
        try RegularFile.write(descriptor, bytes, at: size, path: path)
        try RegularFile.sync(descriptor, path: path)
    }
}
