// The text cells of lesson 5, in teaching order: the lecture's argument in the kit's words.

enum Prose {
    /// On-policy and off-policy learning, and batch RL: a fixed buffer the agent may never add to.
    static let introduction = #"""
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
"""#

    /// The agent: DDPG's update, its hyper-parameters and network sizes.
    static let ddpg = #"""
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
"""#

    /// Fujimoto et al.'s experiment: agents orange and blue, the same algorithm and the same data, and the three buffers.
    static let orangeAndBlue = #"""
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
"""#

    /// Why blue fails: extrapolation error, and how the figure measures it.
    static let extrapolationError = #"""
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
"""#

    /// Coverage: how much of the state-action space the buffer holds near the actions blue wants to take.
    static let coverage = #"""
## Coverage

How badly blue does may depend on how much of the state-action space the buffer covers around the
actions blue wants to take. The next figure shows each buffer of one seed as points
(angle $\theta$, torque $a$).

The Imitation buffer is a thin curve: in every state the expert took one action, so every other
torque is extrapolation, and blue's critic is free to believe anything about it. This is the
setting that matters for learning from demonstrations, and here it is the one where blue fails:
*the better the demonstrator, the narrower its data*.

The Final and Concurrent buffers of Pendulum behave differently at this scale: blue lags, but on
average it ends close to orange, unlike in Fujimoto et al.'s experiments. One explanation:
Pendulum's state is two-dimensional (angle and velocity) and its action one-dimensional, so 10 000
noisy transitions from a whole training run may fill that small space densely enough that blue
rarely has to extrapolate far, while on the paper's MuJoCo tasks (11 to 17 state and 3 to 6 action
dimensions) a million transitions are sparse. The figure shows how the buffers spread, not how far
blue's actions are from them; the cell after it measures that.
"""#

    /// Coverage put into a number.
    static let coverageMeasured = #"""
### Coverage, measured

A critic trained on a buffer knows $Q(s, a)$ only near the pairs $(s, a)$ the buffer holds; elsewhere
its value is extrapolated. The policy then acts in the states it visits itself, which drift away from
the buffer's as soon as its actions differ from the data's. So the cell runs each final policy, blue's
and that of the agent that filled the buffer, for two episodes, and for every state $s$ it visits finds
the buffer's nearest pair to $(s, \pi(s))$, each coordinate divided by half its range (1 for
$\cos\theta$ and $\sin\theta$, 8 for the angular velocity, 2 for the torque):

$$d(s) = \min_{(s_i, a_i) \in \mathcal{B}} \left\lVert \left(\frac{s - s_i}{\text{scale}_s}, \frac{\pi(s) - a_i}{\text{scale}_a}\right) \right\rVert .$$

It reports the mean of $d$ and the share of visited pairs with $d \le 0.1$ (`BufferCoverage` in
`Sources/Algorithms/OfflineExperiments`). A small distance says the buffer holds what the policy
reaches; a large one says its critic was extrapolating there. It does not prove that extrapolation is
what breaks blue, only that the buffers differ in the way the explanation needs.
"""#

    /// The experiment where the paper ran it: the hopper.
    static let hopper = #"""
## Where the paper ran it: the hopper

Fujimoto et al. ran orange and blue on MuJoCo's Hopper and Walker2d, not on Pendulum. The kit has its
own Hopper-v4 (`Sources/Environments/Hopper/`): a planar one-legged robot with 11 observations (the
height and angles of torso, thigh, leg and foot, and their velocities) and 3 joint torques in
$[-1, 1]$; the reward is 1 for every step it stays up, plus its forward velocity, minus
$10^{-3}\lVert a\rVert^2$, and the episode ends when it falls or after 1 000 steps. The same library
function as above runs the experiment (`runFixedBufferExperiments`); only the environment and the
budget change (`FixedBufferExperimentConfiguration.hopper` in
`Sources/Algorithms/OfflineExperiments/FixedBufferExperiment.swift`):

- **Imitation**: the kit's trained expert (TD3 with 64–64 networks, shipped as
  `Sources/Algorithms/Experts/hopper-expert.json`) fills the buffer without noise, and blue trains on it.
- **Concurrent** (default setting only): orange explores with $\mathcal{N}(0, 0.1)$ and blue learns from
  orange's buffer as it grows, one update each per step.
- **Final buffer** (default setting only): the behavioural agent
  explores with $\mathcal{N}(0, 0.5)$ and keeps every transition, then blue trains on the whole buffer.

The hopper's torques lie in $[-1, 1]$, so these noise levels are the paper's own, not half of them as
on Pendulum.

The budget is far below the paper's ($10^6$ steps and 400–300 networks): 50 000 interacting steps and
64–64 networks, so orange does not learn to hop: its return stays far below the expert's. Claims about
the two buffers orange fills need that budget, so `--quick` runs the expert's buffer alone (10 000
transitions, 12 000 updates for blue). The hopper's rewards are positive, so are its values, and the lower row of the figure
shows the estimates against the true values on a log scale, as the paper does: equal distances are
equal ratios.
"""#

    /// Extrapolation error without a network: Q-learning on a fixed batch of the grid world.
    static let tabularPicture = #"""
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
"""#

    /// What to remember, and the exercises.
    static let takeaways = #"""
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
  ends close to orange; on the expert's narrow buffer it never swings the pendulum up. The coverage
  cell measures the difference: the pairs $(s, \pi(s))$ blue reaches lie farther from the expert's
  buffer than from the two broad ones (5.coverage). That the distance is what breaks blue remains the paper's
  explanation, which three buffers are consistent with but do not prove.
- On the hopper, where the paper ran the experiment, the expert's buffer breaks blue in the same way
  and more visibly: its estimate climbs by decades while its hopper falls within a few steps (claim
  5.hopperImitation). On Concurrent, where blue sees exactly orange's data, blue's estimate runs far
  above its true value, and further than orange's, whose own estimate is two to four times its truth
  (5.hopperConcurrentValue); whether blue's return also falls below orange's there depends on the
  sample of seeds (5.hopperConcurrentReturn). On the Final buffer too blue's estimate runs far above its
  true value (5.hopperFinalValue). Concurrent and Final run at the default setting only, and these
  claims are decided on runs of 12 seeds (`--seed-count 12`), because on the default 4 a single seed
  whose blue underrates its policy can tip them. Whether blue's return falls below orange's on Final
  depends on the seeds and the kernel at this budget (over 12 seeds it did under one BLAS kernel of
  three): orange itself does not learn to hop in 50 000 steps.

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
"""#
}
