import Numerics

/// What the policy's auxiliary head regresses from the image (Zhu et al. 2018, section IV-D: the
/// positions of the objects in the scene).
public enum AuxiliaryTarget: String, Sendable, Hashable, Codable, CaseIterable {
    /// The block's centre (x, y).
    case block
    /// The block's centre, then the pusher's: (x_b, y_b, x_p, y_p).
    case blockAndPusher

    /// The number of outputs of the auxiliary head.
    public var outputs: Int {
        switch self {
        case .block: 2
        case .blockAndPusher: 4
        }
    }

    /// The targets of the rollout's rows `rows`, rows × ``outputs``.
    public func positions(_ rollout: PixelRollout, rows: [Int]) -> Matrix {
        switch self {
        case .block: rollout.blockPositions.rows(rows)
        case .blockAndPusher: Matrix.concatenatingColumns([rollout.blockPositions.rows(rows), rollout.pusherPositions.rows(rows)])
        }
    }
}
