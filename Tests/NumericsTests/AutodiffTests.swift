import Numerics
import Testing

/// Tolerance on the relative error of a Float32 central-difference gradient check.
let gradientTolerance: Float = 2e-2

/// One named operation to check, with its inputs.
struct OpCase: CustomStringConvertible, Sendable {
    let name: String
    let shapes: [(Int, Int)]
    let positive: Bool
    let f: @Sendable ([Tensor]) -> Tensor
    var description: String { name }
    init(_ name: String, _ shapes: [(Int, Int)], positive: Bool = false, _ f: @escaping @Sendable ([Tensor]) -> Tensor) {
        self.name = name; self.shapes = shapes; self.positive = positive; self.f = f
    }
}

let opCases: [OpCase] = [
    OpCase("add", [(3, 4), (3, 4)]) { $0[0] + $0[1] },
    OpCase("add row bias", [(3, 4), (1, 4)]) { $0[0] + $0[1] },
    OpCase("add column", [(3, 4), (3, 1)]) { $0[0] + $0[1] },
    OpCase("sub scalar tensor", [(3, 4), (1, 1)]) { $0[0] - $0[1] },
    OpCase("sub broadcast left", [(1, 4), (3, 4)]) { $0[0] - $0[1] },
    OpCase("mul", [(3, 4), (3, 4)]) { $0[0] * $0[1] },
    OpCase("mul row", [(3, 4), (1, 4)]) { $0[0] * $0[1] },
    OpCase("div", [(3, 4), (3, 4)], positive: true) { $0[0] / $0[1] },
    OpCase("div column", [(3, 4), (3, 1)], positive: true) { $0[0] / $0[1] },
    OpCase("negate", [(2, 3)]) { -$0[0] },
    OpCase("scalar ops", [(2, 3)]) { (2 - $0[0] * 3 + 1) / 4 },
    OpCase("scalar divided by", [(2, 3)], positive: true) { 2 / $0[0] },
    OpCase("square", [(2, 3)]) { square($0[0]) },
    OpCase("sqrt", [(2, 3)], positive: true) { sqrt($0[0]) },
    OpCase("exp", [(2, 3)]) { exp($0[0]) },
    OpCase("log", [(2, 3)], positive: true) { log($0[0]) },
    OpCase("pow", [(2, 3)], positive: true) { pow($0[0], 1.5) },
    OpCase("abs", [(2, 3)]) { abs($0[0]) },
    OpCase("minimum", [(3, 2), (3, 2)]) { minimum($0[0], $0[1]) },
    OpCase("maximum", [(3, 2), (3, 2)]) { maximum($0[0], $0[1]) },
    OpCase("matmul", [(3, 4), (4, 2)]) { $0[0].matmul($0[1]) },
    OpCase("transpose", [(3, 4)]) { $0[0].transposed() },
    OpCase("linear", [(5, 3), (3, 4), (1, 4)]) { linear($0[0], weight: $0[1], bias: $0[2]) },
    OpCase("relu", [(3, 4)]) { relu($0[0]) },
    OpCase("leakyRelu", [(3, 4)]) { leakyRelu($0[0], slope: 0.2) },
    OpCase("tanh", [(3, 4)]) { tanh($0[0]) },
    OpCase("sigmoid", [(3, 4)]) { sigmoid($0[0]) },
    OpCase("softplus", [(3, 4)]) { softplus($0[0] * 5) },
    OpCase("logSigmoid", [(3, 4)]) { logSigmoid($0[0] * 5) },
    OpCase("clamp", [(3, 4)]) { clamp($0[0], min: -0.55, max: 0.65) },
    OpCase("sum", [(3, 4)]) { $0[0].sum() },
    OpCase("mean", [(3, 4)]) { $0[0].mean() },
    OpCase("rowSums", [(3, 4)]) { $0[0].rowSums() },
    OpCase("rowMeans", [(3, 4)]) { $0[0].rowMeans() },
    OpCase("columnSums", [(3, 4)]) { $0[0].columnSums() },
    OpCase("columnMeans", [(3, 4)]) { $0[0].columnMeans() },
    OpCase("logSumExp", [(3, 4)]) { ($0[0] * 3).logSumExp() },
    OpCase("softmax", [(3, 4)]) { $0[0].softmax() },
    OpCase("logSoftmax", [(3, 4)]) { $0[0].logSoftmax() },
    OpCase("columns", [(3, 5)]) { $0[0].columns(1..<4) },
    OpCase("rows gather", [(4, 3)]) { $0[0].rows([2, 0, 2, 3]) },
    OpCase("entries", [(3, 4)]) { $0[0].entries(atColumns: [1, 3, 1]) },
    OpCase("reshape", [(3, 4)]) { $0[0].reshaped(2, 6) },
    OpCase("concatenateColumns", [(3, 2), (3, 3)]) { concatenateColumns([$0[0], $0[1]]) },
    OpCase("concatenateRows", [(1, 3), (2, 3)]) { concatenateRows([$0[0], $0[1]]) },
    OpCase("mseLoss", [(4, 2), (4, 2)]) { mseLoss($0[0], $0[1]) },
    OpCase("binaryCrossEntropy", [(4, 1)]) {
        binaryCrossEntropy(logits: $0[0] * 3, labels: Matrix(columnVector: [1, 0, 0, 1]))
    },
    OpCase("shared subgraph", [(3, 3)]) { x in
        let h = tanh(x[0])
        return h * h + h.matmul(h)
    },
]

