import CCairo

/// Draws a ``Figure`` with Cairo and Pango.
struct CairoRenderer {
    let figure: Figure

    func render(format: ImageFormat, pngScale: Double) throws -> [UInt8] {
        throw PlottingError.unsupportedFormat("Cairo renderer not implemented yet")
    }
}
