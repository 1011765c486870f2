import ConflictStore
import Foundation
import ConflictExtraction

/// SplitMix64: small, fast, deterministic.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    mutating func range(_ lo: Int, _ hi: Int) -> Int { lo + int(hi - lo + 1) }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
    mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
}

/// The vocabulary of the synthetic corpus. Every name (country, place, person) comes from the
/// project's dictionary files at run time; this file only holds sentence patterns and common words.
struct Vocabulary {
    struct Side {
        var iso: String
        var name: String
        var adjective: String
        var cities: [String]
        var regions: [String]
        var people: [(name: String, title: String)]
    }
    var sides: [String: Side] = [:]
    var pairs: [(String, String)] = []
    var venues: [String] = []
    var mediators: [String] = []

    init(_ d: Dictionaries) {
        var cities: [String: [String]] = [:]
        var regions: [String: [String]] = [:]
        var capitals: [(String, String)] = []
        for p in d.places {
            guard let c = p.country, p.name.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" }) else { continue }
            switch p.kind {
            case "city", "town", "capital": cities[c, default: []].append(p.name)
            case "region": regions[c, default: []].append(p.name)
            default: break
            }
            if p.kind == "capital" { capitals.append((p.name, c)) }
        }
        var people: [String: [(String, String)]] = [:]
        for p in d.people {
            guard let c = p.country, let t = p.title, !t.isEmpty else { continue }
            people[c, default: []].append((p.name, t))
        }
        func side(_ iso: String) -> Side? {
            guard let c = d.country(iso), let cs = cities[iso], cs.count >= 3 else { return nil }
            return Side(iso: iso, name: c.name, adjective: c.adjective, cities: cs,
                        regions: regions[iso] ?? [], people: people[iso] ?? [])
        }
        for (a, b) in d.conflicts {
            if let sa = side(a), let sb = side(b) {
                sides[a] = sa; sides[b] = sb
                pairs.append((a, b))
            }
        }
        // More, fictional, pairs between countries the dictionaries know well, for variety of actors.
        let rich = cities.filter { $0.value.count >= 20 }.keys.sorted()
        var rng = SplitMix64(seed: 7)
        for _ in 0..<8 where rich.count >= 2 {
            let a = rng.pick(rich), b = rng.pick(rich)
            guard a != b, let sa = side(a), let sb = side(b) else { continue }
            sides[a] = sa; sides[b] = sb
            pairs.append((a, b))
        }
        let used = Set(sides.keys)
        venues = capitals.filter { !used.contains($0.1) }.map(\.0).sorted()
        mediators = Array(Set(capitals.map(\.1)).subtracting(used)).sorted().compactMap { d.country($0)?.name }
        if venues.isEmpty { venues = capitals.map(\.0) }
        if mediators.isEmpty { mediators = ["international mediators"] }
    }
}

/// Generates the synthetic corpus: `.md` files with YAML front matter, `.txt` files with a date line,
/// and `.jsonl` batches; about 3-6 KB per article; ~35% of articles report no event.
struct CorpusGenerator {
    let vocab: Vocabulary
    var rng: SplitMix64
    /// Events fall on `days` days ending on the 1,400th day from 2022-02-24 (those 1,400 by default; fewer
    /// for a batch of recent news, more to keep the events per day of a smaller corpus: `child generate`).
    var days = 1400

