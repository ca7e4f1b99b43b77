/// What lesson 3 (GANs and the optimal discriminator) records in results.json: the lesson's cells
/// fill it in and its claims decode it.
public struct Lesson03Results: Codable, Sendable {
    /// Step 1: the game's value by sampling z against integrating over x.
    public var changeOfVariables: ChangeOfVariables?
    /// Step 2: the formula a/(a+b) against a grid search.
    public var pointwiseMaximizer: PointwiseMaximizer?
    /// Step 3: C(G) two ways while the generator's mean sweeps across the data.
    public var valueSweep: ValueSweep?
    /// Step 4: D* and C(G) at p_G = p_data.
    public var optimum: Optimum?
    /// Discriminator networks trained against fixed densities, compared with D*.
    public var discriminator: DiscriminatorFits?
    /// A 1-D GAN trained end to end on N(3, 0.5²), over seeds.
    public var gan: GANTraining?
    /// A generator collapsed onto one point, against the two-mode data.
    public var collapse: Collapse?
    /// GANs trained on the two-mode data, over seeds.
    public var twoModeGANs: TwoModeGANs?
    /// Generator gradient norms as the discriminator trains against a frozen generator.
    public var saturation: Saturation?

    /// Nothing recorded yet.
    public init() {}

    /// Step 1 checked for G(z) = 1.5 + 0.7·z and D(x) = σ(1 − x).
    public struct ChangeOfVariables: Codable, Sendable {
        /// `mean log D(x) + mean log(1 − D(G(z)))` over samples.
        public var monteCarlo: Double
        /// Its standard error.
        public var standardError: Double
        /// `∫ p_data log D + p_G log(1 − D) dx` by quadrature.
        public var quadrature: Double
        /// |monteCarlo − quadrature| in standard errors.
        public var zScore: Double

        /// The check's numbers.
        public init(monteCarlo: Double, standardError: Double, quadrature: Double, zScore: Double) {
            self.monteCarlo = monteCarlo
            self.standardError = standardError
            self.quadrature = quadrature
            self.zScore = zScore
        }
    }

    /// Step 2 checked on a few pairs (a, b).
    public struct PointwiseMaximizer: Codable, Sendable {
        /// The largest |a/(a+b) − grid argmax| over the pairs.
        public var maxDifference: Double

        /// The check's number.
        public init(maxDifference: Double) {
            self.maxDifference = maxDifference
        }
    }

    /// The sweep against two-mode data: only its summary.
    public struct TwoModeSweep: Codable, Sendable {
        /// The largest |C(G) − (2·JSD − log 4)| over the sweep.
        public var maxDifference: Double
        /// The smallest C(G): above −log 4, since no Gaussian of std 1 matches two modes.
        public var minimum: Double

        /// The summary's numbers.
        public init(maxDifference: Double, minimum: Double) {
            self.maxDifference = maxDifference
            self.minimum = minimum
        }
    }

    /// Step 3 checked: p_G = N(μ, 1) against p_data = N(0, 1), and against two modes.
    public struct ValueSweep: Codable, Sendable {
        /// The generator means μ.
        public var means: [Double]
        /// C(G) = V(D*, G) by quadrature, at each mean.
        public var optimalValue: [Double]
        /// 2·JSD(p_data ‖ p_G) − log 4, at each mean.
        public var jsdForm: [Double]
        /// The largest |C(G) − (2·JSD − log 4)| over the sweep.
        public var maxDifference: Double
        /// The largest |C(G) − (KL(p_data ‖ M) + KL(p_G ‖ M) − log 4)| over the sweep.
        public var klFormMaxDifference: Double
        /// The smallest C(G) over the sweep.
        public var minimum: Double
        /// The mean μ at which it is attained.
        public var argmin: Double
        /// The same sweep against the two-mode data.
        public var twoModes: TwoModeSweep

        /// The sweep's numbers.
        public init(means: [Double], optimalValue: [Double], jsdForm: [Double], maxDifference: Double,
                    klFormMaxDifference: Double, minimum: Double, argmin: Double, twoModes: TwoModeSweep) {
            self.means = means
            self.optimalValue = optimalValue
            self.jsdForm = jsdForm
            self.maxDifference = maxDifference
            self.klFormMaxDifference = klFormMaxDifference
            self.minimum = minimum
            self.argmin = argmin
            self.twoModes = twoModes
        }
    }

    /// Step 4 checked at p_G = p_data = N(0, 1).
    public struct Optimum: Codable, Sendable {
        /// C(G) there (−log 4 in theory).
        public var value: Double
        /// The largest |D*(x) − ½| on the grid.
        public var maxDeviationFromHalf: Double

        /// The check's numbers.
        public init(value: Double, maxDeviationFromHalf: Double) {
            self.value = value
            self.maxDeviationFromHalf = maxDeviationFromHalf
        }
    }

