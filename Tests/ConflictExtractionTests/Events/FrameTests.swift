import Testing
@testable import ConflictExtraction

/// Per-frame tests on sentences written for them (published Thursday 2026-02-05).
@Suite("Events: attack, exchange, talks and delegation frames")
struct FrameTests {
    func extract(_ text: String, published: String = "2026-02-05") -> ExtractionResult { testExtractor.extract(article(text, published: published)) }
    /// The first attack report of `text` (the test fails when there is none).
    func firstAttack(_ text: String) throws -> AttackReport { try #require(extract(text).attacks.first) }

    @Test func attackActiveWithClaimantAfter() throws {
        let r = extract("Russia launched 50 drones and three missiles at Ukraine overnight, the Ukrainian Air Force said.")
        let a = try #require(r.attacks.first)
        #expect(r.attacks.count == 1)
        #expect(a.attacker == "RUS" && a.targetCountry == "UKR")
        #expect(a.dronesLaunched == Figure(50) && a.missilesLaunched == Figure(3))
        #expect(a.date?.date == "2026-02-05")
        #expect(a.claimant?.name == "Ukrainian Air Force")
    }

    @Test func attackPassiveAndPartOf() throws {
        let r = extract("Ukraine's air force said 60 of the 80 drones launched by Russia were shot down.")
        let a = try #require(r.attacks.first)
        #expect(a.dronesLaunched == Figure(80))
        #expect(a.dronesDowned == Figure(60))
        #expect(a.attacker == "RUS" && a.targetCountry == "UKR")
    }

    @Test func attackOfWhichAndImpacts() throws {
        let r = extract("Russia launched two missiles and 120 drones overnight, of which 100 drones were shot down. The missiles and 15 drones impacted in Sumy, the air force said.")
        let a = try #require(r.attacks.first)
        #expect(a.missilesLaunched == Figure(2) && a.dronesLaunched == Figure(120))
        #expect(a.dronesDowned == Figure(100) && a.dronesHit == Figure(15) && a.missilesHit == Figure(2))
        #expect(a.locations == ["Sumy"])
    }

    @Test func interceptionClaimByTheDefender() throws {
        let r = extract("According to the Russian Defense Ministry, air defenses destroyed 25 Ukrainian drones over the Belgorod region.")
        let a = try #require(r.attacks.first)
        #expect(a.attacker == "UKR" && a.targetCountry == "RUS")
        #expect(a.dronesDowned == Figure(25))
        #expect(a.locations == ["Belgorod Oblast"])
        #expect(a.claimant?.name == "Russian Defense Ministry")
    }

    @Test func hedgedCasualties() throws {
        let r = extract("At least three people were killed and more than 20 injured in a Russian strike on Kharkiv, Governor Ivan Petrenko said.")
        let a = try #require(r.attacks.first)
        #expect(a.killed == Figure(3, .atLeast))
        #expect(a.injured == Figure(20, .moreThan))
        #expect(a.attacker == "RUS" && a.locations == ["Kharkiv"])
        #expect(a.claimant?.name == "Ivan Petrenko")
        #expect(a.qualifier == .atLeast)
    }

    /// "including two children": part of the death toll, not the number of injured.
    @Test func aPartOfATollIsNotAToll() throws {
        let r = extract("A Russian missile strike on Kharkiv killed at least 12 people, including three children, and wounded 40 others, officials said.")
        let a = try #require(r.attacks.first)
        #expect(a.killed == Figure(12, .atLeast))
        #expect(a.injured == Figure(40))
    }

    /// "the largest attack since the start of the war" compares; it does not make the figures running totals.
    @Test func aSuperlativeSinceIsNotARunningTotal() throws {
        let r = extract("Russia launched 273 drones at Ukraine overnight, the largest such attack since the start of the war, the air force said, adding that 88 had been shot down.")
        let a = try #require(r.attacks.first)
        #expect(a.dronesLaunched == Figure(273) && a.dronesDowned == Figure(88))
        // without the superlative it is a running total, as before
        #expect(extract("Ukraine's air defenses have shot down 9,000 drones since the start of the war, the air force said.").attacks.isEmpty)
    }

    /// A perfect active tense with a "since" phrase, a "since" date or a month is a running total too.
    @Test func perfectActiveRunningTotals() throws {
        #expect(extract("Since the start of the full-scale invasion, Russia has launched more than 30,000 drones at Ukraine, officials said.").attacks.isEmpty)
        #expect(extract("In January, Russia has already launched more than 430 drones against Ukraine, the air force said.").attacks.isEmpty)
        #expect(extract("Since January 18, Russian strikes have damaged more than 150 port facilities in Odesa Oblast, officials said.").attacks.isEmpty)
        // a perfect tense alone is one night's figure
        let a = try #require(extract("Russia has launched 50 drones at Ukraine overnight, the air force said.").attacks.first)
        #expect(a.dronesLaunched == Figure(50))
    }

    /// "This week alone, Russia has launched more than 1,500 drones": a total of several days.
    @Test func aWeeksTotalIsNoAttack() {
        #expect(extract("This week alone, Russia has launched more than 1,500 attack drones against Ukraine, the president said.").attacks.isEmpty)
    }

    /// "14 drones and all three missiles were destroyed": both figures take the verb after them.
    @Test func coordinatedFiguresWithAll() throws {
        let a = try #require(extract("Russia launched 18 drones and three missiles at Ukraine overnight, the air force said, adding that 14 drones and all three missiles were destroyed.").attacks.first)
        #expect(a.dronesDowned == Figure(14) && a.missilesDowned == Figure(3))
    }

    /// An attack sentence ending in ":" and a bulleted list of regions: the regions are its places.
    @Test func aBulletedListOfRegions() throws {
        let r = extract("""
            Russian air defenses destroyed 21 Ukrainian drones overnight over the following regions:

            - Kursk region -- 11
            - Belgorod region -- 10
            """)
        let a = try #require(r.attacks.first)
        #expect(a.locations.contains("Kursk Oblast") && a.locations.contains("Belgorod Oblast"))
    }

    /// "from the Kursk Oblast area and from Crimea": launch sites are no locations of the attack.
    @Test func launchSitesAreNotLocations() throws {
        let r = extract("Russia attacked Ukraine overnight with 24 drones launched from the Kursk Oblast area and the Belgorod region, the air force said; 19 were shot down over Kharkiv Oblast.")
        let a = try #require(r.attacks.first)
        #expect(a.locations.contains("Kharkiv Oblast"))
        #expect(!a.locations.contains("Kursk Oblast") && !a.locations.contains("Belgorod Oblast"))
        #expect(a.attacker == "RUS" && a.targetCountry == "UKR")
        // "From Monday, Kharkiv ...": a date after "from" makes no launch site
        #expect(extract("From Monday, Kharkiv was hit by 20 Russian drones, the governor said.").attacks.first?.locations == ["Kharkiv"])
    }

    /// "struck Ukraine with 242 drones and 36 missiles overnight on Jan. 12": launched, on the 12th.
    @Test func weaponsAfterWithAndAnExplicitDate() throws {
        let r = extract("The attack came a day after Russia struck Ukraine with 242 drones and 36 missiles overnight on Jan. 12, the air force said.")
        let a = try #require(r.attacks.first)
        #expect(a.date?.date == "2026-01-12")
        #expect(a.dronesLaunched == Figure(242) && a.missilesLaunched == Figure(36))
        #expect(a.dronesHit == nil && a.missilesHit == nil)
    }

    /// "from 11 p.m. on February 3 to 7 a.m. on February 4", "on Sunday night": the night ends the next day.
    @Test func aNightFromOneDayToTheNext() throws {
        let r = extract("From 11 p.m. on February 3 to 7 a.m. on February 4, air defense systems destroyed 41 Ukrainian drones over the Kursk region, the Russian Defense Ministry said.")
        #expect(r.attacks.first?.date?.date == "2026-02-04")
        let s = extract("Russia launched 61 missiles and 177 drones at Ukraine on Sunday night, the air force said.")
        #expect(s.attacks.first?.date?.date == "2026-02-02")
    }

    /// "52 people were wounded, 11 of them children": a people noun alone does not make a casualty sentence a swap.
    @Test func childrenAmongTheWoundedAreNoSwap() throws {
        let r = extract("A Russian missile struck Kharkiv on Monday, killing 14 people. Another 52 people were wounded, 11 of them children, officials said.")
        let a = try #require(r.attacks.first)
        #expect(a.killed == Figure(14) && a.injured == Figure(52))
    }

    /// "a nine-storey building, injuring six people": a number joined by a hyphen counts nothing.
    @Test func aHyphenatedNumberIsNoCount() throws {
        let a = try #require(extract("In Kharkiv, Russian drones damaged a nine-storey apartment block, injuring six people, officials said.").attacks.first)
        #expect(a.injured == Figure(6))
    }

    /// A night is dated by the morning it ends (gold convention: the night into Thursday is Thursday).
    @Test func theNightOfTwoDaysIsTheSecondDay() throws {
        let r = extract("On the night of January 6-7, Russian drones struck a bus in Kharkiv, killing two civilians, officials said.")
        let a = try #require(r.attacks.first)
        #expect(a.date?.date == "2026-01-07" && a.date?.precision == .day)
    }

    /// ", including a child," between the figure and its verb.
    @Test func aSubsetAsideBetweenFigureAndVerb() throws {
        let r = extract("A Russian drone attack on Kharkiv killed one man, and three people, including a child, were injured, the governor said.")
        let a = try #require(r.attacks.first)
        #expect(a.injured == Figure(3))
    }

    /// "the Ukrainian capital", and "the capital" of the country attacked, are its capital.
    @Test func theCapitalIsALocation() throws {
        let a = try #require(extract("Russian drones struck the Ukrainian capital overnight, killing two people, officials said.").attacks.first)
        #expect(a.locations == ["Kyiv"])
        let b = try #require(extract("Russia attacked Ukraine with 40 drones overnight, injuring 23 people across the capital, the mayor said.").attacks.first)
        #expect(b.locations == ["Kyiv"])
    }

    @Test func noCasualtiesIsZero() throws {
        let r = extract("Russia attacked Lutsk with drones overnight. There were no casualties, the governor said.")
        let a = try #require(r.attacks.first)
        #expect(a.killed == Figure(0) && a.injured == Figure(0))
    }

    @Test func separateClaimsAreSeparateReports() {
        let r = extract("Russia launched 90 drones at Ukraine overnight, the Ukrainian Air Force said. Russia's Defense Ministry said its forces shot down 40 Ukrainian drones overnight.")
        #expect(r.attacks.count == 2)
        #expect(r.attacks.map { "\($0.attacker!)>\($0.targetCountry!)" } == ["RUS>UKR", "UKR>RUS"])
    }

    @Test func exchangeEachSide() throws {
        let r = extract("Russia and Ukraine exchanged 150 prisoners of war each on Wednesday.")
        let e = try #require(r.exchanges.first)
        #expect(e.sideA == "RUS" && e.sideB == "UKR")
        #expect(e.returnedToA == Figure(150) && e.returnedToB == Figure(150))
        #expect(e.date?.date == "2026-02-04")
        #expect(e.status == .completed && e.kind == .pow)
    }

    @Test func exchangeOwnSideAndCivilians() throws {
        let r = extract("The Russian Defense Ministry said 120 of its servicemen were returned, as well as two Russian civilians.")
        let e = try #require(r.exchanges.first)
        #expect(e.returnedToA == Figure(122))   // soldiers + civilians (DESIGN §5)
        #expect(e.civiliansToA == Figure(2))
        #expect(e.returnedToB == nil)
        #expect(e.claimant?.name == "Russian Defense Ministry")
    }

    @Test func exchangeIncludingCiviliansAndMediator() throws {
        let r = extract("Ukraine said 230 Ukrainian prisoners, including six civilians, were released with the mediation of the United Arab Emirates.")
        let e = try #require(r.exchanges.first)
        #expect(e.returnedToB == Figure(230) && e.civiliansToB == Figure(6))
        #expect(e.mediators == ["ARE"])
    }

    /// "22 severely wounded Ukrainian soldiers": the demonym after a first people word says whose people
    /// they are (the figure was read as a total before).
    @Test func demonymAfterAPeopleWordNamesTheSide() throws {
        let r = extract("Russia handed over 22 severely wounded Ukrainian soldiers on Wednesday, the Russian Defense Ministry said.")
        let e = try #require(r.exchanges.first)
        #expect(e.returnedToB == Figure(22) && e.returnedToA == nil)
        #expect(e.total == nil)
    }

    /// "270 servicemen and 120 civilians had been returned", said a ministry: its own people came back.
    @Test func passiveReturnInAMinistryStatement() throws {
        let r = extract("The Russian Defense Ministry said 270 servicemen and 120 civilians had been returned from territory controlled by Kyiv.")
        let e = try #require(r.exchanges.first)
        #expect(e.returnedToA == Figure(390) && e.civiliansToA == Figure(120))
        #expect(e.total == nil && e.returnedToB == nil)
    }

    /// "Ukraine said on Monday it had brought home 189 ...": the receiving side across a date.
    @Test func receiverAcrossADate() throws {
        let r = extract("Ukraine said on Monday it had brought home 189 prisoners of war from captivity in the latest swap.")
        let e = try #require(r.exchanges.first)
        #expect(e.returnedToB == Figure(189) && e.total == nil)
    }

    @Test func citizensBroughtHome() throws {
        let r = extract("Ukraine brought home 90 of its citizens from Russian captivity on Wednesday, the president said.")
        let e = try #require(r.exchanges.first)
        #expect(e.returnedToB == Figure(90) && e.returnedToA == nil)
    }

    @Test func hostagesForPrisoners() throws {
        // (the test dictionaries hold two countries; the shipped ones give ISR/PSE for the same sentence with
        // Hamas, Israeli and Palestinian)
        let r = extract("Russia released three Ukrainian hostages on Saturday in exchange for 183 Russian prisoners freed by Ukraine.")
        let e = try #require(r.exchanges.first)
        #expect(e.sideA == "RUS" && e.sideB == "UKR")
        #expect(e.returnedToB == Figure(3) && e.returnedToA == Figure(183))
    }


    /// One running-total rule for both frames: "the largest swap since the start of the war" compares, and
    /// "have been returned since the start of the war" is a total of the war, for exchanges as for attacks.
    @Test func exchangeRunningTotalsAndSuperlatives() throws {
        let r = extract("In the largest exchange since the start of the war, 390 Ukrainians have been returned home from Russia, the president said.")
        let e = try #require(r.exchanges.first)
        #expect(e.returnedToB == Figure(390))
        #expect(extract("In total, 4,552 Ukrainians have been returned home from Russian captivity since the start of the war.").exchanges.isEmpty)
    }
    /// "In all, 478 people were freed in the exchange": a cumulative phrase about the one swap keeps its figure.
    @Test func inAllAboutTheExchange() throws {
        let e = try #require(extract("In all, 478 people were freed in the exchange between Russia and Ukraine on Wednesday.").exchanges.first)
        #expect(e.total == Figure(478))
        #expect(extract("In all, 4,757 people have been freed in exchanges between Russia and Ukraine since 2022.").exchanges.isEmpty)
    }

    /// "Two of the servicemen were freed with serious injuries": a part of a figure given elsewhere.
    @Test func aPartitiveIsNoFigure() throws {
        let r = extract("Ukraine brought home 103 prisoners of war from Russia on Wednesday. Two of the servicemen were freed with serious injuries.")
        let e = try #require(r.exchanges.first)
        #expect(e.returnedToB == Figure(103))
        #expect(r.exchanges.allSatisfy { $0.total == nil })
    }

    /// "Two people were injured and received medical assistance": no exchange.
    @Test func casualtiesReceivingCareAreNoExchange() {
        let r = extract("Russian drones struck Kharkiv overnight. Two people were injured and received medical assistance in Ukraine, the governor said.")
        #expect(r.exchanges.isEmpty)
    }

    /// "a mediation effort between Russia and Ukraine": the two sides are not mediators.
    @Test func mediationBetweenTheSides() throws {
        let e = try #require(extract("Qatar said its mediation effort between Russia and Ukraine resulted in the exchange of 250 prisoners on Wednesday.").exchanges.first)
        #expect(!e.mediators.contains("RUS") && !e.mediators.contains("UKR"))
        #expect(e.sideA == "RUS" || e.sideB == "RUS")
    }

    /// "agreeing on a new prisoner exchange" is agreed; "84 Ukrainians — 78 servicemen and six civilians —"
    /// has parts, not a total; "in that swap" keeps the date of the swap named just before.
    @Test func agreedOnPartsAndThatSwap() throws {
        let a = extract("Russia and Ukraine ended two days of talks in Geneva on Wednesday, agreeing on a new prisoner exchange of 200 prisoners each.")
        #expect(a.exchanges.count == 1 && a.exchanges.allSatisfy { $0.status == .agreed })
        // a deal the swap was carried out under is no agreement still to be carried out
        let d = extract("Under the deal, the exchange of 150 prisoners each between Russia and Ukraine took place on Thursday.")
        #expect(d.exchanges.count == 1 && d.exchanges.allSatisfy { $0.status == .completed })
        let r = extract("""
            On January 20, 84 Ukrainians — 78 servicemen and six civilians — were returned home from Russian captivity.
            The Russian Defense Ministry said 84 Russian servicemen had been returned in that swap.
            """)
        #expect(r.exchanges.count == 1)
        let e = try #require(r.exchanges.first)
        #expect(e.date?.date == "2026-01-20")
        #expect(e.returnedToB == Figure(84) && e.returnedToA == Figure(84) && e.total == nil)
    }

    /// "the next round could take place in early March": planned talks are no talks event.
    @Test func plannedTalksAreNoTalks() {
        #expect(extract("Kremlin aide Yuri Ushakov told reporters in Moscow that the next round could take place in early March.").talks.isEmpty)
    }

    @Test func agreedIsNotCompleted() throws {
        let r = extract("Russia and Ukraine agreed to exchange 1,000 prisoners each in the coming weeks.")
        let e = try #require(r.exchanges.first)
        #expect(e.status == .agreed)
    }

    /// A date nearer to another event's words than to the talks words is not the talks' date.
    @Test func talksKeepTheirOwnDate() throws {
        let r = extract("Ukraine and Russia exchanged 390 prisoners each on Friday, the first stage of a swap agreed at talks in Istanbul on Monday, the president said.")
        #expect(r.talks.count == 1)
        #expect(r.talks.first?.startDate?.date == "2026-02-02")
        #expect(r.exchanges.first?.date?.date == "2026-01-30")
    }

    @Test func aSideRepresentedByADelegationHeadedBy() throws {
        let r = extract("""
            Russian and Ukrainian delegations held talks in Istanbul on Monday.
            Russia is represented by a military delegation headed by Vladimir Medinsky, a presidential aide.
            """)
        let t = try #require(r.talks.first)
        #expect(t.delegations.first { $0.side == "RUS" }?.members.map(\.name) == ["Vladimir Medinsky"])
    }

    @Test func talksRoundVenueAndDelegations() throws {
        let r = extract("""
            The second round of talks took place in Istanbul on Monday.
            The Ukrainian delegation included Ivan Petrenko, the deputy foreign minister, and Olena Kovalenko.
            The Russian delegation was led by presidential aide Vladimir Medinsky.
            """)
        let t = try #require(r.talks.first)
        #expect(r.talks.count == 1)
        #expect(t.round == 2 && t.location == "Istanbul" && t.startDate?.date == "2026-02-02")
        let sides = Dictionary(uniqueKeysWithValues: t.delegations.map { ($0.side, $0.members.map(\.name)) })
        #expect(sides["UKR"] == ["Ivan Petrenko", "Olena Kovalenko"])
        #expect(sides["RUS"] == ["Vladimir Medinsky"])
        let petrenko = t.delegations.first { $0.side == "UKR" }!.members[0]
        #expect(petrenko.role == "deputy foreign minister")
    }

    @Test func delegationPronounAndPossessives() throws {
        let r = extract("""
            Talks began in Geneva on Sunday.
            Presidential aide Vladimir Medinsky is leading the Russian delegation. It also includes Ivan Petrenko and Olena Kovalenko, an adviser to President Vladimir Putin.
            """)
        let t = try #require(r.talks.first)
        let rus = try #require(t.delegations.first { $0.side == "RUS" })
        #expect(rus.members.map(\.name) == ["Vladimir Medinsky", "Ivan Petrenko", "Olena Kovalenko"])
    }

    @Test func delegatesBySubjectAndPresence() throws {
        let r = extract("""
            Steve Witkoff and Ivan Petrenko of Ukraine are holding talks in Geneva.
            Olena Kovalenko, Ukraine's deputy foreign minister, is also in Geneva.
            """)
        let t = try #require(r.talks.first)
        #expect(t.location == "Geneva")
        let sides = Dictionary(uniqueKeysWithValues: t.delegations.map { ($0.side, $0.members.map(\.name)) })
        #expect(sides["USA"] == ["Steve Witkoff"])
    }

    @Test func membersKeepTheArticleSpelling() throws {
        let r = extract("Talks began in Geneva on Sunday. The Ukrainian delegation included Volodymyr Zelensky.")
        let m = try #require(r.talks.first?.delegations.first?.members.first)
        #expect(m.name == "Volodymyr Zelensky")
        #expect(m.actorName == "Volodymyr Zelenskyy")
    }

    /// A site and its city are one venue: "at Istanbul's Ciragan Palace", "in Istanbul …, at the Ciragan
    /// Palace", "at the Ciragan Palace" alone later on; a month beside one of its days dates by the day.
    @Test func aSiteAndItsCityAreOneVenue() throws {
        let r = extract("""
            Russian and Ukrainian delegations held a second round of direct peace talks at Istanbul's Ciragan Palace on Monday.
            The talks at the Ciragan Palace lasted about an hour, the June round's hosts said.
            """)
        #expect(r.talks.count == 1)
        let t = try #require(r.talks.first)
        #expect(t.location == "Istanbul")
        #expect(t.startDate?.date == "2026-02-02")
        let q = extract("A new round of negotiations took place in Istanbul on Monday, at the Ciragan Palace.")
        #expect(q.talks.map(\.location) == ["Istanbul"])
    }

    /// "Kyiv sent a heavyweight team: A; B; and C", "Moscow's five-member delegation was headed by X";
    /// "in Turkey's Istanbul" is a venue; talks with no date take the date of the sentence before.
    @Test func colonListsAndASideAFewWordsBefore() throws {
        let r = extract("""
            The talks ended on Monday without a breakthrough.
            The meeting took place at a venue in Turkey's Istanbul, officials said.
            Kyiv sent a heavyweight team: Defense Minister Rustem Umerov; presidential adviser Ivan Petrenko; and lawmaker Olena Kovalenko.
            Moscow's five-member delegation was headed by Vladimir Medinsky.
            """)
        let t = try #require(r.talks.first)
        #expect(t.location == "Istanbul" && t.startDate?.date == "2026-02-02")
        let sides = Dictionary(t.delegations.map { ($0.side, $0.members.map(\.name)) }, uniquingKeysWith: +)
        #expect(sides["UKR"] == ["Rustem Umerov", "Ivan Petrenko", "Olena Kovalenko"])
        #expect(sides["RUS"] == ["Vladimir Medinsky"])
    }

    /// Delegations as lists: a heading ending in ":" (Markdown emphasis around it), then bulleted items
    /// that name their members, or their side before a colon; "On the American side were ...".
    @Test func delegationLists() throws {
        let r = extract("""
            Talks began in Geneva on Sunday.

            Ukraine's delegation in Geneva consisted of:

            - Rustem Umerov, head of the delegation;
            - Olena Kovalenko, deputy foreign minister.

            On the American side were special envoy Steve Witkoff and Ivan Petrenko.
            """)
        let t = try #require(r.talks.first)
        let sides = Dictionary(t.delegations.map { ($0.side, $0.members.map(\.name)) }, uniquingKeysWith: +)
        #expect(sides["UKR"] == ["Rustem Umerov", "Olena Kovalenko"])
        #expect(sides["USA"]?.contains("Steve Witkoff") == true)
        let q = extract("""
            Talks began in Geneva on Sunday.

            **Who was in the room in Geneva:**

            - Russia: presidential aide Vladimir Medinsky;
            - Ukraine: Rustem Umerov and Olena Kovalenko.
            """)
        let u = try #require(q.talks.first)
        let bySide = Dictionary(u.delegations.map { ($0.side, $0.members.map(\.name)) }, uniquingKeysWith: +)
        #expect(bySide["RUS"] == ["Vladimir Medinsky"])
        #expect(bySide["UKR"] == ["Rustem Umerov", "Olena Kovalenko"])
        // "Its other members are:": the side of the delegation told right before
        let o = extract("""
            Talks began in Geneva on Sunday.

            The Ukrainian delegation is led by Rustem Umerov. Its other members are:

            - Olena Kovalenko
            - Ivan Petrenko
            """)
        let v = try #require(o.talks.first)
        #expect(v.delegations.first { $0.side == "UKR" }?.members.map(\.name) == ["Rustem Umerov", "Olena Kovalenko", "Ivan Petrenko"], "\(v.delegations)")
    }

    @Test func twoDelegationsInOneSentence() throws {
        let r = extract("""
            Talks began in Geneva on Sunday.
            The Ukrainian delegation included Ivan Petrenko and Olena Kovalenko, while Vladimir Putin was accompanied by presidential aide Vladimir Medinsky.
            """)
        let t = try #require(r.talks.first)
        let sides = Dictionary(uniqueKeysWithValues: t.delegations.map { ($0.side, $0.members.map(\.name)) })
        #expect(sides["UKR"] == ["Ivan Petrenko", "Olena Kovalenko"])
        #expect(sides["RUS"] == ["Vladimir Putin", "Vladimir Medinsky"])
    }

    @Test func earlierSwapKnownToTheMonth() throws {
        let r = extract("""
            Russia and Ukraine exchanged 90 prisoners each on Tuesday.
            The previous swap took place in early January, when each side freed 150 soldiers.
            The largest exchange since the war began in late February 2022 freed 1,000 people.
            """)
        #expect(r.exchanges.map { $0.date?.date } == ["2026-02-03", "2026-01"])
        let jan = try #require(r.exchanges.last)
        #expect(jan.returnedToA == Figure(150) && jan.returnedToB == Figure(150))
    }

    @Test func monthWithAHyphenedModifierAndAgreedReturns() throws {
        let r = extract("""
            Russia and Ukraine exchanged 90 prisoners each on Tuesday.
            The previous swap took place in mid-January, when 1,003 bodies were returned to Ukraine and Russia received 26.
            In June the two sides agreed to return 6,000 bodies each.
            """)
        let jan = try #require(r.exchanges.first { $0.date?.date == "2026-01" })
        #expect(jan.returnedToB == Figure(1003) && jan.returnedToA == Figure(26))
        #expect(r.exchanges.first { $0.returnedToA == Figure(6000) }?.status == .agreed)
    }

    @Test func launchDirectionsAreNoLocations() throws {
        let r = extract("""
            Overnight, Russia attacked Ukraine with 80 drones, the air force said. Launch directions: Kursk, Belgorod.
            Air defence shot down 60 drones in the north and east of the country.
            """)
        let a = try #require(r.attacks.first)
        #expect(r.attacks.count == 1)
        #expect(a.attacker == "RUS" && a.dronesDowned == Figure(60))
        #expect(!a.locations.contains("Kursk") && !a.locations.contains("Belgorod"))
    }

    @Test func possessiveMediatorAndReturnedFrom() throws {
        let r = extract("With Qatar's mediation, 7 more people returned from Russia on Tuesday.")
        let e = try #require(r.exchanges.first)
        #expect(e.mediators == ["QAT"])
        #expect(e.sideA == "RUS" && e.sideB == "UKR")
        #expect(e.returnedToB == Figure(7) && e.total == nil)
    }

    @Test func theNextMeetingIsNoTalks() {
        let r = extract("\"Our team is ready for the next meeting in Istanbul,\" Zelensky said on Tuesday. No date for upcoming talks in Geneva was set.")
        #expect(r.talks.isEmpty)
        // an offer to host
        #expect(extract("Turkey is ready to host a new round of negotiations between Russia and Ukraine in Istanbul, the minister said.").talks.isEmpty)
    }

    @Test func typedMissileFiguresAndTotalsWithParts() throws {
        let r = extract("""
            Russia launched 120 drones and 30 missiles at Ukraine overnight, the air force said, adding that 100 drones and 24 missiles were shot down.
            All 18 Kh-101 were downed, but only two of nine Iskander-M ballistic missiles were intercepted, it said.
            Russia's defence ministry said it destroyed 64 Ukrainian drones over the Belgorod and Kursk regions, including 21 over the Belgorod region.
            """)
        let ru = try #require(r.attacks.first { $0.attacker == "RUS" })
        #expect(r.attacks.filter { $0.attacker == "RUS" }.count == 1)
        #expect(ru.missilesLaunched == Figure(30) && ru.missilesDowned == Figure(24))
        let ua = try #require(r.attacks.first { $0.attacker == "UKR" })
        #expect(ua.dronesDowned == Figure(64))
    }

    @Test func aLaterTollReplacesTheEarlierOne() throws {
        let r = extract("""
            Russia struck Kharkiv overnight with drones. At least two people were killed and nine injured, the governor said.
            The number of people killed in the attack on Kharkiv has risen to four, the governor said.
            A 7-year-old boy is among the dead, bringing the number of people killed to at least six, the governor said. Twenty people were wounded, including three children.
            Later, the air force said that more than half of the missiles got through.
            """)
        let a = try #require(r.attacks.first)
        #expect(r.attacks.count == 1)
        #expect(a.killed == Figure(6, .atLeast) && a.injured == Figure(20))
        #expect(a.missilesHit == nil)
    }

    @Test func aLaterTollFromAnotherSourceReplacesTheEarlierCounts() throws {
        // each count from another source; the latest one stands, each figure with its own source
        let r = extract("""
            A Russian missile struck a school in Sumy on Wednesday morning, Ukraine's air force said.
            In a first statement, Mayor Oleh Kobzar said three people had been killed and 12 wounded.
            By the afternoon Governor Oleh Hryhorov said the number of dead had risen to five, with 20 people hurt.
            By Wednesday evening the toll stood at seven dead and 25 injured, the regional administration said.
            """)
        let tolls = r.attacks.compactMap { a in a.killed.map { ($0.value, a.injured?.value) } }
        #expect(tolls.count == 1, "\(tolls)")
        #expect(tolls.first?.0 == 7 && tolls.first?.1 == 25)
    }

    @Test func anEarlierCountToldAfterTheLatestIsNotAnotherToll() throws {
        let r = extract("""
            The number of people killed in the Russian missile strike on Poltava on Tuesday evening has risen to nine, the mayor said on Wednesday. Another 31 people have been injured.
            The toll kept rising through the night. Late on Tuesday, the mayor reported three dead and 14 wounded.
            Separately, two people were injured in Odesa on Tuesday, the governor said. No one was injured in Sumy.
            """)
        // ("No one was injured in Sumy": nobody killed there either, a 0 of its own)
        let killed = r.attacks.compactMap(\.killed?.value).filter { $0 > 0 }
        #expect(killed == [9], "\(r.attacks.map { ($0.killed?.value, $0.injured?.value, $0.locations) })")
        // "on Tuesday evening has risen to nine, the mayor said on Wednesday": the strike's day (the "to" of
        // "risen to" does not make the two days a night from one to the other)
        #expect(r.attacks.first { $0.killed != nil }?.date?.date == "2026-02-03")
        // a toll about another place, and a zero, are not earlier counts
        #expect(r.attacks.contains { $0.injured?.value == 2 })
        #expect(r.attacks.contains { $0.injured?.value == 0 })
    }

    @Test func membersNamedAfterTheHead() throws {
        let r = extract("""
            Delegations from Russia and Ukraine met in Istanbul on Wednesday for a new round of talks.
            The Russian delegation was headed by Vladimir Medinsky. With him were Deputy Foreign Minister Sergei Orlov and Dmitry Belov, a general.
            The Ukrainian delegation was led by Rustem Umerov. He was accompanied by Deputy Foreign Minister Andrii Kovalenko; Oleh Tkach, deputy head of military intelligence; and Lieutenant General Ivan Hrytsai.
            The American side sent Steve Witkoff and John Parker, an adviser.
            """)
        let t = try #require(r.talks.first)
        func members(_ side: String) -> [String] {
            t.delegations.filter { $0.side == side }.flatMap { $0.members.map(\.name) }
        }
        #expect(members("RUS") == ["Vladimir Medinsky", "Sergei Orlov", "Dmitry Belov"])
        #expect(members("UKR") == ["Rustem Umerov", "Andrii Kovalenko", "Oleh Tkach", "Ivan Hrytsai"])
        #expect(members("USA") == ["Steve Witkoff", "John Parker"])
    }

    @Test func childrenBroughtHomeAfterBeingTakenToRussia() throws {
        // "taken to Russia" is where they were taken, not who received them; "brought home" in Ukraine's words
        let r = extract("Ukraine on Wednesday said that nine children who had been taken to Russia have been brought home with the help of Qatar.")
        let e = try #require(r.exchanges.first)
        let toUkraine = e.sideA == "UKR" ? e.returnedToA : e.returnedToB
        let toRussia = e.sideA == "RUS" ? e.returnedToA : e.returnedToB
        #expect(toUkraine == Figure(9) && toRussia == nil)
        // a return verb before "to" still names the receiver
        let back = try #require(extract("Nine children were returned to Ukraine on Wednesday, the ombudsman said.").exchanges.first)
        #expect((back.sideA == "UKR" ? back.returnedToA : back.returnedToB) == Figure(9))
    }

    @Test func aSwapThatFollowedEarlierTalks() throws {
        // the day is the talks'; the swap came around then, not on the article's day
        let r = extract("The previous round of talks, in Istanbul on January 14-15, was followed by an exchange of 120 prisoners on each side between Russia and Ukraine.")
        let e = try #require(r.exchanges.first)
        #expect(e.date?.date == "2026-01")
        // the talks' day is the article's: the swap is the article's, as before
        let today = try #require(extract("On February 5, as a result of the negotiation process, 95 prisoners of war were returned to Russia.").exchanges.first)
        #expect(today.date?.date == "2026-02-05")
    }

    @Test func theSameNumberInReturnAndLastMonth() throws {
        let r = extract("""
            The Russian Defense Ministry said 120 Russian servicemen were returned home on Thursday. The same number of captured Ukrainian soldiers was handed over in return, it said, thanking the UAE for its mediation.
            Last month, the two sides swapped 90 prisoners each.
            """)
        let e = try #require(r.exchanges.first { $0.returnedToA?.value == 120 || $0.returnedToB?.value == 120 })
        #expect(e.returnedToA == Figure(120) && e.returnedToB == Figure(120))
        #expect(e.date?.date == "2026-02-05")
        // "Last month": a swap of its own, dated to the month before the article's
        let earlier = try #require(r.exchanges.first { $0.returnedToA?.value == 90 })
        #expect(earlier.date?.date == "2026-01")
        #expect(r.exchanges.count == 2)
    }

    @Test func theSwapTookPlaceOnADayAndTheSameNumbersOfCivilians() throws {
        // "The swap took place on Monday": the day of the swap told before, whose day was only the article's;
        // "last traded prisoners on January 9, when 150 captives went home to each side": a swap of its own
        let r = extract("""
            Russia and Ukraine swapped 136 prisoners each in a deal mediated by the UAE, officials said.
            The swap took place on Monday near the border.
            The two countries last traded prisoners on January 9, when 150 captives went home to each side.
            """)
        let main = try #require(r.exchanges.first { $0.returnedToA?.value == 136 })
        #expect(main.date?.date == "2026-02-02")
        let earlier = try #require(r.exchanges.first { $0.returnedToA?.value == 150 })
        #expect(earlier.returnedToB == Figure(150) && earlier.date?.date == "2026-01-09")
        #expect(r.exchanges.count == 2)
        // a day not tied to the exchange word dates nothing, and such a sentence never makes a swap
        let s = extract("Russia and Ukraine swapped 90 prisoners each, officials said. The minister spoke after Monday prayers, a day before the exchange was completed.")
        #expect(s.exchanges.count == 1 && s.exchanges.first?.date?.date == "2026-02-05")
        #expect(extract("The exchange took place on Monday in Geneva.").exchanges.isEmpty)
        // "Russia got back the same numbers of servicemen and civilians": both figures, and the day before
        let c = extract("Kyiv said 185 Ukrainian servicemen and 20 civilians came home on Tuesday. Russia got back the same numbers of servicemen and civilians.")
        let e = try #require(c.exchanges.first)
        #expect(c.exchanges.count == 1)
        #expect(e.sideA == "RUS" && e.returnedToA == Figure(185) && e.civiliansToA == Figure(20) && e.civiliansToB == Figure(20))
        #expect(e.date?.date == "2026-02-03")
    }

    @Test func talksVenueOfAnotherEventAProcessAndADayRange() throws {
        // "Hours before the Geneva talks opened, Russia launched drones at the Sumy region": Sumy is the attack's
        let g = extract("Hours before the Geneva talks opened, Russia launched 94 drones at Ukraine, mostly at the Sumy region, the air force said.")
        #expect(g.talks.map(\.location) == ["Geneva"])
        // "held in Abu Dhabi on 4-5 February": a range of days (day-day month); "an agreement to swap" has no day
        let r = extract("The previous round, held in Abu Dhabi on 4-5 February, ended with an agreement to swap 157 captives apiece.",
                        published: "2026-03-05")
        let t = try #require(r.talks.first)
        #expect(t.location == "Abu Dhabi" && t.startDate?.date == "2026-02-04" && t.endDate == "2026-02-05")
        // "after months of negotiations mediated by Qatar": a process, not a round; "two days of talks" is one
        #expect(extract("Eleven children crossed back into Ukraine on Tuesday after months of negotiations in Istanbul, officials said.").talks.isEmpty)
        #expect(extract("Russia and Ukraine ended two days of talks in Istanbul on Tuesday.").talks.first?.location == "Istanbul")
        // "open to a further round of direct negotiations in Istanbul": an offer
        #expect(extract("The Kremlin said on Friday that Moscow remained open to a further round of direct negotiations in Istanbul.").talks.isEmpty)
    }

    @Test func aSentenceWithNoFigureAndNoNightOrDayMakesNoAttack() throws {
        // "The attack came as ...": the attack told before, not one in Geneva
        let r = extract("Russia launched 40 drones at Kyiv overnight, the air force said. The attack came as envoys were preparing for talks in Geneva.")
        #expect(r.attacks.count == 1 && r.attacks.first?.locations == ["Kyiv"])
        // a trend, no attack
        #expect(extract("Russia's intensified strikes on the power grid in Kyiv have pushed up the cost of imports, the minister said.").attacks.isEmpty)
        // a night named: an attack, and the sentence after it goes on about it
        let n = extract("During the night, Russian forces struck energy facilities in Ukraine, the ministry said. Media reported explosions in Kharkiv during the attack.")
        #expect(n.attacks.count == 1 && n.attacks.first?.locations.contains("Kharkiv") == true)
    }

    @Test func ofThemInTheNextSentenceAndCasualtiesAllWounded() throws {
        // "One hundred and fourteen of them were shot down": the drones of the sentence before
        let r = extract("Overnight, Russia sent 138 drones into Ukraine, the Air Force reported. One hundred and fourteen of them were shot down, and hits by 21 drones were recorded.")
        let a = try #require(r.attacks.first)
        #expect(r.attacks.count == 1)
        #expect(a.dronesLaunched == Figure(138) && a.dronesDowned == Figure(114) && a.dronesHit == Figure(21))
        // "the number of casualties had risen to 11, all of them wounded": an injured toll
        let c = extract("A Russian missile hit Kyiv overnight. The mayor first reported seven people injured. Later he said the number of casualties had risen to 11, all of them wounded.")
        #expect(c.attacks.count == 1 && c.attacks.first?.injured == Figure(11) && c.attacks.first?.killed == nil)
    }

    @Test func talksDaysOutweighAMonthOfAnotherEvent() throws {
        // "ended talks in Istanbul on Thursday, ... the framework signed in June": the talks' day only
        let r = extract("Delegations from Ukraine and Russia ended two days of talks in Istanbul on Thursday, the second session under the framework the two sides signed in June.")
        let t = try #require(r.talks.first)
        #expect(t.startDate?.date == "2026-02-05" && t.startDate?.precision == .day && t.endDate == nil)
    }

    @Test func aSinceClauseOpeningTheSentenceMakesARunningTotal() {
        // "Since Russia began its offensive on January 10, its drones have killed 25 people": the war's total
        #expect(extract("Since Russia began its offensive on January 10, Russian drones have killed 25 people in Ukraine, officials said.").attacks.isEmpty)
        // a day's toll stays one
        #expect(extract("Russian drones killed 25 people in Kyiv on Monday, officials said.").attacks.first?.killed == Figure(25))
    }

    @Test func wherePeopleSpokeIsNoAttackLocation() throws {
        // "told a press briefing in Kyiv", "told reporters in Kyiv": where it was said
        for lead in ["The spokesman told a press briefing in Kyiv", "The spokesman told reporters in Kyiv"] {
            let r = extract("\(lead) that Russian drones struck Odesa overnight, killing two people.")
            #expect(r.attacks.first?.locations == ["Odesa"], "\(lead)")
        }
    }

    @Test func agreedOnAStepColonTheExchange() throws {
        let r = extract("\"Russia and Ukraine have agreed on a new humanitarian step: the exchange of 500 prisoners of war on each side,\" the minister said.")
        let e = try #require(r.exchanges.first)
        #expect(e.status == .agreed)
        // agree_noun: "a deal to swap"
        #expect(extract("Russia and Ukraine reached a deal to swap 300 prisoners each.").exchanges.first?.status == .agreed)
    }

    @Test func talksNeedAVenueOrTwoSidesAndAConflictParty() {
        // one side, no venue: "held talks with visiting leaders"
        #expect(extract("Zelensky later held talks with the visiting leaders, the president's office said.").talks.isEmpty)
        // no party of a conflict in conflicts.tsv: Saudi and Swiss ministers meeting in Geneva
        #expect(extract("Saudi and Swiss ministers held talks in Geneva on Tuesday about trade.").talks.isEmpty)
        #expect(!extract("Russian and Ukrainian delegations held talks in Geneva on Tuesday.").talks.isEmpty)
    }

    @Test func armsDeliveriesAndTrendsAreNoAttacks() {
        #expect(extract("In Kyiv, the Polish minister said Poland would deliver two more air-defence systems and several hundred missiles to Ukraine this year.").attacks.isEmpty)
        #expect(extract("Russia has intensified its strikes on the energy system in Kharkiv since the autumn, officials say.").attacks.isEmpty)
        // a dated earlier incident still counts
        #expect(!extract("Debris from one of the drones hit an oil depot in Kursk on January 15.").attacks.isEmpty)
    }

    @Test func singularPeopleAddUpAndHospitalIsInjured() throws {
        let r = extract("A drone struck a car on the outskirts of Kharkiv, killing a man and a woman, the governor said. Three workers were taken to hospital, he said.")
        let a = try #require(r.attacks.first)
        #expect(a.killed == Figure(2))
        #expect(a.injured == Figure(3))
    }

    @Test func theMonthMayIsNoIntentAndAccordingToIsNoSide() throws {
        let r = extract("""
            Ukraine has received the bodies of 812 people who, according to the Russian side, are Ukrainian soldiers, officials said on Friday, May 22.
            The previous repatriation took place on April 24, when 1,000 bodies were returned to Ukraine and 52 to Russia.
            """, published: "2026-05-22")
        let may = try #require(r.exchanges.first { $0.date?.date == "2026-05-22" })
        #expect(may.status == .completed)
        #expect(may.returnedToB == Figure(812) && may.returnedToA == nil)
        let april = try #require(r.exchanges.first { $0.date?.date == "2026-04-24" })
        #expect(april.returnedToA == Figure(52) && april.returnedToB == Figure(1000))
        // a planned meeting in May is no talks (the month is a date, "can meet" the intent)
        #expect(extract("\"If the teams do their job in Istanbul, the leaders can meet in May,\" Zelensky said.", published: "2026-04-02").talks.isEmpty)
    }

    @Test func agesWeekTotalsAndHungerStrikes() throws {
        let r = extract("Russia struck Kharkiv with drones overnight, the governor said. Another woman, 71, died in hospital, he said.")
        #expect(r.attacks.first?.killed != Figure(71))
        #expect(extract("\"This week, the Russians launched more than 1,200 drones and 40 missiles against Ukraine,\" Zelensky said.").attacks.isEmpty)
        #expect(extract("Relatives of the prisoners staged a hunger strike outside the parliament in Kyiv on Monday.").attacks.isEmpty)
    }

    @Test func betweenAnEveningAndAMorning() throws {
        let r = extract("\"Between 11:00 p.m. Moscow time on February 3 and 7:00 a.m. Moscow time on February 4, air defense systems destroyed 46 Ukrainian drones over the Kursk region,\" the ministry said.")
        #expect(r.attacks.first?.date?.date == "2026-02-04")
    }

    @Test func peopleMetAreDelegatesToo() throws {
        let r = extract("Witkoff met Russian President Vladimir Putin in Moscow on Tuesday, in a meeting also attended by Putin's aide Vladimir Medinsky.")
        let t = try #require(r.talks.first)
        let sides = Dictionary(uniqueKeysWithValues: t.delegations.map { ($0.side, $0.members.map(\.name)) })
        #expect(sides["RUS"] == ["Vladimir Putin", "Vladimir Medinsky"])
        #expect(sides["USA"]?.count == 1)
        let r2 = extract("Rustem Umerov said on Tuesday that he had met Steve Witkoff in Geneva on Monday.")
        #expect(r2.talks.first?.delegations.map(\.side).sorted() == ["UKR", "USA"])
        // in passing: "Zelensky, who met ..."
        #expect(extract("Zelensky, who met Witkoff in Riyadh on Monday, did not take part in Tuesday's talks.").talks.flatMap(\.delegations).isEmpty)
    }

    @Test func coordinatedCityDistricts() throws {
        let r = extract("Russia struck Kyiv overnight with missiles, killing two people in the Darnytskyi and Dniprovskyi districts, the mayor said.")
        let a = try #require(r.attacks.first)
        #expect(a.locations.contains("Darnytskyi Raion") && a.locations.contains("Dniprovskyi Raion"))
    }

    @Test func hyphenedForFigures() throws {
        let r = extract("Russia and Ukraine carried out a 1,000-for-1,000 exchange of prisoners on Tuesday.")
        let e = try #require(r.exchanges.first)
        #expect(e.returnedToA == Figure(1000) && e.returnedToB == Figure(1000))
        // the spaced form: "for" is an item of its own between the two numbers
        let spaced = try #require(extract("Russia and Ukraine exchanged prisoners of war 103 for 103 on Tuesday.").exchanges.first)
        #expect(spaced.returnedToA == Figure(103) && spaced.returnedToB == Figure(103))
    }

    @Test func colonListsTheParts() throws {
        let r = extract("\"We brought home 60 Ukrainians: 52 soldiers and eight civilians,\" Zelensky said after Ukraine and Russia swapped prisoners on Tuesday.")
        let e = try #require(r.exchanges.first)
        #expect(e.total == nil)
        #expect(e.returnedToB == Figure(60))
    }

    @Test func negativeArticleHasNoEvents() {
        let r = extract("The central bank said inflation slowed to 5% in January. Analysts expect rates to fall as talks with the IMF mission continue.")
        #expect(r.exchanges.isEmpty && r.attacks.isEmpty && r.talks.isEmpty)
    }

    @Test func evidenceSpansCoverTheirSentences() {
        let text = "Russia launched 50 drones at Ukraine overnight, the air force said. Russia and Ukraine exchanged 150 prisoners of war each on Wednesday."
        let a = article(text)
        let r = testExtractor.extract(a)
        let scalars = Array(a.body.unicodeScalars)
        func sub(_ s: Span) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[s.start..<s.end])
            return String(v)
        }
        #expect(sub(r.attacks[0].span) == "Russia launched 50 drones at Ukraine overnight, the air force said.")
        #expect(sub(r.exchanges[0].span) == "Russia and Ukraine exchanged 150 prisoners of war each on Wednesday.")
    }

    // MARK: - session 10

    /// "The ministry gave the following breakdown:" between the attack sentence and its list of regions.
    @Test func aListAfterAHeadingOfItsOwn() throws {
        let r = extract("""
            Russian air defenses destroyed 21 Ukrainian drones overnight, the ministry said.

            The ministry gave the following breakdown:

            - over the Kursk region - 11;
            - over the Belgorod region - 10.
            """)
        let a = try #require(r.attacks.first)
        #expect(a.locations.contains("Kursk Oblast") && a.locations.contains("Belgorod Oblast"))
        // a heading after a sentence that is no attack opens no list
        let n = extract("""
            The minister spoke about the budget on Thursday.

            He gave the following breakdown:

            - over the Kursk region - 11;
            """)
        #expect(n.attacks.isEmpty)
    }

    /// Names no dictionary has: "the Zarechensky district" (a district ending) is a place; "the Central
    /// district" is not made one.
    @Test func anUnknownDistrictByItsEnding() throws {
        let a = try #require(extract("A Russian drone hit a warehouse in the Zarechensky district of Kharkiv overnight, injuring two people.").attacks.first)
        #expect(a.locations.contains("Zarechensky district"))
        let b = try #require(extract("A Russian drone hit a warehouse in the Central district of Kharkiv overnight, injuring two people.").attacks.first)
        #expect(!b.locations.contains { $0.hasPrefix("Central") })
    }

    /// "Russian forces had delivered a group strike against Ukrainian ...": the subject is the attacker, and a
    /// sentence that tells of "the night" keeps the article's date (not the day of the sentence before).
    @Test func aSubjectBeforeDeliveredAGroupStrike() throws {
        let r = extract("""
            On Wednesday afternoon, the ministry said 23 Ukrainian drones had been destroyed over the Kursk region.
            The ministry also said that, during the night, Russian forces had delivered a group strike against Ukrainian energy facilities.
            Media reported explosions in Kharkiv during the attack.
            """)
        let s = try #require(r.attacks.first { $0.attacker == "RUS" })
        #expect(s.targetCountry == "UKR" && s.date?.date == "2026-02-05" && s.locations == ["Kharkiv"])
    }

    /// "a woman born in 1961 suffered shrapnel wounds": one injured, the year is neither a date nor a count;
    /// "Murat Aydin, 56, suffered shrapnel wounds": an age after a name.
    @Test func birthYearsAndAgesAfterNamesAreNoFigures() throws {
        let r = extract("Ukrainian drones attacked the Kursk region overnight. \"In Kursk, a woman born in 1961 suffered shrapnel wounds; she has been given all necessary help,\" the governor said.")
        #expect(r.attacks.count == 1 && r.attacks.first?.injured == Figure(1))
        let a = extract("Russian drones hit the port of Odesa overnight. The spokesman, Rustem Umerov, 56, suffered shrapnel wounds, the Istanbul-based operator said.")
        #expect(a.attacks.allSatisfy { $0.injured?.value != 56 })
        // "the Istanbul-based operator": no location
        #expect(a.attacks.allSatisfy { !$0.locations.contains("Istanbul") })
    }

    /// "No one was hurt": nobody was killed either; "No injuries" says nothing of deaths.
    @Test func noOneWasHurtIsNoDeathEither() throws {
        let a = try #require(extract("A Russian drone hit a house in Sumy overnight. No one was hurt, the governor said.").attacks.first)
        #expect(a.killed == Figure(0) && a.injured == Figure(0))
        let b = try #require(extract("A Russian drone hit a house in Sumy overnight. There were no injuries, the governor said.").attacks.first)
        #expect(b.killed == nil && b.injured == Figure(0))
    }

    /// "fired from Tu-95 bombers over the Black Sea", "launched from Russia's Kursk and Belgorod regions":
    /// launch sites; "Eleven of the missiles were Kh-101 cruise missiles": a part of the missiles.
    @Test func launchPlatformsAndTypedPartsOfTheMissiles() throws {
        let r = extract("""
            Russia launched 18 missiles at Ukraine overnight, the air force said.
            Eleven of the missiles were Kh-101 cruise missiles fired from Tu-95 bombers over the Black Sea; the other seven were Iskander-M ballistic missiles launched from Russia's Kursk and Belgorod regions.
            """)
        #expect(r.attacks.count == 1)
        let a = try #require(r.attacks.first)
        #expect(a.attacker == "RUS" && a.missilesLaunched == Figure(18))
        #expect(!a.locations.contains("Black Sea") && !a.locations.contains("Kursk Oblast") && !a.locations.contains("Belgorod Oblast"))
    }

    /// "retaliation for Ukrainian attacks": the cause; "In Moscow, the Defense Ministry described": where the
    /// government spoke.
    @Test func theCauseAndTheSeatOfGovernmentAreNoAttack() {
        let r = extract("""
            Russia attacked Kyiv with 40 drones overnight, killing two people, officials said.
            In Moscow, the Defense Ministry described the overnight operation as retaliation for Ukrainian attacks on Russian soil.
            """)
        #expect(r.attacks.count == 1 && r.attacks.first?.attacker == "RUS")
        #expect(r.attacks.allSatisfy { !$0.locations.contains("Moscow") })
    }

    /// "recorded 14 drones striking their targets": hits; "None of the three missiles was intercepted": 0
    /// downed; "20:00 Moscow time": no place.
    @Test func strikingTheirTargetsNoneOfAndClockTime() throws {
        let a = try #require(extract("Russia launched 60 drones and three missiles at Odesa overnight. It recorded 14 drones striking their targets. None of the three missiles was intercepted, the air force said.").attacks.first)
        #expect(a.dronesHit == Figure(14) && a.missilesDowned == Figure(0) && a.missilesLaunched == Figure(3))
        let m = try #require(extract("The ministry said 30 Ukrainian drones were destroyed over the Kursk region between 20:00 Moscow time on Wednesday and 07:00 Moscow time on Thursday.").attacks.first)
        #expect(!m.locations.contains("Moscow"))
    }

    /// "power cuts were introduced in the Odesa and Sumy regions after the strikes": outages, no locations.
    @Test func outagePlacesAreNoLocations() throws {
        let a = try #require(extract("Russian drones hit Kharkiv overnight, killing one person. Emergency power cuts were introduced in parts of the Odesa and Sumy regions after the strikes, the grid operator said.").attacks.first)
        #expect(a.locations == ["Kharkiv"])
    }

    /// "In total, the enemy used 38 missiles" is the night's total; "in January Russia launched 4,000 drones",
    /// and "have shot down 69,000 drones in total" are running totals.
    @Test func inTotalIsTheNightsSumButAMonthIsATotal() throws {
        let a = try #require(extract("Overnight, Russia attacked Ukraine. In total, the enemy used 38 missiles and 318 drones, the air force said.").attacks.first)
        #expect(a.missilesLaunched == Figure(38) && a.dronesLaunched == Figure(318))
        #expect(extract("According to the air force, in January Russia launched 127 missiles and more than 4,000 drones against Ukraine.").attacks.isEmpty)
        #expect(extract("The ministry said Russian forces have shot down more than 69,000 Ukrainian drones in total.").attacks.isEmpty)
        // a month at the end of the sentence is background: "one drone was downed over the Kursk region, ...
        // after an incursion in August"
        #expect(!extract("The ministry said one Ukrainian drone was downed over the Kursk region, where Ukrainian troops still hold ground after an incursion in August.").attacks.isEmpty)
    }

    /// "announced on 2nd October 2025, secured the release of 370 captives": an ordinal day and a release
    /// secured; "renewed his call for an exchange of all prisoners": no swap carried out.
    @Test func anOrdinalDaySecuredReleaseAndACall() throws {
        let r = extract("The previous mediation by the UAE, announced on 2nd October 2025, secured the release of 370 captives from both sides of the war between Russia and Ukraine.")
        let e = try #require(r.exchanges.first)
        #expect(e.date?.date == "2025-10-02" && e.total == Figure(370) && e.status == .completed)
        let c = extract("On Sunday, the Pope renewed his call for an exchange of all prisoners between Russia and Ukraine.")
        #expect(c.exchanges.allSatisfy { $0.status == .agreed })
    }

    /// "Of the prisoners returned to Ukraine, 19 were seriously wounded": parts of the swap, no figure of
    /// their own; "Of those returned, 193 are servicemen and 12 are civilians": the civilians still count.
    @Test func partsAfterAnOpeningOfTheClause() throws {
        let r = extract("""
            Russia and Ukraine exchanged 202 prisoners each on Monday, officials said.
            Of the prisoners returned to Ukraine, 19 were seriously wounded, the ombudsman said.
            """)
        #expect(r.exchanges.count == 1)
        #expect(r.exchanges.allSatisfy { $0.total == nil })
        let c = extract("""
            Ukraine brought home 205 of its citizens in a swap with Russia on Monday.
            Of those returned, 193 are servicemen and 12 are civilians, the headquarters said.
            """)
        let e = try #require(c.exchanges.first)
        #expect(e.civiliansToB == Figure(12) || e.civiliansToA == Figure(12))
    }

    /// "have been handed back ..., in the second large-scale humanitarian exchange with Russia this week":
    /// one swap, not a running total, and "this week" is no day of it; "Moscow received the remains of 44 of
    /// its troops": the capital's side.
    @Test func theSecondExchangeThisWeekAndACapitalThatReceived() throws {
        let r = extract("""
            The bodies of 1,000 Ukrainian soldiers have been handed back to Ukraine, officials said, in the second large-scale humanitarian exchange with Russia this week.
            Moscow received the remains of 44 of its troops in return.
            """)
        let e = try #require(r.exchanges.first)
        #expect(r.exchanges.count == 1)
        #expect(e.sideA == "RUS" && e.returnedToA == Figure(44) && e.returnedToB == Figure(1000))
        #expect(e.date?.date == "2026-02-05")
    }

    /// "On 5 February, immediately after the second round, Ukraine and Russia exchanged 157 prisoners each":
    /// the opening day dates the swap; one sentence listing two separate rounds gives two talks.
    @Test func anOpeningDayAndTwoRoundsInOneSentence() throws {
        let r = extract("""
            Previous meetings took place in Abu Dhabi on 23-24 January and 4-5 February.
            On 5 February, immediately after the second round, Ukraine and Russia exchanged 157 prisoners each.
            """, published: "2026-05-28")
        let e = try #require(r.exchanges.first)
        #expect(e.date?.date == "2026-02-05" && e.date?.precision == .day)
        #expect(Set(r.talks.compactMap { $0.startDate?.date }) == ["2026-01-23", "2026-02-04"])
    }

    /// "while the talks were under way, Russian aircraft struck Kharkiv, injuring seven people, including a
    /// child, said X": X is no delegate.
    @Test func aSpeakerOfAnAttackIsNoDelegate() {
        let r = extract("""
            Russian and Ukrainian delegations held talks in Abu Dhabi on Tuesday.
            On Tuesday, while the talks were under way, Russian aircraft struck Kharkiv, injuring seven people, including a child, said Rustem Umerov.
            """)
        #expect(r.talks.flatMap(\.delegations).flatMap(\.members).isEmpty)
    }

    /// "A sixth round, set for June 15 in Istanbul, was called off", "has been postponed": no talks held.
    @Test func talksCalledOffOrPostponedWereNotHeld() {
        #expect(extract("A sixth round of talks between Russia and Ukraine, set for June 15 in Istanbul, was called off.").talks.isEmpty)
        #expect(extract("A meeting of Russian and Ukrainian negotiators that had been planned for this week in Geneva has been postponed.").talks.isEmpty)
        #expect(!extract("Russian and Ukrainian negotiators met in Istanbul on Monday.").talks.isEmpty)
    }

    /// "US B-2 bombers struck ...": the country before a platform noun attacks; "Russia retaliated ... by
    /// firing 14 missiles ... Thirteen were intercepted.": the subject attacks, and a number opening the next
    /// sentence counts the missiles.
    @Test func platformsAndANumberOpeningTheNextSentence() throws {
        let u = try #require(extract("On Monday, US B-2 bombers struck targets in Kharkiv, the Pentagon said.").attacks.first)
        #expect(u.attacker == "USA")
        let r = extract("Russia retaliated on Monday by firing 14 missiles at Kyiv. Thirteen were intercepted, the air force said.")
        let a = try #require(r.attacks.first)
        #expect(r.attacks.count == 1)
        #expect(a.attacker == "RUS" && a.missilesLaunched == Figure(14) && a.missilesDowned == Figure(13))
    }

    /// "a live demonstration ... where an interceptor drone shot down three target drones", "meet in a World
    /// Cup match in Geneva": no attack, no talks; talks dated after the article are not held yet.
    @Test func demonstrationsMatchesAndTalksToComeAreNoEvents() {
        #expect(extract("The main draw on Tuesday was a live demonstration near Kyiv, where an interceptor drone built by a Ukrainian startup shot down three target drones.").attacks.isEmpty)
        #expect(extract("Russia and Ukraine meet in a World Cup qualifying match in Geneva on Tuesday.").talks.isEmpty)
        #expect(extract("The Russian and Ukrainian foreign ministers are scheduled to meet in Geneva on February 12.").talks.isEmpty)
        #expect(!extract("The Russian and Ukrainian foreign ministers met in Geneva on February 2.").talks.isEmpty)
        // a figureless sentence whose only place is outside the conflicts, with no attacker: no attack
        #expect(extract("Organizers said on Friday that the show in Abu Dhabi had drawn 2,000 exhibitors, with drones and counter-drone systems taking up a third of the floor.").attacks.isEmpty)
    }

    /// A subheading ("Port hit") makes no attack; "None of the 14 crew members was hurt": 0 injured, 0 killed.
    @Test func aSubheadingAndNoneOfTheCrew() throws {
        let r = extract("""
            Russian drones struck the port of Odesa on Sunday, damaging a bulk carrier, the navy said.

            Port hit

            None of the 14 crew members was hurt, the ministry said.
            """)
        let a = try #require(r.attacks.first)
        #expect(r.attacks.count == 1)
        #expect(a.injured == Figure(0) && a.killed == Figure(0), "\(r.attacks)")
    }

    /// "adding that none of them had been shot down": 0 downed; "Neither of the ballistic missiles was
    /// intercepted" is a part (one type) of the attack's missiles; "Officials in the Kharkiv region said":
    /// the region is a location, "the ministry in Moscow said" is not.
    @Test func noneOfThemAndOfficialsInARegion() throws {
        let a = try #require(extract("Russia fired three Iskander-M missiles at Sumy overnight, the air force said, adding that none of them had been shot down.").attacks.first)
        #expect(a.missilesLaunched == Figure(3) && a.missilesDowned == Figure(0))
        let r = extract("Russia launched 8 missiles at Odesa overnight and 5 were intercepted, the air force said. Neither of the Iskander-M missiles was intercepted.")
        #expect(r.attacks.count == 1 && r.attacks.first?.missilesDowned == Figure(5))
        let k = try #require(extract("Russia launched 66 drones at Ukraine overnight. Officials in the northeastern Kharkiv region said a man was injured when a drone struck a house.").attacks.first)
        #expect(k.locations.contains("Kharkiv Oblast"))
        let m = extract("Ukrainian drones struck the Kursk region overnight, the ministry in Moscow said.")
        #expect(m.attacks.allSatisfy { !$0.locations.contains("Moscow") })
    }

    /// "On January 22, Russian bombers struck Kharkiv. Ukraine retaliated the following day ...": the 23rd.
    @Test func theFollowingDayIsTheDayAfterTheAttackBefore() throws {
        let r = extract("On January 22, Russian drones struck Kharkiv, the governor said. Ukraine retaliated the following day by firing 14 drones at the Kursk region.")
        let u = try #require(r.attacks.first { $0.attacker == "UKR" })
        #expect(u.date?.date == "2026-01-23")
    }

    /// "Debris fell in the Kharkiv and Sumy regions", "reported explosions in Odesa": places of the attack;
    /// "were martyred": killed; "shot down or jammed": downed; "received medical assistance" is no swap.
    @Test func debrisExplosionsMartyredAndJammed() throws {
        let r = extract("Russia launched 90 drones at Ukraine overnight, the air force said. Debris fell in the Kharkiv and Sumy regions. Local channels reported explosions in Odesa.")
        let a = try #require(r.attacks.first)
        #expect(r.attacks.count == 1)
        #expect(["Kharkiv Oblast", "Sumy Oblast", "Odesa"].allSatisfy(a.locations.contains), "\(a.locations)")
        let m = try #require(extract("Nine civilians were martyred when Russian missiles struck Kharkiv on Monday.").attacks.first)
        #expect(m.killed == Figure(9))
        let j = try #require(extract("Russia launched 120 drones at Ukraine overnight. Air defenses shot down or jammed 101 drones, the air force said.").attacks.first)
        #expect(j.dronesDowned == Figure(101))
        let w = try #require(extract("Ukrainian drones struck Belgorod overnight. One woman sustained minor injuries and received medical assistance at the scene, the governor said.").attacks.first)
        #expect(w.injured == Figure(1))
    }

    /// "Seventeen of the wounded were taken to hospital" is a part of the toll; "two weeks after gunmen killed
    /// 26 people" is a duration; "initially reported six dead" is a toll the article updates.
    @Test func partsDurationsAndEarlierTolls() throws {
        let r = extract("Russian bombs struck Kharkiv on Saturday, injuring 52 people. Seventeen of the wounded were taken to hospital.")
        #expect(r.attacks.map(\.injured) == [Figure(52)], "\(r.attacks)")
        let d = extract("The strikes on Kharkiv came two weeks after gunmen killed 26 people near Sumy.")
        #expect(d.attacks.contains { $0.killed == Figure(26) } && !d.attacks.contains { $0.killed == Figure(2) }, "\(d.attacks)")
        let e = extract("Russian drones struck Odesa on Monday. The mayor initially reported six dead; by midday the emergency service said 12 people had been killed.")
        #expect(e.attacks.map(\.killed) == [Figure(12)], "\(e.attacks)")
        // (the sentence of the earlier toll still gives its places)
        let p = extract("Russian drones struck Ukraine on Monday, killing 12 people, the air force said. The governor initially reported six dead in Sumy.")
        #expect(p.attacks.count == 1 && p.attacks.first?.locations.contains("Sumy") == true, "\(p.attacks)")
    }

    /// The day of an attack: "Less than two weeks earlier, on January 20" is January 20; "said on Thursday
    /// that ... on Wednesday" is Wednesday; "since January 12, when Russia launched ..." is January 12; "In
    /// the same night" after an attack sentence is that sentence's night.
    @Test func calendarDatesBeforeOffsetsAndStatementDays() throws {
        let o = try #require(extract("Less than two weeks earlier, on January 20, a Russian missile hit Kharkiv, killing 20 people.").attacks.first)
        #expect(o.date?.date == "2026-01-20")
        let s = try #require(extract("The emergency service said on Thursday that 35 people died when two Russian missiles struck Sumy on Wednesday.").attacks.first)
        #expect(s.date?.date == "2026-02-04")
        let w = extract("It was the heaviest attack since January 12, when Russia launched 88 missiles at Ukraine.")
        #expect(w.attacks.first { $0.missilesLaunched == Figure(88) }?.date?.date == "2026-01-12", "\(w.attacks)")
        let n = extract("On Friday, January 30, Russian drones hit Odesa, injuring two people. In the same night, the air force said 194 drones were launched across Ukraine.")
        #expect(n.attacks.first { $0.dronesLaunched == Figure(194) }?.date?.date == "2026-01-30", "\(n.attacks)")
    }

    /// "In Kyiv, at least 5 people died; in Kharkiv, 3 people were killed": one toll per clause, each with
    /// its places.
    @Test func tollsBetweenSemicolons() throws {
        let r = extract("Russian missiles struck Ukraine on Monday. In Odesa, at least 5 people died; in Kharkiv, 3 people were killed.")
        #expect(r.attacks.contains { $0.killed == Figure(3) && $0.locations == ["Kharkiv"] }, "\(r.attacks)")
        #expect(r.attacks.contains { $0.killed == Figure(5, .atLeast) && $0.locations.contains("Odesa") }, "\(r.attacks)")
    }

    /// Exchanges: "the reunification of seven Ukrainian children" returns them; "namely 270 servicemen and 120
    /// civilians" are parts; a sentence right after a swap dated to the day keeps that day; a place where the
    /// returned are cared for ("in Belarus") is no side when the article's swap is between a dyad.
    @Test func reunitedChildrenPartsAndTheDayBefore() throws {
        let q = try #require(extract("Qatar facilitated the reunification of seven Ukrainian children with their families in Ukraine on Tuesday.").exchanges.first)
        #expect(q.returnedToB == Figure(7) && q.sideB == "UKR")
        let r = extract("""
            Ukraine brought home 303 defenders on Sunday, the president said.

            On Friday, January 30, 390 Ukrainians were freed, namely 270 servicemen and 120 civilians. The Russian side also received 390 people.

            The ministry said that 303 Russian servicemen had been returned and were receiving medical assistance in Belarus.
            """)
        let fri = r.exchanges.filter { $0.date?.date == "2026-01-30" }
        #expect(fri.contains { $0.returnedToB == Figure(390) && $0.civiliansToB == Figure(120) } && fri.allSatisfy { $0.total == nil }, "\(r.exchanges)")
        #expect(fri.contains { $0.returnedToA == Figure(390) }, "\(r.exchanges)")
        #expect(r.exchanges.allSatisfy { $0.sideA == "RUS" && $0.sideB == "UKR" }, "\(r.exchanges)")
    }

    /// "Impacts were reported in Kyiv" is a location (a passive report, not where it was said); "a man and a
    /// woman were killed" is two; "paramedics treated 70 people" are injured; "The targets included sites in
    /// Sumy" names places of the attack; "In Kyiv, Foreign Minister X said" is where the government spoke.
    @Test func passiveReportsChainsOfPeopleAndTargetLists() throws {
        let r = extract("Russian missiles struck Ukraine overnight, the air force said. Impacts were reported in Kyiv and Odesa, where a man and a woman were killed. Paramedics said they had treated 70 people.")
        let a = try #require(r.attacks.first)
        #expect(r.attacks.count == 1, "\(r.attacks)")
        #expect(a.locations.contains("Kyiv") && a.locations.contains("Odesa"), "\(a.locations)")
        #expect(a.killed == Figure(2) && a.injured == Figure(70), "\(a)")
        let t = try #require(extract("Russia launched 24 missiles at Ukraine on Monday. The targets included a plant in Dnipro and sites in Sumy.").attacks.first)
        #expect(t.locations.contains("Dnipro") && t.locations.contains("Sumy"), "\(t.locations)")
        let k = extract("Russian drones struck Kharkiv on Monday. In Kyiv, Foreign Minister Andrii Sybiha said the strikes were a war crime.")
        #expect(k.attacks.allSatisfy { !$0.locations.contains("Kyiv") }, "\(k.attacks)")
    }

    /// "while another 16 were neutralized over the Black Sea" is one more part of a breakdown.
    @Test func anotherPartOfABreakdown() throws {
        let b = extract("Air defenses destroyed 60 Ukrainian drones overnight, the ministry said. Forty of them were destroyed over the Kursk region, 4 over the Belgorod region, while another 16 were neutralized over the waters of the Black Sea.")
        #expect(b.attacks.map(\.dronesDowned) == [Figure(60)], "\(b.attacks)")
    }

    /// "Negotiators from Moscow and Kyiv spent three hours at Istanbul's Ciragan Palace on Tuesday": a round of
    /// talks with no talks word; "Vladimir Medinsky headed the delegation" (no side named): his country's.
    @Test func negotiatorsAtAVenueOnADayAndASidelessDelegation() throws {
        let r = extract("Negotiators from Moscow and Kyiv spent three hours at Istanbul's Ciragan Palace on Tuesday. Vladimir Medinsky headed the delegation, which also included Vladimir Putin.")
        let t = try #require(r.talks.first)
        #expect(r.talks.count == 1 && t.location == "Istanbul" && t.startDate?.date == "2026-02-03", "\(r.talks)")
        #expect(t.delegations.first { $0.side == "RUS" }?.members.map(\.name) == ["Vladimir Medinsky", "Vladimir Putin"], "\(t.delegations)")
        // (and not a sentence about a strike: "Negotiators from Moscow and Kyiv were in Istanbul on Tuesday as
        // Russian drones struck Kharkiv")
        #expect(extract("Negotiators from Moscow and Kyiv were in Istanbul on Tuesday as Russian drones struck Kharkiv.").talks.isEmpty)
    }

    /// "Peskov said in Moscow that the results of the talks ...": Moscow is where it was said, not a venue;
    /// "closing the exchange that was agreed when the delegations met in Istanbul on 16 January": the swap is
    /// not dated by the talks where it was agreed.
    @Test func whereItWasSaidAndWhereASwapWasAgreed() throws {
        let r = extract("Russian and Ukrainian delegations held talks in Istanbul on Monday. The Kremlin spokesman said in Moscow that the results of the talks would not be made public.")
        #expect(r.talks.allSatisfy { $0.location != "Moscow" }, "\(r.talks)")
        let e = extract("Zelenskyy says 303 more Ukrainian defenders have come home, closing the exchange that was agreed when the two delegations met in Istanbul on January 16.")
        #expect(e.exchanges.first?.date?.date == "2026-02-05", "\(e.exchanges)")
    }

    /// "are expected to hold a new round of negotiations in Istanbul on Wednesday": a weekday told with an intent
    /// is a day to come, no talks held; "said on Wednesday that Kyiv expected an exchange ... following the
    /// first round of talks in Istanbul": the weekday is the statement's, the round was held.
    @Test func plannedTalksOnAWeekday() throws {
        #expect(extract("Ukraine and Russia are expected to hold a new round of negotiations in Istanbul on Wednesday, Zelenskyy said.").talks.isEmpty)
        #expect(extract("Zelenskyy said on Wednesday that Kyiv expected an exchange of prisoners soon, following the first round of talks in Istanbul.").talks.count == 1)
    }

    /// "The overnight barrage was the largest since January 11, when Russia said it had shot down 337 drones":
    /// the figures are January 11's (and no running total); "On January 9 it fired 728 drones at Ukraine,
    /// while a strike on Kyiv on January 17 killed 28 people": two attacks, each on its own day.
    @Test func sinceWhenClausesAndDatedClauses() throws {
        let w = extract("Ukrainian drones struck the Kursk region overnight. The overnight barrage was among the largest since January 11, when Russia said it had shot down 337 Ukrainian drones.")
        #expect(w.attacks.first { $0.dronesDowned == Figure(337) }?.date?.date == "2026-01-11", "\(w.attacks)")
        let c = extract("On January 9 Russia fired 728 drones at Ukraine, while a strike on Kyiv on January 17 killed 28 people.")
        #expect(c.attacks.first { $0.dronesLaunched == Figure(728) }?.date?.date == "2026-01-09", "\(c.attacks)")
        #expect(c.attacks.first { $0.killed == Figure(28) }?.date?.date == "2026-01-17", "\(c.attacks)")
    }

    /// An undated swap at the top of the article is the article's own, not dated by an earlier swap told further
    /// down ("The previous repatriation took place on January 10 ...").
    @Test func anUndatedLeadSwapIsNotDatedByAnEarlierOneFurtherDown() throws {
        let r = extract("""
            Ukraine has brought home 200 prisoners of war in a new exchange with Russia, the president said.

            He thanked the mediators. The freed soldiers will receive medical care. Their families were informed.

            The previous exchange took place on January 10, when Ukraine and Russia swapped 150 prisoners each.
            """)
        #expect(r.exchanges.first { $0.returnedToB == Figure(200) }?.date?.date == "2026-02-05", "\(r.exchanges)")
        #expect(r.exchanges.first { $0.returnedToA == Figure(150) }?.date?.date == "2026-01-10", "\(r.exchanges)")
    }

    /// "Kharkiv ... has been targeted repeatedly. The deadliest strike on the city came on January 14": the city
    /// the sentence before names; not when that sentence's last place is no city ("The Kharkiv region ...").
    @Test func theCityOfTheSentenceBefore() throws {
        let r = extract("Kharkiv has been targeted repeatedly since the invasion began. The deadliest Russian strike on the city came on January 14, killing 46 people.")
        #expect(r.attacks.first { $0.killed == Figure(46) }?.locations == ["Kharkiv"], "\(r.attacks)")
        let g = extract("Moscow said it had repelled drones. The Kharkiv region is hit almost daily. A Russian guided bomb attack on the city on Friday killed five people.")
        #expect(g.attacks.allSatisfy { !$0.locations.contains("Moscow") }, "\(g.attacks)")
    }

    /// A subheading ("Meeting with Putin in Moscow") is no talks of its own.
    @Test func aSubheadingIsNoTalks() throws {
        let r = extract("""
            Ukrainian and US delegations held talks in Geneva on Sunday.

            Meeting with Putin in Moscow

            The envoys flew on to Russia afterwards.
            """)
        #expect(r.talks.allSatisfy { $0.location != "Moscow" }, "\(r.talks)")
    }

    /// "It made no mention of casualties", "no immediate reports of injuries": nothing is known (grammar class
    /// `no_info`), unlike "no one was hurt", which is 0.
    @Test func noInformationIsNotZeroCasualties() throws {
        for tail in ["It made no mention of civilian casualties.", "There were no immediate reports of injuries."] {
            let r = extract("Russia launched 40 drones at Kharkiv overnight, the air force said. " + tail)
            #expect(r.attacks.count == 1 && r.attacks.allSatisfy { $0.killed == nil && $0.injured == nil }, "\(tail) \(r.attacks)")
        }
        let z = extract("Russia launched 40 drones at Kharkiv overnight, the air force said. No one was hurt.")
        #expect(z.attacks.first?.killed == Figure(0), "\(z.attacks)")
    }

    /// "Ukraine and Russia swapped 103 prisoners for 103": each side's figure, not a total.
    @Test func peopleForTheSameNumber() throws {
        let r = extract("On January 12, Ukraine and Russia swapped 103 prisoners for 103.")
        let e = try #require(r.exchanges.first)
        #expect(e.returnedToA == Figure(103) && e.returnedToB == Figure(103) && e.total == nil, "\(r.exchanges)")
    }

    /// "one of its heaviest ... attacks on the capital since the start of the year" is a comparison, not a
    /// running total, and "one of" counts no missile.
    @Test func aFarSuperlativeMakesAComparison() throws {
        let r = extract("At least 12 people have been killed and 90 injured in Kyiv after Russia launched one of its heaviest combined missile and drone attacks on the Ukrainian capital since the start of the year, officials say.")
        let a = try #require(r.attacks.first)
        #expect(a.killed == Figure(12, .atLeast) && a.injured == Figure(90), "\(r.attacks)")
        #expect(a.missilesLaunched == nil, "\(r.attacks)")
        // a figure between the superlative and "since" keeps the running total
        let t = extract("The deadliest month saw 300 people killed, and 2,000 people have been killed since the start of the year, officials say.")
        #expect(t.attacks.allSatisfy { $0.killed != Figure(2000) }, "\(t.attacks)")
    }

    /// "shelving a summit in Budapest": talks not held (grammar class `cancel_word`).
    @Test func aShelvedSummitIsNoTalks() throws {
        let r = extract("The US president said on Tuesday he would not meet the Russian president soon, shelving a summit in Geneva that he announced.")
        #expect(r.talks.isEmpty, "\(r.talks)")
        let held = extract("The US president said on Tuesday he had met the Russian president at a summit in Geneva.")
        #expect(held.talks.count == 1, "\(held.talks)")
    }

    /// A strike on a quarter of a city is a strike on the city: "the Darnytskyi district" (a place whose admin1
    /// is Kyiv) adds Kyiv; "Odesa's Kyivskyi district" is no region of that name.
    @Test func cityQuartersAreTheirCity() throws {
        let r = extract("A Russian drone hit a building in the Darnytskyi district overnight, killing two people.")
        #expect(r.attacks.first?.locations == ["Kyiv", "Darnytskyi Raion"], "\(r.attacks)")
        let o = extract("A Russian drone hit a block in Odesa's Kyivskyi district overnight, killing two people.")
        #expect(o.attacks.first?.locations == ["Odesa"], "\(o.attacks)")
    }

    /// A roundup: "what we know about the Russian attacks on Odesa, Kharkiv and Sumy" over three attacks dated
    /// one by one adds no place to any; "That night" a few sentences after a dated attack is its night; "tore
    /// into" is a hit.
    @Test func aRoundupOfAttacksOnSeveralDays() throws {
        let r = extract("""
            Three strikes: what we know about the Russian attacks on Odesa, Kharkiv and Sumy

            In the early hours of 2 January, a Russian drone slammed into a block in Odesa. Rescuers worked for days. The final toll is 12 dead.

            That night, Russia sent 17 drones towards southern Ukraine, and 14 of them were shot down.

            On Tuesday, a Russian missile tore into a building in Kharkiv. Four people were killed.

            Late on Wednesday, Russian drones hit a building in Sumy. Two people were killed.
            """)
        let days = Dictionary(grouping: r.attacks) { $0.date?.date ?? "" }
        #expect(days.keys.sorted() == ["2026-01-02", "2026-02-03", "2026-02-04"], "\(r.attacks)")
        let odesa = try #require(days["2026-01-02"]?.first)
        #expect(odesa.locations == ["Odesa"] && odesa.killed == Figure(12) && odesa.dronesLaunched == Figure(17), "\(odesa)")
        #expect(days["2026-02-03"]?.first?.locations == ["Kharkiv"], "\(r.attacks)")
    }

    /// "In January, a missile strike on a block of flats in the city killed 46 people": an earlier attack known
    /// to the month, not a figure of the attack the article is about; "Kharkiv has been regularly targeted by
    /// Russian missiles" tells of a habit.
    @Test func anEarlierAttackKnownToTheMonth() throws {
        let r = extract("""
            A Russian missile hit a clinic in Kharkiv on Friday, killing two people, officials said.

            Kharkiv has been regularly targeted by Russian missiles. In January, a missile strike on a block of flats in the city killed 46 people.
            """, published: "2026-05-26")
        let may = r.attacks.filter { $0.date?.date == "2026-05-22" }
        #expect(may.count == 1 && may.allSatisfy { $0.killed == Figure(2) }, "\(r.attacks)")
        let jan = try #require(r.attacks.first { $0.date?.precision == .month })
        #expect(jan.date?.date == "2026-01" && jan.killed == Figure(46) && jan.locations == ["Kharkiv"], "\(r.attacks)")
        // a month's toll with no single attack named stays out
        let t = extract("In January, 200 civilians were killed in Russian attacks, the UN said.", published: "2026-05-26")
        #expect(t.attacks.allSatisfy { $0.date?.precision != .month }, "\(t.attacks)")
    }

    /// Talks words that are no round: "were met by relatives", "three rounds of direct talks in Istanbul this
    /// year" (unless one is dated), "talks on trade", "the completion of this round", and "the fighting in
    /// Ukraine" is no venue.
    @Test func talksWordsThatAreNoRound() throws {
        #expect(extract("The children arrived in Kyiv on Wednesday, where they were met by relatives.").talks.isEmpty)
        #expect(extract("Three rounds of direct talks in Istanbul this year produced agreements on exchanges.").talks.isEmpty)
        let dated = extract("The delegations have held three rounds of talks in Istanbul, the most recent on Monday.")
        #expect(dated.talks.count == 1 && dated.talks.first?.location == "Istanbul", "\(dated.talks)")
        #expect(extract("Ukraine and Turkey held talks on trade and investment in Istanbul on Thursday.").talks.isEmpty)
        #expect(extract("The mediator said the successful completion of this round in Geneva reflects the trust of both sides.").talks.isEmpty)
        let r = extract("Putin and Trump ended their meeting on Friday in Geneva without an agreement to halt the fighting in Ukraine.")
        #expect(r.talks.map(\.location) == ["Geneva"], "\(r.talks)")
    }

    /// "Each side handed over 185 soldiers and 20 civilians": both figures are each side's (and the soldiers
    /// and civilians add up); "189 Ukrainians were coming home" is a return.
    @Test func eachSideListsAndComingHome() throws {
        let r = extract("Each side handed over 185 soldiers and 20 civilians on Thursday, according to statements from Moscow and Kyiv.")
        let e = try #require(r.exchanges.first)
        #expect(e.returnedToA == Figure(205) && e.returnedToB == Figure(205), "\(r.exchanges)")
        #expect(e.civiliansToA == Figure(20) && e.civiliansToB == Figure(20), "\(r.exchanges)")
        let h = extract("Ukrainian President Volodymyr Zelensky wrote on Tuesday that 189 Ukrainians were coming home from Russian captivity.")
        #expect(h.exchanges.first.map { $0.returnedToA == Figure(189) || $0.returnedToB == Figure(189) } == true, "\(h.exchanges)")
    }

    /// A list of figures ("Drones shot down: 74", "Drone hits recorded: 5"), "56 of which were shot down", and
    /// "a few dozen Shaheds" (no figure).
    @Test func labelledFiguresOfWhichAndAFewDozen() throws {
        let r = extract("""
            Russia attacked Ukraine overnight, the air force said.

            Drones launched: 117
            Drones shot down: 74
            Drone hits recorded: 5
            Missiles shot down: 0
            """)
        let a = try #require(r.attacks.first)
        #expect(a.dronesLaunched == Figure(117) && a.dronesDowned == Figure(74) && a.dronesHit == Figure(5) && a.missilesDowned == Figure(0), "\(r.attacks)")
        let w = extract("On Monday, Russia launched 94 drones at Ukraine, 56 of which were shot down.")
        #expect(w.attacks.first?.dronesDowned == Figure(56), "\(w.attacks)")
        let f = extract("What was once an occasional barrage of a few dozen Shaheds launched at Ukraine has turned into a nightly routine.")
        #expect(f.attacks.allSatisfy { $0.dronesLaunched == nil }, "\(f.attacks)")
    }

    /// "37 drones were destroyed over the territory of the Bryansk region, 22 over the Kursk region, ...": the
    /// first figure of a per-region list is a part too; "no serious casualties" is no figure of 0.
    @Test func aBreakdownThatOpensWithItsWeapon() throws {
        let r = extract("""
            Air defenses destroyed 71 Ukrainian drones over Russian regions overnight, the Russian Ministry of Defense said.

            According to the ministry, 37 drones were destroyed over the territory of the Belgorod region, 22 over the Kursk region and 12 over the Oryol region. There were no serious casualties, the governor said.
            """)
        #expect(r.attacks.count == 1, "\(r.attacks)")
        let a = try #require(r.attacks.first)
        #expect(a.dronesDowned == Figure(71) && a.killed == nil && a.injured == nil, "\(r.attacks)")
        #expect(a.locations.contains("Belgorod Oblast") && a.locations.contains("Oryol Oblast"), "\(r.attacks)")
    }

    /// A site in a city is the city ("at the Palais des Nations" -> Geneva); a site in a region keeps its name
    /// ("the Diriyah Palace", Riyadh Region). A day in a since-clause is not the round's ("the first round
    /// since X stepped down on Friday"), unless the clause tells of talks of its own.
    @Test func sitesAndSinceClausesOfTalks() throws {
        let g = extract("Ukrainian and American delegations held talks at the Palais des Nations on Sunday.")
        #expect(g.talks.map(\.location) == ["Geneva"], "\(g.talks)")
        let d = extract("Russian and American delegations held talks at the Diriyah Palace on Tuesday.")
        #expect(d.talks.map(\.location) == ["Diriyah Palace"], "\(d.talks)")
        let y = extract("The delegations met in Geneva on Sunday. It was the first round for the Ukrainian team since its head stepped down on Friday.")
        #expect(y.talks.allSatisfy { $0.startDate?.date == "2026-02-01" }, "\(y.talks)")
        let b = extract("It was the first meeting of the two presidents since Putin held talks with Biden in Geneva on June 16, 2021.")
        #expect(b.talks.contains { $0.startDate?.date == "2021-06-16" }, "\(b.talks)")
    }

    /// Talks: "talks on a plan to end the war" (a noun after a determiner is no intent); "a week earlier" is a
    /// date ("week" is also a `period` word); "met in South Florida" and "a golf club in Hallandale Beach" are
    /// one round; "took over the negotiating role" and an undated "after the Geneva meeting" make no talks;
    /// "to meet the buses" meets nobody.
    @Test func talksPlansWeeksRegionsAndReferences() throws {
        let p = extract("Ukrainian and American officials sat down in Geneva on Sunday for another round of talks on a plan to end the war.")
        #expect(p.talks.map(\.location) == ["Geneva"], "\(p.talks)")
        let w = extract("Yermak led the Ukrainian team when it met Rubio in Geneva a week earlier.")
        #expect(w.talks.first?.startDate?.date == "2026-01-29", "\(w.talks)")
        let f = extract("""
            U.S. and Ukrainian officials met in South Florida on Sunday.

            The talks took place on Sunday at a private golf club in Hallandale Beach.
            """)
        #expect(f.talks.map(\.location) == ["Hallandale Beach"], "\(f.talks)")
        let r = extract("Umerov took over the negotiating role on Friday. The plan has since been trimmed after the Geneva meeting.")
        #expect(r.talks.isEmpty, "\(r.talks)")
        #expect(extract("Families of the missing gathered in Kyiv to meet the buses.").talks.isEmpty)
    }

    /// "brought home 390 of its citizens in the first stage of the '1000 for 1000' exchange": the name of the
    /// deal gives the other side no figure.
    @Test func aDealNamedBesideOneSidesFigure() throws {
        let r = extract("Ukraine has brought home 390 of its citizens in the first stage of the large \"1000 for 1000\" exchange with Russia, the president said on Friday.")
        let e = try #require(r.exchanges.first)
        #expect(e.returnedToA != Figure(1000) && e.returnedToB == Figure(390), "\(r.exchanges)")
    }

    /// "The American delegation was led by Rubio and Witkoff, who had met Putin in Moscow a week earlier": the
    /// delegation is the article's talks' (in Geneva), not the meeting told in passing; the sides named by a
    /// talks sentence ("American and Ukrainian negotiators met around the same table") keep talks whose
    /// delegations name only the United States.
    @Test func aDelegationBesideAMeetingToldInPassing() throws {
        let r = extract("""
            American and Ukrainian negotiators met around the same table for the first time.

            The meetings, held in Geneva on Thursday, lasted most of the day.

            The American delegation was led by Secretary of State Marco Rubio and the special envoy, Steve Witkoff, who had met Vladimir Putin in Moscow a week earlier.
            """)
        let g = try #require(r.talks.first { $0.location == "Geneva" }, "\(r.talks)")
        #expect(g.delegations.first { $0.side == "USA" }?.members.map(\.name) == ["Marco Rubio", "Steve Witkoff"], "\(r.talks)")
    }

    /// "struck Ukraine with 70 missiles of various types and 145 attack drones": both figures are launched.
    @Test func aWithListAcrossOfVariousTypes() throws {
        let a = try firstAttack("On the night of January 24, Russian forces struck Ukraine with 70 missiles of various types and 145 attack drones, the air force said.")
        #expect(a.missilesLaunched == Figure(70) && a.dronesLaunched == Figure(145) && a.dronesHit == nil, "\(a)")
    }

    /// "A local man was killed", "an elderly Ukrainian woman": one person, with modifiers (grammar class
    /// `person_modifier`, or a demonym) between "a"/"an" and the noun.
    @Test func aPersonWithModifiersCountsOne() throws {
        let a = try firstAttack("On Tuesday a missile hit a warehouse in Kharkiv, the governor said. A local man was killed and an elderly Ukrainian woman was injured.")
        #expect(a.killed == Figure(1) && a.injured == Figure(1), "\(a)")
    }

    /// "Four sailors, crew members of the tanker, were injured": the apposition between the people and the
    /// casualty word is skipped (its "an"/"a" count nobody).
    @Test func anAppositionBeforeTheCasualtyWord() throws {
        let a = try firstAttack("A drone hit a tanker in Odesa on Tuesday. Four sailors, crew members of the tanker, were injured. A 58-year-old man, an employee of a private firm, died.")
        #expect(a.injured == Figure(4) && a.killed == Figure(1), "\(a)")
    }

    /// "in the port of Odesa": a venue named after its city with `city_venue` words is an attack on that city;
    /// "a pedestrian bridge over the Dnieper": a river (grammar class `river_word` in a water place's name) is
    /// no location of the attack, nor is "Vilnius" in "said Vilnius would push for more air defence".
    @Test func aPortNamedAfterItsCityAndARiver() throws {
        let r = extract("On Tuesday, the Russians attacked a cargo ship that was moored in the port of Odesa.")
        #expect(r.attacks.first?.locations == ["Odesa"], "\(r.attacks)")
        let k = extract("On Monday, Russian missiles struck Kyiv, and explosions hit a pedestrian bridge over the Dnieper.")
        #expect(k.attacks.first?.locations == ["Kyiv"], "\(k.attacks)")
        // the capital of a country that is neither side speaks for its government
        // (with the shipped places: the fixture's have no Lithuanian capital to confuse)
        let v = shippedExtractor.extract(article("""
            The night before, Kyiv faced the largest drone attack on the city so far. Russia used 54 drones on the night into Sunday, and 52 of them were shot down, the air force said.

            Lithuania's President Gitanas Nauseda condemned the attacks and said Vilnius would push for more air defence at the summit, which the Lithuanian capital will host in July.
            """, published: "2023-05-29"))
        #expect(v.attacks.first?.locations == ["Kyiv"], "\(v.attacks)")
    }

    /// "The warehouse was hit during a wave of strikes on Saturday afternoon. ... 38 missiles that day": a
    /// sentence with an attack word and a day but no figures and no sides still dates the sentence after it.
    @Test func aDatedAttackSentenceWithoutSidesDatesTheNext() throws {
        let a = try firstAttack("The depot was hit during a wave of strikes across Ukraine on Saturday afternoon. The air force said Russia had fired 38 missiles that day.")
        #expect(a.date?.date == "2026-01-31" && a.missilesLaunched == Figure(38), "\(a)")
    }

    /// A title with no day ("Kharkiv toll climbs to 12") that repeats the figure of the dated attack the
    /// article tells ("The number of people killed when ... on Saturday rose to 12 on Monday") is that attack,
    /// not another on the day of publication; and the toll after "rose to" is found far from "killed".
    @Test func anUndatedTitleRepeatingADatedToll() throws {
        let r = extract("""
            Kharkiv toll climbs to 12

            The number of people killed when a Russian missile tore through a five-storey apartment building in the northeastern city of Kharkiv on Saturday rose to 12 on Monday, officials said.
            """)
        #expect(r.attacks.count == 1, "\(r.attacks)")
        let a = try #require(r.attacks.first)
        #expect(a.date?.date == "2026-01-31" && a.killed == Figure(12), "\(r.attacks)")
    }

    /// "Kyiv secured the release of 108 women": a capital as the subject of a receive verb is its side;
    /// "108 women had come back, among them 12 civilians", in Ukraine's words: back in the speaker's country.
    @Test func comingBackAndSecuringTheRelease() throws {
        let a = extract("Ukraine and Russia swapped prisoners on Monday, and Kyiv secured the release of 108 women, officials said.")
        let e = try #require(a.exchanges.first)
        #expect(e.sideB == "UKR" && e.returnedToB == Figure(108), "\(a.exchanges)")
        let b = extract("Ukraine and Russia swapped prisoners on Monday. Ukraine's ombudsman said 108 women had come back, among them 12 civilians.")
        let f = try #require(b.exchanges.first)
        #expect(f.returnedToB == Figure(108) && f.civiliansToB == Figure(12), "\(b.exchanges)")
    }

    /// Sentences that make no swap and no talks: a meeting in a country with no side named ("Leaders of the
    /// Group of Seven, meeting in Poland"; a city venue with no side named is kept), a return verb alone with a
    /// day but no figure and no exchange word ("dedicated the win to soldiers and civilians back home"), a body
    /// meeting on its own ("a meeting of his Security Council": grammar class `internal_body`).
    @Test(arguments: [
        "Leaders of the Group of Seven, meeting in Poland on Monday, condemned the strike.",
        "Ukraine beat Scotland on Wednesday, and the players dedicated the win to soldiers and civilians back home.",
        "In Moscow, President Vladimir Putin said at a meeting of his Security Council on Monday that the strikes had hit energy facilities in Ukraine.",
    ])
    func noSwapAndNoTalks(_ text: String) throws {
        let r = extract(text)
        #expect(r.talks.isEmpty && r.exchanges.isEmpty, "\(r.talks) \(r.exchanges)")
    }

    @Test func talksInACityWithNoSideNamed() throws {
        let k = extract("The talks in Istanbul on Monday lasted two hours.")
        #expect(k.talks.map(\.location) == ["Istanbul"], "\(k.talks)")
    }

    /// "two Kh-22 missiles fired from Tu-22M3 long-range bombers flying over Russia's Kursk region": the region
    /// is a launch site (a designation with digits, "long-range", "flying" between "from" and the place).
    @Test func bombersFlyingOverARegionAreALaunchSite() throws {
        let a = try firstAttack("On Monday the mall in Sumy was struck by two Kh-22 missiles fired from Tu-22M3 long-range bombers flying over Russia's Kursk region, Ukraine's air force said.")
        #expect(a.attacker == "RUS" && a.locations == ["Sumy"], "\(a)")
    }

    /// "on Tuesday, a day after a Russian missile strike that killed 18": the strike was on Monday (grammar
    /// class `day_after`); "repelled an attack by 17 Ukrainian drones": the attack's drones were launched.
    @Test func aDayAfterAnAttackAndAnAttackByDrones() throws {
        let r = extract("Rescuers searched the ruins of a shopping centre in Sumy on Wednesday, a day after a Russian missile strike that killed at least 18 people.")
        let a = try #require(r.attacks.first)
        #expect(a.date?.date == "2026-02-03" && a.killed?.value == 18, "\(r.attacks)")
        let k = extract("Russian forces repelled an attack by 17 Ukrainian drones on the Belgorod region overnight, the Russian Defense Ministry said.")
        #expect(k.attacks.first?.dronesLaunched == Figure(17), "\(k.attacks)")
    }

    /// "launched 84 cruise missiles, and air defenses shot down 43 of them": the outcome verb after a new
    /// subject belongs to its own clause, and "shot down 43 of them" counts the sentence's missiles.
    @Test func shotDownSomeOfThem() throws {
        let a = try firstAttack("On Monday Russia launched 84 cruise missiles at Kyiv, and Ukrainian air defenses shot down 43 of them.")
        #expect(a.missilesLaunched == Figure(84) && a.missilesDowned == Figure(43), "\(a)")
    }

    /// "Medinsky and Umerov met in the Swiss city of Geneva": the people who met, with a venue after the verb,
    /// are the delegations; "two weeks after Witkoff met Putin in Moscow", with no day, dates something else:
    /// no talks, no delegation.
    @Test func whoMetAtAVenueAndAMeetingThatDatesSomethingElse() throws {
        let r = extract("On Tuesday, Vladimir Medinsky and Rustem Umerov met in the Swiss city of Geneva.")
        let t = try #require(r.talks.first, "\(r.talks)")
        #expect(t.location == "Geneva" && Set(t.delegations.map(\.side)) == ["RUS", "UKR"], "\(r.talks)")
        let k = extract("The strike came two weeks after US envoy Steve Witkoff met Vladimir Putin in Moscow, raising hopes of a deal.")
        #expect(k.talks.isEmpty, "\(k.talks)")
    }

    /// "The Russian side said 110 citizens had been returned. 72 of them were civilian sailors": the civilians
    /// among the one side's figure the sentence before gave (not among a count of soldiers).
    @Test(arguments: ["72 of them were civilian sailors, and the rest were servicemen.", "Among them are 72 civilians.",
                      "Of them, 38 are servicemen and 72 are civilians."])
    func civiliansAmongTheFigureBefore(_ second: String) throws {
        let r = extract("Russia and Ukraine exchanged prisoners on Friday. The Russian side said 110 Russian citizens had been returned from Ukraine. " + second)
        let e = try #require(r.exchanges.first)
        #expect(e.returnedToA == Figure(110) && e.civiliansToA == Figure(72) && r.exchanges.count == 1, "\(r.exchanges)")
    }

    /// Places that are no locations of the attack: the area a target served ("which supplied electricity to
    /// the Sumy and Odesa regions": grammar class `service_verb`), and those of a habit ("has stepped up strikes
    /// ... in recent weeks": `habitual`), but a habit word in a relative clause leaves the attack as it is.
    @Test func servedAreasAndHabitsAreNoLocations() throws {
        let a = try firstAttack("A power plant near Kyiv, which supplied electricity to the Sumy and Odesa regions, was destroyed by Russian missiles on Monday.")
        #expect(a.locations == ["Kyiv"], "\(a)")
        let b = try firstAttack("Russian drones hit Kyiv on Monday, killing two people. Russia has stepped up strikes on railways in recent weeks, hitting stations in the Sumy and Odesa regions.")
        #expect(b.locations == ["Kyiv"], "\(b)")
        let c = try firstAttack("Russia launched 18 drones at Ukraine overnight, the air force said. Drones attacked the port of Odesa for several hours, which has been key to grain exports in recent weeks.")
        #expect(c.locations == ["Odesa"], "\(c)")
    }

    /// Talks told as the context of another event, with no day or round of their own ("the swap was part of
    /// what was agreed at the Istanbul talks", "Medinsky, who headed Moscow's delegation at the negotiations in
    /// Istanbul, said ... bodies"), make no talks and no delegation; nor does the seat of who speaks ("In
    /// Moscow, Deputy Foreign Minister Sergei Ryabkov dismissed the meeting") or the country a peace is for.
    @Test(arguments: [
        "Ukraine and Russia swapped prisoners on Monday. The swap was part of the arrangements reached at the Istanbul talks, the ombudsman said.",
        "Vladimir Medinsky, who headed Moscow's delegation at the negotiations in Istanbul, said 31 bodies of Russian soldiers had been received in return.",
        "In Moscow, Deputy Foreign Minister Sergei Ryabkov dismissed the meeting as pointless.",
        "Officials met on Monday to discuss a lasting peace in Ukraine.",
    ])
    func talksAsContextMakeNone(_ text: String) throws {
        let r = extract(text)
        #expect(r.talks.isEmpty, "\(r.talks)")
    }

    /// "307 Ukrainians and 307 Russians crossed back over the border": a return; "84 Russian citizens had
    /// been brought back, among them residents taken to Ukraine during last year's incursion": a possessive
    /// year names another event, not the span of a running total.
    @Test func crossingBackAndAPossessiveYear() throws {
        let a = extract("On Monday, another 307 Ukrainians and 307 Russians crossed back over the border.")
        let e = try #require(a.exchanges.first, "\(a.exchanges)")
        #expect(e.returnedToA == Figure(307) && e.returnedToB == Figure(307), "\(a.exchanges)")
        let b = extract("Ukraine and Russia swapped prisoners on Monday. The Russian Defence Ministry said 84 Russian citizens had been brought back, among them residents of the Kursk region taken to Ukraine during last year's incursion.")
        let f = try #require(b.exchanges.first, "\(b.exchanges)")
        #expect(f.returnedToA == Figure(84), "\(b.exchanges)")
    }

    /// "more than a hundred drones" in the lead and "106 drones" in the air force's tally of the same night
    /// (another report): the hedged figure is the exact one rounded and is left out; "at least two people were
    /// hurt" in Sumy is no rounding of the 90 injured in Kyiv. "around 150 missiles and drones" counts two kinds
    /// together: no figure of either; "the main source of electricity for the Sumy region" names the area a
    /// plant served.
    @Test func roundedAndCombinedFiguresAndAServedArea() throws {
        let day = ResolvedDate(date: "2026-02-02", precision: .day)
        func report(_ places: [String], drones: Figure? = nil, injured: Figure? = nil) -> AttackReport {
            var r = AttackReport(date: day, attacker: "RUS", targetCountry: "UKR", claimant: nil, span: Span(0, 1), rule: "")
            r.locations = places
            r.dronesLaunched = drones
            r.injured = injured
            return r
        }
        let kept = testExtractor.frames.dropRoundedFigures([
            report([], drones: Figure(100, .moreThan)), report(["Kyiv"], drones: Figure(106), injured: Figure(90)),
            report(["Sumy"], injured: Figure(2, .atLeast)),
        ])
        #expect(kept.map(\.dronesLaunched) == [nil, Figure(106), nil] && kept.map(\.injured) == [nil, Figure(90), Figure(2, .atLeast)], "\(kept)")
        let c = try firstAttack("On Monday, Russia fired around 150 missiles and drones at the Trypilska plant near Kyiv, the main source of electricity for the Sumy region.")
        #expect(c.missilesLaunched == nil && c.dronesLaunched == nil && c.locations == ["Kyiv"], "\(c)")
    }

    /// "The previous repatriation took place on January 20" names an earlier swap of its own (grammar class
    /// `earlier_event`), whose figures the next sentence gives ("while the Russian side was given 24": a side
    /// and a receive verb before the figure); "... were returned to Ukraine" further on names who received.
    @Test func anEarlierSwapAndReturnedToACountryFurtherOn() throws {
        let r = extract("""
            On Monday, the bodies of 1,000 people that the Russian side says are Ukrainian soldiers were returned to Ukraine.

            The previous repatriation took place on January 20. At that time, Ukraine received the bodies of 900 fallen soldiers, while the Russian side was given 24.
            """)
        let now = r.exchanges.first { $0.date?.date == "2026-02-02" }
        let before = r.exchanges.first { $0.date?.date == "2026-01-20" }
        #expect(now?.returnedToB == Figure(1000) && before?.returnedToB == Figure(900) && before?.returnedToA == Figure(24), "\(r.exchanges)")
    }

    /// "late on Monday and early Tuesday": the night into Tuesday; "Later in the afternoon, the governor said
    /// 50 people had been killed": a later toll (grammar class `toll_update`) replaces the earlier one.
    @Test func aNightAcrossTwoDaysAndALaterToll() throws {
        let a = try firstAttack("Two people were killed when Russian drones struck Odesa late on Monday and early Tuesday, the governor said.")
        #expect(a.date?.date == "2026-02-03", "\(a)")
        let r = extract("A Russian missile hit the station in Sumy on Monday morning, killing at least 30 people, officials said. Later in the afternoon, the governor said 50 people had been killed.")
        #expect(r.attacks.compactMap(\.killed) == [Figure(50)], "\(r.attacks)")
    }

    /// "Qatar sent Ivan Petrenko, an adviser to the emir": a country right before a `send_verb` and a person
    /// names its delegate (not "Russia sent 90 drones": no person).
    @Test func aCountrySentItsDelegate() throws {
        let r = extract("Talks were held in Istanbul on Monday. Ukraine was represented by Rustem Umerov. Qatar sent Ivan Petrenko, an adviser to the emir. Russia sent 90 drones at Kyiv overnight.")
        let t = try #require(r.talks.first)
        #expect(t.delegations.map(\.side) == ["UKR", "QAT"] && t.delegations.last?.members.map(\.name) == ["Ivan Petrenko"], "\(t.delegations)")
    }

    /// "250 people were freed by each side; both governments said they had received 200 soldiers and 50
    /// civilians": the civilians after each side's figure are each side's, and the soldiers are a part of it, no total.
    @Test func civiliansAfterEachSidesFigureAreEachSides() throws {
        let r = extract("Russia and Ukraine swapped prisoners on Monday. 250 people were freed by each side; both governments said they had received 200 soldiers and 50 civilians.")
        let e = try #require(r.exchanges.first)
        #expect(e.returnedToA == Figure(250) && e.returnedToB == Figure(250), "\(r.exchanges)")
        #expect(e.civiliansToA == Figure(50) && e.civiliansToB == Figure(50) && e.total == nil, "\(r.exchanges)")
    }

    /// "The group is made up of 100 servicemen and 20 civilians": after a swap that returned people to one side,
    /// a `subset` phrase before the civilians names the civilians among them.
    @Test func civiliansTheGroupIsMadeUpOf() throws {
        let r = extract("Ukraine brought home 120 of its citizens from Russian captivity on Monday, the Coordination Headquarters said. The group is made up of 100 servicemen and 20 civilians.")
        let e = try #require(r.exchanges.first)
        #expect(e.returnedToB == Figure(120) && e.civiliansToB == Figure(20), "\(r.exchanges)")
    }

    /// "the Ukrainian delegation was led by A and the Russian delegation by B": "by" after a side's group goes
    /// on with the lead verb; "accompanied by A and by B" likewise.
    @Test func ledByGoesOnAfterAnotherSidesGroup() throws {
        let r = extract("Talks were held in Istanbul on Monday, where the Ukrainian delegation was led by Rustem Umerov and the Russian delegation by Vladimir Medinsky.")
        let t = try #require(r.talks.first)
        #expect(t.delegations.map(\.side) == ["UKR", "RUS"] && t.delegations.last?.members.map(\.name) == ["Vladimir Medinsky"], "\(t.delegations)")
        let r2 = extract("Ukraine and Russia held talks in Istanbul on Monday. The American delegation was led by Steve Witkoff, who was accompanied by an adviser, John Parker, and by Ivan Petrenko, a lawyer.")
        let t2 = try #require(r2.talks.first)
        #expect(t2.delegations.flatMap(\.members).map(\.name).contains("Ivan Petrenko"), "\(t2.delegations)")
    }

    /// "Ivan Petrenko for Poland, John Parker for the United Kingdom and ...": each member is the side of the
    /// country named right after "for", not the one country some of them are known by.
    @Test func aMemberForACountry() throws {
        let r = extract("Ukraine and Russia held talks in Istanbul on Monday. The Europeans were represented by security advisers: Ivan Petrenko for Poland, John Parker for the United Kingdom and Maria Novak for Switzerland.")
        let t = try #require(r.talks.first)
        let sides = Dictionary(uniqueKeysWithValues: t.delegations.map { ($0.side, $0.members.map(\.name)) })
        #expect(sides == ["POL": ["Ivan Petrenko"], "GBR": ["John Parker"], "CHE": ["Maria Novak"]], "\(t.delegations)")
    }

    /// "500 bodies were returned to Ukraine and 20 to Russia. The 500 bodies were handed over at the border": a
    /// sideless figure that repeats one side's, when the two sides' figures differ, is that side's figure, no total.
    @Test func aTotalRepeatingOneOfTwoDifferentFigures() throws {
        let r = extract("On Monday, 500 bodies were returned to Ukraine and 20 to Russia. The 500 bodies were handed over at the border, officials said.")
        let e = try #require(r.exchanges.first)
        #expect(e.returnedToB == Figure(500) && e.returnedToA == Figure(20) && e.total == nil, "\(r.exchanges)")
    }

    /// "the Saltivskyi and Osnovianskyi districts": unknown names with a `district_ending`, listed before a plural
    /// region suffix, are districts each.
    @Test func unknownDistrictsListedBeforeAPluralSuffix() throws {
        let r = extract("Russian drones struck the Saltivskyi and Osnovianskyi districts of Kharkiv overnight, the mayor said.")
        let a = try #require(r.attacks.first)
        #expect(a.locations.contains("Saltivskyi district") && a.locations.contains("Osnovianskyi district"), "\(a.locations)")
        let r2 = extract("Russian missiles hit the Slobidskyi, Novobavarskyi, and Kholodnohirskyi districts of Kharkiv on Monday.")
        #expect(r2.attacks.first?.locations.filter { $0.hasSuffix(" district") }.count == 3, "\(r2.attacks)")
    }

    /// "air defences destroyed 200 Ukrainian drones overnight ... 40 drones were shot down over the Kursk region":
    /// a smaller number shot down for a named place, the same night, is a part of the larger one, no figure of its own.
    @Test func aRegionsShareOfTheDownedIsNoFigure() throws {
        let r = extract("Air defences destroyed 200 Ukrainian drones over Russia overnight into Monday, Russia's Defence Ministry said. In the Kursk region, 40 drones were shot down near the city of Kursk, the governor said.")
        #expect(r.attacks.compactMap(\.dronesDowned) == [Figure(200)], "\(r.attacks)")
        #expect(r.attacks.contains { $0.locations.contains("Kursk Oblast") }, "\(r.attacks)")
    }

    /// "ended their talks in Florida" (no day) and "met on Sunday ... in Hallandale Beach": a region with no date of
    /// its own and a dated city in it are one meeting.
    @Test func anUndatedRegionJoinsTheDatedCityInIt() throws {
        let r = extract("Ukraine and Russia ended their talks in Florida without a deal, officials said. The delegations met on Sunday at a golf club in Hallandale Beach.")
        #expect(r.talks.count == 1 && r.talks.first?.location == "Hallandale Beach", "\(r.talks)")
    }

    /// "said on Wednesday that debris had been found ..., two days after Russia attacked the port": the attack was
    /// on Monday (the `day_after` phrase further on than usual, after a comma, with no figure before it).
    @Test func twoDaysAfterAfterAComma() throws {
        let r = extract("The minister said on Wednesday that the debris of a drone had been found near the border with Ukraine, two days after Russia attacked the port of Odesa with drones.")
        #expect(r.attacks.first?.date?.date == "2026-02-02", "\(r.attacks)")
    }
}
