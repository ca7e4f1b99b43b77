// The text cells of lesson 9: Zhu et al.'s (2018) recipe for a policy that acts from camera
// images, in the kit's words.

enum Prose {
    static let introduction = #"""
# Visuomotor imitation: a policy on pixels

Lesson 7 built the first half of Zhu et al.'s recipe ("Reinforcement and Imitation Learning for
Diverse Visuomotor Skills", 2018): a reward that mixes imitation and task,
$r = \lambda\, r_{\text{GAIL}} + (1-\lambda)\, r_{\text{task}}$, and episodes that start from states
of the demonstrations. Its agent read the simulator's state: the pusher's and the block's
positions, a handful of numbers. A robot has no such numbers at test time. It has a camera.

This lesson gives the same agent eyes. Its policy sees a small colour image of the table and must
act from that alone. Zhu et al.'s recipe has four more ingredients for this:

1. **An asymmetric actor-critic.** The policy sees pixels; the critic, which is only needed during
   training in simulation, sees the low-dimensional state.
2. **A discriminator that sees only the object.** GAIL's discriminator judges the block's
   positions, not the arm's (lesson 7's `blockOnly` view), so that it cannot tell the imitator from
   the demonstrator by their bodies.
3. **An auxiliary task.** A second head on the policy's convolutional features regresses the
   positions of the objects, trained with an L2 loss beside the RL loss.
4. **Domain randomization.** Training images are drawn in random colours, textures, lighting and
   camera poses, so that a rendering style never seen in training (the real world, in the paper)
   is one more variation.

The lesson builds all four. Its agents train with the first three and test two of Zhu et al.'s
ablations: the asymmetric critic against a critic on pixels, and the recipe without its auxiliary
task. A fourth agent learns from a demonstrator with another body, whose actions it cannot use:
the lecture's "mismatch between imitator and demonstrator action spaces". Domain randomization is
drawn (the next figure), but the reinforcement-learning agents train in the figures' style only: their
runs take the lesson's whole budget for one style. The lesson tests randomization at its end, on
policies cloned from the expert's demonstrations, which take seconds.
"""#

    static let observations = #"""
## What the policy sees

The table, goal, block and pusher are drawn by Cairo with the figures' own drawing code into a
$16 \times 16 \times 3$ image, channels last, values in $[0, 1]$: 768 numbers where lesson 7's
agent had eight (the pusher's and the block's positions, the block's velocity, the goal relative
to the block). At this size one pixel spans about 0.13 of the table's width of 2, so the pusher,
of radius 0.05, is drawn at the smallest radius the renderer allows, 1.5 pixels: a speck. The
block, of radius 0.1, is the largest moving thing in the image.

**Domain randomization** would draw a new style for every training episode (`PushingStyleSampler`):
the table's colour (any hue, saturation up to 0.35, value 0.45–0.95), the background, the
block's and the pusher's colours (a minimum contrast to the table, so the task stays visible),
a plain table or a faint checker or band texture, a lighting gradient of up to 35 % across the image, the camera
shifted by up to 0.05, turned by up to 0.05 rad and zoomed by ±5 %, and Gaussian pixel noise of
up to 0.03. One style is held out of that range on purpose: a saturated wooden table with a
diagonal grain (a texture the sampler never draws), a red block, a dark slate pusher, light from
the top left, a small camera shift and sensor noise. It stands in for the real world: a policy
that has only ever seen the figures' style, or the randomized ones, meets it for the first time
at test time.
"""#

    static let encoder = #"""
## The encoder: convolutions and keypoints

The policy is a small convolutional network. A convolution with a $k \times k$ kernel, stride
$s$ and zero padding $p$ maps an $n \times n$ image to one of side

$$n' = \left\lfloor \frac{n + 2p - k}{s} \right\rfloor + 1,$$

