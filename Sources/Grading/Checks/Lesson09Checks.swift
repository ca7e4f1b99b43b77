import ExerciseAPI
import Foundation
import NeuralNetworks
import Numerics

/// The graded checks of lesson 9 (visuomotor imitation from pixels), visible to students.
let lesson09Checks: [ExerciseCheck] = [
    ExerciseCheck(id: "9.1", lesson: 9, name: "convolutionOutputSize", points: 1) { set in
        let f = set.visuomotor
        let expect = Expect("9.1", "convolutionOutputSize")
        // (n, k, s, p, ⌊(n + 2p − k)/s⌋ + 1): padding on both sides, a stride that does not divide,
        // DQN's first layer, a kernel as large as the input, a kernel as large as the padded input.
        try checkOutputSizes(f, expect, [(10, 3, 1, 2, 12), (11, 4, 3, 0, 3), (16, 3, 2, 1, 8), (84, 8, 4, 0, 20),
                                         (5, 5, 1, 0, 1), (3, 7, 1, 2, 1)])
        // Behaviour: the kit's convolutions have the sizes the formula gives, over a grid.
        for n in 1...9 {
            for k in 1...5 {
                for s in 1...3 {
                    for p in 0...2 where k <= n + 2 * p {
                        let got = try f.convolutionOutputSize(inputSize: n, kernel: k, stride: s, padding: p)
                        let kit = ConvolutionGeometry.outputSize(input: n, kernel: k, stride: s, padding: p)
                        try expect.that(got == kit, "(inputSize: \(n), kernel: \(k), stride: \(s), padding: \(p)) gave \(got), "
                                        + "but the kit's conv2d produces \(kit) positions"
                                        + (outputSizeHint(got: got, n, k, s, p).map { " (\($0))" } ?? ""))
                    }
                }
            }
        }
        try expect.throwsError("convolutionOutputSize with inputSize 0") {
            _ = try f.convolutionOutputSize(inputSize: 0, kernel: 1, stride: 1, padding: 0)
        }
        try expect.throwsError("convolutionOutputSize with kernel 0") {
            _ = try f.convolutionOutputSize(inputSize: 5, kernel: 0, stride: 1, padding: 0)
        }
        try expect.throwsError("convolutionOutputSize with stride 0") {
            _ = try f.convolutionOutputSize(inputSize: 5, kernel: 3, stride: 0, padding: 1)
        }
        try expect.throwsError("convolutionOutputSize with padding −1") {
            _ = try f.convolutionOutputSize(inputSize: 5, kernel: 3, stride: 1, padding: -1)
        }
        try expect.throwsError("convolutionOutputSize with a kernel of 7 on 3 pixels padded by 1 (7 > 3 + 2)") {
            _ = try f.convolutionOutputSize(inputSize: 3, kernel: 7, stride: 1, padding: 1)
        }
    },
    ExerciseCheck(id: "9.2", lesson: 9, name: "im2col", points: 3) { set in
        let f = set.visuomotor
        let expect = Expect("9.2", "im2col")
        // One 3×3×2 image, every entry distinct and non-zero: 100·c + 10·y + x + 1.
        let small = ImageShape(height: 3, width: 3, channels: 2)
        try checkPatches(f, expect, images: numberedImages(count: 1, shape: small), shape: small, kernel: 2, stride: 1, padding: 0)
        // A batch of two 5×5×3 images, stride 2 and padding 1: patches hang over the border.
        let batch = ImageShape(height: 5, width: 5, channels: 3)
        let images = numberedImages(count: 2, shape: batch)
        try checkPatches(f, expect, images: images, shape: batch, kernel: 3, stride: 2, padding: 1)
        // Behaviour: the patch matrix times a kernel matrix is the kit's convolution.
        var rng = RandomSource(seed: 92)
        let geometry = ConvolutionGeometry(input: batch, outputChannels: 4, kernel: 3, stride: 2, padding: 1)
        let weight = Matrix.randomNormal(geometry.patchSize, 4, rng: &rng)
        let convolved = conv2d(Tensor(images), weight: Tensor(weight), bias: Tensor(.zeros(1, 4)), geometry: geometry).value
        let product = try f.im2col(images: images, shape: batch, kernel: 3, stride: 2, padding: 1).matmul(weight)
        try expect.close(product.reshaped(2, geometry.output.count).scalars.map(Double.init), convolved.scalars.map(Double.init),
                         tolerance: 1e-4, "im2col(2 images of 5×5×3, kernel: 3, stride: 2, padding: 1) × a 27×4 kernel matrix "
                         + "against the kit's conv2d", hint: "row (n·oh + oy)·ow + ox, column (ky·k + kx)·C + c")
        try expect.throwsError("im2col with images of 10 columns for a 3×3×2 shape") {
            _ = try f.im2col(images: .zeros(1, 10), shape: small, kernel: 2, stride: 1, padding: 0)
        }
        try expect.throwsError("im2col with a kernel of 6 on a 3×3 image padded by 1") {
            _ = try f.im2col(images: .zeros(1, small.count), shape: small, kernel: 6, stride: 1, padding: 1)
        }
    },
    ExerciseCheck(id: "9.3", lesson: 9, name: "spatialSoftmaxKeypoints", points: 3) { set in
        let f = set.visuomotor
        let expect = Expect("9.3", "spatialSoftmaxKeypoints")
        // A 2×3 map (not square) of 2 channels, values of order 1.
        let wide = ImageShape(height: 2, width: 3, channels: 2)
        let maps = Matrix(rows: 1, cols: wide.count, values: [0.5, -1, -1, 0.2, 2, 0.3, 0, 1.5, 1, -0.5, -0.5, 0.1])
        try checkKeypoints(f, expect, maps, wide, temperature: 1)
        // The same map at temperature 0.5: sharper.
        try checkKeypoints(f, expect, maps, wide, temperature: 0.5)
        // A hot pixel: one value far above the rest in row 0, column 3 of a 4×4 map.
        let square = ImageShape(height: 4, width: 4, channels: 1)
        var hot = Matrix.zeros(1, square.count)
        hot[0, square.index(y: 0, x: 3, channel: 0)] = 50
        try checkKeypoints(f, expect, hot, square, temperature: 1,
                           note: "a single hot pixel at row 0, column 3 of a 4×4 map: its centre (u, v) = (0.75, 0.75), "
                                 + "the top-right corner")
        // A batch of two 4×4×3 maps with large values (about 1000): exp of them overflows a Float.
        var rng = RandomSource(seed: 93)
        let large = Matrix.randomNormal(2, 48, rng: &rng).map { 1000 + 3 * $0 }
        try checkKeypoints(f, expect, large, ImageShape(height: 4, width: 4, channels: 3), temperature: 1,
                           note: "a batch of two 4×4×3 maps of values near 1000")
        try expect.throwsError("spatialSoftmaxKeypoints with temperature 0") {
            _ = try f.spatialSoftmaxKeypoints(featureMaps: maps, shape: wide, temperature: 0)
        }
        try expect.throwsError("spatialSoftmaxKeypoints with maps of 12 columns for a 2×2×2 shape") {
            _ = try f.spatialSoftmaxKeypoints(featureMaps: maps, shape: ImageShape(height: 2, width: 2, channels: 2), temperature: 1)
        }
    },
    ExerciseCheck(id: "9.4", lesson: 9, name: "auxiliaryPositionLoss", points: 2) { set in
        let f = set.visuomotor
        let expect = Expect("9.4", "auxiliaryPositionLoss")
        let predicted = Tensor(Matrix([[1, 2], [0, 0], [-1, 1]]))
        let target = Tensor(Matrix([[0, 0], [0, 1], [1, 1]]))
        let call = "(p̂: [[1, 2], [0, 0], [−1, 1]], p: [[0, 0], [0, 1], [1, 1]])"
        let loss = try f.auxiliaryPositionLoss(predicted: predicted, target: target)
        try expect.that(loss.rows == 1 && loss.cols == 1, "the loss must be 1×1, got \(loss.value.shapeDescription)")
        // ‖p̂ − p‖² per row: 5, 1, 4; (1/3) · 10.
        try expect.close(Double(loss.scalar), 10.0 / 3, tolerance: 1e-5, call, mistakes: auxiliaryLossMistakes(
            squaredErrors: 10, absoluteErrors: 6, rows: 3, columns: 2),
            hint: "(1/N) Σᵢ ‖p̂ᵢ − pᵢ‖²: the squared differences summed over the coordinates, averaged over the rows")
        let gradient = loss.gradients(for: [predicted])[0]
        try expect.close(gradient.scalars.map(Double.init), [2, 4, 0, -2, -4, 0].map { $0 / 3.0 }, tolerance: 1e-5,
                         "∂loss/∂p̂ for \(call)", hint: gradient.scalars.allSatisfy { $0 == 0 }
                            ? "no gradient reaches p̂: keep the graph, do not detach predicted or rebuild it from .value"
                            : "2(p̂ − p)/N")
        try expect.throwsError("auxiliaryPositionLoss with p̂ 3×2 and p 3×1") {
            _ = try f.auxiliaryPositionLoss(predicted: predicted, target: Tensor(.zeros(3, 1)))
        }
        try expect.throwsError("auxiliaryPositionLoss with p̂ 3×2 and p 2×2") {
            _ = try f.auxiliaryPositionLoss(predicted: predicted, target: Tensor(.zeros(2, 2)))
        }
        try expect.throwsError("auxiliaryPositionLoss on an empty batch") {
            _ = try f.auxiliaryPositionLoss(predicted: Tensor(.zeros(0, 2)), target: Tensor(.zeros(0, 2)))
        }
        // Behaviour: an auxiliary head trained with the loss learns to read positions off its features.
        let error = try fitLinearHead(formulas: f)
        try expect.that(error < 0.05, "a linear head trained with the loss for 400 Adam steps is \(error) from the true map "
                        + "(want < 0.05): the gradient must reach the head through predicted")
    },
]

