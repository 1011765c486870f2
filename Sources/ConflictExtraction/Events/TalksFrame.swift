/// What one sentence says about a round of talks (venue, round, dates, parties), and who sits in
/// which delegation.
struct TalksPiece {
    var sentence: Int
    var span: Span
    var venue: String?
    var venueCountry: String?
    /// venue given as a country only ("in the United Arab Emirates")
    var venueIsCountry = false
    var round: Int?
    var dates: [ResolvedDate] = []
    var parties: [String] = []
    var mediators: [String] = []
    var name: String
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
        var caps: [String: String] = [:]
        for p in dict.places where p.kind == "capital" { if let c = p.country, caps[c] == nil { caps[c] = p.name } }
        self.capitals = caps
    }

    static let venueKinds: Set<String> = ["capital", "city", "town", "venue", "region"]

    func pieces(_ s: AnalyzedSentence) -> [TalksPiece] {
        let items = s.items
        let triggers = items.filter { $0.isTrigger("talks", "event") }
        guard !triggers.isEmpty else { return [] }
        // venues: places after in/at, "the Emirati capital", countries after "in"
        var venues: [(Item, Bool)] = []
        for (n, it) in items.enumerated() {
            let b = it.range.lowerBound
            let prev = b > 0 ? s.tokens[b - 1].lower : ""
            let prev2 = b > 1 ? s.tokens[b - 2].lower : ""
            let possessive = it.range.upperBound < s.tokens.count && s.tokens[it.range.upperBound].lower == "'s"
            if it.kind == .place, !possessive, Self.venueKinds.contains(it.a), it.text.uppercased() != it.text || it.text.count <= 3 {
                if ["in", "at", "to", "of", "metropolis", "city", "capital", "hosted", "host", "venue", "-"].contains(prev) || ["in", "at"].contains(prev2)
                    || items.dropFirst(n + 1).first.map({ $0.range.lowerBound == it.range.upperBound && $0.isTrigger("talks") }) == true
                    || (n + 1 < items.count && items[n + 1].isTrigger("mediation")) {
                    venues.append((it, false))
                }
            } else if it.kind == .country || it.kind == .demonym, let c = it.country {
                let e = it.range.upperBound
                if e < s.tokens.count, s.tokens[e].lower == "capital", let cap = capitals[c] {
                    var v = it
                    v.kind = .place
                    v.canonical = cap
                    v.range = it.range.lowerBound..<(e + 1)
                    venues.append((v, false))
                } else if it.kind == .country, ["in"].contains(prev) || (prev == "the" && prev2 == "in") {
                    venues.append((it, true))
                }
            }
        }
        // dates of the talks, not of the speech about them ("said on Wednesday")
        let dates = items.enumerated().filter { (n, it) in
            guard it.kind == .date, it.date!.precision != .year else { return false }
            if n > 0, items[n - 1].isTrigger("claim"), it.range.lowerBound - items[n - 1].range.upperBound <= 2 { return false }
            return true
        }.map(\.element)
        var round: Int? = nil
        for (n, it) in items.enumerated() where it.kind == .ordinal && n + 1 < items.count {
            let nx = items[n + 1]
            if nx.isTrigger("talks", "event"), nx.range.lowerBound - it.range.upperBound <= 2 { round = it.value }
        }
        var parties: [String] = []
        for it in items where it.kind == .country || it.kind == .demonym {
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
            }
            p.round = round
            p.dates = ds
            p.parties = parties.filter { $0 != p.venueCountry || !isHost(p.venueCountry, s) }
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
            var p = make(v, byVenue[i] ?? [])
            if i > 0 { p.round = nil }
            out.append(p)
        }
        return out
    }

    func isHost(_ c: String?, _ s: AnalyzedSentence) -> Bool { true }

    /// Delegation lists: "The Ukrainian delegation included A, B and C", "X is leading the Russian
    /// delegation. It also includes ...", "The U.S. delegation was led by A and B".
    func delegation(_ s: AnalyzedSentence, previousSide: String?) -> DelegationPiece? {
        let items = s.items
        let group = items.firstIndex { $0.isTrigger("delegation", "group") }
        let hasListVerb = items.contains { $0.isTrigger("delegation", "member") || $0.isTrigger("delegation", "lead") }
        guard hasListVerb else { return nil }
        var side: String? = nil
        if let g = group {
            // side right before the group noun ("The Ukrainian delegation", "Russia's delegation") or after ("delegation of Russia")
            let gi = items[g]
            for c in items[..<g].reversed() where gi.range.lowerBound - c.range.upperBound <= 2 {
                if c.kind == .demonym || c.kind == .country { side = c.country; break }
            }
            if side == nil, g + 1 < items.count, items[g + 1].kind == .country || items[g + 1].kind == .demonym,
               items[g + 1].range.lowerBound - gi.range.upperBound <= 2 {
                side = items[g + 1].country
            }
        } else if let first = s.tokens.first, first.lower == "it" || first.lower == "they" {
            side = previousSide
        }
        let persons = items.enumerated().filter { (n, it) in
            guard it.kind == .person else { return false }
            let e = it.range.upperBound
            if e < s.tokens.count, s.tokens[e].lower == "'s" { return false }
            return true
        }.map(\.element)
        guard !persons.isEmpty else { return nil }
        if side == nil {
            // no group noun: "Rubio was joined by Waltz": the persons' own country when they all agree
            guard group == nil, items.contains(where: { $0.isTrigger("delegation", "lead") || $0.isTrigger("delegation", "member") }) else { return nil }
            let countries = Set(persons.compactMap(\.country))
            guard countries.count == 1, persons.count >= 2 else { return nil }
            side = countries.first
        }
        guard let sd = side else { return nil }
        let members = persons.map { DelegationMember(name: $0.canonical, role: $0.title, span: $0.span) }
        return DelegationPiece(sentence: s.sentence.index, span: s.sentence.span, side: sd, members: members)
    }
}
