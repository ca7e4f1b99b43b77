import Foundation
import NeuralNetworks
import Numerics

/// A Gaussian policy acting from images: π_θ(a | o) = N(μ_θ(o), diag σ²), with the mean a
/// ``ConvolutionalEncoder`` of the image o and log σ a learned vector shared by all images — the
/// pixel counterpart of ``GaussianPolicy`` (Zhu et al. 2018's policy network, much smaller).
///
/// An optional auxiliary head, one linear layer on the encoder's features, predicts the block's
/// position (``predictedPositions(_:)``; trained with exercise 9.4,
/// ``VisuomotorExercises/auxiliaryPositionLoss(predicted:target:)``).
/// Its parameters are in ``auxiliaryParameters``, apart from ``parameters``; the encoder's are in both.
///
/// ```swift
/// var rng = RandomSource(seed: 0)
/// let policy = ConvolutionalGaussianPolicy(imageShape: env.imageShape, actionSize: 2, rng: &rng)
/// let (actions, logProbabilities) = policy.sample(images: batch, rng: &rng)
/// ```
public final class ConvolutionalGaussianPolicy {
    /// o → μ_θ(o).
    public let encoder: ConvolutionalEncoder
    /// log σ, 1 × actionSize.
    public let logStd: Parameter
    /// Features → predicted object position (nil: no auxiliary task).
    public let auxiliaryHead: Linear?

    /// A policy on `imageShape` images: `convolutions`, a head of `hiddenSizes` then the action,
    /// the last layer's weights scaled by 0.01 (initial mean actions near zero), log σ
    /// `initialLogStd`; with an auxiliary head of `auxiliaryOutputs` outputs unless that is 0; the
    /// head reads the last map flattened or as keypoints (`readout`, ``FeatureReadout``).
    public init(imageShape: ImageShape, actionSize: Int,
                convolutions: [ConvolutionSpec] = ConvolutionalEncoder.lessonConvolutions,
                hiddenSizes: [Int] = [64], initialLogStd: Float = -0.5, auxiliaryOutputs: Int = 2,
                readout: FeatureReadout = .flatten, rng: inout RandomSource) {
        encoder = ConvolutionalEncoder(input: imageShape, convolutions: convolutions, head: hiddenSizes + [actionSize],
                                       readout: readout, rng: &rng, name: "policy")
        let last = encoder.head.layers[encoder.head.layers.count - 1]
        last.weight.value = last.weight.value * 0.01
        last.bias.value = Matrix.zeros(1, actionSize)
        logStd = Parameter(Matrix(rows: 1, cols: actionSize, repeating: initialLogStd), name: "policy.logStd")
        auxiliaryHead = auxiliaryOutputs > 0
            ? Linear(inputSize: encoder.featureCount, outputSize: auxiliaryOutputs, rng: &rng, name: "policy.auxiliary")
            : nil
    }

    /// The shape of the images.
    public var imageShape: ImageShape { encoder.inputShape }
    /// The number of action coordinates.
    public var actionSize: Int { logStd.value.cols }
    /// The policy's parameters: the encoder's, then log σ.
    public var parameters: [Parameter] { encoder.parameters + [logStd] }
    /// The auxiliary task's parameters: the encoder's convolutions, then the auxiliary head's.
    public var auxiliaryParameters: [Parameter] {
        encoder.convolutions.flatMap(\.parameters) + (auxiliaryHead?.parameters ?? [])
    }

    /// π_θ(· | o) for every row of `images` (batch × imageShape.count).
    public func distribution(_ images: Matrix) -> DiagonalGaussian {
        DiagonalGaussian(mean: encoder(Tensor(images)), logStd: logStd.tensor)
    }

    /// The encoder's features of every row of `images`: what the policy's mean and the auxiliary head
    /// both read (``ConvolutionalEncoder/features(_:)``).
    public func features(_ images: Matrix) -> Tensor {
        encoder.features(Tensor(images))
    }

    /// π_θ(· | o) from the images' ``features(_:)``: the same distribution as ``distribution(_:)``, for a
    /// loss that also feeds those features to the auxiliary head (one pass through the convolutions).
    public func distribution(features: Tensor) -> DiagonalGaussian {
        DiagonalGaussian(mean: encoder.head(features), logStd: logStd.tensor)
    }

    /// log π_θ(a_i | o_i), a batch × 1 tensor differentiable in θ.
    public func logProbabilities(images: Matrix, actions: Matrix) -> Tensor {
        distribution(images).logProb(Tensor(actions))
    }

    /// The mean actions μ_θ(o), batch × actionSize.
    public func meanActions(_ images: Matrix) -> Matrix {
        encoder(Tensor(images)).value
    }

    /// One sampled action per row and its log-probability.
    public func sample(images: Matrix, rng: inout RandomSource) -> (actions: Matrix, logProbabilities: [Float]) {
        let pi = distribution(images)
        let actions = pi.sample(rng: &rng)
        return (actions, pi.logProb(Tensor(actions)).value.scalars)
    }

    /// The auxiliary head's prediction for every row, batch × auxiliaryOutputs, differentiable in
    /// the convolutions and the head.
    public func predictedPositions(_ images: Matrix) -> Tensor {
        predictedPositions(features: features(images))
    }

    /// The auxiliary head's prediction from the images' ``features(_:)``, differentiable in the head and,
    /// through the features, in the convolutions.
    public func predictedPositions(features: Tensor) -> Tensor {
        guard let auxiliaryHead else { preconditionFailure("ConvolutionalGaussianPolicy: built without an auxiliary head") }
        return auxiliaryHead(features)
    }

    /// The current standard deviations σ.
    public var standardDeviations: [Float] { logStd.value.scalars.map { Foundation.exp($0) } }
}
