import ArgumentParser
import ConflictExtraction
import Foundation

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what the extractor finds in one article, without a database.",
        discussion: """
            Prints each sentence with its mentions (kind, canonical form, rule), then the reports built
            from them with the rule that produced each. --unmatched lists capitalized phrases and numbers
            that no dictionary entry or rule claimed: the list to work through when growing the dictionaries.

            Examples:
              conflictdb inspect seeds/000_8729a2641a16f997.txt
              conflictdb inspect --unmatched article.md
              conflictdb inspect --format json article.md
            """
    )

    @Option(help: ArgumentHelp("Folder of dictionary files that extend or override the shipped ones.", valueName: "DIR"))
    var dictionaries: String?

    @Option(help: ArgumentHelp("Publication date (YYYY-MM-DD) for an article that states none.", valueName: "D"))
    var date: String?

    @Flag(help: "List only the capitalized phrases and numbers that nothing claimed.")
    var unmatched = false

    @Option(help: "Output format: text or json.")
    var format: String = "text"

    @Argument(help: ArgumentHelp("The article file.", valueName: "ARTICLE"))
    var article: String

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json") }
    }

    func run() throws {
        let dicts: Dictionaries
        do {
            dicts = try Dictionaries.load(overrides: (dictionaries ?? ProcessInfo.processInfo.environment["CONFLICTDB_DICTIONARIES"]).map { URL(fileURLWithPath: $0) })
        } catch {
            fail("cannot load dictionaries: \(error)")
        }
        let extractor = Extractor(dictionaries: dicts)
        let reader = ArticleReader(defaultDate: date)
        var failed = false
        for r in reader.read(fileAt: URL(fileURLWithPath: article)) {
            switch r {
            case .failure(let e):
                printError(e.description)
                failed = true
            case .success(let a):
                let doc = extractor.analyze(a)
                if unmatched {
                    for u in Inspection.unmatched(doc) { writeOut("\(a.path):\(u.sentence + 1): \(u.text)\n") }
                    continue
                }
                let result = extractor.result(doc)
                if format == "json" {
                    writeOut(Inspection.json(doc, result) + "\n")
                } else {
                    writeOut(Inspection.text(doc, result))
                }
            }
        }
        if failed { throw ExitCode(1) }
    }
}
