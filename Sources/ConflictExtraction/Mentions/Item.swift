import Foundation

/// A recognized unit inside a sentence: what the event frames work on.
/// `range` is in token indices of the sentence; `span` in scalar offsets of the body.
///
/// A value type whose text fields live in one copy-on-write box: the frames copy items a lot (filters,
/// look-arounds, `for ... in`), and copying seven strings and a date per item was a fifth of extraction.
/// A copy now retains one box; setting a text field copies the box first when it is shared, so an item
/// still never changes because another one was changed.
public struct Item: Sendable {
    /// Date rules of a day named outright ("October 7", "7 October", "2025-10-07"): no offset, no weekday.
    static let explicitDayRules: Set<String> = ["date.month_day", "date.day_month", "date.iso"]
    /// The same and weekdays: a calendar date, not an offset from the story's day ("six days earlier").
    static let calendarDateRules: Set<String> = explicitDayRules.union(["date.weekday"])

    public enum Kind: String, Sendable {
        case country, demonym, place, organization, person, title, weapon, trigger, target, number, ordinal, date, grammar
    }

    /// The fields a copy shares until one of them is set.
    final class Texts: @unchecked Sendable {
        var text: String
        var canonical: String
        var country: String?
        var date: ResolvedDate?
        var a = ""
        var b = ""
        var actorKind: ActorKind?
        var title: String?
        var rule: String

        init(text: String, canonical: String, country: String?, rule: String) {
            self.text = text
            self.canonical = canonical
            self.country = country
            self.rule = rule
        }

        func copy() -> Texts {
            let c = Texts(text: text, canonical: canonical, country: country, rule: rule)
            c.date = date
            c.a = a
            c.b = b
            c.actorKind = actorKind
            c.title = title
            return c
        }
    }

    public var kind: Kind
    public var range: Range<Int>
    public var span: Span
    /// Numbers and ordinals.
    public var value: Int?
    public var qualifier: Qualifier?
    /// Vague numbers (`dozens`) never become figures.
    public var vague: Bool = false
    private var texts: Texts

    /// The box, unshared, for a write.
    private mutating func unique() -> Texts {
        if !isKnownUniquelyReferenced(&texts) { texts = texts.copy() }
        return texts
    }

    public var text: String { get { texts.text } set { unique().text = newValue } }
    /// Canonical name (actor, place, weapon category, trigger term...).
    public var canonical: String { get { texts.canonical } set { unique().canonical = newValue } }
    public var country: String? { get { texts.country } set { unique().country = newValue } }
    public var date: ResolvedDate? { get { texts.date } set { unique().date = newValue } }
    /// Triggers: frame/slot. Weapons: category/subtype. Places: kind/admin1. Grammar: class/value.
    public var a: String { get { texts.a } set { unique().a = newValue } }
    public var b: String { get { texts.b } set { unique().b = newValue } }
    /// Actor kind for persons, organizations, countries.
    public var actorKind: ActorKind? { get { texts.actorKind } set { unique().actorKind = newValue } }
    /// Person title (from context or dictionary).
    public var title: String? { get { texts.title } set { unique().title = newValue } }
    public var rule: String { get { texts.rule } set { unique().rule = newValue } }

    public init(kind: Kind, range: Range<Int>, span: Span, text: String, canonical: String, country: String? = nil, rule: String) {
        self.kind = kind
        self.range = range
        self.span = span
        self.texts = Texts(text: text, canonical: canonical, country: country, rule: rule)
    }

    public var isActor: Bool { kind == .person || kind == .organization || kind == .country }

    public var actorRef: ActorRef? {
        switch kind {
        case .person: return ActorRef(name: canonical, kind: .person, country: country)
        case .organization: return ActorRef(name: canonical, kind: actorKind ?? .organization, country: country)
        case .country: return ActorRef(name: canonical, kind: .country, country: country)
        case .place where a == "capital": return ActorRef(name: canonical, kind: .governmentBody, country: country)
        default: return nil
        }
    }

