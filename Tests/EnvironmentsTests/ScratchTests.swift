import Foundation
import Numerics
import Testing
import Environments
import Datasets

@Test func scratchMeasure() throws {
    let env = BlockPushing()
    for sp in [0.4, 0.5] { for n in [0.3, 0.5] { for s in [0.3, 0.5] {
        let e = PushingExpert(knobs: .init(noise: n, suboptimality: s), speed: sp)
        let t = try Rollout.run(env, expert: e, episodes: 100, seed: 0)
        let steps = t.map { $0.succeeded ? Double($0.count) : 150 }.reduce(0,+) / 100
        print(sp, n, s, EpisodeStatistics(t), steps)
    }}}
}
