import ExerciseAPI
import Foundation
import Numerics

/// Instructor-only checks of lesson 1 (behavior cloning): kept out of the student handout.
let lesson01HiddenChecks: [ExerciseCheck] = [
    ExerciseCheck(id: "1.1h", lesson: 1, name: "behaviorCloningLoss", points: 1, visibility: .hidden) { set in
        let expect = Expect("1.1h", "behaviorCloningLoss")
        // A random 7×3 batch against the formula written out in Double.
        var rng = RandomSource(seed: 2024)
        let predicted = Matrix(rows: 7, cols: 3, values: (0..<21).map { _ in rng.uniform(Float(-3), 3) })
        let expert = Matrix(rows: 7, cols: 3, values: (0..<21).map { _ in rng.uniform(Float(-3), 3) })
        let wanted = zip(predicted.scalars, expert.scalars).reduce(0.0) { $0 + Double(($1.0 - $1.1) * ($1.0 - $1.1)) } / 7
        let got = try set.behaviorCloning.behaviorCloningLoss(predictedActions: Tensor(predicted), expertActions: Tensor(expert))
        try expect.close(Double(got.scalar), wanted, "(a random 7×3 batch)")
        // Gradients reach the expert's side too when it is not a constant (symmetry of the square).
        let expertTensor = Tensor(expert)
        let gradient = try set.behaviorCloning.behaviorCloningLoss(predictedActions: Tensor(predicted), expertActions: expertTensor)
            .gradient(for: expertTensor)
        try expect.close(gradient.scalars.map(Double.init), (expert - predicted).scalars.map { Double(2 * $0 / 7) },
                         "gradient with respect to expertActions on a random 7×3 batch")
    },
    ExerciseCheck(id: "1.3h", lesson: 1, name: "minibatchIndices", points: 1, visibility: .hidden) { set in
        let expect = Expect("1.3h", "minibatchIndices")
        var rng = RandomSource(seed: 99)
        let singles = try set.behaviorCloning.minibatchIndices(count: 6, batchSize: 1, rng: &rng)
        try expect.that(singles.count == 6 && singles.allSatisfy { $0.count == 1 } && singles.flatMap { $0 }.sorted() == Array(0..<6),
                        "(count: 6, batchSize: 1) must give six singleton batches covering 0..<6, got \(singles)")
        let exact = try set.behaviorCloning.minibatchIndices(count: 12, batchSize: 4, rng: &rng)
        try expect.that(exact.map(\.count) == [4, 4, 4], "(count: 12, batchSize: 4) must give sizes [4, 4, 4], got \(exact.map(\.count))")
        // Over many epochs every index visits the first place about equally often.
        var firsts = [Int](repeating: 0, count: 4)
        for _ in 0..<4000 { firsts[try set.behaviorCloning.minibatchIndices(count: 4, batchSize: 2, rng: &rng)[0][0]] += 1 }
        try expect.that(firsts.allSatisfy { abs($0 - 1000) < 150 },
                        "(count: 4) the first index of 4000 epochs should be uniform, counts \(firsts): "
                        + (firsts.contains(0) ? "shuffle the whole of 0..<count once, then cut it into batches"
                                              : "every index must be equally likely first; use a uniform shuffle such as rng.shuffled"))
        // Every one of the 24 orders of 4 indices about equally often (a biased shuffle is not).
        var orders: [[Int]: Int] = [:]
        for _ in 0..<12_000 { orders[try set.behaviorCloning.minibatchIndices(count: 4, batchSize: 4, rng: &rng)[0], default: 0] += 1 }
        try expect.that(orders.count == 24 && orders.values.allSatisfy { abs($0 - 500) < 110 },
                        "(count: 4, batchSize: 4) over 12 000 epochs each of the 24 orders should appear about 500 times; got "
                        + "\(orders.count) orders with counts from \(orders.values.min() ?? 0) to \(orders.values.max() ?? 0): "
                        + "every order must be equally likely (a uniform shuffle such as rng.shuffled)")
    },
    ExerciseCheck(id: "1.4h", lesson: 1, name: "discountedReturn", points: 1, visibility: .hidden) { set in
        let expect = Expect("1.4h", "discountedReturn")
        var rng = RandomSource(seed: 5)
        let rewards = (0..<200).map { _ in rng.uniform(-16.3, 0.0) }
        var wanted = 0.0
        for (t, r) in rewards.enumerated() { wanted += Foundation.pow(0.97, Double(t)) * r }
        try expect.close(try set.behaviorCloning.discountedReturn(rewards: rewards, discount: 0.97), wanted, tolerance: 1e-9,
                         "(200 Pendulum-like negative rewards, γ 0.97)")
    },
]
