// The text cells of lesson 4, in teaching order: the lecture's argument, in the kit's words, with its mathematics.

enum Prose {
    /// What behavior cloning leaves out, and GAIL's idea: match the expert's state-action distribution.
    static let introduction = #"""
# Lesson 4 — Generative adversarial imitation learning (GAIL)

Behavior cloning (lesson 1) makes the expert's actions likely *on the expert's states*:

$$
\theta^* = \arg\max_\theta \; \mathbb{E}_{(s,a)\sim\mathcal{T}} \log \pi_\theta(a \mid s).
$$

It says nothing about states the demonstrations never visit, and lesson 2 showed that the
learner's own small mistakes carry it to exactly such states, where its errors compound. This
lesson changes the objective. Instead of matching *actions on the expert's states*, we ask the
policy to produce the same *distribution of state-action pairs* as the expert:

$$
\rho_{\pi_\theta}(s, a) \;\approx\; \rho_{\pi^*}(s, a),
$$

where $\rho_\pi(s,a)$ is how often $\pi$, run in the environment, visits $s$ and takes $a$ there.
If the two occupancy distributions agree, the policy is where the expert was *and* does what the
expert did there. Drifting away from the expert's states is now itself a mismatch that the
objective penalises, so the learner is pushed back towards them: a cure for compounding error.

We cannot write $\rho_{\pi_\theta}$ down — it depends on the unknown dynamics — but we can
*sample* it, by running the policy. Lesson 3 matched a distribution known only through samples
with a GAN. GAIL (Ho & Ermon, 2016) does the same with the policy as the generator: a generator
that is *conditioned on the state*, $\pi_\theta(s) \to a$, and whose samples are produced by the
environment.
"""#

    /// The discriminator D(s, a) and its loss.
    static let discriminator = #"""
## The discriminator

The discriminator $D_\phi(s,a) \in (0, 1)$ is the probability that a pair came from the expert.
We use the lecture's convention: a good discriminator has $D \to 1$ on expert pairs and $D \to 0$
on the policy's. Written as a loss to minimise, it is the binary cross-entropy with label 1 for the
expert:

$$
\mathcal{L}_D(\phi) = -\,\mathbb{E}_{(s,a)\sim \text{demo}} \log D_\phi(s,a)
\;-\; \mathbb{E}_{(s,a)\sim \pi_\theta} \log\bigl(1 - D_\phi(s,a)\bigr).
$$

*A remark on the slide.* The lecture writes the discriminator's step as minimising
$\mathbb{E}_{\text{demo}} \log(1-D) + \mathbb{E}_{\pi} \log D$. Descending that expression moves $D$
the same way (up on expert pairs, down on the policy's), but it has no minimum: it falls to
$-\infty$ as $D$ saturates. With $D = \sigma(z)$ for a logit $z$, compare the gradients on one
expert pair:

$$
\frac{\partial}{\partial z}\bigl[\log(1 - \sigma(z))\bigr] = -\sigma(z),
\qquad
\frac{\partial}{\partial z}\bigl[-\log \sigma(z)\bigr] = -(1 - \sigma(z)).
$$

The first never fades, so the logits grow without bound; the second vanishes once the pair is
recognised ($D \to 1$). We minimise the cross-entropy.

For a fixed policy its minimiser is lesson 3's optimal discriminator,
$D^*(s,a) = \rho_{\pi^*}(s,a) / (\rho_{\pi^*}(s,a) + \rho_{\pi_\theta}(s,a))$, whose logit is the log
density ratio $z^* = \log \rho_{\pi^*}(s,a) / \rho_{\pi_\theta}(s,a)$.

**Numerically**, never form $D$ and then take its logarithm: for a confident discriminator
$\sigma(z)$ rounds to 0 or 1 in floating point and the logarithm is $-\infty$. Work with the logit:

$$
\log D = \log\sigma(z) = -\operatorname{softplus}(-z), \qquad
\log(1 - D) = -\operatorname{softplus}(z), \qquad
\operatorname{softplus}(x) = \max(x, 0) + \log\bigl(1 + e^{-|x|}\bigr).
$$

(Exercise 4.1 writes $\mathcal{L}_D$ this way.)
"""#

    /// The policy's reward from the discriminator, and why its sign matters.
    static let reward = #"""
## The policy's reward: $\log D$ or $-\log(1 - D)$

The policy plays the generator's part of the game, $\min_\theta \mathbb{E}_{\pi_\theta}[-\log D(s,a)]$:
it wants its pairs to look like the expert's. As the environment is in the loop, this becomes
reinforcement learning with the reward

$$
r(s, a) = \log D(s, a),
$$

"how well the pair fooled the discriminator". Later the lecture (following Zhu et al., 2018) uses

$$
r_{\text{GAIL}}(s, a) = -\log\bigl(1 - D(s, a)\bigr).
$$

Both grow with $D$, so both rank pairs the same way, and they add up to the logit:
$\log D + \bigl(-\log(1 - D)\bigr) = \log\frac{D}{1 - D} = z$ (at the optimal discriminator, the log
density ratio). But they differ
in sign, and the sign matters whenever an episode can end early:

- $\log D < 0$ at every step: a **per-step penalty**. If the agent can end the episode — the car
  can leave the road — ending it is the cheapest way to stop paying, and the imitator learns to
  crash on purpose.
- $-\log(1 - D) > 0$ at every step: a **survival bonus**. The agent prefers long episodes. On the
  car, whose task is to stay on the road, this agrees with the task and helps; on a task that the
  expert *finishes* by ending the episode (reaching a goal), it would make finishing unattractive.

With episodes of fixed length — Pendulum never terminates, it runs 200 steps — neither bias
exists: every episode collects the same number of rewards. The two rewards then differ only in
shape: $\log D$ punishes pairs that look fake steeply (it falls to $-\infty$ as $D \to 0$), while
$-\log(1-D)$ rewards pairs that look real steeply (it grows without bound as $D \to 1$).

**Where we use which.** The car can terminate, so the lesson's main experiment uses
$-\log(1 - D)$, as lessons 7 and 8 do; a side experiment runs $\log D$ on the car to show the
penalty's bias. Both come from the logit: $\log D = -\operatorname{softplus}(-z)$ and
$-\log(1 - D) = \operatorname{softplus}(z)$, finite for any $z$ (exercise 4.2).
"""#

    /// Learning from that reward with policy gradients: REINFORCE and PPO.
    static let policyGradient = #"""
## Learning from that reward: policy gradients

Unlike a GAN's generator, the policy's samples come out of the environment, which we cannot
differentiate. The **score-function** (likelihood-ratio) gradient needs only $\log\pi_\theta$:

$$
\nabla_\theta\, \mathbb{E}_{\tau\sim\pi_\theta}\Bigl[\sum_t \gamma^t r_t\Bigr]
= \mathbb{E}_{\tau\sim\pi_\theta}\Bigl[\sum_t \nabla_\theta \log \pi_\theta(a_t \mid s_t)\; G_t\Bigr],
\qquad G_t = \sum_{k \ge t} \gamma^{k-t} r_k ,
$$

with the return-to-go $G_t$ because an action cannot change the rewards that came before it. The
lecture's step, $\mathbb{E}[\nabla_\theta \log \pi_\theta(a \mid s)\, \log D(s,a)]$, credits each pair with
its own reward only: it is this estimator with $\gamma = 0$, blind to what an action does to the
rewards after it. This lesson uses the return-to-go ($\gamma < 1$), as Ho & Ermon (2016) do. Their
GAIL takes the policy step with TRPO and writes the discriminator the other way round,
$D(s,a)$ = the probability that the pair came from the *policy*, with cost $\log D$; in this lesson's
convention ($D$ = the probability that the pair came from the expert) that cost is the reward
$-\log(1 - D)$ used below. Lesson 4's PPO is the clipped successor of TRPO's trust region. Subtracting a **baseline** $b(s_t)$ leaves the
gradient unbiased — $\mathbb{E}_{a\sim\pi}[\nabla_\theta \log\pi_\theta(a\mid s)] = \nabla_\theta 1 = 0$ — and
lowers its variance; we use a learned value $b(s) = V_\phi(s)$. REINFORCE minimises

$$
L(\theta) = -\frac{1}{N}\sum_i \log \pi_\theta(a_i \mid s_i)\,\bigl(G_i - b(s_i)\bigr)
\qquad\text{(exercise 4.3).}
$$

**Generalized advantage estimation** trades bias for variance between the Monte-Carlo
$G_t - V(s_t)$ and the one-step TD error:

$$
\delta_t = r_t + \gamma\, V(s_{t+1}) - V(s_t), \qquad
A_t = \sum_{k \ge 0} (\gamma\lambda)^k \delta_{t+k};
$$

$\lambda = 1$ gives $G_t - V(s_t)$, $\lambda = 0$ gives $\delta_t$. Two kinds of episode end
must be told apart: at a *terminal* state (the car left the road) nothing follows and
$V(s_{t+1})$ is replaced by 0; at a *time limit*, or where a batch happens to cut an episode,
the state still has a future and $V(s_{t+1})$ stays (exercise 4.5).

**PPO** (Schulman et al., 2017) is the practical learner: it takes many minibatch steps on each
batch, which makes the later steps off-policy. It weighs each sample by the ratio
$\rho = \pi_\theta(a\mid s)/\pi_{\text{old}}(a\mid s)$ and removes any incentive to move $\rho$ outside
$[1-\epsilon, 1+\epsilon]$:

$$
L^{\text{clip}}(\theta) = -\,\mathbb{E}\bigl[\min\bigl(\rho A,\; \operatorname{clip}(\rho, 1-\epsilon, 1+\epsilon)\, A\bigr)\bigr]
\qquad\text{(exercise 4.4).}
$$
"""#

    /// GAIL's loop, step by step.
    static let algorithm = #"""
## The algorithm

**Input:** expert pairs; initial policy $\theta_0$ and discriminator $\phi_0$. **For** $i = 0, 1, 2, \dots$:

1. Sample trajectories $\tau_i \sim \pi_{\theta_i}$ (here: 8 copies of the environment × 256 steps).
2. Update the discriminator on expert pairs versus the pairs of $\tau_i$: a few Adam steps on
   $\mathcal{L}_D$.
3. Reward every pair of $\tau_i$ with $r = -\log(1 - D_{\phi_{i+1}}(s,a))$ (or $\log D$), and take a
   policy-gradient step: REINFORCE with a baseline, or PPO with GAE.

Step 1 is the price of the method: behavior cloning never touches the environment, GAIL needs it
at every iteration. The library's `GAIL` (in `Sources/Algorithms/GAIL`) runs exactly this loop and
calls your exercises 4.1–4.5 wherever the formulas appear.

## The experiment

The lane-keeping car drives at 5 m/s around a closed 133 m track. It observes its lateral offset
$d$, its heading error $\psi$ and the track's curvature at 0, 5 and 10 m ahead, and steers with
$a \in [-1, 1]$. Each step pays about 1 for progress minus $(d / 2.5\,\text{m})^2$; leaving the lane
($|d| > 2.5$ m) ends the episode; an episode lasts at most 300 steps (a little over a lap).

The expert is a noise-free steering controller. Its demonstrations are **short**: $N$ trajectories
of 50 steps (5 seconds, about a fifth of a lap) from random places on the track, for
$N \in \{1, 2, 5, 10, 25\}$; with few of them, most bends of the track are never demonstrated. For
each $N$ and each seed we train

- **behavior cloning** with lesson 1's trainer (a 64-64 MLP, 2 000 Adam steps, no environment step);
- **GAIL** with PPO (64-64 ReLU networks for the policy, its value and the discriminator;
  minibatches of 256), from the same demonstrations,

and evaluate both, deterministically, on the same evaluation episodes as the expert.

*Why the car and not Pendulum.* Pendulum's swing-up takes a policy-gradient learner hundreds of
thousands of environment steps, far beyond this lesson's budget of a few minutes, and its
episodes never terminate, so it could not show the reward's sign at work. The car learns in tens
of thousands of steps and can end an episode early.
"""#

    /// What to remember, and the exercises.
    static let takeaways = #"""
## Take-aways

- GAIL matches the *state-action distribution* of the expert, not only its actions on the
  expert's states; being off the demonstrations is itself penalised. With few demonstrations it
  drives where behavior cloning, trained on the same pairs, leaves the road.
- The price is interaction: behavior cloning used no environment step at all, GAIL tens of
  thousands — and the discriminator and the policy are trained together, a game rather than a
  supervised problem, with its own hyper-parameters (how much the discriminator learns per
  iteration decides how informative its reward is).
- Neither method beats this expert by more than 1% (the claims cell checks it on the run): both
  objectives only ask to imitate it. (Asking for more than the demonstrator needs another signal,
  the task reward — lesson 7. Lesson 7 also measures the other way past a teacher: a deterministic
  clone of a *noisy* demonstrator, given enough demonstrations, beats it by averaging the noise away.)
- The imitation reward's *sign* is a design decision: $\log D$ is a per-step penalty that teaches
  an agent able to end its episode to do so; $-\log(1-D)$ is a survival bonus. Compute both from
  the discriminator's logit.
- The discriminator need not end at $D = \tfrac12$: here it keeps telling the policy's pairs from
  the expert's — the policy drives whole laps, the demonstrations show part of the track, and its
  sampled actions are noisy — while the reward it hands out still steers the policy's behaviour
  onto the expert's.

## Exercises

Write each function in `Exercises/04-gail/`, then run this lesson on your code with
`--implementation exercises` and grade it with `swift run -c release grade --lesson 4`.

1. **4.1 `discriminatorLoss`** (`GAILDiscriminatorLoss.swift`): $\mathcal{L}_D$ from logits, finite
   at $z = \pm 100$. What does the slide's form do to the logits if you train with it instead?
2. **4.2 `gailReward`** (`GAILReward.swift`): $\log D$ and $-\log(1 - D)$ from logits. Check that
   they add up to $z$.
3. **4.3 `reinforceLoss`** (`ReinforceLoss.swift`): the REINFORCE loss with a baseline. Why does
   the baseline not bias the gradient?
4. **4.4 `ppoClippedLoss`** (`PPOClippedLoss.swift`): the clipped surrogate. For $A > 0$, where
   is its gradient zero?
5. **4.5 `generalizedAdvantageEstimates`** (`GeneralizedAdvantageEstimates.swift`): GAE with
   terminal and time-limit ends. What goes wrong on the car if a time-limit end is treated as
   terminal?
"""#
}
