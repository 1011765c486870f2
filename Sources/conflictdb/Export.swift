import ArgumentParser
import ConflictStore
import Foundation

extension ReportKind: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a report: exchanges, attacks, talks, delegations, actors, sources, exchange-events or attack-events.",
        discussion: """
            One row per source report, with exactly the columns of the design (DESIGN §5); exchange-events and attack-events give one row per event instead, with the min and max of each figure across its reports and the sources and outlets as ;-separated lists. CSV is RFC 4180 with a header row; lists are ;-separated; an empty cell means not stated; cells a spreadsheet would run as a formula get a leading '. --since/--until filter on the report's date (event_date, start_date, or published for sources).

            Examples:
              conflictdb export exchanges
              conflictdb export attacks --since 2026-01-01 --until 2026-01-31 --output january.csv
              conflictdb export sources --format json
              conflictdb export attack-events --since 2025-07-01
            """
    )

    @Argument(help: ArgumentHelp("exchanges, attacks, talks, delegations, actors, sources, exchange-events or attack-events.", valueName: "REPORT"))
    var report: ReportKind

    @OptionGroup var database: DatabaseOption

    @Option(help: "Output format: csv, json or jsonl.")
    var format: OutputFormat = .csv

    @Option(help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Only rows dated on or after D (YYYY-MM-DD).", valueName: "D"))
    var since: String?

    @Option(help: ArgumentHelp("Only rows dated on or before D (YYYY-MM-DD).", valueName: "D"))
    var until: String?

    func validate() throws {
        if format == .table { throw ValidationError("export formats are csv, json and jsonl") }
        for (name, v) in [("--since", since), ("--until", until)] {
            if let v, !isISODate(v) { throw ValidationError("\(name) must be YYYY-MM-DD, not '\(v)'") }
        }
    }

    func run() throws {
        do {
            let store = try Store.openReadonly(path: database.path, busyTimeout: database.busyTimeout)
            let table = try Reports.run(store, report, since: since, until: until)
            let text = try table.render(format)
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } else {
                writeOut(text)
            }
        } catch {
            fail(StoreError.message(for: error, path: database.path))
        }
    }
}
