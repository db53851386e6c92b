import Foundation

/// Gives every exported variable a name SPSS and Stata both accept, and says when it had to
/// change one: ASCII letters, digits and `_`, starting with a letter, not a reserved word,
/// unique ignoring case (SPSS names are), at most the format's length.
struct VariableNaming {
    /// SPSS's reserved words and Stata's: a variable may be called neither, in any format, so
    /// that the .sav and the .dta of one questionnaire use the same names.
    static let reserved: Set<String> = [
        "all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with",
        "_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n", "_pi", "_pred", "_rc", "_skip",
        "strl", "using",
    ]

    let limit: Int
    private var taken: Set<String> = []

    init(limit: Int) { self.limit = limit }

    /// Claims a name for `wanted`: the name itself when it is allowed and free.
    mutating func claim(_ wanted: String) -> String {
        var base = String(String.UnicodeScalarView(wanted.unicodeScalars.map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_") ? scalar : "_"
        }))
        while base.contains("__") { base = base.replacingOccurrences(of: "__", with: "_") }
        if base.first.map({ !$0.isLetter }) ?? true { base = "v" + base }
        if VariableNaming.reserved.contains(base.lowercased()) { base += "_" }
        base = String(base.prefix(limit))
        var name = base
        var number = 2
        while taken.contains(name.lowercased()) || VariableNaming.reserved.contains(name.lowercased()) {
            let suffix = "_\(number)"
            name = String(base.prefix(limit - suffix.count)) + suffix
            number += 1
        }
        taken.insert(name.lowercased())
        return name
    }

    /// The part of a choice code that can go into a name: its ASCII letters, digits and
    /// underscores (`Гос-орган` has none: then the choice's position, `3`).
    static func codePart(_ code: String, position: Int) -> String {
        var part = String(String.UnicodeScalarView(code.unicodeScalars.map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? scalar : "_"
        }))
        while part.contains("__") { part = part.replacingOccurrences(of: "__", with: "_") }
        part = String(part.drop { $0 == "_" })
        while part.hasSuffix("_") { part.removeLast() }
        return part.isEmpty ? String(position) : part
    }
}
