// Lesson 5: off-policy reinforcement learning fails when it is truly off-policy. Two DDPG agents
// learn from the same data; one of them collected it, the other never acts. The lesson reproduces
// Fujimoto, Meger & Precup (2019) at a small scale on Pendulum and shows extrapolation error, the
// reason, in a grid world small enough to print every Q-value.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import LessonKit
import Numerics
import Plotting

let lesson = Lesson(number: 5, slug: "off-policy-failure", title: "Off-policy RL fails when it is truly off-policy")

lesson.markdown(#"""
# Off-policy RL fails when it is truly off-policy

The last lessons learned from demonstrations by imitating them. A reinforcement learner could use
the same data differently: treat the demonstrations as a batch of transitions $(s, a, r, s')$ and
learn a value function and a policy from them, the way an off-policy agent learns from its replay
buffer. This lesson asks whether that works. It can fail badly, and the reason, extrapolation
error, shapes the next lesson.

## On-policy and off-policy

An **on-policy** method improves the very policy that gathers its data: REINFORCE and PPO (lesson 4)
collect a batch with $\pi_\theta$, take a step on $\theta$, throw the batch away and collect again.
An **off-policy** method learns about one policy from data that another policy, the *behaviour
policy*, collected. Q-learning, DQN, DDPG and TD3 are off-policy: their update

$$
Q(s, a) \leftarrow r + \gamma\, Q\big(s', \pi(s')\big)
$$

is valid for any transition, whoever chose $a$.

In practice, though, the agents we have met fill their replay buffer themselves. The transitions
in it were chosen by earlier versions of the current policy plus a little exploration noise, so
the behaviour policy is never far from the policy being learned. They are off-policy on paper and
close to on-policy in fact.

**Batch RL** (offline RL) takes the idea seriously: the agent receives a fixed buffer
$\mathcal{B}$ and may never add to it. Who would hand us such a buffer? Someone who recorded a
system running, an old controller, or an expert: a set of demonstrations is a fixed batch.
"""#)

lesson.markdown(#"""
## The agent: DDPG

Deep deterministic policy gradient (Lillicrap et al., 2016) learns a critic $Q_\theta(s, a)$ and a
deterministic actor $\pi_\phi(s)$, each with a slowly moving copy ($Q_{\theta'}$, $\pi_{\phi'}$)
that provides stable targets. One update on a mini-batch $B$ drawn from the buffer:

$$
y = r + \gamma\,(1 - d)\; Q_{\theta'}\big(s', \pi_{\phi'}(s')\big)
\qquad
\theta \leftarrow \theta - \alpha_Q \nabla_\theta \frac{1}{|B|}\sum_{B} \big(Q_\theta(s, a) - y\big)^2
$$

$$
\phi \leftarrow \phi - \alpha_\pi \nabla_\phi \Big[-\frac{1}{|B|}\sum_{B} Q_\theta\big(s, \pi_\phi(s)\big)\Big]
\qquad
\theta' \leftarrow \tau\theta + (1-\tau)\theta', \quad \phi' \leftarrow \tau\phi + (1-\tau)\phi'
$$

Here $d = 1$ only when $s'$ *ends the task*. Pendulum never ends: Gymnasium cuts every episode
after 200 steps, but that time limit is not part of the task, so the target still bootstraps
through it (exercise 5.1). The actor climbs the critic: the gradient of $Q_\theta(s, \pi_\phi(s))$
flows through the action into $\phi$ (exercise 5.2). To act, the agent adds Gaussian noise,
$a = \mathrm{clip}(\pi_\phi(s) + \varepsilon,\ -2,\ 2)$ with $\varepsilon \sim \mathcal{N}(0, \sigma^2)$
(exercise 5.5).

TD3 (Fujimoto, van Hoof & Meger, 2018) adds three changes: two critics and the smaller of their
targets, noise on the target action, and an actor that updates every second step. The library has
it (`DDPGConfiguration.td3()`); this lesson, like the paper it reproduces, uses plain DDPG.

The hyper-parameters follow Fujimoto et al.'s re-implementation: Adam with learning rate
$10^{-3}$ for both networks, $\gamma = 0.99$, $\tau = 0.005$, mini-batches of 100, 1000 random steps
before learning starts, then one update per environment step. Their networks have 400 and 300
hidden units; ours have 64 and 64, which learns Pendulum as well and trains several times faster
(the next cell measures it).
"""#)

/// The measured throughput, for the closing summary.
var throughputs: [Throughput] = []

lesson.code("How fast DDPG trains here") { context in
    let formulas: any OffPolicyExercises = context.exercises.offPolicyLearning
    throughputs = []
    for widths in [hiddenWidths, [400, 300]] {
        let small = widths == hiddenWidths
        throughputs.append(try measureThroughput(widths: widths, environmentSteps: context.choose(full: 4_000, quick: 1_000),
                                                 gradientSteps: small ? context.choose(full: 2_000, quick: 500)
                                                                      : context.choose(full: 300, quick: 60),
                                                 formulas: formulas, seed: context.seed))
    }
    var table = Table("DDPG on Pendulum, release build, one core",
                      columns: ["hidden widths", .init("environment steps/s", format: .fixed(0)),
                                .init("gradient steps/s", format: .fixed(0))])
    for t in throughputs {
        try table.addRow(t.widths.map(String.init).joined(separator: "–"), t.environmentStepsPerSecond,
                         t.gradientStepsPerSecond)
    }
    context.show(table)
    context.print("A gradient step is one critic update, one actor update and the two Polyak averages on a",
                  "mini-batch of 100; an environment step is one actor call with exploration noise and one",
                  "Pendulum step. Learning, not simulating, is the bottleneck.")
    context.recordMeasurement("throughput.environmentStepsPerSecond", throughputs[0].environmentStepsPerSecond)
    context.recordMeasurement("throughput.gradientStepsPerSecond", throughputs[0].gradientStepsPerSecond)
    context.recordMeasurement("throughput.paperSize.gradientStepsPerSecond", throughputs[1].gradientStepsPerSecond)
}

lesson.markdown(#"""
## Agent orange and agent blue

Fujimoto, Meger & Precup (2019, "Off-policy deep reinforcement learning without exploration")
train two agents with

1. the same off-policy algorithm, DDPG, and
2. the same data.

The one difference: **orange interacts with the environment** (the usual loop: act, store, train,
repeat), **blue never does**; blue only ever sees the transitions orange's side of the experiment
collected. Three ways to make the data:

- **Final buffer.** A behavioural DDPG agent trains with large exploration noise
  $\mathcal{N}(0, 0.5)$ and every transition it experiences is kept, a diverse buffer meant to
  cover the state and action spaces. Blue trains on the whole buffer afterwards. Orange is the
  behavioural agent.
- **Concurrent.** Orange trains the ordinary way with $\mathcal{N}(0, 0.1)$ noise; blue trains at
  the same time, one update per step, on mini-batches from orange's growing buffer. Both see
  exactly the same data at every moment.
- **Imitation.** A trained agent acts as an expert, without noise, and fills the buffer; blue
  learns from it. Here the expert is the trained orange of the Concurrent setting (a DDPG agent
  trained the standard way, as in the paper, not the scripted Pendulum controller). Orange's
  curve is the expert's return.

The noise is in the environment's units, newton-metres of torque, and it is smaller than the
paper's. Fujimoto et al. add $\mathcal{N}(0, 0.5)$ and $\mathcal{N}(0, 0.1)$ to actions normalised to
$[-1, 1]$; Pendulum's torque lies in $[-2, 2]$, so the paper's scale would be $\sigma = 1.0$ and
$0.2$ N·m. This lesson uses $0.5$ and $0.1$ N·m, half the paper's scale ($0.25$ and $0.05$ in
normalised units), kept from the lesson's first design. Every agent is evaluated every few hundred
updates on the same 10 start states, without noise.

