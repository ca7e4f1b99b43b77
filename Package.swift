// swift-tools-version: 6.0
// The course kit "Learning from demonstrations": a library, one executable per lesson,
// the student's exercises, their reference solutions, and the tests that grade them.
import Foundation
import PackageDescription

/// The student handout has no reference answers: without `Solutions/`, the targets that need them
/// (the solutions themselves, the algorithm and lesson-claim tests) are left out.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let hasSolutions = FileManager.default.fileExists(atPath: root.appendingPathComponent("Solutions").path)

/// The lessons, in teaching order. Each is an executable `Lessons/NN-name/`.
let lessons = [
    "00-tour",
    "01-behavior-cloning",
    "02-distribution-shift",
    "03-gan-optimal-discriminator",
    "04-gail",
    "05-off-policy-failure",
    "06-bcq",
    "07-imitation-and-task-rewards",
    "08-demonstrations-in-rl",
    "09-visuomotor",
]

/// Code that only drives the library (the tests, the lessons' cells, grading, the tools around
/// them) is compiled without optimization, in release builds too: the library it calls is
/// optimized, so it runs as fast, and it builds in a fraction of the time.
let drivingCode: [SwiftSetting] = [.unsafeFlags(["-Onone"])]

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")

/// Everything a lesson executable may use.
let lessonDependencies: [Target.Dependency] = [
    "Numerics", "NeuralNetworks", "Plotting", "Environments", "Datasets",
    "ExerciseAPI", "Algorithms", "LessonKit", "LessonClaims", "Implementations", "Exercises", argumentParser,
] + (hasSolutions ? ["Solutions"] : [])

var targets: [Target] = [
    // System libraries and the C++ bridge to gnuplot-iostream.
    // OpenBLAS, opened at run time after the kit has chosen its kernel (Sources/CBLAS/KitBLAS.c).
    .target(name: "CBLAS", path: "Sources/CBLAS", linkerSettings: [.linkedLibrary("dl")]),
    // The allocator's thresholds, set at program start so that a training step reuses the pages
    // the previous one freed (Sources/CMemory/KitMemory.c).
    .target(name: "CMemory", path: "Sources/CMemory"),
    // Element-wise loops that choose their vector width at run time, bit-identical on every width
    // (Adam's update: Sources/CKernels/AdamUpdate.c).
    .target(name: "CKernels", path: "Sources/CKernels"),
    .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "pangocairo",
                   providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
    .target(name: "CGnuplot", path: "Sources/CGnuplot",
            linkerSettings: [.linkedLibrary("boost_iostreams"), .linkedLibrary("boost_filesystem"),
                             .linkedLibrary("stdc++")]),
    // MuJoCo (Debian's libmujoco-dev: /usr/include/mujoco/mujoco.h and libmujoco.so, no pkg-config
    // file), with a small C helper that loads a model from a string (Sources/CMuJoCo/KitMuJoCo.c).
    .target(name: "CMuJoCo", path: "Sources/CMuJoCo", linkerSettings: [.linkedLibrary("mujoco")]),

    // The library, bottom to top.
    .target(name: "Numerics", dependencies: ["CBLAS", "CMemory", "CKernels"]),
    .target(name: "NeuralNetworks", dependencies: ["Numerics", "CKernels"]),
    .target(name: "Plotting", dependencies: ["CCairo", "CGnuplot"]),
    .target(name: "Environments", dependencies: ["Numerics", "Plotting", "CMuJoCo"]),
    .target(name: "Datasets", dependencies: ["Numerics", "Environments"]),
    .target(name: "ExerciseAPI", dependencies: ["Numerics", "NeuralNetworks", "Environments", "Datasets"]),
    .target(name: "Algorithms",
            dependencies: ["Numerics", "NeuralNetworks", "Environments", "Datasets", "ExerciseAPI"],
            // The Hopper expert's actor (Sources/Algorithms/Experts/HopperExpert.swift).
            resources: [.copy("Experts/hopper-expert.json")]),
    .target(name: "LessonKit", dependencies: ["Numerics", "Plotting", "ExerciseAPI", "Implementations", "LessonClaims",
                                             argumentParser]),

    // The student's copy and the reference answers: the same API, different bodies.
    .target(name: "Exercises", dependencies: ["ExerciseAPI", "Numerics", "NeuralNetworks", "Environments", "Datasets"],
            path: "Exercises"),
    // Picks one of the two for a run (`--implementation`); builds without Solutions in the handout.
    .target(name: "Implementations", dependencies: ["ExerciseAPI", "Exercises"] + (hasSolutions ? ["Solutions"] : [])),

    // Grading for instructors.
    .target(name: "Grading", dependencies: ["ExerciseAPI", "Numerics", "NeuralNetworks", "Environments",
                                            "Datasets", "Algorithms"], swiftSettings: drivingCode),
    .executableTarget(name: "grade", dependencies: ["Grading", "Implementations", argumentParser],
                      path: "Sources/Grade", swiftSettings: drivingCode),

    // Expert demonstrations exported as D4RL-style .npz files.
    .executableTarget(name: "export-demos", dependencies: ["Environments", "Datasets", "Numerics", argumentParser],
                      path: "Sources/ExportDemos", swiftSettings: drivingCode),

    // The kit's Hopper driven by scripts/checks/hopper_vs_gymnasium.py (compared with Gymnasium's Hopper-v4).
    .executableTarget(name: "hopper-check", dependencies: ["Environments", "Numerics"], path: "Sources/HopperCheck", swiftSettings: drivingCode),

    // Fujimoto et al.'s (2019) orange and blue on the kit's Hopper, over seeds and budgets (issue 13).
    .executableTarget(name: "hopper-study", dependencies: ["Algorithms", "Environments", "Datasets", "Numerics", "NeuralNetworks",
                                                           "ExerciseAPI", "Implementations", argumentParser],
                      path: "Sources/HopperStudy"),

    // Zhu et al.'s (2018) critic ablation on the pushing task from pixels, over seeds (issue 14).
    .executableTarget(name: "pixel-study", dependencies: ["Algorithms", "Environments", "Datasets", "Numerics", "NeuralNetworks",
                                                          "ExerciseAPI", "Implementations", argumentParser],
                      path: "Sources/PixelStudy"),

    // Lesson claims, evaluated on results.json by the claim tests and by `robustness` (seeds × BLAS kernels).
    .target(name: "LessonClaims", dependencies: ["Numerics"]),
    .executableTarget(name: "robustness", dependencies: ["LessonClaims", "Numerics", argumentParser],
                      path: "Sources/Robustness", swiftSettings: drivingCode),

    // Speed, measured by printing figures (swift run -c release bench).
    // BenchKit: the measurements, the PyTorch reference's runner and parser, and the tables.
    .target(name: "BenchKit", dependencies: ["Numerics", "NeuralNetworks"]),
    .executableTarget(name: "bench", dependencies: ["BenchKit", "Numerics", "NeuralNetworks", argumentParser],
                      path: "Sources/Bench"),

    // A Beamer deck of the course from the lessons' outputs (scripts/slides compiles it).
    .target(name: "SlidesKit", dependencies: ["Plotting"], swiftSettings: drivingCode),
    .executableTarget(name: "slides", dependencies: ["SlidesKit", argumentParser], path: "Sources/Slides", swiftSettings: drivingCode),

    // Tests.
    // Where the tests that run the package's executables (lessons, grade, bench, hopper-study, slides) find them.
    .target(name: "BuiltProducts", path: "Tests/BuiltProducts", swiftSettings: drivingCode),
    .testTarget(name: "NumericsTests", dependencies: ["Numerics", "NeuralNetworks", "CBLAS", "BuiltProducts"], swiftSettings: drivingCode),
    .testTarget(name: "BenchTests", dependencies: ["BenchKit", "Numerics"], swiftSettings: drivingCode),
    .testTarget(name: "PlottingTests", dependencies: ["Plotting"], exclude: ["Golden"], swiftSettings: drivingCode),
    .testTarget(name: "EnvironmentsTests", dependencies: ["Environments", "Datasets", "Numerics", "NeuralNetworks", "Plotting"], swiftSettings: drivingCode),
    .testTarget(name: "LessonKitTests", dependencies: ["LessonKit", "Plotting"], swiftSettings: drivingCode),
    // Compiles figures and a deck with pdflatex where it is installed (skipped, with the reason, elsewhere).
    .testTarget(name: "SlidesTests", dependencies: ["SlidesKit", "Plotting", "BuiltProducts"], swiftSettings: drivingCode),
    .testTarget(name: "ExerciseTests", dependencies: ["Grading", "Implementations", "Exercises", "ExerciseAPI", "BuiltProducts"]
                + (hasSolutions ? ["Solutions"] : []), swiftSettings: drivingCode),
]

