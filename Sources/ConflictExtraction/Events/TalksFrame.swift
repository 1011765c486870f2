/// What one sentence says about a round of talks (venue, round, dates, parties), and who sits in
/// which delegation.
struct TalksPiece {
    var sentence: Int
    var span: Span
    var venue: String?
    var venueCountry: String?
    /// venue given as a country only ("in the United Arab Emirates")
    var venueIsCountry = false
    /// venue given as a site only ("at the Diriyah Palace"): joins talks in a city of the same country
    var venueIsSite = false
    /// a country or a site: yields to a city of the same country
    var venueIsWeak: Bool { venueIsCountry || venueIsSite }
    /// the venue's admin1 ("Florida" for Hallandale Beach), and whether the venue is a region itself: "met in
    /// South Florida" and "at a golf club in Hallandale Beach" are one round
    var venueAdmin: String?
    var venueIsRegion = false
    var round: Int?
    var dates: [ResolvedDate] = []
    var parties: [String] = []
    var mediators: [String] = []
    var name: String
    /// "after the Geneva meeting": no date, the venue right before the talks word after "after/since/following
    /// the": talks told elsewhere (it joins them, and makes none of its own)
    var reference = false
    /// "Witkoff, who had met Putin in Saint Petersburg a week earlier": talks told in passing, in a relative
    /// clause (a delegation named in the same sentence belongs to the article's talks, not to these)
    var inPassing = false
}

struct DelegationPiece {
    var sentence: Int
    var span: Span
    var side: String
    var members: [DelegationMember]
}

struct TalksFrame {
    let dict: Dictionaries
    let capitals: [String: String]

    init(dict: Dictionaries) {
        self.dict = dict
        self.capitals = dict.capitals()
        self.clauseBreaks = WordSet(dict.words("clause_break"))
        self.copulas = dict.words("copula")
        self.sendVerbs = dict.words("send_verb")
        self.intentWords = PhraseSet(dict.words("intent"))
        self.futureMarkers = dict.words("future_marker")
        self.cancelWords = PhraseSet(dict.words("cancel_word"))
        self.nonCombat = PhraseSet(dict.words("non_combat"))
        self.processSpans = dict.words("process_span")
        self.talksVerbs = dict.words("talks_verb")
        self.otherTopics = dict.words("other_topic")
        self.internalBodies = dict.words("internal_body")
        self.talksAttributes = dict.words("talks_attribute")
        self.cityNames = dict.cityNames()
        self.conflictNouns = dict.words("conflict_noun")
        self.groupWords = Set(dict.triggers.filter { $0.a == "delegation" && $0.b == "group" }.map { $0.term.lowercased() }).union(dict.grammarClass("side_word").keys)
    }
    let groupWords: Set<String>
    let clauseBreaks: WordSet
    /// "On the American side were ...": grammar class `copula`
    let copulas: Set<String>
    /// "Brazil sent Celso Amorim": grammar class `send_verb`
    let sendVerbs: Set<String>
    /// "could take place in early March": grammar class `intent`
    let intentWords: PhraseSet
    let futureMarkers: Set<String>
    /// "called off", "postponed": grammar class `cancel_word`
    let cancelWords: PhraseSet
    /// "match", "demonstration": grammar class `non_combat`
    let nonCombat: PhraseSet
    /// "after months of negotiations": grammar class `process_span`
    let processSpans: Set<String>
    let talksVerbs: Set<String>
    /// The names of the cities and capitals, for the city of a site
    let cityNames: Set<String>
    /// "the negotiating role": grammar class `talks_attribute`
    let talksAttributes: Set<String>
    /// "talks on trade": grammar class `other_topic`
    let otherTopics: Set<String>
    /// "a meeting of his Security Council": grammar class `internal_body`
    let internalBodies: Set<String>
    /// "the fighting in Ukraine": grammar class `conflict_noun` (the country after it is no venue)
    let conflictNouns: Set<String>

    static let venueKinds: Set<String> = ["capital", "city", "town", "venue", "region"]

