import Foundation
import GRDB
import Testing
@testable import ConflictExtraction
@testable import ConflictStore

/// The fixture batch of the named questions (articles written for these tests).
let questionFixtures = packageRoot.appendingPathComponent("Tests/Fixtures/questions")

private func fixtureFiles() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: questionFixtures.path).filter { $0.hasSuffix(".md") }.sorted()
        .map { questionFixtures.appendingPathComponent($0).path }
}

private func seedFiles() throws -> [String] {
    let dir = packageRoot.appendingPathComponent("seeds")
    return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        .map { dir.appendingPathComponent($0).path }
}

private let sharedDictionaries = Result { try Dictionaries.load() }

/// Imports `paths` in the order given (each file in turn) into a fresh database.
private func importInOrder(_ paths: [String], name: String = "c.db") throws -> Store {
    let dir = try temporaryDirectory()
    let store = try Store.open(path: dir.appendingPathComponent(name).path)
    let importer = Importer(store: store, extractor: Extractor(dictionaries: try sharedDictionaries.get()))
    let summary = importer.importPaths(paths)
    #expect(summary.failed == 0)
    return store
}

/// The events as sets of reports, independent of row ids: `type date rule: [path#span merge_rule, ...]`.
private func groupings(_ store: Store) throws -> [String] {
    try store.dbQueue.read { db in
        try String.fetchAll(db, sql: """
            SELECT 'exchange ' || ifnull(e.event_date, '-') || ' ' || e.status || ' ' || e.merge_rule || ': ' ||
                   (SELECT group_concat(k, ', ') FROM (SELECT s.path || '#' || r.span_start || '-' || r.span_end || ' ' || r.merge_rule AS k
                      FROM exchange_reports r JOIN sources s ON s.id = r.source_id WHERE r.exchange_id = e.id ORDER BY k))
            FROM exchanges e
            UNION ALL
            SELECT 'attack ' || ifnull(e.event_date, '-') || ' ' || e.merge_rule || ': ' ||
                   (SELECT group_concat(k, ', ') FROM (SELECT s.path || '#' || r.span_start || '-' || r.span_end || ' ' || r.merge_rule AS k
                      FROM attack_reports r JOIN sources s ON s.id = r.source_id WHERE r.attack_id = e.id ORDER BY k))
            FROM attacks e
            UNION ALL
            SELECT 'talks ' || ifnull(e.start_date, '-') || ' ' || ifnull(e.round, '-') || ' ' || e.merge_rule || ': ' ||
                   (SELECT group_concat(k, ', ') FROM (SELECT s.path || '#' || r.span_start || '-' || r.span_end || ' ' || r.merge_rule AS k
                      FROM talks_reports r JOIN sources s ON s.id = r.source_id WHERE r.talks_id = e.id ORDER BY k))
            FROM talks e
            ORDER BY 1
            """)
    }
}

private func rows(_ store: Store, _ sql: String) throws -> [[String: String]] {
    try store.dbQueue.read { db in
        try Row.fetchAll(db, sql: sql).map { r in
            var d: [String: String] = [:]
            for (k, v) in r { d[k] = v.isNull ? "" : ResultTable.text(v) }
            return d
        }
    }
}

@Suite("Consolidation: reports of different articles meet in events", .serialized)
struct ConsolidationTests {
    @Test func seedsGiveOneSwapAndOneSecondRound() throws {
        let store = try importInOrder(try seedFiles())
        let swaps = try rows(store, "SELECT * FROM exchanges WHERE event_date = '2026-02-05' AND status = 'completed'")
        #expect(swaps.count == 1)
        #expect(swaps.first?["sources"] == "2")
        let perSeed = try rows(store, """
            SELECT s.path, count(*) AS n FROM exchange_reports r JOIN sources s ON s.id = r.source_id
            JOIN exchanges e ON e.id = r.exchange_id WHERE e.event_date = '2026-02-05' AND e.status = 'completed' GROUP BY s.path
            """)
        #expect(perSeed.count == 2)
        // the second round (both seeds) and the first round (both seeds mention it) are two events
        let talks = try rows(store, "SELECT * FROM talks WHERE location = 'Abu Dhabi' AND sources = 2 AND round = 2")
        #expect(talks.count == 1)
        #expect(talks.first?["round"] == "2")
        #expect(talks.first?["start_date"] == "2026-02-04")
    }

