import Foundation
import GRDB
import ConflictExtraction

/// Writes one article and everything extracted from it, inside the caller's transaction.
/// Uses cached statements (the hot path of an import).
struct StoreWriter {
    /// State kept by the importer across the articles of one transaction: actor and place IDs already
    /// upserted (so that a batch of 200 articles does not upsert "Ukraine" 200 times), the import time
    /// stamp, and the time spent in consolidation. The caches only hold rows written or read in the
    /// current transaction: they are emptied at each new batch, after a replacement (which prunes
    /// orphans) and, for what one article added, when its savepoint rolls back.
    struct Session {
        struct ActorKey: Hashable { var name: String; var kind: String }
        struct PlaceKey: Hashable { var name: String; var country: String }
        var metrics: ImportMetrics?
        var consolidationNanos: UInt64 = 0
        /// Groupings new reports made out of date since the last `Consolidation.finish` (the importer's).
        var pending = Consolidation.Pending()
        var importedAt: String?
        fileprivate var actors: [ActorKey: (id: Int64, hasCountry: Bool, title: String?)] = [:]
        fileprivate var places: [PlaceKey: (id: Int64, hasKind: Bool)] = [:]
        fileprivate var articleActors: [ActorKey: (id: Int64, hasCountry: Bool, title: String?)] = [:]
        fileprivate var articlePlaces: [PlaceKey: (id: Int64, hasKind: Bool)] = [:]
        /// When true (the importer), the `places.mentions` increments of the transaction's articles are summed
        /// here and written once per place by `flushPlaceMentions`, which the importer calls before its commit
        /// (regrouping does not read the counts; a replacement, which does, flushes first): a place named by
        /// 300 articles of a transaction gets one UPDATE, not 300.
        /// False: one UPDATE per place of each article, at once.
        var deferPlaceMentions = false
        /// Increments of the transaction's committed articles (savepoints released), not yet written.
        fileprivate var placeMentions: [Int64: Int] = [:]
        /// The current article's increments, merged into `placeMentions` when its savepoint is released.
        fileprivate var articlePlaceMentions: [Int64: Int] = [:]
        /// What a flush inside the current article's savepoint wrote: put back if that savepoint rolls back
        /// (the UPDATEs go with it).
        fileprivate var flushedInArticle: [Int64: Int]?

        /// `PRAGMA data_version` when the caches were last known valid: it changes when another connection
        /// commits, and only then, so the caches outlive our own transactions but not another writer's.
        fileprivate var dataVersion: Int64?

        init() {}

        /// Called after BEGIN: keeps the caches unless another connection committed since our last batch.
        mutating func beginBatch(_ db: Database) throws {
            let v = try Int64.fetchOne(db, sql: "PRAGMA data_version")
            if v == nil || v != dataVersion { invalidateCaches() }
            dataVersion = v
            importedAt = StoreWriter.now()
        }

        /// The transaction was rolled back: what the caches hold may not exist.
        mutating func batchRolledBack() {
            invalidateCaches()
            pending = Consolidation.Pending()
            dataVersion = nil
            placeMentions.removeAll(keepingCapacity: true)
            articlePlaceMentions.removeAll(keepingCapacity: true)
            flushedInArticle = nil
        }
        mutating func commitArticle() {
            actors.merge(articleActors) { _, new in new }
            places.merge(articlePlaces) { _, new in new }
            articleActors.removeAll(keepingCapacity: true)
            articlePlaces.removeAll(keepingCapacity: true)
            placeMentions.merge(articlePlaceMentions, uniquingKeysWith: +)
            articlePlaceMentions.removeAll(keepingCapacity: true)
            flushedInArticle = nil
        }
        mutating func rollbackArticle() {
            articleActors.removeAll(keepingCapacity: true)
            articlePlaces.removeAll(keepingCapacity: true)
            articlePlaceMentions.removeAll(keepingCapacity: true)
            if let flushed = flushedInArticle { placeMentions.merge(flushed, uniquingKeysWith: +) }
            flushedInArticle = nil
        }
        mutating func invalidateCaches() {
            actors.removeAll(keepingCapacity: true)
            places.removeAll(keepingCapacity: true)
            articleActors.removeAll(keepingCapacity: true)
            articlePlaces.removeAll(keepingCapacity: true)
        }
        /// Writes the summed `places.mentions` increments of the committed articles (one UPDATE per place,
        /// in id order). `insideArticle`: called within an article's savepoint (before a replacement
        /// deletes sources, whose places must see their true counts), which may still roll back.
        mutating func flushPlaceMentions(_ db: Database, insideArticle: Bool = false) throws {
            if placeMentions.isEmpty { return }
            try StoreWriter.addPlaceMentions(db, placeMentions)
            if insideArticle { flushedInArticle = placeMentions.merging(flushedInArticle ?? [:], uniquingKeysWith: +) }
            placeMentions.removeAll(keepingCapacity: true)
        }
        mutating func takeConsolidationNanos() -> UInt64 {
            defer { consolidationNanos = 0 }
            return consolidationNanos
        }
        fileprivate func actor(_ k: ActorKey) -> (id: Int64, hasCountry: Bool, title: String?)? { articleActors[k] ?? actors[k] }
        fileprivate func place(_ k: PlaceKey) -> (id: Int64, hasKind: Bool)? { articlePlaces[k] ?? places[k] }
    }

