import Foundation

/// Writes files so that readers see either the old file or the complete new one, never a part.
enum AtomicFile {
    /// Writes `bytes` to a temporary file beside `path`, then renames it to `path`.
    /// - Throws: ``PlottingError/io(_:)`` naming the path.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw PlottingError.io("cannot create directory \(directory.path): \(error.localizedDescription)")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else {
            throw PlottingError.io("cannot write \(temporary.path)")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw PlottingError.io("cannot rename \(temporary.path) to \(path): \(reason)")
        }
    }
}
