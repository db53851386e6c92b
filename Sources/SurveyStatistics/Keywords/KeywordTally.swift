/// What `KeywordCounter` keeps for one stem (or stem pair): enough to rank it and to name it.
struct KeywordTally: Equatable, Sendable {
    var answers = 0
    var occurrences = 0
    /// Occurrences of each way the stem was written ("миграция": 2, "миграции": 1).
    var surfaceForms: [String: Int] = [:]

    mutating func count(_ surface: String, firstInAnswer: Bool) {
        occurrences += 1
        surfaceForms[surface, default: 0] += 1
        if firstInAnswer { answers += 1 }
    }

    mutating func merge(_ other: KeywordTally) {
        answers += other.answers
        occurrences += other.occurrences
        surfaceForms.merge(other.surfaceForms, uniquingKeysWith: +)
    }

    /// The most frequent surface form; ties go to the alphabetically first.
    var keyword: Keyword {
        let text = surfaceForms.min { a, b in
            a.value != b.value ? a.value > b.value : a.key < b.key
        }?.key ?? ""
        return Keyword(text, answers: answers, occurrences: occurrences)
    }
}
