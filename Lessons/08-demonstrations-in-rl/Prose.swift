// The text cells of lesson 8: the lecture's four ways of using demonstrations inside RL, in the kit's words.

enum Prose {
    static let introduction = #"""
# Demonstrations inside reinforcement learning

Lessons 1–4 learned from demonstrations alone: the agent imitated and never saw a reward. Lessons
5 and 6 went the other way and asked what a reinforcement learner can extract from a fixed batch of
data. This lesson puts the two together. The agent interacts with its environment and is paid a
task reward, *and* it has a handful of demonstrations. Why would it want both?

- **Reinforcement learning alone explores blindly.** With a sparse reward — 1 when the task is
  done, 0 otherwise — an agent learns nothing until it stumbles on success, and on a task of
  many steps that may take forever.
- **Imitation alone is capped by the demonstrator.** A cloned policy drifts off the
  demonstrations (lesson 2) and can at best be as good as a demonstrator who may be slow, noisy
  or clumsy.

Demonstrations give the learner a place to start; the reward lets it check and improve on them.
With both, one can hope for the sample efficiency of imitation, good and safe behaviour from the
first episodes, and in the end a policy better than the demonstrator's.

The lecture lists four ways to give a model-free RL method demonstrations:

1. **Put them in the replay buffer** before the agent starts, and later either remove them or keep
   them forever (DQfD, DDPGfD).
2. **Pre-train on them**: a policy, and a value function consistent with that policy, trained on a
   buffer that holds only the demonstrations; then fine-tune both with RL.
3. **Mix an imitation reward with the task reward** — lesson 7.
4. **Use their temporal structure**: start episodes near the *end* of a demonstration and move the
   start earlier and earlier, so that a long task is solved as a sequence of short ones.

We build 1, 2 and 4 on one learner, DDPG from lesson 5, and race them against the same learner
without demonstrations.
"""#

    static let taskAndLearner = #"""
## The task and the learner

A round pusher must push a disc-shaped block into a goal region on a table (the kit's
`BlockPushing`, the environment of lesson 7, here with its default time step and goal size and a
narrow start distribution). The block starts 0.7 from the goal; the pusher
starts beside and behind the block and has to line up with it before it can push it straight.
The agent observes where the pusher and the goal are relative to the block, the block's velocity
and the block's position on the table. (Relative coordinates are a design choice of the kit: with
them "push the block toward the goal" and "first get behind the block" lie in different regions of
the input.) The reward is sparse: $r = 1$ on the step the block's
centre enters the goal, which ends the episode, and $r = 0$ on every other step; an episode is cut
after 80 steps. An episode's return is therefore 1 exactly when it succeeds, and the **success
rate** of the deterministic policy from 20 fixed start states is the score of every figure below.

The demonstrator is the kit's imperfect scripted pusher (`PushingExpert.demonstrator`): its
actions carry Gaussian noise of standard deviation 0.5, it blends in 30 % of a naive "head for the
block" controller, and it moves at half speed. It succeeds almost always, but takes about three
times as many steps as the scripted optimum. We keep 10 of its successful episodes; ways 1 and 4
get all ten, way 2 only the first two (why, below).

The learner is lesson 5's DDPG: a deterministic actor $\pi_\phi$ and a critic $Q_\theta$ with
slowly moving target copies, trained on minibatches $B$ from a replay buffer. Two choices matter
for a sparse reward some 50 steps away, and every variant, including RL from scratch, makes them:

- **n-step returns** (DQfD uses $n = 10$, DDPGfD mixes 1-step and n-step targets; here $n = 5$): the buffer stores
  $(s_t, a_t, R_t, s_{t+n})$ with $R_t = \sum_{k=0}^{n-1} \gamma^k r_{t+k}$, and the critic's target
  (exercise 5.1, bootstrapping with $\gamma^n$) is

$$
y_t = R_t + \gamma^n\,(1 - d_t)\; Q_{\theta'}\big(s_{t+n}, \pi_{\phi'}(s_{t+n})\big),
$$

  so the reward travels $n$ steps back per update instead of one;
- **faster target networks** ($\tau = 0.05$ instead of 0.005), so that the value of the goal
  reaches the start of a 50-step episode within a few thousand updates.

