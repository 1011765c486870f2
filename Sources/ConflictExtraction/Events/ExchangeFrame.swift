/// What one sentence says about a prisoner / civilian / body exchange.
struct ExchangePiece {
    var sentence: Int
    var span: Span
    var date: ResolvedDate?
    /// "in that swap": the sentence goes on about the exchange named just before
    var refersBack = false
    var sides: [String] = []
    var returned: [String: Figure] = [:]
    /// figures counting only soldiers: the civilians of the same side are added to them
    var military: Set<String> = []
    var civilians: [String: Figure] = [:]
    var total: Figure?
    var kinds: Set<String> = []
    var mediators: [String] = []
    var claimant: ActorRef?
    var agreed = false
    var rules: [String] = []
    /// "including six civilians" with no side named: the side of the figure they are part of
    var unsidedCivilians: Figure?
    /// "157 prisoners each": the figure of both sides
    var each: Figure?
    /// "Each side handed over 185 soldiers and 20 civilians": the civilians of both sides (and `each` counts
    /// soldiers only: the civilians are added to it)
    var eachCivilians: Figure?
    var eachMilitary = false
    /// the sentence states an intent or expectation ("will", "expected to", "seeks to")
    var intent = false
    /// "the same number of ... was handed over in return": its side got the figure the sentence before gave
    var sameNumber = false
    /// "the same numbers of servicemen and civilians": the civilians figure too
    var sameNumberCivilians = false
    /// "The swap took place on Saturday": no people, no figure, only the day of a swap named before
    var dateOnly = false
    /// the sentence's only day is the talks' ("the round on February 4-5 was followed by an exchange")
    var talksDay: ResolvedDate?
    /// the sentence has an exchange word ("swap", "exchanged"), not only a return verb ("back home")
    var namesSwap = false

    var hasFigures: Bool { !returned.isEmpty || !civilians.isEmpty || total != nil || unsidedCivilians != nil || each != nil }
}

struct ExchangeFrame {
    let dict: Dictionaries
    let subset: PhraseSet
    let noncount: PhraseSet
    let peopleWords: Set<String>

    init(dict: Dictionaries) {
        self.dict = dict
        self.subset = PhraseSet(dict.words("subset"))
        self.noncount = PhraseSet(dict.words("noncount"))
        self.peopleWords = Set(dict.triggers.filter { $0.a == "exchange" && $0.b == "people" }.map { $0.term.lowercased() })
        self.runningTotal = RunningTotalRule(dict: dict)
        self.partitives = dict.words("partitive")
        self.intentWords = PhraseSet(dict.words("intent"))
        self.receiveVerbs = dict.words("receive_verb")
        self.civilianNouns = dict.words("civilian_noun")
        self.bodyNouns = dict.words("body_noun")
        self.militaryNouns = dict.words("military_noun")
        self.completedWords = dict.words("completed_verb")
        self.agreeWords = dict.words("agree_word")
        self.eventAnaphors = dict.words("event_anaphor")
        self.anaphorDeterminers = dict.words("date_anaphor")
        self.earlierEvents = dict.words("earlier_event")
        self.sideWords = dict.words("side_word")
        self.monthLeads = dict.words("month_lead")
        self.pastMarkers = Set(dict.grammarClass("relative_marker").filter { $0.value == "-1" }.keys)
        self.agreeNouns = dict.words("agree_noun")
        self.sameNumber = PhraseSet(dict.words("same_number"))
        self.periodModifiers = dict.words("period_modifier")
    }
    let receiveVerbs: Set<String>
    let civilianNouns: Set<String>
    let bodyNouns: Set<String>
    let militaryNouns: Set<String>
    let completedWords: Set<String>
    /// "agreeing on a new exchange": grammar class `agree_word`
    let agreeWords: Set<String>
    /// "in that swap": grammar class `event_anaphor`
    let eventAnaphors: Set<String>
    /// "The swap took place on Saturday": grammar class `date_anaphor`
    let anaphorDeterminers: Set<String>
    /// "The previous repatriation took place on September 18": grammar class `earlier_event`
    let earlierEvents: Set<String>
    /// "side", "party": grammar class `side_word`
    let sideWords: Set<String>
    let monthLeads: Set<String>
    /// "last month": a month before the article's (relative_marker -1)
    let pastMarkers: Set<String>
    let agreeNouns: Set<String>
    /// "the same number of Ukrainian soldiers was handed over in return": the figure of the sentence before
    let sameNumber: PhraseSet
    let periodModifiers: Set<String>
    let intentWords: PhraseSet
    let runningTotal: RunningTotalRule
    /// "two of the servicemen": a part of people counted elsewhere
    let partitives: Set<String>

