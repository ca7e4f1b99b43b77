import Numerics

/// How a ``ConvolutionalEncoder`` turns its last feature map into the vector its head sees.
///
/// - ``flatten``: every activation of the last map after the activation function (H·W·C numbers,
///   the encoder's original form);
/// - ``keypoints(temperature:)``: the spatial softmax of Levine et al. (2016) on the last
///   convolution's output (before the activation, so that no channel goes flat), i.e. each channel's
///   expected image coordinates (2·C numbers, see ``spatialSoftmax(_:shape:temperature:)``): positions
///   become linear in the head's input.
public enum FeatureReadout: Sendable, Hashable, Codable {
    /// The last map, flattened (NHWC rows need no reshaping).
    case flatten
    /// Each channel's expected (u, v) under a softmax over its pixels at `temperature`.
    case keypoints(temperature: Float)

    /// The keypoint readout at temperature 1.
    public static var keypoints: FeatureReadout { .keypoints(temperature: 1) }

    /// The number of features read from a last map of `shape`.
    public func featureCount(of shape: ImageShape) -> Int {
        switch self {
        case .flatten: shape.count
        case .keypoints: 2 * shape.channels
        }
    }
}
