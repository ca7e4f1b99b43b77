import Foundation

/// How the kit decides a claim about training runs: from one number per seed, never from one run.
///
/// A reinforcement-learning run takes another path on another CPU kernel or with an answer that
/// sums in another order, so a claim such as "A learns faster than B" is decided from per-seed
/// values: the difference of the means must exceed the claim's margin by at least `k` standard
/// errors of that difference (k = 2 by default):
///
///     mean(a) − mean(b) − margin  >  k · √(SE(a)² + SE(b)²),   SE(x) = sd(x) / √n   (sd with n − 1)
///
/// The lessons use it to write their conclusions and the claim tests use it to assert them, so the
/// text a student reads agrees with the test that checks it.
///
/// ```swift
/// let verdict = SeedComparison(greater: [0.98, 1, 0.97], than: [0.6, 1, 0], margin: 0.1)
/// verdict.holds   // false: λ = 0's seeds spread too widely to call the difference
/// ```
public struct SeedComparison: Sendable, Equatable {
    /// The per-seed values of the side claimed greater, and of the other side (empty for a constant).
    public let greater: [Double]
    public let smaller: [Double]
    /// The constant compared with, when `smaller` is empty.
    public let constant: Double
    /// The difference the claim asks for beyond the spread (0: "greater than").
    public let margin: Double
    /// How many standard errors the difference must clear.
    public let standardErrors: Double
    /// Whether the claim is "below" (built by ``less(_:than:margin:standardErrors:)``, on negated values).
    public private(set) var claimsBelow = false

    /// Claims `mean(greater) > mean(smaller) + margin` beyond `standardErrors` standard errors.
    public init(greater: [Double], than smaller: [Double], margin: Double = 0, standardErrors: Double = 2) {
        self.greater = greater
        self.smaller = smaller
        self.constant = .nan
        self.margin = margin
        self.standardErrors = standardErrors
    }

    /// Claims `mean(greater) > constant + margin` beyond `standardErrors` standard errors of the mean.
    public init(greater: [Double], than constant: Double, margin: Double = 0, standardErrors: Double = 2) {
        self.greater = greater
        self.smaller = []
        self.constant = constant
        self.margin = margin
        self.standardErrors = standardErrors
    }

    /// Claims `mean(smaller) < constant − margin` beyond the spread (the mirror of `greater:than:`).
    public static func less(_ values: [Double], than constant: Double, margin: Double = 0,
                            standardErrors: Double = 2) -> SeedComparison {
        var comparison = SeedComparison(greater: values.map { -$0 }, than: -constant, margin: margin,
                                        standardErrors: standardErrors)
        comparison.claimsBelow = true
        return comparison
    }

    /// `mean(greater) − mean(smaller)` (or `− constant`).
    public var difference: Double { Self.mean(greater) - (smaller.isEmpty ? constant : Self.mean(smaller)) }

    /// The standard error of that difference.
    public var standardError: Double {
        let a = Self.standardError(greater), b = smaller.isEmpty ? 0 : Self.standardError(smaller)
        return (a * a + b * b).squareRoot()
    }

    /// How far the difference clears what the claim needs (`difference − margin − k·SE`): positive
    /// when the claim holds, and the smaller it is, the closer the call.
    public var slack: Double { difference - margin - standardErrors * standardError }

    /// Whether the claim holds: the difference exceeds the margin by `standardErrors` standard errors.
    /// False when a side has no values or a value is not finite.
    public var holds: Bool {
        guard !greater.isEmpty, greater.allSatisfy(\.isFinite), smaller.allSatisfy(\.isFinite) else { return false }
        return slack > 0
    }

    /// "0.97 ± 0.01 vs 0.53 ± 0.29 (n = 3, 3): difference 0.44, needs 0.1 + 2 × 0.29"; a "below" claim
    /// reads "0.05 ± 0.02 below 0.2 (…)".
    public var description: String {
        let sign = claimsBelow ? -1.0 : 1.0
        func side(_ values: [Double]) -> String {
            formatted(sign * Self.mean(values)) + " ± " + formatted(Self.standardError(values))
        }
        let other = (claimsBelow ? "below " : "vs ") + (smaller.isEmpty ? formatted(sign * constant) : side(smaller))
        let counts = smaller.isEmpty ? "n = \(greater.count)" : "n = \(greater.count), \(smaller.count)"
        return "\(side(greater)) \(other) (mean ± standard error, \(counts)): difference \(formatted(difference)), "
            + "needs \(formatted(margin)) + \(formatted(standardErrors)) × \(formatted(standardError))"
    }

    /// The mean of `values` (NaN when empty).
    public static func mean(_ values: [Double]) -> Double {
        Numerics.mean(of: values)
    }

    /// The standard error of the mean of `values`: the sample standard deviation over √n (0 for one value).
    public static func standardError(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        return meanAndStandardDeviation(of: values, kind: .sample).std / Double(values.count).squareRoot()
    }

    private func formatted(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        // A value that rounds to zero from below (e.g. −0 or −1e−17) reads "0", not "-0".
        return text == "-0" ? "0" : text
    }
}
