import ArgumentParser
import BenchKit
import Foundation
import NeuralNetworks
import Numerics

/// Measures the speed of the numerical core against PyTorch in the same run: training steps of
/// small MLPs, raw GEMM per OpenBLAS kernel, and the framework's overhead over the GEMM calls it makes.
///
///     swift run -c release bench [--kernels default,default-openblas,fastest] [--threads 1] [--quick] [--no-compare-pytorch]
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time MLP training steps (forward + backward + Adam) and BLAS GEMM, next to PyTorch in the same run.",
        discussion: """
            Each kernel is measured in a child process (OpenBLAS reads OPENBLAS_CORETYPE only when it \
            loads); PyTorch runs scripts/bench-pytorch.py with the same sizes and thread count. Rounds \
            alternate between the kit and PyTorch; the tables show medians over the rounds.
            """)

    @Option(help: "BLAS threads for the kit, and torch.set_num_threads for PyTorch (default: the kit's, 1 unless OPENBLAS_NUM_THREADS says otherwise).")
    var threads: Int?

    @Flag(help: "Fewer repetitions and one round (a smoke test).")
    var quick = false

    @Option(help: "Time only the network with this name, e.g. 3-256-256-1 (no GEMM table).")
    var only: String?

    @Flag(inversion: .prefixedNo,
          help: "Run the same networks in PyTorch and print the ratio (default: when python3 can import torch).")
    var comparePytorch: Bool?

    @Option(help: ArgumentHelp(
        "OpenBLAS kernels, comma-separated: default (the kit's reproducible choice), default-openblas (the same with every product by OpenBLAS, not the kit's AVX-512 GEMM), fastest, or names such as Haswell,SkylakeX,Sandybridge.",
        valueName: "list"))
    var kernels = "default,default-openblas,fastest"

    @Option(help: "Rounds of kit and PyTorch measurements; medians are shown (default 3, 1 with --quick).")
    var rounds: Int?

    @Flag(help: "Measure the kit in this process only, with its kernel, no children (for profilers).")
    var inProcess = false

    @Option(help: "The Python interpreter for the PyTorch reference.")
    var python = "python3"

    @Option(help: "The PyTorch reference script (default: scripts/bench-pytorch.py of this package).")
    var pytorchScript: String?

    @Option(help: "Seconds a PyTorch run or a kernel's child may take before it is stopped.")
    var timeLimit: Double = 600

    @Option(help: ArgumentHelp(
        "Run N training steps of the --only network (or, with --profile-gemm, its matrix products alone) and print nothing: a fixed workload for perf stat or valgrind.",
        valueName: "N"))
    var profileSteps: Int?

    @Flag(help: "With --profile-steps: the step's matrix products alone.")
    var profileGemm = false

    @Flag(help: .hidden)
    var child = false

    @Flag(help: "Time only lesson 9's convolution (32×48×48×3 → 16 filters of 5×5, stride 2), forward and backward, in this process, and print one line.")
    var convolution = false

    var timeBudget: Double { quick ? 0.1 : 1.0 }

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if let rounds, rounds < 1 { throw ValidationError("--rounds must be at least 1, got \(rounds)") }
        if !(timeLimit > 0) { throw ValidationError("--time-limit must be positive") }
        if let profileSteps {
            if profileSteps < 1 { throw ValidationError("--profile-steps must be at least 1, got \(profileSteps)") }
            if only == nil { throw ValidationError("--profile-steps needs --only NETWORK") }
        }
        if let only, !BenchNetwork.standard.contains(where: { $0.name == only }) {
            throw ValidationError("--only \(only): not one of \(BenchNetwork.standard.map(\.name).joined(separator: ", "))")
        }
        do { _ = try KernelSpec.parseList(kernels) } catch { throw ValidationError("\(error)") }
    }

    var networks: [BenchNetwork] { BenchNetwork.standard.filter { only == nil || $0.name == only } }
    var gemmSizes: [Int] { only == nil ? [64, 256, 1024] : [] }

    func run() throws {
        if let threads { Matrix.setBLASThreads(threads) }
        let threadCount = Matrix.blasThreads
        if convolution {
            let peak = CPUPeak.current
            print("CPU: \(peak?.model ?? "unknown"), BLAS kernel \(BLASKernel.name), \(threadCount) thread(s); "
                  + "products: \(BLASKernel.gemmEngine)")
            print(ConvolutionBench.measure(timeBudget: timeBudget).summary)
            return
        }
        if let profileSteps, let network = networks.first {
            KitMeasurement.runFixedWorkload(network, iterations: profileSteps, gemmOnly: profileGemm)
            return
        }
        if child {
            let measured = KitMeasurement.measure(networks: networks, gemm: gemmSizes, timeBudget: timeBudget)
            let encoder = JSONEncoder()
            FileHandle.standardOutput.write(try encoder.encode(measured) + Data("\n".utf8))
            return
        }
        let specs = inProcess ? [KernelSpec.kitDefault] : try KernelSpec.parseList(kernels)
        let roundCount = rounds ?? (quick ? 1 : 3)

        // The reference: PyTorch in this run, or a plain statement that there is none.
        let reference = PyTorchReference(python: python, script: pytorchScript ?? PyTorchReference.defaultScript,
                                         timeLimit: timeLimit)
        var pytorchNote: String?
        var usePyTorch = comparePytorch ?? true
        if usePyTorch {
            if case .failure(let why) = reference.check() {
                if comparePytorch == true {
                    FileHandle.standardError.write(Data("error: --compare-pytorch: \(why.message)\n".utf8))
                    throw ExitCode(1)
                }
                usePyTorch = false
                pytorchNote = "no PyTorch: no ratio (\(why.message))"
            }
        } else {
            pytorchNote = "no PyTorch: no ratio (--no-compare-pytorch)"
        }

        let peak = CPUPeak.current
        print("CPU: \(peak?.model ?? "unknown (no /proc/cpuinfo)"), \(ProcessInfo.processInfo.activeProcessorCount) core(s) online")
        if let peak { print(peak.summary) }
        print("Memory: \(MatrixMemory.summary); Adam's update: \(Adam.vectorLanes) floats at a time; subnormals "
              + (Subnormals.areFlushedToZero ? "flushed to zero" : "kept"))
        print("Threads: \(threadCount) (the kit's BLAS" + (usePyTorch ? ", and PyTorch's torch.set_num_threads)" : ")")
              + ". \(roundCount) round(s)" + (usePyTorch ? ", kit and PyTorch alternating" : "")
              + ", medians shown; times vary with the machine's load, so measure on a quiet machine.\n")

        var kitRounds: [[KitMeasurement]] = Array(repeating: [], count: specs.count)
        var failedSpecs: [Int: String] = [:]
        var pytorchRounds: [PyTorchMeasurement] = []
        for round in 0..<roundCount {
            // Odd rounds measure PyTorch first, so that neither side always runs right after the other.
            let pytorchFirst = round % 2 == 1
            if pytorchFirst && usePyTorch { usePyTorch = measurePyTorch(reference, threadCount, &pytorchRounds, &pytorchNote, round, roundCount) }
            for (i, spec) in specs.enumerated() where failedSpecs[i] == nil {
                progress("round \(round + 1)/\(roundCount): kit, kernel \(spec)")
                switch measureKit(spec, threads: threadCount) {
                case .success(let measured): kitRounds[i].append(measured)
                case .failure(let error): failedSpecs[i] = error.message
                }
            }
            if !pytorchFirst && usePyTorch { usePyTorch = measurePyTorch(reference, threadCount, &pytorchRounds, &pytorchNote, round, roundCount) }
        }
        progress("")

        let pytorch = PyTorchMeasurement.median(of: pytorchRounds)
        if let pytorch {
            let flush = switch pytorch.flushDenormal {
            case true?: "subnormals flushed to zero as in the kit, "
            case false?: "subnormals kept (the kit flushes them), "
            case nil: ""
            }
            print("PyTorch \(pytorch.torch) (Python \(pytorch.python ?? "?")), torch.set_num_threads(\(pytorch.threads)), "
                  + "float32, nn.Linear + ReLU, MSE loss, Adam, \(flush)measured in this run (\(pytorchRounds.count) round(s))")
        }
        if let pytorchNote { print(pytorchNote) }
        print("")

        var shown: [(spec: KernelSpec, kit: KitMeasurement)] = []
        for (i, spec) in specs.enumerated() {
            if let why = failedSpecs[i] {
                print("Kernel \(spec): not measured (\(why))\n")
                continue
            }
            guard let kit = KitMeasurement.median(of: kitRounds[i]) else { continue }
            if let same = shown.first(where: { $0.kit.label == kit.label }) {
                print("Kernel \(spec): the same kernel and products as \(same.spec), \(kit.label): one table\n")
                continue
            }
            shown.append((spec, kit))
            BenchReport.stepTable(kit: kit, spec: spec, pytorch: pytorch).forEach { print($0) }
            print("")
        }
        BenchReport.gemmTable(kits: shown, pytorch: pytorch, peak: peak).forEach { print($0) }
        print("""

            speed-up = PyTorch µs / kit µs (above 1: the kit is faster), both from this run.
            overhead = (step − the same GEMM calls alone) / step; above GEMM = (step − GEMM) / GEMM.
            """)
        if shown.isEmpty { throw ExitCode(1) }
    }

    /// One kernel's figures: measured here (`--in-process`) or by a child process started with the
    /// kernel's environment.
    func measureKit(_ spec: KernelSpec, threads: Int) -> Result<KitMeasurement, BenchError> {
        if inProcess {
            return .success(KitMeasurement.measure(networks: networks, gemm: gemmSizes, timeBudget: timeBudget))
        }
        var arguments = ["--child", "--threads", "\(threads)"]
        if quick { arguments.append("--quick") }
        if let only { arguments += ["--only", only] }
        let outcome: ChildProcessOutcome
        do {
            outcome = try ChildProcess.run(ChildProcess.currentExecutable, arguments, environment: spec.environment,
                                           timeLimit: timeLimit)
        } catch {
            return .failure(BenchError("the child process could not be started: \(error.localizedDescription)"))
        }
        if outcome.timedOut { return .failure(BenchError("stopped after \(Int(timeLimit)) s")) }
        guard outcome.exitCode == 0 else {
            let why = outcome.lastErrorLine
            return .failure(BenchError("the child failed (\(outcome.exitCode.map { "exit \($0)" } ?? "killed by a signal"))"
                                       + (why.isEmpty ? "" : ": \(why)")))
        }
        do { return .success(try JSONDecoder().decode(KitMeasurement.self, from: outcome.standardOutput)) }
        catch { return .failure(BenchError("the child's output is not the expected JSON")) }
    }

    /// Adds one PyTorch round; on failure notes why and returns `false` (no more PyTorch rounds).
    func measurePyTorch(_ reference: PyTorchReference, _ threads: Int, _ rounds: inout [PyTorchMeasurement],
                        _ note: inout String?, _ round: Int, _ roundCount: Int) -> Bool {
        progress("round \(round + 1)/\(roundCount): PyTorch")
        let asked = networks.map { (sizes: $0.sizes, batch: $0.batch) }
        switch reference.measure(networks: asked, gemm: gemmSizes, threads: threads, timeBudget: timeBudget) {
        case .success(let measured):
            rounds.append(measured)
            return true
        case .failure(let why):
            rounds.removeAll()
            note = "no PyTorch: no ratio (\(why.message))"
            return false
        }
    }

    /// A progress line on standard error, overwritten by the next (a terminal only).
    func progress(_ text: String) {
        guard isatty(STDERR_FILENO) != 0 else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }
}
