import Foundation

/// The shapes (first UTF-8 byte, UTF-8 length) of a list of words, to rule out most ASCII tokens
/// before hashing them. Exact: an ASCII string canonically equal to a word is that word's canonical
/// decomposition, whose shape is recorded too; a string not all ASCII is never ruled out.
struct WordShapes: Sendable {
    /// by first byte, one bit per length (63: longer)
    private var masks = [UInt64](repeating: 0, count: 256)

    init<S: Sequence>(_ words: S) where S.Element == String {
        for w in words {
            for form in [w, w.decomposedStringWithCanonicalMapping] {
                if let b = form.utf8.first { masks[Int(b)] |= 1 << UInt64(min(form.utf8.count, 63)) }
            }
        }
    }

    /// False when the token's lowercased text equals none of the words.
    @inline(__always)
    func admits(_ t: Token) -> Bool {
        let u = t.lower.utf8
        guard t.lowerIsASCII, let b = u.first else { return true }
        return masks[Int(b)] & (1 << UInt64(min(u.count, 63))) != 0
    }
}

/// A `Set<String>` with the `WordShapes` test before hashing, for per-token look-ups.
struct WordSet: Sendable {
    let words: Set<String>
    let shapes: WordShapes
    let ascii: ASCIIWordTable

    init<S: Sequence>(_ words: S) where S.Element == String {
        self.words = Set(words)
        self.shapes = WordShapes(self.words)
        self.ascii = ASCIIWordTable(Dictionary(self.words.map { ($0, Int32(0)) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Is the token's lowercased text one of the words?
    @inline(__always)
    func contains(_ t: Token) -> Bool {
        guard shapes.admits(t) else { return false }
        return t.lowerIsASCII ? ascii.lookup(t.lower) >= 0 : words.contains(t.lower)
    }
}

/// Words to numbers for ASCII look-ups: open addressing over the words' UTF-8 bytes with FNV-1a,
/// instead of Swift's String hashing. Keys are the words' canonical decompositions when those are
/// ASCII: an ASCII string equals a word (canonical equivalence) exactly when it is that decomposition.
struct ASCIIWordTable: Sendable {
    private var bytes: [UInt8] = []
    /// per slot: start in `bytes`, length (-1: empty), value
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var values: [Int32] = []
    private var mask = 0

    init() {}

    init(_ words: [String: Int32]) {
        var size = 16
        while size < words.count * 2 { size *= 2 }
        starts = [Int32](repeating: 0, count: size)
        lengths = [Int32](repeating: -1, count: size)
        values = [Int32](repeating: 0, count: size)
        mask = size - 1
        for (w, v) in words {
            let key = Array(w.decomposedStringWithCanonicalMapping.utf8)
            guard key.allSatisfy({ $0 < 0x80 }) else { continue }
            var slot = key.withUnsafeBufferPointer { Self.hash($0) } & mask
            while lengths[slot] >= 0 { slot = (slot + 1) & mask }
            starts[slot] = Int32(bytes.count)
            lengths[slot] = Int32(key.count)
            values[slot] = v
            bytes += key
        }
    }

    var isEmpty: Bool { mask == 0 }

    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf29ce484222325
        for c in b { h = (h ^ UInt64(c)) &* 0x100000001b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The number of ASCII word `w`, or -1.
    func lookup(_ w: String) -> Int32 {
        var w = w
        return w.withUTF8 { key in
            bytes.withUnsafeBufferPointer { bytes in
                lengths.withUnsafeBufferPointer { lengths in
                    var slot = Self.hash(key) & mask
                    while lengths[slot] >= 0 {
                        if Int(lengths[slot]) == key.count,
                           memcmp(bytes.baseAddress! + Int(starts[slot]), key.baseAddress!, key.count) == 0 {
                            return values[slot]
                        }
                        slot = (slot + 1) & mask
                    }
                    return -1
                }
            }
        }
    }
}