here $16 \to 16$ (8 filters, $k = 3$, $s = 1$, $p = 1$) and $16 \to 8$ (16 filters, $k = 3$,
$s = 2$, $p = 1$). That formula is **exercise 9.1**. The kit computes a convolution as one
matrix product: **im2col** lays every $k \times k \times C$ patch of the input out as a row, and
multiplying those rows by the filters' weights ($k^2C \times F$) gives every output pixel of
every filter at once (**exercise 9.2**). Its backward pass uses the same matrices (col2im
scatters the patches' gradients back).

The last feature map, $8 \times 8 \times 16$, is read by a **spatial softmax** (Levine et al.
2016): for each channel $c$, a softmax over the 64 positions turns the map into a distribution,
and the channel's **keypoint** is its expected position,

$$p_c(i, j) = \frac{\exp(h_c(i, j)/T)}{\sum_{i', j'} \exp(h_c(i', j')/T)}, \qquad
u_c = \sum_{i,j} p_c(i, j)\, u_j, \qquad v_c = \sum_{i,j} p_c(i, j)\, v_i,$$

with the pixel centres scaled to $[-1, 1]$, $u_j = (2j + 1)/W - 1$ to the right and
$v_i = 1 - (2i + 1)/H$ upwards, and temperature $T = 1$ (**exercise 9.3**, with the largest
$h_c$ subtracted before the exponential so that it cannot overflow): 16 channels give 32
numbers, each a position. A flattened map (1 024 numbers) would leave the policy's small head to
find out where things are; keypoints hand it coordinates (`notes/lesson9-foundations.md` records
the studies that chose keypoints over a flattened map for this lesson).

The **auxiliary head** is one linear layer from the keypoints to the block's and the pusher's
positions $\hat p$, trained with Zhu et al.'s L2 loss

$$L_{\text{aux}} = \frac{1}{N} \sum_{i=1}^{N} \lVert \hat p_i - p_i \rVert^2$$

(**exercise 9.4**; the agent calls yours). It is added to PPO's policy loss at weight 1, and it
also runs first, alone, for 1 500 supervised steps (200 with `--quick`) on renders of states
(half from the task's start distribution, half from the demonstrations), so that the keypoints
already point at the objects when RL starts: at this budget a randomly initialised CNN policy
collapses to a near-constant action before the policy gradient alone teaches it to locate
anything. The simulator knows $p$ during training; the policy never needs it at test time.

The next cell builds the policy, sizes its layers with your exercise 9.1, recomputes its first
convolution with your im2col (9.2) and its keypoints with your spatial softmax (9.3), compares
both with the library's layers, and runs the auxiliary pre-training with your loss (9.4). The
figure shows where the keypoints sit and where the auxiliary head puts the block and the pusher
before any reinforcement learning.
"""#

    static let embodiment = #"""
## Another embodiment: demonstrations without actions

The lecture names two difficulties of learning from watching that a simulator's demonstrations
hide: seeing (this lesson's pixels), and a demonstrator whose body and action space are not the
imitator's, such as a human hand demonstrating for a robot's gripper. Lesson 4's discriminator
judges pairs $(s, a)$: it needs the demonstrator's actions, in the imitator's action space. A
demonstrator with another body acts in its own space, and what a camera records of it is the
scene, not its commands.

The object-only discriminator does not ask for them. $D_\phi$ sees the block's features (its
position, its velocity, the goal relative to it), and those mean the same whatever pushed the
block; its reward $-\log(1 - D_\phi(s_{	ext{block}}))$ says "move the block the way the
demonstrations did", which any body can try to do.

The kit's other body is a **paddle** (`PaddlePushing`): a disc of radius 0.1, twice the pusher's,
driven by a speed and a heading $(v, h) \in [0, 1] 	imes [-1, 1]$, so that it moves at
$v \, v_{\max} (\cos \pi h, \sin \pi h)$. Its demonstrator is lesson 7's noisy controller rebuilt for
the paddle's contact distance (0.2 between the centres, where the pusher's is 0.15). Its recorded
actions are dropped (`Trajectory.withoutActions`): the imitator's pusher could not execute a
heading and a speed, and a real demonstrator would not have logged them. Demonstration-state starts
(exercise 7.3) still work, because a state is positions: a start puts the block where the
demonstration had it and the imitator's pusher where the paddle's centre was.

The next cell records both demonstrators from the same start states and builds the recipe's agent
on the paddle's demonstrations twice: with the object-only discriminator, and with lesson 4's
discriminator on block, pusher and action. The ablation below then trains the recipe on the
paddle's states only, beside the agents that learn from the pusher's own demonstrations.
"""#

    static let critic = #"""
## The asymmetric critic

PPO (lesson 4) trains a critic $V_\phi$ to regress the discounted return and uses it for the
advantages $\hat A_t = \sum_l (\gamma\lambda_{\text{GAE}})^l \delta_{t+l}$ with
$\delta_t = r_t + \gamma V_\phi(\cdot_{t+1}) - V_\phi(\cdot_t)$. What goes in the dot is a choice:

- **the state** $s_t$ (lesson 7's eight numbers): the *asymmetric* actor-critic. The critic is
  lesson 7's MLP; the value of a pushing state is a smooth function of those numbers.
- **the image** $o_t$: the critic has an encoder of its own, shaped like the policy's, and must
  learn to see from its noisy regression target while the advantages it produces are already
  steering the policy.

The critic is only used during training, in simulation, where the state is known; the policy
that is deployed needs only the camera. Zhu et al. found that a value function learned from
pixels makes training slow. The first two agents are otherwise the same: the same encoder, keypoints,
auxiliary task and pre-training for the policy, lesson 7's reward mix with $\lambda = 0.1$, the
object-only discriminator, and episodes that start from a demonstration state with probability
0.8. Success is measured from the task's own start states, 20 evaluation episodes, with the
policy's mean action.

A third agent tests Zhu et al.'s other ablation: the asymmetric agent **without the auxiliary
task** — no $L_{\text{aux}}$ in PPO's loss and no supervised pre-training, so its encoder learns
only from the policy gradient. The lecture sums up what Zhu et al. found for their agent: "no
auxiliary task: not a big problem". The fourth agent is the recipe again, learning from the
paddle's state-only demonstrations (its discriminator's expert inputs and its demonstration starts
come from them; everything else is the first agent's).
"""#

    static let bimodality = #"""
### How to read one run, and why the claims need 12 or 24 seeds

A run of any of these agents does one of two things: it finds the approach to the block, and its
success climbs to 0.4–1.0 within about 100 000 steps, or it does not, and stays near 0. Which of
the two happens depends on the seed — and on the order in which the CPU's BLAS kernel sums, so
the same seed can land in the other mode on another machine. Two runs per agent therefore say
little. The claims are about how *often* each agent learns: the share of seeds that reach 50 %
success within the budget, compared with the kit's rule (the difference must exceed two standard
errors). The two ablations are decided over 24 seeds per agent: the agents without the recipe's
piece still learn on a few seeds, and twelve did not always tell two agents apart. That takes
about 50 minutes on two cores:

    swift run -c release 09-visuomotor --seed-count 24

or, split over machines, `--seeds 0..11` and `--seeds 12..23` on two of them and `--merge` after.
The other embodiment and the held-out style are decided on 12 seeds (`--seed-count 12`, about 25
minutes).
The lesson's default runs two seeds per agent, in under five minutes; `--quick` trains one seed for
four iterations only, to check that everything runs.
"""#

    static let takeaways = #"""
## Take-aways

- A policy can act from pixels when its encoder hands it positions: two small convolutions and a
  spatial softmax turn a $16 \times 16$ image into keypoints, and an auxiliary L2 loss on the
  objects' positions makes those keypoints carry where the block and the pusher are (the
  auxiliary head reads both off them, as the encoder's figure shows).
- The critic is a training-time device: giving it the simulator's state (the asymmetric
  actor-critic) costs nothing at deployment and spares it learning to see from a noisy target.
