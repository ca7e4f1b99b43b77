import CCairo
import Foundation

/// Collects the bytes Cairo streams out (PNG, SVG, PDF).
private final class ByteSink {
    var bytes: [UInt8] = []
}

/// Cairo's stream callback: appends to the ``ByteSink`` passed as closure.
private let appendToSink: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, UInt32) -> cairo_status_t = {
    closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
}

/// Draws a ``Figure`` with Cairo and Pango into PNG, SVG or PDF bytes.
struct CairoRenderer {
    let figure: Figure

    /// The encoded figure.
    /// - Throws: ``PlottingError/cairo(_:)`` with Cairo's status text, or layout errors.
    func render(format: ImageFormat, pngScale: Double) throws -> [UInt8] {
        let measurer = try PangoMeasurer(fontFamily: figure.fontFamily)
        let output = try LayoutEngine(figure: figure, measurer: measurer).runWithPanels()
        let width = output.layout.width * figure.scale, height = output.layout.height * figure.scale
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let surface: OpaquePointer?
        var scale = 1.0
        switch format {
        case .png:
            let pixelWidth = (figure.width * figure.scale * 100 * pngScale).rounded()
            let pixelHeight = (figure.height * figure.scale * 100 * pngScale).rounded()
            guard pixelWidth <= 32767, pixelHeight <= 32767, pixelWidth >= 1, pixelHeight >= 1 else {
                throw PlottingError.invalidSetting("PNG of \(Int(pixelWidth))×\(Int(pixelHeight)) px exceeds Cairo's 32767 px limit; lower pngScale")
            }
            surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight))
            scale = pixelWidth / output.layout.width
        case .svg:
            scale = figure.scale
            surface = cairo_svg_surface_create_for_stream(appendToSink, closure, width, height)
            if let surface { cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT) }
        case .pdf:
            scale = figure.scale
            surface = cairo_pdf_surface_create_for_stream(appendToSink, closure, width, height)
            if let surface {
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "LearningFromDemonstrations Plotting")
                if let title = figure.title {
                    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, Markup.plainText(Markup.parse(title)))
                }
            }
        case .tex:
            throw PlottingError.unsupportedFormat(".tex (cairolatex) needs backend: .gnuplot")
        }
        guard let surface else { throw PlottingError.cairo("cannot create a \(format.rawValue) surface") }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface), "creating the \(format.rawValue) surface")
        guard let cairo = cairo_create(surface) else { throw PlottingError.cairo("cairo_create failed") }
        defer { cairo_destroy(cairo) }
        try check(cairo_status(cairo), "creating the drawing context")
        cairo_scale(cairo, scale, scale)

        let painter = try CairoPainter(cairo: cairo, figure: figure, layout: output.layout, panels: output.panels)
        painter.vectorCells = format == .svg
        try painter.paint()
        try check(cairo_status(cairo), "drawing the figure")
        cairo_surface_flush(surface)

        if format == .png {
            try check(cairo_surface_write_to_png_stream(surface, appendToSink, closure), "encoding the PNG")
        } else {
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface), "finishing the \(format.rawValue) file")
        }
        guard !sink.bytes.isEmpty else { throw PlottingError.cairo("the \(format.rawValue) output is empty") }
        return sink.bytes
    }
}

/// Throws ``PlottingError/cairo(_:)`` unless `status` is success.
func check(_ status: cairo_status_t, _ what: String) throws {
    guard status == CAIRO_STATUS_SUCCESS else {
        throw PlottingError.cairo("\(what): \(String(cString: cairo_status_to_string(status)))")
    }
}
