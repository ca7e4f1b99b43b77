/// An sRGB colour with opacity, each component in 0...1.
public struct Color: Sendable, Hashable {
    /// Red component in 0...1.
    public var red: Double
    /// Green component in 0...1.
    public var green: Double
    /// Blue component in 0...1.
    public var blue: Double
    /// Opacity in 0...1 (1 is opaque).
    public var alpha: Double

    /// A colour from components in 0...1 (values outside are clamped when drawn).
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// A colour from a 24-bit hex value, e.g. `Color(hex: 0x0072B2)`.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255,
                  green: Double((hex >> 8) & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255,
                  alpha: alpha)
    }

    /// The same colour with another opacity.
    public func withAlpha(_ alpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// `#RRGGBB` (opacity dropped), as gnuplot and SVG spell colours.
    public var hexString: String {
        func byte(_ v: Double) -> Int { Int((min(max(v, 0), 1) * 255).rounded()) }
        let value = (byte(red) << 16) | (byte(green) << 8) | byte(blue)
        let digits = String(value, radix: 16, uppercase: true)
        return "#" + String(repeating: "0", count: 6 - digits.count) + digits
    }

    /// Black.
    public static let black = Color(hex: 0x000000)
    /// White.
    public static let white = Color(hex: 0xFFFFFF)
    /// A mid grey for reference lines and annotations.
    public static let gray = Color(hex: 0x7F7F7F)
    /// A light grey for grids and fills.
    public static let lightGray = Color(hex: 0xD9D9D9)

    // The Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008), yellow darkened for white paper.

    /// Okabe–Ito blue.
    public static let blue = Color(hex: 0x0072B2)
    /// Okabe–Ito orange.
    public static let orange = Color(hex: 0xE69F00)
    /// Okabe–Ito bluish green.
    public static let green = Color(hex: 0x009E73)
    /// Okabe–Ito vermillion.
    public static let vermillion = Color(hex: 0xD55E00)
    /// Okabe–Ito reddish purple.
    public static let purple = Color(hex: 0xCC79A7)
    /// Okabe–Ito sky blue.
    public static let skyBlue = Color(hex: 0x56B4E9)
    /// Okabe–Ito yellow, darkened (0xF0E442 is unreadable as a line on white).
    public static let yellow = Color(hex: 0xC9B400)

    /// The default colour cycle: Okabe–Ito, in an order whose first colours are most distinct.
    public static let palette: [Color] = [.blue, .orange, .green, .vermillion, .purple, .skyBlue, .yellow, .black]
}
