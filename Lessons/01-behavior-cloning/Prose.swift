// The text cells of lesson 1, in teaching order: the lecture's argument in the kit's words.

enum Prose {
    /// Two ways to tell a machine what to do, and what this course builds towards.
    static let introduction = #"""
# Behavior cloning

There are two ways to tell a machine what to do. We can *show* it (demonstrations of the task by
an expert) or we can *score* it (a reward for every step, and let reinforcement learning work out
the rest). This course is about using both, and this first lesson is about the simplest way to use
the first: copy the expert.

**Learning from demonstrations**

- *Strengths*: the expert's actions suggest good things to try, so learning is fast; a policy that
  imitates them is safe enough to deploy before any trial and error.
- *Weaknesses*: demonstrations cost an expert's time; they may be noisy, suboptimal, or show several
  different ways of doing the task; and a copy aims at the original, not beyond it.

**Learning from task rewards**

- *Strengths*: rewards are cheap to specify, and they encode exactly the objective we care about.
- *Weaknesses*: reinforcement learning alone needs an enormous number of trials, and its first
  policy acts at random, which is unsafe on a real system.

What we want, and what the lessons build towards, is the best of both: a learner that needs far
fewer trials than reinforcement learning from scratch, behaves sensibly from its first episode, and
ends up *better* than the expert who taught it.
"""#

    /// Behavior cloning as regression, and why the squared error is maximum likelihood.
    static let supervisedLearning = #"""
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
"""#

    /// The two tasks, their experts, and the sweep over the number of demonstrations.
    static let experiment = #"""
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
"""#

    /// What the lesson showed, and the exercises.
    static let takeaways = #"""
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
  Here the expert is a noise-free controller, and its actions are the clone's only target: there is
  nothing above it to aim at. Against a *noisy* demonstrator a deterministic clone can do better,
  by averaging the noise away; lesson 7 measures it, on a pushing task, next to GAIL and to an
  agent that also has the task's reward.

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
"""#
}
