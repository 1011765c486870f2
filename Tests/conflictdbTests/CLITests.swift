import Foundation
import TestSupport
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `conflictdb` binary: $CONFLICTDB_BIN, else next to the test bundle in the build products.
let binary: URL = {
    if let b = ProcessInfo.processInfo.environment["CONFLICTDB_BIN"] { return URL(fileURLWithPath: b) }
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("conflictdb")
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return packageRoot.appendingPathComponent(".build/debug/conflictdb")
}()

struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

@discardableResult
func conflictdb(_ args: [String], db: String? = nil, stdin: String? = nil, cwd: URL? = nil, env extra: [String: String] = [:]) throws -> Run {
    let p = Process()
    p.executableURL = binary
    p.arguments = args + (db.map { ["--db", $0] } ?? [])
    if let cwd { p.currentDirectoryURL = cwd }
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "CONFLICTDB_PATH")
    env.merge(extra) { _, new in new }
    p.environment = env
    let out = Pipe(), err = Pipe(), inp = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = inp
    try p.run()
    if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
    try inp.fileHandleForWriting.close()
    // read before waiting so that large outputs cannot block the child
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

func tempDir() throws -> URL {
    try scratchDirectory("cli")
}

func counts(_ db: String) throws -> String {
    try conflictdb(["query", "--format", "csv", """
        select (select count(*) from sources), (select count(*) from mentions), (select count(*) from actors),
               (select count(*) from exchange_reports), (select count(*) from attack_reports),
               (select count(*) from talks_reports), (select count(*) from delegation_members),
               (select count(*) from places), (select count(*) from diagnostics)
        """], db: db).stdout
}

let seeds = packageRoot.appendingPathComponent("seeds").path

/// DESIGN §5, exactly.
let designHeaders: [String: String] = [
    "exchanges": "event_id,event_date,status,side_a,side_b,kind,returned_to_a,returned_to_b,total,civilians_to_a,civilians_to_b,qualifier,mediators,claimant,source_id,source_path,outlet,url,published,evidence",
    "attacks": "event_id,event_date,attacker,target_country,locations,targets,drones_launched,drones_downed,drones_hit,missiles_launched,missiles_downed,missiles_hit,killed,injured,qualifier,claimant,source_id,source_path,outlet,url,published,evidence",
    "talks": "talks_id,name,location,start_date,end_date,parties,mediators,source_id,source_path,outlet,evidence",
    "delegations": "talks_id,talks_name,location,start_date,side,member,role,source_id,source_path,outlet,evidence",
    "actors": "actor_id,name,kind,country,title,aliases,sources,mentions",
    "sources": "source_id,path,outlet,url,title,published,words,exchanges,attacks,talks",
]

@Suite("conflictdb binary", .serialized)
struct CLITests {
    @Test func versionAndHelp() throws {
        let v = try conflictdb(["--version"])
        #expect(v.status == 0)
        #expect(!v.stdout.isEmpty)
        for cmd in ["import", "query", "export", "schema"] {
            let h = try conflictdb([cmd, "--help"])
            #expect(h.status == 0)
            #expect(h.stdout.contains("Examples"))
        }
    }

    @Test func importSeedsTwiceIsIdempotent() throws {
        let db = try tempDir().appendingPathComponent("s.db").path
        let first = try conflictdb(["import", seeds], db: db)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasSuffix("2 imported, 0 unchanged, 0 replaced, 0 failed\n"))
        let before = try counts(db)
        let second = try conflictdb(["import", seeds], db: db)
        #expect(second.status == 0)
        #expect(second.stdout.hasSuffix("0 imported, 2 unchanged, 0 replaced, 0 failed\n"))
        #expect(try counts(db) == before)

