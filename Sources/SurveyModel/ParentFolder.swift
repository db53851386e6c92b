/// The folder part of a path as the user wrote it (`responses` of `responses/x.csv`), worked
/// out on the string. Foundation's `NSString.deletingLastPathComponent` stops the process
/// (SIGILL) on a one-character path such as `-` or `a`, or on `a/`.
public enum ParentFolder {
    /// What `NSString.deletingLastPathComponent` gives: `""` for a bare name, `"/"` for a name
    /// in the root, the path without its last component (and trailing slashes) otherwise.
    public static func of(_ path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        var folder = path[..<slash]
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }
}