    func pieces(_ s: AnalyzedSentence) -> [TalksPiece] {
        let items = s.items
        // "the next meeting in Abu Dhabi", "upcoming talks": not held yet; "a further round of direct
        // negotiations": the talks word right after such a one too
        var talksWords = items.filter { $0.isTrigger("talks", "event") }
        // "Negotiators from Moscow and Kyiv spent three hours at Istanbul's Dolmabahce Palace on Tuesday": the
        // delegations of two sides at a place on a day, with no word of another event, are a round of talks
        if talksWords.isEmpty, let g = items.first(where: { $0.isTrigger("delegation", "group") }),
           !items.contains(where: { ($0.kind == .trigger && ($0.a == "attack" || $0.a == "exchange" || $0.a == "casualty")) }),
           items.contains(where: { $0.kind == .date && $0.date?.precision == .day }),
           Set(items.compactMap { ($0.kind == .country || $0.kind == .demonym || ($0.kind == .place && $0.a == "capital")) ? $0.country : nil }).count >= 2,
           items.contains(where: { it in it.kind == .place && it.range.lowerBound > 0 && ["at", "in"].contains(s.tokens[it.range.lowerBound - 1].lower) }) {
            talksWords = [g]
        }
        let future = talksWords.filter { it in
            let b = it.range.lowerBound
            return s.tokens[max(0, b - 3)..<b].contains { futureMarkers.contains($0.lower) }
        }
        let triggers = talksWords.filter { it in
            let b = it.range.lowerBound
            let lower = it.text.lowercased()
            // "Families gathered to meet the buses": a talks word that is a `talks_verb` ("meet", "met with"),
            // with no person, side, delegation or day in the sentence, meets nobody who negotiates
            if lower.split(separator: " ").contains(where: { talksVerbs.contains(String($0)) }),
               !items.contains(where: { [.person, .country, .demonym, .organization].contains($0.kind) || $0.isTrigger("delegation")
                   || ($0.kind == .date && $0.date?.precision == .day) }) { return false }
            // "took over the negotiating role": a talks word before a noun it describes (grammar class
            // `talks_attribute`) names no talks
            if it.range.upperBound < s.tokens.count, talksAttributes.contains(s.tokens[it.range.upperBound].lower) { return false }
            // "they were met by relatives": a passive "met by" is no meeting of sides
            if lower.hasPrefix("met"), it.range.upperBound < s.tokens.count, s.tokens[it.range.upperBound].lower == "by" { return false }
            // "Three rounds of direct talks in Istanbul this year": several rounds counted together, none of them
            // a round of its own (but "three rounds of talks in Belarus, the most recent on Monday" dates one)
            if countsRounds(it, s), !items.contains(where: { $0.kind == .date && $0.date?.precision == .day }) { return false }
            let e = it.range.upperBound
            // "at a meeting of his Security Council": a body meeting on its own (grammar class `internal_body` a
            // few words after "of"), no talks between sides
            if e + 1 < s.tokens.count, s.tokens[e].lower == "of",
               s.tokens[(e + 1)..<min(s.tokens.count, e + 5)].contains(where: { internalBodies.contains($0.lower) }) { return false }
            // "talks on trade and reconstruction cooperation": talks about something else than the war (grammar
            // class `other_topic` right after on/about)
            if e + 1 < s.tokens.count, ["on", "about"].contains(s.tokens[e].lower),
               s.tokens[(e + 1)..<min(s.tokens.count, e + 3)].contains(where: { otherTopics.contains($0.lower) }) { return false }
            // "the successful completion of this round": a bare "round" with no ordinal before it, no day and no
            // other talks word is a round of something else (of returns, of sanctions); "The previous round, held
            // in Abu Dhabi on 4-5 February" stays
            if lower == "round" || lower == "rounds", !items.contains(where: { $0.kind == .ordinal && $0.range.upperBound <= b && b - $0.range.upperBound <= 2 }),
               !items.contains(where: { $0.kind == .date && ($0.date?.precision == .day || $0.date?.precision == .range) }),
               !talksWords.contains(where: { $0.range != it.range }) { return false }
            // "after months of negotiations mediated by Qatar": a process, not a round (not "two days of talks")
            if b >= 2, s.tokens[b - 1].lower == "of", processSpans.contains(s.tokens[b - 2].lower),
               !(b >= 3 && items.contains { $0.kind == .number && $0.range.contains(b - 3) }) { return false }
            return !future.contains { f in f.range.lowerBound <= b && b - f.range.upperBound <= 3 }
        }
        guard !triggers.isEmpty else { return [] }
        // a subheading ("Meeting with Putin in Moscow"): a few words with no closing punctuation, no day and no
        // figure tell of nothing the sentences do not tell
        if s.tokens.count <= 6, let last = s.tokens.last, last.kind == .word,
           !items.contains(where: { $0.kind == .date || $0.kind == .number }) { return [] }
        // "A sixth round, set for June 15 in Muscat, was called off", "a meeting planned for this week has been
        // postponed": talks not held (grammar class `cancel_word`)
        if s.contains(anyOf: cancelWords) { return [] }
        // "India and Pakistan meet in a T20 World Cup group match in Colombo": no talks (`non_combat`)
        if s.contains(anyOf: nonCombat) { return [] }
        // "the next round could take place in early March": planned talks are no talks yet
        if s.containsOutsideDates(intentWords), items.contains(where: { $0.kind == .date && ($0.date?.precision == .month || $0.date?.precision == .year) }),
           !items.contains(where: { $0.kind == .date && $0.date?.precision == .day }) { return [] }
        // "Ukraine and Russia are expected to hold a new round of negotiations in Istanbul on Wednesday", "the
        // meeting was planned for Wednesday": a weekday told with an intent is a day to come, not a day held
        if s.containsOutsideDates(intentWords) || s.tokens.contains(where: { $0.lower == "planned" }),
           // (not the day of a statement: "said on Wednesday that Kyiv expected an exchange ... following the
           // first round of talks in Abu Dhabi")
           items.enumerated().contains(where: { n, d in
               d.kind == .date && d.rule == "date.weekday"
                   && !(n > 0 && items[n - 1].isTrigger("claim") && d.range.lowerBound - items[n - 1].range.upperBound <= 1)
           }),
           !items.contains(where: { $0.kind == .date && Item.explicitDayRules.contains($0.rule) }),
           !items.contains(where: { $0.kind == .trigger && $0.a == "talks" && $0.text.lowercased().hasSuffix("ed") && $0.text.lowercased() != "planned" }) {
            return []
        }
        // venues: places after in/at, "the Emirati capital", countries after "in"
        var venues: [(Item, Bool)] = []
        for (n, it) in items.enumerated() {
            let b = it.range.lowerBound
            let prev = b > 0 ? s.tokens[b - 1].lower : ""
            let prev2 = b > 1 ? s.tokens[b - 2].lower : ""
            // "at Istanbul's Ciragan Palace": the possessive city of a site is the venue
            let ofSite = items.dropFirst(n + 1).first.map { $0.kind == .place && $0.a == "venue" && $0.range.lowerBound == it.range.upperBound + 1 } ?? false
            let possessive = s.isPossessive(it) && !ofSite
            // ("Peskov said in Moscow that the results of the talks ...": where it was said, not the venue)
            let saidIn = prev == "in" && items[..<n].last.map { $0.isTrigger("claim") && $0.range.upperBound == b - 1 } == true
            // ("In Moscow, Deputy Foreign Minister Sergei Ryabkov dismissed the meeting": the seat of who speaks)
            let seat = b == 1 && prev == "in" && s.isSpeakersSeat(n)
            if it.kind == .place, !possessive, !saidIn, !seat, Self.venueKinds.contains(it.a), it.text.uppercased() != it.text || it.text.count <= 3 {
                if ["in", "at", "to", "metropolis", "city", "capital", "hosted", "host", "venue", "-"].contains(prev) || ["in", "at"].contains(prev2)
                    || (prev == "of" && ["city", "capital", "town", "resort", "village"].contains(prev2))
                    // "in Belarus's Gomel region"
                    || (prev == "'s" && n > 0 && items[n - 1].kind == .country && items[n - 1].range.upperBound == b - 1
                        && items[n - 1].range.lowerBound > 0 && ["in", "at"].contains(s.tokens[items[n - 1].range.lowerBound - 1].lower))
                    || items.dropFirst(n + 1).first.map({ $0.range.lowerBound == it.range.upperBound && $0.isTrigger("talks") }) == true
                    || (n + 1 < items.count && items[n + 1].isTrigger("mediation")) {
                    venues.append((it, false))
                }
            } else if it.kind == .country || it.kind == .demonym, let c = it.country {
                if let e = s.capitalWord(after: it, possessive: false), let cap = capitals[c] {
                    var v = it
                    v.kind = .place
                    v.canonical = cap
                    v.range = it.range.lowerBound..<(e + 1)
                    venues.append((v, false))
                } else if it.kind == .country, ["in"].contains(prev) || (prev == "the" && prev2 == "in"),
                          // ("to halt the fighting in Ukraine": where the war is, not where they met)
                          !conflictNouns.contains(s.tokens[max(0, b - (prev == "in" ? 2 : 3))].lower) {
                    venues.append((it, true))
                }
            }
        }
        // dates of the talks, not of the speech about them ("said on Wednesday")
        let allVenues = venues
        // a site and its city ("in Istanbul on Tuesday, at the Dolmabahce Palace"): the city
        venues.removeAll { v in
            v.0.a == "venue" && allVenues.contains { w in w.0.a != "venue" && !w.1 && w.0.country == v.0.country }
        }
        // the words of another event (not "an agreement to swap": an exchange to come has no day or place yet)
        let otherEvents = items.filter { it in
            (it.isTrigger("exchange", "event") || it.isTrigger("exchange", "returned") || (it.kind == .trigger && it.a == "attack"))
                && !(it.isTrigger("exchange") && it.range.lowerBound > 0 && s.tokens[it.range.lowerBound - 1].lower == "to")
        }
        // "Hours before the Geneva talks opened, Russia launched 94 drones at the Sumy region": a place nearer
        // to the words of another event than to the talks words is that event's
        venues.removeAll { v in v.0.isNearer(to: otherEvents, than: triggers) }
        let dates = items.enumerated().filter { (n, it) in
            guard it.kind == .date, it.date!.precision != .year else { return false }
            if it.range.lowerBound > 0, ["since", "until", "before"].contains(s.tokens[it.range.lowerBound - 1].lower) { return false }
            // "the first round for the Ukrainian team since Andriy Yermak stepped down on Friday": the day of the
            // since-clause between the talks word and the date
            // (not "the first meeting since Putin held talks with Biden in Geneva on June 16, 2021": talks of
            // their own in the since-clause)
            if let t = triggers.first, t.range.upperBound <= it.range.lowerBound,
               let since = (t.range.upperBound..<it.range.lowerBound).first(where: { s.tokens[$0].lower == "since" }),
               !s.tokens[t.range.upperBound..<it.range.lowerBound].contains(where: { $0.text == "," }),
               !triggers.contains(where: { $0.range.lowerBound > since && $0.range.upperBound <= it.range.lowerBound }) { return false }
            if n > 0, items[n - 1].isTrigger("claim"), it.range.lowerBound - items[n - 1].range.upperBound <= 2 { return false }
            // "exchanged 390 each on Friday, ... agreed at talks in Istanbul last week": a date nearer to the
            // words of another event than to the talks words is that event's
            if it.isNearer(to: otherEvents, than: triggers) { return false }
            return true
        }.map(\.element)
        var rounds: [(at: Int, value: Int)] = []
        for n in items.indices where items[n].kind == .ordinal && n + 1 < items.count {
            let it = items[n]
            let nx = items[n + 1]
            if nx.isTrigger("talks", "event"), nx.range.lowerBound - it.range.upperBound <= 2, let v = it.value { rounds.append((it.range.lowerBound, v)) }
        }
        func roundNear(_ at: Int?) -> Int? {
            guard let at = at else { return rounds.first?.value }
            return rounds.min { abs($0.at - at) < abs($1.at - at) }?.value
        }
        let round = rounds.first?.value
        var parties: [String] = []
        for ix in items.indices where items[ix].kind == .country || items[ix].kind == .demonym {
            let it = items[ix]
            if let c = it.country, !parties.contains(c), !venues.contains(where: { $0.1 && $0.0.country == c }) { parties.append(c) }
        }
        let name = triggers.map(\.text).max { $0.count < $1.count } ?? "talks"
        var out: [TalksPiece] = []
        func make(_ v: (Item, Bool)?, _ ds: [ResolvedDate]) -> TalksPiece {
            var p = TalksPiece(sentence: s.sentence.index, span: s.sentence.span, name: name)
            if let (vi, isCountry) = v {
                p.venue = isCountry ? vi.canonical : vi.canonical
                p.venueCountry = vi.country
                p.venueIsCountry = isCountry
                p.venueIsSite = !isCountry && vi.a == "venue"
                p.venueIsRegion = !isCountry && vi.a == "region"
                p.venueAdmin = isCountry || vi.b.isEmpty ? nil : vi.b
                // "held at the Elysée Palace": the site's city, the venue that other reports of the round name
                if p.venueIsSite, let city = siteCity(vi) {
                    p.venue = city
                    p.venueIsSite = false
                }
            }
            p.round = v.map { roundNear($0.0.range.lowerBound) } ?? round
            p.dates = ds
            p.inPassing = triggers.allSatisfy { t in
                var k = t.range.lowerBound - 1
                while k >= 0, ["had", "has", "have", "also", "already"].contains(s.tokens[k].lower) { k -= 1 }
                return k >= 0 && ["who", "which"].contains(s.tokens[k].lower)
            }
            // ("after the Geneva meeting", "since the Istanbul talks": not "Hours before the Geneva talks opened")
            if ds.isEmpty, let vi = v?.0, vi.range.lowerBound > 1, s.tokens[vi.range.lowerBound - 1].lower == "the",
               ["after", "since", "following"].contains(s.tokens[vi.range.lowerBound - 2].lower),
               triggers.contains(where: { $0.range.lowerBound == vi.range.upperBound }) {
                p.reference = true
            }
            // ("less than two weeks after US President Donald Trump met Vladimir Putin in Alaska": a meeting that
            // dates something else, told after "after/since/following" and the names of who met, with no day)
            if ds.isEmpty, triggers.contains(where: { datesSomethingElse($0, s) }) { p.reference = true }
            // ("the exchange was part of the arrangements reached at the Istanbul talks", "Medinsky, who headed
            // Moscow's delegation at the negotiations in Istanbul, said 31 bodies were handed over": talks with no
            // day or round of their own, in a sentence that tells another event (an exchange word, or an attack
            // noun: not "countries that sent representatives"), are its context: they join talks the article
            // reports, and make none)
            if ds.isEmpty, p.round == nil, otherEvents.contains(where: { $0.isTrigger("exchange") || $0.isTrigger("attack", "event") }) {
                p.reference = true
            }
            // the host country is a party only when it negotiates too (a trilateral round names it as such)
            p.parties = parties.filter { $0 != p.venueCountry }
            return p
        }
        if venues.isEmpty && dates.isEmpty {
            if round != nil { out.append(make(nil, [])) }
            return out
        }
        if venues.count <= 1 {
            out.append(make(venues.first, dates.compactMap(\.date)))
            return out
        }
        // several venues: each date goes with the nearest venue, each venue makes a piece
        var byVenue: [Int: [ResolvedDate]] = [:]
        for d in dates {
            let nearest = venues.indices.min { abs(venues[$0].0.range.lowerBound - d.range.lowerBound) < abs(venues[$1].0.range.lowerBound - d.range.lowerBound) }!
            byVenue[nearest, default: []].append(d.date!)
        }
        for (i, v) in venues.enumerated() {
            out.append(make(v, byVenue[i] ?? []))
        }
        return out
    }


