import Foundation

/// Writes a report folder all at once, and only where it harms nothing.
///
/// The target must be missing, empty, or a report survey wrote (its `.survey-report` marker
/// lists every file in it); anything else is refused with `ReportError.refused`. The new report
/// is built in `.NAME.tmp-PID-RANDOM` beside the target, marker first, every file synced, and
/// then swapped in with one renameat2(RENAME_EXCHANGE): a kill at any moment leaves the old
/// report or the new one at the target path, never a mix and never nothing. The old report,
/// now at the temporary name, is removed file by file; leftovers of a killed run are removed
/// by the next one (`ReportLeftovers`).
public enum ReportFolder {
    /// The steps at which `SURVEY_REPORT_CRASH_AT=STEP` kills the process (SIGKILL), so the
    /// tests can show what a kill there leaves and that the next run recovers.
    enum Step: String {
        /// The temporary folder holds the marker and no file yet.
        case marker
        /// The new report is complete in the temporary folder, not yet swapped in.
        case files
        /// The new report is at the target, the old one at the temporary name.
        case exchange
        /// Fallback without exchange: the old report renamed away, the target path empty.
        case renamed
        /// Half of the old report's files removed.
        case removal
    }

    /// Refuses an output folder that survey must not write to, before any work is done.
    /// `inputs` are the files the report is made from; `fallbackName` names the suggestion.
    public static func check(_ folder: String, inputs: [String] = [], fallbackName: String = "report") throws(ReportError) {
        _ = try ReportTarget(folder).inspect(inputs: inputs, fallbackName: fallbackName)
    }

    /// Writes `files` (paths relative to the folder, `charts/x.svg` allowed) and the binary
    /// `pictures` (the charts' PNG twins) as `folder`.
    /// Returns notes for the user (leftovers of earlier runs that were not survey's to remove).
    @discardableResult
    public static func write(_ files: [(path: String, content: String)], pictures: [(path: String, bytes: [UInt8])] = [], to folder: String,
                             inputs: [String] = [], fallbackName: String = "report") throws(ReportError) -> [String] {
        let target = ReportTarget(folder)
        let state = try target.inspect(inputs: inputs, fallbackName: fallbackName)
        let files = files.map { (path: $0.path, bytes: Array($0.content.utf8)) } + pictures
        let paths = files.map(\.path)
        if let bad = paths.first(where: { !ReportMarker.isWritable($0) }) ?? duplicate(in: paths) {
            throw .writeFailed(folder: folder, path: bad, reason: "not a file name a report can hold")
        }
        var notes = ReportLeftovers.clean(beside: target)
        do {
            try FolderCalls.makeFolders(target.parent)
        } catch {
            throw .writeFailed(folder: folder, path: error.path, reason: error.reason)
        }
        var mode: mode_t?
        if case .folder(_, let previous) = state { mode = previous }
        let built = try build(files, beside: target, mode: mode)
        defer { ReportLeftovers.inUse.remove(built.path) }
        if case .folder = state {
            notes += try swapIn(built, for: target)
        } else if try !moveIn(built, to: target) {
            // Another run put a folder there meanwhile: replace it only if it passes the same checks.
            do {
                _ = try target.inspect(inputs: inputs, fallbackName: fallbackName)
            } catch {
                built.discard()
                throw error
            }
            notes += try swapIn(built, for: target)
        }
        try? FolderCalls.syncFolder(target.parent)
        return notes
    }

    /// The marker `write` puts in a folder holding `files` and `pictures`.
    public static func marker(for files: [(path: String, content: String)], pictures: [(path: String, bytes: [UInt8])] = []) -> ReportMarker {
        ReportMarker(paths: files.map(\.path) + pictures.map(\.path))
    }

    /// A new report in its temporary folder, and what this run wrote there.
    private struct Built {
        var path: String
        var contents: FolderContents

        /// Removes exactly what this run wrote, then the folder (kept if anything else is in it).
        func discard() { contents.remove(path) }
    }

