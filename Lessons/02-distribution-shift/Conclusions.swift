// The closing summary, computed from the typed results.
import Foundation
import LessonClaims
import Numerics

/// "What the numbers say": the three experiments' findings with their measured numbers.
func conclusions(compounding: Lesson02Results.Compounding, visitation: Lesson02Results.Visitation,
                 obstacle: Lesson02Results.Obstacle) -> String {
    let expert = compounding.expert, bc = compounding.behaviorCloning, dagger = compounding.dagger
    let bcRatio = bc.ratio(to: expert), daggerRatio = dagger.ratio(to: expert)
    let shortest = compounding.horizons.first ?? 0, longest = compounding.horizons.last ?? 0
    let rounds = compounding.rounds
    let first = rounds.firstRound, last = rounds.lastRound
    let experts = obstacle.demonstrationCollisions.allSatisfy { $0 == 0 }
        ? "the experts themselves never collided" : "even the experts collided on some episodes"
    return """
    ## What the numbers say

    - **Behavior cloning's mistakes compound.** The log-log slope of J(T) is \(String(format: "%.2f", bc.slope)) for \
    behavior cloning against \(String(format: "%.2f", expert.slope)) for the expert: its deviation is \
    \(String(format: "%.1f", bcRatio.first ?? .nan))× the expert's at T = \(shortest) and \
    \(String(format: "%.1f", bcRatio.last ?? .nan))× at T = \(longest). It left the road on \
    \(String(format: "%.0f%%", 100 * bc.offRoad)) of the episodes, the expert on \(String(format: "%.0f%%", 100 * expert.offRoad)).
    - **DAgger grows like the expert.** Its slope is \(String(format: "%.2f", dagger.slope)), its deviation at T = \
    \(longest) is \(String(format: "%.2f", daggerRatio.last ?? .nan))× the expert's, and it left the road on \
    \(String(format: "%.0f%%", 100 * dagger.offRoad)) of the episodes.
    - **A few rounds of labels suffice.** Over \(first.count) seeds the learner's return over a lap is \
    \(String(format: "%.0f", mean(of: first))) after round 0, behavior cloning (seeds range from \
    \(String(format: "%.0f", first.min() ?? .nan)) to \(String(format: "%.0f", first.max() ?? .nan))), and \
    \(String(format: "%.0f", mean(of: last))) after the last round (the worst seed \(String(format: "%.0f", last.min() ?? .nan))), \
    against the expert's \(String(format: "%.0f", rounds.expertReturn)).
    - **The visited states tell the same story.** The total variation distance from the expert's histogram of \
    offsets is \(String(format: "%.3f", visitation.behaviorCloning)) for behavior cloning and \
    \(String(format: "%.3f", visitation.dagger)) for DAgger.
    - **Squared error averages the two experts.** On the obstacle, over \(obstacle.squaredErrorCollisions.count) seeds, the \
    squared-error policy collided in \(String(format: "%.0f%%", 100 * mean(of: obstacle.squaredErrorCollisions))) of \
    the episodes and the mixture policy in \(String(format: "%.0f%%", 100 * mean(of: obstacle.mixtureCollisions))), \
    passing on the left in \(String(format: "%.0f%%", 100 * mean(of: obstacle.mixtureLeftShare))) of them; \(experts).
    """
}
