import Foundation

extension LessonContext {
    /// How many seeds a per-seed experiment runs: `count`, the lesson's own number for this
    /// budget, unless `--seed-count` says otherwise.
    public func seedCount(_ count: Int) -> Int { seedCountOverride ?? count }

    /// Runs an experiment seed by seed: the one way a lesson's experiment over seeds is split
    /// between processes or machines (`--seeds A..B`) and merged again (`--merge`).
    ///
    /// `body` gets the seed indices to run (0 is the first seed of the experiment) and returns one
    /// run per index, in the same order; how it turns an index into a random seed, and whether it
    /// runs the indices in parallel, is the lesson's business, as long as run k depends only on k.
    ///
    /// - A normal run calls `body` with every index `0..<seedCount(count)` and returns its runs.
    /// - A shard (`--seeds A..B`) calls it with the indices in `A...B` only, writes each run to
    ///   `<out>/NN-name/seeds/<experiment>/seed-<k>.json` and ends the cell (skipped, saying so):
    ///   the tables, figures and claims that need every seed are the merge's job.
    /// - A merge (`--merge`) does not call `body`: it reads every index's file and returns the
    ///   runs, exactly as a normal run over the same seeds would have returned them.
    ///
    /// ```swift
    /// let perSeed = try context.perSeed("race", count: context.choose(full: 5, quick: 3)) { indices in
    ///     try indices.map { try train(seed: RandomSource.derivedSeed(base: context.seed, index: $0)) }
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - experiment: the experiment's name in the lesson (letters, digits, `-`, `_`): its folder.
    ///   - count: the lesson's number of seeds for this budget (`--seed-count` replaces it).
    ///   - body: runs the given indices.
    /// - Throws: ``CellSkipped`` at the end of a shard; ``SeedRunError`` when a merge finds a
    ///   seed missing or saved with other settings; whatever `body` throws.
    public func perSeed<Run: Codable & Sendable>(_ experiment: String, count: Int,
                                                 _ body: ([Int]) throws -> [Run]) throws -> [Run] {
        guard !experiment.isEmpty,
              experiment.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw LessonError.badExperimentName(experiment)
        }
        let total = seedCount(count)
        noteExperiment(experiment)
        if merging {
            let runs = try seedStore.load(Run.self, experiment: experiment, count: total)
            print("Read \(total) seeds of \"\(experiment)\" from \(seedStore.directory.appendingPathComponent(experiment).path)/ (--merge).")
            return runs
        }
        let indices = (0..<total).filter { seedRange?.contains($0) ?? true }
        guard let seedRange else {
            return try checked(body(indices), experiment: experiment, expected: total)
        }
        guard !indices.isEmpty else {
            throw CellSkipped("this shard (seeds \(seedRange)) has no seed of \"\(experiment)\", which has seeds 0–\(total - 1)")
        }
        let runs = try checked(body(indices), experiment: experiment, expected: indices.count)
        for (index, run) in zip(indices, runs) {
            try seedStore.save(run, experiment: experiment, index: index, count: total)
        }
        noteShardSaved(experiment, indices: indices)
        throw CellSkipped("shard: seed\(indices.count == 1 ? "" : "s") \(SeedRunError.ranges(indices)) of \"\(experiment)\" (of 0–\(total - 1)) saved in "
                          + "\(seedStore.directory.appendingPathComponent(experiment).path)/; the merge (--merge) shows "
                          + "the rest of this cell")
    }

    private func checked<Run>(_ runs: [Run], experiment: String, expected: Int) throws -> [Run] {
        guard runs.count == expected else {
            throw LessonError.perSeedRunCount(experiment: experiment, runs: runs.count, seeds: expected)
        }
        return runs
    }
}
