/// The `.survey-report` file in every report folder: the proof that survey wrote the folder,
/// and the list of what it wrote there. A later run replaces or removes only a folder whose
/// every file is on this list, so a file someone added by hand is never lost.
///
/// Format: the signature line, then one path per line relative to the folder (`charts/x.svg`).
/// The marker itself is not listed.
public struct ReportMarker: Equatable, Sendable {
    /// The marker's file name inside the report folder.
    public static let fileName = ".survey-report"
    /// The first line: which tool wrote the folder and in which format.
    static let signature = "survey report folder, format 1 (the files survey wrote here; the next `survey report` replaces them)"
    /// Markers are a few KiB; anything much larger is not ours.
    static let sizeLimit = 1 << 20

    /// The files the report holds, relative to its folder.
    public let paths: [String]

    /// The marker's text.
    public var text: String { ([ReportMarker.signature] + paths).joined(separator: "\n") + "\n" }

    public init(paths: [String]) {
        self.paths = paths
    }

    /// Parses a marker's bytes; nil when they do not start with the signature.
    init?(bytes: [UInt8]) {
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == ReportMarker.signature else { return nil }
        lines.removeFirst()
        paths = lines.filter { !$0.isEmpty }
    }

    /// The marker of the folder at `folder`; nil when there is none or it is not survey's.
    static func read(inFolder folder: String) -> ReportMarker? {
        FolderCalls.readSmallFile(folder + "/" + fileName, limit: sizeLimit).flatMap(ReportMarker.init(bytes:))
    }

    /// Whether `path` is a name survey can write inside a report folder: relative, no `.` or
    /// `..` component, no line break (it must fit on one line of the marker), not the marker.
    static func isWritable(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.isEmpty && path != fileName && !path.contains(where: \.isNewline)
            && components.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
