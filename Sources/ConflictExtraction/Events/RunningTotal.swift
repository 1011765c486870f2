/// A sentence that gives running totals of the war (or of a month) rather than the figures of one event:
/// "In total, 3,520 have been freed", "so far", "Russia has launched more than 30,000 drones since the
/// start of the full-scale invasion", "In December, Russia has already launched 430 drones".
///
/// Grammar classes: `cumulative` (a running total, unless the sentence names the one event: "In all, 478
/// people were freed in the exchange"), `cumulative_since` (only with a perfect tense), `superlative` (a
/// few words before a `since` phrase make it a comparison: "the largest attack since the start of the
/// war"), `participle` (irregular past participles for the perfect tense: "has shot down"),
/// `perfect_adverb` ("has already launched"), `event_determiner` ("the", "this": before a singular event
/// noun, the sentence is about that event).
struct RunningTotalRule {
    let cumulative: PhraseSet
    /// the `cumulative` phrases without value `sum` ("in total", "in all"): for an attack, a sum alone
    /// ("In total, the enemy used 38 missiles and 318 drones") is the night's total
    let strictCumulative: PhraseSet
    /// "in January", "during 2025": grammar class `month_total_lead`
    let monthLeads: Set<String>
    let since: PhraseSet
    let superlatives: Set<String>
    let participles: Set<String>
    let eventDeterminers: Set<String>
    let perfectAdverbs: Set<String>

    init(dict: Dictionaries) {
        self.cumulative = PhraseSet(dict.words("cumulative"))
        self.monthLeads = dict.words("month_total_lead")
        self.strictCumulative = PhraseSet(Set(dict.grammarClass("cumulative").filter { $0.value != "sum" }.keys))
        self.since = PhraseSet(dict.words("cumulative_since"))
        self.superlatives = dict.words("superlative")
        self.participles = dict.words("participle")
        self.eventDeterminers = dict.words("event_determiner")
        self.perfectAdverbs = dict.words("perfect_adverb")
    }

    /// `weekRanges`: for attacks, a span of three days or more ("this week, the Russians launched more than
    /// 1,220 drones") gives totals in any tense (a swap can take three days; a night's attack cannot).
    func applies(to s: AnalyzedSentence, weekRanges: Bool = false) -> Bool {
        if s.contains(anyOf: weekRanges ? strictCumulative : cumulative) { return !namesOneEvent(s) }
        // ("have shot down more than 69,000 drones in total": a sum with a perfect tense is the war's)
        if weekRanges, s.contains(anyOf: cumulative), hasPerfectTense(s) { return !namesOneEvent(s) }
        if weekRanges, s.items.contains(where: Self.spansSeveralDays) { return true }
        // "in January Russia launched 127 missiles and more than 4,000 drones": for an attack, a whole month
        // (or year) with weapon figures is the month's total in any tense, unless a singular event noun names
        // one attack ("In January, the attack on ...")
        // (the month before the figures: "after launching an incursion in August" at the end is background)
        if weekRanges, s.items.contains(where: { $0.kind == .weapon }),
           let firstNumber = s.items.first(where: { $0.kind == .number }),
           s.items.contains(where: { it in
               guard it.kind == .date, it.date?.precision == .month || it.date?.precision == .year else { return false }
               let b = it.range.lowerBound
               return b > 0 && b < firstNumber.range.lowerBound && monthLeads.contains(s.tokens[b - 1].lower)
           }), !namesOneEvent(s) { return true }
        guard hasPerfectTense(s) else { return false }
        // "Since Israel began its campaign on June 13, Iranian missiles have killed 25 people": a "since"
        // clause opening the sentence
        if s.tokens.first?.lower == "since" { return true }
        // a "since" phrase counts unless a superlative before it makes it a comparison: a few words before, or
        // further with its noun phrase between and no figure ("one of its heaviest combined missile and drone
        // attacks on the Ukrainian capital since the start of the year")
        if s.tokens.indices.contains(where: { k in
            since.starts(at: k, in: s.tokens) && !s.tokens[max(0, k - 12)..<k].indices.contains { j in
                superlatives.contains(s.tokens[j].lower)
                    && (k - j <= 4 || !(s.tokens[j..<k].contains { $0.text == ";" || $0.text == "," }
                        || s.items.contains { $0.kind == .number && $0.range.lowerBound > j && $0.range.lowerBound < k }))
            }
        }) { return true }
        // "since July 18", "since October 2022": a perfect tense over a span of days, months or years
        for it in s.items where it.kind == .date {
            let b = it.range.lowerBound
            // (not "since March 11, when Russia said it had shot down 337 drones": the when-clause tells of that day)
            if b > 0, s.tokens[b - 1].lower == "since", !s.opensWhenClause(after: it) { return true }
            // "in December, Russia has already launched ...", "this week alone, Russia has launched ...": the
            // total of a month, a year or a span of several days
            // (not a possessive: "residents taken during last year's incursion" names another event)
            if it.date?.precision == .month || it.date?.precision == .year, !(b > 0 && s.tokens[b - 1].lower == "on"),
               !(it.range.upperBound < s.tokens.count && s.tokens[it.range.upperBound].lower == "'s") { return true }
            // (not "have been handed back ..., in the second large-scale exchange with Russia this week": one swap)
            if Self.spansSeveralDays(it), !namesOneEvent(s) { return true }
        }
        return false
    }

    /// A date that is a span of three days or more ("this week", "February 3-7").
    static func spansSeveralDays(_ it: Item) -> Bool {
        guard it.kind == .date, let d = it.date, d.precision == .range, let e = d.endDate,
              let x = CivilDate(iso: d.date)?.dayNumber, let y = CivilDate(iso: e)?.dayNumber else { return false }
        return y - x >= 2
    }

    /// "the exchange", "this attack": a singular event noun after a determiner.
    func namesOneEvent(_ s: AnalyzedSentence) -> Bool {
        s.items.contains { it in
            guard it.isTrigger("exchange", "event") || it.isTrigger("attack", "event") else { return false }
            guard !it.text.lowercased().hasSuffix("s") else { return false }
            // the determiner right before the noun, or before a few modifiers ("the second large-scale
            // humanitarian exchange"; no number between)
            var b = it.range.lowerBound - 1
            while b >= 0, it.range.lowerBound - b <= 6 {
                let t = s.tokens[b]
                if eventDeterminers.contains(t.lower) { return true }
                guard t.kind == .word || t.text == "-", !s.items.contains(where: { $0.range.contains(b) && $0.kind != .ordinal && $0.kind != .grammar }) else { return false }
                b -= 1
            }
            return false
        }
    }

    /// "have been freed", "has launched", "had shot down", "has already brought back".
    func hasPerfectTense(_ s: AnalyzedSentence) -> Bool {
        let t = s.tokens
        for k in t.indices where ["have", "has", "had"].contains(t[k].lower) {
            var j = k + 1
            // adverbs between the auxiliary and the participle ("has already", "have so far")
            while j < t.count, j - k <= 3, t[j].kind == .word, t[j].lower.hasSuffix("ly") || perfectAdverbs.contains(t[j].lower) { j += 1 }
            guard j < t.count, t[j].kind == .word else { continue }
            let w = t[j].lower
            if w == "been" || participles.contains(w) || (w.count > 3 && w.hasSuffix("ed")) { return true }
        }
        return false
    }
}
