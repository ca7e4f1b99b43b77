import Testing

@Test func LessonKitTestsPlaceholder() { #expect(1 + 1 == 2) }
