// conflictdb-bench: generates a deterministic synthetic corpus and measures the import end to end.
//
//   swift run -c release conflictdb-bench [--sizes 1000,10000,100000] [--out DIR] [--work DIR] [--seed N]
//
// Each measurement runs in a child process (this binary with `child ...`) so that peak RSS is per size
// and per mode. See BENCHMARKS.md.

import Foundation
import GRDB
import ConflictExtraction
import ConflictStore
#if canImport(Glibc)
import Glibc
#endif

func warn(_ s: String) {
    FileHandle.standardError.write(Data(s.utf8))
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func peakRSSBytes() -> Int {
    if let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) {
        let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return kb * 1024
    }
    var u = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
    return u.ru_maxrss * 1024
}

/// The process's I/O counters (`/proc/self/io`): `wchar` is every byte handed to write/pwrite (the WAL
/// and checkpoints included), `write_bytes` what reached the block layer. Empty off Linux.
func ioCounters() -> [String: Int] {
    guard let s = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8) else { return [:] }
    var out: [String: Int] = [:]
    for line in s.split(separator: "\n") {
        let parts = line.split(separator: ":")
        if parts.count == 2, let v = Int(parts[1].trimmingCharacters(in: .whitespaces)) { out[String(parts[0])] = v }
    }
    return out
}

func cpuSeconds() -> (user: Double, sys: Double) {
    var u = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
    return (Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6,
            Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) / 1e6)
}

func fileSize(_ p: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: p))?[.size] as? NSNumber)?.intValue ?? 0
}

func emitJSON(_ obj: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
}

// MARK: - child: one measurement in a fresh process

/// The I/O floor: read every file of the corpus (walked lazily, as the importer does), touch every byte.
func ioFloor(_ corpus: String) -> [String: Any] {
    let t0 = now()
    var bytes = 0, files = 0
    var sum: UInt64 = 0
    var buf = [UInt8](repeating: 0, count: 1 << 16)
    var walker = Importer.collectFilesLazily([corpus])
    while let f = walker.next() {
        guard let fp = fopen(f, "rb") else { continue }
        while true {
            let n = fread(&buf, 1, buf.count, fp)
            if n <= 0 { break }
            bytes += n
            for i in stride(from: 0, to: n, by: 64) { sum &+= UInt64(buf[i]) }
        }
        fclose(fp)
        files += 1
    }
    return ["mode": "io", "seconds": now() - t0, "bytes": bytes, "files": files, "checksum": Int(sum % 1000),
            "peak_rss": peakRSSBytes()]
}

/// Re-imports `count` articles of the corpus with a changed text into an existing database: each one replaces
/// its earlier version (same URL). Measures what keeping a large database up to date costs per article.
func replaceRun(corpus: String, dbPath: String, count: Int) -> [String: Any] {
    let fm = FileManager.default
    let folder = dbPath + ".replace"
    try? fm.removeItem(atPath: folder)
    try? fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var written = 0
    for path in Importer.collectFilesLazily([corpus]) where path.hasSuffix(".md") {
        guard written < count, let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
        let changed = text + "\nThe article was updated after publication with a correction.\n"
        try? changed.write(toFile: "\(folder)/\(String(format: "%05d", written)).md", atomically: false, encoding: .utf8)
        written += 1
        if written == count { break }
    }
    let dicts: Dictionaries
    do { dicts = try Dictionaries.load() } catch { warn("dictionaries: \(error)\n"); exit(1) }
    let store: Store
    do { store = try Store.open(path: dbPath) } catch { warn("store: \(error)\n"); exit(1) }
    let importer = Importer(store: store, extractor: Extractor(dictionaries: dicts))
    let metrics = ImportMetrics()
    importer.metrics = metrics
    let t0 = now()
    let summary = importer.importPaths([folder])
    let seconds = now() - t0
    try? fm.removeItem(atPath: folder)
    return ["mode": "replace", "articles": written, "seconds": seconds, "summary": summary.description,
            "writer_cpu_ms_per_article": metrics.cpuSeconds(.writer) * 1000 / Double(max(written, 1)),
            "consolidate_seconds": metrics.seconds(.consolidate)]
}

