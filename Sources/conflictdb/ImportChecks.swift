import Foundation

/// What the import walk skips without reading: symbolic links to folders (never followed, so a link
/// loop cannot hang an import), broken symbolic links, and folders that cannot be listed. Each is
/// reported on standard error, so that nothing is left out silently.
enum SkippedEntries {
    struct Entry {
        var path: String
        var reason: String
        /// A failure (counts in the summary and the exit status) rather than a warning.
        var failed: Bool

        var line: String { failed ? "\(path): \(reason)" : "\(path): warning: \(reason)" }
    }

    static let extensions: Set<String> = ["md", "txt", "jsonl"]

    static func scan(_ paths: [String]) -> [Entry] {
        var out: [Entry] = []
        for p in paths {
            var st = stat()
            guard lstat(p, &st) == 0 else { continue } // missing paths are reported by the importer
            if (st.st_mode & S_IFMT) == S_IFLNK {
                var target = stat()
                if stat(p, &target) != 0 {
                    out.append(Entry(path: p, reason: "broken symbolic link: cannot read", failed: true))
                    continue
                }
                // a link given on the command line is followed (the user asked for it)
                if (target.st_mode & S_IFMT) != S_IFDIR { continue }
            } else if (st.st_mode & S_IFMT) != S_IFDIR {
                continue
            }
            walk(p, into: &out)
        }
        return out
    }

    private static func walk(_ dir: String, into out: inout [Entry]) {
        guard let d = opendir(dir) else {
            out.append(Entry(path: dir, reason: "cannot read folder: \(String(cString: strerror(errno)))", failed: true))
            return
        }
        defer { closedir(d) }
        var names: [String] = []
        while let ent = readdir(d) {
            let name = withUnsafePointer(to: ent.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        for name in names.sorted() {
            let full = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            var st = stat()
            guard lstat(full, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                walk(full, into: &out)
            case S_IFLNK:
                var target = stat()
                if stat(full, &target) != 0 {
                    if extensions.contains((name as NSString).pathExtension.lowercased()) {
                        out.append(Entry(path: full, reason: "broken symbolic link: cannot read", failed: true))
                    }
                } else if (target.st_mode & S_IFMT) == S_IFDIR {
                    out.append(Entry(path: full, reason: "symbolic link to a folder: not followed (import its target directly)", failed: false))
                }
            default:
                break
            }
        }
    }
}
