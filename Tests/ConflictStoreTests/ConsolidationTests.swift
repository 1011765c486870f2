import Foundation
import TestSupport
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

/// The questions whose rows are kept per event at import time (migration 0008), with the 0004 view
/// that computed them at query time: both must give the same rows.
private let keptQuestions = ["q_timeline", "q_single_source_events", "q_exchange_tally", "q_delegation_roster", "q_attack_claims"]

/// The body of a view as the 0004 migration defined it.
private func view0004(_ name: String) -> String {
    let sql = embeddedMigrations.first { $0.name == "0004_consolidation_questions" }!.sql
    let start = sql.range(of: "CREATE VIEW \(name) AS\n")!
    let end = sql.range(of: ";\n", range: start.upperBound..<sql.endIndex)!
    return String(sql[start.upperBound..<end.lowerBound])
}

/// The questions of `keptQuestions` whose rows differ from the 0004 definitions (with the 0004
/// q_timeline in place for q_single_source_events), and the event aggregates that differ from their SQL
/// definitions, each with a few differing rows.
private func questionMismatches(_ store: Store) throws -> [String] {
    try store.dbQueue.read { db in
        var out: [String] = []
        for name in keptQuestions {
            let n = try db.columns(in: name).count
            let order = " ORDER BY " + (1...n).map(String.init).joined(separator: ", ")
            let kept = try Row.fetchAll(db, sql: "SELECT * FROM \(name)" + order)
            var reference = view0004(name)
            if name == "q_single_source_events" {
                reference = "WITH q_timeline AS (\(view0004("q_timeline"))) " + reference
            }
            let computed = try Row.fetchAll(db, sql: "SELECT * FROM (\(reference))" + order)
            if kept != computed { out.append(mismatch(name, kept, computed)) }
        }
        // the aggregates Consolidation computes in Swift (EventAggregates) against their SQL definitions
        let summaryColumns = "event_type, event_id, field, event_date, summary, reports, sources, distinct_values, low, high, disagree, figures, outlets"
        let keptSummaries = try Row.fetchAll(db, sql: "SELECT \(summaryColumns) FROM event_figure_summaries ORDER BY 1, 2, 3")
        let sqlSummaries = try Row.fetchAll(db, sql: "SELECT \(summaryColumns) FROM (\(figureSummariesSQL)) ORDER BY 1, 2, 3")
        if keptSummaries != sqlSummaries { out.append(mismatch("event_figure_summaries", keptSummaries, sqlSummaries)) }
        let keptPairs = try Row.fetchAll(db, sql: "SELECT * FROM event_outlet_pairs ORDER BY 1, 2, 3, 4")
        let sqlPairs = try Row.fetchAll(db, sql: "SELECT * FROM (\(outletPairs0006())) ORDER BY 1, 2, 3, 4")
        if keptPairs.map({ Array($0.databaseValues) }) != sqlPairs.map({ Array($0.databaseValues) }) { out.append(mismatch("event_outlet_pairs", keptPairs, sqlPairs)) }
        return out
    }
}

private func expectNoMismatch(_ store: Store, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let m = try questionMismatches(store)
    #expect(m == [], sourceLocation: sourceLocation)
}