/// Statement timings by SQL text (BENCH_SQL_PROFILE); fed by the writer connection's trace, on its thread.
final class SQLProfile: @unchecked Sendable {
    var totals: [String: (count: Int, seconds: Double)] = [:]
    func add(_ sql: String, _ seconds: TimeInterval) {
        let t = totals[sql] ?? (0, 0)
        totals[sql] = (t.count + 1, t.seconds + seconds)
    }
    func report() {
        if totals.isEmpty { return }
        let all = totals.values.reduce(0) { $0 + $1.seconds }
        var text = String(format: "SQL profile: %.2f s in %d statement texts\n", all, totals.count)
        for (sql, t) in totals.sorted(by: { $0.value.seconds > $1.value.seconds }).prefix(40) {
            let line = sql.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            text += String(format: "%8.3f s %7d  %@\n", t.seconds, t.count, String(line.prefix(150)))
        }
        warn(text)
    }
}

func child(_ args: [String]) -> Never {
    guard args.count >= 3 else { warn("usage: child full|noextract|add|io|replace CORPUS DB | child generate COUNT DIR SEED [DAYS]\n"); exit(2) }
    let mode = args[0], corpus = args[1], dbPath = args[2]
    var out: [String: Any] = ["mode": mode]
    if mode == "io" {
        emitJSON(ioFloor(corpus))
        exit(0)
    }
    // generate: only write a corpus (COUNT articles into DIR, seed, events on the last DAYS days)
    if mode == "generate" {
        guard let count = Int(args[1]), args.count >= 4, let seed = UInt64(args[3]) else {
            warn("usage: child generate COUNT DIR SEED [DAYS]\n"); exit(2)
        }
        do {
            let r = try CorpusGenerator.write(count: count, to: URL(fileURLWithPath: args[2]), dictionaries: Dictionaries.load(),
                                              seed: seed, days: args.count > 4 ? Int(args[4]) ?? 1400 : 1400)
            emitJSON(["mode": "generate", "files": r.files, "bytes": r.bytes])
        } catch { warn("generate: \(error)\n"); exit(1) }
        exit(0)
    }
    if mode == "replace" {
        emitJSON(replaceRun(corpus: corpus, dbPath: dbPath, count: args.count > 3 ? Int(args[3]) ?? 200 : 200))
        exit(0)
    }
    // add: the corpus imported into an existing database (what adding a batch to a large database costs)
    if mode != "add" {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + suffix) }
    }
    let s0 = now()
    let dicts: Dictionaries
    do { dicts = try Dictionaries.load() } catch { warn("dictionaries: \(error)\n"); exit(1) }
    let extractor = Extractor(dictionaries: dicts)
    let store: Store
    do { store = try Store.open(path: dbPath) } catch { warn("store: \(error)\n"); exit(1) }
    out["setup_seconds"] = now() - s0
    // BENCH_PRAGMAS="name=value;...": connection settings to try (e.g. wal_autocheckpoint=10000)
    if let pragmas = ProcessInfo.processInfo.environment["BENCH_PRAGMAS"] {
        do {
            try store.dbQueue.writeWithoutTransaction { db in
                for p in pragmas.split(separator: ";") where !p.isEmpty { try db.execute(sql: "PRAGMA \(p)") }
            }
        } catch { warn("BENCH_PRAGMAS: \(error)\n"); exit(1) }
        out["pragmas"] = pragmas
    }
    // BENCH_SQL_PROFILE=1: time every statement the import runs, summed by SQL text (printed to stderr)
    let sqlProfile = SQLProfile()
    if ProcessInfo.processInfo.environment["BENCH_SQL_PROFILE"] != nil {
        store.dbQueue.writeWithoutTransaction { db in
            db.trace(options: .profile) { event in
                if case let .profile(statement, duration) = event { sqlProfile.add(statement.sql, duration) }
            }
        }
    }
    let importer = Importer(store: store, extractor: extractor)
    if mode == "noextract" { importer.options.extraction = false }
    if let w = ProcessInfo.processInfo.environment["BENCH_WORKERS"].flatMap(Int.init) { importer.options.workers = w }
    if let b = ProcessInfo.processInfo.environment["BENCH_BATCH"].flatMap(Int.init) { importer.options.batchSize = b }
    if let i = ProcessInfo.processInfo.environment["BENCH_INTERVAL"].flatMap(Double.init) { importer.options.batchInterval = i }
    if let r = ProcessInfo.processInfo.environment["BENCH_REGROUP"].flatMap(Int.init) { importer.options.regroupEvery = r }
    if let n = ProcessInfo.processInfo.environment["BENCH_NICE"].flatMap(Int32.init) { importer.options.extractionNice = n }
    if let n = ProcessInfo.processInfo.environment["BENCH_READAHEAD"].flatMap(Int.init) { importer.options.readAhead = n }
    let metrics = ImportMetrics()
    importer.metrics = metrics
    let c0 = cpuSeconds()
    let t0 = now()
    var failures: [String] = []
    let summary = importer.importPaths([corpus], log: { e in
        if case .failed = e.kind, failures.count < 5 { failures.append(e.line) }
    })
    let elapsed = now() - t0
    let c1 = cpuSeconds()
    sqlProfile.report()
    out["seconds"] = elapsed
    out["cpu_user"] = c1.user - c0.user
    out["cpu_sys"] = c1.sys - c0.sys
    out["summary"] = summary.description
    out["failures"] = failures
    out["articles"] = metrics.articles
    out["bytes"] = metrics.bytesRead
    out["batches"] = metrics.batches
    var stages: [String: Double] = [:]
    for s in ImportMetrics.Stage.allCases { stages["\(s)"] = metrics.seconds(s) }
    out["stages"] = stages
    var cpu: [String: Double] = [:]
    for r in ImportMetrics.Role.allCases { cpu["\(r)"] = metrics.cpuSeconds(r) }
    out["cpu_by_thread"] = cpu
    out["peak_rss"] = peakRSSBytes()
    out["io"] = ioCounters()
    // Size on disk after a checkpoint, and what it is made of.
    do {
        try store.dbQueue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        try store.dbQueue.read { db in
            out["body_bytes"] = try Int.fetchOne(db, sql: "SELECT sum(length(CAST(body AS BLOB))) FROM sources") ?? 0
            var counts: [String: Int] = [:]
            for t in ["sources", "sentences", "mentions", "actors", "places", "exchange_reports", "attack_reports",
                      "talks_reports", "exchanges", "attacks", "talks", "delegation_members", "diagnostics"] {
                counts[t] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(t)") ?? 0
            }
            out["counts"] = counts
            if let rows = try? Row.fetchAll(db, sql: """
                SELECT CASE WHEN name LIKE 'sources_fts%' THEN 'sources_fts (all)' ELSE name END AS n, sum(pgsize) AS bytes
                FROM dbstat GROUP BY n ORDER BY bytes DESC
                """) {
                var parts: [String: Int] = [:]
                for r in rows { parts[r["n"]] = r["bytes"] }
                out["db_parts"] = parts
            }
        }
    } catch {
        out["size_error"] = "\(error)"
    }
    out["db_bytes"] = fileSize(dbPath) + fileSize(dbPath + "-wal")
    emitJSON(out)
    exit(0)
}

