import Foundation
import GRDB
import Testing

/// A corpus of bad inputs, generated here (nothing is committed), imported in one batch next to good
/// articles. Each bad input gets a failure or a warning naming its file (and line, for JSON Lines); the
/// rest of the batch is imported; nothing crashes; the exit status says that something failed.
@Suite("Bad input corpus", .serialized)
struct BadInputTests {
    enum Expect {
        /// refused: `PATH: <reason containing this>`
        case fails(String)
        /// imported, with `PATH...: warning: <containing this>`
        case warns(String)
        /// imported with no message
        case imports
    }

    struct Case {
        var name: String
        var data: Data
        var expect: Expect
    }

    static func fm(_ yaml: String, _ body: String = "Officials in Kyiv said the talks would continue on Friday.") -> Data {
        Data("---\n\(yaml)\n---\n\(body)\n".utf8)
    }

    static func utf16(_ s: String, bigEndian: Bool) -> Data {
        var d = Data(bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE])
        d.append(s.data(using: bigEndian ? .utf16BigEndian : .utf16LittleEndian)!)
        return d
    }

    /// The corpus: (file name, bytes, expectation). The JSON Lines batch is checked separately, line by line.
    static func corpus() -> [Case] {
        let goodText = "Ukraine's air force said air defenses shot down 41 drones over the Sumy region overnight."
        var cases: [Case] = [
            Case(name: "01-empty.md", data: Data(), expect: .fails("empty file")),
            Case(name: "02-whitespace.md", data: Data(" \n\t\n   \n\n".utf8), expect: .fails("empty file (whitespace only)")),
            Case(name: "03-binary.txt", data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48]),
                 expect: .fails("binary file")),
            Case(name: "04-invalid-utf8.md", data: Data("date 2026-01-05 Kyiv said ".utf8) + Data([0xC3, 0x28, 0xFF]) + Data(" more.".utf8),
                 expect: .fails("not valid UTF-8")),
            Case(name: "05-utf16le-bom.txt", data: utf16(" date 2026-01-06 Киев: \(goodText)", bigEndian: false), expect: .imports),
            Case(name: "06-utf16be-bom.txt", data: utf16(" date 2026-01-07 \(goodText) Again.", bigEndian: true), expect: .imports),
            Case(name: "07-unclosed-front-matter.md", data: Data("---\ntitle: Never closed\ndate: 2026-01-05\n\(goodText)\n".utf8),
                 expect: .fails("front matter opened with '---' is never closed")),
            Case(name: "08-front-matter-not-yaml.md", data: fm("title: [unclosed\ndate: 2026-01-05"), expect: .fails("front matter is not valid YAML")),
            Case(name: "09-front-matter-tabs.md", data: fm("title: a\n\tdate: : : 2026"), expect: .fails("front matter is not valid YAML")),
            Case(name: "10-front-matter-list.md", data: fm("- one\n- two"), expect: .fails("not a YAML mapping")),
            Case(name: "11-date-not-a-date.md", data: fm("title: Words\ndate: last Tuesday"), expect: .fails("bad date 'last Tuesday'")),
            Case(name: "12-date-feb-30.md", data: fm("title: Feb\ndate: 2026-02-30"), expect: .fails("bad date '2026-02-30'")),
            Case(name: "13-date-number.md", data: fm("title: Number\ndate: 20260105"), expect: .fails("bad date '20260105'")),
            Case(name: "14-date-list.md", data: fm("title: List\ndate: [2026-01-05]"), expect: .fails("bad date")),
            Case(name: "15-date-future.md", data: fm("title: Future\ndate: 2999-01-01"), expect: .fails("bad date '2999-01-01': in the future")),
            Case(name: "16-date-before-1900.md", data: fm("title: Old\ndate: 1850-03-01"), expect: .fails("bad date '1850-03-01': before 1900")),
            Case(name: "17-dateline-future.txt", data: Data(" date 2999-12-31 \(goodText)".utf8), expect: .fails("in the future")),
            Case(name: "18-no-date.md", data: fm("title: Undated\nsource: https://undated.example/1", "An undated text about talks in Geneva."),
                 expect: .warns("front matter has no date")),
            Case(name: "19-plain-no-header.txt", data: Data("A plain note with no header about a meeting in Riyadh.\n".utf8),
                 expect: .warns("no header")),
            Case(name: "20-no-body.md", data: fm("title: Header only\ndate: 2026-01-05", ""), expect: .fails("no article text after the header")),
            Case(name: "21-dateline-no-body.txt", data: Data(" date 2026-01-05   \n\n".utf8), expect: .fails("no article text after the header")),
            Case(name: "22-nul-bytes.md", data: Data("date 2026-01-05 Text with a".utf8) + Data([0]) + Data("NUL byte.".utf8),
                 expect: .fails("binary file")),
            Case(name: "23-title-is-a-mapping.md", data: fm("title: {a: 1, b: [2, 3]}\ndate: 2026-01-08", "A text whose title is a mapping."),
                 expect: .warns("'title' is a list or mapping")),
            Case(name: "24-billion-laughs.md", data: fm("""
                a: &a ["x","x","x","x","x","x","x","x","x","x"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
                h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
                i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]
                date: 2026-01-05
                """), expect: .fails("front matter refused: more than")),
            Case(name: "25-deeply-nested-yaml.md", data: fm("title: " + String(repeating: "[", count: 100_000) + "\ndate: 2026-01-05"),
                 expect: .fails("front matter refused")),
            Case(name: "26-control-characters.md", data: fm("title: Bell\u{07}title\ndate: 2026-01-09", "Escape \u{1B}[31m codes in a text about Odesa."),
                 expect: .warns("control character")),
            Case(name: "27-cyrillic.md", data: fm("title: Переговоры в Стамбуле\ndate: 2026-01-10",
                                                  "Делегации России и Украины встретились в Стамбуле. Стороны обменялись пленными."), expect: .imports),
            Case(name: "28-arabic.md", data: fm("title: محادثات في الرياض\ndate: 2026-01-11",
                                                "اجتمع الوفدان في الرياض يوم الخميس. وقال المسؤولون إن المحادثات ستستمر."), expect: .imports),
            Case(name: "29-cjk.md", data: fm("title: 日内瓦会谈\ndate: 2026-01-12", "双方代表团周四在日内瓦会面。官员表示谈判将继续。無人機が撃墜された。"),
                 expect: .imports),
            Case(name: "30-number-too-large.md", data: fm("title: Big numbers\ndate: 2026-01-13",
                                                         "Russia launched 99999999999999999999 drones at Ukraine overnight, the air force said. It said 18446744073709551616 were shot down and 9223372036854775808 missed."),
                 expect: .imports),
            Case(name: "31-sql-title-and-body.md", data: fm("title: \"'); DROP TABLE sources; --\"\ndate: 2026-01-14",
                                                           "Robert'); DROP TABLE sources; -- said that \"; DELETE FROM mentions; \" is not a sentence. 1' OR '1'='1"),
                 expect: .imports),
            Case(name: "32-crlf-and-bom.md", data: Data([0xEF, 0xBB, 0xBF]) + Data("---\r\ntitle: Windows file\r\ndate: 2026-01-15\r\n---\r\nA text with CRLF line endings about Kherson.\r\n".utf8),
                 expect: .imports),
            Case(name: "33-duplicate-a.md", data: fm("title: Same text\ndate: 2026-01-16", "The same text saved under two names, about Mykolaiv."), expect: .imports),
            Case(name: "34-duplicate-b.md", data: fm("title: Same text\ndate: 2026-01-16", "The same text saved under two names, about Mykolaiv."),
                 expect: .warns("same text as")),
        ]
        // extremely long lines: a 500 KB line of long words with no sentence end, and one 300 KB "word".
        // (Kept to sizes the debug build extracts in seconds: see RELIABILITY.md, "known limits".)
        let long = (0..<10_000).map { "w\($0 % 10)" + String(repeating: "x", count: 46) }.joined(separator: " ")
        cases.append(Case(name: "35-long-line.md", data: fm("title: Long line\ndate: 2026-01-17", long), expect: .imports))
        cases.append(Case(name: "36-long-token.txt", data: Data((" date 2026-01-18 " + String(repeating: "x", count: 300_000)).utf8), expect: .imports))
        // 10,000 sentences
        var many = ""
        for i in 0..<10_000 {
            many += "Item \(i) is noted. "
            if i % 50 == 49 { many += "\n\n" }
        }
        cases.append(Case(name: "37-ten-thousand-sentences.md", data: fm("title: Many sentences\ndate: 2026-01-19", many), expect: .imports))
        cases.append(Case(name: "38-good-article.md", data: Data(TestArticles.article(1).utf8), expect: .imports))
        cases.append(Case(name: "39-good-dateline.txt", data: Data(" date 2026-01-20 \(goodText) The governor confirmed it.".utf8), expect: .imports))
        return cases
    }

    /// The JSON Lines batch: line number -> expectation (blank lines are skipped silently: they hold nothing).
    static func jsonlBatch() -> (Data, [Int: Expect]) {
        let lines: [(String, Expect?)] = [
            (#"{"title": "Good line - Line Wire", "url": "https://linewire.example/1", "date": "2026-01-21", "text": "Russia and Ukraine each freed 95 prisoners of war on Wednesday."}"#, .imports),
            (#"{"title": "Broken", "url": "#, .fails("not a JSON article object: invalid JSON")),
            ("", nil),
            ("   ", nil),
            (#"["an", "array", "not", "an", "object"]"#, .fails("a line must hold one JSON object")),
            (#""just a string""#, .fails("not a JSON article object")),
            (#"{"title": "No text here", "date": "2026-01-21"}"#, .fails("no 'text'")),
            (#"{"title": "Text is a number", "text": 12345}"#, .fails("'text' must be a string")),
            (#"{"title": "Bad date", "date": "21/01/2026", "text": "Some text."}"#, .fails("bad date '21/01/2026'")),
            (#"{"title": "Future", "date": "3000-01-01", "text": "Some other text."}"#, .fails("in the future")),
            (#"{"title": "NUL escaped", "date": "2026-01-22", "text": "A text with an escaped \u0000 NUL and \u001b escape."}"#, .warns("control character")),
            (#"{"title": "'); DROP TABLE sources; --", "url": "https://linewire.example/2'); DROP TABLE sources; --", "date": "2026-01-23", "text": "x'); DELETE FROM sources WHERE ('1'='1"}"#, .imports),
            (#"{"title": "No date", "text": "An undated line about the talks."}"#, .warns("no date")),
            (String(repeating: "[", count: 100_000), .fails("not a JSON article object")),
            (#"{"title": "Big", "date": "2026-01-24", "text": "The ministry said 99999999999999999999 drones were shot down.", "word_count": 99999999999999999999999}"#, .imports),
            (#"{"title": "Last good line", "url": "https://linewire.example/3", "date": "2026-01-25", "text": "Delegations met in Abu Dhabi on Friday, officials said."}"#, .imports),
        ]
        var data = Data()
        var expect: [Int: Expect] = [:]
        for (i, (line, e)) in lines.enumerated() {
            data += Data((line + "\n").utf8)
            if let e { expect[i + 1] = e }
        }
        // raw bytes: a NUL inside a line, and invalid UTF-8, each failing alone
        data += Data(#"{"title": "raw NUL", "text": "a"#.utf8) + Data([0]) + Data("b\"}\n".utf8)
        expect[lines.count + 1] = .fails("binary")
        data += Data(#"{"title": "bad bytes", "text": "a"#.utf8) + Data([0xFF, 0xFE]) + Data("b\"}\n".utf8)
        expect[lines.count + 2] = .fails("not valid UTF-8")
        data += Data(#"{"title": "After the bad bytes", "date": "2026-01-26", "text": "The final line still imports."}"#.utf8) // no final newline
        expect[lines.count + 3] = .imports
        return (data, expect)
    }

    @Test func corpusIsImportedAroundEveryBadInput() throws {
        let dir = try tempDir()
        let batch = dir.appendingPathComponent("batch")
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
        let cases = Self.corpus()
        for c in cases { try c.data.write(to: batch.appendingPathComponent(c.name)) }
        let (jsonl, jsonlExpect) = Self.jsonlBatch()
        try jsonl.write(to: batch.appendingPathComponent("40-batch.jsonl"))
        // a 50 MB file, over the default 20 MB limit: refused from its size, without being read
        let huge = batch.appendingPathComponent("41-fifty-megabytes.md")
        FileManager.default.createFile(atPath: huge.path, contents: nil)
        let h = try FileHandle(forWritingTo: huge)
        try h.write(contentsOf: Data("---\ntitle: Huge\ndate: 2026-01-05\n---\n".utf8))
        let chunk = Data(String(repeating: "Drones were shot down over Kharkiv. ", count: 28_000).utf8) // ~1 MB
        while try h.offset() < 50_000_000 { try h.write(contentsOf: chunk) }
        try h.close()
        // a folder that is a symbolic link to its parent (a loop), a broken link, an ignored extension,
        // a hidden file, a folder named like an article
        let sub = batch.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: sub.appendingPathComponent("loop").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: batch.appendingPathComponent("42-broken-link.md").path,
                                                   withDestinationPath: dir.appendingPathComponent("nowhere.md").path)
        try Data("not an article".utf8).write(to: batch.appendingPathComponent("notes.pdf"))
        try Data().write(to: batch.appendingPathComponent(".hidden.md"))
        try FileManager.default.createDirectory(at: batch.appendingPathComponent("folder.md"), withIntermediateDirectories: true)
        let missing = dir.appendingPathComponent("does-not-exist").path

        let db = dir.appendingPathComponent("bad.db").path
        let started = Date()
        let r = try conflictdb(["import", batch.path, missing], db: db)
        let elapsed = Date().timeIntervalSince(started)
        #expect(r.status == 1, "exit status: \(r.status)\n\(r.stderr)")  // 1 = something failed; not a crash signal
        let err = r.stderr.split(separator: "\n").map(String.init)
        func lines(for path: String) -> [String] { err.filter { $0.hasPrefix(path + ":") } }

        var expectImported = 0, expectFailed = 0
        for c in cases {
            let path = batch.appendingPathComponent(c.name).path
            let found = lines(for: path)
            switch c.expect {
            case .fails(let why):
                expectFailed += 1
                #expect(found.contains { $0.hasPrefix(path + ": ") && $0.contains(why) }, "\(c.name): expected '\(why)', got \(found)")
            case .warns(let why):
                expectImported += 1
                #expect(found.contains { $0.contains("warning:") && $0.contains(why) }, "\(c.name): expected warning '\(why)', got \(found)")
            case .imports:
                expectImported += 1
                #expect(found.isEmpty || found.allSatisfy { $0.contains("warning:") }, "\(c.name): \(found)")
            }
        }
        let jsonlPath = batch.appendingPathComponent("40-batch.jsonl").path
        for (line, e) in jsonlExpect.sorted(by: { $0.key < $1.key }) {
            let p = "\(jsonlPath):\(line)"
            let found = err.filter { $0.hasPrefix(p + ":") }
            switch e {
            case .fails(let why):
                expectFailed += 1
                #expect(found.contains { $0.contains(why) }, "line \(line): expected '\(why)', got \(found)")
            case .warns(let why):
                expectImported += 1
                #expect(found.contains { $0.contains("warning:") && $0.contains(why) }, "line \(line): expected warning '\(why)', got \(found)")
            case .imports:
                expectImported += 1
                #expect(found.allSatisfy { $0.contains("warning:") }, "line \(line): \(found)")
            }
        }
        #expect(err.contains { $0.hasPrefix(huge.path + ": file too large (") && $0.contains("see --max-size") })
        #expect(err.contains { $0.hasPrefix(batch.appendingPathComponent("42-broken-link.md").path + ": broken symbolic link") })
        #expect(err.contains { $0.hasPrefix(sub.appendingPathComponent("loop").path + ": warning: symbolic link to a folder") })
        #expect(err.contains { $0 == "\(missing): no such file or directory" })
        expectFailed += 3 // huge file, broken link, missing path
        // one duplicate is "unchanged", not imported twice
        let summary = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary == "\(expectImported - 1) imported, 1 unchanged, 0 replaced, \(expectFailed) failed", "\(summary)\n\(r.stderr)")
        // every stderr line names a file of the batch (or the missing path)
        for line in err {
            #expect(line.hasPrefix(batch.path + "/") || line.hasPrefix(missing), "unattributed message: \(line)")
        }
        // the database is whole and holds exactly the good articles
        try inspectDatabase(db) { (db: Database) throws in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sources") == expectImported - 1)
            #expect(try db.tableExists("sources"))
            let title = try String.fetchOne(db, sql: "SELECT title FROM sources WHERE path LIKE '%31-sql-title-and-body.md'")
            #expect(title == "'); DROP TABLE sources; --")
            let body = try String.fetchOne(db, sql: "SELECT body FROM sources WHERE path = ?", arguments: ["\(jsonlPath):12"])
            #expect(body == "x'); DELETE FROM sources WHERE ('1'='1")
            // no NUL or escape character reaches the database
            let controls = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM sources WHERE instr(body, char(0)) > 0 OR instr(body, char(27)) > 0
                   OR instr(coalesce(title, ''), char(7)) > 0
                """)
            #expect(controls == 0)
            // no figure overflowed into a negative or wrapped value
            let negative = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM attack_reports WHERE drones_launched < 0 OR drones_downed < 0 OR drones_hit < 0
                   OR missiles_launched < 0 OR killed < 0 OR injured < 0
                """)
            #expect(negative == 0)
            let utf16 = try String.fetchOne(db, sql: "SELECT body FROM sources WHERE path LIKE '%05-utf16le-bom.txt'")
            #expect(utf16?.hasPrefix("Киев:") == true)
            let sentences = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM sentences JOIN sources s ON s.id = sentences.source_id WHERE s.path LIKE '%37-ten-thousand-sentences.md'
                """)
            #expect((sentences ?? 0) >= 10_000)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM sources_fts WHERE sources_fts MATCH 'Стамбуле'") == 1)
        }
        #expect(elapsed < 60, "the bad-input batch took \(elapsed) s")
    }

    @Test func batchSizeMustBePositive() throws {
        let dir = try tempDir()
        let file = dir.appendingPathComponent("a.md")
        try Data(TestArticles.article(7).utf8).write(to: file)
        let db = dir.appendingPathComponent("b.db").path
        let zero = try conflictdb(["import", "--batch-size", "0", file.path], db: db)
        #expect(zero.status != 0 && zero.stderr.contains("--batch-size must be positive"))
        let one = try conflictdb(["import", "--batch-size", "1", file.path], db: db)
        #expect(one.status == 0 && one.stdout.hasSuffix("1 imported, 0 unchanged, 0 replaced, 0 failed\n"), "\(one.stderr)")
    }

    @Test func maxSizeIsConfigurable() throws {
        let dir = try tempDir()
        let file = dir.appendingPathComponent("a.md")
        try Data(TestArticles.article(7).utf8).write(to: file)
        let size = try Data(contentsOf: file).count
        let db = dir.appendingPathComponent("m.db").path
        let small = try conflictdb(["import", "--max-size", "100", file.path], db: db)
        #expect(small.status == 1)
        #expect(small.stderr == "\(file.path): file too large (\(size) bytes; the limit is 100, see --max-size)\n")
        #expect(small.stdout.hasSuffix("0 imported, 0 unchanged, 0 replaced, 1 failed\n"))
        let ok = try conflictdb(["import", "--max-size", "\(size)", file.path], db: db)
        #expect(ok.status == 0, "\(ok.stderr)")
        // per line for JSON Lines: a long line fails alone
        let jsonl = dir.appendingPathComponent("b.jsonl")
        try Data("""
            {"title": "short", "date": "2026-01-02", "text": "Short text."}
            {"title": "long", "date": "2026-01-02", "text": "\(String(repeating: "long ", count: 100))"}

            """.utf8).write(to: jsonl)
        let j = try conflictdb(["import", "--max-size", "200", jsonl.path], db: db)
        #expect(j.status == 1)
        #expect(j.stderr.contains("\(jsonl.path):2: file too large"))
        #expect(j.stdout.hasSuffix("1 imported, 0 unchanged, 0 replaced, 1 failed\n"))
        #expect(try conflictdb(["import", "--max-size", "0", file.path], db: db).status != 0)
    }

    @Test(.enabled(if: unprivilegedPrefix != nil, "needs a non-root user or setpriv to make a file unreadable"))
    func unreadableFileFailsAlone() throws {
        let prefix = unprivilegedPrefix!
        let dir = try sharedTempDir()
        let batch = dir.appendingPathComponent("batch")
        try TestArticles.writeBatch(3, to: batch)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: batch.path)
        let secret = batch.appendingPathComponent("article-0001.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: secret.path)
        let closed = batch.appendingPathComponent("closed")
        try TestArticles.writeBatch(1, to: closed, offset: 10)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: closed.path)
        let db = dir.appendingPathComponent("u.db").path
        let r = try conflictdbUnprivileged(["import", batch.path, "--db", db], prefix: prefix)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("\(secret.path): cannot read"), "\(r.stderr)")
        #expect(r.stderr.contains("\(closed.path): cannot read folder"), "\(r.stderr)")
        #expect(r.stdout.hasSuffix("2 imported, 0 unchanged, 0 replaced, 2 failed\n"), "\(r.stdout)")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: closed.path)
    }

    @Test func unreadableAsRootIsDetected() throws {
        // As root, chmod 000 does not stop reads: the test above runs the binary as `nobody` instead.
        // Without that possibility, a file that is a folder in disguise is the unreadable input left.
        let dir = try tempDir()
        let fake = dir.appendingPathComponent("fake.md")
        try FileManager.default.createDirectory(at: fake, withIntermediateDirectories: true)
        try TestArticles.writeBatch(1, to: dir)
        let db = dir.appendingPathComponent("f.db").path
        let r = try conflictdb(["import", dir.appendingPathComponent("article-0000.md").path, "/dev/null", "/proc/self/mem"], db: db)
        #expect(r.status == 1)
        #expect(r.stderr.contains("/dev/null: cannot read: a device, not an article file"), "\(r.stderr)")
        #expect(r.stderr.contains("/proc/self/mem: "), "\(r.stderr)")
        #expect(r.stdout.hasSuffix("1 imported, 0 unchanged, 0 replaced, 2 failed\n"), "\(r.stdout)")
    }
}