/// The rows of `event_figure_summaries` as SQL defines them, from `event_figure_reports`: what
/// `EventAggregates` (Sources/ConflictStore) computes in Swift for one event.
private let figureSummariesSQL = """
    SELECT event_type, event_id, field, event_date,
           CASE event_type
               WHEN 'exchange' THEN (SELECT status || ' exchange ' || side_a || '-' || side_b FROM exchanges WHERE id = event_id)
               ELSE (SELECT 'attack by ' || coalesce(attacker, '?') || ' on ' || coalesce(target_country, '?') FROM attacks WHERE id = event_id)
           END AS summary,
           count(*) AS reports, count(DISTINCT source_id) AS sources, count(DISTINCT value) AS distinct_values,
           min(value) AS low, max(value) AS high,
           -- sources disagree when two exact figures differ, or an exact figure breaks another
           -- source's hedge ("more than 1,200" and "1,212" agree; "at least 300" and "250" do not)
           coalesce(count(DISTINCT CASE WHEN coalesce(qualifier, 'exact') = 'exact' THEN value END) > 1, 0)
           OR coalesce(max(CASE WHEN qualifier = 'at_least' THEN value END) > min(CASE WHEN coalesce(qualifier, 'exact') = 'exact' THEN value END), 0)
           OR coalesce(max(CASE WHEN qualifier = 'more_than' THEN value END) >= min(CASE WHEN coalesce(qualifier, 'exact') = 'exact' THEN value END), 0)
           OR coalesce(min(CASE WHEN qualifier = 'up_to' THEN value END) < max(CASE WHEN coalesce(qualifier, 'exact') = 'exact' THEN value END), 0)
           AS disagree,
           group_concat(value || ' (' || coalesce(outlet, '?') || '; ' || coalesce(claimant, '?') || ')', ' | ') AS figures,
           group_concat(DISTINCT outlet) AS outlets
    FROM (SELECT * FROM event_figure_reports ORDER BY event_type, event_id, field, value, outlet, claimant)
    GROUP BY event_type, event_id, field
    """

/// The 0006 statement that filled `event_outlet_pairs`, as a SELECT.
private func outletPairs0006() -> String {
    let sql = embeddedMigrations.first { $0.name == "0006_question_aggregates" }!.sql
    let start = sql.range(of: "WITH ev AS (\n    SELECT DISTINCT 'exchange'")!
    let end = sql.range(of: ";\n", range: start.upperBound..<sql.endIndex)!
    return String(sql[start.lowerBound..<end.lowerBound])
        .replacingOccurrences(of: "INSERT INTO event_outlet_pairs(event_type, event_id, outlet_a, outlet_b, compared, agreeing)\n", with: "")
}

