/// Finds choices of one question that a reader cannot tell apart: codes, or labels in one
/// language, that differ only in invisible characters or in letters of another alphabet drawn
/// like Latin ones (`Confusables`).
///
/// Texts that are equal ignoring case and spaces are the loader's ordinary clash check; this one
/// catches what that check cannot see. Labels are compared within a language (an untagged label
/// counts in every language), because a Russian `В` and an English `B` of two different choices
/// never stand side by side.
///
/// Linear, and nearly free for plain ASCII: two printable ASCII texts look alike only when they
/// are equal, so a clash needs a text with another character, and only texts whose skeleton is
/// also the skeleton of such a text are compared.
enum LookAlikeChoices {
    /// Two texts of two choices that look the same.
    struct Clash: Equatable {
        /// The index of the later choice in the list, which the problem is reported at.
        var choice: Int
        /// The later choice, and its text that looks like the earlier one's.
        var code: String
        var text: String
        /// The earlier choice, and its text.
        var otherCode: String
        var otherText: String
        /// The language of the two labels; nil when the codes themselves look alike.
        var language: String?
    }

    /// Every clash among `choices`, each reported once at the later choice, in list order.
    static func clashes(in choices: [Choice]) -> [Clash] {
        // Skeletons that some text with a character beyond printable ASCII has; each such
        // text's skeleton is kept for the pass below (a Cyrillic list's every label has one,
        // and working them out twice was a fifth of loading a long one).
        var suspicious: Set<String> = []
        var codeSkeletons: [String?] = []
        var labelSkeletons: [[String?]] = []
        for choice in choices {
            let codeSkeleton = Confusables.isPrintableASCII(choice.code) ? nil : Confusables.skeleton(choice.code)
            if let codeSkeleton { suspicious.insert(codeSkeleton) }
            codeSkeletons.append(codeSkeleton)
            labelSkeletons.append(choice.label.translations.map { Confusables.isPrintableASCII($0.text) ? nil : Confusables.skeleton($0.text) })
            for case let skeleton? in labelSkeletons[labelSkeletons.count - 1] { suspicious.insert(skeleton) }
        }
        guard !suspicious.isEmpty else { return [] }

        var codes: [String: String] = [:]
        /// Language ("" for untagged) → skeleton → the first (code, label) with it.
        var labels: [String: [String: (code: String, text: String)]] = [:]
        var clashes: [Clash] = []
        for (index, choice) in choices.enumerated() {
            let code = choice.code
            let codeSkeleton = codeSkeletons[index] ?? Confusables.skeleton(code)
            if suspicious.contains(codeSkeleton) {
                if let other = codes[codeSkeleton] {
                    if differsOnlyInLooks(code, other) {
                        clashes.append(Clash(choice: index, code: code, text: code, otherCode: other, otherText: other, language: nil))
                    }
                } else {
                    codes[codeSkeleton] = code
                }
            }
            for (translation, (language, text)) in choice.label.translations.enumerated() {
                let skeleton = labelSkeletons[index][translation] ?? Confusables.skeleton(text)
                guard suspicious.contains(skeleton) else { continue }
                func check(_ group: String) -> Clash? {
                    guard let other = labels[group]?[skeleton], other.code != code, differsOnlyInLooks(text, other.text) else { return nil }
                    return Clash(choice: index, code: code, text: text, otherCode: other.code, otherText: other.text, language: language.isEmpty ? group : language)
                }
                let clash = language.isEmpty ? labels.keys.lazy.compactMap(check).first : check(language) ?? check("")
                if let clash { clashes.append(clash) }
                if labels[language]?[skeleton] == nil { labels[language, default: [:]][skeleton] = (code, text) }
            }
        }
        return clashes
    }

    /// For each code with invisible characters, a code among `codes` that looks the same, if any.
    static func twins(of invisibleCodes: [String], among codes: [String]) -> [String?] {
        guard !invisibleCodes.isEmpty else { return [] }
        var bySkeleton: [String: String] = [:]
        for code in codes where bySkeleton[Confusables.skeleton(code)] == nil { bySkeleton[Confusables.skeleton(code)] = code }
        return invisibleCodes.map { bySkeleton[Confusables.skeleton($0)] }
    }

    /// Different texts with one skeleton that the ordinary clash check (case and spaces) misses.
    private static func differsOnlyInLooks(_ a: String, _ b: String) -> Bool {
        a != b && TextFolding.fold(a) != TextFolding.fold(b)
    }
}
