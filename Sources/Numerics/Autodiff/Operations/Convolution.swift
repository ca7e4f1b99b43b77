/// A 2-D convolution (cross-correlation, as in PyTorch's `conv2d`) of a batch of NHWC images,
/// through im2col and one BLAS product.
///
/// - `x`: batch × `geometry.input.count`, one image per row in height-width-channel order
///   (see ``ImageShape``).
/// - `weight`: `geometry.patchSize` × `geometry.outputChannels`, rows in (ky, kx, input channel)
///   order: the kernel laid out like a ``linear(_:weight:bias:)`` weight (in × out).
/// - `bias`: 1 × `geometry.outputChannels`, one per filter.
/// - Result: batch × `geometry.output.count`, NHWC again, so it can feed another convolution or,
///   unchanged, a dense layer (the row *is* the flattened image).
///
/// Forward: P = im2col(x) ((batch·Ho·Wo) × patch), Y = P·W + b. Backward, with G the upstream
/// gradient read as (batch·Ho·Wo) × filters: ∂W = Pᵀ·G, ∂b = column sums of G, ∂x = col2im(G·Wᵀ).
public func conv2d(_ x: Tensor, weight: Tensor, bias: Tensor, geometry: ConvolutionGeometry) -> Tensor {
    let patch = geometry.patchSize, filters = geometry.outputChannels
    precondition(x.cols == geometry.input.count,
                  "conv2d: input has \(x.cols) columns, a \(geometry.input) image has \(geometry.input.count)")
    precondition(weight.rows == patch && weight.cols == filters,
                  "conv2d: weight is \(weight.value.shapeDescription), expected \(patch)×\(filters) "
                  + "(kernel \(geometry.kernelHeight)×\(geometry.kernelWidth)×\(geometry.input.channels) → \(filters))")
    precondition(bias.rows == 1 && bias.cols == filters,
                  "conv2d: bias is \(bias.value.shapeDescription), expected 1×\(filters)")
    let batch = x.rows
    let positions = batch * geometry.outputHeight * geometry.outputWidth
    let patches = Matrix.im2col(x.value, geometry: geometry)
    // P·W onto the bias, in every output pixel.
    let out = Matrix.affine(patches, weight.value, bias: bias.value)
    return Tensor(value: out.reshaped(batch, geometry.output.count), operation: "conv2d",
                  parents: [x, weight, bias]) { [weightValue = weight.value] g, needed in
        let perPixel = g.reshaped(positions, filters)
        return [needed[0] ? Matrix.col2im(perPixel.matmul(weightValue, transposeOther: true), geometry: geometry) : nil,
                needed[1] ? patches.matmul(perPixel, transposeSelf: true) : nil,
                needed[2] ? perPixel.columnSums() : nil]
    }
}
