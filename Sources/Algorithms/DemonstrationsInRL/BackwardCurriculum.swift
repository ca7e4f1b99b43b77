import Datasets
import Environments
import ExerciseAPI
import Numerics

/// The settings of a backward curriculum along the demonstrations (Salimans & Chen 2018,
/// "Learning Montezuma's Revenge from a single demonstration"; Florensa et al. 2017's reverse
/// curriculum): episodes start `offset` steps before the end of a demonstration, and the start
/// moves `stepBack` steps earlier whenever the agent's recent success rate from there reaches
/// `threshold` (exercise 8.2).
public struct CurriculumSettings: Sendable, Codable, Equatable {
    /// The success rate over the last `window` episodes that moves the start earlier.
    public var threshold: Double
    /// Steps the start moves back at a time.
    public var stepBack: Int
    /// Episodes that must have finished at the current start before it may move.
    public var window: Int
    /// A curriculum episode lasts at most `horizonFactor · offset + horizonSlack` steps (and never
    /// longer than the task's time limit): a short task gets a short episode. With the default 1,
    /// the agent gets as many steps as the demonstrator took from that start, plus the slack, so that
    /// a failed attempt from a late start costs a short episode rather than the full time limit.
    public var horizonFactor: Int
    /// See ``horizonFactor``.
    public var horizonSlack: Int

    /// Settings (defaults: the lesson's).
    public init(threshold: Double = 0.5, stepBack: Int = 8, window: Int = 10, horizonFactor: Int = 1, horizonSlack: Int = 10) {
        self.threshold = threshold
        self.stepBack = stepBack
        self.window = window
        self.horizonFactor = horizonFactor
        self.horizonSlack = horizonSlack
    }

    /// Throws ``DemonstrationsRLError`` naming the first bad value.
    public func validate() throws {
        guard (0...1).contains(threshold), stepBack >= 1, window >= 1, horizonFactor >= 1, horizonSlack >= 0 else {
            throw DemonstrationsRLError("CurriculumSettings: need a threshold in [0, 1], stepBack ≥ 1, window ≥ 1, "
                                        + "horizonFactor ≥ 1 and horizonSlack ≥ 0, got \(self)")
        }
    }
}

/// Where a backward curriculum stands: the offset from the end of the demonstrations, the recent
/// outcomes at that offset, and the history of the offset over training.
public struct BackwardCurriculum: Sendable {
    /// One point of the curriculum's history.
    public struct Point: Sendable, Codable, Equatable {
        /// Training environment steps taken when the offset took this value.
        public var environmentStep: Int
        /// Steps before the end of the demonstration where episodes start.
        public var offset: Int
    }

    /// The settings.
    public let settings: CurriculumSettings
    /// The demonstrations (with their states) the episodes start along.
    public let demonstrations: [Trajectory<BlockPushing.State>]
    /// The longest demonstration's length: at this offset every episode starts at a demonstration's
    /// first state, and the curriculum hands over to the task's own resets.
    public let longest: Int
    /// The current offset.
    public private(set) var offset: Int
    /// Every change of the offset (the first point is the initial offset at step 0).
    public private(set) var history: [Point]
    private var recent: [Bool] = []

    /// A curriculum starting `settings.stepBack` steps before the end.
    ///
    /// - Throws: ``DemonstrationsRLError`` for bad settings or demonstrations without states.
    public init(settings: CurriculumSettings, demonstrations: [Trajectory<BlockPushing.State>]) throws {
        try settings.validate()
        guard !demonstrations.isEmpty, demonstrations.allSatisfy({ $0.count > 0 && $0.states.count == $0.count + 1 }) else {
            throw DemonstrationsRLError("BackwardCurriculum: needs non-empty demonstrations recorded with their states")
        }
        self.settings = settings
        self.demonstrations = demonstrations
        longest = demonstrations.map(\.count).max() ?? 0
        offset = min(settings.stepBack, longest)
        history = [Point(environmentStep: 0, offset: offset)]
    }

    /// Whether episodes now start from the task's own reset distribution (the full task).
    public var isComplete: Bool { offset >= longest }

    /// The offset as a fraction of the longest demonstration (0: at the goal, 1: the full task).
    public var progress: Double { Double(offset) / Double(max(longest, 1)) }

    /// Starts an episode: a uniformly drawn demonstration's state `offset` steps before its end
    /// (its first state if it is shorter), or the task's own reset once the curriculum is complete.
    ///
    /// - Returns: the first observation and the episode's step limit.
    public func begin(_ env: inout SparsePushingTask, rng: inout RandomSource) -> (observation: [Float], horizon: Int) {
        if isComplete { return (env.reset(rng: &rng), env.maxEpisodeSteps) }
        let demonstration = demonstrations[rng.index(below: demonstrations.count)]
        let index = max(0, demonstration.count - offset)
        let observation = env.reset(to: demonstration.states[index])
        let horizon = min(env.maxEpisodeSteps, settings.horizonFactor * offset + settings.horizonSlack)
        return (observation, horizon)
    }

    /// Records an episode's outcome and moves the start earlier when exercise 8.2 says so; the
    /// window restarts at every move.
    public mutating func record(success: Bool, environmentStep: Int, formulas: any DemonstrationsInRLExercises) throws {
        // listing: curriculum-step
        guard !isComplete else { return }
        recent.append(success)
        if recent.count > settings.window { recent.removeFirst(recent.count - settings.window) }
        guard recent.count == settings.window else { return }
        let rate = Double(recent.filter { $0 }.count) / Double(settings.window)
        let next = try formulas.curriculumStartOffset(current: offset, recentSuccessRate: rate, threshold: settings.threshold,
                                                      stepBack: settings.stepBack, longest: longest)
        guard (0...longest).contains(next) else {
            throw DemonstrationsRLError("curriculumStartOffset returned \(next), outside 0 ... \(longest)")
        }
        if next != offset {
            offset = next
            recent.removeAll()
            history.append(Point(environmentStep: environmentStep, offset: offset))
        }
        // end listing
    }
}
