import Foundation

/// Reading and writing NumPy `.npz` archives: a ZIP of `.npy` arrays, one per key.
///
/// ```swift
/// try NPZFile.write(["x": NPYArray([1, 2, 3], shape: [3])], to: url)
/// let arrays = try NPZFile.read(from: url)      // ["x": ...]
/// ```
/// In Python: `numpy.load("file.npz")["x"]`. Reading accepts `np.savez` output (uncompressed,
/// with NumPy's ZIP64 headers); `np.savez_compressed` files are refused with a message saying so.
public enum NPZFile {
    /// Writes `arrays` (keys without the `.npy` suffix) in the given order.
    ///
    /// - Throws: `NPZError` if the file cannot be written.
    public static func write(_ arrays: KeyValuePairs<String, NPYArray>, to url: URL) throws {
        try write(arrays.map { ($0.key, $0.value) }, to: url)
    }

    /// Writes `arrays` (keys without the `.npy` suffix) in the given order.
    ///
    /// - Throws: `NPZError` if the file cannot be written.
    public static func write(_ arrays: [(key: String, array: NPYArray)], to url: URL) throws {
        let archive = try ZipArchive.stored(arrays.map { ($0.key + ".npy", $0.array.npyData()) })
        if let problem = problemWriting(url) { throw NPZError("\(url.path): cannot write: \(problem)") }
        if let failure = writeAtomically(archive, to: url) { throw NPZError("\(url.path): cannot write: \(failure)") }
    }

    /// Writes `data` to a temporary file beside `url`, then renames it over `url`, so that a reader never
    /// sees half a file; returns the operating system's reason when a step fails.
    static func writeAtomically(_ data: Data, to url: URL) -> String? {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path  // unique per write, not per process
        func failure(_ step: String) -> String { "\(step) failed: \(String(cString: strerror(errno)).lowercased())" }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return failure("creating \(temporary)") }
        var written = 0
        let ok = data.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let n = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if n <= 0 { return false }
                written += n
            }
            return true
        }
        if !ok {
            let reason = failure("writing")
            close(descriptor)
            unlink(temporary)
            return reason
        }
        guard close(descriptor) == 0 else { let reason = failure("closing"); unlink(temporary); return reason }
        guard rename(temporary, url.path) == 0 else { let reason = failure("renaming"); unlink(temporary); return reason }
        return nil
    }

    /// Why `url` cannot be written, in words, when that can be told before trying (`nil` otherwise).
    static func problemWriting(_ url: URL) -> String? {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            return "it is a folder; name a file such as \(url.appendingPathComponent("demos.npz").path)"
        }
        let parent = url.deletingLastPathComponent()
        guard manager.fileExists(atPath: parent.path, isDirectory: &isFolder) else {
            return "the folder \(parent.path) does not exist"
        }
        guard isFolder.boolValue else { return "\(parent.path) is a file, not a folder" }
        guard manager.isWritableFile(atPath: parent.path) else { return "no permission to write in \(parent.path)" }
        return nil
    }

    /// The operating system's reason for a failed read or write, without Foundation's error domains.
    static func reason(_ error: Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let text = strerror(Int32(underlying.code)) {
            return String(cString: text).lowercased()
        }
        if error.domain == NSPOSIXErrorDomain, let text = strerror(Int32(error.code)) { return String(cString: text).lowercased() }
        return error.localizedDescription
    }

    /// The arrays of an `.npz` file, by key (the entry name without `.npy`).
    ///
    /// - Throws: `NPZError` naming the file and the problem: missing file, not a ZIP, truncated,
    ///   compressed, a bad `.npy` entry, an unsupported dtype.
    public static func read(from url: URL) throws -> [String: NPYArray] {
        let data: Data
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
            throw NPZError("\(url.path): cannot read: no such file")
        }
        if isFolder.boolValue { throw NPZError("\(url.path): cannot read: it is a folder, not an .npz file") }
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw NPZError("\(url.path): cannot read: \(reason(error))")
        }
        return try read(data, file: url.lastPathComponent)
    }

    /// The arrays of `.npz` bytes; `file` names them in error messages.
    public static func read(_ data: Data, file: String = "archive") throws -> [String: NPYArray] {
        var arrays = [String: NPYArray]()
        for (name, bytes) in try ZipArchive.entries(of: data, file: file) {
            let key = name.hasSuffix(".npy") ? String(name.dropLast(4)) : name
            do {
                arrays[key] = try NPYArray(npyData: bytes, name: key)
            } catch let error as NPZError {
                throw NPZError("\(file): \(error.description)")
            }
        }
        return arrays
    }
}
