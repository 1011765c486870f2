import Foundation
import GRDB
import Testing
@testable import ConflictExtraction
@testable import ConflictStore

/// Migration 0009 (sentence spans as one JSON row per source, mentions keyed by source), 0011 (places count
/// their mentions) and the writer's side of them.
@Suite("Store: compact storage (0009)")
struct CompactStorageTests {
    /// A database at 0007 with rows in the former layout is converted: the `sentences` view gives the same
    /// rows, mentions keep their order within each source as `idx`, and foreign keys still hold.
    @Test func upgradeConvertsSentencesAndMentions() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("old.db").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Store.makeMigrator().migrate(queue, upTo: "0007_event_types")
            try queue.write { db in
                for id in [1, 2] {
                    try db.execute(sql: """
                        INSERT INTO sources(id, path, words, sha256, format, body, imported_at)
                        VALUES (?, ?, 3, ?, 'plain', 'One two. Three four. Five.', '2026-01-01T00:00:00Z')
                        """, arguments: [id, "s\(id).txt", "hash\(id)"])
                }
                try db.execute(sql: "INSERT INTO places(id, name, country, kind) VALUES (7, 'Testville', 'AAA', 'city')")
                for (sid, idx, start, end, boiler) in [(1, 0, 0, 8, 0), (1, 1, 9, 20, 1), (1, 2, 21, 26, 0), (2, 0, 0, 8, 0)] {
                    try db.execute(sql: "INSERT INTO sentences VALUES (?, ?, ?, ?, ?)", arguments: [sid, idx, start, end, boiler])
                }
                // ids not in source order: idx must follow the id order within each source
                for (id, sid, start, text) in [(10, 2, 0, "One"), (11, 1, 4, "two"), (12, 1, 0, "One"), (13, 2, 4, "two")] {
                    try db.execute(sql: """
                        INSERT INTO mentions(id, source_id, kind, span_start, span_end, text, canonical, sentence, rule, place_id)
                        VALUES (?, ?, 'place', ?, ?, ?, ?, 0, 't', 7)
                        """, arguments: [id, sid, start, start + 3, text, text])
                }
            }
            try queue.close()
        }
        let store = try Store.open(path: path)
        try store.dbQueue.read { db in
            let sentences = try Row.fetchAll(db, sql: "SELECT source_id, idx, span_start, span_end, boilerplate FROM sentences ORDER BY source_id, idx")
                .map { [$0[0], $0[1], $0[2], $0[3], $0[4]] as [Int] }
            #expect(sentences == [[1, 0, 0, 8, 0], [1, 1, 9, 20, 1], [1, 2, 21, 26, 0], [2, 0, 0, 8, 0]])
            let spans = try String.fetchOne(db, sql: "SELECT spans FROM sentence_spans WHERE source_id = 1")
            #expect(spans == "[[0,8],[9,20,1],[21,26]]")
            let mentions = try Row.fetchAll(db, sql: "SELECT source_id, idx, text FROM mentions ORDER BY source_id, idx")
                .map { "\($0[0] as Int):\($0[1] as Int):\($0[2] as String)" }
            #expect(mentions == ["1:0:two", "1:1:One", "2:0:One", "2:1:two"])
            let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('mentions')")
            #expect(!columns.contains("id") && columns.contains("idx"))
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            // the views that read mentions still work
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM report_actors") != nil)
            // 0011: places count their mentions; mentions by place are no longer indexed
            #expect(try Int.fetchOne(db, sql: "SELECT mentions FROM places WHERE id = 7") == 4)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_index_list('mentions') WHERE name = 'mentions_place_only'") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_foreign_key_list('mentions') WHERE \"table\" = 'places'") == 0)
        }
        // deleting a source still takes its mentions and spans with it
        try store.dbQueue.write { db in try db.execute(sql: "DELETE FROM sources WHERE id = 1") }
        let left = try store.dbQueue.read { db in
            try [Int.fetchOne(db, sql: "SELECT count(*) FROM mentions")!, Int.fetchOne(db, sql: "SELECT count(*) FROM sentences")!]
        }
        #expect(left == [2, 1])
        // the delete trigger takes the deleted mentions off the place's count
        #expect(try store.dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT mentions FROM places WHERE id = 7") } == 2)
    }

    /// The writer stores what the extractor found: every sentence through the view, every mention in order.
    @Test func importedSeedKeepsSentencesAndMentionsInOrder() throws {
        let dir = try temporaryDirectory()
        let store = try Store.open(path: dir.appendingPathComponent("s.db").path)
        let extractor = Extractor(dictionaries: try Dictionaries.load())
        let seed = packageRoot.appendingPathComponent("seeds/000_8729a2641a16f997.txt")
        guard case .success(let article)? = ArticleReader().read(fileAt: seed).first else {
            Issue.record("seed not readable"); return
        }
        let importer = Importer(store: store, extractor: extractor)
        _ = try importer.importArticle(article)
        let expected = extractor.extract(article)
        try store.dbQueue.read { db in
            let sentences = try Row.fetchAll(db, sql: "SELECT idx, span_start, span_end, boilerplate FROM sentences ORDER BY idx")
            #expect(sentences.count == expected.sentences.count)
            for (row, s) in zip(sentences, expected.sentences) {
                #expect([row[0], row[1], row[2], row[3]] as [Int] == [s.index, s.span.start, s.span.end, s.isBoilerplate ? 1 : 0])
            }
            let mentions = try Row.fetchAll(db, sql: "SELECT idx, span_start, span_end, text FROM mentions ORDER BY idx")
            #expect(mentions.map { $0[0] as Int } == Array(0..<expected.mentions.count))
            #expect(mentions.map { "\($0[1] as Int)-\($0[2] as Int):\($0[3] as String)" }
                    == expected.mentions.map { "\($0.span.start)-\($0.span.end):\($0.text)" })
        }
    }
}
