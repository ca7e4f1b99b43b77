import Plotting

/// A colour as hue (0…1, a full turn), saturation (0…1) and value (0…1): the coordinates in which
/// ``PushingStyleSampler`` draws its colours.
public struct HSVColor: Sendable, Hashable {
    /// Hue in 0…1 (0 red, 1/3 green, 2/3 blue).
    public var hue: Double
    /// Saturation in 0…1 (0 grey).
    public var saturation: Double
    /// Value (brightness) in 0…1 (0 black).
    public var value: Double

    /// A colour from its hue, saturation and value.
    public init(hue: Double, saturation: Double, value: Double) {
        self.hue = hue
        self.saturation = saturation
        self.value = value
    }

    /// The colour of `rgb` (alpha ignored).
    public init(_ rgb: Color) {
        let r = rgb.red, g = rgb.green, b = rgb.blue
        let high = max(r, g, b), low = min(r, g, b), spread = high - low
        value = high
        saturation = high > 0 ? spread / high : 0
        guard spread > 0 else { hue = 0; return }
        var h: Double
        if high == r { h = (g - b) / spread } else if high == g { h = 2 + (b - r) / spread } else { h = 4 + (r - g) / spread }
        h /= 6
        hue = h < 0 ? h + 1 : h
    }

    /// The same colour in red, green, blue (opaque).
    public var rgb: Color {
        let h = (hue - hue.rounded(.down)) * 6
        let sector = Int(h) % 6, f = h - h.rounded(.down)
        let p = value * (1 - saturation), q = value * (1 - saturation * f), t = value * (1 - saturation * (1 - f))
        let (r, g, b): (Double, Double, Double)
        switch sector {
        case 0: (r, g, b) = (value, t, p)
        case 1: (r, g, b) = (q, value, p)
        case 2: (r, g, b) = (p, value, t)
        case 3: (r, g, b) = (p, q, value)
        case 4: (r, g, b) = (t, p, value)
        default: (r, g, b) = (value, p, q)
        }
        return Color(red: r, green: g, blue: b)
    }
}
