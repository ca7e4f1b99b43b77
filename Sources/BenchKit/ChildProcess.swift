import Foundation

/// A program run to its end, or stopped after a time limit, with what it printed.
public struct ChildProcessOutcome: Sendable {
    /// The exit status, or `nil` when the program was stopped at its time limit or killed by a signal.
    public var exitCode: Int32?
    /// What it wrote to standard output.
    public var standardOutput: Data
    /// What it wrote to standard error, as text.
    public var standardError: String
    /// `true` when the time limit ran out and the program was stopped.
    public var timedOut: Bool

    /// The last non-empty line of standard error (for one-line messages), or "".
    public var lastErrorLine: String {
        standardError.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { String($0) } ?? ""
    }
}

/// Runs programs with a time limit, capturing their output (bench's PyTorch reference and its
/// per-kernel children).
public enum ChildProcess {
    /// Runs `executable` with `arguments`, its environment changed by `environment` (a `nil` value
    /// removes a variable), and waits at most `timeLimit` seconds: then it and the programs it
    /// started are sent SIGTERM, and SIGKILL two seconds later. Throws only when the program
    /// cannot be started.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String?] = [:], timeLimit: Double
    ) throws -> ChildProcessOutcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        for (name, value) in environment { variables[name] = value }
        process.environment = variables
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice

        // Both pipes are drained while the program runs, so that a full pipe never blocks it.
        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, isOutput) in [(output, true), (errors, false)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.store(data, isOutput: isOutput)
                group.leave()
            }
        }
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            // Close our ends so the readers finish.
            try? output.fileHandleForWriting.close()
            try? errors.fileHandleForWriting.close()
            group.wait()
            throw error
        }
        // The child leads a process group of its own (Foundation starts it so), and the whole group
        // is stopped: a program it started must not keep the pipes open.
        let groupID = -process.processIdentifier
        var timedOut = false
        if finished.wait(timeout: .now() + timeLimit) == .timedOut {
            timedOut = true
            kill(groupID, SIGTERM)
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(groupID, SIGKILL)
                finished.wait()
            }
        }
        if group.wait(timeout: .now() + 5) == .timedOut {
            kill(groupID, SIGKILL)
            _ = group.wait(timeout: .now() + 5)
        }
        let exited = process.terminationReason == .exit && !timedOut
        return ChildProcessOutcome(exitCode: exited ? process.terminationStatus : nil,
                                   standardOutput: collected.output,
                                   standardError: String(decoding: collected.errors, as: UTF8.self),
                                   timedOut: timedOut)
    }

    /// The path of the running executable (for re-running oneself), from /proc/self/exe where
    /// there is one, else from the command line.
    public static var currentExecutable: String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// The first of `names` found as an executable file on the PATH, or `nil`.
    public static func findOnPath(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// The two pipes' contents, written from two reader threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var outputData = Data(), errorData = Data()

    func store(_ data: Data, isOutput: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isOutput { outputData = data } else { errorData = data }
    }

    var output: Data { lock.lock(); defer { lock.unlock() }; return outputData }
    var errors: Data { lock.lock(); defer { lock.unlock() }; return errorData }
}
