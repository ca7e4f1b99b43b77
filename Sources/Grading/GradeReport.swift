import Foundation

/// The result of grading one exercise.
public struct GradedExercise: Sendable, Codable, Equatable {
    /// Exercise id, e.g. "1.2".
    public var id: String
    /// Lesson number.
    public var lesson: Int
    /// Function name.
    public var name: String
    /// Points earned.
    public var score: Double
    /// Points available.
    public var maxScore: Double
    /// Whether the check passed.
    public var passed: Bool
    /// The failure message (empty when passed).
    public var message: String
    /// `true` for instructor-only checks.
    public var hidden: Bool
    /// Seconds the check took.
    public var seconds: Double
    /// Whether the check was stopped at its time limit or at the run's deadline.
    public var timedOut: Bool
    /// Whether the check never started because the run's deadline had passed.
    public var notRun: Bool
    /// Whether the check failed as "not implemented" (an untouched stub).
    public var notImplemented: Bool

    /// Creates a graded exercise.
    public init(id: String, lesson: Int, name: String, score: Double, maxScore: Double, passed: Bool,
                message: String, hidden: Bool, seconds: Double, timedOut: Bool = false, notRun: Bool = false,
                notImplemented: Bool = false) {
        self.id = id
        self.lesson = lesson
        self.name = name
        self.score = score
        self.maxScore = maxScore
        self.passed = passed
        self.message = message
        self.hidden = hidden
        self.seconds = seconds
        self.timedOut = timedOut
        self.notRun = notRun
        self.notImplemented = notImplemented
    }

    /// The status column of the table: passed, FAILED, TIMED OUT or NOT RUN.
    public var status: String {
        passed ? "passed" : notRun ? "NOT RUN" : timedOut ? "TIMED OUT" : "FAILED"
    }
}

/// A whole grading run, and the three ways it is shown: a terminal table, a Gradescope
/// `results.json` and a JUnit XML file.
public struct GradeReport: Sendable {
    /// One entry per exercise, in lesson order.
    public var exercises: [GradedExercise]
    /// Wall-clock seconds for the whole run.
    public var executionTime: Double
    /// Lines about the whole run (exercises stopped or not run, a build that failed), shown after
    /// the table and in the Gradescope report's top-level output.
    public var notes: [String]

    /// Creates a report.
    public init(exercises: [GradedExercise], executionTime: Double, notes: [String] = []) {
        self.exercises = exercises
        self.executionTime = executionTime
        self.notes = notes
    }

    /// Points earned over all exercises.
    public var score: Double { exercises.reduce(0) { $0 + $1.score } }
    /// Points available over all exercises.
    public var maxScore: Double { exercises.reduce(0) { $0 + $1.maxScore } }

    /// The terminal table: lesson, exercise, points, status, first failure message.
    public func table(messageWidth: Int = 70) -> String {
        var lines = [String]()
        let header = ["lesson", "exercise", "points", "status", "first failure"]
        var rows = [[String]]()
        for e in exercises {
            let points = "\(format(e.score))/\(format(e.maxScore))"
            let status = e.status
            var message = e.message.replacingOccurrences(of: "\n", with: " ")
            if message.count > messageWidth { message = String(message.prefix(messageWidth - 1)) + "…" }
            rows.append(["\(e.lesson)", "\(e.id) \(e.name)\(e.hidden ? " (hidden)" : "")", points, status, message])
        }
        let widths = (0..<header.count).map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, cell in
                c == cells.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        lines.append(line(header))
        lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        lines += rows.map(line)
        lines.append("")
        lines.append("total: \(format(score)) / \(format(maxScore)) points, "
                     + "\(exercises.filter(\.passed).count) of \(exercises.count) exercises passed "
                     + "(\(String(format: "%.1f", executionTime)) s)")
        lines += notes
        return lines.joined(separator: "\n")
    }

    /// Gradescope's autograder `results.json`: top-level `score`, `execution_time`, `output` (the
    /// count passed and the ``notes``), `stdout_visibility` and `tests[]` with `name`, `number`,
    /// `score`, `max_score`, `status`, `output`, `visibility`. Hidden checks get visibility
    /// `after_published`; the grader's stdout stays `hidden` from students, since its table shows
    /// the hidden checks' messages.
    public func gradescopeJSON() throws -> Data {
        struct Test: Encodable {
            let name: String
            let number: String
            let score: Double
            let max_score: Double
            let status: String
            let output: String
            let visibility: String
        }
        struct Results: Encodable {
            let score: Double
            let execution_time: Double
            let output: String
            let stdout_visibility: String
            let tests: [Test]
        }
        let results = Results(
            score: score, execution_time: (executionTime * 100).rounded() / 100,
            output: (["\(exercises.filter(\.passed).count) of \(exercises.count) exercises passed."] + notes)
                .joined(separator: "\n"),
            stdout_visibility: "hidden",
            tests: exercises.map { e in
                Test(name: "Lesson \(e.lesson): \(e.name)", number: e.id, score: e.score, max_score: e.maxScore,
                     status: e.passed ? "passed" : "failed", output: e.passed ? "passed" : e.message,
                     visibility: e.hidden ? "after_published" : "visible")
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(results)
    }

    /// A JUnit XML report (one test suite per lesson), for CI systems and LMS importers.
    public func junitXML() -> String {
        var xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        let failures = exercises.filter { !$0.passed }.count
        xml.append("<testsuites name=\"exercises\" tests=\"\(exercises.count)\" failures=\"\(failures)\" time=\"\(String(format: "%.3f", executionTime))\">")
        for lesson in Set(exercises.map(\.lesson)).sorted() {
            let group = exercises.filter { $0.lesson == lesson }
            let time = group.reduce(0) { $0 + $1.seconds }
            xml.append("  <testsuite name=\"lesson \(lesson)\" tests=\"\(group.count)\" failures=\"\(group.filter { !$0.passed }.count)\" time=\"\(String(format: "%.3f", time))\">")
            for e in group {
                let name = escape("\(e.id) \(e.name)")
                let open = "    <testcase classname=\"lesson\(lesson)\" name=\"\(name)\" time=\"\(String(format: "%.3f", e.seconds))\""
                if e.passed {
                    xml.append(open + "/>")
                } else {
                    xml.append(open + ">")
                    xml.append("      <failure message=\"\(escape(e.message))\">\(escape(e.message))</failure>")
                    xml.append("    </testcase>")
                }
            }
            xml.append("  </testsuite>")
        }
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }

    private func format(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x)
    }

    private func escape(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 forbids most control characters.
                if ch.value < 0x20 && ch != "\n" && ch != "\t" && ch != "\r" { out += " " } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }
}
