/// Why a figure could not be drawn or written; the message names the figure part at fault.
public enum PlottingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data given to an artist is inconsistent (lengths differ, empty, no finite value, …).
    case invalidData(String)
    /// A figure setting is out of range (size, subplot index, limits, scale factor, …).
    case invalidSetting(String)
    /// Cairo or Pango reported an error status.
    case cairo(String)
    /// The gnuplot executable was not found; the script and data files were still written.
    case gnuplotMissing(script: String)
    /// gnuplot ran and failed.
    case gnuplotFailed(String)
    /// A file could not be written, renamed or read.
    case io(String)
    /// The backend cannot produce this format.
    case unsupportedFormat(String)

    /// A one-line explanation for the terminal.
    public var description: String {
        switch self {
        case .invalidData(let m): return "invalid plot data: \(m)"
        case .invalidSetting(let m): return "invalid figure setting: \(m)"
        case .cairo(let m): return "Cairo error: \(m)"
        case .gnuplotMissing(let script):
            return "gnuplot is not installed (no executable on PATH); the script \(script) was written, install gnuplot to render it"
        case .gnuplotFailed(let m): return "gnuplot failed: \(m)"
        case .io(let m): return "file error: \(m)"
        case .unsupportedFormat(let m): return "unsupported format: \(m)"
        }
    }
}
