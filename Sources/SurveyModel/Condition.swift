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
        guard let steps else { return Condition.evaluate(root, answers) }
        return steps.withUnsafeBufferPointer { steps in answers.withUnsafeBufferPointer { Condition.run(steps, $0) } }
    }

    /// Every question the condition reads (worked out once, when parsed).
    public var questions: [Int] { questionsRead }

    private var questionsRead: [Int] = []
    /// The expression in postfix order, run on a stack of bits: every row evaluates the
    /// conditions of its questions, and walking the indirect tree retained and released each
    /// node it passed. Nil for an expression nested deeper than the stack (then the tree).
    private(set) var steps: [Step]?

    /// One instruction of the postfix form: a test pushes its truth, a connective combines
    /// the top one or two.
    enum Step: Sendable, Hashable {
        case compare(question: Int, ComparisonOperator, Operand)
        case has(question: Int, choice: Int)
        case answered(question: Int)
        case and, or, not
    }

    /// A condition over already resolved question positions.
    public init(source: String, root: Node) {
        self.source = source
        self.root = root
        questionsRead = Condition.questions(in: root)
        steps = Condition.postfix(root)
    }

    private static func postfix(_ root: Node) -> [Step]? {
        var steps: [Step] = []
        var depth = 0, deepest = 0
        func walk(_ node: Node) {
            switch node {
            case .compare(let q, let op, let operand): steps.append(.compare(question: q, op, operand)); depth += 1
            case .has(let q, let choice): steps.append(.has(question: q, choice: choice)); depth += 1
            case .answered(let q): steps.append(.answered(question: q)); depth += 1
            case .and(let a, let b): walk(a); walk(b); steps.append(.and); depth -= 1
            case .or(let a, let b): walk(a); walk(b); steps.append(.or); depth -= 1
            case .not(let a): walk(a); steps.append(.not)
            }
            deepest = max(deepest, depth)
        }
        walk(root)
        return deepest <= UInt64.bitWidth ? steps : nil
    }

    /// Runs the postfix form; bit 0 of `stack` is its top. `and`/`or` do not short-circuit:
    /// every test is a read of the row, with no effects.
    static func run(_ steps: UnsafeBufferPointer<Step>, _ answers: UnsafeBufferPointer<Answer>) -> Bool {
        var stack: UInt64 = 0
        for step in steps {
            switch step {
            case .compare(let q, let op, let operand): stack = stack << 1 | (compare(answers[q], op, operand) ? 1 : 0)
            case .has(let q, let choice): stack = stack << 1 | (has(answers[q], choice) ? 1 : 0)
            case .answered(let q): stack = stack << 1 | (answers[q].isAnswered ? 1 : 0)
            case .and: stack = (stack >> 1) & (stack | ~1)
            case .or: stack = (stack >> 1) | (stack & 1)
            case .not: stack ^= 1
            }
        }
        return stack & 1 == 1
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
        case .has(let q, let choice): return has(answers[q], choice)
        case .compare(let q, let op, let operand): return compare(answers[q], op, operand)
        }
    }

    private static func has(_ answer: Answer, _ choice: Int) -> Bool {
        if case .choices(let set) = answer { return set.contains(choice) }
        return false
    }

    private static func compare(_ answer: Answer, _ op: ComparisonOperator, _ operand: Operand) -> Bool {
        switch (answer, operand) {
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
