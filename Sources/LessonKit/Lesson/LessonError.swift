/// What can go wrong around a lesson's cells (the cells' own errors are reported as they are).
public enum LessonError: Error, CustomStringConvertible, Sendable, Equatable {
    /// `--cell` named a cell the lesson does not have.
    case noSuchCell(requested: Int, count: Int)
    /// A figure name that cannot be a file name.
    case badFigureName(String)
    /// Two figures of one lesson share a name.
    case duplicateFigureName(String)
    /// A result key that is empty or recorded with a value JSON cannot hold.
    case badResultKey(String)
    /// `--formats` named a format the kit does not write.
    case unknownFormat(String)
    /// `--backend gnuplot` was asked for but no `gnuplot` program is on the PATH.
    case gnuplotMissing
    /// An output file could not be written.
    case cannotWrite(path: String, reason: String)
    /// A table row with a different number of entries than the table has columns.
    case tableRowWidth(expected: Int, got: Int)
    /// The lesson's typed results cannot be written to results.json.
    case badTypedResults(String)

    /// `--scale paper` for a lesson that has no paper scale.
    case noPaperScale(lesson: Int)

    /// A per-seed experiment's name that cannot be a folder name.
    case badExperimentName(String)
    /// A per-seed experiment returned another number of runs than it was given seeds.
    case perSeedRunCount(experiment: String, runs: Int, seeds: Int)

    /// A one-line explanation for the terminal.
    public var description: String {
        switch self {
        case let .noSuchCell(requested, count):
            return "--cell \(requested): this lesson has cells 1 to \(count)"
        case let .badFigureName(name):
            return "figure name \"\(name)\" must be letters, digits, '-' or '_' (it becomes a file name)"
        case let .duplicateFigureName(name):
            return "two figures are named \"\(name)\"; each figure of a lesson needs its own name"
        case let .badResultKey(key):
            return "result key \"\(key)\" must be a non-empty name such as \"bc.returns\""
        case let .unknownFormat(format):
            return "unknown figure format \"\(format)\": choose from png, svg, pdf"
        case .gnuplotMissing:
            return "--backend gnuplot needs the gnuplot program, which is not on the PATH: "
                + "install it (apt-get install gnuplot) or use --backend cairo"
        case let .cannotWrite(path, reason):
            return "cannot write \(path): \(reason)"
        case let .tableRowWidth(expected, got):
            return "a table row has \(got) entries but the table has \(expected) columns"
        case let .badTypedResults(reason):
            return "results.json: \(reason)"
        case let .noPaperScale(lesson):
            return "--scale paper: lesson \(lesson) has no paper scale (lessons 5 and 6 have one: the hopper at "
                + "Fujimoto et al.'s sizes)"
        case let .badExperimentName(name):
            return "per-seed experiment name \"\(name)\" must be letters, digits, '-' or '_' (it becomes a folder name)"
        case let .perSeedRunCount(experiment, runs, seeds):
            return "the per-seed experiment \"\(experiment)\" returned \(runs) runs for \(seeds) seeds (one run per seed, in order)"
        }
    }
}
