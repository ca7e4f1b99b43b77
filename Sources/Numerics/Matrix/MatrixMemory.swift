import CMemory

/// How the kit's programs keep freed memory (`Sources/CMemory/KitMemory.c`).
///
/// At program start the kit raises glibc's mmap and trim thresholds, so that the matrices a
/// training step frees are reused by the next step instead of being handed back to the kernel
/// and faulted in again. Only where memory comes from changes; no computed number does.
/// `KIT_MALLOC_DEFAULTS=1` keeps glibc's defaults.
public enum MatrixMemory {
    /// `true` when the thresholds are in effect (glibc on Linux, unless `KIT_MALLOC_DEFAULTS=1`).
    public static var keepsFreedPages: Bool { kit_memory_configure() == 1 }

    /// One line for reports, e.g. "freed pages kept for reuse (glibc thresholds raised)".
    public static var summary: String {
        keepsFreedPages ? "freed pages kept for reuse (glibc mmap/trim thresholds raised)"
            : "the allocator's defaults"
    }
}
