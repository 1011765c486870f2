import Foundation
import Testing

private let questionFixtures = packageRoot.appendingPathComponent("Tests/Fixtures/questions").path

@Suite("conflictdb questions / ask / event exports", .serialized)
struct QuestionsCLITests {
    @Test func questionsListsShippedAndUserQuestions() throws {
        let r = try conflictdb(["questions"])
        #expect(r.status == 0, "\(r.stderr)")
        for name in ["figure-disagreements", "single-source-events", "exchange-tally", "delegation-roster", "attack-claims",
                     "actor-coverage", "timeline", "outlet-agreement"] {
            #expect(r.stdout.contains("\n" + name + " ") || r.stdout.hasPrefix(name + " "), "\(name)")
        }
        let dir = try tempDir()
        try Data("""
            -- title: Big nights
            -- description: Attack events where some source counts at least :min drones launched.
            -- date: event_date
            SELECT event_date, attacker, drones_launched_max, outlets FROM report_attack_events WHERE drones_launched_max >= :min

            """.utf8).write(to: dir.appendingPathComponent("big-nights.sql"))
        let u = try conflictdb(["questions", "--queries", dir.path])
        #expect(u.stdout.contains("big-nights"))
        #expect(u.stdout.contains("parameters: :min"))
        for cmd in ["questions", "ask"] {
            let h = try conflictdb([cmd, "--help"])
            #expect(h.status == 0)
            #expect(h.stdout.contains("Examples"))
        }

        let db = dir.appendingPathComponent("q.db").path
        #expect(try conflictdb(["import", questionFixtures], db: db).status == 0)
        let big = try conflictdb(["ask", "big-nights", "--queries", dir.path, "-p", "min", "250", "--format", "csv"], db: db)
        #expect(big.status == 0, "\(big.stderr)")
        #expect(big.stdout == "event_date,attacker,drones_launched_max,outlets\r\n2025-04-10,RUS,300,Delta Daily;Gamma News\r\n")
        let missing = try conflictdb(["ask", "big-nights", "--queries", dir.path], db: db)
        #expect(missing.status == 1)
        #expect(missing.stderr == "conflictdb: error: question big-nights needs -p min VALUE\n")
    }

    @Test func askRunsOneQuestion() throws {
        let db = try tempDir().appendingPathComponent("a.db").path
        #expect(try conflictdb(["import", questionFixtures], db: db).status == 0)
        let t = try conflictdb(["ask", "timeline", "--format", "csv"], db: db)
        #expect(t.status == 0, "\(t.stderr)")
        let lines = t.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "event_type,event_id,event_date,summary,sources,reports,merge_rule")
        #expect(lines.count == 6)
        let july = try conflictdb(["ask", "timeline", "--since", "2025-06-01", "--until", "2025-06-30", "--format", "jsonl"], db: db)
        #expect(july.stdout.split(separator: "\n").count == 1)
        let w = try conflictdb(["ask", "single-source-events", "--where", "event_type = 'attack'", "--format", "csv"], db: db)
        #expect(w.stdout.contains("Epsilon Times"))
        #expect(!w.stdout.contains("Gamma News"))
        let d = try conflictdb(["ask", "figure-disagreements"], db: db)
        #expect(d.stdout.contains("drones_downed"))
        #expect(d.stdout.contains("(3 rows)") || d.stdout.contains("(2 rows)"))
        let sql = try conflictdb(["ask", "delegation-roster", "--show-sql"], db: db)
        #expect(sql.stdout.contains("CREATE VIEW q_delegation_roster"))
        #expect(sql.stdout.contains("SELECT * FROM q_delegation_roster ORDER BY"))
        let unknown = try conflictdb(["ask", "nothing"], db: db)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("conflictdb: error: no question named 'nothing'"))
        // --where is read-only like query
        let sneaky = try conflictdb(["ask", "timeline", "--where", "1); delete from sources; select (1"], db: db)
        #expect(sneaky.status == 1)
        #expect(try conflictdb(["query", "--format", "csv", "select count(*) from sources"], db: db).stdout == "count(*)\r\n8\r\n")
        let noDate = try conflictdb(["ask", "outlet-agreement", "--since", "2025-01-01"], db: db)
        #expect(noDate.status == 1)
    }

    @Test func eventExports() throws {
        let db = try tempDir().appendingPathComponent("e.db").path
        #expect(try conflictdb(["import", questionFixtures], db: db).status == 0)
        let x = try conflictdb(["export", "exchange-events"], db: db)
        #expect(x.status == 0, "\(x.stderr)")
        #expect(x.stdout.hasPrefix("event_id,event_date,status,side_a,side_b,kind,returned_to_a_min,returned_to_a_max,"))
        #expect(x.stdout.contains("Alpha Wire;Beta Post"))
        let a = try conflictdb(["export", "attack-events", "--since", "2025-04-10", "--until", "2025-04-10"], db: db)
        #expect(a.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2)
        #expect(a.stdout.contains("Delta Daily;Gamma News"))
    }
}