    /// Trigger helpers.
    public func isTrigger(_ frame: String, _ slot: String? = nil) -> Bool {
        kind == .trigger && a == frame && (slot == nil || b == slot)
    }
    public func isGrammar(_ cls: String) -> Bool { kind == .grammar && a == cls }
    /// The last word of the text, lowercased, is one of `words` ("Russian side": "side").
    public func endsWithWord(in words: Set<String>) -> Bool {
        words.contains(String(text.split(separator: " ").last ?? "").lowercased())
    }

    /// Nearer (start to start) to one of `these` than to any of `those`: whose words in the sentence this item
    /// goes with ("Hours before the Geneva talks opened, Russia launched drones at the Sumy region": Sumy
    /// goes with the attack). False when `these` is empty.
    func isNearer(to these: [Item], than those: [Item]) -> Bool {
        func distance(_ anchors: [Item]) -> Int { anchors.map { abs($0.range.lowerBound - range.lowerBound) }.min() ?? Int.max }
        return distance(these) < distance(those)
    }
}

/// A sentence with its tokens and recognized items (sorted, non-overlapping).
public struct AnalyzedSentence: Sendable {
    /// "the Ukrainian capital", and with `possessive` "Russia's capital": the index of the word "capital"
    /// right after `it` (a country or demonym), or nil.
    public func capitalWord(after it: Item, possessive: Bool) -> Int? {
        var e = it.range.upperBound
        if possessive, e < tokens.count, tokens[e].lower == "'s" { e += 1 }
        return e < tokens.count && tokens[e].lower == "capital" ? e : nil
    }

    public var sentence: Sentence
    public var tokens: [Token]
    public var items: [Item]
    /// The sentence text.
    public var text: String

    /// True when the sentence contains one of `phrases`.
    public func contains(anyOf phrases: PhraseSet) -> Bool {
        phrases.occurs(in: tokens)
    }

    /// True when "'s" follows the item ("Putin's adviser", "Istanbul's Ciragan Palace").
    public func isPossessive(_ it: Item) -> Bool {
        tokens.indices.contains(it.range.upperBound) && tokens[it.range.upperBound].lower == "'s"
    }

    /// True when one of `phrases` starts at a token outside every date ("may" as a verb, not "May 22").
    public func containsOutsideDates(_ phrases: PhraseSet) -> Bool {
        tokens.indices.contains { k in
            phrases.starts(at: k, in: tokens) && !items.contains { $0.kind == .date && $0.range.contains(k) }
                // ("talks on a plan to end the war": a one-word intent after a determiner is a noun; "his call for
                // an exchange" stays an intent)
                && !(k > 0 && Self.determiners.contains(tokens[k - 1].lower) && phrases.longest(at: k, in: tokens) == 1)
        }
    }

    /// Words before a noun ("a plan", "the proposed deal"): an intent word after one of them is a noun or an
    /// adjective, not a verb of intent.
    static let determiners: Set<String> = ["a", "an", "the", "this", "that", "its", "his", "her", "their", "our", "whose"]

    /// Item `n` is a capital followed by a comma and, within two tokens, an organization, title or person of
    /// no other country ("In Moscow, the Defense Ministry said ...", "In Moscow, Deputy Foreign Minister
    /// Sergei Ryabkov dismissed the meeting"): the seat of who speaks, not where things happened.
    public func isSpeakersSeat(_ n: Int) -> Bool {
        let it = items[n]
        let e = it.range.upperBound
        guard it.a == "capital", e + 1 < tokens.count, tokens[e].text == ",", n + 1 < items.count else { return false }
        let next = items[n + 1]
        return [.organization, .title, .person].contains(next.kind) && (next.country == nil || next.country == it.country)
            && next.range.lowerBound <= e + 2
    }

