import Environments
import Foundation
import Numerics
import Testing

/// The MuJoCo layer and the hopper: loading, errors, state, determinism, the rules of Hopper-v4.
@Suite struct HopperTests {
    /// A hopper started from `qpos` and `qvel`.
    func hopper(qpos: [Double], qvel: [Double] = Array(repeating: 0, count: 6)) throws -> Hopper {
        var env = Hopper()
        _ = env.reset(to: try Hopper.State(qpos: qpos, qvel: qvel))
        return env
    }

    @Test func modelLoads() throws {
        let model = Hopper.model
        #expect(model.positionCount == 6 && model.velocityCount == 6 && model.controlCount == 3)
        #expect(model.timestep == 0.002)
        #expect(model.referencePositions == [0, 1.25, 0, 0, 0, 0])
        #expect(model.controlRanges == [-1...1, -1...1, -1...1])
        #expect(MuJoCoModel.libraryVersion.hasPrefix("2."))
        #expect(Hopper().dt == 0.008)
        #expect(try model.geomIndex(named: "foot_geom") == 4)
        #expect(throws: MuJoCoError.unknownName(model: "hopper.xml", kind: "geom", name: "tail")) {
            try model.geomIndex(named: "tail")
        }
    }

    @Test func badModelGivesOneLineNamingFileAndLine() throws {
        let xml = "<mujoco>\n  <worldbody>\n    <geom type=\"capsule\" sise=\"0.1\"/>\n  </worldbody>\n</mujoco>\n"
        let error = #expect(throws: MuJoCoError.self) { try MuJoCoModel(xml: xml, name: "broken.xml") }
        let message = error?.description ?? ""
        #expect(message.hasPrefix("MuJoCo could not load broken.xml: "), "\(message)")
        #expect(message.contains("line 3") && message.contains("sise") && !message.contains("\n"), "\(message)")

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kit-mujoco-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("unclosed.xml").path
        try "<mujoco>\n<worldbody>\n".write(toFile: path, atomically: true, encoding: .utf8)
        let fileError = #expect(throws: MuJoCoError.self) { try MuJoCoModel(contentsOfFile: path) }
        #expect(fileError?.description.hasPrefix("MuJoCo could not load \(path): ") == true, "\(String(describing: fileError))")
        #expect(fileError?.description.contains("\n") == false)

        let missing = directory.appendingPathComponent("missing.xml").path
        #expect(throws: MuJoCoError.loadFailed(source: missing, message: "no such file")) {
            try MuJoCoModel(contentsOfFile: missing)
        }
    }

    @Test func stateRoundTripsAndCopiesAreIndependent() throws {
        let qpos = [0.3, 1.2, 0.05, -0.4, -0.3, 0.2], qvel = [1, -0.5, 0.2, 0.1, -0.3, 0.4]
        var env = try hopper(qpos: qpos, qvel: qvel)
        #expect(env.state.qpos == qpos && env.state.qvel == qvel)
        #expect(env.observation == (qpos.dropFirst() + qvel).map { Float($0) })

        let copy = env
        _ = try env.step([0.5, -0.5, 0.2])
        #expect(copy.state.qpos == qpos, "stepping a copy changed the original")
        #expect(env.state.qpos != qpos)

        let data = try JSONEncoder().encode(env.state)
        #expect(try JSONDecoder().decode(Hopper.State.self, from: data) == env.state)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Hopper.State.self, from: Data(#"{"qpos":[1,2],"qvel":[0,0,0,0,0,0]}"#.utf8))
        }
    }

    @Test func badStatesGiveOneLine() throws {
        #expect(throws: MuJoCoError.wrongSize(model: "Hopper-v4", what: "state qpos", expected: 6, got: 5)) {
            try Hopper.State(qpos: [0, 1.25, 0, 0, 0], qvel: Array(repeating: 0, count: 6))
        }
        let error = #expect(throws: MuJoCoError.self) {
            try Hopper.State(qpos: [0, 1.25, 0, 0, 0, 0], qvel: [0, .nan, 0, 0, 0, 0])
        }
        #expect(error?.description == "Hopper-v4: state qvel [0.0, nan, 0.0, 0.0, 0.0, 0.0] contains NaN or an infinity")
        var simulation = MuJoCoSimulation(model: Hopper.model)
        #expect(throws: MuJoCoError.wrongSize(model: "hopper.xml", what: "controls", expected: 3, got: 2)) {
            try simulation.step(controls: [0, 0])
        }
    }

    @Test func sameSeedGivesSameEpisode() throws {
        func episode(seed: UInt64) throws -> [[Float]] {
            var env = Hopper()
            var observations = [env.reset(seed: seed)]
            var actions = RandomSource(seed: 99)
            while true {
                let step = try env.step(env.actionSpace.sample(rng: &actions))
                observations.append(step.observation)
                if step.isDone { return observations }
            }
        }
        let first = try episode(seed: 3), again = try episode(seed: 3), other = try episode(seed: 4)
        #expect(first == again)
        #expect(first[0] != other[0])
        #expect(first.count > 5 && first.count < 1001)
    }

    @Test func resetNoiseIsSmallAndUniform() {
        var env = Hopper()
        var rng = RandomSource(seed: 1)
        for _ in 0..<50 {
            _ = env.reset(rng: &rng)
            let offsets = zip(env.state.qpos, [0, 1.25, 0, 0, 0, 0]).map { $0 - $1 } + env.state.qvel
            #expect(offsets.allSatisfy { abs($0) <= 0.005 })
            #expect(env.elapsedSteps == 0 && env.isHealthy)
        }
    }

    @Test func terminationRules() throws {
        let upright = [0, 1.25, 0, 0, 0, 0]
        let low = try hopper(qpos: [0, 0.6, 0, 0, 0, 0])
        #expect(!low.isHealthy)
        var falling = low
        #expect(try falling.step([0, 0, 0]).terminated)

        #expect(!Hopper.isHealthy(try .init(qpos: [0, 0.7, 0, 0, 0, 0], qvel: Array(repeating: 0, count: 6))))
        #expect(!Hopper.isHealthy(try .init(qpos: [0, 1.25, 0.2, 0, 0, 0], qvel: Array(repeating: 0, count: 6))))
        #expect(!Hopper.isHealthy(try .init(qpos: [0, 1.25, -0.25, 0, 0, 0], qvel: Array(repeating: 0, count: 6))))
        #expect(!Hopper.isHealthy(try .init(qpos: upright, qvel: [0, 0, 0, 100, 0, 0])))
        #expect(!Hopper.isHealthy(try .init(qpos: [0, 1.25, 0, 0, 0, -100], qvel: Array(repeating: 0, count: 6))))
        // x and z take no part in the state range: far away and high up is healthy.
        #expect(Hopper.isHealthy(try .init(qpos: [500, 150, 0.1, -1, -1, 0.5], qvel: [99, -99, 0, 0, 0, 0])))

        var standing = try hopper(qpos: upright)
        let step = try standing.step([0, 0, 0])
        #expect(!step.terminated && !step.truncated)
    }

    @Test func anUnstableSimulationEndsTheEpisode() throws {
        var env = try hopper(qpos: [0, 1.25, 0, 0, 0, 0], qvel: [0, 0, 0, 1e11, 0, 0])
        let step = try env.step([0, 0, 0])
        #expect(env.simulation.instabilityCount >= 1)
        // MuJoCo put it back into the reference pose and ran the step's remaining frames from there.
        #expect(zip(env.state.qpos, Hopper.model.referencePositions).allSatisfy { abs($0 - $1) < 0.01 })
        #expect(step.terminated)
    }

    @Test func observationIsElevenNumbersWithClippedVelocities() throws {
        var env = try hopper(qpos: [2, 1.2, 0.1, -0.2, -0.3, 0.1], qvel: [20, -30, 1, 2, 3, 4])
        #expect(env.observation.count == 11 && env.observationSize == 11 && env.actionSize == 3)
        #expect(env.observation == [1.2, 0.1, -0.2, -0.3, 0.1, 10, -10, 1, 2, 3, 4])
        #expect(try env.step([0, 0, 0]).observation.count == 11)
    }

    @Test func actionsAreCheckedAndClipped() throws {
        var env = Hopper()
        _ = env.reset(seed: 5)
        let error = #expect(throws: EnvironmentError.self) { try env.step([0.1, 0.2]) }
        #expect(error?.description == "Hopper-v4: an action needs 3 number(s), got 2")
        #expect(throws: EnvironmentError.self) { try env.step([0, .nan, 0]) }
        #expect(env.elapsedSteps == 0)

        var big = env, unit = env
        let a = try big.step([5, -7, 2]), b = try unit.step([1, -1, 1])
        #expect(a == b)
        // reward = 1 + Δx/dt − 0.001·|a|² on the clipped action.
        var plain = env
        let x0 = plain.state.x
        let c = try plain.step([0.5, -0.5, 0.25])
        let expected = 1 + (plain.state.x - x0) / 0.008 - 0.001 * (0.25 + 0.25 + 0.0625)
        #expect(abs(c.reward - expected) < 1e-12)
    }

    @Test func truncatedAtTheTimeLimit() throws {
        var env = Hopper(maxEpisodeSteps: 3)
        _ = env.reset(seed: 0)
        let steps = try (0..<3).map { _ in try env.step([0, 0, 0]) }
        #expect(steps.map(\.truncated) == [false, false, true])
        #expect(steps.allSatisfy { !$0.terminated })
    }

    @Test func capsulesFollowTheModel() throws {
        let parts = Hopper.capsules(in: try .init(qpos: [0, 1.25, 0, 0, 0, 0], qvel: Array(repeating: 0, count: 6)))
        #expect(parts.map(\.name) == Hopper.bodyPartGeoms)
        func close(_ p: (Double, Double), _ q: (Double, Double)) -> Bool { abs(p.0 - q.0) < 1e-9 && abs(p.1 - q.1) < 1e-9 }
        #expect(close(parts[0].from, (0, 1.45)) && close(parts[0].to, (0, 1.05)), "\(parts[0])")
        #expect(close(parts[1].from, (0, 1.05)) && close(parts[1].to, (0, 0.6)), "\(parts[1])")
        #expect(close(parts[2].from, (0, 0.6)) && close(parts[2].to, (0, 0.1)), "\(parts[2])")
        #expect(close(parts[3].from, (-0.13, 0.1)) && close(parts[3].to, (0.26, 0.1)), "\(parts[3])")
        #expect(parts.map(\.radius) == [0.05, 0.05, 0.04, 0.06])
    }
}
