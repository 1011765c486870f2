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

    init<S: Sequence>(_ words: S) where S.Element == String {
        self.words = Set(words)
        self.shapes = WordShapes(self.words)
    }

    /// Is the token's lowercased text one of the words?
    @inline(__always)
    func contains(_ t: Token) -> Bool { shapes.admits(t) && words.contains(t.lower) }
}
