import Testing
@testable import ConflictExtraction

@Suite("Text: tokenizer and sentence segmenter")
struct SegmenterTests {
    let segmenter = Segmenter(abbreviations: testDictionaries.abbreviations)

    func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return segmenter.segment(scalars).sentences.map { s in
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[s.span.start..<s.span.end])
            return String(v)
        }
    }

    @Test(arguments: [
        ("U.S. President Donald Trump met Gov. Ivan Smith at 4 p.m. on Oct. 5. The talks ended.",
         ["U.S. President Donald Trump met Gov. Ivan Smith at 4 p.m. on Oct. 5.", "The talks ended."]),
        ("Lt. Gen. Ivan Ivanov spoke to reporters. He said nothing.",
         ["Lt. Gen. Ivan Ivanov spoke to reporters.", "He said nothing."]),
        ("\"We are ready,\" he said. \"Talks will go on.\" Officials agreed.",
         ["\"We are ready,\" he said.", "\"Talks will go on.\"", "Officials agreed."]),
        ("Workers clear debris in Kyiv on Feb. 4, 2026. (AP Photo/Jane Doe)\nThe next paragraph.",
         ["Workers clear debris in Kyiv on Feb. 4, 2026. (AP Photo/Jane Doe)", "The next paragraph."]),
        ("A headline without a full stop\nThe body starts here.", ["A headline without a full stop", "The body starts here."]),
        ("J. Smith said it.", ["J. Smith said it."]),
    ])
    func splits(_ text: String, _ expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test func offsetsPointIntoTheText() {
        let text = "Kyiv’s mayor — Vitali — said 2 were hurt. Ça va? Done."
        let scalars = Array(text.unicodeScalars)
        let r = segmenter.segment(scalars)
        #expect(r.sentences.count == 3)
        for (s, toks) in zip(r.sentences, r.tokens) {
            for t in toks {
                var v = String.UnicodeScalarView()
                v.append(contentsOf: scalars[t.span.start..<t.span.end])
                #expect(String(v) == t.text)
                #expect(s.span.start <= t.span.start && t.span.end <= s.span.end)
            }
        }
    }

    @Test(arguments: [
        ("Rostov-on-Don", ["Rostov", "-", "on", "-", "Don"]),
        ("Kh-101", ["Kh", "-", "101"]),
        ("the U.S. side", ["the", "U.S.", "side"]),
        ("Ukraine's air force", ["Ukraine", "'s", "air", "force"]),
        ("1,212 bodies", ["1,212", "bodies"]),
        ("6people", ["6", "people"]),
        ("the 1st round", ["the", "1st", "round"]),
    ])
    func tokens(_ text: String, _ expected: [String]) {
        #expect(Tokenizer.tokenize(Array(text.unicodeScalars)).map(\.text) == expected)
    }

    @Test func boilerplateSentencesAreMarked() {
        let doc = testExtractor.analyze(article("Jane Doe and John Roe contributed to this report. Russia launched 5 drones at Ukraine overnight."))
        #expect(doc.sentences.map(\.sentence.isBoilerplate) == [true, false])
        // nobody in a credit line is a person
        #expect(!doc.sentences[0].items.contains { $0.kind == .person })
    }

    /// The items of a link list after "Read also:" are boilerplate up to the first line without a bullet; a
    /// line that ends with "contributed" is a credit line.
    @Test func linkListsAndContributorLines() {
        let doc = testExtractor.analyze(article("Russia launched 5 drones at Ukraine overnight.\n\nRead also:\n• Putin visits troops in the Kursk region\n• Medinsky heads the delegation\n\nAgency writer Jane Doe contributed.\n\nThe talks went on."))
        #expect(doc.sentences.map(\.sentence.isBoilerplate) == [false, true, true, true, true, false], "\(doc.sentences.map(\.text))")
    }
}
