import ExerciseAPI
import Foundation
import Numerics

/// Instructor-only checks of lesson 3 (the GAN game): kept out of the student handout.
let lesson03HiddenChecks: [ExerciseCheck] = [
    ExerciseCheck(id: "3.1h", lesson: 3, name: "pointwiseMaximizer", points: 1, visibility: .hidden) { set in
        let e = Expect("3.1h", "pointwiseMaximizer")
        let f = set.ganTheory
        // a + b overflows to +∞ here: a/(a+b) would give 0 instead of ½.
        try e.close(try f.pointwiseMaximizer(a: 1e308, b: 1e308), 0.5, tolerance: 1e-12, "(a: 1e308, b: 1e308)",
                    hint: "a + b overflows; divide by the larger of a and b first")
        try e.close(try f.pointwiseMaximizer(a: 1.5e308, b: 0.5e308), 0.75, tolerance: 1e-12, "(a: 1.5e308, b: 0.5e308)")
        try e.close(try f.pointwiseMaximizer(a: Double(bitPattern: 8_096) /* 4e-320, subnormal */, b: 0), 1, tolerance: 1e-12, "(a: 4e-320, b: 0)")
        try e.throwsError("(a: NaN, b: 1)", "GANInputError") {
            _ = try f.pointwiseMaximizer(a: .nan, b: 1)
        }
    },
    ExerciseCheck(id: "3.3h", lesson: 3, name: "jensenShannonDivergence", points: 1, visibility: .hidden) { set in
        let e = Expect("3.3h", "jensenShannonDivergence")
        let f = set.ganTheory
        // Densities that underflow to 0 over most of the grid, with tiny subnormal neighbours.
        let grid = Lesson03Math.grid(from: -40, to: 40, count: 8001)
        let p = grid.x.map { Lesson03Math.normal($0, mean: -1, std: 0.5) }
        let q = grid.x.map { Lesson03Math.normal($0, mean: 2, std: 0.3) }
        let expected = Lesson03Math.jsd(p, q, dx: grid.dx)
        try e.close(try f.jensenShannonDivergence(p: p, q: q, dx: grid.dx), expected, tolerance: 1e-9,
                    "(p: N(−1, 0.5²), q: N(2, 0.3²) on 8001 points over [−40, 40], mostly underflowed to 0)")
        // The smallest subnormal against 0: (p + q)/2 underflows to 0, so p·log(p/m) is ∞ unless scaled.
        try e.close(try f.jensenShannonDivergence(p: [Double.leastNonzeroMagnitude, 1], q: [0, 1], dx: 1), 0, tolerance: 1e-300,
                    "(p: [5e-324, 1], q: [0, 1], dx: 1)", hint: "m = (p + q)/2 underflows to 0 for p = 5e-324, q = 0; "
                        + "compute log(p/m) on p and q divided by the larger of the two")
        for dx in [0.0, -0.1, Double.nan] {
            try e.throwsError("(dx: \(dx))", "GANInputError") {
                _ = try f.jensenShannonDivergence(p: [0.5, 0.5], q: [0.5, 0.5], dx: dx)
            }
        }
        try e.throwsError("(p: [−0.1, 1.1])", "GANInputError for a negative density") {
            _ = try f.jensenShannonDivergence(p: [-0.1, 1.1], q: [0.5, 0.5], dx: 1)
        }
    },
    ExerciseCheck(id: "3.4h", lesson: 3, name: "generatorLoss", points: 1, visibility: .hidden) { set in
        let e = Expect("3.4h", "generatorLoss")
        let f = set.ganTheory
        // A 2×3 block of logits: the mean is over every entry.
        let logits = Tensor(Matrix([[1, -1, 0], [100, -100, 2]]))
        let values: [Double] = [1, -1, 0, 100, -100, 2]
        let total: Double = values.map { ReferenceMath.softplus(-$0) }.reduce(0, +)
        let loss = try f.generatorLoss(fakeLogits: logits, kind: .nonSaturating)
        try e.close(Double(loss.scalar), total / 6, tolerance: 1e-5, "(fakeLogits: [[1, −1, 0], [100, −100, 2]], kind: .nonSaturating)")
        try e.that(loss.gradient(for: logits).isFinite, "the gradient at logits ±100 should be finite")
    },
]
