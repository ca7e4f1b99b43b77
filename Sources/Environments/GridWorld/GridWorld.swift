import Numerics

/// A small grid world for the tabular lessons: walls, a goal, traps, and optional slipping.
///
/// States are cells, numbered row-major from the top-left (`state = row·width + column`); walls
/// are states too but are never entered. Actions: 0 up, 1 right, 2 down, 3 left. A move into a
/// wall or off the grid leaves the agent in place. With `slipProbability` p the agent moves in
/// the intended direction with probability 1 − p and in each perpendicular direction with p/2
/// (deterministic by default). Entering the goal gives `goalReward` (1), entering a trap
/// `trapReward` (−1); both end the episode (they are absorbing). Every other move gives
/// `stepReward` (0).
public struct GridWorld: TabularMDP, Equatable {
    /// What a cell holds.
    public enum Cell: Character, Sendable, Codable {
        /// A free cell.
        case empty = "."
        /// A wall: never entered.
        case wall = "#"
        /// The goal: reward `goalReward`, terminal.
        case goal = "G"
        /// A trap: reward `trapReward`, terminal.
        case trap = "X"
        /// The start cell (free).
        case start = "S"
    }

    /// The four moves, in action-index order.
    public enum Move: Int, Sendable, CaseIterable {
        /// Row − 1.
        case up
        /// Column + 1.
        case right
        /// Row + 1.
        case down
        /// Column − 1.
        case left

        /// The (row, column) change.
        public var delta: (row: Int, column: Int) {
            switch self {
            case .up: return (-1, 0)
            case .right: return (0, 1)
            case .down: return (1, 0)
            case .left: return (0, -1)
            }
        }
    }

    /// The result of one step.
    public struct Step: Sendable, Equatable {
        /// The new state.
        public var state: Int
        /// The reward.
        public var reward: Double
        /// The agent entered the goal or a trap.
        public var terminated: Bool
        /// The time limit was reached.
        public var truncated: Bool
    }

    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Cells, row-major.
    public let cells: [Cell]
    /// Probability of slipping to a perpendicular direction.
    public var slipProbability: Double
    /// Reward for entering the goal.
    public var goalReward: Double = 1
    /// Reward for entering a trap.
    public var trapReward: Double = -1
    /// Reward for any other move.
    public var stepReward: Double = 0
    /// The time limit of simulated episodes.
    public var maxEpisodeSteps: Int
    /// The agent's current state in simulated episodes.
    public var agentState: Int
    /// Steps taken since the last reset.
    public var elapsedSteps: Int = 0

    /// The 6×6 world of the tabular lessons:
    /// ```
    /// S...#.
    /// .##...
    /// ...#X.
    /// .#....
    /// .#.##.
    /// ...X.G
    /// ```
    public static let standard = try! GridWorld(rows: standardRows)

    /// The rows of `standard`, to build variants (e.g. with slipping).
    public static let standardRows = ["S...#.", ".##...", "...#X.", ".#....", ".#.##.", "...X.G"]

    /// A world drawn as text, one string per row, with the characters of `Cell`
    /// (exactly one `S`; at least one `G`).
    ///
    /// - Throws: `EnvironmentError.invalidConfiguration` for ragged rows, unknown characters or a
    ///   missing start or goal.
    public init(rows: [String], slipProbability: Double = 0, maxEpisodeSteps: Int = 100) throws {
        let name = "GridWorld"
        guard let width = rows.first?.count, width > 0, rows.allSatisfy({ $0.count == width }) else {
            throw EnvironmentError.invalidConfiguration(environment: name, reason: "rows must be non-empty and of equal length")
        }
        var cells = [Cell]()
        for (r, row) in rows.enumerated() {
            for (c, character) in row.enumerated() {
                guard let cell = Cell(rawValue: character) else {
                    throw EnvironmentError.invalidConfiguration(
                        environment: name, reason: "unknown cell '\(character)' at row \(r), column \(c) (use . # G X S)")
                }
                cells.append(cell)
            }
        }
        let starts = cells.indices.filter { cells[$0] == .start }
        guard starts.count == 1 else {
            throw EnvironmentError.invalidConfiguration(environment: name, reason: "needs exactly one start 'S', found \(starts.count)")
        }
        guard cells.contains(.goal) else {
            throw EnvironmentError.invalidConfiguration(environment: name, reason: "needs a goal 'G'")
        }
        guard (0...1).contains(slipProbability) else {
            throw EnvironmentError.invalidConfiguration(environment: name, reason: "slip probability \(slipProbability) is not in [0, 1]")
        }
        self.width = width
        self.height = rows.count
        self.cells = cells
        self.slipProbability = slipProbability
        self.maxEpisodeSteps = maxEpisodeSteps
        self.agentState = starts[0]
    }

