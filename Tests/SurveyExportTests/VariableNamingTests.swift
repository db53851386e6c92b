import Testing
@testable import SurveyExport

@Suite("Variable names")
struct VariableNamingTests {
    @Test("Reserved words, non-ASCII codes, clashes ignoring case and the length limit", arguments: [
        ("to", "to_"), ("in", "in_"), ("q2", "q2"), ("Q1", "Q1_2"), ("sessions-ТВ", "sessions_"), ("2nd", "v2nd"),
    ])
    func claims(wanted: String, name: String) {
        var naming = VariableNaming(limit: 32)
        _ = naming.claim("q1")
        #expect(naming.claim(wanted) == name)
    }

    @Test("A name clipped to Stata's 32 characters keeps its suffix unique")
    func clipping() {
        var naming = VariableNaming(limit: 32)
        let long = String(repeating: "a", count: 40)
        #expect(naming.claim(long) == String(repeating: "a", count: 32))
        #expect(naming.claim(long) == String(repeating: "a", count: 30) + "_2")
    }

    @Test("Choice codes without ASCII letters are named by position", arguments: [("ТВ", 2, "2"), ("a-b", 3, "a_b"), ("law", 1, "law"), ("-x-", 4, "x")])
    func codeParts(code: String, position: Int, part: String) {
        #expect(VariableNaming.codePart(code, position: position) == part)
    }
}
