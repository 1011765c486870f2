/// Finds the items of a sentence: dictionary phrases (actors, places, weapons, triggers), numbers
/// with qualifiers, dates resolved against the publication date, persons by pattern, and
/// country-relative institutions (`Russia's Defense Ministry`).
public struct MentionFinder: Sendable {
    public let dict: Dictionaries
    let qualifiers: [String: Qualifier]
    let regionByStem: [String: Int]
    let institutionPatterns: [(head: [String], slot: String, tail: [String], index: Int)]
    let nameParticles: Set<String>
    /// institution patterns indexed by the first word after the country slot, or with nothing after it
    let patternsByTailStart: [String: [Int]]
    let headOnlyPatterns: [Int]
    let barePatternsByStart: [String: [Int]]
    let bareStarts: WordShapes
    /// The canonical name of each institution pattern without its country ("Defense Ministry").
    let bareNames: [String]
    let singulars: Set<String>
    /// "a local man", "an elderly woman": grammar class `person_modifier`, words between "a"/"an" and a
    /// `person_singular` noun (a demonym also stands there: "a Ukrainian man")
    let personModifiers: Set<String>
    /// "a few dozen", "several hundred": grammar class `vague_lead` (the number is vague)
    let vagueLeads: Set<String>
    /// "a week ago": grammar class `offset_unit`, term -> days
    let offsetUnits: [String: Int]
    /// "February 3 to 7 a.m.": a number before these is a time, not the end of a range of days
    let timeMarkers: Set<String>
    /// "the Kamensky district": endings of a name not in the dictionary that make it a district (grammar
    /// class `district_ending`)
    let districtEndings: [String]
    /// "born in 1961": a year after these is no date of the events
    let birthWords: Set<String>

    public init(dictionaries: Dictionaries) {
        self.dict = dictionaries
        self.timeMarkers = dictionaries.words("time_marker")
        self.districtEndings = dictionaries.words("district_ending").sorted()
        self.birthWords = dictionaries.words("birth_word")
        var q: [String: Qualifier] = [:]
        for (k, v) in dictionaries.grammarClass("qualifier") { q[k] = Qualifier(rawValue: v) }
        self.qualifiers = q
        let suffixes = dictionaries.words("region_suffix")
        var stems: [String: Int] = [:]
        for (i, p) in dictionaries.places.enumerated() where p.isRegion {
            for n in [p.name] + p.aliases {
                var words = n.lowercased().split(separator: " ").map(String.init)
                if words.count > 1, let last = words.last, suffixes.contains(last) { words.removeLast() }
                if words.first == "republic", words.count > 2, words[1] == "of" { words.removeFirst(2) }
                let stem = words.joined(separator: " ")
                if stems[stem] == nil { stems[stem] = i }
            }
        }
        self.regionByStem = stems
        var pats: [([String], String, [String], Int)] = []
        for (i, p) in dictionaries.institutions.enumerated() {
            let toks = Tokenizer.tokenize(Array(p.pattern.unicodeScalars)).map(\.lower)
            guard let k = toks.firstIndex(where: { $0 == "{" }), k + 2 < toks.count, toks[k + 2] == "}" else { continue }
            pats.append((Array(toks[..<k]), toks[k + 1], Array(toks[(k + 3)...]), i))
        }
        self.institutionPatterns = pats
        var byTail: [String: [Int]] = [:]
        var headOnly: [Int] = []
        var bare: [String: [Int]] = [:]
        for (k, p) in pats.enumerated() {
            if let f = p.2.first { byTail[f, default: []].append(k) } else { headOnly.append(k) }
            if p.0.isEmpty, p.2.count >= 2 { bare[p.2[0], default: []].append(k) }
        }
        self.patternsByTailStart = byTail
        self.headOnlyPatterns = headOnly
        self.barePatternsByStart = bare
        self.bareStarts = WordShapes(bare.keys)
        self.bareNames = dictionaries.institutions.map {
            $0.canonical.replacingOccurrences(of: "{adj} ", with: "").replacingOccurrences(of: " of {country}", with: "")
        }
        self.nameParticles = dictionaries.words("name_particle")
        self.singulars = dictionaries.words("person_singular")
        self.personModifiers = dictionaries.words("person_modifier")
        self.vagueLeads = dictionaries.words("vague_lead")
        self.offsetUnits = dictionaries.grammarClass("offset_unit").compactMapValues { Int($0) }
    }

    // MARK: - Sentence analysis

    public func analyze(_ sentence: Sentence, tokens: [Token], text: String, published: CivilDate?) -> AnalyzedSentence {
        var items = lexiconItems(tokens, sentence: sentence.index)
        if let p = published { datedTitles(&items, on: p.iso) }
        regions(&items, tokens)
        items = dates(items, tokens, published: published)
        numbers(&items, tokens)
        institutions(&items, tokens)
        if !sentence.isBoilerplate {
            persons(&items, tokens)
        } else {
            items.removeAll { $0.kind == .person }
        }
        items.sort { $0.range.lowerBound < $1.range.lowerBound }
        return AnalyzedSentence(sentence: sentence, tokens: tokens, items: items, text: text)
    }

    /// A known person's title on the article's date (people.tsv keeps one line per title held, with dates).
    func datedTitles(_ items: inout [Item], on date: String) {
        for i in items.indices where items[i].kind == .person && items[i].rule.hasPrefix("dict.person") {
            guard let line = dict.datedLine(of: items[i].canonical, on: date) else { continue }
            items[i].title = dict.people[line].title
            if let c = dict.people[line].country { items[i].country = c }
        }
    }

    static let priority: [LexEntry.Kind] = [.person, .organization, .country, .place, .demonym, .weapon, .target, .title, .trigger, .personSurname, .ordinal, .number, .grammar]
    /// `priority` by `LexEntry.Kind.rawValue`.
    static let rankByKind: [Int] = {
        var r = [Int](repeating: 99, count: 256)
        for (n, k) in priority.enumerated() where r[Int(k.rawValue)] == 99 { r[Int(k.rawValue)] = n }
        return r
    }()

