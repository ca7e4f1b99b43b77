import Numerics

/// The exercises of lesson 9 (visuomotor imitation from pixels, Zhu et al. 2018): the formulas a
/// student writes.
///
/// `Solutions.Visuomotor` is the reference; `Exercises.Visuomotor` is the student's copy, whose
/// untouched bodies throw ``NotImplemented``. The policy's encoder reads its images with a
/// convolution, whose output size is
/// ``convolutionOutputSize(inputSize:kernel:stride:padding:)`` and whose patches are
/// ``im2col(images:shape:kernel:stride:padding:)`` (the kit's `conv2d` multiplies that patch matrix by
/// its kernel matrix); the keypoint readout turns each channel of the last map into its expected image
/// coordinates, ``spatialSoftmaxKeypoints(featureMaps:shape:temperature:)``. The auxiliary task's loss,
/// ``auxiliaryPositionLoss(predicted:target:)``, is what the library's pixel agent calls: its PPO
/// update (`Algorithms/Pixels/PixelPPO.swift`) and its supervised pretraining
/// (`Algorithms/Visuomotor/AuxiliaryPretraining.swift`) take it from the plugged-in implementation.
public protocol VisuomotorExercises: Sendable {
    /// Exercise 9.1: the number of positions a convolution's kernel takes along one axis of its input,
    ///
    ///     ⌊(n + 2p − k) / s⌋ + 1,
    ///
    /// for an input of n pixels padded with p zeros on each side, a kernel of k pixels and a stride
    /// of s (PyTorch's formula with dilation 1; the kit's `ConvolutionGeometry.outputSize`).
    ///
    /// - Parameters:
    ///   - inputSize: n ≥ 1, the input's height (or width).
    ///   - kernel: k ≥ 1, the kernel's height (or width).
    ///   - stride: s ≥ 1, the step between neighbouring kernel positions.
    ///   - padding: p ≥ 0, the zeros added on each side.
    /// - Returns: the output's height (or width), at least 1.
    /// - Throws: ``VisuomotorInputError`` for n < 1, k < 1, s < 1, p < 0, or a kernel that does not
    ///   fit the padded input (k > n + 2p).
    func convolutionOutputSize(inputSize: Int, kernel: Int, stride: Int, padding: Int) throws -> Int

    /// Exercise 9.2: the patches of a batch of images as the rows of one matrix ("image to columns"),
    /// so that a convolution becomes a single matrix product: `im2col(…) × W`, with W the kit's
    /// (k·k·C) × filters kernel matrix, is the kit's `conv2d` output (without its bias) with one row
    /// per output pixel.
    ///
    /// `images` holds one image per row in the kit's NHWC layout (``ImageShape``): entry (y, x, c)
    /// of image n is `images[n, (y · W + x) · C + c]`. With oh × ow output positions (exercise 9.1 on
    /// the height and on the width), the result has batch · oh · ow rows and k · k · C columns:
    ///
    /// - row `(n · oh + oy) · ow + ox` is the patch under the kernel at output pixel (oy, ox) of image n;
    /// - column `(ky · k + kx) · C + c` of that row is the input entry (y, x, c) with
    ///   y = oy · s − p + ky and x = ox · s − p + kx, or 0 where (y, x) falls outside the image (the
    ///   zero padding).
    ///
    /// - Parameters:
    ///   - images: batch × H·W·C, one NHWC image per row.
    ///   - shape: the images' H × W × C.
    ///   - kernel: k, the square kernel's side (≥ 1, at most H + 2p and W + 2p).
    ///   - stride: s ≥ 1.
    ///   - padding: p ≥ 0, zeros on every side.
    /// - Returns: the (batch · oh · ow) × (k · k · C) patch matrix.
    /// - Throws: ``VisuomotorInputError`` when `images` does not have `shape.count` columns, or for
    ///   the sizes exercise 9.1 rejects.
    func im2col(images: Matrix, shape: ImageShape, kernel: Int, stride: Int, padding: Int) throws -> Matrix

    /// Exercise 9.3: the keypoint readout of Levine et al. (2016), the spatial softmax's forward
    /// pass. For each image and each channel k of its H × W × C feature map x, a softmax over the
    /// H · W positions at temperature T,
    ///
    ///     s_kp = exp(x_kp / T) / Σ_q exp(x_kq / T),
    ///
    /// and that distribution's expected image coordinates, (E_k[u], E_k[v]) = Σ_p s_kp (u_p, v_p).
    /// Coordinates are pixel centres scaled to [−1, 1]: the pixel in row i, column j has
    /// u = (2j + 1)/W − 1 (growing to the right) and v = 1 − (2i + 1)/H (growing upwards). Compute the
    /// softmax stably: subtract each channel's maximum before exponentiating (it does not change s).
    ///
    /// - Parameters:
    ///   - featureMaps: batch × H·W·C, one NHWC map per row.
    ///   - shape: the maps' H × W × C.
    ///   - temperature: T > 0 (finite).
    /// - Returns: batch × 2C, laid out (u₀, v₀, u₁, v₁, …): the kit's `spatialSoftmax` op's output.
    /// - Throws: ``VisuomotorInputError`` when `featureMaps` does not have `shape.count` columns or T is
    ///   not a positive finite number.
    func spatialSoftmaxKeypoints(featureMaps: Matrix, shape: ImageShape, temperature: Float) throws -> Matrix

    /// Exercise 9.4: the auxiliary task's loss (Zhu et al. 2018, section IV-D): the squared Euclidean
    /// distance between predicted and true object positions, averaged over the batch,
    ///
    ///     L_aux = (1/N) Σᵢ ‖p̂ᵢ − pᵢ‖² = (1/N) Σᵢ Σ_d (p̂ᵢ_d − pᵢ_d)²,
    ///
    /// a sum over the D coordinates and a mean over the N rows (D times `mseLoss`, which averages
    /// over all N · D entries). Gradients must flow into `predicted` (do not detach it): they reach
    /// the encoder through the auxiliary head and shape its features to locate the objects.
    ///
    /// - Parameters:
    ///   - predicted: N × D, the auxiliary head's p̂, differentiable.
    ///   - target: N × D, the true positions p.
    /// - Returns: the 1×1 loss.
    /// - Throws: ``VisuomotorInputError`` when the shapes differ or the batch is empty.
    func auxiliaryPositionLoss(predicted: Tensor, target: Tensor) throws -> Tensor
}

/// Bad input to a lesson-9 formula, with a message naming the function and the problem.
public struct VisuomotorInputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The whole message, e.g. "convolutionOutputSize: stride must be at least 1, got 0".
    public let message: String

    /// Creates the error with a complete message.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
