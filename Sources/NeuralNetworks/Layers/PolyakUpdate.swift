import Numerics

/// Moves every target parameter towards the source: θ' ← τ·θ + (1 − τ)·θ'.
///
/// The two networks must have the same architecture. `tau: 1` copies the source exactly; the
/// usual soft update of DDPG/TD3/BCQ uses τ = 0.005.
public func polyakUpdate(target: some Layer, source: some Layer, tau: Float) {
    let targetParameters = target.parameters, sourceParameters = source.parameters
    precondition(targetParameters.count == sourceParameters.count,
                  "polyakUpdate: target has \(targetParameters.count) parameters, source \(sourceParameters.count)")
    precondition(tau >= 0 && tau <= 1, "polyakUpdate: tau must be in [0, 1], got \(tau)")
    for (t, s) in zip(targetParameters, sourceParameters) {
        precondition(t.value.rows == s.value.rows && t.value.cols == s.value.cols,
                      "polyakUpdate: \(t.name) is \(t.value.shapeDescription), \(s.name) is \(s.value.shapeDescription)")
        if tau == 1 {
            t.value = s.value
            continue
        }
        let sourceValue = s.value
        t.tensor.updateValue { value in
            value.withUnsafeMutableBufferPointer { dst in
                sourceValue.withUnsafeBufferPointer { src in
                    for i in 0..<dst.count { dst[i] = tau * src[i] + (1 - tau) * dst[i] }
                }
            }
        }
    }
}
