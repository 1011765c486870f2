import ArgumentParser
import ConflictStore
import Foundation

/// `--queries DIR`, else $CONFLICTDB_QUERIES: the folder of the user's own questions.
struct QueriesOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of your own questions, one .sql file each (default: $CONFLICTDB_QUERIES).", valueName: "DIR"))
    var queries: String?

    var folder: String? {
        if let queries, !queries.isEmpty { return queries }
        if let env = ProcessInfo.processInfo.environment["CONFLICTDB_QUERIES"], !env.isEmpty { return env }
        return nil
    }
}

struct QuestionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions",
        abstract: "List the named cross-source questions (shipped, and your own .sql files).",
        discussion: """
            Each shipped question is a view in the database (q_NAME, with - as _), so any SQLite client sees it too; `conflictdb schema` documents its columns. Your own questions are .sql files in --queries DIR (or $CONFLICTDB_QUERIES): the file name is the question's name, a header comment gives its title and description, and :name parameters are bound with -p NAME VALUE:

              -- title: Big nights
              -- description: Attack events where some source counts at least :min drones launched.
              -- date: event_date
              SELECT * FROM report_attack_events WHERE drones_launched_max >= :min

            Examples:
              conflictdb questions
              conflictdb questions --queries my-questions/
              conflictdb ask figure-disagreements
            """
    )

    @OptionGroup var queries: QueriesOption

    func run() throws {
        do {
            let list = try ConflictStore.Questions.all(queriesDir: queries.folder)
            let width = list.map(\.name.count).max() ?? 0
            for q in list {
                let pad = String(repeating: " ", count: width - q.name.count)
                var line = "\(q.name)\(pad)  \(q.title)"
                if !q.isShipped { line += " [\(q.path ?? "user")]" }
                writeOut(line + "\n")
                if !q.description.isEmpty { writeOut(String(repeating: " ", count: width + 2) + q.description + "\n") }
                if !q.parameters.isEmpty {
                    writeOut(String(repeating: " ", count: width + 2) + "parameters: " + q.parameters.map { ":" + $0 }.joined(separator: ", ") + "\n")
                }
            }
        } catch {
            fail(StoreError.message(for: error))
        }
    }
}
