import Foundation
import GRDB
import Testing

/// An article that crashes extraction (a runtime trap, which Swift cannot catch) costs that article only:
/// `conflictdb import` runs in a child process, names the article that crashed, and imports the rest.
/// The crash is injected with the test hook `CONFLICTDB_TEST_CRASH_MARKER` (extraction traps on an
/// article whose text contains the marker).
@Suite("Crash isolation", .serialized)
struct CrashIsolationTests {
    static let marker = "XQZ-CRASH-HERE"

    func run(_ args: [String], db: String, env: [String: String]) throws -> Run {
        try conflictdb(args, db: db, env: env)
    }

    /// Twelve articles (every third one with the marker when `crashing`), a JSON Lines batch of three (the
    /// second with the marker) and a binary file.
    func batch(in dir: URL, crashing: Bool) throws -> URL {
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for i in 1...12 {
            let extra = crashing && i % 3 == 0 ? " " + Self.marker : ""
            let text = """
                ---
                title: Strike \(i)
                date: 2026-03-\(String(format: "%02d", i))
                ---

                Russia launched \(10 + i) drones at Ukraine overnight, and air defenses shot down \(i) of them, the air force said.\(extra)
                """
            try Data(text.utf8).write(to: input.appendingPathComponent(String(format: "a%02d.md", i)))
        }
        let lines = (1...3).map { i in
            "{\"title\":\"Line \(i)\",\"date\":\"2026-04-0\(i)\",\"text\":\"Ukraine said \(i * 7) drones were downed over the Kharkiv region.\(crashing && i == 2 ? " " + Self.marker : "")\"}"
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input.appendingPathComponent("b.jsonl"))
        try Data([0, 1, 2, 3]).write(to: input.appendingPathComponent("c.txt"))
        return input
    }

    func storedPaths(_ db: String) throws -> [String] {
        try inspectDatabase(db) { d in try String.fetchAll(d, sql: "SELECT path FROM sources ORDER BY path") }
    }

