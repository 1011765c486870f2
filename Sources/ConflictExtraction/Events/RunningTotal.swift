/// A sentence that gives running totals of the war rather than the figures of one event:
/// "In total, 3,520 have been freed", "so far", "… have been launched since the start of the war".
/// Grammar classes: `cumulative` (always a running total), `cumulative_since` (only with a perfect
/// passive tense), `superlative` (a few words before a `since` phrase make it a comparison:
/// "the largest attack since the start of the war").
struct RunningTotalRule {
    let cumulative: PhraseSet
    let since: PhraseSet
    let superlatives: Set<String>

    init(dict: Dictionaries) {
        self.cumulative = PhraseSet(dict.grammarClass("cumulative").keys)
        self.since = PhraseSet(dict.grammarClass("cumulative_since").keys)
        self.superlatives = Set(dict.grammarClass("superlative").keys)
    }

    func applies(to s: AnalyzedSentence) -> Bool {
        if s.contains(anyOf: cumulative) { return true }
        guard hasPerfectPassiveTense(s) else { return false }
        return s.tokens.indices.contains { k in
            since.starts(at: k, in: s.tokens) && !s.tokens[max(0, k - 4)..<k].contains { superlatives.contains($0.lower) }
        }
    }
}

/// "have been freed", "has been launched": a running total rather than one event's figure.
func hasPerfectPassiveTense(_ s: AnalyzedSentence) -> Bool {
    zip(s.tokens, s.tokens.dropFirst()).contains { ["have", "has", "had"].contains($0.lower) && $1.lower == "been" }
}
