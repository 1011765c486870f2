import Foundation
import TestSupport
import Testing
@testable import ConflictExtraction

@Suite("Dictionaries: loading, errors, overrides, consistency")
struct DictionaryTests {
    func folder(_ files: [String: String]) throws -> URL {
        let dir = try scratchDirectory("dict")
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func malformedLinesAreReportedWithFileAndLine() throws {
        let dir = try folder(["weapons.tsv": "# weapons\nterm\tcategory\tsubtype\ndrone\tdrone\t\nlaser\tbeam\t\n"])
        #expect {
            try Dictionaries.load(overrides: dir, base: Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("dictionaries"))
        } throws: { e in
            let d = e as? DictionaryError
            return d?.line == 4 && d!.file.hasSuffix("weapons.tsv") && d!.message.contains("beam")
        }
        let bad = try folder(["countries.tsv": "iso3\tname\taliases\tdemonyms\nXX\tNowhere\t\t\n"])
        #expect(throws: DictionaryError.self) { try Dictionaries.load(overrides: bad) }
        let noHeader = try folder(["places.tsv": "name\tcountry\n"])
        #expect(throws: DictionaryError.self) { try Dictionaries.load(overrides: noHeader) }
    }

    @Test func overridesExtendTheVocabulary() throws {
        let dir = try folder(["places.tsv": "name\tcountry\tadmin1\tkind\tlat\tlon\taliases\nNovaya Testovka\tRUS\tKursk Oblast\ttown\t\t\tTestovka\n"])
        let base = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("dictionaries")
        let d = try Dictionaries.load(overrides: dir, base: base)
        let found = Extractor(dictionaries: d).analyze(article("Drones hit Testovka overnight.")).sentences[0].items.filter { $0.kind == .place }
        #expect(found.map(\.canonical) == ["Novaya Testovka"])
        // and the test set still has its own places
        #expect(d.places.count == testDictionaries.places.count + 1)
    }

    /// The shipped data: no name or alias may point at two different countries, or at two places.
    @Test func shippedDictionariesAreConsistent() throws {
        let d = shippedDictionaries
        var seen: [String: String] = [:]
        var clashes: [String] = []
        for c in d.countries {
            for n in [c.name] + c.aliases + c.demonyms {
                if let other = seen[n.lowercased()], other != c.iso3 { clashes.append("\(n): \(other) / \(c.iso3)") }
                seen[n.lowercased()] = c.iso3
            }
        }
        var places: [String: String] = [:]
        for p in d.places {
            for n in [p.name] + p.aliases {
                let key = n.lowercased()
                if let other = places[key], other != p.name { clashes.append("\(n): \(other) / \(p.name)") }
                places[key] = p.name
            }
        }
        #expect(clashes.isEmpty, "\(clashes.prefix(10))")
        #expect(d.countries.count >= 249)
        for iso in ["UKR", "RUS", "BLR", "MDA", "GEO"] {
            #expect(d.places.filter { $0.country == iso && ["region", "district", "territory"].contains($0.kind) }.count >= 5, "\(iso) regions")
        }
    }
}
