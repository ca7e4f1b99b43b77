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
        let checkPattern = try NSRegularExpression(pattern: #"ExerciseCheck\(id: "([^"]+)""#)
        let expectPattern = try NSRegularExpression(pattern: #"Expect\("([^"]+)""#)
        var compared = 0
        for file in files {
            let text = try String(contentsOf: grading.appendingPathComponent(file), encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            let checks = checkPattern.matches(in: text, range: range)
            for (index, check) in checks.enumerated() {
                let id = (text as NSString).substring(with: check.range(at: 1))
                let end = index + 1 < checks.count ? checks[index + 1].range.location : (text as NSString).length
                let body = NSRange(location: check.range.location, length: end - check.range.location)
                for expect in expectPattern.matches(in: text, range: body) {
                    let named = (text as NSString).substring(with: expect.range(at: 1))
                    #expect(named == id, "\(file): check \(id) reports its failures as \(named)")
                    compared += 1
                }
            }
        }
        #expect(compared > 0, "no Expect found inside a check")
    }
}
