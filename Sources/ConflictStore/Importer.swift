import Foundation
import GRDB
import Crypto
import ConflictExtraction

/// What happened to one article.
public enum ImportOutcome: String, Sendable {
    case imported, unchanged, replaced
}

/// One line of an import's log.
public struct ImportEvent: Sendable {
    public enum Kind: Sendable {
        case done(ImportOutcome)
        case failed(String)
        case warning(Diagnostic)
    }
    public var path: String
    public var kind: Kind

    /// `PATH: reason` for failures, `PATH:LINE: warning: message` for warnings.
    public var line: String {
        switch kind {
        case .done(let o): return "\(path): \(o.rawValue)"
        case .failed(let why): return "\(path): \(why)"
        case .warning(let d): return d.line == nil ? "\(path): \(d.description)" : "\(path):\(d.description)"
        }
    }
}

public struct ImportSummary: Sendable, Equatable, CustomStringConvertible {
    public var imported = 0, unchanged = 0, replaced = 0, failed = 0
    public init() {}
    public var description: String { "\(imported) imported, \(unchanged) unchanged, \(replaced) replaced, \(failed) failed" }
    mutating func count(_ o: ImportOutcome) {
        switch o {
        case .imported: imported += 1
        case .unchanged: unchanged += 1
        case .replaced: replaced += 1
        }
    }
}

/// Reads inputs, extracts, and writes each article in its own transaction.
public final class Importer {
    public static let extensions: Set<String> = ["md", "txt", "jsonl"]

    public let store: Store
    public let extractor: Extractor
    public let reader: ArticleReader

    public init(store: Store, extractor: Extractor, reader: ArticleReader = ArticleReader()) {
        self.store = store
        self.extractor = extractor
        self.reader = reader
    }

    /// Expands the paths given on the command line: files as given, folders recursively
    /// (`.md`, `.txt`, `.jsonl`, sorted). Missing paths are returned as failures.
    public static func collectFiles(_ paths: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = []
        var missing: [String] = []
        let fm = FileManager.default
        for p in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else { missing.append(p); continue }
            if !isDir.boolValue { files.append(p); continue }
            var found: [String] = []
            if let e = fm.enumerator(atPath: p) {
                while let rel = e.nextObject() as? String {
                    // hidden files and folders (.git, editor backups) are not articles
                    if (rel as NSString).lastPathComponent.hasPrefix(".") {
                        e.skipDescendants()
                        continue
                    }
                    let ext = (rel as NSString).pathExtension.lowercased()
                    guard extensions.contains(ext) else { continue }
                    let full = p.hasSuffix("/") ? p + rel : p + "/" + rel
                    var sub: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { found.append(full) }
                }
            }
            files.append(contentsOf: found.sorted())
        }
        return (files, missing)
    }

    /// Imports everything under `paths`. `log` receives each outcome, failure and warning;
    /// `progress` is called after each file with (done, total).
    @discardableResult
    public func importPaths(_ paths: [String], log: (ImportEvent) -> Void = { _ in },
                            progress: (Int, Int) -> Void = { _, _ in }) -> ImportSummary {
        var summary = ImportSummary()
        var locked = false
        let (files, missing) = Self.collectFiles(paths)
        for m in missing {
            summary.failed += 1
            log(ImportEvent(path: m, kind: .failed("no such file or directory")))
        }
        for (i, file) in files.enumerated() {
            if locked {
                // The database stayed locked for the whole busy timeout: don't wait again for every file.
                summary.failed += files.count - i
                log(ImportEvent(path: file, kind: .failed("not imported (and \(files.count - i - 1) more files): database is locked")))
                break
            }
            for result in reader.read(fileAt: URL(fileURLWithPath: file), displayPath: file) where !locked {
                switch result {
                case .failure(let e):
                    summary.failed += 1
                    log(ImportEvent(path: e.path, kind: .failed(e.failure.description)))
                case .success(let article):
                    do {
                        let (outcome, warnings) = try importArticle(article)
                        summary.count(outcome)
                        for w in warnings { log(ImportEvent(path: article.path, kind: .warning(w))) }
                        log(ImportEvent(path: article.path, kind: .done(outcome)))
                    } catch {
                        if let e = error as? DatabaseError, e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED {
                            locked = true
                        }
                        summary.failed += 1
                        log(ImportEvent(path: article.path, kind: .failed(StoreError.message(for: error, path: store.path))))
                    }
                }
            }
            progress(i + 1, files.count)
        }
        return summary
    }

    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Imports one article atomically. Returns the outcome and the warnings to show.
    public func importArticle(_ article: Article) throws -> (ImportOutcome, [Diagnostic]) {
        let hash = Self.sha256(article.body)
        let present = try store.dbQueue.read { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM sources WHERE sha256 = ?"), arguments: [hash]) != nil
        }
        if present { return (.unchanged, []) }
        let result = extractor.extract(article)
        let diagnostics = article.diagnostics + result.diagnostics
        let outcome: ImportOutcome = try store.dbQueue.write { db in
            if try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM sources WHERE sha256 = ?"), arguments: [hash]) != nil {
                return .unchanged
            }
            let old: [Int64]
            if let url = article.url {
                old = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM sources WHERE url = ?"), arguments: [url])
            } else {
                old = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM sources WHERE path = ? AND url IS NULL"),
                                         arguments: [article.path])
            }
            for id in old {
                try db.cachedStatement(sql: "DELETE FROM sources WHERE id = ?").execute(arguments: [id])
            }
            if !old.isEmpty { try Consolidation.pruneOrphans(db) }
            var writer = StoreWriter(db: db)
            try writer.write(article: article, hash: hash, result: result, diagnostics: diagnostics)
            return old.isEmpty ? .imported : .replaced
        }
        return (outcome, outcome == .unchanged ? [] : diagnostics)
    }
}
