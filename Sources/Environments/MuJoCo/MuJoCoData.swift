import CMuJoCo

/// The changing part of a simulation (`mjData`: state, controls, contacts, intermediate results),
/// owned by this object and freed with it. `MuJoCoSimulation` wraps it with copy-on-write, so
/// that a simulation behaves as a value.
final class MuJoCoData: @unchecked Sendable {
    /// The model the data belongs to (kept alive as long as the data).
    let model: MuJoCoModel
    /// The data; written only by the `MuJoCoSimulation` that holds the only reference to it.
    let pointer: UnsafeMutablePointer<mjData>

    /// Fresh data for `model`, in its reference pose at rest.
    init(model: MuJoCoModel) {
        guard let data = mj_makeData(model.pointer) else {
            fatalError("\(model.source): MuJoCo could not allocate its data (out of memory)")
        }
        self.model = model
        self.pointer = data
    }

    /// An independent copy: the same state, controls, warm start and intermediate results.
    func copy() -> MuJoCoData {
        let copied = MuJoCoData(model: model)
        mj_copyData(copied.pointer, model.pointer, pointer)
        return copied
    }

    deinit {
        mj_deleteData(pointer)
    }
}
