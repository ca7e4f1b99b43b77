/// Lesson 4's claims: GAIL against behavior cloning, environment steps, the reward's sign.
let lesson04Claims: [Claim] = [
    Claim(lesson: 4, id: "fewDemos", "GAIL beats behavior cloning when demonstrations are few") { r, check in
        let counts = try r.numbers("demonstrations.counts"), expert = try r.number("expert.return")
        let bc = try r.numbers("bc.returns", "mean"), gail = try r.numbers("gail.returns", "mean")
        check.that(counts.first == 1 && bc.count == counts.count && gail.count == counts.count, "the sweep starts at 1 demo")
        check.greater(gail[0] - bc[0], than: 0.25 * expert, "N = 1: GAIL − BC, against a quarter of the expert's return")
        check.greater(gail[0], than: 0.9 * expert, "N = 1: GAIL within 10% of the expert")
    },
    Claim(lesson: 4, id: "environmentSteps", "GAIL needs many more environment steps than behavior cloning") { r, check in
        let expert = try r.number("expert.return")
        let demonstrated = (try r.numbers("demonstrations.counts").max() ?? .nan) * (try r.number("demonstrations.length"))
        check.that(try r.number("bc.environmentSteps") == 0, "behavior cloning takes no environment step")
        check.atLeast(try r.number("gail.environmentSteps"), 10 * demonstrated, "GAIL's environment steps vs 10× the demonstrated steps")
        check.less(try r.numbers("gail.firstEvaluationReturn")[0], than: 0.5 * expert, "early in training GAIL (N = 1) is far from the expert")
        check.atLeast(try r.numbers("gail.stepsToNinetyPercent")[0], 8_192, "steps GAIL (N = 1) needs to reach 90% of the expert")
    },
    Claim(lesson: 4, id: "notAboveExpert", "neither behavior cloning nor GAIL exceeds the expert's return (tolerance 1%)") { r, check in
        let expert = try r.number("expert.return"), tolerance = try r.number("claims.expertTolerance")
        check.less(abs(tolerance - 0.01 * abs(expert)), than: 1e-9, "the tolerance is 1% of the expert's return")
        for (name, key) in [("BC", "bc.returns"), ("GAIL", "gail.returns")] {
            for (i, value) in try r.numbers(key, "mean").enumerated() {
                check.atMost(value, expert + tolerance, "\(name) mean return, sweep point \(i + 1), vs the expert's + 1%")
            }
        }
    },
    Claim(lesson: 4, id: "rewardSign", "with r = log D the car learns to end its episodes; with −log(1 − D) it drives to the time limit") { r, check in
        let penalty = try r.number("rewardSign.penalty.finalLength"), bonus = try r.number("rewardSign.bonus.finalLength")
        check.greater(bonus, than: 270, "with the survival bonus −log(1 − D), episode length")
        check.less(penalty, than: 0.2 * bonus, "with the per-step penalty log D, episode length vs a fifth of the bonus's")
    },
]
