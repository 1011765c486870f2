import Foundation

/// Infers the outlet of an article: declared outlet, else a ` - Outlet` / ` | Outlet` title suffix,
/// else the URL host without `www.`.
public enum OutletInference {
    public static func outlet(declared: String?, title: String?, url: String?) -> String? {
        if let d = declared.map(Whitespace.trimSpacesAndNewlines), !d.isEmpty { return d }
        let host = self.host(of: url)
        if let suffix = titleSuffix(title), acceptable(suffix, host: host) { return suffix }
        return host
    }

    /// The host of a URL, lowercased, without a leading `www.`.
    public static func host(of url: String?) -> String? {
        guard let url, let h = URLComponents(string: Whitespace.trimSpaces(url))?.host?.lowercased(),
              !h.isEmpty else { return nil }
        return h.hasPrefix("www.") ? String(h.dropFirst(4)) : h
    }

    /// The text after the last ` - ` or ` | ` of a title, when short enough to be a name.
    public static func titleSuffix(_ title: String?) -> String? {
        guard let title else { return nil }
        var best: Range<String.Index>?
        for sep in [" - ", " | ", " -- "] {
            if let r = title.range(of: sep, options: .backwards), best == nil || r.lowerBound > best!.lowerBound {
                best = r
            }
        }
        guard let r = best, r.lowerBound > title.startIndex else { return nil }
        let suffix = Whitespace.trimSpaces(title[r.upperBound...])
        let words = suffix.split(separator: " ")
        guard !suffix.isEmpty, suffix.count <= 40, words.count <= 5 else { return nil }
        return suffix
    }

    private static func squashed(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    private static func acceptable(_ suffix: String, host: String?) -> Bool {
        let sq = squashed(suffix)
        guard sq.count >= 2 else { return false }
        if let host {
            let labels = host.split(separator: ".").dropLast().map { squashed(String($0)) }.filter { $0.count >= 3 }
            return labels.contains { sq.contains($0) || $0.contains(sq) }
        }
        // No URL to check against: accept a short capitalized name.
        let words = suffix.split(separator: " ")
        return words.count <= 4 && words.allSatisfy { w in
            guard let f = w.unicodeScalars.first else { return false }
            return CharacterSet.uppercaseLetters.contains(f) || CharacterSet.decimalDigits.contains(f)
        }
    }
}