    let db: Database
    private(set) var session: Session
    private var actorIDs: [ActorRef: Int64] = [:]

    init(db: Database) {
        self.db = db
        self.session = Session()
    }

    init(db: Database, session: Session) {
        self.db = db
        self.session = session
    }

    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }

    static func list(_ items: [String]) -> String? { items.isEmpty ? nil : items.joined(separator: ";") }

    /// `[[span_start,span_end],...]`, `[span_start,span_end,1]` for a boilerplate sentence (the
    /// `sentence_spans.spans` column). The segmenter numbers sentences 0, 1, ... in order, so the position
    /// in the array is the sentence index the `sentences` view gives.
    static func spansJSON(_ sentences: [Sentence]) -> String {
        var out = "["
        out.reserveCapacity(sentences.count * 14 + 2)
        for s in sentences {
            if out.utf8.count > 1 { out += "," }
            out += s.isBoilerplate ? "[\(s.span.start),\(s.span.end),1]" : "[\(s.span.start),\(s.span.end)]"
        }
        return out + "]"
    }

    /// `words`: the article's word count when the caller computed it already (the importer does, on the
    /// extraction threads, to keep the single writer thread short).
    mutating func write(article: Article, hash: String, result: ExtractionResult, diagnostics: [Diagnostic],
                        words: Int? = nil) throws {
        let sourceID = try insertSource(article, hash: hash, words: words ?? article.wordCount)
        for d in diagnostics {
            try db.cachedStatement(sql: "INSERT INTO diagnostics(source_id, severity, line, message) VALUES (?, ?, ?, ?)")
                .execute(arguments: [sourceID, d.severity.rawValue, d.line, d.message])
        }
        if !result.sentences.isEmpty {
            try db.cachedStatement(sql: "INSERT INTO sentence_spans(source_id, spans) VALUES (?, ?)")
                .execute(arguments: [sourceID, Self.spansJSON(result.sentences)])
        }
        for a in result.actors {
            let id = try actor(a.ref, title: a.title)
            for alias in Set(a.aliases) where alias != a.ref.name {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO actor_aliases(actor_id, alias, source_id) VALUES (?, ?, ?)")
                    .execute(arguments: [id, alias, sourceID])
            }
        }
        var byName: [String: Int64] = [:]
        for (ref, id) in actorIDs where byName[ref.name] == nil { byName[ref.name] = id }
        try insertMentions(result.mentions, sourceID: sourceID, byName: byName)
        for r in result.exchanges { try insertExchange(r, sourceID: sourceID) }
        for r in result.attacks { try insertAttack(r, sourceID: sourceID) }
        for r in result.talks { try insertTalks(r, sourceID: sourceID) }
        try Consolidation.attachSource(db, sourceID: sourceID)
    }

    private mutating func insertSource(_ a: Article, hash: String, words: Int) throws -> Int64 {
        if session.importedAt == nil { session.importedAt = Self.now() }
        try db.cachedStatement(sql: """
            INSERT INTO sources(path, outlet, url, title, published, published_precision, description, words,
                                declared_words, sha256, format, body, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [a.path, a.outlet, a.url, a.title, a.published, a.published == nil ? nil : "day",
                                     a.description, words, a.declaredWordCount, hash, a.format.rawValue, a.body,
                                     session.importedAt])
        return db.lastInsertedRowID
    }

    /// Upserts an actor by (name, kind); keeps the first country, the latest title.
    /// The upsert is skipped when this transaction already wrote the actor and it would change nothing.
    private mutating func actor(_ ref: ActorRef, title: String? = nil) throws -> Int64 {
        if let id = actorIDs[ref], title == nil { return id }
        let key = Session.ActorKey(name: ref.name, kind: ref.kind.rawValue)
        if let c = session.actor(key), c.hasCountry || ref.country == nil, title == nil || title == c.title {
            actorIDs[ref] = c.id
            return c.id
        }
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            INSERT INTO actors(name, kind, country, title) VALUES (?, ?, ?, ?)
            ON CONFLICT(name, kind) DO UPDATE SET country = coalesce(actors.country, excluded.country),
                                                  title = coalesce(excluded.title, actors.title)
            RETURNING id, country IS NOT NULL, title
            """), arguments: [ref.name, ref.kind.rawValue, ref.country, title])!
        let id: Int64 = row[0]
        session.articleActors[key] = (id, row[1], row[2])
        actorIDs[ref] = id
        return id
    }

    private mutating func place(name: String, country: String?, kind: String?) throws -> Int64 {
        let key = Session.PlaceKey(name: name, country: country ?? "")
        if let c = session.place(key), c.hasKind || kind == nil { return c.id }
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            INSERT INTO places(name, country, kind) VALUES (?, ?, ?)
            ON CONFLICT(name, ifnull(country, '')) DO UPDATE SET kind = coalesce(places.kind, excluded.kind)
            RETURNING id, kind IS NOT NULL
            """), arguments: [name, country, kind])!
        let id: Int64 = row[0]
        session.articlePlaces[key] = (id, row[1])
        return id
    }

    /// `UPDATE places SET mentions = mentions + n` for each place, in id order.
    static func addPlaceMentions(_ db: Database, _ counts: [Int64: Int]) throws {
        for (p, n) in counts.sorted(by: { $0.key < $1.key }) where n != 0 {
            try db.cachedStatement(sql: "UPDATE places SET mentions = mentions + ? WHERE id = ?").execute(arguments: [n, p])
        }
    }

    /// Rows per multi-row INSERT of mentions (13 parameters each; SQLite allows 32,766).
    static let mentionRowsPerInsert = 16
    /// The INSERT of one row and of `mentionRowsPerInsert` rows.
    static let insertMentionSQL: [String] = [1, mentionRowsPerInsert].map { n in
        "INSERT INTO mentions(source_id, idx, kind, span_start, span_end, text, canonical, country, subtype, sentence, rule, actor_id, place_id) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: n).joined(separator: ", ")
    }

    /// Inserts the mentions `mentionRowsPerInsert` rows per statement (one statement per row was a third of
    /// the writer's SQLite calls), then the remainder one by one.
    private mutating func insertMentions(_ mentions: [Mention], sourceID: Int64, byName: [String: Int64]) throws {
        // links first: place upserts are statements of their own
        var links: [(actor: Int64?, place: Int64?)] = []
        links.reserveCapacity(mentions.count)
        var perPlace: [Int64: Int] = [:]
        for m in mentions {
            switch m.kind {
            case .country, .person, .organization:
                links.append((byName[m.canonical], nil))
            case .place:
                let p = try place(name: m.canonical, country: m.country, kind: m.subtype)
                links.append((nil, p))
                perPlace[p, default: 0] += 1
            default:
                links.append((nil, nil))
            }
        }
        // places.mentions (migration 0011): one update per place of the article (or of the transaction, when
        // the importer defers them), not a trigger run per mention (measured at 100k: the trigger cost as
        // much as inserting the mentions; one UPDATE ... FROM json_each per article more than this)
        if session.deferPlaceMentions {
            session.articlePlaceMentions.merge(perPlace, uniquingKeysWith: +)
        } else {
            try Self.addPlaceMentions(db, perPlace)
        }
        let many = Self.mentionRowsPerInsert
        var i = 0
        while i < mentions.count {
            let n = mentions.count - i >= many ? many : 1
            var ins = try RawInsert(db, sql: n == 1 ? Self.insertMentionSQL[0] : Self.insertMentionSQL[1])
            for j in i..<(i + n) {
                let m = mentions[j]
                ins.bind(sourceID); ins.bind(j); ins.bind(m.kind.rawValue); ins.bind(m.span.start); ins.bind(m.span.end)
                ins.bind(m.text); ins.bind(m.canonical); ins.bind(m.country); ins.bind(m.subtype); ins.bind(m.sentence)
                ins.bind(m.rule); ins.bind(links[j].actor); ins.bind(links[j].place)
            }
            try ins.run()
            i += n
        }
    }

    private mutating func insertExchange(_ r: ExchangeReport, sourceID: Int64) throws {
        let claimant = try r.claimant.map { try actor($0) }
        let figures = [r.returnedToA, r.returnedToB, r.total, r.civiliansToA, r.civiliansToB]
        let qualifier = figures.compactMap { $0?.qualifier }.first { $0 != .exact } ?? .exact
        var args: StatementArguments = [sourceID, claimant, r.date?.date, r.date?.precision.rawValue, r.date?.endDate,
                                        r.status.rawValue, r.sideA, r.sideB, r.kind.rawValue]
        for f in figures { args += [f?.value, f?.qualifier.rawValue] }
        args += [qualifier.rawValue, Self.list(r.mediators), r.span.start, r.span.end, r.rule]
        try db.cachedStatement(sql: """
            INSERT INTO exchange_reports(source_id, claimant_actor_id, event_date, date_precision, end_date, status,
                side_a, side_b, kind, returned_to_a, returned_to_a_q, returned_to_b, returned_to_b_q, total, total_q,
                civilians_to_a, civilians_to_a_q, civilians_to_b, civilians_to_b_q, qualifier, mediators,
                span_start, span_end, rule)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: args)
        let reportID = db.lastInsertedRowID
        let c0 = ImportMetrics.now()
        try Consolidation.attachExchange(db, reportID: reportID, report: r, pending: &session.pending)
        session.consolidationNanos &+= ImportMetrics.now() - c0
    }

    private mutating func insertAttack(_ r: AttackReport, sourceID: Int64) throws {
        let claimant = try r.claimant.map { try actor($0) }
        var args: StatementArguments = [sourceID, claimant, r.date?.date, r.date?.precision.rawValue, r.date?.endDate,
                                        r.attacker, r.targetCountry, Self.list(r.locations), Self.list(r.targets)]
        for f in r.figures {
            args += [f?.value, f?.qualifier.rawValue]
        }
        args += [r.qualifier.rawValue, r.span.start, r.span.end, r.rule]
        try db.cachedStatement(sql: """
            INSERT INTO attack_reports(source_id, claimant_actor_id, event_date, date_precision, end_date, attacker,
                target_country, locations, targets, drones_launched, drones_launched_q, drones_downed, drones_downed_q,
                drones_hit, drones_hit_q, missiles_launched, missiles_launched_q, missiles_downed, missiles_downed_q,
                missiles_hit, missiles_hit_q, killed, killed_q, injured, injured_q, qualifier, span_start, span_end, rule)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: args)
        let reportID = db.lastInsertedRowID
        let c0 = ImportMetrics.now()
        try Consolidation.attachAttack(db, reportID: reportID, report: r, pending: &session.pending)
        session.consolidationNanos &+= ImportMetrics.now() - c0
    }

    private mutating func insertTalks(_ r: TalksReport, sourceID: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO talks_reports(source_id, name, round, location, location_country, start_date, date_precision,
                end_date, parties, mediators, span_start, span_end, rule)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [sourceID, r.name, r.round, r.location, r.locationCountry, r.startDate?.date,
                                     r.startDate?.precision.rawValue, r.endDate ?? r.startDate?.endDate,
                                     Self.list(r.parties), Self.list(r.mediators), r.span.start, r.span.end, r.rule])
        let reportID = db.lastInsertedRowID
        for d in r.delegations {
            try db.cachedStatement(sql: "INSERT INTO delegations(talks_report_id, source_id, side) VALUES (?, ?, ?)")
                .execute(arguments: [reportID, sourceID, d.side])
            let delegationID = db.lastInsertedRowID
            for m in d.members {
                let actorID = try actor(ActorRef(name: m.actorName, kind: .person, country: d.side))
                try db.cachedStatement(sql: """
                    INSERT INTO delegation_members(delegation_id, actor_id, name, role, source_id, span_start, span_end)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [delegationID, actorID, m.name, m.role, sourceID, m.span.start, m.span.end])
            }
        }
        let c0 = ImportMetrics.now()
        try Consolidation.attachTalks(db, reportID: reportID, report: r, pending: &session.pending)
        session.consolidationNanos &+= ImportMetrics.now() - c0
    }
}
