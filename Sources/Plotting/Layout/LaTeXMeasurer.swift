import Foundation

/// Measures labels as pdflatex will typeset them in gnuplot's `cairolatex` output, so that legend
/// frames, margins and titles of a `.tex` figure are sized for LaTeX's fonts, not for the Pango
/// font of the PNG/PDF outputs.
///
/// Each label is typeset once in a scratch document, at its size in points (``sized(_:points:)``),
/// in both Computer Modern Roman (an article) and Computer Modern Sans (Beamer's default), and the
/// wider of the two is kept. All the labels of a figure go into one pdflatex run (``prepare(_:)``);
/// widths are cached for the whole process. Without pdflatex, or when it fails, the Pango
/// measurement is used.
final class LaTeXMeasurer: TextMeasurer {
    /// Output points per layout point (the figure's ``Figure/scale``).
    let scale: Double
    /// Used for labels pdflatex could not measure.
    let fallback: any TextMeasurer

    /// Widths and heights in output points, by ``key(_:points:)``, for the whole process.
    nonisolated(unsafe) private static var cache: [String: (width: Double, height: Double)] = [:]
    /// Labels pdflatex failed on: measured by the fallback from then on, without another run.
    nonisolated(unsafe) private static var failed: Set<String> = []
    private static let lock = NSLock()

    init(scale: Double, fallback: any TextMeasurer) {
        self.scale = scale
        self.fallback = fallback
    }

    /// `text` (LaTeX) at `points` points: `\fontsize{9}{10.8}\selectfont text`. No braces around
    /// it: gnuplot puts every label in a `\makebox`, which keeps the size to the label, and drops
    /// the label's justification when its text starts with a brace.
    static func sized(_ text: String, points: Double) -> String {
        let size = (points * 100).rounded() / 100
        let skip = (size * 1.2 * 100).rounded() / 100
        return "\\fontsize{\(format(size))}{\(format(skip))}\\selectfont{}\(text)"
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    private static func key(_ latex: String, points: Double) -> String { sized(latex, points: points) }

    /// Whether pdflatex is on the PATH.
    static var isAvailable: Bool { executable() != nil }

    static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/pdflatex" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Measures every `(label markup, layout size)` not measured yet in one pdflatex run.
    func prepare(_ requests: [(text: String, size: Double)]) {
        let keys = requests.map { Self.key(Markup.latex($0.text), points: $0.size * scale) }
        Self.lock.lock()
        let missing = Array(Set(keys.filter { Self.cache[$0] == nil && !Self.failed.contains($0) })).sorted()
        Self.lock.unlock()
        guard !missing.isEmpty else { return }
        guard let measured = Self.run(missing) else {
            Self.lock.lock()
            Self.failed.formUnion(missing)
            Self.lock.unlock()
            return
        }
        Self.lock.lock()
        for (key, size) in measured { Self.cache[key] = size }
        Self.lock.unlock()
    }

    func measure(_ text: String, size: Double, wrapWidth: Double?) throws -> (width: Double, height: Double) {
        guard let width = width(of: text, size: size) else { return try fallback.measure(text, size: size, wrapWidth: wrapWidth) }
        // A line of LaTeX as wide as pdflatex sets it, plus 0.4 em of room (a legend title starts
        // 0.1 em after its gap; the rest keeps it off the frame); lines 1.17 em apart.
        let lineHeight = size * 1.17
        guard let wrapWidth, width + 0.4 * size > wrapWidth, text.contains(" ") else {
            return (width + 0.4 * size, lineHeight)
        }
        // Too wide: broken into as few lines as fit (as GnuplotScript breaks it: balanced by
        // characters, at most 6 lines), each measured.
        var best: (width: Double, height: Double)? = nil
        for count in 2...6 {
            let lines = GnuplotScript.wrap(text, characters: GnuplotScript.balancedWidth(text, lines: count))
            guard lines.count == count else { break }
            prepare(lines.map { ($0, size) })
            let widths = lines.compactMap { self.width(of: $0, size: size) }
            guard widths.count == lines.count else { break }
            best = ((widths.max() ?? 0) + 0.4 * size, Double(count) * lineHeight)
            if best!.width <= wrapWidth { break }
        }
        return best ?? (width + 0.4 * size, lineHeight)
    }

    /// The width (layout points) pdflatex gives `text` on one line, or `nil` if it could not.
    private func width(of text: String, size: Double) -> Double? {
        let key = Self.key(Markup.latex(text), points: size * scale)
        Self.lock.lock()
        var found = Self.cache[key]
        Self.lock.unlock()
        if found == nil {
            prepare([(text, size)])
            Self.lock.lock()
            found = Self.cache[key]
            Self.lock.unlock()
        }
        return found.map { $0.width / scale }
    }

    /// Typesets `labels` (already sized LaTeX) in a scratch directory; `nil` if pdflatex fails.
    private static func run(_ labels: [String]) -> [String: (width: Double, height: Double)]? {
        guard let pdflatex = executable() else { return nil }
        let fm = FileManager.default
        let directory = fm.temporaryDirectory.appendingPathComponent("plotting-latex-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard (try? fm.createDirectory(at: directory, withIntermediateDirectories: true)) != nil else { return nil }
        defer { try? fm.removeItem(at: directory) }
        // fix-cm: every size exact (a document without it substitutes a smaller size, so the text still fits).
        // A named box register: after a number (`\\wd0`) TeX would swallow the space that follows.
        var document = "\\RequirePackage{fix-cm}\n\\documentclass{article}\n\\newbox\\lfd\n\\begin{document}\n"
        for (index, label) in labels.enumerated() {
            for family in ["rm", "sf"] {
                document += "\\setbox\\lfd\\hbox{\\\(family)family \(label)}"
                document += "\\typeout{LFDMEASURE \(index) \\the\\wd\\lfd\\space\\the\\ht\\lfd\\space\\the\\dp\\lfd}\n"
            }
        }
        document += "\\end{document}\n"
        let source = directory.appendingPathComponent("measure.tex")
        guard fm.createFile(atPath: source.path, contents: Data(document.utf8)) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pdflatex)
        process.arguments = ["-interaction=batchmode", "-halt-on-error", "measure.tex"]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let log = try? String(contentsOf: directory.appendingPathComponent("measure.log"), encoding: .utf8) else { return nil }
        var sizes: [String: (width: Double, height: Double)] = [:]
        for line in log.split(separator: "\n") where line.hasPrefix("LFDMEASURE ") {
            let parts = line.split(separator: " ")
            guard parts.count == 5, let index = Int(parts[1]), labels.indices.contains(index) else { continue }
            let numbers = parts[2...].map { Double($0.dropLast(2)) ?? 0 }
            // TeX points (1/72.27 in) to PostScript points (1/72 in), the layout's unit.
            let width = numbers[0] * 72 / 72.27, height = (numbers[1] + numbers[2]) * 72 / 72.27
            let old = sizes[labels[index]] ?? (0, 0)
            sizes[labels[index]] = (max(old.width, width), max(old.height, height))
        }
        return sizes.count == labels.count ? sizes : nil
    }
}

/// Passes measurements through and remembers what was asked (the labels a layout needs).
final class RecordingMeasurer: TextMeasurer {
    let base: any TextMeasurer
    private(set) var requests: [(text: String, size: Double)] = []

    init(base: any TextMeasurer) { self.base = base }

    func measure(_ text: String, size: Double, wrapWidth: Double?) throws -> (width: Double, height: Double) {
        requests.append((text, size))
        return try base.measure(text, size: size, wrapWidth: wrapWidth)
    }
}
