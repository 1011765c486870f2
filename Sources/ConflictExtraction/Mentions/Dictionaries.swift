import Foundation

/// Errors loading dictionary files: always with file and line.
public struct DictionaryError: Error, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
    public var description: String { "\(file):\(line): \(message)" }
}

public struct CountryEntry: Sendable {
    public var iso3: String
    public var name: String
    public var aliases: [String]
    public var demonyms: [String]
    /// The adjective used in canonical institution names (`Russian Defense Ministry`).
    public var adjective: String { demonyms.first ?? name }
}

public struct PlaceEntry: Sendable {
    public var name: String
    public var country: String?
    public var admin1: String?
    public var kind: String
    public var lat: Double?
    public var lon: Double?
    public var aliases: [String]
    public var isRegion: Bool { kind == "region" || kind == "territory" }
}

public struct OrganizationEntry: Sendable {
    public var name: String
    public var kind: ActorKind
    public var country: String?
    public var aliases: [String]
}

public struct PersonEntry: Sendable {
    public var name: String
    public var country: String?
    public var title: String?
    public var validFrom: String?
    public var validTo: String?
    public var aliases: [String]
}

public struct InstitutionPattern: Sendable {
    public var pattern: String
    public var kind: ActorKind
    public var canonical: String
}

/// A generic two-attribute term (weapons, triggers, targets, titles, numbers, grammar words).
public struct TermEntry: Sendable {
    public var term: String
    public var a: String
    public var b: String
}

/// All vocabulary, loaded from the data files (see Resources/dictionaries/README.md).
public final class Dictionaries: Sendable {
    public let countries: [CountryEntry]
    public let places: [PlaceEntry]
    public let organizations: [OrganizationEntry]
    public let people: [PersonEntry]
    /// Lines of `people` by name, in file order: a person with several titles has one line per title.
    public let peopleLines: [String: [Int]]

    /// The line of a person's title on `date` (ISO) when the person has several: the one whose
    /// `valid_from`…`valid_to` holds the date, else nil (the lexicon's line stands).
    public func datedLine(of name: String, on date: String) -> Int? {
        guard let lines = peopleLines[name], lines.count > 1 else { return nil }
        return lines.first { i in (people[i].validFrom ?? "") <= date && date <= (people[i].validTo ?? "9999") }
    }
    public let institutions: [InstitutionPattern]
    public let givenNames: Set<String>
    public let titles: [TermEntry]      // a = kind
    public let weapons: [TermEntry]     // a = category, b = subtype
    public let triggers: [TermEntry]    // a = frame, b = slot
    public let targets: [TermEntry]     // a = category
    public let abbreviations: Set<String>
    public let numbers: [TermEntry]     // a = value, b = kind
    public let ordinals: [TermEntry]    // a = value
    public let boilerplate: [TermEntry] // a = where
    public let grammar: [TermEntry]     // a = class, b = value
    public let conflicts: [(String, String)]

    public let countryByISO: [String: Int]
    public let lexicon: Lexicon

    /// The folder of the shipped dictionaries.
    public static var shippedDirectory: URL? {
        Bundle.module.url(forResource: "dictionaries", withExtension: nil)
    }

    static let files: [(name: String, required: [String])] = [
        ("countries", ["iso3", "name", "aliases", "demonyms"]),
        ("places", ["name", "country", "admin1", "kind", "lat", "lon", "aliases"]),
        ("institutions", ["pattern", "kind", "canonical"]),
        ("organizations", ["name", "kind", "country", "aliases"]),
        ("people", ["name", "country", "title", "valid_from", "valid_to", "aliases"]),
        ("given_names", ["name"]),
        ("titles", ["title", "kind"]),
        ("weapons", ["term", "category", "subtype"]),
        ("triggers", ["term", "frame", "slot"]),
        ("targets", ["term", "category"]),
        ("abbreviations", ["abbreviation"]),
        ("numbers", ["word", "value", "kind"]),
        ("ordinals", ["word", "value"]),
        ("boilerplate", ["pattern", "where"]),
        ("grammar", ["term", "class", "value"]),
        ("conflicts", ["side_a", "side_b"]),
    ]

