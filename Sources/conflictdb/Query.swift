import ArgumentParser
import ConflictStore
import Foundation

extension OutputFormat: ExpressibleByArgument {}

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run read-only SQL against the database.",
        discussion: """
            Writes (INSERT, UPDATE, DELETE, CREATE, DROP ...), ATTACH/DETACH, writable PRAGMAs and extension loading are refused; the database is opened read-only. Parameters are bound by name (:NAME). `conflictdb schema` lists the tables, views and columns.

            Examples:
              conflictdb query --format csv "select outlet, published, title from sources"
              conflictdb query -p d 2026-02-01 "select * from report_exchanges
                  where event_date >= :d"
              conflictdb query "select rowid, title from sources_fts
                  where sources_fts match 'drone'"
              echo "select count(*) from mentions" | conflictdb query -
            """
    )

    @OptionGroup var database: DatabaseOption

    @Option(help: "Output format: table, csv, json or jsonl.")
    var format: OutputFormat = .table

    @Option(name: [.customLong("param")], help: ArgumentHelp("Bind :NAME to VALUE; also written `-p NAME VALUE`.", valueName: "NAME=VALUE"))
    var params: [String] = []

    @Argument(help: ArgumentHelp("SQL, or - to read it from standard input.", valueName: "SQL"))
    var sql: String

    func run() throws {
        var text = sql
        if sql == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        let parameters: [(String, String)] = params.map { p in
            guard let eq = p.firstIndex(of: "=") else { return (p, "") }
            return (String(p[..<eq]), String(p[p.index(after: eq)...]))
        }
        do {
            let store = try Store.openReadonly(path: database.path, busyTimeout: database.busyTimeout)
            let tables = try QueryRunner(store: store).run(sql: text, parameters: parameters)
            for (i, t) in tables.enumerated() {
                if i > 0 && format == .table { writeOut("\n") }
                writeOut(try t.render(format))
            }
        } catch {
            fail(StoreError.message(for: error, path: database.path))
        }
    }
}
