import Environments
import Numerics

/// How GAIL scales the inputs of its networks.
public enum InputScalingChoice: String, Sendable, Equatable, Codable, CaseIterable {
    /// Leave the numbers as they are.
    case none
    /// Map each coordinate's range in the environment's observation (and action) box to [−1, 1]:
    /// states far from the demonstrations stay of order one, so the discriminator's and the
    /// policy's outputs there stay informative.
    case environmentBounds
    /// Standardise with the mean and standard deviation of the demonstrations. With few,
    /// narrow demonstrations, states off them become huge inputs that saturate the networks.
    case demonstrations
}

extension InputScalingChoice {
    /// The scalings of the policy's observations and of the discriminator's inputs, whose view of
    /// a pair is `features`: from the environment's boxes, or fitted to the expert's observations
    /// and to the expert's pairs in that view (`expertFeatures`, asked for only then).
    func scalings(for environment: some ContinuousEnvironment, features: DiscriminatorFeatures,
                  expertObservations: [[Float]], expertFeatures: () throws -> Matrix) throws
        -> (observations: FeatureScaling?, features: FeatureScaling?) {
        switch self {
        case .none:
            return (nil, nil)
        case .environmentBounds:
            let box = FeatureScaling(box: environment.observationSpace)
            let selected = features.observationIndices.map { box.selecting($0) } ?? box
            return (box, features.includesActions ? selected.appending(FeatureScaling(box: environment.actionSpace)) : selected)
        case .demonstrations:
            let observations = try FeatureScaling(fitting: expertObservations)
            let inputs = try expertFeatures()
            return (observations, try FeatureScaling(fitting: (0..<inputs.rows).map { inputs.row($0) }))
        }
    }
}
