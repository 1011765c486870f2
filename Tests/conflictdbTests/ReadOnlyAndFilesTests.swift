import Foundation
import GRDB
import Testing

/// The bytes of the database and of its write-ahead log and rollback journal, when they exist and are not
/// empty. (The -shm file is SQLite's shared-memory index, which every reader updates: it holds no data.)
func snapshot(_ db: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let dir = URL(fileURLWithPath: db).deletingLastPathComponent()
    for name in siblings(of: db) where !name.hasSuffix("-shm") {
        let data = try Data(contentsOf: dir.appendingPathComponent(name))
        if !data.isEmpty || !name.hasSuffix("-wal") { out[name] = data }
    }
    return out
}

/// Every write path through `query` is refused and leaves the database byte-for-byte unchanged.
/// (CLITests.queryIsReadOnly covers the first fourteen; these are the rest.)
@Suite("Read-only queries", .serialized)
struct ReadOnlyQueryTests {
    static let attempts: [String] = [
        // writes in every spelling
        "REPLACE INTO actors(id, name, kind) VALUES (1, 'x', 'person')",
        "INSERT OR REPLACE INTO codebook(object, \"column\", description) VALUES ('a', 'b', 'c')",
        "insert into sources_fts(sources_fts) values ('optimize')",
        "insert into sources_fts(sources_fts) values ('delete-all')",
        "/* a comment first */ DELETE FROM mentions",
        "-- line comment\nUPDATE actors SET name = 'x'",
        "WITH x AS (SELECT 1) DELETE FROM sources",
        "  dElEtE   from sources where 1",
        "DELETE FROM sources RETURNING id",
        "UPSERT INTO sources VALUES (1)",
        // schema
        "DROP VIEW report_sources",
        "DROP INDEX IF EXISTS places_identity",
        "CREATE INDEX i ON sources(title)",
        "CREATE VIEW v AS SELECT 1",
        "CREATE TRIGGER t AFTER INSERT ON sources BEGIN SELECT 1; END",
        "CREATE VIRTUAL TABLE v USING fts5(x)",
        "CREATE TEMP VIEW tv AS SELECT 1",
        "ALTER TABLE sources ADD COLUMN x",
        "ALTER TABLE sources RENAME TO s2",
        "ALTER TABLE actors RENAME COLUMN name TO n",
        // other databases and files
        "ATTACH DATABASE ':memory:' AS m",
        "attach 'file:other.db?mode=rwc' as o",
        "DETACH DATABASE temp",
        "SELECT * FROM pragma_optimize",
        "VACUUM INTO '/tmp/conflictdb-vacuum-into-test.db'",
        "VACUUM main",
        "REINDEX",
        "ANALYZE",
        // writable pragmas, every form
        "PRAGMA main.user_version = 1",
        "PRAGMA application_id = 42",
        "PRAGMA writable_schema = ON",
        "PRAGMA journal_mode(DELETE)",
        "PRAGMA wal_checkpoint(TRUNCATE)",
        "PRAGMA schema_version = 1",
        "pragma  auto_vacuum = full",
        "PRAGMA page_size=1024",
        "PRAGMA incremental_vacuum(10)",
        "PRAGMA optimize",
        "PRAGMA wal_checkpoint",
        // extensions
        "SELECT load_extension('libsqlite3_mod_spatialite')",
        "select LOAD_EXTENSION('/nonexistent/ext.so', 'sqlite3_ext_init')",
        // several statements in one string: the write is refused, even after reads
        "SELECT 1; DROP TABLE sources",
        "select count(*) from sources;\ninsert into actors(name, kind) values ('y', 'person');",
        "SELECT 1; ATTACH ':memory:' AS m",
        "SELECT 1; PRAGMA user_version = 3",
        "SELECT 1; VACUUM INTO '/tmp/conflictdb-vacuum-into-test-2.db'",
        // transactions cannot be used to smuggle anything
        "BEGIN IMMEDIATE; DELETE FROM sources; COMMIT",
        "SAVEPOINT s; DELETE FROM sources; RELEASE s",
    ]