if hasSolutions {
    targets += [
        .target(name: "Solutions", dependencies: ["ExerciseAPI", "Numerics", "NeuralNetworks", "Environments", "Datasets"],
                path: "Solutions"),
        .testTarget(name: "AlgorithmsTests", dependencies: ["Algorithms", "Solutions", "Environments", "Datasets",
                                                            "Numerics", "NeuralNetworks", "ExerciseAPI"], swiftSettings: drivingCode),
        .testTarget(name: "LessonClaimTests", dependencies: ["LessonClaims", "BuiltProducts"], swiftSettings: drivingCode),
        // Runs the built hopper-study executable (a 500-step smoke run, bad flags).
        .testTarget(name: "HopperStudyTests", dependencies: ["BuiltProducts"], swiftSettings: drivingCode),
        // Mutation testing of the checks (swift run -c release mutants): plausible mistakes planted
        // into the reference, each of which the checks must catch. Instructor-only, like Solutions/.
        .target(name: "Mutation", dependencies: ["ExerciseAPI", "Grading", "Numerics", "Datasets"]),
        .executableTarget(name: "mutants", dependencies: ["Mutation", "Grading", "Implementations", "ExerciseAPI", argumentParser],
                          path: "Sources/Mutants", swiftSettings: drivingCode),
        .testTarget(name: "MutationTests", dependencies: ["Mutation", "Grading", "Solutions", "ExerciseAPI"], swiftSettings: drivingCode),
    ]
}

targets += lessons.map { name in
    .executableTarget(name: name, dependencies: lessonDependencies, path: "Lessons/\(name)", swiftSettings: drivingCode)
}

let package = Package(
    name: "LearningFromDemonstrations",
    platforms: [.macOS(.v14)],
    products: lessons.map { .executable(name: $0, targets: [$0]) } + [
        .executable(name: "grade", targets: ["grade"]),
        .executable(name: "bench", targets: ["bench"]),
        .executable(name: "export-demos", targets: ["export-demos"]),
        .executable(name: "hopper-check", targets: ["hopper-check"]),
        .executable(name: "hopper-study", targets: ["hopper-study"]),
        .executable(name: "pixel-study", targets: ["pixel-study"]),
        .executable(name: "robustness", targets: ["robustness"]),
        .executable(name: "slides", targets: ["slides"]),
    ] + (hasSolutions ? [.executable(name: "mutants", targets: ["mutants"])] : []),
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: targets,
    cxxLanguageStandard: .cxx17
)
