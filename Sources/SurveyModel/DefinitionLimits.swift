/// The sizes a definition and its expressions may not pass, so that a hostile or mistyped file
/// gets a plain error instead of a crash, a stack overflow or an endless run.
///
/// Each limit is far above anything a feedback form needs, and each is stated in the error that
/// enforces it (and in docs/safety.md).
public enum DefinitionLimits {
    /// Points on a rating scale: 0–100 is the widest scale in use.
    public static let ratingPoints = 101
    /// Rating scale points lie within ±this, so every point is exact as a Double and no
    /// arithmetic on points can overflow.
    public static let ratingBound = 1_000_000

    /// Characters in one `when:` or `--where` expression.
    public static let expressionLength = 10_000
    /// Nesting of one expression: parentheses and `not`s inside one another. The parser and
    /// every walk over the parsed tree recurse this deep, so it must stay far from the stack's end.
    public static let expressionDepth = 100
    /// Comparisons (`id OP value`, `id has code`, `answered(id)`) in one expression. A chain of
    /// `or`s or `and`s is a tree as deep as it is long, walked recursively when rows are tested.
    public static let expressionTerms = 1_000

    /// Values (scalars, lists, mappings) that YAML aliases (`*name`) may add to a definition in
    /// all, counting each alias as the full size of what it repeats. Anchors and aliases let a
    /// definition share one choice list between questions; without a budget a few hundred bytes
    /// of nested aliases ("billion laughs") expand to billions of values.
    public static let aliasExpansion = 100_000
}