- Runs of RL from pixels are bimodal, and the BLAS kernel can flip a seed's mode: whether the
  asymmetric critic or the auxiliary task helps is a statement about shares of seeds, decided on
  24 (`--seed-count 24`), not on the two runs per agent above.
- Without the auxiliary task (no loss, no pre-training) the encoder has only the policy gradient
  to learn where the block is. Whether that costs the agent its success on more seeds than the
  seeds' noise can hide is the second claim's question, decided on 24 seeds.
- A demonstrator need not share the imitator's body. The paddle's demonstrations carry no action
  the pusher could execute, so a discriminator on $(s, a)$ cannot be built on them (the
  embodiment cell prints the refusal), while the object-only discriminator takes their states as
  they are: it compares how the block moves, which both bodies can do. Whether those states teach
  the pixel policy (reaching 50 % success on a share of seeds clearly above zero) is claim
  9.otherEmbodiment, decided on twelve seeds (`--seed-count 12`); the reading above compares that
  share with the recipe's on the pusher's own demonstrations.
- The agents here train in the figures' style only, and after training each final policy is
  evaluated once more in the held-out style, from the same start states (the figure
  held-out-style). Whether a policy that never saw another style loses most of its success there,
  the first half of Zhu et al.'s case for randomization, is claim 9.heldOutStyleDrop, decided on
  twelve seeds.
