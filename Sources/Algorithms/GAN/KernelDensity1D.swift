import ExerciseAPI
import Foundation

/// A Gaussian kernel density estimate of one-dimensional samples: how the lesson turns a
/// generator's samples into a density `p̂_G` on a grid, to measure JSD(p_data ‖ p̂_G).
///
/// The bandwidth defaults to Silverman's rule `0.9·min(σ̂, IQR/1.34)·n^(−1/5)`; the estimate is
/// the samples' histogram smoothed by the kernel, so its JSD to p_data has a small positive floor
/// even for a perfect generator (measured in the lesson by sampling p_data itself).
public struct KernelDensity1D: Sendable {
    /// The samples.
    public let samples: [Double]
    /// The kernel's standard deviation.
    public let bandwidth: Double

    /// An estimate from `samples` (at least 2), with Silverman's bandwidth unless one is given.
    public init(samples: [Double], bandwidth: Double? = nil) throws {
        guard samples.count >= 2, samples.allSatisfy(\.isFinite) else {
            throw GANInputError("KernelDensity1D: needs at least 2 finite samples, got \(samples.count)")
        }
        self.samples = samples.sorted()
        if let bandwidth {
            guard bandwidth > 0, bandwidth.isFinite else { throw GANInputError("KernelDensity1D: bandwidth must be positive, got \(bandwidth)") }
            self.bandwidth = bandwidth
        } else {
            let n = Double(samples.count)
            let mean = samples.reduce(0, +) / n
            let std = (samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
            let s = self.samples
            let iqr = s[Int(0.75 * (n - 1))] - s[Int(0.25 * (n - 1))]
            let spread = iqr > 0 ? min(std, iqr / 1.34) : std
            self.bandwidth = max(0.9 * spread * pow(n, -0.2), 1e-3)
        }
    }

    /// The estimated density at each of `points` (sorted or not).
    public func densities(at points: [Double]) -> [Double] {
        let h = bandwidth
        let norm = 1 / (Double(samples.count) * h * (2 * Double.pi).squareRoot())
        return points.map { x in
            // Kernels further than 8 bandwidths contribute below e^-32: skip them.
            let lo = lowerBound(x - 8 * h), hi = lowerBound(x + 8 * h)
            var sum = 0.0
            for i in lo..<hi {
                let z = (x - samples[i]) / h
                sum += exp(-0.5 * z * z)
            }
            return sum * norm
        }
    }

    private func lowerBound(_ value: Double) -> Int {
        var lo = 0, hi = samples.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if samples[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