The rest follows lesson 5 with small changes for this task: $\gamma = 0.98$ per step, Adam at
$10^{-3}$ for both networks, minibatches of 128, two hidden layers of 64 units, Gaussian
exploration noise of standard deviation 0.2, one update per environment step, and uniformly
random actions for the first 1 000 steps (unless the actor is pre-trained).
"""#

    static let replayBuffer = #"""
Random actions never get the block into the goal: a learner that starts from scratch has no
reward to learn from until its own exploration is lucky. The demonstrations, on the other hand,
are full of successes. The rest of the lesson is about letting the learner use them.

## Way 1: demonstrations in the replay buffer

An off-policy learner does not care who chose the actions in its buffer (lesson 5). So the
simplest use of demonstrations is to put their transitions into the replay buffer before the
first step. DQfD (Hester et al., 2018) and DDPGfD (Večerík et al., 2017) keep them in a
**permanent region** that the agent's own transitions never overwrite, and sample them through
prioritized replay with a bonus on demonstration transitions, so that they keep turning up in the
minibatches. A simpler scheme, Nair et al.'s (2018), draws a fixed share of every minibatch from the
demonstrations; this lesson does that, with $\rho = 1/4$ from the demonstrations and the rest from
the agent's own data (exercise 8.1),

$$
B = B_D \cup B_A, \qquad |B_D| = \operatorname{round}(\rho\,|B|), \qquad
B_D \sim \mathcal{U}(\mathcal{D}_{\text{demo}}),\; B_A \sim \mathcal{U}(\mathcal{D}_{\text{agent}}).
$$

From the first update on, the critic's targets include the demonstrations' rewards, and the
n-step returns carry them back along the demonstrated paths. The critic learns where reward comes
from before the agent has found any; the actor climbs that critic toward the demonstrated
behaviour, and its own exploration starts near the paths that work.

**Keep them or remove them?** Kept forever, the demonstrations anchor the critic on states the
agent may no longer visit and keep a quarter of every minibatch on a suboptimal demonstrator's
behaviour. Removed too early, the agent loses its only evidence of where reward is. A natural
rule (exercise 8.4) drops them once the agent's own recent episodes succeed often enough — here
half of the last 10 — so that its own buffer holds successes to learn from. The lesson runs both
and shows the difference; it does not claim that one is better.
"""#

    static let pretraining = #"""
## Way 2: pre-train on the demonstrations, then fine-tune

DQfD starts with a **pre-training** phase: before any interaction, it trains on a buffer that
holds only the demonstrations. For an actor-critic learner that means two things.

