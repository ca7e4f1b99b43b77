// Lesson 9's encoder cell: the policy's layers sized with exercise 9.1, its first convolution
// recomputed with exercise 9.2, its keypoints with exercise 9.3, and what the auxiliary head
// (exercise 9.4's loss) has learned to predict after its pre-training.
import Algorithms
import Datasets
import Environments
import ExerciseAPI
import Foundation
import LessonKit
import NeuralNetworks
import Numerics
import Plotting

/// What the encoder cell hands to its figure.
struct EncoderPicture {
    /// The images, one per state (figures' style, not standardized: as a person sees them).
    var images: [[Float]]
    /// The states drawn.
    var states: [BlockPushing.State]
    /// Per image, the keypoints (u, v) ∈ [−1, 1]², one per channel of the last map.
    var keypoints: [[(Double, Double)]]
    /// Per image, the auxiliary head's block and pusher positions, in world coordinates.
    var predicted: [(block: SIMD2<Double>, pusher: SIMD2<Double>)]
    /// Half the side of the world square the images show.
    var viewHalfSize: Double
}

/// Builds the policy, checks exercises 9.1–9.3 against its layers, pre-trains its auxiliary head,
/// and returns the picture of what the head predicts.
func runEncoderCell(_ context: LessonContext) throws -> EncoderPicture {
    let formulas = context.exercises.visuomotor
    let task = PushingTask()
    let configuration = agentConfiguration(quick: context.quick)
    let renderer = try PushingPixelRenderer(environment: task.environment, size: imageSize)
    let shape = renderer.observationShape
    var rng = RandomSource(seed: RandomSource.derivedSeed(base: context.seed, scale: 1_000, offset: 11))
    let policy = ConvolutionalGaussianPolicy(imageShape: shape, actionSize: task.environment.actionSize,
                                             convolutions: configuration.convolutions,
                                             hiddenSizes: configuration.policyHiddenSizes,
                                             auxiliaryOutputs: configuration.auxiliaryTarget.outputs,
                                             readout: configuration.readout, rng: &rng)
    // Exercise 9.1: every layer's output side, against the layer the library built.
    var table = Table("The policy's encoder, sized with exercise 9.1", columns: [
        "layer", "input", "kernel, stride, padding", "output (9.1)", "numbers out",
    ])
    var side = imageSize, channels = 3
    for (index, (spec, layer)) in zip(configuration.convolutions, policy.encoder.convolutions).enumerated() {
        let out = try formulas.convolutionOutputSize(inputSize: side, kernel: spec.kernel, stride: spec.stride,
                                                     padding: spec.padding)
        guard out == layer.outputShape.height else {
            throw LessonCellError("exercise 9.1: convolutionOutputSize(inputSize: \(side), kernel: \(spec.kernel), stride: "
                                  + "\(spec.stride), padding: \(spec.padding)) returned \(out); the layer's output is "
                                  + "\(layer.outputShape.height) wide")
        }
        let isLast = index == configuration.convolutions.count - 1
        let activation = isLast && configuration.readout != .flatten ? "" : " + ReLU"
        try table.addRow("convolution \(index + 1)\(activation)", "\(side) × \(side) × \(channels)",
                         "\(spec.kernel), \(spec.stride), \(spec.padding)", "\(out) × \(out) × \(spec.filters)",
                         out * out * spec.filters)
        side = out
        channels = spec.filters
    }
    try table.addRow("spatial softmax", "\(side) × \(side) × \(channels)", "", "\(channels) keypoints (u, v)", 2 * channels)
    context.show(table)

    // Pre-train the encoder and the auxiliary head (exercise 9.4's loss), as every run of the agent does.
    let demonstrations = try pusherDemonstrations(task: task, base: context.seed)
    var pretraining = rng.split()
    let loss = try configuration.auxiliaryPretraining.run(
        policy: policy, target: configuration.auxiliaryTarget, task: task,
        demonstrationStates: demonstrations.flatMap { $0.states.prefix($0.count) }, styles: configuration.styles,
        visuomotor: formulas, rng: &pretraining)
    context.print(String(format: "Auxiliary pre-training: %d Adam steps, L_aux over the last 50 steps %.4f (in squared table "
                         + "units, block and pusher together).", configuration.auxiliaryPretraining.steps, loss))

    // Three states of the evaluation episodes' kind, rendered in the figures' style.
    let states = PushingStyleGrid.exampleStates(environment: task.environment, count: 3,
                                                seed: RandomSource.derivedSeed(base: context.seed, scale: 1_000, offset: 12))
    let raw = states.map { renderer.render($0, style: .figure) }
    let standardized = raw.map { image -> [Float] in
        var copy = image
        shape.standardize(&copy)
        return copy
    }
    let images = Matrix(rows: states.count, cols: shape.count, values: standardized.flatMap { $0 })

    // Exercise 9.2: the first convolution as im2col × weights + bias, against the library's layer.
    let first = policy.encoder.convolutions[0], spec = configuration.convolutions[0]
    let columns = try formulas.im2col(images: images, shape: shape, kernel: spec.kernel, stride: spec.stride,
                                      padding: spec.padding)
    let expectedRows = states.count * first.outputShape.height * first.outputShape.width
    guard columns.rows == expectedRows, columns.cols == first.weight.value.rows else {
        throw LessonCellError("exercise 9.2: im2col returned \(columns.rows) × \(columns.cols); the first convolution needs "
                              + "\(expectedRows) × \(first.weight.value.rows) (one row per output pixel, one column per "
                              + "kernel entry and channel)")
    }
    let viaExercise = columns.matmul(first.weight.value).scalars
    let bias = first.bias.value.scalars
    let library = first(Tensor(images)).value.scalars
    let convolutionGap = zip(viaExercise.enumerated(), library).map { pair, value in
        abs(pair.element + bias[pair.offset % bias.count] - value)
    }.max() ?? .nan

    // Exercise 9.3: the keypoints of the last map, against the library's readout.
    var x = Tensor(images)
    for layer in policy.encoder.convolutions.dropLast() { x = policy.encoder.activation(layer(x)) }
    let last = policy.encoder.convolutions[policy.encoder.convolutions.count - 1](x).value
    let temperature: Float
    if case .keypoints(let t) = configuration.readout { temperature = Float(t) } else { temperature = 1 }
    let keypoints = try formulas.spatialSoftmaxKeypoints(featureMaps: last, shape: policy.encoder.featureShape,
                                                         temperature: temperature)
    let libraryKeypoints = policy.encoder.features(Tensor(images)).value
    guard keypoints.rows == libraryKeypoints.rows, keypoints.cols == libraryKeypoints.cols else {
        throw LessonCellError("exercise 9.3: spatialSoftmaxKeypoints returned \(keypoints.rows) × \(keypoints.cols); the "
                              + "readout gives \(libraryKeypoints.rows) × \(libraryKeypoints.cols) (u and v per channel)")
    }
    let keypointGap = zip(keypoints.scalars, libraryKeypoints.scalars).map { abs($0 - $1) }.max() ?? .nan
    context.print(String(format: "Your im2col × weights + bias against the library's first convolution: largest difference "
                         + "%.2e. Your keypoints against the library's readout: largest difference %.2e.",
                         Double(convolutionGap), Double(keypointGap)))
    for (exercise, gap) in [("9.2 im2col", convolutionGap), ("9.3 spatialSoftmaxKeypoints", keypointGap)] where !(gap < 1e-3) {
        throw LessonCellError("exercise \(exercise) disagrees with the library by \(gap): check it with `grade`")
    }

    let predicted = policy.predictedPositions(images).value
    let channelsOut = keypoints.cols / 2
    return EncoderPicture(
        images: raw, states: states,
        keypoints: (0..<states.count).map { n in
            (0..<channelsOut).map { k in (Double(keypoints[n, 2 * k]), Double(keypoints[n, 2 * k + 1])) }
        },
        predicted: (0..<states.count).map { n in
            (block: SIMD2(Double(predicted[n, 0]), Double(predicted[n, 1])),
             pusher: predicted.cols >= 4 ? SIMD2(Double(predicted[n, 2]), Double(predicted[n, 3])) : SIMD2(.nan, .nan))
        },
        viewHalfSize: renderer.viewHalfSize)
}