// MARK: 9.1

/// Checks exercise 9.1 on `cases` (n, k, s, p, expected), naming the mistake a wrong answer matches.
func checkOutputSizes(_ f: any VisuomotorExercises, _ expect: Expect, _ cases: [(Int, Int, Int, Int, Int)]) throws {
    for (n, k, s, p, expected) in cases {
        let got = try f.convolutionOutputSize(inputSize: n, kernel: k, stride: s, padding: p)
        try expect.that(got == expected, "(inputSize: \(n), kernel: \(k), stride: \(s), padding: \(p)) gave \(got), expected "
                        + "⌊(\(n) + 2·\(p) − \(k))/\(s)⌋ + 1 = \(expected)" + (outputSizeHint(got: got, n, k, s, p).map { " (\($0))" } ?? ""))
    }
}

/// The hint naming a known slip in ⌊(n + 2p − k)/s⌋ + 1 that gives `got`, if one does.
func outputSizeHint(got: Int, _ n: Int, _ k: Int, _ s: Int, _ p: Int) -> String? {
    let right = (n + 2 * p - k) / s + 1
    var slips: [(Int, String)] = []
    if n - k >= 0 { slips.append(((n - k) / s + 1, "the padding is missing: the kernel slides over n + 2p pixels")) }
    if n + p - k >= 0 { slips.append(((n + p - k) / s + 1, "the zeros go on both sides: n + 2p, not n + p")) }
    slips.append(((n + 2 * p - k + s - 1) / s + 1, "round down (⌊·⌋): the kernel must fit entirely, a partial step does not count"))
    slips.append(((n + 2 * p - k) / s, "the first position counts too: ⌊(n + 2p − k)/s⌋ + 1"))
    return slips.first { $0.0 == got && $0.0 != right }?.1
}

