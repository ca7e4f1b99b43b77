import BuiltProducts
import Foundation
import Numerics
import Testing

/// Who computes the products is decided once, as OpenBLAS loads, by comparing a few products of the
/// kit's GEMM with OpenBLAS's on one thread (`Sources/CBLAS/KitBLAS.c`). On two threads OpenBLAS splits
/// a product between them and rounds it in another order, so a comparison made on two would reject the
/// kit's GEMM for good, also for the products made later on one. These start `bench`, built beside the
/// tests, as a child whose OpenBLAS loads with two threads, and read the engine its first line names.
@Suite("The GEMM engine is chosen on one BLAS thread")
struct GEMMEngineChoiceTests {
    /// The first line `bench --convolution --quick` prints (CPU, kernel, threads, products), run with
    /// OPENBLAS_NUM_THREADS=2 and `extraArguments`.
    static func header(_ extraArguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = try BuiltExecutable.url("bench")
        process.arguments = ["--convolution", "--quick"] + extraArguments
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "2"
        environment["KIT_GEMM"] = nil
        environment["KIT_BLAS_KERNEL"] = nil
        environment["OPENBLAS_CORETYPE"] = nil
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { return "bench exited with \(process.terminationStatus): \(text)" }
        return text.split(separator: "\n").first.map(String.init) ?? "bench printed nothing"
    }

    @Test("loaded with two BLAS threads, a program multiplies with OpenBLAS, and with the kit's GEMM once it sets one",
          .enabled(if: HaswellOrderGEMMTests.comparable, "needs OpenBLAS's Haswell kernel and a CPU with AVX-512"))
    func chosenOnOneThread() throws {
        let two = try Self.header([])
        #expect(two.contains("2 thread(s); products: OpenBLAS (more than one BLAS thread)"), "\(two)")
        let one = try Self.header(["--threads", "1"])
        #expect(one.contains("1 thread(s); products: the kit's AVX-512 GEMM"), "\(one)")
    }
}
