import NeuralNetworks
import Numerics
import Testing

/// The ReLU kernels (`Sources/CKernels/Relu.c`) and the dense layer with its ReLU in one operation
/// (`linearReLU`): the same bits as the Swift they replaced, on every vector width.
@Suite struct ReLUKernelTests {
    /// Random values with the special ones mixed in, `count` of them (not a multiple of 16: the tail counts).
    static func values(_ count: Int, seed: UInt64) -> [Float] {
        var rng = RandomSource(seed: seed)
        let special: [Float] = [0, -0.0, .nan, -.nan, .infinity, -.infinity, .leastNonzeroMagnitude,
                                -.leastNonzeroMagnitude, .greatestFiniteMagnitude, -1, 1]
        return (0..<count).map { i in i % 7 == 3 ? special[(i / 7) % special.count] : Float(rng.normal(mean: 0.0, std: 2.0) as Double) }
    }

    /// The first entry where `actual` and `expected` differ in their bits, described; nil when every bit agrees.
    static func firstDifference(_ actual: [Float], _ expected: [Float], inputs: [Float]? = nil) -> String? {
        guard actual.count == expected.count else { return "\(actual.count) entries, expected \(expected.count)" }
        guard let i = actual.indices.first(where: { actual[$0].bitPattern != expected[$0].bitPattern }) else { return nil }
        return "entry \(i)" + (inputs.map { " (input \($0[i]))" } ?? "") + " is \(actual[i]), expected \(expected[i])"
    }

    @Test("relu keeps x where x > 0 and NaN, gives +0 for −0 and negatives, as Swift.max(x, 0), on 16, 8 and 4 lanes")
    func forwardMatchesSwiftMax() {
        let v = Self.values(1_037, seed: 1)
        let x = Matrix(rows: 17, cols: 61, values: v)
        let expected = v.map { Swift.max($0, 0) }
        for lanes in [16, 8, 4] {
            Matrix.limitReLULanes(lanes)
            let difference = Self.firstDifference(x.relu().scalars, expected, inputs: v)
            #expect(difference == nil, "relu on \(lanes) lanes: \(difference ?? "")")
        }
        Matrix.limitReLULanes(16)
        let y = Matrix(rows: 1, cols: 3, values: [-0.0, .nan, -2]).relu().scalars
        #expect(y[0] == 0 && y[0].sign == .plus, "relu(−0) must be +0, as Swift.max(−0, 0)")
        #expect(y[1].isNaN && y[2] == 0)
    }

    @Test("relu's backward keeps g where the output is positive and gives +0 elsewhere, on 16, 8 and 4 lanes")
    func backwardMatchesTheMask() {
        let g = Matrix(rows: 17, cols: 61, values: Self.values(1_037, seed: 2))
        let y = Matrix(rows: 17, cols: 61, values: Self.values(1_037, seed: 3)).relu()
        let expected = zip(g.scalars, y.scalars).map { $1 > 0 ? $0 : 0 }
        for lanes in [16, 8, 4] {
            Matrix.limitReLULanes(lanes)
            let difference = Self.firstDifference(Matrix.reluGradient(g, output: y).scalars, expected, inputs: y.scalars)
            #expect(difference == nil, "relu's backward on \(lanes) lanes: \(difference ?? "") (input: the output)")
        }
        Matrix.limitReLULanes(16)
    }

    @Test("linearReLU gives relu(linear(x)) bit for bit: the output and the gradients of x, W and b")
    func fusedLayerMatchesTwoSteps() {
        var rng = RandomSource(seed: 4)
        for (rows, inputs, outputs) in [(1, 3, 64), (100, 14, 64), (1000, 17, 64), (37, 64, 3), (5, 64, 1)] {
            let x = Tensor(Matrix.randomNormal(rows, inputs, rng: &rng))
            let w = Tensor(Matrix.randomNormal(inputs, outputs, std: 0.3, rng: &rng))
            let b = Tensor(Matrix.randomNormal(1, outputs, std: 0.3, rng: &rng))
            let seed = Matrix.randomNormal(rows, outputs, rng: &rng)
            let twoSteps = relu(linear(x, weight: w, bias: b))
            let fused = linearReLU(x, weight: w, bias: b)
            let shape = "\(rows)×\(inputs)·\(inputs)×\(outputs)"
            let output = Self.firstDifference(fused.value.scalars, twoSteps.value.scalars)
            #expect(output == nil, "linearReLU's output differs from relu(linear(x)) at \(shape): \(output ?? "")")
            let expected = twoSteps.gradients(for: [x, w, b], seed: seed)
            let actual = fused.gradients(for: [x, w, b], seed: seed)
            for (name, e, a) in zip3(["x", "W", "b"], expected, actual) {
                let difference = Self.firstDifference(a.scalars, e.scalars)
                #expect(difference == nil, "linearReLU's gradient of \(name) differs from relu(linear(x))'s at \(shape): \(difference ?? "")")
            }
        }
    }

    @Test("an MLP's ReLU layers give what relu(layer(x)) gives, the output layer's too")
    func mlpMatchesLayerByLayer() {
        var rng = RandomSource(seed: 5)
        let mlp = MLP(sizes: [5, 16, 16, 2], activation: .relu, outputActivation: .relu, rng: &rng)
        let x = Tensor(Matrix.randomNormal(9, 5, rng: &rng))
        var expected = x
        for layer in mlp.layers { expected = relu(layer(expected)) }
        let difference = Self.firstDifference(mlp(x).value.scalars, expected.value.scalars)
        #expect(difference == nil, "the MLP differs from relu(layer(x)) layer by layer: \(difference ?? "")")
    }

    private func zip3<A, B, C>(_ a: [A], _ b: [B], _ c: [C]) -> [(A, B, C)] {
        zip(a, zip(b, c)).map { ($0, $1.0, $1.1) }
    }
}
