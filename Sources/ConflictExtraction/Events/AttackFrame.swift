/// What one sentence says about a strike wave: figures by weapon and outcome, casualties, places,
/// target types, and who attacked whom. Pieces are merged per claim by `EventExtractor`.
struct AttackPiece {
    var sentence: Int
    var span: Span
    var date: ResolvedDate?
    /// "during the night", "overnight": the sentence tells of the night the article is about (no day named)
    var lastNight = false
    var attacker: String?
    var target: String?
    /// "drone.launched", "missile.downed", ... -> figure
    var figures: [String: Figure] = [:]
    /// per-location breakdowns ("22 over the Bryansk region"): used only when no total is given
    var breakdowns: [String: [Figure]] = [:]
    /// "the missiles ... impacted": every launched one of that category
    var allOf: [String] = []
    var killed: Figure?
    var injured: Figure?
    var locations: [String] = []
    var targets: [String] = []
    var claimant: ActorRef?
    var rules: [String] = []
    var hasAttackSignal = false
    /// a toll the article updates was left out ("initially reported six dead ... in the X district"): the
    /// sentence is still about the attack, and its places are the attack's
    var earlierToll = false
    /// an attack word ("struck", "launched", "attack"), not only a weapon ("would deliver interceptor missiles")
    var hasAttackTrigger = false
    /// figure keys given for one type of missile only ("all 18 Kh-101 were downed", "two of nine Iskander-M"):
    /// parts of the attack's missile figures, dropped where they contradict them
    var typed: Set<String> = []
    /// "the toll has risen to four": the sentence updates a toll given before in the article
    var updatesToll = false
    /// the date is a calendar date or weekday ("on October 7"), not an offset ("six days earlier")
    var calendarDate = false

    /// "Iran retaliated the following day": the day after the date of the attack sentence before
    var nextDay = false
    /// "In the same night, the air force said ...": the date of the attack sentence before, even for a night
    var sameDay = false
    /// a sentence that names who attacked whom and nothing else, or only an attack word and its day: it only
    /// gives its sides or its day to the sentences after it, never a report
    var sidesOnly = false

    var hasFigures: Bool { !figures.isEmpty || killed != nil || injured != nil || !breakdowns.isEmpty || !allOf.isEmpty }
}

struct AttackFrame {
    let dict: Dictionaries
    let runningTotal: RunningTotalRule

