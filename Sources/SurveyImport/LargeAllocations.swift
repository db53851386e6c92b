#if canImport(Glibc)
import Glibc
#endif

/// How the process gives memory back: every allocation of 1 MiB or more gets its own mapping,
/// returned to the system when it is freed.
///
/// glibc otherwise raises that threshold to the size of each large block freed (up to 32 MiB),
/// and blocks under it come from the heap, where a freed one stays resident. The id set and
/// the duplicate-submission check grow by doubling, and each part read leaves its buffers
/// behind, so on 1,000,000 rows that kept ~17 MB of freed memory resident (BENCHMARKS.md, Memory).
public enum LargeAllocations {
    /// The size from which an allocation is mapped on its own.
    public static let threshold: Int32 = 1 << 20

    /// Sets glibc's mapping threshold (a fixed one: it no longer moves). Call once, first thing.
    public static func returnToSystemWhenFreed() {
        #if canImport(Glibc)
        // malloc.h is not part of the Glibc module: looked up by name (RTLD_DEFAULT is null).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
        guard let symbol = dlsym(nil, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, threshold)
        #endif
    }
}
