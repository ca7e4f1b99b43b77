import ExerciseAPI
import LessonKit
import Plotting
import Testing

@Suite("Command line")
struct CommandTests {
    @Test("defaults: seed 0, out, png+svg+pdf, cairo, reference, not quick, step decided by the terminal")
    func defaults() throws {
        let command = try LessonCommand.parse([])
        #expect(command.seed == 0)
        #expect(command.outputRoot == "out")
        #expect(command.formats.formats == [.png, .svg, .pdf])
        #expect(command.backend == .cairo)
        #expect(command.implementation == .reference)
        #expect(command.quick == false)
        #expect(command.step == nil)
        #expect(command.lastCell == nil)
        #expect(command.scale == .standard)
    }

    @Test("every flag parses")
    func allFlags() throws {
        let command = try LessonCommand.parse(["--no-step", "--cell", "3", "--quick", "--seed", "12", "--out", "/tmp/x",
                                               "--formats", "pdf,png", "--backend", "gnuplot",
                                               "--implementation", "exercises"])
        #expect(command.step == false)
        #expect(command.lastCell == 3)
        #expect(command.quick)
        #expect(command.seed == 12)
        #expect(command.outputRoot == "/tmp/x")
        #expect(command.formats.formats == [.pdf, .png])
        #expect(command.backend == .gnuplot)
        #expect(command.implementation == .exercises)
        #expect(try LessonCommand.parse(["--step"]).step == true)
        #expect(try LessonCommand.parse(["--scale", "paper"]).scale == .paper)
    }

    @Test("bad flags and values are refused", arguments: [
        ["--bogus"], ["--seed", "minus-one"], ["--formats", "png,gif"], ["--formats", ""],
        ["--backend", "matplotlib"], ["--implementation", "mine"], ["--cell", "0"], ["--cell"], ["extra"],
        ["--scale", "huge"], ["--quick", "--scale", "paper"],
    ])
    func badFlags(arguments: [String]) {
        #expect(throws: (any Error).self) { try LessonCommand.parseAsRoot(arguments) }
    }

    @Test("the usage names every option")
    func usage() {
        let help = LessonCommand.helpMessage()
        for option in ["--step", "--cell", "--quick", "--seed", "--out", "--formats", "--backend", "--implementation",
                       "--scale"] {
            #expect(help.contains(option), "help mentions \(option)")
        }
    }
}
