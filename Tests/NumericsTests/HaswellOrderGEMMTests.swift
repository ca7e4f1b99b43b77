import CBLAS
import Foundation
import Numerics
import Testing

/// The kit's AVX-512 GEMM (`Sources/CBLAS/HaswellOrderGEMM.c`) must round every entry as OpenBLAS's
/// Haswell kernel does: a lesson's numbers may not change by a bit when it takes over.
@Suite("The kit's GEMM: OpenBLAS's Haswell kernel, entry for entry")
struct HaswellOrderGEMMTests {
    /// Whether the comparison means something here: OpenBLAS runs its Haswell kernel (the kit's default)
    /// and the CPU can run the kit's GEMM.
    static var comparable: Bool { BLASKernel.name == "Haswell" && kit_haswell_order_supported() != 0 }

    /// One product by both, compared bit for bit; nil when they agree, else what differed.
    static func mismatch(m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, beta: Float,
                         padding: Int, rng: inout RandomSource) -> String? {
        let lda = (transposeA ? m : k) + padding, ldb = (transposeB ? k : n) + padding, ldc = n + padding
        func entries(_ count: Int) -> [Float] {
            (0..<count).map { _ in
                switch rng.index(below: 10) {
                case 0: 0
                case 1: -0.0
                case 2: rng.uniform(-1, 1) * 1e-3
                default: rng.uniform(-1, 1)
                }
            }
        }
        let a = entries((transposeA ? k : m) * lda), b = entries((transposeB ? n : k) * ldb)
        var byOpenBLAS = entries(m * ldc)
        var byKit = byOpenBLAS
        kit_sgemm_openblas(transposeA ? 1 : 0, transposeB ? 1 : 0, Int32(m), Int32(n), Int32(k), 1, a, Int32(lda),
                           b, Int32(ldb), beta, &byOpenBLAS, Int32(ldc))
        let ran = kit_haswell_order_sgemm(transposeA ? 1 : 0, transposeB ? 1 : 0, Int32(m), Int32(n), Int32(k), a,
                                          Int32(lda), b, Int32(ldb), beta, &byKit, Int32(ldc))
        guard ran == 1 else { return "the kit's GEMM declined a \(m)×\(n)×\(k) product" }
        let differing = zip(byOpenBLAS, byKit).filter { $0.bitPattern != $1.bitPattern }.count
        guard differing > 0 else { return nil }
        return "\(m)×\(n)×\(k)\(transposeA ? " Aᵀ" : "")\(transposeB ? " Bᵀ" : ""), beta \(beta), padding \(padding): "
            + "\(differing) of \(byKit.count) entries differ"
    }

    /// One product onto bias rows by both (OpenBLAS onto rows set to `bias` first, then max(·, 0) with `relu`),
    /// compared bit for bit; nil when they agree, else the shape.
    static func biasMismatch(m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, a: [Float], b: [Float],
                             bias: [Float], relu: Bool) -> String? {
        let lda = Int32(max(transposeA ? m : k, 1)), ldb = Int32(max(transposeB ? k : n, 1))
        var expected = (0..<m).flatMap { _ in bias }
        if k > 0 {
            kit_sgemm_openblas(transposeA ? 1 : 0, transposeB ? 1 : 0, Int32(m), Int32(n), Int32(k), 1, a, lda, b, ldb,
                               1, &expected, Int32(n))
        }
        if relu { expected = expected.map { Swift.max($0, 0) } }
        var byKit = [Float](repeating: .nan, count: m * n)
        let multiply = relu ? kit_haswell_order_sgemm_bias_relu : kit_haswell_order_sgemm_bias
        let ran = multiply(transposeA ? 1 : 0, transposeB ? 1 : 0, Int32(m), Int32(n), Int32(k), a, lda, b, ldb, bias,
                           &byKit, Int32(n))
        let differing = zip(expected, byKit).filter { $0.bitPattern != $1.bitPattern }.count
        guard ran != 1 || differing > 0 else { return nil }
        return "\(m)×\(n)×\(k)\(transposeA ? " Aᵀ" : "")\(transposeB ? " Bᵀ" : "")"
            + (ran == 1 ? ": \(differing) entries differ" : ": declined")
    }

