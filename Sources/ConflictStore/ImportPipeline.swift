import Foundation
import GRDB
import ConflictExtraction
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The streaming machinery of an import: a lazy, sorted walk of the input folders, a JSON Lines
// reader that goes line by line, and a bounded, order-keeping work queue between one reader
// thread, N extraction threads and the single writer (the caller's thread).

// MARK: - timing

/// Where the time of an import goes, summed over threads (seconds of wall time spent in each stage by
/// the thread doing it; the stages overlap, so the sum can exceed the elapsed time).
public final class ImportMetrics: @unchecked Sendable {
    public enum Stage: Int, CaseIterable, Sendable {
        /// reading files, decoding, normalizing, parsing headers and JSON (reader thread)
        case read
        /// hashing, the "already imported?" look-up and extraction (extraction threads)
        case extract
        /// inserting the source, FTS, sentences, mentions, reports (writer thread, savepoint included)
        case write
        /// linking reports to events: `Consolidation.attach*` and `deleteSources` (writer thread)
        case consolidate
        /// COMMIT of each batch (writer thread)
        case commit
        /// the writer waiting for the next extracted article (pipeline starved)
        case writerIdle
    }
    /// The threads of an import, for CPU time (which, unlike wall time, does not grow when the machine is busy).
    public enum Role: Int, CaseIterable, Sendable {
        /// the reader thread (walking folders, reading files)
        case reader
        /// the extraction threads (parsing, hashing, extraction), summed
        case extraction
        /// the single writer thread (SQLite: insert, consolidate, commit)
        case writer
    }
    private let lock = NSLock()
    private var nanos = [UInt64](repeating: 0, count: Stage.allCases.count)
    private var cpuNanos = [UInt64](repeating: 0, count: Role.allCases.count)
    private var _bytes = 0
    private var _articles = 0
    private var _batches = 0

    public init() {}

    public func add(_ stage: Stage, _ ns: UInt64) {
        lock.lock(); nanos[stage.rawValue] &+= ns; lock.unlock()
    }
    func addBytes(_ n: Int) { lock.lock(); _bytes += n; lock.unlock() }
    func addArticle() { lock.lock(); _articles += 1; lock.unlock() }
    func addBatch() { lock.lock(); _batches += 1; lock.unlock() }

    func addCPU(_ role: Role, _ ns: UInt64) {
        lock.lock(); cpuNanos[role.rawValue] &+= ns; lock.unlock()
    }

    /// CPU seconds (user + system) spent by the threads of `role`.
    public func cpuSeconds(_ role: Role) -> Double {
        lock.lock(); defer { lock.unlock() }
        return Double(cpuNanos[role.rawValue]) / 1e9
    }

    /// CPU time of the calling thread, in nanoseconds.
    static func threadCPU() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    public func seconds(_ stage: Stage) -> Double {
        lock.lock(); defer { lock.unlock() }
        return Double(nanos[stage.rawValue]) / 1e9
    }
    /// Bytes of input files read (whole files, or JSON Lines lines).
    public var bytesRead: Int { lock.lock(); defer { lock.unlock() }; return _bytes }
    /// Articles that reached the writer (read successfully).
    public var articles: Int { lock.lock(); defer { lock.unlock() }; return _articles }
    /// Transactions committed.
    public var batches: Int { lock.lock(); defer { lock.unlock() }; return _batches }

    @inline(__always) static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
}

// MARK: - lazy walk

/// Walks the paths given on the command line lazily: files as given, folders recursively
/// (`.md`, `.txt`, `.jsonl`; hidden names skipped), in the same order as sorting every full path,
/// holding one directory listing per level at a time.
public struct FileWalker: IteratorProtocol, Sequence {
    private var roots: [String]
    private var rootIndex = 0
    /// A stack of (directory path, sorted entries, next index).
    private var stack: [(dir: String, entries: [(name: String, isDir: Bool)], next: Int)] = []

    public init(paths: [String]) { self.roots = paths }

    /// Paths that do not exist (reported first, as before).
    static func missing(_ paths: [String]) -> [String] {
        paths.filter { !FileManager.default.fileExists(atPath: $0) }
    }

    public mutating func next() -> String? {
        while true {
            if var top = stack.popLast() {
                if top.next < top.entries.count {
                    let e = top.entries[top.next]
                    top.next += 1
                    let full = top.dir.hasSuffix("/") ? top.dir + e.name : top.dir + "/" + e.name
                    stack.append(top)
                    if e.isDir {
                        stack.append((full, Self.list(full), 0))
                        continue
                    }
                    return full
                }
                continue
            }
            guard rootIndex < roots.count else { return nil }
            let p = roots[rootIndex]
            rootIndex += 1
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else { continue }
            if !isDir.boolValue { return p }
            stack.append((p, Self.list(p), 0))
        }
    }

