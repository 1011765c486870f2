import Testing
@testable import ConflictExtraction

/// Marked-text tests: `[[...]]` is the span the recognizer must return.
@Suite("Mentions: numbers, qualifiers, dates, places, persons")
struct RecognizerTests {
    @Test(arguments: [
        ("The agency said [[1,212]] bodies were returned.", 1212, Qualifier.exact),
        ("At least [[two]] people were injured.", 2, .atLeast),
        ("More than [[300]] POWs were exchanged.", 300, .moreThan),
        ("Russia launched over [[450]] drones.", 450, .moreThan),
        ("It fired [[three hundred]] drones.", 300, .exact),
        ("It fired [[twenty-five]] missiles.", 25, .exact),
        ("Nearly [[50]] drones were seen.", 50, .about),
        ("Some [[207]] Ukrainians came home.", 207, .about),
        ("Up to [[40]] missiles could follow.", 40, .upTo),
        ("It fired [[a dozen]] missiles.", 12, .exact),
        ("Some [[1.5 million]] people fled.", 1_500_000, .about),
        ("[[A 42-year-old]] woman was hurt.", 1, .exact),
    ])
    func numbers(_ text: String, _ value: Int, _ qualifier: Qualifier) throws {
        let (clean, spans) = marked(text)
        let it = try #require(item(at: spans[0], in: clean))
        #expect(it.kind == .number)
        #expect(it.value == value)
        #expect(it.qualifier == qualifier)
    }

    @Test func vagueNumbersAreNotFigures() throws {
        let (clean, spans) = marked("[[Dozens]] of drones flew in.")
        let it = try #require(item(at: spans[0], in: clean))
        #expect(it.vague)
    }

    @Test(arguments: [
        "The meeting starts at 16:00 local time.",
        "Turnout was 45% this year.",
        "It used Shahed-136/131 drones.",
        "The man, aged 45, was detained.",
    ])
    func notACount(_ text: String) {
        let counts = items(text).filter { $0.kind == .number && $0.value != 1 }
        #expect(counts.isEmpty, "\(counts.map(\.text))")
    }

    // published on Thursday 2026-02-05
    @Test(arguments: [
        ("The talks started on [[Wednesday]].", "2026-02-04", nil as String?, ResolvedDate.Precision.day),
        ("Drones attacked overnight into [[Thursday]].", "2026-02-05", nil, .day),
        ("A swap took place [[last Friday]].", "2026-01-30", nil, .day),
        ("An initial round was held on [[Jan. 23-24]].", "2026-01-23", "2026-01-24", .range),
        ("The meeting was held on [[January 23 and 24]] in Geneva.", "2026-01-23", "2026-01-24", .range),
        ("Missiles hit the city on [[January 23]] and 24 people were hurt.", "2026-01-23", nil, .day),
        ("The last swap was on [[Oct. 2, 2025]].", "2025-10-02", nil, .day),
        ("The previous meeting was held on [[May 16]].", "2025-05-16", nil, .day),
        ("It was held on [[16 May 2024]].", "2024-05-16", nil, .day),
        ("It happened in [[August]].", "2025-08", nil, .month),
        ("The first round took place [[last month]].", "2026-01", nil, .month),
        ("The war began in [[February 2022]].", "2022-02", nil, .month),
        ("A swap took place [[two weeks ago]].", "2026-01-22", "2026-01-22", .range),
        ("The plant was seized in [[2022]].", "2022", nil, .year),
    ])
    func dates(_ text: String, _ date: String, _ end: String?, _ precision: ResolvedDate.Precision) throws {
        let (clean, spans) = marked(text)
        let it = try #require(item(at: spans[0], in: clean))
        #expect(it.kind == .date)
        #expect(it.date == ResolvedDate(date: date, endDate: end, precision: precision))
    }

    @Test(arguments: [
        ("Drones hit the [[Kharkiv region]] overnight.", "Kharkiv Oblast", "UKR"),
        ("Drones hit [[Kharkiv Oblast]] overnight.", "Kharkiv Oblast", "UKR"),
        ("Explosions were heard in [[Kiev]].", "Kyiv", "UKR"),
        ("Drones were downed over the [[Belgorod region]].", "Belgorod Oblast", "RUS"),
        ("Talks were held in [[Abu Dhabi]].", "Abu Dhabi", "ARE"),
    ])
    func places(_ text: String, _ canonical: String, _ country: String) throws {
        let (clean, spans) = marked(text)
        let it = try #require(item(at: spans[0], in: clean))
        #expect(it.kind == .place)
        #expect(it.canonical == canonical)
        #expect(it.country == country)
    }