    @Test("random shapes, transpositions, betas and leading dimensions: every bit as OpenBLAS's",
          .enabled(if: comparable, "needs OpenBLAS's Haswell kernel and a CPU with AVX-512"))
    func randomProducts() {
        var rng = RandomSource(seed: 20_261_207)
        var failures: [String] = []
        for trial in 0..<600 {
            // Mostly the kit's sizes; some long sums (k blocks of 320), wide products (column blocks of 320)
            // and tall ones (row groups of every kind).
            var m = 1 + rng.index(below: 70), n = 1 + rng.index(below: 70), k = 1 + rng.index(below: 90)
            if trial % 5 == 0 { k = 1 + rng.index(below: 1_500) }
            if trial % 7 == 0 { n = 1 + rng.index(below: 800) }
            if trial % 11 == 0 { m = 1 + rng.index(below: 400) }
            let beta: Float = [0, 1, 0.5, -2][rng.index(below: 4)]
            if let failure = Self.mismatch(m: m, n: n, k: k, transposeA: rng.bernoulli(0.5), transposeB: rng.bernoulli(0.5),
                                           beta: beta, padding: rng.index(below: 3), rng: &rng) {
                failures.append(failure)
            }
        }
        #expect(failures.isEmpty, "the kit's GEMM rounds differently from OpenBLAS's Haswell kernel: \(failures.prefix(5))")
    }

    @Test("the split patterns' edges: 16 to 48 columns, 1 to 30 rows, sums of 7 to 9 and 639 to 641 terms",
          .enabled(if: comparable, "needs OpenBLAS's Haswell kernel and a CPU with AVX-512"))
    func patternEdges() {
        var rng = RandomSource(seed: 7)
        var failures: [String] = []
        for n in [8, 15, 16, 17, 24, 31, 32, 40, 47, 48] {
            for m in [1, 3, 4, 5, 8, 11, 12, 13, 16, 24, 30] {
                for k in [7, 8, 9, 639, 640, 641] {
                    if let failure = Self.mismatch(m: m, n: n, k: k, transposeA: false, transposeB: false, beta: 0,
                                                   padding: 0, rng: &rng) {
                        failures.append(failure)
                    }
                }
            }
        }
        #expect(failures.isEmpty, "the kit's GEMM rounds differently from OpenBLAS's Haswell kernel: \(failures.prefix(5))")
    }

    @Test("thin products (1 to 3 columns): every count of 16-row vectors in a block of 64 rows, each beta, both transpositions, several k blocks",
          .enabled(if: comparable, "needs OpenBLAS's Haswell kernel and a CPU with AVX-512"))
    func thinProducts() {
        var rng = RandomSource(seed: 15)
        var failures: [String] = []
        for n in 1...3 {
            for m in [1, 15, 16, 17, 33, 48, 63, 64, 65, 130] {
                for k in [1, 64, 321, 700] {
                    for beta: Float in [0, 1, 0.5] {
                        if let failure = Self.mismatch(m: m, n: n, k: k, transposeA: rng.bernoulli(0.5),
                                                       transposeB: rng.bernoulli(0.5), beta: beta,
                                                       padding: rng.index(below: 2), rng: &rng) {
                            failures.append(failure)
                        }
                    }
                }
            }
        }
        #expect(failures.isEmpty, "the kit's GEMM rounds differently from OpenBLAS's Haswell kernel: \(failures.prefix(5))")
    }

    @Test("products taller than one block of rows (104 512, Debian's GEMM_R): each block starts from zero or the bias",
          .enabled(if: comparable, "needs OpenBLAS's Haswell kernel and a CPU with AVX-512"))
    func tallProducts() {
        var rng = RandomSource(seed: 13)
        for (m, n, k, beta) in [(104_512 + 37, 8, 5, Float(0)), (2 * 104_512 + 3, 16, 3, 0), (104_600, 5, 4, 1)] {
            let failure = Self.mismatch(m: m, n: n, k: k, transposeA: false, transposeB: false, beta: beta, padding: 0, rng: &rng)
            #expect(failure == nil, "the kit's GEMM rounds differently from OpenBLAS's Haswell kernel: \(failure ?? "")")
        }
        let (m, n, k) = (104_512 + 11, 6, 4)
        let a = (0..<(m * k)).map { _ in rng.uniform(-1, 1) as Float }
        let b = (0..<(k * n)).map { _ in rng.uniform(-1, 1) as Float }
        let bias = (0..<n).map { _ in rng.uniform(-1, 1) as Float }
        let failure = Self.biasMismatch(m: m, n: n, k: k, transposeA: false, transposeB: false, a: a, b: b, bias: bias, relu: false)
        #expect(failure == nil, "onto bias rows, the kit's GEMM differs from OpenBLAS's: \(failure ?? "")")
    }

