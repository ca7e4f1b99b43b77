import Plotting
import Testing

@Suite struct MarkupTests {
    @Test func subscriptsAndSuperscripts() {
        #expect(Markup.parse("x_t") == [.text("x"), .sub([.text("t")])])
        #expect(Markup.parse("x_{t+1}") == [.text("x"), .sub([.text("t+1")])])
        #expect(Markup.parse("e^{-x}") == [.text("e"), .sup([.text("-x")])])
        #expect(Markup.parse("π_θ") == [.text("π"), .sub([.text("θ")])])
        #expect(Markup.parse("e^{-x_i^2}") == [.text("e"), .sup([.text("-x"), .sub([.text("i")]), .sup([.text("2")])])])
    }

    @Test func literalsAndEscapes() {
        #expect(Markup.parse("p < 0.05 & R&D") == [.text("p < 0.05 & R&D")])
        #expect(Markup.parse("file\\_name") == [.text("file_name")])
        #expect(Markup.parse("a_ b") == [.text("a_ b")])
        #expect(Markup.parse("x_{unclosed") == [.text("x"), .sub([.text("{")]), .text("unclosed")])
        #expect(Markup.parse("<i>θ</i>") == [.italic([.text("θ")])])
        #expect(Markup.plainText(Markup.parse("J(π_θ)")) == "J(πθ)")
    }

    @Test func pangoOutput() {
        let pango = Markup.pango("a < b & x_t", fontSize: 10)
        #expect(pango.hasPrefix("a &lt; b &amp; x<span size=\"7168\" rise=\"-2048\">t</span>"))
    }

    @Test func gnuplotAndLatexOutput() {
        #expect(Markup.gnuplotEnhanced("x_{t+1} ^ e^{-x} @") == "x_{t+1} \\^ e^{-x} \\@")
        #expect(Markup.gnuplotEnhanced("file\\_name") == "file\\_name")
        #expect(Markup.latex("θ_t 50%") == "$\\theta_{t}$ 50\\%")
        #expect(Markup.latex("L_{BC} γ^{t+1} x^{a b}") == "L$_{\\mathrm{BC}}$ $\\gamma^{t+1}$ x\\textsuperscript{a b}")
        #expect(Markup.latex("π* θ̇") == "$\\pi^*$ $\\dot{\\theta}$")
    }
}
