/// An article segmented and analyzed: every sentence with its items, persons resolved across
/// the document (surname-only mentions to the full name), bare institutions to their country.
public struct AnalyzedDocument: Sendable {
    public var article: Article
    public var buffer: TextBuffer
    public var published: CivilDate?
    public var sentences: [AnalyzedSentence]

    public var scalars: [Unicode.Scalar] { buffer.scalars }

    public func text(_ span: Span) -> String { buffer.string(span.start, span.end) }
}

public struct DocumentAnalyzer: Sendable {
    public let dict: Dictionaries
    let finder: MentionFinder
    let segmenter: Segmenter
    let boilerplate: BoilerplateDetector

    public init(dictionaries: Dictionaries) {
        self.dict = dictionaries
        self.finder = MentionFinder(dictionaries: dictionaries)
        self.segmenter = Segmenter(abbreviations: dictionaries.abbreviations)
        self.boilerplate = BoilerplateDetector(dictionaries.boilerplate)
        self.speech = Set(dictionaries.triggers.filter { $0.a == "claim" }.map { $0.term.lowercased() })
        self.bullets = dictionaries.words("list_bullet")
    }
    let speech: Set<String>
    /// Marks that start an item of a list: grammar class `list_bullet`
    let bullets: Set<String>

    public func analyze(_ article: Article) -> AnalyzedDocument {
        let buffer = TextBuffer(article.body)
        let seg = segmenter.segment(buffer)
        let published = article.published.flatMap { CivilDate(iso: $0) }
        var out: [AnalyzedSentence] = []
        out.reserveCapacity(seg.sentences.count)
        // the items of a link list ("Read also:", then "• Shoigu inspects troops ..."): boilerplate too
        var linkList = false
        for (n, var s) in seg.sentences.enumerated() {
            let text = buffer.string(s.span.start, s.span.end)
            let bulleted = seg.tokens[n].first.map { bullets.contains($0.text) } ?? false
            s.isBoilerplate = boilerplate.isBoilerplate(tokens: seg.tokens[n]) || (linkList && bulleted)
            linkList = s.isBoilerplate && (seg.tokens[n].last?.text == ":" || bulleted)
            out.append(finder.analyze(s, tokens: seg.tokens[n], text: text, published: published))
        }
        var doc = AnalyzedDocument(article: article, buffer: buffer, published: published, sentences: out)
        resolvePersons(&doc)
        resolveBareInstitutions(&doc)
        return doc
    }

    /// Links surname-only mentions to the full name used elsewhere in the article, and recognizes
    /// unknown surnames that speak ("Gusev said") or that a full name in the article introduced.
    func resolvePersons(_ doc: inout AnalyzedDocument) {
        // surname -> (full name, country, title) of the fullest mention
        var full: [String: Item] = [:]
        for s in doc.sentences where !s.sentence.isBoilerplate {
            for ix in s.items.indices where s.items[ix].kind == .person && s.items[ix].range.count >= 2 {
                let it = s.items[ix]
                let key = Self.surnameKey(it.canonical)
                if let old = full[key], old.canonical.count >= it.canonical.count {
                    if full[key]!.title == nil { full[key]!.title = it.title }
                    if full[key]!.country == nil { full[key]!.country = it.country }
                    continue
                }
                var best = it
                if best.title == nil { best.title = full[key]?.title }
                if best.country == nil { best.country = full[key]?.country }
                full[key] = best
            }
        }
        for n in doc.sentences.indices where !doc.sentences[n].sentence.isBoilerplate {
            var s = doc.sentences[n]
            // `s` holds the only reference to the items from here on: edited in place, not copied
            doc.sentences[n].items = []
            var covered = [Bool](repeating: false, count: s.tokens.count)
            for ix in s.items.indices { for k in s.items[ix].range { covered[k] = true } }
            // existing person items: unify with the article's fullest form
            for k in s.items.indices where s.items[k].kind == .person {
                let key = Self.surnameKey(s.items[k].canonical)
                if let f = full[key], f.canonical != s.items[k].canonical, s.items[k].range.count == 1 || f.canonical.count > s.items[k].canonical.count {
                    s.items[k].canonical = f.canonical
                    s.items[k].country = s.items[k].country ?? f.country
                    s.items[k].title = s.items[k].title ?? f.title
                }
                if let f = full[key] {
                    if s.items[k].country == nil { s.items[k].country = f.country }
                    if s.items[k].title == nil { s.items[k].title = f.title }
                }
            }
            // uncovered capitalized single tokens
            var added: [Item] = []
            for k in s.tokens.indices where !covered[k] && s.tokens[k].kind == .word && s.tokens[k].isCapitalized && !s.tokens[k].isAllCaps && s.tokens[k].text.count >= 3 {
                let t = s.tokens[k]
                var person: Item? = nil
                if !full.isEmpty, let f = full[Self.surnameKey(t.text)] {
                    person = f
                } else {
                    // "Gusev said", "Rudnytskyi went on to say": a lone capitalized word that speaks
                    let next = s.items.first { $0.range.lowerBound == k + 1 || ($0.range.lowerBound == k + 2 && s.tokens[k + 1].lower == "'s") }
                    let nextWord = k + 1 < s.tokens.count ? s.tokens[k + 1].lower : ""
                    let speaks = (next.map { $0.kind == .trigger && $0.a == "claim" } ?? false) || speech.contains(nextWord)
                    let prevCap = k > 0 && s.tokens[k - 1].isCapitalized && s.tokens[k - 1].kind == .word
                    let sentenceInitial = k == 0 || (k == 1 && s.tokens[0].kind == .punct)
                    if speaks && !prevCap && !sentenceInitial && !dict.givenNames.contains(t.text) {
                        var p = Item(kind: .person, range: k..<(k + 1), span: t.span, text: t.text, canonical: t.text, rule: "person.speaker")
                        p.actorKind = .person
                        person = p
                    }
                }
                guard var p = person else { continue }
                p.range = k..<(k + 1)
                p.span = t.span
                p.text = t.text
                p.rule = p.rule == "person.speaker" ? p.rule : "person.coreference"
                added.append(p)
            }
            if !added.isEmpty {
                s.items += added
                s.items.sort { $0.range.lowerBound < $1.range.lowerBound }
            }
            doc.sentences[n] = s
        }
    }

