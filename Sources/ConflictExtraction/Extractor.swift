import Foundation

/// The extraction pipeline for one article: text -> sentences -> mentions -> event reports.
/// Pure and thread-safe: one `Extractor` may serve many threads at once.
public final class Extractor: Sendable {
    public let dictionaries: Dictionaries
    let analyzer: DocumentAnalyzer
    let frames: EventExtractor

    public init(dictionaries: Dictionaries) {
        self.dictionaries = dictionaries
        self.analyzer = DocumentAnalyzer(dictionaries: dictionaries)
        self.frames = EventExtractor(dictionaries: dictionaries)
    }

    /// Segments and analyzes an article without building events (used by `inspect`).
    public func analyze(_ article: Article) -> AnalyzedDocument {
        analyzer.analyze(article)
    }

    /// Extracts everything from one (already normalized) article.
    public func extract(_ article: Article) -> ExtractionResult {
        let doc = analyzer.analyze(article)
        return result(doc)
    }

    public func result(_ doc: AnalyzedDocument) -> ExtractionResult {
        var result = ExtractionResult()
        result.sentences = doc.sentences.map(\.sentence)
        var actors: [ActorRef: ActorRecord] = [:]
        var order: [ActorRef] = []
        for s in doc.sentences {
            for it in s.items {
                guard let kind = Self.mentionKind(it) else { continue }
                result.mentions.append(Mention(kind: kind, span: it.span, text: it.text, canonical: it.canonical, country: it.country,
                                               subtype: it.kind == .place || it.kind == .weapon || it.kind == .trigger ? (it.a.isEmpty ? nil : it.a) : it.actorKind?.rawValue,
                                               sentence: s.sentence.index, rule: it.rule))
                guard !s.sentence.isBoilerplate, var ref = it.actorRef, it.kind != .place else { continue }
                if it.kind == .organization, it.country == nil, it.b.hasPrefix("bare:") { continue }
                ref.country = it.country
                let key = ActorRef(name: ref.name, kind: ref.kind)
                if actors[key] == nil {
                    actors[key] = ActorRecord(ref: ref, title: it.title, aliases: [])
                    order.append(key)
                }
                if actors[key]!.title == nil { actors[key]!.title = it.title }
                if actors[key]!.ref.country == nil { actors[key]!.ref.country = it.country }
                if it.text != ref.name, !actors[key]!.aliases.contains(it.text), it.kind == .person {
                    var alias = it.text
                    if alias.hasSuffix("'s") { alias.removeLast(2) }
                    if alias != ref.name, !actors[key]!.aliases.contains(alias) { actors[key]!.aliases.append(alias) }
                }
            }
        }
        let events = frames.extract(doc)
        result.exchanges = events.exchanges
        result.attacks = events.attacks
        result.talks = events.talks
        // claimants and delegation members are actors too
        func note(_ ref: ActorRef?, title: String? = nil) {
            guard let ref = ref else { return }
            let key = ActorRef(name: ref.name, kind: ref.kind)
            if actors[key] == nil {
                actors[key] = ActorRecord(ref: ref, title: title, aliases: [])
                order.append(key)
            }
        }
        for e in events.exchanges { note(e.claimant) }
        for a in events.attacks { note(a.claimant) }
        for t in events.talks { for d in t.delegations { for m in d.members { note(ActorRef(name: m.actorName, kind: .person, country: d.side), title: m.role) } } }
        result.actors = order.map { actors[$0]! }
        result.diagnostics = events.diagnostics
        return result
    }

    static func mentionKind(_ it: Item) -> MentionKind? {
        switch it.kind {
        case .country, .demonym: return .country
        case .place: return .place
        case .organization: return .organization
        case .person: return .person
        case .weapon: return .weapon
        // titles and trigger words are used by the frames but not stored as mentions: they are not
        // who, where, how many or when, and they would be half of the mentions table
        case .title, .trigger: return nil
        case .number: return .number
        case .date: return .date
        case .target, .ordinal, .grammar: return nil
        }
    }
}
