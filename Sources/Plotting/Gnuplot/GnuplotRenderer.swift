import CGnuplot

/// Writes a gnuplot script and data files for a ``Figure`` and runs gnuplot.
struct GnuplotRenderer {
    let figure: Figure

    func render(to path: String, formats: [ImageFormat], pngScale: Double) throws -> [String] {
        throw PlottingError.unsupportedFormat("gnuplot renderer not implemented yet")
    }
}
