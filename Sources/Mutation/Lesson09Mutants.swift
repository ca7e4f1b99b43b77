import ExerciseAPI
import Foundation
import Numerics

/// Lesson 9's reference with (at most) one formula replaced (see ``BehaviorCloningMutant``).
struct VisuomotorMutant: VisuomotorExercises {
    typealias Base = any VisuomotorExercises
    let base: Base
    var outputSize: (@Sendable (Base, Int, Int, Int, Int) throws -> Int)?
    var patches: (@Sendable (Base, Matrix, ImageShape, Int, Int, Int) throws -> Matrix)?
    var keypoints: (@Sendable (Base, Matrix, ImageShape, Float) throws -> Matrix)?
    var auxiliaryLoss: (@Sendable (Base, Tensor, Tensor) throws -> Tensor)?

    init(base: Base) { self.base = base }

    func convolutionOutputSize(inputSize: Int, kernel: Int, stride: Int, padding: Int) throws -> Int {
        if let outputSize { return try outputSize(base, inputSize, kernel, stride, padding) }
        return try base.convolutionOutputSize(inputSize: inputSize, kernel: kernel, stride: stride, padding: padding)
    }

    func im2col(images: Matrix, shape: ImageShape, kernel: Int, stride: Int, padding: Int) throws -> Matrix {
        if let patches { return try patches(base, images, shape, kernel, stride, padding) }
        return try base.im2col(images: images, shape: shape, kernel: kernel, stride: stride, padding: padding)
    }

    func spatialSoftmaxKeypoints(featureMaps: Matrix, shape: ImageShape, temperature: Float) throws -> Matrix {
        if let keypoints { return try keypoints(base, featureMaps, shape, temperature) }
        return try base.spatialSoftmaxKeypoints(featureMaps: featureMaps, shape: shape, temperature: temperature)
    }

    func auxiliaryPositionLoss(predicted: Tensor, target: Tensor) throws -> Tensor {
        if let auxiliaryLoss { return try auxiliaryLoss(base, predicted, target) }
        return try base.auxiliaryPositionLoss(predicted: predicted, target: target)
    }
}

private func mutant(_ exercise: String, _ name: String, hint: [String], mayCrash: Bool = false,
                    _ edit: @escaping @Sendable (inout VisuomotorMutant) -> Void) -> Mutant {
    Mutant(exercise, name, hint: hint, mayCrash: mayCrash) { set in
        var mutated = VisuomotorMutant(base: set.visuomotor)
        edit(&mutated)
        set.visuomotor = mutated
    }
}

/// Exercise 9.1 validated by the reference, then `formula(n, k, s, p)` in place of its answer.
private func outputSizeMutant(_ exercise: String, _ name: String, hint: [String],
                              _ formula: @escaping @Sendable (Int, Int, Int, Int) -> Int) -> Mutant {
    mutant(exercise, name, hint: hint) {
        $0.outputSize = { b, n, k, s, p in
            _ = try b.convolutionOutputSize(inputSize: n, kernel: k, stride: s, padding: p)
            return formula(n, k, s, p)
        }
    }
}

/// The patch matrix with the usual slips switchable: edge pixels instead of zeros over the
/// padding (`clamp`), or patches that start at 0 instead of −padding (`shift` false).
private func patches(_ images: Matrix, _ shape: ImageShape, _ k: Int, _ s: Int, _ p: Int,
                     clamp: Bool = false, shift: Bool = true) -> Matrix {
    let oh = (shape.height + 2 * p - k) / s + 1, ow = (shape.width + 2 * p - k) / s + 1, c = shape.channels
    var out = Matrix.zeros(images.rows * oh * ow, k * k * c)
    for n in 0..<images.rows {
        for oy in 0..<oh {
            for ox in 0..<ow {
                for ky in 0..<k {
                    for kx in 0..<k {
                        var (y, x) = (oy * s - (shift ? p : 0) + ky, ox * s - (shift ? p : 0) + kx)
                        if clamp { (y, x) = (min(max(y, 0), shape.height - 1), min(max(x, 0), shape.width - 1)) }
                        guard (0..<shape.height).contains(y), (0..<shape.width).contains(x) else { continue }
                        for ch in 0..<c {
                            out[(n * oh + oy) * ow + ox, (ky * k + kx) * c + ch] = images[n, shape.index(y: y, x: x, channel: ch)]
                        }
                    }
                }
            }
        }
    }
    return out
}

