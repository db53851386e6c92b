import Foundation

/// Why `survey report` wrote nothing. A refusal (exit 2) means the output folder holds
/// something survey must not replace; a write failure (exit 1) means the disk said no. In
/// both cases the folder named by `--out` is exactly as it was.
public enum ReportError: Error, LocalizedError, Sendable, Equatable {
    /// `--out` names something survey will not replace; `suggestion` is a folder that is free.
    case refused(folder: String, reason: Refusal, suggestion: String)
    /// A file or folder of the new report could not be written (disk full, permission denied).
    case writeFailed(folder: String, path: String, reason: String)
    /// The PNG twin of a chart (`charts/NAME.png`, for report.md) could not be drawn.
    case chartPictureFailed(chart: String, reason: String)
    /// report.docx could not be packed (the zip library failed in memory).
    case wordDocumentFailed(reason: String)
    /// `report.xlsx` could not be made (libxlsxwriter's or Excel's reason).
    case workbookFailed(reason: String)

    /// What is in the way.
    public enum Refusal: Sendable, Equatable {
        /// The folder holds files survey did not write: the first few, and how many in all.
        case foreignFiles([String], count: Int, marked: Bool)
        /// The folder is the current folder (its first few entries, how many in all).
        case currentFolder([String], count: Int)
        /// The folder holds the current folder (`..`, `/`, any parent of it).
        case holdsCurrentFolder
        /// The folder is the user's home folder.
        case homeFolder
        /// The folder holds a file the report is made from (the questionnaire, the responses).
        case holdsInput(String)
        /// It is not a folder: "a file, not a folder", "a named pipe (FIFO), not a folder", …
        case notAFolder(String)
        /// It is a symbolic link, to this destination.
        case symbolicLink(String)
        /// It cannot be looked at (permission denied, a file in the middle of the path).
        case unreadable(String)
    }

    /// How many entries in the way a message names before "and N more".
    public static let namedEntries = 5

    public var errorDescription: String? {
        switch self {
        case .refused(let folder, let reason, let suggestion):
            return "\(folder): error: will not write the report here: \(reason.explanation) Nothing was changed. Choose another folder, e.g. --out \(suggestion)"
        case .writeFailed(let folder, let path, let reason):
            return "\(folder): error: cannot write the report: \(path): \(reason). Nothing was changed"
        case .chartPictureFailed(let chart, let reason):
            return "charts/\(chart).png: error: cannot draw the PNG copy of the chart: \(reason). Nothing was written; write only the CSV files and the workbook (--format csv,xlsx) to skip the PNG copies"
        case .wordDocumentFailed(let reason):
            return "report.docx: error: cannot pack the Word document: \(reason). Nothing was written; write the report without Word (--format md,csv,html,xlsx) to skip it"
        case .workbookFailed(let reason):
            return "report.xlsx: error: \(reason). Nothing was written; leave xlsx out of --format (e.g. --format md,csv,html,docx) to write the other files"
        }
    }

    /// Whether the error is in the command line (exit 2) rather than in writing (exit 1).
    public var isUsageError: Bool {
        if case .refused = self { return true }
        return false
    }
}

extension ReportError.Refusal {
    /// One or two sentences: what is in the way and why survey will not touch it.
    var explanation: String {
        switch self {
        case .foreignFiles(let names, let count, let marked):
            let what = marked ? "files that survey did not write" : "files, and no \(ReportMarker.fileName) saying that survey wrote them"
            var text = "the folder holds \(what): \(ReportError.Refusal.list(names, count: count))."
            text += " survey replaces only an empty folder or a report folder it wrote itself, and never deletes a file it did not write."
            if !marked { text += " If this is a report from an older survey, delete it yourself first." }
            return text
        case .currentFolder(let names, let count):
            let holding = count == 0 ? "" : " (it holds \(ReportError.Refusal.list(names, count: count)))"
            return "it is the current folder\(holding); the report needs a folder of its own."
        case .holdsCurrentFolder:
            return "it holds the current folder; the report needs a folder of its own."
        case .homeFolder:
            return "it is your home folder; the report needs a folder of its own."
        case .holdsInput(let path):
            return "it holds \(path), which the report is made from."
        case .notAFolder(let what):
            return "it is \(what)."
        case .symbolicLink(let destination):
            return "it is a symbolic link (to \(destination)). Replacing a report swaps the folder at this path, which would replace the link itself; give the folder it points to, or another one."
        case .unreadable(let reason):
            return "it cannot be looked at: \(reason)."
        }
    }

    /// `a, b, c and 4 more`.
    static func list(_ names: [String], count: Int) -> String {
        let shown = names.prefix(ReportError.namedEntries)
        var text = shown.joined(separator: ", ")
        if count > shown.count { text += " and \(count - shown.count) more" }
        return text
    }
}
