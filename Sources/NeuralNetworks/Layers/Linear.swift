import Numerics

/// A dense layer: `y = x · W + b` for a batch `x` (batch×in), `W` (in×out) and `b` (1×out).
///
/// Initialised like PyTorch's `nn.Linear`: every weight and bias entry uniform in
/// ±1/√in (Kaiming-uniform with a = √5, as PyTorch does). Note the layout: PyTorch stores
/// the weight as out×in and computes x·Wᵀ; here the weight is in×out so the formula reads x·W.
public final class Linear: Layer {
    /// The weight matrix, in×out.
    public let weight: Parameter
    /// The bias row, 1×out.
    public let bias: Parameter

    /// A layer from `inputSize` to `outputSize` features, initialised from `rng`.
    public init(inputSize: Int, outputSize: Int, rng: inout RandomSource, name: String = "linear") {
        precondition(inputSize > 0 && outputSize > 0,
                      "Linear(inputSize: \(inputSize), outputSize: \(outputSize)): sizes must be positive")
        let bound = 1 / Float(inputSize).squareRoot()
        weight = Parameter(Matrix.randomUniform(inputSize, outputSize, low: -bound, high: bound, rng: &rng),
                           name: "\(name).weight")
        bias = Parameter(Matrix.randomUniform(1, outputSize, low: -bound, high: bound, rng: &rng),
                         name: "\(name).bias")
    }

    /// A layer with the given weight (in×out) and bias (1×out).
    public init(weight: Matrix, bias: Matrix, name: String = "linear") {
        precondition(bias.rows == 1 && bias.cols == weight.cols,
                      "Linear: bias is \(bias.shapeDescription), expected 1×\(weight.cols)")
        self.weight = Parameter(weight, name: "\(name).weight")
        self.bias = Parameter(bias, name: "\(name).bias")
    }

    /// The number of input features.
    public var inputSize: Int { weight.value.rows }
    /// The number of output features.
    public var outputSize: Int { weight.value.cols }

    /// `x · W + b`.
    public func callAsFunction(_ input: Tensor) -> Tensor { output(for: input, relu: false) }

    /// `relu(x · W + b)` as one operation (``Numerics/linearReLU(_:weight:bias:)``): the same numbers as
    /// `relu(self(x))`, with one matrix and one pass less. What ``MLP`` computes for a ReLU layer.
    public func withReLU(_ input: Tensor) -> Tensor { output(for: input, relu: true) }

    private func output(for input: Tensor, relu: Bool) -> Tensor {
        precondition(input.cols == inputSize,
                      "\(weight.name.dropLast(7)): input has \(input.cols) columns, the layer expects \(inputSize)")
        let output = relu ? linearReLU(input, weight: weight.tensor, bias: bias.tensor)
            : linear(input, weight: weight.tensor, bias: bias.tensor)
        output.label = String(weight.name.dropLast(".weight".count))
        return output
    }

    /// The weight and the bias.
    public var parameters: [Parameter] { [weight, bias] }

    /// An independent copy (same values, same names).
    public func copy() -> Linear {
        Linear(weight: weight.value, bias: bias.value, name: String(weight.name.dropLast(".weight".count)))
    }
}
