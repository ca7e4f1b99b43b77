import Foundation

/// The subset of the ZIP format that NumPy's `.npz` files use: uncompressed ("stored") entries,
/// with or without ZIP64 extensions. Written from the PKWARE APPNOTE.
enum ZipArchive {
    /// A ZIP file holding `entries` uncompressed, in order, with a fixed timestamp (1980-01-01)
    /// so the same arrays always give the same bytes.
    static func stored(_ entries: [(name: String, data: Data)]) throws -> Data {
        var out = Data()
        var central = Data()
        for (name, data) in entries {
            guard data.count < 0xFFFF_FFFF, out.count < 0xFFFF_FFFF else {
                throw NPZError("entry '\(name)' is too large for a ZIP file without ZIP64 (4 GiB)")
            }
            let nameBytes = Data(name.utf8)
            let crc = CRC32.checksum(data)
            let offset = UInt32(out.count)
            // Local file header.
            out.appendLE(UInt32(0x0403_4B50))
            out.appendLE(UInt16(20))            // version needed
            out.appendLE(UInt16(0))             // flags
            out.appendLE(UInt16(0))             // method: stored
            out.appendLE(UInt16(0))             // time 00:00
            out.appendLE(UInt16(0x21))          // date 1980-01-01
            out.appendLE(crc)
            out.appendLE(UInt32(data.count))
            out.appendLE(UInt32(data.count))
            out.appendLE(UInt16(nameBytes.count))
            out.appendLE(UInt16(0))             // extra length
            out.append(nameBytes)
            out.append(data)
            // Central directory record.
            central.appendLE(UInt32(0x0201_4B50))
            central.appendLE(UInt16(20))        // version made by
            central.appendLE(UInt16(20))        // version needed
            central.appendLE(UInt16(0))
            central.appendLE(UInt16(0))
            central.appendLE(UInt16(0))
            central.appendLE(UInt16(0x21))
            central.appendLE(crc)
            central.appendLE(UInt32(data.count))
            central.appendLE(UInt32(data.count))
            central.appendLE(UInt16(nameBytes.count))
            central.appendLE(UInt16(0))         // extra
            central.appendLE(UInt16(0))         // comment
            central.appendLE(UInt16(0))         // disk
            central.appendLE(UInt16(0))         // internal attributes
            central.appendLE(UInt32(0o100644 << 16)) // external attributes: regular file rw-r--r--
            central.appendLE(offset)
            central.append(nameBytes)
        }
        let centralOffset = UInt32(out.count)
        out.append(central)
        out.appendLE(UInt32(0x0605_4B50))
        out.appendLE(UInt16(0))
        out.appendLE(UInt16(0))
        out.appendLE(UInt16(entries.count))
        out.appendLE(UInt16(entries.count))
        out.appendLE(UInt32(central.count))
        out.appendLE(centralOffset)
        out.appendLE(UInt16(0))
        return out
    }

