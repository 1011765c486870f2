import GRDB

/// The text of `conflictdb schema`: every table and view with its columns and codebook descriptions.
public enum SchemaDescription {
    public static func text(_ store: Store) throws -> String {
        try store.dbQueue.read { db in
            let objects = try Row.fetchAll(db, sql: """
                SELECT type, name FROM sqlite_master
                WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
                  AND name NOT GLOB 'sources_fts_*'
                ORDER BY type = 'view', rowid
                """)
            var desc: [String: String] = [:]
            for r in try Row.fetchAll(db, sql: #"SELECT object, "column", description FROM codebook"#) {
                desc[(r[0] as String) + "." + (r[1] as String)] = r[2]
            }
            var out = ""
            for o in objects {
                let type: String = o[0], name: String = o[1]
                out += "\(type) \(name)"
                if let d = desc[name + "."] { out += " -- \(d)" }
                out += "\n"
                let cols = try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info(?)", arguments: [name])
                let width = cols.map { ($0[0] as String).count }.max() ?? 0
                for c in cols {
                    let cn: String = c[0]
                    let ct: String = c[1] ?? ""
                    let pad = String(repeating: " ", count: width - cn.count)
                    let typePad = String(repeating: " ", count: max(0, 8 - ct.count))
                    out += "  \(cn)\(pad)  \(ct)\(typePad)  \(desc[name + "." + cn] ?? "")\n"
                }
                out += "\n"
            }
            return out
        }
    }
}
