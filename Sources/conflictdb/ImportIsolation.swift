import ConflictStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `conflictdb import` runs the import in a child process, so that an article that crashes extraction
/// (a Swift runtime trap cannot be caught in the process that hits it) costs that article only:
///
/// 1. the parent starts the child (the same binary and arguments) with a working folder in
///    `CONFLICTDB_IMPORT_CHILD`, and waits;
/// 2. the child installs `CrashGuard`, which appends the name of the article a crashing thread was on to
///    `crashed`, appends the outcomes a commit is about to store to `journal` ("will-imported PATH", before
///    the commit) and every outcome it reports (after the commit);
/// 3. when the child dies of a crash signal and named an article, the parent starts the import again with
///    that article in `refuse.tsv`: the new child reports it as failed, leaves out (silently) what the
///    journal says was already reported, and counts the journal's outcomes in its summary; an article the
///    journal says was about to be stored, and that is now 'unchanged', was stored by the crashed child
///    (a crash between its commit and its report) and is reported with the outcome it had then.
///
/// The database never holds half an article: an uncommitted transaction is rolled back by SQLite. Set
/// `CONFLICTDB_ISOLATION=off` to import in one process.
enum ImportIsolation {
    static let childKey = "CONFLICTDB_IMPORT_CHILD"
    static let parentKey = "CONFLICTDB_IMPORT_PARENT"
    /// A run that refuses this many articles gives up (something is wrong beyond single articles).
    static let maxRestarts = 100

    static func signalName(_ sig: Int32) -> String {
        switch sig {
        case SIGILL: return "SIGILL, a runtime trap"
        case SIGTRAP: return "SIGTRAP, a runtime trap"
        case SIGSEGV: return "SIGSEGV, a memory fault"
        case SIGBUS: return "SIGBUS, a memory fault"
        case SIGFPE: return "SIGFPE, an arithmetic fault"
        case SIGABRT: return "SIGABRT, an abort"
        default: return "signal \(sig)"
        }
    }

    /// In the parent: runs the import in children until one ends without a crash, then exits with its
    /// status. Returns at once in a child, or when isolation is off.
    static func superviseUnlessChild() {
        let env = ProcessInfo.processInfo.environment
        if env[childKey] != nil || env["CONFLICTDB_ISOLATION"] == "off" { return }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        guard FileManager.default.isExecutableFile(atPath: exe.path) else { return }  // not Linux: in process
        removeStaleWorkingFolders()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("\(workPrefix)\(getpid())-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        } catch {
            return  // no working folder: import in this process
        }
        // every way out of the loop below ends the process (exit does not run `defer`): remove the folder first
        func removeWork() { try? FileManager.default.removeItem(at: work) }
        func finish(_ status: Int32) -> Never {
            removeWork()
            exit(status)
        }
        let crashed = work.appendingPathComponent("crashed")
        var refused: [String: String] = [:]   // article -> the reason the next child reports

        // The child must not go on alone: the parent passes SIGTERM, SIGHUP and SIGINT on (a handler, not
        // SIG_IGN, which the child would inherit), and the child dies with the parent (PR_SET_PDEATHSIG).
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = forwardToChild
            sigemptyset(&action.sa_mask)
            sigaction(sig, &action, nil)
        }

