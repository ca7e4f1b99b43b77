import ExerciseAPI
import Numerics

/// Instructor-only checks of lesson 9 (visuomotor imitation from pixels): kept out of the student handout.
let lesson09HiddenChecks: [ExerciseCheck] = [
    ExerciseCheck(id: "9.1h", lesson: 9, name: "convolutionOutputSize", points: 1, visibility: .hidden) { set in
        let f = set.visuomotor
        let expect = Expect("9.1h", "convolutionOutputSize")
        // Stride 2 with padding (odd and even spans), a stride longer than the input, a kernel of
        // exactly n + 2p with a stride, a 1×1 kernel, the kit's 48-pixel renders.
        try checkOutputSizes(f, expect, [(5, 3, 2, 1, 3), (6, 3, 2, 1, 3), (4, 1, 5, 0, 1), (3, 5, 3, 1, 1), (7, 1, 1, 0, 7),
                                         (48, 3, 2, 1, 24), (24, 3, 2, 1, 12), (1, 1, 1, 0, 1), (1, 3, 1, 1, 1)])
        try expect.throwsError("convolutionOutputSize with a kernel of 5 on 2 pixels padded by 1 (5 > 2 + 2)") {
            _ = try f.convolutionOutputSize(inputSize: 2, kernel: 5, stride: 1, padding: 1)
        }
        try expect.throwsError("convolutionOutputSize with stride −2") {
            _ = try f.convolutionOutputSize(inputSize: 8, kernel: 3, stride: -2, padding: 0)
        }
    },
    ExerciseCheck(id: "9.2h", lesson: 9, name: "im2col", points: 1, visibility: .hidden) { set in
        let f = set.visuomotor
        let expect = Expect("9.2h", "im2col")
        // A kernel of exactly n + 2p: a single patch, zeros all around the 3×3 image.
        let tiny = ImageShape(height: 3, width: 3, channels: 1)
        try checkPatches(f, expect, images: numberedImages(count: 1, shape: tiny), shape: tiny, kernel: 5, stride: 1, padding: 1)
        // A 1×1 kernel with stride 2: every other pixel, all channels.
        let wide = ImageShape(height: 4, width: 6, channels: 2)
        try checkPatches(f, expect, images: numberedImages(count: 2, shape: wide), shape: wide, kernel: 1, stride: 2, padding: 0)
        // Not square (H ≠ W), a batch of 3, padding 2.
        let tall = ImageShape(height: 5, width: 3, channels: 2)
        try checkPatches(f, expect, images: numberedImages(count: 3, shape: tall), shape: tall, kernel: 3, stride: 2, padding: 2)
        try expect.throwsError("im2col with padding −1") {
            _ = try f.im2col(images: .zeros(1, tiny.count), shape: tiny, kernel: 1, stride: 1, padding: -1)
        }
        try expect.throwsError("im2col with stride 0") {
            _ = try f.im2col(images: .zeros(1, tiny.count), shape: tiny, kernel: 1, stride: 0, padding: 0)
        }
    },
    ExerciseCheck(id: "9.3h", lesson: 9, name: "spatialSoftmaxKeypoints", points: 1, visibility: .hidden) { set in
        let f = set.visuomotor
        let expect = Expect("9.3h", "spatialSoftmaxKeypoints")
        // 1×1 maps: each channel's keypoint is the only pixel's centre, (0, 0).
        let one = ImageShape(height: 1, width: 1, channels: 3)
        try checkKeypoints(f, expect, Matrix([[5, -2, 0.5], [100, 0, -100]]), one, temperature: 1,
                           note: "two 1×1 maps of 3 channels")
        // A high temperature, a 3×5 map of 2 channels.
        var rng = RandomSource(seed: 931)
        let shape = ImageShape(height: 3, width: 5, channels: 2)
        try checkKeypoints(f, expect, Matrix.randomNormal(2, shape.count, rng: &rng), shape, temperature: 3)
        // Very negative values (exp underflows to 0 without the maximum), and a low temperature on large ones.
        try checkKeypoints(f, expect, Matrix.randomNormal(1, shape.count, rng: &rng).map { -5000 + $0 }, shape, temperature: 1,
                           note: "a 3×5×2 map of values near −5000")
        try checkKeypoints(f, expect, Matrix.randomNormal(1, shape.count, rng: &rng).map { 40 + $0 }, shape, temperature: 0.25,
                           note: "a 3×5×2 map of values near 40 at temperature 0.25")
        try expect.throwsError("spatialSoftmaxKeypoints with temperature −1") {
            _ = try f.spatialSoftmaxKeypoints(featureMaps: .zeros(1, shape.count), shape: shape, temperature: -1)
        }
        try expect.throwsError("spatialSoftmaxKeypoints with temperature NaN") {
            _ = try f.spatialSoftmaxKeypoints(featureMaps: .zeros(1, shape.count), shape: shape, temperature: .nan)
        }
    },
    ExerciseCheck(id: "9.4h", lesson: 9, name: "auxiliaryPositionLoss", points: 1, visibility: .hidden) { set in
        let f = set.visuomotor
        let expect = Expect("9.4h", "auxiliaryPositionLoss")
        // One row of four coordinates (the block and the pusher): squared errors 1 + 4 + 0 + 9 = 14.
        let single = try f.auxiliaryPositionLoss(predicted: Tensor(Matrix([[1, 2, 3, 4]])), target: Tensor(Matrix([[0, 0, 3, 1]])))
        try expect.close(Double(single.scalar), 14, tolerance: 1e-5, "(p̂: [[1, 2, 3, 4]], p: [[0, 0, 3, 1]])",
                         mistakes: auxiliaryLossMistakes(squaredErrors: 14, absoluteErrors: 6, rows: 1, columns: 4))
        // Large coordinates, four rows of three: only the differences matter.
        let predicted = Tensor(Matrix([[1000.5, -999, 1000], [1000, -1000, 1001], [999, -1000, 1000], [1000, -998, 1000]]))
        let target = Tensor(Matrix([[1000, -1000, 1000], [1000, -1000, 1000], [1000, -1000, 1000], [1000, -1000, 1000]]))
        let loss = try f.auxiliaryPositionLoss(predicted: predicted, target: target)
        // Squared errors 0.25 + 1, 1, 1, 4: 7.25 over 4 rows.
        try expect.close(Double(loss.scalar), 7.25 / 4, tolerance: 1e-5, "four rows of three coordinates near ±1000",
                         mistakes: auxiliaryLossMistakes(squaredErrors: 7.25, absoluteErrors: 5.5, rows: 4, columns: 3))
        let gradient = loss.gradients(for: [predicted])[0].scalars.map(Double.init)
        try expect.close(gradient, [0.25, 0.5, 0, 0, 0, 0.5, -0.5, 0, 0, 0, 1, 0], tolerance: 1e-4,
                         "∂loss/∂p̂ on four rows of three coordinates near ±1000",
                         hint: gradient.allSatisfy { $0 == 0 } ? "no gradient reaches p̂: do not detach predicted" : "2(p̂ − p)/N")
        try expect.throwsError("auxiliaryPositionLoss with p̂ 1×4 and p 4×1") {
            _ = try f.auxiliaryPositionLoss(predicted: Tensor(.zeros(1, 4)), target: Tensor(.zeros(4, 1)))
        }
    },
]