    /// Loads the shipped dictionaries, extended or overridden by the files of `overrides` (if any).
    /// `base` replaces the shipped folder (tests use a small dictionary set of their own).
    public static func load(overrides: URL? = nil, base: URL? = nil) throws -> Dictionaries {
        guard let dir = base ?? shippedDirectory else {
            throw DictionaryError(file: "dictionaries", line: 0, message: "the shipped dictionary folder was not found next to the binary")
        }
        var tables: [String: [TSVFile.Row]] = [:]
        for (name, required) in files {
            let shipped = dir.appendingPathComponent(name + ".tsv")
            var rows: [TSVFile.Row] = []
            var replaced = false
            if let o = overrides {
                let rep = o.appendingPathComponent(name + ".replace.tsv")
                if FileManager.default.fileExists(atPath: rep.path) {
                    rows = try read(rep, required: required)
                    replaced = true
                }
            }
            if !replaced, FileManager.default.fileExists(atPath: shipped.path) {
                rows = try read(shipped, required: required)
            }
            if !replaced, let o = overrides {
                let add = o.appendingPathComponent(name + ".tsv")
                if FileManager.default.fileExists(atPath: add.path) {
                    let extra = try read(add, required: required)
                    let key = required[0]
                    let keys = Set(extra.map { $0[key].lowercased() })
                    // people keep several lines per name (one per title), the rest replace by key
                    if name != "people" { rows.removeAll { keys.contains($0[key].lowercased()) } }
                    rows += extra
                }
            }
            tables[name] = rows
        }
        return try Dictionaries(tables: tables)
    }

    private static func read(_ url: URL, required: [String]) throws -> [TSVFile.Row] {
        let data = try Data(contentsOf: url)
        guard let text = String(data: data, encoding: .utf8) else {
            throw DictionaryError(file: url.path, line: 0, message: "not UTF-8")
        }
        return try TSVFile(name: url.path, text: text, required: required).rows
    }

