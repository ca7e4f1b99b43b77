/// A file format a figure can be saved as.
public enum ImageFormat: String, Sendable, Hashable, CaseIterable {
    /// Raster image; its pixel size is the figure's inches × 100 dpi × the PNG scale.
    case png
    /// Scalable vector graphics.
    case svg
    /// Portable document format (vector, fonts embedded).
    case pdf
    /// gnuplot `cairolatex`: a `.tex` file with the text plus a `.pdf` with the graphics (gnuplot backend only).
    case tex

    /// The file extension, without the dot.
    public var fileExtension: String { rawValue }
}

/// Which renderer draws the figure.
public enum Backend: String, Sendable, Hashable, CaseIterable {
    /// Cairo and Pango, in-process: PNG, SVG, PDF.
    case cairo
    /// gnuplot: writes a `.gp` script and data files beside the figure, then runs gnuplot
    /// (`pngcairo`, `svg`, `pdfcairo`, `cairolatex`).
    case gnuplot
}
