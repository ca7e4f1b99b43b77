import Foundation

/// An axis-aligned rectangle in points, origin at the canvas's top-left corner, y growing downwards.
public struct LayoutBox: Sendable, Hashable, CustomStringConvertible {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width (≥ 0).
    public var width: Double
    /// Height (≥ 0).
    public var height: Double

    /// A box from its top-left corner and size.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    /// Left edge.
    public var minX: Double { x }
    /// Right edge.
    public var maxX: Double { x + width }
    /// Top edge.
    public var minY: Double { y }
    /// Bottom edge.
    public var maxY: Double { y + height }
    /// Horizontal centre.
    public var midX: Double { x + width / 2 }
    /// Vertical centre.
    public var midY: Double { y + height / 2 }

    /// Whether `other` lies entirely inside this box (with `tolerance` points of slack).
    public func contains(_ other: LayoutBox, tolerance: Double = 0.01) -> Bool {
        other.minX >= minX - tolerance && other.maxX <= maxX + tolerance
            && other.minY >= minY - tolerance && other.maxY <= maxY + tolerance
    }

    /// Whether the point lies inside the box.
    public func contains(x px: Double, y py: Double) -> Bool {
        px >= minX && px <= maxX && py >= minY && py <= maxY
    }

    /// Whether the two boxes overlap by more than `tolerance` points in both directions.
    public func intersects(_ other: LayoutBox, tolerance: Double = 0.01) -> Bool {
        min(maxX, other.maxX) - max(minX, other.minX) > tolerance
            && min(maxY, other.maxY) - max(minY, other.minY) > tolerance
    }

    /// The box grown by `amount` on every side.
    public func insetBy(_ amount: Double) -> LayoutBox {
        LayoutBox(x: x + amount, y: y + amount, width: max(width - 2 * amount, 0), height: max(height - 2 * amount, 0))
    }

    /// A readable `(x, y, w×h)`.
    public var description: String {
        String(format: "(%.1f, %.1f, %.1f×%.1f)", x, y, width, height)
    }
}

/// Maps data values of one axis to canvas positions.
struct AxisMap: Sendable {
    /// Linear or log.
    var scale: AxisScale
    /// The data value at `start`.
    var lower: Double
    /// The data value at `end`.
    var upper: Double
    /// The canvas coordinate of `lower` (for y: the bottom edge).
    var start: Double
    /// The canvas coordinate of `upper` (for y: the top edge).
    var end: Double

    /// The value in scale space (log10 on log axes), or `nil` when it cannot be shown.
    func transformed(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch scale {
        case .linear: return value
        case .log: return value > 0 ? log10(value) : nil
        }
    }

    /// The canvas coordinate of `value`, or `nil` when it cannot be shown (NaN, ≤ 0 on a log axis).
    func position(_ value: Double) -> Double? {
        guard let t = transformed(value), let a = transformed(lower), let b = transformed(upper), b != a else { return nil }
        return start + (t - a) / (b - a) * (end - start)
    }

    /// The canvas coordinate of `value`, clamped far outside instead of `nil` for infinities.
    func clampedPosition(_ value: Double) -> Double? {
        if value == .infinity { return end + (end - start) * 10 }
        if value == -.infinity { return start - (end - start) * 10 }
        return position(value)
    }
}