    /// Token `i` is inside a relative clause opened after the last comma before it (", which has been ...",
    /// ", that ...", ", who ...").
    public func inRelativeClause(_ i: Int) -> Bool {
        guard let c = tokens[..<i].lastIndex(where: { $0.text == "," }), c + 1 < i else { return false }
        return ["which", "that", "who"].contains(tokens[c + 1].lower)
    }

    /// "since March 22, when Russia launched 88 missiles": a comma and "when" right after the date (the
    /// when-clause tells of that day).
    public func opensWhenClause(after d: Item) -> Bool {
        let e = d.range.upperBound
        return e + 1 < tokens.count && tokens[e].text == "," && tokens[e + 1].lower == "when"
    }

    /// Index of the first item at or after token `t`.
    public func itemIndex(atOrAfter t: Int) -> Int {
        items.firstIndex { $0.range.lowerBound >= t } ?? items.count
    }

    /// The parts of the sentence between `separator` tokens (";"), each with its own tokens and the items
    /// that lie wholly inside it (token ranges counted from the part's start); the same `sentence` and text.
    public func clauses(separatedBy separator: String) -> [AnalyzedSentence] {
        clauses(cuttingAt: tokens.indices.filter { tokens[$0].kind == .punct && tokens[$0].text == separator })
    }

    /// The parts of the sentence between the tokens at `cuts` (the cut tokens left out), as `clauses(separatedBy:)`.
    public func clauses(cuttingAt cuts: [Int]) -> [AnalyzedSentence] {
        var bounds: [Range<Int>] = []
        var start = 0
        for k in cuts.sorted() where k >= start {
            bounds.append(start..<k)
            start = k + 1
        }
        bounds.append(start..<tokens.count)
        return bounds.filter { !$0.isEmpty }.map { r in
            var part = self
            part.tokens = Array(tokens[r])
            part.items = items.compactMap { it in
                guard r.contains(it.range.lowerBound), it.range.upperBound <= r.upperBound else { return nil }
                var x = it
                x.range = (it.range.lowerBound - r.lowerBound)..<(it.range.upperBound - r.lowerBound)
                return x
            }
            return part
        }
    }
}

/// Lowercased multi-word phrases, matched against tokens without building strings for every window.
/// Phrases are kept as a trie over numbered words, so a token that starts no phrase costs one
/// first-byte test (or one hash) and a match allocates nothing.
public struct PhraseSet: Sendable {
    let phrases: Set<[String]>
    let maxLength: Int
    /// ASCII tokens that start no phrase are ruled out without hashing them.
    let firstShapes: WordShapes
    let words: [String: Int32]
    /// `words` for ASCII tokens
    let asciiWords: ASCIIWordTable
    /// (node << 32 | word) -> child node; node 0 is the root
    let edges: [Int: Int32]
    /// nodes that end a phrase
    let terminal: [Bool]

    public init<S: Sequence>(_ list: S) where S.Element == String {
        let split = list.map { $0.lowercased().split(separator: " ").map(String.init) }.filter { !$0.isEmpty }
        phrases = Set(split)
        maxLength = split.map(\.count).max() ?? 0
        var words: [String: Int32] = [:]
        var edges: [Int: Int32] = [:]
        var terminal = [false]
        for p in split {
            var node = 0
            for w in p {
                let id: Int32
                if let known = words[w] { id = known } else { id = Int32(words.count); words[w] = id }
                if let next = edges[node << 32 | Int(id)] {
                    node = Int(next)
                } else {
                    terminal.append(false)
                    edges[node << 32 | Int(id)] = Int32(terminal.count - 1)
                    node = terminal.count - 1
                }
            }
            terminal[node] = true
        }
        self.firstShapes = WordShapes(split.map { $0[0] })
        self.words = words
        self.asciiWords = ASCIIWordTable(words)
        self.edges = edges
        self.terminal = terminal
    }

    public var isEmpty: Bool { phrases.isEmpty }

    /// False when no phrase can start with token `t`.
    @inline(__always)
    func mayStart(_ t: Token) -> Bool { firstShapes.admits(t) }

