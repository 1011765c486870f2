import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Names the article each import thread is working on, so that a crash (a Swift runtime trap such as an
/// index out of range in extraction, or a memory fault) can be pinned on one article.
///
/// A trap cannot be caught inside the process. `conflictdb import` therefore runs the import in a child
/// process with a report file installed here; when the child dies of a crash signal, the handler has
/// appended the name of the article the crashing thread was on (`PATH` or `file.jsonl:LINE`) to that file,
/// and the parent runs the import again with that article refused (`ImportOptions.refuse`): the articles
/// committed before the crash are kept, the others are imported, and the one that crashed is reported by
/// name. Without `install`, `enter`/`leave` cost a load and a branch.
public enum CrashGuard {
    /// Bytes per slot: thread id (8), name length (8), name (truncated to fit).
    static let slotSize = 1024
    static let slotCount = 64
    nonisolated(unsafe) static var slots: UnsafeMutableRawPointer?
    nonisolated(unsafe) static var reportPath: UnsafeMutablePointer<CChar>?
    static let lock = NSLock()
    /// The signals a crash raises (a Swift trap is SIGILL or SIGTRAP).
    public static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]
    /// The handlers installed before ours, by signal number (preallocated: the handler cannot allocate).
    nonisolated(unsafe) static var previous: UnsafeMutablePointer<sigaction>?
    static let maxSignal = 65

    /// Installs the crash handlers; a crash appends the crashing thread's article name and a newline to
    /// the file at `reportPath`. Call once, before the import starts.
    public static func install(reportPath path: String) {
        lock.lock(); defer { lock.unlock() }
        guard slots == nil else { return }
        let mem = UnsafeMutableRawPointer.allocate(byteCount: slotSize * slotCount, alignment: 16)
        mem.initializeMemory(as: UInt8.self, repeating: 0, count: slotSize * slotCount)
        reportPath = strdup(path)
        let before = UnsafeMutablePointer<sigaction>.allocate(capacity: maxSignal)
        before.initialize(repeating: sigaction(), count: maxSignal)
        previous = before
        slots = mem
        for sig in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = crashHandler
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigemptyset(&action.sa_mask)
            sigaction(sig, &action, before + Int(sig))
        }
    }

    /// A free slot for the calling thread (nil when not installed or when all slots are taken).
    static func claimSlot() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard let slots, let slot = (0..<slotCount).first(where: { slots.load(fromByteOffset: $0 * slotSize, as: UInt64.self) == 0 }) else { return nil }
        slots.storeBytes(of: UInt64(pthread_self()), toByteOffset: slot * slotSize, as: UInt64.self)
        slots.storeBytes(of: 0, toByteOffset: slot * slotSize + 8, as: Int.self)
        return slot
    }

    /// Hands the slot back at the end of the thread's work (another thread may claim it).
    static func releaseSlot(_ slot: Int?) {
        guard let slot, let slots else { return }
        lock.lock(); defer { lock.unlock() }
        slots.storeBytes(of: 0, toByteOffset: slot * slotSize + 8, as: Int.self)
        slots.storeBytes(of: 0, toByteOffset: slot * slotSize, as: UInt64.self)
    }

    /// Runs `body` with the calling thread's slot naming `name`.
    @inline(__always)
    static func within<T>(_ slot: Int?, _ name: String, _ body: () throws -> T) rethrows -> T {
        enter(slot, name)
        defer { leave(slot) }
        return try body()
    }

    /// The calling thread is now working on `name`.
    @inline(__always)
    static func enter(_ slot: Int?, _ name: String) {
        guard let slot, let slots else { return }
        let base = slot * slotSize
        slots.storeBytes(of: 0, toByteOffset: base + 8, as: Int.self)
        var name = name
        let n = name.withUTF8 { bytes -> Int in
            let n = min(bytes.count, slotSize - 17)
            if n > 0 { (slots + base + 16).copyMemory(from: bytes.baseAddress!, byteCount: n) }
            return n
        }
        // the line the handler writes, newline included: one write(2), so that lines never interleave
        slots.storeBytes(of: 10, toByteOffset: base + 16 + n, as: UInt8.self)
        slots.storeBytes(of: n + 1, toByteOffset: base + 8, as: Int.self)
    }

    /// The calling thread is between articles.
    @inline(__always)
    static func leave(_ slot: Int?) {
        guard let slot, let slots else { return }
        slots.storeBytes(of: 0, toByteOffset: slot * slotSize + 8, as: Int.self)
    }
}

/// Async-signal-safe: reads the preallocated slots, `open`/`write`/`close`, then lets the signal take its
/// default course: the disposition goes back to the one before ours and the faulting instruction runs
/// again (`abort` raises again by itself). The name is written before that, so that when two threads
/// crash at once, the first one's death cannot cut the other's line short of its name (SA_RESETHAND
/// would let the second trap kill the process before the first handler had written anything).
private func crashHandler(_ sig: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    if let slots = CrashGuard.slots, let path = CrashGuard.reportPath {
        let me = UInt64(pthread_self())
        for slot in 0..<CrashGuard.slotCount {
            let base = slot * CrashGuard.slotSize
            guard slots.load(fromByteOffset: base, as: UInt64.self) == me else { continue }
            let n = slots.load(fromByteOffset: base + 8, as: Int.self)
            if n > 0 {
                let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
                if fd >= 0 {
                    _ = write(fd, slots + base + 16, n)
                    close(fd)
                }
            }
            break
        }
    }
    if let before = CrashGuard.previous, sig >= 0, Int(sig) < CrashGuard.maxSignal {
        let old = before + Int(sig)
        sigaction(sig, old, nil)
        // the Swift runtime's own crash handler (backtraces), when there was one
        if old.pointee.sa_flags & SA_SIGINFO != 0, let handler = old.pointee.__sigaction_handler.sa_sigaction {
            handler(sig, info, context)
        }
    } else {
        signal(sig, SIG_DFL)
    }
}