    /// Builds the new report in a fresh temporary folder; on failure removes it and throws.
    private static func build(_ files: [(path: String, bytes: [UInt8])], beside target: ReportTarget, mode: mode_t?) throws(ReportError) -> Built {
        var temporary = target.sibling("tmp")
        while mkdir(temporary, 0o777) != 0 {
            guard errno == EEXIST else {
                let code = errno
                throw .writeFailed(folder: target.given, path: target.shown(sibling: (temporary as NSString).lastPathComponent), reason: String(cString: strerror(code)))
            }
            temporary = target.sibling("tmp")
        }
        ReportLeftovers.inUse.insert(temporary)
        if let mode { chmod(temporary, mode) }
        let marker = ReportMarker(paths: files.map(\.path))
        var built = Built(path: temporary, contents: FolderContents(marker: marker))
        do throws(SystemCallError) {
            try FolderCalls.createFile(temporary + "/" + ReportMarker.fileName, bytes: Array(marker.text.utf8))
            stop(at: .marker)
            var folders: [String] = []
            for file in files {
                var components = file.path.split(separator: "/").dropLast().map(String.init)
                var folder = ""
                while !components.isEmpty {
                    folder += (folder.isEmpty ? "" : "/") + components.removeFirst()
                    if !folders.contains(folder) {
                        if mkdir(temporary + "/" + folder, 0o777) != 0 { throw SystemCallError(temporary + "/" + folder) }
                        folders.append(folder)
                        built.contents.folders.append(folder)
                    }
                }
                built.contents.files.append(file.path)
                try FolderCalls.createFile(temporary + "/" + file.path, bytes: file.bytes, sync: false)
            }
            for file in files { try FolderCalls.syncFile(temporary + "/" + file.path) }
            for folder in folders.reversed() { try FolderCalls.syncFolder(temporary + "/" + folder) }
            try FolderCalls.syncFolder(temporary)
        } catch {
            built.discard()
            ReportLeftovers.inUse.remove(temporary)
            let shown = error.path.hasPrefix(temporary + "/") ? String(error.path.dropFirst(temporary.count + 1)) : error.path
            throw .writeFailed(folder: target.given, path: shown, reason: error.reason)
        }
        stop(at: .files)
        return built
    }

    /// The first report at this path: a rename that never replaces anything. Returns false
    /// when something appeared at the path meanwhile (the new report is still in `built`).
    private static func moveIn(_ built: Built, to target: ReportTarget) throws(ReportError) -> Bool {
        var outcome = FolderSwap.moveWithoutReplacing(built.path, to: target.path)
        if outcome == .unsupported {
            // rename(2) replaces nothing but an empty folder, so this can only lose an empty folder.
            outcome = rename(built.path, target.path) == 0 ? .done : .failed(errno: errno)
        }
        guard case .failed(let code) = outcome else { return true }
        if code == EEXIST || code == ENOTEMPTY { return false }
        built.discard()
        throw .writeFailed(folder: target.given, path: target.given, reason: String(cString: strerror(code)))
    }

    /// Replaces the old report (or empty folder) with the new one, then removes the old one.
    private static func swapIn(_ built: Built, for target: ReportTarget) throws(ReportError) -> [String] {
        let old: String
        switch FolderSwap.exchange(built.path, target.path) {
        case .done:
            stop(at: .exchange)
            old = built.path
        case .unsupported:
            // Two renames: between them the target path is empty (the old report is at
            // .NAME.old-…, the new one at .NAME.tmp-…); the next run cleans both up.
            old = target.sibling("old")
            ReportLeftovers.inUse.insert(old)
            if rename(target.path, old) != 0 {
                let code = errno
                built.discard()
                throw .writeFailed(folder: target.given, path: target.given, reason: String(cString: strerror(code)))
            }
            stop(at: .renamed)
            if rename(built.path, target.path) != 0 {
                let code = errno
                rename(old, target.path)
                built.discard()
                throw .writeFailed(folder: target.given, path: target.given, reason: String(cString: strerror(code)))
            }
        case .failed(let code):
            built.discard()
            throw .writeFailed(folder: target.given, path: target.given, reason: String(cString: strerror(code)))
        }
        defer { ReportLeftovers.inUse.remove(old) }
        try? FolderCalls.syncFolder(target.parent)
        // Looked at again: what was swapped out may have changed since the check.
        let name = (old as NSString).lastPathComponent
        guard let contents = try? FolderContents.inspect(old), contents.isOurs else {
            return ["note: the previous contents of \(target.given) changed while the report was being written; they are kept in \(target.shown(sibling: name))."]
        }
        if !contents.remove(old, halfway: { stop(at: .removal) }) {
            return ["note: could not remove the previous report, now in \(target.shown(sibling: name)); remove it yourself."]
        }
        return []
    }

    private static func duplicate(in paths: [String]) -> String? {
        var seen: Set<String> = []
        return paths.first { !seen.insert($0).inserted }
    }

    /// The tests' kill hook (see `Step`); does nothing unless SURVEY_REPORT_CRASH_AT names the step.
    private static func stop(at step: Step) {
        if ProcessInfo.processInfo.environment["SURVEY_REPORT_CRASH_AT"] == step.rawValue { kill(getpid(), SIGKILL) }
    }
}
