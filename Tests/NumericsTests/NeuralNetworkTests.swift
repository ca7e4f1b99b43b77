import Foundation
import NeuralNetworks
import Numerics
import Testing

@Test func mlpGradientMatchesFiniteDifferences() {
    var rng = RandomSource(seed: 3)
    let mlp = MLP(sizes: [3, 5, 4, 2], activation: .tanh, rng: &rng)
    let x = Matrix.randomNormal(6, 3, rng: &rng)
    let y = Matrix.randomNormal(6, 2, rng: &rng)
    let inputs = mlp.parameters.map(\.value)
    // Re-run the same network with the parameter values given as inputs.
    let error = gradientCheckError(inputs) { params in
        var h = Tensor(x)
        for layer in 0..<3 {
            h = linear(h, weight: params[2 * layer], bias: params[2 * layer + 1])
            if layer < 2 { h = tanh(h) }
        }
        return mseLoss(h, Tensor(y))
    }
    #expect(error < gradientTolerance)
    // And the layer's own forward pass gives the same loss.
    let direct = mseLoss(mlp(x), Tensor(y)).scalar
    var h = Tensor(x)
    for (i, layer) in mlp.layers.enumerated() {
        h = linear(h, weight: layer.weight.tensor, bias: layer.bias.tensor)
        if i < 2 { h = tanh(h) }
    }
    #expect(direct == mseLoss(h, Tensor(y)).scalar)
}

@Test func linearInitialisationIsWithinPyTorchBounds() {
    var rng = RandomSource(seed: 0)
    let layer = Linear(inputSize: 16, outputSize: 8, rng: &rng)
    #expect(layer.weight.value.max() <= 0.25 && layer.weight.value.min() >= -0.25)
    #expect(layer.bias.value.max() <= 0.25 && layer.bias.value.min() >= -0.25)
    #expect(layer.weight.value.max() > 0.2)
}

@Test func adamMatchesHandComputedSteps() {
    // Seven entries: the SIMD part (four at a time) and the scalar remainder are both checked.
    let start: [Float] = [1, -2, 0.5, 3, -1, 2, 0]
    let g1: [Float] = [0.5, -1, 2, -0.25, 1, 0.1, -3]
    let g2: [Float] = [1, 1, -1, 0.5, 0, 2, 1]
    let p = Parameter(Matrix(rowVector: start), name: "p")
    let adam = Adam(parameters: [p], learningRate: 0.1)
    adam.step([Matrix(rowVector: g1)])
    // Step 1: m̂ = g, v̂ = g², so the step is lr·g/(|g| + ε) ≈ lr·sign(g).
    for k in 0..<7 {
        #expect(abs(p.value[0, k] - (start[k] - 0.1 * (g1[k] > 0 ? 1 : -1))) < 1e-6)
    }
    adam.step([Matrix(rowVector: g2)])
    for k in 0..<7 {
        let (a, b) = (Double(g1[k]), Double(g2[k]))
        let m = 0.9 * (0.1 * a) + 0.1 * b
        let v = 0.999 * (0.001 * a * a) + 0.001 * b * b
        let mHat = m / (1 - 0.81), vHat = v / (1 - 0.999 * 0.999)
        let afterFirst = Double(start[k]) - 0.1 * (a > 0 ? 1 : -1)
        let expected = afterFirst - 0.1 * mHat / (vHat.squareRoot() + 1e-8)
        #expect(abs(Double(p.value[0, k]) - expected) < 1e-5, "entry \(k)")
    }
}

@Test func sgdWithMomentum() {
    let p = Parameter(Matrix(scalar: 1), name: "p")
    let sgd = SGD(parameters: [p], learningRate: 0.1, momentum: 0.9)
    sgd.step([Matrix(scalar: 1)])   // v = 1, p = 0.9
    sgd.step([Matrix(scalar: 1)])   // v = 1.9, p = 0.71
    #expect(abs(p.value.scalar - 0.71) < 1e-6)
}

@Test func clippingScalesToTheMaximumNorm() {
    var grads = [Matrix(rowVector: [3, 0]), Matrix(scalar: 4)]
    let before = clipGlobalNorm(&grads, maxNorm: 1)
    #expect(abs(before - 5) < 1e-6)
    #expect(abs(globalNorm(grads) - 1) < 1e-4)
}

