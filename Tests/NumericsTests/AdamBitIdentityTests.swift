import Foundation
import NeuralNetworks
import Numerics
import Testing

/// Adam's update runs in C at the CPU's vector width (16, 8 or 4 lanes). These tests pin it, bit for
/// bit, to the kit's earlier Swift loop of four lanes, kept here as the reference: the lessons'
/// numbers must not move when the update gets faster.
@Suite("Adam: bit-identical to the four-lane Swift update")
struct AdamBitIdentityTests {
    /// The earlier update: four lanes with the Newton-refined square root, then the remainder
    /// with the correctly rounded one.
    static func referenceUpdate(theta: inout [Float], m: inout [Float], v: inout [Float], g: [Float],
                                stepSize: Float, inverseRootCorrection2: Float,
                                beta1: Float, beta2: Float, epsilon: Float) {
        let count = theta.count
        var k = 0
        while k + 4 <= count {
            let gk = SIMD4(g[k..<k + 4])
            let mk = beta1 * SIMD4(m[k..<k + 4]) + (1 - beta1) * gk
            let vk = beta2 * SIMD4(v[k..<k + 4]) + (1 - beta2) * gk * gk
            let tk = SIMD4(theta[k..<k + 4]) - stepSize * mk / (squareRoot(vk) * inverseRootCorrection2 + epsilon)
            for j in 0..<4 { m[k + j] = mk[j]; v[k + j] = vk[j]; theta[k + j] = tk[j] }
            k += 4
        }
        while k < count {
            let gk = g[k]
            let mk = beta1 * m[k] + (1 - beta1) * gk
            let vk = beta2 * v[k] + (1 - beta2) * gk * gk
            m[k] = mk
            v[k] = vk
            theta[k] -= stepSize * mk / (vk.squareRoot() * inverseRootCorrection2 + epsilon)
            k += 1
        }
    }

    static func squareRoot(_ v: SIMD4<Float>) -> SIMD4<Float> {
        let bits = unsafeBitCast(v, to: SIMD4<UInt32>.self)
        var y = unsafeBitCast(0x5f37_59df &- (bits &>> 1), to: SIMD4<Float>.self)
        let half = 0.5 * v
        y = y * (1.5 - half * y * y)
        y = y * (1.5 - half * y * y)
        y = y * (1.5 - half * y * y)
        return v * y
    }

    @Test("every vector width this CPU has, every size from 1 to 70 and a 256×256 weight, over 25 steps")
    func everyWidth() {
        defer { Adam.limitVectorLanes(to: 16) }
        var widths: Set<Int> = []
        for lanes in [4, 8, 16] {
            let used = Adam.limitVectorLanes(to: lanes)
            guard widths.insert(used).inserted else { continue }
            for count in Array(1...70) + [256 * 256 + 3] { sameBits(count: count) }
        }
        #expect(widths.contains(4))
    }

    /// Runs 25 Adam steps on a parameter of `count` entries, with tiny and huge gradients, and
    /// compares the bits with the reference's.
    func sameBits(count: Int) {
        var rng = RandomSource(seed: UInt64(count))
        let start = Matrix.randomNormal(1, count, rng: &rng)
        let parameter = Parameter(start, name: "p")
        let adam = Adam(parameters: [parameter], learningRate: 3e-3)
        var theta = start.scalars, m = [Float](repeating: 0, count: count), v = m
        for step in 1...25 {
            // Gradients over many scales, some exactly zero, so that v spans tiny to large values.
            let scale = Float(pow(10.0, Double(step % 7) * 2 - 6))
            var g = Matrix.randomNormal(1, count, rng: &rng).scalars.map { $0 * scale }
            if step % 5 == 0 { for i in stride(from: 0, to: count, by: 3) { g[i] = 0 } }
            adam.step([Matrix(rows: 1, cols: count, values: g)])
            let t = Float(step)
            let stepSize = adam.learningRate / (1 - Foundation.pow(adam.beta1, t))
            let inverseRootCorrection2 = 1 / (1 - Foundation.pow(adam.beta2, t)).squareRoot()
            Self.referenceUpdate(theta: &theta, m: &m, v: &v, g: g, stepSize: stepSize,
                                 inverseRootCorrection2: inverseRootCorrection2,
                                 beta1: adam.beta1, beta2: adam.beta2, epsilon: adam.epsilon)
        }
        let got = parameter.value.scalars
        let differing = zip(got, theta).filter { $0.bitPattern != $1.bitPattern }.count
        #expect(differing == 0, "\(differing) of \(count) entries differ in their bits (\(Adam.vectorLanes) lanes)")
    }

    @Test("a live graph keeps the value it was built with; the parameter gets the new one")
    func liveGraphKeepsOldValue() {
        let parameter = Parameter(Matrix(rowVector: [1, 2, 3, 4, 5]), name: "p")
        let adam = Adam(parameters: [parameter], learningRate: 0.1)
        let loss = (parameter.tensor * parameter.tensor).sum()
        adam.step(loss.gradients(for: [parameter]))
        #expect(parameter.value.scalars.allSatisfy { $0 < 5.1 } && parameter.value.scalars[0] < 1)
        // The graph's backward pass still uses the values of its forward pass: ∂/∂p of Σp² = 2p.
        #expect(loss.gradients(for: [parameter])[0].scalars == [2, 4, 6, 8, 10])
    }
}
