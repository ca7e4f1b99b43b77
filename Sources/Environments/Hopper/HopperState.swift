extension Hopper {
    /// The hopper's full physical state: MuJoCo's generalized coordinates and velocities.
    ///
    /// `qpos` = (x, z, torso angle, thigh, leg, foot angles): x and z the torso centre's position in
    /// metres (z is its height), angles in radians; `qvel` = their time derivatives. Every state is
    /// checked when made or decoded (six finite numbers each), so setting one cannot fail.
    public struct State: Codable, Equatable, Sendable {
        /// The generalized coordinates (x, z, torso angle, thigh, leg, foot).
        public let qpos: [Double]
        /// The generalized velocities, in the same order.
        public let qvel: [Double]

        /// A state from MuJoCo's vectors (for instance a D4RL file's `infos/qpos` and `infos/qvel`).
        ///
        /// - Throws: `MuJoCoError.wrongSize` unless each has six numbers, `.notFinite` for NaN or infinities.
        public init(qpos: [Double], qvel: [Double]) throws {
            for (values, what) in [(qpos, "qpos"), (qvel, "qvel")] {
                guard values.count == Hopper.coordinateCount else {
                    throw MuJoCoError.wrongSize(model: "Hopper-v4", what: "state \(what)", expected: Hopper.coordinateCount,
                                                got: values.count)
                }
                guard values.allSatisfy(\.isFinite) else {
                    throw MuJoCoError.notFinite(model: "Hopper-v4", what: "state \(what)", values: values)
                }
            }
            self.qpos = qpos
            self.qvel = qvel
        }

        /// A state from vectors known to hold six finite numbers each.
        init(unchecked qpos: [Double], _ qvel: [Double]) {
            self.qpos = qpos
            self.qvel = qvel
        }

        /// Decodes `qpos` and `qvel` and checks them as `init(qpos:qvel:)` does.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            do {
                try self.init(qpos: container.decode([Double].self, forKey: .qpos),
                              qvel: container.decode([Double].self, forKey: .qvel))
            } catch let error as MuJoCoError {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
            }
        }

        /// The horizontal position of the torso's centre (m).
        public var x: Double { qpos[0] }
        /// The height of the torso's centre above the floor (m).
        public var height: Double { qpos[1] }
        /// The torso's angle from upright (rad).
        public var angle: Double { qpos[2] }
        /// The forward velocity of the torso's centre (m/s).
        public var forwardVelocity: Double { qvel[0] }
    }
}
