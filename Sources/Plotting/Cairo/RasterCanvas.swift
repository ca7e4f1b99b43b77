import CCairo
import Foundation

/// A small offscreen Cairo image for drawing observations pixel by pixel: filled shapes in world
/// coordinates, read back as RGB floats (for a network's input) or encoded as PNG (to look at).
///
/// Unlike a ``Figure``, a canvas has no layout, axes or text engine: it is the Cairo image surface
/// alone, so that a 48×48 frame costs microseconds. World coordinates are set with
/// ``setView(centerX:centerY:halfWidth:halfHeight:rotation:)``, y pointing up as in the figures.
/// A canvas is not `Sendable`: give each thread its own.
///
/// ```swift
/// let canvas = try RasterCanvas(width: 48, height: 48)
/// canvas.setView(centerX: 0, centerY: 0, halfWidth: 1.05, halfHeight: 1.05)
/// canvas.fill(.white)
/// canvas.fillCircle(centerX: 0.5, centerY: 0.5, radius: 0.12, color: .green)
/// let pixels = canvas.rgb()          // 48·48·3 floats in 0…1, row by row from the top
/// ```
public final class RasterCanvas {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    private let surface: OpaquePointer
    private let cairo: OpaquePointer

    /// A canvas of `width` × `height` pixels (RGB, no alpha), cleared to black, with pixel
    /// coordinates as the view (origin at the top left, y down) until a view is set.
    /// - Throws: ``PlottingError/cairo(_:)`` when Cairo cannot make the surface.
    public init(width: Int, height: Int) throws {
        guard width > 0, height > 0, width <= 32767, height <= 32767 else {
            throw PlottingError.invalidSetting("RasterCanvas: \(width)×\(height) px is not a valid image size")
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw PlottingError.cairo("cannot create a \(width)×\(height) image surface")
        }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cairo = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw PlottingError.cairo("cannot draw on a \(width)×\(height) image surface")
        }
        self.width = width
        self.height = height
        self.surface = surface
        self.cairo = cairo
    }

    deinit {
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    /// Maps the world rectangle centred on (centerX, centerY), `halfWidth` and `halfHeight` wide
    /// either side, onto the whole canvas, turned by `rotation` radians (counter-clockwise, about the
    /// centre), y up. Line widths given to the drawing calls are in world units too.
    public func setView(centerX: Double, centerY: Double, halfWidth: Double, halfHeight: Double,
                        rotation: Double = 0) {
        cairo_identity_matrix(cairo)
        cairo_translate(cairo, Double(width) / 2, Double(height) / 2)
        cairo_scale(cairo, Double(width) / (2 * halfWidth), -Double(height) / (2 * halfHeight))
        cairo_rotate(cairo, -rotation)
        cairo_translate(cairo, -centerX, -centerY)
    }

    /// Uses pixel coordinates (origin top left, y down, one unit per pixel).
    public func setPixelView() {
        cairo_identity_matrix(cairo)
    }

    /// The length in world units of one pixel (along x, ignoring rotation): the smallest size a
    /// shape should have to stay visible.
    public var pixelSize: Double {
        var dx = 1.0, dy = 0.0
        cairo_device_to_user_distance(cairo, &dx, &dy)
        return (dx * dx + dy * dy).squareRoot()
    }

    /// Paints the whole canvas with `color` (its alpha blends with what is there).
    public func fill(_ color: Color) {
        setSource(color)
        cairo_paint(cairo)
    }

    /// Fills the rectangle with corner (x, y) and the given size, in world units.
    public func fillRectangle(x: Double, y: Double, width: Double, height: Double, color: Color) {
        setSource(color)
        cairo_rectangle(cairo, x, y, width, height)
        cairo_fill(cairo)
    }

    /// Fills many rectangles (corner x, y and size, world units) in one colour as one path: much
    /// faster than one ``fillRectangle(x:y:width:height:color:)`` each (a texture's hundred cells).
    public func fillRectangles(_ rectangles: [(x: Double, y: Double, width: Double, height: Double)], color: Color) {
        setSource(color)
        cairo_new_path(cairo)
        for r in rectangles { cairo_rectangle(cairo, r.x, r.y, r.width, r.height) }
        cairo_fill(cairo)
    }

    /// Fills many polygons in one colour as one path.
    public func fillPolygons(_ polygons: [[(x: Double, y: Double)]], color: Color) {
        setSource(color)
        cairo_new_path(cairo)
        for points in polygons {
            guard let first = points.first else { continue }
            cairo_move_to(cairo, first.x, first.y)
            for p in points.dropFirst() { cairo_line_to(cairo, p.x, p.y) }
            cairo_close_path(cairo)
        }
        cairo_fill(cairo)
    }

    /// Fills the polygon through `points` (world units).
    public func fillPolygon(_ points: [(x: Double, y: Double)], color: Color) {
        guard let first = points.first else { return }
        setSource(color)
        cairo_move_to(cairo, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(cairo, p.x, p.y) }
        cairo_close_path(cairo)
        cairo_fill(cairo)
    }

    /// Fills a disc and, with a `stroke` colour, outlines it with a line `lineWidth` wide (world units).
    public func fillCircle(centerX: Double, centerY: Double, radius: Double, color: Color?,
                           stroke: Color? = nil, lineWidth: Double = 0) {
        cairo_new_path(cairo)
        cairo_arc(cairo, centerX, centerY, radius, 0, 2 * Double.pi)
        if let color {
            setSource(color)
            if stroke != nil { cairo_fill_preserve(cairo) } else { cairo_fill(cairo) }
        }
        if let stroke {
            setSource(stroke)
            cairo_set_line_width(cairo, lineWidth)
            cairo_stroke(cairo)
        }
        cairo_new_path(cairo)
    }

    /// Outlines the rectangle with corner (x, y) and the given size with a line `lineWidth` wide.
    public func strokeRectangle(x: Double, y: Double, width: Double, height: Double, color: Color, lineWidth: Double) {
        setSource(color)
        cairo_set_line_width(cairo, lineWidth)
        cairo_rectangle(cairo, x, y, width, height)
        cairo_stroke(cairo)
    }

    /// Restricts drawing to the rectangle with corner (x, y) and the given size (world units)
    /// until ``resetClip()``.
    public func clipRectangle(x: Double, y: Double, width: Double, height: Double) {
        cairo_new_path(cairo)
        cairo_rectangle(cairo, x, y, width, height)
        cairo_clip(cairo)
    }

    /// Lets drawing reach the whole canvas again.
    public func resetClip() {
        cairo_reset_clip(cairo)
    }

    /// Draws text with Cairo's simple text API at (x, y) (the baseline's start), `size` units high.
    public func text(_ string: String, x: Double, y: Double, size: Double, color: Color) {
        setSource(color)
        cairo_select_font_face(cairo, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cairo, size)
        cairo_move_to(cairo, x, y)
        cairo_show_text(cairo, string)
        cairo_new_path(cairo)
    }

    /// Draws an RGB image (`pixels`: `imageHeight` rows of `imageWidth` pixels, 3 floats in 0…1
    /// each, as ``rgb()`` returns) with its top-left corner at pixel (x, y), each image pixel
    /// drawn as a `scale` × `scale` block (nearest neighbour, so pixels stay visible). Uses pixel
    /// coordinates and leaves them set.
    public func drawRGB(_ pixels: [Float], imageWidth: Int, imageHeight: Int, x: Double, y: Double, scale: Double) {
        precondition(pixels.count == imageWidth * imageHeight * 3,
                      "RasterCanvas.drawRGB: \(pixels.count) floats for a \(imageWidth)×\(imageHeight) RGB image")
        guard let image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(imageWidth), Int32(imageHeight)) else {
            return
        }
        defer { cairo_surface_destroy(image) }
        cairo_surface_flush(image)
        let stride = Int(cairo_image_surface_get_stride(image))
        if let data = cairo_image_surface_get_data(image) {
            for row in 0..<imageHeight {
                let line = UnsafeMutableRawPointer(data + row * stride)
                for column in 0..<imageWidth {
                    let i = (row * imageWidth + column) * 3
                    func byte(_ v: Float) -> UInt32 { UInt32(max(0, min(255, (v * 255).rounded()))) }
                    let pixel = byte(pixels[i]) << 16 | byte(pixels[i + 1]) << 8 | byte(pixels[i + 2])
                    line.storeBytes(of: pixel, toByteOffset: column * 4, as: UInt32.self)
                }
            }
        }
        cairo_surface_mark_dirty(image)
        cairo_identity_matrix(cairo)
        cairo_save(cairo)
        cairo_translate(cairo, x, y)
        cairo_scale(cairo, scale, scale)
        cairo_set_source_surface(cairo, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cairo), CAIRO_FILTER_NEAREST)
        cairo_rectangle(cairo, 0, 0, Double(imageWidth), Double(imageHeight))
        cairo_fill(cairo)
        cairo_restore(cairo)
    }

    /// The pixels as floats in 0…1: `height` rows from the top, `width` pixels each, red, green,
    /// blue per pixel (height × width × 3, channels last).
    public func rgb() -> [Float] {
        var out = [Float](repeating: 0, count: width * height * 3)
        rgb(into: &out)
        return out
    }

    /// Writes ``rgb()`` into `buffer` (`width · height · 3` floats), without allocating.
    public func rgb(into buffer: inout [Float]) {
        precondition(buffer.count == width * height * 3, "RasterCanvas.rgb(into:): buffer has \(buffer.count) floats")
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let scale: Float = 1 / 255
        buffer.withUnsafeMutableBufferPointer { out in
            for row in 0..<height {
                let line = UnsafeRawPointer(data + row * stride)
                for column in 0..<width {
                    let pixel = line.load(fromByteOffset: column * 4, as: UInt32.self)
                    let i = (row * width + column) * 3
                    out[i] = Float((pixel >> 16) & 0xFF) * scale
                    out[i + 1] = Float((pixel >> 8) & 0xFF) * scale
                    out[i + 2] = Float(pixel & 0xFF) * scale
                }
            }
        }
    }

    /// The canvas encoded as PNG.
    /// - Throws: ``PlottingError/cairo(_:)`` when encoding fails.
    public func pngData() throws -> Data {
        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        let append: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, UInt32) -> cairo_status_t = {
            closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        cairo_surface_flush(surface)
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, append, Unmanaged.passUnretained(sink).toOpaque())
        }
        try check(status, "encoding the canvas as PNG")
        return Data(sink.bytes)
    }

    /// Writes ``pngData()`` to `path`.
    public func writePNG(to path: String) throws {
        try pngData().write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private func setSource(_ color: Color) {
        cairo_set_source_rgba(cairo, color.red, color.green, color.blue, color.alpha)
    }
}