        while true {
            try? Data(refused.map { $0.key + "\t" + $0.value + "\n" }.joined().utf8).write(to: work.appendingPathComponent("refuse.tsv"))
            try? FileManager.default.removeItem(at: crashed)
            let p = Process()
            p.executableURL = exe
            p.arguments = Array(CommandLine.arguments.dropFirst())
            var childEnv = env
            childEnv[childKey] = work.path
            childEnv[parentKey] = String(getpid())
            // the crash is reported by name below; the runtime's backtrace only if asked for
            if childEnv["SWIFT_BACKTRACE"] == nil { childEnv["SWIFT_BACKTRACE"] = "enable=no" }
            p.environment = childEnv
            do {
                try p.run()
            } catch {
                removeWork()
                fail("cannot start the import process: \(error)")
            }
            childPID = p.processIdentifier
            p.waitUntilExit()
            childPID = 0
            let status = p.terminationStatus
            if p.terminationReason == .exit { finish(status) }

            let isCrash = CrashGuard.signals.contains(status)
            let names = ((try? String(contentsOf: crashed, encoding: .utf8)) ?? "")
                .split(separator: "\n").map(String.init).filter { !$0.isEmpty && refused[$0] == nil }
            if isCrash, !names.isEmpty, refused.count < maxRestarts {
                for name in names {
                    refused[name] = "extraction crashed on this article (\(signalName(status))): not imported; please report it"
                    printError("conflictdb: \(name) crashed the import (\(signalName(status))); importing the rest without it")
                }
                continue
            }
            if isCrash {
                printError("conflictdb: error: the import crashed (\(signalName(status))); the articles reported above are stored, the transaction in progress was rolled back")
                finish(70)
            }
            // stopped by a signal from outside: end the same way
            removeWork()
            signal(status, SIG_DFL)
            kill(getpid(), status)
            exit(128 + status)
        }
    }

    nonisolated(unsafe) static var childPID: Int32 = 0

    /// The working folders are `<TMPDIR>/conflictdb-import-<pid of the parent>-<UUID>`.
    static let workPrefix = "conflictdb-import-"

    /// Removes the working folders whose parent process is gone: an import killed with SIGKILL (or by a
    /// power cut) cannot remove its own, so the next import does. A folder whose process still runs (or
    /// that belongs to another user, who may not be seen) is left alone.
    static func removeStaleWorkingFolders() {
        let tmp = FileManager.default.temporaryDirectory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: tmp.path) else { return }
        for name in names where name.hasPrefix(workPrefix) {
            let rest = name.dropFirst(workPrefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0 else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH {
                try? FileManager.default.removeItem(at: tmp.appendingPathComponent(name))
            }
        }
    }

    /// In a child: what the parent passed, and the journal of what is reported.
    // (@unchecked: its journal is written from the writer thread only, through `record`)
    final class Child: @unchecked Sendable {
        let work: URL
        /// Outcomes reported by earlier children of this import (path -> "imported", ..., "failed").
        let reported: [String: String]
        /// Outcomes an earlier child was about to commit ("will-imported" lines, written before each commit)
        /// and did not report: stored, if the commit went through, by this import (path -> "imported", ...).
        let tentative: [String: String]
        let refuse: [String: String]
        private let journal: FileHandle?

        init?() {
            guard let dir = ProcessInfo.processInfo.environment[ImportIsolation.childKey] else { return nil }
            work = URL(fileURLWithPath: dir)
            #if os(Linux)
            // die with the parent, whatever ends it
            // prctl(PR_SET_PDEATHSIG = 1, SIGKILL): not in the Glibc module, so looked up
            typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
            if let sym = dlsym(nil, "prctl") {
                _ = unsafeBitCast(sym, to: Prctl.self)(1, UInt(SIGKILL), 0, 0, 0)
            }
            if let parent = ProcessInfo.processInfo.environment[ImportIsolation.parentKey].flatMap(Int32.init), getppid() != parent {
                exit(1)
            }
            #endif
            CrashGuard.install(reportPath: work.appendingPathComponent("crashed").path)
            /// The two columns of each line of a file the parent or an earlier child wrote.
            func pairs(_ url: URL) -> [(String, String)] {
                ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { line in
                    let parts = line.split(separator: "\t", maxSplits: 1)
                    return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
                }
            }
            refuse = Dictionary(pairs(work.appendingPathComponent("refuse.tsv")), uniquingKeysWith: { _, b in b })
            let journalURL = work.appendingPathComponent("journal")
            let lines = pairs(journalURL)
            reported = Dictionary(lines.filter { !$0.0.hasPrefix("will-") }.map { (Self.unescape($0.1), $0.0) }, uniquingKeysWith: { _, b in b })
            tentative = Dictionary(lines.filter { $0.0.hasPrefix("will-") }.map { (Self.unescape($0.1), String($0.0.dropFirst(5))) }, uniquingKeysWith: { _, b in b })
            if !FileManager.default.fileExists(atPath: journalURL.path) {
                _ = FileManager.default.createFile(atPath: journalURL.path, contents: nil)
            }
            journal = try? FileHandle(forWritingTo: journalURL)
            _ = try? journal?.seekToEnd()
        }

        /// Appends an outcome (unbuffered: a crash right after loses nothing reported).
        func record(_ outcome: String, _ path: String) {
            journal?.write(Data((outcome + "\t" + Self.escape(path) + "\n").utf8))
        }

        static func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
        }
        static func unescape(_ s: String) -> String {
            var out = "", escaped = false
            for c in s {
                if escaped {
                    out.append(c == "n" ? "\n" : c == "t" ? "\t" : c)
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else {
                    out.append(c)
                }
            }
            return out
        }
    }
}

/// Async-signal-safe: passes the signal to the running child, if any.
private func forwardToChild(_ sig: Int32) {
    let pid = ImportIsolation.childPID
    if pid > 0 { kill(pid, sig) }
}