    static let months = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let outletA = ["Daily", "Evening", "Morning", "Global", "Northern", "Eastern", "Free", "Independent", "Weekly"]
    static let outletB = ["Herald", "Ledger", "Wire", "Post", "Chronicle", "Dispatch", "Observer", "Monitor", "Courier"]
    static let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth"]
    static let fillerSubjects = ["The regional economy", "Grain exports", "The energy grid", "Local schools", "Rail traffic",
                                 "The housing market", "Hospital staff", "Volunteer groups", "Small businesses", "Farmers"]
    static let fillerVerbs = ["continued to recover", "faced new pressure", "adapted to the situation", "struggled with shortages",
                              "drew attention from analysts", "reported mixed results", "received new funding"]
    static let fillerTails = ["over the past months", "despite rising costs", "according to a recent survey",
                              "as winter approached", "in the wake of the latest budget", "while officials urged patience",
                              "as prices rose again", "following a long debate in parliament"]
    static let commentary = [
        "Analysts cautioned that the situation remained fluid and that official figures could not be independently verified.",
        "The claims could not be independently verified, and neither side commented on the other's statement.",
        "Observers said the developments would weigh on the next round of diplomatic contacts.",
        "Humanitarian organizations called for restraint and for safe access to the affected areas.",
        "Officials did not provide further details, saying that an assessment was still under way.",
        "Local residents described a long night of sirens and explosions, followed by a quiet morning.",
    ]

    struct Item {
        var title: String
        var outlet: String
        var url: String
        var date: String
        var body: String
        var description: String
    }

