import Foundation
import GRDB

// Helpers shared by the reliability tests (bad input, crash safety, concurrency, database files).
// Every article text here is written for the tests; none is copied from a real corpus.

/// A small deterministic PRNG (SplitMix64): the same seed gives the same kill moments on every run.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum TestArticles {
    static let cities = ["Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Sumy", "Poltava", "Mykolaiv", "Kherson", "Lviv", "Chernihiv"]
    static let regions = ["Belgorod", "Kursk", "Bryansk", "Rostov", "Voronezh"]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Article `i` of a generated batch: front matter and one short paragraph that the extractor turns into
    /// mentions and an attack, exchange or talks report (in turn). Every `i` gives a different text.
    /// Short on purpose: the debug build extracts a few hundred of them in seconds.
    static func article(_ i: Int) -> String {
        let date = String(format: "2026-01-%02d", 1 + i % 28)
        let city = cities[i % cities.count]
        let weekday = weekdays[i % weekdays.count]
        let body: String
        switch i % 3 {
        case 0:
            body = "Russia launched \(40 + i) drones at Ukraine overnight into \(weekday), the air force said. " +
                "Air defenses shot down \(30 + i) of them over \(city), it said."
        case 1:
            body = "Russia and Ukraine each returned \(100 + i) prisoners of war on \(weekday) in an exchange " +
                "mediated by the United Arab Emirates, officials in \(city) said."
        default:
            body = "Delegations from Russia and Ukraine met in Istanbul on \(weekday) for talks, officials said. " +
                "Russia's Defense Ministry said its forces shot down \(10 + i % 40) Ukrainian drones over the \(regions[i % regions.count]) region."
        }
        return """
            ---
            title: "Report \(i) from \(city) - Test Wire"
            source: https://testwire.example/articles/\(i)
            date: \(date)
            ---

            \(body)
            Test batch article number \(i).

            """
    }

    /// Writes `count` generated articles to `dir` (created if needed) as `article-NNNN.md`.
    static func writeBatch(_ count: Int, to dir: URL, offset: Int = 0) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for i in offset..<(offset + count) {
            try Data(article(i).utf8).write(to: dir.appendingPathComponent(String(format: "article-%04d.md", i)))
        }
    }
}

/// The tables whose rows belong to one source (the "is this article whole?" check).
let perSourceTables = ["sentences", "mentions", "diagnostics", "exchange_reports", "attack_reports", "talks_reports",
                       "delegations", "delegation_members", "actor_aliases"]

/// For every source: path -> counts of its rows in `perSourceTables`, in order.
func perSourceCounts(_ db: Database) throws -> [String: [Int]] {
    let selects = perSourceTables.map { "(SELECT count(*) FROM \($0) t WHERE t.source_id = s.id)" }.joined(separator: ", ")
    var out: [String: [Int]] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT s.path, \(selects) FROM sources s") {
        out[row[0]] = (1...perSourceTables.count).map { row[$0] as Int }
    }
    return out
}

/// Row counts of every table (FTS shadow tables excluded).
func allTableCounts(_ db: Database) throws -> [String: Int] {
    let names = try String.fetchAll(db, sql: """
        SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'sources_fts%'
        """)
    var out: [String: Int] = [:]
    for n in names { out[n] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(n.quotedDatabaseIdentifier)") ?? 0 }
    out["sources_fts"] = try Int.fetchOne(db, sql: "SELECT count(*) FROM sources_fts") ?? 0
    return out
}

/// Opens a database file directly (not through conflictdb) to inspect it.
func inspectDatabase<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
    var config = Configuration()
    config.busyMode = .timeout(10)
    let q = try DatabaseQueue(path: path, configuration: config)
    defer { try? q.close() }
    return try q.read(body)
}

/// Starts the binary without waiting (output discarded to files in `dir`).
func startConflictdb(_ args: [String], db: String, logs dir: URL, name: String) throws -> Process {
    let p = Process()
    p.executableURL = binary
    p.arguments = args + ["--db", db]
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "CONFLICTDB_PATH")
    p.environment = env
    let out = dir.appendingPathComponent("\(name).out"), err = dir.appendingPathComponent("\(name).err")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    FileManager.default.createFile(atPath: err.path, contents: nil)
    p.standardOutput = try FileHandle(forWritingTo: out)
    p.standardError = try FileHandle(forWritingTo: err)
    p.standardInput = FileHandle.nullDevice
    try p.run()
    return p
}

func readLog(_ dir: URL, _ name: String) -> String {
    (try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)) ?? ""
}

/// Tests run as root in CI, where file permissions do not stop reads or writes. `setpriv` lets a test run
/// the binary as the unprivileged user `nobody` instead; nil when that is not possible.
let unprivilegedPrefix: [String]? = {
    if getuid() != 0 { return [] }
    let setpriv = "/usr/bin/setpriv"
    guard FileManager.default.isExecutableFile(atPath: setpriv) else { return nil }
    // the binary must be reachable by `nobody`
    let probe = Process()
    probe.executableURL = URL(fileURLWithPath: setpriv)
    probe.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path, "--version"]
    probe.standardOutput = FileHandle.nullDevice
    probe.standardError = FileHandle.nullDevice
    guard (try? probe.run()) != nil else { return nil }
    probe.waitUntilExit()
    return probe.terminationStatus == 0 ? [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] : nil
}()

/// Runs the binary as an unprivileged user (see `unprivilegedPrefix`).
func conflictdbUnprivileged(_ args: [String], prefix: [String]) throws -> Run {
    let p = Process()
    if prefix.isEmpty {
        p.executableURL = binary
        p.arguments = args
    } else {
        p.executableURL = URL(fileURLWithPath: prefix[0])
        p.arguments = Array(prefix.dropFirst()) + [binary.path] + args
    }
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "CONFLICTDB_PATH")
    p.environment = env
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

/// A world-writable temporary folder (for runs as `nobody`).
func sharedTempDir() throws -> URL {
    let d = try tempDir()
    try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: d.path)
    return d
}

/// The files of a folder whose name starts with `prefix` (the database and its -wal/-shm/-journal siblings).
func siblings(of path: String) -> [String] {
    let url = URL(fileURLWithPath: path)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
    return names.filter { $0.hasPrefix(url.lastPathComponent) }.sorted()
}
