import Foundation
import GRDB
import Testing

/// Two imports at once, readers during an import (WAL), and a lock held too long.
@Suite("Concurrency", .serialized)
struct ConcurrencyTests {
    @Test func twoImportsAtOnceLoseAndDuplicateNothing() throws {
        let dir = try tempDir()
        // overlapping batches: A = 0..<90, B = 45..<135, plus the same 45 articles under other names in B
        let a = dir.appendingPathComponent("a"), b = dir.appendingPathComponent("b")
        try TestArticles.writeBatch(90, to: a)
        try TestArticles.writeBatch(90, to: b, offset: 45)
        // a fresh database: both processes create and migrate it at the same moment
        let db = dir.appendingPathComponent("two.db").path
        let pa = try startConflictdb(["import", a.path], db: db, logs: dir, name: "a")
        let pb = try startConflictdb(["import", b.path], db: db, logs: dir, name: "b")
        pa.waitUntilExit()
        pb.waitUntilExit()
        let outA = readLog(dir, "a.out"), outB = readLog(dir, "b.out")
        #expect(pa.terminationStatus == 0, "A: \(readLog(dir, "a.err"))")
        #expect(pb.terminationStatus == 0, "B: \(readLog(dir, "b.err"))")
        func numbers(_ s: String) -> [Int] {
            (s.split(separator: "\n").last ?? "").split(separator: " ").compactMap { Int($0) }
        }
        let na = numbers(outA), nb = numbers(outB)
        #expect(na.count == 4 && nb.count == 4, "\(outA) \(outB)")
        if na.count == 4 && nb.count == 4 {
            #expect(na[0] + nb[0] == 135, "imported: \(outA) \(outB)")  // every distinct article once
            #expect(na[1] + nb[1] == 45, "unchanged: \(outA) \(outB)")  // the overlap once
            #expect(na[3] + nb[3] == 0)
        }
        try inspectDatabase(db) { (d: Database) throws in
            #expect(try String.fetchOne(d, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Int.fetchOne(d, sql: "SELECT count(*) FROM sources") == 135)
            #expect(try Int.fetchOne(d, sql: "SELECT count(DISTINCT sha256) FROM sources") == 135)
            #expect(try Int.fetchOne(d, sql: "SELECT count(DISTINCT url) FROM sources") == 135)
        }
        // the same as one sequential import of both
        let seqDB = dir.appendingPathComponent("seq.db").path
        #expect(try conflictdb(["import", a.path, b.path], db: seqDB).status == 0)
        let seq = try inspectDatabase(seqDB, perSourceCounts)
        let par = try inspectDatabase(db, perSourceCounts)
        // paths differ for the overlap (whichever process stored it first); compare per-article counts by URL-free key
        #expect(seq.values.map { $0 }.sorted { $0.lexicographicallyPrecedes($1) } == par.values.map { $0 }.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test func readersSeeConsistentSnapshotsDuringAnImport() throws {
        let dir = try tempDir()
        let batch = dir.appendingPathComponent("batch")
        try TestArticles.writeBatch(160, to: batch)
        let db = dir.appendingPathComponent("wal.db").path
        // a first article so that the database exists before readers start
        #expect(try conflictdb(["import", batch.appendingPathComponent("article-0000.md").path], db: db).status == 0)
        let importer = try startConflictdb(["import", "--batch-size", "10", batch.path], db: db, logs: dir, name: "import")
        // every committed source has its sentences and FTS row, in any snapshot
        let invariant = """
            SELECT (SELECT count(*) FROM sources) AS sources,
                   (SELECT count(DISTINCT source_id) FROM sentences) AS with_sentences,
                   (SELECT count(*) FROM sources_fts) AS fts
            """
        var reads = 0, growing = Set<String>()
        while importer.isRunning || reads < 3 {
            let q = try conflictdb(["query", "--format", "csv", invariant], db: db)
            #expect(q.status == 0, "query during import: \(q.stderr)")
            let row = q.stdout.split(separator: "\r\n").dropFirst().first.map(String.init) ?? ""
            let v = row.split(separator: ",").compactMap { Int($0) }
            #expect(v.count == 3 && v[0] == v[1] && v[1] == v[2], "inconsistent snapshot: \(row)")
            growing.insert(row)
            let e = try conflictdb(["export", "sources"], db: db)
            #expect(e.status == 0, "export during import: \(e.stderr)")
            let ids = e.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" }
            #expect(Set(ids).count == ids.count, "duplicate rows in an export")
            reads += 1
            if reads > 200 { break }
        }
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0, "\(readLog(dir, "import.err"))")
        #expect(growing.count >= 2, "the readers should have seen the import progress: \(growing)")
        #expect(try counts(db).contains("160,"))
    }

    @Test func aHeldLockTimesOutWithAClearMessage() throws {
        let dir = try tempDir()
        let batch = dir.appendingPathComponent("batch")
        try TestArticles.writeBatch(3, to: batch)
        let db = dir.appendingPathComponent("lock.db").path
        #expect(try conflictdb(["import", batch.appendingPathComponent("article-0000.md").path], db: db).status == 0)
        // another writer holds the write lock
        var config = Configuration()
        config.allowsUnsafeTransactions = true // the transaction stays open between accesses, on purpose
        let holder = try DatabaseQueue(path: db, configuration: config)
        try holder.writeWithoutTransaction { d in try d.execute(sql: "BEGIN IMMEDIATE; INSERT INTO codebook(object, \"column\", description) VALUES ('x', 'y', 'z')") }
        let t0 = Date()
        let r = try conflictdb(["import", "--busy-timeout", "1", batch.path], db: db)
        let waited = Date().timeIntervalSince(t0)
        #expect(r.status == 1)
        #expect(r.stderr.contains("database is locked"), "\(r.stderr)")
        #expect(r.stderr.contains("--busy-timeout"), "\(r.stderr)")
        #expect(waited >= 0.9 && waited < 15, "waited \(waited) s")
        // one clear line each, not counting the length of the scratch folder's path
        for line in r.stderr.split(separator: "\n") {
            #expect(line.replacingOccurrences(of: dir.path, with: "DIR").count < 250, "one clear line: \(line)")
        }
        // readers are not blocked by a writer (WAL)
        let q = try conflictdb(["query", "--busy-timeout", "1", "--format", "csv", "select count(*) from sources"], db: db)
        #expect(q.status == 0, "\(q.stderr)")
        #expect(q.stdout == "count(*)\r\n1\r\n")
        try holder.writeWithoutTransaction { d in try d.execute(sql: "ROLLBACK") }
        try holder.close()
        // once the lock is released the same import goes through
        let again = try conflictdb(["import", batch.path], db: db)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasSuffix("2 imported, 1 unchanged, 0 replaced, 0 failed\n"))
    }
}
