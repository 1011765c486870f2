/// Splits a body into sentences, keeping scalar offsets.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after it) when the next
/// token starts a sentence (a capitalized word, a digit or an opening quote), unless the word before
/// the `.` is a known abbreviation (`Gov.`, `Oct.`) or a single initial (`J.`). A line break after
/// sentence-final punctuation, a blank line, or a line break before a capitalized line also ends a
/// sentence (paragraphs and headline lines).
public struct Segmenter: Sendable {
    /// Lowercased abbreviations without their final dot (`gov`, `lt`, `oct`, `p.m`).
    public let abbreviations: Set<String>

    /// The longest sentence kept whole, in tokens.
    public static let maxTokens = 250

    public init(abbreviations: Set<String>) {
        self.abbreviations = abbreviations
    }

    /// `.`, `!`, `?` or `:`.
    static func isFinal(_ v: UInt32) -> Bool { v == 0x2E || v == 0x21 || v == 0x3F || v == 0x3A }

    public struct Result: Sendable {
        public var sentences: [Sentence]
        /// Tokens of each sentence (same order as `sentences`).
        public var tokens: [[Token]]
    }

    public func segment(_ scalars: [Unicode.Scalar]) -> Result {
        segment(TextBuffer(scalars))
    }

    public func segment(_ text: TextBuffer) -> Result {
        let scalars = text.scalars
        let all = Tokenizer.tokenize(text)
        var sentences: [Sentence] = []
        var groups: [[Token]] = []
        // the current sentence is all[start..<end]: tokens are copied once, when it is complete
        var start = 0
        var end = 0

        func flush() {
            guard end > start else { return }
            sentences.append(Sentence(index: sentences.count, span: Span(all[start].span.start, all[end - 1].span.end)))
            groups.append(Array(all[start..<end]))
            start = end
        }
        func newlines(between a: Int, _ b: Int) -> Int {
            var n = 0
            var k = a
            while k < b {
                if scalars[k] == "\n" { n += 1 }
                k += 1
            }
            return n
        }
        // punctuation tokens are one scalar: compared as such rather than hashed
        func closers(_ t: Token) -> Bool {
            switch t.scalarValue { case 0x22, 0x27, 0x29, 0x5D, 0xBB: return true
            default: return false }
        }
        func openers(_ t: Token) -> Bool {
            switch t.scalarValue { case 0x22, 0x27, 0x28, 0x5B, 0xAB: return true
            default: return false }
        }

        var flushAfter = -1
        for (idx, tok) in all.enumerated() {
            if end > start {
                let prev = all[end - 1]
                let nl = newlines(between: prev.span.end, tok.span.start)
                if nl >= 2 {
                    flush()
                } else if nl == 1 {
                    let prevFinal = prev.kind == .punct && (Self.isFinal(prev.scalarValue) || closers(prev))
                    let startsUpper = tok.isCapitalized || tok.kind == .number || openers(tok) || tok.kind == .punct
                    if prevFinal || startsUpper { flush() }
                }
            }
            end = idx + 1
            // a "sentence" of hundreds of tokens is not prose (a table, a list with no full stops):
            // cut it so that the per-sentence rules stay linear
            if end - start >= Segmenter.maxTokens {
                flush()
                continue
            }
            if idx == flushAfter {
                flush()
                continue
            }
            guard tok.kind == .punct, tok.scalarValue == 0x2E || tok.scalarValue == 0x21 || tok.scalarValue == 0x3F else { continue }
            // absorb closing quotes/brackets
            var j = idx + 1
            while j < all.count, all[j].kind == .punct, closers(all[j]), !all[j].spaceBefore { j += 1 }
            guard j < all.count else { continue }
            let next = all[j]
            guard next.spaceBefore || j > idx + 1 else { continue }
            let startsSentence = next.isCapitalized || next.kind == .number || (openers(next) && next.scalarValue != 0x28 && next.scalarValue != 0x5B)
            guard startsSentence else { continue }
            if tok.text == ".", idx > 0, j == idx + 1 {
                let before = all[idx - 1]
                if before.span.end == tok.span.start, before.kind == .word {
                    if abbreviations.contains(before.lower) { continue }
                    // single initial (`J. Smith`)
                    if before.text.unicodeScalars.count == 1, before.isCapitalized { continue }
                }
            }
            // defer the flush until the closing quotes are in
            if j == idx + 1 { flush() } else { flushAfter = j - 1 }
        }
        flush()
        return Result(sentences: sentences, tokens: groups)
    }
}