/// The keypoints with the usual slips switchable.
private func keypoints(_ maps: Matrix, _ shape: ImageShape, _ temperature: Float, subtractMaximum: Bool = true,
                       overChannels: Bool = false, pixelCoordinates: Bool = false) -> Matrix {
    let (h, w, c) = (shape.height, shape.width, shape.channels)
    var out = Matrix.zeros(maps.rows, 2 * c)
    for n in 0..<maps.rows {
        var weights = (0..<(h * w * c)).map { maps[n, $0] / temperature }
        let groups: [[Int]] = overChannels ? (0..<(h * w)).map { p in (0..<c).map { p * c + $0 } }
                                           : (0..<c).map { k in (0..<(h * w)).map { $0 * c + k } }
        for group in groups {
            let top = subtractMaximum ? group.map { weights[$0] }.max()! : 0
            let exps = group.map { Foundation.exp(weights[$0] - top) }
            let total = exps.reduce(0, +)
            for (i, e) in zip(group, exps) { weights[i] = e / total }
        }
        for p in 0..<(h * w) {
            let (i, j) = (p / w, p % w)
            let u = pixelCoordinates ? Float(j) : Float(2 * j + 1) / Float(w) - 1
            let v = pixelCoordinates ? Float(i) : 1 - Float(2 * i + 1) / Float(h)
            for k in 0..<c {
                out[n, 2 * k] += weights[p * c + k] * u
                out[n, 2 * k + 1] += weights[p * c + k] * v
            }
        }
    }
    return out
}