// MARK: - parent

struct Options {
    var sizes = [1000, 10000, 100000]
    var out = "/tmp/conflictdb-bench/results"
    var work = "/tmp/conflictdb-bench"
    var seed: UInt64 = 20260205
    var reuseCorpus = false
    /// Only time the named questions on this existing database (no corpus, no import).
    var questionsDB: String?
}

func parseOptions() -> Options {
    var o = Options()
    var it = CommandLine.arguments.dropFirst().makeIterator()
    while let a = it.next() {
        switch a {
        case "--sizes": o.sizes = (it.next() ?? "").split(separator: ",").compactMap { Int($0.replacingOccurrences(of: "_", with: "")) }
        case "--out": o.out = it.next() ?? o.out
        case "--work": o.work = it.next() ?? o.work
        case "--seed": o.seed = UInt64(it.next() ?? "") ?? o.seed
        case "--reuse-corpus": o.reuseCorpus = true
        case "--questions-only": o.questionsDB = it.next()
        case "-h", "--help":
            print("""
                usage: conflictdb-bench [--sizes 1000,10000,100000] [--out DIR] [--work DIR] [--seed N] [--reuse-corpus]
                       conflictdb-bench --questions-only DB [--out DIR]
                  Generates a deterministic synthetic corpus per size under --work (default /tmp/conflictdb-bench),
                  imports it in child processes (full, extraction off, I/O only), times the named questions on the
                  largest database, and writes results.md and results.json to --out.
                  --questions-only: only time the named questions on DB (opened read-only; no import).
                """)
            exit(0)
        default:
            warn("conflictdb-bench: unknown argument \(a)\n"); exit(2)
        }
    }
    return o
}

