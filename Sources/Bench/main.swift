import ArgumentParser
import Foundation
import NeuralNetworks
import Numerics

/// Measures the speed of the numerical core: training steps of small MLPs, raw GEMM, and the
/// framework's overhead over the GEMM calls it makes.
///
///     swift run -c release bench [--threads 1] [--quick]
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time MLP training steps (forward + backward + Adam) and BLAS GEMM.")

    @Option(help: "OpenBLAS threads (default: OpenBLAS's own choice).")
    var threads: Int?

    @Flag(help: "Fewer repetitions (for a smoke test).")
    var quick = false

    @Option(help: "Time only the network with this name, e.g. 3-64-64-1 (for profiling).")
    var only: String?

    func run() throws {
        if let threads { Matrix.setBLASThreads(threads) }
        print("BLAS: \(BLASKernel.summary), \(Matrix.blasThreads) thread(s)\n")
        let timeBudget = quick ? 0.1 : 1.0

        print("Training step of an MLP (ReLU, MSE loss, forward + backward + Adam step)")
        print("network            batch   µs/step   PyTorch µs   speed-up   GEMM µs   overhead")
        for config in StepBenchmark.configurations where only == nil || only == config.name {
            let result = config.measure(timeBudget: timeBudget)
            let speedUp = config.pytorchMicroseconds / result.stepMicroseconds
            let overhead = (result.stepMicroseconds - result.gemmMicroseconds) / result.stepMicroseconds
            print(pad(config.name, 18), pad("\(config.batch)", 6, right: true),
                  pad(format(result.stepMicroseconds), 9, right: true),
                  pad(format(config.pytorchMicroseconds), 12, right: true),
                  pad(String(format: "%.2f×", speedUp), 10, right: true),
                  pad(format(result.gemmMicroseconds), 9, right: true),
                  pad(String(format: "%.0f%%", 100 * overhead), 10, right: true))
        }

        if only != nil { return }
        print("\nGEMM (sgemm, n×n · n×n)")
        print("n        µs/call    GFLOPS   vs OpenBLAS-42")
        for n in [64, 256, 1024] {
            let seconds = timeGEMM(n: n, timeBudget: timeBudget)
            let gflops = 2 * pow(Double(n), 3) / seconds / 1e9
            print(pad("\(n)", 6), pad(format(seconds * 1e6), 10, right: true),
                  pad(String(format: "%.1f", gflops), 9, right: true),
                  pad(n == 256 ? String(format: "%.2f×", gflops / 42) : "", 16, right: true))
        }
        print("\nReferences: PyTorch 2.x CPU, 2 threads; OpenBLAS 42 GFLOPS at 256³ (same machine kind).")
        print("Overhead = (step time − time of the same GEMM calls alone) / step time.")
    }
}

/// One MLP training-step measurement.
struct StepBenchmark {
    let sizes: [Int]
    let batch: Int
    let pytorchMicroseconds: Double

    var name: String { sizes.map(String.init).joined(separator: "-") }

    static let configurations = [
        StepBenchmark(sizes: [3, 64, 64, 1], batch: 64, pytorchMicroseconds: 1000),
        StepBenchmark(sizes: [3, 256, 256, 1], batch: 256, pytorchMicroseconds: 2230),
        StepBenchmark(sizes: [17, 256, 256, 6], batch: 256, pytorchMicroseconds: 2210),
        StepBenchmark(sizes: [4, 400, 400, 1], batch: 100, pytorchMicroseconds: 2540),
    ]

    /// The mean time of a training step and of the GEMM calls such a step makes, in µs.
    func measure(timeBudget: Double) -> (stepMicroseconds: Double, gemmMicroseconds: Double) {
        var rng = RandomSource(seed: 0)
        let network = MLP(sizes: sizes, activation: .relu, rng: &rng)
        let adam = Adam(parameters: network.parameters)
        let x = Matrix.randomNormal(batch, sizes[0], rng: &rng)
        let y = Matrix.randomNormal(batch, sizes.last!, rng: &rng)
        let step = {
            let loss = mseLoss(network(x), Tensor(y))
            adam.step(loss.gradients(for: adam.parameters))
        }
        let stepSeconds = timePerCall(timeBudget: timeBudget, step)

        // The same matrix products alone: forward x·W per layer; backward xᵀ·G per layer and
        // G·Wᵀ for every layer but the first (the input needs no gradient).
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
        let gemmSeconds = timePerCall(timeBudget: timeBudget, gemms)
        return (stepSeconds * 1e6, gemmSeconds * 1e6)
    }
}

/// The time of one n×n·n×n `sgemm`, in seconds.
func timeGEMM(n: Int, timeBudget: Double) -> Double {
    var rng = RandomSource(seed: 1)
    let a = Matrix.randomNormal(n, n, rng: &rng), b = Matrix.randomNormal(n, n, rng: &rng)
    var c = Matrix.zeros(n, n)
    return timePerCall(timeBudget: timeBudget) { Matrix.gemm(a, b, into: &c) }
}

/// The median over five rounds of the mean time per call of `body`, in seconds, after a warm-up;
/// each round runs for about a fifth of `timeBudget`.
func timePerCall(timeBudget: Double, _ body: () -> Void) -> Double {
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

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

func format(_ microseconds: Double) -> String {
    String(format: microseconds < 100 ? "%.1f" : "%.0f", microseconds)
}

func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
}
