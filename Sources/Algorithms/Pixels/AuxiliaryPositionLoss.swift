import Numerics

/// The auxiliary task's loss (Zhu et al. 2018, section IV-D): the squared Euclidean distance
/// between the predicted and the true object positions, averaged over the batch,
///
///     L_aux = (1/N) Σᵢ ‖p̂ᵢ − pᵢ‖² = (1/N) Σᵢ Σ_d (p̂ᵢ_d − pᵢ_d)²,
///
/// for `predicted` p̂ and `target` p, both N × D (D = 2 for the block's x and y). The sum runs over
/// coordinates and the mean over rows, so it is D times `mseLoss`, which averages over all entries.
/// Its gradient reaches the encoder through the features, shaping them to locate the block.
public func auxiliaryPositionLoss(predicted: Tensor, target: Tensor) -> Tensor {
    precondition(predicted.rows == target.rows && predicted.cols == target.cols,
                 "auxiliaryPositionLoss: predicted is \(predicted.rows)×\(predicted.cols), target \(target.rows)×\(target.cols)")
    return square(predicted - target).sum() * (1 / Float(predicted.rows))
}
