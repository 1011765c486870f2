import Foundation
import Yams

/// Turns the bytes of an input file into articles. The format is detected from the content:
/// YAML front matter, a ` date YYYY-MM-DD …` first line, JSON Lines, else plain text.
/// Every title and body is normalized (see `Normalizer`).
public struct ArticleReader: Sendable {
    public static let defaultMaxSize = 20_000_000

    /// Inputs larger than this (bytes; per article for JSON Lines) are refused.
    public var maxSize: Int
    /// Publication date (ISO) for articles that state none.
    public var defaultDate: String?

    public init(maxSize: Int = ArticleReader.defaultMaxSize, defaultDate: String? = nil) {
        self.maxSize = maxSize
        self.defaultDate = defaultDate
    }

    /// Reads a file from disk. A missing or unreadable file is one failed result.
    public func read(fileAt url: URL, displayPath: String? = nil) -> [Result<Article, ArticleReadError>] {
        let path = displayPath ?? url.path
        switch loadFile(atPath: url.path, displayPath: path, checkSize: !looksLikeJSONL(url)) {
        case .success(let data): return read(data: data, path: path)
        case .failure(let e): return [.failure(e)]
        }
    }

    /// The bytes of one input file, after the checks every reader applies: a regular file (not a folder,
    /// device or socket), not larger than `maxSize` when `checkSize`, readable. Failures carry a one-line reason.
    public func loadFile(atPath filePath: String, displayPath: String? = nil, checkSize: Bool = true) -> Result<Data, ArticleReadError> {
        let path = displayPath ?? filePath
        func fail(_ f: ArticleReadFailure) -> Result<Data, ArticleReadError> { .failure(ArticleReadError(path: path, failure: f)) }
        do {
            let attrs = try FileManager.default.attributesOfItem(atPath: filePath)
            if let type = attrs[.type] as? FileAttributeType, type != .typeRegular {
                let what = type == .typeDirectory ? "a folder" : type == .typeCharacterSpecial ? "a device"
                    : type == .typeBlockSpecial ? "a device" : type == .typeSocket ? "a socket" : "not a regular file"
                return fail(.unreadable("\(what), not an article file"))
            }
            if checkSize, let size = (attrs[.size] as? NSNumber)?.intValue, size > maxSize {
                return fail(.tooLarge(size: size, limit: maxSize))
            }
            return .success(try Data(contentsOf: URL(fileURLWithPath: filePath)))
        } catch let e as CocoaError {
            let why: String
            if e.code == .fileReadNoSuchFile || e.code == .fileNoSuchFile {
                why = "no such file"
            } else if e.code == .fileReadNoPermission {
                why = "permission denied"
            } else if let posix = e.underlying as? POSIXError {
                why = String(cString: strerror(posix.code.rawValue))
            } else {
                why = e.underlying?.localizedDescription ?? e.localizedDescription
            }
            return fail(.unreadable(why))
        } catch {
            return fail(.unreadable("\(error)"))
        }
    }

