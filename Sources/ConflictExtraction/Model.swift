// The data model shared by every stage of the pipeline and by the store.
//
// Offsets: every `start`/`end` in this module is a Unicode scalar offset into `Article.body`
// (the normalized text), end exclusive. SQLite counts TEXT characters as code points, so
// `substr(body, start + 1, end - start)` returns the same text.

/// How an article was written on disk.
public enum ArticleFormat: String, Sendable, Codable {
    case frontMatter = "front_matter"
    case dateLine = "date_line"
    case plain
    case jsonl
}

/// A recoverable finding with a location: printed as `file:sentence: warning: message`.
public struct Diagnostic: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case warning, error }
    public var severity: Severity
    public var message: String
    /// 1-based sentence number (or JSONL line number for reader diagnostics), when known.
    public var line: Int?

    public init(_ severity: Severity, _ message: String, line: Int? = nil) {
        self.severity = severity
        self.message = message
        self.line = line
    }

    public var description: String {
        (line.map { "\($0): " } ?? "") + "\(severity.rawValue): \(message)"
    }
}

/// One article, as read from a file or a JSONL line, with its normalized body.
public struct Article: Sendable {
    /// The file path (for JSONL: `file.jsonl:LINE`).
    public var path: String
    public var title: String?
    public var url: String?
    public var outlet: String?
    /// Publication date, ISO `YYYY-MM-DD`, when known.
    public var published: String?
    public var description: String?
    public var declaredWordCount: Int?
    /// The normalized text every offset refers to.
    public var body: String
    public var format: ArticleFormat
    public var diagnostics: [Diagnostic]

    public init(path: String, title: String? = nil, url: String? = nil, outlet: String? = nil,
                published: String? = nil, description: String? = nil, declaredWordCount: Int? = nil,
                body: String, format: ArticleFormat, diagnostics: [Diagnostic] = []) {
        self.path = path
        self.title = title
        self.url = url
        self.outlet = outlet
        self.published = published
        self.description = description
        self.declaredWordCount = declaredWordCount
        self.body = body
        self.format = format
        self.diagnostics = diagnostics
    }

    /// Number of whitespace-separated words in the body.
    public var wordCount: Int {
        var n = 0
        var inWord = false
        for s in body.unicodeScalars {
            // ASCII answered directly (the Unicode property look-up was ~4% of an import's CPU)
            let v = s.value
            let ws = v < 0x80 ? (v == 0x20 || (v >= 0x09 && v <= 0x0D)) : s.properties.isWhitespace
            if !ws && !inWord { n += 1 }
            inWord = !ws
        }
        return n
    }
}

/// A span of the body, scalar offsets, end exclusive.
public struct Span: Sendable, Hashable, Codable, Comparable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }
    public static func < (a: Span, b: Span) -> Bool { (a.start, a.end) < (b.start, b.end) }
    public func union(_ o: Span) -> Span { Span(min(start, o.start), max(end, o.end)) }
    public var length: Int { end - start }
}

/// A sentence of the body.
public struct Sentence: Sendable, Equatable {
    public var index: Int
    public var span: Span
    /// True for photo captions, credit lines, agency boilerplate: kept in the body, not used as evidence.
    public var isBoilerplate: Bool
    public init(index: Int, span: Span, isBoilerplate: Bool = false) {
        self.index = index
        self.span = span
        self.isBoilerplate = isBoilerplate
    }
}

/// How a figure is hedged in the text.
public enum Qualifier: String, Sendable, Codable, CaseIterable {
    case exact, atLeast = "at_least", moreThan = "more_than", about, upTo = "up_to"
}

/// A number with its hedge.
public struct Figure: Sendable, Equatable, Codable {
    public var value: Int
    public var qualifier: Qualifier
    public init(_ value: Int, _ qualifier: Qualifier = .exact) {
        self.value = value
        self.qualifier = qualifier
    }
}

/// A date resolved against the publication date.
public struct ResolvedDate: Sendable, Equatable, Codable {
    public enum Precision: String, Sendable, Codable { case day, range, month, year }
    /// ISO date: `YYYY-MM-DD` (day, range start), `YYYY-MM` (month) or `YYYY` (year).
    public var date: String
    /// For ranges, the last day (ISO).
    public var endDate: String?
    public var precision: Precision
    public init(date: String, endDate: String? = nil, precision: Precision) {
        self.date = date
        self.endDate = endDate
        self.precision = precision
    }
}

