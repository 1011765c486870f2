import GRDB

/// Keeps one exchange event's rows of `exchange_tally_rows` (migration 0008), and the running totals of
/// the series they are in, equal to what the 0004 `q_exchange_tally` view computes at query time.
///
/// An event has one row per mediator named by any of its reports ("(none)" when none is named), when it
/// is a completed exchange. The rows are computed in Swift from one indexed read of the event and its
/// reports, and written as a difference. A series (mediator, side_a, side_b) has its running totals
/// recomputed only when one of its rows came, went, or changed date or low figure; only the totals that
/// differ are written. Before, every refresh rebuilt the event's rows with a `json_each` statement and
/// re-ran a window over every series the event was in, which at 100k articles was a fifth of the
/// writer's time in SQLite.
enum ExchangeTally {
    /// A row of `exchange_tally_rows` but its key (mediator, event) and running totals.
    struct TallyRow: Equatable {
        var eventDate: String?
        var sideA: String?
        var sideB: String?
        var kind: String?
        var toALow: Int64?
        var toAHigh: Int64?
        var toBLow: Int64?
        var toBHigh: Int64?
        var sources: Int64

        /// What the series' running totals depend on.
        func sameSeriesPosition(_ o: TallyRow) -> Bool {
            eventDate == o.eventDate && sideA == o.sideA && sideB == o.sideB && toALow == o.toALow && toBLow == o.toBLow
        }
    }

    struct Series: Hashable {
        var mediator: String
        var sideA: String?
        var sideB: String?
    }

    /// The event's rows by mediator, as the 0004 view defines them; empty when the event is gone, is not
    /// a completed exchange, or has no report.
    static func compute(_ db: Database, eventID: Int64) throws -> [String: TallyRow] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT e.event_date, e.side_a, e.side_b, e.kind, e.status, e.sources, r.returned_to_a, r.returned_to_b, r.mediators
            FROM exchanges e JOIN exchange_reports r ON r.exchange_id = e.id
            WHERE e.id = ?
            """), arguments: [eventID])
        guard let first = rows.first, (first[4] as String?) == "completed" else { return [:] }
        var row = TallyRow(eventDate: first[0], sideA: first[1], sideB: first[2], kind: first[3],
                      toALow: nil, toAHigh: nil, toBLow: nil, toBHigh: nil, sources: first[5] ?? 0)
        var mediators: [String] = []
        for r in rows {
            if let a: Int64 = r[6] {
                row.toALow = min(row.toALow ?? a, a)
                row.toAHigh = max(row.toAHigh ?? a, a)
            }
            if let b: Int64 = r[7] {
                row.toBLow = min(row.toBLow ?? b, b)
                row.toBHigh = max(row.toBHigh ?? b, b)
            }
            // the view splits each report's list on ';' (empty items included) and keeps distinct items
            if let m: String = r[8] {
                mediators += m.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            }
        }
        // the view joins the sorted distinct items with ';': an empty result means "(none)". Sorted and made
        // distinct by bytes, as SQLite does (Swift's String equality would merge canonically equal spellings).
        var names: [String] = []
        for m in mediators.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        where names.last.map({ !$0.utf8.elementsEqual(m.utf8) }) ?? true {
            names.append(m)
        }
        let list = names.joined(separator: ";").isEmpty ? ["(none)"] : names
        return Dictionary(list.map { ($0, row) }, uniquingKeysWith: { a, _ in a })
    }

    /// The event's stored rows by mediator.
    static func stored(_ db: Database, eventID: Int64) throws -> [String: TallyRow] {
        var out: [String: TallyRow] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT mediator, event_date, side_a, side_b, kind, returned_to_a_low, returned_to_a_high,
                   returned_to_b_low, returned_to_b_high, sources
            FROM exchange_tally_rows WHERE event_id = ?
            """), arguments: [eventID])
        while let r = try rows.next() {
            out[r[0]] = TallyRow(eventDate: r[1], sideA: r[2], sideB: r[3], kind: r[4], toALow: r[5], toAHigh: r[6],
                            toBLow: r[7], toBHigh: r[8], sources: r[9])
        }
        return out
    }

    /// Brings the event's rows up to date, and returns the series they were and are in whose running
    /// totals must be recomputed (`recompute`, once per series for all the events a regrouping refreshed:
    /// a series' totals after a new event in its middle are all rewritten, and a chunk of articles adds
    /// several events to the same series).
    static func refresh(_ db: Database, eventID: Int64) throws -> Set<Series> {
        let old = try stored(db, eventID: eventID)
        let new = try compute(db, eventID: eventID)
        var dirty = Set<Series>()
        for (mediator, o) in old {
            if let n = new[mediator], n.sameSeriesPosition(o) { continue }
            try db.cachedStatement(sql: "DELETE FROM exchange_tally_rows WHERE event_id = ? AND mediator = ?")
                .execute(arguments: [eventID, mediator])
            dirty.insert(Series(mediator: mediator, sideA: o.sideA, sideB: o.sideB))
        }
        for (mediator, n) in new {
            if let o = old[mediator], o.sameSeriesPosition(n) {
                if o != n {
                    // kind, high figures or sources: the row changes, the series' totals do not
                    try db.cachedStatement(sql: """
                        UPDATE exchange_tally_rows SET kind = ?, returned_to_a_high = ?, returned_to_b_high = ?, sources = ?
                        WHERE event_id = ? AND mediator = ?
                        """).execute(arguments: [n.kind, n.toAHigh, n.toBHigh, n.sources, eventID, mediator])
                }
                continue
            }
            try db.cachedStatement(sql: """
                INSERT INTO exchange_tally_rows(mediator, event_id, event_date, side_a, side_b, kind, returned_to_a_low,
                                                returned_to_a_high, returned_to_b_low, returned_to_b_high, sources)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [mediator, eventID, n.eventDate, n.sideA, n.sideB, n.kind, n.toALow, n.toAHigh,
                                         n.toBLow, n.toBHigh, n.sources])
            dirty.insert(Series(mediator: mediator, sideA: n.sideA, sideB: n.sideB))
        }
        return dirty
    }

    /// Recomputes the running totals of `series`, in a fixed order.
    static func recompute(_ db: Database, _ series: Set<Series>) throws {
        for s in series.sorted(by: { ($0.mediator, $0.sideA ?? "", $0.sideB ?? "") < ($1.mediator, $1.sideA ?? "", $1.sideB ?? "") }) {
            try recompute(db, s)
        }
    }

    /// Rewrites the running totals of one series that differ from the sums in (event_date, event_id) order.
    static func recompute(_ db: Database, _ s: Series) throws {
        // read first (the index being stepped is the one the updates change)
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT rowid, returned_to_a_low, returned_to_b_low, cumulative_to_a, cumulative_to_b
            FROM exchange_tally_rows INDEXED BY exchange_tally_rows_order
            WHERE mediator = ? AND side_a IS ? AND side_b IS ?
            ORDER BY event_date, event_id
            """), arguments: [s.mediator, s.sideA, s.sideB])
        var a: Int64 = 0, b: Int64 = 0
        for r in rows {
            a += (r[1] as Int64?) ?? 0
            b += (r[2] as Int64?) ?? 0
            if (r[3] as Int64) != a || (r[4] as Int64) != b {
                try db.cachedStatement(sql: "UPDATE exchange_tally_rows SET cumulative_to_a = ?, cumulative_to_b = ? WHERE rowid = ?")
                    .execute(arguments: [a, b, r[0] as Int64])
            }
        }
    }
}
