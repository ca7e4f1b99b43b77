/// Which standard deviation to report over a handful of runs.
public enum DeviationKind: Sendable {
    /// Divide the squared deviations by n (the spread of exactly these runs).
    case population
    /// Divide by n − 1 (Bessel's correction: an estimate of the spread of all runs); 0 for one value.
    case sample
}

/// The mean of `values` in double precision, summed in order (NaN when there are none).
///
/// ```swift
/// mean(of: [1, 2, 3] as [Float])   // 2.0
/// ```
@inlinable  // specialised where it is called (per-step statistics in training loops)
public func mean<Values: Collection>(of values: Values) -> Double where Values.Element: BinaryFloatingPoint {
    values.isEmpty ? .nan : values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
}

/// The mean and standard deviation of `values` (e.g. one number per seed), or NaN for both when
/// there are no values.
///
/// ```swift
/// let (mean, std) = meanAndStandardDeviation(of: [1, 2, 3])   // (2, 0.816…)
/// ```
public func meanAndStandardDeviation(of values: [Double], kind: DeviationKind = .population)
    -> (mean: Double, std: Double) {
    guard !values.isEmpty else { return (.nan, .nan) }
    let mean = mean(of: values)
    let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    switch kind {
    case .population:
        return (mean, (squares / Double(values.count)).squareRoot())
    case .sample:
        guard values.count > 1 else { return (mean, 0) }
        return (mean, (squares / Double(values.count - 1)).squareRoot())
    }
}
