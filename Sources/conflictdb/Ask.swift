import ArgumentParser
import ConflictStore
import Foundation

struct Ask: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one named question (see `conflictdb questions`).",
        discussion: """
            Read-only, like `query`. --where adds a SQL condition on the question's columns (`conflictdb schema` lists them), --since/--until filter on its date column, -p binds the :name parameters of your own questions. --show-sql prints the SQL (and the view behind a shipped question) instead of running it.

            Examples:
              conflictdb ask figure-disagreements
              conflictdb ask timeline --since 2025-07-01 --until 2025-07-31 --format csv
              conflictdb ask exchange-tally --where "mediator = 'ARE'"
              conflictdb ask single-source-events --where "event_type = 'attack'" --format json
              conflictdb ask big-nights --queries my-questions/ -p min 500
              conflictdb ask delegation-roster --show-sql
            """
    )

    @Argument(help: ArgumentHelp("The question's name.", valueName: "NAME"))
    var name: String

    @OptionGroup var database: DatabaseOption
    @OptionGroup var queries: QueriesOption

    @Option(name: .customLong("where"), help: ArgumentHelp("An extra SQL condition on the question's columns.", valueName: "SQL"))
    var condition: String?

    @Option(help: ArgumentHelp("Only rows dated on or after D (YYYY-MM-DD).", valueName: "D"))
    var since: String?

    @Option(help: ArgumentHelp("Only rows dated on or before D (YYYY-MM-DD).", valueName: "D"))
    var until: String?

    @Option(help: "Output format: table, csv, json or jsonl.")
    var format: OutputFormat = .table

    @Option(name: [.customLong("param")], help: ArgumentHelp("Bind :NAME to VALUE; also written `-p NAME VALUE`.", valueName: "NAME=VALUE"))
    var params: [String] = []

    @Flag(help: "Print the SQL instead of running it.")
    var showSql = false

    func validate() throws {
        for (flag, v) in [("--since", since), ("--until", until)] {
            if let v, !isISODate(v) { throw ValidationError("\(flag) must be YYYY-MM-DD, not '\(v)'") }
        }
    }

    func run() throws {
        do {
            let list = try ConflictStore.Questions.all(queriesDir: queries.folder)
            guard let q = list.first(where: { $0.name == name }) else {
                fail("no question named '\(name)' (conflictdb questions lists them: \(list.map(\.name).joined(separator: ", ")))")
            }
            let sql = try ConflictStore.Questions.sql(for: q, where: condition, since: since, until: until)
            if showSql {
                if let def = try ConflictStore.Questions.viewDefinition(q) { writeOut("-- \(q.view ?? ""):\n\(def);\n\n") }
                writeOut(sql + ";\n")
                return
            }
            let parameters: [(String, String)] = params.map { p in
                guard let eq = p.firstIndex(of: "=") else { return (p, "") }
                return (String(p[..<eq]), String(p[p.index(after: eq)...]))
            }
            let given = Set(parameters.map { $0.0.drop { ":$@".contains($0) } }.map(String.init))
            let missing = q.parameters.filter { !given.contains($0) }
            if !missing.isEmpty {
                fail("question \(q.name) needs " + missing.map { "-p \($0) VALUE" }.joined(separator: " "))
            }
            let store = try Store.openReadonly(path: database.path)
            let tables = try QueryRunner(store: store).run(sql: sql, parameters: parameters)
            for t in tables { writeOut(try t.render(format)) }
        } catch {
            fail(StoreError.message(for: error, path: database.path))
        }
    }
}