/// Plausible mistakes in lesson 9 (visuomotor imitation from pixels).
let lesson09Mutants: [Mutant] = [
    // 9.1 convolutionOutputSize
    outputSizeMutant("9.1", "padding forgotten", hint: ["padding is missing"]) { n, k, s, _ in (n - k) / s + 1 },
    outputSizeMutant("9.1", "1×p instead of 2p", hint: ["both sides"]) { n, k, s, p in (n + p - k) / s + 1 },
    outputSizeMutant("9.1", "ceiling instead of floor", hint: ["round down"]) { n, k, s, p in (n + 2 * p - k + s - 1) / s + 1 },
    outputSizeMutant("9.1", "+ 1 missing", hint: ["first position counts"]) { n, k, s, p in (n + 2 * p - k) / s },
    // 9.2 im2col
    mutant("9.2", "channel-major patch order (c, ky, kx)", hint: ["patch order"]) {
        $0.patches = { b, images, shape, k, s, p in
            let right = try b.im2col(images: images, shape: shape, kernel: k, stride: s, padding: p)
            let c = shape.channels
            var out = Matrix.zeros(right.rows, right.cols)
            for r in 0..<right.rows {
                for j in 0..<right.cols { out[r, (j % c) * k * k + j / c] = right[r, j] }
            }
            return out
        }
    },
    mutant("9.2", "output pixels column-major (ox, then oy)", hint: ["row order"]) {
        $0.patches = { b, images, shape, k, s, p in
            let right = try b.im2col(images: images, shape: shape, kernel: k, stride: s, padding: p)
            let oh = try b.convolutionOutputSize(inputSize: shape.height, kernel: k, stride: s, padding: p)
            let ow = try b.convolutionOutputSize(inputSize: shape.width, kernel: k, stride: s, padding: p)
            var out = Matrix.zeros(right.rows, right.cols)
            for r in 0..<right.rows {
                let (n, q) = (r / (oh * ow), r % (oh * ow))
                for j in 0..<right.cols { out[n * oh * ow + (q % ow) * oh + q / ow, j] = right[r, j] }
            }
            return out
        }
    },
    mutant("9.2", "transposed (one column per output pixel)", hint: ["transposed"]) {
        $0.patches = { b, images, shape, k, s, p in
            try b.im2col(images: images, shape: shape, kernel: k, stride: s, padding: p).transposed()
        }
    },
    mutant("9.2", "no zero padding (edge pixels repeated)", hint: ["zero padding"]) {
        $0.patches = { b, images, shape, k, s, p in
            _ = try b.im2col(images: images, shape: shape, kernel: k, stride: s, padding: p)
            return patches(images, shape, k, s, p, clamp: true)
        }
    },
    mutant("9.2", "patches start at 0, not −padding", hint: ["zero padding", "start at −padding"]) {
        $0.patches = { b, images, shape, k, s, p in
            _ = try b.im2col(images: images, shape: shape, kernel: k, stride: s, padding: p)
            return patches(images, shape, k, s, p, shift: false)
        }
    },
    // 9.3 spatialSoftmaxKeypoints
    mutant("9.3", "no maximum subtracted (exp overflows)", hint: ["maximum", "overflow"]) {
        $0.keypoints = { b, maps, shape, t in
            _ = try b.spatialSoftmaxKeypoints(featureMaps: maps, shape: shape, temperature: t)
            return keypoints(maps, shape, t, subtractMaximum: false)
        }
    },
    mutant("9.3", "temperature forgotten", hint: ["temperature"]) {
        $0.keypoints = { b, maps, shape, t in
            _ = try b.spatialSoftmaxKeypoints(featureMaps: maps, shape: shape, temperature: t)
            return try b.spatialSoftmaxKeypoints(featureMaps: maps, shape: shape, temperature: 1)
        }
    },
    mutant("9.3", "x and y swapped (v, u)", hint: ["(u, v) order"]) {
        $0.keypoints = { b, maps, shape, t in
            let right = try b.spatialSoftmaxKeypoints(featureMaps: maps, shape: shape, temperature: t)
            var out = right
            for n in 0..<right.rows {
                for k in 0..<shape.channels { (out[n, 2 * k], out[n, 2 * k + 1]) = (right[n, 2 * k + 1], right[n, 2 * k]) }
            }
            return out
        }
    },
    mutant("9.3", "softmax over the channels instead of the positions", hint: ["not over the channels"]) {
        $0.keypoints = { b, maps, shape, t in
            _ = try b.spatialSoftmaxKeypoints(featureMaps: maps, shape: shape, temperature: t)
            return keypoints(maps, shape, t, overChannels: true)
        }
    },
    mutant("9.3", "coordinates in pixels (j, i), not in [−1, 1]", hint: ["pixel indices", "[−1, 1]"]) {
        $0.keypoints = { b, maps, shape, t in
            _ = try b.spatialSoftmaxKeypoints(featureMaps: maps, shape: shape, temperature: t)
            return keypoints(maps, shape, t, pixelCoordinates: true)
        }
    },
    mutant("9.3", "v growing downwards (row order)", hint: ["upwards"]) {
        $0.keypoints = { b, maps, shape, t in
            var out = try b.spatialSoftmaxKeypoints(featureMaps: maps, shape: shape, temperature: t)
            for n in 0..<out.rows {
                for k in 0..<shape.channels { out[n, 2 * k + 1] = -out[n, 2 * k + 1] }
            }
            return out
        }
    },
    // 9.4 auxiliaryPositionLoss
    mutant("9.4", "mean over all entries (mseLoss, D times too small)", hint: ["mseLoss", "D times too small"]) {
        $0.auxiliaryLoss = { b, predicted, target in
            _ = try b.auxiliaryPositionLoss(predicted: predicted, target: target)
            return mseLoss(predicted, target)
        }
    },
    mutant("9.4", "sum without the mean over rows", hint: ["number of rows", "mean over the batch"]) {
        $0.auxiliaryLoss = { b, predicted, target in
            _ = try b.auxiliaryPositionLoss(predicted: predicted, target: target)
            return square(predicted - target).sum()
        }
    },
    mutant("9.4", "absolute instead of squared differences", hint: ["square the differences"]) {
        $0.auxiliaryLoss = { b, predicted, target in
            _ = try b.auxiliaryPositionLoss(predicted: predicted, target: target)
            return abs(predicted - target).sum() * (1 / Float(predicted.rows))
        }
    },
    mutant("9.4", "target and prediction detached", hint: ["detach"]) {
        $0.auxiliaryLoss = { b, predicted, target in
            Tensor(try b.auxiliaryPositionLoss(predicted: predicted.detached(), target: target.detached()).value)
        }
    },
]
