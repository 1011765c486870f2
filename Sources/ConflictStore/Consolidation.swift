import GRDB
import ConflictExtraction

/// Links reports to events. For now every report gets its own event; cross-article consolidation
/// replaces these functions (reports and events are separate tables so that it can).
public enum Consolidation {
    public static let mergeRule = "one_event_per_report"

    /// Finds or creates the exchange event of a stored exchange report and links it.
    public static func attachExchange(_ db: Database, reportID: Int64, report: ExchangeReport) throws {
        try db.cachedStatement(sql: """
            INSERT INTO exchanges(event_date, date_precision, end_date, status, side_a, side_b, kind, merge_rule)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [report.date?.date, report.date?.precision.rawValue, report.date?.endDate,
                                     report.status.rawValue, report.sideA, report.sideB, report.kind.rawValue, mergeRule])
        try db.cachedStatement(sql: "UPDATE exchange_reports SET exchange_id = ? WHERE id = ?")
            .execute(arguments: [db.lastInsertedRowID, reportID])
    }

    /// Finds or creates the attack event of a stored attack report and links it.
    public static func attachAttack(_ db: Database, reportID: Int64, report: AttackReport) throws {
        try db.cachedStatement(sql: """
            INSERT INTO attacks(event_date, date_precision, end_date, attacker, target_country, merge_rule)
            VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [report.date?.date, report.date?.precision.rawValue, report.date?.endDate,
                                     report.attacker, report.targetCountry, mergeRule])
        try db.cachedStatement(sql: "UPDATE attack_reports SET attack_id = ? WHERE id = ?")
            .execute(arguments: [db.lastInsertedRowID, reportID])
    }

    /// Finds or creates the talks event of a stored talks report and links it (and its delegations).
    public static func attachTalks(_ db: Database, reportID: Int64, report: TalksReport) throws {
        try db.cachedStatement(sql: """
            INSERT INTO talks(name, round, location, location_country, start_date, date_precision, end_date, merge_rule)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [report.name, report.round, report.location, report.locationCountry,
                                     report.startDate?.date, report.startDate?.precision.rawValue,
                                     report.endDate ?? report.startDate?.endDate, mergeRule])
        let talksID = db.lastInsertedRowID
        try db.cachedStatement(sql: "UPDATE talks_reports SET talks_id = ? WHERE id = ?").execute(arguments: [talksID, reportID])
        try db.cachedStatement(sql: "UPDATE delegations SET talks_id = ? WHERE talks_report_id = ?").execute(arguments: [talksID, reportID])
    }

    /// Deletes events no report describes any more, and actors and places nothing refers to.
    public static func pruneOrphans(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM exchanges WHERE id NOT IN (SELECT exchange_id FROM exchange_reports WHERE exchange_id IS NOT NULL);
            DELETE FROM attacks WHERE id NOT IN (SELECT attack_id FROM attack_reports WHERE attack_id IS NOT NULL);
            DELETE FROM talks WHERE id NOT IN (SELECT talks_id FROM talks_reports WHERE talks_id IS NOT NULL);
            DELETE FROM actors WHERE id NOT IN (SELECT actor_id FROM mentions WHERE actor_id IS NOT NULL)
                AND id NOT IN (SELECT actor_id FROM actor_aliases)
                AND id NOT IN (SELECT claimant_actor_id FROM exchange_reports WHERE claimant_actor_id IS NOT NULL)
                AND id NOT IN (SELECT claimant_actor_id FROM attack_reports WHERE claimant_actor_id IS NOT NULL)
                AND id NOT IN (SELECT actor_id FROM delegation_members WHERE actor_id IS NOT NULL);
            DELETE FROM places WHERE id NOT IN (SELECT place_id FROM mentions WHERE place_id IS NOT NULL);
            """)
    }
}
