import ExerciseAPI
import Numerics

extension BehaviorCloning {
    /// Exercise 1.1: the behavior-cloning loss L_BC = (1/B) Σᵢ ‖aᵢ − π_θ(sᵢ)‖².
    public func behaviorCloningLoss(predictedActions: Tensor, expertActions: Tensor) throws -> Tensor {
        guard predictedActions.rows == expertActions.rows, predictedActions.cols == expertActions.cols else {
            throw BehaviorCloningInputError("behaviorCloningLoss: predictedActions is \(predictedActions.value.shapeDescription) "
                                            + "but expertActions is \(expertActions.value.shapeDescription)")
        }
        guard predictedActions.rows > 0 else {
            throw BehaviorCloningInputError("behaviorCloningLoss: the batch is empty, its mean is undefined")
        }
        // ‖aᵢ − π(sᵢ)‖² per row, then the mean over the rows.
        return square(expertActions - predictedActions).rowSums().mean()
    }
}
