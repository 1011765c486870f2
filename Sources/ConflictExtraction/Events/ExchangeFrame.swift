/// What one sentence says about a prisoner / civilian / body exchange.
struct ExchangePiece {
    var sentence: Int
    var span: Span
    var date: ResolvedDate?
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

    var hasFigures: Bool { !returned.isEmpty || !civilians.isEmpty || total != nil }
}

struct ExchangeFrame {
    let dict: Dictionaries
    static let civilianNouns: Set<String> = ["civilians", "civilian", "children", "minors", "child", "kids"]
    static let bodyNouns: Set<String> = ["bodies", "remains of", "fallen", "body"]
    static let completedWords: Set<String> = ["exchanged", "swapped", "returned", "released", "freed", "were returned", "was returned", "returned home", "came home", "brought home", "were released", "were freed", "handed over", "repatriated", "received", "returning"]

    func piece(_ s: AnalyzedSentence, claimant: ActorRef?) -> ExchangePiece? {
        let items = s.items
        let event = items.contains { $0.isTrigger("exchange", "event") || $0.isTrigger("exchange", "agreed") }
        let returned = items.contains { $0.isTrigger("exchange", "returned") }
        let people = items.contains { $0.isTrigger("exchange", "people") || ($0.kind == .demonym && $0.text.hasSuffix("s")) }
        let weapons = items.contains { $0.kind == .weapon }
        guard (event || returned) && people && !weapons else { return nil }
        // "returned fire", "returned to the negotiating table": a returned verb alone needs a count of people
        var p = ExchangePiece(sentence: s.sentence.index, span: s.sentence.span)
        p.claimant = claimant
        let agreedTrig = items.contains { $0.isTrigger("exchange", "agreed") }
        let completed = items.contains { $0.kind == .trigger && Self.completedWords.contains($0.text.lowercased()) }
        p.agreed = agreedTrig && !completed

        // mediators: actors after a mediation word, or before "provided humanitarian assistance"
        var mediatorRanges: [Range<Int>] = []
        for (n, it) in items.enumerated() where it.isTrigger("mediation") {
            let after = items.dropFirst(n + 1).prefix { $0.range.lowerBound - it.range.upperBound <= 10 && !$0.isTrigger("exchange") }
            let before = items[..<n].reversed().prefix { it.range.lowerBound - $0.range.upperBound <= 12 }
            let lower = it.text.lowercased()
            let candidates = lower.hasPrefix("provided") || lower == "mediated" || lower == "brokered" ? Array(before) : Array(after)
            for c in candidates where c.kind == .country || c.kind == .demonym || c.kind == .person || c.kind == .organization {
                if let ctry = c.country, !p.mediators.contains(ctry) {
                    p.mediators.append(ctry)
                    mediatorRanges.append(c.range)
                }
            }
        }
        // sides: countries and demonyms that are not mediators
        for it in items where (it.kind == .country || it.kind == .demonym) && !mediatorRanges.contains(it.range) {
            if let c = it.country, !p.sides.contains(c), !p.mediators.contains(c) { p.sides.append(c) }
        }

        // figures
        for (n, it) in items.enumerated() where it.kind == .number && !it.vague {
            guard let v = it.value else { continue }
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
                if c.isTrigger("exchange", "people") { noun = c; break }
                if c.kind == .number || c.kind == .date { break }
                k += 1
            }
            guard let nn = noun else { continue }
            let nounText = nn.text.lowercased()
            let between = it.range.upperBound..<nn.range.lowerBound
            let betweenWords = between.map { s.tokens[$0].lower }
            if side == nil, betweenWords.contains("its") || betweenWords.contains("our") { side = claimant?.country }
            if side == nil, betweenWords.contains("their"), let c = claimant?.country { side = c }
            let tail = s.tokens[nn.range.upperBound..<min(s.tokens.count, nn.range.upperBound + 4)].map(\.lower)
            let each = items.contains { $0.isGrammar("each") && $0.range.lowerBound >= nn.range.upperBound && $0.range.lowerBound - nn.range.upperBound <= 3 }
            // "returned to Ukraine"
            if side == nil, let to = items.dropFirst(k + 1).first(where: { $0.kind == .country && $0.range.lowerBound - nn.range.upperBound <= 6 }),
               to.range.lowerBound > 0, s.tokens[to.range.lowerBound - 1].lower == "to" {
                side = to.country
            }
            if side == nil, tail.contains("home") || s.tokens.contains(where: { $0.lower == "our" }), let c = claimant?.country { side = c }
            if Self.bodyNouns.contains(nounText) { p.kinds.insert("bodies") }
            let civilian = Self.civilianNouns.contains(nounText)
            if civilian { p.kinds.insert("civilians") } else if !Self.bodyNouns.contains(nounText) { p.kinds.insert("pow") }
            if each {
                for c in p.sides.prefix(2) { p.returned[c] = p.returned[c] ?? fig }
                p.rules.append("exchange.each")
                continue
            }
            guard let sd = side else {
                if !civilian, p.total == nil, !p.agreed || true { p.total = fig; p.rules.append("exchange.total") }
                continue
            }
            if !p.sides.contains(sd) { p.sides.append(sd) }
            if civilian {
                if p.civilians[sd] == nil { p.civilians[sd] = fig }
            } else if p.returned[sd] == nil {
                p.returned[sd] = fig
                if ["servicemen", "soldiers", "prisoners of war", "pows", "military personnel", "troops", "service members", "servicemembers", "defenders", "fighters"].contains(nounText) {
                    p.military.insert(sd)
                }
            }
            p.rules.append(civilian ? "exchange.civilians" : "exchange.returned")
        }
        // "146 for 146"
        for (n, it) in items.enumerated() where it.kind == .number && n + 1 < items.count {
            let nx = items[n + 1]
            guard nx.kind == .number, nx.range.lowerBound == it.range.upperBound + 1, s.tokens[it.range.upperBound].lower == "for", let a = it.value, let b = nx.value else { continue }
            if a == b, p.sides.count >= 2 {
                for c in p.sides.prefix(2) where p.returned[c] == nil { p.returned[c] = Figure(a) }
                p.rules.append("exchange.for")
            }
        }
        p.date = items.first { $0.kind == .date && $0.date?.precision != .year && !($0.range.lowerBound > 0 && ["since", "until"].contains(s.tokens[$0.range.lowerBound - 1].lower)) }?.date
        guard p.hasFigures || p.date != nil || event else { return nil }
        return p
    }
}