func runChild(_ args: [String]) -> [String: Any] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
    p.arguments = ["child"] + args
    let pipe = Pipe()
    p.standardOutput = pipe
    do { try p.run() } catch { warn("cannot run child: \(error)\n"); exit(1) }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0, let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        warn("child \(args) failed (status \(p.terminationStatus)): \(String(decoding: data, as: UTF8.self))\n")
        exit(1)
    }
    return obj
}

/// The named questions: views `q_*` (and the rows of a `questions` table with `name` and `sql`, if the
/// questions module stores them so), plus the report views. Returns (name, sql, kind).
func namedQueries(_ db: Database) throws -> [(String, String, String)] {
    var out: [(String, String, String)] = []
    let views = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")
    for v in views where v.hasPrefix("q_") || v.hasPrefix("question_") {
        out.append((v, "SELECT * FROM \(v.quotedDatabaseIdentifier)", "question"))
    }
    if try db.tableExists("questions"), let cols = try? db.columns(in: "questions").map(\.name),
       cols.contains("name"), cols.contains("sql") {
        for r in try Row.fetchAll(db, sql: "SELECT name, sql FROM questions ORDER BY name") {
            out.append((r["name"], r["sql"], "question"))
        }
    }
    for v in views where v.hasPrefix("report_") {
        out.append((v, "SELECT * FROM \(v.quotedDatabaseIdentifier)", "report"))
    }
    return out
}

/// Runs `sql` once (first run), then 3 more times; every row is stepped (as `ask` does before printing).
/// Returns rows, the first run's and the median warm run's wall time, and the median warm run's CPU time
/// (user + sys: on a loaded machine, wall time also counts waiting for a core), in ms.
func timeSQL(_ db: Database, _ sql: String) throws -> (rows: Int, first: Double, median: Double, cpu: Double) {
    var times: [Double] = []
    var cpus: [Double] = []
    var rows = 0
    for _ in 0..<4 {
        let c0 = cpuSeconds()
        let t0 = now()
        let stmt = try db.makeStatement(sql: sql)
        let cursor = try Row.fetchCursor(stmt)
        var n = 0
        while let r = try cursor.next() { _ = r.count; n += 1 }
        times.append(now() - t0)
        let c1 = cpuSeconds()
        cpus.append(c1.user - c0.user + c1.sys - c0.sys)
        rows = n
    }
    let warm = times.dropFirst().sorted()
    let warmCPU = cpus.dropFirst().sorted()
    return (rows, times[0] * 1000, warm[warm.count / 2] * 1000, warmCPU[warmCPU.count / 2] * 1000)
}

/// A query slower than this gets its EXPLAIN QUERY PLAN printed in results.md.
let slowMilliseconds = 50.0

func timeQueries(dbPath: String) throws -> [[String: Any]] {
    var config = Configuration()
    config.readonly = true
    let q = try DatabaseQueue(path: dbPath, configuration: config)
    // what `conflictdb ask NAME` runs for a shipped question: its view with the default ORDER BY
    let shipped = (try? ConflictStore.Questions.shipped()) ?? []
    return try q.read { db in
        var results: [[String: Any]] = []
        for (name, sql, kind) in try namedQueries(db) {
            let t = try timeSQL(db, sql)
            var result: [String: Any] = ["name": name, "kind": kind, "rows": t.rows, "first_ms": t.first, "median_ms": t.median,
                                         "cpu_ms": t.cpu, "sql": sql, "plan": try plan(db, sql)]
            if let question = shipped.first(where: { $0.view == name }) {
                let askSQL = try ConflictStore.Questions.sql(for: question)
                result["question"] = question.name
                if askSQL != sql {
                    let a = try timeSQL(db, askSQL)
                    result["ask_sql"] = askSQL
                    result["ask_rows"] = a.rows
                    result["ask_first_ms"] = a.first
                    result["ask_median_ms"] = a.median
                    result["ask_cpu_ms"] = a.cpu
                    result["ask_plan"] = try plan(db, askSQL)
                }
            }
            results.append(result)
        }
        return results
    }
}

/// EXPLAIN QUERY PLAN as an indented tree, one line per step.
func plan(_ db: Database, _ sql: String) throws -> [String] {
    var depth: [Int: Int] = [0: -1]
    return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { r -> String in
        let id: Int = r["id"], parent: Int = r["parent"]
        let d = (depth[parent] ?? -1) + 1
        depth[id] = d
        return String(repeating: "  ", count: d) + (r["detail"] ?? "")
    }
}

