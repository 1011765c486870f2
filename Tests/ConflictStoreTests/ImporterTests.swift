import Foundation
import GRDB
import Testing
@testable import ConflictExtraction
@testable import ConflictStore

@Suite("Importer: replacing articles")
struct ImporterTests {
    /// Rows nothing refers to any more, anywhere in the database.
    static func orphans(_ db: Database) throws -> [String: Int] {
        [
            "exchanges": try Int.fetchOne(db, sql: "SELECT count(*) FROM exchanges WHERE id NOT IN (SELECT exchange_id FROM exchange_reports WHERE exchange_id IS NOT NULL)")!,
            "attacks": try Int.fetchOne(db, sql: "SELECT count(*) FROM attacks WHERE id NOT IN (SELECT attack_id FROM attack_reports WHERE attack_id IS NOT NULL)")!,
            "talks": try Int.fetchOne(db, sql: "SELECT count(*) FROM talks WHERE id NOT IN (SELECT talks_id FROM talks_reports WHERE talks_id IS NOT NULL)")!,
            "actors": try Int.fetchOne(db, sql: """
                SELECT count(*) FROM actors WHERE id NOT IN (SELECT actor_id FROM mentions WHERE actor_id IS NOT NULL)
                    AND id NOT IN (SELECT actor_id FROM actor_aliases)
                    AND id NOT IN (SELECT claimant_actor_id FROM exchange_reports WHERE claimant_actor_id IS NOT NULL)
                    AND id NOT IN (SELECT claimant_actor_id FROM attack_reports WHERE claimant_actor_id IS NOT NULL)
                    AND id NOT IN (SELECT actor_id FROM delegation_members WHERE actor_id IS NOT NULL)
                """)!,
            "places": try Int.fetchOne(db, sql: "SELECT count(*) FROM places WHERE id NOT IN (SELECT place_id FROM mentions WHERE place_id IS NOT NULL)")!,
        ]
    }

    /// Replacing an article (same URL, new text) removes the actors, places and events only it referred to,
    /// keeps those other articles still refer to, and leaves the database as a fresh import of the same texts.
    @Test func replacementLeavesNoOrphansAndMatchesAFreshImport() throws {
        let extractor = Extractor(dictionaries: try Dictionaries.load())
        let seeds = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("seeds").path)
            .filter { !$0.hasPrefix(".") }.sorted()
            .compactMap { name -> Article? in
                guard case .success(let a)? = ArticleReader().read(fileAt: packageRoot.appendingPathComponent("seeds/\(name)")).first
                else { return nil }
                return a
            }
        #expect(seeds.count == 2)
        // the first seed, rewritten: a different swap with other people and places
        var rewritten = seeds[0]
        rewritten.body = "Testland and Otherland exchanged 12 prisoners each on Monday, the Testland Defense Ministry said."
        let dir = try temporaryDirectory()

