import Foundation

/// What `scripts/bench-pytorch.py` measured: one JSON object on its standard output.
public struct PyTorchMeasurement: Codable, Equatable, Sendable {
    /// One network's training step.
    public struct Step: Codable, Equatable, Sendable {
        /// The layer widths joined by "-", e.g. "3-256-256-1".
        public var network: String
        /// The batch size.
        public var batch: Int
        /// The time of one step (forward, MSE loss, backward, Adam step), in µs.
        public var microseconds: Double

        /// A step measurement.
        public init(network: String, batch: Int, microseconds: Double) {
            self.network = network
            self.batch = batch
            self.microseconds = microseconds
        }
    }

    /// One n×n·n×n float32 matrix product.
    public struct GEMM: Codable, Equatable, Sendable {
        /// The matrix size.
        public var n: Int
        /// The time of one product, in µs.
        public var microseconds: Double
        /// 2n³ floating-point operations per that time, in 10⁹ per second.
        public var gflops: Double

        /// A product measurement.
        public init(n: Int, microseconds: Double, gflops: Double) {
            self.n = n
            self.microseconds = microseconds
            self.gflops = gflops
        }
    }

    /// `torch.__version__`, e.g. "2.5.1+cpu".
    public var torch: String
    /// `torch.get_num_threads()` during the measurement.
    public var threads: Int
    /// The Python version.
    public var python: String?
    /// Whether the script ran with subnormals flushed to zero (`torch.set_flush_denormal(True)`), as the kit
    /// does; `nil` from a script that did not say.
    public var flushDenormal: Bool?
    /// The training steps, in the order asked for.
    public var steps: [Step]
    /// The matrix products, in the order asked for.
    public var gemm: [GEMM]

    /// A measurement (for tests and for merging rounds).
    public init(torch: String, threads: Int, python: String? = nil, flushDenormal: Bool? = nil, steps: [Step],
                gemm: [GEMM]) {
        self.torch = torch
        self.threads = threads
        self.python = python
        self.flushDenormal = flushDenormal
        self.steps = steps
        self.gemm = gemm
    }

    /// Reads the script's standard output. Throws a `BenchError` naming what is wrong.
    public static func parse(_ data: Data) throws -> PyTorchMeasurement {
        let measurement: PyTorchMeasurement
        do {
            measurement = try JSONDecoder().decode(PyTorchMeasurement.self, from: data)
        } catch {
            let text = String(decoding: data.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw BenchError("the PyTorch script's output is not the expected JSON (\(Self.describe(error))): "
                             + (text.isEmpty ? "it printed nothing" : "\"\(text)\""))
        }
        for step in measurement.steps where !(step.microseconds.isFinite && step.microseconds > 0) {
            throw BenchError("the PyTorch script reports \(step.microseconds) µs for \(step.network), batch \(step.batch)")
        }
        for product in measurement.gemm where !(product.microseconds.isFinite && product.microseconds > 0) {
            throw BenchError("the PyTorch script reports \(product.microseconds) µs for GEMM n = \(product.n)")
        }
        return measurement
    }

    /// The step time for `network` and `batch`, if measured.
    public func microseconds(network: String, batch: Int) -> Double? {
        steps.first { $0.network == network && $0.batch == batch }?.microseconds
    }

    /// The median of several rounds, entry by entry (rounds must list the same entries).
    public static func median(of rounds: [PyTorchMeasurement]) -> PyTorchMeasurement? {
        guard var result = rounds.first else { return nil }
        for i in result.steps.indices {
            result.steps[i].microseconds = BenchStatistics.median(rounds.compactMap {
                $0.microseconds(network: result.steps[i].network, batch: result.steps[i].batch)
            })
        }
        for i in result.gemm.indices {
            let n = result.gemm[i].n
            let times = rounds.compactMap { $0.gemm.first { $0.n == n }?.microseconds }
            result.gemm[i].microseconds = BenchStatistics.median(times)
            result.gemm[i].gflops = 2 * pow(Double(n), 3) / (result.gemm[i].microseconds * 1e-6) / 1e9
        }
        return result
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "no key \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: "not JSON"
        default: "\(error)"
        }
    }
}