    /// The number of cells.
    public var stateCount: Int { width * height }
    /// Four moves.
    public var actionCount: Int { 4 }
    /// The start cell's state.
    public var startState: Int { cells.firstIndex(of: .start)! }

    /// The state of (row, column).
    public func state(row: Int, column: Int) -> Int { row * width + column }
    /// The (row, column) of a state.
    public func position(of state: Int) -> (row: Int, column: Int) { (state / width, state % width) }

    /// Goal and trap cells end the episode.
    public func isTerminal(_ state: Int) -> Bool { cells[state] == .goal || cells[state] == .trap }

    /// The cell reached by moving from `state` in direction `move` (staying put at walls and edges).
    public func destination(from state: Int, move: Move) -> Int {
        let (row, column) = position(of: state)
        let r = row + move.delta.row, c = column + move.delta.column
        guard r >= 0, r < height, c >= 0, c < width, cells[r * width + c] != .wall else { return state }
        return r * width + c
    }

    /// Intended move with probability 1 − p, each perpendicular with p/2; terminal states loop.
    public func transitions(from state: Int, action: Int) -> [(state: Int, probability: Double)] {
        if isTerminal(state) || cells[state] == .wall { return [(state, 1)] }
        let move = Move(rawValue: action)!
        guard slipProbability > 0 else { return [(destination(from: state, move: move), 1)] }
        let left = Move(rawValue: (action + 3) % 4)!, right = Move(rawValue: (action + 1) % 4)!
        return [(destination(from: state, move: move), 1 - slipProbability),
                (destination(from: state, move: left), slipProbability / 2),
                (destination(from: state, move: right), slipProbability / 2)]
    }

    /// Goal/trap reward on entering them, `stepReward` for other moves, 0 once terminal.
    public func reward(from state: Int, action: Int, to next: Int) -> Double {
        if isTerminal(state) { return 0 }
        switch cells[next] {
        case .goal: return goalReward
        case .trap: return trapReward
        default: return stepReward
        }
    }

    /// Puts the agent on the start cell.
    @discardableResult
    public mutating func reset() -> Int {
        agentState = startState
        elapsedSteps = 0
        return agentState
    }

    /// Puts the agent on `state` (for episodes starting elsewhere).
    @discardableResult
    public mutating func reset(to state: Int) -> Int {
        agentState = state
        elapsedSteps = 0
        return agentState
    }

    /// Takes `action` (0 up, 1 right, 2 down, 3 left), drawing the slip from `rng`.
    ///
    /// - Throws: `EnvironmentError.invalidConfiguration` for an action outside 0..<4.
    public mutating func step(_ action: Int, rng: inout RandomSource) throws -> Step {
        guard (0..<actionCount).contains(action) else {
            throw EnvironmentError.invalidConfiguration(environment: "GridWorld", reason: "action \(action) at step \(elapsedSteps) is not in 0..<4")
        }
        let options = transitions(from: agentState, action: action)
        let next = options.count == 1 ? options[0].state : options[rng.categorical(options.map(\.probability))].state
        let reward = self.reward(from: agentState, action: action, to: next)
        agentState = next
        elapsedSteps += 1
        return Step(state: next, reward: reward, terminated: isTerminal(next), truncated: elapsedSteps >= maxEpisodeSteps)
    }
}