    @Test func everyWritePathIsRefusedAndTheFileIsUnchanged() throws {
        let dir = try tempDir()
        let db = dir.appendingPathComponent("ro.db").path
        try TestArticles.writeBatch(4, to: dir.appendingPathComponent("batch"))
        #expect(try conflictdb(["import", dir.appendingPathComponent("batch").path], db: db).status == 0)
        let before = try snapshot(db)
        #expect(!before.isEmpty)
        for sql in Self.attempts {
            let r = try conflictdb(["query", "--db", db, "--", sql], cwd: dir)
            #expect(r.status == 1, "not refused: \(sql)\n\(r.stdout)")
            #expect(r.stderr.hasPrefix("conflictdb: error: "), "\(sql): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(sql): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(sql): printed results before refusing: \(r.stdout)")
            #expect(try snapshot(db) == before, "the database changed after: \(sql)")
            // the same through standard input
            let s = try conflictdb(["query", "-"], db: db, stdin: sql, cwd: dir)
            #expect(s.status == 1, "not refused from stdin: \(sql)")
        }
        #expect(try snapshot(db) == before)
        for leftover in ["/tmp/conflictdb-vacuum-into-test.db", "/tmp/conflictdb-vacuum-into-test-2.db", dir.appendingPathComponent("other.db").path] {
            #expect(!FileManager.default.fileExists(atPath: leftover), "\(leftover) was created")
        }
        // reads still work, including read-only pragmas and table-valued pragma functions
        for sql in ["PRAGMA table_info(sources)", "PRAGMA integrity_check", "SELECT * FROM pragma_table_list",
                    "PRAGMA user_version", "SELECT count(*) FROM sources; SELECT count(*) FROM mentions"] {
            let r = try conflictdb(["query", sql], db: db)
            #expect(r.status == 0, "\(sql): \(r.stderr)")
        }
        #expect(try snapshot(db) == before)
    }

    @Test func refusalsSayWhy() throws {
        let dir = try tempDir()
        let db = dir.appendingPathComponent("why.db").path
        try TestArticles.writeBatch(1, to: dir.appendingPathComponent("b"))
        #expect(try conflictdb(["import", dir.appendingPathComponent("b").path], db: db).status == 0)
        let cases = [("ATTACH ':memory:' AS m", "ATTACH is not allowed"), ("VACUUM INTO '/tmp/x.db'", "VACUUM is not allowed"),
                     ("PRAGMA user_version = 2", "PRAGMA user_version with a value is not allowed"),
                     ("DELETE FROM sources", "DELETE statements are not allowed"),
                     ("select load_extension('x')", "not authorized")]
        for (sql, why) in cases {
            let r = try conflictdb(["query", sql], db: db)
            #expect(r.stderr.contains("query is read-only") && r.stderr.contains(why), "\(sql): \(r.stderr)")
        }
    }
}

/// Database files that cannot be used: one clear line each, and no file created or changed.
@Suite("Database files", .serialized)
struct DatabaseFileTests {
    func article(_ dir: URL) throws -> String {
        try TestArticles.writeBatch(1, to: dir.appendingPathComponent("in"))
        return dir.appendingPathComponent("in/article-0000.md").path
    }

    func expectOneLine(_ r: Run, _ contains: String, _ what: String) {
        #expect(r.status == 1, "\(what): status \(r.status)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(what): \(r.stderr)")
        #expect(r.stderr.hasPrefix("conflictdb: error: ") && r.stderr.contains(contains), "\(what): \(r.stderr)")
    }