*The actor* is trained by behavior cloning (lesson 1's trainer and loss):
$\min_\phi \mathbb{E}_{(s,a)\in\mathcal{D}} \|\pi_\phi(s) - a\|^2$. With all ten demonstrations
this alone already succeeds from almost every start of our narrow task (the ablation at the end of
the lesson starts from such an actor and measures it), and a race from there would show behavior
cloning, not what fine-tuning adds. So in
the race way 2 gets only the **first two** demonstrations. As in lesson 1, so few demonstrations
cover only a sliver of the states the policy meets, and off their paths the cloned actor guesses.
Pre-training then gives the agent a start rather than a solution, and the task reward has to do
the rest; the race measures how far cloning alone gets and what fine-tuning adds. (Another way to
the same situation is *partial* demonstrations that stop before the goal: `DemonstrationSelection`'s
`keptFraction`.)

*The critic* must then be made **consistent with that actor**. DDPG improves the actor along the
critic's slope in the action,

$$
\nabla_\phi J = \mathbb{E}_{s}\Big[\nabla_a Q_\theta(s, a)\big|_{a = \pi_\phi(s)}\; \nabla_\phi \pi_\phi(s)\Big],
$$

so the first fine-tuning step goes wherever the critic's slope points. A freshly initialised
critic is a random function of $(s, a)$; its slope is random; the first few hundred actor updates
walk the cloned policy away from the demonstrations before the critic has seen a single reward.
The fix is **policy evaluation** on the demonstrations: with the actor frozen, fit the critic to
the actor's own value,

$$
\min_\theta \; \mathbb{E}_{\mathcal{D}}\Big[\big(Q_\theta(s_t, a_t) - R_t - \gamma^n (1-d_t)\, Q_{\theta'}(s_{t+n}, \pi_\phi(s_{t+n}))\big)^2\Big],
$$

which makes $Q_\theta \approx Q^{\pi_\phi}$ on the demonstrated states. (Fitting the critic to the
demonstrator's own returns would not do: that is the value of another policy.)

Even a consistent critic knows $Q$ only at the demonstrated actions: away from them it
extrapolates (lessons 5 and 6), and the actor, which follows the slope, can still be led astray.
DQfD therefore keeps a supervised loss on the demonstrations during fine-tuning. Its continuous
counterpart (Nair et al., 2018) adds a behavior-cloning term on the demonstration rows $D$ of each
minibatch to the actor's loss (exercise 8.3),

$$
L(\phi) = -\frac{1}{|B|}\sum_{i \in B} Q_\theta\big(s_i, \pi_\phi(s_i)\big)
        + \frac{\lambda}{|D|} \sum_{i \in D} \mathbb{1}\big[Q_\theta(s_i, a_i) > Q_\theta(s_i, \pi_\phi(s_i))\big]\,
          \big\|\pi_\phi(s_i) - a_i\big\|^2 .
$$

The indicator is Nair et al.'s **Q-filter**: clone a demonstrated action only where the critic
rates it above the actor's own, so that the agent can outgrow a suboptimal demonstrator. It
trusts the critic, though, and right after pre-training the critic is least trustworthy exactly
where it overrates the actor's action; the race therefore fine-tunes without the filter, with a
light term, $\lambda = 1/4$ — enough to keep the actor near the two demonstrations while the critic
knows little, light enough that the critic can lead once the agent's own successes are in the
buffer. The demonstrations stay in the buffer to supply the rows of $D$, a tenth of every
minibatch rather than way 1's quarter: two demonstrations are few transitions, and a quarter of
every minibatch would replay them over and over. A separate experiment below shows what the
consistent critic and the cloning term each contribute.
"""#

    static let rewardMixing = #"""
## Way 3: imitation and task rewards together

The third way changes the reward rather than the buffer:
$r = \lambda\, r_{\text{GAIL}} + (1-\lambda)\, r_{\text{task}}$ with a discriminator's imitation
reward. Lesson 7 builds it on the same pushing table (Zhu et al., 2018) and measures it, together
with the simplest form of the next idea: starting episodes at states taken from the
demonstrations.
"""#

    static let curriculum = #"""
## Way 4: a backward curriculum along the demonstrations

A demonstration is more than a bag of transitions: it is a path through time that ends in
success. Salimans and Chen (2018) learned Montezuma's Revenge, a notoriously hard exploration
game, from a *single* demonstration with this idea: since the simulator can be put in any state,
start the agent's episodes at a state of the demonstration **near its end**, where success is a
few random actions away, and once the agent succeeds from there, move the start **earlier**.

With $s^{(i)}_0, \dots, s^{(i)}_{T_i}$ the states of demonstration $i$, an episode of the
curriculum starts at $s^{(i)}_{\max(0,\, T_i - k)}$ for a randomly chosen $i$, $k$ steps before
the end. After every episode, the success rate $\hat p$ of the last $W$ episodes from the current
start decides (exercise 8.2):

$$
k \leftarrow \begin{cases} \min(k + \Delta,\; T_{\max}) & \text{if } \hat p \ge p^* \\ k & \text{otherwise,} \end{cases}
$$

with $\Delta = 8$ steps, $W = 10$, $p^* = 1/2$. An episode from $k$ steps before the end lasts
at most $k + 10$ steps — the demonstrator's own time from there, and a little more — so that a
failed attempt costs a short episode, not the task's 80 steps. Once $k = T_{\max}$, the longest demonstration's
length, every episode starts from the task's own start distribution: the curriculum has reached
the full task.

Why this helps: with a sparse reward, random exploration must stumble on an entire successful
episode; the chance of that shrinks exponentially with its length. The curriculum only ever asks
for a short stretch of exploration — $\Delta$ steps more than what the agent already masters —
and the critic it has learned from later starts already tells it what those states are worth.
The long task becomes a sequence of short ones. The demonstrations' actions are never used,
only their states: the agent need not imitate a noisy demonstrator at all.
"""#

    static let criticConsistency = #"""
## Why the critic must agree with the pre-trained actor

Way 2 did two things besides cloning: it evaluated its critic on the demonstrations, and it kept
a cloning term in the actor's loss. Which one protects a cloned policy that works? To see it, this
experiment starts from an actor that should not lose anything: it pre-trains on all ten
demonstrations, enough for cloning to work on this task (the table's "before" column below
says how well), unlike the race's two. Whatever fine-tuning then does to the actor shows as a
drop. Three runs start from the same cloned actor and differ only in the critic they start with
and in $\lambda$:

- an untrained critic and DDPG's own actor loss ($\lambda = 0$);
- a critic evaluated on the demonstrations (consistent with the actor), $\lambda = 0$;
- the evaluated critic and the cloning term at full weight, $\lambda = 1$ (the race used
  $\lambda = 1/4$ on two demonstrations).
"""#

    static let takeaways = #"""
## Take-aways

- A sparse reward that exploration rarely finds leaves RL from scratch with little to learn from:
  within the budget it learns the task on some seeds and not at all on others (the claims cell
  gives the measured rate). A few demonstrations change that in several ways.
- **In the replay buffer** (DQfD, DDPGfD), demonstrations give the critic its first rewards; a fixed
  share per minibatch (Nair et al.'s scheme; DQfD and DDPGfD prioritise instead) and n-step returns
  carry them back along the demonstrated paths. Whether to
  keep them forever is a trade-off between a stable anchor and a suboptimal demonstrator's bias.
- **Pre-training** gives the agent a start before its first episode. With enough demonstrations
  (the ablation's ten) cloning alone solves this narrow task; with too few (the race's two) it
  leaves a policy that fails from many starts, and the task reward has to do the rest — how far
  fine-tuning took it on this run is in the race's reading above. DQfD pre-trains a critic
  consistent with the pre-trained actor (policy evaluation on the demonstrations) and keeps a
  supervised term on the demonstrations while fine-tuning; what each contributes on this task is
  what the ablation cell above measured, on this run.
- **Mixing rewards** is lesson 7.
- **A backward curriculum** uses only the demonstrations' *states*: starting near the end and
  moving back solves a long task as a chain of short ones, without imitating the demonstrator.

## Exercises

Write them in `Exercises/08-demonstrations-in-rl/`, run the lesson with
`--implementation exercises` (it also needs lesson 5's DDPG exercises and lesson 1's
behavior-cloning loss), and check them with `swift run -c release grade --lesson 8`.

1. **8.1 `mixedMinibatchIndices`** (`MixedMinibatchIndices.swift`, 2 points): the rows of a
   minibatch with a fixed share of demonstrations.
2. **8.2 `curriculumStartOffset`** (`CurriculumStartOffset.swift`, 2 points): one step of the
   backward curriculum.
3. **8.3 `actorLossWithBehaviorCloning`** (`ActorLossWithBehaviorCloning.swift`, 3 points): DDPG's
   actor loss with a Q-filtered behavior-cloning term.
4. **8.4 `shouldRemoveDemonstrations`** (`ShouldRemoveDemonstrations.swift`, 1 point): when to drop
   the demonstrations.

Then experiment: the variants of the race are listed in `comparisonVariants`, in
`Lessons/08-demonstrations-in-rl/Experiment.swift`. Try a demonstration share of $\rho = 0$ (the
demonstrations sit in the buffer but are never sampled) and $\rho = 0.5$; a curriculum threshold of
0.9, or $\Delta = 12$; the Q-filter on for the pre-trained variant (`usesQFilter = true`, and watch
the start of fine-tuning), $\lambda = 1$ for it, or pre-training on one, three or all ten
demonstrations (`selection.count`) or on partial ones (`selection.keptFraction = 0.8`, which
stops each demonstration before the goal, so that it holds no reward); and removing the
demonstrations after the agent's first success.
"""#
}
