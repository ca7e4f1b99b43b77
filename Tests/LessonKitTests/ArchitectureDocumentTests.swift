import Foundation
import LessonKit
import Testing

/// ARCHITECTURE.md stays true: the declarations it quotes exist in the files it names, and every
/// file and listing region of its formula table exists.
@Suite("ARCHITECTURE.md")
struct ArchitectureDocumentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test("every line of a quoted Swift excerpt is in the file named above it (lines with … or ... excepted)")
    func excerptsExist() throws {
        let document = try Self.text("ARCHITECTURE.md")
        var checked = 0
        for block in document.components(separatedBy: "```swift\n").dropFirst() {
            var file: String?
            for line in block.prefix(while: { _ in true }).components(separatedBy: "```")[0].split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("// Sources/") || trimmed.hasPrefix("// Solutions/") || trimmed.hasPrefix("// Exercises/") {
                    file = try Self.text(String(trimmed.dropFirst(3)))
                    continue
                }
                guard let file, !trimmed.isEmpty, !trimmed.contains("..."), !trimmed.contains("…") else { continue }
                #expect(file.contains(trimmed), "ARCHITECTURE.md quotes `\(trimmed)`, which its file does not contain")
                checked += 1
            }
        }
        #expect(checked >= 3)
    }

    @Test("every file and listing region of the formula table exists")
    func formulaTable() throws {
        let document = try Self.text("ARCHITECTURE.md")
        let section = try #require(document.components(separatedBy: "## Where each formula lives").dropFirst().first)
            .components(separatedBy: "\n## ")[0]
        var rows = 0
        for row in section.split(separator: "\n") where row.hasPrefix("| ") && !row.contains("---") && !row.contains("lecture formula") {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, let lesson = Int(cells[1]) else { continue }
            rows += 1
            // The exercise files, named as in Solutions/; the student's stubs in Exercises/ have the same names
            // (and the handout has no Solutions/).
            let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Exercises").path)
                .first { $0.hasPrefix(String(format: "%02d-", lesson)) })
            for name in cells[2].matches(of: /`([^`]+\.swift)`/).map({ String($0.1) }) {
                let file = "Exercises/\(folder)/" + (name.split(separator: "/").last.map(String.init) ?? name)
                #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(file).path), "\(file) is missing")
            }
            // The code that runs it: `Algorithms/…swift` followed by an optional `region`.
            for match in cells[3].matches(of: /`(Algorithms\/[^`]+\.swift)`(?: `([a-z-]+)`)?/) {
                let file = "Sources/" + String(match.1)
                let text = try Self.text(file)
                if let region = match.2 {
                    let listing = SourceListing(title: cells[0], file: file, region: String(region))
                    #expect(throws: Never.self, "\(file), region \(region)") { _ = try listing.excerpt(in: text) }
                }
            }
        }
        #expect(rows >= 15)
    }
}
