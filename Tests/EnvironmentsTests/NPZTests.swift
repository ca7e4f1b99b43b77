import Datasets
import Environments
import Foundation
import Numerics
import Testing

/// Runs `python3 -c script`; returns (exit status, stdout), or nil if python3 cannot be started.
func runPython(_ script: String) -> (status: Int32, output: String)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do { try process.run() } catch { return nil }
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
}

let numpyIsAvailable = runPython("import numpy")?.status == 0

func temporaryURL(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("kit-npz-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
}

@Suite struct NPZTests {
    func sampleDataset() throws -> TransitionDataset {
        let trajectories = try Rollout.run(BlockPushing(), expert: PushingExpert.optimal, episodes: 3, seed: 0)
            + Rollout.run(BlockPushing(maxEpisodeSteps: 10), expert: PushingExpert.optimal, episodes: 1, seed: 5)
        return try TransitionDataset(trajectories: trajectories)
    }

    @Test func roundTrip() throws {
        let dataset = try sampleDataset()
        #expect(dataset.terminals.filter { $0 }.count == 3 && dataset.timeouts.filter { $0 }.count == 1)
        let url = temporaryURL("roundtrip.npz")
        defer { try? FileManager.default.removeItem(at: url) }
        try dataset.save(to: url)
        let loaded = try TransitionDataset.load(from: url)
        #expect(loaded == dataset)
        #expect(loaded[5] == dataset[5])
    }

    @Test func readsAFileWrittenByNumpy() throws {
        let dataset = try TransitionDataset(arrays: NPZFile.read(NumpyFixture.data, file: "fix.npz"), file: "fix.npz")
        #expect(dataset.count == 3 && dataset.observationSize == 2 && dataset.actionSize == 1)
        #expect(dataset.observations == [0.5, -1.25, 2, 3, 4.5, 1e-3])
        #expect(dataset.nextObservations == [2, 3, 4.5, 1e-3, 7, 8])
        #expect(dataset.actions == [1, -1, 0.25] && dataset.rewards == [1, 0, -2.5])
        #expect(dataset.terminals == [false, false, true] && dataset.timeouts == [false, false, false])
    }

    @Test(.enabled(if: numpyIsAvailable, "needs python3 with numpy"))
    func numpyInteropBothWays() throws {
        // NumPy writes (float64 rewards, float32 rest), the kit reads.
        let written = temporaryURL("from-numpy.npz"), back = temporaryURL("from-kit.npz")
        defer { try? FileManager.default.removeItem(at: written); try? FileManager.default.removeItem(at: back) }
        let result = runPython("""
        import numpy as np
        o = np.arange(12, dtype=np.float32).reshape(4, 3) / 4
        np.savez("\(written.path)", observations=o, actions=-o[:, :2], rewards=np.array([0.5, 1, 1.5, 2]),
                 next_observations=o + 1, terminals=np.array([0, 0, 0, 1], dtype=bool), timeouts=np.zeros(4, dtype=bool))
        """)
        #expect(result?.status == 0, "\(result?.output ?? "")")
        let dataset = try TransitionDataset.load(from: written)
        #expect(dataset.observations == (0..<12).map { Float($0) / 4 })
        #expect(dataset.actions == [0, -0.25, -0.75, -1, -1.5, -1.75, -2.25, -2.5].map { Float($0) })
        #expect(dataset.rewards == [0.5, 1, 1.5, 2] && dataset.terminals == [false, false, false, true])
        // The kit writes, NumPy reads in one line and checks every key, dtype and value.
        let kit = try sampleDataset()
        try kit.save(to: back)
        let check = runPython("""
        import numpy as np
        d = np.load("\(back.path)")
        assert sorted(d.files) == sorted(["observations", "actions", "rewards", "next_observations", "terminals", "timeouts"]), d.files
        assert d["observations"].dtype == np.float32 and d["observations"].shape == (\(kit.count), 8)
        assert d["actions"].shape == (\(kit.count), 2) and d["rewards"].shape == (\(kit.count),)
        assert d["terminals"].dtype == np.bool_ and int(d["terminals"].sum()) == 3 and int(d["timeouts"].sum()) == 1
        assert (d["observations"][1:] == d["next_observations"][:-1])[:5].all()
        print(repr(float(d["observations"][7, 2])), repr(float(d["actions"][3, 1])))
        """)
        #expect(check?.status == 0, "\(check?.output ?? "")")
        let expected = "\(Double(kit.observations[7 * 8 + 2])) \(Double(kit.actions[3 * 2 + 1]))"
        #expect(check?.output.trimmingCharacters(in: .whitespacesAndNewlines) == expected)
    }

    func expectError(_ data: Data, mentioning words: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try TransitionDataset(arrays: NPZFile.read(data, file: "bad.npz"), file: "bad.npz")
            Issue.record("expected an error mentioning \(words)", sourceLocation: sourceLocation)
        } catch {
            let message = "\(error)"
            #expect(!message.contains("\n"), sourceLocation: sourceLocation)
            for word in words { #expect(message.contains(word), "\(message)", sourceLocation: sourceLocation) }
        }
    }

    func archive(_ arrays: [(key: String, array: NPYArray)]) throws -> Data {
        let url = temporaryURL("malformed-\(UUID().uuidString).npz")
        defer { try? FileManager.default.removeItem(at: url) }
        try NPZFile.write(arrays, to: url)
        return try Data(contentsOf: url)
    }

    @Test func malformedFilesGiveOneLineErrors() throws {
        let good = NumpyFixture.data
        expectError(good.prefix(good.count - 30), mentioning: ["bad.npz", "truncated"])
        expectError(good.prefix(700), mentioning: ["bad.npz", "truncated"])
        expectError(Data("hello, this is not a zip file at all".utf8), mentioning: ["not a ZIP"])
        expectError(Data(), mentioning: ["not a ZIP"])
        var corrupted = good
        corrupted[200] ^= 0xFF
        expectError(corrupted, mentioning: ["CRC"])

        let dataset = try sampleDataset()
        var arrays = try dataset.npyArrays()
        let withoutActions = arrays.filter { $0.key != "actions" }
        expectError(try archive(withoutActions), mentioning: ["missing key 'actions'"])

        arrays[0] = ("observations", try NPYArray(shape: [dataset.count, 8], storage: .int64(Array(repeating: 1, count: dataset.count * 8))))
        expectError(try archive(arrays), mentioning: ["observations", "<i8"])

        arrays = try dataset.npyArrays()
        arrays[2] = ("rewards", try NPYArray(Array(repeating: 0, count: dataset.count - 1), shape: [dataset.count - 1]))
        expectError(try archive(arrays), mentioning: ["rewards", "rows"])

        arrays = try dataset.npyArrays()
        arrays[3] = ("next_observations", try NPYArray(Array(repeating: 0, count: dataset.count * 7), shape: [dataset.count, 7]))
        expectError(try archive(arrays), mentioning: ["next_observations", "shape"])

        arrays = try dataset.npyArrays()
        arrays[4] = ("terminals", try NPYArray(Array(repeating: 0.5, count: dataset.count), shape: [dataset.count]))
        expectError(try archive(arrays), mentioning: ["terminals", "0 and 1"])
    }

    @Test func npyHeadersAreAlignedAndParsed() throws {
        let array = try NPYArray([1, 2, 3, 4, 5, 6], shape: [2, 3])
        let data = array.npyData()
        let headerLength = Int(data[8]) | Int(data[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        #expect(data.count == 10 + headerLength + 24)
        #expect(try NPYArray(npyData: data) == array)
        // A bad header and a short payload.
        #expect(throws: NPZError.self) { try NPYArray(npyData: Data("NUMPY".utf8)) }
        #expect(throws: NPZError.self) { try NPYArray(npyData: data.prefix(data.count - 1)) }
        #expect(throws: NPZError.self) { try NPYArray([1, 2, 3], shape: [2, 2]) }
    }

    @Test(.enabled(if: numpyIsAvailable, "needs python3 with numpy"))
    func compressedArchivesAreRefusedByName() throws {
        let url = temporaryURL("compressed.npz")
        defer { try? FileManager.default.removeItem(at: url) }
        let result = runPython("import numpy as np; np.savez_compressed('\(url.path)', observations=np.zeros((50, 3), dtype=np.float32))")
        #expect(result?.status == 0)
        #expect(throws: NPZError.self) { try NPZFile.read(from: url) }
        do { _ = try NPZFile.read(from: url) } catch { #expect("\(error)".contains("np.savez")) }
    }
}
