/// The entries of a `Matrix`: one heap block holding their number and, after it, the floats.
///
/// `Matrix` keeps its entries here rather than in a `[Float]`. On Linux, Swift 6.3 allocates every
/// new `[Float]` through the standard library's unspecialised array initialiser, which looks up
/// `_ContiguousArrayStorage<Float>`'s type metadata in a locked hash table each time (about 8 % of
/// lesson 7's samples under `perf`, counting the lock), asks `malloc` for the block's usable size,
/// and destroys the floats one by one through a generic call when the array dies. This class is not
/// generic, so its metadata is found once; a block is one `malloc` and one `free`, like an array's.
/// The floats start 32 bytes into the block, where an array's start, so BLAS and the vector kernels
/// see the same alignment as before.
///
/// Value semantics are `Matrix`'s job: it copies the block before changing one that is shared
/// (`Matrix.makeStorageUnique()`), so a block is written only while one matrix owns it.
@usableFromInline
final class MatrixStorage: ManagedBuffer<MatrixStorage.Header, Float> {
    /// The number of floats, and a word of padding that puts the floats at the array's offset.
    @usableFromInline
    struct Header {
        @usableFromInline var count: Int
        @usableFromInline var padding: Int = 0

        @inlinable init(count: Int) { self.count = count }
    }

    /// A block for `count` floats, not yet initialised (`Float` needs no initialisation to be
    /// written, and every constructor of `Matrix` writes every entry before the matrix is used).
    @inlinable
    static func uninitialized(count: Int) -> MatrixStorage {
        let block = create(minimumCapacity: count) { _ in Header(count: count) }
        return unsafeDowncast(block, to: MatrixStorage.self)
    }

    /// A block holding `count` copies of `value`.
    @inlinable
    static func repeating(_ value: Float, count: Int) -> MatrixStorage {
        let block = uninitialized(count: count)
        block.withUnsafeMutablePointerToElements { $0.initialize(repeating: value, count: count) }
        return block
    }

    /// A block holding a copy of `values`.
    @inlinable
    static func copying(_ values: UnsafeBufferPointer<Float>) -> MatrixStorage {
        let block = uninitialized(count: values.count)
        if let source = values.baseAddress {
            block.withUnsafeMutablePointerToElements { $0.initialize(from: source, count: values.count) }
        }
        return block
    }

    /// The number of floats.
    @inlinable
    var count: Int { header.count }

    /// A new block with the same floats.
    @inlinable
    func copy() -> MatrixStorage {
        withUnsafeBufferPointer { MatrixStorage.copying($0) }
    }

    /// Calls `body` with the floats, for reading.
    @inlinable
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        let n = count
        return try withUnsafeMutablePointerToElements { try body(UnsafeBufferPointer(start: $0, count: n)) }
    }

    /// Calls `body` with the floats, for writing. Only `Matrix` calls it, on a block it alone owns.
    @inlinable
    func withUnsafeMutableBufferPointer<R>(_ body: (inout UnsafeMutableBufferPointer<Float>) throws -> R) rethrows -> R {
        let n = count
        return try withUnsafeMutablePointerToElements { start in
            var buffer = UnsafeMutableBufferPointer(start: start, count: n)
            return try body(&buffer)
        }
    }
}
