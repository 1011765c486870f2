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

/// How an import runs. The defaults are what the CLI uses.
public struct ImportOptions: Sendable {
    /// Run extraction (off: only sources and their FTS index are stored; the benchmark's floor).
    public var extraction = true
    /// Extraction threads (default: one per core).
    public var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Articles per transaction at most (each article is still atomic: a savepoint of its own).
    /// Fewer, larger transactions write each index page and FTS segment to the WAL fewer times.
    public var batchSize = 1000
    /// A transaction is committed at the first chunk boundary (`regroupEvery`) after this many seconds,
    /// even when the batch is not full (so the log and other readers see progress).
    public var batchInterval: TimeInterval = 0.5
    /// Articles whose regroupings are done together (`Consolidation.finish`), counted from the start of the
    /// import, so that event ids depend on the input and the options alone, never on timing; transactions
    /// end at these boundaries only (a batch smaller than this regroups at its own size).
    public var regroupEvery = 256
    /// Units read ahead of the writer at most (bounds memory).
    public var readAhead = 512
    /// How much the extraction threads yield to the writer (a nice value added to theirs; Linux, where nice
    /// values are per thread; 0 = none). The writer is the one thread every article goes through: when the
    /// extraction threads run ahead, three threads share the cores, and the writer got two thirds of one.
    public var extractionNice: Int32 = 10
    /// Articles not to read or extract (`PATH` or `file.jsonl:LINE` -> the reason reported as their failure):
    /// the ones that crashed an earlier run of the same import (`CrashGuard`).
    public var refuse: [String: String] = [:]
    /// Fault injection, for the tests of crash isolation only: extraction traps on an article whose text
    /// contains this string.
    public var crashMarker: String?
    /// Called on the writer thread right before each commit, with the outcome of every article the commit
    /// stores (path, outcome): `conflictdb import` journals them, so that after a crash between the commit
    /// and the report the next run knows they were stored by this import, not before it.
    public var beforeCommit: (@Sendable ([(String, ImportOutcome)]) -> Void)?
    public init() {}
}

/// Reads inputs, extracts on all cores, and writes from one thread: many articles per transaction,
/// each article in a savepoint of its own, so that a failing article rolls back alone.
///
/// Streaming: folders are walked lazily, JSON Lines batches are read line by line, and at most
/// `options.readAhead` articles are in flight, so memory stays flat however large the batch.
/// Input order is kept, so row IDs are the same as with a sequential import.
public final class Importer {
    public static let extensions: Set<String> = ["md", "txt", "jsonl"]

    public let store: Store
    public let extractor: Extractor
    public let reader: ArticleReader
    /// The words consolidation's rules use, from the extractor's dictionaries.
    let vocabulary: Consolidation.Vocabulary
    public var options = ImportOptions()
    /// Per-stage timings, when set (the benchmark sets it).
    public var metrics: ImportMetrics?

    public init(store: Store, extractor: Extractor, reader: ArticleReader = ArticleReader()) {
        self.store = store
        self.extractor = extractor
        self.reader = reader
        self.vocabulary = Consolidation.Vocabulary(extractor.dictionaries)
    }

    /// Expands the paths given on the command line: files as given, folders recursively
    /// (`.md`, `.txt`, `.jsonl`, sorted). Missing paths are returned as failures.
    /// (The importer itself walks lazily; this list is for callers that want it.)
    public static func collectFiles(_ paths: [String]) -> (files: [String], missing: [String]) {
        (Array(FileWalker(paths: paths)), FileWalker.missing(paths))
    }

    /// The files under `paths`, in import order, walked lazily (one directory listing per level in memory).
    public static func collectFilesLazily(_ paths: [String]) -> FileWalker {
        FileWalker(paths: paths)
    }

