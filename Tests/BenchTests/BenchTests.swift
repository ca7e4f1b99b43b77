import BenchKit
import Foundation
import Numerics
import Testing

/// The bench's parsing and arithmetic on canned inputs (no test here measures or asserts time).
@Suite("bench: PyTorch output, ratios, CPU peak, kernel lists")
struct BenchTests {
    /// What scripts/bench-pytorch.py prints, kept as written by one run.
    static let cannedPyTorch = """
        {"torch": "2.15.0+cpu", "threads": 1, "python": "3.11.7", "steps": [\
        {"network": "3-64-64-1", "batch": 64, "microseconds": 500.0}, \
        {"network": "3-256-256-1", "batch": 256, "microseconds": 1500.0}, \
        {"network": "4-400-400-1", "batch": 100, "microseconds": 1600.5}], \
        "gemm": [{"n": 256, "microseconds": 250.0, "gflops": 134.2177}]}

        """

    static let kit = KitMeasurement(kernel: "Haswell", choice: "the kit's reproducible default", threads: 1, steps: [
        .init(network: "3-64-64-1", batch: 64, microseconds: 50, gemmMicroseconds: 20),
        .init(network: "3-256-256-1", batch: 256, microseconds: 1000, gemmMicroseconds: 800),
        .init(network: "17-256-256-6", batch: 256, microseconds: 1000, gemmMicroseconds: 900),
    ], gemm: [.init(n: 256, microseconds: 400)])

    @Test("the script's JSON is read: version, threads, each network's time, GEMM")
    func parsesScriptOutput() throws {
        let measured = try PyTorchMeasurement.parse(Data(Self.cannedPyTorch.utf8))
        #expect(measured.torch == "2.15.0+cpu")
        #expect(measured.threads == 1)
        #expect(measured.python == "3.11.7")
        #expect(measured.steps.count == 3)
        #expect(measured.microseconds(network: "4-400-400-1", batch: 100) == 1600.5)
        #expect(measured.microseconds(network: "4-400-400-1", batch: 64) == nil)
        #expect(measured.gemm == [.init(n: 256, microseconds: 250, gflops: 134.2177)])
    }

