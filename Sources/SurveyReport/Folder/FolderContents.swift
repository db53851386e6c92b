import Foundation

/// A folder's contents sorted into what survey wrote (listed in its marker) and what it did
/// not. Only a folder with nothing foreign is ever replaced or removed, and then only file by
/// file, so a file that appears after the look is still never deleted (the final rmdir fails).
struct FolderContents {
    /// The folder's valid marker, if it has one.
    var marker: ReportMarker?
    /// Regular files listed in the marker, relative paths.
    var files: [String] = []
    /// Sub-folders holding listed files, parents before children.
    var folders: [String] = []
    /// What survey did not write, top-most first: a foreign folder is named once, as `name/`.
    var foreign: [String] = []
    /// Whether the folder has no entry at all.
    var isEmpty = true

    /// Whether survey may replace or remove the folder: empty, or a marked report with nothing else.
    var isOurs: Bool { foreign.isEmpty && (marker != nil || isEmpty) }

    /// Looks through the folder at `path` (never following a link).
    static func inspect(_ path: String) throws(SystemCallError) -> FolderContents {
        var contents = FolderContents()
        contents.marker = ReportMarker.read(inFolder: path)
        let listed = Set(contents.marker?.paths ?? [])
        var listedFolders: Set<String> = []
        for file in listed {
            var components = file.split(separator: "/").dropLast()
            while !components.isEmpty {
                listedFolders.insert(components.joined(separator: "/"))
                components.removeLast()
            }
        }
        try contents.walk(path, relative: "", listed: listed, listedFolders: listedFolders)
        return contents
    }

    private mutating func walk(_ root: String, relative: String, listed: Set<String>, listedFolders: Set<String>) throws(SystemCallError) {
        let here = relative.isEmpty ? root : root + "/" + relative
        let entries: [FolderCalls.Entry]
        do {
            entries = try FolderCalls.entries(of: here)
        } catch {
            // The top folder must be readable; a sub-folder we cannot read is not provably ours.
            if relative.isEmpty { throw error }
            foreign.append(relative + "/")
            return
        }
        for entry in entries {
            isEmpty = false
            let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
            guard entry.isExactName else { foreign.append(path); continue }
            if relative.isEmpty, entry.name == ReportMarker.fileName, marker != nil { continue }
            switch FileStatus(root + "/" + path) {
            case .regularFile where listed.contains(path):
                files.append(path)
            case .folder where listedFolders.contains(path):
                folders.append(path)
                try walk(root, relative: path, listed: listed, listedFolders: listedFolders)
            case .folder:
                foreign.append(path + "/")
            default:
                foreign.append(path)
            }
        }
    }

    /// Removes the files and folders survey wrote, the marker last (so a kill part-way leaves
    /// a folder that is still recognisably ours), then the folder itself. Returns false when
    /// the folder is still there: something not ours appeared in it, and it is left alone.
    /// `halfway` runs when half the files are gone (the tests' kill hook).
    @discardableResult
    func remove(_ path: String, halfway: () -> Void = {}) -> Bool {
        for (index, file) in files.enumerated() {
            if index == files.count / 2 { halfway() }
            unlink(path + "/" + file)
        }
        for folder in folders.reversed() { rmdir(path + "/" + folder) }
        if marker != nil { unlink(path + "/" + ReportMarker.fileName) }
        return rmdir(path) == 0
    }
}
