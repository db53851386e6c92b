import Testing
@testable import SurveyModel

/// A condition runs as postfix steps on a stack of 64 bits (`Condition.steps`); these hold it
/// to a plain walk of the tree, the way it was evaluated before, on trees of every shape.
@Suite struct ConditionStepsTests {
    /// The tree read directly, written here apart from the code under test.
    static func reference(_ node: Condition.Node, _ answers: [Answer]) -> Bool {
        switch node {
        case .and(let a, let b): reference(a, answers) && reference(b, answers)
        case .or(let a, let b): reference(a, answers) || reference(b, answers)
        case .not(let a): !reference(a, answers)
        case .answered(let q): answers[q].isAnswered
        case .has(let q, let choice): { if case .choices(let set) = answers[q] { set.contains(choice) } else { false } }()
        case .compare(let q, let op, .number(let target)): { if case .rating(let value) = answers[q] { op.compare(Double(value), target) } else { false } }()
        default: false
        }
    }

    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }

        mutating func node(depth: Int) -> Condition.Node {
            if depth == 0 || next(4) == 0 {
                switch next(3) {
                case 0: return .answered(question: next(3))
                case 1: return .has(question: 3, choice: next(4))
                default: return .compare(question: next(3), [.less, .equal, .greaterOrEqual][next(3)], .number(Double(next(6))))
                }
            }
            switch next(3) {
            case 0: return .and(node(depth: depth - 1), node(depth: depth - 1))
            case 1: return .or(node(depth: depth - 1), node(depth: depth - 1))
            default: return .not(node(depth: depth - 1))
            }
        }

        mutating func answers() -> [Answer] {
            (0..<3).map { _ in next(4) == 0 ? .missing : .rating(1 + next(5)) } + [.choices(ChoiceSet(bits: UInt64(next(16))))]
        }
    }

    @Test func stepsAgreeWithTheTreeOnRandomConditions() {
        var generator = Generator(state: 2013)
        for _ in 0..<400 {
            let root = generator.node(depth: 6)
            let condition = Condition(source: "generated", root: root)
            #expect(condition.steps != nil)
            for _ in 0..<8 {
                let answers = generator.answers()
                #expect(condition.holds(for: answers) == Self.reference(root, answers))
            }
        }
    }

    /// Nested deeper than the stack of bits: the tree is walked instead, with the same result.
    @Test func deeperThanTheStackFallsBackToTheTree() {
        var root = Condition.Node.answered(question: 0)
        for level in 0..<80 {
            root = level == 40 ? .and(.not(.answered(question: 1)), root) : .and(.answered(question: 0), root)
        }
        // Left-nested the other way too: `(… and a) and a` keeps the stack at two.
        var shallow = Condition.Node.answered(question: 0)
        for _ in 0..<80 { shallow = .and(shallow, .answered(question: 0)) }
        let deep = Condition(source: "deep", root: root), flat = Condition(source: "flat", root: shallow)
        #expect(deep.steps == nil)
        #expect(flat.steps != nil)
        #expect(deep.holds(for: [.rating(1), .missing]))
        #expect(!deep.holds(for: [.rating(1), .rating(2)]))
        #expect(flat.holds(for: [.rating(1), .missing]))
        #expect(!flat.holds(for: [.missing, .missing]))
    }
}
