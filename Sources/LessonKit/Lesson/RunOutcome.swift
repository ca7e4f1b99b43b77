import ExerciseAPI
import Foundation

/// How a lesson run ended.
public struct RunOutcome: Sendable, Equatable {
    /// How the run ended.
    public enum Status: String, Sendable, Equatable {
        /// Every cell asked for ran (some may have been skipped for a missing exercise).
        case complete
        /// The user stopped it at a pause between cells.
        case stopped
        /// A cell failed; the run stopped there.
        case failed
        /// The run could not start (bad `--cell`, missing gnuplot, output folder not writable).
        case notStarted = "not-started"
    }

    /// How the run ended.
    public let status: Status
    /// The process exit code: 0 complete or stopped, 1 otherwise.
    public var exitCode: Int32 { status == .complete || status == .stopped ? 0 : 1 }
    /// How many cells ran (done, skipped or failed).
    public let cellsRun: Int
    /// The numbers (from 1) of cells that ran to their end.
    public let completedCells: [Int]
    /// The numbers of cells skipped (missing exercise or `CellSkipped`).
    public let skippedCells: [Int]
    /// The failed cell's number, if one failed.
    public let failedCell: Int?
    /// The exercises found not implemented, in the order met, without repeats.
    public let unimplemented: [NotImplemented]
    /// The lesson's output folder, `<out>/NN-name/`.
    public let outputDirectory: URL
    /// The message explaining a failure or a run that could not start.
    public let message: String?
}
