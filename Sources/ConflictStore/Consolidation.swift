import GRDB
import ConflictExtraction

/// Groups reports (what one source says) into events (what happened), at import time and incrementally.
///
/// Every grouping is a pure function of the set of reports stored, never of the order they came in:
/// the reports around new ones are regrouped from scratch with deterministic rules, once per chunk of
/// articles (`attach*` note what is out of date, `finish` regroups it: the importer calls it at the end of
/// each chunk and before every commit), and around deleted ones at once (`deleteSources`); the events
/// rows follow. Lookups go through indexes on the grouping keys
/// (migration 0004), and only a few days around the report are read.
///
/// The rules (README "Consolidation rules"; each report's `merge_rule` says which one put it where):
/// - **Exchanges**: same two sides, same status (completed and agreed stay apart), same kind class
///   (bodies apart from people). Dated reports: the event's day is the day most sources give (ties: the
///   earlier); a report dated one day off joins the neighbouring day when that day has at least as many
///   sources and is itself an event day (`exchange:same_day`, `exchange:day_apart`). A report with no day
///   joins the one event dated on its publication day or the day before that shares one of its figures
///   (`exchange:undated_fit`), else it stays apart with the other such reports of its article
///   (`exchange:undated`).
/// - **Attacks**: same attacker, same target country, same night (day equal). Within a night, reports
///   that name places are grouped by shared places; the group with the most sources is the night's wave,
///   reports naming no place join it (`attack:same_night`, `attack:no_place`); a group sharing no place
///   with it is another wave (`attack:other_place`). No day: one event per article (`attack:undated`).
/// - **Talks**: same venue, and dates that overlap or touch (day ranges of at most a week, one day of
///   tolerance) (`talks:dates_overlap`), or, when one of them has no such range, the same round number
///   and start dates at most 31 days apart (`talks:same_round`). No venue: one event per article.
///   Delegations follow their report; `delegation-roster` merges them by talks and side, members by person.
public enum Consolidation {
    /// Kept for callers of the first version (every event now carries its own rule).
    public static let mergeRule = "consolidated"

    /// The words the grouping rules use, from the dictionaries (vocabulary is data, not code).
    public struct Vocabulary: Sendable {
        /// Lowercased words at the end of a place name that are left out when the places of two attack
        /// reports are compared ("Kharkiv Oblast" = "Kharkiv region" = "Kharkiv"): grammar class
        /// `place_unit`, in file order, each tried once.
        public let placeUnits: [String]
        /// `placeUnits` with the space before them, built once (places are compared on the regroup path)
        private let suffixes: [String]

        public init(placeUnits: [String]) {
            self.placeUnits = placeUnits.map { $0.lowercased() }
            self.suffixes = self.placeUnits.map { " " + $0 }
        }
        public init(_ dictionaries: Dictionaries) {
            self.init(placeUnits: dictionaries.grammar.filter { $0.a == "place_unit" }.map(\.term))
        }

        /// A place name for comparison: lowercased, without its administrative-unit words.
        func normalizePlace(_ s: String) -> String {
            var p = Whitespace.trimSpaces(s.lowercased())
            for suffix in suffixes where p.hasSuffix(suffix) {
                p = String(p.dropLast(suffix.count))
            }
            return p
        }

        /// The compared places of an attack report's `locations` (`;`-separated).
        func places(_ locations: String?) -> Set<String> {
            Set((locations ?? "").split(separator: ";").map { normalizePlace(String($0)) }.filter { !$0.isEmpty })
        }
    }

    // MARK: entry points (called by StoreWriter after inserting a report)

    /// The groupings new reports made out of date since the last `finish`, each noted once, in order: a
    /// busy night or swap reported by many articles of one chunk is regrouped (and its event refreshed)
    /// once instead of once per report.
    public struct Pending: Sendable {
        enum Key: Hashable, Sendable {
            case exchange(ExchangeBucket, center: Int)
            case exchangeUndated(ExchangeBucket, source: Int64)
            case attackNight(attacker: String?, target: String?, day: String)
            case attackUndated(attacker: String?, target: String?, source: Int64)
            case talks(report: Int64)
        }
        private(set) var keys: [Key] = []
        private var noted = Set<Key>()

        public init() {}
        mutating func note(_ k: Key) { if noted.insert(k).inserted { keys.append(k) } }
    }

    /// Regroups what `pending` holds (the reports around each key, from scratch: the result does not depend
    /// on the order the reports came in) and empties it. Whoever attaches reports calls it before the
    /// transaction commits. A key whose reports were rolled back since (a failed article's savepoint)
    /// finds nothing to regroup, or only what is stored.
    public static func finish(_ db: Database, _ pending: inout Pending, _ vocabulary: Vocabulary) throws {
        var talks: [Int64] = []
        var series = Set<ExchangeTally.Series>()
        for k in pending.keys {
            switch k {
            case let .exchange(bucket, center): series.formUnion(try regroupExchanges(db, bucket, center: center))
            case let .exchangeUndated(bucket, source):
                series.formUnion(try regroupExchangesWithoutDay(db, bucket, sourceID: source))
            case let .attackNight(attacker, target, day):
                try regroupAttacks(db, vocabulary, attacker: attacker, target: target, day: day)
            case let .attackUndated(attacker, target, source):
                try regroupAttacksWithoutDay(db, attacker: attacker, target: target, sourceID: source)
            case let .talks(report): talks.append(report)
            }
        }
        if !talks.isEmpty { try regroupTalks(db, seeds: talks) }
        try ExchangeTally.recompute(db, series)
        pending = Pending()
    }

