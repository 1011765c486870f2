/// One dictionary phrase: what it is and where its entry lives.
public struct LexEntry: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case country, demonym, place, organization, person, personSurname, title, weapon, trigger, target, number, ordinal, grammar
    }
    public var kind: Kind
    /// Index into the matching array of `Dictionaries`.
    public var index: Int
    /// The phrase's tokens as written in the file (for case checks).
    public var pattern: [String]
    /// Per token: 2 = must match exactly (an acronym such as `US`), 1 = must be capitalized, 0 = any case.
    var caseRule: [UInt8]
}

/// A phrase trie over token sequences, keyed by lowercased tokens.
///
/// Case rule: a pattern token written in capitals (`US`, `GRU`) must match exactly; a capitalized
/// pattern of one token (`Sumy`, `Will`) needs a capitalized token in the text; lowercase patterns and
/// multi-token capitalized patterns match any case.
public struct Lexicon: Sendable {
    private var nodes: [[String: Int32]] = [[:]]
    private var values: [[LexEntry]] = [[]]

    public init() {}

    public mutating func add(_ phrase: String, _ kind: LexEntry.Kind, _ index: Int) {
        let toks = Tokenizer.tokenize(Array(phrase.unicodeScalars))
        guard !toks.isEmpty else { return }
        var node = 0
        for t in toks {
            if let next = nodes[node][t.lower] {
                node = Int(next)
            } else {
                nodes.append([:])
                values.append([])
                let id = Int32(nodes.count - 1)
                nodes[node][t.lower] = id
                node = Int(id)
            }
        }
        let pattern = toks.map(\.text)
        let rules: [UInt8] = pattern.map { p in
            let letters = p.unicodeScalars.filter { $0.properties.isAlphabetic }.count
            if letters >= 2 && p.unicodeScalars.allSatisfy({ !$0.properties.isLowercase }) { return 2 }
            if pattern.count == 1, let f = p.unicodeScalars.first, f.properties.isUppercase { return 1 }
            return 0
        }
        let e = LexEntry(kind: kind, index: index, pattern: pattern, caseRule: rules)
        if !values[node].contains(e) { values[node].append(e) }
    }

    /// Every dictionary phrase starting at token `i`: (length in tokens, entries), longest first.
    public func matches(_ tokens: [Token], at i: Int) -> [(length: Int, entries: [LexEntry])] {
        var out: [(Int, [LexEntry])] = []
        var node = 0
        var j = i
        while j < tokens.count, let next = nodes[node][tokens[j].lower] {
            node = Int(next)
            j += 1
            let ok = values[node].filter { Lexicon.caseMatches($0, tokens, i) }
            if !ok.isEmpty { out.append((j - i, ok)) }
        }
        return out.reversed()
    }

    static func caseMatches(_ e: LexEntry, _ tokens: [Token], _ i: Int) -> Bool {
        for (k, rule) in e.caseRule.enumerated() where rule != 0 {
            let t = tokens[i + k]
            if rule == 2 { if e.pattern[k] != t.text { return false } } else if !t.isCapitalized { return false }
        }
        return true
    }
}
