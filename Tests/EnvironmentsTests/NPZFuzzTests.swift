import Datasets
import Environments
import Foundation
import Numerics
import Testing

/// The readers never trap: truncated files, flipped bits, huge or negative shapes and wrong dtypes
/// each give an error (or, for a harmless flip, a dataset), never a crash of the process.
@Suite("NPZ and NPY readers under malformed input")
struct NPZFuzzTests {
    /// A small valid archive written by the kit.
    static func validArchive() throws -> Data {
        let trajectories = try Rollout.run(BlockPushing(maxEpisodeSteps: 6), expert: PushingExpert.optimal, episodes: 2, seed: 1)
        let url = temporaryURL("fuzz-source-\(UUID().uuidString).npz")
        defer { try? FileManager.default.removeItem(at: url) }
        try TransitionDataset(trajectories: trajectories).save(to: url)
        return try Data(contentsOf: url)
    }

    /// Reads `data` as the kit reads a dataset file; true when it was accepted.
    @discardableResult
    static func load(_ data: Data) -> Bool {
        do {
            _ = try TransitionDataset(arrays: NPZFile.read(data, file: "fuzz.npz"), file: "fuzz.npz")
            return true
        } catch let error as NPZError {
            #expect(!error.description.isEmpty && !error.description.contains("\n"), "one line: \(error.description)")
            return false
        } catch {
            Issue.record("an error that is not an NPZError: \(error)")
            return false
        }
    }

    @Test("every truncation is an error")
    func truncations() throws {
        let data = try Self.validArchive()
        for length in stride(from: 0, to: data.count, by: max(1, data.count / 400)) {
            #expect(!Self.load(data.prefix(length)), "a file cut at \(length) of \(data.count) bytes was accepted")
        }
    }

    @Test("random bit flips never crash the reader")
    func bitFlips() throws {
        let data = try Self.validArchive()
        var random = RandomSource(seed: 2026)
        for _ in 0..<1_500 {
            var bytes = [UInt8](data)
            for _ in 0..<(1 + random.index(below: 4)) {
                let index = random.index(below: bytes.count)
                bytes[index] ^= UInt8(1) << UInt8(random.index(below: 8))
            }
            Self.load(Data(bytes))
        }
    }

    /// A `.npy` entry with `header` and `payload` bytes of data.
    static func npy(header: String, payload: Int = 0) -> Data {
        var text = header
        while (10 + text.utf8.count + 1) % 64 != 0 { text += " " }
        text += "\n"
        var data = Data([0x93]) + Data("NUMPY".utf8) + Data([1, 0])
        data.append(contentsOf: [UInt8(text.utf8.count & 0xFF), UInt8(text.utf8.count >> 8)])
        data.append(contentsOf: text.utf8)
        data.append(Data(count: payload))
        return data
    }

    @Test("crafted headers: huge, negative and zero-dimensional shapes, unknown dtypes", arguments: [
        "{'descr': '<f4', 'fortran_order': False, 'shape': (9223372036854775807, 4), }",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (4611686018427387904, 4611686018427387904), }",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (2305843009213693952,), }",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (-3, 2), }",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (), }",
        "{'descr': '<c16', 'fortran_order': False, 'shape': (2,), }",
        "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }",
        "{'descr': '|O', 'fortran_order': False, 'shape': (2,), }",
        "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2, 2), }",
        "{'descr': '<f4', 'shape': (2,), }",
        "not a dictionary at all",
    ])
    func craftedHeaders(_ header: String) {
        #expect(throws: NPZError.self) { try NPYArray(npyData: Self.npy(header: header, payload: 16), name: "observations") }
    }

    @Test("a dataset whose observations are one number, or whose rewards hold NaN, is refused with a clear line")
    func semanticProblems() throws {
        let scalar = try NPYArray([1], shape: [])
        let rows = try NPYArray([0, 0, 0, 0], shape: [2, 2])
        let actions = try NPYArray([0, 0], shape: [2, 1])
        let flags = try NPYArray([false, false], shape: [2])
        #expect {
            try TransitionDataset(arrays: ["observations": scalar, "actions": actions, "rewards": try NPYArray([0, 0], shape: [2]),
                                           "next_observations": rows, "terminals": flags], file: "d.npz")
        } throws: { "\($0)".contains("single number") }
        #expect {
            try TransitionDataset(arrays: ["observations": rows, "actions": actions, "rewards": try NPYArray([0, .nan], shape: [2]),
                                           "next_observations": rows, "terminals": flags], file: "d.npz")
        } throws: { "\($0)".contains("'rewards' holds nan in row 1") }
    }

    @Test("writing to a folder, a missing folder or an unwritable place says so in words")
    func writeProblems() throws {
        let dataset = TransitionDataset(observationSize: 1, actionSize: 1)
        let folder = FileManager.default.temporaryDirectory
        #expect { try dataset.save(to: folder) } throws: { "\($0)".contains("it is a folder") }
        #expect { try dataset.save(to: folder.appendingPathComponent("no-such-folder-\(UUID())/d.npz")) } throws: {
            "\($0)".contains("does not exist")
        }
        #expect { _ = try TransitionDataset.load(from: folder) } throws: { "\($0)".contains("it is a folder") }
        #expect { _ = try TransitionDataset.load(from: folder.appendingPathComponent("missing-\(UUID()).npz")) } throws: {
            "\($0)".contains("no such file")
        }
        #expect { try dataset.save(to: URL(fileURLWithPath: "/proc/kit-test.npz")) } throws: { error in
            let text = "\(error)"
            return text.contains("cannot write") && !text.contains("NSCocoaErrorDomain") && !text.contains("doesn’t exist")
        }
    }

    @Test("two threads writing the same file at once both succeed, and the file is whole")
    func concurrentWrites() async throws {
        let url = temporaryURL("concurrent-\(UUID().uuidString).npz")
        defer { try? FileManager.default.removeItem(at: url) }
        let array = try NPYArray([Float](repeating: 1, count: 4_096), shape: [1_024, 4])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 { group.addTask { try NPZFile.write([("observations", array)], to: url) } }
            try await group.waitForAll()
        }
        #expect(try NPZFile.read(from: url)["observations"]?.shape == [1_024, 4])
    }
}