    func lexiconItems(_ tokens: [Token], sentence: Int) -> [Item] {
        var items: [Item] = []
        items.reserveCapacity(tokens.count / 4 + 4)
        let ids = dict.lexicon.wordIDs(tokens)
        let ranks = Self.rankByKind
        var i = 0
        while i < tokens.count {
            guard ids[i] >= 0, let best = dict.lexicon.bestMatch(tokens, ids: ids, at: i, rank: { ranks[Int($0.rawValue)] }) else { i += 1; continue }
            let e = best.entry
            let r = i..<(i + best.length)
            if let item = makeItem(e, r, tokens) {
                items.append(item)
                i += best.length
            } else {
                i += 1
            }
        }
        return items
    }

    func span(_ r: Range<Int>, _ tokens: [Token]) -> Span { Span(tokens[r.lowerBound].span.start, tokens[r.upperBound - 1].span.end) }

    func surface(_ r: Range<Int>, _ tokens: [Token]) -> String {
        if r.count == 1 { return tokens[r.lowerBound].text }
        var s = ""
        for k in r {
            if k > r.lowerBound, tokens[k].spaceBefore { s += " " }
            s += tokens[k].text
        }
        return s
    }

    func makeItem(_ e: LexEntry, _ r: Range<Int>, _ tokens: [Token]) -> Item? {
        let sp = span(r, tokens)
        let text = surface(r, tokens)
        switch e.kind {
        case .country:
            let c = dict.countries[e.index]
            var it = Item(kind: .country, range: r, span: sp, text: text, canonical: c.name, country: c.iso3, rule: "dict.country")
            it.actorKind = .country
            return it
        case .demonym:
            let c = dict.countries[e.index]
            return Item(kind: .demonym, range: r, span: sp, text: text, canonical: c.name, country: c.iso3, rule: "dict.demonym")
        case .place:
            let p = dict.places[e.index]
            var it = Item(kind: .place, range: r, span: sp, text: text, canonical: p.name, country: p.country, rule: "dict.place")
            it.a = p.kind
            it.b = p.admin1 ?? ""
            return it
        case .organization:
            let o = dict.organizations[e.index]
            var it = Item(kind: .organization, range: r, span: sp, text: text, canonical: o.name, country: o.country, rule: "dict.organization")
            it.actorKind = o.kind
            return it
        case .person, .personSurname:
            let p = dict.people[e.index]
            var it = Item(kind: .person, range: r, span: sp, text: text, canonical: p.name, country: p.country,
                          rule: e.kind == .person ? "dict.person" : "dict.person.surname")
            it.actorKind = .person
            it.title = p.title
            return it
        case .title:
            var it = Item(kind: .title, range: r, span: sp, text: text, canonical: dict.titles[e.index].term, rule: "dict.title")
            it.a = dict.titles[e.index].a
            return it
        case .weapon:
            let w = dict.weapons[e.index]
            var it = Item(kind: .weapon, range: r, span: sp, text: text, canonical: w.a, rule: "dict.weapon")
            it.a = w.a
            it.b = w.b
            return it
        case .trigger:
            let t = dict.triggers[e.index]
            var it = Item(kind: .trigger, range: r, span: sp, text: text, canonical: t.term, rule: "dict.trigger")
            it.a = t.a
            it.b = t.b
            return it
        case .target:
            var it = Item(kind: .target, range: r, span: sp, text: text, canonical: dict.targets[e.index].term, rule: "dict.target")
            it.a = dict.targets[e.index].a
            return it
        case .ordinal:
            var it = Item(kind: .ordinal, range: r, span: sp, text: text, canonical: dict.ordinals[e.index].term, rule: "dict.ordinal")
            it.value = Int(dict.ordinals[e.index].a)
            return it
        case .number:
            let n = dict.numbers[e.index]
            var it = Item(kind: .grammar, range: r, span: sp, text: text, canonical: n.term, rule: "dict.number")
            it.a = "number_word"
            it.b = n.b
            it.value = Int(n.a)
            return it
        case .grammar:
            let g = dict.grammar[e.index]
            var it = Item(kind: .grammar, range: r, span: sp, text: text, canonical: g.term, rule: "dict.grammar")
            it.a = g.a
            it.b = g.b
            return it
        }
    }

    // MARK: - Regions ("Kharkiv region", "the Lipetsk and Oryol regions")

    func regions(_ items: inout [Item], _ tokens: [Token]) {
        var k = 0
        while k < items.count {
            let it = items[k]
            guard it.isGrammar("region_suffix") else { k += 1; continue }
            let plural = it.text.lowercased().hasSuffix("s")
            if !plural, let d = unknownDistrict(it, before: k > 0 ? items[k - 1] : nil, tokens) {
                items[k] = d
                k += 1
                continue
            }
            if plural {
                let ds = unknownDistricts(it, before: k > 0 ? items[k - 1] : nil, tokens)
                if !ds.isEmpty {
                    items.replaceSubrange(k...k, with: ds)
                    k += ds.count
                    continue
                }
            }
            guard k > 0 else { k += 1; continue }
            // the place right before the suffix, then coordinated places before it for plurals
            var targets: [Int] = []
            var j = k - 1
            if items[j].kind == .place, items[j].range.upperBound == it.range.lowerBound, ["city", "town", "capital", "region", "territory"].contains(items[j].a) {
                // "Odesa's Kyivskyi district": a quarter of the city named before, not the region of that name
                if !plural, j > 0, isQuarterName(at: items[j].range.lowerBound, after: items[j - 1], tokens) {
                    items.remove(at: j)
                    continue
                }
                targets.append(j)
                while plural, j > 0, items[j - 1].kind == .place {
                    let gap = items[j - 1].range.gap(to: items[j].range)
                    let words = gap.map { tokens[$0].lower }
                    guard words.allSatisfy({ $0 == "," || $0 == "and" }), !words.isEmpty else { break }
                    j -= 1
                    targets.append(j)
                }
            }
            guard !targets.isEmpty else { k += 1; continue }
            for (n, t) in targets.enumerated() {
                var p = items[t]
                let stem = p.text.lowercased()
                let stemCanonical = p.canonical.lowercased()
                if let ri = regionByStem[stem] ?? regionByStem[stemCanonical] {
                    let region = dict.places[ri]
                    p.canonical = region.name
                    p.country = region.country
                } else if p.canonical.hasSuffix(" Raion") {
                    // a city district keeps its name ("Darnytskyi Raion")
                } else if !p.a.hasPrefix("region") {
                    p.canonical = p.canonical + " " + (it.text.hasPrefix("O") ? "Oblast" : "region")
                }
                p.a = "region"
                p.rule = "place.region_suffix"
                if n == 0 {
                    p.range = p.range.lowerBound..<it.range.upperBound
                    p.span = Span(p.span.start, it.span.end)
                    p.text = surface(p.range, tokens)
                }
                items[t] = p
            }
            items.remove(at: k)
        }
    }

