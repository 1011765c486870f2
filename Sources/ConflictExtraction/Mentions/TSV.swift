import Foundation

/// A dictionary file: `#` comment lines, a header line, then tab-separated rows.
/// Columns are looked up by name, so files may reorder or add columns.
public struct TSVFile: Sendable {
    public struct Row: Sendable {
        public var line: Int
        fileprivate var cells: [String]
        fileprivate var index: [String: Int]
        /// The cell of column `name`, trimmed; empty string when absent.
        public subscript(_ name: String) -> String {
            guard let i = index[name], i < cells.count else { return "" }
            return cells[i]
        }
        /// The `|`-separated list of column `name`.
        public func list(_ name: String) -> [String] {
            self[name].split(separator: "|").map { Whitespace.trimSpaces($0) }.filter { !$0.isEmpty }
        }
    }

    public var name: String
    public var columns: [String]
    public var rows: [Row]

    /// Parses `text`; `required` columns must be present in the header.
    public init(name: String, text: String, required: [String]) throws {
        self.name = name
        var header: [String]? = nil
        var index: [String: Int] = [:]
        var rows: [Row] = []
        var lineNo = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if Whitespace.trimSpaces(line[...]).isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { Whitespace.trimSpaces($0) }
            if header == nil {
                header = cells
                for (i, c) in header!.enumerated() { index[c] = i }
                for r in required where index[r] == nil {
                    throw DictionaryError(file: name, line: lineNo, message: "header lacks column '\(r)' (has: \(header!.joined(separator: ", ")))")
                }
                continue
            }
            if cells.count > header!.count {
                throw DictionaryError(file: name, line: lineNo, message: "\(cells.count) cells, header has \(header!.count) columns (is a space used instead of a tab?)")
            }
            let row = Row(line: lineNo, cells: cells, index: index)
            for r in required.prefix(1) where row[r].isEmpty {
                throw DictionaryError(file: name, line: lineNo, message: "empty '\(r)'")
            }
            rows.append(row)
        }
        guard let h = header else {
            throw DictionaryError(file: name, line: lineNo, message: "no header line")
        }
        self.columns = h
        self.rows = rows
    }
}
