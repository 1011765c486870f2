import ArgumentParser
import ConflictStore
import Foundation

struct ConflictDB: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "conflictdb",
        abstract: "Turn news articles about armed conflict into a SQLite event database.",
        discussion: """
            Pipeline: documents -> text -> mentions -> events -> store -> query/export.

            Examples:
              conflictdb import seeds
              conflictdb export exchanges --format csv
              conflictdb query "select outlet, published, title from sources order by path"
              conflictdb questions
              conflictdb ask figure-disagreements
              conflictdb schema

            The database is --db FILE, else $CONFLICTDB_PATH, else ./conflict.db.
            """,
        version: version,
        subcommands: [Import.self, Query.self, Export.self, QuestionsCommand.self, Ask.self, Schema.self, Inspect.self]
    )
}

/// Options shared by every subcommand.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("SQLite database file (default: $CONFLICTDB_PATH, else ./conflict.db).", valueName: "FILE"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Seconds to wait while another process holds the write lock, then fail with a clear message.", valueName: "SECONDS"))
    var busyTimeout: Double = Store.defaultBusyTimeout

    var path: String {
        if let db, !db.isEmpty { return db }
        if let env = ProcessInfo.processInfo.environment["CONFLICTDB_PATH"], !env.isEmpty { return env }
        return "conflict.db"
    }
}

/// Prints `conflictdb: error: MESSAGE` on stderr and exits 1.
func fail(_ message: String) -> Never {
    printError("conflictdb: error: " + message)
    exit(1)
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

func writeOut(_ s: String) {
    FileHandle.standardOutput.write(Data(s.utf8))
}

func isISODate(_ s: String) -> Bool {
    let parts = s.split(separator: "-", omittingEmptySubsequences: false)
    return s.count == 10 && parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
}