        let q = try conflictdb(["query", "select outlet, published, title, url from sources order by path", "--format", "csv"], db: db)
        #expect(q.status == 0)
        let lines = q.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines[0] == "outlet,published,title,url")
        #expect(lines[1].hasPrefix(",2026-02-05,"))
        #expect(lines[2].hasPrefix("ABC News,2026-02-05,\"Ukraine, Russia conduct POW swap"))
        #expect(lines[2].contains("https://abcnews.go.com/"))
    }

    @Test func everyReportHasTheDesignHeader() throws {
        let db = try tempDir().appendingPathComponent("h.db").path
        try conflictdb(["import", seeds], db: db)
        for (report, header) in designHeaders {
            let r = try conflictdb(["export", report], db: db)
            #expect(r.status == 0, "\(report): \(r.stderr)")
            #expect(r.stdout.components(separatedBy: "\r\n").first == header, "\(report)")
            let j = try conflictdb(["export", report, "--format", "json"], db: db)
            #expect(j.status == 0)
            #expect(j.stdout.hasPrefix("["))
        }
        let s = try conflictdb(["export", "sources", "--format", "jsonl"], db: db)
        #expect(s.stdout.split(separator: "\n").count == 2)
        let out = try tempDir().appendingPathComponent("x.csv").path
        #expect(try conflictdb(["export", "sources", "--output", out], db: db).status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix(designHeaders["sources"]!))
        let since = try conflictdb(["export", "sources", "--since", "2026-02-06"], db: db)
        #expect(since.stdout == designHeaders["sources"]! + "\r\n")
    }

    @Test func badBatch() throws {
        let dir = try tempDir()
        let batch = dir.appendingPathComponent("batch")
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
        try Data().write(to: batch.appendingPathComponent("empty.md"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: batch.appendingPathComponent("image.txt"))
        try FileManager.default.copyItem(atPath: seeds + "/003_66e0c6b5db4e337e.txt", toPath: batch.appendingPathComponent("good.md").path)
        try Data("ignored".utf8).write(to: batch.appendingPathComponent("notes.pdf"))
        try Data().write(to: batch.appendingPathComponent(".hidden.md"))
        let db = dir.appendingPathComponent("b.db").path
        let r = try conflictdb(["import", batch.path], db: db)
        #expect(r.status != 0)
        #expect(r.stdout.hasSuffix("1 imported, 0 unchanged, 0 replaced, 2 failed\n"))
        #expect(r.stderr.contains("empty.md: empty file"))
        #expect(r.stderr.contains("image.txt: binary file"))
        #expect(try conflictdb(["query", "--format", "csv", "select count(*) from sources"], db: db).stdout == "count(*)\r\n1\r\n")
    }

    @Test func plainDateLineAndJSONLFromTheCommandLine() throws {
        let dir = try tempDir()
        let plain = dir.appendingPathComponent("plain.txt")
        try Data("Officials said talks would continue next week.\n".utf8).write(to: plain)
        let jsonl = dir.appendingPathComponent("batch.jsonl")
        try Data("""
            {"title": "One - Test Wire", "url": "https://testwire.com/1", "date": "2026-01-10", "text": "First article text."}
            not json
            {"title": "Two", "url": "https://testwire.com/2", "outlet": "Test Wire", "date": "2026-01-11", "text": "Second article text."}

            """.utf8).write(to: jsonl)
        let db = dir.appendingPathComponent("p.db").path
        let r = try conflictdb(["import", plain.path, jsonl.path], db: db)
        #expect(r.status != 0)
        #expect(r.stdout.hasSuffix("3 imported, 0 unchanged, 0 replaced, 1 failed\n"))
        #expect(r.stderr.contains("batch.jsonl:2: not a JSON article object"))
        #expect(r.stderr.contains("plain.txt: warning: no header"))
        let q = try conflictdb(["query", "--format", "jsonl", "select path, outlet, published, format from sources order by id"], db: db)
        let lines = q.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].contains("\"published\": null"))
        #expect(lines[1].contains("\"outlet\": \"Test Wire\""))
        #expect(lines[1].contains("batch.jsonl:1"))
        // --date supplies the missing date
        let db2 = dir.appendingPathComponent("p2.db").path
        let r2 = try conflictdb(["import", "--date", "2026-01-09", plain.path], db: db2)
        #expect(r2.status == 0)
        #expect(try conflictdb(["query", "--format", "csv", "select published from sources"], db: db2).stdout == "published\r\n2026-01-09\r\n")
        #expect(try conflictdb(["import", "--date", "yesterday", plain.path], db: db2).status != 0)
    }

    @Test func replaceOnChange() throws {
        let dir = try tempDir()
        let file = dir.appendingPathComponent("a.md")
        func write(_ body: String) throws {
            try Data("---\ntitle: Test article\nsource: https://example.org/a\ndate: 2026-02-05\n---\n\(body)\n".utf8).write(to: file)
        }
        let db = dir.appendingPathComponent("r.db").path
        try write("First version of the text.")
        #expect(try conflictdb(["import", file.path], db: db).stdout.hasSuffix("1 imported, 0 unchanged, 0 replaced, 0 failed\n"))
        try write("Second version of the text, corrected.")
        #expect(try conflictdb(["import", file.path], db: db).stdout.hasSuffix("0 imported, 0 unchanged, 1 replaced, 0 failed\n"))
        let q = try conflictdb(["query", "--format", "csv", "select count(*) n, max(body) b from sources"], db: db)
        #expect(q.stdout == "n,b\r\n1,\"Second version of the text, corrected.\"\r\n")
        let fts = try conflictdb(["query", "--format", "csv", "select count(*) from sources_fts where sources_fts match 'corrected'"], db: db)
        #expect(fts.stdout == "count(*)\r\n1\r\n")
        let old = try conflictdb(["query", "--format", "csv", "select count(*) from sources_fts where sources_fts match 'first'"], db: db)
        #expect(old.stdout == "count(*)\r\n0\r\n")
        // without a URL, the path is the identity
        let plain = dir.appendingPathComponent("p.txt")
        try Data(" date 2026-02-05 One text.".utf8).write(to: plain)
        #expect(try conflictdb(["import", plain.path], db: db).stdout.hasSuffix("1 imported, 0 unchanged, 0 replaced, 0 failed\n"))
        try Data(" date 2026-02-05 Another text.".utf8).write(to: plain)
        #expect(try conflictdb(["import", plain.path], db: db).stdout.hasSuffix("0 imported, 0 unchanged, 1 replaced, 0 failed\n"))
        #expect(try conflictdb(["query", "--format", "csv", "select count(*) from sources"], db: db).stdout == "count(*)\r\n2\r\n")
    }

    @Test func queryIsReadOnly() throws {
        let dir = try tempDir()
        let db = dir.appendingPathComponent("q.db").path
        try conflictdb(["import", seeds], db: db)
        let before = try counts(db)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        let attempts = [
            "delete from sources", "drop table sources", "attach '\(dir.path)/x.db' as x", "insert into actors(name, kind) values ('x', 'person')",
            "update sources set title = 'x'", "create table t(x)", "pragma user_version = 7", "pragma journal_mode = delete",
            "select load_extension('/tmp/nothing')", "vacuum", "select 1; delete from sources", "create temp table t(x)",
            "detach main", "pragma foreign_keys(0)",
        ]
        for sql in attempts {
            let r = try conflictdb(["query", sql], db: db)
            #expect(r.status == 1, "\(sql) was not refused")
            #expect(r.stderr.hasPrefix("conflictdb: error: "), "\(sql): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(sql): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        #expect(try counts(db) == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == bytes)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.db").path))
        // errors carry the SQLite message
        let bad = try conflictdb(["query", "select * from nowhere"], db: db)
        #expect(bad.stderr == "conflictdb: error: no such table: nowhere\n")
        // parameters and stdin
        let p = try conflictdb(["query", "--format", "csv", "-p", "d", "2026-02-05", "select count(*) from sources where published = :d"], db: db)
        #expect(p.stdout == "count(*)\r\n2\r\n")
        let p2 = try conflictdb(["query", "select :a || '-' || :b as v", "-p", "a", "x", "--param", "b=y", "--format", "csv"], db: db)
        #expect(p2.stdout == "v\r\nx-y\r\n")
        let s = try conflictdb(["query", "--format", "csv", "-"], db: db, stdin: "select count(*) from sources")
        #expect(s.stdout == "count(*)\r\n2\r\n")
        let t = try conflictdb(["query", "pragma table_info(sources)"], db: db)
        #expect(t.status == 0)
    }

    @Test func missingDatabaseIsNotCreated() throws {
        let dir = try tempDir()
        let db = dir.appendingPathComponent("none.db").path
        for args in [["query", "select 1"], ["export", "sources"], ["schema"]] {
            let r = try conflictdb(args, db: db)
            #expect(r.status == 1)
            #expect(r.stderr.contains("no database at"))
        }
        #expect(!FileManager.default.fileExists(atPath: db))
        // default path: ./conflict.db in the working directory
        let r = try conflictdb(["import", seeds], cwd: dir)
        #expect(r.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("conflict.db").path))
    }

    @Test func formulaCellsAreNeutralized() throws {
        let dir = try tempDir()
        let file = dir.appendingPathComponent("f.md")
        try Data("---\ntitle: \"=HYPERLINK(\\\"http://x\\\")\"\noutlet: \"@outlet\"\ndate: 2026-02-05\n---\nBody.\n".utf8).write(to: file)
        let db = dir.appendingPathComponent("f.db").path
        #expect(try conflictdb(["import", file.path], db: db).status == 0)
        let r = try conflictdb(["export", "sources"], db: db)
        #expect(r.stdout.contains("'@outlet"))
        #expect(r.stdout.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        let q = try conflictdb(["query", "--format", "csv", "select '-5' a, '-x' b, '+1' c, 'ok' d"], db: db)
        #expect(q.stdout == "a,b,c,d\r\n-5,'-x,+1,ok\r\n")
        let j = try conflictdb(["export", "sources", "--format", "json"], db: db)
        #expect(j.stdout.contains("\"@outlet\""))
    }

    @Test func schemaDescribesEveryReport() throws {
        let db = try tempDir().appendingPathComponent("c.db").path
        try conflictdb(["import", seeds], db: db)
        let r = try conflictdb(["schema"], db: db)
        #expect(r.status == 0)
        for report in designHeaders.keys { #expect(r.stdout.contains("view report_\(report) -- ")) }
        #expect(r.stdout.contains("table sources -- "))
    }

    @Test func newerSchemaIsRefused() throws {
        let db = try tempDir().appendingPathComponent("n.db").path
        try conflictdb(["import", seeds], db: db)
        // make the database newer than the binary
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"insert into grdb_migrations values ('9999_future')\"); c.commit()", db]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        for args in [["import", seeds], ["export", "sources"], ["query", "select 1"]] {
            let r = try conflictdb(args, db: db)
            #expect(r.status != 0)
            #expect(r.stderr.contains("database schema is newer than this conflictdb"), "\(args): \(r.stderr)")
        }
    }
}

/// The same article gives the same output in every process. Swift seeds its hashing per process, so a
/// choice made by a dictionary's order (a tie between two countries' places) changed from run to run.
@Suite("Determinism across processes")
struct DeterminismTests {
    @Test func aTieBetweenTwoCountriesIsBrokenTheSameWayEveryTime() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("tie.txt")
        try Data(" date 2026-04-16 Talks in Riyadh continue as a drone attack injures five in Kharkiv.\n".utf8).write(to: file)
        let outputs = try (0..<8).map { _ in try conflictdb(["inspect", "--format", "json", file.path]).stdout }
        #expect(Set(outputs).count == 1)
        // and the country at war wins the tie
        #expect(outputs[0].contains("\"targetCountry\" : \"UKR\"") || outputs[0].contains("\"targetCountry\":\"UKR\""), "\(outputs[0].prefix(600))")
    }
}
