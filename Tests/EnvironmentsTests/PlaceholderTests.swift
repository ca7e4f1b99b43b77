import Testing

@Test func EnvironmentsTestsPlaceholder() { #expect(1 + 1 == 2) }
