import NeuralNetworks
import Numerics

/// The discriminator's inner loop, shared by GAIL (lesson 4) and the reward-mixing agent (lesson 7):
/// `steps` times, draw `minibatchSize` expert rows and as many policy rows with replacement and
/// take one optimizer step on the discriminator loss L_D(z(x_E), z(x_π)) (exercise 4.1).
///
/// - Parameters:
///   - expertLogits: z_φ of the expert rows with the given indices (differentiable in φ).
///   - policyLogits: z_φ of the policy rows with the given indices.
///   - loss: the discriminator loss from the two logit columns (the student's `discriminatorLoss`).
/// - Returns: the mean loss over the steps (0 when `steps` is 0).
func takeDiscriminatorSteps(
    _ steps: Int, minibatchSize: Int, expertCount: Int, policyCount: Int,
    expertLogits: ([Int]) -> Tensor, policyLogits: ([Int]) -> Tensor,
    loss: (_ expert: Tensor, _ policy: Tensor) throws -> Tensor,
    parameters: [Parameter], optimizer: some Optimizer, rng: inout RandomSource
) throws -> Double {
    var total = 0.0
    for _ in 0..<steps {
        let e = (0..<minibatchSize).map { _ in rng.index(below: expertCount) }
        let p = (0..<minibatchSize).map { _ in rng.index(below: policyCount) }
        let value = try loss(expertLogits(e), policyLogits(p))
        optimizer.step(value.gradients(for: parameters))
        total += Double(value.scalar)
    }
    return total / Double(max(steps, 1))
}