// MARK: 9.2

/// `count` images of `shape` whose entry (y, x, c) of image n is 1000·n + 100·c + 10·y + x + 1
/// (distinct and non-zero, so a padded zero or a misplaced entry shows).
func numberedImages(count: Int, shape: ImageShape) -> Matrix {
    var images = Matrix.zeros(count, shape.count)
    for n in 0..<count {
        for y in 0..<shape.height {
            for x in 0..<shape.width {
                for c in 0..<shape.channels {
                    images[n, shape.index(y: y, x: x, channel: c)] = Float(1000 * n + 100 * c + 10 * y + x + 1)
                }
            }
        }
    }
    return images
}

/// Checks exercise 9.2 against the kit's `Matrix.im2col` on one input; a wrong answer is matched
/// against the usual slips (transposed, channel-major patches, column-major positions, no zero padding).
func checkPatches(_ f: any VisuomotorExercises, _ expect: Expect, images: Matrix, shape: ImageShape,
                  kernel k: Int, stride s: Int, padding p: Int) throws {
    let call = "(\(images.rows) image\(images.rows == 1 ? "" : "s") of \(shape), kernel: \(k), stride: \(s), padding: \(p))"
    let geometry = ConvolutionGeometry(input: shape, outputChannels: 1, kernel: k, stride: s, padding: p)
    let expected = Matrix.im2col(images, geometry: geometry)
    let got = try f.im2col(images: images, shape: shape, kernel: k, stride: s, padding: p)
    let (oh, ow, c) = (geometry.outputHeight, geometry.outputWidth, shape.channels)
    guard got.rows == expected.rows, got.cols == expected.cols else {
        let transposed = got.rows == expected.cols && got.cols == expected.rows
        try expect.that(false, "\(call) returned \(got.shapeDescription), expected \(expected.shapeDescription): "
                        + (transposed ? "transposed: one row per output position, one column per patch entry"
                                      : "batch · oh · ow = \(images.rows)·\(oh)·\(ow) rows of k·k·C = \(k)·\(k)·\(c) columns"))
        return
    }
    guard got.scalars != expected.scalars else { return }
    // The first entry that differs, and where it lies.
    let (gotScalars, expectedScalars) = (got.scalars, expected.scalars)
    let index = gotScalars.indices.first { gotScalars[$0] != expectedScalars[$0] } ?? 0
    let (row, column) = (index / got.cols, index % got.cols)
    let (position, ky, kx, channel) = (row % (oh * ow), column / (k * c), (column / c) % k, column % c)
    let (oy, ox) = (position / ow, position % ow)
    let (y, x) = (oy * s - p + ky, ox * s - p + kx)
    let overPadding = !(0..<shape.height).contains(y) || !(0..<shape.width).contains(x)
    // The same patches, channel by channel: column c·k·k + ky·k + kx holds entry (ky, kx, c).
    var channelMajor = Matrix.zeros(expected.rows, expected.cols)
    var columnMajor = Matrix.zeros(expected.rows, expected.cols)
    for r in 0..<expected.rows {
        let (n, q) = (r / (oh * ow), r % (oh * ow))
        let swapped = n * oh * ow + (q % ow) * oh + q / ow     // output pixels listed ox first, then oy
        for j in 0..<expected.cols {
            let (patchPixel, ch) = (j / c, j % c)
            channelMajor[r, ch * k * k + patchPixel] = expected[r, j]
            columnMajor[swapped, j] = expected[r, j]
        }
    }
    let hint: String
    if got.scalars == channelMajor.scalars {
        hint = "patch order: a row lists its patch in (ky, kx, c) order, the C channels of one pixel side by side "
            + "(column (ky·k + kx)·C + c), not channel by channel"
    } else if got.scalars == columnMajor.scalars {
        hint = "row order: the output pixels come in row-major order, row (n·oh + oy)·ow + ox (oy, then ox)"
    } else if overPadding {
        hint = "zero padding: this entry lies over the padding (y = oy·stride − padding + ky = \(y), x = \(x) outside the "
            + "\(shape.height)×\(shape.width) image) and must be 0; patches start at −padding"
    } else {
        hint = "row (n·oh + oy)·ow + ox holds the patch at output pixel (oy, ox) of image n; its column (ky·k + kx)·C + c holds "
            + "entry (y, x, c) with y = oy·stride − padding + ky, x = ox·stride − padding + kx"
    }
    try expect.that(false, "\(call): row \(row) (image \(row / (oh * ow)), output pixel (\(oy), \(ox))), column \(column) "
                    + "(ky \(ky), kx \(kx), c \(channel)): expected \(expected[row, column]), got \(got[row, column]) (\(hint))")
}