    init(tables t: [String: [TSVFile.Row]]) throws {
        func fail(_ file: String, _ row: TSVFile.Row, _ msg: String) -> DictionaryError {
            DictionaryError(file: file + ".tsv", line: row.line, message: msg)
        }
        func iso(_ file: String, _ row: TSVFile.Row, _ col: String) throws -> String? {
            let v = row[col]
            if v.isEmpty { return nil }
            guard v.count == 3, v.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw fail(file, row, "'\(v)' in column \(col) is not an ISO 3166-1 alpha-3 code")
            }
            return v
        }
        func actorKind(_ file: String, _ row: TSVFile.Row, _ col: String) throws -> ActorKind {
            guard let k = ActorKind(rawValue: row[col]) else {
                throw fail(file, row, "unknown kind '\(row[col])' (one of \(ActorKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return k
        }
        var countries: [CountryEntry] = []
        for r in t["countries"] ?? [] {
            countries.append(CountryEntry(iso3: try iso("countries", r, "iso3") ?? "", name: r["name"], aliases: r.list("aliases"), demonyms: r.list("demonyms")))
        }
        self.countries = countries
        var byISO: [String: Int] = [:]
        for (i, c) in countries.enumerated() { byISO[c.iso3] = i }
        self.countryByISO = byISO
        func known(_ file: String, _ row: TSVFile.Row, _ col: String) throws -> String? {
            guard let v = try iso(file, row, col) else { return nil }
            if !byISO.isEmpty, byISO[v] == nil { throw fail(file, row, "unknown country '\(v)'") }
            return v
        }
        let placeKinds: Set<String> = ["capital", "city", "town", "region", "district", "venue", "water", "territory"]
        var places: [PlaceEntry] = []
        for r in t["places"] ?? [] {
            guard placeKinds.contains(r["kind"]) else { throw fail("places", r, "unknown kind '\(r["kind"])'") }
            places.append(PlaceEntry(name: r["name"], country: try known("places", r, "country"), admin1: r["admin1"].isEmpty ? nil : r["admin1"],
                                     kind: r["kind"], lat: Double(r["lat"]), lon: Double(r["lon"]), aliases: r.list("aliases")))
        }
        self.places = places
        self.organizations = try (t["organizations"] ?? []).map {
            OrganizationEntry(name: $0["name"], kind: try actorKind("organizations", $0, "kind"), country: try known("organizations", $0, "country"), aliases: $0.list("aliases"))
        }
        self.people = try (t["people"] ?? []).map {
            PersonEntry(name: $0["name"], country: try known("people", $0, "country"), title: $0["title"].isEmpty ? nil : $0["title"],
                        validFrom: $0["valid_from"].isEmpty ? nil : $0["valid_from"], validTo: $0["valid_to"].isEmpty ? nil : $0["valid_to"], aliases: $0.list("aliases"))
        }
        var lines: [String: [Int]] = [:]
        for (i, p) in people.enumerated() { lines[p.name, default: []].append(i) }
        self.peopleLines = lines
        self.institutions = try (t["institutions"] ?? []).map {
            InstitutionPattern(pattern: $0["pattern"], kind: try actorKind("institutions", $0, "kind"), canonical: $0["canonical"])
        }
        self.givenNames = Set((t["given_names"] ?? []).map { $0["name"] })
        func terms(_ file: String, _ k: String, _ a: String, _ b: String?) -> [TermEntry] {
            (t[file] ?? []).map { row in TermEntry(term: row[k], a: row[a], b: b.map { row[$0] } ?? "") }
        }
        self.titles = terms("titles", "title", "kind", nil)
        self.weapons = terms("weapons", "term", "category", "subtype")
        for w in t["weapons"] ?? [] where !["drone", "missile", "bomb"].contains(w["category"]) {
            throw fail("weapons", w, "unknown category '\(w["category"])' (drone, missile, bomb)")
        }
        self.triggers = terms("triggers", "term", "frame", "slot")
        self.targets = terms("targets", "term", "category", nil)
        self.abbreviations = Set((t["abbreviations"] ?? []).map { a -> String in
            var s = a["abbreviation"].lowercased()
            if s.hasSuffix(".") { s.removeLast() }
            return s
        })
        for n in t["numbers"] ?? [] where Int(n["value"]) == nil {
            throw fail("numbers", n, "value '\(n["value"])' is not an integer")
        }
        self.numbers = terms("numbers", "word", "value", "kind")
        self.ordinals = terms("ordinals", "word", "value", nil)
        self.boilerplate = terms("boilerplate", "pattern", "where", nil)
        self.grammar = terms("grammar", "term", "class", "value")
        var conflicts: [(String, String)] = []
        for r in t["conflicts"] ?? [] {
            guard let a = try known("conflicts", r, "side_a"), let b = try known("conflicts", r, "side_b") else { continue }
            conflicts.append((a, b))
        }
        self.conflicts = conflicts
        var lex = Lexicon()
        for (i, c) in countries.enumerated() {
            for n in [c.name] + c.aliases { lex.add(n, .country, i) }
            for n in c.demonyms { lex.add(n, .demonym, i) }
        }
        var placeNames = Set<String>()
        for p in places { for n in [p.name] + p.aliases { placeNames.insert(n.lowercased()) } }
        for (i, p) in places.enumerated() {
            for n in [p.name] + p.aliases { lex.add(n, .place, i) }
            // a city district named "X Raion" is also "X" ("the Darnytskyi and Dniprovskyi districts"), unless
            // another entry has that name
            if p.name.hasSuffix(" Raion"), p.kind == "city" {
                let stem = String(p.name.dropLast(6))
                if stem.count >= 6, !placeNames.contains(stem.lowercased()) { lex.add(stem, .place, i) }
            }
        }
        for (i, o) in organizations.enumerated() { for n in [o.name] + o.aliases { lex.add(n, .organization, i) } }
        for (i, p) in people.enumerated() {
            for n in [p.name] + p.aliases {
                lex.add(n, .person, i)
                if let last = n.split(separator: " ").last, last.count >= 4, n.contains(" ") { lex.add(String(last), .personSurname, i) }
            }
        }
        for (i, e) in titles.enumerated() { lex.add(e.term, .title, i) }
        for (i, e) in weapons.enumerated() { lex.add(e.term, .weapon, i) }
        for (i, e) in triggers.enumerated() { lex.add(e.term, .trigger, i) }
        for (i, e) in targets.enumerated() { lex.add(e.term, .target, i) }
        for (i, e) in numbers.enumerated() { lex.add(e.term, .number, i) }
        for (i, e) in ordinals.enumerated() { lex.add(e.term, .ordinal, i) }
        for (i, e) in grammar.enumerated() where !Self.wordListClasses.contains(e.a) { lex.add(e.term, .grammar, i) }
        lex.seal()
        self.lexicon = lex
    }

    /// Each country's capital (the first place of kind `capital` with that country), ISO3 -> name.
    public func capitals() -> [String: String] {
        var caps: [String: String] = [:]
        for p in places where p.kind == "capital" { if let c = p.country, caps[c] == nil { caps[c] = p.name } }
        return caps
    }

    /// The names of the places of kind `city` or `capital`.
    public func cityNames() -> Set<String> {
        Set(places.filter { $0.kind == "city" || $0.kind == "capital" }.map(\.name))
    }

    /// The country entry of an ISO3 code.
    public func country(_ iso3: String) -> CountryEntry? {
        countryByISO[iso3].map { countries[$0] }
    }

    /// Grammar classes that are word lists the rules read (a token's text against the list, or consolidation
    /// comparing place names), not phrases looked for as mentions: they stay out of the lexicon, so that
    /// adding a word to them changes no mention.
    public static let wordListClasses: Set<String> = ["place_unit", "superlative", "night", "participle", "perfect_adverb", "event_determiner", "launch_filler", "partitive", "list_bullet", "copula", "time_marker", "agree_word", "event_anaphor", "month_lead", "period_modifier", "future_marker", "toll_update", "agree_noun", "same_number", "date_anaphor", "process_span", "speech_setting", "subject_filler", "district_ending", "birth_word", "cause_marker", "clock_word", "outage", "after_word", "earlier_figure", "same_day", "month_total_lead", "cancel_word", "platform_noun", "non_combat", "next_day", "no_info", "habitual", "other_topic", "conflict_noun", "vague_lead", "talks_attribute", "weapon_filler", "person_modifier", "city_venue", "day_after", "internal_body", "river_word", "service_verb", "earlier_event", "send_verb"]

    /// Grammar words of a class (`region_suffix`, `qualifier`, ...), lowercased term -> value.
    public func grammarClass(_ cls: String) -> [String: String] {
        var out: [String: String] = [:]
        for g in grammar where g.a == cls { out[g.term.lowercased()] = g.b }
        return out
    }

    /// The (lowercased) terms of a grammar class, for the rules that read it as a word list.
    public func words(_ cls: String) -> Set<String> {
        Set(grammarClass(cls).keys)
    }

    /// The other side of `iso3` in the conflicts file, when it has exactly one opponent.
    public func opponent(of iso3: String) -> String? {
        let others = Set(conflicts.compactMap { $0.0 == iso3 ? $0.1 : ($0.1 == iso3 ? $0.0 : nil) })
        return others.count == 1 ? others.first : nil
    }
}
