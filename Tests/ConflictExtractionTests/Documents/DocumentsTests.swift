import Foundation
import Testing
@testable import ConflictExtraction

@Suite("Documents: input formats, normalization, outlets")
struct DocumentsTests {
    let reader = ArticleReader()

    func one(_ text: String, path: String = "a.md") throws -> Article {
        let results = reader.read(data: Data(text.utf8), path: path)
        #expect(results.count == 1)
        return try results[0].get()
    }

    func failure(_ data: Data, path: String = "a.md") -> ArticleReadFailure? {
        let results = reader.read(data: data, path: path)
        guard results.count == 1, case .failure(let e) = results[0] else { return nil }
        return e.failure
    }

    /// The arithmetic UTC day against Foundation's calendar, across leap days, years and 1970.
    @Test func isoDayMatchesTheCalendar() {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        for t in stride(from: -2_300_000_000.0, to: 4_200_000_000.0, by: 86_400 * 37 + 3_607) {
            let d = Date(timeIntervalSince1970: t)
            let c = cal.dateComponents([.year, .month, .day], from: d)
            #expect(ArticleReader.isoDay(d) == String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!))
        }
        #expect(ArticleReader.isoDay(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29")
        #expect(ArticleReader.isoDay(Date(timeIntervalSince1970: -1)) == "1969-12-31")
    }

    @Test func frontMatter() throws {
        let a = try one("""
            ---
            title: "Talks resume in a capital - Example Times"
            source: https://www.exampletimes.com/world/talks?id=1
            date: 2026-02-05
            description: A test article.
            word_count: 12
            ---

            The delegations met on Thursday. They agreed to meet again.
            """)
        #expect(a.format == .frontMatter)
        #expect(a.title == "Talks resume in a capital - Example Times")
        #expect(a.url == "https://www.exampletimes.com/world/talks?id=1")
        #expect(a.published == "2026-02-05")
        #expect(a.outlet == "Example Times")
        #expect(a.declaredWordCount == 12)
        #expect(a.body == "The delegations met on Thursday. They agreed to meet again.")
        #expect(a.diagnostics.isEmpty)
    }

    @Test func frontMatterQuotedDateAndOutletKey() throws {
        let a = try one("---\ntitle: Plain title\noutlet: The Daily Test\ndate: \"2025-12-31\"\n---\nBody text here.\n")
        #expect(a.published == "2025-12-31")
        #expect(a.outlet == "The Daily Test")
    }

    @Test func outletFromHostWhenNoSuffix() throws {
        let a = try one("---\ntitle: No suffix here\nsource: https://www.newsexample.org/a\ndate: 2026-01-02\n---\nBody.\n")
        #expect(a.outlet == "newsexample.org")
    }

    @Test func outletInference() {
        #expect(OutletInference.outlet(declared: nil, title: "Something happened | Wire Service", url: "https://wireservice.com/x") == "Wire Service")
        #expect(OutletInference.outlet(declared: nil, title: "A - B talks", url: "https://www.site.com/x") == "site.com")
        #expect(OutletInference.outlet(declared: nil, title: "Strikes overnight - Morning Post", url: nil) == "Morning Post")
        #expect(OutletInference.outlet(declared: nil, title: "Strikes overnight - live updates", url: nil) == nil)
        #expect(OutletInference.outlet(declared: "Given", title: "x - Other", url: "https://other.com") == "Given")
        #expect(OutletInference.host(of: "https://WWW.Example.COM/path") == "example.com")
    }

    @Test func dateLine() throws {
        let a = try one(" date 2026-02-05 The first paragraph starts here.\n\nSecond paragraph.", path: "x.txt")
        #expect(a.format == .dateLine)
        #expect(a.published == "2026-02-05")
        #expect(a.body == "The first paragraph starts here.\n\nSecond paragraph.")
        let b = try one("date 2026-02-06 No leading space.", path: "y.md")
        #expect(b.format == .dateLine)
        #expect(b.published == "2026-02-06")
        #expect(b.body == "No leading space.")
    }

    @Test func plainTextWarnsAndAcceptsDefaultDate() throws {
        let a = try one("Just some text without a header.\n")
        #expect(a.format == .plain)
        #expect(a.published == nil)
        #expect(a.diagnostics.count == 1)
        #expect(a.diagnostics[0].severity == .warning)
        let r = ArticleReader(defaultDate: "2026-03-01")
        let b = try r.read(data: Data("Text.".utf8), path: "p.txt")[0].get()
        #expect(b.published == "2026-03-01")
        #expect(b.diagnostics.isEmpty)
        // "date" followed by a word is just text
        let c = try one("date night in the city was quiet.")
        #expect(c.format == .plain)
    }