    @Test func orderDoesNotMatter() throws {
        let files = try seedFiles() + fixtureFiles()
        let forward = try groupings(try importInOrder(files))
        let backward = try groupings(try importInOrder(files.reversed()))
        #expect(forward == backward)
        // an interleaving: odd positions first, then even ones
        let odd = files.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        let even = files.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        #expect(try groupings(try importInOrder(odd + even)) == forward)
        #expect(forward.contains { $0.hasPrefix("attack 2025-04-10 attack:night: ") && $0.contains("q03_") && $0.contains("q04_") })
    }

    @Test func aReplacedArticleLeavesTheSameEventsAsAFreshImport() throws {
        let dir = try temporaryDirectory()
        let files = try fixtureFiles()
        let changed = dir.appendingPathComponent("q02_beta_swap.md")
        // same URL, the exchange no longer reported: q01's swap becomes single-source
        try Data("""
            ---
            title: "Kyiv and Moscow trade prisoners - Beta Post"
            source: https://betapost.example/news/4411
            outlet: Beta Post
            date: 2025-03-15
            ---

            Officials in Kyiv and Moscow declined to comment on Friday.

            """.utf8).write(to: changed)
        let store = try importInOrder(files)
        let importer = Importer(store: store, extractor: Extractor(dictionaries: try sharedDictionaries.get()))
        let summary = importer.importPaths([changed.path])
        #expect(summary.replaced == 1)
        let fresh = try importInOrder(files.filter { !$0.hasSuffix("q02_beta_swap.md") } + [changed.path])
        func strip(_ g: [String]) -> [String] {
            g.map { $0.replacingOccurrences(of: questionFixtures.path, with: "").replacingOccurrences(of: dir.path, with: "") }
        }
        #expect(strip(try groupings(store)) == strip(try groupings(fresh)))
        let swap = try rows(store, "SELECT * FROM exchanges")
        #expect(swap.count == 1)
        #expect(swap.first?["sources"] == "1")
        #expect(try rows(store, "SELECT * FROM consolidation_queue").isEmpty)
    }

