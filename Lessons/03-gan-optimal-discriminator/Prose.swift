// The text cells of lesson 3, in teaching order: the lecture's argument in the kit's words.

enum Prose {
    /// The GAN game, and the plan: four steps of the derivation, each checked by a number, then training.
    static let introduction = #"""
# Lesson 3 — GANs and the optimal discriminator

Behavior cloning copies the expert's actions state by state. The next lesson takes another route:
it trains a policy until a *discriminator* can no longer tell the policy's behaviour from the
expert's. That idea comes from generative adversarial nets (GANs, Goodfellow et al. 2014), and this
lesson studies it where everything can be computed exactly: data that are single numbers on a line.

Two players share one objective. The **generator** $G$ turns noise $z \sim p_z$ into samples
$x = G(z)$; the distribution of those samples is called $p_G$. The **discriminator** $D$ looks at a
number $x$ and outputs $D(x) \in (0, 1)$, its probability that $x$ came from the data rather than
from $G$. The game is

$$
\min_G \max_D \; V(D, G) = \mathbb{E}_{x \sim p_{data}}\big[\log D(x)\big]
  + \mathbb{E}_{z \sim p_z}\big[\log\big(1 - D(G(z))\big)\big].
$$

$D$ raises $V$ by saying "real" ($D \to 1$) on data and "fake" ($D \to 0$) on generated samples: $V$
is the negative of the binary cross-entropy of a classifier with label 1 for real and 0 for
generated. $G$ lowers $V$ by making its samples look real to $D$.

What is the best discriminator for a given generator, and what does the generator then minimise?
We answer in four steps, and after each step a number computed by this program checks it. Then we
train networks and ask the lecture's two questions: what if the generator sends every $z$ to one
single sample, and what if the discriminator is trained until it is perfect?
"""#

    /// Step 1: the value as an expectation over noise is an integral over data space.
    static let stepOne = #"""
## Step 1 — from noise to data space

The second expectation is over the noise $z$, but $D$ only ever sees the sample $x = G(z)$. For any
function $f$, averaging $f(G(z))$ over $z \sim p_z$ is the same as averaging $f(x)$ over
$x \sim p_G$, because $p_G$ *is* the distribution of $G(z)$ (the change of variables behind
"the law of the unconscious statistician"). Writing both expectations as integrals over $x$:

$$
V(D, G) = \int p_{data}(x) \log D(x)\, dx + \int p_G(x) \log\big(1 - D(x)\big)\, dx
        = \int \Big[ p_{data}(x) \log D(x) + p_G(x) \log\big(1 - D(x)\big) \Big] dx .
$$

The generator has disappeared into $p_G$: for the game, all that matters about $G$ is the
distribution it produces.

**Check.** Take $p_{data} = \mathcal{N}(0, 1)$, the generator $G(z) = 1.5 + 0.7 z$ with
$z \sim \mathcal{N}(0, 1)$ (so $p_G = \mathcal{N}(1.5, 0.7^2)$), and an arbitrary discriminator
$D(x) = \sigma(1 - x)$. We estimate $V$ the first way, by sampling $x$ and $z$, and compute it the
second way by quadrature over $x$. The two should agree within the sampling error.
"""#

    /// Step 2: the best discriminator, point by point, D* = p_data/(p_data + p_G).
    static let stepTwo = #"""
## Step 2 — the best discriminator, one point at a time

Fix $G$. The integrand of $V$ at a point $x$ depends on $D$ only through the single number $D(x)$,
and $D$ may be any function, so we can choose $D(x)$ separately at every $x$ to make the integrand as
large as possible. With $a = p_{data}(x) \ge 0$, $b = p_G(x) \ge 0$ and $y = D(x)$ we maximise

$$
f(y) = a \log y + b \log(1 - y), \qquad
f'(y) = \frac{a}{y} - \frac{b}{1 - y} = 0
\;\iff\; a (1 - y) = b\, y
\;\iff\; y = \frac{a}{a + b}.
$$

Since $f''(y) = -a/y^2 - b/(1-y)^2 < 0$, $f$ is concave and this is its maximum. At the edges,
$b = 0$ gives $y = 1$ and $a = 0$ gives $y = 0$; where $a = b = 0$ nothing is ever sampled and $V$
does not care, and we define $y = \tfrac12$. Hence the **optimal discriminator**

$$
D^*_G(x) = \frac{p_{data}(x)}{p_{data}(x) + p_G(x)} .
$$

It is the probability that $x$ is real given $x$, when real and generated samples are equally common:
the Bayes-optimal classifier. (Exercises 3.1 and 3.2 ask you to write these two functions.)

**Check.** For a few pairs $(a, b)$ we search $y$ over a grid of $10^5$ points and compare with
$a/(a + b)$.
"""#

    /// Step 3: the value of the game at D* is 2·JSD − log 4.
    static let stepThree = #"""
## Step 3 — the value of the game at D*

Put $D^*$ back into $V$. The generator's objective becomes

$$
C(G) = \max_D V(D, G) = \mathbb{E}_{x \sim p_{data}}\Big[\log \frac{p_{data}(x)}{p_{data}(x) + p_G(x)}\Big]
     + \mathbb{E}_{x \sim p_G}\Big[\log \frac{p_G(x)}{p_{data}(x) + p_G(x)}\Big].
$$

Let $M = \tfrac12 (p_{data} + p_G)$ be the even mixture of the two distributions. Inside each
logarithm, $\frac{p}{p_{data} + p_G} = \frac{p}{2M} = \frac12 \cdot \frac{p}{M}$, and each
expectation gives up a $\log \tfrac12$:

$$
C(G) = \mathrm{KL}(p_{data} \,\|\, M) + \mathrm{KL}(p_G \,\|\, M) - \log 4
     = 2\,\mathrm{JSD}(p_{data} \,\|\, p_G) - \log 4,
$$

where $\mathrm{KL}(p \| q) = \int p \log (p/q)\, dx$ and the **Jensen–Shannon divergence** is
$\mathrm{JSD}(p \| q) = \tfrac12 \mathrm{KL}(p \| M) + \tfrac12 \mathrm{KL}(q \| M)$. Unlike KL it is
symmetric, always finite, and at most $\log 2$, reached when the two distributions do not overlap.
Against the best discriminator, the generator is minimising the JSD to the data. (Exercise 3.3:
the JSD of two densities on a grid.)

**Check.** Data $\mathcal{N}(0, 1)$, generator $\mathcal{N}(\mu, 1)$, and $\mu$ slides from $-4$
to $4$. For each $\mu$ we compute $C(G) = V(D^*, G)$ by quadrature, with $D^*$ from exercise 3.2, and
compare it with $2\,\mathrm{JSD} - \log 4$ from exercise 3.3. The same sweep against the two-mode
data $\tfrac12\mathcal{N}(-2, 0.5^2) + \tfrac12\mathcal{N}(2, 0.5^2)$ shows a generator family that
cannot reach the data.
"""#

    /// Step 4: the global optimum p_G = p_data, where D* = ½ and C(G) = −log 4.
    static let stepFour = #"""
## Step 4 — the global optimum

A KL divergence is never negative and is zero only between equal distributions, so
$\mathrm{JSD}(p_{data} \| p_G) \ge 0$ with equality only when $p_{data} = M = p_G$. Therefore

$$
C(G) \ge -\log 4, \quad \text{with equality if and only if } p_G = p_{data},
$$

and at that optimum $D^*(x) = \frac{p}{p + p} = \tfrac12$ everywhere: the discriminator can do no
better than a fair coin, and $C = \log\tfrac12 + \log\tfrac12 = -\log 4$.

**Check.** With $p_G = p_{data} = \mathcal{N}(0, 1)$, $D^*$ should be exactly $\tfrac12$ at every grid
point and $C(G)$ should equal $-\log 4$.

This is a statement about the game over *all* functions $D$ and *all* distributions $p_G$, with
$D$ at its optimum for each $G$. Networks trained by minibatch gradient steps are another matter;
the rest of the lesson measures how far the theory carries.
"""#

    /// Training by alternating minibatch steps, and a discriminator trained against fixed densities.
    static let training = #"""
## Training: alternating minibatch steps

Algorithm 1 of the GAN paper replaces the expectations by minibatch averages and lets the two
players take turns. The discriminator outputs a *logit* $ℓ(x)$ and $D(x) = \sigma(ℓ(x))$; then
$\log D = -\operatorname{softplus}(-ℓ)$ and $\log(1 - D) = -\operatorname{softplus}(ℓ)$, which
stay finite even when $D$ rounds to 0 or 1 (exercises 3.4 and 3.5). Each iteration:

1. $k$ times: draw $x_1 \dots x_m \sim p_{data}$ and $z_1 \dots z_m \sim p_z$, and take an Adam step
   on the discriminator's loss
   $L_D = -\frac1m \sum_i \log D(x_i) - \frac1m \sum_i \log\big(1 - D(G(z_i))\big)$;
2. draw $z_1 \dots z_m$ and take an Adam step on the generator's loss, either the game's own
   **saturating** $L_G = \frac1m \sum_i \log\big(1 - D(G(z_i))\big)$ or the **non-saturating**
   $L_G = -\frac1m \sum_i \log D(G(z_i))$ that the paper recommends in practice.

The library's `GAN1D` does exactly this and takes both losses from your exercise code.
`GANHyperparameters` holds the paper's defaults ($k = 1$, non-saturating loss) and the Adam setting
common for GANs ($\text{lr} = 2\cdot10^{-4}$, $\beta_1 = 0.5$). On one-dimensional data we use
$k = 5$ and $\text{lr} = 10^{-3}$ with minibatches of $m = 128$: more discriminator steps keep $D$
closer to $D^*$, which is what the derivation assumes, and the larger step makes a 2000-iteration
run enough.

First, the assumption itself: can a network trained by minibatch steps find $D^*$? We freeze the
generator at a known density, train a discriminator (two hidden layers of 32 tanh units, Adam,
512 real and 512 generated samples per step, the step size cut tenfold for the last third of the
steps) and compare it with $D^*$ from exercise 3.2.
"""#
}

extension Prose {
    /// A GAN trained end to end: Algorithm 1 and this lesson's settings.
    static let ganTraining = #"""
## A GAN trained end to end

Now both players learn. The data are $p_{data} = \mathcal{N}(3, 0.5^2)$; the generator is a small
network (one noise input $z \sim \mathcal{N}(0, 1)$, two hidden layers of 32 tanh units, one output)
whose freshly initialised samples sit in a narrow clump near 0, so the two distributions start
almost disjoint and $\mathrm{JSD} \approx \log 2$.

A generator network has no density we can write down, so to measure the JSD we estimate $p_G$ from
4000 of its samples with a Gaussian kernel density estimate $\hat p_G$ and apply exercise 3.3 on the
quadrature grid. The estimate smooths, so it reads slightly above zero even for perfect samples; we
report that floor, measured on samples of $p_{data}$ itself.
"""#

    /// The lecture's first question: a generator that maps all noise to one sample.
    static let modeCollapse = #"""
## Question 1 — what if the generator maps all noise to one sample?

Suppose $G(z) = x_0$ for every $z$, and $x_0$ is a perfectly realistic sample: the centre of one
mode of the data. Then $p_G$ is a point mass at $x_0$ and

- $D^*(x) = 1$ for every $x \ne x_0$ (no generated sample is ever there), and $D^*(x_0) = 0$: the
  point is generated infinitely more often than the data would produce it, so the optimal
  discriminator rejects it, however realistic it is;
- $\mathrm{JSD}(p_{data} \| p_G) = \log 2$, as if the two did not overlap at all, so
  $C(G) = 2 \log 2 - \log 4 = 0$, the *worst* value $C$ can take.

The game itself therefore punishes collapse: its minimum needs the whole distribution. The danger is
in the dynamics. The generator's gradient reaches it only through $D$ evaluated at its own samples,
$\nabla_\theta L_G = \frac1m \sum_i \frac{\partial L_G}{\partial ℓ}\, ℓ'(G(z_i))\, \nabla_\theta G(z_i)$,
so what $D$ says about a region where the generator never goes cannot pull samples there.

**Experiments.** First we train a discriminator against $G(z) = 2$ on the two-mode data
$\tfrac12\mathcal{N}(-2, 0.5^2) + \tfrac12\mathcal{N}(2, 0.5^2)$, and compute the JSD of ever narrower
Gaussians at 2. Then we train GANs on the two modes with several seeds and see where their samples go.
"""#

    /// The lecture's second question: a discriminator trained to convergence, and saturation.
    static let perfectDiscriminator = #"""
## Question 2 — what if the discriminator is trained to convergence?

The discriminator is only a classifier; we could train it to convergence before every generator step.
Early in training the two distributions barely overlap, so a converged $D$ is nearly perfect:
$D(G(z)) \approx 0$. What gradient does the generator then get? Through the logit
$ℓ = ℓ(G(z))$, with $D = \sigma(ℓ)$ and $\sigma' = \sigma(1 - \sigma)$:

$$
\frac{\partial}{\partial ℓ} \log\big(1 - \sigma(ℓ)\big) = -\sigma(ℓ) = -D \;\to\; 0,
\qquad
\frac{\partial}{\partial ℓ} \big(-\log \sigma(ℓ)\big) = -\big(1 - \sigma(ℓ)\big) = -(1 - D) \;\to\; -1 .
$$

The game's own **saturating** loss $\log(1 - D(G(z)))$ loses its gradient exactly when the generator
is worst, while the **non-saturating** $-\log D(G(z))$ keeps it; per sample the ratio of the two is
$D/(1 - D) = e^{ℓ}$. Both losses are decreasing in $D(G(z))$, so they share their fixed points; they
differ in how hard they push. (This is why the GAN paper trains $G$ to maximise $\log D(G(z))$.)

**Experiment.** Freeze a fresh generator, train the discriminator against it for more and more steps,
and after each stage measure the norm of the generator's gradient under both losses, on the same 1024
noise draws.
"""#

    /// The exercises, and questions to try.
    static let exercises = #"""
## Exercises

Write these in `Exercises/03-gan-optimal-discriminator/` (one file each), then run this lesson on your
code with `--implementation exercises` and grade them with `swift run -c release grade --lesson 3`.

- **3.1 `pointwiseMaximizer(a:b:)`** (`PointwiseMaximizer.swift`): the maximiser $a/(a+b)$ of step 2,
  with its edge cases ($a = 0$, $b = 0$, both zero, and $a + b$ overflowing).
- **3.2 `optimalDiscriminator(pData:pG:)`** (`OptimalDiscriminator.swift`): $D^*$ at one point,
  $\tfrac12$ where both densities vanish.
- **3.3 `jensenShannonDivergence(p:q:dx:)`** (`JensenShannonDivergence.swift`): the JSD of two densities
  on a grid, with $0 \log 0 = 0$.
- **3.4 `generatorLoss(fakeLogits:kind:)`** (`GeneratorLoss.swift`): the saturating and the
  non-saturating generator loss from logits, finite at logits of $\pm 50$.
- **3.5 `discriminatorLoss(realLogits:fakeLogits:)`** (`DiscriminatorLoss.swift`): the discriminator's
  binary cross-entropy from logits, equally stable.

Every number in this lesson is computed by these five functions: the checks of steps 2–4 call 3.1–3.3,
the GAN trainer and the gradient experiment call 3.4 and 3.5.

**To think about.** (a) In the sweep, why does the two-mode curve have its *maximum* at $\mu = 0$
between two minima? (b) Rerun with `--seed 1`, `2`, …: how often do the two-mode GANs drop a mode, and
does $k = 1$ change that? (c) The gradient experiment freezes $G$; what would happen to a GAN trained
with the saturating loss from the start?
"""#
}
