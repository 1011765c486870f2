/// Why an input could not be read as an article. The description is the one-line reason.
public enum ArticleReadFailure: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case whitespaceOnly
    case binary
    case invalidUTF8
    case tooLarge(size: Int, limit: Int)
    case unclosedFrontMatter
    case frontMatterNotYAML(String)
    case frontMatterNotMapping
    case badDate(String)
    /// A well-formed date that cannot be a publication date (before 1900, or in the future).
    case implausibleDate(String, String)
    case frontMatterTooComplex(String)
    case noBody
    case badJSON(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .empty: return "empty file"
        case .whitespaceOnly: return "empty file (whitespace only)"
        case .binary: return "binary file (contains NUL or control bytes), not text"
        case .invalidUTF8: return "not valid UTF-8 text"
        case let .tooLarge(size, limit): return "file too large (\(size) bytes; the limit is \(limit), see --max-size)"
        case .unclosedFrontMatter: return "front matter opened with '---' is never closed"
        case let .frontMatterNotYAML(why): return "front matter is not valid YAML: \(why)"
        case .frontMatterNotMapping: return "front matter is not a YAML mapping of keys to values"
        case let .badDate(d): return "bad date '\(d)' (expected YYYY-MM-DD)"
        case let .implausibleDate(d, why): return "bad date '\(d)': \(why)"
        case let .frontMatterTooComplex(why): return "front matter refused: \(why)"
        case .noBody: return "no article text after the header"
        case let .badJSON(why): return "not a JSON article object: \(why)"
        case let .unreadable(why): return "cannot read: \(why)"
        }
    }
}

/// A failure with the path (or `file.jsonl:LINE`) it concerns: printed as `PATH: reason`.
public struct ArticleReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var failure: ArticleReadFailure
    public init(path: String, failure: ArticleReadFailure) {
        self.path = path
        self.failure = failure
    }
    public var description: String { "\(path): \(failure)" }
}
