import Foundation
import GRDB

/// Errors of the store, each with a one-line message.
public enum StoreError: Error, CustomStringConvertible {
    case missingDatabase(String)
    case schemaNewer(path: String, unknown: [String])
    case schemaOlder(path: String, pending: [String])
    case notConflictDB(String)
    case notSQLite(String)
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
        case let .notSQLite(p):
            return "\(p) is not a conflictdb database (not an SQLite file); give another --db path"
        case let .locked(p):
            return "database is locked: another process is writing to \(p) and did not finish within the busy timeout (--busy-timeout); try again when it has finished"
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
            if e.resultCode == .SQLITE_NOTADB { return StoreError.notSQLite(path).description }
            if e.resultCode == .SQLITE_READONLY {
                return "cannot write to the database \(path): the file or its folder is read-only"
            }
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

    /// How long a command waits for another process's write lock before giving up (seconds).
    public static let defaultBusyTimeout: TimeInterval = 5

    /// Opens (creating if needed) a database for writing, and applies pending migrations.
    /// Refuses, with one line and without creating or changing any file: a missing or read-only folder,
    /// a read-only file, a file that is not SQLite, a SQLite database of another application, and a
    /// database newer than this binary. A database file this call created is removed again if it fails.
    public static func open(path: String, busyTimeout: TimeInterval = defaultBusyTimeout) throws -> Store {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let existed = fm.fileExists(atPath: path, isDirectory: &isDir)
        if existed && isDir.boolValue { throw StoreError.invalid("\(path) is a folder, not a database file") }
        if existed {
            if access(path, R_OK | W_OK) != 0 {
                throw StoreError.invalid("cannot write to the database \(path): \(String(cString: strerror(errno)))")
            }
            try checkIsSQLite(path)
            // The -wal and -shm files are created next to the database: the folder must be writable too.
            let folder = (URL(fileURLWithPath: path).deletingLastPathComponent().path as NSString).standardizingPath
            if access(folder, W_OK | X_OK) != 0,
               !["-wal", "-shm"].allSatisfy({ access(path + $0, R_OK | W_OK) == 0 }) {
                throw StoreError.invalid("cannot write to the database \(path): its folder \(folder) is not writable (SQLite keeps its journal there)")
            }
            // Checked on a read-only connection first: opening for writing switches the file to WAL,
            // which must not happen to a database this binary will refuse.
            if (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0 > 0 {
                var ro = Configuration()
                ro.readonly = true
                ro.busyMode = .timeout(busyTimeout)
                do {
                    let probe = try DatabaseQueue(path: path, configuration: ro)
                    defer { try? probe.close() }
                    try probe.read { db in
                        try checkNotNewer(db, path: path)
                        try checkIsConflictDB(db, path: path)
                    }
                } catch let e as StoreError {
                    throw e
                } catch {
                    throw StoreError.invalid(StoreError.message(for: error, path: path))
                }
            }
        } else {
            let parent = (URL(fileURLWithPath: path).deletingLastPathComponent().path as NSString).standardizingPath
            var parentIsDir: ObjCBool = false
            guard fm.fileExists(atPath: parent, isDirectory: &parentIsDir), parentIsDir.boolValue else {
                throw StoreError.invalid("cannot create the database \(path): the folder \(parent) does not exist")
            }
            if access(parent, W_OK | X_OK) != 0 {
                throw StoreError.invalid("cannot create the database \(path): the folder \(parent) is not writable (\(String(cString: strerror(errno))))")
            }
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 64 MB of page cache (SQLite's default is 2 MB): at 100k articles the indexes written at random
            // places (sha256, actors, places, event look-ups) no longer fit 2 MB, and every insert re-reads pages.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Checkpoint every 256 MB of WAL instead of 4 MB: pages written by many transactions are copied
            // into the database file once instead of over and over (commit time at 10k articles halved with
            // 64 MB; 256 MB took a further 14% off adding 5,000 articles to a 100k database, BENCHMARKS.md).
            // The WAL file is kept at most 256 MB after a checkpoint; an import ends with a checkpoint, and
            // closing the last connection removes the file.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 65536")
            try db.execute(sql: "PRAGMA journal_size_limit = 268435456")
        }
        var queue: DatabaseQueue?
        do {
            let q = try DatabaseQueue(path: path, configuration: config)
            queue = q
            try q.read { db in
                try checkNotNewer(db, path: path)
                try checkIsConflictDB(db, path: path)
            }
            try migrate(q, path: path)
            return Store(path: path, dbQueue: q, readonly: false)
        } catch {
            if !existed {
                try? queue?.close()
                for suffix in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: path + suffix) }
            }
            if let e = error as? StoreError { throw e }
            throw StoreError.invalid(StoreError.message(for: error, path: path))
        }
    }

    /// Applies pending migrations. Two processes may open a new database at once: GRDB checks what is
    /// applied outside the migration's transaction, so the slower one can try a migration the other has just
    /// committed. Then it tries again, as long as the other process is making progress.
    private static func migrate(_ queue: DatabaseQueue, path: String) throws {
        let migrator = makeMigrator()
        var lastApplied: Set<String>?
        for attempt in 0..<50 {
            do {
                try migrator.migrate(queue)
                return
            } catch {
                let applied = (try? queue.read { db in try migrator.appliedIdentifiers(db) }) ?? []
                if applied == Set(knownMigrations) { return }
                if attempt > 0, let last = lastApplied, applied == last { throw error }
                lastApplied = applied
                usleep(100_000)
            }
        }
    }

    /// A SQLite database with tables but no migrations table belongs to another application.
    private static func checkIsConflictDB(_ db: Database, path: String) throws {
        if try !db.tableExists("grdb_migrations"),
           try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'") ?? 0 > 0 {
            throw StoreError.notConflictDB(path)
        }
    }

    /// Refuses a file that is not an SQLite database before SQLite touches it.
    private static func checkIsSQLite(_ path: String) throws {
        guard let h = FileHandle(forReadingAtPath: path) else { return }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 16)) ?? Data()
        if head.isEmpty { return } // an empty file becomes a new database
        if head != Data("SQLite format 3\0".utf8) { throw StoreError.notSQLite(path) }
    }

    /// Opens an existing database read-only. Never creates the file.
    public static func openReadonly(path: String, busyTimeout: TimeInterval = 5) throws -> Store {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else {
            throw StoreError.missingDatabase(path)
        }
        try checkIsSQLite(path)
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

    /// Which of `paths` are the path of a stored source.
    public func paths(among paths: [String]) throws -> Set<String> {
        try dbQueue.read { db in
            var found: Set<String> = []
            let stmt = try db.makeStatement(sql: "SELECT 1 FROM sources WHERE path = ? LIMIT 1")
            for p in paths where try Int.fetchOne(stmt, arguments: [p]) != nil { found.insert(p) }
            return found
        }
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
