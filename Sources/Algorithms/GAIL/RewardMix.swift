/// The mixed rewards that exercise 7.1 (`mixedReward`) returned, if there is one per transition:
/// GAIL and the mixed-reward agent mix their rewards through that exercise, in
/// ``DiscriminatorReward/rewards(for:)``, the one place where rewards are mixed.
///
/// - Throws: ``PolicyGradientError`` when the exercise does not return one reward per transition.
func checkedMix(_ mixed: [Float], transitions: Int) throws -> [Float] {
    guard mixed.count == transitions else {
        throw PolicyGradientError("mixedReward returned \(mixed.count) rewards for \(transitions) transitions")
    }
    return mixed
}
