import ExerciseAPI
import Numerics

extension Visuomotor {
    /// Exercise 9.3: the keypoint readout (Levine et al. 2016): for each row (image) and each channel
    /// k of its H × W × C feature map x, a softmax over the H · W positions p at temperature T,
    ///
    ///     s_kp = exp(x_kp / T) / Σ_q exp(x_kq / T),
    ///
    /// then the expected coordinates E_k[u] = Σ_p s_kp u_p and E_k[v] = Σ_p s_kp v_p.
    ///
    /// - Entry (p, k) of a row is column `p * C + k`, where p = i · W + j is the pixel in row i,
    ///   column j (NHWC, see `ImageShape`).
    /// - Coordinates are pixel centres scaled to [−1, 1]: u = (2j + 1)/W − 1 (to the right),
    ///   v = 1 − (2i + 1)/H (upwards, like the world's y in the kit's renders).
    /// - Subtract each channel's maximum from its values before `exp`: the softmax is unchanged and
    ///   no `exp` overflows (a Float's `exp` is infinite from 89 on).
    /// - Return batch × 2C, laid out (u₀, v₀, u₁, v₁, …).
    /// - Throw `VisuomotorInputError` when `featureMaps` does not have `shape.count` columns or T is
    ///   not positive and finite.
    ///
    /// Useful: `Foundation.exp`, `Matrix.zeros(rows, cols)`, `m[i, j]`.
    public func spatialSoftmaxKeypoints(featureMaps: Matrix, shape: ImageShape, temperature: Float) throws -> Matrix {
        throw NotImplemented(exercise: "9.3", name: "spatialSoftmaxKeypoints",
                             file: "Exercises/09-visuomotor/SpatialSoftmaxKeypoints.swift")
    }
}
