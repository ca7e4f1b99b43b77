/// Lesson 4's claims: GAIL against behavior cloning, environment steps, the reward's sign.
let lesson04Claims: [Claim] = [
    Claim(lesson: 4, id: "fewDemos", "GAIL beats behavior cloning when demonstrations are few", of: Lesson04Results.self) { r, check in
        let setup = try required(r.setup, "setup")
        let counts = setup.demonstrationCounts, expert = setup.expertReturn
        let bc = try required(r.behaviorCloning, "behaviorCloning").returnMean, gail = try required(r.gail, "gail").returnMean
        check.that(counts.first == 1 && bc.count == counts.count && gail.count == counts.count, "the sweep starts at 1 demo")
        check.greater(gail[0] - bc[0], than: 0.25 * expert, "N = 1: GAIL − BC, against a quarter of the expert's return")
        check.greater(gail[0], than: 0.9 * expert, "N = 1: GAIL within 10% of the expert")
    },
    Claim(lesson: 4, id: "environmentSteps", "GAIL needs many more environment steps than behavior cloning",
          of: Lesson04Results.self) { r, check in
        let setup = try required(r.setup, "setup"), curve = try required(r.learningCurve, "learningCurve")
        let expert = setup.expertReturn
        let demonstrated = (setup.demonstrationCounts.max().map(Double.init) ?? .nan) * Double(setup.demonstrationLength)
        check.that(try required(r.behaviorCloning, "behaviorCloning").environmentSteps == 0, "behavior cloning takes no environment step")
        check.atLeast(Double(try required(r.gail, "gail").environmentSteps), 10 * demonstrated,
                      "GAIL's environment steps vs 10× the demonstrated steps")
        check.less(curve.firstEvaluationReturn[0], than: 0.5 * expert, "early in training GAIL (N = 1) is far from the expert")
        check.atLeast(curve.stepsToNinetyPercent[0], 8_192, "steps GAIL (N = 1) needs to reach 90% of the expert")
    },
    Claim(lesson: 4, id: "notAboveExpert", "neither behavior cloning nor GAIL exceeds the expert's return (tolerance 1%)",
          of: Lesson04Results.self) { r, check in
        let expert = try required(r.setup, "setup").expertReturn, tolerance = try required(r.overExpert, "overExpert").tolerance
        check.less(abs(tolerance - 0.01 * abs(expert)), than: 1e-9, "the tolerance is 1% of the expert's return")
        for (name, sweep) in [("BC", r.behaviorCloning), ("GAIL", r.gail)] {
            for (i, value) in try required(sweep, name).returnMean.enumerated() {
                check.atMost(value, expert + tolerance, "\(name) mean return, sweep point \(i + 1), vs the expert's + 1%")
            }
        }
    },
    Claim(lesson: 4, id: "rewardSign", "with r = log D the car learns to end its episodes; with −log(1 − D) it drives to the time limit",
          of: Lesson04Results.self) { r, check in
        let sign = try required(r.rewardSign, "rewardSign")
        let penalty = sign.penalty.finalLength, bonus = sign.bonus.finalLength
        check.greater(bonus, than: 270, "with the survival bonus −log(1 − D), episode length")
        check.less(penalty, than: 0.2 * bonus, "with the per-step penalty log D, episode length vs a fifth of the bonus's")
    },
]
