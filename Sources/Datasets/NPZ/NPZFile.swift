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
        do {
            try archive.write(to: url, options: .atomic)
        } catch {
            throw NPZError("\(url.path): cannot write (\(error.localizedDescription))")
        }
    }

    /// The arrays of an `.npz` file, by key (the entry name without `.npy`).
    ///
    /// - Throws: `NPZError` naming the file and the problem: missing file, not a ZIP, truncated,
    ///   compressed, a bad `.npy` entry, an unsupported dtype.
    public static func read(from url: URL) throws -> [String: NPYArray] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw NPZError("\(url.path): cannot read (\(error.localizedDescription))")
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
