import ExerciseAPI
import Foundation
import Numerics

/// Instructor-only checks of lesson 2 (distribution shift and DAgger): kept out of the student handout.
let lesson02HiddenChecks: [ExerciseCheck] = [
    ExerciseCheck(id: "2.1h", lesson: 2, name: "daggerAggregate", points: 1, visibility: .hidden) { set in
        let expect = Expect("2.1h", "daggerAggregate")
        // Three rounds in a row: the dataset grows by the visited count each time and keeps its history.
        var rng = RandomSource(seed: 31)
        var dataset = ImitationDataset(observationSize: 3, actionSize: 2)
        var history: [[Float]] = []
        for round in 0..<3 {
            let visited = (0..<(5 + round)).map { _ in (0..<3).map { _ in rng.uniform(Float(-1), 1) } }
            dataset = try set.distributionShift.daggerAggregate(dataset: dataset, visitedObservations: visited) { o in
                [o[0] + o[1], o[2] * 3]
            }
            history += visited
        }
        try expect.that(dataset.count == 18, "three rounds of 5, 6 and 7 visited observations must give 18 pairs, got \(dataset.count)")
        try expect.close(dataset.observations.scalars.map(Double.init), history.flatMap { $0 }.map(Double.init),
                         "observations after three rounds")
        try expect.close(dataset.actions.scalars.map(Double.init), history.flatMap { [$0[0] + $0[1], $0[2] * 3] }.map(Double.init),
                         "actions after three rounds")
    },
    ExerciseCheck(id: "2.3h", lesson: 2, name: "mixtureNegativeLogLikelihood", points: 1, visibility: .hidden) { set in
        let expect = Expect("2.3h", "mixtureNegativeLogLikelihood")
        // A random 6×3 batch against the formula written out in Double.
        var rng = RandomSource(seed: 77)
        func random(_ low: Float, _ high: Float) -> [Float] { (0..<18).map { _ in rng.uniform(low, high) } }
        let logits = random(-4, 4), means = random(-2, 2), logStds = random(-1.5, 0.5)
        let actions = (0..<6).map { _ in rng.uniform(Float(-3), 3) }
        var wanted = 0.0
        for i in 0..<6 {
            let row = (0..<3).map { 3 * i + $0 }
            let top = row.map { Double(logits[$0]) }.max()!
            let normalizer = Foundation.log(row.map { Foundation.exp(Double(logits[$0]) - top) }.reduce(0, +)) + top
            let terms = row.map { j -> Double in
                let sigma = Foundation.exp(Double(logStds[j]))
                let z = (Double(actions[i]) - Double(means[j])) / sigma
                return Double(logits[j]) - normalizer - 0.5 * z * z - Foundation.log(sigma) - 0.5 * Foundation.log(2 * Double.pi)
            }
            let m = terms.max()!
            wanted -= m + Foundation.log(terms.map { Foundation.exp($0 - m) }.reduce(0, +))
        }
        wanted /= 6
        let got = try set.distributionShift.mixtureNegativeLogLikelihood(
            logits: Tensor(Matrix(rows: 6, cols: 3, values: logits)), means: Tensor(Matrix(rows: 6, cols: 3, values: means)),
            logStandardDeviations: Tensor(Matrix(rows: 6, cols: 3, values: logStds)), actions: Tensor(Matrix(columnVector: actions)))
        try expect.close(Double(got.scalar), wanted, tolerance: 1e-4, "(a random 6×3 batch)")
    },
    ExerciseCheck(id: "2.4h", lesson: 2, name: "totalVariationDistance", points: 1, visibility: .hidden) { set in
        let expect = Expect("2.4h", "totalVariationDistance")
        var rng = RandomSource(seed: 3)
        for _ in 0..<5 {
            let p = (0..<40).map { _ in Double(rng.index(below: 50)) }, q = (0..<40).map { _ in Double(rng.index(below: 7)) }
            let (sp, sq) = (p.reduce(0, +), q.reduce(0, +))
            let wanted = 0.5 * zip(p, q).map { abs($0 / sp - $1 / sq) }.reduce(0, +)
            try expect.close(try set.distributionShift.totalVariationDistance(p, q), wanted, tolerance: 1e-9, "(random 40-bin histograms)")
            try expect.close(try set.distributionShift.totalVariationDistance(q, p), wanted, tolerance: 1e-9, "(the same, swapped)")
        }
    },
]
