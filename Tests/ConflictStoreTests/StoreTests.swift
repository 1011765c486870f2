import Foundation
import TestSupport
import GRDB
import Testing
@testable import ConflictExtraction
@testable import ConflictStore

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func temporaryDirectory() throws -> URL {
    try scratchDirectory("store")
}

@Suite("Store: migrations, import, replace")
struct StoreTests {
    @Test func migrationsInSync() throws {
        let dir = packageRoot.appendingPathComponent("migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".sql") }.sorted()
        let onDisk = try files.map { f -> (String, String) in
            (String(f.dropLast(4)), try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8))
        }
        func trim(_ s: String) -> String { s.hasSuffix("\n") ? String(s.dropLast()) : s }
        let embedded = embeddedMigrations.map { ($0.name, trim($0.sql)) }
        let inSync = onDisk.count == embedded.count && zip(onDisk, embedded).allSatisfy { $0.0 == $1.0 && trim($0.1) == $1.1 }
        #expect(inSync, "migrations/ and Sources/ConflictStore/EmbeddedMigrations.swift differ: run scripts/embed-migrations.sh")
    }

    @Test func everyColumnIsInTheCodebook() throws {
        let dir = try temporaryDirectory()
        let store = try Store.open(path: dir.appendingPathComponent("c.db").path)
        let missing = try store.dbQueue.read { db in
            try String.fetchAll(db, sql: """
                SELECT m.name || '.' || p.name FROM sqlite_master m, pragma_table_info(m.name) p
                WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'grdb_migrations'
                  AND m.name NOT GLOB 'sources_fts_*'
                  AND NOT EXISTS (SELECT 1 FROM codebook c WHERE c.object = m.name AND c."column" = p.name)
                """)
        }
        #expect(missing == [])
    }

