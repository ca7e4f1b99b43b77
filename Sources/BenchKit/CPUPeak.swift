import Foundation

/// The core's estimated single-precision peak, from `/proc/cpuinfo`: clock × FLOP per cycle.
///
/// FLOP per cycle assumes two fused multiply-add units of the widest vector the flags name:
/// AVX-512 → 2 × 16 lanes × 2 = 64, AVX2 with FMA → 32, AVX → 16, else SSE → 8. It is an
/// estimate: some CPUs have one FMA unit or split 512-bit operations in two, and the clock that
/// /proc/cpuinfo reports is a moment's (turbo and AVX-512 down-clocking move it).
public struct CPUPeak: Equatable, Sendable {
    /// The first "model name", e.g. "Intel(R) Xeon(R) Platinum 8488C".
    public var model: String
    /// The first "cpu MHz".
    public var megahertz: Double
    /// The widest vector extension found: "AVX-512", "AVX2+FMA", "AVX" or "SSE".
    public var vectorExtension: String
    /// Single-precision FLOP per cycle per core under the assumption above.
    public var flopsPerCycle: Int

    /// The estimated peak of one core, in GFLOPS.
    public var gigaflops: Double { megahertz / 1000 * Double(flopsPerCycle) }

    /// One line: "estimated peak of one core: 2.60 GHz × 64 FLOP/cycle (AVX-512, 2 FMA units assumed) = 166 GFLOPS".
    public var summary: String {
        String(format: "estimated single-precision peak of one core: %.2f GHz × %d FLOP/cycle (%@, 2 FMA units assumed) "
               + "= %.0f GFLOPS (an estimate)", megahertz / 1000, flopsPerCycle, vectorExtension, gigaflops)
    }

    /// Reads the text of `/proc/cpuinfo`; `nil` when it names no clock.
    public static func parse(cpuinfo: String) -> CPUPeak? {
        var model = "unknown CPU", megahertz: Double?, flags: Set<Substring> = []
        for line in cpuinfo.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "model name" where model == "unknown CPU": model = value
            case "cpu MHz" where megahertz == nil: megahertz = Double(value)
            case "flags" where flags.isEmpty: flags = Set(value.split(separator: " "))
            default: break
            }
        }
        guard let megahertz, megahertz > 0 else { return nil }
        let (name, perCycle): (String, Int) =
            flags.contains("avx512f") ? ("AVX-512", 64)
            : flags.contains("avx2") && flags.contains("fma") ? ("AVX2+FMA", 32)
            : flags.contains("avx") ? ("AVX", 16) : ("SSE", 8)
        return CPUPeak(model: model, megahertz: megahertz, vectorExtension: name, flopsPerCycle: perCycle)
    }

    /// This machine's estimate, or `nil` where there is no `/proc/cpuinfo` or it names no clock.
    public static var current: CPUPeak? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        return parse(cpuinfo: text)
    }
}
