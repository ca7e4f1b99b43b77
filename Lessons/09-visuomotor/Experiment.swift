// Lesson 9's choices: the agent's sizes, the budgets, the seeds. The agent itself is the library's
// (`Algorithms/Visuomotor`): lesson 7's mixed-reward agent with a policy on camera images.
import Algorithms
import Datasets
import Environments
import LessonClaims
import LessonKit
import NeuralNetworks
import Numerics

/// Images are 16 × 16 × 3: what two cores can afford for about a hundred thousand steps per run.
let imageSize = 16

/// The agent's settings, the same in every run of the lesson: the encoder, its keypoint readout,
/// the auxiliary task and its pre-training. The critic is chosen per run.
func agentConfiguration(quick: Bool) -> PixelMixedRewardConfiguration {
    var c = PixelMixedRewardConfiguration()
    c.imageSize = imageSize
    // Two convolutions: 16×16×3 → 16×16×8 (stride 1) → 8×8×16 (stride 2), then one keypoint per map.
    c.convolutions = [ConvolutionSpec(filters: 8, kernel: 3, stride: 1, padding: 1),
                      ConvolutionSpec(filters: 16, kernel: 3, stride: 2, padding: 1)]
    c.readout = .keypoints(temperature: 1)
    // The auxiliary task: regress the block's and the pusher's positions from the features.
    c.auxiliaryWeight = 1
    c.auxiliaryTarget = .blockAndPusher
    c.auxiliaryPretraining.steps = quick ? 200 : 1_500
    return c
}

/// The ablation's budget.
struct AblationSchedule {
    /// Training iterations per run, each `environments × stepsPerEnvironment` environment steps.
    var iterations: Int
    /// Evaluate the deterministic policy every this many iterations.
    var evaluationInterval: Int
    /// Episodes per evaluation, from the task's own start states.
    var evaluationEpisodes: Int
}

func ablationSchedule(quick: Bool) -> AblationSchedule {
    quick ? AblationSchedule(iterations: 4, evaluationInterval: 2, evaluationEpisodes: 10)
          : AblationSchedule(iterations: 100, evaluationInterval: 5, evaluationEpisodes: 20)
}

/// Seeds per agent. Two seeds (eight runs, two at a time) take four to five minutes on two cores;
/// the study claims need ``Lesson09Thresholds/studySeeds`` (`--seed-count 12`, about 25 minutes) and the
/// ablations ``Lesson09Thresholds/ablationStudySeeds`` (`--seed-count 24`, about 50 minutes).
func ablationSeedCount(quick: Bool) -> Int { quick ? 1 : 2 }

/// The training seed of the k-th run of each critic: with `--seed 0` the seeds are 0, 1, 2, …,
/// those of `pixel-study --seeds 0,1,2,…` (the measurements in notes/lesson9-foundations.md).
func trainingSeed(base: UInt64, index: Int) -> UInt64 {
    RandomSource.derivedSeed(base: base, scale: 1_000, index: index)
}

/// The seed of the demonstrations (both bodies': the same episodes' start states).
func demonstrationSeed(base: UInt64) -> UInt64 {
    RandomSource.derivedSeed(base: base, scale: 1_000, offset: 77_000)
}

/// The evaluation episodes' seed: the same start states for every run of a lesson run.
func evaluationSeed(base: UInt64) -> UInt64 {
    RandomSource.derivedSeed(base: base, scale: 1_000, offset: 1_000_000)
}


/// The demonstrations every agent learns from: lesson 7's demonstrator with the imitator's own body,
/// 20 episodes, recorded with their states.
func pusherDemonstrations(task: PushingTask, base: UInt64) throws -> [Trajectory<BlockPushing.State>] {
    try task.demonstrations(count: 20, seed: demonstrationSeed(base: base))
}

/// The other embodiment's demonstrations: the same controller driving a paddle (``PaddlePushing``),
/// states only, from the same episodes' seeds (so the same start states) as ``pusherDemonstrations(task:base:)``.
func paddleDemonstrations(task: PushingTask, base: UInt64) throws -> [Trajectory<BlockPushing.State>] {
    try task.paddleDemonstrations(count: 20, seed: demonstrationSeed(base: base))
}

/// Who demonstrated the task to an agent.
enum Demonstrator: Sendable {
    /// Lesson 7's demonstrator with the imitator's own body (the pusher), states and actions.
    case pusher
    /// The same controller driving a paddle, states only.
    case paddle
}

/// One agent of the ablation: what its critic observes, whether it has the auxiliary task (its
/// loss in PPO's and its pre-training), and whose demonstrations it learns from.
struct AgentVariant: Sendable {
    /// The key in results.json: "state", "pixels", "stateWithoutAuxiliary", "paddleStates".
    var id: String
    /// Its name in tables and figures.
    var name: String
    /// What the critic observes.
    var critic: PixelCriticChoice
    /// Whether the auxiliary task is on.
    var auxiliaryTask: Bool
    /// Whose demonstrations (the discriminator sees the block only, so either set serves).
    var demonstrator = Demonstrator.pusher

    /// The recipe: the asymmetric critic, with the auxiliary task.
    static let asymmetric = AgentVariant(id: "state", name: "asymmetric critic (state)", critic: .state, auxiliaryTask: true)
    /// Zhu et al.'s critic ablation: the critic on pixels.
    static let pixelCritic = AgentVariant(id: "pixels", name: "critic on pixels", critic: .pixels, auxiliaryTask: true)
    /// Zhu et al.'s auxiliary-task ablation: the recipe without it.
    static let withoutAuxiliaryTask = AgentVariant(id: "stateWithoutAuxiliary", name: "asymmetric, no auxiliary task",
                                                   critic: .state, auxiliaryTask: false)

    /// The lecture's other embodiment: the recipe, learning from the paddle's states only.
    static let paddleStates = AgentVariant(id: "paddleStates", name: "recipe, paddle's states only", critic: .state,
                                           auxiliaryTask: true, demonstrator: .paddle)

    /// The ablation's agents, in the order of the tables and the figure.
    static let all = [asymmetric, pixelCritic, withoutAuxiliaryTask, paddleStates]

    /// The experiment with this variant's settings; `paddle` holds the other embodiment's demonstrations.
    func experiment(_ base: PixelCriticExperiment, paddle: [Trajectory<BlockPushing.State>]) -> PixelCriticExperiment {
        var experiment = base
        if demonstrator == .paddle { experiment.demonstrations = paddle }
        if !auxiliaryTask {
            experiment.configuration.auxiliaryWeight = 0
            experiment.configuration.auxiliaryPretraining.steps = 0
        }
        return experiment
    }
}
