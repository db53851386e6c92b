import SurveyModel

/// Writes a definition's `when:` condition as an XLSForm `relevant` cell: the inverse of
/// `RelevantExpression`, from the resolved condition (not its text), so that what the XLSForm
/// says is what `survey` evaluates.
enum ConditionXPath {
    /// The XPath text of `condition` over `questionnaire`'s questions.
    static func xpath(_ condition: Condition, in questionnaire: Questionnaire) -> String {
        write(condition.root, questionnaire.questions).text
    }

    private static func write(_ node: Condition.Node, _ questions: [Question]) -> (text: String, level: Int) {
        switch node {
        case .or(let a, let b):
            let (x, y) = (write(a, questions), write(b, questions))
            return ("\(x.text) or \(y.text)", 0)
        case .and(let a, let b):
            let (x, y) = (write(a, questions), write(b, questions))
            return ("\(x.level < 1 ? "(\(x.text))" : x.text) and \(y.level < 1 ? "(\(y.text))" : y.text)", 1)
        case .not(let a):
            return ("not(\(write(a, questions).text))", 2)
        case .answered(let q):
            let question = questions[q]
            if case .multipleChoice = question.kind { return ("count-selected(${\(question.id)}) > 0", 2) }
            return ("${\(question.id)} != ''", 2)
        case .has(let q, let choice):
            let question = questions[q]
            return ("selected(${\(question.id)}, \(string(question.kind.choices[choice].code)))", 2)
        case .compare(let q, let op, let operand):
            let question = questions[q]
            let xpathOp = op == .equal ? "=" : op.rawValue
            let value: String
            switch operand {
            case .number(let number): value = DecimalText.shortest(number)
            case .choice(let index): value = string(question.kind.choices[index].code)
            case .yesNo(let yes): value = yes ? "'yes'" : "'no'"
            case .missingCode(let index):
                let code = question.missingCodes[index].code
                value = Double(code) != nil && !question.kind.isClosed ? code : string(code)
            }
            return ("${\(question.id)} \(xpathOp) \(value)", 2)
        }
    }

    /// An XPath string literal.
    static func string(_ text: String) -> String {
        text.contains("'") ? "\"\(text)\"" : "'\(text)'"
    }
}

/// Numbers as the shortest text that reads back the same (`2`, not `2.0`).
enum DecimalText {
    static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