    @Test("a product onto bias rows rounds as OpenBLAS's onto rows set to the bias first",
          .enabled(if: comparable, "needs OpenBLAS's Haswell kernel and a CPU with AVX-512"))
    func productsOntoBias() {
        var rng = RandomSource(seed: 11)
        var failures: [String] = []
        for trial in 0..<200 {
            let m = 1 + rng.index(below: 150), n = 1 + rng.index(below: trial % 4 == 0 ? 500 : 80)
            let k = trial % 5 == 0 ? 1 + rng.index(below: 900) : 1 + rng.index(below: 80)
            let transposeA = rng.bernoulli(0.5), transposeB = rng.bernoulli(0.5)
            let a = (0..<(m * k)).map { _ in rng.uniform(-1, 1) as Float }
            let b = (0..<(k * n)).map { _ in rng.uniform(-1, 1) as Float }
            let bias = (0..<n).map { _ in rng.uniform(-1, 1) as Float }
            if let failure = Self.biasMismatch(m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB,
                                               a: a, b: b, bias: bias, relu: false) {
                failures.append(failure)
            }
        }
        #expect(failures.isEmpty, "onto bias rows, the kit's GEMM rounds differently: \(failures.prefix(5))")
    }

    @Test("a product onto bias rows with its ReLU: OpenBLAS's product onto the bias, then max(·, 0), every bit",
          .enabled(if: comparable, "needs OpenBLAS's Haswell kernel and a CPU with AVX-512"))
    func productsOntoBiasWithReLU() {
        var rng = RandomSource(seed: 14)
        var failures: [String] = []
        for trial in 0..<200 {
            // Thin products (fewer than 4 columns), long sums (the ReLU on the last k block only), k = 0.
            let m = 1 + rng.index(below: 150), n = 1 + rng.index(below: trial % 3 == 0 ? 3 : 80)
            let k = trial % 5 == 0 ? 321 + rng.index(below: 700) : trial % 17 == 0 ? 0 : 1 + rng.index(below: 80)
            let transposeA = rng.bernoulli(0.5), transposeB = rng.bernoulli(0.5)
            let a = (0..<(m * k)).map { _ in rng.uniform(-1, 1) as Float }
            let b = (0..<(k * n)).map { _ in rng.uniform(-1, 1) as Float }
            let bias = (0..<n).map { _ in rng.index(below: 8) == 0 ? -0.0 : rng.uniform(-1, 1) as Float }
            if let failure = Self.biasMismatch(m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB,
                                               a: a, b: b, bias: bias, relu: true) {
                failures.append(failure)
            }
        }
        #expect(failures.isEmpty, "onto bias rows with the ReLU, the kit's GEMM differs from OpenBLAS's then max(·, 0): \(failures.prefix(5))")
    }

    @Test("Matrix.affine is the product onto rows set to the bias, whoever computes it")
    func affineMatchesPrefilledProduct() {
        var rng = RandomSource(seed: 12)
        for (m, k, n) in [(1, 3, 64), (128, 64, 64), (37, 700, 19), (5, 10, 2), (0, 4, 4), (3, 0, 5)] {
            let x = Matrix.randomNormal(m, k, rng: &rng), w = Matrix.randomNormal(k, n, rng: &rng)
            let bias = Matrix.randomNormal(1, n, rng: &rng)
            var expected = Matrix(rows: m, cols: n, values: (0..<m).flatMap { _ in bias.scalars })
            Matrix.gemm(x, w, into: &expected, beta: 1)
            let affine = Matrix.affine(x, w, bias: bias)
            #expect(affine.scalars.map(\.bitPattern) == expected.scalars.map(\.bitPattern), "\(m)×\(k)·\(k)×\(n)")
            let rectified = Matrix.affine(x, w, bias: bias, relu: true)
            #expect(rectified.scalars.map(\.bitPattern) == expected.relu().scalars.map(\.bitPattern),
                    "with relu: \(m)×\(k)·\(k)×\(n)")
        }
    }

    @Test("the kit multiplies with it where it can, and says so",
          .enabled(if: comparable && ProcessInfo.processInfo.environment["KIT_GEMM"] == nil,
                   "needs OpenBLAS's Haswell kernel, a CPU with AVX-512 and KIT_GEMM unset"))
    func engineIsNamed() {
        #expect(BLASKernel.usesKitGEMM && BLASKernel.gemmEngine.hasPrefix("the kit's AVX-512 GEMM"),
                "engine: \(BLASKernel.gemmEngine)")
        #expect(BLASKernel.summary.contains("products: \(BLASKernel.gemmEngine)"))
    }
}
