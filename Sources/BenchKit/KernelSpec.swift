/// Which OpenBLAS kernel a bench child runs. OpenBLAS reads `OPENBLAS_CORETYPE` only when it is
/// loaded, so each kernel is measured in a process of its own started with the variables below.
public enum KernelSpec: Equatable, Sendable, CustomStringConvertible {
    /// The kit's choice with the environment as it is: the reproducible default (Haswell on every
    /// AVX2 + FMA CPU) unless `KIT_BLAS_KERNEL` or `OPENBLAS_CORETYPE` say otherwise.
    case kitDefault
    /// The kit's choice with every product computed by OpenBLAS (`KIT_GEMM=openblas`): where the kit's own
    /// GEMM replaces the Haswell kernel (AVX-512 CPUs), this measures what it replaces.
    case kitDefaultThroughOpenBLAS
    /// `KIT_BLAS_KERNEL=fastest`: SkylakeX where AVX-512 is there, else Haswell.
    case fastest
    /// `OPENBLAS_CORETYPE=name`, e.g. "SkylakeX".
    case named(String)

    /// Reads a comma-separated list such as "default,default-openblas,fastest" or "Haswell,SkylakeX,Sandybridge".
    /// Throws a `BenchError` for an empty list, an empty entry or a name with characters other
    /// than letters and digits.
    public static func parseList(_ text: String) throws -> [KernelSpec] {
        let entries = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw BenchError("--kernels: give kernel names separated by commas, e.g. default,fastest or Haswell,SkylakeX")
        }
        var specs: [KernelSpec] = []
        for entry in entries {
            let spec: KernelSpec
            switch entry.lowercased() {
            case "": throw BenchError("--kernels \(text): an empty name between commas")
            case "default", "reproducible": spec = .kitDefault
            case "default-openblas": spec = .kitDefaultThroughOpenBLAS
            case "fastest": spec = .fastest
            default:
                guard entry.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                    throw BenchError("--kernels: \"\(entry)\" is not an OpenBLAS kernel name (letters and digits, e.g. SkylakeX)")
                }
                spec = .named(entry)
            }
            if !specs.contains(spec) { specs.append(spec) }
        }
        return specs
    }

    /// The environment changes of the child: a value sets a variable, `nil` removes it.
    public var environment: [String: String?] {
        switch self {
        case .kitDefault: [:]
        case .kitDefaultThroughOpenBLAS: ["KIT_GEMM": "openblas"]
        case .fastest: ["KIT_BLAS_KERNEL": "fastest", "OPENBLAS_CORETYPE": nil, "KIT_GEMM": nil]
        case .named(let name): ["OPENBLAS_CORETYPE": name]
        }
    }

    /// "default", "fastest" or the name.
    public var description: String {
        switch self {
        case .kitDefault: "default"
        case .kitDefaultThroughOpenBLAS: "default-openblas"
        case .fastest: "fastest"
        case .named(let name): name
        }
    }

    /// A warning when the child ran another kernel than the one asked for by name (OpenBLAS falls
    /// back to its own choice for a name it does not know), else `nil`.
    public func mismatch(ran kernel: String) -> String? {
        guard case .named(let name) = self, name.lowercased() != kernel.lowercased() else { return nil }
        return "asked for OpenBLAS kernel \(name), OpenBLAS runs \(kernel) (an unknown name, or one this CPU cannot run)"
    }
}