    /// True when one of `phrases` ends right before token `t`.
    static func preceded(_ s: AnalyzedSentence, _ t: Int, by phrases: PhraseSet) -> Bool {
        phrases.ends(before: t, in: s.tokens)
    }

    /// The country of whoever speaks in the clause before token `t` ("Ukraine said 230 of its ...").
    static func localSpeaker(_ s: AnalyzedSentence, before t: Int) -> String? {
        guard let trig = s.items.last(where: { $0.isTrigger("claim") && $0.range.upperBound <= t }) else { return nil }
        guard let subj = s.items.last(where: { $0.range.upperBound <= trig.range.lowerBound && $0.country != nil && ($0.isActor || $0.kind == .place) }),
              trig.range.lowerBound - subj.range.upperBound <= 4 else { return nil }
        return subj.country
    }

    /// The receiving side named as the subject of a receive verb before token `t` ("Russia has received").
    func receiver(_ s: AnalyzedSentence, before t: Int) -> String? {
        guard let trig = s.items.last(where: { ($0.isGrammar("receive_verb") || $0.isTrigger("exchange", "returned") || $0.isTrigger("exchange", "event") || $0.isTrigger("exchange", "event_people")) && $0.range.upperBound <= t }),
              t - trig.range.upperBound <= 6 else { return nil }
        let lower = trig.text.lowercased()
        guard receiveVerbs.contains(lower) else { return nil }
        // (a capital stands for its government: "Moscow received the remains of 44 of its troops")
        guard let subj = s.items.last(where: { $0.range.upperBound <= trig.range.lowerBound && $0.country != nil
            && ($0.kind == .country || $0.kind == .organization || ($0.kind == .place && $0.a == "capital")) }) else { return nil }
        // "Ukraine said on Monday it had brought home ...": a date in between does not count
        let gap = subj.range.gap(to: trig.range).filter { k in
            !s.items.contains { $0.kind == .date && $0.range.contains(k) } && !(s.tokens[k].lower == "on" && s.items.contains { $0.kind == .date && $0.range.lowerBound == k + 1 })
        }
        guard gap.count <= 4, gap.allSatisfy({ ["has", "have", "had", "said", "it", "also", "says", "already", "now"].contains(s.tokens[$0].lower) }) else { return nil }
        return subj.country
    }

    /// "were returned", "had been repatriated": a passive return verb (`receive_verb`) within six tokens after
    /// the counted noun, with nothing naming a side before it.
    func passiveReturn(_ s: AnalyzedSentence, after t: Int) -> Bool {
        guard let v = s.items.first(where: { $0.range.lowerBound >= t && $0.range.lowerBound - t <= 6 && $0.kind == .trigger
                && receiveVerbs.contains($0.text.lowercased()) }), v.range.lowerBound > 0 else { return false }
        guard ["been", "were", "was"].contains(s.tokens[v.range.lowerBound - 1].lower) else { return false }
        return !s.items.contains { $0.range.lowerBound >= t && $0.range.lowerBound < v.range.lowerBound
            && ($0.kind == .country || $0.kind == .demonym) }
    }

