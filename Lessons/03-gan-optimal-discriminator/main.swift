import Algorithms
import ExerciseAPI
import Foundation
import Numerics
import Solutions

let f = Solutions.GANTheory()
let args = CommandLine.arguments
let which = args.count > 1 ? args[1] : "all"
func now() -> Double { Date().timeIntervalSince1970 }

if which == "d" || which == "all" {
    for (name, data, pG) in [("gauss", try GaussianMixture1D.gaussian(mean: 1, std: 0.6), try GaussianMixture1D.gaussian(mean: -0.5, std: 1.0)),
                             ("mix", try GaussianMixture1D([(0.5, -2, 0.4), (0.5, 2, 0.4)]), try GaussianMixture1D.gaussian(mean: 0, std: 1.5))] {
        let t0 = now()
        var rng = RandomSource(seed: 7)
        let lr = Float(Double(args.count > 2 ? args[2] : "0.002")!)
        let steps = Int(args.count > 3 ? args[3] : "3000")!
        let batch = Int(args.count > 4 ? args[4] : "256")!
        let d = Discriminator1D(hidden: [32, 32], learningRate: lr, formulas: f, rng: &rng)
        let grid = try Grid1D(from: -5, to: 5, count: 201)
        for s in 0..<steps {
            if s == steps * 2 / 3 { d.optimizer.learningRate = lr / 10 }
            try d.step(real: data.sample(count: batch, rng: &rng), fake: pG.sample(count: batch, rng: &rng))
        }
        let pd = data.densities(at: grid.points), pg = pG.densities(at: grid.points)
        let ds = try zip(pd, pg).map { try f.optimalDiscriminator(pData: $0, pG: $1) }
        let dt = d.probabilities(at: grid.points)
        var maxErr = 0.0, where_ = 0.0
        for i in grid.points.indices where pd[i] + pg[i] > 0.05 { let e = abs(ds[i] - dt[i]); if e > maxErr { maxErr = e; where_ = grid.points[i] } }
        print(name, "maxErr", maxErr, "at", where_, "time", now() - t0)
    }
}
if which == "gan" || which == "all" {
    let data = try GaussianMixture1D.gaussian(mean: 3, std: 0.5)
    var hp = GANHyperparameters()
    if args.count > 2 { hp.discriminatorLearningRate = Float(args[2])!; hp.generatorLearningRate = Float(args[2])! }
    let iters = Int(args.count > 3 ? args[3] : "3000")!
    if args.count > 4 { hp.batchSize = Int(args[4])! }
    if args.count > 5 { hp.discriminatorSteps = Int(args[5])! }
    if args.count > 6 { hp.noiseDimension = Int(args[6])! }
    if args.count > 7 { hp.generatorLoss = args[7] == "sat" ? .saturating : .nonSaturating }
    if args.count > 8 { hp.adamBeta1 = Float(args[8])! }
    for seed in 0..<3 {
        let t0 = now()
        var rng = RandomSource(seed: UInt64(seed))
        let gan = try GAN1D(data: data, hyperparameters: hp, formulas: f, rng: &rng)
        let grid = try Grid1D(from: -6, to: 10, count: 801)
        func jsd() throws -> Double {
            var r = RandomSource(seed: 99)
            let kde = try KernelDensity1D(samples: gan.generator.sample(count: 5000, rng: &r))
            return try f.jensenShannonDivergence(p: data.densities(at: grid.points), q: kde.densities(at: grid.points), dx: grid.spacing)
        }
        var line = "seed \(seed): "
        for it in 0...iters {
            if it % (iters / 6) == 0 {
                var r = RandomSource(seed: 5); let s = gan.generator.sample(count: 2000, rng: &r)
                let m = s.reduce(0,+)/2000; let sd = (s.map{($0-m)*($0-m)}.reduce(0,+)/2000).squareRoot()
                let j = try jsd(); line += String(format: "[%d jsd %.3f m %.2f s %.2f] ", it, j, m, sd)
            }
            if it < iters { try gan.trainingIteration(rng: &rng) }
        }
        print(line, String(format: "%.1fs", now() - t0))
    }
}
if which == "probe" {
    let data = try GaussianMixture1D.gaussian(mean: 3, std: 0.5)
    var hp = GANHyperparameters(); hp.discriminatorLearningRate = Float(args[2])!
    var rng = RandomSource(seed: 1)
    let gan = try GAN1D(data: data, hyperparameters: hp, formulas: f, rng: &rng)
    let checkpoints = [0, 1, 3, 10, 30, 100, 300, 1000, 3000, 10000]
    var done = 0
    for c in checkpoints {
        while done < c { try gan.discriminatorStep(rng: &rng); done += 1 }
        var r = RandomSource(seed: 42)
        let sat = try gan.generatorGradientNorm(kind: .saturating, batchSize: 1024, rng: &r)
        r = RandomSource(seed: 42)
        let non = try gan.generatorGradientNorm(kind: .nonSaturating, batchSize: 1024, rng: &r)
        r = RandomSource(seed: 42)
        let fake = gan.generator.sample(count: 1024, rng: &r)
        let dfake = gan.discriminator.probabilities(at: fake).reduce(0,+)/1024
        let dreal = gan.discriminator.probabilities(at: data.sample(count: 1024, rng: &r)).reduce(0,+)/1024
        print(c, "sat", sat, "non", non, "ratio", sat/non, "D(fake)", dfake, "D(real)", dreal)
    }
}
if which == "mix" {
    let data = try GaussianMixture1D([(0.5, -2, 0.4), (0.5, 2, 0.4)])
    var hp = GANHyperparameters(); hp.discriminatorLearningRate = Float(args[2])!; hp.generatorLearningRate = Float(args[2])!
    hp.batchSize = 128; hp.discriminatorSteps = Int(args[4])!
    if args.count > 5 { hp.noiseDimension = Int(args[5])! }
    let iters = Int(args[3])!
    for seed in 0..<4 {
        var rng = RandomSource(seed: UInt64(seed))
        let gan = try GAN1D(data: data, hyperparameters: hp, formulas: f, rng: &rng)
        var line = "seed \(seed): "
        for it in 0...iters {
            if it % (iters / 4) == 0 {
                var r = RandomSource(seed: 5); let s = gan.generator.sample(count: 2000, rng: &r)
                let left = Double(s.filter { $0 < 0 }.count) / 2000
                let grid = try Grid1D(from: -6, to: 6, count: 601)
                let kde = try KernelDensity1D(samples: s)
                let j = try f.jensenShannonDivergence(p: data.densities(at: grid.points), q: kde.densities(at: grid.points), dx: grid.spacing)
                let dm = gan.discriminator.probabilities(at: [-2, 0, 2])
                line += String(format: "[%d left %.2f jsd %.3f D(-2,0,2) %.2f %.2f %.2f] ", it, left, j, dm[0], dm[1], dm[2])
            }
            if it < iters { try gan.trainingIteration(rng: &rng) }
        }
        print(line)
    }
}
