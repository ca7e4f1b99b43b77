import NeuralNetworks
import Numerics

/// A value function on images, V_φ(o): a ``ConvolutionalEncoder`` with a scalar output — the critic
/// of Zhu et al.'s (2018) ablation, which sees the camera images the policy sees instead of the
/// simulator's state.
///
/// ```swift
/// var rng = RandomSource(seed: 0)
/// let critic = ConvolutionalValueFunction(imageShape: env.imageShape, rng: &rng)
/// let v = critic.values(images)   // one number per image
/// ```
public final class ConvolutionalValueFunction: PixelRolloutCritic {
    /// o → V_φ(o).
    public let encoder: ConvolutionalEncoder
    /// Images per forward pass in ``values(_:)`` (bounds the memory of im2col on long rollouts).
    public let chunkSize: Int

    /// A critic on `imageShape` images: `convolutions`, then a head of `hiddenSizes` and one output,
    /// reading the last map flattened or as keypoints (`readout`).
    public init(imageShape: ImageShape, convolutions: [ConvolutionSpec] = ConvolutionalEncoder.lessonConvolutions,
                hiddenSizes: [Int] = [64], readout: FeatureReadout = .flatten, chunkSize: Int = 256,
                rng: inout RandomSource) {
        precondition(chunkSize >= 1, "ConvolutionalValueFunction: chunkSize must be at least 1")
        encoder = ConvolutionalEncoder(input: imageShape, convolutions: convolutions, head: hiddenSizes + [1],
                                       readout: readout, rng: &rng, name: "value")
        self.chunkSize = chunkSize
    }

    /// The shape of the images.
    public var imageShape: ImageShape { encoder.inputShape }
    /// The trainable parameters: the convolutions', then the head's.
    public var parameters: [Parameter] { encoder.parameters }

    /// V_φ(o) for every row of `images`, a batch × 1 tensor differentiable in φ.
    public func predictions(_ images: Matrix) -> Tensor {
        encoder(Tensor(images))
    }

    /// V_φ(o) for every row of `images`, as numbers, ``chunkSize`` images at a time.
    public func values(_ images: Matrix) -> [Float] {
        guard images.rows > chunkSize else { return predictions(images).value.scalars }
        return stride(from: 0, to: images.rows, by: chunkSize).flatMap { start in
            predictions(images.rows(Array(start..<min(start + chunkSize, images.rows)))).value.scalars
        }
    }

    /// V_φ(o_t) of the rollout's rows `rows`, from its images.
    public func predictions(_ rollout: PixelRollout, rows: [Int]) -> Tensor {
        predictions(rollout.images.rows(rows))
    }

    /// V_φ(o_t) and V_φ(o_{t+1}) of every row, from the rollout's images and next images.
    public func values(_ rollout: PixelRollout) -> (values: [Float], nextValues: [Float]) {
        (values(rollout.images), values(rollout.nextImages))
    }
}
