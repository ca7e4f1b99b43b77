import Numerics
import Testing

@Suite("Subnormals: no subnormal result on any thread the kit computes on (x86-64)")
struct SubnormalTests {
    /// The smallest normal float times `factor`, computed at run time.
    static func scaledSmallestNormal(_ factor: Float) -> Float { Float.leastNormalMagnitude * factor }

    #if arch(x86_64)
    @Test("parallelMap's jobs run with subnormal results flushed, on one thread or several")
    func jobsFlushSubnormals() throws {
        for threads in [1, 2] {
            let flags = try parallelMap(4, threads: threads) { _ in Subnormals.areFlushedToZero }
            #expect(flags == [true, true, true, true], "\(threads) thread(s): a job ran with subnormal results kept")
        }
    }

    @Test("a result below the smallest normal float is zero; a subnormal input keeps its value")
    func arithmeticFlushesResultsOnly() throws {
        let results = try parallelMap(1) { _ -> [Double] in
            let half = Self.scaledSmallestNormal(0.5)
            let input = Double(bitPattern: 8_096)   // 4e-320, a subnormal as stored
            return [Double(half), Double(Self.scaledSmallestNormal(1)), input > 0 ? 1 : 0, 1 / (1 + 0 / input)]
        }[0]
        #expect(results[0] == 0, "half the smallest normal float should flush to 0, got \(results[0])")
        #expect(results[1] == Double(Float.leastNormalMagnitude), "the smallest normal float must stay itself")
        #expect(results[2] == 1 && results[3] == 1, "a subnormal input must keep its value (no DAZ): got \(results)")
    }
    #endif
}
