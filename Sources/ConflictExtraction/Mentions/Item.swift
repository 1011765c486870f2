import Foundation

/// A recognized unit inside a sentence: what the event frames work on.
/// `range` is in token indices of the sentence; `span` in scalar offsets of the body.
public struct Item: Sendable {
    public enum Kind: String, Sendable {
        case country, demonym, place, organization, person, title, weapon, trigger, target, number, ordinal, date, grammar
    }
    public var kind: Kind
    public var range: Range<Int>
    public var span: Span
    public var text: String
    /// Canonical name (actor, place, weapon category, trigger term...).
    public var canonical: String
    public var country: String?
    /// Numbers and ordinals.
    public var value: Int?
    public var qualifier: Qualifier?
    /// Vague numbers (`dozens`) never become figures.
    public var vague: Bool = false
    public var date: ResolvedDate?
    /// Triggers: frame/slot. Weapons: category/subtype. Places: kind/admin1. Grammar: class/value.
    public var a: String = ""
    public var b: String = ""
    /// Actor kind for persons, organizations, countries.
    public var actorKind: ActorKind?
    /// Person title (from context or dictionary).
    public var title: String?
    public var rule: String

    public init(kind: Kind, range: Range<Int>, span: Span, text: String, canonical: String, country: String? = nil, rule: String) {
        self.kind = kind
        self.range = range
        self.span = span
        self.text = text
        self.canonical = canonical
        self.country = country
        self.rule = rule
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
}

/// A sentence with its tokens and recognized items (sorted, non-overlapping).
public struct AnalyzedSentence: Sendable {
    public var sentence: Sentence
    public var tokens: [Token]
    public var items: [Item]
    /// The sentence text.
    public var text: String

    /// True when the sentence contains one of `phrases`.
    public func contains(anyOf phrases: PhraseSet) -> Bool {
        phrases.occurs(in: tokens)
    }

    /// Index of the first item at or after token `t`.
    public func itemIndex(atOrAfter t: Int) -> Int {
        items.firstIndex { $0.range.lowerBound >= t } ?? items.count
    }
}

/// Lowercased multi-word phrases, matched against tokens without building strings for every window.
public struct PhraseSet: Sendable {
    let phrases: Set<[String]>
    let firstWords: Set<String>
    let maxLength: Int
    /// First UTF-8 byte of each first word: most tokens are ruled out without hashing them.
    let firstBytes: [Bool]

    public init<S: Sequence>(_ list: S) where S.Element == String {
        let split = list.map { $0.lowercased().split(separator: " ").map(String.init) }.filter { !$0.isEmpty }
        phrases = Set(split)
        firstWords = Set(split.map { $0[0] })
        maxLength = split.map(\.count).max() ?? 0
        var bytes = [Bool](repeating: false, count: 256)
        for p in split {
            // a word canonically equal to `p[0]` starts with its first byte or with that of its decomposition
            bytes[Int(p[0].utf8.first ?? 0)] = true
            bytes[Int(p[0].decomposedStringWithCanonicalMapping.utf8.first ?? 0)] = true
        }
        firstBytes = bytes
    }

    /// `firstWords.contains(w)`, with a cheap first-byte test before hashing when `w` starts with an
    /// ASCII byte (a word canonically equal to it then starts with that byte, or decomposes to it).
    @inline(__always)
    func isFirstWord(_ w: String) -> Bool {
        guard let b = w.utf8.first, b < 0x80 else { return firstWords.contains(w) }
        return firstBytes[Int(b)] && firstWords.contains(w)
    }

    public var isEmpty: Bool { phrases.isEmpty }

    /// Does a phrase start at token `i`?
    public func starts(at i: Int, in tokens: [Token]) -> Bool {
        guard isFirstWord(tokens[i].lower) else { return false }
        var words: [String] = []
        for k in i..<min(tokens.count, i + maxLength) {
            words.append(tokens[k].lower)
            if phrases.contains(words) { return true }
        }
        return false
    }

    /// Does a phrase end right before token `t`?
    public func ends(before t: Int, in tokens: [Token]) -> Bool {
        for len in 1...max(1, maxLength) where t - len >= 0 {
            if isFirstWord(tokens[t - len].lower), phrases.contains(tokens[(t - len)..<t].map(\.lower)) { return true }
        }
        return false
    }

    public func occurs(in tokens: [Token]) -> Bool {
        for i in tokens.indices where starts(at: i, in: tokens) { return true }
        return false
    }
}