/// Why PyTorch gave no figures.
public enum PyTorchUnavailable: Error, Equatable, Sendable {
    /// PyTorch (or python3) is not installed: no ratio can be printed.
    case notInstalled(String)
    /// The script ran but failed, timed out or printed something unreadable.
    case failed(String)

    /// One line for the terminal.
    public var message: String {
        switch self {
        case .notInstalled(let why), .failed(let why): why
        }
    }
}

/// Runs the PyTorch reference script (`scripts/bench-pytorch.py`) as a child process.
public struct PyTorchReference: Sendable {
    /// The Python interpreter (a name on the PATH or a path).
    public var python: String
    /// The script's path.
    public var script: String
    /// The longest a run may take, in seconds, before it is stopped.
    public var timeLimit: Double

    /// A reference run by `python` from `script`.
    public init(python: String = "python3", script: String, timeLimit: Double = 300) {
        self.python = python
        self.script = script
        self.timeLimit = timeLimit
    }

    /// The script shipped with the kit: `scripts/bench-pytorch.py` in the package this file was
    /// built from, else in the current directory.
    public static var defaultScript: String {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let shipped = packageRoot.appendingPathComponent("scripts/bench-pytorch.py").path
        return FileManager.default.fileExists(atPath: shipped) ? shipped : "scripts/bench-pytorch.py"
    }

    /// Whether `python` can import torch (a quick check, 60 s at most).
    public func check() -> Result<Void, PyTorchUnavailable> {
        guard let interpreter = ChildProcess.findOnPath(python) else {
            return .failure(.notInstalled("\(python): no such executable (on the PATH or as a path)"))
        }
        guard FileManager.default.fileExists(atPath: script) else {
            return .failure(.failed("the PyTorch script \(script) does not exist"))
        }
        guard let outcome = try? ChildProcess.run(interpreter, ["-c", "import torch"], timeLimit: 60) else {
            return .failure(.notInstalled("\(interpreter) could not be started"))
        }
        if outcome.timedOut { return .failure(.failed("\(python) -c \"import torch\" took more than 60 s")) }
        if outcome.exitCode != 0 {
            let why = outcome.lastErrorLine
            return .failure(.notInstalled("\(python) cannot import torch" + (why.isEmpty ? "" : " (\(why))")))
        }
        return .success(())
    }

    /// Measures `networks` (sizes and batch) and the n×n products `gemm` with `threads` threads.
    public func measure(networks: [(sizes: [Int], batch: Int)], gemm: [Int], threads: Int,
                        timeBudget: Double) -> Result<PyTorchMeasurement, PyTorchUnavailable> {
        guard let interpreter = ChildProcess.findOnPath(python) else {
            return .failure(.notInstalled("\(python): no such executable (on the PATH or as a path)"))
        }
        var arguments = [script, "--threads", "\(threads)", "--time-budget", "\(timeBudget)"]
        for network in networks {
            arguments += ["--network", network.sizes.map(String.init).joined(separator: "-") + ":\(network.batch)"]
        }
        for n in gemm { arguments += ["--gemm", "\(n)"] }
        let outcome: ChildProcessOutcome
        do {
            outcome = try ChildProcess.run(interpreter, arguments, timeLimit: timeLimit)
        } catch {
            return .failure(.failed("\(interpreter) could not be started: \(error.localizedDescription)"))
        }
        if outcome.timedOut {
            return .failure(.failed("the PyTorch script was stopped after \(Int(timeLimit)) s"))
        }
        switch outcome.exitCode {
        case 0:
            do { return .success(try PyTorchMeasurement.parse(outcome.standardOutput)) }
            catch { return .failure(.failed((error as? BenchError)?.message ?? "\(error)")) }
        case 3:
            return .failure(.notInstalled(outcome.lastErrorLine.isEmpty ? "PyTorch is not installed" : outcome.lastErrorLine))
        default:
            let why = outcome.lastErrorLine
            return .failure(.failed("the PyTorch script failed (\(outcome.exitCode.map { "exit \($0)" } ?? "killed"))"
                                    + (why.isEmpty ? "" : ": \(why)")))
        }
    }
}

/// A one-line error for the terminal.
public struct BenchError: Error, CustomStringConvertible, Sendable {
    /// The line to print.
    public var message: String
    /// An error with `message`.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// Small statistics for timings.
public enum BenchStatistics {
    /// The median (the mean of the two middle values for an even count; 0 for no values).
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
