import Foundation
import GRDB
import GRDBSQLite

/// A cached INSERT bound and stepped through the SQLite C API: the writer's hot path (dozens of mentions
/// per article), without building a `StatementArguments` array of `DatabaseValue`s for every row.
/// The statement comes from GRDB's statement cache and is reset after every use, so GRDB can keep using it.
struct RawInsert {
    private let statement: Statement
    private let stmt: OpaquePointer
    private let db: Database
    private var index: Int32 = 0

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
        stmt = statement.sqliteStatement
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
    }

    mutating func bind(_ v: Int64?) {
        index += 1
        if let v { sqlite3_bind_int64(stmt, index, v) } else { sqlite3_bind_null(stmt, index) }
    }

    mutating func bind(_ v: Int?) { bind(v.map(Int64.init)) }

    mutating func bind(_ v: String?) {
        index += 1
        guard var v else { sqlite3_bind_null(stmt, index); return }
        let i = index
        v.withUTF8 { buf in
            if let base = buf.baseAddress {
                _ = sqlite3_bind_text(stmt, i, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                      Int32(buf.count), Self.transient)
            } else {
                _ = sqlite3_bind_text(stmt, i, "", 0, Self.transient)
            }
        }
    }

    /// Steps the statement and resets it. Throws GRDB's `DatabaseError` on failure (constraint, I/O...).
    mutating func run() throws {
        let rc = sqlite3_step(stmt)
        index = 0
        guard rc == SQLITE_DONE || rc == SQLITE_ROW else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            // the extended code (e.g. SQLITE_CONSTRAINT_FOREIGNKEY), as GRDB reports it
            let code = sqlite3_extended_errcode(db.sqliteConnection)
            sqlite3_reset(stmt)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        sqlite3_reset(stmt)
    }
}
