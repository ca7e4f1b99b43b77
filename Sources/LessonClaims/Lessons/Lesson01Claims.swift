/// Lesson 1's claims: behavior cloning is supervised learning, and it needs enough demonstrations.
let lesson01Claims: [Claim] = [
    Claim(lesson: 1, id: "likelihood", "with a fixed-variance Gaussian, −mean log-likelihood = L_BC/(2σ²) + const",
          of: Lesson01Results.self) { results, check in
        let identity = try required(results.identity, "identity")
        check.less(identity.maxRelativeGap, than: 1e-4, "NLL = L_BC/(2σ²) + (d/2)·log(2πσ²), largest relative gap")
        check.less(identity.maxGradientRatioError, than: 1e-3, "∇NLL = ∇L_BC/(2σ²), largest deviation of the ratio")
        check.less(identity.trainedPolicyMaxDifference, than: 0.05,
                   "training on either loss gives the same policy, largest action difference")
    },
] + [("pendulum", \Lesson01Results.pendulum), ("car", \Lesson01Results.car)].flatMap { task, sweep in [
    Claim(lesson: 1, id: "lossFalls.\(task)", "\(task): the training loss falls to near zero", of: Lesson01Results.self) { results, check in
        let r = try required(results[keyPath: sweep], task)
        for (i, n) in r.demonstrations.enumerated() {
            check.less(r.finalLoss[i] / r.initialLoss[i], than: 0.2, "\(n) demos: final / initial training loss")
        }
        check.less(r.finalLoss[0] / r.initialLoss[0], than: 0.05, "1 demo: training loss near zero, final / initial")
    },
    Claim(lesson: 1, id: "returnRises.\(task)",
          "\(task): BC's return rises with the number of demonstrations and approaches the expert's", of: Lesson01Results.self) { results, check in
        let r = try required(results[keyPath: sweep], task)
        let expert = r.expertReturn, returns = r.returnMean
        let range = expert - returns[0]
        check.greater(range, than: 0, "the expert beats BC with one demo, expert − BC(1)")
        // The trend, not every step: with 1 or 2 demonstrations a seed's BC policy may be lucky, so
        // neighbouring points may dip by evaluation noise (up to a quarter of the range; measured over
        // 30 runs: a dip of 15% of the range on the car at seed 9).
        for i in 1..<returns.count {
            check.atLeast(returns[i] - returns[i - 1], -0.25 * range, "the return rises with demos, step \(i) of \(returns)")
        }
        check.greater(returns[returns.count - 1] - returns[0], than: 0.5 * range, "most demos against 1 demo, gain")
        check.less(expert - returns[returns.count - 1], than: 0.1 * range, "with the most demos BC approaches the expert, gap")
    },
    Claim(lesson: 1, id: "fewFail.\(task)",
          "\(task): with few demonstrations BC is far below the expert although its training loss is tiny",
          of: Lesson01Results.self) { results, check in
        let r = try required(results[keyPath: sweep], task)
        let gapOne = r.expertReturn - r.returnMean[0], gapMany = r.expertReturn - r.returnMean[r.returnMean.count - 1]
        check.greater(gapOne, than: 0.5 * abs(r.expertReturn), "BC from 1 demo far below the expert, gap")
        check.greater(gapOne, than: 5 * max(gapMany, 0), "the 1-demo gap is 5× the many-demo gap")
        check.less(r.finalLoss[0] / r.initialLoss[0], than: 0.05, "… although its loss is tiny, final / initial")
    },
] }
