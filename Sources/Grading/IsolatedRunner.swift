import ExerciseAPI
import Foundation

/// What a check gave when run in a child process.
public struct IsolatedOutcome: Sendable {
    /// Whether the check passed.
    public var passed: Bool
    /// Whether it failed as "not implemented" (an untouched stub).
    public var notImplemented: Bool
    /// The failure message, or what happened to the child (crash, time-out); empty when passed.
    public var message: String
    /// How long the child ran.
    public var seconds: Double
    /// Whether the child was stopped at its time limit.
    public var timedOut = false

    /// Creates an outcome.
    public init(passed: Bool, notImplemented: Bool, message: String, seconds: Double, timedOut: Bool = false) {
        self.passed = passed
        self.notImplemented = notImplemented
        self.message = message
        self.seconds = seconds
        self.timedOut = timedOut
    }
}

/// Runs one check in a child process of this executable with a time limit: the `grade` command
/// (`grade run-one ID`) and the `mutants` command (`mutants run-one ID`) both use it.
///
/// The child prints one line, ``resultMarker`` followed by ``encode(_:)`` of its outcome. A crash
/// (a trap such as an index out of range or `fatalError`), a time-out or garbled output becomes a
/// failed outcome with a message saying what happened.
public enum IsolatedRunner {
    /// The prefix of the child's one result line.
    public static let resultMarker = "GRADE-RESULT "

    /// Encodes an outcome as the child's result line (without the marker).
    public static func encode(_ outcome: CheckOutcome) -> String {
        let status: String
        switch outcome {
        case .passed: status = "passed"
        case .failed: status = "failed"
        case .notImplemented: status = "notImplemented"
        }
        let object = ["status": status, "message": outcome.message]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Starts this executable with `arguments`, waits at most `timeLimit` seconds, and reads the
    /// child's result line. `label` ("exercise 1.2 gaussianLogLikelihood") starts the messages
    /// about crashes and time-outs; `name` makes the temporary files' names unique. A non-empty
    /// `launcher` (e.g. ``unprivilegedLauncher(user:)``) is a command that starts the child: it gets
    /// this executable's path and `arguments` after its own, and must `exec` them.
    public static func run(arguments: [String], label: String, name: String, timeLimit: Double,
                           launcher: [String] = []) -> IsolatedOutcome {
        let start = Date()
        func outcome(_ passed: Bool, _ message: String, notImplemented: Bool = false,
                     timedOut: Bool = false) -> IsolatedOutcome {
            IsolatedOutcome(passed: passed, notImplemented: notImplemented, message: message,
                            seconds: Date().timeIntervalSince(start), timedOut: timedOut)
        }
        let temp = FileManager.default.temporaryDirectory
            .appendingPathComponent("grade-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
        let stdoutURL = temp.appendingPathExtension("out")
        let stderrURL = temp.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)   // a failure shows when the
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)   // handles below are opened
        defer {
            try? FileManager.default.removeItem(at: stdoutURL)
            try? FileManager.default.removeItem(at: stderrURL)
        }
        guard let stdoutHandle = try? FileHandle(forWritingTo: stdoutURL),
              let stderrHandle = try? FileHandle(forWritingTo: stderrURL) else {
            return outcome(false, "grader: could not create temporary files in \(temp.deletingLastPathComponent().path)")
        }

        let process = Process()
        if let command = launcher.first {
            process.executableURL = URL(fileURLWithPath: command)
            process.arguments = Array(launcher.dropFirst()) + [selfExecutable().path] + arguments
        } else {
            process.executableURL = selfExecutable()
            process.arguments = arguments
        }
        process.standardOutput = stdoutHandle
        process.standardError = stderrHandle
        process.standardInput = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"  // a crash report is not what a grade needs
        process.environment = environment
        do {
            try process.run()
        } catch {
            return outcome(false, "grader: could not start a child process: \(error)")
        }
        let deadline = Date().addingTimeInterval(timeLimit)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.terminate()
                let grace = Date().addingTimeInterval(0.5)
                while process.isRunning && Date() < grace { Thread.sleep(forTimeInterval: 0.01) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                break
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.waitUntilExit()
        try? stdoutHandle.close()
        try? stderrHandle.close()

        if timedOut {
            return outcome(false, "\(label): stopped after the time limit of \(formatSeconds(timeLimit)) s "
                           + "(an infinite loop, or far too slow)", timedOut: true)
        }
        let output = (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
        if let line = output.split(separator: "\n").last(where: { $0.hasPrefix(resultMarker) }),
           let data = line.dropFirst(resultMarker.count).data(using: .utf8),
           let object = try? JSONSerialization.jsonObject(with: data) as? [String: String],
           let status = object["status"] {
            let message = object["message"] ?? ""
            return outcome(status == "passed", message, notImplemented: status == "notImplemented")
        }
        // Swift prints "Fatal error: <why>" (or "…/File.swift:12: Fatal error: …") on a trap.
        let errorLines = errors.split(separator: "\n").map(String.init)
        let lastError = errorLines.first(where: { $0.contains("Fatal error") || $0.contains("Precondition failed") })
            ?? errorLines.suffix(2).joined(separator: " | ")
        let how = process.terminationReason == .uncaughtSignal
            ? "crashed (signal \(process.terminationStatus))"
            : "exited with status \(process.terminationStatus) without a result"
        return outcome(false, "\(label): the code \(how)"
                       + (lastError.isEmpty ? "" : ": \(lastError)"))
    }

    /// A launcher that runs the child as `user` (util-linux `setpriv`, which `exec`s, so a time-out
    /// stops the child itself): the student's code then cannot read files only root may read (the
    /// grader's sources), write the reports, or signal the grader. Needs root; throws when there is
    /// no such user.
    public static func unprivilegedLauncher(user: String) throws -> [String] {
        guard let entry = getpwnam(user) else {
            throw GradingInputError("there is no user named \(user) to run the checks as")
        }
        let (uid, gid) = (entry.pointee.pw_uid, entry.pointee.pw_gid)
        return ["/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(gid)", "--clear-groups", "--no-new-privs", "--"]
    }

    /// This executable's own path, to start the child from.
    private static func selfExecutable() -> URL {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        #endif
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    }
}
