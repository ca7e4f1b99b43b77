// The text cells of lesson 6, in teaching order: the lecture's argument in the kit's words.

enum Prose {
    /// Lesson 5's diagnosis, and BCQ's observation: a batch-constrained policy can be evaluated without extrapolation error.
    static let introduction = #"""
# Batch-constrained Q-learning (BCQ)

Lesson 5 ended with a diagnosis. An off-policy agent that learns from a fixed batch
$\mathcal{B}$ and never acts (agent blue) regresses its critic on targets
$r + \gamma\, Q(s', \pi(s'))$ in which the action $\pi(s')$ is its own choice. Where the batch holds
nothing like $(s', \pi(s'))$, the critic's value there was never corrected by data; the policy,
which maximises the critic, seeks out exactly the places where that value is too high; and
bootstrapping carries the error back to every state before. This is **extrapolation error**, and
its symptom is a value estimate far above the true return.

This lesson follows the cure proposed by Fujimoto, Meger & Precup (2019, "Off-policy deep
reinforcement learning without exploration"). It rests on one observation:

> A policy that only takes actions contained in the batch can be evaluated without extrapolation
> error.

If every action the policy takes, in every state it reaches, appears in $\mathcal{B}$, then every
target it needs is built from transitions that really happened. The value estimates may still be
noisy, but they are never made up. Such a policy is **batch-constrained**. The best we can ask
of a learner that never interacts is the best batch-constrained policy, and that is what BCQ
looks for: first in a table, where "contained in the batch" means exactly that, then with
continuous actions, where it has to mean "similar to what the batch contains".
"""#

    /// Tabular batch-constrained Q-learning, and the grid-world experiment.
    static let tabular = #"""
## Tabular batch-constrained Q-learning

With finitely many states and actions the constraint can be written down directly. Q-learning on
a batch (lesson 5, exercise 5.3) sweeps the transitions $(s, a, r, s') \in \mathcal{B}$ and applies

$$
Q(s,a) \leftarrow (1-\alpha)\,Q(s,a) + \alpha\Big(r + \gamma \max_{a'} Q(s',a')\Big).
$$

Batch-constrained Q-learning changes one thing, the set the maximum runs over:

$$
Q(s,a) \leftarrow (1-\alpha)\,Q(s,a) + \alpha\Big(r + \gamma \max_{a' \,:\, (s',a') \in \mathcal{B}} Q(s',a')\Big),
\qquad \pi(s) = \arg\max_{a \,:\, (s,a) \in \mathcal{B}} Q(s,a).
$$

Entries $Q(s, a)$ of pairs the batch never tried still exist and still hold their initial values,
but no target ever reads them and the policy never picks them, so whatever they hold cannot spread.
One convention is needed: a next state $s'$ in which the batch took no action at all has an empty
maximum. This lesson (exercise 6.1) gives it the value 0, as if it were terminal. Fujimoto et al.'s
guarantee assumes a *coherent* batch, one in which every next state that is not terminal also
appears as a state of some transition, so the case does not arise there; in the grid world it arises
only where a behaviour episode ended by its time limit.
In a deterministic MDP, Fujimoto et al. show that this update converges to the value of the best
batch-constrained policy, and that this value is exact: the batch contains every transition that
policy makes. The policy need not be the behaviour policy: it can **stitch together** pieces of
different episodes (go where one episode went, then continue as another did), as long as every
step it takes is a step some episode took.

The experiment: the 6×6 grid world of lesson 5 (reward +1 for the goal G, −1 for a trap X, 0
otherwise, $\gamma = 0.9$). A careless behaviour policy, a uniformly random move with probability
0.7 and the optimal move otherwise, walks from S five times; its transitions are the batch. Both
learners start from the same random table $Q_0(s,a) \sim U(-1, 1)$, as a freshly initialised
network would be, and sweep the batch 300 times. For reference, value iteration on the batch's own
transitions gives the best batch-constrained policy directly (no learning involved).
"""#

    /// Continuous actions: what "contained in the batch" becomes, and BCQ's three pieces (generative model,
    /// perturbation model, twin critics) and its algorithm (Fujimoto, Meger & Precup 2019, §4.2 and Algorithm 1).
    static let continuousActions = #"""
## Continuous actions: what does "contained in the batch" mean?

With a continuous state space almost no state appears twice in a batch, and in each state the batch
holds one action. Taken literally, the constraint leaves one choice per state, the one the
behaviour policy made: pure imitation, and no chance to do better than the data.

BCQ relaxes "contained in" to "likely under the batch". It learns a **state-conditioned generative
model** $G_\omega(s)$ of the batch's actions, an estimate of $P_\mathcal{B}(a \mid s)$, and only
considers actions it can sample from it. In a state where the batch did many different things, the
model proposes many different actions; where the batch always did the same thing, it proposes
little else. Then it lets the value function choose among the proposals, and a small perturbation
model adjust the choice:

$$
\pi(s) = \arg\max_{a_i + \xi_\phi(s, a_i, \Phi)} Q_{\theta_1}\big(s,\ a_i + \xi_\phi(s, a_i, \Phi)\big),
\qquad \{a_i \sim G_\omega(s)\}_{i=1}^{n}.
$$

Three pieces make this work: the generative model, the perturbation model, and a critic that is
wary of the actions it knows least about.

### The generative model: a conditional variational auto-encoder

Why not behavior cloning? BC fits one action per state, the conditional *mean*, and the mean of a
batch that went left in some episodes and right in others is straight ahead, an action the batch
never took (lesson 2). BCQ needs samples from the whole distribution of the batch's actions.

A variational auto-encoder (Kingma & Welling, 2014; the lecture follows Doersch's "Tutorial on
variational autoencoders", 2016) models a distribution through a latent variable $z$ with a simple
prior $p(z) = \mathcal{N}(0, I)$ and a decoder that turns $z$ into a sample. In the *conditional*
form everything also sees the state: a decoder $D_{\omega_2}(s, z)$ produces an action, and an
encoder $E_{\omega_1}(s, a)$ gives a Gaussian $q(z \mid s, a) = \mathcal{N}(\mu, \sigma^2)$ over the
latents that could have produced $a$. Training maximises a lower bound on the log-likelihood of
the batch's actions (the evidence lower bound),

$$
\log p(a \mid s) \;\ge\; \mathbb{E}_{z \sim q(z\mid s,a)}\big[\log p(a \mid s, z)\big] - D_{KL}\big(q(z\mid s,a)\,\|\,p(z)\big),
$$

which with a Gaussian decoder of fixed variance becomes the loss

$$
\mathcal{L}(\omega) = \sum (a - \tilde a)^2 + \beta\, D_{KL}\big(\mathcal{N}(\mu, \sigma^2)\,\|\,\mathcal{N}(0, I)\big),
\qquad \tilde a = D_{\omega_2}(s, z),\; z \sim \mathcal{N}(\mu, \sigma^2),
$$

$$
D_{KL}\big(\mathcal{N}(\mu, \sigma^2)\,\|\,\mathcal{N}(0, 1)\big) = \tfrac12\big(\mu^2 + \sigma^2 - 1 - \log \sigma^2\big)
\quad\text{per latent coordinate},
$$

with $\beta = 0.5$ in Fujimoto et al.'s code, which also averages both terms over every entry of
the batch (exercise 6.2 does the same). Two details matter in practice:

- **The reparameterization trick.** To differentiate through the sampling of $z$, write it as
  $z = \mu + \sigma \cdot \varepsilon$ (coordinate by coordinate) with $\varepsilon \sim \mathcal{N}(0, I)$ drawn outside the
  graph: the randomness becomes an input, and gradients reach $\mu$ and $\sigma$.
- **Clipped latents when sampling.** To propose actions, BCQ skips the encoder and decodes
  $z \sim \mathcal{N}(0, I)$ clipped to $[-0.5, 0.5]$: only the centre of the prior, where the
  encoder put most of the batch's actions. The proposals are the batch's *likely* actions.

The latent space has $2\,|A|$ dimensions (2 for Pendulum's single torque).

### The perturbation model

Sampling alone would only re-weight the batch's actions. A perturbation network $\xi_\phi(s, a, \Phi)$
may move each proposal by at most $\Phi$ per coordinate,

$$
a + \xi_\phi(s, a, \Phi) = \mathrm{clip}\big(a + \Phi \tanh(f_\phi(s, a)),\ -1,\ 1\big)
$$

(exercise 6.4; actions are scaled to $[-1, 1]$ so that $\Phi$ means the same for every task), and is
trained like a DDPG actor to climb the critic around the generative model's proposals:

$$
\phi \leftarrow \arg\max_\phi \sum_{(s, a)} Q_{\theta_1}\big(s,\ a + \xi_\phi(s, a, \Phi)\big),
\qquad a \sim G_\omega(s).
$$

$\Phi$ is the dial between two algorithms. With $\Phi = 0$ the policy can only pick the best of
$n$ proposals of the generative model: close to imitation. With $\Phi$ as large as the action
range, the perturbation can reach any action, and BCQ becomes DDPG with extra steps, extrapolation
error included. The paper uses $\Phi = 0.05$; this lesson sweeps it.

### Twin critics with a soft clipped double-Q target

Two critics $Q_{\theta_1}, Q_{\theta_2}$ learn from the same targets. Where data is dense they
agree; where it is thin they disagree, and a pessimistic combination of the two penalises exactly
the actions the batch knows least about. BCQ's target for a transition $(s, a, r, s')$ samples $n$
actions $a_i \sim G_\omega(s')$, perturbs them with the target model $\xi_{\phi'}$, and mixes the
smaller and the larger of the two target critics:

$$
y = r + \gamma \max_{a_i}\Big[\lambda \min_{j=1,2} Q_{\theta'_j}(s', a_i) + (1 - \lambda) \max_{j=1,2} Q_{\theta'_j}(s', a_i)\Big]
$$

(exercise 6.3). $\lambda = 1$ is TD3's clipped double Q, the plain minimum; BCQ's $\lambda = 0.75$
leans towards it without being as pessimistic. Note what the maximum runs over: the $n$ proposals
of the generative model, never the whole action space. That is the continuous version of
$\max_{a' : (s', a') \in \mathcal{B}}$.

### The algorithm

Fujimoto et al.'s Algorithm 1, one iteration per mini-batch of $N$ transitions from $\mathcal{B}$:

1. Encode and decode the batch's actions: $\mu, \sigma = E_{\omega_1}(s, a)$, $\tilde a = D_{\omega_2}(s, z)$,
   $z \sim \mathcal{N}(\mu, \sigma)$; take a step on $\omega$ on the VAE loss.
2. Sample $n$ actions $a_i \sim G_\omega(s')$ for each next state and perturb them,
   $a_i \leftarrow a_i + \xi_{\phi'}(s', a_i, \Phi)$.
3. Set the target $y$ as above; take a step on $\theta_1, \theta_2$ on $\sum_j \sum (y - Q_{\theta_j}(s, a))^2$.
4. Take a step on $\phi$ to increase $\sum Q_{\theta_1}(s, a + \xi_\phi(s, a, \Phi))$, $a \sim G_\omega(s)$
   (only $\phi$ changes).
5. Move the target networks: $\theta'_j \leftarrow \tau \theta_j + (1 - \tau)\theta'_j$,
   $\phi' \leftarrow \tau\phi + (1 - \tau)\phi'$.

To act, BCQ samples candidates from $G_\omega(s)$, perturbs them with $\xi_\phi$ and keeps the one
with the highest $Q_{\theta_1}$ (exercise 6.5).
"""#

    /// The continuous experiment: lesson 5's three buffers and the four policies compared on them.
    static let experiment = #"""
## The experiment: lesson 5's three buffers

Lesson 5 built three fixed buffers of Pendulum transitions (the same seeds give the same buffers,
so this lesson rebuilds exactly those):

- **Final buffer**: everything a DDPG agent experienced while it trained with large exploration
  noise $\mathcal{N}(0, 0.5)$ in N·m of torque (half the paper's scale: its $\mathcal{N}(0, 0.5)$ is on
  actions normalised to $[-1, 1]$, i.e. $1.0$ N·m here);
- **Concurrent**: everything an ordinary DDPG agent (noise $\mathcal{N}(0, 0.1)$ N·m)
  experienced while it trained; lesson 5's blue learned from it at the same time;
- **Imitation**: a trained DDPG agent, acting without noise, as an expert.

Four policies are compared on each buffer, on lesson 5's ten evaluation start states:

- the **behaviour policy**, measured by the mean return of the episodes stored in the buffer
  (for Final and Concurrent this is a whole training run, noise included, early failures and all);
- **behavior cloning**, lesson 1's trainer on the buffer's state-action pairs;
- **offline DDPG**: lesson 5's agent blue, which never acts;
- **BCQ** with the paper's $\Phi = 0.05$, trained for as many updates as blue, at most 6 000 (a BCQ
  update costs about five of DDPG's, and its returns have levelled off by then).

BCQ and BC learn from the complete buffer once it is collected; in the Concurrent setting blue
learned while the buffer grew, as lesson 5 ran it.
"""#

    /// Does BCQ know what its policy is worth? Its estimates against the true values.
    static let valuesQuestion = #"""
## Does BCQ know what its policy is worth?

Lesson 5's blue believed its policy was worth far more than it was: the signature of extrapolation
error. The same measurement for BCQ: every evaluation compares the critic's estimate
$\hat Q(s_0, \pi(s_0))$, averaged over the start states, with the policy's true discounted return
from the same states, measured by Monte-Carlo rollouts of 600 steps (lesson 5's exercise 5.4).
Both critics start at zero, so both estimates begin above the (negative) truth and move down as
the rewards propagate back through the bootstrapped targets; with $\gamma = 0.99$ and $\tau = 0.005$
that takes thousands of updates.
"""#

    /// How far BCQ may move from the data: the Φ sweep.
    static let phiSweep = #"""
## How far may BCQ move from the data? The Φ sweep

$\Phi$ bounds how far the perturbation model may move a proposal of the generative model. The same
BCQ, trained with $\Phi$ from 0 to 2 on the Final and the Imitation buffer (on actions scaled to
$[-1, 1]$, $\Phi = 2$ lets the perturbation reach any action from any proposal), shows what the
constraint buys and what it costs. Three numbers per run: the return, the critic's overestimation (estimate minus true value),
and how far the policy's action lies from the generative model's central proposal $D(s, 0)$,
averaged over the buffer's states. The sweep's runs are shorter than the comparison's, so every
critic is still converging towards the truth from its initial 0: part of each overestimation bar
is that lag, larger for the weaker policies. Extrapolation error is what comes on top of it.
"""#

    /// What the generative model proposes, for three situations of the pendulum.
    static let generativeModel = #"""
## What the generative model proposes

The figure below looks inside BCQ after training (first seed). For three situations of the
pendulum it takes the buffer's own state nearest to the situation, and shows the torques the
buffer holds at the 100 states nearest to that one (grey) against 600 samples of the generative
model $G_\omega(s)$ with clipped latents (vermilion). The dotted line is the action the buffer
holds at the probe state itself, the black line BCQ's action there.

On the Imitation buffer the data is one torque per state, and the model proposes little else. On
the noisy buffers the data spreads over much of the torque range, and the model proposes a
narrower range around its centre: the clipped latents keep it to the likely actions, and the KL
term of its loss makes it spend little of its latent space on noise that carries no information
about the state. BCQ's action lies within $\Phi$ (0.1 in torque) of one of these proposals.
"""#

    /// What to remember, and the exercises.
    static let hopper = #"""
## The hopper

Lesson 5 ran orange and blue on the hopper too. Its expert's buffer is rebuilt here from the same
configuration and seeds (`FixedBufferExperimentConfiguration.hopper`), together with lesson 5's blue,
which is offline DDPG on that buffer; BCQ with the paper's constants and $\Phi = 0.05$, and behavior
cloning, train on the same transitions for as many steps each. The hopper's torques lie in $[-1, 1]$,
so $\Phi = 0.05$ is the paper's own constraint here.
"""#

    /// Φ on the hopper: the same BCQ with the constraint removed.
    static let hopperPhi = #"""
### Φ on the hopper

The run above trained a second BCQ on each seed's expert buffer, with the same seed, the same
updates and one change: $\Phi = 1$ instead of $0.05$. The perturbation
$\Phi \tanh(f_\phi(s, a))$ may now move each of the three torques of a proposal by up to 1, half
of the range $[-1, 1]$ (and from a proposal in the middle, anywhere in it), so the actor is free
to leave the expert's actions, as offline DDPG's actor is. The expert's buffer holds one action
per state, so the run asks two questions: does BCQ's return owe to the constraint, and does its
critic, once the actor may leave the data, run away as offline DDPG's does in lesson 5? This is the
hopper's end of Pendulum's sweep above, on the buffer where the paper's claim is made.
"""#

    static let hopperFinal = #"""
### The hopper's Final buffer

Lesson 5's Final buffer holds every transition of a DDPG agent's whole training run with
$\mathcal{N}(0, 0.5)$ exploration: wide, noisy, full of bad actions, and with its good actions
scattered over a policy that kept changing. Offline DDPG (lesson 5's blue) overrates its policy there.
BCQ and behavior cloning now train on the same transitions, rebuilt from lesson 5's configuration and
seeds. Behavior cloning copies the buffer's actions, the bad with the good; BCQ keeps to actions the
buffer supports and lets its critic choose among them. The buffer needs lesson 5's 50 000 steps, so this
part runs at the default setting only: under `--quick` it is skipped, as in lesson 5.
"""#

    static let hopperConcurrent = #"""
### The hopper's Concurrent buffer

Lesson 5's Concurrent experiment: orange explores with $\mathcal{N}(0, 0.1)$ for 50 000 steps, and
blue, offline DDPG, takes one update per step on orange's buffer as it grows, never acting. Blue is
lesson 5's again, rebuilt from the same configuration and seeds. BCQ and behavior cloning train
afterwards on the whole buffer orange left, for as many updates as on the Final buffer.
(Fujimoto et al. train every off-policy agent alongside the behavioural one in this setting; here BCQ
starts with the finished buffer, which if anything helps it.) With so little noise the buffer is
nearly orange's own experience: it covers what orange did, and little of what another policy would
do. This part, too, runs at the default setting only.
"""#

    static let takeaways = #"""
## Take-aways

- A policy that only takes actions contained in the batch can be evaluated without extrapolation
  error. Tabular BCQ makes this exact: restrict the maximum in the target and the greedy choice to
  the batch's actions, and Q-learning on a fixed batch converges to the best policy the batch
  supports, with values that are true.
- With continuous actions, "contained in the batch" becomes "likely under a generative model of
  the batch's actions". BCQ proposes actions with a conditional VAE, nudges them by at most
  $\Phi$, and picks the best with a critic trained on a soft clipped double-Q target that only
  ever maximises over proposals.
- On a demonstration-like buffer (Imitation) BCQ matches the expert where offline DDPG collapses,
  and its value estimates stay honest. On the hopper's expert buffer BCQ ends far above offline DDPG
  as well (claim 6.hopperImitation); whether its estimate is honest there after so few updates, the
  run's numbers above say (no claim decides it). On Pendulum's noisy buffers it improves on behavior
  cloning by using the rewards (6.bc.final, 6.bc.concurrent).
- On the hopper's Final buffer the paper's value result reproduces: offline DDPG overrates its policy
  by a factor of several, BCQ does not (6.hopperFinalValue), and BCQ's return is above behavior
  cloning's (6.hopperFinalBC). Both are decided on runs of 12 seeds
  (`--seed-count 12`): on the default 4 a single seed can tip either way. The paper's return result does
  not reproduce at this budget: offline DDPG is not broken on a buffer this broad, and BCQ does not beat
  it (6.hopperFinalDDPG, a known issue; with twice the steps and 99 000 BCQ updates it did, in the
  study notes).
- The hopper's Concurrent buffer tells the same story: offline DDPG's estimate ends more than ten
  times its policy's true value on most seeds, BCQ's below it (6.hopperConcurrentValue, 12 seeds). Its
  returns separate little at this budget: in the study runs (36 seeds, three kernels) BCQ's return
  lay between 150 and 350 on every seed, while offline DDPG's and behavior cloning's swung from a few
  tens to several hundred with the seed. BCQ does not beat offline DDPG (6.hopperConcurrentDDPG, a
  known issue), and whether it beats behavior cloning depends on the sample of seeds: on two of four
  samples of 12 it did (6.hopperConcurrentBC, decided on 12 seeds and not asserted).
- $\Phi$ is a statement about coverage. Small $\Phi$ is safe on narrow data; when the data covers
  the action space well (Pendulum's training-run buffers), a looser constraint, or even plain
  off-policy RL, does better. On the hopper's expert buffer the constraint is what earns BCQ its
  return: the same BCQ with $\Phi = 1$ leaves the expert's actions and falls to offline DDPG's level
  (6.hopperPhi). Whether its critic then runs away as offline DDPG's does, the run's numbers above
  say; no claim decides it. The run trains only the two ends; a study of $\Phi$ = 0.1,
  0.25 and 0.5 on the same buffer (8 seeds under each of three BLAS kernels, `hopper-study --bcq-phi`,
  `notes/hopper-study.md`, phase 10) found 0.1 as good as 0.05 and each larger value losing most of the
  return the one before kept: past 0.1, the looser the constraint, the less of the expert's return
  survives.

## Exercises

Write these in `Exercises/06-bcq/`, then run `swift run -c release 06-bcq --implementation exercises`
and `swift run -c release grade --lesson 6` (the lesson also runs lesson 5's DDPG, Q-learning and
Monte-Carlo returns and lesson 1's behavior cloning, so with `--implementation exercises` it uses
your answers to those lessons too):

1. **6.1** `batchConstrainedTabularUpdate` (`BatchConstrainedTabularUpdate.swift`): the tabular
   update with the maximum over the batch's actions only.
2. **6.2** `vaeLoss` (`VAELoss.swift`): reconstruction plus 0.5 · KL with the reparameterization
   trick, built from tensors so that it trains.
3. **6.3** `softClippedDoubleQTarget` (`SoftClippedDoubleQTarget.swift`): BCQ's critic target.
4. **6.4** `boundedPerturbation` (`BoundedPerturbation.swift`): $\mathrm{clip}(a + \Phi\tanh(\cdot), -1, 1)$.
5. **6.5** `selectBestAction` (`SelectBestAction.swift`): the best of $n$ candidates per state.

To go further: set $\lambda = 1$ (TD3's clipped double Q) or $\lambda = 0$ in `bcqConfiguration`
and compare the value estimates; give the generative model a tenth of the data and watch which
buffers suffer; or replace the VAE by behavior cloning (one proposal per state, the conditional
mean) and see what happens on a batch whose actions have two modes.
"""#
}
