import Foundation
import GRDB

/// Runs user SQL read-only. Three fences: the connection is opened read-only, every statement
/// must be read-only for SQLite (`sqlite3_stmt_readonly`), and ATTACH/DETACH, VACUUM, writable
/// PRAGMAs are refused by name. Extension loading is never enabled.
public struct QueryRunner {
    public let store: Store

    public init(store: Store) {
        precondition(store.isReadonly, "QueryRunner needs a store opened with Store.openReadonly")
        self.store = store
    }

    static let refusedKeywords: Set<String> = ["ATTACH", "DETACH", "VACUUM", "REINDEX", "ANALYZE"]
    static let readonlyPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
        "foreign_key_check", "integrity_check", "quick_check", "function_list", "pragma_list", "module_list",
        "collation_list", "database_list", "compile_options",
    ]

    /// Pragmas that change the database even when given no value.
    static let writingPragmas = ["optimize", "wal_checkpoint", "incremental_vacuum"]

    /// The first keyword of a statement, comments skipped, uppercased.
    static func firstKeyword(_ sql: String) -> String {
        var s = Substring(sql)
        while true {
            s = s.drop { $0.isWhitespace }
            if s.hasPrefix("--") { s = s.drop { $0 != "\n" }; continue }
            if s.hasPrefix("/*") {
                if let r = s.range(of: "*/") { s = s[r.upperBound...] } else { s = "" }
                continue
            }
            break
        }
        return String(s.prefix { $0.isLetter || $0 == "_" }).uppercased()
    }

    /// Throws `StoreError.refused` when a statement could change anything.
    static func check(_ statement: Statement) throws {
        let sql = statement.sql
        let keyword = firstKeyword(sql)
        if refusedKeywords.contains(keyword) {
            throw StoreError.refused("query is read-only: \(keyword) is not allowed")
        }
        if keyword == "PRAGMA" || keyword == "SELECT" || keyword == "WITH" {
            // pragmas that write even without a value, as statements or as table-valued functions
            let lower = sql.lowercased()
            for p in writingPragmas where lower.range(of: "\\b(pragma\\s+(\\w+\\.)?|pragma_)\(p)\\b", options: .regularExpression) != nil {
                throw StoreError.refused("query is read-only: PRAGMA \(p) is not allowed")
            }
        }
        if keyword == "PRAGMA" {
            let afterPragma = sql.range(of: "pragma", options: .caseInsensitive).map { sql[$0.upperBound...] } ?? ""
            var name = afterPragma.drop { $0.isWhitespace }.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
            if let dot = name.lastIndex(of: ".") { name = name[name.index(after: dot)...] }
            let hasValue = afterPragma.contains("=") || afterPragma.contains("(")
            if hasValue && !readonlyPragmas.contains(name.lowercased()) {
                throw StoreError.refused("query is read-only: PRAGMA \(name) with a value is not allowed")
            }
        }
        if !statement.isReadonly {
            throw StoreError.refused("query is read-only: \(keyword.isEmpty ? "this statement" : keyword) statements are not allowed (use conflictdb import to change the database)")
        }
    }

    /// Runs every statement of `sql` (after checking them all) and returns the result sets of those that return rows.
    public func run(sql: String, parameters: [(String, String)] = []) throws -> [ResultTable] {
        var named: [String: (any DatabaseValueConvertible)?] = [:]
        for (k, v) in parameters {
            let key = k.drop { ":$@".contains($0) }
            named[String(key)] = Int64(v).map { $0 as any DatabaseValueConvertible } ?? v
        }
        do {
            return try runChecked(sql: sql, args: StatementArguments(named))
        } catch let e as DatabaseError where e.resultCode == .SQLITE_AUTH || e.resultCode == .SQLITE_READONLY {
            throw StoreError.refused("query is read-only: \(e.message ?? "not authorized")")
        } catch let e as DatabaseError where (e.message ?? "").contains("not authorized") {
            throw StoreError.refused("query is read-only: \(e.message ?? "not authorized") (extension loading is disabled)")
        }
    }

    private func runChecked(sql: String, args: StatementArguments) throws -> [ResultTable] {
        try store.dbQueue.read { db in
            var statements: [Statement] = []
            let cursor = try db.allStatements(sql: sql)
            while let s = try cursor.next() {
                try Self.check(s)
                statements.append(s)
            }
            if statements.isEmpty { throw StoreError.invalid("no SQL statement given") }
            var tables: [ResultTable] = []
            for s in statements {
                if s.columnCount > 0 {
                    let rows = try Row.fetchAll(s, arguments: args).map { Array($0.databaseValues) }
                    tables.append(ResultTable(columns: s.columnNames, rows: rows))
                } else {
                    try s.execute(arguments: args)
                }
            }
            return tables
        }
    }
}
