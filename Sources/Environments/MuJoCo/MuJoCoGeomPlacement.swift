import CMuJoCo

/// Where one geom of a model is for given generalized coordinates: its world position and
/// orientation, from MuJoCo's forward kinematics (`mj_kinematics`). Figures draw from these.
public struct MuJoCoGeomPlacement: Sendable, Equatable {
    /// The geom's shapes the kit draws; any other is `.other`.
    public enum Shape: Sendable, Equatable {
        /// An infinite plane (the floor).
        case plane
        /// A sphere of radius `size.x`.
        case sphere
        /// A segment of half-length `size.y` along the geom's z axis, swept by a sphere of radius `size.x`.
        case capsule
        /// A box of half-sizes `size`.
        case box
        /// Any other shape (ellipsoid, cylinder, mesh, height field).
        case other
    }

    /// The geom's name in the model (empty for an unnamed geom).
    public var name: String
    /// The geom's shape.
    public var shape: Shape
    /// The shape's size parameters (`geom_size`; their meaning depends on the shape).
    public var size: SIMD3<Double>
    /// The geom's centre in world coordinates (`geom_xpos`).
    public var position: SIMD3<Double>
    /// The geom frame's z axis in world coordinates (the third column of `geom_xmat`): a capsule's axis.
    public var axis: SIMD3<Double>

    /// A capsule's two segment end points (`position ± axis · size.y`); nil for other shapes.
    public var capsuleEnds: (SIMD3<Double>, SIMD3<Double>)? {
        guard shape == .capsule else { return nil }
        return (position - axis * size.y, position + axis * size.y)
    }

    /// A capsule's radius (`size.x`); nil for other shapes.
    public var capsuleRadius: Double? { shape == .capsule ? size.x : nil }
}

extension MuJoCoModel {
    /// Every geom's placement when the generalized coordinates are `qpos` (velocities play no part).
    ///
    /// - Throws: `MuJoCoError.wrongSize` or `.notFinite` for a bad `qpos`.
    public func geomPlacements(qpos: [Double]) throws -> [MuJoCoGeomPlacement] {
        guard qpos.count == positionCount else {
            throw MuJoCoError.wrongSize(model: source, what: "qpos", expected: positionCount, got: qpos.count)
        }
        guard qpos.allSatisfy(\.isFinite) else { throw MuJoCoError.notFinite(model: source, what: "qpos", values: qpos) }
        let data = MuJoCoData(model: self)
        let d = data.pointer
        for i in qpos.indices { d.pointee.qpos[i] = qpos[i] }
        mj_kinematics(pointer, d)
        let m = pointer.pointee
        return (0..<geomCount).map { g in
            let size = SIMD3(m.geom_size[3 * g], m.geom_size[3 * g + 1], m.geom_size[3 * g + 2])
            let position = SIMD3(d.pointee.geom_xpos[3 * g], d.pointee.geom_xpos[3 * g + 1], d.pointee.geom_xpos[3 * g + 2])
            // geom_xmat is row-major: the z axis is the third column.
            let axis = SIMD3(d.pointee.geom_xmat[9 * g + 2], d.pointee.geom_xmat[9 * g + 5], d.pointee.geom_xmat[9 * g + 8])
            return MuJoCoGeomPlacement(name: geomName(g), shape: Self.shape(m.geom_type[g]), size: size,
                                       position: position, axis: axis)
        }
    }

    private static func shape(_ type: Int32) -> MuJoCoGeomPlacement.Shape {
        switch type {
        case Int32(mjGEOM_PLANE.rawValue): return .plane
        case Int32(mjGEOM_SPHERE.rawValue): return .sphere
        case Int32(mjGEOM_CAPSULE.rawValue): return .capsule
        case Int32(mjGEOM_BOX.rawValue): return .box
        default: return .other
        }
    }
}