    /// "Odesa's Kyivskyi district": a name at token `b`, right after "CITY's" (`prev` a city or a capital), is a
    /// quarter of that city, not a district of a region.
    func isQuarterName(at b: Int, after prev: Item?, _ tokens: [Token]) -> Bool {
        guard let city = prev, city.kind == .place, city.a == "city" || city.a == "capital", b >= 1 else { return false }
        return city.range.upperBound + 1 == b && tokens[b - 1].lower == "'s"
    }

    /// "in the Slobidskyi and Osnovianskyi districts": `unknownDistrict` for two or more names joined by "and" or
    /// commas before a plural region suffix, or one listed after known places; each is a district of its own
    /// ("Slobidskyi district").
    func unknownDistricts(_ suffix: Item, before: Item?, _ tokens: [Token]) -> [Item] {
        let floor = before?.range.upperBound ?? 0
        func isName(_ b: Int) -> Bool { b >= floor && isDistrictName(tokens[b]) }
        var names: [Int] = []
        var b = suffix.range.lowerBound - 1
        guard b >= 0, isName(b) else { return [] }
        names.append(b)
        while b >= 2, [",", "and"].contains(tokens[b - 1].lower) {
            // "the A, B and C districts" ("," and "and" both; an Oxford comma before "and")
            var c = b - 2
            if tokens[b - 1].lower == "and", c >= 0, tokens[c].text == "," { c -= 1 }
            guard c >= 0, isName(c) else { break }
            names.append(c)
            b = c
        }
        // (one name is enough after known places it is listed with: "the Darnytskyi, Dniprovskyi and Solomianskyi
        // districts")
        let afterPlace = before.map { $0.kind == .place && b >= 2 && [",", "and"].contains(tokens[b - 1].lower)
            && ($0.range.upperBound == b - 1 || ($0.range.upperBound == b - 2 && tokens[b - 2].text == ",")) } ?? false
        guard names.count >= 2 || afterPlace, !isQuarterName(at: names.last!, after: before, tokens) else { return [] }
        let unit = String(suffix.text.lowercased().dropLast())
        return names.reversed().map { b in districtItem(b..<(b + 1), name: tokens[b].text, unit: unit, tokens) }
    }

    /// A capitalized word of five letters or more ending in a `district_ending` ("Saltivskyi").
    func isDistrictName(_ t: Token) -> Bool {
        t.kind == .word && t.isCapitalized && t.lower.count >= 5 && districtEndings.contains { t.lower.hasSuffix($0) }
    }

    /// The place mention of a district no dictionary holds: "NAME unit", a region of unknown country.
    func districtItem(_ r: Range<Int>, name: String, unit: String, _ tokens: [Token]) -> Item {
        var p = Item(kind: .place, range: r, span: span(r, tokens), text: surface(r, tokens), canonical: name + " " + unit,
                     rule: "place.unknown_district")
        p.a = "region"
        return p
    }

    /// "the Kamensky district", "in the Saltivskyi district": a capitalized name that no dictionary entry
    /// claimed, right before a singular region suffix, ending in a `district_ending` ("-sky", "-skyi"), is a
    /// district (country unknown).
    func unknownDistrict(_ suffix: Item, before: Item?, _ tokens: [Token]) -> Item? {
        let b = suffix.range.lowerBound - 1
        guard b >= 0, before.map({ $0.range.upperBound <= b }) ?? true else { return nil }
        guard isDistrictName(tokens[b]) else { return nil }
        // ("Odesa's Kyivskyi district": a quarter of the city named before, not a district of a region)
        if isQuarterName(at: b, after: before, tokens) { return nil }
        return districtItem(b..<suffix.range.upperBound, name: tokens[b].text, unit: suffix.text.lowercased(), tokens)
    }

    // MARK: - Numbers

