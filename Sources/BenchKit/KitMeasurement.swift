import Foundation
import NeuralNetworks
import Numerics

/// A network the bench times: layer widths and a batch size.
public struct BenchNetwork: Equatable, Sendable {
    /// The widths [input, hidden…, output].
    public var sizes: [Int]
    /// The batch size.
    public var batch: Int

    /// A network to time.
    public init(sizes: [Int], batch: Int) {
        self.sizes = sizes
        self.batch = batch
    }

    /// The widths joined by "-", e.g. "3-256-256-1".
    public var name: String { sizes.map(String.init).joined(separator: "-") }

    /// The networks of the comparison: the lessons' small MLP, a 256-wide one and DDPG's 400-wide one.
    public static let standard = [
        BenchNetwork(sizes: [3, 64, 64, 1], batch: 64),
        BenchNetwork(sizes: [3, 256, 256, 1], batch: 256),
        BenchNetwork(sizes: [4, 400, 400, 1], batch: 100),
    ]
}

/// The kit's figures from one process (one BLAS kernel): what a bench child prints as JSON.
public struct KitMeasurement: Codable, Equatable, Sendable {
    /// One network's training step and the time of the same GEMM calls alone.
    public struct Step: Codable, Equatable, Sendable {
        /// The layer widths joined by "-".
        public var network: String
        /// The batch size.
        public var batch: Int
        /// The time of one step (forward, MSE loss, backward, Adam step), in µs.
        public var microseconds: Double
        /// The time of the step's matrix products alone, in µs.
        public var gemmMicroseconds: Double

        /// A step measurement.
        public init(network: String, batch: Int, microseconds: Double, gemmMicroseconds: Double) {
            self.network = network
            self.batch = batch
            self.microseconds = microseconds
            self.gemmMicroseconds = gemmMicroseconds
        }
    }

    /// One n×n·n×n `sgemm`.
    public struct GEMM: Codable, Equatable, Sendable {
        /// The matrix size.
        public var n: Int
        /// The time of one product, in µs.
        public var microseconds: Double

        /// A product measurement.
        public init(n: Int, microseconds: Double) {
            self.n = n
            self.microseconds = microseconds
        }

        /// 2n³ / time, in GFLOPS.
        public var gflops: Double { 2 * pow(Double(n), 3) / (microseconds * 1e-6) / 1e9 }
    }

    /// The OpenBLAS kernel the process ran, e.g. "Haswell".
    public var kernel: String
    /// How it was chosen (`BLASKernel.choice`).
    public var choice: String
    /// Who computed the products (`BLASKernel.gemmEngine`); nil in measurements from before it was recorded.
    public var gemmEngine: String?
    /// Whether the kit's own AVX-512 GEMM computed them (`BLASKernel.usesKitGEMM`), in the Haswell kernel's rounding.
    public var usesKitGEMM: Bool?
    /// OpenBLAS threads.
    public var threads: Int
    /// The training steps.
    public var steps: [Step]
    /// The matrix products.
    public var gemm: [GEMM]

    /// A measurement (for tests and for merging rounds).
    public init(kernel: String, choice: String, gemmEngine: String? = nil, usesKitGEMM: Bool? = nil, threads: Int,
                steps: [Step], gemm: [GEMM]) {
        self.kernel = kernel
        self.choice = choice
        self.gemmEngine = gemmEngine
        self.usesKitGEMM = usesKitGEMM
        self.threads = threads
        self.steps = steps
        self.gemm = gemm
    }

    /// Times `networks` and the n×n products `gemm` in this process, with its BLAS kernel.
    public static func measure(networks: [BenchNetwork], gemm: [Int], timeBudget: Double) -> KitMeasurement {
        let steps = networks.map { network in
            let (step, products) = timeStep(network, timeBudget: timeBudget)
            return Step(network: network.name, batch: network.batch, microseconds: step, gemmMicroseconds: products)
        }
        let products = gemm.map { GEMM(n: $0, microseconds: timeGEMM(n: $0, timeBudget: timeBudget) * 1e6) }
        return KitMeasurement(kernel: BLASKernel.name, choice: BLASKernel.choice, gemmEngine: BLASKernel.gemmEngine,
                              usesKitGEMM: BLASKernel.usesKitGEMM, threads: Matrix.blasThreads, steps: steps, gemm: products)
    }

    /// The kernel's name for tables: "Haswell", or "Haswell (kit GEMM)" when the kit's GEMM computed the products.
    public var label: String { usesKitGEMM == true ? "\(kernel) (kit GEMM)" : kernel }