// MARK: 9.3

/// Keypoints computed in Double with per-pixel coordinates `coordinates(i, j)`, the softmax over the
/// positions of each channel or (`overChannels`) over the channels of each position: the known
/// slips' answers.
func keypointVariant(_ maps: Matrix, _ shape: ImageShape, temperature: Float, overChannels: Bool = false,
                     coordinates: (Int, Int) -> (Double, Double)) -> [Double] {
    let (h, w, c) = (shape.height, shape.width, shape.channels)
    var out: [Double] = []
    for n in 0..<maps.rows {
        var weights = [Double](repeating: 0, count: h * w * c)
        for p in 0..<(h * w) {
            for k in 0..<c { weights[p * c + k] = Double(maps[n, p * c + k]) / Double(temperature) }
        }
        // Normalise each group (a channel's positions, or a position's channels), its maximum subtracted.
        let groups: [[Int]] = overChannels ? (0..<(h * w)).map { p in (0..<c).map { p * c + $0 } }
                                           : (0..<c).map { k in (0..<(h * w)).map { $0 * c + k } }
        for group in groups {
            let top = group.map { weights[$0] }.max() ?? 0
            let total = group.reduce(0) { $0 + Foundation.exp(weights[$1] - top) }
            for i in group { weights[i] = Foundation.exp(weights[i] - top) / total }
        }
        for k in 0..<c {
            var (u, v) = (0.0, 0.0)
            for p in 0..<(h * w) {
                let (pu, pv) = coordinates(p / w, p % w)
                u += weights[p * c + k] * pu
                v += weights[p * c + k] * pv
            }
            out += [u, v]
        }
    }
    return out
}