    /// "110 Russian citizens had been returned. According to him, 72 of them were civilian sailors": a sentence
    /// with no exchange word right after one that gave a single side's figure, with a number, "of/among
    /// them (those)" beside it and a civilian noun after it: the civilians among that side's figure (not of a
    /// figure that counts soldiers: "110 servicemen ... 12 of them civilians" says nothing that adds up).
    func civiliansAmong(_ s: AnalyzedSentence, after previous: ExchangePiece) -> ExchangePiece? {
        guard previous.sentence == s.sentence.index - 1, previous.returned.count == 1, let (side, _) = previous.returned.first,
              !previous.military.contains(side), previous.civilians[side] == nil,
              // (no sentence of an attack: "72 of them were shot down over the sea")
              !s.items.contains(where: { $0.kind == .weapon || ($0.kind == .trigger && $0.a == "attack") }) else { return nil }
        let t = s.tokens
        for it in s.items where it.kind == .number && !it.vague {
            guard let v = it.value else { continue }
            let b = it.range.lowerBound, e = it.range.upperBound
            // "72 of them", "Among them are 12", "Of those, 12 are", "33 of them are servicemen and 51 are civilians"
            let after = e + 1 < t.count && t[e].lower == "of" && partitives.contains(t[e + 1].lower)
            // (or after a word of grammar class `subset`: "The group is made up of 185 servicemen and 20 civilians")
            let before = (0..<b).contains { k in
                (k + 1 < b && ["of", "among"].contains(t[k].lower) && ["them", "those"].contains(t[k + 1].lower))
                    || subset.starts(at: k, in: t)
            }
            // the civilian noun is this number's (no other number between)
            guard after || before,
                  let c = (e..<min(t.count, e + 6)).first(where: { civilianNouns.contains(t[$0].lower) }),
                  !s.items.contains(where: { $0.kind == .number && $0.range.lowerBound >= e && $0.range.lowerBound < c }) else { continue }
            var p = ExchangePiece(sentence: s.sentence.index, span: s.sentence.span)
            p.date = previous.date
            p.claimant = previous.claimant
            p.civilians[side] = Figure(v, it.qualifier ?? .exact)
            p.rules.append("exchange.civilians.among")
            return p
        }
        return nil
    }

    /// One piece per clause: a sentence that names two swaps on two days ("On Friday they swapped 390
    /// each, and on Saturday 307 ...") is cut before each day-precise date after the first.
    func pieces(_ s: AnalyzedSentence, claimant: ActorRef?) -> [ExchangePiece] {
        let cuts = s.items.filter { $0.kind == .date && $0.date?.precision == .day }.map { $0.range.lowerBound }
        guard cuts.count >= 2 else { return piece(s, claimant: claimant).map { [$0] } ?? [] }
        var out: [ExchangePiece] = []
        let bounds = [0] + cuts.dropFirst() + [Int.max]
        for k in 0..<(bounds.count - 1) {
            var clause = s
            clause.items = s.items.filter { $0.range.lowerBound >= bounds[k] && $0.range.lowerBound < bounds[k + 1] }
            // the sides named at the start of the sentence hold for every clause
            if k > 0 { clause.items = s.items.filter { ($0.kind == .country || $0.kind == .demonym) && $0.range.lowerBound < bounds[1] } + clause.items }
            if let p = piece(clause, claimant: claimant) { out.append(p) }
        }
        return out
    }