    mutating func day(_ i: Int) -> (iso: String, date: Date, weekday: Int) {
        let base = 1_645_660_800.0 // 2022-02-24 UTC
        let offset = 1400 - days + rng.int(days)
        let d = Date(timeIntervalSince1970: base + Double(offset) * 86400)
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day, .weekday], from: d)
        return (String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!), d, c.weekday! - 1)
    }

    func dayText(_ date: Date, minus: Int) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let d = date.addingTimeInterval(-Double(minus) * 86400)
        let c = cal.dateComponents([.month, .day], from: d)
        return "\(Self.months[c.month! - 1]) \(c.day!)"
    }

    mutating func person(_ s: Vocabulary.Side) -> (name: String, title: String)? {
        s.people.isEmpty ? nil : rng.pick(s.people)
    }

    mutating func speaker(_ s: Vocabulary.Side) -> String {
        if let p = person(s), rng.chance(0.6) { return "\(p.title) \(p.name)" }
        return rng.pick(["the \(s.adjective) Defense Ministry", "the \(s.adjective) Air Force", "the \(s.adjective) General Staff",
                         "the \(s.adjective) Foreign Ministry"])
    }

    mutating func filler(_ s: Vocabulary.Side) -> String {
        var sentences: [String] = []
        for _ in 0..<rng.range(3, 6) {
            switch rng.int(4) {
            case 0:
                sentences.append("\(rng.pick(Self.fillerSubjects)) in \(rng.pick(s.cities)) \(rng.pick(Self.fillerVerbs)) \(rng.pick(Self.fillerTails)).")
            case 1:
                sentences.append("In \(rng.pick(s.cities)), about \(rng.range(2, 90)) percent of residents said they \(rng.pick(["expected prices to rise", "had stocked up on fuel", "supported the new measures", "planned to stay"])), \(rng.pick(Self.fillerTails)).")
            case 2:
                sentences.append(rng.pick(Self.commentary))
            default:
                let r = s.regions.isEmpty ? rng.pick(s.cities) : rng.pick(s.regions)
                sentences.append("Authorities in \(r) \(rng.pick(["announced repairs to roads and bridges", "opened new shelters", "extended the curfew", "held a public hearing on reconstruction"])) \(rng.pick(Self.fillerTails)).")
            }
        }
        return sentences.joined(separator: " ")
    }

    mutating func strike(_ a: Vocabulary.Side, _ b: Vocabulary.Side, date: Date, weekday: Int) -> (String, [String]) {
        let drones = rng.range(8, 480), missiles = rng.chance(0.5) ? rng.range(1, 60) : 0
        let downedD = rng.range(0, drones), downedM = rng.range(0, missiles)
        let city = rng.pick(b.cities), city2 = rng.pick(b.cities)
        let wd = Self.weekdays[(weekday + 6) % 7]
        var paras: [String] = []
        let launched = missiles > 0 ? "\(drones) drones and \(missiles) missiles" : "\(drones) drones"
        paras.append(rng.chance(0.5)
            ? "\(a.name) launched \(launched) at \(b.name) overnight into \(Self.weekdays[weekday]), \(speaker(b)) said."
            : "\(a.adjective) forces attacked \(b.name) with \(launched) on \(wd) night, \(speaker(b)) said on \(Self.weekdays[weekday]).")
        paras.append("Air defenses shot down \(downedD) drones\(missiles > 0 ? " and \(downedM) missiles" : ""), the \(b.adjective) Air Force said in a statement. "
                     + "Debris from a downed drone damaged a residential building and a power facility in \(city).")
        if rng.chance(0.7) {
            let killed = rng.range(1, 40), injured = rng.range(0, 120)
            let who = person(b).map { "\($0.title) \($0.name)" } ?? "local officials"
            paras.append("At least \(killed) people were killed and \(injured) injured in \(city2), \(who) said.")
        }
        if rng.chance(0.4) {
            paras.append("The \(a.adjective) Defense Ministry said its forces shot down \(rng.range(5, 150)) \(b.adjective) drones over \(rng.pick(a.cities)) overnight.")
        }
        let title = rng.chance(0.5) ? "\(a.adjective) drones and missiles hit \(city)" : "\(b.name) says it downed \(downedD) drones"
        return (title, paras)
    }

    mutating func swap(_ a: Vocabulary.Side, _ b: Vocabulary.Side, date: Date, weekday: Int) -> (String, [String]) {
        let n = rng.range(20, 400), civ = rng.range(0, 12)
        let mediator = rng.pick(vocab.mediators)
        var paras: [String] = []
        paras.append("\(a.name) and \(b.name) on \(Self.weekdays[(weekday + 6) % 7]) exchanged \(n) prisoners of war each, in a swap mediated by \(mediator).")
        paras.append("The \(a.adjective) Defense Ministry said \(n) of its servicemen were returned from captivity, as well as \(civ) \(a.adjective) civilians.")
        if let p = person(b) {
            paras.append("\"We are bringing our people home,\" \(p.title) \(p.name) said, adding that \(n + civ) \(b.adjective) citizens had returned.")
        }
        if rng.chance(0.3) {
            paras.append("The two sides last conducted a prisoner exchange on \(dayText(date, minus: rng.range(20, 90))), when \(rng.range(50, 300)) prisoners were swapped.")
        }
        return ("\(a.name) and \(b.name) swap \(n) prisoners each", paras)
    }

    mutating func talks(_ a: Vocabulary.Side, _ b: Vocabulary.Side, date: Date, weekday: Int) -> (String, [String]) {
        let venue = rng.pick(vocab.venues), mediator = rng.pick(vocab.mediators)
        let round = rng.pick(Self.ordinals)
        var paras: [String] = []
        paras.append("Delegations from \(a.name) and \(b.name) met in \(venue) on \(Self.weekdays[(weekday + 6) % 7]) for the \(round) round of direct talks, mediated by \(mediator).")
        for s in [a, b] {
            if let p1 = person(s), let p2 = person(s), p1.name != p2.name {
                paras.append("The \(s.adjective) delegation was led by \(p1.title) \(p1.name) and included \(p2.title) \(p2.name).")
            }
        }
        paras.append("The talks in \(venue) lasted about \(rng.range(2, 9)) hours, and the sides agreed to meet again, \(speaker(a)) told reporters.")
        return ("\(a.adjective) and \(b.adjective) delegations hold \(round) round of talks in \(venue)", paras)
    }

    mutating func article(_ i: Int) -> Item {
        let (a0, b0) = rng.chance(0.7) ? vocab.pairs[0] : rng.pick(vocab.pairs)
        let (ai, bi) = rng.chance(0.5) ? (a0, b0) : (b0, a0)
        let a = vocab.sides[ai]!, b = vocab.sides[bi]!
        let (iso, date, weekday) = day(i)
        var title: String
        var paras: [String]
        switch rng.int(100) {
        case 0..<35: (title, paras) = strike(a, b, date: date, weekday: weekday)
        case 35..<50: (title, paras) = swap(a, b, date: date, weekday: weekday)
        case 50..<63: (title, paras) = talks(a, b, date: date, weekday: weekday)
        default:
            title = "\(rng.pick(Self.fillerSubjects)) in \(rng.pick(a.cities)) \(rng.pick(Self.fillerVerbs))"
            paras = []
        }
        let target = rng.range(3000, 5800)
        var body = paras.joined(separator: "\n\n")
        while body.utf8.count < target {
            body += (body.isEmpty ? "" : "\n\n") + filler(rng.chance(0.5) ? a : b)
        }
        let outlet = "\(rng.pick(Self.outletA)) \(rng.pick(Self.outletB))"
        let host = outlet.lowercased().replacingOccurrences(of: " ", with: "") + ".com"
        let url = "https://\(host)/news/\(iso.prefix(7).replacingOccurrences(of: "-", with: "/"))/article-\(i)"
        let description = String(body.prefix { $0 != "\n" }.prefix(160))
        if rng.chance(0.5) { title += " - \(outlet)" }
        return Item(title: title, outlet: outlet, url: url, date: iso, body: body, description: description)
    }

    static func jsonString(_ s: String) -> String { ResultTable.jsonString(s) }

    static func yamlString(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Writes `count` articles under `dir`: ~45% `.md` (front matter), ~25% `.txt` (date line), ~30% in
    /// `.jsonl` batches of 500 lines; 1,000 files per sub-folder. Returns (files, bytes).
    static func write(count: Int, to dir: URL, dictionaries: Dictionaries, seed: UInt64, days: Int = 1400) throws -> (files: Int, bytes: Int) {
        let fm = FileManager.default
        try? fm.removeItem(at: dir)
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        var gen = CorpusGenerator(vocab: Vocabulary(dictionaries), rng: SplitMix64(seed: seed))
        gen.days = max(1, days)
        var files = 0, bytes = 0, inFolder = 0, folder = 0
        var folderURL = dir.appendingPathComponent("batch-0000")
        try fm.createDirectory(at: folderURL, withIntermediateDirectories: true)
        var jsonl = Data()
        var jsonlLines = 0, jsonlFiles = 0
        func flushJSONL() throws {
            guard jsonlLines > 0 else { return }
            try jsonl.write(to: dir.appendingPathComponent(String(format: "wire-%04d.jsonl", jsonlFiles)))
            bytes += jsonl.count
            files += 1; jsonlFiles += 1
            jsonl.removeAll(keepingCapacity: true); jsonlLines = 0
        }
        for i in 0..<count {
            let it = gen.article(i)
            let r = gen.rng.int(100)
            if r < 30 {
                let line = "{\"title\": \(jsonString(it.title)), \"url\": \(jsonString(it.url)), \"outlet\": \(jsonString(it.outlet)), \"date\": \(jsonString(it.date)), \"text\": \(jsonString(it.body))}\n"
                jsonl.append(contentsOf: line.utf8)
                jsonlLines += 1
                if jsonlLines == 500 { try flushJSONL() }
                continue
            }
            if inFolder == 1000 {
                folder += 1; inFolder = 0
                folderURL = dir.appendingPathComponent(String(format: "batch-%04d", folder))
                try fm.createDirectory(at: folderURL, withIntermediateDirectories: true)
            }
            let text: String
            let name: String
            if r < 75 {
                let words = it.body.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
                text = "---\ntitle: \(yamlString(it.title))\nsource: \(it.url)\ndate: \(it.date)\n"
                    + (gen.rng.chance(0.5) ? "outlet: \(yamlString(it.outlet))\n" : "")
                    + "description: \(yamlString(it.description))\nword_count: \(words)\n---\n\n\(it.body)\n"
                name = String(format: "a%07d.md", i)
            } else {
                text = " date \(it.date) \(it.body)\n"
                name = String(format: "a%07d.txt", i)
            }
            let data = Data(text.utf8)
            try data.write(to: folderURL.appendingPathComponent(name))
            bytes += data.count
            files += 1
            inFolder += 1
        }
        try flushJSONL()
        return (files, bytes)
    }
}
