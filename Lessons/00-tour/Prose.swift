// The text cells of the tour, in teaching order.

enum Prose {
    /// What a lesson is and how to run it.
    static let introduction = #"""
# A tour of the kit

Every lesson of this course is a small program that reads like a notebook: text cells explain an
idea, code cells run an experiment, print tables and numbers, and draw figures. You are reading
the first cell of lesson 0, which exists to show you how that works.

Run a lesson with `swift run -c release 00-tour` (or `.build/release/00-tour` after a build).
Useful flags:

- `--step` / `--no-step`: pause for Enter between cells (on by default in a terminal);
- `--cell N`: run cells 1 to N only; `--quick`: small budgets, a few seconds per lesson;
- `--seed S`: another random seed — the same seed always gives the same numbers;
- `--out DIR`, `--formats png,svg,pdf`, `--backend cairo|gnuplot`: where and how figures are written;
- `--implementation exercises`: run the lesson on *your* code in `Exercises/` instead of the
  reference solutions.

Everything shown here is also written to `out/00-tour/`: the figures, `notebook.ipynb` (open it in
Jupyter or VS Code), `notebook.md`, and `results.json` with the numbers the tests check.
"""#

    /// The notation the course uses.
    static let notation = #"""
## Notation

The course writes $s$ for a state, $a$ for an action, $\pi_\theta$ for a policy with parameters
$\theta$ and $\pi^*$ for the expert. Behavior cloning, for example, fits the expert's actions:

$$
L_{BC}(\theta) = \mathbb{E}_{(s,a)\sim\mathcal{T}} \|a - \pi_\theta(s)\|^2
$$

and the GAN lesson derives the optimal discriminator
$D^*(x) = \frac{p_{data}(x)}{p_{data}(x) + p_G(x)}$. Returns are discounted by $\gamma \in [0, 1)$,
and exploration adds noise of scale $\varepsilon$.
"""#

    /// Where the course goes from here.
    static let whatNext = #"""
## What next

Lesson 1 starts the course proper with behavior cloning. Each lesson ends with exercises: a
function in `Exercises/` whose body you write. Until you do, running the lesson with
`--implementation exercises` skips the cells that need it and says which exercise is missing;
`swift run -c release grade` checks your answers.
"""#
}
