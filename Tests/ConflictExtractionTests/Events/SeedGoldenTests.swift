import Foundation
import Testing
@testable import ConflictExtraction

/// Golden files: the reports extracted from `seeds/` with the shipped dictionaries. After an intended
/// change, regenerate with `UPDATE_GOLDEN=1 swift test --filter SeedGoldenTests` and review the diff.
@Suite("Seeds: golden reports")
struct SeedGoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = ["000_8729a2641a16f997.txt", "003_66e0c6b5db4e337e.txt"]

    struct Golden: Codable, Equatable {
        var exchanges: [ExchangeReport]
        var attacks: [AttackReport]
        var talks: [TalksReport]
        var persons: [String]
    }

    func golden(_ seed: String) throws -> Golden {
        let url = Self.root.appendingPathComponent("seeds").appendingPathComponent(seed)
        let article = try ArticleReader().read(fileAt: url, displayPath: "seeds/" + seed)[0].get()
        let r = Extractor(dictionaries: shippedDictionaries).extract(article)
        return Golden(exchanges: r.exchanges, attacks: r.attacks, talks: r.talks,
                      persons: r.actors.filter { $0.ref.kind == .person }.map(\.ref.name))
    }

    @Test(arguments: seeds)
    func matchesGolden(_ seed: String) throws {
        let got = try golden(seed)
        let file = Self.root.appendingPathComponent("Tests/ConflictExtractionTests/Fixtures/golden/\(seed).json")
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try enc.encode(got).write(to: file)
        }
        let want = try JSONDecoder().decode(Golden.self, from: Data(contentsOf: file))
        #expect(got == want)
    }

    /// What the seeds' gold annotations require, independent of the golden files.
    @Test func seedFacts() throws {
        let a = try golden(Self.seeds[0])
        // 157 each (Witkoff) and 157 servicemen + 3 civilians (Russian Defense Ministry): RUS 157 or 160
        #expect(a.exchanges.contains { $0.date?.date == "2026-02-05" && [157, 160].contains($0.returnedToA?.value ?? 0) && $0.returnedToB == Figure(157) && $0.total == Figure(314) })
        #expect(a.exchanges.contains { $0.date?.date == "2025-10-02" })
        #expect(a.exchanges.allSatisfy { $0.status == .completed })
        #expect(a.talks.contains { $0.location == "Abu Dhabi" && $0.round == 2 && $0.startDate?.date == "2026-02-04" })
        let b = try golden(Self.seeds[1])
        let wave = try #require(b.attacks.first { $0.attacker == "RUS" && $0.dronesLaunched == Figure(183) })
        #expect(wave.dronesDowned == Figure(156) && wave.dronesHit == Figure(22) && wave.missilesLaunched == Figure(2))
        let round = try #require(b.talks.first { $0.round == 2 })
        #expect(Set(round.delegations.map(\.side)) == ["UKR", "RUS", "USA"])
        #expect(b.persons.contains("Volodymyr Zelenskyy"))
        for credited in ["Pavlenko", "Shalvey", "Malekian", "Leyva", "Stukalova"] {
            #expect(!b.persons.contains { $0.contains(credited) }, "journalist \(credited) is not an actor")
        }
    }
}
