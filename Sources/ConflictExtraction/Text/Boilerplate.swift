/// Marks photo captions, credit lines and agency boilerplate: kept in the body, never evidence.
public struct BoilerplateDetector: Sendable {
    let contains: [String]
    let prefixes: [String]
    let suffixes: [String]

    public init(_ entries: [TermEntry]) {
        contains = entries.filter { $0.a == "contains" }.map { $0.term.lowercased() }
        prefixes = entries.filter { $0.a == "prefix" }.map { $0.term.lowercased() }
        suffixes = entries.filter { $0.a == "suffix" }.map { $0.term.lowercased() }
    }

    public func isBoilerplate(_ sentence: String) -> Bool {
        let s = sentence.lowercased()
        if contains.contains(where: { s.contains($0) }) { return true }
        if prefixes.contains(where: { s.hasPrefix($0) }) { return true }
        let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ".,;:!?\"')")))
        for suf in suffixes where trimmed.hasSuffix(suf) {
            // a suffix that starts with a letter must start a word ("swap" does not end with "/ap")
            let before = trimmed.dropLast(suf.count).last
            if let f = suf.first, f.isLetter, let b = before, b.isLetter { continue }
            return true
        }
        return false
    }
}

import Foundation