    /// The entries of one directory worth visiting: sub-directories (not followed through symlinks) and
    /// regular files (or symlinks to them) with an article extension; sorted so that a depth-first walk
    /// gives the order of sorted full paths (a directory sorts as `name/`).
    static func list(_ dir: String) -> [(name: String, isDir: Bool)] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var out: [(name: String, isDir: Bool, key: String)] = []
        while let ent = readdir(d) {
            let name = withUnsafePointer(to: ent.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue } // ".", "..", hidden files and folders
            let full = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            var isDir = false
            var isFile = false
            switch Int32(ent.pointee.d_type) {
            case Int32(DT_DIR): isDir = true
            case Int32(DT_REG): isFile = true
            default:
                var st = stat()
                if lstat(full, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
                    isDir = true
                } else if stat(full, &st) == 0 {
                    isFile = (st.st_mode & S_IFMT) == S_IFREG
                }
            }
            if isDir {
                out.append((name, true, name + "/"))
            } else if isFile, Importer.extensions.contains((name as NSString).pathExtension.lowercased()) {
                out.append((name, false, name))
            }
        }
        out.sort { $0.key < $1.key }
        return out.map { ($0.name, $0.isDir) }
    }
}

// MARK: - reading

/// One unit of work from the reader thread: raw bytes only (decoding, normalizing and parsing happen on
/// the extraction threads, so that the single reader thread never limits the import).
enum ReadUnit: Sendable {
    /// A whole file (not JSON Lines), to be parsed by `ArticleReader.read(data:path:)`.
    case file(Data, path: String)
    /// One line of a JSON Lines batch (`path` is `file.jsonl:LINE`).
    case jsonLine(String, path: String)
    case failure(ArticleReadError)
    /// Every unit of file `index` has been sent.
    case fileDone(index: Int)

    /// The name an article of the unit is reported under, for units that hold text.
    var path: String? {
        switch self {
        case let .file(_, path), let .jsonLine(_, path): return path
        case .failure, .fileDone: return nil
        }
    }
}

/// What the writer receives, in input order.
enum ExtractedUnit: Sendable {
    /// `result` is nil when extraction was skipped (the text is already in the database).
    case article(Article, hash: String, result: ExtractionResult?, alreadyPresent: Bool, words: Int)
    case failure(ArticleReadError)
    /// Not read or extracted: `ImportOptions.refuse` names it (path, reason).
    case refused(String, String)
}

extension ArticleReader {
    /// Calls `emit` with the raw units of a file: JSON Lines batches line by line (memory stays flat however
    /// long the batch), other files whole (with the size and readability checks of `read(fileAt:)`).
    /// Returns the number of bytes read.
    @discardableResult
    func streamRaw(fileAt path: String, emit: (ReadUnit) -> Void) -> Int {
        var st = stat()
        // only regular files are opened here (a FIFO would block); the rest fail in `loadFile`
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, let fp = fopen(path, "rb") {
            defer { fclose(fp) }
            if Self.startsLikeJSONL(fp) {
                return streamJSONL(fp, path: path, emit: emit)
            }
        }
        switch loadFile(atPath: path, displayPath: path, checkSize: true) {
        case .success(let data):
            emit(.file(data, path: path))
            return data.count
        case .failure(let e):
            emit(.failure(e))
            return 0
        }
    }

    /// An optional UTF-8 byte-order mark, whitespace, then `{`.
    private static func startsLikeJSONL(_ fp: UnsafeMutablePointer<FILE>) -> Bool {
        var head = [UInt8](repeating: 0, count: 256)
        let n = fread(&head, 1, head.count, fp)
        rewind(fp)
        var i = 0
        if n >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { i = 3 }
        while i < n, head[i] == 0x20 || head[i] == 0x0A || head[i] == 0x0D || head[i] == 0x09 { i += 1 }
        return i < n && head[i] == UInt8(ascii: "{")
    }

    private func streamJSONL(_ fp: UnsafeMutablePointer<FILE>, path: String, emit: (ReadUnit) -> Void) -> Int {
        var linePtr: UnsafeMutablePointer<CChar>?
        var cap = 0
        defer { free(linePtr) }
        var lineNo = 0
        var bytes = 0
        var any = false
        while true {
            let n = getline(&linePtr, &cap, fp)
            if n < 0 { break }
            lineNo += 1
            bytes += n
            guard let p = linePtr else { break }
            var buf = UnsafeRawBufferPointer(start: p, count: n).bindMemory(to: UInt8.self)
            if lineNo == 1, buf.count >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF {
                buf = UnsafeBufferPointer(rebasing: buf[3...])
            }
            var end = buf.count
            while end > 0, buf[end - 1] == 0x0A || buf[end - 1] == 0x0D { end -= 1 }
            let body = UnsafeBufferPointer(rebasing: buf[..<end])
            if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            any = true
            let linePath = "\(path):\(lineNo)"
            if body.contains(0) {
                emit(.failure(ArticleReadError(path: linePath, failure: .binary)))
                continue
            }
            guard let text = String(validating: body, as: UTF8.self) else {
                emit(.failure(ArticleReadError(path: linePath, failure: .invalidUTF8)))
                continue
            }
            emit(.jsonLine(text, path: linePath))
        }
        if !any { emit(.failure(ArticleReadError(path: path, failure: bytes == 0 ? .empty : .whitespaceOnly))) }
        return bytes
    }
}