/// Checks exercise 9.3 against the kit's `spatialSoftmax` op; a wrong answer is matched against the
/// usual slips.
func checkKeypoints(_ f: any VisuomotorExercises, _ expect: Expect, _ maps: Matrix, _ shape: ImageShape,
                    temperature: Float, note: String? = nil) throws {
    let call = note.map { "on \($0)" } ?? "(\(maps.rows) map\(maps.rows == 1 ? "" : "s") of \(shape) \(maps.scalars.prefix(12)), "
        + "temperature: \(temperature))"
    let got = try f.spatialSoftmaxKeypoints(featureMaps: maps, shape: shape, temperature: temperature)
    let expected = spatialSoftmax(Tensor(maps), shape: shape, temperature: temperature).value
    guard got.rows == expected.rows, got.cols == expected.cols else {
        try expect.that(false, "\(call) returned \(got.shapeDescription), expected \(expected.shapeDescription): one row per map, "
                        + "2 numbers (u, v) per channel")
        return
    }
    let values = got.scalars.map(Double.init), right = expected.scalars.map(Double.init)
    let (h, w) = (Double(shape.height), Double(shape.width))
    let pairsSwapped = stride(from: 0, to: right.count, by: 2).flatMap { [right[$0 + 1], right[$0]] }
    let vDown = right.enumerated().map { $0.offset % 2 == 1 ? -$0.element : $0.element }
    var mistakes: [(values: [Double], hint: String)] = [
        (pairsSwapped, "(u, v) order: u, the horizontal coordinate of column j, comes first, then v"),
        (vDown, "v grows upwards: v = 1 − (2i + 1)/H, so row 0 is the top, v > 0"),
        (keypointVariant(maps, shape, temperature: temperature) { (Double($1), Double($0)) },
         "coordinates are pixel centres scaled to [−1, 1], u = (2j + 1)/W − 1 and v = 1 − (2i + 1)/H, not pixel indices"),
        (keypointVariant(maps, shape, temperature: temperature, overChannels: true) { ((2 * Double($1) + 1) / w - 1, 1 - (2 * Double($0) + 1) / h) },
         "the softmax runs over the H·W positions of each channel (its weights sum to 1 over the positions), not over the channels"),
    ]
    if temperature != 1 {
        mistakes.append((spatialSoftmax(Tensor(maps), shape: shape, temperature: 1).value.scalars.map(Double.init),
                         "divide the values by the temperature T before the softmax: exp(x/T)"))
    }
    if values.contains(where: { !$0.isFinite }) {
        let shown = { (xs: [Double]) in "[" + xs.prefix(8).map { String(format: "%.4g", $0) }.joined(separator: ", ") + "]" }
        try expect.that(false, "\(call) returned non-finite keypoints \(shown(values)), expected \(shown(right)) (subtract each "
                        + "channel's maximum before exp: exp of large values overflows a Float to inf, and inf/inf is NaN)")
    }
    func near(_ xs: [Double], _ ys: [Double]) -> Bool {
        xs.count == ys.count && zip(xs, ys).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($1)) }
    }
    let recognised = mistakes.first { near(values, $0.values) && !near($0.values, right) }
    if recognised == nil, values.contains(where: { abs($0) > 1 + 1e-5 }) {
        try expect.that(false, "\(call) returned \(values.prefix(8).map { String(format: "%.4g", $0) }), outside [−1, 1]: coordinates are pixel centres scaled to "
                        + "[−1, 1], u = (2j + 1)/W − 1 and v = 1 − (2i + 1)/H, not pixel indices")
    }
    try expect.close(values, right, tolerance: 1e-4, call,
                     hint: recognised?.hint ?? "per channel, a softmax over the positions of x/T, then Σ_p s_p (u_p, v_p)")
}

