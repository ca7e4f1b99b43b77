import ExerciseAPI
import Foundation
import Numerics

extension Visuomotor {
    /// Exercise 9.3: per image and channel, a softmax over the positions at temperature T (its maximum
    /// subtracted first), then the expected (u, v) of the pixel centres in [−1, 1], v upwards.
    public func spatialSoftmaxKeypoints(featureMaps: Matrix, shape: ImageShape, temperature: Float) throws -> Matrix {
        let name = "spatialSoftmaxKeypoints"
        guard featureMaps.cols == shape.count else {
            throw VisuomotorInputError("\(name): featureMaps have \(featureMaps.cols) columns, a \(shape) map has \(shape.count)")
        }
        guard temperature > 0, temperature.isFinite else {
            throw VisuomotorInputError("\(name): the temperature must be positive and finite, got \(temperature)")
        }
        let (h, w, c) = (shape.height, shape.width, shape.channels), pixels = h * w
        let u = (0..<pixels).map { Float(2 * ($0 % w) + 1) / Float(w) - 1 }
        let v = (0..<pixels).map { 1 - Float(2 * ($0 / w) + 1) / Float(h) }
        let inverse = 1 / temperature
        var keypoints = Matrix.zeros(featureMaps.rows, 2 * c)
        for n in 0..<featureMaps.rows {
            for k in 0..<c {
                var maximum = -Float.infinity
                for p in 0..<pixels { maximum = max(maximum, featureMaps[n, p * c + k]) }
                var weights = [Float](repeating: 0, count: pixels), total: Float = 0
                for p in 0..<pixels {
                    weights[p] = Foundation.exp((featureMaps[n, p * c + k] - maximum) * inverse)
                    total += weights[p]
                }
                for p in 0..<pixels {
                    let s = weights[p] / total
                    keypoints[n, 2 * k] += s * u[p]
                    keypoints[n, 2 * k + 1] += s * v[p]
                }
            }
        }
        return keypoints
    }
}
