import Foundation
import Numerics

/// Writes a lesson's notebook.ipynb, notebook.md, results.json and timing.json, each atomically.
struct LessonWriter {
    let info: LessonInfo
    let options: LessonCommand
    let directory: URL
    let cellCount: Int
    /// The code shown for each cell in the notebooks (`nil` for text cells).
    let sources: [String?]

    /// Writes every file for the cells run so far; returns a message if a file could not be written.
    func write(records: [CellRecord], status: RunOutcome.Status, results: [(String, ResultValue)],
               measurements: [(String, Double)] = [], started: Date) -> String? {
        do {
            let notebook = NotebookDocument(info: info, options: options, records: records, sources: sources)
            try AtomicFile.write(notebook.json().serialized(indent: 1), to: directory.appendingPathComponent("notebook.ipynb"))
            let markdown = MarkdownDocument(info: info, options: options, records: records, sources: sources)
            try AtomicFile.write(markdown.text(), to: directory.appendingPathComponent("notebook.md"))
            let summary = ResultsDocument(info: info, options: options, cellCount: cellCount, records: records,
                                          status: status, results: results)
            try AtomicFile.write(summary.json().serialized(indent: 2), to: directory.appendingPathComponent("results.json"))
            try AtomicFile.write(timing(records: records, measurements: measurements, started: started).serialized(indent: 2),
                                 to: directory.appendingPathComponent("timing.json"))
            return nil
        } catch {
            return LessonRunner.describe(error)
        }
    }

    /// When the run started, how long each cell took and the lesson's own measurements
    /// (throughputs), kept out of results.json, which must be the same for the same seed.
    private func timing(records: [CellRecord], measurements: [(String, Double)], started: Date) -> JSONValue {
        let formatter = ISO8601DateFormatter()
        let total = records.map(\.seconds).reduce(0, +)
        return .object([
            ("started", .string(formatter.string(from: started))),
            ("seconds", .number((total * 1000).rounded() / 1000)),
            ("blasKernel", .string(BLASKernel.name)),
            ("blasKernelChoice", .string(BLASKernel.choice)),
            ("gemmEngine", .string(BLASKernel.gemmEngine)),
            ("cells", .array(records.map { record in
                .object([("number", .integer(record.number)), ("title", .string(record.cell.title)),
                         ("seconds", .number((record.seconds * 1000).rounded() / 1000))])
            })),
            ("measurements", .object(measurements.map { ($0.0, $0.1.isFinite ? .number($0.1) : .null) })),
        ])
    }
}

/// results.json: the lesson, the run's settings, how each cell ended and the recorded results.
/// No times and no paths, so the same seed and settings give the same bytes.
struct ResultsDocument {
    let info: LessonInfo
    let options: LessonCommand
    let cellCount: Int
    let records: [CellRecord]
    let status: RunOutcome.Status
    let results: [(String, ResultValue)]

    func json() -> JSONValue {
        let missing = LessonRunner.unimplemented(in: records)
        return .object([
            ("lesson", .object([("number", .integer(info.number)), ("slug", .string(info.slug)),
                                ("title", .string(info.title))])),
            ("seed", Int(exactly: options.seed).map(JSONValue.integer) ?? .string(String(options.seed))),
            ("quick", .bool(options.quick)),
            ("implementation", .string(options.implementation.rawValue)),
            ("status", .string(status.rawValue)),
            ("cells", .array(records.map { record in
                var members: [(String, JSONValue)] = [("number", .integer(record.number)),
                                                      ("title", .string(record.cell.title)),
                                                      ("status", .string(record.status.word))]
                switch record.status {
                case .failed(let message): members.append(("error", .string(message)))
                case .skipped(let reason): members.append(("reason", .string(reason)))
                case .notImplemented(let exercise, _, _): members.append(("exercise", .string(exercise)))
                case .done: break
                }
                return .object(members)
            })),
            ("cellCount", .integer(cellCount)),
            ("unimplemented", .array(missing.map { item in
                .object([("exercise", .string(item.exercise)), ("name", .string(item.name)), ("file", .string(item.file))])
            })),
            ("results", .object(results.map { ($0.0, $0.1.json) })),
        ])
    }
}