    /// Trained discriminators against D*, on the support of p_data + p_G.
    public struct DiscriminatorFits: Codable, Sendable {
        /// The largest |D − D*| for p_data = N(1, 0.6²), p_G = N(−0.5, 1).
        public var gaussianMaxError: Double
        /// The largest |D − D*| for the two-mode data against p_G = N(0, 1.5²).
        public var twoModeMaxError: Double
        /// Adam steps per discriminator.
        public var steps: Int

        /// The fits' numbers.
        public init(gaussianMaxError: Double, twoModeMaxError: Double, steps: Int) {
            self.gaussianMaxError = gaussianMaxError
            self.twoModeMaxError = twoModeMaxError
            self.steps = steps
        }
    }

    /// The GAN trained end to end: entry k of each per-seed list is for `seeds[k]`.
    public struct GANTraining: Codable, Sendable {
        /// Training iterations per seed.
        public var iterations: Int
        /// The seeds.
        public var seeds: [Int]
        /// The iterations at which JSD was measured.
        public var checkpoints: [Int]
        /// `jsdPerSeed[k][c]`: JSD(p_data ‖ p̂_G) of seed k at `checkpoints[c]` (nats).
        public var jsdPerSeed: [[Double]]
        /// What the JSD estimate reads for p_data's own samples (a perfect generator).
        public var jsdFloor: Double
        /// The mean of each seed's generated samples at the end.
        public var endMean: [Double]
        /// The standard deviation of each seed's generated samples at the end.
        public var endStd: [Double]

        /// The runs' numbers.
        public init(iterations: Int, seeds: [Int], checkpoints: [Int], jsdPerSeed: [[Double]], jsdFloor: Double,
                    endMean: [Double], endStd: [Double]) {
            self.iterations = iterations
            self.seeds = seeds
            self.checkpoints = checkpoints
            self.jsdPerSeed = jsdPerSeed
            self.jsdFloor = jsdFloor
            self.endMean = endMean
            self.endStd = endStd
        }

        /// Each seed's JSD at the start of training.
        public var jsdStart: [Double] { jsdPerSeed.map { $0.first ?? .nan } }
        /// Each seed's JSD at the end of training.
        public var jsdEnd: [Double] { jsdPerSeed.map { $0.last ?? .nan } }
    }

    /// A generator collapsed onto x₀ = 2, against ½N(−2, 0.5²) + ½N(2, 0.5²).
    public struct Collapse: Codable, Sendable {
        /// The widths s of p_G = N(x₀, s²), shrinking towards the point mass.
        public var widths: [Double]
        /// JSD(p_data ‖ p_G) at each width (it tends to log 2).
        public var jsd: [Double]
        /// The trained D at the missing mode, x = −2 (D* = 1).
        public var dAtMissingMode: Double
        /// The trained D at x₀ itself (D* = 0).
        public var dAtPoint: Double

        /// The experiment's numbers.
        public init(widths: [Double], jsd: [Double], dAtMissingMode: Double, dAtPoint: Double) {
            self.widths = widths
            self.jsd = jsd
            self.dAtMissingMode = dAtMissingMode
            self.dAtPoint = dAtPoint
        }
    }

    /// GANs on the two-mode data: one entry per seed in each list.
    public struct TwoModeGANs: Codable, Sendable {
        /// The share of each run's final samples in the left mode (½ in the data).
        public var leftFraction: [Double]
        /// Each run's final JSD.
        public var jsdEnd: [Double]
        /// The seeds whose samples fell (almost) all in one mode.
        public var collapsedSeeds: [Int]

        /// The runs' numbers.
        public init(leftFraction: [Double], jsdEnd: [Double], collapsedSeeds: [Int]) {
            self.leftFraction = leftFraction
            self.jsdEnd = jsdEnd
            self.collapsedSeeds = collapsedSeeds
        }
    }

    /// A discriminator trained against a frozen generator: entry i of each list after `steps[i]` steps.
    public struct Saturation: Codable, Sendable {
        /// Discriminator steps taken at each measurement.
        public var steps: [Int]
        /// ‖∇_θ mean log(1 − D(G(z)))‖, the saturating generator loss's gradient.
        public var saturating: [Double]
        /// ‖∇_θ −mean log D(G(z))‖, the non-saturating one's.
        public var nonSaturating: [Double]
        /// Mean D(G(z)) on generated samples.
        public var meanDFake: [Double]
        /// Mean D(x) on real samples.
        public var meanDReal: [Double]
        /// saturating / non-saturating.
        public var ratio: [Double]

        /// The measurements.
        public init(steps: [Int], saturating: [Double], nonSaturating: [Double], meanDFake: [Double], meanDReal: [Double],
                    ratio: [Double]) {
            self.steps = steps
            self.saturating = saturating
            self.nonSaturating = nonSaturating
            self.meanDFake = meanDFake
            self.meanDReal = meanDReal
            self.ratio = ratio
        }
    }
}