    init(dict: Dictionaries) {
        self.dict = dict
        self.runningTotal = RunningTotalRule(dict: dict)
        self.subset = PhraseSet(dict.words("subset"))
        self.tollUpdate = PhraseSet(dict.words("toll_update"))
        self.personNouns = dict.words("person_singular")
        self.nightWords = dict.words("night")
        self.speechSettings = dict.words("speech_setting")
        self.launchFillers = dict.words("launch_filler")
        self.subjectFillers = dict.words("subject_filler")
        self.causeMarkers = PhraseSet(dict.words("cause_marker"))
        self.copulas = dict.words("copula")
        self.negations = dict.words("negation")
        self.noInfo = dict.words("no_info")
        self.weaponFillers = dict.words("weapon_filler")
        self.monthLeads = dict.words("month_lead")
        self.habitual = PhraseSet(dict.words("habitual"))
        self.platforms = dict.words("platform_noun")
        self.nonCombat = PhraseSet(dict.words("non_combat"))
        self.nextDayPhrases = PhraseSet(dict.words("next_day"))
        let riverWords = dict.words("river_word")
        self.rivers = Set(dict.places.filter { p in
            p.kind == "water" && p.name.lowercased().split(separator: " ").contains { riverWords.contains(String($0)) }
        }.map(\.name))
        self.dayAfterDays = dict.grammarClass("day_after").compactMapValues { Int($0) }
        self.dayAfter = PhraseSet(Set(dayAfterDays.keys))
        self.sameDayPhrases = PhraseSet(dict.words("same_day"))
        self.clockWords = dict.words("clock_word")
        self.serviceVerbs = PhraseSet(dict.words("service_verb"))
        self.outages = PhraseSet(dict.words("outage"))
        self.afterWords = dict.words("after_word")
        self.capitals = dict.capitals()
        let cities = dict.cityNames()
        var quarters: [String: String] = [:]
        for p in dict.places where p.kind != "region" && p.kind != "water" {
            if let a = p.admin1, a != p.name, cities.contains(a), quarters[p.name] == nil { quarters[p.name] = a }
        }
        self.cityOfQuarter = quarters
        // "Port of Odesa", "Boryspil International Airport": a venue whose name is a city's with `city_venue` words
        let venueWords = dict.words("city_venue")
        let cityByLower = Dictionary(cities.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        var venues: [String: String] = [:]
        for p in dict.places where p.kind == "venue" {
            let words = p.name.lowercased().split(separator: " ")
            let rest = words.filter { !venueWords.contains(String($0)) }.joined(separator: " ")
            if rest.count < words.joined(separator: " ").count, let city = cityByLower[rest] { venues[p.name] = city }
        }
        self.cityOfVenue = venues
        self.partitives = dict.words("partitive")
        self.durationUnits = dict.words("offset_unit")
        self.earlierFigures = PhraseSet(dict.words("earlier_figure"))
    }
    /// "Seventeen of the wounded": grammar class `partitive` (a part of a toll, not a toll)
    let partitives: Set<String>
    /// "two weeks after gunmen killed 26 people": a number before these is a duration (`offset_unit`)
    let durationUnits: Set<String>
    /// "initially reported six dead", "at first": grammar class `earlier_figure` (a toll the article updates)
    let earlierFigures: PhraseSet
    /// ISO3 -> capital: "the Ukrainian capital", "Russia's capital", "the capital" of the target country
    let capitals: [String: String]
    /// "on the night of May 16-17": the night into the second day
    let nightWords: Set<String>
    /// "told reporters in Kyiv": grammar class `speech_setting`
    let speechSettings: Set<String>
    /// "Russian forces had delivered a group strike": words between a subject and its attack word
    let subjectFillers: Set<String>
    /// "retaliation for", "in response to": an attack word after these is the cause of another
    let causeMarkers: PhraseSet
    /// "were", "are": grammar class `copula`
    let copulas: Set<String>
    let negations: Set<String>
    /// "no immediate reports of casualties": grammar class `no_info`
    let noInfo: Set<String>
    /// The places inside a city that is an administrative unit of its own (Kyiv, Moscow: other places name it
    /// as admin1), name -> city.
    /// (Whether a city quarter is a location of its own, the gold files of our probe sets disagree: the quarter
    /// is kept, and its city added.)
    let cityOfQuarter: [String: String]
    /// Venues named after their city with the words of grammar class `city_venue` ("Port of Odesa",
    /// "Novorossiysk port", "Boryspil International Airport"), name -> city: a strike there is on the city.
    let cityOfVenue: [String: String]
    /// "In January, a missile strike ...": grammar class `month_lead`
    let monthLeads: Set<String>
    /// "has been regularly targeted": grammar class `habitual`
    let habitual: PhraseSet
    /// "70 missiles of various types": grammar class `weapon_filler`
    let weaponFillers: Set<String>
    /// "bombers", "jets": grammar class `platform_noun`
    let platforms: Set<String>
    /// "demonstration", "exercises", "match": grammar class `non_combat`
    let nonCombat: PhraseSet
    /// "the following day", "a day later": grammar class `next_day`
    let nextDayPhrases: PhraseSet
    /// The places of kind water with a `river_word` in their name ("Dnipro River"): no attack locations
    let rivers: Set<String>
    /// "a day after a Russian missile strike": grammar class `day_after`, phrase -> days before the date
    let dayAfterDays: [String: Int]
    let dayAfter: PhraseSet
    /// "the same night", "that day": grammar class `same_day`
    let sameDayPhrases: PhraseSet
    /// "Moscow time": grammar class `clock_word`
    let clockWords: Set<String>
    /// "which supplied electricity to", "the main source of electricity for": grammar class `service_verb`
    let serviceVerbs: PhraseSet
    /// "power cuts", "blackouts": grammar class `outage`; "after the strikes": `after_word`
    let outages: PhraseSet
    let afterWords: Set<String>
    /// "launched from the Kursk Oblast area": words between "from" and a launch site
    let launchFillers: Set<String>
    /// "including two children": a figure that is part of another
    let subset: PhraseSet
    let tollUpdate: PhraseSet
    let personNouns: Set<String>

    /// `previousCategory`: the last weapon category ("drone", "missile") of the sentence before, for "One
    /// hundred and fourteen of them were shot down" (a sentence with no weapon word of its own).
    func piece(_ s: AnalyzedSentence, claimant: ActorRef?, previousCategory: String? = nil) -> AttackPiece? {
        let items = s.items
        let hasWeapon = items.contains { $0.kind == .weapon }
        // ("described the operation as retaliation for Ukrainian attacks": the cause, another event)
        let attackTriggers = items.filter { $0.kind == .trigger && $0.a == "attack" && !isCause($0, items, s) }
        let casualtyTriggers = items.filter { $0.kind == .trigger && $0.a == "casualty" }
        // (a people noun alone is no swap: "52 people were wounded, 11 of them children")
        let exchangeish = items.contains { $0.isTrigger("exchange", "event") || $0.isTrigger("exchange", "event_people") || $0.isTrigger("exchange", "returned") }
        guard hasWeapon || !attackTriggers.isEmpty || !casualtyTriggers.isEmpty else { return nil }
        if exchangeish && !hasWeapon && attackTriggers.isEmpty { return nil }
        if runningTotal.applies(to: s, weekRanges: true) { return nil }
        // "a live demonstration ... where an interceptor drone shot down three target drones": no combat
        // (grammar class `non_combat`)
        if s.contains(anyOf: nonCombat) { return nil }
        // a subheading ("Port hit", "Drones over Kyiv"): a few words with no closing punctuation tell of nothing
        // the sentences do not tell
        if s.tokens.count <= 4, let last = s.tokens.last, last.kind == .word, !items.contains(where: { $0.kind == .number }) { return nil }
        var p = AttackPiece(sentence: s.sentence.index, span: s.sentence.span)
        p.claimant = claimant
        p.updatesToll = s.contains(anyOf: tollUpdate)
        p.hasAttackTrigger = attackTriggers.contains { $0.b == "event" || $0.b == "hit" || $0.b == "launched" || $0.b == "downed" }
        p.hasAttackSignal = hasWeapon || p.hasAttackTrigger
        var usedNumbers = Set<Int>()

        // 1. weapon figures
        var lastCategory: String? = nil
        for (n, it) in items.enumerated() {
            if it.kind == .weapon, !it.text.isEmpty {
                // "the missiles ... impacted": no number, a definite article and an outcome after
                let r0 = it.range.lowerBound
                let prevItem = n > 0 ? items[n - 1] : nil
                let numberBefore = prevItem.map { $0.kind == .number && it.range.lowerBound - $0.range.upperBound <= 3 } ?? false
                // (not "more than half of the ballistic missiles got through": a part of them)
                if !numberBefore, r0 > 0, s.tokens[r0 - 1].lower == "the", !(r0 > 1 && s.tokens[r0 - 2].lower == "of"),
                   let trig = items.dropFirst(n + 1).prefix(while: { $0.kind == .number || $0.kind == .weapon || $0.kind == .trigger }).first(where: { $0.kind == .trigger }),
                   trig.a == "attack", trig.b == "hit" || trig.b == "downed", trig.range.lowerBound - it.range.upperBound <= 8 {
                    p.allOf.append("\(it.a).\(trig.b)")
                }
                continue
            }
            guard it.kind == .number, !it.vague, let v = it.value, !isCompoundModifier(it, s), !opensSuperlative(it, s) else { continue }
            // a line of figures, "Drones shot down: 74", "Drone hits recorded: 5": a weapon and an outcome before
            // a colon right before the number
            if let (cat, sl) = labelled(items, n, s) {
                usedNumbers.insert(n)
                lastCategory = cat
                if sl != "lost", p.figures["\(cat).\(sl)"] == nil { p.figures["\(cat).\(sl)"] = Figure(v, it.qualifier ?? .exact) }
                continue
            }
            // the weapon this number counts
            var w: Item? = nil
            var wIndex = n
            var partOf: Item? = nil
            var combined = false
            var k = n + 1
            while k < items.count, items[k].range.lowerBound - it.range.upperBound <= 5 {
                let c = items[k]
                if c.kind == .weapon { w = c; wIndex = k
                    if k + 1 < items.count, items[k + 1].kind == .weapon {
                        let h = items[k + 1]
                        let gap = c.range.gap(to: h.range)
                        // "around 150 missiles and drones": a count of two kinds together (a combined count) is neither's
                        combined = c.a != h.a && [c.a, h.a].allSatisfy({ $0 == "drone" || $0 == "missile" }) && !gap.isEmpty && gap.count <= 2
                            && gap.allSatisfy({ ["and", "or", "&", "other"].contains(s.tokens[$0].lower) })
                        // "Shahed and decoy drones": take the head noun
                        if h.range.lowerBound - c.range.upperBound <= 2 { wIndex = k + 1 }
                    }
                    break }
                if c.kind == .number {
                    // "718 of the 728 drones"
                    let between = it.range.gap(to: c.range)
                    if between.allSatisfy({ ["of", "the"].contains(s.tokens[$0].lower) }), between.contains(where: { s.tokens[$0].lower == "of" }) {
                        partOf = c
                        k += 1
                        continue
                    }
                    break
                }
                if c.kind == .trigger || c.kind == .date || c.kind == .place { break }
                k += 1
            }
            if combined {
                usedNumbers.insert(n)
                continue
            }
            var category = w?.a
            // a bare number right before an outcome verb: "15 destroyed", "337 of them were shot down"
            // (the sentence before's weapons when this one has none yet and says "of them")
            if category == nil, let last = lastCategory ?? previousCategory {
                // ("of them" is a grammar item of its own)
                let nextTrig = items.dropFirst(n + 1).first { $0.kind != .grammar }
                let gapTokens = nextTrig.map { it.range.gap(to: $0.range) } ?? 0..<0
                if let t = nextTrig, t.kind == .trigger, t.a == "attack", ["downed", "hit", "lost"].contains(t.b),
                   gapTokens.count <= 4, gapTokens.allSatisfy({ ["of", "them", "which", "were", "was", "have", "been", "had", "more", "reportedly", "allegedly", ","].contains(s.tokens[$0].lower) }),
                   lastCategory != nil || gapTokens.contains(where: { s.tokens[$0].lower == "them" })
                    || (lastCategory == nil && previousCategory != nil && opensTheSentence(n, gap: gapTokens, items, s)) {
                    category = last
                }
            }
            // "launched 84 cruise missiles, and air defenses shot down 43 of them": an outcome verb right before
            // the number and "of them" after it, the sentence's weapons all of one kind (not "537 means of air
            // attack, including 477 drones and 60 missiles. ... neutralized 475 of them": all of them)
            let e0 = it.range.upperBound
            if category == nil, let last = lastCategory,
               !items[..<n].contains(where: { $0.kind == .weapon && ($0.a == "drone" || $0.a == "missile") && $0.a != last }),
               e0 + 1 < s.tokens.count, s.tokens[e0].lower == "of",
               s.tokens[e0 + 1].lower == "them", n > 0, items[n - 1].kind == .trigger, items[n - 1].a == "attack",
               ["downed", "hit"].contains(items[n - 1].b), it.range.lowerBound - items[n - 1].range.upperBound <= 1 {
                category = last
            }
            if category == nil, let last = lastCategory, isBreakdown(items, from: n, s), n + 1 < items.count,
               items[n + 1].range.lowerBound - it.range.upperBound <= 3 {
                if let sl = precedingSlot(items, before: n, s), sl != "lost" {
                    p.breakdowns["\(last).\(sl)", default: []].append(Figure(v, it.qualifier ?? .exact))
                    usedNumbers.insert(n)
                }
                continue
            }
            guard let cat = category, cat == "drone" || cat == "missile" else { continue }
            lastCategory = cat
            usedNumbers.insert(n)
            let anchor = partOf != nil ? items.firstIndex { $0.range == partOf!.range }! : n
            var slot = followingSlot(items, after: max(wIndex, anchor), s)
            if partOf != nil {
                // "60 of the 80 drones (launched by Russia) were shot down": the outcome verb after the phrase
                let outcome = items.dropFirst(max(wIndex, anchor) + 1).prefix { $0.range.lowerBound - items[max(wIndex, anchor)].range.upperBound <= 8 && $0.kind != .number }
                    .first { $0.kind == .trigger && $0.a == "attack" && ["downed", "hit", "lost"].contains($0.b) }
                slot = outcome?.b ?? precedingSlot(items, before: n, s) ?? slot
            } else if slot == nil {
                slot = precedingSlot(items, before: n, s)
                // "repelled an attack by 17 Ukrainian drones": the attack's weapons, whatever the verb before
                var b = it.range.lowerBound
                if n > 0, items[n - 1].isGrammar("qualifier"), items[n - 1].range.upperBound == b { b = items[n - 1].range.lowerBound }
                if b > 0, s.tokens[b - 1].lower == "by", items[..<n].contains(where: { $0.isTrigger("attack", "event") && $0.range.upperBound == b - 1 }) {
                    slot = "launched"
                }
            }
            if slot == nil, items[..<n].contains(where: { $0.isTrigger("attack", "event") }) { slot = "launched" }
            // "struck Ukraine with 242 drones and 36 missiles": the weapons of the attack
            if partOf == nil, slot != "downed", introducedByWith(items, n, s) { slot = "launched" }
            var typed = w.map { $0.a == "missile" && $0.b != "missile" } ?? false
            // "Eleven of the missiles were Kh-101 cruise missiles": a type named after a copula
            if !typed, let g = w, g.a == "missile", let gi = items.firstIndex(where: { $0.range == g.range }), gi + 1 < items.count,
               items[gi + 1].kind == .weapon, items[gi + 1].a == "missile", items[gi + 1].b != "missile" {
                let gap = g.range.gap(to: items[gi + 1].range)
                typed = !gap.isEmpty && gap.count <= 2 && gap.allSatisfy { copulas.contains(s.tokens[$0].lower) }
            }
            if let part = partOf, let pv = part.value {
                usedNumbers.insert(items.firstIndex { $0.range == part.range } ?? n)
                let launchedKey = "\(cat).launched"
                if p.figures[launchedKey] == nil {
                    p.figures[launchedKey] = Figure(pv, part.qualifier ?? .exact)
                    if typed { p.typed.insert(launchedKey) }
                }
            }
            guard let sl = slot, sl != "event" else { continue }
            if sl == "lost" { continue }
            let key = "\(cat).\(sl)"
            var fig = Figure(v, it.qualifier ?? .exact)
            // "None of the three missiles was intercepted": the outcome's figure is 0 (the number is how many
            // were launched)
            if noneOf(before: it.range.lowerBound, s) {
                fig = Figure(0)
                if sl != "launched", p.figures["\(cat).launched"] == nil { p.figures["\(cat).launched"] = Figure(v, it.qualifier ?? .exact) }
            }
            if typed, p.figures[key] == nil { p.typed.insert(key) }
            // "destroyed 64 drones over the Bryansk, Kursk and Rostov regions, including 21 over the Bryansk
            // region": a figure whose parts follow is the total, not a breakdown
            let partsFollow = p.figures[key] == nil && items.dropFirst(n + 1).contains { $0.kind == .number && subset.ends(before: $0.range.lowerBound, in: s.tokens) }
            // "Forty-two of them were destroyed over the Saratov Region, 31 over ..., while another 16 were
            // neutralized over the waters of the Sea of Azov": one more part of the breakdown
            let anotherPart = p.breakdowns[key] != nil && it.range.lowerBound > 0 && ["another", "further"].contains(s.tokens[it.range.lowerBound - 1].lower)
            if (isBreakdown(items, from: max(wIndex, n), s) || anotherPart), !partsFollow {
                p.breakdowns[key, default: []].append(fig)
            } else if p.figures[key] == nil {
                p.figures[key] = fig
            }
            p.rules.append("attack.figure.\(sl)")
        }

        // "adding that none of them had been shot down", "Neither of the ballistic missiles was intercepted":
        // no number, a negation, "of", then "them" (the sentence's last weapons) or a weapon, and an outcome verb
        for k in s.tokens.indices where k + 2 < s.tokens.count && negations.contains(s.tokens[k].lower) && s.tokens[k + 1].lower == "of" {
            var cat: String? = nil
            var typed = false
            var after = k + 2
            if s.tokens[after].lower == "them" {
                cat = items.last(where: { $0.kind == .weapon && $0.range.upperBound <= k && ($0.a == "drone" || $0.a == "missile") })?.a ?? previousCategory
                after += 1
            } else {
                if s.tokens[after].lower == "the" { after += 1 }
                if let w = items.first(where: { $0.kind == .weapon && $0.range.lowerBound == after }), w.a == "drone" || w.a == "missile" {
                    cat = w.a
                    typed = w.a == "missile" && w.b != "missile"
                    after = w.range.upperBound
                }
            }
            guard let c = cat, let trig = items.first(where: { $0.kind == .trigger && $0.a == "attack" && $0.range.lowerBound >= after }),
                  trig.b == "downed" || trig.b == "hit", trig.range.lowerBound - after <= 4,
                  !items.contains(where: { $0.kind == .number && $0.range.lowerBound >= k && $0.range.upperBound <= trig.range.lowerBound }) else { continue }
            let key = "\(c).\(trig.b)"
            if p.figures[key] == nil {
                p.figures[key] = Figure(0)
                // ("Neither of the ballistic missiles": one type's figure, a part of the attack's)
                if typed { p.typed.insert(key) }
                p.rules.append("attack.figure.none")
            }
        }

        // 2. casualties
        for n in items.indices where items[n].kind == .number && !items[n].vague && !usedNumbers.contains(n) {
            let it = items[n]
            guard let v = it.value, !isCompoundModifier(it, s) else { continue }
            let after = it.range.upperBound
            if after + 1 < s.tokens.count, s.tokens[after].lower == "of", ["them", "whom"].contains(s.tokens[after + 1].lower) { continue }
            // "Seventeen of the wounded were taken to hospital": a part of a toll given elsewhere
            if after + 2 < s.tokens.count, s.tokens[after].lower == "of", partitives.contains(s.tokens[after + 1].lower),
               items.dropFirst(n + 1).first(where: { $0.range.lowerBound == after + 2 }).map({ $0.kind == .trigger && $0.a == "casualty" }) == true { continue }
            // "two weeks after gunmen killed 26 people": a duration, not a count
            if after < s.tokens.count, durationUnits.contains(s.tokens[after].lower) { continue }
            // "initially reported six dead", "At first, officials reported 12 injured": a toll the article updates
            if followsEarlierFigure(it.range.lowerBound, s) {
                p.earlierToll = true
                continue
            }
            // "another woman, 71, died": an age between commas after a person noun
            let b0 = it.range.lowerBound
            // (or after a name: "the captain, Murat Aydin, 56, suffered shrapnel wounds")
            if b0 >= 2, s.tokens[b0 - 1].text == ",", personNouns.contains(s.tokens[b0 - 2].lower) || (n > 0 && items[n - 1].kind == .person && items[n - 1].range.upperBound == b0 - 1),
               after < s.tokens.count, s.tokens[after].text == "," { continue }
            // "killed 34 people, including two children, and wounded 117": a part of another toll is not a toll
            let qualifierStart = n > 0 && items[n - 1].isGrammar("qualifier") && it.range.lowerBound - items[n - 1].range.upperBound <= 0
                ? items[n - 1].range.lowerBound : it.range.lowerBound
            if subset.ends(before: it.range.lowerBound, in: s.tokens) || subset.ends(before: qualifierStart, in: s.tokens) { continue }
            var slot: String? = nil
            // "the number of people killed ... has risen to four", "bringing the number killed to at least
            // five": after a toll update, the number after "to" is the toll of the casualty word before it
            if p.updatesToll, qualifierStart > 0, ["to", "at"].contains(s.tokens[qualifierStart - 1].lower),
               tollUpdate.occurs(in: Array(s.tokens[..<qualifierStart])),
               let c = items[..<n].last(where: { $0.kind == .trigger && $0.a == "casualty" }), it.range.lowerBound - c.range.upperBound <= 30 {
                slot = c.b
            }
            // "killed at least four people", "killing 4": a casualty verb right before the number
            if let pi = items[..<n].lastIndex(where: { !$0.isGrammar("qualifier") }), items[pi].kind == .trigger, items[pi].a == "casualty",
               it.range.lowerBound - items[pi].range.upperBound <= 3,
               items[pi].range.gap(to: it.range).allSatisfy({ k in items.contains { $0.range.contains(k) && $0.isGrammar("qualifier") } }) {
                slot = items[pi].b
            }
            // NUM [people] [were|was|have been] killed/injured; ", including a child," in between is skipped
            var aside = subsetAside(s, from: after)
            // (or an apposition: "Five foreign sailors, crew members of the ship, were injured")
            if aside.isEmpty { aside = appositionAside(items, s, from: after) }
            for c in items.dropFirst(n + 1) where slot == nil {
                if aside.contains(c.range.lowerBound) { continue }
                if c.range.lowerBound - after - (aside.lowerBound < c.range.lowerBound ? aside.count : 0) > 5 { break }
                if c.kind == .trigger, c.a == "casualty" { slot = c.b; break }
                if c.isTrigger("exchange", "people") { continue }   // "one civilian was killed"
                if c.kind == .trigger, c.a == "delegation" { continue }   // "14 crew members was hurt"
                // "a man and a woman were killed": the second of a chain of singular people (counted below)
                if c.kind == .number, c.value == 1, v == 1, c.range.lowerBound > 0, s.tokens[c.range.lowerBound - 1].lower == "and",
                   ["a", "an"].contains(s.tokens[c.range.lowerBound].lower) { continue }
                if c.kind == .number || c.kind == .weapon || c.kind == .trigger { break }
            }
            // killing/wounding NUM people
            if slot == nil, n > 0, items[n - 1].kind == .trigger, items[n - 1].a == "casualty", it.range.lowerBound - items[n - 1].range.upperBound <= 1,
               items[n - 1].text.lowercased().hasSuffix("ing") || items[n - 1].text.lowercased().hasSuffix("to") {
                slot = items[n - 1].b
            }
            guard var sl = slot else { continue }
            // "the number of casualties had risen to 11, all of them wounded": casualties of one kind
            if sl == "casualties",
               let c = items.dropFirst(n + 1).first(where: { $0.kind == .trigger && $0.a == "casualty" && ($0.b == "killed" || $0.b == "injured") }),
               c.range.lowerBound >= it.range.upperBound, c.range.lowerBound - it.range.upperBound <= 6,
               s.tokens[it.range.upperBound..<c.range.lowerBound].contains(where: { $0.lower == "all" }) {
                sl = c.b
            }
            // "killing a man and a woman": singular people joined by "and" add up
            var count = v
            if count == 1, ["a", "an"].contains(s.tokens[it.range.lowerBound].lower) {
                var m = n
                while let x = items.indices.first(where: { $0 > m && items[$0].kind == .number }), items[x].value == 1,
                      ["a", "an"].contains(s.tokens[items[x].range.lowerBound].lower) {
                    // "a man and a": the noun and "and" between the two
                    let gap = items[m].range.gap(to: items[x].range)
                    guard gap.count == 2, s.tokens[gap.upperBound - 1].lower == "and" else { break }
                    count += 1
                    m = x
                    usedNumbers.insert(x)
                }
            }
            // "a 9-year-old girl is among the dead": one of a toll, not the toll
            if let c = items.dropFirst(n + 1).first(where: { $0.kind == .trigger && $0.a == "casualty" }),
               s.tokens[min(max(after, c.range.lowerBound - 3), c.range.lowerBound)..<c.range.lowerBound].contains(where: { $0.lower == "among" }) { continue }
            var fig = Figure(count, it.qualifier ?? .exact)
            // "None of the 14 crew members was hurt": nobody (and, as with "no one was hurt", nobody killed)
            if noneOf(before: qualifierStart, s) {
                fig = Figure(0)
                if sl == "injured", p.killed == nil { p.killed = Figure(0) }
            }
            switch sl {
            case "killed": if p.killed == nil { p.killed = fig }
            case "injured": if p.injured == nil { p.injured = fig }
            default: break
            }
            p.rules.append("attack.casualty.\(sl)")
        }
        // "no injuries or deaths", "there were no casualties"
        for n in items.indices where items[n].isGrammar("negation") {
            let it = items[n]
            for c in items.dropFirst(n + 1).prefix(4) where c.kind == .trigger && c.a == "casualty" && c.range.lowerBound - it.range.upperBound <= 5 {
                // ("made no mention of casualties", "no immediate reports of casualties": nothing is known)
                if it.range.gap(to: c.range).contains(where: { noInfo.contains(s.tokens[$0].lower) }) { break }
                // ("no one was hurt": nobody was killed either)
                if c.b == "killed" || c.b == "casualties" || it.b == "person", p.killed == nil { p.killed = Figure(0) }
                if c.b == "injured" || c.b == "casualties", p.injured == nil { p.injured = Figure(0) }
                p.rules.append("attack.casualty.none")
            }
        }

        // 3. places and targets
        for (n, it) in items.enumerated() {
            if it.kind == .target, p.hasAttackSignal || p.hasFigures { if !p.targets.contains(it.canonical) { p.targets.append(it.canonical) } }
            // "the Ukrainian capital", "Russia's capital"
            if it.kind == .country || it.kind == .demonym, let c = it.country, let cap = capitals[c],
               s.capitalWord(after: it, possessive: true) != nil, p.hasAttackSignal || p.hasFigures, !p.locations.contains(cap) {
                p.locations.append(cap)
            }
            // "a ship in the port of Odesa": the venue's city (a venue is never a location itself)
            if it.kind == .place, it.a == "venue", p.hasAttackSignal || p.hasFigures, let city = cityOfVenue[it.canonical],
               !p.locations.contains(city) {
                p.locations.append(city)
            }
            guard it.kind == .place, isLocation(items, n, s) else { continue }
            // a quarter of a city that is its own administrative unit ("the Sviatoshynskyi district", "the
            // capital's Kapotnya district": places whose admin1 is that city) is also a strike on its city
            if let city = cityOfQuarter[it.canonical], !p.locations.contains(city) { p.locations.append(city) }
            if !p.locations.contains(it.canonical) { p.locations.append(it.canonical) }
        }

        // 4. date: the first day-precise date of the sentence; "overnight on Jan. 12": the explicit date
        // ("since March 22, when Russia launched 88 missiles": the when-clause tells of that day)
        let dayDates = items.filter { $0.kind == .date && ($0.date?.precision == .day || $0.date?.precision == .range)
            && (!precededBy($0, ["since", "until"], s) || s.opensWhenClause(after: $0)) }
        var dateItem = dayDates.first
        if let d = dateItem, d.rule == "date.relative_day", dayDates.count > 1, dayDates[1].range.lowerBound - d.range.upperBound <= 2 {
            dateItem = dayDates[1]
        }
        // "The overnight barrage was the largest since March 11, when Russia said it had shot down 337 drones":
        // with every figure in the when-clause, the sentence's figures are of that day
        if let w = dayDates.first(where: { precededBy($0, ["since"], s) && s.opensWhenClause(after: $0) }),
           !items.contains(where: { $0.kind == .number && $0.range.lowerBound < w.range.lowerBound }) {
            dateItem = w
        }
        // "Less than two weeks earlier, on April 4, ...": the calendar date, not the offset from the story's day
        if let d = dateItem, d.rule == "date.offset", let c = dayDates.first(where: { Item.calendarDateRules.contains($0.rule) }) {
            dateItem = c
        }
        // "The emergency service said on Monday that 35 people died ... on Sunday": the day of the statement is
        // not the day of the attack when the sentence has another
        if let d = dateItem, dayDates.count > 1, isStatementDay(d, items, s), let other = dayDates.first(where: { $0.range != d.range }) {
            dateItem = other
        }
        p.date = dateItem?.date
        if let d = dateItem, let r = d.date, r.precision == .day, let a = CivilDate(iso: r.date)?.dayNumber {
            // "from 11 p.m. on August 22 to 7 a.m. on August 23": the night ends on the second day
            if let i = dayDates.firstIndex(where: { $0.range == d.range }), i + 1 < dayDates.count,
               let r2 = dayDates[i + 1].date, r2.precision == .day, CivilDate(iso: r2.date)?.dayNumber == a + 1,
               // (one clause: "killed on Tuesday evening has risen to nine, the mayor said on Wednesday" is no span)
               d.range.gap(to: dayDates[i + 1].range).count <= 10,
               !d.range.gap(to: dayDates[i + 1].range).contains(where: { s.tokens[$0].text == "," }),
               d.range.gap(to: dayDates[i + 1].range).contains(where: { ["to", "until", "till", "into"].contains(s.tokens[$0].lower)
                   // "between 11 p.m. on March 10 and 7 a.m. on March 11"
                   || (s.tokens[$0].lower == "and" && s.tokens[max(0, d.range.lowerBound - 8)..<d.range.lowerBound].contains { $0.lower == "between" })
                   // "late on Monday and early Tuesday"
                   || (s.tokens[$0].lower == "and" && (d.range.gap(to: dayDates[i + 1].range).contains { s.tokens[$0].lower == "early" }
                       || s.tokens[max(0, d.range.lowerBound - 2)..<d.range.lowerBound].contains { $0.lower == "late" })) }) {
                p.date = r2
            } else if d.rule == "date.weekday", nightWords.contains(s.tokens[d.range.upperBound - 1].lower)
                        || (d.range.upperBound < s.tokens.count && nightWords.contains(s.tokens[d.range.upperBound].lower)) {
                // "on Sunday night": the night into Monday
                p.date = ResolvedDate(date: CivilDate(dayNumber: a + 1).iso, precision: .day)
            }
        }
        // "the night of May 16-17": the night into the 17th (a night is dated by the morning it ends)
        if let d = dateItem, let r = d.date, r.precision == .range, let end = r.endDate,
           let a = CivilDate(iso: r.date)?.dayNumber, let b = CivilDate(iso: end)?.dayNumber, b == a + 1,
           d.range.lowerBound >= 2, s.tokens[d.range.lowerBound - 1].lower == "of",
           nightWords.contains(s.tokens[d.range.lowerBound - 2].lower) {
            p.date = ResolvedDate(date: end, precision: .day)
        }
        // "In January, a missile strike on a block of flats in the city killed 46 people": one attack (a singular
        // attack word after a/an/the) with a toll, known to the month (grammar class `month_lead` before it)
        if p.date == nil, p.killed != nil || p.injured != nil,
           let m = items.first(where: { $0.kind == .date && $0.date?.precision == .month && $0.range.lowerBound > 0
               && monthLeads.contains(s.tokens[$0.range.lowerBound - 1].lower) }),
           items.contains(where: { it in
               it.isTrigger("attack", "event") && !it.text.lowercased().hasSuffix("s")
                   && s.tokens[max(0, it.range.lowerBound - 3)..<it.range.lowerBound].contains { ["a", "an", "the"].contains($0.lower) }
           }) {
            p.date = m.date
            p.rules.append("attack.month")
        }
        // "searched the rubble on Tuesday, a day after a Russian missile strike killed 18": the attack was the
        // day before (grammar class `day_after`: the phrase and its number of days)
        if let d = dateItem, let r = p.date, r.precision == .day, let day = CivilDate(iso: r.date)?.dayNumber,
           // ("said on Wednesday that pieces of a drone had been found on its territory, two days after Russia
           // bombarded the port": the phrase further on, after a comma, with no figure before it)
           let k = (d.range.upperBound..<s.tokens.count).first(where: { k in
               dayAfter.starts(at: k, in: s.tokens) && (k - d.range.upperBound <= 8
                   || (s.tokens[k - 1].text == "," && !items.contains { $0.kind == .number && $0.range.upperBound <= k }))
           }) {
            let end = k + dayAfter.longest(at: k, in: s.tokens)
            if let days = dayAfterDays[s.tokens[k..<end].map(\.lower).joined(separator: " ")],
               items.contains(where: { ($0.isTrigger("attack") || $0.kind == .weapon) && $0.range.lowerBound >= end && $0.range.lowerBound - end <= 4 }) {
                p.date = ResolvedDate(date: CivilDate(dayNumber: day - days).iso, precision: .day)
                p.rules.append("attack.day_after")
            }
        }
        p.lastNight = s.tokens.contains { nightWords.contains($0.lower) || $0.lower == "overnight" }
        p.nextDay = p.date == nil && s.contains(anyOf: nextDayPhrases)
        p.sameDay = p.date == nil && s.contains(anyOf: sameDayPhrases)
        p.calendarDate = dateItem.map { Item.calendarDateRules.contains($0.rule) } ?? false

        // 5. attacker and target
        sides(&p, s)
        // "the capital" with no country named: the target's, now that the sides are known
        if p.hasAttackSignal || p.hasFigures, let t = p.target, let cap = capitals[t], !p.locations.contains(cap),
           s.tokens.indices.contains(where: { k in k > 0 && s.tokens[k].lower == "capital" && s.tokens[k - 1].lower == "the" }) {
            p.locations.append(cap)
        }
        guard p.hasFigures || ((p.hasAttackSignal || p.earlierToll) && (!p.locations.isEmpty || !p.targets.isEmpty)) else {
            // "Overnight, Russia attacked Ukraine with drones and missiles.": no report of its own, but the sides
            // for the sentences after it ("In total, the enemy used 38 missiles")
            guard p.hasAttackTrigger else { return nil }
            if p.attacker == nil || p.target == nil || !sidesNamed(s) {
                // "The building was hit during a wave of strikes on Saturday afternoon.": no report and no sides,
                // but the day of the sentence after it ("Russia had fired 38 missiles that day")
                guard p.date != nil, p.calendarDate else { return nil }
                p.attacker = nil
                p.target = nil
            }
            p.sidesOnly = true
            return p
        }
        // "Russia has intensified its bombardment of the energy system since the autumn": a trend, no attack
        if !p.hasFigures, runningTotal.hasPerfectTense(s), s.tokens.contains(where: { $0.lower == "since" }) { return nil }
        // "Dnipro has been regularly targeted by Russian missiles": a habit (grammar class `habitual`), no attack
        // (not inside a relative clause: "drones attacked the port, which has been key to grain exports in recent
        // months" tells an attack)
        if !p.hasFigures, p.date == nil,
           s.tokens.indices.contains(where: { habitual.starts(at: $0, in: s.tokens) && !s.inRelativeClause($0) }) { return nil }
        return p
    }

    /// The tokens of ", including ...," starting within two tokens of `from` (its commas included), or an
    /// empty range.
    func subsetAside(_ s: AnalyzedSentence, from: Int) -> Range<Int> {
        for c in from..<min(from + 3, s.tokens.count) where s.tokens[c].text == "," && subset.starts(at: c + 1, in: s.tokens) {
            if let close = s.tokens[(c + 1)...].firstIndex(where: { $0.text == "," }) { return c..<(close + 1) }
        }
        return 0..<0
    }

    /// "Five foreign sailors, crew members of the ship, were injured", "A 60-year-old man, a port worker,
    /// died": a phrase between commas right after the counted people (at most three words after the number),
    /// with no figure, weapon, date or attack or casualty word of its own, and the casualty word right after
    /// it. Empty when there is none.
    func appositionAside(_ items: [Item], _ s: AnalyzedSentence, from: Int) -> Range<Int> {
        let t = s.tokens
        guard let open = (from..<min(from + 4, t.count)).first(where: { t[$0].text == "," }),
              let close = t[(open + 1)..<min(open + 14, t.count)].firstIndex(where: { $0.text == "," }), close > open + 1 else { return 0..<0 }
        for it in items where it.range.lowerBound > open && it.range.lowerBound < close {
            switch it.kind {
            // ("an employee of the port": one person, not a figure)
            case .number where it.value == 1 && ["a", "an"].contains(t[it.range.lowerBound].lower): continue
            case .number, .weapon, .date: return 0..<0
            case .trigger where it.a == "attack" || it.a == "casualty": return 0..<0
            default: continue
            }
        }
        let said = items.contains { $0.kind == .trigger && $0.a == "casualty" && $0.range.lowerBound > close && $0.range.lowerBound <= close + 3 }
        return said ? open..<(close + 1) : 0..<0
    }

    func precededBy(_ it: Item, _ words: Set<String>, _ s: AnalyzedSentence) -> Bool {
        let k = it.range.lowerBound
        return k > 0 && words.contains(s.tokens[k - 1].lower)
    }

    /// An outcome verb right after a weapon phrase: "156 drones were shot down", "13 missiles launched".
    func followingSlot(_ items: [Item], after n: Int, _ s: AnalyzedSentence) -> String? {
        var end = items[n].range.upperBound
        var k = n + 1
        while k < items.count {
            let c = items[k]
            if c.range.lowerBound - end > 4 { return nil }
            if c.kind == .number {
                // "52 drones and 26 missiles managed to strike", "14 drones and all three missiles were
                // destroyed": skip a coordinated weapon phrase
                let gap = (end..<end).gap(to: c.range)
                if gap.contains(where: { s.tokens[$0].lower == "and" }), gap.allSatisfy({ ["and", "all", "both", "the"].contains(s.tokens[$0].lower) }),
                   k + 1 < items.count, items[k + 1].kind == .weapon {
                    end = items[k + 1].range.upperBound
                    k += 2
                    continue
                }
                return nil
            }
            if c.kind == .trigger, c.a == "attack" {
                let b = c.range.lowerBound
                if c.b == "event" {
                    if b > 0, s.tokens[b - 1].lower == "to" { return "hit" }
                    k += 1
                    continue
                }
                let gap = (end..<end).gap(to: c.range)
                if gap.contains(where: { s.tokens[$0].text == "," }) && c.b == "launched" { return nil }
                // ("launched 84 cruise missiles, and air defenses shot down 43 of them": a new subject after the
                // comma, the verb of another clause)
                if gap.contains(where: { s.tokens[$0].text == "," }), items[(n + 1)..<k].contains(where: { [.organization, .country, .demonym, .person].contains($0.kind) }) { return nil }
                return c.b
            }
            k += 1
        }
        return nil
    }

    /// The nearest outcome verb before a number in the same sentence ("shot down 296 drones").
    func precedingSlot(_ items: [Item], before n: Int, _ s: AnalyzedSentence) -> String? {
        var k = n - 1
        while k >= 0 {
            let c = items[k]
            if c.kind == .trigger, c.a == "attack", c.b != "event" { return c.b }
            k -= 1
        }
        return nil
    }

    /// "22 over the Bryansk region": a per-location part of a total.
    func isBreakdown(_ items: [Item], from n: Int, _ s: AnalyzedSentence) -> Bool {
        let end = items[n].range.upperBound
        for c in items.dropFirst(n + 1) {
            if c.range.lowerBound - end > 8 { return false }
            if c.kind == .number { return false }
            if c.kind == .place {
                var k = c.range.lowerBound - 1
                while k >= end {
                    let w = s.tokens[k].lower
                    if w == "over" || w == "in" { return true }
                    // ("over the territory of the Bryansk region", "in the skies over ...")
                    if !["the", "western", "eastern", "northern", "southern", "central", "border", "southwestern", "southeastern", "northwestern", "northeastern", "territory", "of", "skies", "airspace"].contains(w) { return false }
                    k -= 1
                }
                return false
            }
        }
        return false
    }

    /// "initially reported six dead", "At first, officials reported 12 injured": an `earlier_figure` phrase in
    /// the eight tokens before `t`, with no ";", "but", "later" or "now" between (the figure the article updates).
    func followsEarlierFigure(_ t: Int, _ s: AnalyzedSentence) -> Bool {
        var k = t - 1
        while k >= 0, t - k <= 8 {
            if [";", "but", "later", "now"].contains(s.tokens[k].lower) { return false }
            if earlierFigures.ends(before: k + 1, in: s.tokens) { return true }
            k -= 1
        }
        return false
    }

    /// "said on Monday", "said Monday": a date right after an attribution verb (and "on")
    func isStatementDay(_ d: Item, _ items: [Item], _ s: AnalyzedSentence) -> Bool {
        var b = d.range.lowerBound
        if b > 0, s.tokens[b - 1].lower == "on" { b -= 1 }
        return items.contains { $0.range.upperBound == b && $0.isTrigger("claim") }
    }

    /// A place is a location of the attack unless it is a dateline, a speaker ("Kyiv said"),
    /// a launch site ("from Kursk"), part of a title ("Volyn Governor") or a possessive ("Moscow's").
    func isLocation(_ items: [Item], _ n: Int, _ s: AnalyzedSentence) -> Bool {
        let it = items[n]
        if it.text.count > 3, it.text.uppercased() == it.text { return false }
        if it.a == "venue" { return false }
        // "a pedestrian bridge over the Dnieper", "a city on the Dnipro river": a river describes where things
        // are (grammar class `river_word` in the name of a place of kind water)
        if rivers.contains(it.canonical) { return false }
        let e = it.range.upperBound
        if n + 1 < items.count {
            let next = items[n + 1]
            if next.range.lowerBound == e || next.range.lowerBound == e + 1 && s.tokens[e].lower == "'s" {
                // ("Officials in the northeastern Kharkiv region said": a place after "in" is where they are)
                var k = it.range.lowerBound - 1
                while k >= 0, it.range.lowerBound - k <= 3, s.tokens[k].kind == .word, !s.tokens[k].isCapitalized, s.tokens[k].lower != "in" { k -= 1 }
                // (not a capital: "the ministry in Moscow said" is the government)
                let afterIn = k >= 0 && s.tokens[k].lower == "in" && it.a != "capital"
                if next.kind == .title || (next.isTrigger("claim") && !afterIn) || next.kind == .person { return false }
            }
        }
        let b = it.range.lowerBound
        if isLaunchSite(items, n, s) { return false }
        // "the Istanbul-based operator": a place joined to the next word by a hyphen describes something
        if isCompoundModifier(it, s) { return false }
        // "20:00 Moscow time": a time zone (grammar class `clock_word`)
        if e < s.tokens.count, clockWords.contains(s.tokens[e].lower) { return false }
        if servedArea(items, n, s) { return false }
        // "Emergency power cuts were introduced in the Odesa and Mykolaiv regions after the strikes": a place
        // nearer to an `outage` phrase than to the sentence's own attack words (not those after an
        // `after_word`: "after the strikes" names what caused the outage) is where the power went out
        if outages.occurs(in: s.tokens) {
            let outageAt = s.tokens.indices.filter { outages.starts(at: $0, in: s.tokens) }
            let own = items.filter { trig in
                guard trig.kind == .trigger, trig.a == "attack" else { return false }
                let t0 = trig.range.lowerBound
                return !(precededBy(trig, afterWords, s) || (t0 > 1 && s.tokens[t0 - 1].lower == "the" && afterWords.contains(s.tokens[t0 - 2].lower)))
            }
            let dOut = outageAt.map { abs($0 - b) }.min() ?? Int.max
            let dOwn = own.map { abs($0.range.lowerBound - b) }.min() ?? Int.max
            if dOut < dOwn { return false }
        }
        // "The attack came as envoys were preparing for talks in Geneva": a place nearer to a talks word than to
        // any attack word is where the talks are
        if it.isNearer(to: items.filter { $0.isTrigger("talks", "event") }, than: items.filter { $0.kind == .trigger && $0.a == "attack" }) {
            return false
        }
        // "the ministry said in Moscow": where it was said
        // (not "Impacts were reported in Tel Aviv": a passive report of what happened there)
        if b > 1, s.tokens[b - 1].lower == "in", n > 0, items[n - 1].isTrigger("claim"), items[n - 1].range.upperBound == b - 1,
           !(items[n - 1].range.lowerBound > 0 && copulas.contains(s.tokens[items[n - 1].range.lowerBound - 1].lower)) { return false }
        // "told a press briefing in Phnom Penh", "told reporters in Kyiv": where it was said (grammar class
        // `speech_setting`)
        if b > 1, s.tokens[b - 1].lower == "in", speechSettings.contains(s.tokens[b - 2].lower) { return false }
        if e < s.tokens.count, s.tokens[e].lower == "'s", b > 0, !["in", "of", "on", "over"].contains(s.tokens[b - 1].lower) { return false }
        // "In Moscow, the Defense Ministry described the operation as ...": the seat of the government that
        // speaks (a capital, a comma, an institution or official of its country), in a sentence with no casualties
        // ("In New Delhi, Foreign Secretary Vikram Misri said ...": an official of its country, by title or name)
        if s.isSpeakersSeat(n), !items.contains(where: { $0.kind == .trigger && $0.a == "casualty" }) {
            return false
        }
        if it.a == "capital" || it.a == "water" {
            // a capital is often the government ("Moscow will", "Kyiv says"): a location only after a locative word
            var k = b - 1
            while k >= 0, ["the", "city", "of", "capital", "ukrainian", "russian", "central", "western", "eastern", "northern", "southern"].contains(s.tokens[k].lower) && s.tokens[k].lower != "of" { k -= 1 }
            guard k >= 0 else { return false }
            return ["in", "on", "over", "near", "at", "of", "across", "around", "outside", "into", "toward", "towards", "targeting", "hit", "struck", "attacked", "targeted", "shelled", "and", ","].contains(s.tokens[k].lower)
        }
        return true
    }

    /// "The Trypilska plant, which supplied electricity to the Kyiv, Cherkasy and Zhytomyr regions, was destroyed",
    /// "the main source of electricity for the Kyiv region": a place up to ten tokens after a `service_verb`
    /// phrase, with no attack word between, is the area the target served, not where the attack was.
    func servedArea(_ items: [Item], _ n: Int, _ s: AnalyzedSentence) -> Bool {
        let b = items[n].range.lowerBound
        guard let k = (max(0, b - 10)..<b).last(where: { serviceVerbs.starts(at: $0, in: s.tokens) }) else { return false }
        return !items.contains { $0.kind == .trigger && $0.a == "attack" && $0.range.lowerBound > k && $0.range.lowerBound < b }
    }

    /// "Thirteen were intercepted.": the number `n` opens the sentence, right before its verb (no comma
    /// between), and the sentence is no breakdown by place ("Nine were destroyed in the skies of the Moscow
    /// region, six ...").
    func opensTheSentence(_ n: Int, gap: Range<Int>, _ items: [Item], _ s: AnalyzedSentence) -> Bool {
        items[n].range.lowerBound == 0 && !gap.contains { s.tokens[$0].text == "," }
            && !isBreakdown(items, from: n, s) && !items.contains { $0.kind == .place }
    }

    /// Both sides named as countries in the sentence (not inferred from places or the claimant).
    func sidesNamed(_ s: AnalyzedSentence) -> Bool {
        Set(s.items.filter { $0.kind == .country || $0.kind == .demonym }.compactMap(\.country)).count >= 2
    }

    /// The token index of a `platform_noun` ("bombers", "jets") after a demonym, with only designations
    /// between ("US B-2 bombers", "Thai F-16 and Gripen jets"), or nil.
    func platformAfter(_ it: Item, _ s: AnalyzedSentence) -> Int? {
        var k = it.range.upperBound
        while k < s.tokens.count, k - it.range.upperBound <= 6 {
            let t = s.tokens[k]
            if platforms.contains(t.lower) { return k }
            guard t.isCapitalized || t.kind == .number || t.text == "-" || t.lower == "and" else { return nil }
            k += 1
        }
        return nil
    }

    /// "none of the three", "neither of the two": a number after a negation word and "of" (and "the")
    func noneOf(before b: Int, _ s: AnalyzedSentence) -> Bool {
        var k = b - 1
        if k >= 0, s.tokens[k].lower == "the" { k -= 1 }
        guard k >= 1, s.tokens[k].lower == "of" else { return false }
        return negations.contains(s.tokens[k - 1].lower)
    }

    /// "retaliation for Ukrainian attacks", "in response to attacks on": an attack word right after a
    /// `cause_marker` phrase (a demonym or country may stand between) names the cause, another event.
    func isCause(_ it: Item, _ items: [Item], _ s: AnalyzedSentence) -> Bool {
        var b = it.range.lowerBound
        if let prev = items.last(where: { $0.range.upperBound <= b }), prev.range.upperBound == b,
           prev.kind == .demonym || prev.kind == .country {
            b = prev.range.lowerBound
        }
        return causeMarkers.ends(before: b, in: s.tokens)
    }

    /// "Drones shot down: 74", "Ballistic missiles launched: 2", "Drone hits recorded: 5": the weapon category
    /// and the outcome of a number right after a colon, when the two items before the number are a weapon and
    /// an attack outcome (at most three words between them; at most six between the outcome and the colon, a
    /// bracket such as "(no negative consequences)").
    func labelled(_ items: [Item], _ n: Int, _ s: AnalyzedSentence) -> (String, String)? {
        let b = items[n].range.lowerBound
        guard b >= 3, s.tokens[b - 1].text == ":", n >= 2 else { return nil }
        let trig = items[n - 1], weapon = items[n - 2]
        guard trig.kind == .trigger, trig.a == "attack", ["launched", "downed", "hit", "lost"].contains(trig.b),
              trig.range.upperBound <= b - 1, (b - 1) - trig.range.upperBound <= 6,
              weapon.kind == .weapon, weapon.a == "drone" || weapon.a == "missile",
              trig.range.lowerBound - weapon.range.upperBound <= 3 else { return nil }
        return (weapon.a, trig.b)
    }

    /// "one of its heaviest combined missile and drone attacks": "one of" before a superlative (grammar class
    /// `superlative`) within three words counts no weapon.
    func opensSuperlative(_ it: Item, _ s: AnalyzedSentence) -> Bool {
        let e = it.range.upperBound
        guard it.value == 1, e + 1 < s.tokens.count, s.tokens[e].lower == "of" else { return false }
        return s.tokens[(e + 1)..<min(s.tokens.count, e + 4)].contains { runningTotal.superlatives.contains($0.lower) }
    }

    /// "a nine-storey building", "a two-hour attack": a number joined to the next word by a hyphen
    /// describes something; it counts nothing.
    func isCompoundModifier(_ it: Item, _ s: AnalyzedSentence) -> Bool {
        let e = it.range.upperBound
        return e + 1 < s.tokens.count && s.tokens[e].text == "-" && !s.tokens[e].spaceBefore
            && s.tokens[e + 1].kind == .word && !s.tokens[e + 1].spaceBefore
    }

    /// "with 242 drones", "with 242 drones and 36 missiles": the number (or the list it ends) follows "with".
    func introducedByWith(_ items: [Item], _ n: Int, _ s: AnalyzedSentence) -> Bool {
        var k = items[n].range.lowerBound - 1
        while k >= 0, items[n].range.lowerBound - k <= 10 {
            let t = s.tokens[k]
            if t.lower == "with" { return true }
            let listed = items.contains { $0.range.contains(k) && ($0.kind == .number || $0.kind == .weapon || $0.isGrammar("qualifier")) }
            // ("with 70 missiles of various types and 145 drones": grammar class `weapon_filler`)
            guard listed || t.lower == "and" || t.text == "," || weaponFillers.contains(t.lower) else { return false }
            k -= 1
        }
        return false
    }

    /// "from Kursk", "from the Kursk Oblast area (Russia) and Cape Chauda (Crimea)", "from Russia-occupied
    /// Crimea": a place reached from "from" over places, names and `launch_filler` words is a launch site.
    func isLaunchSite(_ items: [Item], _ n: Int, _ s: AnalyzedSentence) -> Bool {
        var k = items[n].range.lowerBound - 1
        while k >= 0, items[n].range.lowerBound - k <= 16 {
            let t = s.tokens[k]
            if t.lower == "from" { return true }
            // "Launch directions: Kursk, Oryol, Millerovo": a list after a launch word and a colon
            if t.text == ":" {
                return items.contains { $0.isTrigger("attack", "launched") && $0.range.upperBound <= k && k - $0.range.upperBound <= 2 }
            }
            let item = items.first { $0.range.contains(k) }
            if item?.kind == .date { return false }   // "From Monday, Kharkiv ...": a date, not a launch site
            let named = item.map { $0.kind == .place || $0.kind == .country || $0.kind == .demonym } ?? false
            // ("fired from Tu-95 bombers over the Caspian Sea": a model designation's hyphen and number too)
            let designation = item == nil && !t.spaceBefore && (t.text == "-" || t.kind == .number || t.text.first?.isNumber == true)
            guard named || launchFillers.contains(t.lower) || (t.kind == .word && t.isCapitalized && item == nil) || designation else { return false }
            k -= 1
        }
        return false
    }

    /// Who attacked whom, from demonyms on weapons ("Ukrainian drones"), subjects of launch verbs
    /// ("Russia launched"), targets after prepositions ("at Ukraine"), the claimant's role, the
    /// places' country, and the conflict dyads.
    func sides(_ p: inout AttackPiece, _ s: AnalyzedSentence) {
        let items = s.items
        for (n, it) in items.enumerated() {
            guard let c = it.country else { continue }
            // "US B-2 bombers struck", "Thai F-16 and Gripen jets, backed by artillery, hit": a demonym or country
            // before a `platform_noun` (designations between), then an attack verb
            if it.kind == .demonym || it.kind == .country, p.attacker == nil, let pl = platformAfter(it, s), items.contains(where: { x in
                x.range.lowerBound > pl && x.range.lowerBound - pl <= 10
                    && (x.isTrigger("attack", "hit") || x.isTrigger("attack", "event") || x.isTrigger("attack", "launched"))
            }) {
                p.attacker = c
                continue
            }
            if it.kind == .demonym {
                // demonym before a weapon or an attack noun: "Ukrainian drones", "Russian strikes" (not
                // "retaliation for Ukrainian attacks": the cause)
                if let nx = items.dropFirst(n + 1).first, nx.range.lowerBound - it.range.upperBound <= 3, !isCause(nx, items, s),
                   nx.kind == .weapon || nx.isTrigger("attack", "event") || nx.isTrigger("attack", "launched") {
                    if p.attacker == nil { p.attacker = c }
                    continue
                }
                // "Russian-controlled", "Russian territory": a target
                continue
            }
            if it.kind == .country || (it.kind == .organization && ["armed_force", "government_body"].contains(it.actorKind?.rawValue ?? "")) {
                let b = it.range.lowerBound
                let prevWord = b > 0 ? s.tokens[b - 1].lower : ""
                // "launched by Russia": the agent of a passive launch verb
                if prevWord == "by", n > 0, items[n - 1].isTrigger("attack", "launched") || items[n - 1].isTrigger("attack", "event"), items[n - 1].range.upperBound == b - 1 {
                    if p.attacker == nil { p.attacker = c }
                    continue
                }
                // "Russia attacked Ukraine": the object of an attack verb
                if it.kind == .country, n > 0, items[n - 1].range.upperBound == b, items[n - 1].isTrigger("attack", "event") || items[n - 1].isTrigger("attack", "hit"),
                   items[n - 1].text.lowercased().hasSuffix("ed") {
                    if p.target == nil { p.target = c }
                    continue
                }
                if it.kind == .country, ["at", "on", "against", "into", "across"].contains(prevWord) || (prevWord == "of" && b > 1 && ["regions", "territory", "parts", "cities"].contains(s.tokens[b - 2].lower)) {
                    if p.target == nil { p.target = c }
                    continue
                }
                // subject of a launch/attack verb
                if let nx = items.dropFirst(n + 1).first(where: { $0.kind == .trigger }), nx.range.lowerBound - it.range.upperBound <= 4,
                   nx.a == "attack", nx.b == "launched" || nx.b == "event" || nx.b == "hit" {
                    let gap = it.range.gap(to: nx.range)
                    let active = gap.allSatisfy { subjectFillers.contains(s.tokens[$0].lower) }
                    if active {
                        if p.attacker == nil, !(it.kind == .organization && it.isTrigger("claim")) { p.attacker = c }
                    }
                }
            }
        }
        // "its forces struck": the claimant's side attacks; "its forces shot down": the claimant defends
        let lower = s.tokens.map(\.lower)
        if let cl = p.claimant?.country {
            let ownForces = zip(lower, lower.dropFirst()).contains { ($0 == "its" || $0 == "our") && ($1 == "forces" || $1 == "troops" || $1 == "military") }
            let defends = p.figures.keys.contains { $0.hasSuffix(".downed") } || !p.breakdowns.isEmpty
            if p.attacker == nil, ownForces, !defends, s.items.contains(where: { $0.isTrigger("attack", "hit") || $0.isTrigger("attack", "launched") || $0.isTrigger("attack", "event") }) {
                p.attacker = cl
            }
            if p.target == nil, defends, p.attacker != cl { p.target = cl }
        }
        // a casualty count from a local official: the official's country was hit
        if p.target == nil, p.attacker == nil, p.killed != nil || p.injured != nil, p.figures.isEmpty, let c = p.claimant?.country,
           p.claimant?.kind == .person || p.claimant?.kind == .governmentBody {
            p.target = c
        }
        if p.target == nil {
            // the places' country (the one named most)
            var count = OrderedTally()
            for ix in items.indices where items[ix].kind == .place && isLocation(items, items.firstIndex(where: { $0.range == items[ix].range })!, s) {
                if let c = items[ix].country, c != p.attacker { count.add(c) }
            }
            // (a tie goes to a country at war (conflicts.tsv): "talks in Riyadh go on as a drone attack injures
            // five in Kharkiv")
            if p.attacker == nil || count.count(p.attacker!) == nil, let best = count.best(preferring: { dict.opponent(of: $0) != nil }) {
                if p.attacker != nil, let opp = dict.opponent(of: p.attacker!), count.count(opp) == nil {
                    // places in territory the attacker does not claim as the target's (occupied areas): follow the dyad
                    p.target = opp
                } else {
                    p.target = best
                }
            }
        }
        if p.attacker == nil, let t = p.target { p.attacker = dict.opponent(of: t) }
        if p.target == nil, let a = p.attacker { p.target = dict.opponent(of: a) }
        if p.attacker == p.target { p.target = p.attacker.flatMap { dict.opponent(of: $0) } }
    }
}
