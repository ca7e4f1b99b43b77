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

/// The legends of a cairolatex figure as its gnuplot script draws them (``GnuplotScript``'s
/// `latexLegend`): each frame and the titles in it, in screen fractions.
struct ScriptLegend {
    /// The frame: left, bottom, right, top (0…1 of the figure).
    var frame: (x0: Double, y0: Double, x1: Double, y1: Double)
    /// Each title's LaTeX and where it starts (its left edge).
    var titles: [(latex: String, x: Double)]

    /// Every legend in `script` (the text of a `.gp` file).
    static func all(in script: String) -> [ScriptLegend] {
        var legends: [ScriptLegend] = []
        for line in script.split(separator: "\n").map(String.init) {
            let numbers = line.matches(of: /screen ([-0-9.e]+)/).compactMap { Double($0.1) }
            if line.hasPrefix("set object 9000 rectangle"), numbers.count == 4 {
                legends.append(ScriptLegend(frame: (numbers[0], numbers[1], numbers[2], numbers[3]), titles: []))
            } else if line.hasPrefix("set label 9"), let quoted = line.firstMatch(of: /"((?:[^"\\]|\\.)+)"/), numbers.count == 2,
                      !legends.isEmpty {
                let latex = String(quoted.1).replacingOccurrences(of: "\\\\", with: "\\").replacingOccurrences(of: "\\\"", with: "\"")
                legends[legends.count - 1].titles.append((latex, numbers[0]))
            }
        }
        return legends
    }

    /// The canvas size in inches of `set terminal cairolatex … size Win,Hin`.
    static func canvasWidth(in script: String) -> Double? {
        guard let match = script.firstMatch(of: /cairolatex pdf size ([0-9.]+)in,/) else { return nil }
        return Double(match.1)
    }
}

extension TeX {
    /// The widths (TeX points) pdflatex gives `labels` in Computer Modern Roman and Sans (the wider of the two), in one run.
    static func widths(of labels: [String], in directory: URL) throws -> [Double] {
        var source = "\\RequirePackage{fix-cm}\\documentclass{article}\\newbox\\probe\\begin{document}\n"
        for (index, label) in labels.enumerated() {
            for family in ["rm", "sf"] {
                source += "\\setbox\\probe\\hbox{\\\(family)family \(label)}\\typeout{WIDTH \(index) \\the\\wd\\probe}\n"
            }
        }
        source += "\\end{document}\n"
        let (status, log) = try compile(source, name: "widths", in: directory)
        guard status == 0 else { throw CocoaError(.fileReadCorruptFile) }
        var widths = [Double](repeating: 0, count: labels.count)
        for match in log.matches(of: /WIDTH ([0-9]+) ([0-9.]+)pt/) {
            if let index = Int(match.1), let width = Double(match.2), widths.indices.contains(index) {
                widths[index] = max(widths[index], width)
            }
        }
        return widths
    }
}
