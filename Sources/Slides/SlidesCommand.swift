import ArgumentParser
import Foundation
import SlidesKit

/// Writes a Beamer deck of the course from the lessons' outputs (`scripts/slides` compiles it).
@main
struct SlidesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slides",
        abstract: "Writes a Beamer deck (.tex) of the lessons' figures, captions and key numbers.",
        discussion: "Reads <out>/NN-name/results.json, notebook.md and the figures; scripts/slides runs the lessons and pdflatex.")

    /// Where the lessons wrote their outputs.
    @Option(name: .customLong("out"), help: ArgumentHelp("The lessons' output root (DIR/NN-name/).", valueName: "DIR"))
    var outputRoot = "out"

    /// The frame's aspect ratio.
    @Option(help: "The frames' aspect ratio: 169 (16:9) or 43 (4:3).")
    var aspect = "169"

    /// The deck's file.
    @Option(name: .customLong("output"), help: ArgumentHelp("The .tex file to write.", valueName: "FILE"))
    var output = "deck.tex"

    func validate() throws {
        guard BeamerDeck.Aspect(rawValue: aspect) != nil else {
            throw ValidationError("--aspect must be 169 or 43, got \(aspect)")
        }
    }

    func run() throws {
        let root = URL(fileURLWithPath: outputRoot).standardizedFileURL
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
            .filter { $0.first?.isNumber == true && $0.contains("-") }.sorted()
        let lessons = try folders.compactMap { folder -> LessonOutput? in
            let directory = root.appendingPathComponent(folder)
            guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("results.json").path) else { return nil }
            return try LessonOutput(directory: directory)
        }
        guard !lessons.isEmpty else {
            throw SlidesError("no lesson outputs in \(root.path): run the lessons first (scripts/course, or scripts/slides)")
        }
        let deck = BeamerDeck(lessons: lessons, aspect: BeamerDeck.Aspect(rawValue: aspect) ?? .wide)
        guard FileManager.default.createFile(atPath: output, contents: Data(deck.source().utf8)) else {
            throw SlidesError("cannot write \(output)")
        }
        let figures = lessons.map(\.figures.count).reduce(0, +)
        print("slides: \(output): \(lessons.count) lessons, \(figures) figures")
    }
}
