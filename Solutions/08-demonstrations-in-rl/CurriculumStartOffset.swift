import ExerciseAPI

extension DemonstrationsInRL {
    /// Exercise 8.2: move the start `stepBack` steps earlier once the recent success rate reaches the threshold.
    public func curriculumStartOffset(current: Int, recentSuccessRate: Double, threshold: Double, stepBack: Int,
                                      longest: Int) throws -> Int {
        let name = "curriculumStartOffset"
        guard (0...1).contains(threshold) else {
            throw DemonstrationsInputError("\(name): threshold must lie in [0, 1], got \(threshold)")
        }
        guard stepBack >= 1 else { throw DemonstrationsInputError("\(name): stepBack must be at least 1, got \(stepBack)") }
        guard longest >= 0, (0...longest).contains(current) else {
            throw DemonstrationsInputError("\(name): current must lie in 0 ... longest, got current \(current), longest \(longest)")
        }
        guard recentSuccessRate >= threshold else { return current }   // false for NaN
        return min(current + stepBack, longest)
    }
}