    @Test("unreadable output gives one line naming the problem", arguments: [
        ("", "printed nothing"),
        ("Traceback (most recent call last):", "not JSON"),
        (#"{"threads": 1, "steps": [], "gemm": []}"#, "no key \"torch\""),
        (#"{"torch": "2", "threads": "one", "steps": [], "gemm": []}"#, "wrong type at threads"),
    ])
    func rejectsBadOutput(text: String, words: String) {
        #expect {
            _ = try PyTorchMeasurement.parse(Data(text.utf8))
        } throws: { error in
            let message = "\(error)"
            return message.contains(words) && !message.contains("\n")
        }
    }

    @Test("a zero or negative time is refused")
    func rejectsZeroTime() {
        let text = #"{"torch": "2", "threads": 1, "steps": [{"network": "3-1", "batch": 1, "microseconds": 0}], "gemm": []}"#
        #expect(throws: BenchError.self) { _ = try PyTorchMeasurement.parse(Data(text.utf8)) }
    }

    @Test("ratio = PyTorch µs / kit µs, overhead = (step − GEMM) / step, matched by network and batch")
    func ratioArithmetic() throws {
        let pytorch = try PyTorchMeasurement.parse(Data(Self.cannedPyTorch.utf8))
        let rows = BenchReport.stepRows(kit: Self.kit, pytorch: pytorch)
        #expect(rows.map(\.speedUp) == [10, 1.5, nil])
        #expect(rows.map(\.overhead) == [0.6, 0.2, 0.1])
        #expect(rows[1].overheadOverGEMM == 0.25)
        #expect(BenchReport.stepRows(kit: Self.kit, pytorch: nil).allSatisfy { $0.speedUp == nil })
    }

    @Test("the table prints both times and the ratio, and a dash where PyTorch has no figure")
    func tableText() throws {
        let pytorch = try PyTorchMeasurement.parse(Data(Self.cannedPyTorch.utf8))
        let lines = BenchReport.stepTable(kit: Self.kit, spec: .kitDefault, pytorch: pytorch)
        #expect(lines[0].hasPrefix("Kernel Haswell (default:"))
        let row256 = try #require(lines.first { $0.hasPrefix("3-256-256-1") })
        let cells = row256.split(separator: " ").map(String.init)
        #expect(cells == ["3-256-256-1", "256", "1000", "1500", "1.50×", "800", "20%", "25%"])
        let row17 = try #require(lines.first { $0.hasPrefix("17-256-256-6") })
        #expect(row17.split(separator: " ").map(String.init)[3...4] == ["—", "—"])
        let gemm = BenchReport.gemmTable(kits: [(.kitDefault, Self.kit)], pytorch: pytorch, peak: nil)
        // 2·256³ flops in 400 µs = 83.9 GFLOPS; PyTorch's 134.2 as printed by the script.
        #expect(gemm.last?.split(separator: " ").map(String.init) == ["256", "83.9", "134.2", "—", "100%"])
    }

    @Test("medians over rounds, entry by entry")
    func medians() throws {
        let one = try PyTorchMeasurement.parse(Data(Self.cannedPyTorch.utf8))
        var two = one, three = one
        two.steps[0].microseconds = 700
        three.steps[0].microseconds = 100
        #expect(PyTorchMeasurement.median(of: [one, two, three])?.steps[0].microseconds == 500)
        #expect(BenchStatistics.median([4, 1, 3, 2]) == 2.5)
        #expect(PyTorchMeasurement.median(of: []) == nil)
    }

    @Test("the peak estimate: MHz × 64 with AVX-512, × 32 with AVX2 and FMA")
    func peakFromCPUInfo() throws {
        let avx512 = """
            processor\t: 0
            model name\t: Intel(R) Xeon(R) Platinum 8488C
            cpu MHz\t\t: 2300.000
            flags\t\t: fpu sse2 avx avx2 fma avx512f avx512bw

            processor\t: 1
            model name\t: other
            """
        let peak = try #require(CPUPeak.parse(cpuinfo: avx512))
        #expect(peak.model == "Intel(R) Xeon(R) Platinum 8488C")
        #expect(peak.flopsPerCycle == 64)
        #expect(abs(peak.gigaflops - 147.2) < 1e-9)
        #expect(peak.summary.contains("estimate"))
        let avx2 = try #require(CPUPeak.parse(cpuinfo: "cpu MHz : 3000\nflags : sse avx avx2 fma\n"))
        #expect(avx2.flopsPerCycle == 32 && avx2.gigaflops == 96)
        #expect(CPUPeak.parse(cpuinfo: "flags : avx2\n") == nil)
    }

    @Test("kernel lists: default, fastest and OpenBLAS names; bad lists are refused")
    func kernelLists() throws {
        #expect(try KernelSpec.parseList("default,fastest") == [.kitDefault, .fastest])
        #expect(try KernelSpec.parseList("default,default-openblas,fastest") == [.kitDefault, .kitDefaultThroughOpenBLAS, .fastest])
        #expect(KernelSpec.kitDefaultThroughOpenBLAS.environment == ["KIT_GEMM": "openblas"])
        var ownGEMM = Self.kit
        ownGEMM.usesKitGEMM = true
        #expect(ownGEMM.label == "Haswell (kit GEMM)" && Self.kit.label == "Haswell", "tables tell the kit's GEMM apart")
        #expect(try KernelSpec.parseList("Haswell, SkylakeX,Haswell") == [.named("Haswell"), .named("SkylakeX")])
        #expect(KernelSpec.named("SkylakeX").environment == ["OPENBLAS_CORETYPE": "SkylakeX"])
        #expect(KernelSpec.fastest.environment["OPENBLAS_CORETYPE"] == .some(nil))
        for bad in ["", "Haswell,", "Sky lake", "x;rm"] {
            #expect(throws: BenchError.self, "\(bad)") { _ = try KernelSpec.parseList(bad) }
        }
        #expect(KernelSpec.named("SkylakeX").mismatch(ran: "Prescott") != nil)
        #expect(KernelSpec.named("haswell").mismatch(ran: "Haswell") == nil)
    }

    @Test("a child that outlives its time limit is stopped, and its output is kept")
    func childTimeLimit() throws {
        let outcome = try ChildProcess.run("/bin/sh", ["-c", "echo started; sleep 30"], timeLimit: 0.5)
        #expect(outcome.timedOut)
        #expect(outcome.exitCode == nil)
        #expect(String(decoding: outcome.standardOutput, as: UTF8.self) == "started\n")
        let quick = try ChildProcess.run("/bin/sh", ["-c", "echo oops >&2; exit 3"], timeLimit: 10)
        #expect(quick.exitCode == 3 && quick.lastErrorLine == "oops" && !quick.timedOut)
    }
}

/// The PyTorch runner on stand-in scripts: each failure is one line, never a crash or a hang.
@Suite("bench: the PyTorch runner's failures")
struct PyTorchRunnerTests {
    static func reference(_ shell: String, timeLimit: Double = 20) throws -> PyTorchReference {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("bench-pytorch-standin-\(UUID().uuidString).sh").path
        try shell.write(toFile: path, atomically: true, encoding: .utf8)
        return PyTorchReference(python: "/bin/sh", script: path, timeLimit: timeLimit)
    }

