import Foundation

/// An n-dimensional array as stored in a NumPy `.npy` file: a shape and little-endian,
/// C-ordered data of one of the element types the kit reads and writes.
public struct NPYArray: Sendable, Equatable {
    /// The element values, with their NumPy type.
    public enum Storage: Sendable, Equatable {
        /// `<f4`.
        case float32([Float])
        /// `<f8`.
        case float64([Double])
        /// `|b1`.
        case bool([Bool])
        /// `<i4`.
        case int32([Int32])
        /// `<i8`.
        case int64([Int64])
    }

    /// The shape, e.g. `[1000, 3]`; `[]` for a scalar.
    public let shape: [Int]
    /// The values in row-major (C) order.
    public let storage: Storage

    /// An array of the given shape and values; the element count must equal the shape's product.
    public init(shape: [Int], storage: Storage) throws {
        let expected = shape.reduce(1, *)
        guard shape.allSatisfy({ $0 >= 0 }), expected == storage.count else {
            throw NPZError("an array of shape \(shape) needs \(expected) values, got \(storage.count)")
        }
        self.shape = shape
        self.storage = storage
    }

    /// A float32 array.
    public init(_ values: [Float], shape: [Int]) throws { try self.init(shape: shape, storage: .float32(values)) }
    /// A bool array.
    public init(_ values: [Bool], shape: [Int]) throws { try self.init(shape: shape, storage: .bool(values)) }

    /// NumPy's type string: `<f4`, `<f8`, `|b1`, `<i4` or `<i8`.
    public var dtype: String { storage.dtype }

    /// The number of elements.
    public var count: Int { storage.count }

    /// The values as `Float` (from float32 or float64).
    ///
    /// - Throws: `NPZError` for other types, naming `name` and the type.
    public func floats(name: String) throws -> [Float] {
        switch storage {
        case .float32(let v): return v
        case .float64(let v): return v.map(Float.init)
        default: throw NPZError("'\(name)' has dtype \(dtype); expected float32 ('<f4') or float64 ('<f8')")
        }
    }

    /// The values as `Bool` (from bool, or numbers that are all 0 or 1).
    ///
    /// - Throws: `NPZError` for other values, naming `name`.
    public func bools(name: String) throws -> [Bool] {
        func fromNumbers<T: BinaryFloatingPoint>(_ v: [T]) throws -> [Bool] {
            guard v.allSatisfy({ $0 == 0 || $0 == 1 }) else { throw NPZError("'\(name)' should hold only 0 and 1") }
            return v.map { $0 == 1 }
        }
        switch storage {
        case .bool(let v): return v
        case .float32(let v): return try fromNumbers(v)
        case .float64(let v): return try fromNumbers(v)
        case .int32(let v): return try fromNumbers(v.map(Double.init))
        case .int64(let v): return try fromNumbers(v.map(Double.init))
        }
    }

    /// The whole `.npy` file: format version 1.0 header (padded to 64 bytes) and the data.
    public func npyData() -> Data {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(dtype)', 'fortran_order': False, 'shape': \(shapeText), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data([0x93]) + Data("NUMPY".utf8) + Data([1, 0])
        let length = UInt16(header.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
        data.append(contentsOf: header.utf8)
        storage.appendBytes(to: &data)
        return data
    }

    /// Parses a whole `.npy` file (format versions 1.0, 2.0 and 3.0).
    ///
    /// - Throws: `NPZError` for a bad magic string, an unreadable header, an unsupported type,
    ///   big-endian data or data of the wrong length; `name` is used in the message.
    public init(npyData data: Data, name: String = "array") throws {
        let bytes = [UInt8](data)
        guard bytes.count >= 10, bytes[0] == 0x93, Array(bytes[1..<6]) == Array("NUMPY".utf8) else {
            throw NPZError("'\(name)' is not a .npy array (bad magic string)")
        }
        let major = bytes[6]
        let headerLength: Int, headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw NPZError("'\(name)' is truncated inside its header") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        default:
            throw NPZError("'\(name)' uses .npy format version \(major), which the kit does not read")
        }
        guard bytes.count >= headerStart + headerLength else { throw NPZError("'\(name)' is truncated inside its header") }
        guard let header = String(bytes: bytes[headerStart..<headerStart + headerLength], encoding: .utf8) else {
            throw NPZError("'\(name)' has a header that is not text")
        }
        let fields = try NPYHeader(header, name: name)
        let payload = data.subdata(in: data.startIndex + headerStart + headerLength..<data.endIndex)
        // The shape comes from the file: multiply with overflow checks, so that a corrupt header is
        // an error, not a trap.
        var count = 1
        for dimension in fields.shape {
            guard dimension >= 0 else { throw NPZError("'\(name)' has a negative dimension in its shape \(fields.shape)") }
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow else { throw NPZError("'\(name)' declares an impossible shape \(fields.shape) (too many elements)") }
            count = product
        }
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: fields.itemSize)
        guard !overflow else { throw NPZError("'\(name)' declares an impossible shape \(fields.shape) (too many bytes)") }
        guard payload.count == byteCount else {
            throw NPZError("'\(name)' is truncated or malformed: shape \(fields.shape) of \(fields.descr) needs "
                + "\(byteCount) data bytes, found \(payload.count)")
        }
        var storage = try Storage(descr: fields.descr, bytes: payload, count: count, name: name)
        if fields.fortranOrder && fields.shape.count > 1 {
            guard fields.shape.count == 2 else {
                throw NPZError("'\(name)' is Fortran-ordered with \(fields.shape.count) dimensions; save it with np.ascontiguousarray")
            }
            storage = storage.transposed(rows: fields.shape[0], columns: fields.shape[1])
        }
        try self.init(shape: fields.shape, storage: storage)
    }
}
