import Foundation

/// How far two coders agree on the themes of one question's answers: per theme, the answers
/// both coded (n), the share where both gave or both withheld the theme, and Cohen's kappa
/// (agreement beyond chance), as double entry compares two typists.
///
/// Each theme is a yes/no decision per answer, so kappa is computed on its 2×2 table:
/// κ = (pₒ − pₑ) / (1 − pₑ), with pₑ from each coder's own rate — the formula of
/// scikit-learn's `cohen_kappa_score` (checked against it in Tests/Fixtures/coding/).
/// When both coders gave every answer the same value (both never, or both always, used the
/// theme), pₑ = 1 and kappa is 0/0: undefined, said in words rather than printed as NaN.
/// Overall pools every answer × theme decision into one table.
public struct ThemeAgreement: Sendable, Hashable {
    /// One theme's figures (or the pooled ones).
    public struct Row: Sendable, Hashable {
        /// The theme id (`overall` for the pooled row).
        public var theme: String
        /// Decisions compared: answers both coded (answers × themes for the pooled row).
        public var n: Int
        /// Decisions on which both agreed.
        public var agreed: Int
        /// Answers (decisions) given the theme by the first coder, by the second.
        public var firstYes: Int
        public var secondYes: Int
        /// Agreement, % of n; nil when n = 0.
        public var percent: Double? { n == 0 ? nil : Double(agreed) / Double(n) * 100 }

        /// Cohen's kappa; nil when undefined (n = 0, or both coders gave every answer one same value).
        public var kappa: Double? {
            guard n > 0 else { return nil }
            let total = Double(n)
            let observed = Double(agreed) / total
            let a = Double(firstYes) / total, b = Double(secondYes) / total
            let chance = a * b + (1 - a) * (1 - b)
            // Exactly 1 only when each coder is constant on the same value: integers decide it.
            if isConstantAndEqual { return nil }
            return (observed - chance) / (1 - chance)
        }

        /// Whether both coders gave every answer the same single value (kappa undefined).
        public var isConstantAndEqual: Bool {
            (firstYes == 0 && secondYes == 0) || (firstYes == n && secondYes == n)
        }
    }

    /// The question.
    public var question: String
    /// One row per theme, in the order given.
    public var rows: [Row]
    /// All decisions pooled.
    public var overall: Row
    /// Answers both coded.
    public var answers: Int
    /// Answers given exactly the same set of themes by both.
    public var identical: Int
    /// Answers only the first coded, only the second.
    public var onlyFirst: Int
    public var onlySecond: Int

    /// Compares two coders' codes (respondent → theme ids) over the answers both coded, for
    /// `themes` (ids given by either coder that are not listed are added at the end).
    public init(question: String, themes: [String], first: [String: [String]], second: [String: [String]]) {
        self.question = question
        let both = first.keys.filter { second[$0] != nil }.sorted()
        var ids = themes
        for respondent in both {
            for id in (first[respondent]! + second[respondent]!) where !ids.contains(id) { ids.append(id) }
        }
        answers = both.count
        onlyFirst = first.keys.count { second[$0] == nil }
        onlySecond = second.keys.count { first[$0] == nil }
        identical = both.count { Set(first[$0]!) == Set(second[$0]!) }
        var pooled = Row(theme: "overall", n: 0, agreed: 0, firstYes: 0, secondYes: 0)
        rows = ids.map { id in
            var row = Row(theme: id, n: both.count, agreed: 0, firstYes: 0, secondYes: 0)
            for respondent in both {
                let a = first[respondent]!.contains(id), b = second[respondent]!.contains(id)
                if a == b { row.agreed += 1 }
                if a { row.firstYes += 1 }
                if b { row.secondYes += 1 }
            }
            pooled.n += row.n
            pooled.agreed += row.agreed
            pooled.firstYes += row.firstYes
            pooled.secondYes += row.secondYes
            return row
        }
        overall = pooled
    }
}
