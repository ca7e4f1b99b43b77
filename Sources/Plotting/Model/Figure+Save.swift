import Foundation

extension Figure {
    /// Writes the figure as `path.<ext>` for every format, creating missing directories.
    ///
    /// Each file is written to a temporary file in the same directory and renamed into place, so an
    /// interrupted run never leaves a half-written figure. `path` is given without extension
    /// (`"out/01/loss"` → `out/01/loss.png`, `out/01/loss.pdf`).
    ///
    /// - Parameters:
    ///   - path: the destination without extension.
    ///   - formats: the formats to write; `.tex` needs the gnuplot backend.
    ///   - backend: the renderer.
    ///   - pngScale: PNG resolution in units of 100 dpi: 1 gives 100 dpi, 2 gives 200 dpi (slides), 3 for print.
    /// - Returns: the written file paths (for `.tex`, the `.tex` and its companion `.pdf`; for gnuplot,
    ///   also the `.gp` script and data files).
    /// - Throws: ``PlottingError`` naming the bad artist, setting, or failing library call.
    @discardableResult
    public func save(to path: String, formats: [ImageFormat] = [.png], backend: Backend = .cairo,
                     pngScale: Double = 2) throws -> [String] {
        try validate()
        guard pngScale.isFinite, pngScale > 0, pngScale <= 20 else {
            throw PlottingError.invalidSetting("pngScale must be in (0, 20], got \(pngScale)")
        }
        guard !formats.isEmpty else { throw PlottingError.invalidSetting("no output format given") }
        switch backend {
        case .cairo:
            var written: [String] = []
            for format in formats {
                let file = path + "." + format.fileExtension
                let bytes = try CairoRenderer(figure: self).render(format: format, pngScale: pngScale)
                try AtomicFile.write(bytes, to: file)
                written.append(file)
            }
            return written
        case .gnuplot:
            return try saveWithGnuplot(to: path, formats: formats, pngScale: pngScale)
        }
    }

    /// Writes `path.gp` and its data files `path.<panel>-<artist>.dat`, then runs gnuplot to write
    /// `path.<ext>` for every format (`.tex` uses `cairolatex` and also writes `path.pdf`, or
    /// `path-latex.tex`/`path-latex.pdf` when `.pdf` is requested too).
    ///
    /// - Parameters:
    ///   - executable: the gnuplot program; `nil` searches `PATH` for `gnuplot`.
    /// - Returns: the written files: outputs first, then data files, then the script.
    /// - Throws: ``PlottingError/gnuplotMissing(script:)`` (the script and data are written),
    ///   ``PlottingError/gnuplotFailed(_:)`` with gnuplot's messages, or any validation error.
    @discardableResult
    public func saveWithGnuplot(to path: String, formats: [ImageFormat] = [.png], pngScale: Double = 2,
                                executable: String? = nil) throws -> [String] {
        try validate()
        guard pngScale.isFinite, pngScale > 0, pngScale <= 20 else {
            throw PlottingError.invalidSetting("pngScale must be in (0, 20], got \(pngScale)")
        }
        guard !formats.isEmpty else { throw PlottingError.invalidSetting("no output format given") }
        return try GnuplotRenderer(figure: self).render(to: path, formats: formats, pngScale: pngScale,
                                                        executable: executable)
    }

    /// The figure encoded in `format` by the Cairo renderer, e.g. a PNG to embed in a notebook.
    /// - Throws: ``PlottingError`` as ``save(to:formats:backend:pngScale:)``; `.tex` is unsupported.
    public func data(format: ImageFormat = .png, pngScale: Double = 2) throws -> Data {
        try validate()
        guard pngScale.isFinite, pngScale > 0, pngScale <= 20 else {
            throw PlottingError.invalidSetting("pngScale must be in (0, 20], got \(pngScale)")
        }
        return Data(try CairoRenderer(figure: self).render(format: format, pngScale: pngScale))
    }
}
