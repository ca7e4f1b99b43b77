import Foundation
import Testing

/// pdflatex and pdftoppm for the tests that compile figures and decks; the tests that need them
/// are skipped (with the reason) where they are not installed.
enum TeX {
    /// The path of `program` on the PATH, if any.
    static func find(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether pdflatex and pdftoppm are both there.
    static let isInstalled = find("pdflatex") != nil && find("pdftoppm") != nil

    /// The reason shown when the tests are skipped.
    static let skipReason: Comment = "pdflatex is not installed: run scripts/slides --install-tex"

    /// A fresh scratch directory.
    static func scratch(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("slides-tests-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `program arguments` in `directory`; returns the exit status.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], in directory: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: find(program) ?? program)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Compiles `source` as `name.tex` in `directory`; returns pdflatex's status and log.
    static func compile(_ source: String, name: String, in directory: URL) throws -> (status: Int32, log: String) {
        try source.write(to: directory.appendingPathComponent(name + ".tex"), atomically: true, encoding: .utf8)
        let status = try run("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", name + ".tex"], in: directory)
        let log = (try? String(contentsOf: directory.appendingPathComponent(name + ".log"), encoding: .isoLatin1)) ?? ""
        return (status, log)
    }

    /// Page `page` of `name.pdf` as a grey image at `dpi` (pdftoppm's PGM).
    static func page(_ page: Int, of name: String, in directory: URL, dpi: Int = 72) throws -> GreyImage {
        let prefix = "\(name)-page\(page)"
        try run("pdftoppm", ["-gray", "-r", "\(dpi)", "-f", "\(page)", "-l", "\(page)", "-singlefile", name + ".pdf", prefix],
                in: directory)
        let data = try Data(contentsOf: directory.appendingPathComponent(prefix + ".pgm"))
        return try GreyImage(pgm: data, dpi: Double(dpi))
    }
}

/// A greyscale page (binary PGM, P5, 8 bits).
struct GreyImage {
    let width: Int
    let height: Int
    let pixels: [UInt8]
    let dpi: Double

    init(pgm data: Data, dpi: Double) throws {
        let bytes = [UInt8](data)
        var fields: [Int] = []
        var index = 2
        while fields.count < 3 {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
            var value = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { value = value * 10 + Int(bytes[index] - 0x30); index += 1 }
            fields.append(value)
        }
        index += 1
        guard bytes.count >= 2, bytes[0] == 0x50, bytes[1] == 0x35, fields[2] == 255,
              bytes.count - index >= fields[0] * fields[1] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        width = fields[0]
        height = fields[1]
        pixels = Array(bytes[index..<(index + width * height)])
        self.dpi = dpi
    }

    /// The bounding box (in centimetres from the top left) of pixels darker than `threshold`, or
    /// `nil` for a blank page; rows outside `rows` (centimetres) are left out.
    func inkBox(threshold: UInt8 = 200, rows: ClosedRange<Double>? = nil) -> (minX: Double, maxX: Double, minY: Double, maxY: Double)? {
        let perCentimetre = dpi / 2.54
        var minX = Int.max, maxX = -1, minY = Int.max, maxY = -1
        for y in 0..<height {
            let cm = Double(y) / perCentimetre
            if let rows, !rows.contains(cm) { continue }
            for x in 0..<width where pixels[y * width + x] < threshold {
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        guard maxX >= 0 else { return nil }
        return (Double(minX) / perCentimetre, Double(maxX + 1) / perCentimetre,
                Double(minY) / perCentimetre, Double(maxY + 1) / perCentimetre)
    }
}
