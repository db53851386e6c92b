import Testing
@testable import SurveyModel

/// The folder of a path, as `NSString.deletingLastPathComponent` gives it (which stops the
/// process on `-`, `a` or `a/`).
struct ParentFolderTests {
    @Test(arguments: [
        ("a", ""), ("-", ""), ("é", ""), ("a/", ""), ("ab", ""), ("", ""),
        ("/a", "/"), ("/", "/"), ("//", "/"), ("./a", "."), ("a/b", "a"), ("a//b/", "a"),
        ("/tmp/scratch.tiff", "/tmp"), ("/tmp/lock/", "/tmp"), ("responses/x.csv", "responses"),
    ])
    func folderOfAPath(path: String, folder: String) {
        #expect(ParentFolder.of(path) == folder)
    }
}
