import ExerciseAPI
import NeuralNetworks

/// The hyper-parameters of behavior cloning: supervised regression of the expert's actions on
/// its observations, `min_θ (1/B) Σᵢ ‖aᵢ − π_θ(sᵢ)‖²` (the lecture's L_BC; Pomerleau 1989 for
/// the idea, Ross & Bagnell 2010 §2 for the analysis), minimised by minibatch Adam.
///
/// The defaults are the kit's, chosen for its small control tasks (Pendulum, the lane-keeping
/// car): an MLP with two hidden layers of 64 units, Adam at 1e-3, batches of 64, a fixed number
/// of gradient steps whatever the dataset size (so that one demonstration is fitted as well as
/// twenty-five), and observations standardised with the dataset's mean and standard deviation.
public struct BehaviorCloningConfiguration: Sendable, Equatable {
    /// The widths of the hidden layers.
    public var hiddenSizes: [Int]
    /// The non-linearity after every hidden layer.
    public var activation: Activation
    /// Adam's step size.
    public var learningRate: Float
    /// The number of pairs per minibatch (a dataset smaller than this is used whole).
    public var batchSize: Int
    /// The number of Adam steps.
    public var gradientSteps: Int
    /// Whether the policy standardises its observations with the training data's statistics.
    public var normalizesObservations: Bool
    /// The smallest scale used to standardise a coordinate, so that a coordinate that hardly
    /// varies in the demonstrations is not blown up (in the observation's units).
    public var minimumObservationScale: Float

    /// A configuration; every argument has the kit's default.
    public init(hiddenSizes: [Int] = [64, 64], activation: Activation = .relu, learningRate: Float = 1e-3,
                batchSize: Int = 64, gradientSteps: Int = 2_000, normalizesObservations: Bool = true,
                minimumObservationScale: Float = 1e-2) {
        self.hiddenSizes = hiddenSizes
        self.activation = activation
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.gradientSteps = gradientSteps
        self.normalizesObservations = normalizesObservations
        self.minimumObservationScale = minimumObservationScale
    }

    /// Checks that the numbers make sense.
    ///
    /// - Throws: `BehaviorCloningInputError` naming the first bad field.
    public func validate() throws {
        guard hiddenSizes.allSatisfy({ $0 > 0 }) else {
            throw BehaviorCloningInputError("BehaviorCloningConfiguration: hidden sizes must be positive, got \(hiddenSizes)")
        }
        guard learningRate > 0, learningRate.isFinite else {
            throw BehaviorCloningInputError("BehaviorCloningConfiguration: learningRate must be positive, got \(learningRate)")
        }
        guard batchSize >= 1 else {
            throw BehaviorCloningInputError("BehaviorCloningConfiguration: batchSize must be ≥ 1, got \(batchSize)")
        }
        guard gradientSteps >= 0 else {
            throw BehaviorCloningInputError("BehaviorCloningConfiguration: gradientSteps must be ≥ 0, got \(gradientSteps)")
        }
        guard minimumObservationScale > 0 else {
            throw BehaviorCloningInputError("BehaviorCloningConfiguration: minimumObservationScale must be positive, got \(minimumObservationScale)")
        }
    }
}
