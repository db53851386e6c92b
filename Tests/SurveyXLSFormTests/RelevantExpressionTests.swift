import Testing
@testable import SurveyXLSForm

/// The XPath subset of `relevant` cells and what each becomes in `when:`.
@Suite struct RelevantExpressionTests {
    static let targets: [String: RelevantExpression.Target] = [
        "org": .init(id: "org", multiple: false), "age": .init(id: "age", multiple: false),
        "sessions": .init(id: "sessions", multiple: true), "Place-Name": .init(id: "place_name", multiple: false),
    ]

    static func when(_ source: String) throws(XPathSubsetError) -> String {
        try RelevantExpression.when(from: source, target: { targets[$0] })
    }

    @Test(arguments: [
        ("${org} = 'gov'", "org == gov"),
        ("${org}!='gov'", "org != gov"),
        ("${age} < 18", "age < 18"),
        ("${age} <= 18", "age <= 18"),
        ("${age} > 2.5", "age > 2.5"),
        ("${age} >= -1", "age >= -1"),
        ("18 > ${age}", "age < 18"),
        ("${age} = '3'", "age == 3"),
        ("selected(${sessions}, 'groups')", "sessions has groups"),
        ("selected(${org}, 'ngo')", "org == ngo"),
        ("count-selected(${sessions}) > 0", "answered(sessions)"),
        ("count-selected(${sessions}) >= 1", "answered(sessions)"),
        ("count-selected(${sessions}) = 0", "not answered(sessions)"),
        ("${org} != ''", "answered(org)"),
        ("${org} = ''", "not answered(org)"),
        ("${org} = 'gov' and ${age} >= 18 or ${age} < 16", "org == gov and age >= 18 or age < 16"),
        ("${org} = 'gov' and (${age} >= 18 or ${age} < 16)", "org == gov and (age >= 18 or age < 16)"),
        ("not(${org} = 'gov')", "not (org == gov)"),
        ("not(${org} = 'gov' or ${org} = 'ngo')", "not (org == gov or org == ngo)"),
        ("((${age} > 1))", "age > 1"),
        ("${org} = 'two words'", "org == 'two words'"),
        ("${org} = \"it's\"", "org == \"it's\""),
        ("${Place-Name} = 'and'", "place_name == 'and'"),
    ])
    func subsetTranslates(_ source: String, _ expected: String) throws {
        #expect(try Self.when(source) == expected)
    }

    @Test(arguments: [
        ("${age} > today()", 10, "`today` is outside the supported XPath subset"),
        ("string-length(${org}) > 0", 1, "`string-length` is outside the supported XPath subset"),
        ("${age} + 1 > 3", 8, "`+` is outside the supported XPath subset"),
        ("${nope} = 'x'", 1, "`${nope}` is not a question of the definition"),
        ("${sessions} = 'groups'", 13, "`${sessions}` is select_multiple: write `selected(${sessions}, 'groups')`"),
        ("count-selected(${sessions}) > 2", 29, "has no `when:` twin"),
        ("${org} = 'gov' ${age}", 16, "unexpected `age`"),
        ("${org} = 'gov", 10, "the quote opened here is never closed"),
        ("${org}", 7, "a condition must compare"),
        ("regex(., '^[0-9]+$')", 1, "`regex` is outside the supported XPath subset"),
    ])
    func outsideTheSubsetIsRefusedNeverGuessed(_ source: String, _ column: Int, _ message: String) {
        #expect {
            try Self.when(source)
        } throws: { error in
            guard let error = error as? XPathSubsetError else { return false }
            return error.column == column && error.message.contains(message)
        }
    }

    @Test(arguments: [
        (". >= 16 and . <= 99", true, ConstraintBounds(min: 16, max: 99)),
        (".>=0", false, ConstraintBounds(min: 0)),
        (". > 0", true, ConstraintBounds(min: 1)),
        (". < 10", false, ConstraintBounds(max: 10, strict: true)),
        ("100 >= .", false, ConstraintBounds(max: 100)),
        ("count-selected(.) <= 3", true, ConstraintBounds(maxChoices: 3)),
    ])
    func constraintBounds(_ source: String, _ integer: Bool, _ expected: ConstraintBounds) throws {
        #expect(try ConstraintBounds.read(source, integer: integer) == expected)
    }

    @Test func constraintsOutsideTheSubsetAreRefused() {
        for source in [". >= 16 or . <= 2", "regex(., '[0-9]')", ". >= ${age}", ". >=", "count-selected(.) >= 2"] {
            #expect(throws: XPathSubsetError.self, "\(source)") { try ConstraintBounds.read(source, integer: true) }
        }
    }
}