    @inline(__always)
    func step(_ node: Int, _ token: Token) -> Int? {
        let w = token.lowerIsASCII ? asciiWords.lookup(token.lower) : words[token.lower] ?? -1
        guard w >= 0, let next = edges[node << 32 | Int(w)] else { return nil }
        return Int(next)
    }

    /// Does a phrase start at token `i`?
    public func starts(at i: Int, in tokens: [Token]) -> Bool {
        guard tokens.indices.contains(i), mayStart(tokens[i]) else { return false }
        var node = 0
        for k in i..<min(tokens.count, i + maxLength) {
            guard let next = step(node, tokens[k]) else { return false }
            node = next
            if terminal[node] { return true }
        }
        return false
    }

    /// The number of tokens of the longest phrase starting at token `i` (0: none).
    public func longest(at i: Int, in tokens: [Token]) -> Int {
        guard tokens.indices.contains(i), mayStart(tokens[i]) else { return 0 }
        var node = 0
        var best = 0
        for k in i..<min(tokens.count, i + maxLength) {
            guard let next = step(node, tokens[k]) else { break }
            node = next
            if terminal[node] { best = k - i + 1 }
        }
        return best
    }

    /// Does a phrase end right before token `t`?
    public func ends(before t: Int, in tokens: [Token]) -> Bool {
        guard t <= tokens.count else { return false }
        for len in 1...max(1, maxLength) where t - len >= 0 {
            guard mayStart(tokens[t - len]) else { continue }
            var node: Int? = 0
            for k in (t - len)..<t {
                node = step(node!, tokens[k])
                if node == nil { break }
            }
            if let n = node, terminal[n] { return true }
        }
        return false
    }

    public func occurs(in tokens: [Token]) -> Bool {
        for i in tokens.indices where starts(at: i, in: tokens) { return true }
        return false
    }
}

/// Look-ups over items through the array's buffer. The generic `Sequence` versions take each element
/// from an iterator, which copies the whole `Item` (and retains its strings) for every one looked at;
/// these hand each element to the predicate borrowed. Same results, same order of evaluation.
extension Array where Element == Item {
    @inline(__always)
    func contains(where predicate: (Item) throws -> Bool) rethrows -> Bool {
        try firstIndex(where: predicate) != nil
    }

    @inline(__always)
    func first(where predicate: (Item) throws -> Bool) rethrows -> Item? {
        try firstIndex(where: predicate).map { self[$0] }
    }

    @inline(__always)
    func last(where predicate: (Item) throws -> Bool) rethrows -> Item? {
        try lastIndex(where: predicate).map { self[$0] }
    }

    @inline(__always)
    func firstIndex(where predicate: (Item) throws -> Bool) rethrows -> Int? {
        try withUnsafeBufferPointer { buf in
            for i in buf.indices where try predicate(buf[i]) { return i }
            return nil
        }
    }

    @inline(__always)
    func lastIndex(where predicate: (Item) throws -> Bool) rethrows -> Int? {
        try withUnsafeBufferPointer { buf in
            var i = buf.count
            while i > 0 {
                i -= 1
                if try predicate(buf[i]) { return i }
            }
            return nil
        }
    }

    @inline(__always)
    func filter(_ isIncluded: (Item) throws -> Bool) rethrows -> [Item] {
        try withUnsafeBufferPointer { buf in
            var out: [Item] = []
            for i in buf.indices where try isIncluded(buf[i]) { out.append(buf[i]) }
            return out
        }
    }
}

extension Range where Bound == Int {
    /// The token positions after this range and before `next`; empty when the two touch or overlap
    /// (items of a sentence can overlap, and `upperBound..<next.lowerBound` would then trap).
    func gap(to next: Range<Int>) -> Range<Int> {
        upperBound < next.lowerBound ? upperBound..<next.lowerBound : upperBound..<upperBound
    }
}