    @Test func notAnSQLiteFile() throws {
        let dir = try tempDir()
        let input = try article(dir)
        let db = dir.appendingPathComponent("notes.db")
        let text = Data("These are my notes, not a database.\n".utf8)
        try text.write(to: db)
        for args in [["import", input], ["query", "select 1"], ["export", "sources"], ["schema"]] {
            let r = try conflictdb(args, db: db.path)
            expectOneLine(r, "\(db.path) is not a conflictdb database", args[0])
            #expect(try Data(contentsOf: db) == text, "\(args[0]) changed the file")
            #expect(siblings(of: db.path) == ["notes.db"], "\(args[0]) left \(siblings(of: db.path))")
        }
        // a SQLite database of another application is not taken over either
        let other = dir.appendingPathComponent("other.db").path
        let q = try DatabaseQueue(path: other)
        try q.write { d in try d.execute(sql: "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)") }
        try q.close()
        let before = try snapshot(other)
        for args in [["import", input], ["query", "select * from invoices"]] {
            expectOneLine(try conflictdb(args, db: other), "is not a conflictdb database", args[0])
        }
        #expect(try snapshot(other) == before)
    }

    @Test func newerSchemaLeavesTheFileUntouched() throws {
        let dir = try tempDir()
        let input = try article(dir)
        let db = dir.appendingPathComponent("new.db").path
        #expect(try conflictdb(["import", input], db: db).status == 0)
        let q = try DatabaseQueue(path: db)
        try q.write { d in try d.execute(sql: "INSERT INTO grdb_migrations VALUES ('9999_from_the_future')") }
        try q.close()
        let before = try snapshot(db)
        for args in [["import", input], ["query", "select 1"], ["export", "sources"], ["schema"]] {
            expectOneLine(try conflictdb(args, db: db), "database schema is newer than this conflictdb", args[0])
        }
        #expect(try snapshot(db) == before)
    }

    @Test func missingParentFolder() throws {
        let dir = try tempDir()
        let input = try article(dir)
        let db = dir.appendingPathComponent("no/such/folder/x.db").path
        expectOneLine(try conflictdb(["import", input], db: db), "the folder \(dir.path)/no/such/folder does not exist", "import")
        expectOneLine(try conflictdb(["query", "select 1"], db: db), "no database at", "query")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("no").path))
        // a folder where the file should be
        let folder = dir.appendingPathComponent("folder.db")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        expectOneLine(try conflictdb(["import", input], db: folder.path), "is a folder", "import into a folder")
    }

    @Test(.enabled(if: unprivilegedPrefix != nil, "needs a non-root user or setpriv: root ignores file permissions"))
    func readOnlyFileAndFolder() throws {
        let prefix = unprivilegedPrefix!
        let dir = try sharedTempDir()
        let input = try article(dir)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.appendingPathComponent("in").path)
        // a read-only database file, in a writable folder
        let ro = dir.appendingPathComponent("ro.db").path
        #expect(try conflictdb(["import", input], db: ro).status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: ro)
        var before = try snapshot(ro)
        expectOneLine(try conflictdbUnprivileged(["import", input, "--db", ro], prefix: prefix), "cannot write to the database \(ro)", "read-only file")
        #expect(try snapshot(ro) == before)
        // it can still be queried
        let q = try conflictdbUnprivileged(["query", "--format", "csv", "select count(*) from sources", "--db", ro], prefix: prefix)
        #expect(q.status == 0 && q.stdout == "count(*)\r\n1\r\n", "query of a read-only file: \(q.stderr)")
        #expect(try snapshot(ro) == before)
        // a read-only folder: no new database in it, and an existing one is refused for writing but readable
        let folder = dir.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let inside = folder.appendingPathComponent("db.db").path
        #expect(try conflictdb(["import", input], db: inside).status == 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: inside)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        before = try snapshot(inside)
        let fresh = folder.appendingPathComponent("fresh.db").path
        expectOneLine(try conflictdbUnprivileged(["import", input, "--db", fresh], prefix: prefix), "is not writable", "read-only folder, new file")
        #expect(!FileManager.default.fileExists(atPath: fresh))
        expectOneLine(try conflictdbUnprivileged(["import", input, "--db", inside], prefix: prefix), "is not writable", "read-only folder, existing file")
        #expect(try snapshot(inside) == before)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
    }
}