    func numbers(_ out: inout [Item], _ tokens: [Token]) {
        // number words become parts of numbers: `out` keeps the other items, in order, and gains the numbers
        let words = ItemsByStart(out.filter { $0.kind == .grammar && $0.a == "number_word" }, tokenCount: tokens.count)
        if !words.items.isEmpty { out.removeAll { $0.kind == .grammar && $0.a == "number_word" } }
        var covered = [Bool](repeating: false, count: tokens.count)
        for ix in out.indices { for k in out[ix].range { covered[k] = true } }
        var i = 0
        while i < tokens.count {
            if covered[i] { i += 1; continue }
            let t = tokens[i]
            var value: Int? = nil
            var end = i + 1
            var vague = false
            // the second number of "2022-2023", "16/17" (not of "200-for-200")
            if t.kind == .number, i >= 2, !t.spaceBefore, tokens[i - 1].text == "/" || tokens[i - 1].text == "-", !tokens[i - 1].spaceBefore,
               tokens[i - 2].lower != "for" {
                i += 1
                continue
            }
            if t.kind == .number {
                // number tokens are ASCII digits, `,` and `.`
                let clean = String(decoding: t.text.utf8.filter { $0 != UInt8(ascii: ",") }, as: UTF8.self)
                if let v = Int(clean) {
                    value = v
                } else if let d = Double(clean), let m = words[i + 1], m.b == "multiplier", let mv = m.value {
                    value = Int(d * Double(mv))
                    end = i + 2
                } else if clean.count > 18, clean.allSatisfy(\.isNumber) {
                    // too large for 64 bits: not a usable figure
                    i += 1
                    continue
                }
                if let v = value, end == i + 1, let m = words[i + 1], m.b == "multiplier", let mv = m.value {
                    let (p, o) = v.multipliedReportingOverflow(by: mv)
                    if !o { value = p; end = i + 2 }
                }
                // times (16:00), percentages, 4-digit years
                if end < tokens.count, tokens[end].text == ":", end + 1 < tokens.count, tokens[end + 1].kind == .number { i = end + 2; continue }
                if end < tokens.count, tokens[end].text == "%" || tokens[end].lower == "percent" { i = end + 1; continue }
            } else if let w = words[i] {
                // number words: "three hundred and fifty", "twenty-five", "a dozen", "dozens"
                if w.b == "vague" {
                    value = w.value
                    vague = true
                    end = w.range.upperBound
                } else {
                    var total = 0
                    var current = 0
                    var k = i
                    var any = false
                    while k < tokens.count, let w2 = words[k], w2.b != "vague", let v = w2.value {
                        if w2.b == "multiplier" {
                            current = max(current, 1) * v
                            if v >= 1000 { total += current; current = 0 }
                        } else {
                            current += v
                        }
                        any = true
                        k = w2.range.upperBound
                        if k < tokens.count, tokens[k].text == "-" || tokens[k].lower == "and", k + 1 < tokens.count, words[k + 1] != nil, words[k + 1]!.b != "vague" {
                            k += 1
                        }
                    }
                    if any {
                        value = total + current
                        end = k
                    }
                }
            } else if t.lower == "a" || t.lower == "an", let w = words[i + 1], w.b == "multiplier" || w.canonical.lowercased() == "dozen" {
                value = w.value
                end = w.range.upperBound
            } else if t.lower == "a" || t.lower == "an", singularNoun(after: i, tokens, out) != nil {
                // "wounded a child", "a local man was killed": one person (the noun stays a separate word)
                value = 1
                end = i + 1
            }
            guard let v = value else { i += 1; continue }
            // "a few dozen Shaheds", "several hundred drones": no figure
            if !vague, i > 0, tokens[i].kind == .word, vagueLeads.contains(tokens[i - 1].lower) { vague = true }
            // "aged 45", "No. 5": not a count
            if out.last(where: { $0.range.upperBound <= i }).map({ $0.isGrammar("noncount") && $0.range.upperBound == i }) == true {
                i = end
                continue
            }
            // ages: "a 42-year-old woman" counts one person; "aged 30" counts nobody
            let ageSuffix = (end + 3 < tokens.count && tokens[end].text == "-" && tokens[end + 1].lower == "year" && tokens[end + 2].text == "-" && tokens[end + 3].lower == "old")
                || (end + 1 < tokens.count && tokens[end].lower == "years" && tokens[end + 1].lower == "old")
            if ageSuffix {
                if i > 0, tokens[i - 1].lower == "a" || tokens[i - 1].lower == "an" {
                    let r = (i - 1)..<(end + (tokens[end].text == "-" ? 4 : 2))
                    var age = Item(kind: .number, range: r, span: span(r, tokens), text: surface(r, tokens), canonical: "1", rule: "number.age_singular")
                    age.value = 1
                    age.qualifier = .exact
                    out.append(age)
                    for k in r { covered[k] = true }
                    i = r.upperBound
                } else {
                    i = end + 1
                }
                continue
            }
            var it = Item(kind: .number, range: i..<end, span: span(i..<end, tokens), text: surface(i..<end, tokens), canonical: String(v), rule: vague ? "number.vague" : "number")
            it.value = v
            it.vague = vague
            it.qualifier = vague ? .moreThan : .exact
            // qualifier right before: "at least", "more than", "some"
            if let qi = out.lastIndex(where: { $0.range.upperBound == i }), out[qi].kind == .grammar, out[qi].a == "qualifier",
               let q = Qualifier(rawValue: out[qi].b) {
                it.qualifier = q
                it.rule += ".qualified"
            } else if i > 0, let q = qualifiers[tokens[i - 1].lower], !covered[i - 1] || out.contains(where: { $0.range.upperBound == i && $0.kind == .grammar }) {
                it.qualifier = q
            }
            out.append(it)
            for k in i..<end { covered[k] = true }
            i = end
        }
    }

    /// The index of the `person_singular` noun that "a"/"an" at `i` counts: the next word, or the word after
    /// at most two modifiers (`person_modifier` words or a demonym: "a Ukrainian man", "an elderly local
    /// woman").
    func singularNoun(after i: Int, _ tokens: [Token], _ items: [Item]) -> Int? {
        var k = i + 1
        while k < tokens.count, k - i <= 3 {
            if singulars.contains(tokens[k].lower) { return k }
            let modifier = personModifiers.contains(tokens[k].lower)
                || items.contains { $0.kind == .demonym && $0.range == k..<(k + 1) }
            guard modifier else { return nil }
            k += 1
        }
        return nil
    }

    /// Items by the token they start at (the first one when several do), looked up by index rather than hashed.
    struct ItemsByStart {
        let items: [Item]
        let at: [Int32]