    /// "Three rounds of direct talks", "two meetings": a number of two or more counting rounds, right before
    /// the talks word ("three rounds of talks") or inside it.
    func countsRounds(_ it: Item, _ s: AnalyzedSentence) -> Bool {
        let b = it.range.lowerBound
        let roundWords: Set<String> = ["rounds", "meetings", "sessions"]
        func several(endingAt e: ClosedRange<Int>) -> Bool {
            s.items.contains { $0.kind == .number && ($0.value ?? 0) >= 2 && e.contains($0.range.upperBound) }
        }
        if b >= 1, s.tokens[b..<it.range.upperBound].contains(where: { roundWords.contains($0.lower) }), several(endingAt: max(0, b - 3)...b) { return true }
        return b >= 3 && roundWords.contains(s.tokens[b - 2].lower) && s.tokens[b - 1].lower == "of" && several(endingAt: (b - 2)...(b - 2))
    }

    /// The city of a site (a place of kind `venue`): its admin1 when that is a city ("Elysée Palace" -> Paris);
    /// a site in a region keeps its name ("Belovezhskaya Pushcha", Brest Region, is no part of Brest).
    func siteCity(_ site: Item) -> String? {
        cityNames.contains(site.b) ? site.b : nil
    }

    /// Delegation lists: "The Ukrainian delegation included A, B and C", "X is leading the Russian
    /// delegation. It also includes ...", "The U.S. delegation was led by A and B", "The Russian side is
    /// headed by A, while the American side is headed by B" (one piece per group named).
    func delegations(_ s: AnalyzedSentence, previousSide: String?, venues: Set<String> = []) -> [DelegationPiece] {
        // clauses: "The U.S. delegation included A and B, while Putin was accompanied by C and D"
        let cuts = s.tokens.indices.filter { clauseBreaks.contains(s.tokens[$0]) }
        // "Kyiv sent a team: A; B; and C": a list after a colon is one clause, semicolons and all
        guard !cuts.isEmpty, !opensColonList(s) else { return delegationsInClause(s, previousSide: previousSide, venues: venues) }
        var out: [DelegationPiece] = []
        let bounds = [0] + cuts + [s.tokens.count]
        var listSide: String? = nil
        for k in 0..<(bounds.count - 1) {
            var clause = s
            clause.items = s.items.filter { $0.range.lowerBound >= bounds[k] && $0.range.upperBound <= bounds[k + 1] }
            let found = delegationsInClause(clause, previousSide: out.last?.side ?? previousSide, venues: venues)
            out += found
            // "He was accompanied by A; B, deputy head of ...; and C": the clauses after a member list that are
            // only people (and their roles) go on with it
            if !found.isEmpty { listSide = found.last?.side; continue }
            guard let side = listSide, !clause.items.contains(where: { $0.kind == .trigger && $0.a != "delegation" }) else { listSide = nil; continue }
            let ms = clause.items.filter { $0.kind == .person && ($0.country == nil || $0.country == side) && !s.isPossessive($0) }
            if ms.isEmpty { listSide = nil; continue }
            out.append(DelegationPiece(sentence: s.sentence.index, span: s.sentence.span, side: side, members: ms.map(member)))
        }
        return out
    }

