import Datasets
import Environments
import Numerics

/// The deterministic policy on pixels, μ_θ(image), run on seeded episodes of a pushing task: the
/// pixel counterpart of lesson 4's `PolicyEvaluation`.
///
/// Episode i starts where `Rollout.run` with the same seed starts it (the task's reset drawn from
/// `RandomSource.derivedSeed(base: seed, index: i)`'s first split), so a policy on pixels and one on
/// states, or the demonstrator, are measured from the same start states. The episodes run in
/// lockstep, one batched forward pass per step.
public enum PixelPolicyEvaluation {
    /// `episodes` episodes of `policy`'s mean action in `task`, rendered in `style`, with their
    /// states, actions and infos (for exercise 7.4's `successStatistics`).
    ///
    /// - Throws: ``PolicyGradientError`` for no episode; what the renderer or the environment throws.
    public static func trajectories(of policy: ConvolutionalGaussianPolicy, task: PushingTask,
                                    style: PushingRenderStyle = .figure, episodes: Int,
                                    seed: UInt64) throws -> [Trajectory<BlockPushing.State>] {
        guard episodes >= 1 else { throw PolicyGradientError("PixelPolicyEvaluation: episodes is \(episodes)") }
        guard policy.imageShape.height == policy.imageShape.width, policy.imageShape.channels == 3 else {
            throw PolicyGradientError("PixelPolicyEvaluation: the policy takes \(policy.imageShape) images, the renderer "
                                      + "draws square RGB images")
        }
        var cameras: [PixelPushingEnvironment] = [], noise: [RandomSource] = []
        var trajectories: [Trajectory<BlockPushing.State>] = []
        for i in 0..<episodes {
            var episodeRNG = RandomSource(seed: RandomSource.derivedSeed(base: seed, index: i))
            var resetRNG = episodeRNG.split()
            let camera = try PixelPushingEnvironment(task: task, size: policy.imageShape.height, styles: .fixed(style),
                                                     rng: &resetRNG)
            trajectories.append(Trajectory(initialObservation: camera.state, initialState: camera.environment.state))
            cameras.append(camera)
            noise.append(resetRNG)
        }
        var running = Array(0..<episodes)
        while !running.isEmpty {
            let images = Matrix(rows: running.count, cols: policy.imageShape.count, values: running.flatMap { cameras[$0].image })
            let actions = policy.meanActions(images)
            var stillRunning: [Int] = []
            for (row, e) in running.enumerated() {
                let action = actions.row(row)
                let step = try cameras[e].step(action, rng: &noise[e])
                trajectories[e].append(action: cameras[e].actionSpace.clip(action), step: step,
                                       state: cameras[e].environment.state)
                if !step.isDone { stillRunning.append(e) }
            }
            running = stillRunning
        }
        return trajectories
    }
}
