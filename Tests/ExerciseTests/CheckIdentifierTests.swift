import Foundation
import Testing

/// A failing check reports the id it is graded under: every `Expect("…")` inside a check's body names
/// that check's id (a hidden check "3.1h" must not report itself as "3.1").
@Suite struct CheckIdentifierTests {
    @Test("each check's messages carry its own id")
    func expectationsNameTheirCheck() throws {
        let grading = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Grading")
        let files = FileManager.default.enumerator(atPath: grading.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix("Checks.swift") } ?? []
        try #require(!files.isEmpty, "no check files under \(grading.path)")
        // In each file, the check declared for a function name, and every Expect("id", "name") there.
        let checkPattern = try NSRegularExpression(pattern: #"ExerciseCheck\(id: "([^"]+)", lesson: \d+, name: "([^"]+)""#)
        let expectPattern = try NSRegularExpression(pattern: #"Expect\("([^"]+)", "([^"]+)""#)
        var compared = 0
        for file in files {
            let text = try String(contentsOf: grading.appendingPathComponent(file), encoding: .utf8) as NSString
            let range = NSRange(location: 0, length: text.length)
            var idByName: [String: String] = [:]
            for match in checkPattern.matches(in: text as String, range: range) {
                idByName[text.substring(with: match.range(at: 2))] = text.substring(with: match.range(at: 1))
            }
            for match in expectPattern.matches(in: text as String, range: range) {
                let named = text.substring(with: match.range(at: 1)), function = text.substring(with: match.range(at: 2))
                guard let id = idByName[function] else { continue }
                #expect(named == id, "\(file): the check of \(function) is \(id) but reports its failures as \(named)")
                compared += 1
            }
        }
        #expect(compared > 0, "no Expect found inside a check")
    }
}
