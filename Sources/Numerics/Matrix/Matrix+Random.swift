extension Matrix {
    /// A matrix of independent normal entries N(mean, std²), drawn row after row from `rng`.
    public static func randomNormal(
        _ rows: Int, _ cols: Int, mean: Float = 0, std: Float = 1, rng: inout RandomSource
    ) -> Matrix {
        var m = Matrix.zeros(rows, cols)
        for i in 0..<m.count { m.storage[i] = rng.normal(mean: mean, std: std) }
        return m
    }

    /// A matrix of independent uniform entries U[low, high), drawn row after row from `rng`.
    public static func randomUniform(
        _ rows: Int, _ cols: Int, low: Float = 0, high: Float = 1, rng: inout RandomSource
    ) -> Matrix {
        var m = Matrix.zeros(rows, cols)
        for i in 0..<m.count { m.storage[i] = rng.uniform(low, high) }
        return m
    }
}