/// The images with the keypoints (white dots) and the auxiliary head's predictions (crosses)
/// against the true positions (circles), in pixel coordinates.
func encoderFigure(_ picture: EncoderPicture) -> Figure {
    let size = Double(imageSize)
    var figure = Figure(width: 9, height: 3.8, rows: 1, columns: picture.images.count)
    figure.title = "What the encoder finds after the auxiliary pre-training"
    func pixel(_ world: SIMD2<Double>) -> (Double, Double) {
        ((world.x / picture.viewHalfSize + 1) / 2 * size, (world.y / picture.viewHalfSize + 1) / 2 * size)
    }
    for (column, image) in picture.images.enumerated() {
        let labelled = column == picture.images.count - 1
        var axes = Axes()
        drawImage(image.map { $0 }, size: imageSize, into: &axes, left: 0, bottom: 0)
        let points = picture.keypoints[column].map { ((($0.0 + 1) / 2) * size, (($0.1 + 1) / 2) * size) }
        axes.scatter(x: points.map(\.0), y: points.map(\.1), label: labelled ? "keypoints" : nil, color: .yellow,
                     size: 3, marker: .circle)
        let state = picture.states[column], guess = picture.predicted[column]
        for (truth, estimate, name, c) in [(state.block, guess.block, "block", Color.vermillion),
                                           (state.pusher, guess.pusher, "pusher", Color.purple)] where estimate.x.isFinite {
            let t = pixel(truth), e = pixel(estimate)
            axes.scatter(x: [t.0], y: [t.1], label: labelled ? "\(name): true" : nil, color: c, size: 9, marker: .circle)
            axes.scatter(x: [e.0], y: [e.1], label: labelled ? "\(name): predicted" : nil, color: c, size: 9, marker: .cross)
        }
        axes.xLimits = 0...size
        axes.yLimits = 0...size
        axes.xTicks = []
        axes.yTicks = []
        axes.aspect = .equal
        axes.showsSpines = false
        axes.legend = .none  // the caption names every marker: a legend beside equal-aspect images would shrink the last one
        figure[0, column] = axes
    }
    return figure
}

/// A lesson-9 cell's finding that the student's formula disagrees with the library, in one line.
struct LessonCellError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
