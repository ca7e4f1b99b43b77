import Numerics

/// A batch of transitions collected from pixels: lesson 4's ``RolloutBatch`` whose observations are
/// the low-dimensional *states* (so GAE, the critic, the discriminator's `DiscriminatorView` and the
/// reward mixing of lesson 7 read it unchanged), and beside it the images the policy acted on.
///
/// Row t of ``images`` is o_t, the image of the state in row t of `states.observations`; row t of
/// ``nextImages`` is o_{t+1}, the image of `states.nextObservations` row t (rendered before any
/// reset, so a critic on images can bootstrap where the batch or the time limit cut an episode).
public struct PixelRollout {
    /// The transitions, with states as observations.
    public var states: RolloutBatch
    /// The policy's observations, N × imageShape.count.
    public var images: Matrix
    /// The images after each step, N × imageShape.count.
    public var nextImages: Matrix
    /// The block's position at o_t, N × 2 (an auxiliary head's target).
    public var blockPositions: Matrix
    /// The pusher's position at o_t, N × 2 (an auxiliary head's target).
    public var pusherPositions: Matrix

    /// A rollout from its parts.
    ///
    /// - Throws: ``PolicyGradientError`` when `images`, `nextImages`, `blockPositions` or
    ///   `pusherPositions` and `states` differ in rows, or the two image matrices in columns.
    public init(states: RolloutBatch, images: Matrix, nextImages: Matrix, blockPositions: Matrix, pusherPositions: Matrix) throws {
        guard images.rows == states.count, nextImages.rows == states.count, blockPositions.rows == states.count,
              pusherPositions.rows == states.count, nextImages.cols == images.cols else {
            throw PolicyGradientError("PixelRollout: \(images.shapeDescription) images, \(nextImages.shapeDescription) next images "
                                      + "and \(blockPositions.rows) positions for \(states.count) transitions")
        }
        self.states = states
        self.images = images
        self.nextImages = nextImages
        self.blockPositions = blockPositions
        self.pusherPositions = pusherPositions
    }

    /// The number of transitions N.
    public var count: Int { states.count }
}