    @Test func newerSchemaIsRefused() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("n.db").path
        let store = try Store.open(path: path)
        try store.dbQueue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('9999_future')") }
        #expect(throws: StoreError.self) { try Store.open(path: path) }
        do {
            _ = try Store.openReadonly(path: path)
            Issue.record("expected a refusal")
        } catch {
            #expect("\(error)".contains("database schema is newer than this conflictdb"))
        }
    }

    @Test func reopeningAppliesNothingTwice() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("r.db").path
        _ = try Store.open(path: path)
        let store = try Store.open(path: path)
        let applied = try store.dbQueue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == Store.knownMigrations)
        let mode = try store.dbQueue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    /// Every named question, as `ask` runs it (view + default ORDER BY), reads an index in its order: no
    /// sort, and no index scan that goes back to the table for each row (a partial index must also hold
    /// the column of its own condition: 0012). Two questions sort tables that grow with actors and pairs
    /// of outlets, not with articles (hundreds to a few thousand rows).
    @Test func namedQuestionsReadCoveringIndexes() throws {
        let dir = try temporaryDirectory()
        let store = try Store.open(path: dir.appendingPathComponent("p.db").path)
        let questions = try Questions.shipped()
        #expect(questions.count >= 8)
        for q in questions {
            let plan = try store.dbQueue.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Questions.sql(for: q)).map { $0["detail"] as String }
            }
            if !["actor-coverage", "outlet-agreement"].contains(q.name) {
                #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(q.name) sorts: \(plan)")
            }
            #expect(!plan.contains { $0.hasPrefix("SCAN") && $0.contains(" USING INDEX ") }, "\(q.name) looks rows up: \(plan)")
        }
    }

    /// An extractor stand-in: one report of each kind, to check what the store writes.
    func fakeResult(_ a: Article) -> ExtractionResult {
        let span = Span(0, min(10, a.body.unicodeScalars.count))
        let claimant = ActorRef(name: "Test Ministry", kind: .governmentBody, country: "AAA")
        return ExtractionResult(
            sentences: [Sentence(index: 0, span: span)],
            mentions: [Mention(kind: .organization, span: span, text: "x", canonical: "Test Ministry", sentence: 0, rule: "t"),
                       Mention(kind: .place, span: span, text: "y", canonical: "Testville", country: "AAA", subtype: "city",
                               sentence: 0, rule: "t")],
            actors: [ActorRecord(ref: claimant, aliases: ["the ministry"])],
            exchanges: [ExchangeReport(date: ResolvedDate(date: "2026-02-05", precision: .day), sideA: "AAA", sideB: "BBB",
                                       returnedToA: Figure(157), returnedToB: Figure(150, .moreThan), claimant: claimant,
                                       span: span, rule: "t")],
            attacks: [AttackReport(date: ResolvedDate(date: "2026-02-04", precision: .day), attacker: "BBB", targetCountry: "AAA",
                                   locations: ["Testville", "Otherville"], dronesDowned: Figure(95), claimant: claimant,
                                   span: span, rule: "t")],
            talks: [TalksReport(name: "Test talks", location: "Testville", startDate: ResolvedDate(date: "2026-02-04", precision: .day),
                                parties: ["AAA", "BBB"], mediators: ["CCC"],
                                delegations: [Delegation(side: "AAA", members: [DelegationMember(name: "Ann Example", role: "envoy", span: span)])],
                                span: span, rule: "t")])
    }

    @Test func writesReportsAndReplacesAtomically() throws {
        let dir = try temporaryDirectory()
        let store = try Store.open(path: dir.appendingPathComponent("w.db").path)
        let importer = Importer(store: store, extractor: Extractor(dictionaries: try Dictionaries.load()))
        let a = Article(path: "a.md", title: "T", url: "https://example.org/1", published: "2026-02-05",
                        body: "Some body text for the test.", format: .frontMatter)
        let writer: (Article) throws -> ImportOutcome = { article in
            let hash = Importer.sha256(article.body)
            return try store.dbQueue.write { db in
                var w = StoreWriter(db: db)
                try w.write(article: article, hash: hash, result: self.fakeResult(article), diagnostics: [])
                return .imported
            }
        }
        _ = try writer(a)
        let ex = try Reports.run(store, .exchanges)
        #expect(ex.rows.count == 1)
        let row = Dictionary(uniqueKeysWithValues: zip(ex.columns, ex.rows[0].map { ResultTable.text($0) }))
        #expect(row["returned_to_a"] == "157")
        #expect(row["qualifier"] == "more_than")
        #expect(row["claimant"] == "Test Ministry")
        #expect(row["evidence"] == "Some body ")
        let at = try Reports.run(store, .attacks)
        #expect(ResultTable.text(at.rows[0][at.columns.firstIndex(of: "locations")!]) == "Testville;Otherville")
        #expect(try Reports.run(store, .delegations).rows.count == 1)
        #expect(try Reports.run(store, .talks).rows.count == 1)
        #expect(try Reports.run(store, .exchanges, since: "2026-02-06").rows.isEmpty)
        #expect(try Reports.run(store, .exchanges, until: "2026-02-05").rows.count == 1)
        let actors = try Reports.run(store, .actors)
        #expect(actors.rows.count == 2) // the ministry and the delegate
        // replace: same URL, new text, through the importer (the real extractor)
        let b = Article(path: "a.md", title: "T", url: "https://example.org/1", published: "2026-02-05",
                        body: "A corrected body text.", format: .frontMatter)
        let (outcome, _) = try importer.importArticle(b)
        #expect(outcome == .replaced)
        let counts = try store.tableCounts()
        #expect(counts["sources"] == 1)
        #expect(counts["exchange_reports"] == 0)
        #expect(counts["exchanges"] == 0)
        #expect(counts["mentions"] == 0)
        #expect(counts["places"] == 0)
        #expect(counts["delegation_members"] == 0)
        let (again, _) = try importer.importArticle(b)
        #expect(again == .unchanged)
    }

    @Test func aFailingArticleLeavesNothing() throws {
        let dir = try temporaryDirectory()
        let store = try Store.open(path: dir.appendingPathComponent("f.db").path)
        let a = Article(path: "a.md", body: "Body.", format: .plain)
        let result = fakeResult(a)
        #expect(throws: (any Error).self) {
            try store.dbQueue.write { db in
                var w = StoreWriter(db: db)
                try w.write(article: a, hash: "h", result: result, diagnostics: [])
                throw StoreError.invalid("simulated failure after writing")
            }
        }
        let counts = try store.tableCounts()
        #expect(counts.filter { !["codebook", "grdb_migrations", "event_types"].contains($0.key) }.values.allSatisfy { $0 == 0 })
    }
}

@Suite("Event types: ACLED and CAMEO codes")
struct EventTypeTests {
    @Test func everyEventTypeHasACLEDAndCAMEO() throws {
        let dir = try temporaryDirectory()
        let store = try Store.open(path: dir.appendingPathComponent("t.db").path)
        let rows = try store.dbQueue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM event_types") }
        let types = Set(rows.map { $0["event_type"] as String })
        #expect(types == ["exchange", "attack", "talks"])
        for r in rows {
            let sub: String = r["acled_sub_event_type"]
            let cameo: String = r["cameo_code"]
            #expect(!sub.isEmpty)
            #expect(!cameo.isEmpty && cameo.allSatisfy(\.isNumber))
        }
    }
}
