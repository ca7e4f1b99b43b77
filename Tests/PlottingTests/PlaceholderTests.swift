import Testing

@Test func PlottingTestsPlaceholder() { #expect(1 + 1 == 2) }
