import Foundation
import Testing
@testable import ConflictExtraction

/// Extraction must not trap on any text: a trap ends the whole import of a batch, not one article.
/// These tests feed sentences that once trapped and deterministic scrambles of the seeds and of
/// sentences written for them (a crash fails the test run).
@Suite("Events: no input makes extraction trap")
struct RobustnessTests {
    /// Items of a sentence can overlap ("one drone ... a 60-year-old man": the age's number and the
    /// number before it); a gap computed as `upperBound..<next.lowerBound` trapped there.
    @Test func overlappingItemsDoNotTrap() {
        let r = testExtractor.extract(article("Debris of one drone fell on a house near Kharkiv, killing a 60-year-old man."))
        #expect(r.attacks.count <= 1)
    }

    /// A fixed-seed linear congruential generator (Knuth's MMIX constants): the same scrambles on every run.
    /// A text that ends in a comma right after a casualty figure: the look for ", including ..." read
    /// the token after the last one.
    @Test func aCommaAtTheEndDoesNotTrap() {
        let r = testExtractor.extract(article("A drone struck Kharkiv overnight, killing two people,"))
        #expect(r.attacks.count <= 1)
    }

    struct Scrambler {
        var state: UInt64
        mutating func below(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static let written = [
        "Russia launched 50 drones and three missiles at Ukraine overnight, of which 41 were shot down, the air force said.",
        "Ukraine and Russia exchanged 150 prisoners each on Wednesday in a swap mediated by the United Arab Emirates.",
        "The Ukrainian delegation, led by Rustem Umerov, met Russian negotiators in Istanbul on Monday for a second round of talks.",
        "At least 12 people were killed and 40 injured in Kharkiv and Sumy, the governor said on Telegram.",
        "From 11 p.m. on February 3 to 7 a.m. on February 4, air defences destroyed 30 of the 45 drones - 20 over Belgorod region.",
        "\"We have brought home 84 of our defenders,\" Zelensky wrote, adding that 6 of them were civilians (two women).",
        "Debris of one drone fell on a 9-storey building; a 60-year-old woman, her 5-year-old grandson and two others were hurt.",
    ]

    /// Every word order and cut of these texts that a scramble produces: shuffled token windows,
    /// dropped tokens, doubled tokens, and sentences cut in the middle. To scramble more articles:
    /// `FUZZ_DIRS=dir1:dir2 FUZZ_ROUNDS=10 swift test --filter RobustnessTests` (every `.md`/`.txt` there).
    @Test func scrambledTextDoesNotTrap() throws {
        var texts = Self.written
        var urls = SeedGoldenTests.seeds.map { SeedGoldenTests.root.appendingPathComponent("seeds").appendingPathComponent($0) }
        let env = ProcessInfo.processInfo.environment
        for dir in (env["FUZZ_DIRS"] ?? "").split(separator: ":") {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: String(dir))) ?? []
            urls += names.filter { $0.hasSuffix(".md") || $0.hasSuffix(".txt") }.sorted().map { URL(fileURLWithPath: String(dir)).appendingPathComponent($0) }
        }
        for url in urls {
            texts.append(try ArticleReader().read(fileAt: url, displayPath: url.lastPathComponent)[0].get().body)
        }
        let rounds = Int(env["FUZZ_ROUNDS"] ?? "") ?? 1
        var rng = Scrambler(state: 20261122)
        var runs = 0
        for text in texts {
            let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<(words.count > 200 ? 12 : 40) * rounds {
                var w = words
                for _ in 0..<max(1, w.count / 8) {
                    let i = rng.below(w.count)
                    switch rng.below(4) {
                    case 0: let j = min(w.count - 1, i + 1 + rng.below(4)); w.swapAt(i, j)
                    case 1: if w.count > 1 { w.remove(at: i) }
                    case 2: w.insert(w[i], at: i)
                    default: w[i] = String(w[i].prefix(rng.below(max(1, w[i].count))))
                    }
                }
                let r = testExtractor.extract(article(w.joined(separator: " ")))
                let again = shippedExtractor.extract(article(w.joined(separator: " ")))
                #expect(!r.sentences.isEmpty && !again.sentences.isEmpty)
                runs += 1
            }
        }
        #expect(runs > 300)
    }
}

let shippedExtractor = Extractor(dictionaries: shippedDictionaries)
