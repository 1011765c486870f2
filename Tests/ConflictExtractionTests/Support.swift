import Foundation
import Testing
@testable import ConflictExtraction

/// The small, frozen dictionary set of the unit tests (editing the shipped data never breaks them).
let testDictionaries: Dictionaries = {
    let base = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("dictionaries")
    return try! Dictionaries.load(base: base)
}()

let shippedDictionaries: Dictionaries = { try! Dictionaries.load() }()

let testExtractor = Extractor(dictionaries: testDictionaries)

/// An article published on Thursday 2026-02-05 (unless said otherwise).
func article(_ body: String, published: String? = "2026-02-05") -> Article {
    Article(path: "test.txt", published: published, body: body, format: .plain)
}

/// Marked text: `[[...]]` marks the spans a test expects. Returns the clean text and the spans
/// (Unicode scalar offsets, like every span in the library).
func marked(_ text: String) -> (String, [Span]) {
    var out = String.UnicodeScalarView()
    var spans: [Span] = []
    var open: Int? = nil
    let s = Array(text.unicodeScalars)
    var i = 0
    while i < s.count {
        if i + 1 < s.count, s[i] == "[", s[i + 1] == "[" { open = out.count; i += 2; continue }
        if i + 1 < s.count, s[i] == "]", s[i + 1] == "]", let o = open { spans.append(Span(o, out.count)); open = nil; i += 2; continue }
        out.append(s[i])
        i += 1
    }
    return (String(out), spans)
}

/// All items of an analyzed text (every sentence).
func items(_ text: String, published: String? = "2026-02-05", extractor: Extractor = testExtractor) -> [Item] {
    extractor.analyze(article(text, published: published)).sentences.flatMap(\.items)
}

/// The item at exactly `span`, if any.
func item(at span: Span, in text: String, published: String? = "2026-02-05") -> Item? {
    items(text, published: published).first { $0.span == span }
}