/// Kinds of actor (DESIGN §5 `actors.kind`).
public enum ActorKind: String, Sendable, Codable, CaseIterable {
    case country, person, organization
    case armedForce = "armed_force"
    case governmentBody = "government_body"
}

/// A reference to an actor: the canonical name is its identity within the database.
public struct ActorRef: Sendable, Hashable, Codable {
    public var name: String
    public var kind: ActorKind
    /// ISO3 country the actor belongs to, when known.
    public var country: String?
    public init(name: String, kind: ActorKind, country: String? = nil) {
        self.name = name
        self.kind = kind
        self.country = country
    }
}

/// An actor found in an article, with everything the article says of it.
public struct ActorRecord: Sendable, Equatable, Codable {
    public var ref: ActorRef
    public var title: String?
    /// Other surface forms used for it (in this article or in the dictionaries).
    public var aliases: [String]
    public init(ref: ActorRef, title: String? = nil, aliases: [String] = []) {
        self.ref = ref
        self.title = title
        self.aliases = aliases
    }
}

/// What a mention is.
public enum MentionKind: String, Sendable, Codable, CaseIterable {
    case country, person, organization, place, weapon, number, date, title, trigger
}

/// A recognized phrase in the body.
public struct Mention: Sendable, Equatable, Codable {
    public var kind: MentionKind
    public var span: Span
    /// The surface text, `body[span]`.
    public var text: String
    /// The canonical form: actor or place name, weapon category, number as text, ISO date.
    public var canonical: String
    /// ISO3 country, for countries, places, organizations, persons, demonyms.
    public var country: String?
    /// Extra typed information: entry kind (`city`, `region`, `armed_force`, `drone`, ...).
    public var subtype: String?
    public var sentence: Int
    /// Identifier of the rule or dictionary that produced the mention.
    public var rule: String

    public init(kind: MentionKind, span: Span, text: String, canonical: String, country: String? = nil,
                subtype: String? = nil, sentence: Int, rule: String) {
        self.kind = kind
        self.span = span
        self.text = text
        self.canonical = canonical
        self.country = country
        self.subtype = subtype
        self.sentence = sentence
        self.rule = rule
    }
}

/// Exchange status (DESIGN §5).
public enum ExchangeStatus: String, Sendable, Codable { case completed, agreed }

/// Exchange kind.
public enum ExchangeKind: String, Sendable, Codable { case pow, civilians, bodies, mixed }

/// What one source says about one prisoner / civilian / body exchange.
/// Sides are ordered alphabetically: `sideA < sideB`.
public struct ExchangeReport: Sendable, Equatable, Codable {
    public var date: ResolvedDate?
    public var status: ExchangeStatus
    public var sideA: String
    public var sideB: String
    public var kind: ExchangeKind
    public var returnedToA: Figure?
    public var returnedToB: Figure?
    public var total: Figure?
    public var civiliansToA: Figure?
    public var civiliansToB: Figure?
    public var mediators: [String]
    public var claimant: ActorRef?
    /// Evidence: covering span of the evidence sentences.
    public var span: Span
    /// Rule ids that produced the report.
    public var rule: String

    public init(date: ResolvedDate? = nil, status: ExchangeStatus = .completed, sideA: String, sideB: String,
                kind: ExchangeKind = .pow, returnedToA: Figure? = nil, returnedToB: Figure? = nil,
                total: Figure? = nil, civiliansToA: Figure? = nil, civiliansToB: Figure? = nil,
                mediators: [String] = [], claimant: ActorRef? = nil, span: Span, rule: String) {
        self.date = date
        self.status = status
        self.sideA = sideA
        self.sideB = sideB
        self.kind = kind
        self.returnedToA = returnedToA
        self.returnedToB = returnedToB
        self.total = total
        self.civiliansToA = civiliansToA
        self.civiliansToB = civiliansToB
        self.mediators = mediators
        self.claimant = claimant
        self.span = span
        self.rule = rule
    }
}

/// What one source (one claimant) says about one strike wave / attack.
public struct AttackReport: Sendable, Equatable, Codable {
    public var date: ResolvedDate?
    public var attacker: String?
    public var targetCountry: String?
    public var locations: [String]
    public var targets: [String]
    public var dronesLaunched: Figure?
    public var dronesDowned: Figure?
    public var dronesHit: Figure?
    public var missilesLaunched: Figure?
    public var missilesDowned: Figure?
    public var missilesHit: Figure?
    public var killed: Figure?
    public var injured: Figure?
    public var claimant: ActorRef?
    public var span: Span
    public var rule: String

