import Foundation

extension NPYArray.Storage {
    /// The number of elements.
    public var count: Int {
        switch self {
        case .float32(let v): return v.count
        case .float64(let v): return v.count
        case .bool(let v): return v.count
        case .int32(let v): return v.count
        case .int64(let v): return v.count
        }
    }

    /// NumPy's type string.
    public var dtype: String {
        switch self {
        case .float32: return "<f4"
        case .float64: return "<f8"
        case .bool: return "|b1"
        case .int32: return "<i4"
        case .int64: return "<i8"
        }
    }

    /// Bytes per element of a supported type string, or nil.
    static func itemSize(of descr: String) -> Int? {
        switch descr {
        case "<f4", "<i4": return 4
        case "<f8", "<i8": return 8
        case "|b1": return 1
        default: return nil
        }
    }

    /// Appends the little-endian bytes of the values.
    func appendBytes(to data: inout Data) {
        switch self {
        case .float32(let v): for x in v { append(x.bitPattern.littleEndian, to: &data) }
        case .float64(let v): for x in v { append(x.bitPattern.littleEndian, to: &data) }
        case .bool(let v): data.append(contentsOf: v.map { $0 ? UInt8(1) : 0 })
        case .int32(let v): for x in v { append(x.littleEndian, to: &data) }
        case .int64(let v): for x in v { append(x.littleEndian, to: &data) }
        }
    }

    private func append<T: FixedWidthInteger>(_ value: T, to data: inout Data) {
        withUnsafeBytes(of: value) { data.append(contentsOf: $0) }
    }

    /// Decodes `count` little-endian values of type `descr`.
    init(descr: String, bytes: Data, count: Int, name: String) throws {
        func load<T: FixedWidthInteger>(_: T.Type) -> [T] {
            bytes.withUnsafeBytes { raw in
                (0..<count).map { T(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * MemoryLayout<T>.size, as: T.self)) }
            }
        }
        switch descr {
        case "<f4": self = .float32(load(UInt32.self).map(Float.init(bitPattern:)))
        case "<f8": self = .float64(load(UInt64.self).map(Double.init(bitPattern:)))
        case "<i4": self = .int32(load(Int32.self))
        case "<i8": self = .int64(load(Int64.self))
        case "|b1": self = .bool(bytes.map { $0 != 0 })
        default: throw NPZError("'\(name)' has dtype \(descr), which the kit does not read")
        }
    }

    /// The values of a column-major rows × columns matrix in row-major order.
    func transposed(rows: Int, columns: Int) -> Self {
        func t<T>(_ v: [T]) -> [T] {
            var out = v
            for r in 0..<rows { for c in 0..<columns { out[r * columns + c] = v[c * rows + r] } }
            return out
        }
        switch self {
        case .float32(let v): return .float32(t(v))
        case .float64(let v): return .float64(t(v))
        case .bool(let v): return .bool(t(v))
        case .int32(let v): return .int32(t(v))
        case .int64(let v): return .int64(t(v))
        }
    }
}

/// The three fields of a `.npy` header dictionary.
struct NPYHeader {
    let descr: String
    let fortranOrder: Bool
    let shape: [Int]
    let itemSize: Int

    /// Parses `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }`.
    init(_ text: String, name: String) throws {
        func value(of key: String) throws -> Substring {
            guard let keyRange = text.range(of: "'\(key)'") ?? text.range(of: "\"\(key)\""),
                  let colon = text[keyRange.upperBound...].firstIndex(of: ":") else {
                throw NPZError("'\(name)' has a header without '\(key)': \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
            }
            return text[text.index(after: colon)...].drop { $0 == " " }
        }
        let descrText = try value(of: "descr")
        guard let quote = descrText.first, quote == "'" || quote == "\"",
              let end = descrText.dropFirst().firstIndex(of: quote) else {
            throw NPZError("'\(name)' has a header whose descr is not a simple type string (structured arrays are not read)")
        }
        descr = String(descrText[descrText.index(after: descrText.startIndex)..<end])
        let fortranText = try value(of: "fortran_order")
        if fortranText.hasPrefix("True") { fortranOrder = true } else if fortranText.hasPrefix("False") { fortranOrder = false } else {
            throw NPZError("'\(name)' has an unreadable fortran_order in its header")
        }
        let shapeText = try value(of: "shape")
        guard shapeText.first == "(", let close = shapeText.firstIndex(of: ")") else {
            throw NPZError("'\(name)' has an unreadable shape in its header")
        }
        let inner = shapeText[shapeText.index(after: shapeText.startIndex)..<close]
        var dims = [Int]()
        for part in inner.split(separator: ",") {
            let trimmed = part.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "L", with: "")
            if trimmed.isEmpty { continue }
            guard let d = Int(trimmed), d >= 0 else { throw NPZError("'\(name)' has an unreadable shape (\(inner)) in its header") }
            dims.append(d)
        }
        shape = dims
        if descr.hasPrefix(">") {
            throw NPZError("'\(name)' is big-endian (\(descr)); save it little-endian with .astype('<\(descr.dropFirst())')")
        }
        guard let size = NPYArray.Storage.itemSize(of: descr) else {
            throw NPZError("'\(name)' has dtype \(descr); the kit reads float32, float64, bool, int32 and int64")
        }
        itemSize = size
    }
}
