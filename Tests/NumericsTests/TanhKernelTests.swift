import Foundation
import Numerics
import Testing

/// The vectorised tanh (`Sources/CKernels/Tanh.c`): within 2 ulp of the exact value everywhere,
/// exact at the special values, and the same bits at every vector width.
@Suite struct TanhKernelTests {
    /// Units in the last place between `a` and `b` (same sign assumed; 0 when equal).
    static func ulps(_ a: Float, _ b: Float) -> Int {
        if a == b { return 0 }
        let ia = Int64(Int32(bitPattern: a.bitPattern)), ib = Int64(Int32(bitPattern: b.bitPattern))
        return Int(abs(ia - ib))
    }

    /// Inputs across the whole range: dense near the branch point 0.625 and the clamp at 10,
    /// tiny values, and large ones, both signs.
    static let inputs: [Float] = {
        var xs: [Float] = []
        var x: Float = 1e-30
        while x < 20 { xs.append(x); x = x.nextUp.nextUp.nextUp * 1.0003 }
        for centre: Float in [0.625, 10] {
            var y = centre
            for _ in 0..<2000 { xs.append(y); y = y.nextDown }
            y = centre
            for _ in 0..<2000 { xs.append(y); y = y.nextUp }
        }
        xs += [Float.leastNonzeroMagnitude, Float.leastNormalMagnitude, 0.5, 1, 2, 5, 9.01, 50, 1e10]
        return xs + xs.map { -$0 }
    }()

    @Test("within 2 ulp of the correctly rounded tanh over the whole range, both signs")
    func accuracy() {
        let x = Matrix(rows: 1, cols: Self.inputs.count, values: Self.inputs)
        let y = x.tanh().scalars
        var worst = (ulps: 0, at: Float(0))
        for (xi, yi) in zip(Self.inputs, y) {
            let exact = Float(Foundation.tanh(Double(xi)))
            let error = Self.ulps(yi, exact)
            if error > worst.ulps { worst = (error, xi) }
        }
        #expect(worst.ulps <= 2, "tanh(\(worst.at)) is \(worst.ulps) ulp from the correctly rounded value")
        #expect(Self.inputs.count > 400_000)
    }

    @Test("special values: ±0 keep their sign, ±∞ give ±1, NaN stays NaN")
    func specialValues() {
        let x = Matrix(rows: 1, cols: 5, values: [0, -0.0, .infinity, -.infinity, .nan])
        let y = x.tanh().scalars
        #expect(y[0] == 0 && y[0].sign == .plus)
        #expect(y[1] == 0 && y[1].sign == .minus)
        #expect(y[2] == 1 && y[3] == -1)
        #expect(y[4].isNaN)
    }

    @Test("16, 8 and 4 lanes give the same bits, the last few entries included")
    func everyWidth() {
        var rng = RandomSource(seed: 7)
        let values: [Float] = (0..<1037).map { _ in Float(rng.normal(mean: 0.0, std: 3.0) as Double) }
        let x = Matrix(rows: 17, cols: 61, values: values)
        var results: [[UInt32]] = []
        for lanes in [16, 8, 4] {
            Matrix.limitTanhLanes(lanes)
            results.append(x.tanh().scalars.map { $0.bitPattern })
        }
        Matrix.limitTanhLanes(16)
        #expect(results[0] == results[1] && results[1] == results[2])
    }
}