Throughout, the x-axis counts gradient updates, one per environment step for orange. The paper
runs a million steps on MuJoCo; here each buffer holds 10 000 Pendulum transitions (6 000 with
`--quick`) and the whole experiment repeats over several seeds, in parallel on the available cores.
"""#)

/// Every seed's three settings, and the per-setting summaries over seeds.
var experimentRuns: [[SettingRun]] = []
var summaries: [SettingSummary] = []

lesson.code("Train orange and blue") { context in
    let formulas: any OffPolicyExercises = context.exercises.offPolicyLearning
    let started = Date()
    (experimentRuns, summaries) = try runOrangeAndBlue(context: context, formulas: formulas)
    let configuration = experimentConfiguration(quick: context.quick)
    context.print("\(experimentRuns.count) seeds × 3 settings in \(String(format: "%.0f", Date().timeIntervalSince(started))) s;",
                  "each interacting agent took \(configuration.schedule.environmentSteps) steps,",
                  "\(configuration.schedule.updates) updates.")
    var table = Table("Return at the end of training (mean ± std over seeds, last 3 evaluations)",
                      columns: ["setting", .init("orange", format: .fixed(0)), .init("± std", format: .fixed(0)),
                                .init("blue", format: .fixed(0)), .init("± std", format: .fixed(0)),
                                .init("blue − orange", format: .fixed(0))])
    for summary in summaries {
        let orange = summary.finalReturn(\.orange), blue = summary.finalReturn(\.blue)
        try table.addRow(summary.setting.title, orange.mean, orange.std, blue.mean, blue.std, blue.mean - orange.mean)
        let key = "experiment.\(summary.setting.rawValue)"
        context.record("\(key).orange.finalReturn", ["mean": orange.mean, "std": orange.std])
        context.record("\(key).blue.finalReturn", ["mean": blue.mean, "std": blue.std])
        let orangeValues = summary.finalValues(\.orange), blueValues = summary.finalValues(\.blue)
        context.record("\(key).orange.finalValue", ["estimate": orangeValues.estimate, "truth": orangeValues.truth])
        context.record("\(key).blue.finalValue", ["estimate": blueValues.estimate, "truth": blueValues.truth])
        for (agent, path) in [("orange", \SettingSummary.orange), ("blue", \SettingSummary.blue)] {
            context.record("\(key).\(agent).finalReturnPerSeed", summary.finalReturnPerSeed(path))
            context.record("\(key).\(agent).overestimationPerSeed", summary.overestimationPerSeed(path))
        }
        let returns = (orange: CurveStatistics.returns(summary.orange), blue: CurveStatistics.returns(summary.blue))
        context.record("\(key).curves", ["updates": returns.orange.updates.map(Double.init),
                                         "orangeReturn": returns.orange.mean, "blueReturn": returns.blue.mean,
                                         "orangeEstimate": CurveStatistics.estimatedValues(summary.orange).mean,
                                         "orangeTruth": CurveStatistics.trueValues(summary.orange).mean,
                                         "blueEstimate": CurveStatistics.estimatedValues(summary.blue).mean,
                                         "blueTruth": CurveStatistics.trueValues(summary.blue).mean])
    }
    context.show(table)
    context.record("experiment.seeds", experimentRuns.count)
    context.record("experiment.environmentSteps", configuration.schedule.environmentSteps)
}

lesson.figure("returns", caption: "Return of orange (orange) and blue (blue) over gradient updates, mean ± "
    + "standard deviation over seeds. Final buffer: orange is the behavioural agent (noise N(0, 0.5)); Concurrent: "
    + "both learn from orange's buffer at the same time; Imitation: orange is the expert that filled the buffer.") { _ in
    guard !summaries.isEmpty else { throw CellSkipped("the experiment did not run") }
    return returnCurvesFigure(summaries)
}

lesson.markdown(#"""
## Why blue fails: extrapolation error

