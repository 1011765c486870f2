import Foundation

/// The scratch folders of this test process all live under one root that is removed when the process
/// exits, so a test run leaves nothing behind in the temporary directory.
public let scratchRoot: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("conflictdb-tests-\(getpid())")
    try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent("conflictdb-tests-\(getpid())")) }
    return root
}()

/// A new, empty folder under `scratchRoot`.
public func scratchDirectory(_ prefix: String) throws -> URL {
    let url = scratchRoot.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
