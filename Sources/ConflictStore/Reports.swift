import Foundation
import GRDB

/// The CSV reports of DESIGN §5: each is a view `report_NAME` created by the migrations.
public enum ReportKind: String, CaseIterable, Sendable {
    case exchanges, attacks, talks, delegations, actors, sources
    /// One row per event (not per report), with min/max of each figure (migration 0004).
    case exchangeEvents = "exchange-events", attackEvents = "attack-events"

    public var view: String { "report_" + rawValue.replacingOccurrences(of: "-", with: "_") }

    /// The date column `--since` / `--until` filter on.
    public var dateColumn: String? {
        switch self {
        case .exchanges, .attacks, .exchangeEvents, .attackEvents: return "event_date"
        case .talks, .delegations: return "start_date"
        case .sources: return "published"
        case .actors: return nil
        }
    }

    var orderBy: String {
        switch self {
        case .exchanges, .attacks: return "event_date, event_id, source_id"
        case .exchangeEvents, .attackEvents: return "event_date, event_id"
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

/// A named cross-source question: a view shipped by the migrations, or a user `.sql` file.
public struct Question: Sendable {
    public var name: String
    public var title: String
    public var description: String
    /// The view answering a shipped question.
    public var view: String?
    /// The SQL of a user question (one SELECT).
    public var sql: String?
    /// Where a user question comes from.
    public var path: String?
    /// The column `--since`/`--until` filter on.
    public var dateColumn: String?
    public var orderBy: String?
    /// `:name` parameters the SQL uses (bound with `-p NAME VALUE`).
    public var parameters: [String]

    public var isShipped: Bool { view != nil }
}

/// The named questions: shipped ones (the `questions` table of the migrations) and user ones
/// (`.sql` files in a folder; a header comment gives `title:`, `description:` and optionally `date:`).
public enum Questions {
    /// The questions this binary ships, read from a migrated in-memory database (no file needed).
    public static func shipped() throws -> [Question] {
        let queue = try DatabaseQueue()
        try Store.makeMigrator().migrate(queue)
        return try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT name, title, description, view, date_column, order_by FROM questions ORDER BY name")
                .map { r in
                    Question(name: r[0], title: r[1], description: r[2], view: r[3], sql: nil, path: nil,
                             dateColumn: r[4], orderBy: r[5], parameters: [])
                }
        }
    }

    /// The `.sql` files of `dir` (sorted by name). A file that cannot be read is an error.
    public static func user(in dir: String) throws -> [Question] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw StoreError.invalid("no queries folder at \(dir)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".sql") && !$0.hasPrefix(".") }.sorted()
        return try files.map { f in
            let path = (dir as NSString).appendingPathComponent(f)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw StoreError.invalid("\(path): cannot read (not UTF-8?)")
            }
            return parse(text, name: String(f.dropLast(4)), path: path)
        }
    }

    /// Parses a user question: leading `-- key: value` comment lines, then the SQL.
    public static func parse(_ text: String, name: String, path: String? = nil) -> Question {
        var fields: [String: String] = [:]
        var lastKey: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { continue }
            guard t.hasPrefix("--") else { break }
            let body = t.dropFirst(2).trimmingCharacters(in: .whitespaces)
            if let colon = body.firstIndex(of: ":"), body[..<colon].allSatisfy({ $0.isLetter || $0 == "_" }), !body[..<colon].isEmpty {
                let key = body[..<colon].lowercased()
                fields[key] = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                lastKey = key
            } else if let k = lastKey, !body.isEmpty {
                fields[k, default: ""] += " " + body   // continuation line
            }
        }
        var sql = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while sql.hasSuffix(";") { sql = String(sql.dropLast()).trimmingCharacters(in: .whitespacesAndNewlines) }
        return Question(name: name, title: fields["title"] ?? name, description: fields["description"] ?? "",
                        view: nil, sql: sql, path: path, dateColumn: fields["date"], orderBy: nil,
                        parameters: parameterNames(sql))
    }

    /// The `:name` parameters of a SQL text (outside quotes and comments), in order of appearance.
    public static func parameterNames(_ sql: String) -> [String] {
        var out: [String] = []
        let chars = Array(sql)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "'" || c == "\"" {
                i += 1
                while i < chars.count && chars[i] != c { i += 1 }
            } else if c == "-" && i + 1 < chars.count && chars[i + 1] == "-" {
                while i < chars.count && chars[i] != "\n" { i += 1 }
            } else if c == ":" && i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1] == "_") && (i == 0 || chars[i - 1] != ":") {
                var j = i + 1
                while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_") { j += 1 }
                let name = String(chars[(i + 1)..<j])
                if !out.contains(name) { out.append(name) }
                i = j
                continue
            }
            i += 1
        }
        return out
    }

    /// Shipped questions, then the user's (a user file with a shipped name replaces it).
    public static func all(queriesDir: String?) throws -> [Question] {
        var list = try shipped()
        if let queriesDir {
            for q in try user(in: queriesDir) {
                if let i = list.firstIndex(where: { $0.name == q.name }) { list[i] = q } else { list.append(q) }
            }
        }
        return list
    }

    /// The SELECT that answers `q`, restricted by `where` (SQL) and [since, until] (ISO dates, inclusive).
    public static func sql(for q: Question, where condition: String? = nil, since: String? = nil, until: String? = nil) throws -> String {
        var conditions: [String] = []
        if let condition, !condition.trimmingCharacters(in: .whitespaces).isEmpty { conditions.append("(\(condition))") }
        if since != nil || until != nil {
            guard let col = q.dateColumn else {
                throw StoreError.invalid("question \(q.name) has no date column: --since and --until do not apply"
                                         + (q.isShipped ? "" : " (add a `-- date: COLUMN` header line)"))
            }
            let c = col.quotedDatabaseIdentifier
            for d in [since, until].compactMap({ $0 }) where !d.allSatisfy({ $0.isNumber || $0 == "-" }) {
                throw StoreError.invalid("dates must be YYYY-MM-DD, not '\(d)'")
            }
            if let since { conditions.append("\(c) >= '\(since)'") }
            if let until { conditions.append("substr(\(c), 1, 10) <= '\(until)'") }
        }
        let from = q.view.map { "SELECT * FROM \($0)" } ?? "SELECT * FROM (\n\(q.sql ?? "")\n)"
        var out = from
        if !conditions.isEmpty { out += " WHERE " + conditions.joined(separator: " AND ") }
        if let order = q.orderBy { out += " ORDER BY " + order }
        return out
    }

    /// The definition of a shipped question's view (for `--show-sql`).
    public static func viewDefinition(_ q: Question) throws -> String? {
        guard let view = q.view else { return nil }
        let queue = try DatabaseQueue()
        try Store.makeMigrator().migrate(queue)
        return try queue.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?", arguments: [view])
        }
    }
}