    @Test func pluralRegionSuffixAppliesToEachPlace() {
        let found = items("Drones were shot down over the Lipetsk and Oryol regions.").filter { $0.kind == .place }.map(\.canonical)
        #expect(found == ["Lipetsk Oblast", "Oryol Oblast"])
    }

    @Test(arguments: [
        ("Ukrainian President [[Volodymyr Zelenskyy]] said talks would go on.", "Volodymyr Zelenskyy", "UKR"),
        ("At least one person was hurt, local Gov. [[Yuri Slyusar]] said.", "Yuri Slyusar", nil as String?),
        ("Kremlin spokesman [[Dmitry Peskov]] told reporters.", "Dmitry Peskov", "RUS"),
        ("[[Ivan Petrenko]], the head of the regional administration, said two were hurt.", "Ivan Petrenko", nil),
        ("Russian Deputy Foreign Minister [[Grigory Karasev]] arrived.", "Grigory Karasev", "RUS"),
    ])
    func persons(_ text: String, _ name: String, _ country: String?) throws {
        let (clean, spans) = marked(text)
        let it = try #require(item(at: spans[0], in: clean))
        #expect(it.kind == .person)
        #expect(it.canonical == name)
        if let c = country { #expect(it.country == c) }
    }

    @Test func titleComesFromTheContext() throws {
        let it = try #require(items("Ivan Petrenko, the head of the regional administration, said two were hurt.").first { $0.kind == .person })
        #expect(it.title == "head of the regional administration")
        let z = try #require(items("Russian Deputy Foreign Minister Grigory Karasev arrived.").first { $0.kind == .person })
        #expect(z.title == "Russian Deputy Foreign Minister")
    }

    /// people.tsv keeps one line per title held: the article's date picks the title.
    @Test func aKnownPersonsTitleOnTheArticlesDate() throws {
        func title(_ published: String) -> String? {
            items("Rustem Umerov arrived in Geneva.", published: published).first { $0.kind == .person }?.title
        }
        #expect(title("2024-05-01") == "Minister of Defense of Ukraine")
        #expect(title("2026-02-05") == "Secretary of the National Security and Defense Council")
    }

    @Test func surnameResolvesToTheFullName() {
        let persons = items("Governor Ivan Petrenko said two people were hurt. Later Petrenko added that a school was damaged.").filter { $0.kind == .person }
        #expect(persons.map(\.canonical) == ["Ivan Petrenko", "Ivan Petrenko"])
        #expect(persons.map(\.text) == ["Ivan Petrenko", "Petrenko"])
        // a dictionary surname alone
        let z = items("Zelenskyy thanked the partners.").filter { $0.kind == .person }
        #expect(z.map(\.canonical) == ["Volodymyr Zelenskyy"])
    }

    @Test func speakersWithoutFirstNames() {
        let persons = items("The fire is out, Gusev said.").filter { $0.kind == .person }
        #expect(persons.map(\.canonical) == ["Gusev"])
        // sentence-initial plurals are not persons
        #expect(items("Analysts said prices fell.").filter { $0.kind == .person }.isEmpty)
    }

    @Test func institutionsAreCountryRelative() {
        let orgs = items("Russia's Defense Ministry said air defenses downed 10 drones. The Russian defense ministry added nothing. The Defense Ministry said more.")
            .filter { $0.kind == .organization && $0.canonical.contains("Ministry") }.map(\.canonical)
        #expect(orgs == ["Russian Defense Ministry", "Russian Defense Ministry", "Russian Defense Ministry"])
    }

    /// An institution pattern does not cut another mention in two: in "175 Russian military personnel" the
    /// trigger "military personnel" goes on past "Russian military" (the people of a demonym), while "the
    /// Russian military said" is the institution.
    @Test func institutionsDoNotCutAMentionInTwo() {
        let people = items("On Monday, 175 Russian military personnel came back home.")
        #expect(people.contains { $0.kind == .demonym } && people.contains { $0.isTrigger("exchange", "people") && $0.text == "military personnel" }
                && !people.contains { $0.kind == .organization }, "\(people)")
        let org = items("The Russian military said it had repelled the attack.")
        #expect(org.contains { $0.kind == .organization && $0.canonical == "Russian military" }, "\(org)")
    }

    @Test func everyMentionSpanIsItsText() {
        let text = "Ukraine’s air force said Russia launched “two missiles” and 183 drones — of which 156 were shot down — on Jan. 23-24."
        let a = article(text)
        let r = testExtractor.extract(a)
        let scalars = Array(a.body.unicodeScalars)
        #expect(!r.mentions.isEmpty)
        for m in r.mentions {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[m.span.start..<m.span.end])
            #expect(String(v) == m.text)
        }
    }
}
