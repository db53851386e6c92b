import Foundation

/// Writes a report folder all at once: files are built in a temporary folder beside the
/// target, which then takes the target's place. A run that fails leaves the previous report
/// as it was; a run that succeeds leaves no file of an older report behind.
public enum ReportFolder {
    /// Why the report could not be written.
    public struct WriteError: Error, LocalizedError {
        public var path: String
        public var reason: String
        public var errorDescription: String? { "\(path): error: cannot write the report: \(reason)" }
    }

    /// Writes `files` (paths relative to the folder, `charts/x.svg` allowed) as `folder`.
    public static func write(_ files: [(path: String, content: String)], to folder: String) throws(WriteError) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())")
        let previous = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try? manager.removeItem(at: temporary)
            try manager.createDirectory(at: temporary, withIntermediateDirectories: true)
            for file in files {
                let url = temporary.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.content.utf8).write(to: url)
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw WriteError(path: folder, reason: error.localizedDescription)
        }
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue {
            try? manager.removeItem(at: temporary)
            throw WriteError(path: folder, reason: "it exists and is not a folder")
        }
        if exists, rename(target.path, previous.path) != 0 {
            try? manager.removeItem(at: temporary)
            throw WriteError(path: folder, reason: String(cString: strerror(errno)))
        }
        if rename(temporary.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            if exists { rename(previous.path, target.path) }
            try? manager.removeItem(at: temporary)
            throw WriteError(path: folder, reason: reason)
        }
        if exists { try? manager.removeItem(at: previous) }
    }
}
