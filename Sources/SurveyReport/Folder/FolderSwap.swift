import Foundation

/// Linux's renameat2(2): put a folder at a path without a moment when the path is empty.
///
/// glibc has exported renameat2 since 2.28, but Swift's Glibc module does not declare it (the
/// header hides it behind _GNU_SOURCE), so it is looked up once with dlsym and called through
/// a C function pointer, which keeps the C calling convention exact. Where it is missing
/// (macOS, old glibc) or the file system does not support a flag (EINVAL, ENOSYS), the caller
/// falls back to plain rename(2).
enum FolderSwap {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// From linux/fs.h.
    private static let noReplace: UInt32 = 1
    private static let exchange: UInt32 = 2

    private static let renameat2: RenameAt2? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// What one attempt did.
    enum Outcome: Equatable {
        case done
        /// The system or the file system cannot do it this way: fall back.
        case unsupported
        case failed(errno: Int32)
    }

    /// Swaps two existing folders in one step: each path then names the other's contents.
    static func exchange(_ first: String, _ second: String) -> Outcome {
        call(first, second, flags: exchange)
    }

    /// Moves `source` to `target`, failing with EEXIST when something is already there.
    static func moveWithoutReplacing(_ source: String, to target: String) -> Outcome {
        call(source, target, flags: noReplace)
    }

    private static func call(_ source: String, _ target: String, flags: UInt32) -> Outcome {
        guard ProcessInfo.processInfo.environment["SURVEY_REPORT_NO_EXCHANGE"] == nil, let renameat2 else { return .unsupported }
        if renameat2(AT_FDCWD, source, AT_FDCWD, target, flags) == 0 { return .done }
        let code = errno
        return code == EINVAL || code == ENOSYS || code == ENOTSUP ? .unsupported : .failed(errno: code)
    }
}
