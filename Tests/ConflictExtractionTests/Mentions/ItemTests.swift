import Testing
@testable import ConflictExtraction

@Suite("Item: a value, though its text fields share one box between copies")
struct ItemTests {
    func item() -> Item {
        var it = Item(kind: .trigger, range: 2..<3, span: Span(10, 18), text: "launched", canonical: "launch", rule: "lexicon")
        it.a = "attack"
        it.b = "launched"
        it.date = ResolvedDate(date: "2025-03-14", precision: .day)
        return it
    }

    @Test func settingAFieldOfACopyLeavesTheOriginal() {
        let original = item()
        var copy = original
        copy.text = "fired"
        copy.a = "other"
        copy.title = "General"
        copy.date = nil
        #expect(original.text == "launched" && original.a == "attack" && original.title == nil && original.date?.date == "2025-03-14")
        #expect(copy.text == "fired" && copy.a == "other" && copy.title == "General" && copy.date == nil)
        // the fields not set are still those of the original
        #expect(copy.b == "launched" && copy.canonical == "launch" && copy.rule == "lexicon")
    }

    @Test func itemsInArraysStayIndependent() {
        var items = [item(), item()]
        var kept = items
        items[0].canonical = "strike"
        kept[1].country = "UKR"
        #expect(items.map(\.canonical) == ["strike", "launch"] && items.map(\.country) == [nil, nil])
        #expect(kept.map(\.canonical) == ["launch", "launch"] && kept.map(\.country) == [nil, "UKR"])
    }
}