/// Fits y = 2x + 1 with a linear layer and Adam; returns the layer.
func fitLine(seed: UInt64, steps: Int = 1500) -> Linear {
    var rng = RandomSource(seed: seed)
    let layer = Linear(inputSize: 1, outputSize: 1, rng: &rng)
    let adam = Adam(parameters: layer.parameters, learningRate: 0.05)
    for _ in 0..<steps {
        let x = Matrix.randomUniform(32, 1, low: -1, high: 1, rng: &rng)
        let loss = mseLoss(layer(x), Tensor(x * 2 + 1))
        adam.step(loss.gradients(for: adam.parameters))
    }
    return layer
}

@Test func regressionLearnsALine() {
    let layer = fitLine(seed: 5)
    #expect(abs(layer.weight.value.scalar - 2) < 1e-2)
    #expect(abs(layer.bias.value.scalar - 1) < 1e-2)
}

@Test func mlpRegressionReducesTheLoss() throws {
    var rng = RandomSource(seed: 8)
    let net = MLP(sizes: [1, 32, 32, 1], activation: .relu, rng: &rng)
    let adam = Adam(parameters: net.parameters, learningRate: 3e-3)
    let x = Matrix.randomUniform(128, 1, low: -2, high: 2, rng: &rng)
    let y = x.map { $0 * $0 }
    let first = mseLoss(net(x), Tensor(y)).scalar
    var last = first
    for _ in 0..<800 {
        let loss = mseLoss(net(x), Tensor(y))
        try loss.checkFinite("regression loss")
        adam.step(loss.gradients(for: net.parameters))
        last = loss.scalar
    }
    #expect(last < first * 0.05)
}

@Test func trainingIsDeterministicForASeed() {
    let a = fitLine(seed: 11, steps: 50), b = fitLine(seed: 11, steps: 50), c = fitLine(seed: 12, steps: 50)
    #expect(a.weight.value == b.weight.value && a.bias.value == b.bias.value)
    #expect(a.weight.value != c.weight.value)
}

@Test func copyIsDeepAndPolyakMovesTowardsTheSource() {
    var rng = RandomSource(seed: 2)
    let source = MLP(sizes: [2, 3, 1], rng: &rng)
    let target = source.copy()
    #expect(target.parameters[0].value == source.parameters[0].value)
    source.parameters[0].value = source.parameters[0].value + 1
    #expect(target.parameters[0].value != source.parameters[0].value)
    let before = target.parameters[0].value
    polyakUpdate(target: target, source: source, tau: 0.25)
    let expected = before * 0.75 + source.parameters[0].value * 0.25
    #expect((target.parameters[0].value - expected).map(abs).max() < 1e-6)
    target.copyParameters(from: source)
    #expect(target.parameters[0].value == source.parameters[0].value)
}

@Test func weightsRoundTripAndRefuseAWrongFile() throws {
    var rng = RandomSource(seed: 4)
    let net = MLP(sizes: [3, 8, 2], rng: &rng, name: "actor")
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("numerics-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("actor.json")
    try net.saveWeights(to: url)

    let other = MLP(sizes: [3, 8, 2], rng: &rng, name: "actor")
    #expect(other.parameters[0].value != net.parameters[0].value)
    try other.loadWeights(from: url)
    for (a, b) in zip(other.parameters, net.parameters) { #expect(a.value == b.value) }

    let wider = MLP(sizes: [3, 9, 2], rng: &rng, name: "actor")
    #expect(throws: WeightsFileError.shapeMismatch(name: "actor.0.weight", expected: "3×9", found: "3×8 (24 values)")) {
        try wider.loadWeights(from: url)
    }
    let renamed = MLP(sizes: [3, 8, 2], rng: &rng, name: "critic")
    #expect(throws: WeightsFileError.missingParameter(name: "critic.0.weight", path: url.path)) {
        try renamed.loadWeights(from: url)
    }
    let garbage = directory.appendingPathComponent("garbage.json")
    try Data("hello".utf8).write(to: garbage)
    #expect(throws: WeightsFileError.notAWeightsFile(path: garbage.path)) { try net.loadWeights(from: garbage) }
    #expect(throws: WeightsFileError.self) { try net.loadWeights(from: directory.appendingPathComponent("none.json")) }
}
