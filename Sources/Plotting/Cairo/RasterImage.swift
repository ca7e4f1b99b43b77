import CCairo
import Foundation

/// Decoded RGBA pixels, for comparing rendered figures with reference images.
public struct RasterImage: Sendable, Equatable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Row-major pixels, 4 bytes each: red, green, blue, alpha (not premultiplied).
    public let rgba: [UInt8]

    /// Decodes PNG bytes (through Cairo).
    /// - Throws: ``PlottingError/invalidData(_:)`` when the bytes are not a readable PNG.
    public init(png: Data) throws {
        final class Source {
            let bytes: [UInt8]
            var offset = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        let source = Source([UInt8](png))
        let read: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, UInt32) -> cairo_status_t = {
            closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
            let source = Unmanaged<Source>.fromOpaque(closure).takeUnretainedValue()
            let n = Int(length)
            guard source.offset + n <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            source.bytes.withUnsafeBufferPointer { buffer in
                data.update(from: buffer.baseAddress! + source.offset, count: n)
            }
            source.offset += n
            return CAIRO_STATUS_SUCCESS
        }
        let surface = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(source).toOpaque())
        }
        guard let surface else { throw PlottingError.invalidData("PNG could not be decoded") }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw PlottingError.invalidData("PNG could not be decoded: "
                + String(cString: cairo_status_to_string(cairo_surface_status(surface))))
        }
        self = try Self(surface: surface)
    }

    /// Reads pixels out of an image surface (ARGB32 or RGB24).
    init(surface: OpaquePointer) throws {
        cairo_surface_flush(surface)
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24,
              let data = cairo_image_surface_get_data(surface) else {
            throw PlottingError.invalidData("unsupported image surface format")
        }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        var rgba = [UInt8](repeating: 0, count: width * height * 4)
        let raw = UnsafeRawPointer(data)
        for y in 0..<height {
            for x in 0..<width {
                let pixel = raw.load(fromByteOffset: y * stride + x * 4, as: UInt32.self)
                let a = format == CAIRO_FORMAT_RGB24 ? 255 : Int(pixel >> 24)
                func channel(_ shift: UInt32) -> UInt8 {
                    let premultiplied = Int((pixel >> shift) & 0xFF)
                    return a == 0 ? 0 : UInt8(min(255, (premultiplied * 255 + a / 2) / a))
                }
                let i = (y * width + x) * 4
                rgba[i] = channel(16); rgba[i + 1] = channel(8); rgba[i + 2] = channel(0); rgba[i + 3] = UInt8(a)
            }
        }
        self.rgba = rgba
    }

    /// The fraction of pixels (0…1) whose largest channel difference exceeds `tolerance` (0…255);
    /// 1 when the sizes differ.
    public func fractionDiffering(from other: RasterImage, tolerance: Int = 48) -> Double {
        guard width == other.width, height == other.height, width * height > 0 else { return 1 }
        var differing = 0
        for p in 0..<(width * height) {
            var worst = 0
            for c in 0..<4 { worst = max(worst, abs(Int(rgba[p * 4 + c]) - Int(other.rgba[p * 4 + c]))) }
            if worst > tolerance { differing += 1 }
        }
        return Double(differing) / Double(width * height)
    }
}
