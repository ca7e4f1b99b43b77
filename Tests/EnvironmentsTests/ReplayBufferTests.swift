import Datasets
import Environments
import Numerics
import Testing

@Suite struct ReplayBufferTests {
    func transition(_ i: Int) -> Transition {
        Transition(observation: [Float(i), Float(-i)], action: [Float(i) / 10], reward: Float(i),
                   nextObservation: [Float(i + 1), Float(-i - 1)], terminated: i % 7 == 6, truncated: i % 11 == 10)
    }

    @Test func ringKeepsTheMostRecentTransitions() throws {
        var buffer = ReplayBuffer(capacity: 10, observationSize: 2, actionSize: 1)
        for i in 0..<25 { try buffer.add(transition(i)) }
        #expect(buffer.count == 10 && buffer.ringCount == 10 && buffer.totalAdded == 25)
        #expect((0..<10).map { buffer[$0].reward } == (15..<25).map(Float.init))
        #expect(buffer[3] == transition(18))
    }

    @Test func demonstrationsAreNeverOverwritten() throws {
        var demos = TransitionDataset(observationSize: 2, actionSize: 1)
        for i in 1000..<1005 { try demos.append(transition(i)) }
        var buffer = ReplayBuffer(capacity: 8, observationSize: 2, actionSize: 1)
        try buffer.addDemonstrations(demos)
        for i in 0..<100 { try buffer.add(transition(i)) }
        #expect(buffer.count == 13 && buffer.demonstrations == demos)
        var rng = RandomSource(seed: 1)
        let batch = try buffer.sample(batchSize: 2000, rng: &rng)
        let demoRows = batch.isDemonstration.filter { $0 }.count
        #expect(abs(Double(demoRows) / 2000 - 5.0 / 13) < 0.04)
        for row in 0..<batch.count where batch.isDemonstration[row] { #expect(batch.rewards[row] >= 1000) }
        for row in 0..<batch.count where !batch.isDemonstration[row] { #expect(batch.rewards[row] >= 92 && batch.rewards[row] < 100) }
        buffer.removeDemonstrations()
        #expect(buffer.count == 8 && buffer.demonstrations.count == 0)
    }

    @Test func minibatchesAreFlatRowMajorAndDeterministic() throws {
        var buffer = ReplayBuffer(capacity: 50, observationSize: 2, actionSize: 1)
        for i in 0..<30 { try buffer.add(transition(i)) }
        var a = RandomSource(seed: 5), b = RandomSource(seed: 5)
        let x = try buffer.sample(batchSize: 64, rng: &a), y = try buffer.sample(batchSize: 64, rng: &b)
        #expect(x == y)
        #expect(x.observations.count == 128 && x.observationShape == [64, 2] && x.actionShape == [64, 1])
        for row in 0..<64 {
            let i = Int(x.rewards[row])
            #expect(Array(x.observations[2 * row..<2 * row + 2]) == [Float(i), Float(-i)])
            #expect(Array(x.nextObservations[2 * row..<2 * row + 2]) == [Float(i + 1), Float(-i - 1)])
            #expect(x.actions[row] == Float(i) / 10)
            #expect(x.terminals[row] == (i % 7 == 6 ? 1 : 0) && x.timeouts[row] == (i % 11 == 10 ? 1 : 0))
        }
        // Every stored transition turns up.
        var rng = RandomSource(seed: 6)
        let big = try buffer.sample(batchSize: 3000, rng: &rng)
        #expect(Set(big.rewards) == Set((0..<30).map(Float.init)))
    }

    @Test func badInputThrows() throws {
        var buffer = ReplayBuffer(capacity: 4, observationSize: 2, actionSize: 1)
        var rng = RandomSource(seed: 0)
        #expect(throws: DatasetError.self) { try buffer.sample(batchSize: 1, rng: &rng) }
        #expect(throws: DatasetError.self) {
            try buffer.add(observation: [1], action: [0], reward: 0, nextObservation: [1, 2], terminated: false)
        }
        #expect(throws: DatasetError.self) {
            try buffer.add(observation: [1, 2], action: [.nan], reward: 0, nextObservation: [1, 2], terminated: false)
        }
        try buffer.add(transition(0))
        #expect(throws: DatasetError.self) { try buffer.sample(batchSize: 0, rng: &rng) }
    }

    @Test func fixedBufferFromADatasetAndTrajectories() throws {
        let trajectories = try Rollout.run(Pendulum(), expert: PendulumExpert(), episodes: 2, seed: 3)
        let dataset = try TransitionDataset(trajectories: trajectories)
        let buffer = ReplayBuffer(dataset: dataset)
        #expect(buffer.count == 400 && buffer.capacity == 400)
        #expect(buffer.ringContents == dataset)
        #expect(dataset[199].truncated && !dataset[199].terminated && !dataset[198].truncated)
        #expect(dataset[5].nextObservation == dataset[6].observation)
        #expect(abs(Double(dataset.rewards.reduce(0, +)) - trajectories.map(\.totalReward).reduce(0, +)) < 1e-3)
    }
}

@Suite struct TrajectoryTests {
    @Test func partsMustAgree() throws {
        let t = try Trajectory<Pendulum.State>(observations: [[0], [1], [2]], actions: [[0.5], [0.5]], rewards: [1, 2],
                                               terminated: true, truncated: false)
        #expect(t.count == 2 && t.totalReward == 3 && abs(t.discountedReturn(gamma: 0.5) - 2) < 1e-12)
        #expect(t.transitions.map(\.terminated) == [false, true])
        #expect(throws: DatasetError.self) {
            try Trajectory<Pendulum.State>(observations: [[0], [1]], actions: [[0.5], [0.5]], rewards: [1, 2],
                                           terminated: true, truncated: false)
        }
    }
}
