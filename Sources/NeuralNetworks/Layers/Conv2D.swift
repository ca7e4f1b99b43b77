import Numerics

/// A 2-D convolution layer on batches of NHWC images (one image per row, see ``ImageShape``):
/// `y = conv2d(x, W) + b`, output NHWC and already flat.
///
/// The kernel is a (kernelHeight · kernelWidth · inputChannels) × filters matrix (rows in
/// (ky, kx, c) order) and the bias a 1 × filters row. Initialised like PyTorch's `nn.Conv2d`:
/// every entry uniform in ±1/√fanIn with fanIn = kernelHeight · kernelWidth · inputChannels.
///
/// ```swift
/// var rng = RandomSource(seed: 0)
/// let conv = Conv2D(input: ImageShape(height: 48, width: 48, channels: 3), filters: 16,
///                   kernel: 5, stride: 2, padding: 2, rng: &rng, name: "encoder.conv0")
/// let features = relu(conv(images))        // batch × (24·24·16)
/// ```
public final class Conv2D: Layer {
    /// The sizes: input shape, filters, kernel, stride, padding.
    public let geometry: ConvolutionGeometry
    /// The kernel matrix, patchSize × filters.
    public let weight: Parameter
    /// The bias row, 1 × filters.
    public let bias: Parameter

    /// A layer with `filters` kernels of `kernel` × `kernel` over `input`, initialised from `rng`.
    public init(input: ImageShape, filters: Int, kernel: Int, stride: Int = 1, padding: Int = 0,
                rng: inout RandomSource, name: String = "conv") {
        let geometry = ConvolutionGeometry(input: input, outputChannels: filters, kernel: kernel,
                                           stride: stride, padding: padding)
        let bound = 1 / Float(geometry.patchSize).squareRoot()
        self.geometry = geometry
        weight = Parameter(Matrix.randomUniform(geometry.patchSize, filters, low: -bound, high: bound, rng: &rng),
                           name: "\(name).weight")
        bias = Parameter(Matrix.randomUniform(1, filters, low: -bound, high: bound, rng: &rng), name: "\(name).bias")
    }

    /// A layer with the given geometry, kernel matrix (patchSize × filters) and bias (1 × filters).
    public init(geometry: ConvolutionGeometry, weight: Matrix, bias: Matrix, name: String = "conv") {
        precondition(weight.rows == geometry.patchSize && weight.cols == geometry.outputChannels,
                      "Conv2D: weight is \(weight.shapeDescription), expected \(geometry.patchSize)×\(geometry.outputChannels)")
        precondition(bias.rows == 1 && bias.cols == geometry.outputChannels,
                      "Conv2D: bias is \(bias.shapeDescription), expected 1×\(geometry.outputChannels)")
        self.geometry = geometry
        self.weight = Parameter(weight, name: "\(name).weight")
        self.bias = Parameter(bias, name: "\(name).bias")
    }

    /// The input image's shape.
    public var inputShape: ImageShape { geometry.input }
    /// The output image's shape.
    public var outputShape: ImageShape { geometry.output }

    /// The convolution of a batch of images (batch × inputShape.count) plus the bias.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        let output = conv2d(input, weight: weight.tensor, bias: bias.tensor, geometry: geometry)
        output.label = String(weight.name.dropLast(".weight".count))
        return output
    }

    /// The kernel and the bias.
    public var parameters: [Parameter] { [weight, bias] }

    /// An independent copy (same values, same names).
    public func copy() -> Conv2D {
        Conv2D(geometry: geometry, weight: weight.value, bias: bias.value,
               name: String(weight.name.dropLast(".weight".count)))
    }
}
