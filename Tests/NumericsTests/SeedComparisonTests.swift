import Numerics
import Testing

@Suite("SeedComparison: claims decided over seeds")
struct SeedComparisonTests {
    @Test("a difference larger than two standard errors holds; one inside the spread does not")
    func spreadDecides() {
        let clear = SeedComparison(greater: [0.98, 1, 0.97, 0.99], than: [0.1, 0.2, 0.15, 0.05])
        #expect(clear.holds, "\(clear.description)")
        // λ = 0 of lesson 7 on three seeds: 0.58, 1.0, 0.0 — the spread hides a 0.4 difference.
        let noisy = SeedComparison(greater: [0.98, 0.98, 1.0], than: [0.58, 1.0, 0.0], margin: 0.1)
        #expect(!noisy.holds, "\(noisy.description)")
        #expect(abs(noisy.difference - (0.98666 - 0.52666)) < 1e-4)
    }

    @Test("the margin and the number of standard errors are honoured")
    func marginCounts() {
        let values = [1.0, 1.2, 0.8, 1.0]   // mean 1, sd 0.163, SE 0.0816
        #expect(SeedComparison(greater: values, than: 0.8).holds)          // 0.2 > 0.163
        #expect(!SeedComparison(greater: values, than: 0.9).holds)         // 0.1 < 0.163
        #expect(SeedComparison(greater: values, than: 0.9, standardErrors: 1).holds)
        #expect(!SeedComparison(greater: values, than: 0.7, margin: 0.2).holds)
        #expect(SeedComparison.less(values, than: 1.2).holds)
        #expect(!SeedComparison.less(values, than: 1.1).holds)
    }

    @Test("identical seeds decide by the difference alone; empty or non-finite values never hold")
    func edgeCases() {
        #expect(SeedComparison(greater: [1, 1, 1], than: [0, 0, 0]).holds)
        #expect(!SeedComparison(greater: [0, 0], than: [0, 0]).holds)
        #expect(!SeedComparison(greater: [], than: 0).holds)
        #expect(!SeedComparison(greater: [1, .nan], than: 0).holds)
        #expect(SeedComparison.standardError([5]) == 0)
    }

    @Test("a mean that rounds to zero from below reads 0, not -0")
    func negativeZero() {
        let description = SeedComparison.less([-0.0, -1e-17, 0], than: 0.2).description
        #expect(!description.contains("-0"), "\(description)")
        #expect(description.contains("0 ± 0"), "\(description)")
    }
}