@Test(arguments: opCases)
func operationGradientMatchesFiniteDifferences(_ op: OpCase) {
    var rng = RandomSource(seed: 1)
    let inputs = op.shapes.map { shape in
        op.positive
            ? Matrix.randomUniform(shape.0, shape.1, low: 0.5, high: 2, rng: &rng)
            : awayFromZero(shape.0, shape.1, rng: &rng)
    }
    let error = gradientCheckError(inputs, op.f)
    #expect(error < gradientTolerance, "\(op.name): relative error \(error)")
}

@Test func gradientsOnlyFlowToRequestedInputs() {
    // Like BCQ's actor step: differentiate Q(s, actor(s)) for the actor only.
    let actorWeight = Tensor(Matrix([[0.5], [-1]]))
    let criticWeight = Tensor(Matrix([[2]]))
    let state = Tensor(Matrix([[1, 2]]))
    let action = state.matmul(actorWeight)
    let q = action.matmul(criticWeight)
    let grads = q.sum().gradients(for: [actorWeight])
    #expect(grads.count == 1)
    #expect(grads[0] == Matrix([[2], [4]]))
    // An input the loss does not depend on gets zeros.
    let unrelated = Tensor(Matrix.ones(2, 2))
    #expect(q.sum().gradient(for: unrelated) == Matrix.zeros(2, 2))
    // Gradients with respect to an intermediate tensor (dQ/da for DDPG).
    #expect(q.sum().gradient(for: action) == Matrix([[2]]))
}

@Test func sharedSubgraphAccumulates() {
    let x = Tensor(Matrix(scalar: 3))
    let y = x * x + x          // dy/dx = 2x + 1 = 7
    #expect(y.gradient(for: x).scalar == 7)
    let z = y * y               // dz/dx = 2y · 7 = 2 · 12 · 7
    #expect(z.gradient(for: x).scalar == 168)
}

@Test func detachStopsGradients() {
    let x = Tensor(Matrix(scalar: 2))
    let y = x * x.detached()
    #expect(y.gradient(for: x).scalar == 2)
}

@Test func stableFunctionsStayFiniteForLargeLogits() throws {
    let z = Tensor(Matrix(rowVector: [-200, -30, 0, 30, 200]))
    let values = logSigmoid(z).value
    #expect(values.isFinite)
    #expect(abs(values[0, 0] + 200) < 1e-3 && abs(values[0, 4]) < 1e-6)
    #expect(softplus(z).value.isFinite)
    #expect(abs(z.logSumExp().scalar - 200) < 1e-3)
    try (logSigmoid(z).sum() + softplus(z).sum()).checkFinite("bce")
}

@Test func checkFiniteNamesTheFirstBadOperation() {
    let x = Tensor(Matrix(rowVector: [1, -1]))
    let hidden = log(x)
    hidden.label = "hidden layer"
    let loss = exp(hidden).sum()
    #expect(throws: NonFiniteError.self) { try loss.checkFinite("critic loss") }
    do {
        try loss.checkFinite("critic loss")
    } catch let error as NonFiniteError {
        #expect(error.context == "critic loss")
        #expect(error.operation == "log")
        #expect(error.label == "hidden layer")
        #expect(error.description.contains("log"))
    } catch {
        Issue.record("unexpected error \(error)")
    }
}
