// The text cells of lesson 2, in teaching order: the lecture's argument in the kit's words.

enum Prose {
    /// Acting changes the data: the expert's state distribution against the clone's.
    static let introduction = #"""
# Distribution shift and compounding error

Lesson 1 ended with a puzzle: a behavior-cloning policy can fit its demonstrations almost exactly
and still drive off the road. The reason is that acting changes the data. Write $P_\pi(s_t)$ for the
distribution of the state at time $t$ when policy $\pi$ is in control. The demonstrations are
samples of the *expert's* distribution, and behavior cloning minimises its error there:

$$
\min_\theta\ \mathbb{E}_{s \sim P_{\pi^*}}\, \ell\big(\pi_\theta(s), \pi^*(s)\big).
$$

But once the clone drives, the states come from *its own* distribution, and in general

$$
P_{\pi^*}(s_t) \neq P_{\pi_\theta}(s_t).
$$

A small error moves the car slightly off the expert's line, into a state that the expert never
visited and that is therefore not in the data. There the clone's action is whatever the network
happens to extrapolate, which may be a larger error, which leads to a state even further from the
data. Supervised learning assumes that training and test inputs come from the same distribution;
imitation by behavior cloning breaks that assumption by construction.
"""#

    /// Ross and Bagnell's O(εT²) bound, and DAgger, which trains on the learner's own states.
    static let compoundingAndDAgger = #"""
## How fast do mistakes compound?

Ross and Bagnell (2010) turned the story into a bound. Let the task last $T$ steps with a cost in
$[0, 1]$ per step, and suppose the clone disagrees with the expert with probability at most
$\varepsilon$ on states drawn from the expert's distribution (the error supervised learning
controls). As long as the clone has not yet made a mistake it is exactly where the expert would be,
so its chance of a first mistake at step $t$ is at most $\varepsilon$. After a mistake, all bets are
off: in the worst case it pays the maximal cost for every remaining step. Adding up,

$$
J(\pi_\theta) \;\le\; J(\pi^*) + \sum_{t=1}^{T} \varepsilon\,(T - t + 1) \;=\; J(\pi^*) + \varepsilon\,\frac{T(T+1)}{2}
\;=\; J(\pi^*) + O(\varepsilon T^2),
$$

and they show examples where behavior cloning really is that bad. The extra cost grows with the
*square* of the horizon: double the length of the task and the damage quadruples. A learner
trained on its *own* state distribution would pay only $O(\varepsilon T)$: a mistake is as likely
at every step, but it costs only that step, because the learner knows how to recover.

## DAgger: let the learner drive, let the expert label

DAgger ("dataset aggregation", Ross, Gordon and Bagnell 2011) collects exactly that data. It
needs an expert who can be *asked* what it would do in any state:

1. Train $\hat\pi_1$ by behavior cloning on the demonstrations $\mathcal{D}$.
2. For $i = 1, 2, \ldots, N$:
   - drive with the mixture $\pi_i = \beta_i\, \pi^* + (1 - \beta_i)\, \hat\pi_i$: at each step the
     expert's action with probability $\beta_i$, the learner's otherwise;
   - ask the expert to label every visited state: $\mathcal{D}_i = \{(s, \pi^*(s))\}$;
   - aggregate, $\mathcal{D} \leftarrow \mathcal{D} \cup \mathcal{D}_i$, and retrain $\hat\pi_{i+1}$ on all of $\mathcal{D}$.

The mixing weight decays, $\beta_i = p^{\,i}$: early rounds lean on the expert (the first learner may
crash immediately), later rounds let the learner make its own mistakes, which are exactly the
states it needs labels for. Because the training distribution converges to the learner's own,
the error that matters, $\varepsilon_N$, is measured where the learner actually goes. Ross, Gordon and
Bagnell bound the cost by $J(\hat\pi) \le J(\pi^*) + u\,T\,\varepsilon_N + O(1)$, where $u$ bounds how
much one wrong action can cost before the expert's behaviour recovers: linear in the horizon.

The price: the expert must be available during training, and must be able to label states it would
never have reached itself.
"""#

    /// Demonstrations that disagree: squared error averages them, a mixture of Gaussians keeps them apart.
    static let multimodal = #"""
## When the demonstrations disagree

Demonstrations can also be *multimodal*: two experts, both perfectly good, do different things in
the same state. Picture an obstacle in the middle of the lane. One expert passes it on the left,
the other on the right. Both are fine. Their average is not: with a Gaussian policy of fixed
variance, behavior cloning fits the conditional mean $\mathbb{E}[a \mid s]$, and the mean of
"steer left" and "steer right" is "go straight", into the obstacle.

The fix is a policy that can represent more than one good action: a *mixture of Gaussians*
(a mixture density network). For one-dimensional actions the network outputs, for each of $K$
components, a logit, a mean and a log standard deviation, and is trained by maximum likelihood,

$$
-\log \pi_\theta(a \mid s) = -\log \sum_{k=1}^{K} w_k(s)\, \mathcal{N}\big(a;\ \mu_k(s), \sigma_k(s)^2\big),
\qquad w_k(s) = \frac{e^{z_k(s)}}{\sum_j e^{z_j(s)}},
$$

computed stably as a `logSumExp` over $k$ of $\log w_k + \log \mathcal{N}_k$. One component can then
sit on "left" and another on "right". To act, the policy takes the mean of its heaviest component:
it *chooses* a side instead of averaging them.

In the experiment, every episode starts at the same place on the centre line with the obstacle
10 m ahead, so that both experts face exactly the same decision; ten demonstrations pass on each side.
"""#

    /// What the lesson showed, and the exercises.
    static let takeaways = #"""
## Take-aways

- Behavior cloning is trained on the expert's state distribution and tested on its own. The
  difference, $P_{\pi^*}(s_t) \neq P_{\pi_\theta}(s_t)$, is the whole problem: the visited-state
  histograms above drift apart.
- Errors compound: a learner that leaves the expert's states has no data to come back with. Ross and
  Bagnell bound the extra cost by $O(\varepsilon T^2)$; on the car, behavior cloning's cumulative
  deviation grows faster than linearly in the horizon.
- DAgger trains on the learner's own states, labelled by an interactive expert, and brings the cost
  back to $O(\varepsilon T)$: its deviation and its state distribution match the expert's. It needs
  an expert on call, which lesson 4 (GAIL) will do without, at the price of many environment steps.
- When demonstrations disagree, squared error averages incompatible choices. A multimodal policy
  (here a mixture of Gaussians trained by maximum likelihood) keeps them apart.

## Exercises

Write these in `Exercises/02-distribution-shift/`, run this lesson with
`--implementation exercises`, and grade with `swift run -c release grade --lesson 2`.

1. **2.1 `daggerAggregate`** (`DaggerAggregate.swift`): one round of aggregation, the expert
   labelling the learner's visited states; DAgger above calls it every round.
2. **2.2 `mixturePolicyAction`** (`MixturePolicyAction.swift`): who acts at a step of round $i$, with
   $\beta_i = p^{\,i}$.
3. **2.3 `mixtureNegativeLogLikelihood`** (`MixtureNegativeLogLikelihood.swift`): the loss of the
   mixture policy, stable for huge logits and far-away actions.
4. **2.4 `totalVariationDistance`** (`TotalVariationDistance.swift`): the distance between the
   visitation histograms.
"""#
}
