import Foundation
import Plotting
import Testing

@Suite struct TickTests {
    /// The step between consecutive ticks is 1, 2, 2.5 or 5 × 10ᵏ.
    @Test(arguments: [[0.0, 1.0], [-3.7, 12.2], [0.1, 0.7], [1e-4, 3e-3], [0, 100_000], [-1250, -180], [2.5, 2.6],
                      [0, 2 * Double.pi], [-8, 8], [1e6, 9e6]] as [[Double]])
    func linearStepsAreNice(range: [Double]) {
        let lower = range[0], upper = range[1]
        let ticks = TickLocator.linear(lower: lower, upper: upper, maxCount: 7)
        #expect(ticks.count >= 2 && ticks.count <= 7, "\(ticks.count) ticks for \(lower)…\(upper)")
        #expect(ticks.allSatisfy { $0.value >= lower - 1e-12 && $0.value <= upper + 1e-12 })
        let step = ticks[1].value - ticks[0].value
        let exponent = floor(log10(step))
        let mantissa = step / pow(10, exponent)
        #expect([1, 2, 2.5, 5, 10].contains { abs($0 - mantissa) < 1e-9 }, "step \(step)")
    }

    /// Tick values are the exact decimals their labels show: no 0.30000000000000004.
    @Test func noFloatingPointJunk() {
        let ticks = TickLocator.linear(lower: 0.1, upper: 0.7, maxCount: 7)
        #expect(ticks.map(\.label) == ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"])
        #expect(ticks[2].value == 0.3)
        for (lower, upper) in [(0.0, 0.9), (-0.35, 0.35), (1e-3, 9e-3), (0.0, 1.2e-5)] {
            for tick in TickLocator.linear(lower: lower, upper: upper) {
                #expect(!tick.label.contains("0000"), "label \(tick.label)")
                #expect(!tick.label.contains("9999"), "label \(tick.label)")
                #expect(tick.label.count <= 12, "label \(tick.label)")
            }
        }
    }

    /// Labels share one number of decimals, use a true minus sign, and never read "-0".
    @Test func labelFormatting() {
        let ticks = TickLocator.linear(lower: -1, upper: 1, maxCount: 5)
        #expect(ticks.map(\.label) == ["−1.0", "−0.5", "0.0", "0.5", "1.0"])
        let quarter = TickLocator.linear(lower: 0, upper: 1, maxCount: 5)
        #expect(quarter.map(\.label) == ["0.00", "0.25", "0.50", "0.75", "1.00"])
        let big = TickLocator.linear(lower: 0, upper: 100_000, maxCount: 5)
        #expect(big.map(\.label) == ["0", "25\u{2009}000", "50\u{2009}000", "75\u{2009}000", "100\u{2009}000"])
        let huge = TickLocator.linear(lower: 0, upper: 4e6, maxCount: 5)
        #expect(huge.last?.label == "4×10^{6}")
    }

    /// Log axes: labelled decades with 2…9 minor ticks; many decades are thinned.
    @Test func logTicks() {
        let major = TickLocator.logMajor(lower: 1, upper: 1e4)
        #expect(major.map(\.value) == [1, 10, 100, 1000, 10000])
        #expect(major.map(\.label) == ["10^{0}", "10^{1}", "10^{2}", "10^{3}", "10^{4}"])
        #expect(TickLocator.logMajor(lower: 1e-3, upper: 1).first?.label == "10^{−3}")
        let minor = TickLocator.logMinor(lower: 1, upper: 100)
        #expect(minor.count == 16)
        #expect(minor.contains(20) && minor.contains(9) && !minor.contains(10))
        let wide = TickLocator.logMajor(lower: 1e-10, upper: 1e10, maxCount: 7)
        #expect(wide.count <= 7 && wide.count >= 3)
        // Under two decades: 1-2-5 ticks with plain labels.
        let narrow = TickLocator.logMajor(lower: 3, upper: 60)
        #expect(narrow.map(\.value) == [5, 10, 20, 50])
        #expect(narrow.map(\.label) == ["5", "10", "20", "50"])
    }

    /// Explicit tick positions get the fewest decimals that write them exactly.
    @Test func explicitTickLabels() {
        #expect(TickLocator.labels(for: [0, 0.5, 1]).map(\.label) == ["0.0", "0.5", "1.0"])
        #expect(TickLocator.labels(for: [1, 10, 100]).map(\.label) == ["1", "10", "100"])
    }
}
