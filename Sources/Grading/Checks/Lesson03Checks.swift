import ExerciseAPI
import Foundation
import NeuralNetworks
import Numerics

/// The graded checks of lesson 3 (the GAN game), visible to students.
let lesson03Checks: [ExerciseCheck] = [
    ExerciseCheck(id: "3.1", lesson: 3, name: "pointwiseMaximizer", points: 2) { set in
        let e = Expect("3.1", "pointwiseMaximizer")
        let f = set.ganTheory
        let cases: [(a: Double, b: Double, y: Double)] = [
            (1, 1, 0.5), (2, 1, 2.0 / 3), (0.3, 0.7, 0.3), (5, 15, 0.25),
            (0, 1, 0), (1, 0, 1), (0, 0, 0.5), (1e-300, 3e-300, 0.25),
        ]
        for c in cases {
            let y = try f.pointwiseMaximizer(a: c.a, b: c.b)
            let hint: String?
            if c.a == 0 && c.b == 0 { hint = "when a = b = 0 every y is a maximiser; the answer is defined as ½" }
            else if c.a == 0 || c.b == 0 { hint = "a boundary case: a = 0, b > 0 gives y* = 0 and a > 0, b = 0 gives 1" }
            else if abs(y - c.b / (c.a + c.b)) < 1e-12 && c.a != c.b { hint = "y* = a / (a + b): a and b are swapped" }
            else { hint = nil }
            try e.close(y, c.y, tolerance: 1e-12, "(a: \(c.a), b: \(c.b))", hint: hint)
        }
        // Behaviour: the returned y beats every y on a fine grid of (0, 1).
        for (a, b) in [(1.0, 3.0), (0.2, 0.05), (7.0, 7.0)] {
            let y = try f.pointwiseMaximizer(a: a, b: b)
            let best = Lesson03Math.objective(a: a, b: b, y: y)
            for k in 1..<1000 {
                let g = Double(k) / 1000
                try e.that(best >= Lesson03Math.objective(a: a, b: b, y: g) - 1e-12,
                           "(a: \(a), b: \(b)) returned y = \(y) with a·log y + b·log(1−y) = \(best), but y = \(g) gives more, \(Lesson03Math.objective(a: a, b: b, y: g))")
            }
        }
        try e.throwsError("(a: -1, b: 1)", "GANInputError for a negative a") {
            _ = try f.pointwiseMaximizer(a: -1, b: 1)
        }
    },
    ExerciseCheck(id: "3.2", lesson: 3, name: "optimalDiscriminator", points: 2) { set in
        let e = Expect("3.2", "optimalDiscriminator")
        let f = set.ganTheory
        let cases: [(pData: Double, pG: Double, d: Double)] = [
            (0.4, 0.4, 0.5), (0.3, 0.1, 0.75), (0.1, 0.3, 0.25), (2.5, 0, 1), (0, 0.2, 0), (0, 0, 0.5),
        ]
        for c in cases {
            try e.close(try f.optimalDiscriminator(pData: c.pData, pG: c.pG), c.d, tolerance: 1e-12,
                        "(pData: \(c.pData), pG: \(c.pG))", hint: c.pData == 0 && c.pG == 0 ? "D* is defined as ½ where both densities vanish" : nil)
        }
        // Huge densities: p_data + p_G overflows to +∞ (exercise 3.1's care carries over).
        try e.close(try f.optimalDiscriminator(pData: 1e308, pG: 1e308), 0.5, tolerance: 1e-12, "(pData: 1e308, pG: 1e308)",
                    hint: "p_data + p_G overflows to +∞ here; divide by the larger density first (as in exercise 3.1)")
        try e.close(try f.optimalDiscriminator(pData: 1.5e308, pG: 5e307), 0.75, tolerance: 1e-12, "(pData: 1.5e308, pG: 5e307)",
                    hint: "p_data + p_G overflows to +∞ here; divide by the larger density first (as in exercise 3.1)")
        for (pData, pG) in [(-0.1, 0.5), (0.5, -1e-300), (Double.nan, 0.5), (0.5, Double.infinity)] {
            try e.throwsError("(pData: \(pData), pG: \(pG))", "GANInputError: a density is never negative and always finite") {
                _ = try f.optimalDiscriminator(pData: pData, pG: pG)
            }
        }
        // Behaviour: on two Gaussians, V(D*) by quadrature beats V of nearby discriminators and
        // equals 2·JSD − log 4.
        let grid = Lesson03Math.grid(from: -12, to: 12, count: 4801)
        let pData = grid.x.map { Lesson03Math.normal($0, mean: 0, std: 1) }
        let pG = grid.x.map { Lesson03Math.normal($0, mean: 1.5, std: 0.7) }
        let dStar = try zip(pData, pG).map { try f.optimalDiscriminator(pData: $0, pG: $1) }
        let vStar = Lesson03Math.value(pData: pData, pG: pG, d: dStar, dx: grid.dx)
        let expected = 2 * Lesson03Math.jsd(pData, pG, dx: grid.dx) - log(4)
        try e.close(vStar, expected, tolerance: 1e-6, "V(D*, G) by quadrature for p_data = N(0, 1), p_G = N(1.5, 0.7²)",
                    hint: "V(D*, G) must equal 2·JSD(p_data‖p_G) − log 4")
        for shift in [-0.3, -0.05, 0.05, 0.3] {
            let other = dStar.map { d in 1 / (1 + exp(-(log(d / (1 - d)) + shift))) }
            let v = Lesson03Math.value(pData: pData, pG: pG, d: other, dx: grid.dx)
            try e.that(vStar >= v, "V(D*) = \(vStar) should beat V of D* with its logit shifted by \(shift), which gave \(v)")
        }
    },
    ExerciseCheck(id: "3.3", lesson: 3, name: "jensenShannonDivergence", points: 3) { set in
        let e = Expect("3.3", "jensenShannonDivergence")
        let f = set.ganTheory
        // p = U[0, 2], q = U[1, 3] on cell midpoints of [−1, 4]: JSD = ½ log 2 exactly.
        let grid = Lesson03Math.grid(from: -1, to: 4, count: 500, midpoints: true)
        let p = grid.x.map { (0...2).contains($0) ? 0.5 : 0 }
        let q = grid.x.map { (1...3).contains($0) ? 0.5 : 0 }
        let overlap = try f.jensenShannonDivergence(p: p, q: q, dx: grid.dx)
        let jsd = 0.5 * log(2)
        try e.close(overlap, jsd, tolerance: 1e-9, "(p: U[0,2], q: U[1,3] on a grid of 500 cells over [−1, 4])",
                    mistakes: [KnownMistake(jsd / log(2), "use natural logarithms: the divergence is in nats, not bits (log base 2)"),
                               KnownMistake(jsd / grid.dx, "multiply the sum by dx (the rectangle rule)"),
                               KnownMistake(2 * jsd, "JSD is ½ KL(p‖m) + ½ KL(q‖m): halve the sum of the two KLs"),
                               KnownMistake(jsd / 2, "JSD has both halves, ½ KL(p‖m) + ½ KL(q‖m)"),
                               KnownMistake(jsd - log(2), "m is the mixture (p + q)/2, not p + q")],
                    hint: overlap.isNaN ? "zeros must contribute 0·log 0 = 0, not NaN" : nil)
        try e.close(try f.jensenShannonDivergence(p: p, q: p, dx: grid.dx), 0, tolerance: 1e-12, "(p: U[0,2], q: the same)")
        // The densities are used as given: q = 2p is not p, even though both would renormalise to p.
        // m = 1.5p, so ½ KL(p‖m) + ½ KL(q‖m) = ½ (−log 1.5 + 2·log(4/3)) · ∫p.
        let twice = p.map { 2 * $0 }
        try e.close(try f.jensenShannonDivergence(p: p, q: twice, dx: grid.dx), 0.5 * (-log(1.5) + 2 * log(4.0 / 3)),
                    tolerance: 1e-9, "(p: U[0,2], q: 2·U[0,2], which integrates to 2)",
                    mistakes: [KnownMistake(0, "use the densities as given: do not renormalise p and q")])
        let left = grid.x.map { (0..<1).contains($0) ? 1.0 : 0 }
        let right = grid.x.map { (2..<3).contains($0) ? 1.0 : 0 }
        try e.close(try f.jensenShannonDivergence(p: left, q: right, dx: grid.dx), log(2), tolerance: 1e-9,
                    "(p: U[0,1], q: U[2,3], disjoint supports)", hint: "disjoint supports give the maximum, log 2")
        let fine = Lesson03Math.grid(from: -10, to: 10, count: 2001)
        let a = fine.x.map { Lesson03Math.normal($0, mean: 0, std: 1) }
        let b = fine.x.map { Lesson03Math.normal($0, mean: 1, std: 1.5) }
        let expected = Lesson03Math.jsd(a, b, dx: fine.dx)
        try e.close(try f.jensenShannonDivergence(p: a, q: b, dx: fine.dx), expected, tolerance: 1e-9,
                    "(p: N(0,1), q: N(1,1.5²) on 2001 points over [−10, 10])")
        try e.close(try f.jensenShannonDivergence(p: b, q: a, dx: fine.dx), expected, tolerance: 1e-9,
                    "(p: N(1,1.5²), q: N(0,1)), arguments swapped", hint: "JSD is symmetric")
        try e.throwsError("(p: 3 values, q: 2 values)", "GANInputError") {
            _ = try f.jensenShannonDivergence(p: [0.1, 0.2, 0.3], q: [0.1, 0.2], dx: 0.1)
        }
    },
    ExerciseCheck(id: "3.4", lesson: 3, name: "generatorLoss", points: 3) { set in
        let e = Expect("3.4", "generatorLoss")
        let f = set.ganTheory
        for logits in [[0.0], [-2, 0, 3], [-50, 50], [-50, -50, -50]] {
            for kind in GeneratorLossKind.allCases {
                let input = ReferenceMath.column(logits)
                let loss = try f.generatorLoss(fakeLogits: input, kind: kind)
                let n = Double(logits.count)
                let sign: Double = kind == .saturating ? 1 : -1
                let total: Double = logits.map { ReferenceMath.softplus(sign * $0) }.reduce(0, +)
                let expected: Double = kind == .saturating ? -total / n : total / n
                try e.that(loss.value.count == 1, "(fakeLogits: \(logits), kind: .\(kind)) should return a 1×1 tensor, got \(loss.value.shapeDescription)")
                let value = Double(loss.scalar)
                let hint: String
                if !value.isFinite {
                    hint = "not finite: use softplus, log σ(ℓ) = −softplus(−ℓ) and log(1 − σ(ℓ)) = −softplus(ℓ), never log(sigmoid)"
                } else if abs(value + expected) < 1e-5 * max(1, abs(expected)) && expected != 0 {
                    hint = "the sign: " + (kind == .saturating ? "the saturating loss is +mean log(1 − D(G(z)))" : "the non-saturating loss is −mean log D(G(z))")
                } else if abs(value - n * expected) < 1e-5 * max(1, abs(n * expected)) && n > 1 {
                    hint = "average over the batch (mean), do not sum"
                } else {
                    hint = kind == .saturating ? "the generator minimises mean log(1 − D(G(z))), D = σ(ℓ)" : "the generator minimises −mean log D(G(z)), D = σ(ℓ)"
                }
                try e.close(value, expected, tolerance: 1e-5, "(fakeLogits: \(logits), kind: .\(kind))", hint: hint)
                let gradient = loss.gradient(for: input).scalars.map(Double.init)
                let expectedGradient: [Double] = logits.map { (l: Double) -> Double in -ReferenceMath.sigmoid(sign * l) / n }
                let flipped = gradient.count == expectedGradient.count
                    && zip(gradient, expectedGradient).allSatisfy { abs($0 + $1) <= 1e-6 * max(1, abs($1)) && $1 != 0 }
                try e.close(gradient, expectedGradient, tolerance: 1e-6, "gradient with respect to fakeLogits (fakeLogits: \(logits), kind: .\(kind))",
                            hint: flipped ? (kind == .saturating
                                             ? "the gradient has the opposite sign: the saturating loss is mean log(1 − D(G(z))) = −mean softplus(ℓ), which falls as ℓ grows"
                                             : "the gradient has the opposite sign: the non-saturating loss is −mean log D(G(z)) = mean softplus(−ℓ), which falls as ℓ grows")
                                : "use softplus so value and gradient stay finite at ±50")
            }
        }
        // Behaviour: a generator x = z + θ starts where a fixed discriminator, logit 4x, rejects it
        // (θ = −5, logits ≈ −20). Gradient descent on the non-saturating loss escapes; on the
        // saturating loss it barely moves: the gradient has vanished.
        var final: [GeneratorLossKind: Double] = [:]
        let z = ReferenceMath.column((0..<32).map { Double($0) / 31 * 0.4 - 0.2 })
        for kind in GeneratorLossKind.allCases {
            let theta = Tensor(Matrix(scalar: -5))
            for _ in 0..<100 {
                let loss = try f.generatorLoss(fakeLogits: (z + theta) * 4, kind: kind)
                let g = loss.gradient(for: theta).scalar
                theta.assign(Matrix(scalar: theta.scalar - 0.1 * g))
            }
            final[kind] = Double(theta.scalar)
        }
        try e.that(final[.nonSaturating]! > 0, "the non-saturating loss should move a rejected generator (θ = −5, D's logit 4x) to θ > 0 in 100 steps of size 0.1; it reached θ = \(final[.nonSaturating]!)")
        try e.that(abs(final[.saturating]! + 5) < 1e-3, "the saturating loss should leave a confidently rejected generator (θ = −5, D's logit 4x) stuck near −5 (vanishing gradient); it reached θ = \(final[.saturating]!)")
        try e.throwsError("(fakeLogits: an empty 0×1 batch)", "GANInputError") {
            _ = try f.generatorLoss(fakeLogits: Tensor(Matrix(rows: 0, cols: 1)), kind: .nonSaturating)
        }
    },
    ExerciseCheck(id: "3.5", lesson: 3, name: "discriminatorLoss", points: 3) { set in
        let e = Expect("3.5", "discriminatorLoss")
        let f = set.ganTheory
        let cases: [(real: [Double], fake: [Double])] = [([0], [0]), ([2, -1], [0.5, -3, 1]), ([50, -50], [-50, 50])]
        for c in cases {
            let real = ReferenceMath.column(c.real), fake = ReferenceMath.column(c.fake)
            let loss = try f.discriminatorLoss(realLogits: real, fakeLogits: fake)
            let realTerm: Double = c.real.map { ReferenceMath.softplus(-$0) }.reduce(0, +) / Double(c.real.count)
            let fakeTerm: Double = c.fake.map { ReferenceMath.softplus($0) }.reduce(0, +) / Double(c.fake.count)
            let expected = realTerm + fakeTerm
            try e.that(loss.value.count == 1, "(realLogits: \(c.real), fakeLogits: \(c.fake)) should return a 1×1 tensor, got \(loss.value.shapeDescription)")
            let value = Double(loss.scalar)
            let swapped = c.real.map { ReferenceMath.softplus($0) }.reduce(0, +) / Double(c.real.count)
                + c.fake.map { ReferenceMath.softplus(-$0) }.reduce(0, +) / Double(c.fake.count)
            try e.close(value, expected, tolerance: 1e-5, "(realLogits: \(c.real), fakeLogits: \(c.fake))",
                        mistakes: [KnownMistake(-expected, "the sign: the loss is the negated game value, −[mean log D(x) + mean log(1 − D(G(z)))] ≥ 0"),
                                   KnownMistake(swapped, "the labels are swapped: real samples take label 1 (−log D), generated ones label 0")],
                        hint: value.isFinite ? "−[mean log D(x) + mean log(1 − D(G(z)))], each mean over its own batch"
                            : "not finite: use softplus, −log σ(ℓ) = softplus(−ℓ) and −log(1 − σ(ℓ)) = softplus(ℓ), never log(sigmoid)")
            let grads = loss.gradients(for: [real, fake]).map { $0.scalars.map(Double.init) }
            try e.close(grads[0], c.real.map { -ReferenceMath.sigmoid(-$0) / Double(c.real.count) }, tolerance: 1e-6,
                        "gradient with respect to realLogits (realLogits: \(c.real), fakeLogits: \(c.fake))")
            try e.close(grads[1], c.fake.map { ReferenceMath.sigmoid($0) / Double(c.fake.count) }, tolerance: 1e-6,
                        "gradient with respect to fakeLogits (realLogits: \(c.real), fakeLogits: \(c.fake))")
        }
        // Behaviour: a logistic discriminator ℓ(x) = w·x + b trained with this loss on
        // p_data = N(1, 1) against p_G = N(−1, 1) must find D*, whose logit is exactly 2x.
        var rng = RandomSource(seed: 3)
        let adam = Adam(parameters: [Parameter(Matrix(scalar: 0), name: "w"), Parameter(Matrix(scalar: 0), name: "b")], learningRate: 0.05)
        let (wp, bp) = (adam.parameters[0].tensor, adam.parameters[1].tensor)
        for _ in 0..<600 {
            let real = Tensor(Matrix(columnVector: (0..<256).map { _ in rng.normal(mean: Float(1), std: 1) }))
            let fake = Tensor(Matrix(columnVector: (0..<256).map { _ in rng.normal(mean: Float(-1), std: 1) }))
            let loss = try f.discriminatorLoss(realLogits: real * wp + bp, fakeLogits: fake * wp + bp)
            adam.step(loss.gradients(for: [wp, bp]))
        }
        try e.that(abs(wp.scalar - 2) < 0.3 && abs(bp.scalar) < 0.3,
                   "a logistic discriminator trained with this loss on p_data = N(1,1) vs p_G = N(−1,1) should approach D*'s logit 2x + 0; it reached w = \(wp.scalar), b = \(bp.scalar)")
        try e.throwsError("(realLogits: an empty 0×1 batch, fakeLogits: [0])", "GANInputError") {
            _ = try f.discriminatorLoss(realLogits: Tensor(Matrix(rows: 0, cols: 1)), fakeLogits: ReferenceMath.column([0]))
        }
    },
]

