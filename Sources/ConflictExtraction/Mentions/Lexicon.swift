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
    /// Every word of every phrase -> a number, so that a sentence's tokens are hashed once (`wordIDs`)
    /// and the trie is walked on integers: edge (node << 32 | word) -> child node.
    private var words: [String: Int32] = [:]
    private var edges: [Int: Int32] = [:]
    /// `words` for ASCII tokens (built by `seal`)
    private var asciiWords = ASCIIWordTable()
    /// The root's children by word number (-1: none): the look-up made for almost every token, unhashed.
    private var rootChildren: [Int32] = []

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
                let word: Int32
                if let w = words[t.lower] { word = w } else { word = Int32(words.count); words[t.lower] = word }
                edges[node << 32 | Int(word)] = id
                if node == 0 {
                    while rootChildren.count <= Int(word) { rootChildren.append(-1) }
                    rootChildren[Int(word)] = id
                }
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

    /// Builds the look-up tables of `wordIDs` once every phrase is in.
    mutating func seal() {
        asciiWords = ASCIIWordTable(words)
    }

    /// The word number of each token (-1: in no phrase), for `bestMatch`.
    func wordIDs(_ tokens: [Token]) -> [Int32] {
        if asciiWords.isEmpty { return tokens.map { words[$0.lower] ?? -1 } }
        return tokens.map { $0.lowerIsASCII ? asciiWords.lookup($0.lower) : words[$0.lower] ?? -1 }
    }

    /// The entry `matches(tokens, at: i).first` would give first once its entries are ordered by `rank`
    /// (lowest first, ties in dictionary order): the longest phrase whose case rules hold, without
    /// building the list of every match. `ids` are the sentence's `wordIDs`.
    func bestMatch(_ tokens: [Token], ids: [Int32], at i: Int, rank: (LexEntry.Kind) -> Int) -> (length: Int, entry: LexEntry)? {
        var node = 0
        var j = i
        var found: (length: Int, entry: LexEntry)? = nil
        // every phrase end along the path is checked: the deepest one with a case-matching entry wins
        while j < ids.count, ids[j] >= 0 {
            if node == 0 {
                guard Int(ids[j]) < rootChildren.count, rootChildren[Int(ids[j])] >= 0 else { break }
                node = Int(rootChildren[Int(ids[j])])
            } else {
                guard let next = edges[node << 32 | Int(ids[j])] else { break }
                node = Int(next)
            }
            j += 1
            var bestRank = Int.max
            for e in values[node] where Lexicon.caseMatches(e, tokens, i) {
                let r = rank(e.kind)
                if r < bestRank { found = (j - i, e); bestRank = r }
            }
        }
        return found
    }

    static func caseMatches(_ e: LexEntry, _ tokens: [Token], _ i: Int) -> Bool {
        for (k, rule) in e.caseRule.enumerated() where rule != 0 {
            let t = tokens[i + k]
            if rule == 2 { if e.pattern[k] != t.text { return false } } else if !t.isCapitalized { return false }
        }
        return true
    }
}