    public init(date: ResolvedDate? = nil, attacker: String? = nil, targetCountry: String? = nil,
                locations: [String] = [], targets: [String] = [], dronesLaunched: Figure? = nil,
                dronesDowned: Figure? = nil, dronesHit: Figure? = nil, missilesLaunched: Figure? = nil,
                missilesDowned: Figure? = nil, missilesHit: Figure? = nil, killed: Figure? = nil,
                injured: Figure? = nil, claimant: ActorRef? = nil, span: Span, rule: String) {
        self.date = date
        self.attacker = attacker
        self.targetCountry = targetCountry
        self.locations = locations
        self.targets = targets
        self.dronesLaunched = dronesLaunched
        self.dronesDowned = dronesDowned
        self.dronesHit = dronesHit
        self.missilesLaunched = missilesLaunched
        self.missilesDowned = missilesDowned
        self.missilesHit = missilesHit
        self.killed = killed
        self.injured = injured
        self.claimant = claimant
        self.span = span
        self.rule = rule
    }

    /// The eight figures in the `attacks` report's column order: drones launched, downed, hit; missiles
    /// launched, downed, hit; killed; injured.
    public var figures: [Figure?] { Self.figureKeys.map { self[keyPath: $0] } }

    /// The key paths of `figures`, in the same order.
    /// (immutable; key paths are not Sendable in the standard library)
    nonisolated(unsafe) public static let figureKeys: [WritableKeyPath<AttackReport, Figure?>] = [
        \.dronesLaunched, \.dronesDowned, \.dronesHit, \.missilesLaunched, \.missilesDowned, \.missilesHit, \.killed, \.injured,
    ]

    /// The strongest hedge among the figures (the `qualifier` column of the report).
    public var qualifier: Qualifier {
        figures.compactMap { $0?.qualifier }.first { $0 != .exact } ?? .exact
    }
}

/// One member of a delegation.
public struct DelegationMember: Sendable, Equatable, Codable {
    /// The name as the article writes it (its fullest mention).
    public var name: String
    public var role: String?
    public var span: Span
    /// The person actor's canonical name, when it differs from `name` (dictionary spelling).
    public var actor: String?
    public init(name: String, role: String? = nil, span: Span, actor: String? = nil) {
        self.name = name
        self.role = role
        self.span = span
        self.actor = actor
    }
    /// The name that identifies the person actor.
    public var actorName: String { actor ?? name }
}

/// A side's delegation at a round of talks.
public struct Delegation: Sendable, Equatable, Codable {
    public var side: String
    public var members: [DelegationMember]
    public init(side: String, members: [DelegationMember]) {
        self.side = side
        self.members = members
    }
}

/// What one source says about one round of talks.
public struct TalksReport: Sendable, Equatable, Codable {
    public var name: String
    public var round: Int?
    public var location: String?
    public var locationCountry: String?
    public var startDate: ResolvedDate?
    public var endDate: String?
    public var parties: [String]
    public var mediators: [String]
    public var delegations: [Delegation]
    public var span: Span
    public var rule: String

    public init(name: String, round: Int? = nil, location: String? = nil, locationCountry: String? = nil,
                startDate: ResolvedDate? = nil, endDate: String? = nil, parties: [String] = [],
                mediators: [String] = [], delegations: [Delegation] = [], span: Span, rule: String) {
        self.name = name
        self.round = round
        self.location = location
        self.locationCountry = locationCountry
        self.startDate = startDate
        self.endDate = endDate
        self.parties = parties
        self.mediators = mediators
        self.delegations = delegations
        self.span = span
        self.rule = rule
    }
}

/// Everything extracted from one article.
public struct ExtractionResult: Sendable {
    public var sentences: [Sentence]
    public var mentions: [Mention]
    public var actors: [ActorRecord]
    public var exchanges: [ExchangeReport]
    public var attacks: [AttackReport]
    public var talks: [TalksReport]
    public var diagnostics: [Diagnostic]

    public init(sentences: [Sentence] = [], mentions: [Mention] = [], actors: [ActorRecord] = [],
                exchanges: [ExchangeReport] = [], attacks: [AttackReport] = [], talks: [TalksReport] = [],
                diagnostics: [Diagnostic] = []) {
        self.sentences = sentences
        self.mentions = mentions
        self.actors = actors
        self.exchanges = exchanges
        self.attacks = attacks
        self.talks = talks
        self.diagnostics = diagnostics
    }
}