// MARK: 9.4

/// The known slips of the auxiliary loss on an input whose squared errors add up to `squaredErrors`
/// and absolute errors to `absoluteErrors` over `rows` × `columns` entries.
func auxiliaryLossMistakes(squaredErrors: Double, absoluteErrors: Double, rows: Int, columns: Int) -> [KnownMistake] {
    [KnownMistake(squaredErrors / Double(rows * columns),
                  "a mean over all N·D entries is mseLoss, D times too small: sum over the coordinates, mean over the rows"),
     KnownMistake(squaredErrors, "divide the sum by the number of rows N: the loss is a mean over the batch"),
     KnownMistake(absoluteErrors / Double(rows), "square the differences: ‖p̂ − p‖², not |p̂ − p|"),
     KnownMistake(absoluteErrors / Double(rows * columns), "square the differences: ‖p̂ − p‖², not |p̂ − p|")]
}

/// Trains a linear auxiliary head p̂ = X·W on fixed features X with the implementation's loss, the
/// targets p = X·W* read off the features, and returns the largest |W − W*|.
func fitLinearHead(formulas: any VisuomotorExercises) throws -> Double {
    let features = Matrix([[1, 0, 0.5], [0, 1, -0.5], [1, 1, 0], [-1, 0.5, 1], [0.5, -1, 0.5], [0, 0, 1], [1, -1, -1], [-0.5, 0.5, 0]])
    let truth = Matrix([[0.5, -1], [1, 0.25], [-0.75, 0.5]])
    let positions = Tensor(features.matmul(truth))
    let w = Parameter(.zeros(3, 2), name: "W")
    let optimizer = Adam(parameters: [w], learningRate: 0.05)
    for _ in 0..<400 {
        let loss = try formulas.auxiliaryPositionLoss(predicted: Tensor(features).matmul(w.tensor), target: positions)
        optimizer.step(loss.gradients(for: [w]))
    }
    return zip(w.value.scalars, truth.scalars).map { Double(abs($0 - $1)) }.max() ?? .infinity
}
