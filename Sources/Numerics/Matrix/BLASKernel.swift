import CBLAS

/// The OpenBLAS kernel this process runs, and how it was chosen.
///
/// Every OpenBLAS kernel rounds a matrix product in its own order, and a reinforcement-learning
/// run that starts from another rounding takes another path. The kit therefore chooses the kernel
/// from the CPU's features before OpenBLAS loads (`Sources/CBLAS/KitBLAS.c`): Haswell on every
/// x86-64 CPU with AVX2 and FMA, so that a seed gives the same numbers on all of them.
/// `KIT_BLAS_KERNEL=fastest` picks the fastest kernel instead (SkylakeX on AVX-512 CPUs),
/// `KIT_BLAS_KERNEL=openblas` leaves the choice to OpenBLAS, and a user's own
/// `OPENBLAS_CORETYPE` always wins.
public enum BLASKernel {
    /// The kernel's name as OpenBLAS reports it, e.g. "Haswell".
    public static var name: String { String(cString: kit_blas_kernel()) }

    /// How the kernel was chosen, e.g. "the kit's reproducible default for every CPU with AVX2 and FMA".
    public static var choice: String { String(cString: kit_blas_kernel_choice()) }

    /// Who computes the matrix products: "OpenBLAS", or the kit's AVX-512 GEMM that rounds every entry
    /// as OpenBLAS's Haswell kernel does (`Sources/CBLAS/HaswellOrderGEMM.c`), used in that kernel's
    /// place on CPUs with AVX-512 unless `KIT_GEMM=openblas`. Either gives the same numbers.
    public static var gemmEngine: String { String(cString: kit_gemm_engine()) }

    /// Whether the kit's own GEMM computes the products (see ``gemmEngine``).
    public static var usesKitGEMM: Bool { kit_gemm_is_own() != 0 }

    /// One line for headers and reports: "OpenBLAS kernel Haswell (…how it was chosen…); products: …".
    public static var summary: String { "OpenBLAS kernel \(name) (\(choice)); products: \(gemmEngine)" }
}
