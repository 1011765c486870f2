/// Marks photo captions, credit lines and agency boilerplate: kept in the body, never evidence.
/// Patterns are matched as token sequences (case-insensitive), so a sentence is scanned once.
public struct BoilerplateDetector: Sendable {
    let contains: PhraseSet
    let prefixes: PhraseSet
    let suffixes: [[String]]

    public init(_ entries: [TermEntry]) {
        func words(_ s: String) -> String { Tokenizer.tokenize(Array(s.unicodeScalars)).map(\.lower).joined(separator: " ") }
        contains = PhraseSet(entries.filter { $0.a == "contains" }.map { words($0.term) })
        prefixes = PhraseSet(entries.filter { $0.a == "prefix" }.map { words($0.term) })
        suffixes = entries.filter { $0.a == "suffix" }.map { Tokenizer.tokenize(Array($0.term.unicodeScalars)).map(\.lower) }.filter { !$0.isEmpty }
    }

    public func isBoilerplate(_ sentence: String) -> Bool {
        isBoilerplate(tokens: Tokenizer.tokenize(Array(sentence.unicodeScalars)))
    }

    /// `.,;:!?"')`: punctuation that may close a sentence after a suffix.
    static func isClosing(_ v: UInt32) -> Bool {
        switch v {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x22, 0x27, 0x29: return true
        default: return false
        }
    }

    public func isBoilerplate(tokens: [Token]) -> Bool {
        guard !tokens.isEmpty else { return false }
        if contains.occurs(in: tokens) { return true }
        // prefixes: at the start, after any opening quote or bracket
        var first = 0
        while first < tokens.count, tokens[first].kind == .punct { first += 1 }
        if first < tokens.count, prefixes.starts(at: first, in: tokens) { return true }
        // suffixes: at the end, before closing punctuation
        var last = tokens.count
        while last > 0, tokens[last - 1].kind == .punct, Self.isClosing(tokens[last - 1].scalarValue) { last -= 1 }
        for suf in suffixes where suf.count <= last {
            if zip(tokens[(last - suf.count)..<last], suf).allSatisfy({ $0.lower == $1 }) { return true }
        }
        return false
    }
}
