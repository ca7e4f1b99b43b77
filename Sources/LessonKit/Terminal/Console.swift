import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a lesson's terminal output goes: the real terminal, or a buffer in tests.
///
/// It knows whether it is an interactive terminal (in-place progress bars, colours, pausing
/// between cells) and how wide it is (prose is wrapped to it).
public final class Console: @unchecked Sendable {
    /// Whether output goes to an interactive terminal.
    public let isTerminal: Bool
    /// The width prose is wrapped to, in characters.
    public let width: Int
    /// Whether ANSI styles (bold, dim, colours) are used.
    public let usesStyles: Bool
    private let lock = NSLock()
    private let sink: @Sendable (String) -> Void
    private let input: @Sendable () -> String?
    private var buffer = ""

    /// Creates a console that writes with `sink` and reads lines with `input`.
    public init(isTerminal: Bool, width: Int, usesStyles: Bool,
                sink: @escaping @Sendable (String) -> Void,
                input: @escaping @Sendable () -> String? = { nil }) {
        self.isTerminal = isTerminal
        self.width = max(20, width)
        self.usesStyles = usesStyles
        self.sink = sink
        self.input = input
    }

    /// A console that keeps everything written to it (read it with `capturedText`): for tests.
    public convenience init(capturingWidth width: Int = 80) {
        let store = CapturedText()
        self.init(isTerminal: false, width: width, usesStyles: false, sink: { store.append($0) })
        self.captured = store
    }

    private var captured: CapturedText?

    /// Everything written so far, if this console captures (empty otherwise).
    public var capturedText: String { captured?.text ?? "" }

    /// The process's standard output: a terminal when stdout is a TTY, its width from the
    /// terminal (or `COLUMNS`), at most 100 characters; styles unless `NO_COLOR` is set.
    public static func standard() -> Console {
        let terminal = isatty(STDOUT_FILENO) == 1
        let environment = ProcessInfo.processInfo.environment
        var columns = Int(environment["COLUMNS"] ?? "") ?? 80
        #if canImport(Glibc) || canImport(Darwin)
        var size = winsize()
        if terminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            columns = Int(size.ws_col)
        }
        #endif
        let styles = terminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        return Console(isTerminal: terminal, width: min(columns, 100), usesStyles: styles,
                       sink: { text in
                           // Through C's stdout, like Swift's print, so the two keep their order.
                           Swift.print(text, terminator: "")
                           fflush(nil)
                       },
                       input: { Swift.readLine() })
    }

    /// Writes text as it is.
    public func write(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        sink(text)
    }

    /// Writes a line (a newline is added).
    public func line(_ text: String = "") {
        write(text + "\n")
    }

    /// Reads a line from the user; `nil` at end of input.
    func readLine() -> String? {
        input()
    }

    /// `text` in a style, when styles are on.
    func styled(_ text: String, _ style: Style) -> String {
        guard usesStyles, !text.isEmpty else { return text }
        return "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m"
    }

    /// ANSI styles the runner uses.
    enum Style: String {
        case bold = "1"
        case dim = "2"
        case boldCyan = "1;36"
        case red = "31"
        case yellow = "33"
        case green = "32"
    }
}

/// A thread-safe text buffer.
private final class CapturedText: @unchecked Sendable {
    private let lock = NSLock()
    private var storage = ""

    func append(_ text: String) {
        lock.lock()
        storage += text
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