- Domain randomization buys robustness inside the range it draws from, not beyond it. The policy
  cloned in one style fails in any other (claim 9.fixedStyleDrop); the policy cloned on randomized
  renders succeeds in styles it never saw as long as they come from its randomization (claim
  9.randomizationDrawnStyles), and fails in the held-out style, and even in the figures' style,
  which both lie outside that range. Zhu et al.'s transfer to the real world is therefore a
  known issue here (claim 9.randomizationHeldOut): it would need a randomization wide enough to take
  in styles like the held-out one, and the wider ones tried (any block hue, tables as saturated as
  the held-out one, block and pusher coloured relative to the table, up to $32 \times 32$ pixels)
  were learned less well and never kept more than one episode in twenty in the held-out style
  (`notes/lesson9-foundations.md`, sessions 11 and 15–17,
  has every configuration tried; `pixel-study --randomization-check --sampled-styles 8` repeats them).
"""#

    static let randomization = #"""
## Domain randomization, tested on cloned policies

Zhu et al. train in randomized renders so that the real camera's images are "just one more
variation". The claim has two halves: a policy trained in one style loses its success in a style
it never saw, and a policy trained on randomized styles keeps most of it.

Reinforcement learning from pixels takes the ablation's minutes for a single style, so the test
uses the cheapest way to a policy on pixels: behavior cloning (lesson 1's loss) of the task's
designed expert, 40 episodes, each state rendered 4 times. Two policies with the agent's encoder
and head, which differ only in their training images:

- **fixed**: every image in the figures' style;
- **randomized**: every image in its own style drawn from a randomization.

Each is evaluated from the same 20 start states in three kinds of style: the figures' style;
8 styles **drawn anew** from the randomization, with a random stream that training never uses
(new colours, textures, light, camera and noise, from the same ranges); and the **held-out**
style, outside the ranges. The randomization here is narrower than the one drawn at the top of the
lesson: greyish tables and floors (saturation at most 0.1) and block hues from blue through
magenta to red (`PushingStyleSampler.greyTableBlueToRedBlock`). On the full ranges the cloned
policy learns much less at $16 \times 16$ pixels: after 10 000 steps it succeeded in 8–31 % of the
episodes in styles drawn from them, against 59–87 % on these ranges (`pixel-study`, seeds 0–3).
The cell prints whether the randomization's range contains the figures' style and the held-out
style.
"""#
}
