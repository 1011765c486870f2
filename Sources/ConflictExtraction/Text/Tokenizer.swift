/// The text as scalars (for offsets) and UTF-8 bytes (for fast substrings).
public struct TextBuffer: Sendable {
    public let scalars: [Unicode.Scalar]
    let bytes: [UInt8]
    /// UTF-8 offset of each scalar, plus the end.
    let offsets: [Int32]

    /// From a string: its UTF-8 bytes as they are, offsets at every scalar's first byte.
    public init(_ string: String) {
        self.scalars = Array(string.unicodeScalars)
        let bytes = Array(string.utf8)
        var offsets: [Int32] = []
        offsets.reserveCapacity(scalars.count + 1)
        for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 { offsets.append(Int32(i)) }
        offsets.append(Int32(bytes.count))
        self.bytes = bytes
        self.offsets = offsets
    }

    public init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        var offsets: [Int32] = []
        offsets.reserveCapacity(scalars.count + 1)
        for s in scalars {
            offsets.append(Int32(bytes.count))
            UTF8.encode(s) { bytes.append($0) }
        }
        offsets.append(Int32(bytes.count))
        self.bytes = bytes
        self.offsets = offsets
    }


    /// The text of scalars `a..<b`.
    public func string(_ a: Int, _ b: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(offsets[a])..<Int(offsets[b])]), as: UTF8.self) }
    }
}

/// A token of the body. Offsets are Unicode scalar offsets (see Model.swift).
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case word, number, punct }
    public var kind: Kind
    public var span: Span
    public var text: String
    /// Lowercased text, used for dictionary keys.
    public var lower: String
    /// True when whitespace (or the start of text) precedes the token.
    public var spaceBefore: Bool
    /// First letter is uppercase.
    public let isCapitalized: Bool

    /// `lower` is all ASCII (for `WordShapes`).
    let lowerIsASCII: Bool

    public init(kind: Kind, span: Span, text: String, lower: String, spaceBefore: Bool) {
        var l = lower
        self.init(kind: kind, span: span, text: text, lower: lower, lowerIsASCII: l.withUTF8 { $0.allSatisfy { $0 < 0x80 } }, spaceBefore: spaceBefore)
    }

    init(kind: Kind, span: Span, text: String, lower: String, lowerIsASCII: Bool, spaceBefore: Bool) {
        self.kind = kind
        self.span = span
        self.text = text
        self.lower = lower
        self.lowerIsASCII = lowerIsASCII
        self.spaceBefore = spaceBefore
        if let f = text.unicodeScalars.first {
            isCapitalized = f.value < 128 ? (f.value >= 65 && f.value <= 90) : f.properties.isUppercase
        } else {
            isCapitalized = false
        }
    }
    /// All letters uppercase and at least two of them (an acronym such as `SBU`).
    public var isAllCaps: Bool {
        var letters = 0
        for s in text.unicodeScalars {
            let v = s.value
            if v < 128 {
                // ASCII: the alphabetic scalars are the letters, the uppercase ones A-Z
                if v >= 97 && v <= 122 { return false }
                if v >= 65 && v <= 90 { letters += 1 }
                continue
            }
            guard s.properties.isAlphabetic else { continue }
            if !s.properties.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }
    /// The scalar of a one-scalar token (all punctuation tokens), else 0.
    @inline(__always)
    var scalarValue: UInt32 {
        var it = text.unicodeScalars.makeIterator()
        guard let a = it.next(), it.next() == nil else { return 0 }
        return a.value
    }
    public var isWord: Bool { kind == .word }
}

/// Splits text into words, numbers and punctuation, keeping scalar offsets.
///
/// - Words are runs of letters, digits and marks; an apostrophe inside a word is kept (`O'Brien`),
///   but a possessive `'s` is its own token. Dotted initialisms (`U.S.`, `p.m.`) are one token.
/// - Numbers are runs of digits with internal `,` or `.` followed by digits (`1,212`, `3.5`).
/// - Hyphens are their own tokens, so `Rostov-on-Don` and `Kh-101` match dictionary phrases
///   tokenized the same way.
public enum Tokenizer {
    public static func tokenize(_ scalars: [Unicode.Scalar], in range: Range<Int>? = nil) -> [Token] {
        tokenize(TextBuffer(scalars), in: range)
    }