    /// The entries of a ZIP file, in central-directory order, each checked against its CRC-32.
    ///
    /// - Throws: `NPZError` naming `file` for a file that is not a ZIP archive, is truncated,
    ///   holds compressed or encrypted entries, or fails a checksum.
    static func entries(of archive: Data, file: String) throws -> [(name: String, data: Data)] {
        let bytes = [UInt8](archive)
        let reader = ByteReader(bytes: bytes, file: file)
        // End of central directory: the last occurrence of its signature.
        guard bytes.count >= 22 else { throw NPZError("\(file): not a ZIP/.npz file (only \(bytes.count) bytes)") }
        var eocd = -1
        var i = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while i >= lowest {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else {
            throw NPZError("\(file): not a ZIP/.npz file or truncated (no end-of-central-directory record)")
        }
        var entryCount = Int(try reader.u16(eocd + 10))
        var centralOffset = Int(try reader.u32(eocd + 16))
        if entryCount == 0xFFFF || centralOffset == 0xFFFF_FFFF {
            // ZIP64: the locator sits just before the end record.
            let locator = eocd - 20
            guard locator >= 0, try reader.u32(locator) == 0x0706_4B50 else {
                throw NPZError("\(file): ZIP64 archive without a ZIP64 locator")
            }
            let record = Int(try reader.u64(locator + 8))
            guard try reader.u32(record) == 0x0606_4B50 else { throw NPZError("\(file): bad ZIP64 end-of-central-directory record") }
            entryCount = Int(try reader.u64(record + 32))
            centralOffset = Int(try reader.u64(record + 48))
        }
        var result: [(name: String, data: Data)] = []
        var p = centralOffset
        for _ in 0..<entryCount {
            guard try reader.u32(p) == 0x0201_4B50 else {
                throw NPZError("\(file): truncated or malformed central directory")
            }
            let flags = try reader.u16(p + 8)
            let method = try reader.u16(p + 10)
            let crc = try reader.u32(p + 16)
            var compressedSize = Int(try reader.u32(p + 20))
            var size = Int(try reader.u32(p + 24))
            let nameLength = Int(try reader.u16(p + 28))
            let extraLength = Int(try reader.u16(p + 30))
            let commentLength = Int(try reader.u16(p + 32))
            var localOffset = Int(try reader.u32(p + 42))
            let name = String(decoding: try reader.slice(p + 46, nameLength), as: UTF8.self)
            // ZIP64 extra field: the 64-bit values of the fields set to 0xFFFFFFFF, in order.
            var e = p + 46 + nameLength
            let extraEnd = e + extraLength
            while e + 4 <= extraEnd {
                let id = try reader.u16(e), length = Int(try reader.u16(e + 2))
                if id == 0x0001 {
                    var q = e + 4
                    if size == 0xFFFF_FFFF { size = Int(try reader.u64(q)); q += 8 }
                    if compressedSize == 0xFFFF_FFFF { compressedSize = Int(try reader.u64(q)); q += 8 }
                    if localOffset == 0xFFFF_FFFF { localOffset = Int(try reader.u64(q)); q += 8 }
                }
                e += 4 + length
            }
            p = extraEnd + commentLength
            guard flags & 1 == 0 else { throw NPZError("\(file): entry '\(name)' is encrypted") }
            guard method == 0 else {
                let kind = method == 8 ? "deflate-compressed (np.savez_compressed)" : "compressed with method \(method)"
                throw NPZError("\(file): entry '\(name)' is \(kind); the kit reads uncompressed archives, save with np.savez")
            }
            guard try reader.u32(localOffset) == 0x0403_4B50 else {
                throw NPZError("\(file): entry '\(name)' has no local header where the directory says")
            }
            let dataStart = localOffset + 30 + Int(try reader.u16(localOffset + 26)) + Int(try reader.u16(localOffset + 28))
            guard dataStart + size <= bytes.count, size == compressedSize else {
                throw NPZError("\(file): entry '\(name)' is truncated (needs \(size) bytes)")
            }
            let data = Data(bytes[dataStart..<dataStart + size])
            guard CRC32.checksum(data) == crc else { throw NPZError("\(file): entry '\(name)' fails its CRC-32 check (corrupted)") }
            result.append((name, data))
        }
        return result
    }
}

/// Bounds-checked little-endian reads from a byte array.
struct ByteReader {
    let bytes: [UInt8]
    let file: String

    func check(_ offset: Int, _ count: Int) throws {
        guard offset >= 0, count >= 0, offset + count <= bytes.count else {
            throw NPZError("\(file): truncated or malformed ZIP structure (read past the end at byte \(offset))")
        }
    }

    func u16(_ o: Int) throws -> UInt16 {
        try check(o, 2)
        return UInt16(bytes[o]) | UInt16(bytes[o + 1]) << 8
    }

    func u32(_ o: Int) throws -> UInt32 {
        try check(o, 4)
        return (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[o + $1]) << (8 * UInt32($1)) }
    }

    func u64(_ o: Int) throws -> UInt64 {
        try check(o, 8)
        return (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[o + $1]) << (8 * UInt64($1)) }
    }

    func slice(_ o: Int, _ count: Int) throws -> ArraySlice<UInt8> {
        try check(o, count)
        return bytes[o..<o + count]
    }
}

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as ZIP uses.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ data: Data) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { t in
            data.withUnsafeBytes { raw in
                for byte in raw { c = t[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
            }
        }
        return c ^ 0xFFFF_FFFF
    }
}

extension Data {
    mutating func appendLE<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
