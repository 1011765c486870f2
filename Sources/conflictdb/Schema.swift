import ArgumentParser
import ConflictStore
import Foundation
import GRDB

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List tables, views and columns, with the description of each (from the codebook table).",
        discussion: """
            Examples:
              conflictdb schema
              conflictdb query "select * from codebook where object = 'report_attacks'"
            """
    )

    @OptionGroup var database: DatabaseOption

    func run() throws {
        do {
            let store = try Store.openReadonly(path: database.path, busyTimeout: database.busyTimeout)
            writeOut(try SchemaDescription.text(store))
        } catch {
            fail(StoreError.message(for: error, path: database.path))
        }
    }
}
