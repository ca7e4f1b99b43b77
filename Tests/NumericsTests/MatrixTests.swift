import Numerics
import Testing

@Test func matrixBasics() {
    var a = Matrix([[1, 2, 3], [4, 5, 6]])
    #expect(a.rows == 2 && a.cols == 3)
    a[0, 1] = 20
    #expect(a.row(0) == [1, 20, 3])
    #expect(a.column(2) == [3, 6])
    #expect(a.transposed() == Matrix([[1, 4], [20, 5], [3, 6]]))
    #expect(a.rows([1, 0, 1]).row(2) == [4, 5, 6])
    #expect(a.columns(1..<3) == Matrix([[20, 3], [5, 6]]))
    #expect(Matrix.concatenatingColumns([a.columns(0..<1), a.columns(1..<3)]) == a)
    #expect((a + Matrix(rowVector: [1, 1, 1])).row(1) == [5, 6, 7])
    #expect((a * Matrix(columnVector: [2, 0])).row(1) == [0, 0, 0])
    #expect(a.columnSums() == Matrix(rowVector: [5, 25, 9]))
    #expect(a.rowSums() == Matrix(columnVector: [24, 15]))
    #expect(a.argmaxOfEachRow() == [1, 2])
    #expect(a.max() == 20 && a.sum() == 39)
}

@Test func copyOnWriteKeepsValueSemantics() {
    let a = Matrix.ones(2, 2)
    var b = a
    b[0, 0] = 5
    #expect(a[0, 0] == 1 && b[0, 0] == 5)
}

/// `Matrix` shares one storage block between copies: every way of changing a matrix must first give
/// it a block of its own, and leave the other copies as they were.
@Test func everyMutationLeavesTheOtherCopiesAlone() {
    let original = Matrix([[1, 2], [3, 4]])
    var viaSubscript = original, viaApply = original, viaAdd = original, viaPointer = original
    var viaPlusEquals = original, viaScale = original, viaGEMM = original
    viaSubscript[1, 1] = 40
    viaApply.apply { $0 * 10 }
    viaAdd.add(original, scaledBy: 2)
    viaPointer.withUnsafeMutableBufferPointer { $0[0] = -1 }
    viaPlusEquals += viaPlusEquals
    viaScale *= 3
    Matrix.gemm(original, original, into: &viaGEMM, beta: 1)
    #expect(original == Matrix([[1, 2], [3, 4]]), "a change to a copy reached the original")
    #expect(viaSubscript == Matrix([[1, 2], [3, 40]]))
    #expect(viaApply == Matrix([[10, 20], [30, 40]]))
    #expect(viaAdd == Matrix([[3, 6], [9, 12]]))
    #expect(viaPointer == Matrix([[-1, 2], [3, 4]]))
    #expect(viaPlusEquals == Matrix([[2, 4], [6, 8]]))
    #expect(viaScale == Matrix([[3, 6], [9, 12]]))
    #expect(viaGEMM == Matrix([[8, 12], [18, 26]]))
    // A reshaped matrix shares the block until one of the two changes.
    var reshaped = original.reshaped(1, 4)
    reshaped[0, 3] = 0
    #expect(original[1, 1] == 4 && reshaped == Matrix(rowVector: [1, 2, 3, 0]))
    // Equality compares entries, not blocks; NaN is unequal to a separately built NaN.
    #expect(Matrix(scalar: .nan) != Matrix(scalar: .nan))
    #expect(Matrix(rows: 0, cols: 3) == Matrix(rows: 0, cols: 3) && Matrix(rows: 0, cols: 3) != Matrix(rows: 3, cols: 0))
}

@Test func gemmMatchesNaiveLoop() {
    var rng = RandomSource(seed: 7)
    for (m, k, n) in [(3, 5, 4), (17, 33, 9), (64, 64, 64)] {
        let a = Matrix.randomNormal(m, k, rng: &rng)
        let b = Matrix.randomNormal(k, n, rng: &rng)
        var naive = Matrix.zeros(m, n)
        for i in 0..<m { for j in 0..<n {
            var s: Double = 0
            for t in 0..<k { s += Double(a[i, t]) * Double(b[t, j]) }
            naive[i, j] = Float(s)
        } }
        let blas = a.matmul(b)
        #expect((blas - naive).map(abs).max() < 1e-4)
        let viaTransposes = a.transposed().matmul(b.transposed(), transposeSelf: true, transposeOther: true)
        #expect((viaTransposes - naive).map(abs).max() < 1e-4)
        var acc = naive
        Matrix.gemm(a, b, into: &acc, beta: 1)
        #expect((acc - 2 * naive).map(abs).max() < 1e-4)
    }
}

@Test func finiteCheck() {
    #expect(Matrix.ones(3, 3).isFinite)
    var m = Matrix.ones(3, 3)
    m[1, 2] = .nan
    #expect(!m.isFinite)
    m[1, 2] = -.infinity
    #expect(!m.isFinite)
}

/// OpenBLAS's thread count is one setting for the whole process: changed here, it would change how
/// products in tests running at the same time are split and rounded. So this runs in a child process.
@Test("a BLAS thread count chosen before the first product is kept (the one-thread default does not override it)")
func blasThreadChoiceIsKept() async {
    await #expect(processExitsWith: .success) {
        Matrix.setBLASThreads(2)
        let product = Matrix([[1, 2], [3, 4]]).matmul(Matrix([[1, 0], [0, 1]]))
        #expect(product == Matrix([[1, 2], [3, 4]]))
        #expect(Matrix.blasThreads == 2, "OpenBLAS reports \(Matrix.blasThreads) threads after setBLASThreads(2)")
        #expect(!BLASKernel.usesKitGEMM, "the kit's GEMM is used on two BLAS threads")
        Matrix.setBLASThreads(1)
        #expect(Matrix.blasThreads == 1)
    }
}

@Test("mean and standard deviation over runs: population and sample, one value, no values")
func meanAndStandardDeviationOverRuns() {
    let population = meanAndStandardDeviation(of: [1, 2, 3, 4])
    #expect(population.mean == 2.5 && abs(population.std - 1.25.squareRoot()) < 1e-12)
    let sample = meanAndStandardDeviation(of: [1, 2, 3, 4], kind: .sample)
    #expect(sample.mean == 2.5 && abs(sample.std - (5.0 / 3).squareRoot()) < 1e-12)
    #expect(meanAndStandardDeviation(of: [7], kind: .sample) == (7, 0))
    #expect(meanAndStandardDeviation(of: [7]) == (7, 0))
    let none = meanAndStandardDeviation(of: [])
    #expect(none.mean.isNaN && none.std.isNaN)
}