    /// A delegation member from a person mention: the article's own spelling of the fullest mention
    /// ("David Arakhamiya"), else the canonical name.
    func member(_ p: Item) -> DelegationMember {
        var name = p.range.count >= 2 ? p.text : p.canonical
        if name.hasSuffix("'s") { name.removeLast(2) }
        return DelegationMember(name: name, role: p.title, span: p.span, actor: name == p.canonical ? nil : p.canonical)
    }

    /// One delegation piece per side, in the order the sides first come, from (side, person) pairs.
    func piecesBySide(_ s: AnalyzedSentence, _ members: [(side: String, person: Item)]) -> [DelegationPiece] {
        var order: [String] = []
        var bySide: [String: [DelegationMember]] = [:]
        for (side, p) in members {
            if bySide[side] == nil { order.append(side) }
            bySide[side, default: []].append(member(p))
        }
        return order.map { DelegationPiece(sentence: s.sentence.index, span: s.sentence.span, side: $0, members: bySide[$0]!) }
    }

    /// "the Ukrainian delegation", "the American side": a group noun named with its country.
    func isSideGroup(_ it: Item) -> Bool {
        it.kind == .organization && it.country != nil && it.endsWithWord(in: groupWords)
    }

    /// The side of a list that a sentence ending in ":" opens: "Ukraine's delegation in Jeddah consisted
    /// of:" (`.some(UKR)`), "Who was in the room in Abu Dhabi:" (a talks venue: `.some(nil)`, each item
    /// names its side), or nil when the sentence opens no delegation list. "Its other members are:" opens a list
    /// of `previousSide`, the side of the delegation told right before.
    func listHeading(_ s: AnalyzedSentence, venues: Set<String>, previousSide: String? = nil) -> String?? {
        // (Markdown emphasis around a heading, "**Who was in the room:**", is not part of it)
        guard s.tokens.last(where: { !$0.text.allSatisfy { $0 == "*" || $0 == "_" } })?.text == ":" else { return nil }
        let items = s.items
        let side = items.first(where: isSideGroup)?.country
        if let side { return .some(side) }
        // "The Russian delegation is led by Medinsky. Its other members are:": the delegation told right before
        if let p = previousSide, let first = s.tokens.first, ["its", "their"].contains(first.lower),
           items.contains(where: { $0.isTrigger("delegation") }) { return .some(p) }
        let talksy = items.contains { $0.isTrigger("delegation") || $0.isTrigger("talks") || ($0.kind == .place && venues.contains($0.canonical)) }
        return talksy ? .some(nil) : nil
    }

