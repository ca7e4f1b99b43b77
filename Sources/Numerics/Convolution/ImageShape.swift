/// The shape of one image in a batch: height × width × channels, stored *channels last* (NHWC).
///
/// The kit's tensors are matrices, so a batch of images is a matrix with one image per row, each
/// row holding the image's entries in height-width-channel order: entry (y, x, c) of image n is
/// column `(y · width + x) · channels + c` of row n. The convolution keeps this layout, so its output
/// row is already flat: a dense layer can read it without a flatten step.
public struct ImageShape: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Rows of pixels.
    public var height: Int
    /// Columns of pixels.
    public var width: Int
    /// Values per pixel (3 for RGB, the number of filters after a convolution).
    public var channels: Int

    /// A shape of `height` × `width` pixels with `channels` values each.
    public init(height: Int, width: Int, channels: Int) {
        precondition(height > 0 && width > 0 && channels > 0,
                      "ImageShape: sizes must be positive, got \(height)×\(width)×\(channels)")
        self.height = height
        self.width = width
        self.channels = channels
    }

    /// The number of values of one image, height · width · channels (the row length).
    public var count: Int { height * width * channels }

    /// The column of entry (y, x, c) in an image's row.
    @inlinable
    public func index(y: Int, x: Int, channel: Int) -> Int { (y * width + x) * channels + channel }

    /// "H×W×C".
    public var description: String { "\(height)×\(width)×\(channels)" }
}
