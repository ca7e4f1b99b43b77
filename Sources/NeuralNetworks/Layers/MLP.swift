import Numerics

/// A multi-layer perceptron: dense layers with an activation between them.
///
/// ```swift
/// var rng = RandomSource(seed: 0)
/// let critic = MLP(sizes: [stateDim + actionDim, 256, 256, 1], activation: .relu, rng: &rng, name: "critic")
/// let q = critic(concatenateColumns([states, actions]))      // batch×1
/// ```
public final class MLP: Layer {
    /// The dense layers, input to output.
    public let layers: [Linear]
    /// The activation after every hidden layer.
    public let activation: Activation
    /// The activation after the last layer (`.identity` for a linear output).
    public let outputActivation: Activation
    /// The name prefix of the parameters ("critic" gives "critic.0.weight", …).
    public let name: String

    /// An MLP with layer widths `sizes` = [input, hidden…, output].
    public init(sizes: [Int], activation: Activation = .relu, outputActivation: Activation = .identity,
                rng: inout RandomSource, name: String = "mlp") {
        precondition(sizes.count >= 2, "MLP(sizes:) needs at least an input and an output size, got \(sizes)")
        var layers: [Linear] = []
        for i in 0..<(sizes.count - 1) {
            layers.append(Linear(inputSize: sizes[i], outputSize: sizes[i + 1], rng: &rng, name: "\(name).\(i)"))
        }
        self.layers = layers
        self.activation = activation
        self.outputActivation = outputActivation
        self.name = name
    }

    private init(layers: [Linear], activation: Activation, outputActivation: Activation, name: String) {
        self.layers = layers
        self.activation = activation
        self.outputActivation = outputActivation
        self.name = name
    }

    /// The widths [input, hidden…, output].
    public var sizes: [Int] { [layers[0].inputSize] + layers.map(\.outputSize) }

    /// The network applied to a batch.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        var x = input
        for (i, layer) in layers.enumerated() {
            let after = i == layers.count - 1 ? outputActivation : activation
            // A ReLU layer in one operation (the same numbers as `relu(layer(x))`, one matrix less).
            x = after == .relu ? layer.withReLU(x) : after(layer(x))
        }
        return x
    }

    /// All weights and biases, layer by layer.
    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    /// An independent deep copy (for a target network).
    public func copy() -> MLP {
        MLP(layers: layers.map { $0.copy() }, activation: activation, outputActivation: outputActivation, name: name)
    }
}
