// hopper-study: does Fujimoto, Meger & Precup's (2019) Final-buffer result reproduce on the kit's
// Hopper, and at what budget? For each seed, orange (the kit's DDPG) learns on Hopper-v4 with
// Gaussian exploration and keeps every transition; blue (the same DDPG) learns offline on orange's
// final buffer for as many updates (or, `--settings concurrent`, on the growing buffer at the same
// time). Both are evaluated: return of the deterministic policy, and the critic's Q(s0, π(s0))
// against the true discounted Monte-Carlo value from the same start states. Seeds run one after
// another on one core; the JSON is rewritten after every seed.
//
// `--settings imitation` fills the buffer with the expert's noiseless transitions (the kit's
// `HopperExpert`, trained by `--train-expert` with `--ddpg td3`); `--offline bcq,bc` trains BCQ and
// behavior cloning on every setting's final buffer too (lesson 6), from the same buffer.
// `--blue-ddpg kit` with `--ddpg td3` keeps blue the paper's offline DDPG behind a TD3 orange;
// `--combine a.json,b.json` merges runs of one configuration (one seed per process) and decides the
// claims over all their seeds.
//
//   swift run -c release hopper-study --steps 30000 --hidden 64,64 --seeds 0,1,2 --out study.json
//   swift run -c release hopper-study --settings final,imitation --offline bcq,bc --steps 100000
//   swift run -c release hopper-study --ddpg td3 --final-noise 0.1 --steps 500000 --random-steps 10000 \
//       --train-expert hopper-expert.json
//   swift run -c release hopper-study --combine seed-0.json,seed-1.json,seed-2.json --out seeds-0-2.json
import ArgumentParser
import ExerciseAPI
import Foundation
import Implementations
import Numerics

