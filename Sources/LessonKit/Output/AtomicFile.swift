import Foundation

/// Writes files whole or not at all: the bytes go to a temporary file beside the target, which is
/// then renamed over it, so a reader never sees half a notebook and a crash never leaves one.
enum AtomicFile {
    /// Writes `data` to `url` through a temporary file and a rename.
    static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            throw LessonError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw LessonError.cannotWrite(path: url.path, reason: reason)
        }
    }

    /// Writes `text` as UTF-8 to `url` through a temporary file and a rename.
    static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
