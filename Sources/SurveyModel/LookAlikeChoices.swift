/// Finds choices of one question that a reader cannot tell apart: codes, or labels in one
/// language, that differ only in invisible characters or in letters of another alphabet drawn
/// like Latin ones (`Confusables`).
///
/// Texts that are equal ignoring case and spaces are the loader's ordinary clash check; this one
/// catches what that check cannot see. Labels are compared within a language (an untagged label
/// counts in every language), because a Russian `В` and an English `B` of two different choices
/// never stand side by side. Linear: one skeleton and a dictionary lookup per text.
struct LookAlikeChoices {
    /// Two texts of two choices that look the same.
    struct Clash: Equatable {
        /// The choice being added, and its text that looks like another's.
        var code: String
        var text: String
        /// The earlier choice, and its text.
        var otherCode: String
        var otherText: String
        /// The language of the two labels; nil when the codes themselves look alike.
        var language: String?
    }

    private var codes: [String: String] = [:]
    /// Language ("" for untagged) → skeleton → the first (code, label) with it.
    private var labels: [String: [String: (code: String, text: String)]] = [:]

    /// An earlier code that `code` looks like, without recording `code`.
    func code(lookingLike code: String) -> String? {
        codes[Confusables.skeleton(code)].flatMap { $0 != code ? $0 : nil }
    }

    /// Records a choice; returns the earlier choices it cannot be told apart from.
    mutating func add(code: String, label: LocalizedText) -> [Clash] {
        var clashes: [Clash] = []
        let codeSkeleton = Confusables.skeleton(code)
        if let other = codes[codeSkeleton] {
            if Self.differsOnlyInLooks(code, other) {
                clashes.append(Clash(code: code, text: code, otherCode: other, otherText: other, language: nil))
            }
        } else {
            codes[codeSkeleton] = code
        }
        for (language, text) in label.translations {
            let skeleton = Confusables.skeleton(text)
            let groups = language.isEmpty ? Array(labels.keys) : [language, ""]
            for group in groups {
                guard let other = labels[group]?[skeleton], other.code != code, Self.differsOnlyInLooks(text, other.text) else { continue }
                clashes.append(Clash(code: code, text: text, otherCode: other.code, otherText: other.text, language: language.isEmpty ? group : language))
                break
            }
            if labels[language]?[skeleton] == nil { labels[language, default: [:]][skeleton] = (code, text) }
        }
        return clashes
    }

    /// Different texts with one skeleton that the ordinary clash check (case and spaces) misses.
    private static func differsOnlyInLooks(_ a: String, _ b: String) -> Bool {
        a != b && TextFolding.fold(a) != TextFolding.fold(b)
    }
}
