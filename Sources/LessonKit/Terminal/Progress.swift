import Foundation

/// A progress bar with an estimate of the time left, for training loops.
///
/// On a terminal it redraws one line in place (at most ten times a second); elsewhere (CI, a
/// pipe) it prints a plain line at every tenth of the way. Made by `context.progress(total:label:)`;
/// safe to advance from several threads.
///
/// ```swift
/// let bar = context.progress(total: steps, label: "training")
/// for step in 0..<steps {
///     ...
///     bar.advance(status: "loss \(loss)")
/// }
/// ```
public final class Progress: @unchecked Sendable {
    /// The number of steps that make the whole.
    public let total: Int
    /// The name shown before the bar.
    public let label: String
    private let console: Console
    private let lock = NSLock()
    private let start = ContinuousClock.now
    private var completed = 0
    private var status: String?
    private var lastDraw: ContinuousClock.Instant?
    private var lastTenth = 0
    private var finished = false

    init(total: Int, label: String, console: Console) {
        self.total = max(0, total)
        self.label = label
        self.console = console
    }

    /// The number of steps done so far.
    public var completedSteps: Int {
        lock.lock()
        defer { lock.unlock() }
        return completed
    }

    /// Records `steps` more steps done, with an optional short status (e.g. the current loss).
    public func advance(by steps: Int = 1, status: String? = nil) {
        lock.lock()
        defer { lock.unlock() }
        record(completed + steps, status: status)
    }

    /// Records that `completed` steps are done in all, with an optional short status.
    public func update(_ completed: Int, status: String? = nil) {
        lock.lock()
        defer { lock.unlock() }
        record(completed, status: status)
    }

    /// Ends the bar (the runner also ends it when its cell ends). Calling it again does nothing.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        let seconds = elapsedSeconds()
        if console.isTerminal {
            console.write("\r" + barLine(ending: true) + "\u{1B}[K\n")
        } else {
            console.line("\(label): \(completed) of \(total) steps in \(Progress.duration(seconds))")
        }
    }

    private func record(_ value: Int, status: String?) {
        guard !finished else { return }
        completed = min(max(0, value), max(total, value))
        if let status { self.status = status }
        if console.isTerminal {
            let now = ContinuousClock.now
            if completed >= total || lastDraw.map({ now - $0 >= .milliseconds(100) }) ?? true {
                lastDraw = now
                console.write("\r" + barLine(ending: false) + "\u{1B}[K")
            }
        } else if total > 0 {
            let tenth = min(10, completed * 10 / total)
            if tenth > lastTenth, tenth < 10 {
                lastTenth = tenth
                var line = "\(label): \(tenth * 10)% (\(completed)/\(total)), \(remainingText()) left"
                if let status = self.status { line += ", " + status }
                console.line(line)
            }
        }
    }

    private func barLine(ending: Bool) -> String {
        let fraction = total > 0 ? min(1, Double(completed) / Double(total)) : 1
        let counts = "\(completed)/\(total)"
        let timing = ending ? "in " + Progress.duration(elapsedSeconds()) : remainingText() + " left"
        var tail = String(format: "%3.0f%%", fraction * 100) + "  " + counts + "  " + timing
        if let status { tail += "  " + status }
        let barWidth = max(10, min(30, console.width - label.count - tail.count - 6))
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        let line = "\(label) \(console.styled(bar, .boldCyan)) \(tail)"
        return line
    }

    private func elapsedSeconds() -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    private func remainingText() -> String {
        guard completed > 0, total > completed else { return completed >= total ? "0:00" : "?" }
        let seconds = elapsedSeconds() / Double(completed) * Double(total - completed)
        return Progress.duration(seconds)
    }

    /// A duration as "0.4 s", "12.3 s" or "m:ss" / "h:mm:ss".
    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        let hours = whole / 3600, minutes = (whole % 3600) / 60, rest = whole % 60
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest)
                         : String(format: "%d:%02d", minutes, rest)
    }
}
