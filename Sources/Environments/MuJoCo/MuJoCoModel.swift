import CMuJoCo
import Foundation

/// A compiled MuJoCo model (`mjModel`): the bodies, joints, geoms, actuators and physics options
/// of an MJCF file, owned by this object and freed with it.
///
/// A model never changes after loading, so one instance can be shared by any number of
/// simulations on any number of threads (`MuJoCoSimulation` holds the changing part, `mjData`).
///
/// ```swift
/// let model = try MuJoCoModel(xml: text, name: "hopper.xml")
/// var simulation = MuJoCoSimulation(model: model)
/// try simulation.step(controls: [0.1, 0, -0.2], frames: 4)
/// ```
public final class MuJoCoModel: @unchecked Sendable {
    /// The compiled model. Read-only after `init`: nothing in the kit writes through it.
    let pointer: UnsafeMutablePointer<mjModel>
    /// The file the model was read from, or the name given to a model read from a string.
    public let source: String

    /// Serialises calls to MuJoCo's XML compiler, which keeps global state in older releases.
    private static let loaderLock = NSLock()

    /// Compiles the MJCF text `xml`; `name` stands for the file in error messages.
    ///
    /// - Throws: `MuJoCoError.loadFailed` with MuJoCo's message (it names the element and the line).
    public init(xml: String, name: String = "model.xml") throws {
        kit_mujoco_silence_warnings()
        var error = [CChar](repeating: 0, count: 1000)
        let loaded: UnsafeMutablePointer<mjModel>? = Self.loaderLock.withLock {
            kit_mujoco_load_xml_string(name, xml, &error, Int32(error.count))
        }
        guard let loaded else {
            throw MuJoCoError.loadFailed(source: name, message: MuJoCoError.oneLine(Self.string(error)))
        }
        pointer = loaded
        source = name
    }

    /// Compiles the MJCF file at `path` (with the files it includes, relative to it).
    ///
    /// - Throws: `MuJoCoError.loadFailed` naming `path`, for a missing file or MuJoCo's message.
    public init(contentsOfFile path: String) throws {
        kit_mujoco_silence_warnings()
        guard FileManager.default.fileExists(atPath: path) else {
            throw MuJoCoError.loadFailed(source: path, message: "no such file")
        }
        var error = [CChar](repeating: 0, count: 1000)
        let loaded: UnsafeMutablePointer<mjModel>? = Self.loaderLock.withLock {
            mj_loadXML(path, nil, &error, Int32(error.count))
        }
        guard let loaded else {
            throw MuJoCoError.loadFailed(source: path, message: MuJoCoError.oneLine(Self.string(error)))
        }
        pointer = loaded
        source = path
    }

    deinit {
        mj_deleteModel(pointer)
    }

    /// The MuJoCo library's version, e.g. "2.2.2".
    public static var libraryVersion: String { String(cString: mj_versionString()) }

    /// The number of generalized coordinates, the length of `qpos` (`nq`).
    public var positionCount: Int { Int(pointer.pointee.nq) }
    /// The number of degrees of freedom, the length of `qvel` (`nv`).
    public var velocityCount: Int { Int(pointer.pointee.nv) }
    /// The number of actuators, the length of a control vector (`nu`).
    public var controlCount: Int { Int(pointer.pointee.nu) }
    /// The number of geoms (`ngeom`).
    public var geomCount: Int { Int(pointer.pointee.ngeom) }
    /// The physics time step in seconds (`opt.timestep`).
    public var timestep: Double { pointer.pointee.opt.timestep }

    /// The generalized coordinates of the model's reference pose (`qpos0`).
    public var referencePositions: [Double] {
        Array(UnsafeBufferPointer(start: pointer.pointee.qpos0, count: positionCount))
    }

    /// The control range of every actuator (`actuator_ctrlrange`), or nil for an actuator
    /// without control limits.
    public var controlRanges: [ClosedRange<Double>?] {
        let m = pointer.pointee
        return (0..<controlCount).map { i in
            guard m.actuator_ctrllimited[i] != 0 else { return nil }
            return m.actuator_ctrlrange[2 * i]...m.actuator_ctrlrange[2 * i + 1]
        }
    }

    /// The index of the geom called `name`.
    ///
    /// - Throws: `MuJoCoError.unknownName` when the model has no geom of that name.
    public func geomIndex(named name: String) throws -> Int {
        let id = mj_name2id(pointer, Int32(mjOBJ_GEOM.rawValue), name)
        guard id >= 0 else { throw MuJoCoError.unknownName(model: source, kind: "geom", name: name) }
        return Int(id)
    }

    /// The name of geom `index` (empty for an unnamed geom).
    public func geomName(_ index: Int) -> String {
        precondition(index >= 0 && index < geomCount, "\(source): geom index \(index) is not in 0..<\(geomCount)")
        let address = Int(pointer.pointee.name_geomadr[index])
        return String(cString: pointer.pointee.names + address)
    }

    private static func string(_ buffer: [CChar]) -> String {
        buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