    static func measure(_ reference: PyTorchReference) -> Result<PyTorchMeasurement, PyTorchUnavailable> {
        defer { try? FileManager.default.removeItem(atPath: reference.script) }
        return reference.measure(networks: [(sizes: [3, 64, 64, 1], batch: 64)], gemm: [], threads: 1, timeBudget: 0.1)
    }

    @Test("canned output is read")
    func success() throws {
        let script = "cat <<'JSON'\n\(BenchTests.cannedPyTorch)JSON\n"
        let result = Self.measure(try Self.reference(script))
        #expect(try result.get().microseconds(network: "3-64-64-1", batch: 64) == 500)
    }

    @Test("exit 3 means PyTorch is missing; its last stderr line is the reason")
    func missingTorch() throws {
        let result = Self.measure(try Self.reference("echo 'No module named torch' >&2; exit 3"))
        #expect(throws: PyTorchUnavailable.notInstalled("No module named torch")) { try result.get() }
    }

    @Test("a failing script, garbage output and a hang each give one line", arguments: [
        ("echo 'Traceback' >&2; echo 'RuntimeError: boom' >&2; exit 1", "failed (exit 1): RuntimeError: boom"),
        ("echo hello", "not the expected JSON"),
        ("sleep 30", "stopped after"),
    ])
    func failures(script: String, words: String) throws {
        let result = Self.measure(try Self.reference(script, timeLimit: 1))
        guard case .failure(.failed(let message)) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(message.contains(words) && !message.contains("\n"), "\(message)")
    }

    @Test("a missing interpreter is reported, not thrown")
    func missingPython() {
        let reference = PyTorchReference(python: "no-such-python-\(UUID().uuidString)", script: "x.py")
        guard case .failure(.notInstalled(let why)) = reference.check() else {
            Issue.record("expected notInstalled")
            return
        }
        #expect(why.contains("no-such-python") && why.contains("no such executable"))
    }
}

/// The convolution case's arithmetic on a canned measurement (no timing asserted).
@Suite("bench: the convolution case")
struct ConvolutionBenchTests {
    @Test("FLOPs and GFLOPS of lesson 9's first convolution")
    func flops() {
        let g = ConvolutionBench.standardGeometry
        #expect(g.output.count == 24 * 24 * 16)
        let bench = ConvolutionBench(batch: 32, geometry: g, forwardMicroseconds: 1000, backwardMicroseconds: 4000)
        // 32 images · 576 output pixels · 75 patch entries · 16 filters · 2 flops.
        let flops: Double = 2 * 32 * 576 * 75 * 16
        #expect(bench.forwardFlops == flops)
        let gflops: Double = flops / 1e-3 / 1e9
        #expect(abs(bench.forwardGFLOPS - gflops) < 1e-9)
        #expect(abs(bench.backwardGFLOPS - bench.forwardGFLOPS / 2) < 1e-9)
        #expect(bench.summary.contains("forward 1000 µs"))
    }

    @Test("a quick measurement gives positive times")
    func measures() {
        let g = ConvolutionGeometry(input: ImageShape(height: 8, width: 8, channels: 2), outputChannels: 3, kernel: 3)
        let bench = ConvolutionBench.measure(batch: 2, geometry: g, timeBudget: 0.01)
        #expect(bench.forwardMicroseconds > 0 && bench.backwardMicroseconds > 0)
    }
}
