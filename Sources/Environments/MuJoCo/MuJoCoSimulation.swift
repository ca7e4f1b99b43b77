import CMuJoCo

/// A MuJoCo simulation of a model, with value semantics: copying a simulation clones its whole
/// state (copy-on-write), so copies can be stepped independently and on different threads.
///
/// The state that defines the future is `qpos` and `qvel` (the models the kit uses have no
/// activations). `setState(qpos:qvel:)` starts from it as Gymnasium's `reset` then `set_state` do:
/// everything else (time, controls, the solver's warm start) is reset first, so the same state
/// always gives the same trajectory.
public struct MuJoCoSimulation: Sendable {
    /// The model being simulated.
    public let model: MuJoCoModel
    private var data: MuJoCoData

    /// A simulation of `model` in its reference pose (`qpos0`) at rest.
    public init(model: MuJoCoModel) {
        self.model = model
        data = MuJoCoData(model: model)
        mj_forward(model.pointer, data.pointer)
    }

    /// The generalized coordinates (`qpos`, `model.positionCount` numbers).
    public var qpos: [Double] {
        Array(UnsafeBufferPointer(start: data.pointer.pointee.qpos, count: model.positionCount))
    }

    /// The generalized velocities (`qvel`, `model.velocityCount` numbers).
    public var qvel: [Double] {
        Array(UnsafeBufferPointer(start: data.pointer.pointee.qvel, count: model.velocityCount))
    }

    /// Simulated time in seconds since the last reset.
    public var time: Double { data.pointer.pointee.time }

    /// How many times MuJoCo has warned about a bad number in the state or the accelerations since
    /// the last reset. MuJoCo then resets the simulation to the reference pose by itself, as it
    /// does under Gymnasium; a non-zero count means the trajectory is not physical.
    public var instabilityCount: Int {
        withUnsafeBytes(of: data.pointer.pointee.warning) { raw in
            let warnings = raw.bindMemory(to: mjWarningStat.self)
            return [mjWARN_BADQPOS, mjWARN_BADQVEL, mjWARN_BADQACC].reduce(0) {
                $0 + Int(warnings[Int($1.rawValue)].number)
            }
        }
    }

    /// Back to the reference pose at rest, time 0, no controls (`mj_resetData`, then `mj_forward`).
    public mutating func reset() {
        makeUnique()
        mj_resetData(model.pointer, data.pointer)
        mj_forward(model.pointer, data.pointer)
    }

    /// Starts from the state (`qpos`, `qvel`): resets everything else, then computes the derived
    /// quantities (`mj_forward`), as Gymnasium's `reset` followed by `set_state`.
    ///
    /// - Throws: `MuJoCoError.wrongSize` or `.notFinite` naming the vector; the simulation is then unchanged.
    public mutating func setState(qpos: [Double], qvel: [Double]) throws {
        try check(qpos, "qpos", expected: model.positionCount)
        try check(qvel, "qvel", expected: model.velocityCount)
        makeUnique()
        let d = data.pointer
        mj_resetData(model.pointer, d)
        for i in qpos.indices { d.pointee.qpos[i] = qpos[i] }
        for i in qvel.indices { d.pointee.qvel[i] = qvel[i] }
        mj_forward(model.pointer, d)
    }

    /// Applies `controls` (one per actuator; MuJoCo clamps them into limited control ranges) and
    /// advances `frames` physics steps of `model.timestep` (`mj_step`, as Gymnasium's `do_simulation`).
    ///
    /// - Throws: `MuJoCoError.wrongSize` or `.notFinite` for bad controls; nothing is simulated then.
    public mutating func step(controls: [Double], frames: Int = 1) throws {
        try check(controls, "controls", expected: model.controlCount)
        makeUnique()
        let d = data.pointer
        for i in controls.indices { d.pointee.ctrl[i] = controls[i] }
        for _ in 0..<max(frames, 0) { mj_step(model.pointer, d) }
    }

    /// Gives this simulation its own data before it changes (copy-on-write).
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&data) { data = data.copy() }
    }

    private func check(_ values: [Double], _ what: String, expected: Int) throws {
        guard values.count == expected else {
            throw MuJoCoError.wrongSize(model: model.source, what: what, expected: expected, got: values.count)
        }
        guard values.allSatisfy(\.isFinite) else {
            throw MuJoCoError.notFinite(model: model.source, what: what, values: values)
        }
    }
}