    private func looksLikeJSONL(_ url: URL) -> Bool {
        guard let h = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 64)) ?? Data()
        return head.first { !(($0 == 0x20) || ($0 == 0x0A) || ($0 == 0x0D) || ($0 == 0x09)) } == UInt8(ascii: "{")
    }

    /// Reads the bytes of one input: one article, or one per line for JSON Lines.
    public func read(data: Data, path: String) -> [Result<Article, ArticleReadError>] {
        func fail(_ f: ArticleReadFailure) -> [Result<Article, ArticleReadError>] {
            [.failure(ArticleReadError(path: path, failure: f))]
        }
        if data.isEmpty { return fail(.empty) }
        if Self.startsLikeJSONL(data) { return readJSONLBytes(data, path: path) }
        let text: String
        switch Self.decode(data) {
        case .success(let t): text = t
        case .failure(let f): return fail(f)
        }
        let lf = Normalizer.normalizeLineEndings(text)
        if lf.allSatisfy({ $0.isWhitespace }) { return fail(.whitespaceOnly) }
        if lf.drop(while: { $0.isWhitespace }).first == "{" {
            return readJSONL(lf, path: path)
        }
        if data.count > maxSize { return fail(.tooLarge(size: data.count, limit: maxSize)) }
        do {
            var article = try readDocument(lf, path: path)
            if let w = Self.controlWarning(lf) { article.diagnostics.append(w) }
            return [.success(article)]
        } catch let f as ArticleReadFailure {
            return fail(f)
        } catch {
            return fail(.unreadable("\(error)"))
        }
    }

    // MARK: - decoding

    static func decode(_ data: Data) -> Result<String, ArticleReadFailure> {
        let bytes = [UInt8](data)
        if bytes.count >= 2 {
            if bytes[0] == 0xFF && bytes[1] == 0xFE, let s = String(data: data.dropFirst(2), encoding: .utf16LittleEndian) {
                return .success(s)
            }
            if bytes[0] == 0xFE && bytes[1] == 0xFF, let s = String(data: data.dropFirst(2), encoding: .utf16BigEndian) {
                return .success(s)
            }
        }
        var body = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { body = bytes.dropFirst(3) }
        if body.contains(0) { return .failure(.binary) }
        // Control bytes other than tab, LF, CR, FF: a few may be stray, many mean binary.
        let sample = body.prefix(8192)
        let controls = sample.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }.count
        if controls > 0 && controls * 20 > sample.count { return .failure(.binary) }
        guard let s = String(validating: body, as: UTF8.self) else { return .failure(.invalidUTF8) }
        return .success(s)
    }

    // MARK: - single documents

    private static let frontMatterOpen = "---"

    func readDocument(_ text: String, path: String) throws -> Article {
        // "\n" is a grapheme of its own (no CR left here): splitting the UTF-8 bytes gives the same lines
        let firstEnd = text.utf8.firstIndex(of: 0x0A) ?? text.endIndex
        if Whitespace.trimSpaces(text[..<firstEnd]) == Self.frontMatterOpen {
            var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
            return try readFrontMatter(text, lines: &lines, path: path)
        }
        if let article = try readDateLine(text, path: path) { return article }
        let body = Self.cleanBody(text)
        if body.isEmpty { throw ArticleReadFailure.noBody }
        var diags: [Diagnostic] = []
        if defaultDate == nil {
            diags.append(Diagnostic(.warning, "no header: plain text imported with an unknown publication date (use --date)"))
        }
        return Article(path: path, published: defaultDate, body: body, format: .plain, diagnostics: diags)
    }

    private func readFrontMatter(_ text: String, lines: inout [Substring], path: String) throws -> Article {
        guard let close = lines.indices.dropFirst().first(where: {
            let t = Whitespace.trimSpaces(lines[$0])
            return t == "---" || t == "..."
        }) else { throw ArticleReadFailure.unclosedFrontMatter }
        // control characters are refused by YAML: removed (with a warning, see `controlWarning`)
        let yaml = Self.stripControls(lines[1..<close].joined(separator: "\n"))
        try Self.checkYAMLShape(yaml)
        let loaded: Any?
        do {
            // Dates stay strings (validated below) instead of being silently rolled over into a Date.
            let node = try Yams.compose(yaml: yaml, Self.yamlResolver, .default, Self.yamlEncoding)
            if let node {
                // Aliases are expanded by value: a few lines can stand for billions of nodes ("billion laughs").
                var budget = Self.maxYAMLNodes
                guard Self.withinBudget(node, &budget) else {
                    throw ArticleReadFailure.frontMatterTooComplex("more than \(Self.maxYAMLNodes) values once aliases are expanded")
                }
            }
            loaded = node?.any
        } catch let f as ArticleReadFailure {
            throw f
        } catch {
            let why = "\(error)".split(separator: "\n").first.map(String.init) ?? "parse error"
            throw ArticleReadFailure.frontMatterNotYAML(why)
        }
        let map: [String: Any]
        if loaded == nil {
            map = [:]
        } else if let m = loaded as? [String: Any] {
            map = m
        } else {
            throw ArticleReadFailure.frontMatterNotMapping
        }
        var diags: [Diagnostic] = []
        var warnedKeys: Set<String> = []
        func string(_ key: String) -> String? {
            guard let v = map[key], !(v is NSNull) else { return nil }
            if v is [Any] || v is [String: Any] || v is [AnyHashable: Any] {
                // a list or a mapping where one value belongs: ignored rather than stored as "[...]"
                if warnedKeys.insert(key).inserted {
                    diags.append(Diagnostic(.warning, "front matter '\(key)' is a list or mapping, not a single value: ignored"))
                }
                return nil
            }
            let s = (v as? String) ?? "\(v)"
            let t = Whitespace.trimSpacesAndNewlines(Self.stripControls(s))
            return t.isEmpty ? nil : t
        }
        var published: String?
        if let d = map["date"] as? Date {
            published = Self.isoDay(d)
        } else if let v = map["date"], v is [Any] || v is [String: Any] || v is [AnyHashable: Any] {
            throw ArticleReadFailure.badDate("\(v)")
        } else if let s = string("date") {
            published = try Self.parseDate(s)
        } else if let dd = defaultDate {
            published = dd
        } else {
            diags.append(Diagnostic(.warning, "front matter has no date: publication date unknown (use --date)"))
        }
        // the lines after the closing one, as they are in `text` (they are slices of it)
        let body = Self.cleanBody(close + 1 < lines.count ? String(text[lines[close + 1].startIndex...]) : "")
        if body.isEmpty { throw ArticleReadFailure.noBody }
        let title = string("title").map(Normalizer.normalize)
        let url = string("source") ?? string("url")
        let outlet = OutletInference.outlet(declared: string("outlet").map(Normalizer.normalize), title: title, url: url)
        let wc: Int? = (map["word_count"] as? Int) ?? string("word_count").flatMap { Int($0) }
        return Article(path: path, title: title, url: url, outlet: outlet, published: published,
                       description: string("description").map(Normalizer.normalize), declaredWordCount: wc,
                       body: body, format: .frontMatter, diagnostics: diags)
    }

    /// ` date YYYY-MM-DD first paragraph…`: the body is the text after the date token.
    private func readDateLine(_ text: String, path: String) throws -> Article? {
        var rest = Substring(text)
        var spaces = 0
        while let c = rest.first, c == " " || c == "\t", spaces < 4 { rest = rest.dropFirst(); spaces += 1 }
        guard rest.hasPrefix("date ") || rest.hasPrefix("Date ") || rest.hasPrefix("date\t") else { return nil }
        rest = rest.dropFirst(5).drop { $0 == " " || $0 == "\t" }
        let token = rest.prefix { !$0.isWhitespace }
        // Only a token shaped like a date makes this a date line ("date night in …" is plain text).
        guard let f = token.first, f.isASCII, f.isNumber, token.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }),
              token.contains("-") else { return nil }
        let date = try Self.parseDate(String(token))
        let body = Self.cleanBody(String(rest.dropFirst(token.count)))
        if body.isEmpty { throw ArticleReadFailure.noBody }
        return Article(path: path, published: date, body: body, format: .dateLine)
    }

    // MARK: - JSON Lines

    /// An optional UTF-8 byte-order mark, whitespace, then `{`.
    static func startsLikeJSONL(_ data: Data) -> Bool {
        var i = data.startIndex
        if data.count >= 3, data.starts(with: [0xEF, 0xBB, 0xBF]) { i += 3 }
        while i < data.endIndex, [0x20, 0x0A, 0x0D, 0x09].contains(data[i]) { i += 1 }
        return i < data.endIndex && data[i] == UInt8(ascii: "{")
    }

    /// JSON Lines from bytes: each line is decoded on its own, so that a NUL byte or invalid UTF-8 in one
    /// line fails that line alone (`file.jsonl:LINE: reason`) and the rest of the batch is read.
    func readJSONLBytes(_ data: Data, path: String) -> [Result<Article, ArticleReadError>] {
        var out: [Result<Article, ArticleReadError>] = []
        var bytes = [UInt8](data)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        for (i, raw) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            var line = raw
            while let l = line.last, l == 0x0D { line = line.dropLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let linePath = "\(path):\(i + 1)"
            if line.contains(0) {
                out.append(.failure(ArticleReadError(path: linePath, failure: .binary)))
                continue
            }
            guard let text = String(validating: line, as: UTF8.self) else {
                out.append(.failure(ArticleReadError(path: linePath, failure: .invalidUTF8)))
                continue
            }
            out.append(readJSONLLine(text, path: linePath))
        }
        if out.isEmpty { out.append(.failure(ArticleReadError(path: path, failure: .whitespaceOnly))) }
        return out
    }

    private func readJSONL(_ text: String, path: String) -> [Result<Article, ArticleReadError>] {
        var out: [Result<Article, ArticleReadError>] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = Whitespace.trimSpaces(line)
            if trimmed.isEmpty { continue }
            let linePath = "\(path):\(i + 1)"
            do {
                if line.utf8.count > maxSize { throw ArticleReadFailure.tooLarge(size: line.utf8.count, limit: maxSize) }
                out.append(.success(try readJSONLine(trimmed, path: linePath)))
            } catch let f as ArticleReadFailure {
                out.append(.failure(ArticleReadError(path: linePath, failure: f)))
            } catch {
                out.append(.failure(ArticleReadError(path: linePath, failure: .badJSON("\(error)"))))
            }
        }
        if out.isEmpty { out.append(.failure(ArticleReadError(path: path, failure: .whitespaceOnly))) }
        return out
    }

    /// Reads one line of a JSON Lines batch (`path` is `file.jsonl:LINE`), with the same checks and
    /// messages as `read(data:path:)`. Lets the importer stream a large batch line by line.
    public func readJSONLLine(_ line: String, path: String) -> Result<Article, ArticleReadError> {
        do {
            if line.utf8.count > maxSize { throw ArticleReadFailure.tooLarge(size: line.utf8.count, limit: maxSize) }
            return .success(try readJSONLine(Whitespace.trimSpaces(line), path: path))
        } catch let f as ArticleReadFailure {
            return .failure(ArticleReadError(path: path, failure: f))
        } catch {
            return .failure(ArticleReadError(path: path, failure: .badJSON("\(error)")))
        }
    }

    private func readJSONLine(_ line: String, path: String) throws -> Article {
        let obj: Any
        do {
            obj = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [])
        } catch {
            throw ArticleReadFailure.badJSON("invalid JSON")
        }
        guard let map = obj as? [String: Any] else { throw ArticleReadFailure.badJSON("a line must hold one JSON object") }
        func string(_ key: String) throws -> String? {
            guard let v = map[key], !(v is NSNull) else { return nil }
            guard let s = v as? String else { throw ArticleReadFailure.badJSON("'\(key)' must be a string") }
            let t = Whitespace.trimSpacesAndNewlines(Self.stripControls(s))
            return t.isEmpty ? nil : t
        }
        guard let raw = try string("text") ?? string("body") else {
            throw ArticleReadFailure.badJSON("no 'text'")
        }
        let body = Self.cleanBody(Normalizer.normalizeLineEndings(raw))
        if body.isEmpty { throw ArticleReadFailure.noBody }
        var diags: [Diagnostic] = []
        if let w = Self.controlWarning(count: map.values.reduce(0) { $0 + (($1 as? String).map(Self.controlCount) ?? 0) }) { diags.append(w) }
        var published = try string("date").map(Self.parseDate)
        if published == nil {
            published = defaultDate
            if published == nil { diags.append(Diagnostic(.warning, "no date: publication date unknown (use --date)")) }
        }
        let title = try string("title").map(Normalizer.normalize)
        let url = try string("url") ?? string("source")
        let outlet = OutletInference.outlet(declared: try string("outlet").map(Normalizer.normalize), title: title, url: url)
        return Article(path: path, title: title, url: url, outlet: outlet, published: published,
                       description: try string("description").map(Normalizer.normalize),
                       body: body, format: .jsonl, diagnostics: diags)
    }

    // MARK: - helpers

    /// C0 control characters other than tab and line feed, and DEL: never text. Form feed and vertical tab
    /// become line breaks; the others are removed (a JSON `\u0000` must not reach the database).
    static func stripControls(_ s: String) -> String {
        // stray controls are ASCII: a byte scan finds them
        var probe = s
        guard probe.withUTF8({ $0.contains { $0 < 0x20 ? ($0 != 0x09 && $0 != 0x0A && $0 != 0x0D) : $0 == 0x7F } }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u == "\u{0B}" || u == "\u{0C}" { out.append("\n") } else if !isStrayControl(u) { out.append(u) }
        }
        return String(out)
    }

    static func isStrayControl(_ u: Unicode.Scalar) -> Bool {
        (u.value < 0x20 && u != "\t" && u != "\n" && u != "\r") || u.value == 0x7F
    }

    /// A warning when `raw` holds control characters (they are removed from the stored text).
    static func controlWarning(_ raw: String) -> Diagnostic? {
        controlWarning(count: controlCount(raw))
    }

    static func controlWarning(count n: Int) -> Diagnostic? {
        n == 0 ? nil : Diagnostic(.warning, "removed \(n) control character\(n == 1 ? "" : "s") (NUL, escape, ...) from the text")
    }

    /// The control characters `stripControls` removes (not the form feeds and vertical tabs it turns into line breaks).
    static func controlCount(_ raw: String) -> Int {
        var raw = raw
        return raw.withUTF8 { u in
            var n = 0
            for b in u where b < 0x20 ? (b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0B && b != 0x0C) : b == 0x7F { n += 1 }
            return n
        }
    }

    // MARK: - front matter limits

    /// Front matter is a few lines of metadata: anything bigger or deeper is refused before YAML parsing,
    /// whose recursion could otherwise exhaust the stack.
    public static let maxFrontMatterBytes = 65_536
    /// Yams' default resolver without timestamps, built once.
    static let yamlResolver = Resolver.default.removing(.timestamp)
    /// Yams' default encoding, read once (it looks at the environment on every use); an immutable enum value.
    nonisolated(unsafe) static let yamlEncoding = Parser.Encoding.default
    static let maxYAMLDepth = 64
    static let maxYAMLNodes = 10_000

    /// Refuses front matter too large or too deeply nested to be metadata. The depth is over-estimated
    /// (indentation, `- ` chains and open brackets, quotes ignored), which only matters for absurd input.
    static func checkYAMLShape(_ yaml: String) throws {
        if yaml.utf8.count > maxFrontMatterBytes {
            throw ArticleReadFailure.frontMatterTooComplex("larger than \(maxFrontMatterBytes / 1024) KB")
        }
        var brackets = 0
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = line.utf8[...]
            var depth = 0
            while let c = rest.first, c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") { depth += 1; rest = rest.dropFirst() }
            while let c = rest.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "?"),
                  rest.count == 1 || rest.dropFirst().first == UInt8(ascii: " ") {
                depth += 1
                rest = rest.dropFirst().drop { $0 == UInt8(ascii: " ") }
            }
            for c in rest {
                if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                    brackets += 1
                    if depth + brackets > maxYAMLDepth { break }
                } else if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                    brackets = max(0, brackets - 1)
                }
            }
            if depth + brackets > maxYAMLDepth {
                throw ArticleReadFailure.frontMatterTooComplex("nested more than \(maxYAMLDepth) levels deep")
            }
        }
    }

    static func withinBudget(_ node: Node, _ budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch node {
        case .scalar, .alias:
            return true
        case .mapping(let m):
            for (k, v) in m where !withinBudget(k, &budget) || !withinBudget(v, &budget) { return false }
            return true
        case .sequence(let s):
            for n in s where !withinBudget(n, &budget) { return false }
            return true
        }
    }

    /// Normalizes and trims the body (leading blank lines and trailing whitespace); control characters removed.
    static func cleanBody(_ s: String) -> String {
        let n = stripControls(Normalizer.normalize(s))
        // whitespace characters off both ends, by index (dropLast would count the characters each time)
        var a = n.startIndex
        var b = n.endIndex
        while a < b, n[a].isWhitespace { a = n.index(after: a) }
        while a < b {
            let p = n.index(before: b)
            guard n[p].isWhitespace else { break }
            b = p
        }
        return String(n[a..<b])
    }

    /// The UTC day of `d` as `YYYY-MM-DD` (arithmetic: a `Calendar` per call was ~2% of an import's extraction).
    static func isoDay(_ d: Date) -> String {
        CivilDate(dayNumber: Int((d.timeIntervalSince1970 / 86_400).rounded(.down))).iso
    }

    /// Validates an ISO date (`YYYY-MM-DD`, optionally followed by a time) and returns `YYYY-MM-DD`.
    public static func parseDate(_ s: String) throws -> String {
        let t = Whitespace.trimSpaces(s)
        let day = String(t.prefix(10))
        let rest = t.dropFirst(10)
        guard rest.isEmpty || rest.first == "T" || rest.first == " " else { throw ArticleReadFailure.badDate(t) }
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard day.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1 else { throw ArticleReadFailure.badDate(t) }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        guard d <= days else { throw ArticleReadFailure.badDate(t) }
        if y < earliestYear {
            throw ArticleReadFailure.implausibleDate(t, "before \(earliestYear), not a publication date")
        }
        let latest = latestAcceptedDay()
        if day > latest {
            throw ArticleReadFailure.implausibleDate(t, "in the future (after \(latest))")
        }
        return day
    }

    /// Publication dates before this year are refused (a typo, or not a news article).
    public static let earliestYear = 1900

    /// Tomorrow in UTC: the latest publication date accepted (a day of slack for time zones).
    static func latestAcceptedDay(now: Date = Date()) -> String {
        isoDay(now.addingTimeInterval(86_400))
    }
}