    /// Imports everything under `paths`. `log` receives each outcome, failure and warning;
    /// `progress` is called after each file with (done, total). Both are called on the caller's thread,
    /// in input order, once the transaction holding the article has committed.
    @discardableResult
    public func importPaths(_ paths: [String], log: (ImportEvent) -> Void = { _ in },
                            progress: (Int, Int) -> Void = { _, _ in }) -> ImportSummary {
        var summary = ImportSummary()
        let missing = FileWalker.missing(paths)
        for m in missing {
            summary.failed += 1
            log(ImportEvent(path: m, kind: .failed("no such file or directory")))
        }
        // A first, cheap walk counts the files for the progress bar; nothing is kept.
        var total = 0
        for _ in FileWalker(paths: paths) { total += 1 }
        if total == 0 { return summary }

        let opts = options
        let pipeline = ImportPipeline(capacity: max(opts.readAhead, 4 * opts.workers))
        let metrics = self.metrics
        let reader = self.reader
        let extractor = self.extractor
        let dbPath = store.path

        // Reader thread: walks and reads lazily, in order.
        let readerThread = Worker(name: "conflictdb.read") {
            let cpu0 = metrics == nil ? 0 : ImportMetrics.threadCPU()
            defer { metrics?.addCPU(.reader, ImportMetrics.threadCPU() - cpu0) }
            var index = 0
            var walker = FileWalker(paths: paths)
            outer: while let file = walker.next() {
                var t0 = ImportMetrics.now()
                var stop = false
                let bytes = reader.streamRaw(fileAt: file) { u in
                    guard !stop else { return }
                    metrics?.add(.read, ImportMetrics.now() - t0)
                    if !pipeline.push(u) { stop = true }
                    t0 = ImportMetrics.now()
                }
                metrics?.add(.read, ImportMetrics.now() - t0)
                metrics?.addBytes(bytes)
                if stop { break outer }
                if !pipeline.push(.fileDone(index: index)) { break outer }
                index += 1
            }
            pipeline.finishInput()
        }

        // Extraction threads: hash, skip texts already stored, extract.
        var workers: [Worker] = []
        for w in 0..<max(1, opts.workers) {
            workers.append(Worker(name: "conflictdb.extract.\(w)") {
                Worker.lowerPriority(by: opts.extractionNice)
                let cpu0 = metrics == nil ? 0 : ImportMetrics.threadCPU()
                defer { metrics?.addCPU(.extraction, ImportMetrics.threadCPU() - cpu0) }
                let lookup = try? Store.presenceChecker(path: dbPath)
                let slot = CrashGuard.claimSlot()
                defer { CrashGuard.releaseSlot(slot) }
                func process(_ r: Result<Article, ArticleReadError>) -> ExtractedUnit {
                    switch r {
                    case .failure(let e): return .failure(e)
                    case .success(let a):
                        if let why = opts.refuse[a.path] { return .refused(a.path, why) }
                        return CrashGuard.within(slot, a.path) {
                            if let marker = opts.crashMarker, a.body.contains(marker) {
                                fatalError("fault injection: the article contains the crash marker")
                            }
                            let hash = Importer.sha256(a.body)
                            let present = (try? lookup?.contains(hash)) ?? false
                            let result: ExtractionResult? = present ? nil
                                : (opts.extraction ? extractor.extract(a) : ExtractionResult())
                            return .article(a, hash: hash, result: result, alreadyPresent: present,
                                            words: present ? 0 : a.wordCount)
                        }
                    }
                }
                while let (seq, unit) = pipeline.take() {
                    let t0 = ImportMetrics.now()
                    if let path = unit.path, let why = opts.refuse[path] {
                        pipeline.complete(seq, .units([.refused(path, why)]))
                        continue
                    }
                    switch unit {
                    case let .file(data, path):
                        // parsing (decode, normalize, headers) is reading, not extraction
                        let articles = CrashGuard.within(slot, path) { reader.read(data: data, path: path) }
                        metrics?.add(.read, ImportMetrics.now() - t0)
                        let t1 = ImportMetrics.now()
                        let out = articles.map(process)
                        metrics?.add(.extract, ImportMetrics.now() - t1)
                        pipeline.complete(seq, .units(out))
                    case let .jsonLine(line, path):
                        let r = CrashGuard.within(slot, path) { reader.readJSONLLine(line, path: path) }
                        metrics?.add(.read, ImportMetrics.now() - t0)
                        let t1 = ImportMetrics.now()
                        let out = process(r)
                        metrics?.add(.extract, ImportMetrics.now() - t1)
                        pipeline.complete(seq, .units([out]))
                    case .failure(let e):
                        pipeline.complete(seq, .units([.failure(e)]))
                    case .fileDone(let i):
                        pipeline.complete(seq, .fileDone(i))
                    }
                }
            })
        }
        defer {
            pipeline.cancel()
            readerThread.join()
            for w in workers { w.join() }
        }

        // The single writer: this thread.
        enum Pending {
            case outcome(String, ImportOutcome, [Diagnostic])
            case failure(String, String)
            case progress(Int)
        }
        var pending: [Pending] = []
        func flush(commitError: String? = nil) {
            for p in pending {
                switch p {
                case let .outcome(path, outcome, warnings):
                    if let why = commitError {
                        summary.failed += 1
                        log(ImportEvent(path: path, kind: .failed(why)))
                    } else {
                        summary.count(outcome)
                        for w in warnings { log(ImportEvent(path: path, kind: .warning(w))) }
                        log(ImportEvent(path: path, kind: .done(outcome)))
                    }
                case let .failure(path, why):
                    summary.failed += 1
                    log(ImportEvent(path: path, kind: .failed(why)))
                case let .progress(done):
                    progress(done, total)
                }
            }
            pending.removeAll(keepingCapacity: true)
        }

        var lockedAtFile: Int?      // the file being read when the database turned out to be locked
        var currentFile = 0
        do {
            store.dbQueue.writeWithoutTransaction { db in
                let cpu0 = metrics == nil ? 0 : ImportMetrics.threadCPU()
                defer { metrics?.addCPU(.writer, ImportMetrics.threadCPU() - cpu0) }
                let writerSlot = CrashGuard.claimSlot()
                defer { CrashGuard.releaseSlot(writerSlot) }
                var inTransaction = false
                var batchCount = 0
                var batchStart = Date()
                var session = StoreWriter.Session()
                session.metrics = metrics
                session.deferPlaceMentions = true
                // Regroupings are deferred over chunks of `chunk` articles counted from the start, and a
                // transaction ends only where a chunk does: the same input and options give the same events
                // with the same ids, however fast the machine or the disk (a commit due to the clock waits
                // for the end of the chunk).
                let chunk = max(1, min(opts.regroupEvery, opts.batchSize))
                var chunkCount = 0
                func rollBackBatch(_ error: Error) {
                    try? db.rollback()
                    session.batchRolledBack()
                    inTransaction = false
                    batchCount = 0
                    chunkCount = 0
                    flush(commitError: StoreError.message(for: error, path: dbPath))
                }
                /// Regroups what the chunk's reports touched; false when that failed (the batch was rolled back).
                func finishChunk() -> Bool {
                    chunkCount = 0
                    let t0 = ImportMetrics.now()
                    defer { metrics?.add(.consolidate, ImportMetrics.now() - t0) }
                    do {
                        try Consolidation.finish(db, &session.pending, vocabulary)
                        return true
                    } catch {
                        rollBackBatch(error)
                        return false
                    }
                }
                func commit() {
                    guard inTransaction else { flush(); return }
                    // the articles since the last chunk boundary (the end of the input) are regrouped first
                    if chunkCount > 0 { guard finishChunk() else { return } }
                    let t0 = ImportMetrics.now()
                    do {
                        try session.flushPlaceMentions(db)
                        if let hook = opts.beforeCommit {
                            hook(pending.compactMap { if case let .outcome(path, o, _) = $0 { return (path, o) } else { return nil } })
                        }
                        try db.commit()
                        metrics?.addBatch()
                        flush()
                        inTransaction = false
                        batchCount = 0
                    } catch {
                        rollBackBatch(error)
                    }
                    metrics?.add(.commit, ImportMetrics.now() - t0)
                }
                loop: while true {
                    let t0 = ImportMetrics.now()
                    // the clock may end a transaction only between chunks
                    let deadline = inTransaction && chunkCount == 0 ? batchStart.addingTimeInterval(opts.batchInterval) : nil
                    let next = pipeline.next(until: deadline)
                    metrics?.add(.writerIdle, ImportMetrics.now() - t0)
                    switch next {
                    case .end:
                        break loop
                    case .timedOut:
                        commit()
                    case .unit(.fileDone(let i)):
                        currentFile = i + 1
                        pending.append(.progress(i + 1))
                        if !inTransaction { flush() }
                    case .unit(.units(let units)):
                    for unit in units {
                        switch unit {
                        case .failure(let e):
                            pending.append(.failure(e.path, e.failure.description))
                            if !inTransaction { flush() }
                        case let .refused(path, why):
                            pending.append(.failure(path, why))
                            if !inTransaction { flush() }
                        case let .article(article, hash, result, present, words):
                            metrics?.addArticle()
                            if !inTransaction {
                                do {
                                    try db.beginTransaction(.immediate)
                                } catch {
                                    pending.append(.failure(article.path, StoreError.message(for: error, path: dbPath)))
                                    flush()
                                    if let e = error as? DatabaseError, e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED {
                                        lockedAtFile = currentFile
                                        pipeline.cancel()
                                        break loop
                                    }
                                    continue
                                }
                                inTransaction = true
                                batchStart = Date()
                                do {
                                    try session.beginBatch(db)
                                } catch {
                                    session.batchRolledBack()
                                }
                            }
                            let w0 = ImportMetrics.now()
                            do {
                                try db.execute(sql: "SAVEPOINT article")
                                do {
                                    let (outcome, warnings) = try CrashGuard.within(writerSlot, article.path) {
                                        try self.write(db, article: article, hash: hash, result: present ? nil : result,
                                                       words: present ? nil : words, session: &session)
                                    }
                                    try db.execute(sql: "RELEASE SAVEPOINT article")
                                    session.commitArticle()
                                    pending.append(.outcome(article.path, outcome, warnings))
                                } catch {
                                    try db.execute(sql: "ROLLBACK TO SAVEPOINT article; RELEASE SAVEPOINT article")
                                    session.rollbackArticle()
                                    pending.append(.failure(article.path, StoreError.message(for: error, path: dbPath)))
                                }
                            } catch {
                                // the savepoint itself failed: the transaction is unusable
                                pending.append(.failure(article.path, StoreError.message(for: error, path: dbPath)))
                                rollBackBatch(error)
                                continue
                            }
                            let spent = ImportMetrics.now() - w0
                            let consolidation = session.takeConsolidationNanos()
                            metrics?.add(.write, spent > consolidation ? spent - consolidation : 0)
                            metrics?.add(.consolidate, consolidation)
                            batchCount += 1
                            chunkCount += 1
                            if chunkCount >= chunk {
                                guard finishChunk() else { continue }
                                if batchCount >= opts.batchSize || Date().timeIntervalSince(batchStart) >= opts.batchInterval {
                                    commit()
                                }
                            }
                        }
                    }
                    }
                }
                commit()
                // Copy what the import left in the WAL into the database file now, counted in the import's
                // time (a passive checkpoint: it never waits for readers; the rest goes at their end).
                let t0 = ImportMetrics.now()
                _ = try? db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)")
                metrics?.add(.commit, ImportMetrics.now() - t0)
            }
        }
        if let at = lockedAtFile {
            // The database stayed locked for the whole busy timeout: don't wait again for every file.
            let rest = total - at - 1
            if rest > 0 {
                var walker = FileWalker(paths: paths)
                var next: String?
                for _ in 0...(at + 1) { next = walker.next() }
                summary.failed += rest
                log(ImportEvent(path: next ?? "", kind: .failed("not imported (and \(rest - 1) more files): database is locked")))
            }
        }
        return summary
    }

    public static func sha256(_ text: String) -> String {
        var text = text
        let digest = text.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in digest {
            out.append(hex[Int(b >> 4)])
            out.append(hex[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Imports one article atomically. Returns the outcome and the warnings to show.
    public func importArticle(_ article: Article) throws -> (ImportOutcome, [Diagnostic]) {
        let hash = Self.sha256(article.body)
        let present = try store.dbQueue.read { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM sources WHERE sha256 = ?"), arguments: [hash]) != nil
        }
        if present { return (.unchanged, []) }
        let result = options.extraction ? extractor.extract(article) : ExtractionResult()
        return try store.dbQueue.write { db in
            var session = StoreWriter.Session()
            session.metrics = metrics
            let written = try write(db, article: article, hash: hash, result: result, session: &session)
            try Consolidation.finish(db, &session.pending, vocabulary)
            return written
        }
    }

    /// Writes one article inside the caller's transaction or savepoint: `unchanged` if its text is
    /// stored already; else replaces the earlier version (same URL, or same path without URL) and writes it.
    /// `result` nil: extract here (the text was thought present but is not).
    func write(_ db: Database, article: Article, hash: String, result: ExtractionResult?, words: Int? = nil,
               session: inout StoreWriter.Session) throws -> (ImportOutcome, [Diagnostic]) {
        if try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM sources WHERE sha256 = ?"), arguments: [hash]) != nil {
            return (.unchanged, [])
        }
        let result = result ?? (options.extraction ? extractor.extract(article) : ExtractionResult())
        let diagnostics = article.diagnostics + result.diagnostics
        let old: [Int64]
        if let url = article.url {
            old = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM sources WHERE url = ?"), arguments: [url])
        } else {
            old = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM sources WHERE path = ? AND url IS NULL"),
                                     arguments: [article.path])
        }
        if !old.isEmpty {
            let t0 = ImportMetrics.now()
            // the deleted sources' places are pruned by their counts: those must be written first
            try session.flushPlaceMentions(db, insideArticle: true)
            try Consolidation.deleteSources(db, old, vocabulary)
            session.consolidationNanos &+= ImportMetrics.now() - t0
            session.invalidateCaches()
        }
        var writer = StoreWriter(db: db, session: session)
        try writer.write(article: article, hash: hash, result: result, diagnostics: diagnostics, words: words)
        session = writer.session
        return (old.isEmpty ? .imported : .replaced, diagnostics)
    }
}
