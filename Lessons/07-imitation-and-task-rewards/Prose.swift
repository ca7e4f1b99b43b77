// The text cells of lesson 7: the argument of the lecture and of Zhu et al. (2018), in the kit's words.

enum Prose {
    static let introduction = #"""
# Combining imitation and task rewards

Behavior cloning copies the demonstrator's actions; GAIL goes further and matches the states and
actions the demonstrator *visits*. Both aim at the same target: behave like the demonstrations.
That is their strength when the demonstrator is good, and their weakness when it is not. At its
optimum the GAIL discriminator can no longer tell the agent from the demonstrator, so the agent
is, in distribution, the demonstrator again: as slow, as noisy, and as often wrong. The lecture
asks whether BC or GAIL can outperform the expert. Their objectives cannot ask for it: nothing in
them says what the task *is*. Could they still end up better by accident, a deterministic clone
of a noisy demonstrator, say, which averages the noise away? This lesson measures it, for behavior
cloning, for GAIL and for the mixed agent, against the same demonstrator.

Reinforcement learning knows what the task is, through its reward, but a reward that only says
"done" at the very end gives almost nothing to learn from until the agent stumbles on success.
Demonstrations are the opposite: dense guidance, but no notion of better or worse. This lesson
puts the two together, following Zhu et al. (2018), *Reinforcement and Imitation Learning for
Diverse Visuomotor Skills*: one reward that mixes the discriminator's opinion with the task's,
plus a handful of tricks that make the mixture learn quickly. The experiment is a small version
of theirs: push a block into a goal with a sparse reward, helped by a demonstrator that is noisy,
slow, and succeeds only some of the time.
"""#

    static let mixedReward = #"""
## One reward, two teachers

For a policy $\pi_\theta$ and a discriminator $D(s,a)$ that outputs the probability that a pair
came from the demonstrations, the reward of a transition is

$$
r(s,a) = \lambda\, r_{GAIL}(s,a) + (1-\lambda)\, r_{task}(s,a), \qquad \lambda \in [0,1],
\qquad r_{GAIL}(s,a) = -\log\big(1 - D(s,a)\big).
$$

- $\lambda = 1$ is GAIL (lesson 4): the agent is paid only for looking like the demonstrator.
- $\lambda = 0$ drops the imitation reward. In this lesson's sweep every variant still starts most
  episodes from demonstration states (the recipe below), so $\lambda = 0$ is Zhu et al.'s "no GAIL
  reward" ablation, demonstrations used only for starts, not reinforcement learning on its own.
- In between, the imitation term acts as a dense, learned shaping reward: early in training it
  pays for moving the scene the way the demonstrations did, long before the sparse task reward
  is ever seen. The task term keeps the last word, so the agent may leave the demonstrations
  behind wherever doing so is rewarded.

With $D = \sigma(z)$ for a logit $z$, the imitation reward is $-\log(1-\sigma(z)) = \log(1+e^{z})$,
the softplus of the logit (lesson 4, exercise 4.2): always positive, close to $z$ when the
discriminator is sure the pair is the expert's and close to $0$ when it is sure it is not. It is
never a penalty: every step the agent survives earns something.
"""#

    static let survivalBonus = #"""
## A catch: a reward for surviving meets a task that ends

Our task ends the episode as soon as the block is in the goal (and pays $r_{task} = 1$ on that
step). Compare two ways to behave near the goal. *Finishing* earns $(1-\lambda)\,c$ once, where
$c$ is the size of the task reward, and then nothing, because the episode is over. *Lingering*
(keeping the block just outside) earns about $\lambda\,\bar r$ per step, where $\bar r$ is a
typical imitation reward; with discount $\gamma$ that is worth

$$
\sum_{k\ge 0} \gamma^k \lambda \bar r = \frac{\lambda\,\bar r}{1-\gamma}.
$$

The agent prefers to finish only if $(1-\lambda)\,c > \lambda\,\bar r/(1-\gamma)$. With the
environment's own $c = 1$, $\gamma = 0.98$ and a discriminator that cannot decide,
$D = \tfrac12$ and $\bar r = \log 2 \approx 0.69$, finishing wins only for
$\lambda < 1/(1 + \bar r/(1-\gamma)) \approx 0.03$. Any real amount of imitation teaches the agent
to push the block *towards* the goal and never *in*.

The cure is to say what the goal means. Once the block is in the goal, the task is done for good:
if the episode went on, the block would stay there and the task would pay $1$ at every step. That
is worth $\sum_k \gamma^k = 1/(1-\gamma)$, so we pay it at once and take $c = 1/(1-\gamma) = 50$.
The condition becomes

$$
\lambda < \frac{1}{1 + \bar r} \approx 0.59 \quad (\bar r = \log 2),
$$

a rule of thumb for how much imitation the task reward can carry: at $\lambda$ much above one half
the survival bonus wins again, and at $\lambda = 1$ there is no task reward left at all. (Where
episodes have a fixed length and reaching the goal does not end them, the same tension shows up
differently: the task reward is then paid at every step spent in the goal.)
"""#

    static let recipe = #"""
## The recipe of Zhu et al. (2018)

Their robot arm learned to lift and stack blocks, clear a table and pour from camera images, from a
small number of human demonstrations per task, recorded by teleoperating the arm in simulation,
and the policies were then run on a real arm. The mixed reward is one of six ingredients:

1. **Mix the rewards** as above, with $\lambda$ in the middle of $[0, 1]$.
2. **Start episodes from demonstration states.** A simulator can be put in any state, so each
   training episode starts, with some probability, from a state recorded along a demonstration
   instead of the usual initial state. Starts close to the end of a demonstration sit right next
   to the sparse reward; starts further back give a curriculum for free. Evaluation still starts
   from the ordinary initial states.
3. **Asymmetric actor-critic.** The value function is only needed during training, in simulation,
   where the full low-dimensional state is known (object positions and velocities, distances
   between gripper and objects). So the critic gets that state, while the policy, which must run on
   the real robot, sees only camera pixels. The critic learns fast from clean inputs; the policy
   never depends on information it will not have.
4. **Mask the discriminator.** The discriminator sees only object-centric features, not the arm:
   it should judge what happens to the scene, not how the arm moves, so that it cannot tell agent
   from demonstrator by the arm alone, and the agent stays free to move its own way.
5. **Auxiliary tasks.** The policy's convolutional layers are also trained to predict object
   positions from the image (an L2 regression loss), which shapes useful visual features.
6. **Domain randomization.** Colours, textures, lighting and camera pose are randomized in
   simulation, so that the real world looks like one more random variation and the policy
   transfers without real-world training.

Their ablations found that without the task reward (pure imitation) learning fails; without the
GAIL reward, using the demonstrations only for episode starts, it is slow; without the
discriminator mask it is worse; a value function learned from pixels is slow; and the auxiliary
tasks matter little. Performance was best for intermediate $\lambda$.

**What this kit keeps.** There are no pixels here: the policy and the value function both see the
same eight numbers, so the asymmetric critic (3), the auxiliary tasks (5) and domain randomization
(6) are explained but not run. Ingredients 1, 2 and 4 are the experiment.
"""#

    static let algorithm = #"""
## The algorithm

The agent reuses lesson 4 whole: its PPO, its Gaussian policy and value function, its
discriminator network, its discriminator loss (exercise 4.1) and its imitation reward
(exercise 4.2). This lesson adds the mix, the mask and the starts (exercises 7.1–7.3), and
measures every agent with exercise 7.4:

```
for i = 0, 1, 2, …
    collect K environments × T steps with π_θ; every new episode starts, with
        probability p, from a demonstration state            (demonstrationResetState, 7.3)
    x_E ← view(s_E, a_E),  x_π ← view(s_π, a_π)               (maskedDiscriminatorInput, 7.2)
    a few Adam steps on the discriminator loss L_D(x_E, x_π)  (discriminatorLoss, 4.1)
    r ← λ·(−log(1 − D(x_π))) + (1 − λ)·c·r_task               (gailReward 4.2, mixedReward 7.1)
    PPO update of π_θ and V with r                            (ppoClippedLoss 4.4, GAE 4.5)
evaluate π_θ's mean action from the task's own start states   (successStatistics, 7.4)
```

The code is `MixedRewardAgent` in `Sources/Algorithms/RewardMixing`, generic over both lessons'
exercise protocols: with `--implementation exercises` it runs on your functions.
"""#

    static let cloningBaseline = #"""
## Can imitation outperform its teacher?

The lecture asks it, and lists "outperform the human expert" among the goals. Three imitators of
the same demonstrator, evaluated on the same episodes from the task's start states:

- **Behavior cloning** (lesson 1), deterministic. The demonstrator's actions scatter around its
  controller's; the minimiser of the squared error is their conditional mean, so the clone acts
  roughly like the controller *without* the noise, but with everything else that is in the mean:
  half speed, and the controller's flaws. It is trained on the agents' demonstrations and, to see
  what cloning can do with plenty of data, on many more.
- **GAIL**, λ = 1 in the sweep: matches the demonstrator's state-action distribution.
- **The mixed agent**, the recipe: imitation reward plus task reward.

Which differences clear the spread over seeds is decided in the cell "What the experiment shows".
"""#

    static let takeaways = #"""
## Take-aways

- Imitation alone aims at the demonstrator and stops there; a task reward alone is hard to find.
  The mixed reward $\lambda r_{GAIL} + (1-\lambda) r_{task}$ uses the demonstrations to explore
  and the task to decide, and an agent trained with it can beat its teacher: here it reaches the
  goal in far fewer steps than the demonstrator. Imitation alone can beat a *noisy* teacher too,
  by a different route: a deterministic clone drops the noise, and given enough demonstrations it
  usually succeeds more often than the demonstrator (the claims cell says how reliably).
  It keeps what is in the mean action, though, the half speed; GAIL alone never finishes. So the
  lecture's question has two answers here: imitation can outperform a noisy expert by averaging,
  and only the task reward takes the agent beyond the expert's way of doing the task.
- $\lambda$ is a trade-off: too much imitation and the agent inherits the demonstrator's habits,
  its slowness first; pure imitation fails outright when the task can end the episode, because
  $-\log(1-D)$ pays for surviving. At the other end, how much the imitation reward adds depends on
  what else the demonstrations already do: with demonstration starts, $\lambda = 0$ (no GAIL
  reward) finds the sparse reward too, and in this task the recipe's lead over it is small next to
  the spread over seeds (the conclusions above say whether this run can call it).
- Rewards that end episodes and rewards that pay for living interact. Say what the goal is worth:
  an absorbing goal pays $1/(1-\gamma)$.
- Starting episodes from demonstration states is nearly free when a simulator can be set to any
  state, and it makes a sparse reward reachable at once.
- Hiding part of the state from the discriminator changes what the imitation reward teaches. The
  paper hides the arm so that only the scene is judged; in our 2-D task the pusher's approach to
  the block is itself part of the skill being demonstrated, and a discriminator that sees the
  pusher can reward it: in this kit it learns at least as soon as the block-only one (claim 4
  above gives this run's numbers; the full run also compares the two without demonstration
  starts). Which features the discriminator should see is a modelling choice to test, not a rule.

## Exercises

Write these in `Exercises/07-imitation-and-task-rewards/`, then run
`swift run -c release 07-imitation-and-task-rewards --implementation exercises` and
`swift run -c release grade --lesson 7`:

- **7.1** `mixedReward` (`MixedReward.swift`): $\lambda r_{GAIL} + (1-\lambda) r_{task}$ with its
  input checks.
- **7.2** `maskedDiscriminatorInput` (`MaskedDiscriminatorInput.swift`): the discriminator's view of
  a batch of pairs.
- **7.3** `demonstrationResetState` (`DemonstrationResetState.swift`): where a training episode
  starts.
- **7.4** `successStatistics` (`SuccessStatistics.swift`): success rate and steps to success.

Questions to think about: why does the optimal $\lambda$ move down when the demonstrator is worse?
What would change if $r_{GAIL} = \log D$ (a penalty per step) were mixed instead? Which features
would you show the discriminator for a task where the arm's motion itself matters, such as
pouring?
"""#
}