    @Test func crashingArticlesAreNamedAndTheRestIsImported() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try batch(in: dir, crashing: true)
        let db = dir.appendingPathComponent("t.db").path
        let env = ["CONFLICTDB_TEST_CRASH_MARKER": Self.marker]
        // small transactions, so that some are committed before the first crash
        let r = try run(["import", "--batch-size", "2", input.path], db: db, env: env)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout == "10 imported, 0 unchanged, 0 replaced, 6 failed\n", "\(r.stdout)\n\(r.stderr)")
        let crashed = ["a03.md", "a06.md", "a09.md", "a12.md", "b.jsonl:2"].map { input.path + "/" + $0 }
        for path in crashed {
            // reported once, by name, as the article's failure
            let line = "\(path): extraction crashed on this article (SIGILL, a runtime trap): not imported; please report it"
            #expect(r.stderr.components(separatedBy: "\n").filter { $0 == line }.count == 1, "\(path)\n\(r.stderr)")
        }
        // the other failure is reported once, though the import ran six times
        #expect(r.stderr.components(separatedBy: "c.txt: binary file").count == 2, "\(r.stderr)")
        let expected = ([1, 2, 4, 5, 7, 8, 10, 11].map { input.path + String(format: "/a%02d.md", $0) }
                        + [input.path + "/b.jsonl:1", input.path + "/b.jsonl:3"]).sorted()
        #expect(try storedPaths(db) == expected)
        let (integrity, withReports) = try inspectDatabase(db) { d in
            (try String.fetchOne(d, sql: "PRAGMA integrity_check"),
             try Int.fetchOne(d, sql: "SELECT count(DISTINCT source_id) FROM attack_reports"))
        }
        #expect(integrity == "ok")
        // every stored article has its attack: nothing half-written
        #expect(withReports == 10)
        // the same batch again: everything stored is unchanged, the crashing articles fail again
        let again = try run(["import", input.path], db: db, env: env)
        #expect(again.stdout == "0 imported, 10 unchanged, 0 replaced, 6 failed\n", "\(again.stdout)\n\(again.stderr)\nstatus \(again.status)")
    }

    @Test func anArticleStoredRightBeforeACrashIsReportedAsImported() throws {
        // a child that crashed after a commit and before reporting it left "will-imported PATH" in the journal:
        // the next child finds the article stored ('unchanged') and reports what the crashed one did
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try batch(in: dir, crashing: false)
        let a = input.appendingPathComponent("a01.md").path, b = input.appendingPathComponent("a02.md").path
        let db = dir.appendingPathComponent("t.db").path
        let first = try run(["import", a], db: db, env: [:])
        #expect(first.stdout == "1 imported, 0 unchanged, 0 replaced, 0 failed\n", "\(first.stdout)\(first.stderr)")
        let work = dir.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try Data("will-imported\t\(a)\n".utf8).write(to: work.appendingPathComponent("journal"))
        // run as the supervising parent's next child would be run
        let r = try run(["import", a, b], db: db, env: ["CONFLICTDB_IMPORT_CHILD": work.path])
        #expect(r.stdout == "2 imported, 0 unchanged, 0 replaced, 0 failed\n", "\(r.stdout)\(r.stderr)")
        let journal = try String(contentsOf: work.appendingPathComponent("journal"), encoding: .utf8)
        #expect(journal.contains("imported\t\(a)\n") && journal.contains("will-imported\t\(b)\n") && journal.contains("imported\t\(b)\n"), "\(journal)")
        // an article the journal only announced, and that is not stored (its commit was rolled back), is
        // imported as usual
        let c = input.appendingPathComponent("a03.md").path
        try Data("will-imported\t\(c)\n".utf8).write(to: work.appendingPathComponent("journal"))
        let again = try run(["import", c], db: db, env: ["CONFLICTDB_IMPORT_CHILD": work.path])
        #expect(again.stdout == "1 imported, 0 unchanged, 0 replaced, 0 failed\n", "\(again.stdout)\(again.stderr)")
    }

    @Test func theWorkingFolderIsRemovedHoweverTheImportEnds() throws {
        // the supervising parent keeps its journal in a folder under TMPDIR: a clean import, an import
        // whose children crash, and a refused one must all leave TMPDIR as they found it
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmp = dir.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        let clean = try batch(in: dir.appendingPathComponent("clean"), crashing: false)
        let crashing = try batch(in: dir.appendingPathComponent("crashing"), crashing: true)
        let db = dir.appendingPathComponent("t.db").path
        let env = ["CONFLICTDB_TEST_CRASH_MARKER": Self.marker, "TMPDIR": tmp.path]
        let ok = try run(["import", clean.path], db: db, env: env)
        #expect(ok.status == 1, "\(ok.stderr)")  // the binary file fails
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == [])
        let crashed = try run(["import", crashing.path], db: db, env: env)
        #expect(crashed.stderr.contains("crashed the import"), "\(crashed.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == [])
        // an import killed with SIGKILL cannot remove its folder: the next import removes it, and leaves
        // alone the folder of an import still running (this test process stands in for one)
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let stale = "conflictdb-import-\(gone.processIdentifier)-0A0A0A0A-0000-0000-0000-000000000000"
        let live = "conflictdb-import-\(getpid())-0B0B0B0B-0000-0000-0000-000000000000"
        for name in [stale, live] {
            try FileManager.default.createDirectory(at: tmp.appendingPathComponent(name), withIntermediateDirectories: true)
            try Data("imported\tx.md\n".utf8).write(to: tmp.appendingPathComponent(name).appendingPathComponent("journal"))
        }
        _ = try run(["import", clean.path], db: db, env: env)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == [live])
    }

    @Test func articlesThatCrashAtOnceAreAllNamed() throws {
        // every article crashes: the extraction threads trap at nearly the same moment, and each crash must
        // still be pinned on its article (no "the import crashed" without a name)
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for i in 1...8 {
            try Data("date 2026-05-0\(i) Officials said \(i) drones were shot down. \(Self.marker)".utf8)
                .write(to: input.appendingPathComponent("c\(i).txt"))
        }
        let r = try run(["import", input.path], db: dir.appendingPathComponent("t.db").path, env: ["CONFLICTDB_TEST_CRASH_MARKER": Self.marker])
        #expect(r.status == 1)
        #expect(r.stdout == "0 imported, 0 unchanged, 0 replaced, 8 failed\n", "\(r.stdout)\n\(r.stderr)")
        #expect(r.stderr.components(separatedBy: ": extraction crashed on this article").count == 9, "\(r.stderr)")
    }

    @Test func withoutACrashTheOutputIsTheSameAsInOneProcess() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try batch(in: dir, crashing: false)
        let isolated = try run(["import", "--batch-size", "2", input.path], db: dir.appendingPathComponent("a.db").path, env: [:])
        let inProcess = try run(["import", "--batch-size", "2", input.path], db: dir.appendingPathComponent("b.db").path,
                                env: ["CONFLICTDB_ISOLATION": "off"])
        #expect(isolated.status == 1 && inProcess.status == 1)
        #expect(isolated.stdout == "15 imported, 0 unchanged, 0 replaced, 1 failed\n")
        #expect(isolated.stdout == inProcess.stdout)
        #expect(isolated.stderr == inProcess.stderr)
        #expect(try storedPaths(dir.appendingPathComponent("a.db").path) == (try storedPaths(dir.appendingPathComponent("b.db").path)))
    }

    @Test func inOneProcessACrashEndsTheImport() throws {
        // what isolation is for: the same batch with isolation off loses the import at the first crash
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try batch(in: dir, crashing: true)
        let db = dir.appendingPathComponent("t.db").path
        let r = try run(["import", "--batch-size", "2", input.path], db: db,
                        env: ["CONFLICTDB_TEST_CRASH_MARKER": Self.marker, "CONFLICTDB_ISOLATION": "off", "SWIFT_BACKTRACE": "enable=no"])
        #expect(r.status != 0 && r.status != 1)
        #expect(r.stdout.isEmpty)
        #expect(try storedPaths(db).count < 10)
    }
}
