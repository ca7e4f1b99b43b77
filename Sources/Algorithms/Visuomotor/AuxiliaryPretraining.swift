import Environments
import ExerciseAPI
import NeuralNetworks
import Numerics

/// Supervised steps on the policy's auxiliary task before reinforcement learning: the encoder and
/// the auxiliary head regress the objects' positions (``AuxiliaryTarget``) from renders of states
/// the simulator draws (half from the task's reset distribution, half from the demonstrations), so
/// that the policy starts from features that locate the block and the pusher.
///
/// Zhu et al. (2018) train their auxiliary heads jointly with the policy; here the same loss (exercise
/// 9.4, ``VisuomotorExercises/auxiliaryPositionLoss(predicted:target:)``, from the plugged-in
/// implementation) also runs first, on its own, because at the kit's budget a randomly initialised
/// CNN policy collapses to a near-constant action long before the policy gradient alone teaches it
/// to locate anything (`notes/lesson9-foundations.md`).
public struct AuxiliaryPretraining: Sendable, Equatable {
    /// Adam steps (0: none).
    public var steps = 0
    /// Images per step.
    public var batchSize = 64
    /// States rendered once and sampled from.
    public var images = 2048
    /// Adam's step size.
    public var learningRate: Float = 1e-3

    /// No pretraining.
    public init() {}

    /// Pretrains `policy`'s encoder and auxiliary head on `target` positions, with the auxiliary
    /// loss of `visuomotor` (exercise 9.4).
    ///
    /// - Throws: ``PolicyGradientError`` when the policy has no auxiliary head of `target`'s size;
    ///   what the renderer or the plugged-in exercise throws.
    /// - Returns: the auxiliary loss over the last 50 steps (NaN without steps).
    @discardableResult
    public func run(policy: ConvolutionalGaussianPolicy, target: AuxiliaryTarget, task: PushingTask,
                    demonstrationStates: [BlockPushing.State], styles: PushingStyleSource, visuomotor: some VisuomotorExercises,
                    rng: inout RandomSource) throws -> Double {
        guard steps > 0 else { return .nan }
        guard policy.auxiliaryHead?.outputSize == target.outputs else {
            throw PolicyGradientError("AuxiliaryPretraining: the policy needs an auxiliary head with \(target.outputs) outputs "
                                      + "(set an auxiliary weight)")
        }
        guard batchSize >= 1, images >= 1 else {
            throw PolicyGradientError("AuxiliaryPretraining: batchSize (\(batchSize)) and images (\(images)) must be at least 1")
        }
        let renderer = try PushingPixelRenderer(environment: task.environment, size: policy.imageShape.height)
        let shape = renderer.observationShape
        var environment = task.environment
        var pixels: [Float] = [], positions: [Float] = []
        pixels.reserveCapacity(images * shape.count)
        for i in 0..<images {
            if i % 2 == 1, !demonstrationStates.isEmpty {
                environment.state = demonstrationStates[rng.index(below: demonstrationStates.count)]
            } else {
                _ = environment.reset(rng: &rng)
            }
            let state = environment.state
            var image = renderer.render(state, style: styles.style(rng: &rng), rng: &rng)
            shape.standardize(&image)
            pixels += image
            let block = [Float(state.block.x), Float(state.block.y)], pusher = [Float(state.pusher.x), Float(state.pusher.y)]
            positions += target == .block ? block : block + pusher
        }
        let x = Matrix(rows: images, cols: shape.count, values: pixels)
        let y = Matrix(rows: images, cols: target.outputs, values: positions)
        let parameters = policy.auxiliaryParameters
        let optimizer = Adam(parameters: parameters, learningRate: learningRate)
        var recent: [Double] = []
        for _ in 0..<steps {
            let rows = (0..<batchSize).map { _ in rng.index(below: images) }
            let loss = try visuomotor.auxiliaryPositionLoss(predicted: policy.predictedPositions(x.rows(rows)),
                                                            target: Tensor(y.rows(rows)))
            optimizer.step(loss.gradients(for: parameters))
            recent.append(Double(loss.scalar))
            if recent.count > 50 { recent.removeFirst() }
        }
        return recent.reduce(0, +) / Double(recent.count)
    }
}
