import ArgumentParser
import ConflictExtraction
import ConflictStore
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import articles: files, folders (recursive: .md, .txt, .jsonl) and JSON Lines batches.",
        discussion: """
            The format is detected from the content: YAML front matter, a ` date YYYY-MM-DD ...` first line, JSON Lines (one article per line: title, url, outlet, date, text), else plain text.

            Each article is one transaction: a bad article is reported as `PATH: reason` and the batch goes on. An article already present (same normalized text) is `unchanged`; a changed article with the same URL (or the same path, when it has no URL) `replaced` its earlier version. The last line is the summary; the exit status is 1 if anything failed.

            An article that crashes extraction (a bug: please report it) is reported as `PATH: extraction crashed ...` and the rest of the batch is imported: the import runs in a child process and starts again without that article, keeping what was committed (set CONFLICTDB_ISOLATION=off to import in one process).

            Examples:
              conflictdb import seeds
              conflictdb import --db war.db batch-2026-02.jsonl more/articles/
              conflictdb import --date 2026-02-05 notes.txt
            """
    )

    @OptionGroup var database: DatabaseOption

    @Option(help: ArgumentHelp("Publication date (YYYY-MM-DD) for articles that state none.", valueName: "D"))
    var date: String?

    @Option(help: ArgumentHelp("Folder of dictionary files that extend or override the shipped ones (default: $CONFLICTDB_DICTIONARIES).", valueName: "DIR"))
    var dictionaries: String?

    @Option(help: ArgumentHelp("Largest input accepted, in bytes (per article for JSON Lines).", valueName: "BYTES"))
    var maxSize: Int = ArticleReader.defaultMaxSize

    @Option(help: ArgumentHelp("Articles per transaction at most (each article stays atomic; a transaction is also committed every half second).", valueName: "N"))
    var batchSize: Int = ImportOptions().batchSize

    @Argument(help: ArgumentHelp("Files and folders to import.", valueName: "PATH"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one PATH to import") }
        if let date, (try? ArticleReader.parseDate(date)) == nil || date.count != 10 {
            throw ValidationError("--date must be YYYY-MM-DD, not '\(date)'")
        }
        if maxSize <= 0 { throw ValidationError("--max-size must be positive") }
        if batchSize <= 0 { throw ValidationError("--batch-size must be positive") }
    }

    func run() throws {
        ImportIsolation.superviseUnlessChild()
        let child = ImportIsolation.Child()
        let dicts: Dictionaries
        do {
            let dir = dictionaries ?? ProcessInfo.processInfo.environment["CONFLICTDB_DICTIONARIES"].flatMap { $0.isEmpty ? nil : $0 }
            dicts = try Dictionaries.load(overrides: dir.map { URL(fileURLWithPath: $0) })
        } catch {
            fail("cannot load dictionaries: \(error)")
        }
        let store: Store
        do { store = try Store.open(path: database.path, busyTimeout: database.busyTimeout) } catch { fail(StoreError.message(for: error, path: database.path)) }
        let importer = Importer(store: store, extractor: Extractor(dictionaries: dicts),
                                reader: ArticleReader(maxSize: maxSize, defaultDate: date))
        importer.options.batchSize = batchSize
        importer.options.refuse = child?.refuse ?? [:]
        importer.options.crashMarker = ProcessInfo.processInfo.environment["CONFLICTDB_TEST_CRASH_MARKER"].flatMap { $0.isEmpty ? nil : $0 }
        let reported = child?.reported ?? [:]
        let tentative = child?.tentative ?? [:]
        if let child { importer.options.beforeCommit = { outcomes in for (path, o) in outcomes { child.record("will-" + o.rawValue, path) } } }
        let showProgress = isatty(STDERR_FILENO) == 1
        var progressShown = false
        // What the walk skips (links to folders, broken links, folders that cannot be listed) is reported too.
        let skipped = SkippedEntries.scan(paths)
        if reported.isEmpty { for s in skipped { printError(s.line) } }
        var unchanged: [String] = []
        // After a crash (ImportIsolation), what an earlier run reported is not reported again, and it is
        // counted as that run found it (an article it imported is 'unchanged' now).
        var correction = ImportSummary()
        var summary = importer.importPaths(paths, log: { event in
            if let earlier = reported[event.path] {
                switch event.kind {
                case .done(let o): correction.add(o.rawValue, -1); correction.add(earlier, 1)
                case .failed: correction.add("failed", -1); correction.add(earlier, 1)
                case .warning: break
                }
                return
            }
            // stored by an earlier run of this import that crashed after its commit and before its report: what
            // that run found, not 'unchanged'
            if case .done(.unchanged) = event.kind, let earlier = tentative[event.path] {
                correction.add("unchanged", -1)
                correction.add(earlier, 1)
                child?.record(earlier, event.path)
                return
            }
            switch event.kind {
            case .done(let outcome):
                if outcome == .unchanged { unchanged.append(event.path) }
                child?.record(outcome.rawValue, event.path)
            case .failed:
                child?.record("failed", event.path)
                fallthrough
            case .warning:
                if progressShown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                printError(event.line)
            }
        }, progress: { done, total in
            guard showProgress, total >= 20 else { return }
            progressShown = done < total
            let width = 30
            let filled = width * done / total
            let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
            let text = done == total ? "\r\u{1B}[K" : "\r[\(bar)] \(done)/\(total)"
            FileHandle.standardError.write(Data(text.utf8))
        })
        summary.failed += skipped.filter(\.failed).count
        summary.add(correction)
        // An unchanged article stored under another path: the same text twice in the batch (or already
        // imported from elsewhere). Said once, so that a duplicate is not mistaken for a new article.
        if !unchanged.isEmpty, let present = try? store.paths(among: unchanged) {
            for p in unchanged where !present.contains(p) {
                printError("\(p): warning: same text as an article already imported under another name: not stored again")
            }
        }
        writeOut(summary.description + "\n")
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

extension ImportSummary {
    mutating func add(_ other: ImportSummary) {
        imported += other.imported
        unchanged += other.unchanged
        replaced += other.replaced
        failed += other.failed
    }

    mutating func add(_ outcome: String, _ n: Int) {
        switch outcome {
        case "imported": imported += n
        case "unchanged": unchanged += n
        case "replaced": replaced += n
        default: failed += n
        }
    }
}
