import Foundation

/// The package's executables as its tests find them: the lessons, `grade`, `bench`, `hopper-study` and
/// `slides`, which tests run as a person runs them. `swift test` builds them beside the test bundle, in
/// .build/<configuration>/ (on macOS the runner sits inside a .xctest bundle there).
public enum BuiltExecutable {
    /// The executable `name` (e.g. "bench", "01-behavior-cloning"): in the folder `LESSON_BUILD_DIR` names
    /// if set, else beside the test runner or up to three folders above it.
    ///
    /// - Throws: ``ExecutableNotBuilt`` naming the executable and every folder searched.
    public static func url(_ name: String) throws -> URL {
        var folders: [URL] = []
        if let folder = ProcessInfo.processInfo.environment["LESSON_BUILD_DIR"], !folder.isEmpty {
            folders.append(URL(fileURLWithPath: folder))
        }
        for path in [CommandLine.arguments.first, Bundle.main.executablePath, Bundle.main.bundlePath].compactMap({ $0 }) {
            var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            for _ in 0..<4 {
                folders.append(folder)
                folder.deleteLastPathComponent()
            }
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        var seen = Set<String>()
        throw ExecutableNotBuilt(name: name, searched: folders.map(\.path).filter { seen.insert($0).inserted })
    }
}

/// A test needed one of the package's executables and it is not built.
public struct ExecutableNotBuilt: Error, CustomStringConvertible {
    /// The executable's name.
    public let name: String
    /// The folders looked in, in order.
    public let searched: [String]

    public var description: String {
        "the \(name) executable is not built: run `swift build -c release` first (scripts/test builds everything). "
            + "Looked in: \(searched.joined(separator: ", "))"
    }
}
