import CCairo
import Foundation

/// Pango text on one Cairo context: measuring and drawing label markup, in points.
///
/// Hint metrics are off and glyph positions unrounded, so a text measures the same on a scratch
/// surface, a 2× PNG, an SVG and a PDF: the layout computed once fits every output.
final class PangoText {
    private let context: OpaquePointer
    private let fontFamily: String

    /// A Pango context drawing on `cairo`.
    init(cairo: OpaquePointer, fontFamily: String) throws {
        guard let context = pango_cairo_create_context(cairo) else {
            throw PlottingError.cairo("pango_cairo_create_context failed")
        }
        self.context = context
        self.fontFamily = fontFamily
        guard let options = cairo_font_options_create() else {
            throw PlottingError.cairo("cairo_font_options_create failed")
        }
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_round_glyph_positions(context, 0)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
    }

    /// A Pango layout of `text` (label markup) at `size` points, wrapped and centred at `wrapWidth`.
    /// The caller owns the result (`g_object_unref`).
    func makeLayout(_ text: String, size: Double, wrapWidth: Double?, centered: Bool = true) throws -> OpaquePointer {
        let markup = Markup.pango(text, fontSize: size)
        var error: UnsafeMutablePointer<GError>? = nil
        if pango_parse_markup(markup, -1, 0, nil, nil, nil, &error) == 0 {
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if let error { g_error_free(error) }
            throw PlottingError.invalidData("label \"\(text)\" is not valid markup: \(message)")
        }
        guard let layout = pango_layout_new(context) else { throw PlottingError.cairo("pango_layout_new failed") }
        guard let font = pango_font_description_new() else {
            g_object_unref(UnsafeMutableRawPointer(layout))
            throw PlottingError.cairo("pango_font_description_new failed")
        }
        pango_font_description_set_family(font, fontFamily)
        pango_font_description_set_absolute_size(font, size * 1024)
        pango_layout_set_font_description(layout, font)
        pango_font_description_free(font)
        if let wrapWidth {
            pango_layout_set_width(layout, Int32(min(wrapWidth, 1e6) * 1024))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        pango_layout_set_alignment(layout, centered ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT)
        pango_layout_set_markup(layout, markup, -1)
        return layout
    }

    /// The logical rectangle of a layout, in points (its origin may be offset for centred wrapped text).
    static func extents(_ layout: OpaquePointer) -> (x: Double, y: Double, width: Double, height: Double) {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        return (Double(logical.x) / 1024, Double(logical.y) / 1024, Double(logical.width) / 1024,
                Double(logical.height) / 1024)
    }

    /// The size of `text` in points.
    func measure(_ text: String, size: Double, wrapWidth: Double?) throws -> (width: Double, height: Double) {
        let layout = try makeLayout(text, size: size, wrapWidth: wrapWidth)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let e = Self.extents(layout)
        return (e.width, e.height)
    }

    /// Draws `text` so its logical box has its top-left corner at `(x, y)`; rotated text reads
    /// bottom-to-top and then `(x, y)` is the top-left of the rotated box.
    func draw(_ text: String, size: Double, wrapWidth: Double?, on cairo: OpaquePointer, x: Double, y: Double,
              rotated: Bool = false, color: Color = .black, centered: Bool = true) throws {
        let layout = try makeLayout(text, size: size, wrapWidth: wrapWidth, centered: centered)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let e = Self.extents(layout)
        cairo_save(cairo)
        cairo_set_source_rgba(cairo, color.red, color.green, color.blue, color.alpha)
        if rotated {
            cairo_translate(cairo, x, y + e.width)
            cairo_rotate(cairo, -Double.pi / 2)
        } else {
            cairo_translate(cairo, x, y)
        }
        cairo_move_to(cairo, -e.x, -e.y)
        pango_cairo_update_layout(cairo, layout)
        pango_cairo_show_layout(cairo, layout)
        cairo_restore(cairo)
    }
}

/// Measures text for the layout on a scratch 1×1 image surface.
final class PangoMeasurer: TextMeasurer {
    private let surface: OpaquePointer
    private let cairo: OpaquePointer
    private let text: PangoText
    private var cache: [String: (width: Double, height: Double)] = [:]

    /// A measurer using `fontFamily`.
    init(fontFamily: String) throws {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1) else {
            throw PlottingError.cairo("cannot create a scratch surface")
        }
        self.surface = surface
        guard let cairo = cairo_create(surface), cairo_status(cairo) == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw PlottingError.cairo("cannot create a scratch context")
        }
        self.cairo = cairo
        do {
            text = try PangoText(cairo: cairo, fontFamily: fontFamily)
        } catch {
            cairo_destroy(cairo)
            cairo_surface_destroy(surface)
            throw error
        }
    }

    deinit {
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    func measure(_ string: String, size: Double, wrapWidth: Double?) throws -> (width: Double, height: Double) {
        let key = "\(size)|\(wrapWidth ?? -1)|\(string)"
        if let hit = cache[key] { return hit }
        let result = try text.measure(string, size: size, wrapWidth: wrapWidth)
        cache[key] = result
        return result
    }
}
