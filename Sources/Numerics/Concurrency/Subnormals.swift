import CKernels

/// Subnormal numbers (magnitudes below 2⁻¹²⁶ for `Float`), which the kit's arithmetic never makes.
///
/// Intel cores take about a hundred cycles for each operation that makes a subnormal unless the
/// control register flushes it to zero, and training makes them (Adam's moments of a weight whose
/// gradient is zero decay through that range). On x86-64 the kit sets MXCSR's flush-to-zero bit, so
/// that the same seed gives the same numbers on every CPU at full speed: once when it loads, for the
/// main thread, and at the start of every worker thread of ``parallelMap(_:threads:_:)``. Only results
/// are flushed: a subnormal handed in as input keeps its value. Code that starts threads of its own
/// and computes on them calls ``flushToZero()`` first. Elsewhere (arm64) nothing changes.
public enum Subnormals {
    /// On x86-64, makes every operation on the calling thread whose result would be subnormal return zero.
    public static func flushToZero() { kit_flush_subnormals() }

    /// Whether subnormal results are flushed to zero on the calling thread (always `false` off x86-64).
    public static var areFlushedToZero: Bool { kit_subnormals_flushed() != 0 }
}
