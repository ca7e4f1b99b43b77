extension Matrix {
    /// The patches of a batch of images as rows: the "image to columns" rearrangement that turns a
    /// convolution into one matrix product.
    ///
    /// `images` is batch × `geometry.input.count` (one NHWC image per row, see ``ImageShape``). The
    /// result is (batch · outputHeight · outputWidth) × `geometry.patchSize`: row
    /// `(n · outputHeight + oy) · outputWidth + ox` holds the patch under the kernel at output pixel
    /// (oy, ox) of image n, in (ky, kx, c) order, with zeros where the kernel hangs over the padding.
    /// Multiplying by the kernel matrix (patchSize × filters) gives the output, already NHWC.
    public static func im2col(_ images: Matrix, geometry: ConvolutionGeometry) -> Matrix {
        let shape = geometry.input
        precondition(images.cols == shape.count,
                      "im2col: images have \(images.cols) columns, a \(shape) image has \(shape.count)")
        let batch = images.rows
        let (oh, ow) = (geometry.outputHeight, geometry.outputWidth)
        let (kh, kw, c) = (geometry.kernelHeight, geometry.kernelWidth, shape.channels)
        let (h, w, s, p) = (shape.height, shape.width, geometry.stride, geometry.padding)
        let patch = geometry.patchSize
        return images.withUnsafeBufferPointer { source in
            Matrix(rows: batch * oh * ow, cols: patch) { target in
                guard let src = source.baseAddress, let dst = target.baseAddress else { return }
                // listing: im2col
                for n in 0..<batch {
                    let image = src + n * shape.count
                    for oy in 0..<oh {
                        for ox in 0..<ow {
                            var out = dst + ((n * oh + oy) * ow + ox) * patch
                            let left = ox * s - p
                            for ky in 0..<kh {
                                let y = oy * s - p + ky
                                let rowInside = y >= 0 && y < h
                                if rowInside && left >= 0 && left + kw <= w {
                                    // The kernel's row lies inside the image: kw·C contiguous floats.
                                    out.initialize(from: image + (y * w + left) * c, count: kw * c)
                                    out += kw * c
                                    continue
                                }
                                for kx in 0..<kw {
                                    let x = left + kx
                                    if rowInside && x >= 0 && x < w {
                                        out.initialize(from: image + (y * w + x) * c, count: c)
                                    } else {
                                        out.initialize(repeating: 0, count: c)
                                    }
                                    out += c
                                }
                            }
                        }
                    }
                }
                // end listing
            }
        }
    }

    /// The adjoint of ``im2col(_:geometry:)``: adds every patch row back onto the pixels it was
    /// read from (entries that fell on the padding are dropped). Overlapping patches add up, so
    /// `col2im` of the gradient with respect to the patches is the gradient with respect to the images.
    ///
    /// `columns` is (batch · outputHeight · outputWidth) × patchSize; the result is batch × input.count.
    public static func col2im(_ columns: Matrix, geometry: ConvolutionGeometry) -> Matrix {
        let shape = geometry.input
        let (oh, ow) = (geometry.outputHeight, geometry.outputWidth)
        let patch = geometry.patchSize
        precondition(columns.cols == patch && columns.rows % (oh * ow) == 0,
                      "col2im: columns are \(columns.shapeDescription), expected (batch·\(oh * ow))×\(patch)")
        let batch = columns.rows / (oh * ow)
        let (kh, kw, c) = (geometry.kernelHeight, geometry.kernelWidth, shape.channels)
        let (h, w, s, p) = (shape.height, shape.width, geometry.stride, geometry.padding)
        var images = Matrix.zeros(batch, shape.count)
        columns.withUnsafeBufferPointer { source in
            images.withUnsafeMutableBufferPointer { target in
                guard let src = source.baseAddress, let dst = target.baseAddress else { return }
                for n in 0..<batch {
                    let image = dst + n * shape.count
                    for oy in 0..<oh {
                        for ox in 0..<ow {
                            var row = src + ((n * oh + oy) * ow + ox) * patch
                            for ky in 0..<kh {
                                let y = oy * s - p + ky
                                let rowInside = y >= 0 && y < h
                                for kx in 0..<kw {
                                    let x = ox * s - p + kx
                                    if rowInside && x >= 0 && x < w {
                                        let pixel = image + (y * w + x) * c
                                        for k in 0..<c { pixel[k] += row[k] }
                                    }
                                    row += c
                                }
                            }
                        }
                    }
                }
            }
        }
        return images
    }
}
