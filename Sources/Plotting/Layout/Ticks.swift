import Foundation

/// One axis tick: its data value and its label (label markup, e.g. `10^{-2}`).
public struct Tick: Sendable, Hashable {
    /// The data value.
    public var value: Double
    /// The label, in label markup; empty for an unlabelled tick.
    public var label: String

    /// A tick at `value` labelled `label`.
    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}

/// "Nice" tick positions and labels: steps of 1, 2, 2.5 or 5 × 10ᵏ on linear axes, decades on log axes.
public enum TickLocator {
    /// The mantissas of nice steps, in tenths (1, 2, 2.5, 5) so that every step is an integer × 10ᵉ.
    private static let mantissas: [(value: Int, exponentShift: Int)] = [(1, 0), (2, 0), (25, -1), (5, 0)]

    /// Ticks on a linear axis over `lower...upper`: the smallest nice step giving at most
    /// `maxCount` ticks inside the range (and at least 2 when possible).
    ///
    /// Values are exact decimals (`0.3`, never `0.30000000000000004`) and labels share one number
    /// of decimals; very large or small magnitudes are written `m×10^{k}`.
    public static func linear(lower: Double, upper: Double, maxCount: Int = 7) -> [Tick] {
        guard lower.isFinite, upper.isFinite, upper > lower else { return [] }
        let maxCount = max(maxCount, 2)
        let span = upper - lower
        var exponent = Int((log10(span / Double(maxCount))).rounded(.down)) - 1
        // Try steps in increasing size until the count fits.
        for _ in 0..<40 {
            for (mantissa, shift) in mantissas {
                let stepInteger = mantissa
                let stepExponent = exponent + shift
                let step = decimal(stepInteger, stepExponent)
                let first = (lower / step - 1e-9).rounded(.up)
                let last = (upper / step + 1e-9).rounded(.down)
                guard last - first < 1e6 else { continue }
                let count = Int(last - first) + 1
                if count <= maxCount {
                    let indices = (Int(first)...Int(last))
                    let values = indices.map { decimal($0 * stepInteger, stepExponent) }
                    return label(values: values, stepInteger: stepInteger, stepExponent: stepExponent)
                }
            }
            exponent += 1
        }
        return []
    }

    /// Major ticks on a log axis: every decade (or every n-th when there are many), labelled `10^{k}`;
    /// when the range holds fewer than two decades, 2× and 5× ticks are added with plain labels.
    public static func logMajor(lower: Double, upper: Double, maxCount: Int = 7) -> [Tick] {
        guard lower > 0, upper > lower, lower.isFinite, upper.isFinite else { return [] }
        let low = Int((log10(lower) - 1e-9).rounded(.up)), high = Int((log10(upper) + 1e-9).rounded(.down))
        let decades = high >= low ? high - low + 1 : 0
        if decades >= 2 {
            let every = max(1, Int((Double(decades) / Double(max(maxCount, 2))).rounded(.up)))
            return stride(from: low, through: high, by: 1).filter { ($0 - low) % every == 0 }
                .map { Tick(value: decimal(1, $0), label: powerLabel($0)) }
        }
        // Under two decades: 1, 2, 5 × 10ᵏ, then fall back to linear ticks if still too few.
        var ticks: [Tick] = []
        for k in (low - 1)...(high + 1) {
            for m in [1, 2, 5] {
                let v = decimal(m, k)
                if v >= lower * (1 - 1e-9) && v <= upper * (1 + 1e-9) {
                    ticks.append(Tick(value: v, label: plainLabel(m, k)))
                }
            }
        }
        if ticks.count >= 3 { return ticks }
        return linear(lower: lower, upper: upper, maxCount: min(maxCount, 5))
    }

    /// Minor ticks on a log axis: 2…9 × 10ᵏ inside the range (none when the axis spans more than 8 decades).
    public static func logMinor(lower: Double, upper: Double) -> [Double] {
        guard lower > 0, upper > lower, lower.isFinite, upper.isFinite else { return [] }
        let low = Int(log10(lower).rounded(.down)), high = Int(log10(upper).rounded(.up))
        guard high - low <= 8 else { return [] }
        var values: [Double] = []
        for k in low...high {
            for m in 2...9 {
                let v = decimal(m, k)
                if v >= lower && v <= upper { values.append(v) }
            }
        }
        return values
    }

    /// `integer × 10^exponent`, the double nearest the exact decimal.
    static func decimal(_ integer: Int, _ exponent: Int) -> Double {
        exponent >= 0 ? Double(integer) * pow(10, Double(exponent)) : Double(integer) / pow(10, Double(-exponent))
    }

    /// Labels for `values`, all multiples of `stepInteger × 10^stepExponent`.
    private static func label(values: [Double], stepInteger: Int, stepExponent: Int) -> [Tick] {
        let largest = values.map(abs).max() ?? 0
        // Scientific notation outside 1e-3 ≤ |v| < 1e6 (zero aside).
        if largest >= 1e6 || (largest > 0 && largest < 1e-3) {
            let power = Int(log10(largest).rounded(.down))
            let digits = decimals(stepInteger, stepExponent - power)
            return values.map { v in
                if v == 0 { return Tick(value: v, label: "0") }
                let mantissa = v / pow(10, Double(power))
                return Tick(value: v, label: "\(fixed(mantissa, digits))×\(powerLabel(power))")
            }
        }
        let digits = decimals(stepInteger, stepExponent)
        return values.map { Tick(value: $0, label: fixed($0, digits)) }
    }

    /// Decimals needed to write multiples of `integer × 10^exponent`: 0.25 → 2, 0.5 → 1, 20 → 0.
    private static func decimals(_ integer: Int, _ exponent: Int) -> Int {
        var decimals = max(0, -exponent)
        var digits = integer
        while decimals > 0 && digits % 10 == 0 { digits /= 10; decimals -= 1 }
        return decimals
    }

    /// `value` with `decimals` fixed decimals, a true minus sign, no "-0", and thin spaces between
    /// thousands from 10 000 on.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if decimals == 0 && abs(value) >= 10_000 {
            let negative = text.hasPrefix("-")
            let digits = Array(negative ? String(text.dropFirst()) : text)
            var grouped = ""
            for (i, d) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { grouped += "\u{2009}" }
                grouped.append(d)
            }
            text = (negative ? "-" : "") + grouped
        }
        if text.hasPrefix("-") {
            if text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() } else {
                text = "−" + text.dropFirst()
            }
        }
        return text
    }

    /// `10^{k}` in label markup (`1` and `10` for k = 0, 1 read better in a textbook as powers too).
    static func powerLabel(_ k: Int) -> String {
        k < 0 ? "10^{−\(-k)}" : "10^{\(k)}"
    }

    /// `m × 10^k` written plainly (0.02, 500).
    static func plainLabel(_ m: Int, _ k: Int) -> String {
        fixed(decimal(m, k), max(0, -k))
    }
}

extension TickLocator {
    /// Ticks at given positions, labelled with the fewest decimals (up to 6) that write every value exactly.
    public static func labels(for values: [Double]) -> [Tick] {
        let finite = values.filter(\.isFinite)
        var decimals = 0
        while decimals < 6 {
            let scale = pow(10, Double(decimals))
            if finite.allSatisfy({ abs(($0 * scale).rounded() - $0 * scale) < 1e-6 * max(1, abs($0 * scale)) }) { break }
            decimals += 1
        }
        return finite.map { Tick(value: $0, label: fixed($0, decimals)) }
    }
}