    @Test func jsonl() throws {
        let text = """
            {"title": "First - Line Post", "url": "https://linepost.com/1", "date": "2026-02-01", "text": "One."}
            {"title": "Second", "url": "https://linepost.com/2", "outlet": "Line Post", "date": "2026-02-02", "text": "Two."}
            {"title": "broken", "text": 
            {"title": "No text", "date": "2026-02-03"}

            {"title": "Bad date", "date": "2026-02-30", "text": "Three."}
            {"title": "Fine", "date": "2026-02-04", "text": "Four."}
            """
        let results = reader.read(data: Data(text.utf8), path: "batch.jsonl")
        #expect(results.count == 6)
        let ok = results.compactMap { try? $0.get() }
        #expect(ok.map(\.path) == ["batch.jsonl:1", "batch.jsonl:2", "batch.jsonl:7"])
        #expect(ok[0].outlet == "Line Post")
        #expect(ok[0].format == .jsonl)
        #expect(ok[1].published == "2026-02-02")
        let failed = results.compactMap { r -> String? in if case .failure(let e) = r { return e.path } else { return nil } }
        #expect(failed == ["batch.jsonl:3", "batch.jsonl:4", "batch.jsonl:6"])
    }

    @Test func badInputs() {
        #expect(failure(Data()) == .empty)
        #expect(failure(Data("  \n\t \n".utf8)) == .whitespaceOnly)
        #expect(failure(Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02])) == .binary)
        #expect(failure(Data([0x41, 0x42, 0xFF, 0xFE, 0x41, 0x0A])) == .invalidUTF8)
        #expect(failure(Data("---\ntitle: x\nno closing\n".utf8)) == .unclosedFrontMatter)
        if case .frontMatterNotYAML = failure(Data("---\ntitle: [unclosed\n---\nBody\n".utf8)) {} else {
            Issue.record("expected frontMatterNotYAML")
        }
        #expect(failure(Data("---\n- a\n- b\n---\nBody\n".utf8)) == .frontMatterNotMapping)
        #expect(failure(Data("---\ntitle: x\ndate: 2026-13-01\n---\nBody\n".utf8)) == .badDate("2026-13-01"))
        #expect(failure(Data(" date 2026-02-31 text".utf8)) == .badDate("2026-02-31"))
        #expect(failure(Data("---\ntitle: x\ndate: 2026-01-01\n---\n\n   \n".utf8)) == .noBody)
        let small = ArticleReader(maxSize: 10)
        let r = small.read(data: Data("This text is longer than ten bytes.".utf8), path: "big.txt")
        if case .failure(let e) = r[0], case .tooLarge = e.failure {} else { Issue.record("expected tooLarge") }
    }

    @Test func utf16WithBOMIsDecoded() throws {
        var data = Data([0xFF, 0xFE])
        data.append("date 2026-02-05 Hello.".data(using: .utf16LittleEndian)!)
        let b = try reader.read(data: data, path: "u16.txt")[0].get()
        #expect(b.published == "2026-02-05")
        #expect(b.body == "Hello.")
    }

    @Test func normalizer() {
        #expect(Normalizer.normalize("\u{201C}Hi,\u{201D} she said \u{2018}twice\u{2019}") == "\"Hi,\" she said 'twice'")
        #expect(Normalizer.normalize("Jan. 23\u{2013}24") == "Jan. 23-24")
        #expect(Normalizer.normalize("home\u{2014}157") == "home--157")
        #expect(Normalizer.normalize("LONDON -- Talks") == "LONDON -- Talks")
        #expect(Normalizer.normalize("a\u{00A0}b\u{202F}c\u{2009}d") == "a b c d")
        #expect(Normalizer.normalize("zero\u{200B}width\u{FEFF}\u{00AD}") == "zerowidth")
        #expect(Normalizer.normalize("line\r\nbreak\rend") == "line\nbreak\nend")
        #expect(Normalizer.normalize("Cafe\u{0301}") == "Caf\u{00E9}")
        #expect(Normalizer.normalize("wait\u{2026}") == "wait...")
    }

    @Test func bodyAndTitleAreNormalized() throws {
        let a = try one("---\ntitle: \"Talks \u{2014} day two\"\ndate: 2026-01-01\n---\r\nThe envoy\u{2019}s \u{201C}plan\u{201D}.\r\n")
        #expect(a.title == "Talks -- day two")
        #expect(a.body == "The envoy's \"plan\".")
    }
}
