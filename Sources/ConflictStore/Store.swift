import Foundation
import GRDB

/// Errors of the store, each with a one-line message.
public enum StoreError: Error, CustomStringConvertible {
    case missingDatabase(String)
    case schemaNewer(path: String, unknown: [String])
    case schemaOlder(path: String, pending: [String])
    case notConflictDB(String)
    case locked(String)
    case refused(String)
    case invalid(String)

    public var description: String {
        switch self {
        case let .missingDatabase(p):
            return "no database at \(p) (import articles first: conflictdb import --db \(p) PATH...)"
        case let .schemaNewer(p, unknown):
            return "database schema is newer than this conflictdb (\(p) has migrations \(unknown.joined(separator: ", ")) that this binary does not know); upgrade conflictdb"
        case let .schemaOlder(p, pending):
            return "database schema of \(p) is older than this conflictdb (missing \(pending.joined(separator: ", "))); run `conflictdb import --db \(p)` with any input to upgrade it"
        case let .notConflictDB(p):
            return "\(p) is not a conflictdb database"
        case let .locked(p):
            return "database is locked: another process is writing to \(p); try again when it has finished"
        case let .refused(why):
            return why
        case let .invalid(why):
            return why
        }
    }

    /// A one-line message for any error thrown by the store or by SQLite.
    public static func message(for error: Error, path: String = "the database") -> String {
        if let e = error as? StoreError { return e.description }
        if let e = error as? DatabaseError {
            if e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED { return StoreError.locked(path).description }
            if e.resultCode == .SQLITE_NOTADB { return StoreError.notConflictDB(path).description }
            return (e.message ?? "\(e.resultCode)").replacingOccurrences(of: "\n", with: " ")
        }
        return "\(error)".replacingOccurrences(of: "\n", with: " ")
    }
}

/// The conflictdb database: one SQLite file, WAL, foreign keys on, migrated on open.
public final class Store {
    public let path: String
    public let dbQueue: DatabaseQueue
    public let isReadonly: Bool

    /// The migrator over the embedded migrations (`migrations/*.sql`).
    public static func makeMigrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.eraseDatabaseOnSchemaChange = false
        for m in embeddedMigrations {
            let sql = m.sql
            migrator.registerMigration(m.name) { db in try db.execute(sql: sql) }
        }
        return migrator
    }

    public static var knownMigrations: [String] { embeddedMigrations.map(\.name) }

    /// Opens (creating if needed) a database for writing, and applies pending migrations.
    public static func open(path: String, busyTimeout: TimeInterval = 5) throws -> Store {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            try queue.read { db in try checkNotNewer(db, path: path) }
            try makeMigrator().migrate(queue)
            return Store(path: path, dbQueue: queue, readonly: false)
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError.invalid(StoreError.message(for: error, path: path))
        }
    }

    /// Opens an existing database read-only. Never creates the file.
    public static func openReadonly(path: String, busyTimeout: TimeInterval = 5) throws -> Store {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else {
            throw StoreError.missingDatabase(path)
        }
        var config = Configuration()
        config.readonly = true
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            try queue.read { db in
                guard try db.tableExists("grdb_migrations") else { throw StoreError.notConflictDB(path) }
                try checkNotNewer(db, path: path)
                let applied = try makeMigrator().appliedIdentifiers(db)
                let pending = knownMigrations.filter { !applied.contains($0) }
                if !pending.isEmpty { throw StoreError.schemaOlder(path: path, pending: pending) }
            }
            return Store(path: path, dbQueue: queue, readonly: true)
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError.invalid(StoreError.message(for: error, path: path))
        }
    }

    private static func checkNotNewer(_ db: Database, path: String) throws {
        guard try db.tableExists("grdb_migrations") else { return }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        let known = Set(knownMigrations)
        let unknown = applied.filter { !known.contains($0) }
        if !unknown.isEmpty { throw StoreError.schemaNewer(path: path, unknown: unknown) }
    }

    private init(path: String, dbQueue: DatabaseQueue, readonly: Bool) {
        self.path = path
        self.dbQueue = dbQueue
        self.isReadonly = readonly
    }

    /// Row counts of every table (for tests and `schema`).
    public func tableCounts() throws -> [String: Int] {
        try dbQueue.read { db in
            let names = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                AND name NOT LIKE 'sources_fts%' ORDER BY name
                """)
            var out: [String: Int] = [:]
            for n in names { out[n] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(n.quotedDatabaseIdentifier)") ?? 0 }
            return out
        }
    }
}
