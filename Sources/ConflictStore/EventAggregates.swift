import GRDB

/// The per-event aggregates of an exchange or attack event, computed in Swift from one indexed read of
/// the event's reports: its counts, its `event_figure_summaries` rows and its `event_outlet_pairs` rows.
///
/// They are the rows the SQL definitions give (`figureSummariesSQL` in the consolidation tests, the 0006 outlet-pairs
/// statement), which tests compare on every fixture; the SQL versions read the `event_figure_reports`
/// view (13 UNION ALL branches joined to sources, events and actors) once per aggregate, which cost
/// ~1 ms per exchange event at 100k articles. Rows are written as a difference: unchanged rows are not
/// touched.
struct EventAggregates {
    /// One figure of one report: a row of `event_figure_reports`.
    struct Figure {
        var value: Int64
        var qualifier: String?
        var sourceID: Int64
        var outlet: String?
        var claimant: String?
    }

    /// A row of `event_figure_summaries` but its key.
    struct Summary: Equatable {
        var eventDate: String?
        var summary: String?
        var reports: Int
        var sources: Int
        var distinctValues: Int
        var low: Int64
        var high: Int64
        var disagree: Bool
        var figures: String
        var outlets: String?
    }

    var reports = 0
    var sources = 0
    /// Distinct non-null outlets of the event's sources.
    var outlets: Set<String> = []
    /// field -> its figures, in the order of the kind's fields.
    var figures: [(field: String, rows: [Figure])] = []

    static let exchangeFields = ["returned_to_a", "returned_to_b", "total", "civilians_to_a", "civilians_to_b"]
    static let attackFields = ["drones_launched", "drones_downed", "drones_hit", "missiles_launched", "missiles_downed",
                               "missiles_hit", "killed", "injured"]

    static func fields(_ kind: Consolidation.Kind) -> [String] {
        switch kind { case .exchange: exchangeFields; case .attack: attackFields; case .talks: [] }
    }

    /// Per kind: the event's reports with their source's outlet, their claimant and every figure field with
    /// its qualifier (`load` reads the figures by position).
    static let loadSQL: [Consolidation.Kind: String] = Dictionary(uniqueKeysWithValues: [Consolidation.Kind.exchange, .attack, .talks].map { kind in
        let columns = fields(kind).map { ", r.\($0), r.\($0)_q" }.joined()
        let claimant = kind == .talks ? "NULL" : "c.name"
        let actors = kind == .talks ? "" : " LEFT JOIN actors c ON c.id = r.claimant_actor_id"
        return (kind, """
            SELECT r.source_id, s.outlet, \(claimant)\(columns)
            FROM \(kind.reports) r JOIN sources s ON s.id = r.source_id\(actors)
            WHERE r.\(kind.fk) = ?
            """)
    })

    /// Reads the event's reports (one indexed look-up on the reports' event column).
    static func load(_ db: Database, _ kind: Consolidation.Kind, _ id: Int64) throws -> EventAggregates {
        let fields = fields(kind)
        var byField = Array(repeating: [Figure](), count: fields.count)
        var agg = EventAggregates()
        var sources = Set<Int64>()
        let rows = try Row.fetchCursor(db.cachedStatement(sql: loadSQL[kind]!), arguments: [id])
        while let row = try rows.next() {
            agg.reports += 1
            let source: Int64 = row[0]
            let outlet: String? = row[1]
            let claimant: String? = row[2]
            sources.insert(source)
            if let outlet { agg.outlets.insert(outlet) }
            for i in fields.indices {
                guard let value = Int64.fromDatabaseValue(row[3 + 2 * i]) else { continue }
                byField[i].append(Figure(value: value, qualifier: row[4 + 2 * i], sourceID: source, outlet: outlet,
                                         claimant: claimant))
            }
        }
        agg.sources = sources.count
        agg.figures = fields.indices.filter { !byField[$0].isEmpty }.map { (fields[$0], byField[$0]) }
        return agg
    }

