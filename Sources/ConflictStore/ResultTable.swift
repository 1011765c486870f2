import Foundation
import GRDB
import CSV

/// Output formats of `query` and `export`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, jsonl
}

/// A result set: column names and rows of SQLite values.
public struct ResultTable {
    public var columns: [String]
    public var rows: [[DatabaseValue]]

    public init(columns: [String], rows: [[DatabaseValue]]) {
        self.columns = columns
        self.rows = rows
    }

    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .csv: return try csv()
        case .json: return json()
        case .jsonl: return jsonl()
        case .table: return table()
        }
    }

    // MARK: CSV (RFC 4180, CRLF, header row always, formula-like cells neutralized)

    /// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@` and not a number) gets a leading `'`.
    public static func neutralize(_ s: String) -> String {
        guard let f = s.first, "=+-@".contains(f) else { return s }
        if isPlainNumber(s) { return s }
        return "'" + s
    }

    /// A decimal number as a spreadsheet reads it (`-5`, `+1.5`, `-2e3`). Not `Double(_:)`, which also
    /// takes `-inf`, `+nan` and `-0x1p3`: a spreadsheet would run those as formulas.
    static func isPlainNumber(_ s: String) -> Bool {
        var u = s.utf8[...]
        if let c = u.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { u = u.dropFirst() }
        func digits() -> Int {
            let n = u.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            u = u.dropFirst(n)
            return n
        }
        var n = digits()
        if u.first == UInt8(ascii: ".") { u = u.dropFirst(); n += digits() }
        guard n > 0 else { return false }
        if let c = u.first, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            u = u.dropFirst()
            if let c = u.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { u = u.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return u.isEmpty
    }

    static func text(_ v: DatabaseValue) -> String {
        switch v.storage {
        case .null: return ""
        case .int64(let i): return String(i)
        case .double(let d): return d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) + ".0" : String(d)
        case .string(let s): return s
        case .blob(let b): return b.base64EncodedString()
        }
    }

    public func csv() throws -> String {
        let w = try CSVWriter(stream: .toMemory(), newline: .crlf)
        try w.write(row: columns)
        for r in rows {
            try w.write(row: r.map { Self.neutralize(Self.text($0)) })
        }
        w.stream.close()
        let data = w.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return (String(data: data, encoding: .utf8) ?? "") + "\r\n"
    }

    // MARK: JSON

    /// A JSON string literal (quotes, backslashes and control characters escaped).
    public static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    static func jsonValue(_ v: DatabaseValue) -> String {
        switch v.storage {
        case .null: return "null"
        case .int64(let i): return String(i)
        case .double(let d): return d.isFinite ? String(d) : "null"
        case .string(let s): return jsonString(s)
        case .blob(let b): return jsonString(b.base64EncodedString())
        }
    }

    func jsonObject(_ row: [DatabaseValue]) -> String {
        "{" + zip(columns, row).map { "\(Self.jsonString($0)): \(Self.jsonValue($1))" }.joined(separator: ", ") + "}"
    }

    public func json() -> String {
        if rows.isEmpty { return "[]\n" }
        return "[\n" + rows.map { "  " + jsonObject($0) }.joined(separator: ",\n") + "\n]\n"
    }

    public func jsonl() -> String {
        rows.map { jsonObject($0) + "\n" }.joined()
    }

    // MARK: table (for people at a terminal)

    public func table(maxWidth: Int = 60) -> String {
        func cell(_ v: DatabaseValue) -> String {
            var s = v.isNull ? "" : Self.text(v)
            s = s.replacingOccurrences(of: "\n", with: " ")
            if s.count > maxWidth { s = String(s.prefix(maxWidth - 3)) + "..." }
            return s
        }
        let cells = rows.map { $0.map(cell) }
        var widths = columns.map(\.count)
        for r in cells { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ r: [String]) -> String {
            zip(r, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = line(columns) + "\n" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for r in cells { out += line(r) + "\n" }
        out += "(\(rows.count) row\(rows.count == 1 ? "" : "s"))\n"
        return out
    }
}
