import Foundation
import Plotting

/// Deterministic figures shared by the tests (no randomness: closed-form curves).
enum SampleFigures {
    /// A 2×3 figure with every artist kind and the lecture's symbols in its labels.
    static func everyArtist() -> Figure {
        var fig = Figure(width: 12, height: 7.5, rows: 2, columns: 3)
        fig.title = "Every artist: θ, λ, π*, Φ, γ, ε, x_t, x_{t+1}, e^{-x}"

        // (0,0) learning curves with bands and an expert line.
        let steps = (0...40).map { Double($0) * 2_500 }
        var ax = Axes()
        for (k, name) in ["BC", "DAgger", "GAIL"].enumerated() {
            let mean: [Double] = steps.map { (s: Double) -> Double in -1200 + 1000 * (1 - exp(-s / (20_000 + 15_000 * Double(k)))) }
            let std: [Double] = steps.map { (s: Double) -> Double in 60 + 40 * sin(s / 9_000 + Double(k)) }
            ax.line(x: steps, y: mean, label: name)
            ax.band(x: steps, center: mean, spread: std)
        }
        ax.horizontalLine(y: -180, label: "expert π*")
        ax.title = "Return vs environment steps"
        ax.xLabel = "environment steps"
        ax.yLabel = "return (mean ± std, 5 seeds)"
        fig[0, 0] = ax

        // (0,1) log-log deviation vs horizon with slope guides.
        var ll = Axes()
        let horizons = [10.0, 20, 50, 100, 200, 500, 1000]
        ll.scatter(x: horizons, y: horizons.map { 0.02 * $0 * $0 }, label: "BC", size: 6)
        ll.scatter(x: horizons, y: horizons.map { 0.5 * $0 }, label: "DAgger", size: 6, marker: .square)
        ll.line(x: horizons, y: horizons.map { 0.02 * $0 * $0 }, color: .gray, style: .dotted, width: 1)
        ll.line(x: horizons, y: horizons.map { 0.5 * $0 }, color: .gray, style: .dashDot, width: 1)
        ll.text("∝ T^2", at: (300, 0.02 * 300 * 300 * 2.2), anchor: .right)
        ll.text("∝ T", at: (300, 0.5 * 300 * 0.4), anchor: .left)
        ll.xScale = .log; ll.yScale = .log
        ll.xLabel = "horizon T"; ll.yLabel = "cost J(π_θ) − J(π*)"
        ll.title = "Compounding error: ε·T^2 vs ε·T"
        fig[0, 1] = ll

        // (0,2) histograms of visited states plus a density line.
        var h = Axes()
        let grid = (0..<400).map { -4 + 8 * Double($0) / 399 }
        let expert: [Double] = grid.flatMap { (x: Double) -> [Double] in Array(repeating: x, count: Int(60 * exp(-x * x / 0.5))) }
        let learner: [Double] = grid.flatMap { (x: Double) -> [Double] in Array(repeating: x, count: Int(30 * exp(-(x - 1) * (x - 1) / 2))) }
        h.histogram(values: expert, bins: 40, range: -4...4, density: true, label: "P_{π*}(s_t)")
        h.histogram(values: learner, bins: 40, range: -4...4, density: true, label: "P_{π_θ}(s_t)")
        h.line(x: grid, y: grid.map { exp(-$0 * $0 / 0.5) / (0.5 * Double.pi).squareRoot() }, color: .black, width: 1)
        h.verticalLine(x: 0, color: .gray, style: .dotted, width: 1)
        h.xLabel = "lateral offset s"; h.yLabel = "density"
        h.title = "State visitation"
        fig[0, 2] = h

        // (1,0) grouped bars with error bars.
        var b = Axes()
        let cats = ["BC", "GAIL", "λ = 0.5 (mixed)", "task reward only"]
        b.bars(categories: cats, heights: [0.42, 0.71, 0.93, 0.35], errors: [0.05, 0.08, 0.03, 0.12], label: "block only")
        b.bars(categories: cats, heights: [0.40, 0.62, 0.81, 0.33], errors: [0.06, 0.07, 0.05, 0.10], label: "block + pusher")
        b.yLabel = "success rate"; b.title = "Discriminator input ablation"
        fig[1, 0] = b

        // (1,1) heat map with quiver.
        var q = Axes()
        let n = 25
        let angles: [Double] = (0..<n).map { (i: Int) -> Double in -Double.pi + 2 * Double.pi * (Double(i) + 0.5) / Double(n) }
        let velocities: [Double] = (0..<n).map { (i: Int) -> Double in -8 + 16 * (Double(i) + 0.5) / Double(n) }
        let torque: [[Double]] = velocities.map { (v: Double) -> [Double] in angles.map { (a: Double) -> Double in max(-2, min(2, -10 * a - 2 * v)) } }
        q.heatMap(values: torque, xRange: -Double.pi...Double.pi, yRange: -8...8, colorMap: .blueWhiteRed,
                  colorBarLabel: "expert torque a = π*(θ, θ̇)")
        var qx: [Double] = [], qy: [Double] = [], qu: [Double] = [], qv: [Double] = []
        for i in stride(from: 1, to: n, by: 4) {
            for j in stride(from: 1, to: n, by: 4) {
                qx.append(angles[j]); qy.append(velocities[i])
                qu.append(velocities[i] * 0.3); qv.append(-sin(angles[j]) * 3 + torque[i][j])
            }
        }
        q.quiver(x: qx, y: qy, u: qu, v: qv, color: .black)
        q.xLabel = "angle θ (rad)"; q.yLabel = "angular velocity θ̇"
        q.title = "Expert policy over the state space"
        fig[1, 1] = q

        // (1,2) a drawing: track, block, pendulum, arrows.
        var d = Axes()
        let t = (0...60).map { Double($0) / 60 * 2 * Double.pi }
        d.polygon(x: t.map { 3 * cos($0) }, y: t.map { 2 * sin($0) }, fill: Color.lightGray.withAlpha(0.5),
                  stroke: .gray, label: "track")
        d.polygon(points: [(-0.4, -0.3), (0.4, -0.3), (0.4, 0.3), (-0.4, 0.3)], fill: .orange, stroke: .black,
                  label: "block")
        d.circle(center: (2, 1.2), radius: 0.35, fill: .skyBlue, stroke: .black, label: "obstacle")
        d.line(x: t.map { 2.5 * cos($0) }, y: t.map { 1.5 * sin($0) }, label: "expert", style: .dashed)
        d.arrow(from: (-2.0, -1.3), to: (-0.5, -0.35), label: "goal x_g")
        d.text("start s_0", at: (2.5, 0), anchor: .left)
        d.aspect = .equal
        d.xLabel = "x (m)"; d.yLabel = "y (m)"; d.title = "Scene drawing"
        d.grid = true
        fig[1, 2] = d
        return fig
    }

    /// A figure whose labels are deliberately long, to test that layout never clips.
    static func longLabels() -> Figure {
        var fig = Figure(width: 5, height: 3.5, rows: 1, columns: 2)
        fig.title = "A very long figure title that must wrap instead of being cut off at the canvas edge, θ_t"
        fig[0, 0].line(x: [0, 1e6, 2e6], y: [-123456.789, 0.001, 987654.321], label: "a long legend label π_θ(a_t | s_t)")
        fig[0, 0].xLabel = "an extremely long x-axis label describing the number of environment interactions"
        fig[0, 0].yLabel = "a long y label with subscripts J(π_θ) and superscripts e^{-λ t}"
        fig[0, 0].title = "left panel title that is long as well"
        fig[0, 1].heatMap(values: [[1, 2], [3, 4]], xRange: 0...1, yRange: 0...1,
                          colorBarLabel: "colour-bar label that is long enough to wrap: D^*(x)")
        fig[0, 1].yLabel = "y"
        return fig
    }
}
