import BuiltProducts
import Foundation
import SlidesKit
import Testing

/// Every lesson's figures as a lecturer gets them: each lesson run with `--quick`, its figures in
/// cairolatex at a Beamer frame's size, the deck written and compiled in both aspects. No overfull
/// box, every page's ink inside the frame's side margins and above its bottom edge, every legend's
/// text inside its frame. It runs every lesson (about 2 minutes per aspect on 2 cores), so it is
/// opt-in: `KIT_DECK_TESTS=1` (`scripts/test-slides` sets it).
@Suite(.enabled(if: TeX.isInstalled, TeX.skipReason),
       .enabled(if: ProcessInfo.processInfo.environment["KIT_DECK_TESTS"] == "1",
                "runs every lesson (minutes): scripts/test-slides runs it (KIT_DECK_TESTS=1)"))
struct CourseDeckTests {
    /// The package's root folder (this file is Tests/SlidesTests/CourseDeckTests.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs `executable arguments` with its output in `log`; returns the exit status.
    static func run(_ executable: URL, _ arguments: [String], log: URL) throws -> Int32 {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test("every lesson's figures in a deck: it compiles, nothing runs off a frame, legends hold their text",
          arguments: BeamerDeck.Aspect.allCases)
    func deck(_ aspect: BeamerDeck.Aspect) throws {
        let root = try TeX.scratch("course-\(aspect.rawValue)")
        defer { try? FileManager.default.removeItem(at: root) }
        let lessons = try FileManager.default.contentsOfDirectory(atPath: Self.packageRoot.appendingPathComponent("Lessons").path)
            .filter { $0.first?.isNumber == true }.sorted()
        #expect(lessons.count >= 9)
        for lesson in lessons {
            let log = root.appendingPathComponent("\(lesson).log")
            let status = try Self.run(try BuiltExecutable.url(lesson),
                                      ["--quick", "--no-step", "--out", root.path, "--backend", "gnuplot", "--formats", "tex,pdf",
                                       "--figure-size", "beamer\(aspect.rawValue)"], log: log)
            #expect(status == 0, "\(lesson) failed: \((try? String(contentsOf: log, encoding: .utf8))?.suffix(400) ?? "")")
        }
        let status = try Self.run(try BuiltExecutable.url("slides"),
                                  ["--out", root.path, "--aspect", aspect.rawValue, "--output", root.appendingPathComponent("deck.tex").path],
                                  log: root.appendingPathComponent("slides.log"))
        try #require(status == 0, "the slides command failed")
        let source = try String(contentsOf: root.appendingPathComponent("deck.tex"), encoding: .utf8)
        var log = ""
        for _ in 1...2 {  // twice, as scripts/slides does
            let status = try TeX.run("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "deck.tex"], in: root)
            log = (try? String(contentsOf: root.appendingPathComponent("deck.log"), encoding: .isoLatin1)) ?? ""
            try #require(status == 0, "pdflatex failed: \(log.suffix(600))")
        }
        #expect(!log.contains("Overfull"), "overfull boxes: \(log.split(separator: "\n").filter { $0.contains("Overfull") }.prefix(5))")

        let (width, height) = aspect == .wide ? (16.0, 9.0) : (12.8, 9.6)
        let frames = source.components(separatedBy: "\\begin{frame}").count - 1
        for page in 1...frames {
            let image = try TeX.page(page, of: "deck", in: root, dpi: 60)
            guard let body = image.inkBox(rows: image.belowTitle()...height) else { continue }
            #expect(body.minX >= 0.9 && body.maxX <= width - 0.9,
                    "page \(page): ink from \(body.minX) to \(body.maxX) cm runs into the frame's side margins")
            #expect(body.maxY <= height - 0.25, "page \(page): ink down to \(body.maxY) cm runs off the frame's bottom")
        }

        // Every legend title of every figure ends inside its frame, by pdflatex's own measure.
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        let scripts = (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "gp" }
        #expect(scripts.count >= 30, "only \(scripts.count) gnuplot scripts")
        for script in scripts {
            let text = try String(contentsOf: script, encoding: .utf8)
            guard let inches = ScriptLegend.canvasWidth(in: text) else { continue }
            let legends = ScriptLegend.all(in: text)
            let titles = legends.flatMap(\.titles)
            guard !titles.isEmpty else { continue }
            let widths = try TeX.widths(of: titles.map(\.latex), in: root)
            var index = 0
            for legend in legends {
                for title in legend.titles {
                    let end = title.x * inches * 72.27 + widths[index]
                    let right = legend.frame.x1 * inches * 72.27
                    #expect(end <= right - 0.5, "\(script.lastPathComponent): \(title.latex) ends at \(end) pt, past its frame at \(right) pt")
                    index += 1
                }
            }
        }
    }
}

extension GreyImage {
    /// Where a Beamer frame's body starts (cm from the top): below the first band of ink (the
    /// frame's title, one or two lines), at the first gap of at least 0.2 cm after it.
    func belowTitle() -> Double {
        let perCentimetre = dpi / 2.54
        let gap = Int((0.2 * perCentimetre).rounded(.up))
        var seenInk = false, blank = 0
        for y in 0..<height {
            let hasInk = (0..<width).contains { pixels[y * width + $0] < 200 }
            if hasInk {
                seenInk = true
                blank = 0
            } else if seenInk {
                blank += 1
                if blank >= gap { return Double(y) / perCentimetre }
            }
        }
        return 0
    }
}
