import Environments

/// Which numbers of a state-action pair the discriminator of the mixed-reward agent sees: some
/// observation coordinates, and the action or not.
///
/// Zhu et al. (2018, section IV-B) give their discriminator only the object-centric part of the
/// state and mask the robot's arm: it then rewards the agent for moving the *scene* the way the
/// demonstrations did, and leaves it free to move its arm its own way. In block pushing the arm is
/// the pusher (its position, and the action, which is its velocity).
public struct DiscriminatorView: Sendable, Equatable, Codable, CustomStringConvertible {
    /// A short name for tables and legends, e.g. "block only".
    public var name: String
    /// The observation coordinates kept, in this order.
    public var observationIndices: [Int]
    /// Whether the action is appended.
    public var includesActions: Bool

    /// A view with the given name and selection.
    public init(name: String, observationIndices: [Int], includesActions: Bool) {
        self.name = name
        self.observationIndices = observationIndices
        self.includesActions = includesActions
    }

    /// Block pushing, the object only: the block's position, velocity and offset to the goal
    /// (`BlockPushing.blockFeatures`), no pusher position and no action.
    public static let blockOnly = DiscriminatorView(name: "block only", observationIndices: Array(BlockPushing.blockFeatures),
                                                    includesActions: false)

    /// Block pushing, the whole GAIL pair (s, a): pusher and block features and the action.
    public static let blockAndPusher = DiscriminatorView(
        name: "block + pusher",
        observationIndices: Array(BlockPushing.pusherFeatures) + Array(BlockPushing.blockFeatures),
        includesActions: true)

    /// The same selection in lesson 4's terms (it sizes and scales the discriminator's input).
    public var features: DiscriminatorFeatures {
        DiscriminatorFeatures(observationIndices: observationIndices, includesActions: includesActions)
    }

    public var description: String { name }
}