        init(_ items: [Item], tokenCount: Int) {
            self.items = items
            var at = [Int32](repeating: -1, count: items.isEmpty ? 0 : tokenCount)
            for (n, it) in items.enumerated() where at[it.range.lowerBound] < 0 { at[it.range.lowerBound] = Int32(n) }
            self.at = at
        }

        subscript(_ t: Int) -> Item? {
            guard t >= 0, t < at.count, at[t] >= 0 else { return nil }
            return items[Int(at[t])]
        }
    }

    // MARK: - Dates

    func dates(_ items: [Item], _ tokens: [Token], published: CivilDate?) -> [Item] {
        var out: [Item] = []
        var k = 0
        // without a month, weekday or relative word every item is kept as it is: no pass over them
        // (a word of two grammar classes is found as the first: "week" is a `period`, and an `offset_unit`)
        func offsetUnit(_ it: Item) -> Int? {
            guard it.kind == .grammar else { return nil }
            return it.a == "offset_unit" ? Int(it.b) : offsetUnits[it.text.lowercased()]
        }
        if !items.contains(where: { $0.kind == .grammar && ($0.a == "month" || $0.a == "weekday" || $0.a == "relative_day" || $0.a == "relative_marker" || offsetUnit($0) != nil) }) {
            out = items
            k = items.count
        }
        func num(_ t: Int) -> Int? {
            guard t < tokens.count, tokens[t].kind == .number else { return nil }
            return Int(tokens[t].text)
        }
        func ordinalDay(_ t: Int) -> Int? {
            guard t < tokens.count else { return nil }
            if let n = num(t) { return n }
            // "1st", "23rd"
            let s = tokens[t].lower
            let digits = s.prefix { $0.isNumber }
            if !digits.isEmpty, ["st", "nd", "rd", "th"].contains(String(s.dropFirst(digits.count))) { return Int(digits) }
            return nil
        }
        func yearAt(_ t: Int) -> Int? {
            guard let y = num(t), (1900...2100).contains(y), tokens[t].text.count == 4 else { return nil }
            return y
        }
        func make(_ r: Range<Int>, _ d: ResolvedDate, _ rule: String) -> Item {
            var it = Item(kind: .date, range: r, span: span(r, tokens), text: surface(r, tokens), canonical: d.date, rule: rule)
            it.date = d
            return it
        }
        /// The most recent (month, day) on or before publication, or within a week after it.
        func yearFor(month: Int, day: Int?) -> Int? {
            guard let p = published else { return nil }
            let d = day ?? 1
            guard CivilDate.valid(p.year, month, min(d, CivilDate.daysIn(p.year, month))) else { return p.year }
            let candidate = CivilDate(p.year, month, min(d, CivilDate.daysIn(p.year, month)))
            return candidate.dayNumber > p.dayNumber + 7 ? p.year - 1 : p.year
        }
        while k < items.count {
            let it = items[k]
            if it.isGrammar("month"), let m = Int(it.b) {
                var t = it.range.upperBound
                // Month Day[-Day][, Year]
                if let d = ordinalDay(t), (1...31).contains(d) {
                    t += 1
                    var endDay: Int? = nil
                    if t + 1 < tokens.count, tokens[t].text == "-" || tokens[t].lower == "to", let d2 = num(t + 1), (1...31).contains(d2), d2 > d,
                       !(t + 2 < tokens.count && (timeMarkers.contains(tokens[t + 2].lower) || tokens[t + 2].text == ":")) {
                        endDay = d2
                        t += 2
                    } else if t + 1 < tokens.count, tokens[t].lower == "and", let d2 = num(t + 1), d2 == d + 1,
                              t + 2 == tokens.count || tokens[t + 2].kind != .word || ["in", "at", "when", "to", "and"].contains(tokens[t + 2].lower) {
                        // "on August 5 and 6": two days in a row (not "on June 5 and 6 people were hurt")
                        endDay = d2
                        t += 2
                    }
                    var year: Int? = nil
                    if t < tokens.count, tokens[t].text == ",", let y = yearAt(t + 1) { year = y; t += 2 }
                    else if let y = yearAt(t) { year = y; t += 1 }
                    if let y = year ?? yearFor(month: m, day: d), CivilDate.valid(y, m, d) {
                        let start = CivilDate(y, m, d)
                        var rd = ResolvedDate(date: start.iso, precision: .day)
                        if let e = endDay, CivilDate.valid(y, m, e) {
                            rd = ResolvedDate(date: start.iso, endDate: CivilDate(y, m, e).iso, precision: .range)
                        }
                        out.append(make(it.range.lowerBound..<t, rd, "date.month_day"))
                        k = items.firstIndex { $0.range.lowerBound >= t } ?? items.count
                        continue
                    }
                }
                // Day Month [Year] ("16 May", "23 July 2025")
                let s = it.range.lowerBound
                // ("2nd October 2025", "15th January, 2026": an ordinal day; a comma before the year)
                if s > 0, let d = ordinalDay(s - 1), (1...31).contains(d), !out.contains(where: { $0.range.contains(s - 1) && $0.kind != .ordinal }) {
                    out.removeAll { $0.kind == .ordinal && $0.range.contains(s - 1) }
                    var e = it.range.upperBound
                    var year: Int? = nil
                    if let y = yearAt(e) { year = y; e += 1 }
                    else if e + 1 < tokens.count, tokens[e].text == ",", let y = yearAt(e + 1) { year = y; e += 2 }
                    // "4-5 February": a range of days
                    var first = s - 1
                    var startDay = d
                    if s > 2, tokens[s - 2].text == "-" || tokens[s - 2].lower == "to", let d0 = ordinalDay(s - 3), (1...31).contains(d0), d0 < d,
                       !out.contains(where: { $0.range.contains(s - 3) }) {
                        first = s - 3
                        startDay = d0
                    }
                    if let y = year ?? yearFor(month: m, day: d), CivilDate.valid(y, m, d) {
                        let rd = startDay == d ? ResolvedDate(date: CivilDate(y, m, d).iso, precision: .day)
                            : ResolvedDate(date: CivilDate(y, m, startDay).iso, endDate: CivilDate(y, m, d).iso, precision: .range)
                        out.append(make(first..<e, rd, "date.day_month"))
                        k = items.firstIndex { $0.range.lowerBound >= e } ?? items.count
                        continue
                    }
                }
                // Month Year ("February 2022") or bare month ("in August")
                if let y = yearAt(t) {
                    out.append(make(it.range.lowerBound..<(t + 1), ResolvedDate(date: "\(y)-\(m < 10 ? "0" : "")\(m)", precision: .month), "date.month_year"))
                    k = items.firstIndex { $0.range.lowerBound >= t + 1 } ?? items.count
                    continue
                }
                // a bare month needs a preposition before it ("in August", "since March")
                // ("in mid-December": the hyphen after "mid", "early" or "late")
                let lead = s > 1 && tokens[s - 1].text == "-" && ["early", "late", "mid"].contains(tokens[s - 2].lower) ? s - 2 : s - 1
                if lead >= 0, ["in", "since", "from", "until", "by", "during", "of", "early", "late", "mid"].contains(tokens[lead].lower), let y = yearFor(month: m, day: nil) {
                    out.append(make(it.range, ResolvedDate(date: "\(y)-\(m < 10 ? "0" : "")\(m)", precision: .month), "date.month"))
                    k += 1
                    continue
                }
                k += 1
                continue
            }
            if it.isGrammar("weekday"), let wd = Int(it.b), let p = published {
                var start = it.range.lowerBound
                var offsetWeeks = 0
                if k > 0, items[k - 1].isGrammar("relative_marker"), items[k - 1].range.upperBound == start {
                    if items[k - 1].b == "-1" { offsetWeeks = -1 }
                    if items[k - 1].b == "1" { offsetWeeks = 1 }
                    start = items[k - 1].range.lowerBound
                    out.removeAll { $0.range == items[k - 1].range }
                }
                var back = (p.weekday - wd + 7) % 7
                if offsetWeeks == -1 && back == 0 { back = 7 }
                var d = p.adding(days: -back)
                if offsetWeeks == 1 { d = p.adding(days: (wd - p.weekday + 7) % 7 == 0 ? 7 : (wd - p.weekday + 7) % 7) }
                var e = it.range.upperBound
                // "Wednesday, February 4, 2026": an explicit date follows and wins
                if e < tokens.count, tokens[e].text == ",", let n = k + 1 < items.count ? items[k + 1] : nil, n.isGrammar("month") {
                    k += 1
                    continue
                }
                if e < tokens.count, ["morning", "night", "evening", "afternoon"].contains(tokens[e].lower) { e += 1 }
                out.append(make(start..<e, ResolvedDate(date: d.iso, precision: .day), "date.weekday"))
                k += 1
                continue
            }
            if it.isGrammar("relative_day"), let p = published, let off = Int(it.b) {
                out.append(make(it.range, ResolvedDate(date: p.adding(days: off).iso, precision: .day), "date.relative_day"))
                k += 1
                continue
            }
            if it.isGrammar("relative_marker"), let n = k + 1 < items.count ? items[k + 1] : nil, n.isGrammar("period"), n.range.lowerBound == it.range.upperBound, let p = published, let dir = Int(it.b) {
                let r = it.range.lowerBound..<n.range.upperBound
                switch n.b {
                case "month":
                    var y = p.year
                    var m = p.month + dir
                    if m < 1 { m += 12; y -= 1 }
                    if m > 12 { m -= 12; y += 1 }
                    out.append(make(r, ResolvedDate(date: "\(y)-\(m < 10 ? "0" : "")\(m)", precision: .month), "date.relative_month"))
                case "year":
                    out.append(make(r, ResolvedDate(date: "\(p.year + dir)", precision: .year), "date.relative_year"))
                default:
                    let monday = p.adding(days: -(p.weekday - 1) + 7 * dir)
                    let end = dir == 0 ? p : monday.adding(days: 6)
                    out.append(make(r, ResolvedDate(date: monday.iso, endDate: end.iso, precision: .range), "date.relative_week"))
                }
                k += 2
                continue
            }
            if let unit = offsetUnit(it), let p = published, k + 1 < items.count, items[k + 1].isGrammar("offset_direction"),
               let dir = Int(items[k + 1].b) {
                // "two weeks ago": the number is right before the unit
                let s = it.range.lowerBound
                var n: Int? = nil
                var start = s
                if s > 0, let v = num(s - 1) { n = v; start = s - 1 }
                else if let w = out.last, w.kind == .grammar, w.a == "number_word", w.range.upperBound == s { n = w.value; start = w.range.lowerBound; out.removeLast() }
                else if s > 0, tokens[s - 1].lower == "a" { n = 1; start = s - 1 }
                if let n = n {
                    let d = p.adding(days: dir * n * unit)
                    out.append(make(start..<items[k + 1].range.upperBound, unit >= 365 ? ResolvedDate(date: String(d.year), precision: .year)
                        : unit >= 28 ? ResolvedDate(date: String(d.iso.prefix(7)), precision: .month)
                        : ResolvedDate(date: d.iso, endDate: d.iso, precision: unit == 1 ? .day : .range), "date.offset"))
                    k += 2
                    continue
                }
            }
            out.append(it)
            k += 1
        }
        // years on their own ("in 2022", "since 2014"), and ISO dates (2025-06-02)
        var covered = [Bool](repeating: false, count: tokens.count)
        for it in out { for t in it.range { covered[t] = true } }
        var t = 0
        while t < tokens.count {
            defer { t += 1 }
            guard tokens[t].kind == .number, !covered[t], let y = yearAt(t) else { continue }
            if t + 4 < tokens.count, tokens[t + 1].text == "-", let m = num(t + 2), tokens[t + 3].text == "-", let d = num(t + 4), CivilDate.valid(y, m, d) {
                out.append(make(t..<(t + 5), ResolvedDate(date: CivilDate(y, m, d).iso, precision: .day), "date.iso"))
                t += 4
                continue
            }
            // ("a woman born in 1961": a birth year, no date of the events (grammar class `birth_word`);
            // kept as a grammar item, so that no rule reads it as a count either)
            if t > 1, birthWords.contains(tokens[t - 2].lower) {
                var it = Item(kind: .grammar, range: t..<(t + 1), span: span(t..<(t + 1), tokens), text: tokens[t].text, canonical: String(y), rule: "grammar.birth_year")
                it.a = "birth_year"
                out.append(it)
                continue
            }
            if t > 0, ["in", "since", "of", "from", "until", "by", "during", "early", "late", "mid"].contains(tokens[t - 1].lower) {
                out.append(make(t..<(t + 1), ResolvedDate(date: String(y), precision: .year), "date.year"))
            }
        }
        // usually in order already: sorting would copy every item
        if zip(out, out.dropFirst()).allSatisfy({ $0.range.lowerBound <= $1.range.lowerBound }) { return out }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    // MARK: - Institutions ("Russia's Defense Ministry", "the Ministry of Defense of Ukraine", "the air force")

    func institutions(_ items: inout [Item], _ tokens: [Token]) {
        // the country-relative patterns need a country or demonym item
        let anyCountry = items.contains { $0.kind == .country || $0.kind == .demonym }
        var covered = [Int](repeating: -1, count: anyCountry ? tokens.count : 0)
        for n in items.indices where anyCountry { for k in items[n].range { covered[k] = n } }
        func seq(_ at: Int, _ words: [String]) -> Bool {
            guard at >= 0, at + words.count <= tokens.count else { return false }
            for (o, w) in words.enumerated() where tokens[at + o].lower != w { return false }
            return true
        }
        var replacements: [(remove: Set<Int>, item: Item)] = []
        var used = Set<Int>()
        for n in items.indices where items[n].kind == .country || items[n].kind == .demonym {
            let it = items[n]
            guard let iso = it.country, let c = dict.country(iso) else { continue }
            var best: (Range<Int>, Int)? = nil
            var candidates = headOnlyPatterns
            let after = it.range.upperBound
            if after < tokens.count {
                candidates += patternsByTailStart[tokens[after].lower] ?? []
                if tokens[after].lower == "'s", after + 1 < tokens.count { candidates += patternsByTailStart[tokens[after + 1].lower] ?? [] }
            }
            for ci in candidates {
                let p = institutionPatterns[ci]
                let wantsName = p.slot == "country"
                guard wantsName == (it.kind == .country) else { continue }
                var tailStart = it.range.upperBound
                if wantsName, tailStart < tokens.count, tokens[tailStart].lower == "'s" { tailStart += 1 }
                let headStart = it.range.lowerBound - p.head.count
                guard seq(headStart, p.head), seq(tailStart, p.tail), !(p.head.isEmpty && p.tail.isEmpty) else { continue }
                let r = headStart..<(tailStart + p.tail.count)
                if best == nil || r.count > best!.0.count { best = (r, p.index) }
            }
            guard let (r, pi) = best else { continue }
            // the pattern must not swallow other actors
            let inside = Set(r.map { covered[$0] }.filter { $0 >= 0 && $0 != n })
            if inside.contains(where: { items[$0].isActor || items[$0].kind == .place }) { continue }
            // nor cut one in two ("Russian military personnel": the trigger "military personnel" goes on past
            // "Russian military", the people of a demonym, not an institution)
            if inside.contains(where: { items[$0].range.upperBound > r.upperBound || items[$0].range.lowerBound < r.lowerBound }) { continue }
            guard used.isDisjoint(with: inside.union([n])) else { continue }
            used.formUnion(inside.union([n]))
            let pat = dict.institutions[pi]
            let canonical = pat.canonical.replacingOccurrences(of: "{adj}", with: c.adjective).replacingOccurrences(of: "{country}", with: c.name)
            var inst = Item(kind: .organization, range: r, span: span(r, tokens), text: surface(r, tokens), canonical: canonical, country: iso, rule: "institution.\(pi)")
            inst.actorKind = pat.kind
            inst.b = "pattern:\(pi)"
            replacements.append((inside.union([n]), inst))
        }
        if !replacements.isEmpty {
            let drop = replacements.reduce(into: Set<Int>()) { $0.formUnion($1.remove) }
            items = items.enumerated().filter { !drop.contains($0.offset) }.map(\.element) + replacements.map(\.item)
            items.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        // bare institutions ("the Defense Ministry said", "the air force"), resolved later in the document
        covered = [Int](repeating: -1, count: tokens.count)
        for n in items.indices { for k in items[n].range { covered[k] = n } }
        var bare: [Item] = []
        var t = 0
        while t < tokens.count {
            var matched = 0
            var which = -1
            for pi in bareStarts.admits(tokens[t]) ? barePatternsByStart[tokens[t].lower] ?? [] : [] {
                let p = institutionPatterns[pi]
                if p.tail.count > matched, seq(t, p.tail), (t..<(t + p.tail.count)).allSatisfy({ covered[$0] < 0 || items[covered[$0]].kind == .trigger || items[covered[$0]].kind == .title || items[covered[$0]].kind == .grammar }) {
                    matched = p.tail.count
                    which = p.index
                }
            }
            if matched > 0 {
                let r = t..<(t + matched)
                let pat = dict.institutions[which]
                let name = bareNames[which]
                var inst = Item(kind: .organization, range: r, span: span(r, tokens), text: surface(r, tokens), canonical: name, country: nil, rule: "institution.bare")
                inst.actorKind = pat.kind
                inst.b = "bare:\(which)"
                bare.append(inst)
                t += matched
            } else {
                t += 1
            }
        }
        if !bare.isEmpty {
            let drop = Set(bare.flatMap { b in b.range.map { covered[$0] } }.filter { $0 >= 0 })
            items = items.enumerated().filter { !drop.contains($0.offset) }.map(\.element) + bare
            items.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
    }

    // MARK: - Persons not in any dictionary

    func persons(_ items: inout [Item], _ tokens: [Token]) {
        var covered = [Int](repeating: -1, count: tokens.count)
        for n in items.indices { for k in items[n].range { covered[k] = n } }
        func nameToken(_ k: Int) -> Bool {
            guard k < tokens.count else { return false }
            let t = tokens[k]
            guard t.kind == .word, t.isCapitalized, !t.isAllCaps || t.text.count <= 3 else { return false }
            if covered[k] >= 0 {
                // a dictionary surname may end a longer name ("Oleksandr Syrskyi")
                let it = items[covered[k]]
                return it.kind == .person && it.rule == "dict.person.surname"
            }
            return t.text.unicodeScalars.count >= 2
        }
        var found: [Item] = []
        var k = 0
        while k < tokens.count {
            guard nameToken(k) else { k += 1; continue }
            var e = k + 1
            while e < tokens.count, e - k < 4 {
                if nameToken(e) { e += 1; continue }
                // hyphenated (Ivano-Frankivsk is a place; Al-Nahyan is a name) and particles
                if tokens[e].text == "-", !tokens[e].spaceBefore, nameToken(e + 1), !tokens[e + 1].spaceBefore { e += 2; continue }
                if nameParticles.contains(tokens[e].lower), nameToken(e + 1) { e += 2; continue }
                break
            }
            let r = k..<e
            let first = tokens[k]
            let isGiven = dict.givenNames.contains(first.text)
            // the title right before the name
            let prev = items.last { $0.range.upperBound == k }
            let titled = prev?.kind == .title
            let byline = k > 0 && tokens[k - 1].lower == "by" && (k == 1 || tokens[k - 2].text == "\n")
            var accept = false
            if r.count >= 2 && (isGiven || titled) { accept = true }
            if r.count >= 2 && !accept {
                // "Name Surname, the head of", "Name Surname, who": an appositive with a title
                if e + 1 < tokens.count, tokens[e].text == ",", let nt = items.first(where: { $0.range.lowerBound > e && $0.range.lowerBound <= e + 3 }), nt.kind == .title {
                    accept = true
                }
            }
            if byline || k == 0 && r.count == 1 { accept = accept && !byline }
            if accept {
                var it = Item(kind: .person, range: r, span: span(r, tokens), text: surface(r, tokens), canonical: surface(r, tokens), rule: isGiven ? "person.given_name" : (titled ? "person.title" : "person.appositive"))
                it.actorKind = .person
                // a dictionary surname inside: take that person's data
                if let dictIdx = r.map({ covered[$0] }).first(where: { $0 >= 0 }) {
                    it.country = items[dictIdx].country
                    it.title = items[dictIdx].title
                }
                found.append(it)
                k = e
            } else {
                k += 1
            }
        }
        if !found.isEmpty {
            let drop = Set(found.flatMap { f in f.range.map { covered[$0] } }.filter { $0 >= 0 })
            items = items.enumerated().filter { !drop.contains($0.offset) }.map(\.element) + found
            items.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        // title and country from the context
        for n in items.indices where items[n].kind == .person {
            contextualize(&items, n, tokens)
        }
    }

    /// Fills a person's title and country from what precedes the name ("Ukrainian Defense Minister")
    /// or an appositive after it (", the secretary of Ukraine's National Security and Defense Council").
    func contextualize(_ items: inout [Item], _ n: Int, _ tokens: [Token]) {
        let p = items[n]
        var start = p.range.lowerBound
        var sawTitle = false
        var country: String? = nil
        var j = n - 1
        let glue: Set<String> = ["'s", "of", "the", "and", "-"]
        while j >= 0 {
            let it = items[j]
            guard [.title, .demonym, .organization, .place, .country].contains(it.kind) else { break }
            let gap = it.range.gap(to: start..<start)
            guard gap.count <= 3, gap.allSatisfy({ glue.contains(tokens[$0].lower) || (tokens[$0].isCapitalized && tokens[$0].kind == .word) }) else { break }
            if it.kind == .title { sawTitle = true }
            if country == nil, it.kind != .title, let c = it.country { country = c }
            start = it.range.lowerBound
            j -= 1
        }
        var title: String? = nil
        if sawTitle, start < p.range.lowerBound { title = surface(start..<p.range.lowerBound, tokens) }
        // appositive after: ", the X of Y," / ", X's Y,"
        let e = p.range.upperBound
        if title == nil, e + 1 < tokens.count, tokens[e].text == "," {
            var end = e + 1
            while end < tokens.count, tokens[end].text != ",", tokens[end].text != ".", tokens[end].text != ";", end - e < 14 { end += 1 }
            let inner = items.filter { $0.range.lowerBound > e && $0.range.upperBound <= end }
            if inner.contains(where: { $0.kind == .title || ($0.isGrammar("anaphor") && $0.b == "person") }), !inner.contains(where: { $0.kind == .person }) {
                var s = e + 1
                while s < end, ["the", "a", "an", "who", "is", "was", "now", "formerly"].contains(tokens[s].lower) { s += 1 }
                if s < end { title = surface(s..<end, tokens) }
                if country == nil { country = inner.first(where: { $0.country != nil && $0.kind != .person })?.country }
            }
        }
        if let t = title { items[n].title = t }
        if items[n].country == nil { items[n].country = country }
    }
}