    /// One item of a delegation list ("- Andriy Yermak, head of the President's Office;", "- U.S.: Witkoff;
    /// Kushner; ..."): its members, for the side the item names before a colon, else the list's side.
    func listItem(_ s: AnalyzedSentence, side listSide: String?) -> DelegationPiece? {
        let items = s.items
        var side = listSide
        var from = 0
        if let first = items.first, first.range.lowerBound <= 1, first.kind == .country || first.kind == .demonym || (first.kind == .place && first.a == "capital"),
           first.range.upperBound < s.tokens.count, s.tokens[first.range.upperBound].text == ":" {
            side = first.country
            from = first.range.upperBound
        }
        guard let sd = side else { return nil }
        let persons = items.filter { p in
            guard p.kind == .person, p.range.lowerBound >= from, p.country == nil || p.country == sd else { return false }
            return !s.isPossessive(p)
        }
        guard !persons.isEmpty else { return nil }
        return DelegationPiece(sentence: s.sentence.index, span: s.sentence.span, side: sd, members: persons.map(member))
    }

    /// "a four-strong Ukrainian team: A; B; …": a group noun right before a colon.
    func opensColonList(_ s: AnalyzedSentence) -> Bool {
        s.items.contains { it in
            (it.isTrigger("delegation", "group") || isSideGroup(it)) && it.range.upperBound < s.tokens.count && s.tokens[it.range.upperBound].text == ":"
        }
    }