func mb(_ b: Int) -> Double { Double(b) / 1_000_000 }
func fmt(_ x: Double, _ d: Int = 1) -> String { String(format: "%.\(d)f", x) }

func parent() {
    let o = parseOptions()
    let fm = FileManager.default
    try? fm.createDirectory(atPath: o.out, withIntermediateDirectories: true)
    try? fm.createDirectory(atPath: o.work, withIntermediateDirectories: true)
    let dicts: Dictionaries
    do { dicts = try Dictionaries.load() } catch { warn("dictionaries: \(error)\n"); exit(1) }
    var all: [[String: Any]] = []
    var md = "# conflictdb-bench results\n\n"
    md += "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB; seed \(o.seed)\n\n"
    if o.questionsDB == nil {
        md += "| articles | input MB | full s | art/s | MB/s | no-extract s | MB/s | full / no-extract | I/O s | read | extract | write | consolidate | commit | writer idle | cpu user+sys | CPU ms/article: extraction threads / writer / reader | peak RSS MB (full / no-extract) | DB MB | DB/raw | replace ms/article |\n"
        md += "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n"
    }
    var largestDB: String? = o.questionsDB
    for n in o.questionsDB == nil ? o.sizes : [] {
        let corpus = "\(o.work)/corpus-\(n)"
        var gen: [String: Any] = [:]
        if !(o.reuseCorpus && fm.fileExists(atPath: corpus)) {
            let t0 = now()
            warn("generating \(n) articles in \(corpus)…\n")
            do {
                let (files, bytes) = try CorpusGenerator.write(count: n, to: URL(fileURLWithPath: corpus), dictionaries: dicts, seed: o.seed)
                gen = ["files": files, "bytes": bytes, "seconds": now() - t0]
            } catch { warn("generate: \(error)\n"); exit(1) }
        }
        warn("  I/O floor…\n")
        let io = runChild(["io", corpus, "-"])
        warn("  extraction off…\n")
        let noex = runChild(["noextract", corpus, "\(o.work)/noextract-\(n).db"])
        warn("  full import…\n")
        let full = runChild(["full", corpus, "\(o.work)/full-\(n).db"])
        largestDB = "\(o.work)/full-\(n).db"
        // keeping the database up to date: 200 articles re-imported with a changed text, into a copy
        warn("  replacing 200 articles…\n")
        let copy = "\(o.work)/replace-\(n).db"
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: copy + suffix) }
        try? fm.copyItem(atPath: "\(o.work)/full-\(n).db", toPath: copy)
        let replace = runChild(["replace", corpus, copy, "200"])
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: copy + suffix) }
        let bytes = full["bytes"] as? Int ?? 0
        let secs = full["seconds"] as? Double ?? 1
        let arts = full["articles"] as? Int ?? 0
        let st = full["stages"] as? [String: Double] ?? [:]
        let nsecs = noex["seconds"] as? Double ?? 1
        let dbBytes = full["db_bytes"] as? Int ?? 0
        let cpu = (full["cpu_user"] as? Double ?? 0) + (full["cpu_sys"] as? Double ?? 0)
        md += "| \(n) | \(fmt(mb(bytes))) | \(fmt(secs, 2)) | \(fmt(Double(arts) / secs, 0)) | \(fmt(mb(bytes) / secs, 2)) | "
        md += "\(fmt(nsecs, 2)) | \(fmt(mb(bytes) / nsecs, 2)) | \(fmt(secs / nsecs, 2))× | \(fmt(io["seconds"] as? Double ?? 0, 3)) | "
        for s in ["read", "extract", "write", "consolidate", "commit", "writerIdle"] { md += "\(fmt(st[s] ?? 0, 2)) | " }
        let byThread = full["cpu_by_thread"] as? [String: Double] ?? [:]
        let perArticle = ["extraction", "writer", "reader"].map { fmt((byThread[$0] ?? 0) * 1000 / Double(max(arts, 1)), 2) }
        md += "\(fmt(cpu, 1)) | \(perArticle.joined(separator: " / ")) | "
        md += "\(fmt(mb(full["peak_rss"] as? Int ?? 0), 0)) / \(fmt(mb(noex["peak_rss"] as? Int ?? 0), 0)) | "
        md += "\(fmt(mb(dbBytes))) | \(fmt(Double(dbBytes) / Double(max(bytes, 1)), 2)) | "
        let replaced = replace["articles"] as? Int ?? 0
        md += replaced > 0 ? "\(fmt((replace["seconds"] as? Double ?? 0) * 1000 / Double(replaced), 1)) |\n" : "– |\n"
        all.append(["size": n, "generate": gen, "io": io, "noextract": noex, "full": full, "replace": replace])
        warn("  \(n): \(fmt(Double(arts) / secs, 0)) articles/s, \(fmt(mb(bytes) / secs, 2)) MB/s; \(full["summary"] ?? "")\n")
    }
    md += "\nStage columns: seconds summed over the threads doing that stage (they overlap; extraction runs on all cores). "
    md += "CPU ms/article: CPU time of each kind of thread (user + sys), per article, which a busy machine inflates much less than wall time. "
    md += "Replace: 200 articles re-imported with a changed text into a copy of the full database (each replaces its earlier version).\n"
    if let db = largestDB {
        let which = o.questionsDB.map { "`\($0)`" } ?? "the \(o.sizes.last ?? 0)-article database"
        md += "\n## Named questions and report views on \(which)\n\n"
        md += "Every row stepped. `SELECT *`: the view alone; `ask`: what `conflictdb ask NAME` runs (the view and the "
        md += "question's default ORDER BY). First run, then the median of 3 warm runs: wall time, and CPU time (user + sys, "
        md += "which waiting for a core on a loaded machine does not inflate).\n\n"
        md += "| name | kind | rows | SELECT * first ms | SELECT * median ms | CPU ms | ask first ms | ask median ms | ask CPU ms |\n"
        md += "|---|---|---:|---:|---:|---:|---:|---:|---:|\n"
        do {
            let qs = try timeQueries(dbPath: db)
            for q in qs {
                let label = (q["question"] as? String).map { "\(q["name"]!) (`\($0)`)" } ?? "\(q["name"]!)"
                md += "| \(label) | \(q["kind"]!) | \(q["rows"]!) | \(fmt(q["first_ms"] as! Double, 1)) | \(fmt(q["median_ms"] as! Double, 1)) | "
                md += "\(fmt(q["cpu_ms"] as! Double, 1)) | "
                if let f = q["ask_first_ms"] as? Double, let m = q["ask_median_ms"] as? Double, let c = q["ask_cpu_ms"] as? Double {
                    md += "\(fmt(f, 1)) | \(fmt(m, 1)) | \(fmt(c, 1)) |\n"
                } else {
                    md += (q["question"] != nil ? "(same SQL) | (same SQL) | (same SQL) |" : "– | – | – |") + "\n"
                }
            }
            if !qs.contains(where: { ($0["kind"] as? String) == "question" }) {
                md += "\n(no named questions found: no `q_*` views and no `questions` table yet)\n"
            }
            let slow = qs.filter { q in
                [q["median_ms"], q["ask_median_ms"]].compactMap { $0 as? Double }
                    .contains { $0 >= slowMilliseconds }
            }
            md += "\n### Query plans of the queries over \(fmt(slowMilliseconds, 0)) ms (all plans: results.json)\n\n"
            if slow.isEmpty { md += "(none)\n" }
            for q in slow {
                let sql = (q["ask_sql"] as? String) ?? (q["sql"] as? String ?? "")
                let lines = (q["ask_plan"] as? [String]) ?? (q["plan"] as? [String]) ?? []
                md += "- `\(q["name"]!)`: `\(sql)`\n\n```\n" + lines.joined(separator: "\n") + "\n```\n"
            }
            all.append(["questions": qs])
        } catch {
            md += "error timing queries: \(error)\n"
        }
    }
    try? md.write(toFile: o.out + "/results.md", atomically: true, encoding: .utf8)
    if let data = try? JSONSerialization.data(withJSONObject: all, options: [.prettyPrinted, .sortedKeys]) {
        try? data.write(to: URL(fileURLWithPath: o.out + "/results.json"))
    }
    print(md)
    warn("wrote \(o.out)/results.md and results.json\n")
}

let argv = Array(CommandLine.arguments.dropFirst())
if argv.first == "child" { child(Array(argv.dropFirst())) }
parent()
