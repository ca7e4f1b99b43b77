import Foundation
import Testing

/// The kit chooses OpenBLAS's kernel itself, so that a seed gives the same numbers on every CPU with
/// AVX2 and FMA (see `Sources/CBLAS/KitBLAS.c`).
@Suite("The BLAS kernel a lesson runs on")
struct BLASKernelTests {
    /// Whether this CPU has AVX2 and FMA (the condition of the kit's reproducible default).
    static var cpuHasAVX2AndFMA: Bool {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return false }
        let set = Set(flags.split(separator: " ").map(String.init))
        return set.contains("avx2") && set.contains("fma")
    }

    /// The environment of a run that leaves the choice to the kit, whatever the tests were started with.
    static let kitDefault: [String: String?] = ["OPENBLAS_CORETYPE": nil, "KIT_BLAS_KERNEL": nil]

    @Test("by default a lesson gives the same results.json bytes as with OPENBLAS_CORETYPE=Haswell",
          .enabled(if: cpuHasAVX2AndFMA, "the reproducible default applies to CPUs with AVX2 and FMA"))
    func defaultIsHaswell() throws {
        let byDefault = try LessonRun.run("01-behavior-cloning", seed: 3, environment: Self.kitDefault, timeLimit: 300)
        let haswell = try LessonRun.run("01-behavior-cloning", seed: 3,
                                        environment: ["OPENBLAS_CORETYPE": "Haswell", "KIT_BLAS_KERNEL": nil], timeLimit: 300)
        #expect(try byDefault.timing()["blasKernel"] as? String == "Haswell")
        #expect(byDefault.output.contains("BLAS: OpenBLAS kernel Haswell"), "the lesson header names the kernel")
        let a = try Data(contentsOf: byDefault.directory.appendingPathComponent("results.json"))
        let b = try Data(contentsOf: haswell.directory.appendingPathComponent("results.json"))
        #expect(a == b, "the default kernel's results differ from the Haswell kernel's")
    }

    @Test("a user's OPENBLAS_CORETYPE wins, and timing.json says so")
    func userChoiceWins() throws {
        let run = try LessonRun.run("01-behavior-cloning", seed: 3, arguments: ["--cell", "1"],
                                    environment: ["OPENBLAS_CORETYPE": "Sandybridge"], timeLimit: 300)
        let timing = try run.timing()
        #expect(timing["blasKernel"] as? String == "Sandybridge")
        #expect((timing["blasKernelChoice"] as? String)?.contains("OPENBLAS_CORETYPE=Sandybridge") == true)
    }
}