Look at the target blue regresses on:

$$
Q(s, a) \leftarrow r + \gamma\, Q\big(s', a'\big), \qquad (s, a, r, s') \sim \mathcal{B}, \quad a' = \pi(s').
$$

The pair $(s, a)$ comes from the data, but $a' = \pi(s')$ is chosen by blue's own policy, which
maximises blue's critic. Nothing guarantees that the buffer contains anything like $(s', a')$.
Where it does not, $Q(s', a')$ is whatever the network happens to output there: never corrected
by data, and, because the actor seeks the *largest* value, picked precisely where that arbitrary
output is too high. The error then travels: $Q(s, a)$ is regressed on it, the states before $s$
are regressed on $Q(s, a)$, and so on back through the buffer. Fujimoto et al. call this
**extrapolation error**: evaluating a policy on state-action pairs the data does not contain.

Orange suffers the same error but cures it. When its critic overrates an action, orange *takes*
that action, sees the real outcome, stores it and corrects the value. Blue cannot; its mistakes are
permanent. The most striking symptom is in the value estimates: blue's critic believes its
policy is worth far more than it is.

The figure compares each agent's estimate $\hat Q(s_0, \pi(s_0))$, averaged over the evaluation's
start states, with the true value of its policy from the same states,

$$
V^\pi(s_0) = \mathbb{E}\Big[\sum_{t \ge 0} \gamma^t r_t \;\Big|\; s_0, \pi\Big] \approx G_0 = \sum_{t=0}^{T-1} \gamma^t r_t,
$$

measured by rolling the policy out for $T = 600$ steps, past the 200-step time limit that the
critic also ignores, and summing the discounted rewards (exercise 5.4; the cut-off costs at most
$\gamma^{600} \cdot 16.3 / (1 - \gamma) \approx 4$).
"""#)

lesson.figure("values", caption: "Each agent's value estimate Q(s_0, π(s_0)) (solid, mean ± std over seeds) "
    + "against the true discounted return of its policy from the same start states (dashed, Monte-Carlo, "
    + "γ = 0.99). Rewards are negative, so every true value lies below 0 (dotted line).") { _ in
    guard !summaries.isEmpty else { throw CellSkipped("the experiment did not run") }
    return valueEstimatesFigure(summaries)
}

lesson.code("How far the estimates drift") { context in
    guard !summaries.isEmpty else { throw CellSkipped("the experiment did not run") }
    var table = Table("Value estimate and true value at the end of training (mean over seeds)",
                      columns: ["setting", "agent", .init("estimate Q(s_0, π(s_0))", format: .fixed(0)),
                                .init("true value", format: .fixed(0)), .init("estimate − truth", format: .fixed(0))])
    for summary in summaries {
        for (name, path) in [("orange", \SettingSummary.orange), ("blue", \SettingSummary.blue)] {
            let values = summary.finalValues(path)
            try table.addRow(summary.setting.title, name, values.estimate, values.truth, values.estimate - values.truth)
        }
    }
    context.show(table)
    let imitation = summaries[2], final = summaries[0], concurrent = summaries[1]
    let gap = { (summary: SettingSummary) in summary.finalReturn(\.orange).mean - summary.finalReturn(\.blue).mean }
    let drift = { (summary: SettingSummary, path: KeyPath<SettingSummary, [EvaluationCurve]>) in
        summary.finalValues(path).estimate - summary.finalValues(path).truth
    }
    context.markdown(String(format: """
        **What this run shows.** Imitation: blue's final return is %.0f against the expert's %.0f, and \
        blue's estimate exceeds the true value of its policy by %.0f (the expert's by %.0f). Final buffer and \
        Concurrent: blue's return minus orange's is %+.0f and %+.0f; blue's estimate minus the truth is %+.0f \
        and %+.0f, orange's %+.0f and %+.0f.
        """, imitation.finalReturn(\.blue).mean, imitation.finalReturn(\.orange).mean, drift(imitation, \.blue),
        drift(imitation, \.orange), -gap(final), -gap(concurrent), drift(final, \.blue), drift(concurrent, \.blue),
        drift(final, \.orange), drift(concurrent, \.orange)))
}

lesson.markdown(#"""
## A hypothesis: coverage