    /// SQLite's order for nullable text (BINARY collation: NULL first, then bytes).
    static func precedes(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case let (x?, y?): return x.utf8.lexicographicallyPrecedes(y.utf8)
        }
    }

    /// The `event_figure_summaries` row of one field: the 0006 statement's expressions.
    static func summarize(_ rows: [Figure], eventDate: String?, summary: String?) -> Summary {
        let sorted = rows.sorted { a, b in
            if a.value != b.value { return a.value < b.value }
            if a.outlet != b.outlet { return precedes(a.outlet, b.outlet) }
            return precedes(a.claimant, b.claimant)
        }
        let exact = rows.filter { ($0.qualifier ?? "exact") == "exact" }.map(\.value)
        func values(_ q: String) -> [Int64] { rows.filter { $0.qualifier == q }.map(\.value) }
        var disagree = Set(exact).count > 1
        if let lo = exact.min(), let hi = exact.max() {
            if let m = values("at_least").max(), m > lo { disagree = true }
            if let m = values("more_than").max(), m >= lo { disagree = true }
            if let m = values("up_to").min(), m < hi { disagree = true }
        }
        var outlets: [String] = []
        for r in sorted { if let o = r.outlet, !outlets.contains(o) { outlets.append(o) } }
        return Summary(eventDate: eventDate, summary: summary, reports: rows.count, sources: Set(rows.map(\.sourceID)).count,
                       distinctValues: Set(rows.map(\.value)).count, low: sorted.first!.value, high: sorted.last!.value,
                       disagree: disagree,
                       figures: sorted.map { "\($0.value) (\($0.outlet ?? "?"); \($0.claimant ?? "?"))" }.joined(separator: " | "),
                       outlets: outlets.isEmpty ? nil : outlets.joined(separator: ","))
    }

    /// Rewrites the event's `event_figure_summaries` rows that differ from these figures.
    func writeSummaries(_ db: Database, _ kind: Consolidation.Kind, _ id: Int64) throws {
        var wanted: [String: Summary] = [:]
        if !figures.isEmpty {
            let event = try Row.fetchOne(db.cachedStatement(sql: kind == .exchange
                ? "SELECT event_date, status || ' exchange ' || side_a || '-' || side_b FROM exchanges WHERE id = ?"
                : "SELECT event_date, 'attack by ' || coalesce(attacker, '?') || ' on ' || coalesce(target_country, '?') FROM attacks WHERE id = ?"),
                arguments: [id])
            for (field, rows) in figures {
                wanted[field] = Self.summarize(rows, eventDate: event?[0], summary: event?[1])
            }
        }
        var stored: [String: Summary] = [:]
        for r in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT field, event_date, summary, reports, sources, distinct_values, low, high, disagree, figures, outlets
            FROM event_figure_summaries WHERE event_type = ? AND event_id = ?
            """), arguments: [kind.type, id]) {
            stored[r[0]] = Summary(eventDate: r[1], summary: r[2], reports: r[3], sources: r[4], distinctValues: r[5],
                                   low: r[6], high: r[7], disagree: r[8], figures: r[9], outlets: r[10])
        }
        for field in stored.keys.sorted() where wanted[field] == nil {
            try db.cachedStatement(sql: "DELETE FROM event_figure_summaries WHERE event_type = ? AND event_id = ? AND field = ?")
                .execute(arguments: [kind.type, id, field])
        }
        for field in Self.fields(kind) {
            guard let s = wanted[field], stored[field] != s else { continue }
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO event_figure_summaries(event_type, event_id, field, event_date, summary, reports, sources,
                    distinct_values, low, high, disagree, figures, outlets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [kind.type, id, field, s.eventDate, s.summary, s.reports, s.sources, s.distinctValues,
                                         s.low, s.high, s.disagree, s.figures, s.outlets])
        }
    }

    /// Rewrites the event's `event_outlet_pairs` rows that differ (their triggers keep `outlet_pairs`): for
    /// each pair of outlets reporting the event (outlet_a < outlet_b in byte order, as SQLite compares them),
    /// the fields both give a figure for (`compared`) and those where they share a value (`agreeing`), when
    /// the event has more than one source.
    func writeOutletPairs(_ db: Database, _ kind: Consolidation.Kind, _ id: Int64) throws {
        struct Pair: Hashable { var a: String, b: String }
        struct Counts: Equatable { var compared: Int, agreeing: Int }
        var wanted: [Pair: Counts] = [:]
        if sources > 1 {
            // per field: outlet -> the values that outlet gives for it
            let values: [[String: Set<Int64>]] = figures.map { _, rows in
                var d: [String: Set<Int64>] = [:]
                for r in rows { if let o = r.outlet { d[o, default: []].insert(r.value) } }
                return d
            }
            let sorted = outlets.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            wanted.reserveCapacity(sorted.count * (sorted.count - 1) / 2)
            for i in sorted.indices {
                for j in sorted.indices where j > i {
                    var c = Counts(compared: 0, agreeing: 0)
                    for field in values {
                        guard let va = field[sorted[i]], let vb = field[sorted[j]] else { continue }
                        c.compared += 1
                        if !va.isDisjoint(with: vb) { c.agreeing += 1 }
                    }
                    wanted[Pair(a: sorted[i], b: sorted[j])] = c
                }
            }
        }
        var stored: [Pair: Counts] = [:]
        stored.reserveCapacity(wanted.count)
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT outlet_a, outlet_b, compared, agreeing FROM event_outlet_pairs WHERE event_type = ? AND event_id = ?
            """), arguments: [kind.type, id])
        while let row = try rows.next() {
            stored[Pair(a: row[0], b: row[1])] = Counts(compared: row[2], agreeing: row[3])
        }
        // only the pairs that differ are sorted (for a deterministic order of writes) and written
        func order(_ x: Pair, _ y: Pair) -> Bool { (x.a, x.b) < (y.a, y.b) }
        for pair in stored.compactMap({ wanted[$0.key] != $0.value ? $0.key : nil }).sorted(by: order) {
            try db.cachedStatement(sql: """
                DELETE FROM event_outlet_pairs WHERE event_type = ? AND event_id = ? AND outlet_a = ? AND outlet_b = ?
                """).execute(arguments: [kind.type, id, pair.a, pair.b])
        }
        for pair in wanted.compactMap({ stored[$0.key] != $0.value ? $0.key : nil }).sorted(by: order) {
            let c = wanted[pair]!
            try db.cachedStatement(sql: """
                INSERT INTO event_outlet_pairs(event_type, event_id, outlet_a, outlet_b, compared, agreeing) VALUES (?, ?, ?, ?, ?, ?)
                """).execute(arguments: [kind.type, id, pair.a, pair.b, c.compared, c.agreeing])
        }
    }
}