struct HopperStudy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hopper-study",
        abstract: "Orange and blue (Fujimoto et al. 2019, figure 1) on the kit's Hopper-v4.")

    @Option(help: "Seeds, comma-separated; run one after another.")
    var seeds = "0"
    @Option(help: "Environment steps orange takes.")
    var steps = 30_000
    @Option(name: .customLong("random-steps"), help: "Uniformly random steps before the first update.")
    var randomSteps = 1_000
    @Option(help: "Hidden-layer widths of actor and critic, comma-separated.")
    var hidden = "64,64"
    @Option(name: .customLong("critic-hidden"), help: "The critic's widths when they differ from --hidden.")
    var criticHidden: String?
    @Option(help: "Transitions per gradient step.")
    var batch = 100
    @Option(name: .customLong("actor-lr"), help: "Adam's learning rate for the actor.")
    var actorLearningRate: Float = 1e-3
    @Option(name: .customLong("critic-lr"), help: "Adam's learning rate for the critic.")
    var criticLearningRate: Float = 1e-3
    @Option(name: .customLong("final-noise"), help: "σ of orange's exploration on the Final buffer (× max action).")
    var finalNoise: Float = 0.5
    @Option(name: .customLong("concurrent-noise"), help: "σ of orange's exploration in the Concurrent setting.")
    var concurrentNoise: Float = 0.1
    @Option(name: .customLong("eval-episodes"), help: "Start states per evaluation.")
    var evaluationEpisodes = 10
    @Option(name: .customLong("eval-points"), help: "Evaluations after the first, evenly spaced.")
    var evaluationPoints = 10
    @Option(name: .customLong("value-horizon"), help: "Steps of the Monte-Carlo value rollouts (≥ 1000).")
    var valueHorizon = 1_000
    @Option(help: "Settings, comma-separated: final, concurrent, imitation.")
    var settings = "final"
    @Option(name: .customLong("imitation-steps"), help: "Expert transitions in the Imitation buffer (default: --steps).")
    var imitationSteps: Int?
    @Option(help: "The expert's weights file for the Imitation buffer (default: the kit's HopperExpert).")
    var expert: String?
    @Option(help: "Learners trained offline on every setting's final buffer besides blue, comma-separated: bcq, bc.")
    var offline: String?
    @Option(name: .customLong("bcq-hidden"), help: "Hidden widths of BCQ's critics, perturbation model and VAE.")
    var bcqHidden = "64,64"
    @Option(name: .customLong("bcq-updates"), help: "BCQ's gradient updates (default: as many as blue's).")
    var bcqUpdates: Int?
    @Option(name: .customLong("bcq-acting"), help: "BCQ's candidates per state when acting.")
    var bcqActing = 10
    @Option(name: .customLong("bcq-phi"), help: "BCQ's Φ: the perturbation's largest size, as a fraction of the action range (default 0.05).")
    var bcqPhi: Float?
    @Option(name: .customLong("bc-steps"), help: "Behavior cloning's gradient steps (default: as many as blue's updates).")
    var bcSteps: Int?
    @Option(help: "Which DDPG: kit (--actor-lr, --critic-lr), paper (Fujimoto et al. 2019: 1e-4, 1e-3, weight decay 1e-2) or td3.")
    var ddpg = "kit"
    @Option(name: .customLong("blue-ddpg"), help: "Which DDPG blue is when it differs from orange's: kit, paper or td3.")
    var blueDDPG: String?
    @Option(help: "Where to write the JSON of per-seed results.")
    var out = "hopper-study.json"
    @Option(name: .customLong("train-expert"),
            help: "Train only the interacting agent (first seed) and save its best actor to this weights file.")
    var trainExpert: String?
    @Option(name: .customLong("expert-interval"), help: "With --train-expert: steps between two selection evaluations.")
    var expertInterval = 10_000
    @Option(help: "Merge these study JSON files (one configuration, e.g. one seed per process) into --out.")
    var combine: String?
    @Flag(help: "Print only the table.")
    var quiet = false

    /// The parsed seeds, configuration, or the first problem with them.
    func parsed() throws -> (seeds: [UInt64], configuration: StudyConfiguration) {
        func list<T>(_ text: String, _ flag: String, hint: String = "", _ convert: (String) -> T?) throws -> [T] {
            let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let values = parts.compactMap(convert)
            guard !parts.isEmpty, values.count == parts.count else {
                throw ValidationError("--\(flag) takes a comma-separated list\(hint), got '\(text)'")
            }
            return values
        }
        var c = StudyConfiguration()
        c.environmentSteps = steps
        c.randomSteps = randomSteps
        c.hiddenSizes = try list(hidden, "hidden", hint: " of widths such as 64,64") { Int($0) }
        if let criticHidden {
            c.criticHiddenSizes = try list(criticHidden, "critic-hidden", hint: " of widths such as 256,256") { Int($0) }
        }
        c.batchSize = batch
        c.actorLearningRate = actorLearningRate
        c.criticLearningRate = criticLearningRate
        c.finalNoise = finalNoise
        c.concurrentNoise = concurrentNoise
        c.evaluationEpisodes = evaluationEpisodes
        c.evaluationPoints = evaluationPoints
        c.valueHorizon = valueHorizon
        c.settings = try list(settings, "settings", hint: " of final, concurrent, imitation") { StudySetting(rawValue: $0) }
        c.imitationTransitions = imitationSteps
        c.expertPath = expert
        if let offline {
            c.offlineLearners = try list(offline, "offline", hint: " of bcq, bc") { OfflineLearner(rawValue: $0) }
        }
        c.bcqHiddenSizes = try list(bcqHidden, "bcq-hidden", hint: " of widths such as 64,64") { Int($0) }
        c.bcqActingSamples = bcqActing
        c.bcqPhi = bcqPhi
        c.bcqUpdates = bcqUpdates
        c.bcSteps = bcSteps
        guard let variant = DDPGVariant(rawValue: ddpg) else {
            throw ValidationError("--ddpg takes kit, paper or td3, got '\(ddpg)'")
        }
        c.ddpg = variant
        if let blueDDPG {
            guard let blueVariant = DDPGVariant(rawValue: blueDDPG) else {
                throw ValidationError("--blue-ddpg takes kit, paper or td3, got '\(blueDDPG)'")
            }
            c.blueDDPG = blueVariant
        }
        if let problem = c.problem() { throw ValidationError(problem) }
        return (try list(seeds, "seeds", hint: " of non-negative integers") { UInt64($0) }, c)
    }

    func validate() throws {
        _ = try parsed()
    }

    func run() throws {
        let (seeds, configuration) = try parsed()
        let (set, fellBack) = exerciseSet(for: .reference)
        let formulas = set.offPolicyLearning
        func log(_ line: String) {
            if !quiet { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        }
        if fellBack { log("hopper-study: no Solutions/ in this copy: running on the student's exercises") }
        let environment = ProcessInfo.processInfo.environment
        let machine = [
            "cpu": Self.processorName(), "cores": String(ProcessInfo.processInfo.activeProcessorCount),
            "blasThreads": String(Matrix.blasThreads), "blasKernel": BLASKernel.name,
            "OPENBLAS_NUM_THREADS": environment["OPENBLAS_NUM_THREADS"] ?? "unset",
        ]
        log("hopper-study: seeds \(seeds.map(String.init).joined(separator: ", ")), \(configuration.environmentSteps) steps, "
            + "networks \(configuration.hiddenSizes), batch \(configuration.batchSize), BLAS threads \(Matrix.blasThreads)")
        if let path = trainExpert {
            guard expertInterval > 0 else { throw ValidationError("--expert-interval must be positive, got \(expertInterval)") }
            let url = URL(fileURLWithPath: path)
            let report = try trainHopperExpert(seed: seeds[0], configuration: configuration,
                                        selectionInterval: expertInterval, heldOutEpisodes: 10,
                                        to: url, formulas: formulas, log: log)
            let encoder = Self.encoder()
            try encoder.encode(report).write(to: URL(fileURLWithPath: out), options: .atomic)
            print(String(format: "expert: return %.0f ± %.0f over %d held-out episodes (true value %.0f), kept the actor of "
                         + "step %d (selection return %.0f); %.0f s wall, %.0f s processor; weights in %@",
                         report.heldOutReturn, report.heldOutStandardDeviation, report.heldOutEpisodes,
                         report.heldOutTrueValue, report.bestStep, report.bestSelectionReturn, report.wallSeconds,
                         report.cpuSeconds, url.path))
            return
        }
        if let combine {
            let document = try combinedDocument(combine.split(separator: ",").map(String.init))
            try Self.encoder().encode(document).write(to: URL(fileURLWithPath: out), options: .atomic)
            print(reportText(document))
            return
        }
        let start = Date()
        var document = StudyDocument(configuration: configuration, seeds: seeds, machine: machine, outcomes: [],
                                     claims: [], totalSeconds: 0)
        let url = URL(fileURLWithPath: out)
        for seed in seeds {
            document.outcomes += try runStudy(seed: seed, configuration: configuration, exercises: set, log: log)
            document.claims = verdicts(document.outcomes)
            document.totalSeconds = Date().timeIntervalSince(start)
            let encoder = Self.encoder()
            try encoder.encode(document).write(to: url, options: .atomic)
            log("hopper-study: seed \(seed) done, " + String(format: "%.0f s", document.totalSeconds) + ", wrote \(url.path)")
        }
        print(reportText(document))
    }

    /// The JSON encoder of the study's files (a NaN, such as the log ratio of a negative estimate, as "nan").
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf",
                                                                      nan: "nan")
        return encoder
    }

    /// The JSON decoder of the study's files (the encoder's "nan" and "inf" back to numbers).
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf",
                                                                        nan: "nan")
        return decoder
    }

    /// One document from the study files at `paths`: their outcomes in order, the verdicts over all
    /// of them, the longest wall time. The files must share one configuration.
    func combinedDocument(_ paths: [String]) throws -> StudyDocument {
        var documents: [StudyDocument] = []
        for path in paths {
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                documents.append(try Self.decoder().decode(StudyDocument.self, from: data))
            } catch {
                throw ValidationError("--combine: cannot read \(path): \(error.localizedDescription)")
            }
        }
        guard var document = documents.first else { throw ValidationError("--combine takes at least one file") }
        for (path, other) in zip(paths, documents).dropFirst() {
            guard other.configuration == document.configuration else {
                throw ValidationError("--combine: \(path) has another configuration than \(paths[0])")
            }
            document.seeds += other.seeds
            document.outcomes += other.outcomes
            document.totalSeconds = max(document.totalSeconds, other.totalSeconds)
        }
        document.claims = verdicts(document.outcomes)
        return document
    }

    /// The processor's model name from /proc/cpuinfo, or "unknown".
    static func processorName() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
              let colon = line.firstIndex(of: ":") else { return "unknown" }
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
}

// Bad flags give one line on standard error (not the usage block) and exit status 64.
do {
    var command = try HopperStudy.parseAsRoot()
    try command.run()
} catch {
    let code = HopperStudy.exitCode(for: error)
    if code == .success { HopperStudy.exit(withError: error) }    // --help
    let message = HopperStudy.message(for: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    FileHandle.standardError.write(Data("hopper-study: \(message)\n".utf8))
    exit(code.rawValue)
}
