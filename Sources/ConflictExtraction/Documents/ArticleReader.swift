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
        do {
            let attrs = try FileManager.default.attributesOfItem(atPath: url.path)
            if let size = (attrs[.size] as? NSNumber)?.intValue, size > maxSize, !looksLikeJSONL(url) {
                return [.failure(ArticleReadError(path: path, failure: .tooLarge(size: size, limit: maxSize)))]
            }
            let data = try Data(contentsOf: url)
            return read(data: data, path: path)
        } catch let e as CocoaError {
            let why = e.code == .fileReadNoSuchFile ? "no such file" : (e.underlying?.localizedDescription ?? e.localizedDescription)
            return [.failure(ArticleReadError(path: path, failure: .unreadable(why)))]
        } catch {
            return [.failure(ArticleReadError(path: path, failure: .unreadable("\(error)")))]
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
            return [.success(try readDocument(lf, path: path))]
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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, first.trimmingCharacters(in: .whitespaces) == Self.frontMatterOpen {
            return try readFrontMatter(lines: &lines, path: path)
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

    private func readFrontMatter(lines: inout [Substring], path: String) throws -> Article {
        guard let close = lines.indices.dropFirst().first(where: {
            let t = lines[$0].trimmingCharacters(in: .whitespaces)
            return t == "---" || t == "..."
        }) else { throw ArticleReadFailure.unclosedFrontMatter }
        let yaml = lines[1..<close].joined(separator: "\n")
        let loaded: Any?
        do {
            // Dates stay strings (validated below) instead of being silently rolled over into a Date.
            loaded = try Yams.load(yaml: yaml, Resolver.default.removing(.timestamp))
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
        func string(_ key: String) -> String? {
            guard let v = map[key], !(v is NSNull) else { return nil }
            let s = (v as? String) ?? "\(v)"
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        }
        var diags: [Diagnostic] = []
        var published: String?
        if let d = map["date"] as? Date {
            published = Self.isoDay(d)
        } else if let s = string("date") {
            published = try Self.parseDate(s)
        } else if let dd = defaultDate {
            published = dd
        } else {
            diags.append(Diagnostic(.warning, "front matter has no date: publication date unknown (use --date)"))
        }
        let body = Self.cleanBody(lines[(close + 1)...].joined(separator: "\n"))
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

    private func readJSONL(_ text: String, path: String) -> [Result<Article, ArticleReadError>] {
        var out: [Result<Article, ArticleReadError>] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
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
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        }
        guard let raw = try string("text") ?? string("body") else {
            throw ArticleReadFailure.badJSON("no 'text'")
        }
        let body = Self.cleanBody(Normalizer.normalizeLineEndings(raw))
        if body.isEmpty { throw ArticleReadFailure.noBody }
        var diags: [Diagnostic] = []
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

    /// Normalizes and trims the body (leading blank lines and trailing whitespace).
    static func cleanBody(_ s: String) -> String {
        let n = Normalizer.normalize(s)
        var scalars = Substring(n)
        while let f = scalars.first, f.isWhitespace { scalars = scalars.dropFirst() }
        while let l = scalars.last, l.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }

    static func isoDay(_ d: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day], from: d)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// Validates an ISO date (`YYYY-MM-DD`, optionally followed by a time) and returns `YYYY-MM-DD`.
    public static func parseDate(_ s: String) throws -> String {
        let t = s.trimmingCharacters(in: .whitespaces)
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
        return day
    }
}