How badly blue does may depend on how much of the state-action space the buffer covers around the
actions blue wants to take. The next figure shows each buffer of one seed as points
(angle $\theta$, torque $a$).

The Imitation buffer is a thin curve: in every state the expert took one action, so every other
torque is extrapolation, and blue's critic is free to believe anything about it. This is the
setting that matters for learning from demonstrations, and here it is the one where blue fails:
*the better the demonstrator, the narrower its data*.

The Final and Concurrent buffers of Pendulum behave differently at this scale: blue lags, but on
average it ends close to orange, unlike in Fujimoto et al.'s experiments. One explanation, which
this lesson does **not** measure: Pendulum's state is two-dimensional (angle and velocity) and its
action one-dimensional, so 10 000 noisy transitions from a whole training run may fill that small
space densely enough that blue rarely has to extrapolate far, while on the paper's MuJoCo tasks
(11 to 17 state and 3 to 6 action dimensions) a million transitions are sparse. Treat it as a
hypothesis: the figure shows how the buffers spread, not how far blue's actions are from them, and
this reproduction does not show that part of the paper.
"""#)

lesson.code("Save the buffers") { context in
    guard let first = experimentRuns.first else { throw CellSkipped("the experiment did not run") }
    let folder = context.outputDirectory.appendingPathComponent("buffers")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var table = Table("Seed \(context.seed)'s fixed buffers, saved as NPZ with D4RL keys",
                      columns: ["setting", "file", "transitions",
                                .init("action std", format: .fixed(2)), .init("behaviour return", format: .fixed(0))])
    for run in first {
        let name = "\(run.setting.rawValue)-seed\(context.seed).npz"
        try run.buffer.save(to: folder.appendingPathComponent(name))
        let actions = run.buffer.actions.map(Double.init)
        try table.addRow(run.setting.title, "buffers/\(name)", run.buffer.count, meanAndStandardDeviation(of: actions).std,
                         run.orange.finalReturn(lastPoints: 3))
        context.record("buffers.\(run.setting.rawValue).actionStd", meanAndStandardDeviation(of: actions).std)
    }
    context.show(table)
    context.print("Load one in Python with numpy.load(\"buffers/final-seed\(context.seed).npz\"); lesson 6 trains BCQ on the same buffers.")
}

lesson.figure("buffers", caption: "Angle θ against torque a for a subset of the transitions of each fixed buffer "
    + "(the first seed). The expert's Imitation buffer holds one torque per state: everything else is extrapolation.") { context in
    guard let first = experimentRuns.first else { throw CellSkipped("the experiment did not run") }
    return bufferCoverageFigure(first, seed: context.seed)
}

lesson.markdown(#"""
## The tabular picture

