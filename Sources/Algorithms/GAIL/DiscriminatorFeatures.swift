import Numerics

/// Which numbers of a state-action pair the discriminator sees.
///
/// GAIL's discriminator normally sees the whole pair (s, a). Zhu et al. (2018) show that hiding
/// part of it helps: their discriminator sees only the object's state, not the robot arm's, so
/// it judges *what happens to the scene* rather than how the arm moves. Choose the observation
/// coordinates to keep, and whether the action is included.
public struct DiscriminatorFeatures: Sendable, Equatable, Codable {
    /// The observation coordinates the discriminator sees, in this order (nil: all of them).
    public var observationIndices: [Int]?
    /// Whether the (executed) action is appended to the observation coordinates.
    public var includesActions: Bool

    /// A selection of observation coordinates, with or without the action.
    public init(observationIndices: [Int]? = nil, includesActions: Bool = true) {
        self.observationIndices = observationIndices
        self.includesActions = includesActions
    }

    /// The whole pair (s, a): GAIL as published (Ho & Ermon 2016).
    public static let stateAction = DiscriminatorFeatures()

    /// The number of features for the given sizes.
    public func featureCount(observationSize: Int, actionSize: Int) -> Int {
        (observationIndices?.count ?? observationSize) + (includesActions ? actionSize : 0)
    }

    /// Checks the selection against the sizes.
    ///
    /// - Throws: ``PolicyGradientError`` for an index out of range or an empty selection.
    public func validate(observationSize: Int, actionSize: Int) throws {
        if let indices = observationIndices {
            for i in indices where !(0..<observationSize).contains(i) {
                throw PolicyGradientError("DiscriminatorFeatures: observation index \(i) is outside 0..<\(observationSize)")
            }
        }
        guard featureCount(observationSize: observationSize, actionSize: actionSize) > 0 else {
            throw PolicyGradientError("DiscriminatorFeatures: the discriminator would see no numbers at all")
        }
    }

    /// The feature rows for a batch of pairs (batch×observationSize and batch×actionSize).
    public func features(observations: Matrix, actions: Matrix) -> Matrix {
        precondition(observations.rows == actions.rows,
                     "DiscriminatorFeatures: \(observations.rows) observations and \(actions.rows) actions")
        var parts: [Matrix] = []
        if let indices = observationIndices {
            if !indices.isEmpty { parts.append(observations.transposed().rows(indices).transposed()) }
        } else {
            parts.append(observations)
        }
        if includesActions { parts.append(actions) }
        return parts.count == 1 ? parts[0] : Matrix.concatenatingColumns(parts)
    }
}
