import CGnuplot
import Foundation

/// Writes a gnuplot script and data files for a ``Figure`` and runs gnuplot on them.
///
/// Everything is first written into a hidden temporary directory beside the figure; gnuplot runs
/// there; then each finished file is renamed into place. An interrupted or failed run therefore
/// never leaves a half-written figure (the script and data are still moved into place on failure
/// so the problem can be inspected, and when gnuplot is missing so it can be run later).
struct GnuplotRenderer {
    let figure: Figure

    /// Renders `path.<ext>` for every format; returns every file written (outputs, script, data).
    ///
    /// `.tex` is a pass of its own, laid out from LaTeX's measurements of the labels
    /// (``LaTeXMeasurer``): its script and data are `name.gp`, or `name-latex.gp` beside the other formats'.
    func render(to path: String, formats: [ImageFormat], pngScale: Double, executable: String?) throws -> [String] {
        let destination = URL(fileURLWithPath: path)
        let name = destination.lastPathComponent
        guard !name.isEmpty, !name.contains("'") else {
            throw PlottingError.invalidSetting("figure name \"\(name)\" must be non-empty and contain no quote")
        }
        var unique: [ImageFormat] = []
        for f in formats where !unique.contains(f) { unique.append(f) }
        let pango = try PangoMeasurer(fontFamily: figure.fontFamily)
        var written: [String] = []
        let others = unique.filter { $0 != .tex }
        if !others.isEmpty {
            let output = try LayoutEngine(figure: figure, measurer: pango).runWithPanels()
            written += try render(to: destination, formats: others, output: (output.layout, output.panels), pngScale: pngScale, executable: executable)
        }
        if unique.contains(.tex) {
            // The labels the layout asks for, measured by pdflatex in one run, then the layout again.
            let recorder = RecordingMeasurer(base: pango)
            _ = try LayoutEngine(figure: figure, measurer: recorder).runWithPanels()
            let latex = LaTeXMeasurer(scale: figure.scale, fallback: pango)
            latex.prepare(recorder.requests)
            let output = try LayoutEngine(figure: figure, measurer: latex).runWithPanels()
            // cairolatex writes name.tex + name.pdf, so with .pdf also requested it is name-latex.tex + name-latex.pdf.
            let base = unique.contains(.pdf) ? destination.deletingLastPathComponent().appendingPathComponent(name + "-latex")
                : destination
            let files = try render(to: base, formats: [.tex], output: (output.layout, output.panels), pngScale: pngScale, executable: executable)
            let outputs = files.filter { $0.hasSuffix(".tex") || $0.hasSuffix(".pdf") }
            written = written.filter { !$0.hasSuffix(".gp") && !$0.hasSuffix(".dat") } + outputs
                + written.filter { $0.hasSuffix(".dat") || $0.hasSuffix(".gp") } + files.filter { !outputs.contains($0) }
        }
        return written
    }

    /// One gnuplot run writing `destination.<ext>` for every format from one layout.
    private func render(to destination: URL, formats unique: [ImageFormat], output: (layout: FigureLayout, panels: [ResolvedPanel]),
                        pngScale: Double, executable: String?) throws -> [String] {
        let directory = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let script = GnuplotScript(figure: figure, layout: output.layout, panels: output.panels, name: name)
        let outputs: [(ImageFormat, String)] = unique.map { format in
            if format == .tex && unique.contains(.pdf) { return (format, "\(name)-latex.tex") }
            return (format, "\(name).\(format.fileExtension)")
        }
        var produced = outputs.map(\.1)
        for (format, file) in outputs where format == .tex {
            produced.append(String(file.dropLast(4)) + ".pdf")
        }

        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw PlottingError.io("cannot create directory \(directory.path): \(error.localizedDescription)")
        }
        let work = directory.appendingPathComponent(".\(name).gnuplot-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try fm.createDirectory(at: work, withIntermediateDirectories: false)
        } catch {
            throw PlottingError.io("cannot create work directory \(work.path): \(error.localizedDescription)")
        }
        defer { try? fm.removeItem(at: work) }

        var support: [String] = []
        for table in script.tables() {
            var message = [CChar](repeating: 0, count: 512)
            let status = table.values.withUnsafeBufferPointer { values in
                cgnuplot_write_table(work.appendingPathComponent(table.fileName).path, values.baseAddress, table.rows,
                                     table.columns, table.block, &message, message.count)
            }
            if status != 0 { throw PlottingError.io("writing gnuplot data \(table.fileName): \(Self.text(of: message))") }
            support.append(table.fileName)
        }
        let scriptName = "\(name).gp"
        let text = script.text(outputs: outputs, pngScale: pngScale)
        guard fm.createFile(atPath: work.appendingPathComponent(scriptName).path, contents: Data(text.utf8)) else {
            throw PlottingError.io("cannot write \(work.appendingPathComponent(scriptName).path)")
        }
        support.append(scriptName)

        func moveIntoPlace(_ files: [String]) throws -> [String] {
            try files.map { file in
                let target = directory.appendingPathComponent(file)
                if rename(work.appendingPathComponent(file).path, target.path) != 0 {
                    throw PlottingError.io("cannot move \(file) into \(directory.path): \(String(cString: strerror(errno)))")
                }
                return target.path
            }
        }

        guard let gnuplot = Self.locate(executable) else {
            let written = try moveIntoPlace(support)
            throw PlottingError.gnuplotMissing(script: written.last ?? scriptName)
        }
        var message = [CChar](repeating: 0, count: 4096)
        let status = cgnuplot_run(gnuplot, work.path, "load '\(scriptName)'", &message, message.count)
        let log = Self.text(of: message).trimmingCharacters(in: .whitespacesAndNewlines)
        let missing = produced.filter { !fm.fileExists(atPath: work.appendingPathComponent($0).path) }
        if status != 0 || !missing.isEmpty {
            let written = try moveIntoPlace(support)
            let reason = log.isEmpty ? "exit status \(status), missing \(missing.joined(separator: ", "))" : log
            throw PlottingError.gnuplotFailed("\(reason) (script: \(written.last ?? scriptName))")
        }
        return try moveIntoPlace(produced) + moveIntoPlace(support)
    }

    /// The NUL-terminated text in a C buffer.
    static func text(of buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The gnuplot executable: `executable` if given (must be executable), else `gnuplot` on `PATH`.
    static func locate(_ executable: String?) -> String? {
        let fm = FileManager.default
        if let executable {
            return fm.isExecutableFile(atPath: executable) ? executable : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin:/usr/local/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/gnuplot"
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