Extrapolation error needs no neural network. Take the 6×6 grid world (reward 1 for the goal G,
−1 for a trap X, 0 otherwise, $\gamma = 0.9$), let an expert with 10 % random moves walk from S a
few times, keep the transitions, and run tabular Q-learning on that batch alone,
sweeping it again and again (exercise 5.3):

$$
Q(s, a) \leftarrow (1 - \alpha)\,Q(s, a) + \alpha\big(r + \gamma\,(1 - d)\max_{a'} Q(s', a')\big).
$$

The maximum runs over *all four* moves of $s'$, but only the moves the batch tried ever get
updated. Every other entry keeps its initial value for ever. Start the table optimistically at
$r_{max}/(1-\gamma) = 10$, a textbook choice for exploring agents, and every untried move stays at
10, above anything real: the greedy policy picks them everywhere, and the values of the tried
moves, bootstrapped from those 10s, are inflated too. Start it at random values, as a freshly
initialised network effectively does, and the greedy policy still picks untried moves wherever
their random value happens to beat the real one.
"""#)

/// The tabular experiment, for its figure.
var tabular: TabularExperiment?

lesson.code("Q-learning on a batch of the grid world") { context in
    let formulas: any OffPolicyExercises = context.exercises.offPolicyLearning
    let experiment = try runTabularExperiment(formulas: formulas, seed: context.seed, episodes: 10)
    tabular = experiment
    let world = experiment.world
    context.print("The batch: \(experiment.batch.transitions.count) transitions, \(experiment.batch.distinctPairs) distinct",
                  "(s, a) pairs, \(experiment.visitedStates.count) states visited; an optimal agent from S earns",
                  String(format: "%.3f", experiment.optimal.values[world.startState]) + " (discounted).")
    var table = Table("Q-learning on the batch alone",
                      columns: ["initial table", .init("visited states whose greedy move was never tried", format: .percent(0)),
                                "untried moves kept their initial value", "greedy policy reaches G",
                                .init("its discounted return", format: .fixed(3))])
    for outcome in experiment.outcomes {
        let fraction = experiment.fractionGreedyUntried(outcome)
        let kept = experiment.untriedKeepTheirInitialValue(outcome)
        try table.addRow(outcome.name, fraction, kept ? "yes" : "no", outcome.rollout.reachedGoal ? "yes" : "no",
                         outcome.rollout.discountedReturn)
        context.record("tabular.\(outcome.name).fractionGreedyUntried", fraction)
        context.record("tabular.\(outcome.name).untriedKeepInitialValue", kept)
        context.record("tabular.\(outcome.name).reachesGoal", outcome.rollout.reachedGoal)
        context.record("tabular.\(outcome.name).discountedReturn", outcome.rollout.discountedReturn)
    }
    context.show(table)
    context.record("tabular.optimalReturn", experiment.optimal.values[world.startState])
    context.record("tabular.batchPairs", experiment.batch.distinctPairs)
}

lesson.figure("tabular", caption: "Left: the batch's moves (white arrows) over the optimal values V*; a dot marks a "
    + "state the batch never visited. Middle and right: Q-learning on the batch from an optimistic and from a random "
    + "table: colour max_a Q(s, a), the greedy move in each cell, vermilion where the batch never tried that move, "
    + "and the greedy path from S (dashed).") { _ in
    guard let tabular else { throw CellSkipped("the tabular experiment did not run") }
    return tabularFigure(tabular)
}

lesson.markdown(#"""
## Take-aways

- "Off-policy" agents such as DDPG and TD3 learn from data their own recent policies collected;
  that data keeps being corrected by interaction.
- From a fixed batch, the same algorithm evaluates its policy on state-action pairs the batch
  may not contain. The critic's values there are never corrected, the maximisation picks the
  overrated ones, and bootstrapping spreads the error: **extrapolation error**.
- The symptom is a value estimate far above the true return of the policy. The cure is not more
  updates, it is to stay where the data is: lesson 6 constrains the policy to actions the batch
  supports (batch-constrained Q-learning).
- How much it hurts varies with the buffer. On Pendulum's broad Final and Concurrent buffers blue
  ends close to orange; on the expert's narrow buffer it never swings the pendulum up. That
  coverage is the reason is a hypothesis this lesson states but does not measure.

## Exercises

Write these in `Exercises/05-off-policy-failure/`, then run
`swift run -c release 05-off-policy-failure --implementation exercises` and
`swift run -c release grade --lesson 5`:

1. **5.1** `criticTarget` (`CriticTarget.swift`): $y = r + \gamma (1 - d)\,Q'(s', \pi'(s'))$, with
   terminals that stop the bootstrap and timeouts that do not.
2. **5.2** `deterministicPolicyGradientLoss` (`DeterministicPolicyGradientLoss.swift`): the actor's
   loss $-\frac{1}{n}\sum Q(s, \pi(s))$, with the gradient flowing through the action.
3. **5.3** `qLearningUpdate` (`QLearningUpdate.swift`): one tabular Q-learning step from a batch
   transition.
4. **5.4** `discountedReturns` (`DiscountedReturns.swift`): the discounted Monte-Carlo returns of a
   rollout, the "true value" of the figures.
5. **5.5** `explorationAction` (`ExplorationAction.swift`): clipped Gaussian exploration noise.

To go further: switch the agents to TD3 (`DDPGConfiguration.td3(...)` in `Experiment.swift`) and see
whether clipped double Q-learning, which fights overestimation, rescues blue on the Imitation
buffer.
"""#)

lesson.claims()

lesson.run()