    /// The median of several rounds of the same process kind, entry by entry.
    public static func median(of rounds: [KitMeasurement]) -> KitMeasurement? {
        guard var result = rounds.first else { return nil }
        for i in result.steps.indices {
            let same = rounds.compactMap { r in
                r.steps.first { $0.network == result.steps[i].network && $0.batch == result.steps[i].batch }
            }
            result.steps[i].microseconds = BenchStatistics.median(same.map(\.microseconds))
            result.steps[i].gemmMicroseconds = BenchStatistics.median(same.map(\.gemmMicroseconds))
        }
        for i in result.gemm.indices {
            let n = result.gemm[i].n
            result.gemm[i].microseconds = BenchStatistics.median(rounds.compactMap { $0.gemm.first { $0.n == n }?.microseconds })
        }
        return result
    }

    /// The mean time of a training step and of the GEMM calls such a step makes, in µs.
    static func timeStep(_ configuration: BenchNetwork, timeBudget: Double) -> (step: Double, gemm: Double) {
        let (step, gemms) = workloads(configuration)
        let stepSeconds = timePerCall(timeBudget: timeBudget, step)
        let gemmSeconds = timePerCall(timeBudget: timeBudget, gemms)
        return (stepSeconds * 1e6, gemmSeconds * 1e6)
    }

    /// Runs `iterations` training steps of `network` (or, with `gemmOnly`, its matrix products
    /// alone) and nothing else: a fixed workload for profilers (`perf stat`, `valgrind`), whose
    /// counts, unlike times, do not depend on the machine's load.
    public static func runFixedWorkload(_ network: BenchNetwork, iterations: Int, gemmOnly: Bool) {
        let (step, gemms) = workloads(network)
        for _ in 0..<iterations { gemmOnly ? gemms() : step() }
    }

    /// A training step of an MLP (ReLU, MSE loss, forward + backward + Adam), and the same matrix
    /// products alone: forward x·W per layer; backward xᵀ·G per layer and G·Wᵀ for every layer but
    /// the first (the input needs no gradient).
    static func workloads(_ configuration: BenchNetwork) -> (step: () -> Void, gemms: () -> Void) {
        let sizes = configuration.sizes, batch = configuration.batch
        var rng = RandomSource(seed: 0)
        let network = MLP(sizes: sizes, activation: .relu, rng: &rng)
        let adam = Adam(parameters: network.parameters)
        let x = Matrix.randomNormal(batch, sizes[0], rng: &rng)
        let y = Matrix.randomNormal(batch, sizes.last!, rng: &rng)
        let step = {
            let loss = mseLoss(network(Tensor(x)), Tensor(y))
            adam.step(loss.gradients(for: adam.parameters))
        }
        let inputs = sizes.dropLast().map { Matrix.randomNormal(batch, $0, rng: &rng) }
        let outputs = sizes.dropFirst().map { Matrix.randomNormal(batch, $0, rng: &rng) }
        let weights = network.layers.map(\.weight.value)
        var forward = outputs, weightGrads = weights, inputGrads = inputs
        let gemms = {
            for l in weights.indices {
                Matrix.gemm(inputs[l], weights[l], into: &forward[l], beta: 1)
                Matrix.gemm(inputs[l], outputs[l], into: &weightGrads[l], transposeA: true)
                if l > 0 { Matrix.gemm(outputs[l], weights[l], into: &inputGrads[l], transposeB: true) }
            }
        }
        return (step, gemms)
    }

    /// The time of one n×n·n×n `sgemm`, in seconds.
    static func timeGEMM(n: Int, timeBudget: Double) -> Double {
        var rng = RandomSource(seed: 1)
        let a = Matrix.randomNormal(n, n, rng: &rng), b = Matrix.randomNormal(n, n, rng: &rng)
        var c = Matrix.zeros(n, n)
        return timePerCall(timeBudget: timeBudget) { Matrix.gemm(a, b, into: &c) }
    }
}

/// The median over five rounds of the mean time per call of `body`, in seconds, after a warm-up;
/// each round runs for about a fifth of `timeBudget`.
public func timePerCall(timeBudget: Double, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    var calls = 0
    let warmUp = clock.now
    while calls < 3 || seconds(clock.now - warmUp) < timeBudget / 10 {
        body()
        calls += 1
    }
    let perCall = seconds(clock.now - warmUp) / Double(calls)
    let callsPerRound = max(1, Int(timeBudget / 5 / perCall))
    var rounds: [Double] = []
    for _ in 0..<5 {
        let start = clock.now
        for _ in 0..<callsPerRound { body() }
        rounds.append(seconds(clock.now - start) / Double(callsPerRound))
    }
    return rounds.sorted()[2]
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}