    /// "the Defense Ministry" after "Russia's Defense Ministry": the same actor.
    func resolveBareInstitutions(_ doc: inout AnalyzedDocument) {
        var lastByPattern: [String: Item] = [:]
        for n in doc.sentences.indices {
            for k in doc.sentences[n].items.indices {
                let it = doc.sentences[n].items[k]
                guard it.kind == .organization else { continue }
                if it.b.hasPrefix("pattern:") {
                    lastByPattern[String(it.b.dropFirst(8))] = it
                    lastByPattern["name:" + Self.tail(it.canonical)] = it
                } else if it.b.hasPrefix("bare:") {
                    let key = String(it.b.dropFirst(5))
                    if let prior = lastByPattern[key] ?? lastByPattern["name:" + Self.tail(it.canonical)] {
                        doc.sentences[n].items[k].canonical = prior.canonical
                        doc.sentences[n].items[k].country = prior.country
                        doc.sentences[n].items[k].rule = "institution.coreference"
                    }
                }
            }
        }
    }

    static func tail(_ name: String) -> String {
        name.split(separator: " ").suffix(2).joined(separator: " ").lowercased()
    }

    /// `surnameKey`'s folding on bytes, for ASCII names without CR (each byte is then one character).
    static func asciiSurnameKey(_ last: Substring) -> String? {
        var bytes = [UInt8]()
        bytes.reserveCapacity(last.utf8.count)
        for var c in last.utf8 {
            guard c < 0x80, c != 0x0D else { return nil }
            if c >= 65 && c <= 90 { c += 32 }
            if let p = bytes.last {
                if (p == 0x79 || p == 0x69) && c == 0x79 { bytes[bytes.count - 1] = 0x79; continue }
                if p == 0x79 && c == 0x69 { continue }
                if p == 0x69 && c == 0x69 { continue }
                if p == 0x69 && c == 0x65 { bytes[bytes.count - 1] = 0x65; continue }
            }
            bytes.append(c)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The comparison key of a surname: last word, lowercased, spelling variants folded.
    public static func surnameKey(_ name: String) -> String {
        var n = Substring(name)
        if n.hasSuffix("'s") { n = n.dropLast(2) }
        let last = n.split(separator: " ").last ?? n
        // fold spelling variants: yy, iy, yi -> y; ii -> i; ie -> e (Zelenskyy / Zelenskiy / Zelensky)
        if let key = asciiSurnameKey(last) { return key }
        var out: [Character] = []
        for c in last.lowercased() {
            if let p = out.last {
                if (p == "y" || p == "i") && c == "y" { out[out.count - 1] = "y"; continue }
                if p == "y" && c == "i" { continue }
                if p == "i" && c == "i" { continue }
                if p == "i" && c == "e" { out[out.count - 1] = "e"; continue }
            }
            out.append(c)
        }
        return String(out)
    }
}

import Foundation
