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
        let nfc = text.precomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        out.reserveCapacity(nfc.unicodeScalars.count)
        var previousWasCR = false
        for s in nfc.unicodeScalars {
            if previousWasCR {
                previousWasCR = false
                if s == "\n" { continue }
            }
            switch s.value {
            case 0x0D:
                out.append("\n")
                previousWasCR = true
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC:
                out.append("'")
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033:
                out.append("\"")
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xFE63, 0xFF0D:
                out.append("-")
            case 0x2014, 0x2015:
                out.append("-")
                out.append("-")
            case 0x2026:
                out.append(contentsOf: "...".unicodeScalars)
            case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                out.append(" ")
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
                continue
            case 0x2028, 0x2029, 0x0085:
                out.append("\n")
            default:
                out.append(s)
            }
        }
        return String(out)
    }

    /// Only the line-ending part of `normalize` (used on raw input before the header is parsed).
    public static func normalizeLineEndings(_ text: String) -> String {
        guard text.contains("\r") else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