// MARK: - the bounded, order-keeping queue

/// Reader -> extraction threads -> writer. Holds at most `capacity` units between the reader and the
/// writer (so memory is bounded whatever the batch size) and hands them to the writer in input order.
final class ImportPipeline: @unchecked Sendable {
    private let cond = NSCondition()
    private var input: [(seq: Int, unit: ReadUnit)] = []
    private var inputHead = 0
    private var done: [Int: Completed] = [:]
    private var produced = 0
    private var consumed = 0
    private var readerFinished = false
    private(set) var cancelled = false
    let capacity: Int

    init(capacity: Int) { self.capacity = max(2, capacity) }

    /// Reader: waits while `capacity` units are in flight. False once cancelled.
    func push(_ unit: ReadUnit) -> Bool {
        cond.lock(); defer { cond.unlock() }
        while produced - consumed >= capacity && !cancelled { cond.wait() }
        if cancelled { return false }
        input.append((produced, unit))
        produced += 1
        cond.broadcast()
        return true
    }

    func finishInput() {
        cond.lock(); readerFinished = true; cond.broadcast(); cond.unlock()
    }

    /// Extraction thread: the next unit to process, or nil when there is nothing left.
    func take() -> (seq: Int, unit: ReadUnit)? {
        cond.lock(); defer { cond.unlock() }
        while inputHead == input.count && !readerFinished && !cancelled { cond.wait() }
        if cancelled || inputHead == input.count { return nil }
        let u = input[inputHead]
        inputHead += 1
        if inputHead > 256 && inputHead * 2 > input.count {
            input.removeFirst(inputHead)
            inputHead = 0
        }
        return u
    }

    /// What one read unit became: the articles of a file (usually one), or a file's end.
    enum Completed: Sendable { case units([ExtractedUnit]), fileDone(Int) }

    func complete(_ seq: Int, _ unit: Completed) {
        cond.lock(); done[seq] = unit; cond.broadcast(); cond.unlock()
    }

    enum Next { case unit(Completed), timedOut, end }

    /// Writer: the next unit in input order; waits until `deadline` (if any).
    func next(until deadline: Date?) -> Next {
        cond.lock(); defer { cond.unlock() }
        while true {
            if let u = done.removeValue(forKey: consumed) {
                consumed += 1
                cond.broadcast()
                return .unit(u)
            }
            if cancelled || (readerFinished && consumed == produced) { return .end }
            if let deadline {
                if !cond.wait(until: deadline) { return .timedOut }
            } else {
                cond.wait()
            }
        }
    }

    func cancel() {
        cond.lock(); cancelled = true; cond.broadcast(); cond.unlock()
    }
}

/// A thread that can be joined.
final class Worker: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    init(name: String, _ body: @escaping @Sendable () -> Void) {
        let t = Thread { [finished] in
            body()
            finished.signal()
        }
        t.name = name
        t.stackSize = 8 << 20
        t.start()
    }
    func join() { finished.wait() }

    /// Adds `nice` to the calling thread's nice value (Linux: per thread; elsewhere nothing). A thread may
    /// always lower its own priority; the writer's is left as it is.
    static func lowerPriority(by nice: Int32) {
        #if os(Linux)
        guard nice > 0 else { return }
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        errno = 0
        let current = getpriority(which, 0)  // 0: the calling thread, on Linux
        if errno == 0 { _ = setpriority(which, 0, min(19, current + nice)) }
        #endif
    }
}

// MARK: - "already imported?" look-ups from the extraction threads

/// A read-only connection of its own, so that extraction threads can skip texts already stored
/// without waiting for the writer (WAL: readers never block the writer). The writer checks again.
final class PresenceChecker {
    private let queue: DatabaseQueue
    init(path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(1)
        queue = try DatabaseQueue(path: path, configuration: config)
    }
    func contains(_ hash: String) throws -> Bool {
        // One statement is its own read transaction: `read` would wrap it in BEGIN / COMMIT and toggle
        // `query_only` around it, which cost more than the look-up (~5% of an extraction thread's time).
        try queue.inDatabase { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM sources WHERE sha256 = ?"), arguments: [hash]) != nil
        }
    }
}

extension Store {
    static func presenceChecker(path: String) throws -> PresenceChecker { try PresenceChecker(path: path) }
}