private func mismatch(_ name: String, _ kept: [Row], _ computed: [Row]) -> String {
    let a = Set(kept.map(\.description)), b = Set(computed.map(\.description))
    return "\(name): \(kept.count) rows kept, \(computed.count) computed; kept only: "
        + a.subtracting(b).sorted().prefix(3).joined(separator: " ") + "; computed only: "
        + b.subtracting(a).sorted().prefix(3).joined(separator: " ")
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

    /// One small article per outlet (front matter, published `date`), its body a sentence of ours. Articles
    /// are numbered from `first` (their URL is their number: give batches that go together distinct numbers).
    func articles(_ items: [(outlet: String, sentence: String)], date: String, first: Int = 0) throws -> [String] {
        let dir = try scratchDirectory("articles")
        var files: [String] = []
        for (i, item) in items.enumerated() {
            let n = first + i
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

    @Test func oneSourcesSwapsOnTwoDaysAreTwoEvents() throws {
        // one article: 390 each on Friday 2025-03-14, 307 each on Saturday; another outlet dates the 307 on
        // Saturday too: two events, and the one-day tolerance does not pull Saturday into Friday
        let files = try articles([
            ("Alpha Wire", "On Friday, Russia and Ukraine exchanged 390 prisoners of war each. On Saturday, Russia and Ukraine exchanged 307 prisoners of war each."),
            ("Gamma News", "Russia and Ukraine exchanged 307 prisoners of war each on Saturday, the Russian Defense Ministry said."),
        ], date: "2025-03-16")
        let store = try importInOrder(files)
        let r = try rows(store, """
            SELECT r.returned_to_a AS n, e.event_date AS day FROM exchange_reports r JOIN exchanges e ON e.id = r.exchange_id
            """)
        #expect(Set(r.map { "\($0["n"]!) \($0["day"]!)" }) == ["390 2025-03-14", "307 2025-03-15"], "\(r)")
        #expect(try rows(store, "SELECT id FROM exchanges").count == 2)
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
        try expectNoMismatch(two)
        try expectNoMismatch(three)
    }

    /// Each hedge against an exact figure, as EventAggregates computes it and as the SQL definition does.
    @Test(arguments: [("at least 300", "250", true), ("at least 300", "310", false), ("up to 200", "250", true),
                      ("up to 300", "250", false), ("about 300", "310", false), ("more than 300", "300", true),
                      ("300", "300", false)])
    func hedgesAgainstAnExactFigure(_ hedged: String, _ exact: String, _ disagree: Bool) throws {
        let files = try articles([("Alpha Wire", hedged), ("Beta Post", exact)].map {
            ($0.0, "Russia launched \($0.1) drones at Ukraine overnight, the Ukrainian Air Force said.")
        }, date: "2025-04-10")
        let store = try importInOrder(files)
        let d = try rows(store, "SELECT * FROM q_figure_disagreements WHERE field = 'drones_launched'")
        #expect(d.count == (disagree ? 1 : 0))
        try expectNoMismatch(store)
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

    /// The words left out when places are compared are data (grammar class `place_unit`), not code.
    @Test func placeUnitWordsComeFromTheDictionaries() throws {
        let v = Consolidation.Vocabulary(placeUnits: ["Oblast", "region"])
        #expect(v.places("Testville Oblast; testville region;Otherton") == ["testville", "otherton"])
        #expect(Consolidation.Vocabulary(placeUnits: []).places("Testville Oblast") == ["testville oblast"])
        let shipped = Consolidation.Vocabulary(try sharedDictionaries.get())
        #expect(shipped.placeUnits.contains("oblast") && shipped.placeUnits.contains("region"))
        // the words stay out of the text lexicon: "region" is still only a region suffix there
        let d = try sharedDictionaries.get()
        #expect(d.grammar.contains { $0.a == "place_unit" })
        // end to end: a city and its region named on one night are one wave
        let files = try articles([("Alpha Wire", "Russia launched 20 drones at Kharkiv overnight, Ukraine's air force said."),
                                  ("Beta Post", "Russia launched 20 drones at the Kharkiv region overnight, Ukraine's air force said.")],
                                 date: "2025-04-10")
        let store = try importInOrder(files)
        let locations = try rows(store, "SELECT locations FROM attack_reports ORDER BY source_id").map { $0["locations"]! }
        #expect(locations.count == 2 && locations[0] != locations[1], "\(locations)")
        let nights = try rows(store, "SELECT merge_rule, sources FROM attacks")
        #expect(nights.count == 1 && nights.first?["sources"] == "2", "\(nights)")
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

    // MARK: rows kept per event for the questions (migration 0008)

    @Test func keptQuestionRowsMatchTheirDefinitionsInAnyImportOrder() throws {
        let files = try seedFiles() + fixtureFiles()
        let odd = files.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        let even = files.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        for order in [files, files.reversed(), odd + even] {
            let store = try importInOrder(order)
            try expectNoMismatch(store)
            #expect(try rows(store, "SELECT * FROM q_delegation_roster").count > 5)
            #expect(try rows(store, "SELECT * FROM q_attack_claims").count >= 2)
            #expect(try rows(store, "SELECT * FROM q_exchange_tally").count >= 1)
        }
    }

    /// Event ids depend on the input and the options, never on when transactions happened to commit:
    /// regrouping is done per chunk of articles counted from the start, and the clock ends a transaction
    /// only between chunks.
    @Test func eventIdsDoNotDependOnWhenTransactionsCommit() throws {
        let files = try seedFiles() + fixtureFiles()
        func ids(commitEvery interval: TimeInterval) throws -> [String] {
            let dir = try temporaryDirectory()
            let store = try Store.open(path: dir.appendingPathComponent("ids.db").path)
            let importer = Importer(store: store, extractor: Extractor(dictionaries: try sharedDictionaries.get()))
            importer.options.regroupEvery = 3
            importer.options.batchInterval = interval
            #expect(importer.importPaths(files).failed == 0)
            return try store.dbQueue.read { db in
                try String.fetchAll(db, sql: """
                    SELECT 'x' || id || ':' || exchange_id FROM exchange_reports
                    UNION ALL SELECT 'a' || id || ':' || attack_id FROM attack_reports
                    UNION ALL SELECT 't' || id || ':' || talks_id FROM talks_reports
                    ORDER BY 1
                    """)
            }
        }
        // a commit at every chunk boundary, and one for the whole import
        let often = try ids(commitEvery: 0), once = try ids(commitEvery: 3600)
        #expect(often.count > 10)
        #expect(often == once)
    }

    /// The exchange tally's running totals when a report moves its event within a series: a lower figure
    /// for the same swap, an earlier swap arriving after a later one, a second mediator for a swap.
    @Test func tallyTotalsFollowFiguresDatesAndMediators() throws {
        func swap(_ n: Int, _ day: String, _ mediator: String) -> String {
            "Russia and Ukraine exchanged \(n) prisoners of war each on \(day), in a swap mediated by \(mediator), the Russian Defense Ministry said."
        }
        let march = try articles([("Alpha Wire", swap(120, "Friday", "the United Arab Emirates")),
                                  ("Beta Post", swap(110, "Friday", "the United Arab Emirates")),
                                  ("Delta Times", swap(120, "Friday", "Turkey and the United Arab Emirates"))], date: "2025-03-15")
        let january = try articles([("Gamma News", swap(50, "Thursday", "the United Arab Emirates"))], date: "2025-01-10",
                                   first: 3)
        let files = march + january
        for order in [files, files.reversed(), [files[3], files[0], files[2], files[1]], [files[0], files[3], files[1], files[2]]] {
            let store = try importInOrder(order)
            try expectNoMismatch(store)
            let tally = try rows(store, "SELECT * FROM q_exchange_tally WHERE mediator = 'ARE' ORDER BY event_date")
            #expect(tally.map { $0["returned_to_a_low"]! } == ["50", "110"])
            #expect(tally.map { $0["cumulative_to_a"]! } == ["50", "160"])
            #expect(try rows(store, "SELECT * FROM q_exchange_tally WHERE mediator = 'TUR'").map { $0["cumulative_to_b"]! } == ["110"])
        }
    }

    /// A talks article of ours: `round` of talks in Istanbul on the Monday before `published`, with each
    /// side's delegation (leader first).
    func talksArticle(_ dir: URL, _ file: String, outlet: String, url: String, published: String, round: String,
                      russian: [String], ukrainian: [String]) throws -> String {
        let f = dir.appendingPathComponent(file)
        func members(_ m: [String]) -> String {
            m.count == 1 ? m[0] : m[0] + " and included " + m.dropFirst().joined(separator: " and ")
        }
        try Data("""
            ---
            title: "Talks in Istanbul - \(outlet)"
            source: \(url)
            outlet: \(outlet)
            date: \(published)
            ---

            The \(round) round of direct talks between Russia and Ukraine took place in Istanbul on Monday.

            The Russian delegation was led by \(members(russian)).

            The Ukrainian delegation was headed by \(members(ukrainian)).

            """.utf8).write(to: f)
        return f.path
    }

    func plainArticle(_ dir: URL, _ file: String, outlet: String, url: String, published: String) throws -> String {
        let f = dir.appendingPathComponent(file)
        try Data("""
            ---
            title: "No comment - \(outlet)"
            source: \(url)
            outlet: \(outlet)
            date: \(published)
            ---

            Officials in Kyiv and Moscow declined to comment on Monday, \(outlet) was told.

            """.utf8).write(to: f)
        return f.path
    }

    @Test func keptRosterFollowsRoundsAddedMovedAndRemoved() throws {
        let dir = try temporaryDirectory()
        let (medinsky, galuzin, fomin, kostyukov) = ("Vladimir Medinsky", "Deputy Foreign Minister Mikhail Galuzin",
                                                     "Deputy Defense Minister Alexander Fomin", "Igor Kostyukov")
        let (umerov, kyslytsya, budanov) = ("Rustem Umerov", "Deputy Foreign Minister Serhiy Kyslytsya", "Kyrylo Budanov")
        let store = try importInOrder([
            try talksArticle(dir, "r1.md", outlet: "Alpha Wire", url: "https://alpha.example/r1", published: "2025-09-02",
                             round: "first", russian: [medinsky, galuzin], ukrainian: [umerov, kyslytsya]),
            try talksArticle(dir, "r2a.md", outlet: "Alpha Wire", url: "https://alpha.example/r2", published: "2025-09-16",
                             round: "second", russian: [medinsky, fomin], ukrainian: [umerov]),
            try talksArticle(dir, "r2b.md", outlet: "Beta Post", url: "https://beta.example/r2", published: "2025-09-16",
                             round: "second", russian: [medinsky, galuzin], ukrainian: [umerov, budanov]),
            try talksArticle(dir, "r4.md", outlet: "Gamma News", url: "https://gamma.example/r4", published: "2025-10-14",
                             round: "fourth", russian: [medinsky, kostyukov], ukrainian: [umerov, kyslytsya]),
        ])
        try expectNoMismatch(store)
        let rounds = try rows(store, "SELECT DISTINCT talks_id FROM q_delegation_roster")
        #expect(rounds.count == 3)
        let importer = Importer(store: store, extractor: Extractor(dictionaries: try sharedDictionaries.get()))
        func step(_ path: String) throws {
            _ = importer.importPaths([path])
            try expectNoMismatch(store)
            #expect(try rows(store, "SELECT * FROM consolidation_queue").isEmpty)
        }
        // a round between the second and the fourth: the fourth's previous round changes
        try step(try talksArticle(dir, "r3.md", outlet: "Delta Daily", url: "https://delta.example/r3", published: "2025-09-30",
                                  round: "third", russian: [kostyukov], ukrainian: [umerov, budanov]))
        #expect(try rows(store, "SELECT DISTINCT talks_id FROM q_delegation_roster").count == 4)
        // the same article corrected: that round was a week before the second one
        try step(try talksArticle(dir, "r3.md", outlet: "Delta Daily", url: "https://delta.example/r3", published: "2025-09-09",
                                  round: "third", russian: [kostyukov, fomin], ukrainian: [budanov]))
        // the second round loses one source, then the other: it is gone
        try step(try plainArticle(dir, "r2a.md", outlet: "Alpha Wire", url: "https://alpha.example/r2", published: "2025-09-16"))
        try step(try plainArticle(dir, "r2b.md", outlet: "Beta Post", url: "https://beta.example/r2", published: "2025-09-16"))
        #expect(try rows(store, "SELECT DISTINCT talks_id FROM q_delegation_roster").count == 3)

        // the same articles imported afresh (in reverse) give the same roster, ids aside
        let fresh = try importInOrder(["r4.md", "r3.md", "r2b.md", "r2a.md", "r1.md"].map { dir.appendingPathComponent($0).path })
        #expect(try questionMismatches(fresh) == [])
        let roster = """
            SELECT talks_name, location, start_date, round, side, member, roles, sources, rounds_attended, change,
                   previous_talks_id IS NULL AS first FROM q_delegation_roster ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
            """
        #expect(try rows(store, roster) == rows(fresh, roster))
        let timeline = "SELECT event_type, event_date, summary, sources, reports, merge_rule FROM q_timeline ORDER BY 1, 2, 3, 4, 5, 6"
        #expect(try rows(store, timeline) == rows(fresh, timeline))
    }

    @Test func keptAttackClaimsFollowAClaimantsCountry() throws {
        let store = try importInOrder(try fixtureFiles())
        let claimant = "SELECT defender_claimants FROM q_attack_claims WHERE event_date = '2025-04-10'"
        #expect(try rows(store, claimant).first?["defender_claimants"] == "Ukrainian Air Force")
        // as if the claimant had been stored with no country first, and got it from a later article
        try store.dbQueue.write { db in try db.execute(sql: "UPDATE actors SET country = NULL WHERE name = 'Ukrainian Air Force'") }
        #expect(try rows(store, claimant).first?["defender_claimants"] == "")
        try expectNoMismatch(store)
        try store.dbQueue.write { db in try db.execute(sql: "UPDATE actors SET country = 'UKR' WHERE name = 'Ukrainian Air Force'") }
        #expect(try rows(store, claimant).first?["defender_claimants"] == "Ukrainian Air Force")
        try expectNoMismatch(store)
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
