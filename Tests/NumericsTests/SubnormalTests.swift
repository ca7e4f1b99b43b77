import Numerics
import Testing

@Suite("Subnormals: flushed to zero on every thread the kit computes on")
struct SubnormalTests {
    /// Half the smallest normal float, computed at run time (an opaque multiplication, not a constant).
    static func halfOfSmallestNormal(_ factor: Float) -> Float { Float.leastNormalMagnitude * factor }

    @Test("parallelMap's jobs run with subnormals flushed, on one thread or several")
    func jobsFlushSubnormals() throws {
        for threads in [1, 2] {
            let flags = try parallelMap(4, threads: threads) { _ in Subnormals.areFlushedToZero }
            #expect(flags == [true, true, true, true], "\(threads) thread(s): a job ran with subnormals kept")
        }
    }

    @Test("a result below the smallest normal float is zero, and so is a subnormal input")
    func arithmeticFlushes() throws {
        let results = try parallelMap(1) { _ -> [Float] in
            let half = Self.halfOfSmallestNormal(0.5)
            let subnormal = Float(bitPattern: 1)   // the smallest subnormal, as stored
            return [half, subnormal * 1, subnormal + 0, Float.leastNormalMagnitude * 1]
        }[0]
        #expect(results[0] == 0, "half the smallest normal float should flush to 0, got \(results[0])")
        #expect(results[1] == 0 && results[2] == 0, "a subnormal input should read as 0, got \(results[1]), \(results[2])")
        #expect(results[3] == Float.leastNormalMagnitude, "the smallest normal float must stay itself")
    }
}
