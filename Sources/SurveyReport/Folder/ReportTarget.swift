import Foundation
import SurveyModel

/// The folder `--out` names, and whether survey may put a report there.
struct ReportTarget {
    /// The path as the user typed it, for messages.
    let given: String
    /// The absolute path, `.` and `..` resolved as written (every later call uses this one).
    let path: String
    let parent: String
    let name: String

    /// What is at the path now.
    enum State {
        case missing
        /// An empty folder or a report survey wrote, with the folder's permission bits.
        case folder(FolderContents, mode: mode_t)
    }

    init(_ given: String) {
        self.given = given
        path = URL(fileURLWithPath: given).standardizedFileURL.path
        parent = ParentFolder.of(path)
        name = (path as NSString).lastPathComponent
    }

    /// `.NAME.tmp-PID-RANDOM` or `.NAME.old-PID-RANDOM` beside the target: the same folder,
    /// so the final rename never crosses file systems, and hidden, so it does not clutter.
    func sibling(_ kind: String) -> String {
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return parent + "/.\(name).\(kind)-\(getpid())-\(random)"
    }

    /// A sibling's name as the user would type it, for notes.
    func shown(sibling name: String) -> String {
        let folder = ParentFolder.of(given)
        return folder.isEmpty ? name : folder + "/" + name
    }

    /// Looks at the target and refuses anything survey must not replace.
    /// `inputs` are the files the report is made from; `fallbackName` names the suggested folder.
    func inspect(inputs: [String], fallbackName: String) throws(ReportError) -> State {
        switch FileStatus(path) {
        case .missing:
            return .missing
        case .folder(let identity, let mode):
            if let refusal = protectedFolder(identity) ?? holdsInput(identity, inputs: inputs) {
                throw refuse(refusal, fallbackName: fallbackName)
            }
            let contents: FolderContents
            do {
                contents = try FolderContents.inspect(path)
            } catch {
                throw refuse(.unreadable(error.reason), fallbackName: fallbackName)
            }
            guard contents.isOurs else {
                throw refuse(.foreignFiles(contents.foreign, count: contents.foreign.count, marked: contents.marker != nil), fallbackName: fallbackName)
            }
            return .folder(contents, mode: mode)
        case .symbolicLink(let destination):
            throw refuse(.symbolicLink(destination), fallbackName: fallbackName)
        case .unreadable(let code):
            throw refuse(.unreadable(String(cString: strerror(code))), fallbackName: fallbackName)
        case let other:
            throw refuse(.notAFolder(other.description), fallbackName: fallbackName)
        }
    }

    /// The current folder, any folder holding it (`..`, `/`) and the home folder are never
    /// report folders: swapping one away would pull the ground from under the user.
    private func protectedFolder(_ identity: FileIdentity) -> ReportError.Refusal? {
        let current = ReportTarget.folderAndParents(of: FileManager.default.currentDirectoryPath)
        if identity == current.first {
            let names = (try? FolderCalls.entries(of: path))?.map(\.name) ?? []
            return .currentFolder(names, count: names.count)
        }
        if current.contains(identity) { return .holdsCurrentFolder }
        let homes = [ProcessInfo.processInfo.environment["HOME"], NSHomeDirectory()].compactMap { $0 }
        if homes.contains(where: { FileIdentity(path: $0) == identity }) { return .homeFolder }
        return nil
    }

    /// Refuses a folder that holds one of the inputs, wherever the path to it goes.
    private func holdsInput(_ identity: FileIdentity, inputs: [String]) -> ReportError.Refusal? {
        for input in inputs where ReportTarget.folderAndParents(of: input).dropFirst().contains(identity) {
            return .holdsInput(input)
        }
        return nil
    }

    /// The identities of `path` (links resolved) and of every folder above it up to `/`.
    static func folderAndParents(of path: String) -> [FileIdentity] {
        guard let resolved = realpath(path, nil) else { return [] }
        defer { free(resolved) }
        var current = String(cString: resolved)
        var identities: [FileIdentity] = []
        while true {
            if let identity = FileIdentity(path: current) { identities.append(identity) }
            if current == "/" || current.isEmpty { break }
            current = ParentFolder.of(current)
        }
        return identities
    }

    private func refuse(_ reason: ReportError.Refusal, fallbackName: String) -> ReportError {
        .refused(folder: given, reason: reason, suggestion: suggestion(for: reason, fallbackName: fallbackName))
    }

    /// A folder that would be accepted: `NAME-2` beside a named folder that is in the way,
    /// `reports/NAME` (or `-2`, `-3`, …) instead of `.`, `..`, home or a file.
    private func suggestion(for reason: ReportError.Refusal, fallbackName: String) -> String {
        let base: String
        switch reason {
        case .foreignFiles, .holdsInput, .symbolicLink:
            var trimmed = given
            while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
            base = trimmed
        default:
            base = "reports/" + fallbackName
        }
        let candidates = [base] + (2...99).map { "\(base)-\($0)" }
        let free = candidates.first { candidate in
            let target = ReportTarget(candidate)
            guard target.path != path else { return false }
            switch FileStatus(target.path) {
            case .missing: return true
            case .folder: return (try? FolderContents.inspect(target.path))?.isOurs ?? false
            default: return false
            }
        }
        return free ?? base + "-new"
    }
}