    /// One small article per outlet (front matter, published `date`), its body a sentence of ours.
    func articles(_ items: [(outlet: String, sentence: String)], date: String) throws -> [String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("articles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var files: [String] = []
        for (n, item) in items.enumerated() {
            let f = dir.appendingPathComponent("a\(n).md")
            try Data("""
                ---
                title: "Report - \(item.outlet)"
                source: https://example.org/\(n)
                outlet: \(item.outlet)
                date: \(date)
                ---

                \(item.sentence)
                This report was filed by \(item.outlet).
                """.utf8).write(to: f)
            files.append(f.path)
        }
        return files
    }

    @Test func aDayApartJoinsTheDayMostSourcesGive() throws {
        // two outlets date the swap Friday 2025-03-14, a third Thursday: one event on the Friday
        let files = try articles([("Alpha Wire", "Friday"), ("Gamma News", "Friday"), ("Beta Post", "Thursday")].map {
            ($0.0, "Russia and Ukraine exchanged 120 prisoners of war each on \($0.1), the Russian Defense Ministry said.")
        }, date: "2025-03-15")
        let store = try importInOrder(files)
        let r = try rows(store, """
            SELECT s.outlet, r.event_date, r.merge_rule, e.event_date AS day FROM exchange_reports r
            JOIN sources s ON s.id = r.source_id JOIN exchanges e ON e.id = r.exchange_id ORDER BY s.outlet, r.id
            """)
        #expect(Set(r.map { $0["day"]! }) == ["2025-03-14"])
        #expect(r.contains { $0["outlet"] == "Beta Post" && $0["merge_rule"] == "exchange:day_apart" })
        #expect(r.contains { $0["outlet"] == "Alpha Wire" && $0["merge_rule"] == "exchange:same_day" })
    }

    @Test func hedgedFiguresThatHoldDoNotDisagree() throws {
        // "more than 300" and "320" agree; "320" and "290" do not
        let files = try articles([("Alpha Wire", "more than 300"), ("Gamma News", "320"), ("Beta Post", "290")].map {
            ($0.0, "Russia launched \($0.1) drones at Ukraine overnight, the Ukrainian Air Force said.")
        }, date: "2025-04-10")
        let two = try importInOrder(Array(files.prefix(2)))
        #expect(try rows(two, "SELECT * FROM q_figure_disagreements WHERE field = 'drones_launched'").isEmpty)
        let three = try importInOrder(files)
        let d = try rows(three, "SELECT * FROM q_figure_disagreements WHERE field = 'drones_launched'")
        #expect(d.count == 1)
        #expect(d.first?["low"] == "290" && d.first?["high"] == "320")
    }

    @Test func completedAndAgreedStayApart() throws {
        let store = try importInOrder(try seedFiles())
        let agreed = try rows(store, "SELECT * FROM exchanges WHERE status = 'agreed'")
        for a in agreed { #expect(a["merge_rule"] == "exchange:day") }
        let mixed = try rows(store, """
            SELECT e.id FROM exchanges e JOIN exchange_reports r ON r.exchange_id = e.id WHERE r.status <> e.status
            """)
        #expect(mixed.isEmpty)
    }

    @Test func distinctPlacesOnOneNightAreDistinctWaves() throws {
        let dir = try temporaryDirectory()
        try Data("""
            ---
            title: "Strike on Lviv - Zeta Journal"
            source: https://zeta.example/lviv
            outlet: Zeta Journal
            date: 2025-04-10
            ---

            Russia launched 20 drones at Lviv overnight, Ukraine's air force said, and 15 were shot down.

            """.utf8).write(to: dir.appendingPathComponent("z.md"))
        let store = try importInOrder(try fixtureFiles() + [dir.appendingPathComponent("z.md").path])
        let nights = try rows(store, "SELECT merge_rule, sources FROM attacks WHERE event_date = '2025-04-10' ORDER BY merge_rule")
        #expect(nights.map { $0["merge_rule"]! } == ["attack:night", "attack:other_place"])
    }

    // MARK: the named questions over the fixture batch

    @Test func namedQuestions() throws {
        let store = try importInOrder(try fixtureFiles())

        let disagreements = try rows(store, "SELECT * FROM q_figure_disagreements ORDER BY event_date, field")
        let downed = disagreements.first { $0["field"] == "drones_downed" }
        #expect(downed?["low"] == "250" && downed?["high"] == "280")
        #expect(downed?["figures"]?.contains("250 (Delta Daily; Ukrainian Air Force)") == true)
        #expect(downed?["figures"]?.contains("280 (Gamma News; Ukrainian Air Force)") == true)
        let returned = disagreements.first { $0["event_type"] == "exchange" }
        #expect(returned?["field"] == "returned_to_a")
        #expect(returned?["figures"]?.contains("Alpha Wire") == true && returned?["figures"]?.contains("Beta Post") == true)
        #expect(!disagreements.contains { $0["field"] == "drones_launched" })

        let single = try rows(store, "SELECT * FROM q_single_source_events ORDER BY event_date")
        #expect(single.map { "\($0["event_type"]!) \($0["event_date"]!) \($0["outlet"]!)" }
                == ["attack 2025-05-02 Epsilon Times", "talks 2025-07-23 Gamma News"])

        let tally = try rows(store, "SELECT * FROM q_exchange_tally")
        #expect(tally.count == 1)
        #expect(tally.first?["mediator"] == "ARE")
        #expect(tally.first?["returned_to_a_low"] == "120" && tally.first?["returned_to_a_high"] == "121")
        #expect(tally.first?["cumulative_to_b"] == "120")

        let roster = try rows(store, "SELECT * FROM q_delegation_roster ORDER BY start_date, side, member")
        func seat(_ date: String, _ member: String) -> [String: String]? {
            roster.first { $0["start_date"] == date && $0["member"] == member }
        }
        #expect(seat("2025-06-02", "Rustem Umerov")?["sources"] == "2")
        #expect(seat("2025-07-23", "Rustem Umerov")?["change"] == "stayed")
        #expect(seat("2025-07-23", "Rustem Umerov")?["rounds_attended"] == "2")
        #expect(seat("2025-07-23", "Vladimir Medinsky")?["change"] == "stayed")
        #expect(seat("2025-07-23", "Alexander Fomin")?["change"] == "joined")
        #expect(seat("2025-07-23", "Mikhail Galuzin")?["change"] == "left")

        let claims = try rows(store, "SELECT * FROM q_attack_claims WHERE event_date = '2025-04-10'")
        #expect(claims.first?["defender_drones_launched"] == "300")
        #expect(claims.first?["defender_drones_downed"] == "280")
        #expect(claims.first?["defender_claimants"] == "Ukrainian Air Force")

        let coverage = try rows(store, "SELECT * FROM q_actor_coverage WHERE name = 'Rustem Umerov'")
        #expect(coverage.first?["sources"] == "3")
        #expect(coverage.first?["outlets"] == "3")
        #expect(coverage.first?["first_seen"] == "2025-06-02" && coverage.first?["last_seen"] == "2025-07-23")

        let timeline = try rows(store, "SELECT * FROM q_timeline ORDER BY event_date, event_type")
        #expect(timeline.map { "\($0["event_date"]!) \($0["event_type"]!) \($0["sources"]!)" }
                == ["2025-03-14 exchange 2", "2025-04-10 attack 2", "2025-05-02 attack 1", "2025-06-02 talks 2", "2025-07-23 talks 1"])

        let pairs = try rows(store, "SELECT * FROM q_outlet_agreement")
        let gd = pairs.first { $0["outlet_a"] == "Delta Daily" && $0["outlet_b"] == "Gamma News" }
        #expect(gd?["shared_events"] == "1")
        #expect(gd?["figures_compared"] == "4" && gd?["figures_agreeing"] == "3")
        let ab = pairs.first { $0["outlet_a"] == "Alpha Wire" && $0["outlet_b"] == "Beta Post" }
        #expect(ab?["shared_events"] == "2")
        // Beta Post's Ukrainian figure (120) agrees with Alpha Wire's; its Russian one (121) does not
        #expect(ab?["figures_agreeing"] == "1")

        // every shipped question is registered and its view answers
        let names = try rows(store, "SELECT name, view FROM questions")
        #expect(Set(names.map { $0["name"]! }) == ["figure-disagreements", "single-source-events", "exchange-tally",
                                                  "delegation-roster", "attack-claims", "actor-coverage", "timeline",
                                                  "outlet-agreement"])
        for q in try Questions.shipped() {
            let sql = try Questions.sql(for: q, since: q.dateColumn == nil ? nil : "2000-01-01")
            _ = try rows(store, sql)
        }
    }

    @Test func eventExports() throws {
        let store = try importInOrder(try fixtureFiles())
        let ex = try Reports.run(store, .exchangeEvents)
        #expect(ex.columns.prefix(8) == ["event_id", "event_date", "status", "side_a", "side_b", "kind", "returned_to_a_min", "returned_to_a_max"])
        #expect(ex.rows.count == 1)
        let row = Dictionary(uniqueKeysWithValues: zip(ex.columns, ex.rows[0].map { ResultTable.text($0) }))
        #expect(row["returned_to_a_min"] == "120" && row["returned_to_a_max"] == "121")
        #expect(row["outlets"] == "Alpha Wire;Beta Post")
        #expect(row["sources"] == "2")
        let at = try Reports.run(store, .attackEvents, since: "2025-04-10", until: "2025-04-10")
        #expect(at.rows.count == 1)
        let a = Dictionary(uniqueKeysWithValues: zip(at.columns, at.rows[0].map { ResultTable.text($0) }))
        #expect(a["drones_downed_min"] == "250" && a["drones_downed_max"] == "280")
        #expect(a["outlets"] == "Delta Daily;Gamma News")
        #expect(a["locations"] == "Kharkiv")
    }

    @Test func userQuestionsParse() throws {
        let q = Questions.parse("""
            -- title: Big nights
            -- description: Attack events where some source counts
            --   at least :min drones launched.
            -- date: event_date
            SELECT * FROM report_attack_events WHERE drones_launched_max >= :min AND ':no' <> '' -- :neither
            ;
            """, name: "big-nights")
        #expect(q.title == "Big nights")
        #expect(q.description == "Attack events where some source counts at least :min drones launched.")
        #expect(q.dateColumn == "event_date")
        #expect(q.parameters == ["min"])
        let sql = try Questions.sql(for: q, where: "attacker = 'RUS'", since: "2025-01-01")
        #expect(sql.hasSuffix("WHERE (attacker = 'RUS') AND \"event_date\" >= '2025-01-01'"))
    }
}
