/// Finds who a sentence's figures are attributed to: "X said", "according to X", "X told Y",
/// "X wrote on Telegram", ", said X"; pronouns and definite descriptions ("it added", "the ministry
/// said") are resolved to the last actor of a fitting kind.
struct Attribution {
    /// What the document has said so far, for anaphora.
    struct Memory {
        var lastPerson: ActorRef?
        var lastOrganization: ActorRef?
        var lastClaimant: ActorRef?
    }

    static let speechGap: Set<String> = ["also", "later", "earlier", "has", "had", "have", "then", "further", "previously", "separately", "in", "a", "statement", "on", "its", "his", "her", "their", "official", "telegram", "channel", "x", "said", "early", "late", "'s", ",", "has", "reportedly", "subsequently", "again", "that", "who", "which"]

    static func claimant(_ s: AnalyzedSentence, _ memory: inout Memory) -> ActorRef? {
        var found: ActorRef? = nil
        let items = s.items
        for n in items.indices where items[n].isTrigger("claim") {
            let it = items[n]
            let lower = it.text.lowercased()
            if lower.hasPrefix("according to") || lower.hasPrefix("citing") || lower.hasPrefix("cited") {
                if let a = items[(n + 1)...].prefix(3).first(where: { $0.actorRef != nil && $0.range.lowerBound - it.range.upperBound <= 6 }) {
                    found = resolve(a, &memory)
                    break
                }
                continue
            }
            // subject before an appositive: "Budanov, now the head of X, confirmed"
            let t0 = it.range.lowerBound
            if t0 > 0, s.tokens[t0 - 1].text == ",", let open = (0..<(t0 - 1)).last(where: { s.tokens[$0].text == "," }),
               let subj = items.last(where: { $0.range.upperBound == open && $0.kind == .person }) {
                found = resolve(subj, &memory)
                break
            }
            // subject before the verb
            var k = n - 1
            while k >= 0 {
                let prev = items[k]
                let gap = prev.range.gap(to: it.range)
                if gap.count > 4 || gap.contains(where: { !speechGap.contains(s.tokens[$0].lower) && s.tokens[$0].kind != .punct }) { break }
                if prev.actorRef != nil && !(prev.kind == .place && prev.a != "capital") {
                    found = resolve(prev, &memory)
                    break
                }
                if prev.isGrammar("anaphor") {
                    found = anaphor(prev, memory)
                    break
                }
                if prev.kind == .date || prev.kind == .title || prev.kind == .grammar || prev.kind == .place { k -= 1; continue }
                break
            }
            if found != nil { break }
            // inverted: ", said Ukraine's air force"
            if n + 1 < items.count, items[n + 1].range.lowerBound - it.range.upperBound <= 1, items[n + 1].actorRef != nil || items[n + 1].kind == .title {
                // the head of the noun phrase: "reported by US envoy Steve Witkoff" -> the person
                var best: Item? = nil
                var last = it.range.upperBound
                for c in items[(n + 1)...] {
                    guard c.range.lowerBound - last <= 1, [.country, .demonym, .title, .person, .organization].contains(c.kind) else { break }
                    if c.kind == .person { best = c; break }
                    if c.kind == .organization || (c.kind == .country && best == nil) { best = c }
                    last = c.range.upperBound
                }
                if let b = best { found = resolve(b, &memory); break }
            }
            // an anaphor token right before that the lexicon did not mark ("it added")
            if t0 > 0 {
                let w = s.tokens[t0 - 1].lower
                if w == "it" { found = memory.lastOrganization ?? memory.lastClaimant; if found != nil { break } }
                if w == "he" || w == "she" { found = memory.lastPerson ?? memory.lastClaimant; if found != nil { break } }
            }
        }
        // remember every actor of the sentence for later pronouns
        for ix in items.indices where items[ix].kind == .person || items[ix].kind == .organization {
            let it = items[ix]
            if let r = it.actorRef {
                if it.kind == .person { memory.lastPerson = r } else if it.country != nil { memory.lastOrganization = r }
            }
        }
        if let f = found { memory.lastClaimant = f }
        return found
    }

    static func resolve(_ it: Item, _ memory: inout Memory) -> ActorRef? {
        guard var r = it.actorRef else { return nil }
        r.country = it.country
        if it.kind == .organization, it.country == nil {
            // a bare institution never introduced with its country: the last organization of that name
            if let o = memory.lastOrganization, o.name.hasSuffix(it.canonical) { return o }
        }
        return r
    }

    static func anaphor(_ it: Item, _ memory: Memory) -> ActorRef? {
        switch it.b {
        case "person": return memory.lastPerson ?? memory.lastClaimant
        case "organization": return memory.lastOrganization ?? memory.lastClaimant
        default: return memory.lastClaimant
        }
    }
}