    func piece(_ s: AnalyzedSentence, claimant: ActorRef?) -> ExchangePiece? {
        let items = s.items
        let event = items.contains { $0.isTrigger("exchange", "event") || $0.isTrigger("exchange", "event_people") || $0.isTrigger("exchange", "agreed") }
        let returned = items.contains { $0.isTrigger("exchange", "returned") || $0.isGrammar("receive_verb") }
        let people = items.contains { $0.isTrigger("exchange", "people") || $0.isTrigger("exchange", "event_people") || $0.isGrammar("people_noun") || ($0.kind == .demonym && $0.text.hasSuffix("s")) }
        let weapons = items.contains { $0.kind == .weapon }
        // the exchange words ("swap", "prisoner exchange"), and whether one comes right after a word of `words`
        let eventWords = items.filter { $0.isTrigger("exchange", "event") || $0.isTrigger("exchange", "event_people") }
        func eventWordAfter(_ words: Set<String>) -> Bool {
            eventWords.contains { $0.range.lowerBound > 0 && words.contains(s.tokens[$0.range.lowerBound - 1].lower) }
        }
        // "The previous repatriation took place on September 18": an earlier swap of its own (grammar class
        // `earlier_event` right before the exchange word), dated, whose figures the next sentence may give
        let earlier = eventWordAfter(earlierEvents)
        // "The swap took place on Saturday": the day of the swap the article told before (an exchange word
        // after "the", "this" or "that"; it dates a swap found in another sentence and never makes one), or an
        // earlier swap's day
        let anaphoric = !people && (earlier || eventWordAfter(anaphorDeterminers))
        guard (event || returned) && (people || anaphoric) && !weapons else { return nil }
        // "Two people were injured and received medical assistance": a casualty verb before the first receive
        // verb, and no exchange word
        if !event, let casualty = items.first(where: { $0.kind == .trigger && $0.a == "casualty" }),
           let receive = items.first(where: { $0.isTrigger("exchange", "returned") || $0.isGrammar("receive_verb") }),
           casualty.range.lowerBound < receive.range.lowerBound { return nil }
        // running totals of the war ("In total, 3,520 have been freed") are no swap's figures
        if runningTotal.applies(to: s) { return nil }
        // "returned fire", "returned to the negotiating table": a returned verb alone needs a count of people
        var p = ExchangePiece(sentence: s.sentence.index, span: s.sentence.span)
        p.claimant = claimant
        p.namesSwap = event
        let agreedTrig = items.contains { $0.isTrigger("exchange", "agreed") }
        let completed = items.contains { $0.kind == .trigger && completedWords.contains($0.text.lowercased()) }
        p.intent = s.containsOutsideDates(intentWords)
        // "agreed to exchange", "expected an exchange": not (yet) carried out
        // "agreeing on a new prisoner exchange", "agreed to another swap": an agree verb with "on"/"to" a few
        // tokens before the exchange word (not "under the deal, the exchange took place")
        // ("have agreed on a new humanitarian step: the exchange of 500 prisoners": further, across a colon)
        let agreedOn = eventWords.contains { it in
            (max(0, it.range.lowerBound - 10)..<it.range.lowerBound).contains { k in
                agreeWords.contains(s.tokens[k].lower) && k + 1 < s.tokens.count && ["on", "to", "upon"].contains(s.tokens[k + 1].lower)
                    && (it.range.lowerBound - k <= 4 || s.tokens[k..<it.range.lowerBound].contains { $0.text == ":" })
            }
        }
        // "the two sides agreed to return 6,000 bodies each way", "an agreement to exchange 500 prisoners": an
        // exchange word right after "agreed to" or "an agreement to" (agree_word, agree_noun)
        let agreedToReturn = items.contains { it in
            let b = it.range.lowerBound
            return it.isTrigger("exchange") && b >= 2 && s.tokens[b - 1].lower == "to"
                && (agreeWords.contains(s.tokens[b - 2].lower) || agreeNouns.contains(s.tokens[b - 2].lower))
        }
        p.agreed = (agreedTrig || agreedOn || agreedToReturn || p.intent) && !completed
        p.refersBack = eventWordAfter(eventAnaphors)

        // mediators: actors after a mediation word, or before "provided humanitarian assistance"
        var mediatorRanges: [Range<Int>] = []
        for n in items.indices where items[n].isTrigger("mediation") {
            let it = items[n]
            let after = items.dropFirst(n + 1).prefix { $0.range.lowerBound - it.range.upperBound <= 10 && !$0.isTrigger("exchange") }
            let before = items[..<n].reversed().prefix { it.range.lowerBound - $0.range.upperBound <= 12 }
            let lower = it.text.lowercased()
            var candidates = lower.hasPrefix("provided") || lower == "mediated" || lower == "brokered" ? Array(before) : Array(after)
            // "With Qatar's mediation": the possessive right before the mediation word
            if let poss = before.first, poss.range.upperBound + 1 == it.range.lowerBound, s.tokens[poss.range.upperBound].lower == "'s" {
                candidates.append(poss)
            }
            // "a mediation effort between Russia and Ukraine": the sides, not mediators
            let between = (it.range.upperBound..<min(s.tokens.count, it.range.upperBound + 4)).first { s.tokens[$0].lower == "between" }
            for c in candidates where c.kind == .country || c.kind == .demonym || c.kind == .person || c.kind == .organization {
                if let b = between, c.range.lowerBound > b, c.range.lowerBound > it.range.lowerBound { continue }
                if let ctry = c.country, !p.mediators.contains(ctry) {
                    p.mediators.append(ctry)
                    mediatorRanges.append(c.range)
                }
            }
        }
        // sides: countries, demonyms and capitals as subjects ("Kyiv and Moscow swapped") that are not mediators
        for ix in items.indices where (items[ix].kind == .country || items[ix].kind == .demonym || (items[ix].kind == .place && items[ix].a == "capital" && !(items[ix].range.lowerBound > 0 && ["in", "at", "from", "near", "of"].contains(s.tokens[items[ix].range.lowerBound - 1].lower)))) && !mediatorRanges.contains(items[ix].range) {
            let it = items[ix]
            if let c = it.country, !p.sides.contains(c), !p.mediators.contains(c) { p.sides.append(c) }
        }

        // figures
        // "Of the prisoners returned to Ukraine, 19 were seriously wounded": after an opening "of the ..."
        // clause, the figures are parts of the people told before (civilians among them still count as the
        // civilians of the swap: "Of those returned, 193 are servicemen ... and 12 are civilians")
        let partsAfter: Int? = s.tokens.count > 2 && s.tokens[0].lower == "of" && partitives.contains(s.tokens[1].lower)
            ? s.tokens.firstIndex { $0.text == "," } : nil
        for n in items.indices where items[n].kind == .number && !items[n].vague {
            let it = items[n]
            guard let v = it.value else { continue }
            let inParts = partsAfter.map { it.range.lowerBound > $0 } ?? false
            let fig = Figure(v, it.qualifier ?? .exact)
            // the counted noun within a few tokens
            var noun: Item? = nil
            var side: String? = nil
            var k = n + 1
            while k < items.count, items[k].range.lowerBound - it.range.upperBound <= 5 {
                let c = items[k]
                if c.kind == .demonym {
                    side = c.country
                    if c.text.hasSuffix("s") { noun = c; break }
                    k += 1
                    continue
                }
                func countsPeople(_ x: Item) -> Bool { x.isTrigger("exchange", "people") || x.isGrammar("people_noun") }
                if countsPeople(c) {
                    noun = c
                    // "22 severely wounded Ukrainian soldiers": a demonym and the head noun after a first
                    // people word name whose people they are
                    if k + 2 < items.count, items[k + 1].kind == .demonym, items[k + 1].range.lowerBound == c.range.upperBound,
                       items[k + 2].range.lowerBound == items[k + 1].range.upperBound, countsPeople(items[k + 2]) {
                        side = items[k + 1].country
                        noun = items[k + 2]
                    }
                    break
                }
                if c.kind == .organization, c.endsWithWord(in: peopleWords), c.country != nil {
                    side = c.country
                    noun = c
                    break
                }
                if c.kind == .number || c.kind == .date || c.isGrammar("side_word") { break }
                if c.kind == .trigger, !c.isTrigger("exchange", "people") { break }
                k += 1
            }
            guard let nn = noun else {
                if inParts { continue }
                // a bare figure whose people are counted before it in the sentence: that side's
                func elliptic(_ c: String) {
                    guard !p.mediators.contains(c), p.returned[c] == nil else { return }
                    p.returned[c] = fig
                    if !p.sides.contains(c) { p.sides.append(c) }
                    p.rules.append("exchange.elliptic")
                }
                // "1,003 bodies were returned to Ukraine and Russia received 26": right after a receive verb
                // whose subject, right before it, is a side
                if n >= 2, items[n - 1].range.upperBound == it.range.lowerBound,
                   items[n - 1].isGrammar("receive_verb") || items[n - 1].isTrigger("exchange", "returned"),
                   items[n - 2].range.upperBound == items[n - 1].range.lowerBound,
                   // (or a side: "while the Russian side was given 24")
                   items[n - 2].kind == .country || items[n - 2].kind == .demonym || (items[n - 2].kind == .organization && items[n - 2].endsWithWord(in: sideWords)),
                   let c = items[n - 2].country, items[..<(n - 2)].contains(where: { $0.isTrigger("exchange", "people") }) {
                    elliptic(c)
                }
                // "1,000 bodies were returned to Ukraine and 52 to Russia": then "to" and a side
                let e = it.range.upperBound
                if e + 1 < s.tokens.count, s.tokens[e].lower == "to", n + 1 < items.count, items[n + 1].range.lowerBound == e + 1,
                   items[n + 1].kind == .country, let c = items[n + 1].country,
                   items[..<n].contains(where: { $0.isTrigger("exchange", "people") }), items[..<n].contains(where: { $0.isTrigger("exchange", "returned") }) {
                    elliptic(c)
                }
                continue
            }
            if Self.preceded(s, it.range.lowerBound, by: noncount) { continue }
            // "Two of the servicemen were freed with serious injuries": part of a figure given elsewhere
            let e = it.range.upperBound
            if e + 1 < nn.range.lowerBound, s.tokens[e].lower == "of", partitives.contains(s.tokens[e + 1].lower) { continue }
            // "84 Ukrainians — 78 servicemen and six civilians —", "146 Ukrainians are home: 118 soldiers and 28
            // civilians": the parts of a figure, after a dash, a bracket or a colon
            let inAside = items[..<n].last { $0.kind == .number }.map { head in
                let gap = head.range.gap(to: it.range)
                return gap.contains { ["—", "–", "--", "-", "(", ":"].contains(s.tokens[$0].text) } && gap.count <= 4
                    && items.contains { $0.range.lowerBound >= head.range.upperBound && $0.range.upperBound <= it.range.lowerBound && ($0.isTrigger("exchange", "people") || $0.isGrammar("people_noun") || $0.kind == .demonym) }
            } ?? false
            let isSubset = inAside || inParts || (0..<it.range.lowerBound).contains { k in subset.starts(at: k, in: s.tokens) }
            var nounText = nn.text.lowercased()
            if nn.kind == .organization { nounText = String(nounText.split(separator: " ").last ?? "") }
            let between = it.range.gap(to: nn.range)
            let betweenWords = between.map { s.tokens[$0].lower }
            if side == nil, betweenWords.contains("its") || betweenWords.contains("our") || betweenWords.contains("their") {
                side = receiver(s, before: it.range.lowerBound) ?? Self.localSpeaker(s, before: it.range.lowerBound) ?? claimant?.country
            }
            let tail = s.tokens[nn.range.upperBound..<min(s.tokens.count, nn.range.upperBound + 4)].map(\.lower)
            let each = items.contains { $0.isGrammar("each") && (($0.range.lowerBound >= nn.range.upperBound && $0.range.lowerBound - nn.range.upperBound <= 3)
                || ($0.range.upperBound <= it.range.lowerBound && it.range.lowerBound - $0.range.upperBound <= 3)) }
            // (first) "eleven children ... have been brought home", "108 women had come back", in Ukraine's words:
            // home is the speaker's country
            if side == nil, let c = claimant?.country ?? Self.localSpeaker(s, before: it.range.lowerBound), items.contains(where: { v in
                v.range.lowerBound >= nn.range.upperBound && v.isTrigger("exchange", "returned")
                    && (v.text.lowercased().hasSuffix("home") || v.text.lowercased().hasSuffix("back"))
            }) {
                side = c
            }
            // "returned to Ukraine" (not "children who had been taken to Russia ... have been brought home": the
            // verb before "to" is no return verb)
            if side == nil, let to = items.dropFirst(k + 1).first(where: { $0.kind == .country && $0.range.lowerBound - nn.range.upperBound <= 6 }),
               to.range.lowerBound > 0, s.tokens[to.range.lowerBound - 1].lower == "to",
               to.range.lowerBound - 1 == nn.range.upperBound || items.contains(where: { v in
                   v.range.lowerBound >= nn.range.upperBound && v.range.upperBound < to.range.lowerBound
                       && (v.isTrigger("exchange") || v.isGrammar("receive_verb"))
               }) {
                side = to.country
            }
            // "7 more people returned from Russia": the people of the other side
            if side == nil, items.contains(where: { $0.isTrigger("exchange", "returned") }),
               let from = items.dropFirst(k + 1).first(where: { $0.kind == .country && $0.range.lowerBound - nn.range.upperBound <= 4 }),
               from.range.lowerBound > 0, s.tokens[from.range.lowerBound - 1].lower == "from", let c = from.country, !p.mediators.contains(c) {
                side = dict.opponent(of: c)
            }
            // "(to the Ukrainian side)", "of the Armed Forces of Ukraine": the side named after the noun
            if side == nil, let after = items.dropFirst(k + 1).first(where: { $0.range.lowerBound - nn.range.upperBound <= 8 && ($0.kind == .country || $0.kind == .demonym || $0.kind == .organization) && $0.country != nil && !mediatorRanges.contains($0.range) }) {
                let b = after.range.lowerBound
                let w1 = b > 0 ? s.tokens[b - 1].lower : "", w2 = b > 1 ? s.tokens[b - 2].lower : ""
                // (not "according to the Russian side": who said it)
                let w3 = b > 2 ? s.tokens[b - 3].lower : ""
                if w1 == "to" || (w1 == "the" && w2 == "to") || w1 == "of" || (w1 == "the" && w2 == "of"),
                   !(w2 == "according" || (w1 == "the" && w3 == "according")) { side = after.country }
            }
            // "the bodies of 1,000 people that the Russian side says are Ukrainian servicemen were returned to
            // Ukraine": further on, a return verb, "to" and a country (no other figure between)
            if side == nil, let v = items.dropFirst(k + 1).first(where: { $0.isTrigger("exchange", "returned") || $0.kind == .number }),
               v.kind != .number, v.range.upperBound + 1 < s.tokens.count, s.tokens[v.range.upperBound].lower == "to",
               let c = items.first(where: { $0.kind == .country && $0.range.lowerBound == v.range.upperBound + 1 })?.country,
               !p.mediators.contains(c) {
                side = c
            }
            if side == nil { side = receiver(s, before: it.range.lowerBound) }
            if side == nil, tail.contains("home") || s.tokens.contains(where: { $0.lower == "our" }), let c = claimant?.country { side = c }
            // "270 servicemen had been returned", in a ministry's statement: its own people came back
            if side == nil, let c = claimant?.country, passiveReturn(s, after: nn.range.upperBound) { side = c }
            if bodyNouns.contains(nounText) { p.kinds.insert("bodies") }
            let civilian = civilianNouns.contains(nounText)
            if civilian { p.kinds.insert("civilians") } else if !bodyNouns.contains(nounText) { p.kinds.insert("pow") }
            // civilians with no side after each side's figure are each side's too ("Each side handed over 185
            // soldiers and 20 civilians", "390 people were released by each side; ... 270 soldiers and 120 civilians")
            if side == nil, civilian, p.each != nil, p.eachCivilians == nil {
                p.eachCivilians = fig
                p.rules.append("exchange.each")
                continue
            }
            if each {
                // resolved once the two sides are known (EventExtractor.mergeExchanges)
                if p.each == nil {
                    p.each = fig
                    p.eachMilitary = militaryNouns.contains(nounText)
                }
                p.rules.append("exchange.each")
                continue
            }
            guard let sd = side else {
                // (the soldiers beside them are a part of each side's figure, no total)
                if !civilian, let e = p.each, v < e.value { continue }
                if civilian, isSubset || p.civilians.isEmpty {
                    p.unsidedCivilians = p.unsidedCivilians ?? fig
                    p.rules.append("exchange.civilians.subset")
                } else if !civilian, !isSubset, p.total == nil {
                    p.total = fig
                    p.rules.append("exchange.total")
                }
                continue
            }
            if isSubset && !civilian { continue }
            if !p.sides.contains(sd) { p.sides.append(sd) }
            if civilian {
                if p.civilians[sd] == nil { p.civilians[sd] = fig }
            } else if p.returned[sd] == nil {
                p.returned[sd] = fig
                if militaryNouns.contains(nounText) {
                    p.military.insert(sd)
                }
            }
            p.rules.append(civilian ? "exchange.civilians" : "exchange.returned")
        }
        // "146 for 146"
        // (the next number, not the next item: "for" is a grammar item of its own)
        for n in items.indices where items[n].kind == .number {
            let it = items[n]
            guard let nx = items.dropFirst(n + 1).first(where: { $0.kind == .number }) else { continue }
            // (or "a 1,000-for-1,000 exchange", one hyphenated word)
            var between = it.range.gap(to: nx.range).map { s.tokens[$0].lower }
            // ("swapped 103 prisoners for 103": the counted people may stand between)
            if between.count >= 2, between.last == "for", let noun = items.dropFirst(n + 1).first,
               noun.range.lowerBound == it.range.upperBound, noun.range.upperBound + 1 == nx.range.lowerBound,
               noun.isTrigger("exchange", "people") || noun.isGrammar("people_noun") {
                between = ["for"]
            }
            guard between == ["for"] || between == ["-", "for", "-"], let a = it.value, let b = nx.value else { continue }
            // (not "brought home 390 of its citizens in the first stage of the '1000 for 1000' exchange": the
            // name of the deal beside the figure of one side)
            if a == b, p.sides.count >= 2, !p.returned.values.contains(where: { $0.value != a }) {
                for c in p.sides.prefix(2) where p.returned[c] == nil { p.returned[c] = Figure(a) }
                // (the first figure, read as a total when its side was unknown, is each side's)
                if p.total?.value == a { p.total = nil }
                p.rules.append("exchange.for")
            }
        }
        // the day-precise date nearest to the exchange words
        let anchors = items.filter { $0.isTrigger("exchange") }.map { $0.range.lowerBound }
        let talkAnchors = items.filter { $0.isTrigger("talks") }.map { $0.range.lowerBound }
        func distance(_ d: Item, _ a: [Int]) -> Int { a.map { abs($0 - d.range.lowerBound) }.min() ?? Int.max }
        // (not "since March 3", "by Friday": a bound, not the swap's date)
        let unbounded = items.filter { $0.kind == .date && !($0.range.lowerBound > 0 && ["since", "until", "by", "before"].contains(s.tokens[$0.range.lowerBound - 1].lower)) }
        // (a date that opens the sentence, "On 5 February, immediately after the second round, Ukraine and
        // Russia exchanged 157 prisoners each", dates its main clause with its figures, however near the talks
        // word)
        let dates = unbounded.filter { distance($0, talkAnchors) >= distance($0, anchors) || ($0.range.lowerBound <= 1 && p.hasFigures) }
        func nearest(_ ds: [Item]) -> ResolvedDate? { ds.min { distance($0, anchors) < distance($1, anchors) }?.date }
        // a day or a range of two (not "this week": a span of several days is no day of a swap)
        func isDay(_ d: Item) -> Bool { (d.date?.precision == .day || d.date?.precision == .range) && !RunningTotalRule.spansSeveralDays(d) }
        p.date = nearest(dates.filter(isDay))
        // "The last swap took place in early November": an exchange known to the month (running totals of a
        // month were set aside above); not "the largest exchange since the invasion began in late February"
            ?? nearest(dates.filter { d in
                guard d.date?.precision == .month else { return false }
                // "Last month, the two sides swapped 83 prisoners each"
                if d.rule == "date.relative_month", pastMarkers.contains(s.tokens[d.range.lowerBound].lower) { return true }
                var b = d.range.lowerBound - 1
                while b >= 0, periodModifiers.contains(s.tokens[b].lower) { b -= 1 }
                guard b >= 0, monthLeads.contains(s.tokens[b].lower) else { return false }
                return !s.tokens[..<b].contains { $0.lower == "since" }
            })
        // "The last round, in Abu Dhabi on February 4-5, was followed by an exchange of 157 prisoners each":
        // the day of the talks (EventExtractor dates the swap to its month when that day is not the article's)
        // (one day only: "linked to deals made during talks on May 16, June 2 and July 23" dates nothing)
        let days = unbounded.filter(isDay)
        // (not "closing the exchange that was agreed when the two delegations met in Istanbul on 16 May": the
        // talks where the swap was agreed, before it was carried out)
        let agreedAtTalks = talkAnchors.contains { t in s.tokens[max(0, t - 6)..<t].contains { agreeWords.contains($0.lower) } }
        if p.date == nil, days.count == 1, !agreedAtTalks, !p.returned.isEmpty || p.each != nil || p.total != nil { p.talksDay = days[0].date }
        p.sameNumber = s.contains(anyOf: sameNumber)
        p.sameNumberCivilians = p.sameNumber && s.tokens.contains { $0.lower == "civilians" }
        if !people {
            // the day within six tokens after the exchange word ("The swap took place on Saturday"; not "after
            // Friday prayers, a day before the exchange was completed")
            guard p.date?.precision == .day, !p.hasFigures, !p.agreed, !p.intent,
                  let day = items.first(where: { $0.kind == .date && $0.date == p.date }),
                  eventWords.contains(where: { w in
                      w.range.upperBound <= day.range.lowerBound && day.range.lowerBound - w.range.upperBound <= 6
                  }) else { return nil }
            p.dateOnly = !earlier
        }
        guard p.hasFigures || p.date != nil || event || p.sameNumber else { return nil }
        return p
    }
}
