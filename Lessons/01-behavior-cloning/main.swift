// Lesson 1: behavior cloning. Imitation as supervised learning; why the squared error is maximum
// likelihood; and an experiment showing that a policy can fit its demonstrations perfectly and
// still fail, unless it has seen enough of them.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import Implementations
import LessonKit
import NeuralNetworks
import Numerics
import Plotting

let lesson = Lesson(number: 1, slug: "behavior-cloning", title: "Behavior cloning")

lesson.markdown(#"""
# Behavior cloning

There are two ways to tell a machine what to do. We can *show* it (demonstrations of the task by
an expert) or we can *score* it (a reward for every step, and let reinforcement learning work out
the rest). This course is about using both, and this first lesson is about the simplest way to use
the first: copy the expert.

**Learning from demonstrations**

- *Strengths*: the expert's actions suggest good things to try, so learning is fast; a policy that
  imitates them is safe enough to deploy before any trial and error.
- *Weaknesses*: demonstrations cost an expert's time; they may be noisy, suboptimal, or show several
  different ways of doing the task; and a copy can never be better than the original.

**Learning from task rewards**

- *Strengths*: rewards are cheap to specify, and they encode exactly the objective we care about.
- *Weaknesses*: reinforcement learning alone needs an enormous number of trials, and its first
  policy acts at random, which is unsafe on a real system.

What we want, and what the lessons build towards, is the best of both: a learner that needs far
fewer trials than reinforcement learning from scratch, behaves sensibly from its first episode, and
ends up *better* than the expert who taught it.
"""#)

lesson.markdown(#"""
## Imitation as supervised learning

The expert $\pi^*$ drives (or swings a pendulum) for a while and we record the pairs it produced,
$\mathcal{T} = \{(s_t, a_t)\}$ with $a_t = \pi^*(s_t)$. Behavior cloning (BC) forgets that these
pairs came from a sequential decision problem and treats them as an ordinary regression dataset:
inputs $s$, targets $a$. A network $\pi_\theta$ is fitted by minimising the squared error

$$
L_{BC}(\theta) = \mathbb{E}_{(s,a)\sim\mathcal{T}}\, \|a - \pi_\theta(s)\|^2
\approx \frac{1}{B}\sum_{i=1}^{B} \|a_i - \pi_\theta(s_i)\|^2
$$

over minibatches of $B$ pairs, with Adam. That is all: no environment interaction, no reward.

### The squared error is maximum likelihood

Why the squared error? Think of the policy as a distribution over actions, a Gaussian centred on
the network's output with a fixed spread $\sigma$ on each of the $d$ action coordinates:
$\pi_\theta(a \mid s) = \mathcal{N}(a;\, \mu_\theta(s),\, \sigma^2 I)$. Its log-density is

$$
\log \pi_\theta(a \mid s) = -\frac{\|a - \mu_\theta(s)\|^2}{2\sigma^2} - \frac{d}{2}\log(2\pi\sigma^2).
$$

Averaging over the dataset and changing the sign gives the negative log-likelihood

$$
-\mathbb{E}_{\mathcal{T}} \log \pi_\theta(a \mid s)
= \frac{1}{2\sigma^2}\, \mathbb{E}_{\mathcal{T}} \|a - \mu_\theta(s)\|^2 + \frac{d}{2}\log(2\pi\sigma^2)
= \frac{L_{BC}(\theta)}{2\sigma^2} + \text{const}.
$$

The constant does not depend on $\theta$ and the factor $1/(2\sigma^2)$ is positive, so both
objectives have the same minimiser:

$$
\arg\min_\theta L_{BC}(\theta) = \arg\max_\theta \mathbb{E}_{(s,a)\sim\mathcal{T}} \log \pi_\theta(a \mid s).
$$

Behavior cloning is maximum *conditional* likelihood: it makes the expert's actions as likely as
possible **in the states of the demonstrations**. Notice what the objective does not mention: the
states the expert never visited. There, the fitted policy can do anything at all. The rest of this
lesson, and all of the next, is about the consequences.
"""#)

// Shared between cells, as in a notebook.
var pendulumResult: SweepResult?
var carResult: SweepResult?
let pendulum = Pendulum()
let pendulumExpert = PendulumExpert()
let car = LaneKeepingCar()
let carExpert = LaneKeepingExpert(for: car)

lesson.code("Checking the identity numerically") { context in
    let formulas = exerciseSet(for: context.implementation).set.behaviorCloning
    var rng = RandomSource(seed: context.seed)
    // A batch of real pairs (two Pendulum demonstrations) and an untrained policy's predictions.
    let demonstrations = try Rollout.run(pendulum, expert: pendulumExpert, episodes: 2, seed: 77)
    let dataset = try ImitationDataset(trajectories: demonstrations)
    let untrained = try BehaviorCloning(configuration: .init(gradientSteps: 0), formulas: formulas)
        .train(on: dataset, rng: &rng).policy
    let predictions = untrained(Tensor(dataset.observations))
    let bcLoss = Double(try formulas.behaviorCloningLoss(predictedActions: predictions, expertActions: Tensor(dataset.actions)).scalar)
    let bcGradient = try formulas.behaviorCloningLoss(predictedActions: untrained(Tensor(dataset.observations)),
                                                      expertActions: Tensor(dataset.actions)).gradients(for: untrained.parameters)

    var table = Table("−mean log π_θ(a|s) against L_BC/(2σ²) + (d/2)·log(2πσ²) on \(dataset.count) Pendulum pairs",
                      columns: [.init("σ", format: .fixed(2)), .init("negative log-likelihood", format: .fixed(5)),
                                .init("L_BC/(2σ²) + const", format: .fixed(5)), .init("relative gap", format: .scientific(1)),
                                .init("|∇NLL| / |∇L_BC|", format: .fixed(4)), .init("1/(2σ²)", format: .fixed(4))])
    var worstGap = 0.0, worstRatioError = 0.0
    for sigma: Float in [0.1, 0.5, 1, 2] {
        let logLikelihood = try formulas.gaussianLogLikelihood(actions: Tensor(dataset.actions),
                                                               means: untrained(Tensor(dataset.observations)),
                                                               standardDeviation: sigma)
        let nll = -logLikelihood.mean()
        let variance = Double(sigma * sigma)
        let predicted = bcLoss / (2 * variance) + 0.5 * Double(dataset.actionSize) * log(2 * Double.pi * variance)
        let gap = abs(Double(nll.scalar) - predicted) / abs(predicted)
        let nllGradient = nll.gradients(for: untrained.parameters)
        let ratio = Double(globalNorm(nllGradient) / globalNorm(bcGradient))
        worstGap = max(worstGap, gap)
        worstRatioError = max(worstRatioError, abs(ratio * 2 * variance - 1))
        try table.addRow(Double(sigma), Double(nll.scalar), predicted, gap, ratio, 1 / (2 * variance))
    }
    context.show(table)

    // Train twice from the same seed: once on L_BC, once on the negative log-likelihood (σ = 0.5).
    let configuration = BehaviorCloningConfiguration(gradientSteps: context.choose(full: 1_000, quick: 300))
    var first = RandomSource(seed: RandomSource.derivedSeed(base: context.seed, offset: 1)), second = first
    let squared = try BehaviorCloning(configuration: configuration, formulas: formulas).train(on: dataset, rng: &first).policy
    let likelihood = try BehaviorCloning(configuration: configuration,
                                         formulas: GaussianLikelihoodFormulas(base: formulas, standardDeviation: 0.5))
        .train(on: dataset, rng: &second).policy
    let a = squared(Tensor(dataset.observations)).value.scalars, b = likelihood(Tensor(dataset.observations)).value.scalars
    let difference = zip(a, b).map { Double(abs($0 - $1)) }.max() ?? 0
    context.print(String(format: "Largest relative gap between the two sides: %.1e; the gradients point the same way, "
                         + "scaled by 1/(2σ²) (largest deviation of the ratio: %.1e).", worstGap, worstRatioError))
    context.print(String(format: "Two policies trained from the same seed, one on L_BC and one on the Gaussian likelihood "
                         + "(σ = 0.5), differ by at most %.1e N·m on the training states: Adam divides each step by the "
                         + "gradient's own scale, so a constant factor on the loss leaves its path unchanged up to "
                         + "its small ε and rounding.", difference))
    context.record("identity.maxRelativeGap", worstGap)
    context.record("identity.maxGradientRatioError", worstRatioError)
    context.record("identity.trainedPolicyMaxDifference", difference)
}

lesson.markdown(#"""
## The experiment

Two tasks, each with a scripted expert:

- **Pendulum** (Gymnasium's Pendulum-v1): swing a pendulum up from a random angle and keep it
  upright, with a torque limited to ±2 N·m; the observation is $(\cos\theta, \sin\theta, \dot\theta)$,
  the reward $-(\theta^2 + 0.1\dot\theta^2 + 0.001a^2)$ per step, 200 steps per episode. The expert
  pumps energy into the swing, then balances with a linear-quadratic regulator, and looks ahead
  through the model to pick the quicker swing direction.
- **Lane-keeping car**: a kinematic car at 5 m/s on a curved closed track; the observation is the
  lateral offset $d$, the heading error $\psi$ and the track's curvature here and 5 m and 10 m ahead;
  the action is the steering. The reward is about 1 per step of progress, minus $(d/2.5)^2$, and the
  episode ends if the car leaves the 5 m-wide lane. The expert is a feedback controller on $d$ and
  $\psi$ with a curvature feed-forward. An evaluation episode lasts 300 steps, about one lap. Each
  demonstration is only 50 steps (5 s, a fifth of a lap) from a random place on the track, so a single
  demonstration shows only some of the track's bends.

For each number of demonstrations, 1, 2, 5, 10 and 25, we train an MLP policy (two hidden layers of
64 ReLU units) by minibatch Adam on $L_{BC}$, and measure its return on the same evaluation episodes
as the expert's. Everything is repeated over several seeds (new demonstrations, new initial weights,
new minibatches).
"""#)

lesson.code("Behavior cloning on Pendulum") { context in
    let formulas = exerciseSet(for: context.implementation).set.behaviorCloning
    let settings = SweepSettings(demonstrationCounts: [1, 2, 5, 10, 25], seeds: context.choose(full: 6, quick: 3),
                                 demonstrationSteps: nil, evaluationEpisodes: context.choose(full: 20, quick: 10),
                                 behaviorCloning: .init(gradientSteps: context.choose(full: 3_000, quick: 2_000)))
    let bar = context.progress(total: settings.seeds * settings.demonstrationCounts.count, label: "Pendulum")
    let result = try runSweep(env: pendulum, expert: pendulumExpert, settings: settings, formulas: formulas,
                              seed: context.seed, evaluationSeed: 50_000, progress: bar)
    bar.finish()
    pendulumResult = result
    context.show(try table(for: result, title: "Pendulum: return over \(settings.evaluationEpisodes) episodes, "
                           + "\(settings.seeds) seeds"))
    record(result, as: "pendulum", in: context)
}

lesson.code("Behavior cloning on the lane-keeping car") { context in
    let formulas = exerciseSet(for: context.implementation).set.behaviorCloning
    let settings = SweepSettings(demonstrationCounts: [1, 2, 5, 10, 25], seeds: context.choose(full: 6, quick: 3),
                                 demonstrationSteps: 50, evaluationEpisodes: context.choose(full: 20, quick: 10),
                                 behaviorCloning: .init(gradientSteps: context.choose(full: 3_000, quick: 2_000)))
    let bar = context.progress(total: settings.seeds * settings.demonstrationCounts.count, label: "car")
    let result = try runSweep(env: car, expert: carExpert, settings: settings, formulas: formulas,
                              seed: RandomSource.derivedSeed(base: context.seed, offset: 100), evaluationSeed: 60_000, progress: bar)
    bar.finish()
    carResult = result
    context.show(try table(for: result, title: "Lane-keeping car: return over \(settings.evaluationEpisodes) laps, "
                           + "\(settings.seeds) seeds"))
    record(result, as: "car", in: context)
}

lesson.figure("loss", caption: "The training loss L_BC of seed 0 (running mean over 25 steps, log scale). It falls "
              + "by orders of magnitude; with one demonstration it falls furthest, because there is least to fit.") { _ in
    guard let pendulumResult, let carResult else { throw CellSkipped("needs both experiments") }
    var figure = Figure(width: 10, height: 3.8, rows: 1, columns: 2)
    figure.title = "Behavior cloning fits its demonstrations"
    figure[0, 0] = lossPanel(pendulumResult, title: "Pendulum", counts: [1, 5, 25])
    figure[0, 1] = lossPanel(carResult, title: "Lane-keeping car", counts: [1, 5, 25])
    return figure
}

lesson.figure("returns", caption: "Return against the number of demonstrations (mean ± standard deviation over "
              + "seeds); the dashed line is the expert. Few demonstrations give a poor policy, many give the expert's "
              + "return.") { _ in
    guard let pendulumResult, let carResult else { throw CellSkipped("needs both experiments") }
    var figure = Figure(width: 10, height: 3.8, rows: 1, columns: 2)
    figure.title = "More demonstrations, better clones"
    figure[0, 0] = returnPanel(pendulumResult, title: "Pendulum", yLabel: "return (sum of 200 rewards)")
    figure[0, 1] = returnPanel(carResult, title: "Lane-keeping car", yLabel: "return (sum of 300 rewards)")
    return figure
}

lesson.figure("actions", caption: "The torque over the pendulum's state space: the expert (left), and BC trained "
              + "on 2 and on 25 demonstrations; the black dots are the states each clone was trained on. The expert's "
              + "torque jumps (saturation, swing-up versus balancing, choice of swing direction). Where a clone has "
              + "data it agrees with the expert; away from the dots it makes up its own answer.") { _ in
    guard let pendulumResult, let few = pendulumResult.policies[2], let many = pendulumResult.policies[25],
          let fewEnd = pendulumResult.demonstrationEnds[2], let manyEnd = pendulumResult.demonstrationEnds[25] else {
        throw CellSkipped("needs the Pendulum experiment")
    }
    var figure = Figure(width: 14, height: 4.2, rows: 1, columns: 3)
    figure.title = "Expert π* and behavior cloning π_θ: torque a over angle θ × velocity θ̇"
    figure[0, 0] = actionPanel(title: "expert π*", action: { pendulumExpert.action(for: $0)[0] }, demonstrations: nil)
    figure[0, 1] = actionPanel(title: "BC, 2 demonstrations", action: { few.action(for: $0)[0] },
                               demonstrations: Array(pendulumResult.demonstrations.prefix(fewEnd)))
    figure[0, 2] = actionPanel(title: "BC, 25 demonstrations", action: { many.action(for: $0)[0] },
                               demonstrations: Array(pendulumResult.demonstrations.prefix(manyEnd)))
    return figure
}

lesson.code("What the numbers say") { context in
    guard let pendulumResult, let carResult else { throw CellSkipped("needs both experiments") }
    func summary(_ r: SweepResult, _ name: String) -> String {
        let means = r.mean(r.returns), losses = r.mean(r.finalLoss)
        return String(format: "- **%@**: the expert's return is %.1f. With one demonstration BC reaches %.1f although its "
                      + "training loss is only %.1e; with 25 it reaches %.1f (training loss %.1e).",
                      name, r.expertMeanReturn, means.first ?? .nan, losses.first ?? .nan, means.last ?? .nan, losses.last ?? .nan)
    }
    context.markdown(summary(pendulumResult, "Pendulum") + "\n" + summary(carResult, "Lane-keeping car"))
}

lesson.markdown(#"""
## Take-aways

- Behavior cloning is supervised learning on the expert's state-action pairs. With a Gaussian
  policy of fixed variance, minimising the squared error *is* maximising the likelihood of the
  expert's actions; the two losses differ by a positive factor and a constant, and Adam does not
  even notice the factor.
- The training loss always falls to nearly zero. That says the network fits its data; it says
  nothing about how the policy does when it *acts*, because acting takes it to states that are not in
  the data.
- With few demonstrations the clone is far below the expert even though it fits them almost
  perfectly; with enough demonstrations to cover the states it will meet, it matches the expert.
  Here it does not surpass the expert, a near-optimal controller whose actions are its only target.
  Against a *noisy* demonstrator a deterministic clone may do better, by averaging the noise away:
  the lecture's question whether imitation can outperform the expert is an empirical one, and this
  lesson does not measure it.

The next lesson asks *why* a policy with a tiny training loss fails, and how fast its mistakes grow
with the length of the task.

## Exercises

Write these in `Exercises/01-behavior-cloning/` (one file each), then run this lesson with
`--implementation exercises` and grade them with `swift run -c release grade --lesson 1`.

1. **1.1 `behaviorCloningLoss`** (`BehaviorCloningLoss.swift`): $L_{BC}$ over a batch, as a `Tensor`
   expression so that the trainer can differentiate it. Every policy in this lesson is trained with it.
2. **1.2 `gaussianLogLikelihood`** (`GaussianLogLikelihood.swift`): $\log \mathcal{N}(a; \mu, \sigma^2 I)$
   per example; the first code cell checks the identity above with it.
3. **1.3 `minibatchIndices`** (`MinibatchIndices.swift`): one epoch of shuffled minibatches; the
   trainer draws every batch from it.
4. **1.4 `discountedReturn`** (`DiscountedReturn.swift`): $\sum_t \gamma^t r_t$; every return in the
   tables is computed with it ($\gamma = 1$).
"""#)

lesson.claims()

lesson.run()
