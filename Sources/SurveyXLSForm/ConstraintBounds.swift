/// Reads an XLSForm `constraint` cell as the bounds a definition can hold: `. >= 16 and . <= 99`
/// for numbers, `count-selected(.) <= 3` for multiple choice.
///
/// Only a conjunction of comparisons of `.` with numbers is read; anything else (a regex, a
/// reference to another question, `or`) is an `XPathSubsetError`, reported and left out.
struct ConstraintBounds: Equatable {
    var min: Double?
    var max: Double?
    /// A bound written with `<` or `>`: exact for whole numbers (`. > 0` is `min: 1`), not for
    /// decimals.
    var strict = false
    /// `count-selected(.) <= N`.
    var maxChoices: Int?

    /// The bounds `source` states.
    static func read(_ source: String, integer: Bool) throws(XPathSubsetError) -> ConstraintBounds {
        let tokens = try XPathToken.tokens(source)
        var bounds = ConstraintBounds()
        var i = 0
        func at(_ k: Int) -> XPathToken { k < tokens.count ? tokens[k] : tokens[tokens.count - 1] }
        func fail(_ token: XPathToken, _ message: String) -> XPathSubsetError { XPathSubsetError(column: token.column, message: message) }
        while true {
            var left = at(i)
            var counted = false
            if left.kind == .word, left.text == "count-selected" {
                guard at(i + 1).text == "(", at(i + 2).kind == .current, at(i + 3).text == ")" else {
                    throw fail(left, "only `count-selected(.)` is read in a constraint")
                }
                counted = true
                i += 3
                left = XPathToken(kind: .current, text: ".", column: left.column)
            }
            let op = at(i + 1)
            let right = at(i + 2)
            guard op.kind == .comparison else { throw fail(op, "a constraint compares `.` with a number, e.g. `. >= 0`") }
            var symbol = op.text
            let number: XPathToken
            if left.kind == .current, right.kind == .number {
                number = right
            } else if left.kind == .number, right.kind == .current, !counted {
                number = left
                symbol = ["<": ">", "<=": ">=", ">": "<", ">=": "<="][symbol] ?? symbol
            } else {
                throw fail(left, "only comparisons of `.` with a number are read, e.g. `. <= 99`")
            }
            guard let value = Double(number.text) else { throw fail(number, "`\(number.text)` is not a number") }
            if counted {
                switch symbol {
                case "<=": bounds.maxChoices = Int(value)
                case "<": bounds.maxChoices = Int(value) - 1
                default: throw fail(op, "only an upper bound on `count-selected(.)` is read (`<=` or `<`)")
                }
            } else {
                switch symbol {
                case ">=": bounds.min = Swift.max(bounds.min ?? -.infinity, value)
                case "<=": bounds.max = Swift.min(bounds.max ?? .infinity, value)
                case ">":
                    bounds.min = Swift.max(bounds.min ?? -.infinity, integer && value == value.rounded() ? value + 1 : value)
                    bounds.strict = bounds.strict || !integer
                case "<":
                    bounds.max = Swift.min(bounds.max ?? .infinity, integer && value == value.rounded() ? value - 1 : value)
                    bounds.strict = bounds.strict || !integer
                default: throw fail(op, "`\(op.text)` states no bound; use >=, <=, > or <")
                }
            }
            i += 3
            let joint = at(i)
            if joint.kind == .end { return bounds }
            guard joint.kind == .word, joint.text == "and" else { throw fail(joint, "only bounds joined with `and` are read, not `\(joint.text)`") }
            i += 1
        }
    }
}