    /// Notes a stored exchange report's day (or its article's) and the grouping it makes out of date.
    public static func attachExchange(_ db: Database, reportID: Int64, report: ExchangeReport, pending: inout Pending) throws {
        let day = dayOf(report.date)
        try db.cachedStatement(sql: """
            UPDATE exchange_reports SET merge_dated = ?,
                merge_day = coalesce(?, (SELECT substr(published, 1, 10) FROM sources WHERE id = source_id))
            WHERE id = ?
            """).execute(arguments: [day == nil ? 0 : 1, day, reportID])
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT merge_day, source_id FROM exchange_reports WHERE id = ?"),
                                   arguments: [reportID])!
        let bucket = ExchangeBucket(a: report.sideA, b: report.sideB, status: report.status.rawValue)
        if let d: String = row[0], let n = Day.number(d) {
            pending.note(.exchange(bucket, center: n))
        } else {
            pending.note(.exchangeUndated(bucket, source: row[1]))
        }
    }

    /// Notes a stored attack report's night and the grouping it makes out of date.
    public static func attachAttack(_ db: Database, reportID: Int64, report: AttackReport, pending: inout Pending) throws {
        let day = dayOf(report.date)
        try db.cachedStatement(sql: "UPDATE attack_reports SET merge_day = ?, merge_dated = ? WHERE id = ?")
            .execute(arguments: [day, day == nil ? 0 : 1, reportID])
        if let day {
            pending.note(.attackNight(attacker: report.attacker, target: report.targetCountry, day: day))
        } else {
            let source = try Int64.fetchOne(db.cachedStatement(sql: "SELECT source_id FROM attack_reports WHERE id = ?"),
                                            arguments: [reportID])!
            pending.note(.attackUndated(attacker: report.attacker, target: report.targetCountry, source: source))
        }
    }

    /// Notes a stored talks report (and its delegations): the rounds at its venue are regrouped by `finish`.
    public static func attachTalks(_ db: Database, reportID: Int64, report: TalksReport, pending: inout Pending) throws {
        pending.note(.talks(report: reportID))
    }

    /// Deletes sources (an article being replaced) with everything that was theirs: their rows go by cascade,
    /// the reports left around theirs are regrouped (`drainQueue`, which deletes events left without a
    /// report), and the actors and places only they referred to are deleted. Every step is an index look-up,
    /// so replacing an article costs the same in a database of 100 or 100,000 articles.
    public static func deleteSources(_ db: Database, _ ids: [Int64], _ vocabulary: Vocabulary) throws {
        var actors = Set<Int64>(), places = Set<Int64>()
        for id in ids {
            let r = try referenced(db, bySource: id)
            actors.formUnion(r.actors)
            places.formUnion(r.places)
            try db.cachedStatement(sql: "DELETE FROM sources WHERE id = ?").execute(arguments: [id])
        }
        try drainQueue(db, vocabulary)
        try pruneOrphans(db, actors: actors, places: places)
    }

    /// The actors and places a source refers to: the only ones its deletion can leave orphaned.
    static func referenced(_ db: Database, bySource id: Int64) throws -> (actors: Set<Int64>, places: Set<Int64>) {
        let actors = try Int64.fetchSet(db.cachedStatement(sql: """
            SELECT actor_id FROM mentions WHERE source_id = :s AND actor_id IS NOT NULL
            UNION SELECT actor_id FROM actor_aliases WHERE source_id = :s
            UNION SELECT claimant_actor_id FROM exchange_reports WHERE source_id = :s AND claimant_actor_id IS NOT NULL
            UNION SELECT claimant_actor_id FROM attack_reports WHERE source_id = :s AND claimant_actor_id IS NOT NULL
            UNION SELECT actor_id FROM delegation_members WHERE source_id = :s AND actor_id IS NOT NULL
            """), arguments: ["s": id])
        let places = try Int64.fetchSet(db.cachedStatement(sql: """
            SELECT DISTINCT place_id FROM mentions WHERE source_id = ? AND place_id IS NOT NULL
            """), arguments: [id])
        return (actors, places)
    }

    /// Deletes, among `actors` and `places`, those nothing refers to any more (index look-ups for actors;
    /// a place's count of linked mentions, kept by triggers (migration 0011), for places).
    static func pruneOrphans(_ db: Database, actors: Set<Int64>, places: Set<Int64>) throws {
        for id in actors.sorted() {
            try db.cachedStatement(sql: """
                DELETE FROM actors WHERE id = :a
                    AND NOT EXISTS (SELECT 1 FROM mentions WHERE actor_id = :a)
                    AND NOT EXISTS (SELECT 1 FROM actor_aliases WHERE actor_id = :a)
                    AND NOT EXISTS (SELECT 1 FROM exchange_reports WHERE claimant_actor_id = :a)
                    AND NOT EXISTS (SELECT 1 FROM attack_reports WHERE claimant_actor_id = :a)
                    AND NOT EXISTS (SELECT 1 FROM delegation_members WHERE actor_id = :a)
                """).execute(arguments: ["a": id])
        }
        for id in places.sorted() {
            try db.cachedStatement(sql: """
                DELETE FROM places WHERE id = ? AND mentions = 0
                """).execute(arguments: [id])
        }
    }

    /// Regroups around every deleted report noted in `consolidation_queue`, and empties it.
    public static func drainQueue(_ db: Database, _ vocabulary: Vocabulary) throws {
        let entries = try Row.fetchAll(db, sql: "SELECT kind, event_id, k1, k2, k3, day FROM consolidation_queue ORDER BY id")
        if entries.isEmpty { return }
        try db.execute(sql: "DELETE FROM consolidation_queue")
        var done = Set<String>()
        var series = Set<ExchangeTally.Series>()
        for e in entries {
            let kind: String = e[0]
            let eventID: Int64? = e[1]
            let k1: String? = e[2], k2: String? = e[3], k3: String? = e[4], day: String? = e[5]
            guard done.insert("\(kind)|\(eventID ?? -1)|\(k1 ?? "")|\(k2 ?? "")|\(k3 ?? "")|\(day ?? "")").inserted else { continue }
            switch kind {
            case "exchange":
                if let k1, let k2, let k3, let day, let n = Day.number(day) {
                    series.formUnion(try regroupExchanges(db, ExchangeBucket(a: k1, b: k2, status: k3), center: n))
                }
                if let eventID { series.formUnion(try refresh(db, .exchange, eventID)) }
            case "attack":
                if let day { try regroupAttacks(db, vocabulary, attacker: k1, target: k2, day: day) }
                if let eventID { _ = try refresh(db, .attack, eventID) }
            default:
                if let eventID {
                    let rest = try Int64.fetchAll(db, sql: "SELECT id FROM talks_reports WHERE talks_id = ?", arguments: [eventID])
                    if !rest.isEmpty { try regroupTalks(db, seeds: rest) }
                    _ = try refresh(db, .talks, eventID)
                }
            }
        }
        try ExchangeTally.recompute(db, series)
    }

    // MARK: days

    /// The day a report gives (day or range start), or nil when it gives none (month, year, no date).
    static func dayOf(_ d: ResolvedDate?) -> String? {
        guard let d, d.precision == .day || d.precision == .range, Day.number(d.date) != nil else { return nil }
        return String(d.date.prefix(10))
    }

    /// Days as integers (days since 1970-01-01), for ISO `YYYY-MM-DD` strings.
    enum Day {
        static func number(_ s: String) -> Int? { CivilDate(iso: s)?.dayNumber }

        static func string(_ n: Int) -> String { CivilDate(dayNumber: n).iso }

        /// A date of any precision as a day (month: its first day), for rough comparisons.
        static func approx(_ s: String?) -> Int? {
            guard let s else { return nil }
            if let n = number(s) { return n }
            if s.count == 7 { return number(s + "-01") }
            return nil
        }
    }

    // MARK: applying a grouping

    enum Kind {
        case exchange, attack, talks
        var events: String { switch self { case .exchange: "exchanges"; case .attack: "attacks"; case .talks: "talks" } }
        var reports: String { switch self { case .exchange: "exchange_reports"; case .attack: "attack_reports"; case .talks: "talks_reports" } }
        var fk: String { switch self { case .exchange: "exchange_id"; case .attack: "attack_id"; case .talks: "talks_id" } }
        /// `event_type` in the question aggregates.
        var type: String { switch self { case .exchange: "exchange"; case .attack: "attack"; case .talks: "talks" } }
        /// The event row's columns that grouping writes (`writeEvent`'s values, in this order).
        var columns: [String] {
            switch self {
            case .exchange: ["event_date", "date_precision", "end_date", "status", "side_a", "side_b", "kind", "merge_rule"]
            case .attack: ["event_date", "date_precision", "end_date", "attacker", "target_country", "merge_rule"]
            case .talks: ["name", "round", "location", "location_country", "start_date", "date_precision", "end_date", "merge_rule"]
            }
        }
        /// Inserts the row's `columns`.
        var insertSQL: String {
            "INSERT INTO \(events)(\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        }
        /// Updates the row's `columns` (`?1`...) of row `?N+1`, only when one of them differs.
        var updateSQL: String {
            let n = columns.count
            return "UPDATE \(events) SET " + columns.enumerated().map { "\($1) = ?\($0 + 1)" }.joined(separator: ", ")
                + " WHERE id = ?\(n + 1) AND (" + columns.enumerated().map { "\($1) IS NOT ?\($0 + 1)" }.joined(separator: " OR ") + ")"
        }
    }

    /// `Kind.insertSQL` and `Kind.updateSQL`, built once.
    static let eventSQL: [Kind: (insert: String, update: String)] = Dictionary(
        uniqueKeysWithValues: [Kind.exchange, .attack, .talks].map { ($0, ($0.insertSQL, $0.updateSQL)) })

    /// Inserts an event row (`id` nil) or updates it only where a value differs, so that `db.changesCount`
    /// says whether it changed (`apply`); returns its id. `values` go with `kind.columns`.
    static func writeEvent(_ db: Database, _ kind: Kind, id: Int64?, _ values: [(any DatabaseValueConvertible)?]) throws -> Int64 {
        let sql = eventSQL[kind]!
        if let id {
            try db.cachedStatement(sql: sql.update).execute(arguments: StatementArguments(values + [id]))
            return id
        }
        try db.cachedStatement(sql: sql.insert).execute(arguments: StatementArguments(values))
        return db.lastInsertedRowID
    }

    struct Member {
        var id: Int64
        var event: Int64?
        var oldRule: String?
        var rule: String
    }

    /// One event to be: its members (with the rule that put each there) and how to write its row.
    struct Group {
        var sortKey: String
        var members: [Member]
        /// True when the event row is a function of the members and their rules alone (attacks: bucket,
        /// day and rule): a group whose members all stay in their event with their rule needs no write.
        var rowFollowsMembers = false
        /// Inserts (id nil) or updates the event row; returns its id.
        var write: (Database, Int64?) throws -> Int64
    }

    /// Gives each group an event: the event most of its members already have (ties: the smallest id),
    /// else a new one; relinks the members that moved; deletes events left with no report.
    ///
    /// Exchanges and attacks: only the events that changed are refreshed (a member moved in or out, a
    /// member's rule changed, or the event row itself changed): regrouping a busy night or a ±8-day window
    /// touches many events, and refreshing all of them made each new report cost more as the database grew.
    /// Returns the exchange tally series whose running totals are out of date (`ExchangeTally.refresh`).
    static func apply(_ db: Database, _ kind: Kind, _ groups: [Group]) throws -> Set<ExchangeTally.Series> {
        var claimed = Set<Int64>()
        var previous = Set<Int64>()
        var changed = Set<Int64>()
        for g in groups.sorted(by: { $0.sortKey < $1.sortKey }) {
            var counts: [Int64: Int] = [:]
            for m in g.members { if let e = m.event { counts[e, default: 0] += 1; previous.insert(e) } }
            let pick = counts.filter { !claimed.contains($0.key) }
                .max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
            if g.rowFollowsMembers, let pick, g.members.allSatisfy({ $0.event == pick && $0.oldRule == $0.rule }) {
                // a busy night is regrouped for every new report: its other waves are left as they are
                claimed.insert(pick)
                continue
            }
            // `write` inserts, or updates only a row that differs: a change shows in changesCount
            let id = try g.write(db, pick)
            claimed.insert(id)
            if db.changesCount > 0 { changed.insert(id) }
            for m in g.members where m.event != id || m.oldRule != m.rule {
                try db.cachedStatement(sql: "UPDATE \(kind.reports) SET \(kind.fk) = ?, merge_rule = ? WHERE id = ?")
                    .execute(arguments: [id, m.rule, m.id])
                changed.insert(id)
                if let e = m.event { changed.insert(e) }
                if kind == .talks, m.event != id {
                    try db.cachedStatement(sql: "UPDATE delegations SET talks_id = ? WHERE talks_report_id = ?")
                        .execute(arguments: [id, m.id])
                }
            }
        }
        // events that lost every member to other groups
        for e in previous where !claimed.contains(e) { changed.insert(e) }
        // after every group is linked: an event claimed by one group may lose members to a later one
        let refreshed = kind == .talks ? claimed.union(previous) : changed
        var series = Set<ExchangeTally.Series>()
        for e in refreshed.sorted() { series.formUnion(try refresh(db, kind, e)) }
        return series
    }

    /// Updates an event's source and report counts, or deletes it when no report is left; then rewrites
    /// its rows in the question aggregates (migration 0006) and the question rows (migration 0008).
    /// Returns the exchange tally series whose running totals are out of date (`ExchangeTally.refresh`).
    static func refresh(_ db: Database, _ kind: Kind, _ id: Int64) throws -> Set<ExchangeTally.Series> {
        let agg = try EventAggregates.load(db, kind, id)
        if agg.reports == 0 {
            try db.cachedStatement(sql: "DELETE FROM \(kind.events) WHERE id = ?").execute(arguments: [id])
        } else {
            try db.cachedStatement(sql: "UPDATE \(kind.events) SET reports = ?, sources = ? WHERE id = ?")
                .execute(arguments: [agg.reports, agg.sources, id])
        }
        try refreshAggregates(db, kind, id, agg)
        return try refreshQuestionRows(db, kind, id)
    }

    // MARK: question aggregates (migration 0006)

    /// Rewrites one event's rows in `event_figure_summaries`, `event_outlet_pairs` (whose triggers keep
    /// `outlet_pairs`) and, for talks, `delegation_seats`: the same rows the 0004 views computed for it.
    static func refreshAggregates(_ db: Database, _ kind: Kind, _ id: Int64, _ agg: EventAggregates) throws {
        if kind != .talks { try agg.writeSummaries(db, kind, id) }
        try agg.writeOutletPairs(db, kind, id)
        if kind == .talks {
            try db.cachedStatement(sql: "DELETE FROM delegation_seats WHERE talks_id = ?").execute(arguments: [id])
            if agg.reports > 0 {
                try db.cachedStatement(sql: """
                    INSERT INTO delegation_seats(talks_id, side, person, member, roles, sources)
                    SELECT d.talks_id, d.side, coalesce(m.actor_id, -m.id) AS person, min(m.name),
                           group_concat(DISTINCT m.role), count(DISTINCT m.source_id)
                    FROM delegations d JOIN delegation_members m ON m.delegation_id = d.id
                    WHERE d.talks_id = ?
                    GROUP BY d.talks_id, d.side, person
                    """).execute(arguments: [id])
            }
        }
    }

    // MARK: question rows (migration 0008)

    /// The `timeline_events` row of one event (`?`: its id), with the 0004 q_timeline and
    /// q_single_source_events expressions.
    static func timelineSelect(_ kind: Kind) -> String {
        switch kind {
        case .exchange:
            return """
                SELECT 'exchange', e.id, e.event_date, e.status || ' ' || e.kind || ' exchange ' || e.side_a || '-' || e.side_b,
                       e.sources, e.reports, e.merge_rule, s.outlet, s.path, s.url
                FROM exchanges e
                LEFT JOIN sources s ON e.sources = 1 AND s.id = (SELECT source_id FROM exchange_reports WHERE exchange_id = e.id LIMIT 1)
                WHERE e.id = ?
                """
        case .attack:
            return """
                SELECT 'attack', a.id, a.event_date, 'attack by ' || coalesce(a.attacker, '?') || ' on ' || coalesce(a.target_country, '?'),
                       a.sources, a.reports, a.merge_rule, s.outlet, s.path, s.url
                FROM attacks a
                LEFT JOIN sources s ON a.sources = 1 AND s.id = (SELECT source_id FROM attack_reports WHERE attack_id = a.id LIMIT 1)
                WHERE a.id = ?
                """
        case .talks:
            return """
                SELECT 'talks', t.id, t.start_date,
                       t.name || coalesce(' in ' || t.location, '') ||
                           CASE WHEN t.name LIKE '%round%' THEN '' ELSE coalesce(' (round ' || t.round || ')', '') END,
                       t.sources, t.reports, t.merge_rule, s.outlet, s.path, s.url
                FROM talks t
                LEFT JOIN sources s ON t.sources = 1 AND s.id = (SELECT source_id FROM talks_reports WHERE talks_id = t.id LIMIT 1)
                WHERE t.id = ?
                """
        }
    }

    /// Rewrites one event's rows in the tables the questions read in order (migration 0008):
    /// `timeline_events`; `attack_claims` (attacks); `exchange_tally_rows` and the running totals of the
    /// series its rows were and are in (exchanges); for talks, the delegation roster of the event and of
    /// the round after it on each side. Called once its counts (and, for talks, its `delegation_seats`)
    /// are up to date; a deleted event leaves no row.
    /// For exchanges, returns the tally series whose running totals the caller must recompute.
    static func refreshQuestionRows(_ db: Database, _ kind: Kind, _ id: Int64) throws -> Set<ExchangeTally.Series> {
        try db.cachedStatement(sql: "DELETE FROM timeline_events WHERE event_type = ? AND event_id = ?")
            .execute(arguments: [kind.type, id])
        try db.cachedStatement(sql: """
            INSERT INTO timeline_events(event_type, event_id, event_date, summary, sources, reports, merge_rule,
                                        outlet, source_path, url)
            \(timelineSelect(kind))
            """).execute(arguments: [id])
        switch kind {
        case .attack:
            try db.cachedStatement(sql: "DELETE FROM attack_claims WHERE event_id = ?").execute(arguments: [id])
            // the view's WHERE on its GROUP BY column is pushed into it: one event's reports are read
            try db.cachedStatement(sql: "INSERT INTO attack_claims SELECT * FROM attack_claims_computed WHERE event_id = ?")
                .execute(arguments: [id])
        case .exchange:
            return try ExchangeTally.refresh(db, eventID: id)
        case .talks:
            try refreshRoster(db, talksID: id)
        }
        return []
    }

    /// A side's rounds are its talks events with a seat, in (start_date, talks_id) order, undated first
    /// (the order of the 0004 view's `lag`). The round after (`after`) or before a position, or nil.
    static func neighbourRound(_ db: Database, side: String, start: String?, talksID: Int64, after: Bool) throws -> Int64? {
        func one(_ sql: String, _ args: StatementArguments) throws -> Int64? {
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT talks_id FROM delegation_rounds WHERE side = ? AND " + sql + " LIMIT 1"),
                               arguments: [side] + args)
        }
        if after {
            if let start {
                return try one("start_date = ? AND talks_id > ? ORDER BY talks_id", [start, talksID])
                    ?? one("start_date > ? ORDER BY start_date, talks_id", [start])
            }
            return try one("start_date IS NULL AND talks_id > ? ORDER BY talks_id", [talksID])
                ?? one("start_date IS NOT NULL ORDER BY start_date, talks_id", [])
        }
        if let start {
            return try one("start_date = ? AND talks_id < ? ORDER BY talks_id DESC", [start, talksID])
                ?? one("start_date < ? ORDER BY start_date DESC, talks_id DESC", [start])
                ?? one("start_date IS NULL ORDER BY talks_id DESC", [])
        }
        return try one("start_date IS NULL AND talks_id < ? ORDER BY talks_id DESC", [talksID])
    }

    /// Rewrites the roster rows that depend on one talks event: its own (its seats may have changed, and
    /// its date, name or place), and those of the round after it on each side, before and after the change
    /// (their previous round, or its seats, may have changed). `delegation_seats` is up to date.
    static func refreshRoster(_ db: Database, talksID: Int64) throws {
        struct Round: Hashable, Comparable {
            var side: String, talks: Int64
            static func < (a: Round, b: Round) -> Bool { (a.side, a.talks) < (b.side, b.talks) }
        }
        var affected = Set<Round>()
        for r in try Row.fetchAll(db.cachedStatement(sql: "SELECT side, start_date FROM delegation_rounds WHERE talks_id = ?"),
                                  arguments: [talksID]) {
            let side: String = r[0]
            if let next = try neighbourRound(db, side: side, start: r[1], talksID: talksID, after: true) {
                affected.insert(Round(side: side, talks: next))
            }
        }
        try db.cachedStatement(sql: "DELETE FROM delegation_rounds WHERE talks_id = ?").execute(arguments: [talksID])
        try db.cachedStatement(sql: "DELETE FROM delegation_roster_rows WHERE talks_id = ?").execute(arguments: [talksID])
        try db.cachedStatement(sql: """
            INSERT INTO delegation_rounds(talks_id, side, start_date)
            SELECT DISTINCT s.talks_id, s.side, t.start_date FROM delegation_seats s JOIN talks t ON t.id = s.talks_id
            WHERE s.talks_id = ?
            """).execute(arguments: [talksID])
        for r in try Row.fetchAll(db.cachedStatement(sql: "SELECT side, start_date FROM delegation_rounds WHERE talks_id = ?"),
                                  arguments: [talksID]) {
            let side: String = r[0]
            affected.insert(Round(side: side, talks: talksID))
            if let next = try neighbourRound(db, side: side, start: r[1], talksID: talksID, after: true) {
                affected.insert(Round(side: side, talks: next))
            }
        }
        for round in affected.sorted() { try rebuildRound(db, side: round.side, talksID: round.talks) }
    }

    /// Rewrites the roster rows of one side's delegation at one talks event: a row per seat (first, stayed
    /// or joined, against the side's previous round) and a `left` row per seat of the previous round not
    /// taken again.
    static func rebuildRound(_ db: Database, side: String, talksID: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM delegation_roster_rows WHERE talks_id = ? AND side = ?")
            .execute(arguments: [talksID, side])
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT start_date FROM delegation_rounds WHERE talks_id = ? AND side = ?"),
                                         arguments: [talksID, side]) else { return }
        let previous = try neighbourRound(db, side: side, start: row[0], talksID: talksID, after: false)
        let args: StatementArguments = ["r": talksID, "side": side, "p": previous]
        try db.cachedStatement(sql: """
            INSERT INTO delegation_roster_rows(talks_id, side, person, change, start_date, talks_name, location, round, member,
                                               roles, sources, previous_talks_id, person_id)
            SELECT s.talks_id, s.side, s.person,
                   CASE WHEN :p IS NULL THEN 'first'
                        WHEN EXISTS (SELECT 1 FROM delegation_seats p WHERE p.talks_id = :p AND p.side = s.side AND p.person = s.person)
                        THEN 'stayed' ELSE 'joined' END,
                   t.start_date, t.name, t.location, t.round, s.member, s.roles, s.sources, :p,
                   (SELECT id FROM delegation_persons d WHERE d.side = s.side AND d.person = s.person)
            FROM delegation_seats s JOIN talks t ON t.id = s.talks_id
            WHERE s.talks_id = :r AND s.side = :side
            """).execute(arguments: args)
        if previous != nil {
            try db.cachedStatement(sql: """
                INSERT INTO delegation_roster_rows(talks_id, side, person, change, start_date, talks_name, location, round, member,
                                                   roles, sources, previous_talks_id, person_id)
                SELECT t.id, p.side, p.person, 'left', t.start_date, t.name, t.location, t.round, p.member, p.roles, 0, :p,
                       (SELECT id FROM delegation_persons d WHERE d.side = p.side AND d.person = p.person)
                FROM delegation_seats p JOIN talks t ON t.id = :r
                WHERE p.talks_id = :p AND p.side = :side
                  AND NOT EXISTS (SELECT 1 FROM delegation_seats s WHERE s.talks_id = :r AND s.side = :side AND s.person = p.person)
                """).execute(arguments: args)
        }
    }

    /// Counts a stored article's actors (named in a mention, as a claimant or in a delegation) in
    /// `actor_coverage` and `actor_outlets`: one upsert per distinct actor. Called by StoreWriter once the
    /// article's rows are written; a deleted source takes its counts back (trigger of migration 0006).
    public static func attachSource(_ db: Database, sourceID: Int64) throws {
        let seen = """
            WITH seen(actor_id) AS (
                SELECT actor_id FROM mentions WHERE source_id = :s AND actor_id IS NOT NULL
                UNION SELECT claimant_actor_id FROM exchange_reports WHERE source_id = :s AND claimant_actor_id IS NOT NULL
                UNION SELECT claimant_actor_id FROM attack_reports WHERE source_id = :s AND claimant_actor_id IS NOT NULL
                UNION SELECT actor_id FROM delegation_members WHERE source_id = :s AND actor_id IS NOT NULL
            )
            """
        try db.cachedStatement(sql: seen + """
            INSERT INTO actor_coverage(actor_id, sources, first_seen, last_seen)
            SELECT seen.actor_id, 1, s.published, s.published FROM seen JOIN sources s ON s.id = :s WHERE true
            ON CONFLICT(actor_id) DO UPDATE SET sources = sources + 1,
                first_seen = coalesce(min(first_seen, excluded.first_seen), first_seen, excluded.first_seen),
                last_seen = coalesce(max(last_seen, excluded.last_seen), last_seen, excluded.last_seen)
            """).execute(arguments: ["s": sourceID])
        try db.cachedStatement(sql: seen + """
            INSERT INTO actor_outlets(actor_id, outlet, sources)
            SELECT seen.actor_id, s.outlet, 1 FROM seen JOIN sources s ON s.id = :s WHERE s.outlet IS NOT NULL
            ON CONFLICT(actor_id, outlet) DO UPDATE SET sources = sources + 1
            """).execute(arguments: ["s": sourceID])
    }

    /// The most frequent value (ties: the smallest), ignoring nils.
    static func mode(_ values: [String?]) -> String? {
        var counts: [String: Int] = [:]
        for v in values { if let v { counts[v, default: 0] += 1 } }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    // MARK: exchanges

    struct ExchangeBucket: Hashable {
        var a: String, b: String, status: String
    }

    struct ExchangeRow: FetchableRecord {
        var id: Int64, source: Int64, day: Int?, dated: Bool, event: Int64?, kind: String
        var date: String?, precision: String?, figures: [Int?], rule: String?
        var bodies: Bool { kind == "bodies" }

        init(row r: Row) {
            // by position (exchangeColumns): a look-up by name costs more than the rest of the row
            id = r[0]; source = r[1]
            let md: String? = r[2]
            day = md.flatMap(Day.number)
            dated = (r[3] as Int) == 1
            event = r[4]; kind = r[5]; date = r[6]; precision = r[7]
            figures = [r[8], r[9], r[10], r[11], r[12]]
            rule = r[13]
        }
    }

    /// `ExchangeRow` reads them by position.
    static let exchangeColumns = """
        id, source_id, merge_day, merge_dated, exchange_id, kind, event_date, date_precision,
        returned_to_a, returned_to_b, total, civilians_to_a, civilians_to_b, merge_rule
        """

    /// Regroups the exchange reports of one bucket around day `center`.
    ///
    /// Dated reports: c(D) = number of sources placing the swap on day D; ptr(D) = the day of
    /// D-1, D, D+1 with the most sources (ties: the earliest; a neighbour where a source of D places a swap
    /// too is left out: one source's swaps on two days are two swaps); a day D belongs to the event of ptr(D)
    /// when ptr(D) points to itself, else to its own. A change at `center` can only change the groups
    /// of days center-2...center+2, so the groups keyed center-4...center+4 (complete within the
    /// window read) are rewritten, with the undated reports published center-3...center+4.
    static func regroupExchanges(_ db: Database, _ bucket: ExchangeBucket, center: Int) throws -> Set<ExchangeTally.Series> {
        let rows = try ExchangeRow.fetchAll(db.cachedStatement(sql: """
            SELECT \(exchangeColumns) FROM exchange_reports
            WHERE side_a = ? AND side_b = ? AND status = ? AND merge_day BETWEEN ? AND ?
            """), arguments: [bucket.a, bucket.b, bucket.status, Day.string(center - 8), Day.string(center + 8)])
        var groups: [Group] = []
        for bodies in [false, true] {
            let rs = rows.filter { $0.bodies == bodies && $0.day != nil }
            if rs.isEmpty { continue }
            var sourcesOn: [Int: Set<Int64>] = [:]
            for r in rs where r.dated { sourcesOn[r.day!, default: []].insert(r.source) }
            func c(_ d: Int) -> Int { sourcesOn[d]?.count ?? 0 }
            func ptr(_ d: Int) -> Int {
                var best = d
                for x in [d - 1, d, d + 1] where c(x) > 0 {
                    // a source that dates swaps on both days tells of two swaps ("390 on Friday, 307 on
                    // Saturday"): that neighbour is another swap
                    if x != d, let own = sourcesOn[d], !sourcesOn[x]!.isDisjoint(with: own) { continue }
                    if c(x) > c(best) || (c(x) == c(best) && x < best) { best = x }
                }
                return best
            }
            func key(_ d: Int) -> Int { let p = ptr(d); return ptr(p) == p ? p : d }

            var byKey: [Int: [ExchangeRow]] = [:]
            for r in rs where r.dated && abs(r.day! - center) <= 5 { byKey[key(r.day!), default: []].append(r) }
            var members: [Int: [Member]] = [:]
            for (k, ms) in byKey where abs(k - center) <= 4 {
                members[k] = ms.map { Member(id: $0.id, event: $0.event, oldRule: $0.rule,
                                             rule: $0.day! == k ? "exchange:same_day" : "exchange:day_apart") }
            }
            var figures: [Int: Set<String>] = [:]
            for (k, ms) in byKey {
                for r in ms { for (i, f) in r.figures.enumerated() { if let f { figures[k, default: []].insert("\(i):\(f)") } } }
            }
            var kinds: [Int: [String?]] = [:]
            for (k, ms) in byKey { kinds[k] = ms.map { $0.kind } }
            var alone: [Int64: [ExchangeRow]] = [:]
            for u in rs where !u.dated && (center - 3...center + 4).contains(u.day!) {
                let mine = Set(u.figures.enumerated().compactMap { i, f in f.map { "\(i):\($0)" } })
                let fit = [u.day! - 1, u.day!].filter { k in byKey[k] != nil && !(figures[k] ?? []).isDisjoint(with: mine) }
                if fit.count == 1, members[fit[0]] != nil {
                    members[fit[0]]!.append(Member(id: u.id, event: u.event, oldRule: u.rule, rule: "exchange:undated_fit"))
                } else {
                    alone[u.source, default: []].append(u)
                }
            }
            for (k, ms) in members {
                let kind = mode(kinds[k] ?? []) ?? "pow"
                groups.append(Group(sortKey: "\(bodies ? 1 : 0)|\(Day.string(k))", members: ms) { db, id in
                    try writeExchange(db, id: id, date: Day.string(k), precision: "day", bucket: bucket, kind: kind,
                                      rule: "exchange:day")
                })
            }
            for (source, us) in alone {
                groups.append(undatedExchangeGroup(bucket, us, sortKey: "\(bodies ? 1 : 0)|u|\(source)"))
            }
        }
        return try apply(db, .exchange, groups)
    }

    static func undatedExchangeGroup(_ bucket: ExchangeBucket, _ us: [ExchangeRow], sortKey: String) -> Group {
        let date = mode(us.map { $0.date })
        let precision = us.first { $0.date == date }?.precision
        let kind = mode(us.map { $0.kind }) ?? "pow"
        return Group(sortKey: sortKey,
                     members: us.map { Member(id: $0.id, event: $0.event, oldRule: $0.rule, rule: "exchange:undated") }) { db, id in
            try writeExchange(db, id: id, date: date, precision: precision, bucket: bucket, kind: kind, rule: "exchange:undated")
        }
    }

    /// Reports with neither a day nor a publication date: one event per article (and kind class).
    static func regroupExchangesWithoutDay(_ db: Database, _ bucket: ExchangeBucket, sourceID: Int64) throws -> Set<ExchangeTally.Series> {
        let rows = try ExchangeRow.fetchAll(db.cachedStatement(sql: """
            SELECT \(exchangeColumns) FROM exchange_reports
            WHERE side_a = ? AND side_b = ? AND status = ? AND merge_day IS NULL AND source_id = ?
            """), arguments: [bucket.a, bucket.b, bucket.status, sourceID])
        var groups: [Group] = []
        for bodies in [false, true] {
            let us = rows.filter { $0.bodies == bodies }
            if !us.isEmpty { groups.append(undatedExchangeGroup(bucket, us, sortKey: "\(bodies ? 1 : 0)")) }
        }
        return try apply(db, .exchange, groups)
    }

    static func writeExchange(_ db: Database, id: Int64?, date: String?, precision: String?, bucket: ExchangeBucket,
                              kind: String, rule: String) throws -> Int64 {
        try writeEvent(db, .exchange, id: id, [date, precision, nil, bucket.status, bucket.a, bucket.b, kind, rule])
    }

    // MARK: attacks

    struct AttackRow: FetchableRecord {
        var id: Int64, source: Int64, event: Int64?, locations: String?, rule: String?
        var date: String?, precision: String?
        /// Filled by `regroupAttacks` (`Vocabulary.places`).
        var places: Set<String> = []
        init(row r: Row) {
            // by position (attackColumns)
            id = r[0]; source = r[1]; event = r[2]; locations = r[3]; rule = r[4]
            date = r[5]; precision = r[6]
        }
    }

    /// `AttackRow` reads them by position.
    static let attackColumns = "id, source_id, attack_id, locations, merge_rule, event_date, date_precision"

    /// Regroups the reports of one night (attacker, target country, day).
    static func regroupAttacks(_ db: Database, _ vocabulary: Vocabulary, attacker: String?, target: String?,
                               day: String) throws {
        var rows = try AttackRow.fetchAll(db.cachedStatement(sql: """
            SELECT \(attackColumns) FROM attack_reports WHERE attacker IS ? AND target_country IS ? AND merge_day = ?
            """), arguments: [attacker, target, day])
        if rows.isEmpty { return }
        for i in rows.indices { rows[i].places = vocabulary.places(rows[i].locations) }
        // groups of reports sharing a place (union-find over places)
        var parent: [String: String] = [:]
        func find(_ x: String) -> String {
            var x = x
            while let p = parent[x], p != x { x = p }
            return x
        }
        for r in rows {
            let ps = r.places.sorted()
            for p in ps where parent[p] == nil { parent[p] = p }
            for p in ps.dropFirst() {
                let (x, y) = (find(ps[0]), find(p))
                if x != y { parent[max(x, y)] = min(x, y) }
            }
        }
        var placed: [String: [AttackRow]] = [:]
        var unplaced: [AttackRow] = []
        for r in rows {
            if let p = r.places.min() { placed[find(p), default: []].append(r) } else { unplaced.append(r) }
        }
        // the night's wave: the place group with the most sources (ties: the smallest place name)
        let main = placed.max { a, b in
            let (sa, sb) = (Set(a.value.map(\.source)).count, Set(b.value.map(\.source)).count)
            return (sa, b.key) < (sb, a.key)
        }?.key
        var groups: [Group] = []
        func group(_ key: String, _ ms: [Member], rule: String) -> Group {
            Group(sortKey: key, members: ms, rowFollowsMembers: true) { db, id in
                try writeAttack(db, id: id, date: day, precision: "day", attacker: attacker, target: target, rule: rule)
            }
        }
        var mainMembers = unplaced.map { Member(id: $0.id, event: $0.event, oldRule: $0.rule,
                                                rule: main == nil ? "attack:same_night" : "attack:no_place") }
        for (root, rs) in placed {
            let ms = rs.map { Member(id: $0.id, event: $0.event, oldRule: $0.rule,
                                     rule: root == main ? "attack:same_night" : "attack:other_place") }
            if root == main { mainMembers += ms } else { groups.append(group("1|" + root, ms, rule: "attack:other_place")) }
        }
        if !mainMembers.isEmpty { groups.append(group("0", mainMembers, rule: "attack:night")) }
        _ = try apply(db, .attack, groups)
    }

    /// Attack reports with no day: one event per article, attacker and target.
    static func regroupAttacksWithoutDay(_ db: Database, attacker: String?, target: String?, sourceID: Int64) throws {
        let rows = try AttackRow.fetchAll(db.cachedStatement(sql: """
            SELECT \(attackColumns) FROM attack_reports
            WHERE attacker IS ? AND target_country IS ? AND merge_day IS NULL AND source_id = ?
            """), arguments: [attacker, target, sourceID])
        if rows.isEmpty { return }
        let date = mode(rows.map(\.date))
        let precision = rows.first { $0.date == date }?.precision
        let ms = rows.map { Member(id: $0.id, event: $0.event, oldRule: $0.rule, rule: "attack:undated") }
        _ = try apply(db, .attack, [Group(sortKey: "u", members: ms) { db, id in
            try writeAttack(db, id: id, date: date, precision: precision, attacker: attacker, target: target, rule: "attack:undated")
        }])
    }

    static func writeAttack(_ db: Database, id: Int64?, date: String?, precision: String?, attacker: String?, target: String?,
                            rule: String) throws -> Int64 {
        try writeEvent(db, .attack, id: id, [date, precision, nil, attacker, target, rule])
    }

    // MARK: talks

    struct TalksRow: FetchableRecord {
        var id: Int64, source: Int64, event: Int64?, rule: String?
        var name: String, round: Int?, location: String?, country: String?
        var start: String?, end: String?, precision: String?
        /// A usable day range: day precision, at most a week long.
        var range: ClosedRange<Int>?
        var approx: Int?

        init(row r: Row) {
            // by position (talksColumns)
            id = r[0]; source = r[1]; event = r[2]; rule = r[3]
            name = r[4]; round = r[5]; location = r[6]; country = r[7]
            start = r[8]; end = r[9]; precision = r[10]
            approx = Day.approx(start)
            if precision == "day" || precision == "range", let s = start.flatMap(Day.number) {
                let e = end.flatMap(Day.number) ?? s
                range = (e >= s && e - s <= 7) ? s...e : nil
            }
        }
    }

    /// `TalksRow` reads them by position.
    static let talksColumns = """
        id, source_id, talks_id, merge_rule, name, round, location, location_country, start_date, end_date, date_precision
        """

    /// Why two talks reports at the same venue are the same round, or nil.
    static func talksLink(_ r: TalksRow, _ s: TalksRow) -> String? {
        guard let l = r.location, l == s.location else { return nil }
        if let a = r.range, let b = s.range {
            return a.lowerBound <= b.upperBound + 1 && b.lowerBound <= a.upperBound + 1 ? "talks:dates_overlap" : nil
        }
        if let x = r.round, x == s.round, let a = r.approx, let b = s.approx, abs(a - b) <= 31 { return "talks:same_round" }
        return nil
    }

    /// Regroups the talks reports connected (through `talksLink`) to the seed reports.
    static func regroupTalks(_ db: Database, seeds: [Int64]) throws {
        var all: [Int64: TalksRow] = [:]
        var neighbours: [Int64: [Int64]] = [:]
        func load(_ r: TalksRow) throws -> [TalksRow] {
            guard let location = r.location, let a = r.approx else { return [] }
            let lo = (r.range?.lowerBound ?? a) - 70, hi = (r.range?.upperBound ?? a) + 70
            return try TalksRow.fetchAll(db.cachedStatement(sql: """
                SELECT \(talksColumns) FROM talks_reports WHERE location = ? AND start_date BETWEEN ? AND ?
                """), arguments: [location, Day.string(lo), Day.string(hi)])
        }
        var groups: [Group] = []
        var visited = Set<Int64>()
        for seed in seeds where !visited.contains(seed) {
            guard let first = try TalksRow.fetchOne(db.cachedStatement(sql: "SELECT \(talksColumns) FROM talks_reports WHERE id = ?"),
                                                    arguments: [seed]) else { continue }
            if first.location == nil {
                // no venue: one event per article
                let rows = try TalksRow.fetchAll(db.cachedStatement(sql: """
                    SELECT \(talksColumns) FROM talks_reports WHERE location IS NULL AND source_id = ?
                    """), arguments: [first.source])
                rows.forEach { visited.insert($0.id) }
                groups.append(talksGroup(rows, rules: [:]))
                continue
            }
            var component: [TalksRow] = [first]
            var rules: [Int64: String] = [:]
            var queue = [first]
            visited.insert(first.id)
            all[first.id] = first
            while let r = queue.popLast() {
                let near = try neighbours[r.id].map { $0.compactMap { all[$0] } } ?? load(r)
                neighbours[r.id] = near.map(\.id)
                for n in near where n.id != r.id {
                    all[n.id] = n
                    guard let why = talksLink(r, n) else { continue }
                    if why == "talks:dates_overlap" || rules[r.id] == nil { rules[r.id] = why }
                    if why == "talks:dates_overlap" || rules[n.id] == nil { rules[n.id] = why }
                    if visited.insert(n.id).inserted {
                        component.append(n)
                        queue.append(n)
                    }
                }
            }
            groups.append(talksGroup(component, rules: rules))
        }
        _ = try apply(db, .talks, groups)
    }

    static func talksGroup(_ rows: [TalksRow], rules: [Int64: String]) -> Group {
        let rounds = rows.compactMap(\.round)
        var roundCounts: [Int: Int] = [:]
        for r in rounds { roundCounts[r, default: 0] += 1 }
        // the round most reports give; ties: the highest (sources counting rounds from a new format start lower)
        let round = roundCounts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
        let named = rows.filter { round == nil || $0.round == round }
        let name = mode(named.map { $0.name }) ?? rows[0].name
        let location = mode(rows.map(\.location))
        let country = mode(rows.map(\.country))
        let ranges = rows.compactMap(\.range)
        let start: String?, end: String?, precision: String?
        if let lo = ranges.map(\.lowerBound).min(), let hi = ranges.map(\.upperBound).max() {
            start = Day.string(lo); end = hi > lo ? Day.string(hi) : nil; precision = hi > lo ? "range" : "day"
        } else {
            start = mode(rows.map(\.start)); end = mode(rows.map(\.end))
            precision = rows.first { $0.start == start }?.precision
        }
        let single = rows.count == 1 || rules.isEmpty
        let ms = rows.map { Member(id: $0.id, event: $0.event, oldRule: $0.rule, rule: rules[$0.id] ?? "talks:alone") }
        let sortKey = "\(location ?? "")|\(start ?? "")|\(rows.map(\.id).min()!)"
        return Group(sortKey: sortKey, members: ms) { db, id in
            try writeEvent(db, .talks, id: id, [name, round, location, country, start, precision, end,
                                                single ? "talks:alone" : "talks:venue"])
        }
    }
}
