import Numerics

/// One convolution of a ``ConvolutionalEncoder``: filters, square kernel, stride and padding.
public struct ConvolutionSpec: Sendable, Hashable, Codable {
    /// Output channels.
    public var filters: Int
    /// Kernel side.
    public var kernel: Int
    /// Step between kernel positions.
    public var stride: Int
    /// Zeros around the input.
    public var padding: Int

    /// A convolution of `filters` kernels of `kernel` × `kernel`.
    public init(filters: Int, kernel: Int, stride: Int = 1, padding: Int = 0) {
        self.filters = filters
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
    }
}

/// A small CNN for pixel observations: convolutions with an activation after each, then an MLP
/// on the flattened last feature map (NHWC rows need no reshaping, see ``ImageShape``).
///
/// The default is the three-convolution encoder for 48×48 RGB images of lesson 9:
/// 48×48×3 → (5×5, stride 2) 24×24×16 → (3×3, stride 2) 12×12×32 → (3×3, stride 2) 6×6×32
/// → 1152 → hidden → output.
///
/// ```swift
/// var rng = RandomSource(seed: 0)
/// let encoder = ConvolutionalEncoder(input: ImageShape(height: 48, width: 48, channels: 3),
///                                    head: [64, 2], rng: &rng, name: "policy")
/// let out = encoder(images)                      // batch × 2
/// let features = encoder.features(Tensor(images)) // batch × 1152, for an auxiliary head
/// ```
public final class ConvolutionalEncoder: Layer {
    /// The three convolutions of lesson 9's encoder for 48×48 images.
    public static let lessonConvolutions = [
        ConvolutionSpec(filters: 16, kernel: 5, stride: 2, padding: 2),
        ConvolutionSpec(filters: 32, kernel: 3, stride: 2, padding: 1),
        ConvolutionSpec(filters: 32, kernel: 3, stride: 2, padding: 1),
    ]

    /// The convolutions, input to output.
    public let convolutions: [Conv2D]
    /// The dense layers after the last convolution.
    public let head: MLP
    /// The activation after every convolution.
    public let activation: Activation
    /// How the last feature map becomes the head's input.
    public let readout: FeatureReadout

    /// An encoder of `input` images: `convolutions`, then an MLP of widths
    /// [features] + `head` (the last entry is the output size); the features are the flattened last
    /// map, or its keypoints (``FeatureReadout``).
    public init(input: ImageShape, convolutions: [ConvolutionSpec] = ConvolutionalEncoder.lessonConvolutions,
                head: [Int], activation: Activation = .relu, outputActivation: Activation = .identity,
                readout: FeatureReadout = .flatten, rng: inout RandomSource, name: String = "encoder") {
        precondition(!head.isEmpty, "ConvolutionalEncoder: head needs at least the output size")
        precondition(!convolutions.isEmpty, "ConvolutionalEncoder: needs at least one convolution")
        var layers: [Conv2D] = []
        var shape = input
        for (i, spec) in convolutions.enumerated() {
            let conv = Conv2D(input: shape, filters: spec.filters, kernel: spec.kernel, stride: spec.stride,
                              padding: spec.padding, rng: &rng, name: "\(name).conv\(i)")
            layers.append(conv)
            shape = conv.outputShape
        }
        self.convolutions = layers
        self.activation = activation
        self.readout = readout
        self.head = MLP(sizes: [readout.featureCount(of: shape)] + head, activation: activation, outputActivation: outputActivation,
                        rng: &rng, name: "\(name).head")
    }

    /// The input image's shape.
    public var inputShape: ImageShape { convolutions[0].inputShape }
    /// The shape of the last feature map.
    public var featureShape: ImageShape { convolutions[convolutions.count - 1].outputShape }

    /// The number of features the head sees (``featureShape``'s count, or 2 per channel for keypoints).
    public var featureCount: Int { readout.featureCount(of: featureShape) }

    /// The head's input, batch × ``featureCount``: the last feature map after its activation, or the
    /// keypoints of the last convolution's output.
    public func features(_ input: Tensor) -> Tensor {
        var x = input
        for conv in convolutions.dropLast() { x = activation(conv(x)) }
        let last = convolutions[convolutions.count - 1](x)
        switch readout {
        case .flatten: return activation(last)
        case .keypoints(let temperature): return spatialSoftmax(last, shape: featureShape, temperature: temperature)
        }
    }

    /// The head applied to the features.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        head(features(input))
    }

    /// The convolutions' kernels and biases, then the head's.
    public var parameters: [Parameter] { convolutions.flatMap(\.parameters) + head.parameters }
}
