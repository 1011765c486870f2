import Foundation
import GRDB
import Testing

/// SIGKILL an import at random moments (fixed seed): the database must stay intact, hold only whole
/// articles, and converge to the uninterrupted result when the import is run again.
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    static let articles = 200
    static let kills = 20
    static let killsPerSequence = 5

    @Test func killedImportsLeaveWholeArticlesAndConverge() throws {
        let dir = try tempDir()
        let batch = dir.appendingPathComponent("batch")
        try TestArticles.writeBatch(Self.articles, to: batch)

        // the uninterrupted reference
        let refDB = dir.appendingPathComponent("reference.db").path
        let t0 = Date()
        let ref = try conflictdb(["import", "--batch-size", "10", batch.path], db: refDB)
        let duration = Date().timeIntervalSince(t0)
        #expect(ref.status == 0, "\(ref.stderr)")
        #expect(ref.stdout.hasSuffix("\(Self.articles) imported, 0 unchanged, 0 replaced, 0 failed\n"))
        // the startup alone (dictionaries, migrations): an import of an empty folder
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let s0 = Date()
        _ = try conflictdb(["import", empty.path], db: dir.appendingPathComponent("startup.db").path)
        let startup = Date().timeIntervalSince(s0)
        let refPerSource = try inspectDatabase(refDB, perSourceCounts)
        let refCounts = try inspectDatabase(refDB, allTableCounts)
        #expect(refPerSource.count == Self.articles)
        #expect((refCounts["mentions"] ?? 0) > Self.articles, "the generated articles should give mentions")
        #expect((refCounts["attack_reports"] ?? 0) > 0 && (refCounts["exchange_reports"] ?? 0) > 0)

        // Sequences of kills on one database: each import resumes what the killed one left (the realistic
        // case: run again after a crash), so a few full imports' worth of work covers many kill moments.
        // After every kill: integrity, no half-stored article, FTS in step. After every sequence: running
        // the import to the end gives exactly the reference, and once more changes nothing.
        var rng = SeededRandom(seed: 20_260_121)
        var kills = 0, finishedBeforeKill = 0, attempts = 0, partial = 0
        var db = dir.appendingPathComponent("crash-0.db").path
        var sequence = 0
        var killsInSequence = 0
        func converge(_ why: String) throws {
            let again = try conflictdb(["import", "--batch-size", "10", batch.path], db: db)
            #expect(again.status == 0, "\(why): \(again.stderr)")
            let counts = try inspectDatabase(db, allTableCounts)
            #expect(counts == refCounts, "\(why): \(counts) != \(refCounts)")
            #expect(try inspectDatabase(db, perSourceCounts) == refPerSource, "\(why)")
            let once = try conflictdb(["import", "--batch-size", "10", batch.path], db: db)
            #expect(once.stdout.hasSuffix("0 imported, \(Self.articles) unchanged, 0 replaced, 0 failed\n"), "\(why): \(once.stdout)")
            sequence += 1
            killsInSequence = 0
            db = dir.appendingPathComponent("crash-\(sequence).db").path
        }
        while kills < Self.kills && attempts < Self.kills * 3 {
            attempts += 1
            // from process start (dictionaries, migrations of a new file) to well into the writes
            // scaled to the measured length of an import, so that kills land mid-import on fast and slow machines
            // half the kills in the startup or the first writes, half well into the batch
            let writing = max(0.2, duration - startup)
            let delay = startup * 0.8 + Double.random(in: 0.0...0.6, using: &rng) * writing
            let p = try startConflictdb(["import", "--batch-size", "10", batch.path], db: db, logs: dir, name: "kill-\(attempts)")
            Thread.sleep(forTimeInterval: delay)
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            p.waitUntilExit()
            let killed = p.terminationReason == .uncaughtSignal
            if killed {
                kills += 1
                killsInSequence += 1
            } else {
                finishedBeforeKill += 1
                #expect(p.terminationStatus == 0, "an import that was not killed failed: \(readLog(dir, "kill-\(attempts).err"))")
            }
            if FileManager.default.fileExists(atPath: db) {
                try inspectDatabase(db) { (d: Database) throws in
                    #expect(try String.fetchOne(d, sql: "PRAGMA integrity_check") == "ok", "kill \(attempts)")
                    #expect(try Row.fetchAll(d, sql: "PRAGMA foreign_key_check").isEmpty, "kill \(attempts)")
                    // the schema is there whole or not at all
                    if try d.tableExists("grdb_migrations"), try Int.fetchOne(d, sql: "SELECT count(*) FROM grdb_migrations") ?? 0 > 0 {
                        #expect(try d.tableExists("sources"))
                    }
                    guard try d.tableExists("sources") else { return }
                    let present = try perSourceCounts(d)
                    if present.count > 0 && present.count < Self.articles { partial += 1 }
                    for (path, counts) in present {
                        #expect(counts == refPerSource[path], "kill \(attempts): \(path) is half-stored: \(counts) vs \(refPerSource[path] ?? [])")
                    }
                    let fts = try Int.fetchOne(d, sql: "SELECT count(*) FROM sources_fts") ?? -1
                    #expect(fts == present.count, "kill \(attempts): FTS index out of step")
                }
            }
            if !killed || killsInSequence == Self.killsPerSequence { try converge("after attempt \(attempts)") }
        }
        if killsInSequence > 0 { try converge("final") }
        print("crash safety: \(kills) kills (\(partial) mid-import), \(finishedBeforeKill) runs finished first, \(sequence) convergence checks, \(Int(Date().timeIntervalSince(t0))) s")
        #expect(kills >= 20, "only \(kills) imports were killed (\(finishedBeforeKill) finished first)")
        #expect(partial >= 2, "too few kills landed in the middle of the import (\(partial))")
    }
}
