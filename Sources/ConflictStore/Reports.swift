import Foundation
import GRDB

/// The CSV reports of DESIGN §5: each is a view `report_NAME` created by the migrations.
public enum ReportKind: String, CaseIterable, Sendable {
    case exchanges, attacks, talks, delegations, actors, sources

    public var view: String { "report_" + rawValue }

    /// The date column `--since` / `--until` filter on.
    public var dateColumn: String? {
        switch self {
        case .exchanges, .attacks: return "event_date"
        case .talks, .delegations: return "start_date"
        case .sources: return "published"
        case .actors: return nil
        }
    }

    var orderBy: String {
        switch self {
        case .exchanges, .attacks: return "event_date, event_id, source_id"
        case .talks: return "start_date, talks_id, source_id"
        case .delegations: return "start_date, talks_id, source_id, side, member"
        case .actors: return "kind, name, actor_id"
        case .sources: return "path, source_id"
        }
    }
}

public enum Reports {
    /// Runs one report, optionally restricted to dates in [since, until] (ISO, inclusive).
    public static func run(_ store: Store, _ kind: ReportKind, since: String? = nil, until: String? = nil) throws -> ResultTable {
        var conditions: [String] = []
        var args: StatementArguments = []
        if since != nil || until != nil {
            guard let col = kind.dateColumn else {
                throw StoreError.invalid("the \(kind.rawValue) report has no date: --since and --until do not apply")
            }
            if let since { conditions.append("\(col) >= ?"); args += [since] }
            // A day-precision date is a 10-character prefix: compare the day part for --until.
            if let until { conditions.append("substr(\(col), 1, 10) <= ?"); args += [until] }
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT * FROM \(kind.view)\(whereClause) ORDER BY \(kind.orderBy)"
        return try store.dbQueue.read { db in
            let stmt = try db.makeStatement(sql: sql)
            let rows = try Row.fetchAll(stmt, arguments: args).map { Array($0.databaseValues) }
            return ResultTable(columns: stmt.columnNames, rows: rows)
        }
    }
}