        let replaced = try Store.open(path: dir.appendingPathComponent("r.db").path)
        let importer = Importer(store: replaced, extractor: extractor)
        for a in seeds { _ = try importer.importArticle(a) }
        // one article per transaction: the tally's running totals are complete at each commit
        let tally = try replaced.dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT coalesce(returned_to_a_low, 0) AS low, cumulative_to_a FROM q_exchange_tally")
        }
        #expect(!tally.isEmpty && tally.allSatisfy { ($0["low"] as Int64) == ($0["cumulative_to_a"] as Int64) })
        let before = try replaced.tableCounts()
        let (outcome, _) = try importer.importArticle(rewritten)
        #expect(outcome == .replaced)

        let fresh = try Store.open(path: dir.appendingPathComponent("f.db").path)
        let freshImporter = Importer(store: fresh, extractor: extractor)
        for a in [rewritten, seeds[1]] { _ = try freshImporter.importArticle(a) }

        let after = try replaced.tableCounts()
        #expect((before["places"] ?? 0) > (after["places"] ?? 0), "the rewritten text names fewer places")
        for table in ["actors", "places", "exchanges", "attacks", "talks", "mentions", "exchange_reports", "sentence_spans"] {
            #expect(after[table] == (try fresh.tableCounts())[table], "\(table)")
        }
        let left = try replaced.dbQueue.read { try Self.orphans($0) }
        #expect(left.values.allSatisfy { $0 == 0 }, "\(left)")
        // what the other seed names is still there
        let names = try replaced.dbQueue.read { db in try String.fetchSet(db, sql: "SELECT name FROM places") }
        let freshNames = try fresh.dbQueue.read { db in try String.fetchSet(db, sql: "SELECT name FROM places") }
        #expect(names == freshNames)
        // places.mentions (migration 0011) is the number of mentions linked to the place, after a replacement too
        for store in [replaced, fresh] {
            let wrong = try store.dbQueue.read { db in
                try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM places p
                    WHERE p.mentions <> (SELECT count(*) FROM mentions WHERE place_id = p.id) OR p.mentions = 0
                    """)!
            }
            #expect(wrong == 0)
        }
    }

    /// The importer sums the `places.mentions` increments of a transaction and writes them once per place.
    /// In one batch: articles sharing places, an article replaced by a later one of the same batch, and two
    /// articles that fail after their mentions were written, one of them a replacement (the summed
    /// increments are written before its deletion, inside its savepoint, and that savepoint rolls back).
    /// Every place's count must equal its linked mentions at the end.
    @Test func placeCountsSummedPerTransactionStayExact() throws {
        let dir = try temporaryDirectory()
        func article(_ name: String, url: Int, _ body: String) throws -> String {
            let f = dir.appendingPathComponent(name)
            try Data("""
                ---
                title: "\(name)"
                source: https://example.org/\(url)
                date: 2025-03-04
                outlet: Example
                ---

                \(body)

                """.utf8).write(to: f)
            return f.path
        }
        let files = [
            try article("a1.md", url: 1, "Russian drones struck Kyiv, Sumy and Odesa overnight, killing two people, the mayor said."),
            try article("a2.md", url: 2, "Russian missiles hit Kharkiv and Kyiv overnight, injuring five people, officials said."),
            try article("a3.md", url: 1, "Russian drones struck Dnipro and Odesa overnight, killing three people, the governor said."),
            try article("a4-fail.md", url: 4, "Russian drones struck Odesa and Lviv overnight, killing one person, the governor said."),
            try article("a5-fail.md", url: 2, "Russian drones struck Poltava and Kyiv overnight, injuring two people, the governor said."),
            try article("a6.md", url: 6, "Russian drones struck Kyiv and Lviv overnight, injuring four people, officials said."),
        ]
        let store = try Store.open(path: dir.appendingPathComponent("p.db").path)
        try store.dbQueue.write { db in
            try db.execute(sql: """
                CREATE TRIGGER fail_some BEFORE INSERT ON attack_reports
                WHEN (SELECT path FROM sources WHERE id = NEW.source_id) LIKE '%-fail.md'
                BEGIN SELECT RAISE(ABORT, 'injected failure'); END
                """)
        }
        let importer = Importer(store: store, extractor: Extractor(dictionaries: try Dictionaries.load()))
        let summary = importer.importPaths(files)
        #expect(summary.imported == 3 && summary.replaced == 1 && summary.failed == 2, "\(summary)")
        let (wrong, places) = try store.dbQueue.read { db in
            (try Int.fetchOne(db, sql: """
                SELECT count(*) FROM places p
                WHERE p.mentions <> (SELECT count(*) FROM mentions WHERE place_id = p.id) OR p.mentions = 0
                """)!,
             try String.fetchSet(db, sql: "SELECT name FROM places"))
        }
        #expect(wrong == 0)
        #expect(places.isSuperset(of: ["Kyiv", "Odesa", "Kharkiv", "Dnipro", "Lviv"]) && !places.contains("Poltava") && !places.contains("Sumy"), "\(places)")
    }
}
