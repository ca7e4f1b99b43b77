import Foundation

/// One line of a step table: the kit's time, PyTorch's from the same run, and their ratio.
public struct StepRow: Equatable, Sendable {
    /// The layer widths joined by "-".
    public var network: String
    /// The batch size.
    public var batch: Int
    /// The kit's time per step, in µs.
    public var kitMicroseconds: Double
    /// The time of the step's matrix products alone, in µs.
    public var gemmMicroseconds: Double
    /// PyTorch's time per step, in µs, when it was measured.
    public var pytorchMicroseconds: Double?

    /// PyTorch's time divided by the kit's: above 1, the kit is faster. `nil` without PyTorch.
    public var speedUp: Double? { pytorchMicroseconds.map { $0 / kitMicroseconds } }

    /// The share of the step spent outside its matrix products: (step − GEMM) / step.
    public var overhead: Double { (kitMicroseconds - gemmMicroseconds) / kitMicroseconds }

    /// The step time above the GEMM time, relative to the GEMM time: (step − GEMM) / GEMM.
    public var overheadOverGEMM: Double { (kitMicroseconds - gemmMicroseconds) / gemmMicroseconds }
}

/// The tables `bench` prints.
public enum BenchReport {
    /// The rows of one kernel's step table; PyTorch's time is matched by network and batch.
    public static func stepRows(kit: KitMeasurement, pytorch: PyTorchMeasurement?) -> [StepRow] {
        kit.steps.map { step in
            StepRow(network: step.network, batch: step.batch, kitMicroseconds: step.microseconds,
                    gemmMicroseconds: step.gemmMicroseconds,
                    pytorchMicroseconds: pytorch?.microseconds(network: step.network, batch: step.batch))
        }
    }

    /// One kernel's step table, heading included.
    public static func stepTable(kit: KitMeasurement, spec: KernelSpec, pytorch: PyTorchMeasurement?) -> [String] {
        var lines = ["Kernel \(kit.label) (\(spec): \(kit.choice)), \(kit.threads) BLAS thread(s)"
                     + (kit.gemmEngine.map { "; products: \($0)" } ?? "")]
        if let warning = spec.mismatch(ran: kit.kernel) { lines.append("warning: \(warning)") }
        var cells = [["network", "batch", "kit µs/step", "PyTorch µs/step", "speed-up", "GEMM µs", "overhead",
                      "above GEMM"]]
        for r in stepRows(kit: kit, pytorch: pytorch) {
            cells.append([r.network, "\(r.batch)", format(r.kitMicroseconds),
                          r.pytorchMicroseconds.map(format) ?? "—",
                          r.speedUp.map { String(format: "%.2f×", $0) } ?? "—",
                          format(r.gemmMicroseconds),
                          String(format: "%.0f%%", 100 * r.overhead),
                          String(format: "%.0f%%", 100 * r.overheadOverGEMM)])
        }
        return lines + layout(cells)
    }

    /// The GEMM table: GFLOPS per kernel, PyTorch's when measured, the share of the estimated peak
    /// that the best kernel reaches, and the slowest kernel's share of the best's.
    public static func gemmTable(kits: [(spec: KernelSpec, kit: KitMeasurement)], pytorch: PyTorchMeasurement?,
                                 peak: CPUPeak?) -> [String] {
        guard let sizes = kits.first?.kit.gemm.map(\.n), !sizes.isEmpty else { return [] }
        var heading = ["n"] + kits.map { "\($0.kit.label)" }
        if pytorch != nil { heading.append("PyTorch") }
        heading += ["best kernel / peak", "slowest / best"]
        var cells = [heading]
        for n in sizes {
            let gflops = kits.map { k in k.kit.gemm.first { $0.n == n }?.gflops }
            var line = ["\(n)"] + gflops.map { $0.map { String(format: "%.1f", $0) } ?? "—" }
            if let pytorch { line.append(pytorch.gemm.first { $0.n == n }.map { String(format: "%.1f", $0.gflops) } ?? "—") }
            let known = gflops.compactMap { $0 }
            let best = known.max() ?? 0, worst = known.min() ?? 0
            line.append(peak.map { String(format: "%.0f%%", 100 * best / $0.gigaflops) } ?? "—")
            line.append(best > 0 ? String(format: "%.0f%%", 100 * worst / best) : "—")
            cells.append(line)
        }
        return ["GEMM (sgemm, n×n · n×n, one call at a time), GFLOPS"] + layout(cells)
    }

    /// Rows of cells as aligned lines: the first column left-aligned, the others right-aligned,
    /// each as wide as its widest cell, three spaces apart.
    public static func layout(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { cells in
            cells.enumerated().map { c, cell in
                let padding = String(repeating: " ", count: widths[c] - cell.count)
                return c == 0 ? cell + padding : padding + cell
            }.joined(separator: "   ")
        }
    }

    /// µs with one decimal below 100, none above.
    public static func format(_ microseconds: Double) -> String {
        String(format: microseconds < 100 ? "%.1f" : "%.0f", microseconds)
    }
}
