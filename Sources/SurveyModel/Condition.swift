/// A skip-logic or filter expression (`usefulness <= 2 and not sessions has letter`),
/// resolved against a questionnaire so that evaluating it per row is a few array reads.
public struct Condition: Sendable, Hashable, CustomStringConvertible {
    /// The expression as written.
    public let source: String
    /// The parsed expression.
    public let root: Node

    /// A parsed expression over question positions.
    public indirect enum Node: Sendable, Hashable {
        /// `id OP value` on the question at `question` (an index into the questionnaire).
        case compare(question: Int, ComparisonOperator, Operand)
        /// `id has code` for a multiple-choice question.
        case has(question: Int, choice: Int)
        /// `answered(id)`.
        case answered(question: Int)
        /// Both hold.
        case and(Node, Node)
        /// Either holds.
        case or(Node, Node)
        /// It does not hold.
        case not(Node)
    }

    /// The right-hand side of a comparison, already matched to the question's kind.
    public enum Operand: Sendable, Hashable {
        /// A number, compared with ratings and numbers.
        case number(Double)
        /// A choice index of a single-choice question.
        case choice(Int)
        /// `yes` or `no`.
        case yesNo(Bool)
        /// A declared missing code of the question (index into its `missingCodes`), with `==`/`!=`.
        case missingCode(Int)
    }

    public var description: String { source }

    /// Whether the condition holds for a row's answers (in questionnaire order).
    ///
    /// Comparisons with an unanswered question are false, whatever the operator, so that a
    /// blank never triggers a follow-up question; `answered(id)` tests for answers explicitly.
    /// A declared missing code counts as not answered, unless the expression names the code
    /// (`q == 99`, `q != 99`).
    public func holds(for answers: [Answer]) -> Bool {
        Condition.evaluate(root, answers)
    }

    /// Every question the condition reads (worked out once, when parsed).
    public var questions: [Int] { questionsRead }

    private var questionsRead: [Int] = []

    /// A condition over already resolved question positions.
    public init(source: String, root: Node) {
        self.source = source
        self.root = root
        questionsRead = Condition.questions(in: root)
    }

    private static func questions(in root: Node) -> [Int] {
        var found: [Int] = []
        func walk(_ node: Node) {
            switch node {
            case .compare(let q, _, _), .has(let q, _), .answered(let q): found.append(q)
            case .and(let a, let b), .or(let a, let b): walk(a); walk(b)
            case .not(let a): walk(a)
            }
        }
        walk(root)
        return found
    }

    private static func evaluate(_ node: Node, _ answers: [Answer]) -> Bool {
        switch node {
        case .and(let a, let b): return evaluate(a, answers) && evaluate(b, answers)
        case .or(let a, let b): return evaluate(a, answers) || evaluate(b, answers)
        case .not(let a): return !evaluate(a, answers)
        case .answered(let q): return answers[q].isAnswered
        case .has(let q, let choice):
            if case .choices(let set) = answers[q] { return set.contains(choice) }
            return false
        case .compare(let q, let op, let operand):
            switch (answers[q], operand) {
            case (.rating(let value), .number(let target)): return op.compare(Double(value), target)
            case (.number(let value), .number(let target)): return op.compare(value, target)
            case (.choice(let value), .choice(let target)): return op.compare(value, target)
            case (.yesNo(let value), .yesNo(let target)): return op.compare(value ? 1 : 0, target ? 1 : 0)
            case (.missingCode(let value), .missingCode(let target)): return op.compare(value, target)
            // A substantive answer is not the missing code; a blank is neither.
            case (let answer, .missingCode): return op == .notEqual && answer.isAnswered
            default: return false
            }
        }
    }
}

/// `==`, `!=`, `<`, `<=`, `>`, `>=`.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    /// Whether the operator orders values (and so needs numbers).
    public var isOrdering: Bool { self != .equal && self != .notEqual }

    func compare<T: Comparable>(_ lhs: T, _ rhs: T) -> Bool {
        switch self {
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        case .less: lhs < rhs
        case .lessOrEqual: lhs <= rhs
        case .greater: lhs > rhs
        case .greaterOrEqual: lhs >= rhs
        }
    }
}
