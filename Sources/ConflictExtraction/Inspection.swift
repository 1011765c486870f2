import Foundation

/// Human- and machine-readable views of what the extractor found (`conflictdb inspect`).
public enum Inspection {
    public struct Unmatched: Sendable {
        public var sentence: Int
        public var text: String
    }

    /// Capitalized phrases and numbers no dictionary entry or rule claimed.
    public static func unmatched(_ doc: AnalyzedDocument) -> [Unmatched] {
        var out: [Unmatched] = []
        for s in doc.sentences where !s.sentence.isBoilerplate {
            var covered = Set<Int>()
            for it in s.items { for k in it.range { covered.insert(k) } }
            var k = 0
            while k < s.tokens.count {
                let t = s.tokens[k]
                let sentenceStart = k == 0 || (k == 1 && s.tokens[0].kind == .punct)
                if covered.contains(k) || !(t.kind == .number || (t.isCapitalized && t.kind == .word)) || (sentenceStart && t.kind != .number) {
                    k += 1
                    continue
                }
                var e = k + 1
                while e < s.tokens.count, !covered.contains(e), s.tokens[e].kind == .word, s.tokens[e].isCapitalized { e += 1 }
                out.append(Unmatched(sentence: s.sentence.index, text: doc.text(Span(t.span.start, s.tokens[e - 1].span.end))))
                k = e
            }
        }
        return out
    }

    public static func text(_ doc: AnalyzedDocument, _ r: ExtractionResult) -> String {
        var o = "# \(doc.article.path)  published \(doc.article.published ?? "unknown")  outlet \(doc.article.outlet ?? "unknown")\n"
        for s in doc.sentences {
            o += "\n[\(s.sentence.index + 1)] \(s.sentence.isBoilerplate ? "(boilerplate) " : "")\(s.text)\n"
            for it in s.items where it.kind != .grammar {
                var extra: [String] = []
                if let c = it.country { extra.append(c) }
                if let v = it.value { extra.append("=\(v)") }
                if let q = it.qualifier, q != .exact { extra.append(q.rawValue) }
                if let d = it.date { extra.append("\(d.date)\(d.endDate.map { "..\($0)" } ?? "") \(d.precision.rawValue)") }
                if !it.a.isEmpty { extra.append(it.a + (it.b.isEmpty ? "" : "/" + it.b)) }
                if let t = it.title { extra.append("title: \(t)") }
                o += "    \(it.kind.rawValue) \"\(it.text)\" -> \(it.canonical) \(extra.joined(separator: " ")) [\(it.rule)]\n"
            }
        }
        o += "\n## reports\n"
        func f(_ x: Figure?) -> String { x.map { "\($0.value)\($0.qualifier == .exact ? "" : " " + $0.qualifier.rawValue)" } ?? "-" }
        for e in r.exchanges {
            o += "exchange \(e.date?.date ?? "?") \(e.status.rawValue) \(e.sideA)<-\(f(e.returnedToA)) \(e.sideB)<-\(f(e.returnedToB)) total \(f(e.total)) civ \(f(e.civiliansToA))/\(f(e.civiliansToB)) kind \(e.kind.rawValue) mediators \(e.mediators) claimant \(e.claimant?.name ?? "-") [\(e.rule)]\n"
            o += "    evidence: \(doc.text(e.span))\n"
        }
        for a in r.attacks {
            o += "attack \(a.date?.date ?? "?") \(a.attacker ?? "?")->\(a.targetCountry ?? "?") drones \(f(a.dronesLaunched))/\(f(a.dronesDowned))/\(f(a.dronesHit)) missiles \(f(a.missilesLaunched))/\(f(a.missilesDowned))/\(f(a.missilesHit)) killed \(f(a.killed)) injured \(f(a.injured)) locations \(a.locations) targets \(a.targets) claimant \(a.claimant?.name ?? "-") [\(a.rule)]\n"
            o += "    evidence: \(doc.text(a.span))\n"
        }
        for t in r.talks {
            o += "talks \(t.name) round \(t.round.map(String.init) ?? "-") at \(t.location ?? "?") \(t.startDate?.date ?? "?")..\(t.endDate ?? "") parties \(t.parties) mediators \(t.mediators) [\(t.rule)]\n"
            for d in t.delegations { o += "    delegation \(d.side): \(d.members.map { $0.name + ($0.role.map { " (\($0))" } ?? "") }.joined(separator: "; "))\n" }
        }
        o += "\n## actors\n"
        for a in r.actors { o += "\(a.ref.kind.rawValue) \(a.ref.name) \(a.ref.country ?? "-") \(a.title ?? "") \(a.aliases)\n" }
        for d in doc.article.diagnostics + r.diagnostics { o += "warning: \(d)\n" }
        return o
    }

    public static func json(_ doc: AnalyzedDocument, _ r: ExtractionResult) -> String {
        struct Out: Encodable {
            var path: String
            var published: String?
            var sentences: [String]
            var mentions: [Mention]
            var actors: [ActorRecord]
            var exchanges: [ExchangeReport]
            var attacks: [AttackReport]
            var talks: [TalksReport]
        }
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let o = Out(path: doc.article.path, published: doc.article.published, sentences: r.sentences.map { doc.text($0.span) },
                    mentions: r.mentions, actors: r.actors, exchanges: r.exchanges, attacks: r.attacks, talks: r.talks)
        return (try? String(data: enc.encode(o), encoding: .utf8) ?? "{}") ?? "{}"
    }
}
