import Foundation
import LessonKit
import Testing

@Suite("Listings of the kit's source")
struct SourceListingTests {
    let listing = SourceListing(title: "The update", file: "Sources/X.swift", region: "update")

    @Test("the region between the markers, dedented, with its line numbers")
    func extraction() throws {
        let text = """
            struct X {
                func update() {
                    // listing: update
                    let target = r + γ * next
                        + 0
                    // end listing
                }
            }
            """
        let excerpt = try listing.excerpt(in: text)
        #expect(excerpt.lines == 4...5)
        #expect(excerpt.code == "let target = r + γ * next\n    + 0")
        #expect(listing.markdown(excerpt).contains("`Sources/X.swift` (lines 4–5)"))
    }

    @Test("a missing, doubled, unclosed or empty region is one clear error naming the file",
          arguments: [
              ("no markers", "has no line `// listing: update`"),
              ("// listing: update\na\n// end listing\n// listing: update\nb\n// end listing", "2 times (lines 1, 4)"),
              ("// listing: update\na", "has no `// end listing`"),
              ("// listing: update\n\n// end listing", "is empty"),
          ])
    func errors(text: String, expected: String) throws {
        let error = try #require(throws: SourceListingError.self) { try listing.excerpt(in: text) }
        #expect(error.message.contains("Sources/X.swift"))
        #expect(error.message.contains(expected), "\(error.message)")
    }

    @Test("every listing a lesson declares is found in the kit's sources")
    func lessonsListings() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let lessons = root.appendingPathComponent("Lessons")
        let pattern = try Regex(#"lesson\.listing\(\s*"([^"]*)",\s*file:\s*"([^"]*)",\s*region:\s*"([^"]*)"\)"#)
        var found = 0
        for folder in try FileManager.default.contentsOfDirectory(atPath: lessons.path).sorted() {
            let directory = lessons.appendingPathComponent(folder)
            for file in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] where file.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                for match in text.matches(of: pattern) {
                    let listing = SourceListing(title: String(match.output[1].substring ?? ""),
                                                file: String(match.output[2].substring ?? ""),
                                                region: String(match.output[3].substring ?? ""))
                    #expect(throws: Never.self, "\(folder)/\(file)") { _ = try listing.excerpt(root: root) }
                    found += 1
                }
            }
        }
        #expect(found >= 5, "only \(found) listings found in Lessons/")
    }

    @Test("a lesson shows a listing as a Markdown cell, in the notebook and in notebook.md")
    func shown() throws {
        let lesson = Lesson(number: 52, slug: "listing", title: "Listing")
        lesson.listing("The fixture", file: "Tests/LessonKitTests/SourceListingTests.swift", region: "fixture")
        let out = try temporaryDirectory()
        let outcome = lesson.run(options: try options(["--out", out.path]), console: Console(capturingWidth: 100))
        #expect(outcome.failedCell == nil)
        let markdown = try String(contentsOf: out.appendingPathComponent("52-listing/notebook.md"), encoding: .utf8)
        #expect(markdown.contains("**The fixture**"))
        #expect(markdown.contains("```swift\nlet shown = fixtureValue * 2\n```"), "\(markdown)")
        let notebook = try String(contentsOf: out.appendingPathComponent("52-listing/notebook.ipynb"), encoding: .utf8)
        #expect(notebook.contains("let shown = fixtureValue * 2"))
        #expect(fixture() == 6)
    }

    @Test("a missing region fails the cell with a message naming the file and the region")
    func inLesson() throws {
        let lesson = Lesson(number: 51, slug: "listing", title: "Listing")
        lesson.listing("Missing", file: "Sources/LessonKit/Listing/SourceListing.swift", region: "no such region")
        let out = try temporaryDirectory()
        let console = Console(capturingWidth: 100)
        let outcome = lesson.run(options: try options(["--out", out.path]), console: console)
        #expect(outcome.failedCell == 1)
        let notebook = try String(contentsOf: out.appendingPathComponent("51-listing/notebook.md"), encoding: .utf8)
        #expect(notebook.contains("has no line `// listing: no such region`"), "\(notebook)")
    }
}

private let fixtureValue = 3

/// The region the listing tests show.
private func fixture() -> Int {
    // listing: fixture
    let shown = fixtureValue * 2
    // end listing
    return shown
}
