import Testing

@Test func NumericsTestsPlaceholder() { #expect(1 + 1 == 2) }
