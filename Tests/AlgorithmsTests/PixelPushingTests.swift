import Algorithms
import Environments
import Foundation
import NeuralNetworks
import Numerics
import Solutions
import Testing

/// Lesson 9's pieces for RL from pixels: the pixel wrapper of the pushing task, the CNN Gaussian
/// policy and its auxiliary head, on small sizes.
@Suite("Pixels: the pushing task seen through a camera, the CNN policy")
struct PixelPushingTests {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// Runs `steps` random actions, restarting finished episodes; returns the images and states seen.
    static func run(_ env: inout PixelPushingEnvironment, steps: Int, rng: inout RandomSource) throws
        -> (images: [[Float]], states: [[Float]], styles: [PushingRenderStyle]) {
        var images = [env.image], states = [env.state], styles = [env.style]
        for _ in 0..<steps {
            let action = [rng.uniform(Float(-1), Float(1)), rng.uniform(Float(-1), Float(1))]
            if try env.step(action, rng: &rng).isDone { try env.reset(rng: &rng) }
            images.append(env.image)
            states.append(env.state)
            styles.append(env.style)
        }
        return (images, states, styles)
    }

    @Test("the wrapper is deterministic for a seed, renders every state, and keeps the state beside the image")
    func wrapper() throws {
        var trajectories: [(images: [[Float]], states: [[Float]], styles: [PushingRenderStyle])] = []
        for _ in 0..<2 {
            var rng = RandomSource(seed: 5)
            var env = try PixelPushingEnvironment(size: 32, styles: .randomized(PushingStyleSampler()), rng: &rng)
            #expect(env.image.count == 32 * 32 * 3)
            #expect(env.state == env.environment.observation)
            trajectories.append(try Self.run(&env, steps: 150, rng: &rng))
        }
        #expect(trajectories[0].images == trajectories[1].images)
        #expect(trajectories[0].states == trajectories[1].states)
        let (images, states, styles) = trajectories[0]
        #expect(Set(styles).count >= 2, "a randomized source draws a new style per episode (150 steps cross an episode end)")
        // Standardized: every channel of every image has mean ≈ 0.
        for image in images.prefix(5) {
            for c in 0..<3 {
                let values = stride(from: c, to: image.count, by: 3).map { image[$0] }
                #expect(abs(values.reduce(0, +) / Float(values.count)) < 1e-4)
            }
        }
        // A step that moves the state changes the image.
        let moved = (1..<images.count).filter { states[$0] != states[$0 - 1] }
        #expect(!moved.isEmpty && moved.allSatisfy { images[$0] != images[$0 - 1] })
    }

