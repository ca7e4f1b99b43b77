import CKernels

extension Matrix {
    /// tanh of every entry, by the kit's vectorised kernel (`Sources/CKernels/Tanh.c`: Cephes' tanhf,
    /// within 2 ulp of the exact value, NaN kept, the same bits on every CPU and vector width).
    /// Several times faster than `Foundation.tanh` entry by entry, which dominated lesson 3's GAN.
    public func tanh() -> Matrix {
        storage.withUnsafeBufferPointer { p in
            Matrix(rows: rows, cols: cols) { out in
                kit_tanh(p.baseAddress, out.baseAddress, out.count)
            }
        }
    }

    /// Limits the tanh kernel to at most `lanes` floats at a time (16, 8 or 4), for tests that
    /// compare every width on one machine; returns the width now in use.
    @discardableResult
    public static func limitTanhLanes(_ lanes: Int) -> Int {
        Int(kit_tanh_limit_lanes(Int32(lanes)))
    }
}
