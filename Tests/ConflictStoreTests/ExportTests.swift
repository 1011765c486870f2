import CSV
import Foundation
import TestSupport
import GRDB
import Testing
@testable import ConflictStore

/// CSV and JSON output: formula cells neutralized, every other value round-trips exactly.
@Suite("Exports: CSV and JSON escaping")
struct ExportTests {
    func table(_ cells: [String]) -> ResultTable {
        ResultTable(columns: ["v"], rows: cells.map { [DatabaseValue(value: $0)!] })
    }

    func readCSV(_ text: String) throws -> [[String]] {
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var rows: [[String]] = []
        while let r = reader.next() { rows.append(r) }
        return rows
    }

    @Test func formulaCellsAreNeutralized() throws {
        let dangerous = ["=1+2", "=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "-x", "@SUM(A1:A2)", "=", "+", "-", "@",
                         "-inf", "+nan", "-infinity", "+0x1p3", "-1e", "--5", "-.", "=-5", "+1,2", "-5 drones", "@12"]
        for s in dangerous {
            #expect(ResultTable.neutralize(s) == "'" + s, "\(s) not neutralized")
        }
        let numbers = ["-5", "+1", "-0.5", "+3.25", "-2e3", "-1.5E-7", "+.5", "-12.", "0", "12", "-0"]
        for s in numbers { #expect(ResultTable.neutralize(s) == s, "\(s) should stay a number") }
        // harmless text is untouched, including text with a formula character later on
        for s in ["Kyiv", "a=b", "1+1", "e-mail", " =x", "", "'already quoted"] { #expect(ResultTable.neutralize(s) == s) }
        // and in a rendered CSV
        let rows = try readCSV(try table(dangerous + numbers).csv())
        #expect(rows.dropFirst().map { $0[0] } == dangerous.map { "'" + $0 } + numbers)
    }

    @Test func csvRoundTripsQuotesCommasAndNewlines() throws {
        let cells = ["plain", "with, comma", "with \"quotes\" inside", "\"starts with a quote", "ends with a quote\"",
                     "line one\nline two", "crlf\r\ninside", "lone\rcarriage return", "trailing newline\n", "\n", "\"\"",
                     ",", "tab\tinside", "Київ, «переговори»", "الرياض", "日内瓦, \"会谈\"", "emoji 🛰️ drone", "   spaces   ",
                     "'); DROP TABLE sources; --", String(repeating: "long, \"quoted\"\n", count: 500)]
        let t = ResultTable(columns: ["id", "text", "n"],
                            rows: cells.enumerated().map { [DatabaseValue(value: Int64($0.offset))!, DatabaseValue(value: $0.element)!, .null] })
        let csv = try t.csv()
        #expect(csv.hasPrefix("id,text,n\r\n"))
        let rows = try readCSV(csv)
        #expect(rows.count == cells.count + 1)
        #expect(rows[0] == ["id", "text", "n"])
        for (i, cell) in cells.enumerated() {
            #expect(rows[i + 1] == [String(i), cell, ""], "row \(i): \(rows[i + 1]) != \(cell.debugDescription)")
        }
    }

    @Test func jsonEscapesEveryControlCharacter() throws {
        var cells: [String] = (0..<0x20).map { "a\(String(UnicodeScalar(UInt8($0))))b" }
        cells += ["quote \" backslash \\ slash /", "\u{7F} del", "\u{2028}\u{2029} separators", "Київ 日内瓦 الرياض 🛰️",
                  "'); DROP TABLE sources; --", ""]
        let t = table(cells)
        // json: one array; jsonl: one object per line, whatever the text holds
        let json = t.json()
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(parsed?.map { $0["v"] as? String } == cells.map { Optional($0) })
        let lines = t.jsonl().split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == cells.count)
        for (line, cell) in zip(lines, cells) {
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(o?["v"] as? String == cell)
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 }, "raw control character in \(line)")
        }
        // numbers, nulls, blobs and non-finite reals stay valid JSON
        let mixed = ResultTable(columns: ["i", "r", "n", "b", "inf", "big"],
                                rows: [[DatabaseValue(value: Int64.min)!, DatabaseValue(value: 1.5)!, .null,
                                        DatabaseValue(value: Data([0, 1, 2]))!, DatabaseValue(value: Double.infinity)!,
                                        DatabaseValue(value: 1e300)!]])
        let m = try JSONSerialization.jsonObject(with: Data(mixed.json().utf8)) as? [[String: Any]]
        #expect(m?.first?["i"] as? Int64 == Int64.min)
        #expect(m?.first?["n"] is NSNull)
        #expect(m?.first?["inf"] is NSNull)
    }

    @Test func exportedReportsRoundTrip() throws {
        // through the store: a title with every troublesome character, exported and read back
        let dir = try scratchDirectory("export")
        let store = try Store.open(path: dir.appendingPathComponent("e.db").path)
        let title = "=cmd, \"quoted\"\nsecond line; -- and @at"
        try store.dbQueue.write { db in
            try db.execute(sql: """
                INSERT INTO sources(path, outlet, url, title, published, words, sha256, format, body, imported_at)
                VALUES ('a.md', '@outlet', 'https://x.example/a', ?, '2026-01-05', 3, 'h', 'plain', 'Body text here.', '2026-01-05T00:00:00Z')
                """, arguments: [title])
        }
        let report = try Reports.run(store, .sources)
        let rows = try readCSV(try report.csv())
        let header = rows[0]
        let row = Dictionary(uniqueKeysWithValues: zip(header, rows[1]))
        #expect(row["title"] == "'" + title)
        #expect(row["outlet"] == "'@outlet")
        #expect(row["url"] == "https://x.example/a")
        let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [[String: Any]]
        #expect(json?.first?["title"] as? String == title) // JSON is not neutralized: it is data, not a spreadsheet
    }
}