    @Test("a fixed style stays; frames per second of the wrapper printed")
    func fixedStyleAndSpeed() throws {
        var report: [String] = []
        for (name, source) in [("figures' style", PushingStyleSource.fixed(.figure)),
                               ("randomized", .randomized(PushingStyleSampler()))] {
            var rng = RandomSource(seed: 6)
            var env = try PixelPushingEnvironment(styles: source, rng: &rng)
            let clock = ContinuousClock(), start = clock.now
            let (_, _, styles) = try Self.run(&env, steps: 400, rng: &rng)
            let elapsed = Self.seconds(clock.now - start)
            if case .fixed = source { #expect(Set(styles) == [.figure]) }
            report.append(String(format: "%@: %.0f steps/s", name, 400 / elapsed))
        }
        print("PixelPushingEnvironment 48×48, step + render + standardize: " + report.joined(separator: ", "))
    }

    /// A tiny policy whose last layer is not scaled down, so every parameter's gradient is sizeable.
    static func tinyPolicy(auxiliary: Int = 0) -> ConvolutionalGaussianPolicy {
        var rng = RandomSource(seed: 11)
        let policy = ConvolutionalGaussianPolicy(
            imageShape: ImageShape(height: 8, width: 8, channels: 3), actionSize: 2,
            convolutions: [ConvolutionSpec(filters: 3, kernel: 3, stride: 2, padding: 1),
                           ConvolutionSpec(filters: 2, kernel: 3, stride: 2, padding: 1)],
            hiddenSizes: [5], initialLogStd: -0.3, auxiliaryOutputs: auxiliary, rng: &rng)
        let last = policy.encoder.head.layers[policy.encoder.head.layers.count - 1]
        last.weight.value = last.weight.value * 100
        return policy
    }

    /// The largest relative error between the autodiff gradient of `loss` in `parameters` and
    /// central differences, entry by entry.
    static func gradientError(_ parameters: [Parameter], epsilon: Float = 1e-2, _ loss: () throws -> Tensor) rethrows -> Float {
        let analytic = try loss().gradients(for: parameters)
        var worst: Float = 0
        for (k, parameter) in parameters.enumerated() {
            for i in 0..<parameter.value.rows {
                for j in 0..<parameter.value.cols {
                    let original = parameter.value[i, j]
                    parameter.value[i, j] = original + epsilon
                    let up = Double(try loss().scalar)
                    parameter.value[i, j] = original - epsilon
                    let down = Double(try loss().scalar)
                    parameter.value[i, j] = original
                    let numeric = Float((up - down) / Double(2 * epsilon))
                    let exact = analytic[k][i, j]
                    worst = max(worst, abs(numeric - exact) / max(1, abs(numeric), abs(exact)))
                }
            }
        }
        return worst
    }

    @Test("the log-probability's gradient in every parameter matches central differences")
    func logProbabilityGradient() {
        let policy = Self.tinyPolicy()
        var rng = RandomSource(seed: 12)
        let images = Matrix.randomNormal(4, policy.imageShape.count, rng: &rng)
        let actions = Matrix.randomNormal(4, 2, rng: &rng)
        let weights = Tensor(Matrix.randomNormal(4, 1, rng: &rng))
        let error = Self.gradientError(policy.parameters) {
            (policy.logProbabilities(images: images, actions: actions) * weights).sum()
        }
        #expect(error < 2e-2, "largest relative error \(error)")
    }

    @Test("the auxiliary loss (exercise 9.4's reference) is (1/N) Σ ‖p̂ − p‖², its gradient reaches the convolutions")
    func auxiliaryLoss() throws {
        let formulas = Solutions.Visuomotor()
        let predicted = Matrix(rows: 2, cols: 2, values: [1, 2, 0, -1])
        let target = Matrix(rows: 2, cols: 2, values: [0, 0, 0.5, 1])
        let p = Tensor(predicted)
        let loss = try formulas.auxiliaryPositionLoss(predicted: p, target: Tensor(target))
        #expect(abs(loss.scalar - (1 + 4 + 0.25 + 4) / 2) < 1e-6)
        let gradient = loss.gradients(for: [p])[0]
        #expect(gradient.scalars == [1, 2, -0.5, -2])   // 2 (p̂ − p) / N

        let policy = Self.tinyPolicy(auxiliary: 2)
        var rng = RandomSource(seed: 13)
        let images = Matrix.randomNormal(4, policy.imageShape.count, rng: &rng)
        let positions = Tensor(Matrix.randomNormal(4, 2, rng: &rng))
        #expect(policy.auxiliaryParameters.count == 2 * 2 + 2)
        let error = try Self.gradientError(policy.auxiliaryParameters) {
            try formulas.auxiliaryPositionLoss(predicted: policy.predictedPositions(images), target: positions)
        }
        // 2.4% measured: Float central differences across ReLU kinks (the log-probability's stays under 2%).
        #expect(error < 5e-2, "largest relative error \(error)")

        // The same bits, value and gradient, as the formula the library computed itself before it
        // called exercise 9.4 (so the pixel agent's numbers did not move).
        let many = Tensor(Matrix.randomNormal(64, 4, rng: &rng)), truth = Tensor(Matrix.randomNormal(64, 4, rng: &rng))
        let former = square(many - truth).sum() * (1 / Float(many.rows))
        let now = try formulas.auxiliaryPositionLoss(predicted: many, target: truth)
        #expect(now.scalar.bitPattern == former.scalar.bitPattern)
        #expect(now.gradients(for: [many])[0].scalars.map(\.bitPattern) == former.gradients(for: [many])[0].scalars.map(\.bitPattern))
    }

    @Test("one pass through the CNN serves the policy and the auxiliary head: same values, gradients equal to rounding")
    func sharedFeatures() throws {
        let policy = Self.tinyPolicy(auxiliary: 2)
        var rng = RandomSource(seed: 15)
        let images = Matrix.randomNormal(6, policy.imageShape.count, rng: &rng)
        let actions = Matrix.randomNormal(6, 2, rng: &rng)
        let positions = Tensor(Matrix.randomNormal(6, 2, rng: &rng))
        let formulas = Solutions.Visuomotor()
        let features = policy.features(images)
        let shared = policy.distribution(features: features).logProb(Tensor(actions))
        #expect(shared.value.scalars.map(\.bitPattern)
                == policy.logProbabilities(images: images, actions: actions).value.scalars.map(\.bitPattern))
        #expect(policy.predictedPositions(features: features).value.scalars.map(\.bitPattern)
                == policy.predictedPositions(images).value.scalars.map(\.bitPattern))
        // PixelPPO's loss on one pass, against the same loss on two passes (what it computed before session 18).
        let parameters = policy.parameters + policy.auxiliaryHead!.parameters
        let onePass = try shared.mean() + formulas.auxiliaryPositionLoss(predicted: policy.predictedPositions(features: features),
                                                                          target: positions)
        let twoPasses = try policy.logProbabilities(images: images, actions: actions).mean()
            + formulas.auxiliaryPositionLoss(predicted: policy.predictedPositions(images), target: positions)
        #expect(onePass.scalar.bitPattern == twoPasses.scalar.bitPattern)
        var worst: Float = 0
        for (a, b) in zip(onePass.gradients(for: parameters), twoPasses.gradients(for: parameters)) {
            for (x, y) in zip(a.scalars, b.scalars) { worst = max(worst, abs(x - y) / max(1, abs(x), abs(y))) }
        }
        #expect(worst < 1e-5, "the gradients of one pass and of two passes differ by \(worst) (relative)")
    }

    @Test("forward and backward time of the lesson's policy on a batch of 64 48×48 images, printed")
    func policySpeed() throws {
        var rng = RandomSource(seed: 14)
        var env = try PixelPushingEnvironment(rng: &rng)
        let policy = ConvolutionalGaussianPolicy(imageShape: env.imageShape, actionSize: 2, rng: &rng)
        var rows: [Float] = [], positions: [Float] = []
        for _ in 0..<64 {
            rows += env.image
            positions += env.blockPosition
            if try env.step([rng.uniform(Float(-1), Float(1)), rng.uniform(Float(-1), Float(1))], rng: &rng).isDone { try env.reset(rng: &rng) }
        }
        let images = Matrix(rows: 64, cols: env.imageShape.count, values: rows)
        let actions = Matrix.randomNormal(64, 2, rng: &rng)
        let clock = ContinuousClock()
        var forward: [Double] = [], backward: [Double] = [], auxiliary: [Double] = []
        for _ in 0..<8 {
            let t0 = clock.now
            let loss = policy.logProbabilities(images: images, actions: actions).mean()
            let t1 = clock.now
            let gradients = loss.gradients(for: policy.parameters)
            let t2 = clock.now
            let aux = try Solutions.Visuomotor().auxiliaryPositionLoss(predicted: policy.predictedPositions(images),
                                                                       target: Tensor(Matrix(rows: 64, cols: 2, values: positions)))
            _ = aux.gradients(for: policy.auxiliaryParameters)
            let t3 = clock.now
            #expect(gradients.allSatisfy { g in g.scalars.allSatisfy { $0.isFinite } })
            forward.append(Self.seconds(t1 - t0))
            backward.append(Self.seconds(t2 - t1))
            auxiliary.append(Self.seconds(t3 - t2))
        }
        print(String(format: "ConvolutionalGaussianPolicy, batch 64 × 48×48×3 (median of 8): log-prob forward %.0f µs, "
                     + "backward %.0f µs; auxiliary loss forward + backward %.0f µs",
                     forward.sorted()[4] * 1e6, backward.sorted()[4] * 1e6, auxiliary.sorted()[4] * 1e6))
    }
}
