/// Runs the event frames over an analyzed document and merges their per-sentence findings into
/// one report per claim.
public struct EventExtractor: Sendable {
    public let dict: Dictionaries

    public init(dictionaries: Dictionaries) {
        self.dict = dictionaries
    }

    public struct Output: Sendable {
        public var exchanges: [ExchangeReport] = []
        public var attacks: [AttackReport] = []
        public var talks: [TalksReport] = []
        public var diagnostics: [Diagnostic] = []
    }

    public func extract(_ doc: AnalyzedDocument) -> Output {
        Output()
    }
}
