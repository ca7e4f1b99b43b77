extension Matrix {
    /// A matrix of independent normal entries N(mean, std²), drawn row after row from `rng`.
    public static func randomNormal(
        _ rows: Int, _ cols: Int, mean: Float = 0, std: Float = 1, rng: inout RandomSource
    ) -> Matrix {
        Matrix(rows: rows, cols: cols) { out in
            for i in 0..<out.count { out[i] = rng.normal(mean: mean, std: std) }
        }
    }

    /// A matrix of independent uniform entries U[low, high), drawn row after row from `rng`.
    public static func randomUniform(
        _ rows: Int, _ cols: Int, low: Float = 0, high: Float = 1, rng: inout RandomSource
    ) -> Matrix {
        Matrix(rows: rows, cols: cols) { out in
            for i in 0..<out.count { out[i] = rng.uniform(low, high) }
        }
    }
}
