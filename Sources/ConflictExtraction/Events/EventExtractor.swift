/// Runs the event frames over an analyzed document and merges their per-sentence findings into
/// one report per claim (DESIGN §3: a report is what one source says, with its claimant).
public struct EventExtractor: Sendable {
    public let dict: Dictionaries
    let attackFrame: AttackFrame
    let exchangeFrame: ExchangeFrame
    let talksFrame: TalksFrame
    /// Marks that start an item of a list ("- Andriy Yermak, head of ..."): grammar class `list_bullet`.
    let bullets: Set<String>
    /// capital -> ISO3 (a third country's capital is no place of an attack)
    let capitalOf: [String: String]

    public init(dictionaries: Dictionaries) {
        self.dict = dictionaries
        self.bullets = dictionaries.words("list_bullet")
        self.capitalOf = Dictionary(dictionaries.capitals().map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        self.attackFrame = AttackFrame(dict: dictionaries)
        self.exchangeFrame = ExchangeFrame(dict: dictionaries)
        self.talksFrame = TalksFrame(dict: dictionaries)
    }

    /// Sentences of one article that feed the event frames.
    public static let maxSentences = 2000

    public struct Output: Sendable {
        public var exchanges: [ExchangeReport] = []
        public var attacks: [AttackReport] = []
        public var talks: [TalksReport] = []
        public var diagnostics: [Diagnostic] = []
    }

    public func extract(_ doc: AnalyzedDocument) -> Output {
        var memory = Attribution.Memory()
        var attacks: [AttackPiece] = []
        var exchanges: [ExchangePiece] = []
        var talks: [TalksPiece] = []
        var delegations: [DelegationPiece] = []
        var previousSide: String? = nil
        // the side of an open delegation list (`.some(nil)`: each item names its side)
        var listSide: String?? = nil
        // the last attack sentence ended in ":" (a list of its places follows)
        var attackList = false
        var previousAttacked = false
        var out = Output()
        // the article's talks venues, for "X is also in Geneva"
        var venues = Set<String>()
        // news articles have tens of sentences: beyond a few thousand the input is not one article,
        // and the document-level merges would grow with the square of its length
        let sentences = doc.sentences.prefix(Self.maxSentences)
        if doc.sentences.count > Self.maxSentences {
            out.diagnostics.append(Diagnostic(.warning, "article has \(doc.sentences.count) sentences: events are taken from the first \(Self.maxSentences)", line: Self.maxSentences + 1))
        }
        let prose = sentences.filter { !$0.sentence.isBoilerplate }
        // talks pieces once per sentence: their venues serve the delegation rules of every sentence
        let talksBySentence = prose.map { talksFrame.pieces($0) }
        for p in talksBySentence.joined() { if let v = p.venue { venues.insert(v) } }
        var previousCategory: String?
        // the city the sentence before names last (nil when its last place is no city): "the city" of an attack
        // sentence that names no place
        var lastCity: String?
        // the sides that sentences with a talks word name two at a time ("American, Ukrainian and European
        // negotiators met around the same table"): the talks of the article are between some of them
        var talkSides = Set<String>()
        for (n, s) in prose.enumerated() {
            defer {
                let last = s.items.last { $0.kind == .place }
                lastCity = last.flatMap { ["city", "capital", "town"].contains($0.a) ? $0.canonical : nil }
            }
            if s.items.contains(where: { $0.isTrigger("talks", "event") }) {
                let sides = Set(s.items.compactMap { $0.kind == .country || $0.kind == .demonym ? $0.country : nil })
                if sides.count >= 2 { talkSides.formUnion(sides) }
            }
            let claimant = Attribution.claimant(s, &memory)
            var ex = exchangeFrame.pieces(s, claimant: claimant)
            // "According to him, 72 of them were civilian sailors": the civilians among the figure just before
            if ex.isEmpty, let last = exchanges.last, let c = exchangeFrame.civiliansAmong(s, after: last) {
                ex = [c]
            }
            let bullet = s.tokens.first.map { bullets.contains($0.text) } ?? false
            var attacked = false
            if !ex.isEmpty {
                exchanges += ex
            } else if let ps = attacksByDatedClause(s, claimant: claimant, previousCategory: previousCategory) {
                attacks += ps
                attacked = true
            } else if var a = attackFrame.piece(s, claimant: claimant, previousCategory: previousCategory) {
                // "The deadliest strike on the city came on 14 January 2023": the city told before
                if a.locations.isEmpty, let c = lastCity, a.hasAttackSignal || a.hasFigures,
                   s.tokens.indices.contains(where: { k in
                       k + 1 < s.tokens.count && s.tokens[k].lower == "the" && s.tokens[k + 1].lower == "city"
                           && !(k + 2 < s.tokens.count && ["of", "'s"].contains(s.tokens[k + 2].lower))
                   }) {
                    a.locations = [c]
                }
                attacks += casualtiesByClause(a, s, claimant: claimant, previousCategory: previousCategory)
                attacked = true
            } else if bullet, attackList, let i = attacks.indices.last {
                // "… destroyed 21 drones over these regions:" then "- Kursk region — 11": the list's places
                for it in s.items where it.kind == .place && !attacks[i].locations.contains(it.canonical) {
                    attacks[i].locations.append(it.canonical)
                }
            }
            // (or a heading of its own right after one: "The ministry gave the following breakdown:")
            if !bullet {
                let heading = ex.isEmpty && !s.items.contains { $0.kind == .number || $0.kind == .place }
                attackList = s.tokens.last?.text == ":" && (attacked || (heading && previousAttacked))
                previousAttacked = attacked
            }
            previousCategory = s.items.last { $0.kind == .weapon && ($0.a == "drone" || $0.a == "missile") }?.a
            talks += talksBySentence[n]
            // a delegation list: a heading ending in ":" and items that start with a bullet
            if let open = listSide, bullet {
                if let d = talksFrame.listItem(s, side: open) {
                    delegations.append(d)
                    previousSide = d.side
                }
                continue
            }
            listSide = talksFrame.listHeading(s, venues: venues, previousSide: previousSide)
            for d in talksFrame.delegations(s, previousSide: previousSide, venues: venues) {
                delegations.append(d)
                previousSide = d.side
            }
        }
        let published = doc.published.map { ResolvedDate(date: $0.iso, precision: .day) }
        // the article's dyad, for exchanges that name no side ("both sides agreed to swap ...")
        let named = Set(doc.sentences.flatMap { $0.items.filter { $0.kind == .country || $0.kind == .demonym }.compactMap(\.country) })
        let dyad = dict.conflicts.first { named.contains($0.0) && named.contains($0.1) }
        for i in exchanges.indices where exchanges[i].sides.isEmpty {
            if let d = dyad { exchanges[i].sides = [d.0, d.1] }
        }
        out.attacks = mergeAttacks(attacks, published: published, &out.diagnostics)
        out.exchanges = mergeExchanges(exchanges, published: published, &out.diagnostics)
        out.talks = mergeTalks(talks, delegations, published: published, articleParties: talkSides)
        return out
    }

    // MARK: - attacks

    /// "On 9 July it fired a record 728 drones at Ukraine, while a strike on Kyiv on 17 June killed 28 people":
    /// clauses cut at ", while" or ";" that each have a calendar date of their own are attacks of their own
    /// (nil unless two or more such clauses give pieces).
    func attacksByDatedClause(_ s: AnalyzedSentence, claimant: ActorRef?, previousCategory: String?) -> [AttackPiece]? {
        let cuts = s.tokens.indices.filter { k in
            s.tokens[k].text == ";" || (s.tokens[k].text == "," && k + 1 < s.tokens.count && s.tokens[k + 1].lower == "while")
        }
        guard !cuts.isEmpty else { return nil }
        let parts = s.clauses(cuttingAt: cuts)
        guard parts.count > 1, parts.allSatisfy({ p in
            p.items.contains { $0.kind == .date && Item.calendarDateRules.contains($0.rule) && $0.date?.precision == .day }
        }) else { return nil }
        let pieces = parts.compactMap { attackFrame.piece($0, claimant: claimant, previousCategory: previousCategory) }
        return pieces.count > 1 ? pieces : nil
    }

    /// "In Kyiv, at least 27 people died; in Kryvyi Rih, 10 people were killed": clauses between semicolons
    /// that each give a toll give one piece each (the sentence's other figures stay with the first), with
    /// the clause's places; a sentence with one such clause is one piece.
    func casualtiesByClause(_ a: AttackPiece, _ s: AnalyzedSentence, claimant: ActorRef?, previousCategory: String?) -> [AttackPiece] {
        guard a.killed != nil || a.injured != nil, s.tokens.contains(where: { $0.text == ";" }) else { return [a] }
        let parts = s.clauses(separatedBy: ";").compactMap { attackFrame.piece($0, claimant: claimant, previousCategory: previousCategory) }
            .filter { $0.killed != nil || $0.injured != nil }
        guard parts.count > 1 else { return [a] }
        return parts.enumerated().map { i, c in
            var x = a
            if i > 0 {
                x.figures = [:]
                x.breakdowns = [:]
                x.allOf = []
                x.typed = []
            }
            x.killed = c.killed
            x.injured = c.injured
            if !c.locations.isEmpty { x.locations = c.locations }
            return x
        }
    }

    func mergeAttacks(_ input: [AttackPiece], published: ResolvedDate?, _ diags: inout [Diagnostic]) -> [AttackReport] {
        var pieces = input
        // a sentence that goes on about an event dated just before keeps that date
        // the calendar date of the attack sentence right before piece i
        func dateBefore(_ i: Int) -> ResolvedDate? {
            pieces[i - 1].sentence == pieces[i].sentence - 1 && pieces[i - 1].calendarDate ? pieces[i - 1].date : nil
        }
        // "On June 22, US bombers struck ... Iran retaliated the following day": the day after it
        for i in pieces.indices.dropFirst() where pieces[i].date == nil && pieces[i].nextDay {
            if let d = dateBefore(i), d.precision == .day, let n = CivilDate(iso: d.date)?.dayNumber {
                pieces[i].date = ResolvedDate(date: CivilDate(dayNumber: n + 1).iso, precision: .day)
                pieces[i].calendarDate = true
            }
        }
        // (not one that tells of "the night": the article's night; but "in the same night" is that one)
        for i in pieces.indices.dropFirst() where pieces[i].date == nil && (!pieces[i].lastNight || pieces[i].sameDay) {
            // ("That night, ..." a few sentences after the dated one, with undated toll sentences between)
            let sameDayBefore = pieces[i].sameDay
                ? pieces[..<i].last(where: { $0.date != nil && $0.calendarDate && pieces[i].sentence - $0.sentence <= 4 })?.date : nil
            if let d = dateBefore(i) ?? sameDayBefore, d != published {
                pieces[i].date = d
                pieces[i].calendarDate = true
            }
        }
        var lastFull: AttackPiece? = nil
        for i in pieces.indices {
            if pieces[i].attacker == nil || pieces[i].target == nil, let l = lastFull, pieces[i].date == nil || pieces[i].date == l.date {
                pieces[i].attacker = pieces[i].attacker ?? l.attacker
                pieces[i].target = pieces[i].target ?? l.target
                if pieces[i].date == nil { pieces[i].date = l.date }
            }
            if pieces[i].attacker != nil && pieces[i].target != nil { lastFull = pieces[i] }
        }
        pieces.removeAll { $0.sidesOnly }
        // the article's main dyad for pieces that name neither side
        var dyads = OrderedTally()
        for p in pieces { if let a = p.attacker, let t = p.target { dyads.add("\(a)|\(t)") } }
        if let main = dyads.best()?.split(separator: "|").map(String.init) {
            for i in pieces.indices where pieces[i].attacker == nil && pieces[i].target == nil {
                pieces[i].attacker = main[0]
                pieces[i].target = main[1]
            }
        }
        var reports: [AttackReport] = []
        var extras: [Int: [String: [Figure]]] = [:]       // breakdowns per report
        var allOf: [Int: [String]] = [:]
        var pending: [AttackPiece] = []
        var lastTollUpdate = -2
        /// reports whose toll an update sentence gave ("has risen to 11"): the article's latest count
        var updatedToll = Set<Int>()
        /// reports begun by a sentence with no day and no night of its own (dated by the publication)
        var undated = Set<Int>()
        func key(_ r: AttackReport) -> String { "\(r.date?.date ?? "")|\(r.attacker ?? "")|\(r.targetCountry ?? "")" }
        func key(_ p: AttackPiece) -> String { "\((p.date ?? published)?.date ?? "")|\(p.attacker ?? "")|\(p.target ?? "")" }
        for p in pieces {
            guard p.attacker != nil || p.target != nil else {
                diags.append(Diagnostic(.warning, "attack figures with no attacker or target: skipped", line: p.sentence + 1))
                continue
            }
            let k = key(p)
            var p = p
            let updates = p.updatesToll || lastTollUpdate == p.sentence - 1
            // a smaller toll for the same attack after its latest count ("has risen to 11 ... Late on Monday,
            // he reported four dead"): an earlier stage of the count, not another report
            if !updates, p.killed != nil || p.injured != nil,
               updatedToll.contains(where: { key(reports[$0]) == k && Self.earlierCount(p, of: reports[$0]) }) {
                p.killed = nil
                p.injured = nil
            }
            if !p.hasFigures { pending.append(p); continue }
            // figures of one missile type that contradict the attack's own are its parts: left out
            if !p.typed.isEmpty, reports.contains(where: { key($0) == k && conflicts($0, p) }) {
                for t in p.typed { p.figures[t] = nil }
                p.typed = []
            }
            // the report of the same claim that does not contradict this sentence
            func sameClaim(_ i: Int) -> Bool {
                key(reports[i]) == k && (p.claimant == nil || reports[i].claimant == nil || reports[i].claimant == p.claimant)
            }
            var idx = reports.indices.first { sameClaim($0) && !conflicts(reports[$0], p) }
            // "the number killed has risen to four" (and the sentence right after it): the article's newer
            // toll replaces the one it gave before for the same attack
            if idx == nil, updates, p.killed != nil || p.injured != nil {
                func earlierToll(_ i: Int) -> Bool {
                    key(reports[i]) == k && (reports[i].killed != nil || reports[i].injured != nil) && !conflictsOnWeapons(reports[i], p)
                }
                if let j = reports.indices.last(where: { sameClaim($0) && earlierToll($0) }) {
                    if let f = p.killed { reports[j].killed = f }
                    if let f = p.injured { reports[j].injured = f }
                    var rest = p
                    rest.killed = nil
                    rest.injured = nil
                    rest.rules.append("attack.toll_update")
                    apply(rest, to: &reports[j])
                    lastTollUpdate = p.sentence
                    updatedToll.insert(j)
                    continue
                }
                // another source's earlier count ("In his first update, the governor said seven people had been
                // killed ... By early afternoon the emergency service said the number of dead had risen to 11"):
                // it is superseded, and the new count keeps its own source
                if let j = reports.indices.last(where: earlierToll) {
                    if p.killed != nil { reports[j].killed = nil }
                    if p.injured != nil { reports[j].injured = nil }
                    p.rules.append("attack.toll_update")
                    lastTollUpdate = p.sentence
                    idx = reports.indices.first { sameClaim($0) && !conflicts(reports[$0], p) }
                }
            }
            // the newer count also replaces other sources' earlier counts of the same attack ("By Tuesday evening
            // the toll stood at 14 dead", after the emergency service's 11)
            if updates, p.killed != nil || p.injured != nil {
                for j in reports.indices where j != idx && key(reports[j]) == k && (reports[j].killed != nil || reports[j].injured != nil) {
                    guard Self.earlierToll(reports[j].killed, reports[j].injured, than: p.killed ?? reports[j].killed, p.injured ?? reports[j].injured),
                          !conflictsOnWeapons(reports[j], p) else { continue }
                    if p.killed != nil { reports[j].killed = nil }
                    if p.injured != nil { reports[j].injured = nil }
                }
            }
            var r: AttackReport
            if let i = idx { r = reports[i] } else {
                r = AttackReport(date: p.date ?? published, attacker: p.attacker, targetCountry: p.target, claimant: p.claimant, span: p.span, rule: "")
            }
            apply(p, to: &r)
            if let i = idx {
                reports[i] = r
                extras[i, default: [:]].merge(p.breakdowns) { $0 + $1 }
                allOf[i, default: []] += p.allOf
            } else {
                reports.append(r)
                extras[reports.count - 1] = p.breakdowns
                allOf[reports.count - 1] = p.allOf
                if p.date == nil, !p.lastNight { undated.insert(reports.count - 1) }
            }
            if updates, p.killed != nil || p.injured != nil { updatedToll.insert(idx ?? reports.count - 1) }
        }
        // attackers and targets of figureless sentences that name their night or day: a sentence after them
        // ("explosions in Kharkiv and Kremenchuk during the attack") goes on about that attack
        let anchored = pending.filter { $0.date != nil || $0.lastNight }.map { [$0.attacker, $0.target] }
        // (the undated ones last: a summary's places are compared with the places the dated sentences gave)
        for p in pending.filter({ $0.date != nil }) + pending.filter({ $0.date == nil }) {
            if let i = reports.firstIndex(where: { key($0) == key(p) }) {
                apply(p, to: &reports[i])
            } else if p.date == nil, !p.locations.isEmpty, p.locations.allSatisfy({ l in reports.contains { $0.locations.contains(l) } }) {
                // "what we know about the Russian attacks on Odesa, Kryvyi Rih and Sumy", over attacks the
                // article dates one by one: a summary, whose places are each an attack's already
                continue
            } else if let i = reports.firstIndex(where: { $0.attacker == p.attacker && $0.targetCountry == p.target && p.date == nil }) {
                apply(p, to: &reports[i])
            } else if p.hasAttackTrigger || (p.hasAttackSignal && p.date != nil), !p.locations.isEmpty || !p.targets.isEmpty,
                      // (a target in no conflict of conflicts.tsv and no attacker: "the show ... at the Paris Nord
                      // exhibition center ... counter-drone equipment")
                      p.attacker != nil || p.target.map({ t in dict.conflicts.contains { $0.0 == t || $0.1 == t } }) == true,
                      // a sentence with no figure and no day or night of its own makes no attack ("Russia's
                      // intensified strikes on the power grid have pushed up costs"; "The attack came as ...")
                      p.date != nil || p.lastNight || anchored.contains([p.attacker, p.target]) {
                var r = AttackReport(date: p.date ?? published, attacker: p.attacker, targetCountry: p.target, claimant: p.claimant, span: p.span, rule: "")
                apply(p, to: &r)
                reports.append(r)
            }
        }
        for i in reports.indices {
            for (k, figs) in extras[i] ?? [:] where !figs.isEmpty {
                if get(reports[i], k) == nil {
                    let sum = figs.reduce(0) { $0 + $1.value }
                    set(&reports[i], k, Figure(sum, figs.count == 1 ? figs[0].qualifier : .atLeast))
                    reports[i].rule += ";attack.breakdown_sum"
                }
            }
            for k in allOf[i] ?? [] {
                let cat = k.split(separator: ".")[0]
                if get(reports[i], k) == nil, let l = get(reports[i], "\(cat).launched") {
                    set(&reports[i], k, l)
                    reports[i].rule += ";attack.all_of"
                }
            }
            if reports[i].rule.hasPrefix(";") { reports[i].rule.removeFirst() }
            // "Lithuania's president condemned the attacks and said Vilnius would push for more air defence": the
            // capital of a country that is neither side speaks for its government; it is no place of the attack
            if let a = reports[i].attacker, let t = reports[i].targetCountry {
                reports[i].locations.removeAll { l in capitalOf[l].map { $0 != a && $0 != t } ?? false }
            }
        }
        return dropRegionalParts(dropRoundedFigures(mergeUndatedRepeats(reports, undated: undated)))
    }

    /// "361 drones were destroyed over Russian territory" and "over the Bryansk region, where 92 drones were
    /// downed": a smaller number shot down that a report of the same night (date, attacker, target) tells
    /// for named places is a part of the larger one another report gives, not a figure of its own.
    func dropRegionalParts(_ input: [AttackReport]) -> [AttackReport] {
        var reports = input
        let downed: [WritableKeyPath<AttackReport, Figure?>] = [\.dronesDowned, \.missilesDowned]
        for j in reports.indices where reports[j].date != nil && !reports[j].locations.isEmpty {
            for k in downed {
                guard let f = reports[j][keyPath: k] else { continue }
                let larger = reports.indices.contains { i in
                    i != j && Self.sameNight(reports[i], reports[j]) && (reports[i][keyPath: k]?.value ?? 0) > f.value
                }
                if larger { reports[j][keyPath: k] = nil }
            }
        }
        return reports
    }

    /// Two reports of the same night: the same date, attacker and target.
    static func sameNight(_ a: AttackReport, _ b: AttackReport) -> Bool {
        a.date == b.date && a.attacker == b.attacker && a.targetCountry == b.targetCountry
    }

    /// "Russia fired more than a hundred drones" in the lead, "106 Shahed-type drones" in the air force's
    /// tally: a hedged figure of one report that an exact figure of another report of the same night
    /// (date, attacker, target, and a shared place when both name places) fits is that figure rounded, and
    /// is left out (the exact one stays). Fits: at least / more than: as large (larger) and at most half as
    /// large again; about: within a tenth; up to: not larger and at least two thirds of it. ("At least two
    /// people were hurt" in Kharkiv is no rounding of the 90 injured in Kyiv.)
    func dropRoundedFigures(_ input: [AttackReport]) -> [AttackReport] {
        var reports = input
        func fits(_ hedged: Figure, _ exact: Int) -> Bool {
            let v = hedged.value
            switch hedged.qualifier {
            case .exact: return false
            case .atLeast: return exact >= v && 2 * exact <= 3 * v
            case .moreThan: return exact > v && 2 * exact <= 3 * v
            case .about: return abs(exact - v) * 10 <= v
            case .upTo: return exact <= v && 3 * exact >= 2 * v
            }
        }
        func samePlace(_ a: AttackReport, _ b: AttackReport) -> Bool {
            a.locations.isEmpty || b.locations.isEmpty || a.locations.contains(where: b.locations.contains)
        }
        for j in reports.indices where reports[j].date != nil {
            for k in AttackReport.figureKeys {
                guard let f = reports[j][keyPath: k], f.qualifier != .exact else { continue }
                let exact = reports.indices.contains { i in
                    i != j && Self.sameNight(reports[i], reports[j]) && samePlace(reports[i], reports[j])
                        && reports[i][keyPath: k].map { $0.qualifier == .exact && fits(f, $0.value) } == true
                }
                if exact { reports[j][keyPath: k] = nil }
            }
        }
        return reports
    }

    /// "Dnipro death toll climbs to 40" (a title with no day) and "The number of people killed ... on Saturday
    /// rose to 40": a report begun by a sentence with no day of its own, whose every figure a dated report of
    /// the same sides gives too, is that report, not another attack on the day of publication.
    func mergeUndatedRepeats(_ input: [AttackReport], undated: Set<Int>) -> [AttackReport] {
        var reports = input
        var gone = Set<Int>()
        func figures(_ r: AttackReport) -> [Int?] { r.figures.map { $0?.value } }
        for j in undated.sorted() {
            let mine = figures(reports[j])
            guard mine.contains(where: { $0 != nil }) else { continue }
            let into = reports.indices.first { i in
                i != j && !undated.contains(i) && reports[i].date != reports[j].date
                    && reports[i].attacker == reports[j].attacker && reports[i].targetCountry == reports[j].targetCountry
                    && zip(mine, figures(reports[i])).allSatisfy { $0 == nil || $0 == $1 }
            }
            guard let i = into else { continue }
            for l in reports[j].locations where !reports[i].locations.contains(l) { reports[i].locations.append(l) }
            for t in reports[j].targets where !reports[i].targets.contains(t) { reports[i].targets.append(t) }
            reports[i].span = reports[i].span.union(reports[j].span)
            gone.insert(j)
        }
        return reports.indices.filter { !gone.contains($0) }.map { reports[$0] }
    }

    /// A piece's weapon figure keys ("drone.launched") -> the report's figure: the first six of
    /// `AttackReport.figureKeys`, in the same order. (Immutable; key paths are not Sendable.)
    nonisolated(unsafe) static let weaponFigures: [String: WritableKeyPath<AttackReport, Figure?>] = Dictionary(
        uniqueKeysWithValues: zip(["drone.launched", "drone.downed", "drone.hit", "missile.launched", "missile.downed", "missile.hit"],
                                  AttackReport.figureKeys))

    func get(_ r: AttackReport, _ k: String) -> Figure? { Self.weaponFigures[k].flatMap { r[keyPath: $0] } }

    func set(_ r: inout AttackReport, _ k: String, _ f: Figure) {
        if let path = Self.weaponFigures[k] { r[keyPath: path] = f }
    }

    /// A toll that can be an earlier stage of the report's count: no larger, and about no other place
    /// ("no one was injured" is no stage of a count: it is said of a place or of another attack).
    static func earlierCount(_ p: AttackPiece, of r: AttackReport) -> Bool {
        earlierToll(p.killed, p.injured, than: r.killed, r.injured) && p.locations.allSatisfy { r.locations.contains($0) }
    }

    /// Killed and injured figures that can come before the later ones in a rising count: each given one
    /// no larger than the later figure, and none zero.
    static func earlierToll(_ killed: Figure?, _ injured: Figure?, than laterKilled: Figure?, _ laterInjured: Figure?) -> Bool {
        func notLarger(_ a: Figure?, _ b: Figure?) -> Bool {
            guard let a else { return true }
            guard let b else { return false }
            return a.value > 0 && a.value <= b.value
        }
        return notLarger(killed, laterKilled) && notLarger(injured, laterInjured)
    }

    func conflictsOnWeapons(_ r: AttackReport, _ p: AttackPiece) -> Bool {
        p.figures.contains { k, f in get(r, k).map { !Self.compatible($0, f) } ?? false }
    }

    func conflicts(_ r: AttackReport, _ p: AttackPiece) -> Bool {
        if conflictsOnWeapons(r, p) { return true }
        if let a = r.killed, let b = p.killed, !Self.compatible(a, b) { return true }
        if let a = r.injured, let b = p.injured, !Self.compatible(a, b) { return true }
        return false
    }

    func apply(_ p: AttackPiece, to r: inout AttackReport) {
        for (k, f) in p.figures { if let b = Self.better(get(r, k), f) { set(&r, k, b) } }
        r.killed = Self.better(r.killed, p.killed)
        r.injured = Self.better(r.injured, p.injured)
        for l in p.locations where !r.locations.contains(l) { r.locations.append(l) }
        for t in p.targets where !r.targets.contains(t) { r.targets.append(t) }
        if r.claimant == nil { r.claimant = p.claimant }
        r.span = r.span.union(p.span)
        let rules = p.rules.isEmpty ? ["attack.context"] : p.rules
        for rule in rules where !r.rule.split(separator: ";").contains(Substring(rule)) { r.rule += (r.rule.isEmpty ? "" : ";") + rule }
    }

    // MARK: - exchanges

    func isDyad(_ sides: [String]) -> Bool {
        sides.count == 2 && dict.conflicts.contains { Set([$0.0, $0.1]) == Set(sides) }
    }

    func mergeExchanges(_ input: [ExchangePiece], published: ResolvedDate?, _ diags: inout [Diagnostic]) -> [ExchangeReport] {
        // two sides for each piece
        var defaultSides: [String]? = nil
        var pieces: [ExchangePiece] = []
        for var p in input {
            if p.sides.count == 1, let o = dict.opponent(of: p.sides[0]) { p.sides.append(o) }
            if p.sides.count > 2 {
                // prefer a known dyad among the named countries
                if let pair = dict.conflicts.first(where: { p.sides.contains($0.0) && p.sides.contains($0.1) }) { p.sides = [pair.0, pair.1] } else { p.sides = Array(p.sides.prefix(2)) }
            }
            if p.sides.count == 2 { defaultSides = defaultSides ?? p.sides }
            pieces.append(p)
        }
        // "The Russian Defense Ministry said 84 servicemen had been returned in that swap": the date of the
        // exchange in the sentence before
        // (and "On Friday, May 23, 390 Ukrainians were freed. The Russian side also received 390 people.": a
        // sentence that goes on right after a swap dated to the day keeps that day)
        for i in pieces.indices.dropFirst() where pieces[i].date == nil {
            guard pieces[i - 1].sentence == pieces[i].sentence - 1, let d = pieces[i - 1].date else { continue }
            if pieces[i].refersBack || (d.precision == .day && !pieces[i - 1].agreed && !pieces[i].agreed) { pieces[i].date = d }
        }
        // "150 Russian servicemen had come home. The same number of captured Ukrainian soldiers was handed over
        // in return": the side named gets the one figure the sentence before gave the other side
        for i in pieces.indices.dropFirst() where pieces[i].sameNumber && pieces[i].returned.isEmpty {
            let before = pieces[i - 1]
            guard before.sentence >= pieces[i].sentence - 1, before.returned.count == 1, let (x, f) = before.returned.first,
                  let y = pieces[i].sides.first(where: { $0 != x && dict.opponent(of: $0) != nil }) ?? dict.opponent(of: x) else { continue }
            pieces[i].returned[y] = f
            // "Russia got back the same numbers of servicemen and civilians"
            if pieces[i].sameNumberCivilians, let c = before.civilians[x] ?? before.unsidedCivilians, pieces[i].civilians[y] == nil {
                pieces[i].civilians[y] = c
            }
            pieces[i].sides = [x, y]
            if pieces[i].date == nil { pieces[i].date = before.date }
            pieces[i].rules.append("exchange.same_number")
        }
        // "303 Russian servicemen had been returned and were receiving medical assistance in Belarus": two sides
        // that are no dyad of conflicts.tsv, in an article whose swap is between a dyad holding the side that
        // received: that dyad
        if let d = defaultSides, isDyad(d) {
            for i in pieces.indices where pieces[i].sides.count == 2 && !isDyad(pieces[i].sides) {
                let got = Set(pieces[i].returned.keys)
                if !got.isEmpty, got.isSubset(of: Set(d)) { pieces[i].sides = d }
            }
        }
        var reports: [ExchangeReport] = []
        var explicitDate = Set<Int>()
        var intentReports = Set<Int>()
        var military: [Int: Set<String>] = [:]
        var kinds: [Int: Set<String>] = [:]
        // (the day of the article's swap, for its undated sentences: told near the top, not "The previous
        // repatriation took place on September 18" further down)
        let firstDated = pieces.first { $0.date != nil && $0.date?.precision != .month && !$0.agreed && $0.sentence < 4 }?.date
        for var p in pieces {
            if p.sides.count < 2 { p.sides = defaultSides ?? [] }
            guard p.sides.count == 2 else {
                diags.append(Diagnostic(.warning, "exchange with no identifiable sides: skipped", line: p.sentence + 1))
                continue
            }
            let sides = p.sides.sorted()
            // a swap told with the day of earlier talks ("was followed by an exchange"): around then, not on the
            // article's day (when the talks' day is the article's, the swap is the article's as before)
            if p.date == nil, let t = p.talksDay, let td = CivilDate(iso: t.date)?.dayNumber,
               let ref = (firstDated ?? published).flatMap({ CivilDate(iso: $0.date)?.dayNumber }), ref - td > 1 {
                p.date = ResolvedDate(date: String(t.date.prefix(7)), precision: .month)
                p.rules.append("exchange.talks_month")
            }
            let date = p.date ?? firstDated ?? published
            let dn = date.flatMap { CivilDate(iso: $0.date)?.dayNumber }
            if let e = p.each {
                for c in sides where p.returned[c] == nil { p.returned[c] = e }
                if let c = p.eachCivilians {
                    for x in sides where p.civilians[x] == nil { p.civilians[x] = c }
                    if p.eachMilitary { p.military.formUnion(sides) }
                }
            }
            func near(_ r: ExchangeReport, _ i: Int) -> Bool {
                guard r.sideA == sides[0], r.sideB == sides[1] else { return false }
                // a month ("the swap in November") holds the exchanges of its days
                if let m = p.date, m.precision == .month, let d = r.date?.date { return d.hasPrefix(m.date) }
                // two days the article names are two exchanges; a day only assumed is within a day of one
                if p.date != nil, explicitDate.contains(i) { return r.date?.date == p.date?.date }
                guard let a = dn, let b = r.date.flatMap({ CivilDate(iso: $0.date)?.dayNumber }) else { return r.date?.date == date?.date }
                return abs(a - b) <= 1
            }
            // completed swaps and announced ones are kept apart here; announced ones that match a
            // completed swap of the same day are folded into it below
            let status: ExchangeStatus = p.agreed ? .agreed : .completed
            var idx = reports.indices.first { i in
                near(reports[i], i) && reports[i].status == status &&
                    (p.claimant == nil || reports[i].claimant == nil || reports[i].claimant == p.claimant) && !conflicts(reports[i], p, sides)
            }
            if idx == nil, !p.hasFigures {
                // a sentence with no figure only adds to an exchange already found (or names a dated one; not
                // with a return verb alone: "dedicated the win to soldiers and civilians back home on Wednesday")
                idx = reports.indices.first { near(reports[$0], $0) && reports[$0].status == status }
                if idx == nil && (p.date == nil || p.dateOnly || !p.namesSwap) { continue }
            }
            // "The swap took place on Saturday": the day of a swap whose day was only assumed (the article's)
            if p.dateOnly, let i = idx, let d = p.date {
                if !explicitDate.contains(i) {
                    reports[i].date = d
                    explicitDate.insert(i)
                    reports[i].rule += (reports[i].rule.isEmpty ? "" : ";") + "exchange.date_anaphor"
                }
                continue
            }
            if let i = idx {
                apply(p, sides, to: &reports[i])
                military[i, default: []].formUnion(p.military)
                kinds[i, default: []].formUnion(p.kinds)
            } else {
                var r = ExchangeReport(date: date, status: p.agreed ? .agreed : .completed, sideA: sides[0], sideB: sides[1], claimant: p.claimant, span: p.span, rule: "")
                apply(p, sides, to: &r)
                reports.append(r)
                if p.intent { intentReports.insert(reports.count - 1) }
                if p.date != nil { explicitDate.insert(reports.count - 1) }
                military[reports.count - 1] = p.military
                kinds[reports.count - 1] = p.kinds
            }
        }
        var folded = Set<Int>()
        let intentful = Set(reports.indices.filter { i in intentReports.contains(i) })
        for i in reports.indices where reports[i].status == .agreed {
            if let j = reports.indices.first(where: { reports[$0].status == .completed && reports[$0].sideA == reports[i].sideA && reports[$0].sideB == reports[i].sideB && reports[$0].date?.date == reports[i].date?.date }) {
                let a = reports[i]
                func fits(_ x: Figure?, _ y: Figure?) -> Bool { x == nil || y == nil || Self.compatible(x!, y!) }
                if !intentful.contains(i) {
                    if fits(a.returnedToA, reports[j].returnedToA) && fits(a.returnedToB, reports[j].returnedToB) && fits(a.total, reports[j].total) {
                        reports[j].returnedToA = Self.better(reports[j].returnedToA, a.returnedToA)
                        reports[j].returnedToB = Self.better(reports[j].returnedToB, a.returnedToB)
                        reports[j].total = Self.better(reports[j].total, a.total)
                    }
                } else if let t = a.total, fits(t, reports[j].total) {
                    // an announced total ("would involve 314 prisoners") is kept when the swap carried out
                    // bears it out: both sides' figures add up to it, or one side's is half of it
                    let x = reports[j].returnedToA?.value, y = reports[j].returnedToB?.value
                    let sum = (x ?? 0) + (y ?? 0)
                    let expected = x != nil && y != nil ? sum : 2 * sum
                    if sum > 0, Self.compatible(t, Figure(expected, .about)) || abs(t.value - expected) * 10 <= expected {
                        reports[j].total = Self.better(reports[j].total, t)
                    }
                }
                reports[j].span = reports[j].span.union(reports[i].span)
                reports[j].rule += ";exchange.agreed_folded"
                folded.insert(i)
            }
        }
        if !folded.isEmpty {
            reports = reports.enumerated().filter { !folded.contains($0.offset) }.map(\.element)
            military = Dictionary(uniqueKeysWithValues: military.filter { !folded.contains($0.key) }.map { k, v in (k - folded.filter { $0 < k }.count, v) })
            kinds = Dictionary(uniqueKeysWithValues: kinds.filter { !folded.contains($0.key) }.map { k, v in (k - folded.filter { $0 < k }.count, v) })
        }
        for i in reports.indices {
            // a "total" that repeats one side's figure is that figure (when the two sides' figures differ: "1,000
            // bodies were handed over ... and 31 received in return", then "1,000 bodies had arrived")
            if let t = reports[i].total, t.value == reports[i].returnedToA?.value || t.value == reports[i].returnedToB?.value,
               reports[i].returnedToA?.value != reports[i].returnedToB?.value {
                reports[i].total = nil
            }
            let k = kinds[i] ?? []
            reports[i].kind = k.contains("bodies") ? .bodies : (k.contains("pow") ? .pow : (k.contains("civilians") ? .civilians : .pow))
            // soldiers' figure + the civilians beside it = everyone returned to that side (DESIGN §5)
            for side in military[i] ?? [] {
                if side == reports[i].sideA, let r = reports[i].returnedToA, let c = reports[i].civiliansToA { reports[i].returnedToA = Figure(r.value + c.value, r.qualifier) }
                if side == reports[i].sideB, let r = reports[i].returnedToB, let c = reports[i].civiliansToB { reports[i].returnedToB = Figure(r.value + c.value, r.qualifier) }
            }
            if reports[i].returnedToA == nil, let c = reports[i].civiliansToA, reports[i].kind == .civilians { reports[i].returnedToA = c }
            if reports[i].returnedToB == nil, let c = reports[i].civiliansToB, reports[i].kind == .civilians { reports[i].returnedToB = c }
        }
        return reports
    }

    func conflicts(_ r: ExchangeReport, _ p: ExchangePiece, _ sides: [String]) -> Bool {
        if let a = p.returned[sides[0]], let b = r.returnedToA, !Self.compatible(a, b) { return true }
        if let a = p.returned[sides[1]], let b = r.returnedToB, !Self.compatible(a, b) { return true }
        if let a = p.total, let b = r.total, !Self.compatible(a, b) { return true }
        return false
    }

    /// Two figures that can both be true: equal, or one hedged ("more than 1,200") and the other within it.
    static func compatible(_ a: Figure, _ b: Figure) -> Bool {
        if a.value == b.value { return true }
        func holds(_ h: Figure, _ x: Int) -> Bool {
            switch h.qualifier {
            case .exact: return false
            case .atLeast: return x >= h.value
            case .moreThan: return x > h.value
            case .upTo: return x <= h.value
            case .about: return abs(x - h.value) * 10 <= max(h.value, 1)
            }
        }
        return holds(a, b.value) || holds(b, a.value)
    }

    /// The better of two compatible figures: the exact one.
    static func better(_ old: Figure?, _ new: Figure?) -> Figure? {
        guard let o = old else { return new }
        guard let n = new else { return o }
        return o.qualifier != .exact && n.qualifier == .exact ? n : o
    }

    func apply(_ p: ExchangePiece, _ sides: [String], to r: inout ExchangeReport) {
        r.returnedToA = Self.better(r.returnedToA, p.returned[sides[0]])
        r.returnedToB = Self.better(r.returnedToB, p.returned[sides[1]])
        r.civiliansToA = Self.better(r.civiliansToA, p.civilians[sides[0]])
        r.civiliansToB = Self.better(r.civiliansToB, p.civilians[sides[1]])
        r.total = Self.better(r.total, p.total)
        if let c = p.unsidedCivilians {
            // the civilians belong to the side whose figure they are part of
            if r.returnedToA != nil && r.returnedToB == nil && r.civiliansToA == nil { r.civiliansToA = c }
            else if r.returnedToB != nil && r.returnedToA == nil && r.civiliansToB == nil { r.civiliansToB = c }
            else if let s = p.returned.keys.first, p.returned.count == 1 {
                if s == sides[0], r.civiliansToA == nil { r.civiliansToA = c }
                if s == sides[1], r.civiliansToB == nil { r.civiliansToB = c }
            }
        }
        for m in p.mediators where !r.mediators.contains(m) && m != r.sideA && m != r.sideB { r.mediators.append(m) }
        if r.claimant == nil, p.hasFigures { r.claimant = p.claimant }
        if r.date?.precision != .day, let d = p.date { r.date = d }
        r.span = r.span.union(p.span)
        let rules = p.rules.isEmpty ? ["exchange.context"] : p.rules
        for rule in rules where !r.rule.split(separator: ";").contains(Substring(rule)) { r.rule += (r.rule.isEmpty ? "" : ";") + rule }
    }

    // MARK: - talks

    func mergeTalks(_ pieces: [TalksPiece], _ delegations: [DelegationPiece], published: ResolvedDate?,
                    articleParties: Set<String> = []) -> [TalksReport] {
        struct Cluster {
            var pieces: [TalksPiece]
            var venue: String?
            var venueCountry: String?
            var venueIsCountry: Bool
            var venueIsSite = false
            var venueIsWeak: Bool { venueIsCountry || venueIsSite }
            var venueAdmin: String? = nil
            var venueIsRegion = false
            var round: Int?
            var dates: [ResolvedDate]
            var delegations: [Delegation] = []
            var span: Span
        }
        var clusters: [Cluster] = []
        var loose: [TalksPiece] = []
        /// A date as a closed range of day numbers (months and years cover their days).
        func days(_ d: ResolvedDate) -> ClosedRange<Int>? {
            if let c = CivilDate(iso: d.date) {
                let e = d.endDate.flatMap { CivilDate(iso: $0) } ?? c
                return c.dayNumber...max(c.dayNumber, e.dayNumber)
            }
            let parts = d.date.split(separator: "-").compactMap { Int($0) }
            if parts.count == 2, (1...12).contains(parts[1]) {
                return CivilDate(parts[0], parts[1], 1).dayNumber...CivilDate(parts[0], parts[1], CivilDate.daysIn(parts[0], parts[1])).dayNumber
            }
            if parts.count == 1 { return CivilDate(parts[0], 1, 1).dayNumber...CivilDate(parts[0], 12, 31).dayNumber }
            return nil
        }
        func compatibleDates(_ a: [ResolvedDate], _ b: [ResolvedDate]) -> Bool {
            let x = a.compactMap(days), y = b.compactMap(days)
            if x.isEmpty || y.isEmpty { return true }
            return x.contains { u in y.contains { v in u.lowerBound <= v.upperBound + 3 && v.lowerBound <= u.upperBound + 3 } }
        }
        func sameVenue(_ c: Cluster, _ p: TalksPiece) -> Bool {
            guard let v = p.venue else { return false }
            return c.venue == v || ((p.venueIsWeak || c.venueIsWeak) && c.venueCountry == p.venueCountry)
        }
        func add(_ p: TalksPiece, to i: Int) {
            clusters[i].pieces.append(p)
            // a city replaces a country or a site ("at the Diriyah Palace") as the venue
            if p.venue != nil, clusters[i].venue == nil || (clusters[i].venueIsWeak && !p.venueIsWeak) {
                clusters[i].venue = p.venue
                clusters[i].venueCountry = p.venueCountry
                clusters[i].venueIsCountry = p.venueIsCountry
                clusters[i].venueIsSite = p.venueIsSite
                clusters[i].venueAdmin = p.venueAdmin
                clusters[i].venueIsRegion = p.venueIsRegion
            }
            if clusters[i].round == nil { clusters[i].round = p.round }
            clusters[i].dates += p.dates
            clusters[i].span = clusters[i].span.union(p.span)
        }
        // (references last, so that they join the talks the article reports wherever they come in it)
        for p in pieces.filter({ !$0.reference }) + pieces.filter(\.reference) {
            var idx: Int? = nil
            if let r = p.round { idx = clusters.firstIndex { $0.round == r } }
            if idx == nil, p.venue != nil {
                idx = clusters.firstIndex { c in
                    guard sameVenue(c, p), c.round == nil || p.round == nil || c.round == p.round else { return false }
                    // an undated mention of a numbered round does not join talks that have dates of their own
                    if p.round != nil, p.dates.isEmpty, !c.dates.isEmpty { return false }
                    return compatibleDates(c.dates, p.dates)
                }
            }
            if idx == nil, p.venue == nil, !p.dates.isEmpty {
                idx = clusters.firstIndex { !$0.dates.isEmpty && compatibleDates($0.dates, p.dates) }
            }
            if let i = idx {
                add(p, to: i)
            } else if p.reference {
                continue
            } else if p.venue != nil || p.round != nil {
                clusters.append(Cluster(pieces: [p], venue: p.venue, venueCountry: p.venueCountry, venueIsCountry: p.venueIsCountry, venueIsSite: p.venueIsSite,
                                        venueAdmin: p.venueAdmin, venueIsRegion: p.venueIsRegion, round: p.round, dates: p.dates, span: p.span))
            } else if !p.dates.isEmpty {
                loose.append(p)
            }
        }
        // "The first talks ... ended on Monday. The meeting took place in Belarus's Gomel region": talks with
        // no date of their own take the dates of an undated-venue talks sentence at most two sentences away
        for i in clusters.indices where clusters[i].dates.isEmpty {
            let at = clusters[i].pieces[0].sentence
            if let l = loose.filter({ abs($0.sentence - at) <= 2 }).min(by: { abs($0.sentence - at) < abs($1.sentence - at) }) {
                clusters[i].dates = l.dates
                clusters[i].span = clusters[i].span.union(l.span)
            }
        }
        // talks named by country only, or by venue with no round, join fitting talks of the same place
        var merged: [Cluster] = []
        for c in clusters {
            let target = merged.firstIndex { m in
                guard m.venueCountry == c.venueCountry, m.venueCountry != nil else { return false }
                let sameCity = m.venue == c.venue && !m.venueIsCountry && !c.venueIsCountry
                // a region and a city in it ("South Florida", "Hallandale Beach")
                let inRegion = (m.venueIsRegion && c.venueAdmin != nil && c.venueAdmin == m.venue) || (c.venueIsRegion && m.venueAdmin != nil && m.venueAdmin == c.venue)
                guard sameCity || inRegion || m.venueIsWeak || c.venueIsWeak else { return false }
                guard m.round == nil || c.round == nil || m.round == c.round else { return false }
                if sameCity && m.round != nil && c.round != nil { return false }
                // ("ended their summit in Alaska", with no day, and "met on Friday ... in Anchorage": a region
                // with no date of its own and a dated city in it are one meeting)
                if inRegion, m.venueIsRegion ? m.dates.isEmpty && !c.dates.isEmpty : c.dates.isEmpty && !m.dates.isEmpty { return true }
                return !m.dates.isEmpty && !c.dates.isEmpty && compatibleDates(m.dates, c.dates)
            }
            if let j = target {
                let keepC = (merged[j].venueIsWeak && !c.venueIsWeak) || (merged[j].venueIsRegion && !c.venueIsRegion && !c.venueIsWeak)
                var x = keepC ? c : merged[j]
                let other = keepC ? merged[j] : c
                x.pieces += other.pieces
                x.dates += other.dates
                x.round = x.round ?? other.round
                x.span = x.span.union(other.span)
                merged[j] = x
            } else {
                merged.append(c)
            }
        }
        clusters = merged
        // delegations: to the talks of the same sentence, else the nearest talks before, else the first
        for d in delegations {
            var i = clusters.firstIndex { $0.pieces.contains { $0.sentence == d.sentence && !$0.inPassing } }
            if i == nil {
                // the article's main talks: the most mentioned, then the nearest before the list
                i = clusters.indices.filter { clusters[$0].venue != nil }.max { a, b in
                    let pa = clusters[a].pieces.count, pb = clusters[b].pieces.count
                    if pa != pb { return pa < pb }
                    let la = clusters[a].pieces.map(\.sentence).filter { $0 < d.sentence }.max() ?? -1
                    let lb = clusters[b].pieces.map(\.sentence).filter { $0 < d.sentence }.max() ?? -1
                    return la < lb
                }
            }
            if i == nil { i = clusters.indices.first }
            if i == nil {
                clusters.append(Cluster(pieces: [], venue: nil, venueCountry: nil, venueIsCountry: false, round: nil, dates: [], span: d.span))
                i = clusters.count - 1
            }
            let c = i!
            if let k = clusters[c].delegations.firstIndex(where: { $0.side == d.side }) {
                for m in d.members where !clusters[c].delegations[k].members.contains(where: { $0.name == m.name }) { clusters[c].delegations[k].members.append(m) }
            } else {
                clusters[c].delegations.append(Delegation(side: d.side, members: d.members))
            }
            clusters[c].span = clusters[c].span.union(d.span)
        }
        // one venue, several separate dates ("talks held in Istanbul on May 16, June 2 and July 23"):
        // one round per group of days
        var split: [Cluster] = []
        func dayGroups(_ dates: [ResolvedDate]) -> [[ResolvedDate]] {
            let ds = dates.filter { $0.precision == .day || $0.precision == .range }.compactMap { d in days(d).map { (d, $0) } }.sorted { $0.1.lowerBound < $1.1.lowerBound }
            var groups: [[ResolvedDate]] = []
            var last: Int? = nil
            for (d, r) in ds {
                if let l = last, r.lowerBound <= l + 3 { groups[groups.count - 1].append(d) } else { groups.append([d]) }
                last = max(last ?? r.upperBound, r.upperBound)
            }
            return groups
        }
        for c in clusters {
            let groups = dayGroups(c.dates)
            // (a round number keeps the cluster whole, unless one sentence lists separate days itself: "took place
            // in Abu Dhabi on 23-24 January and 4-5 February")
            guard groups.count > 1, c.round == nil || c.pieces.count == 1 || c.pieces.contains(where: { dayGroups($0.dates).count > 1 }) else { split.append(c); continue }
            for (g, ds) in groups.enumerated() {
                var x = c
                x.dates = ds
                x.round = nil
                if g < groups.count - 1 { x.delegations = [] }
                split.append(x)
            }
        }
        clusters = split
        func inConflict(_ p: String) -> Bool { dict.conflicts.contains { $0.0 == p || $0.1 == p } }
        return clusters.compactMap { c in
            guard c.venue != nil || !c.delegations.isEmpty else { return nil }
            // a month beside days ("in June", "on Monday, June 2"; "ended talks on Thursday, ... the agreement
            // signed in June"): the days
            let precise = c.dates.filter { $0.precision == .day || $0.precision == .range }
            let dates = precise.isEmpty ? c.dates : precise
            let sorted = dates.sorted { $0.date < $1.date }
            var start = sorted.first ?? published
            let ends = dates.map { $0.endDate ?? $0.date }.sorted()
            var end = ends.last
            if let s = start, s.precision == .range { start = ResolvedDate(date: s.date, precision: .day) }
            if end == start?.date { end = nil }
            var parties: [String] = []
            for p in c.pieces { for x in p.parties where !parties.contains(x) { parties.append(x) } }
            for d in c.delegations where !parties.contains(d.side) { parties.append(d.side) }
            // talks with no venue name both sides; talks whose parties are all outside the conflicts of
            // conflicts.tsv ("EU ministers met in Brussels") are about something else
            if c.venue == nil, parties.count < 2 { return nil }
            // (the sides the article's talks sentences name count too: "American, Ukrainian and European
            // negotiators met around the same table", then "The meetings, held at the Elysée Palace")
            if !parties.isEmpty, !parties.contains(where: inConflict), !articleParties.contains(where: inConflict) { return nil }
            // a meeting held in a country, no side named ("Leaders of the Group of Seven, meeting in Germany"):
            // no talks of a conflict (a city venue with no side is kept: "the Istanbul talks of May 16")
            if parties.isEmpty, c.venue != nil, c.venueIsCountry { return nil }
            // "is scheduled to meet his counterpart in Tokyo next week": talks dated after the article are not held
            if let s = start, s.precision == .day, let p = published, s.date > p.date, !c.pieces.isEmpty { return nil }
            let baseName = c.pieces.first?.name ?? "talks"
            let name = c.round.map { "\(baseName) (round \($0))" } ?? baseName
            return TalksReport(name: name, round: c.round, location: c.venue, locationCountry: c.venueCountry, startDate: start, endDate: end,
                               parties: parties.sorted(), mediators: [], delegations: c.delegations, span: c.span, rule: "talks.venue")
        }
    }
}
