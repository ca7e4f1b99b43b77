import Testing

@Test func AlgorithmsTestsPlaceholder() { #expect(1 + 1 == 2) }
