// The text of the continuous half of the lesson: what "contained in the batch" becomes with
// continuous actions, and BCQ's three pieces (generative model, perturbation model, twin critics).

/// The Markdown cell that derives continuous BCQ (Fujimoto, Meger & Precup 2019, §4.2 and Algorithm 1).
let continuousBCQText = #"""
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
