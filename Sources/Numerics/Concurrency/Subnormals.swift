import CKernels

/// Subnormal numbers (magnitudes below 2⁻¹²⁶ for `Float`), which the kit flushes to zero.
///
/// Intel cores take about a hundred cycles for each operation on a subnormal unless the control
/// register flushes them, and training produces them (Adam's moments of a weight whose gradient is
/// zero decay through that range). The kit flushes them on every CPU, so that the same seed gives the
/// same numbers everywhere at full speed: once when it loads, for the main thread, and at the start of
/// every worker thread of ``parallelMap(_:threads:_:)``. Code that starts threads of its own and computes
/// on them calls ``flushToZero()`` first.
public enum Subnormals {
    /// Flushes subnormal inputs and results to zero on the calling thread (x86-64: MXCSR's FTZ and DAZ bits;
    /// arm64: FPCR.FZ).
    public static func flushToZero() { kit_flush_subnormals() }

    /// Whether subnormals are flushed to zero on the calling thread.
    public static var areFlushedToZero: Bool { kit_subnormals_flushed() != 0 }
}