    /// "less than two weeks after US President Donald Trump met Vladimir Putin in Alaska": a talks word right
    /// after "after/since/following" and the names of who met (capitalized words, titles, "and", "'s") tells a meeting
    /// that dates something else (no talks and no delegation of its own unless the sentence has a day).
    func datesSomethingElse(_ t: Item, _ s: AnalyzedSentence) -> Bool {
        var k = t.range.lowerBound - 1
        func named(_ k: Int) -> Bool {
            s.tokens[k].isCapitalized || ["and", "'s", "."].contains(s.tokens[k].lower)
                || s.items.contains { $0.range.contains(k) && [.person, .title, .country, .demonym, .organization].contains($0.kind) }
        }
        while k >= 0, t.range.lowerBound - k <= 10, named(k) { k -= 1 }
        return k >= 0 && k < t.range.lowerBound - 1 && ["after", "since", "following"].contains(s.tokens[k].lower)
    }

    func delegationsInClause(_ s: AnalyzedSentence, previousSide: String?, venues: Set<String>) -> [DelegationPiece] {
        let items = s.items
        /// "by" at token `k` goes on with a lead or member verb told before: "the Ukrainian delegation was led by A
        /// and the Russian team by B" (a side's group right before it), "accompanied by A and by B"
        func byGoesOn(_ k: Int) -> Bool {
            guard items.contains(where: { ($0.isTrigger("delegation", "lead") || $0.isTrigger("delegation", "member")) && $0.range.upperBound < k })
            else { return false }
            return items.contains { $0.range.upperBound == k && isSideGroup($0) } || (k > 0 && s.tokens[k - 1].lower == "and")
        }
        // "Rubio and Witkoff are holding talks with ...": subjects of a talks verb, by their own country;
        // "Witkoff and Kushner met Putin at the Kremlin ... in a meeting also attended by Ushakov": and the
        // people met; "Umerov said he had met Witkoff and Kushner in Miami": the speaker is the subject
        if let verb = items.first(where: { $0.isGrammar("talks_verb") || ($0.isTrigger("talks", "event") && talksVerbs.contains($0.text.lowercased())) }) {
            let b = verb.range.lowerBound
            let talksAfter = items.contains { $0.isTrigger("talks", "event") && $0.range.lowerBound > b }
            // ("met in the southern resort city of Antalya": "in" right after the verb, the place a few words on)
            let inAfterVerb = verb.range.upperBound < s.tokens.count && ["in", "at"].contains(s.tokens[verb.range.upperBound].lower)
            let venueAfter = items.contains { $0.kind == .place && Self.venueKinds.contains($0.a) && $0.range.lowerBound > b && $0.range.lowerBound > 0
                && (["in", "at"].contains(s.tokens[$0.range.lowerBound - 1].lower) || (inAfterVerb && $0.range.lowerBound - verb.range.upperBound <= 7)) }
            let claimBefore = items.contains { $0.isTrigger("claim") && $0.range.lowerBound < b }
            // "he had met", "she met": the speaker of the sentence
            var k = b - 1
            while k >= 0, ["had", "has", "have"].contains(s.tokens[k].lower) { k -= 1 }
            let pronoun = k >= 0 && ["he", "she"].contains(s.tokens[k].lower)
            var subjects: [Item] = []
            // "Zelensky, who met the crown prince in Jeddah, ...": a meeting told in passing
            let relative = k >= 0 && s.tokens[k].lower == "who"
            // (or "Lavrov and his Ukrainian counterpart Kuleba met in Antalya": a venue after the verb)
            let undatedReference = datesSomethingElse(verb, s) && !items.contains { $0.kind == .date && $0.date?.precision == .day }
            if !relative, !undatedReference, talksAfter || venueAfter, !claimBefore {
                subjects = items.filter { $0.kind == .person && $0.range.upperBound <= b && $0.country != nil && !s.isPossessive($0) }
            } else if !relative, pronoun, claimBefore, venueAfter, let speaker = items.first(where: { $0.kind == .person && $0.country != nil && $0.range.upperBound <= k }) {
                subjects = [speaker]
            }
            if !subjects.isEmpty, talksAfter || venueAfter {
                subjects += items.filter { $0.kind == .person && $0.range.lowerBound > b && $0.country != nil && !s.isPossessive($0) && !$0.isTrigger("claim") }
            }
            if !subjects.isEmpty { return piecesBySide(s, subjects.map { ($0.country!, $0) }) }
        }
        // "On the American side were Rubio and Waltz": a side's group noun and a copula introduce its members
        let sideCopula = items.contains { it in
            isSideGroup(it) && it.range.upperBound < s.tokens.count && copulas.contains(s.tokens[it.range.upperBound].lower)
        }
        // "Brazil sent Celso Amorim, chief adviser to ...": a country right before a `send_verb` and a person (a title
        // may stand between) names its delegate
        let sender = items.indices.first { n in
            let it = items[n]
            guard it.kind == .country || (it.kind == .place && it.a == "capital"), it.country != nil,
                  it.range.upperBound < s.tokens.count, sendVerbs.contains(s.tokens[it.range.upperBound].lower) else { return false }
            // (the verb may be a mention of its own: "sent" is also an attack word)
            let after = items.dropFirst(n + 1).drop { $0.range.lowerBound <= it.range.upperBound }.prefix { $0.kind == .title || $0.kind == .person }
            return after.first?.range.lowerBound == it.range.upperBound + 1 && after.contains { $0.kind == .person }
        }
        guard sideCopula || sender != nil || opensColonList(s) || items.contains(where: { $0.isTrigger("delegation", "member") || $0.isTrigger("delegation", "lead") }) else { return [] }
        // group mentions with their side
        var groups: [(at: Int, side: String?)] = []
        for (n, it) in items.enumerated() {
            if isSideGroup(it) || n == sender, let c = it.country {
                groups.append((it.range.lowerBound, c))
            } else if it.isTrigger("delegation", "group") {
                var side: String? = nil
                // "the Ukrainian delegation", "Russia's team", "Moscow's five-member delegation", "Kyiv sent a
                // heavyweight team": a side a few words before, with nobody named in between
                for c in items[..<n].reversed() where it.range.lowerBound - c.range.upperBound <= 4 {
                    if c.kind == .person { break }
                    if c.kind == .demonym || c.kind == .country || (c.kind == .place && c.a == "capital") { side = c.country; break }
                }
                if side == nil, n + 1 < items.count, items[n + 1].kind == .country || items[n + 1].kind == .demonym,
                   items[n + 1].range.lowerBound - it.range.upperBound <= 2 {
                    side = items[n + 1].country
                }
                groups.append((it.range.lowerBound, side))
            } else if it.kind == .demonym || it.kind == .country, let c = it.country,
                      let nx = items.dropFirst(n + 1).first, nx.isTrigger("delegation", "lead"), nx.range.lowerBound - it.range.upperBound <= 2,
                      n == 0 || items[n - 1].range.upperBound < it.range.lowerBound - 1 || it.range.lowerBound <= 1 {
                // "The Ukrainians were represented by ..."
                groups.append((it.range.lowerBound, c))
            }
        }
        if groups.isEmpty, let first = s.tokens.first, first.lower == "it" || first.lower == "they", let p = previousSide {
            groups.append((0, p))
        }
        // "He was accompanied by A", "With him were A and B": the previous sentence's head and side
        if groups.isEmpty, let p = previousSide,
           let verb = items.first(where: { $0.isTrigger("delegation", "member") || $0.isTrigger("delegation", "lead") }),
           s.tokens[..<min(verb.range.upperBound, s.tokens.count)].contains(where: { ["he", "she", "him", "her"].contains($0.lower) }),
           !items.contains(where: { $0.kind == .person && $0.range.lowerBound < verb.range.lowerBound }) {
            groups.append((0, p))
        }
        // "Russia is represented by a military delegation headed by X": a group noun with no side of its own,
        // right after a side with nobody named in between, is that side's
        for g in groups.indices.dropFirst() where groups[g].side == nil {
            let (a, b) = (groups[g - 1].at, groups[g].at)
            if !items.contains(where: { $0.kind == .person && $0.range.lowerBound > a && $0.range.lowerBound < b }) {
                groups[g].side = groups[g - 1].side
            }
        }
        // members: persons, minus possessives ("Putin's adviser") and persons inside a member's role ("chief of staff to President X")
        let persons = items.enumerated().filter { (n, it) in
            guard it.kind == .person else { return false }
            if s.isPossessive(it) { return false }
            var b = it.range.lowerBound
            if n > 0, items[n - 1].kind == .title, items[n - 1].range.upperBound == b { b = items[n - 1].range.lowerBound }
            if b > 0, ["to", "of", "by"].contains(s.tokens[b - 1].lower), !(b > 1 && s.tokens[b - 2].lower.hasSuffix("ed")) && !items.contains(where: { $0.range.upperBound == b - 1 && $0.kind == .trigger }) && !items.contains(where: { $0.range.upperBound == b && $0.kind == .trigger }),
               !(s.tokens[b - 1].lower == "by" && byGoesOn(b - 1)) {
                return false
            }
            return true
        }.map(\.element)
        guard !persons.isEmpty else { return [] }
        // "Presidential aide Vladimir Medinsky headed the delegation, which also included ...": a group noun with
        // no side, in a sentence that names no country, is the side of its members when they share one
        if groups.contains(where: { $0.side == nil }), !items.contains(where: { $0.kind == .country || $0.kind == .demonym }) {
            let countries = Set(persons.compactMap(\.country))
            if countries.count == 1, persons.allSatisfy({ $0.country != nil }) {
                for g in groups.indices where groups[g].side == nil { groups[g].side = countries.first }
            }
        }
        if groups.isEmpty {
            // no group noun: "Rubio was joined by Waltz", "talks chaired by Fidan", "X is also in Geneva":
            // the persons' own country
            let hasTalks = items.contains { $0.isTrigger("talks") } || items.contains { $0.kind == .place && venues.contains($0.canonical) }
            let countries = Set(persons.compactMap(\.country))
            // (not a sentence about an attack: "while the talks were under way, Russian aircraft struck ...,
            // injuring seven people, including a child, said X")
            let aboutAttack = items.contains { $0.kind == .trigger && ($0.a == "casualty" || $0.isTrigger("attack", "hit") || $0.isTrigger("attack", "event")) }
            // "Emmanuel Bonne for France, Jonathan Powell for the United Kingdom and ...": each the country named
            // right after "for"
            func sideNamed(after p: Item) -> String? {
                var k = p.range.upperBound
                guard k < s.tokens.count, s.tokens[k].lower == "for" else { return nil }
                k += 1
                if k < s.tokens.count, s.tokens[k].lower == "the" { k += 1 }
                return items.first { $0.range.lowerBound == k && $0.kind == .country }?.country
            }
            let named = persons.map(sideNamed(after:))
            if !aboutAttack, named.filter({ $0 != nil }).count >= 2 {
                return piecesBySide(s, zip(persons, named).compactMap { p, n in (n ?? p.country).map { ($0, p) } })
            }
            guard countries.count == 1, persons.count >= 2 || hasTalks, !aboutAttack, let c = countries.first else { return [] }
            return [DelegationPiece(sentence: s.sentence.index, span: s.sentence.span, side: c, members: persons.map(member))]
        }
        var out: [DelegationPiece] = []
        for (g, group) in groups.enumerated() {
            guard let side = group.side else { continue }
            let end = g + 1 < groups.count ? groups[g + 1].at : Int.max
            // persons before the first group belong to it when a lead or member verb follows them
            // ("X is leading the delegation", "Rubio was joined on the U.S. side by ...")
            let start = g == 0 && items.contains(where: { ($0.isTrigger("delegation", "lead") || $0.isTrigger("delegation", "member")) && $0.range.lowerBound < group.at }) ? 0 : group.at
            let ms = persons.filter { $0.range.lowerBound >= start && $0.range.lowerBound < end && ($0.country == nil || $0.country == side) }
            if !ms.isEmpty { out.append(DelegationPiece(sentence: s.sentence.index, span: s.sentence.span, side: side, members: ms.map(member))) }
        }
        return out
    }
}
