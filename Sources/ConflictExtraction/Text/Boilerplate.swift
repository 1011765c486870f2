/// Marks photo captions, credit lines and agency boilerplate: kept in the body, never evidence.
public struct BoilerplateDetector: Sendable {
    let contains: [String]
    let prefixes: [String]
    let suffixes: [String]
    let containsBytes: [[UInt8]]

    public init(_ entries: [TermEntry]) {
        contains = entries.filter { $0.a == "contains" }.map { $0.term.lowercased() }
        prefixes = entries.filter { $0.a == "prefix" }.map { $0.term.lowercased() }
        suffixes = entries.filter { $0.a == "suffix" }.map { $0.term.lowercased() }
        containsBytes = contains.map { Array($0.utf8) }
    }

    public func isBoilerplate(_ sentence: String) -> Bool {
        let s = sentence.lowercased()
        // Byte search rather than Foundation's `contains`: same answer on normalized text, and this runs
        // for every sentence against every pattern (it was ~30% of import CPU time).
        let found = Array(s.utf8).withUnsafeBufferPointer { hay in
            containsBytes.contains { Self.find($0, in: hay) }
        }
        if found { return true }
        if prefixes.contains(where: { s.hasPrefix($0) }) { return true }
        let trimmed = Self.trim(s)
        for suf in suffixes where trimmed.hasSuffix(suf) {
            // a suffix that starts with a letter must start a word ("swap" does not end with "/ap")
            let before = trimmed.dropLast(suf.count).last
            if let f = suf.first, f.isLetter, let b = before, b.isLetter { continue }
            return true
        }
        return false
    }

    static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        let n = needle.count
        guard n <= hay.count else { return false }
        var i = 0
        let last = hay.count - n
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < n && hay[i + j] == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }

    private static let trimSet = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ".,;:!?\"')"))

    /// `trimmingCharacters(in: trimSet)`, scalar by scalar (Foundation's goes through NSString).
    static func trim(_ s: String) -> String {
        let u = s.unicodeScalars
        var a = u.startIndex, b = u.endIndex
        while a < b, trimSet.contains(u[a]) { a = u.index(after: a) }
        while b > a, trimSet.contains(u[u.index(before: b)]) { b = u.index(before: b) }
        return String(u[a..<b])
    }
}

import Foundation