/// Helpers for lesson 3's checks: grids, Gaussian densities, and the grader's own quadratures.
enum Lesson03Math {
    /// An evenly spaced grid: `count` nodes over [from, to], or `count` cell midpoints.
    static func grid(from lo: Double, to hi: Double, count: Int, midpoints: Bool = false) -> (x: [Double], dx: Double) {
        if midpoints {
            let dx = (hi - lo) / Double(count)
            return ((0..<count).map { lo + (Double($0) + 0.5) * dx }, dx)
        }
        let dx = (hi - lo) / Double(count - 1)
        return ((0..<count).map { lo + Double($0) * dx }, dx)
    }

    /// The density of N(mean, std²) at x.
    static func normal(_ x: Double, mean: Double, std: Double) -> Double {
        let z = (x - mean) / std
        return exp(-0.5 * z * z) / (std * (2 * Double.pi).squareRoot())
    }

    /// `a·log y + b·log(1 − y)` with `0·log 0 = 0`.
    static func objective(a: Double, b: Double, y: Double) -> Double {
        (a == 0 ? 0 : a * log(y)) + (b == 0 ? 0 : b * log(1 - y))
    }

    /// `V(D, G) = Σ p_data log D + p_G log(1 − D) dx`. D is capped at `1 − 2⁻⁵³` (the largest Double
    /// below 1): where `p_G ≪ p_data`, `D*` rounds to exactly 1 and `p_G·log(1 − D)` would be
    /// `−∞` although its true value is below 1e-14.
    static func value(pData: [Double], pG: [Double], d: [Double], dx: Double) -> Double {
        var sum = 0.0
        for i in pData.indices { sum += objective(a: pData[i], b: pG[i], y: min(d[i], 1 - 0x1p-53)) }
        return sum * dx
    }

    /// The grader's JSD by the rectangle rule.
    static func jsd(_ p: [Double], _ q: [Double], dx: Double) -> Double {
        var sum = 0.0
        for (a, b) in zip(p, q) {
            // Scaled by the larger density, so that tiny (subnormal) and huge values stay finite.
            let scale = max(a, b)
            guard scale > 0 else { continue }
            let x = a / scale, y = b / scale, half = (x + y) / 2
            if a > 0 { sum += a * (log(x) - log(half)) }
            if b > 0 { sum += b * (log(y) - log(half)) }
        }
        return sum * dx / 2
    }
}
