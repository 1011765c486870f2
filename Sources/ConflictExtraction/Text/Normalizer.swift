import Foundation

/// Text normalization applied to every article before extraction; the stored body is its output,
/// so every offset refers to normalized text.
///
/// - line endings: CRLF and lone CR become LF;
/// - Unicode NFC;
/// - curly single quotes and primes become `'`, curly double quotes become `"`;
/// - hyphen-like dashes (hyphen, non-breaking hyphen, figure dash, en dash, minus) become `-`,
///   em dash and horizontal bar become `--` (the ASCII em-dash convention already used by wires);
/// - horizontal ellipsis becomes `...`;
/// - no-break and other Unicode spaces become a plain space;
/// - zero-width characters, the byte-order mark and soft hyphens are removed.
public enum Normalizer {
    public static func normalize(_ text: String) -> String {
        // ASCII without CR is already normalized; text made only of scalars that NFC leaves alone
        // (see `isNFCStable`) skips the costly Foundation normalization
        var ascii = true
        var stable = true
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                if v == 0x0D { ascii = false }
                continue
            }
            ascii = false
            if !isNFCStable(v) { stable = false; break }
        }
        if ascii { return text }
        let nfc = stable ? text : text.precomposedStringWithCanonicalMapping
        var out: [UInt8] = []
        out.reserveCapacity(nfc.utf8.count + 16)
        var previousWasCR = false
        for s in nfc.unicodeScalars {
            if previousWasCR {
                previousWasCR = false
                if s == "\n" { continue }
            }
            let v = s.value
            if v < 0x80 {
                if v == 0x0D {
                    out.append(0x0A)
                    previousWasCR = true
                } else {
                    out.append(UInt8(v))
                }
                continue
            }
            switch v {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC:
                out.append(UInt8(ascii: "'"))
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033:
                out.append(UInt8(ascii: "\""))
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xFE63, 0xFF0D:
                out.append(UInt8(ascii: "-"))
            case 0x2014, 0x2015:
                out.append(UInt8(ascii: "-"))
                out.append(UInt8(ascii: "-"))
            case 0x2026:
                out.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: "."), UInt8(ascii: ".")])
            case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                out.append(UInt8(ascii: " "))
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
                continue
            case 0x2028, 0x2029, 0x0085:
                out.append(0x0A)
            default:
                UTF8.encode(s) { out.append($0) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Scalars that NFC neither decomposes nor composes with a neighbour (NFC quick check "yes" and
    /// canonical combining class 0), in the blocks news text uses: Latin up to IPA, Cyrillic letters,
    /// general punctuation, currency, letterlike symbols, arrows and mathematical operators.
    /// A text made only of these is already NFC.
    @inline(__always)
    static func isNFCStable(_ v: UInt32) -> Bool {
        if v < 0x300 { return true }
        switch v {
        case 0x0400...0x0482, 0x0488...0x04FF: return true
        case 0x2002...0x20CF: return true
        case 0x2130...0x2328, 0x232B...0x2ADB, 0x2ADD...0x2BFF: return true
        default: return false
        }
    }

    /// Only the line-ending part of `normalize` (used on raw input before the header is parsed).
    public static func normalizeLineEndings(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for b in text.utf8 {
            if b == 0x0D {
                out.append(0x0A)
                previousWasCR = true
                continue
            }
            if previousWasCR && b == 0x0A {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Whitespace trimming with the character sets of Foundation's `CharacterSet.whitespaces` and
/// `.whitespacesAndNewlines`, on Unicode scalars (no bridging to `NSString`). Public for the store's hot
/// paths (place names compared when attack reports are regrouped).
public enum Whitespace {
    /// `CharacterSet.whitespaces`: tab, space separators and U+200B.
    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || (v >= 0xA0 && (v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x200B) || v == 0x202F || v == 0x205F || v == 0x3000))
    }

    /// `CharacterSet.whitespacesAndNewlines`: the above, U+000A-U+000D, U+0085, U+2028, U+2029.
    @inline(__always)
    static func isSpaceOrNewline(_ v: UInt32) -> Bool {
        isSpace(v) || (v >= 0x0A && v <= 0x0D) || v == 0x85 || v == 0x2028 || v == 0x2029
    }

    /// `s.trimmingCharacters(in: .whitespaces)`.
    static func trimSpaces(_ s: Substring) -> String { trim(s, isSpace) }
    public static func trimSpaces(_ s: String) -> String { trim(s[...], isSpace) }

    /// `s.trimmingCharacters(in: .whitespacesAndNewlines)`.
    static func trimSpacesAndNewlines(_ s: String) -> String { trim(s[...], isSpaceOrNewline) }

    private static func trim(_ s: Substring, _ drop: (UInt32) -> Bool) -> String {
        let u = s.unicodeScalars
        var a = u.startIndex
        var b = u.endIndex
        while a < b, drop(u[a].value) { a = u.index(after: a) }
        while b > a {
            let p = u.index(before: b)
            guard drop(u[p].value) else { break }
            b = p
        }
        if a == u.startIndex && b == u.endIndex { return String(s) }
        return String(Substring(u[a..<b]))
    }
}
