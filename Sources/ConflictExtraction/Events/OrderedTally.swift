/// Counts of keys, kept in the order they were first seen. The most counted key wins; a tie goes to a
/// preferred key, then to the one seen first — never to the hash order of a dictionary, which Swift seeds
/// per process (the same article gave different reports from one run to the next).
struct OrderedTally {
    private(set) var order: [String] = []
    private var counts: [String: Int] = [:]

    mutating func add(_ key: String) {
        if counts[key] == nil { order.append(key) }
        counts[key, default: 0] += 1
    }

    func count(_ key: String) -> Int? { counts[key] }

    /// The most counted key; among equals, one that `preferred` accepts, then the first seen.
    func best(preferring preferred: (String) -> Bool = { _ in false }) -> String? {
        func rank(_ e: (offset: Int, element: String)) -> (Int, Int, Int) {
            (counts[e.element]!, preferred(e.element) ? 1 : 0, -e.offset)
        }
        return order.enumerated().max { rank($0) < rank($1) }?.element
    }
}