    public static func tokenize(_ text: TextBuffer, in range: Range<Int>? = nil) -> [Token] {
        let scalars = text.scalars
        let r = range ?? 0..<scalars.count
        var tokens: [Token] = []
        tokens.reserveCapacity(r.count / 5)
        var i = r.lowerBound
        let end = r.upperBound
        var space = true
        func isLetter(_ s: Unicode.Scalar) -> Bool {
            let v = s.value
            if v < 128 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
            return s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark
        }
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            let v = s.value
            if v < 128 { return v == 32 || (v >= 9 && v <= 13) }
            return s.properties.isWhitespace
        }
        func emit(_ kind: Token.Kind, _ a: Int, _ b: Int) {
            var text = text.string(a, b)
            // ASCII without capitals is its own lowercase
            if text.withUTF8({ $0.allSatisfy { $0 < 65 || ($0 > 90 && $0 < 128) } }) {
                tokens.append(Token(kind: kind, span: Span(a, b), text: text, lower: text, lowerIsASCII: true, spaceBefore: space))
            } else {
                var lower = text.lowercased()
                let lowerASCII = lower.withUTF8 { $0.allSatisfy { $0 < 0x80 } }
                tokens.append(Token(kind: kind, span: Span(a, b), text: text, lower: lower, lowerIsASCII: lowerASCII, spaceBefore: space))
            }
            space = false
        }
        while i < end {
            let c = scalars[i]
            if isSpace(c) {
                space = true
                i += 1
                continue
            }
            if isDigit(c) {
                var j = i + 1
                while j < end {
                    if isDigit(scalars[j]) { j += 1; continue }
                    if (scalars[j] == "," || scalars[j] == "."), j + 1 < end, isDigit(scalars[j + 1]) {
                        // `1,212` or `3.5`; but not `2022,2023`-like lists (we accept them as numbers; rare).
                        j += 2
                        continue
                    }
                    break
                }
                // digits glued to letters (`1st`, `20th`, `10km`) form a word; a glued word of four
                // letters or more (`6people`, a typo) is split off
                if j < end, isLetter(scalars[j]) {
                    var k = j
                    while k < end, isLetter(scalars[k]) || isDigit(scalars[k]) { k += 1 }
                    var letters = j
                    while letters < k, isLetter(scalars[letters]) { letters += 1 }
                    if letters == k, k - j >= 4 {
                        emit(.number, i, j)
                        i = j
                        continue
                    }
                    emit(.word, i, k)
                    i = k
                } else {
                    emit(.number, i, j)
                    i = j
                }
                continue
            }
            if isLetter(c) {
                // dotted initialism: two or more single letters each followed by `.` (U.S., p.m., U.A.E.)
                var j = i
                var count = 0
                while j + 1 < end, isLetter(scalars[j]), scalars[j + 1] == "." {
                    count += 1
                    j += 2
                    if !(j + 1 < end && isLetter(scalars[j]) && scalars[j + 1] == ".") { break }
                }
                if count >= 2 {
                    emit(.word, i, j)
                    i = j
                    continue
                }
                j = i + 1
                while j < end {
                    let s = scalars[j]
                    if isLetter(s) || isDigit(s) { j += 1; continue }
                    if s == "'", j + 1 < end, isLetter(scalars[j + 1]) {
                        // possessive 's / s' stays separate
                        let next = scalars[j + 1]
                        let after = j + 2 < end ? scalars[j + 2] : " "
                        if (next == "s" || next == "S"), !isLetter(after) { break }
                        j += 2
                        continue
                    }
                    break
                }
                emit(.word, i, j)
                i = j
                continue
            }
            if c == "'", i + 1 < end, scalars[i + 1] == "s" || scalars[i + 1] == "S", i + 2 >= end || !isLetter(scalars[i + 2]) {
                emit(.word, i, i + 2)
                i += 2
                continue
            }
            emit(.punct, i, i + 1)
            i += 1
        }
        return tokens
    }
}
