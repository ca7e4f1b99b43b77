/// The sizes of a 2-D convolution: input image, square-or-not kernel, stride and zero padding.
///
/// The output has `outputHeight` × `outputWidth` pixels with
/// `outputSize(input: n, kernel: k, stride: s, padding: p) = ⌊(n + 2p − k) / s⌋ + 1`
/// (PyTorch's formula with dilation 1). Kernels are stored as a (kernelHeight · kernelWidth ·
/// inputChannels) × outputChannels matrix whose rows are in (ky, kx, c) order, the same order
/// as a row of ``Matrix/im2col(_:geometry:)``.
public struct ConvolutionGeometry: Sendable, Hashable, Codable {
    /// The input image's shape.
    public var input: ImageShape
    /// The number of filters (output channels).
    public var outputChannels: Int
    /// Kernel rows.
    public var kernelHeight: Int
    /// Kernel columns.
    public var kernelWidth: Int
    /// The step between neighbouring kernel positions, in both directions.
    public var stride: Int
    /// Zeros added on every side of the input, in both directions.
    public var padding: Int

    /// A convolution of `input` with `outputChannels` filters of `kernelHeight` × `kernelWidth`.
    public init(input: ImageShape, outputChannels: Int, kernelHeight: Int, kernelWidth: Int,
                stride: Int = 1, padding: Int = 0) {
        precondition(outputChannels > 0 && kernelHeight > 0 && kernelWidth > 0,
                      "ConvolutionGeometry: filters and kernel sizes must be positive")
        precondition(stride > 0 && padding >= 0, "ConvolutionGeometry: stride must be positive, padding non-negative")
        precondition(input.height + 2 * padding >= kernelHeight && input.width + 2 * padding >= kernelWidth,
                      "ConvolutionGeometry: a \(kernelHeight)×\(kernelWidth) kernel does not fit a \(input) input "
                      + "padded by \(padding)")
        self.input = input
        self.outputChannels = outputChannels
        self.kernelHeight = kernelHeight
        self.kernelWidth = kernelWidth
        self.stride = stride
        self.padding = padding
    }

    /// A square `kernel` × `kernel` convolution.
    public init(input: ImageShape, outputChannels: Int, kernel: Int, stride: Int = 1, padding: Int = 0) {
        self.init(input: input, outputChannels: outputChannels, kernelHeight: kernel, kernelWidth: kernel,
                  stride: stride, padding: padding)
    }

    /// ⌊(input + 2·padding − kernel) / stride⌋ + 1: the number of kernel positions along one axis.
    public static func outputSize(input: Int, kernel: Int, stride: Int, padding: Int) -> Int {
        (input + 2 * padding - kernel) / stride + 1
    }

    /// Output rows of pixels.
    public var outputHeight: Int {
        Self.outputSize(input: input.height, kernel: kernelHeight, stride: stride, padding: padding)
    }

    /// Output columns of pixels.
    public var outputWidth: Int {
        Self.outputSize(input: input.width, kernel: kernelWidth, stride: stride, padding: padding)
    }

    /// The output image's shape.
    public var output: ImageShape {
        ImageShape(height: outputHeight, width: outputWidth, channels: outputChannels)
    }

    /// The length of one patch, kernelHeight · kernelWidth · inputChannels (the kernel matrix's rows).
    public var patchSize: Int { kernelHeight * kernelWidth * input.channels }

    /// Multiply-adds of the forward pass per image: output pixels · patch size · filters.
    public var multiplyAddsPerImage: Int { outputHeight * outputWidth * patchSize * outputChannels }
}
