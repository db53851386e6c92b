@testable import SurveyStatistics
import Testing

/// Comment topics merged across languages by stem (issue 10, key findings).
@Suite struct TopicTallyTests {
    static func tally(_ answers: [String]) -> TopicTally {
        var tally = TopicTally(glossary: .builtIn())
        for answer in answers { tally.add(answer) }
        return tally
    }

    static func topic(_ name: String, in tally: TopicTally) -> TopicCount? {
        tally.counts().first { $0.name == name }
    }

    @Test func timeAndВремениAreOneTopicAndAnAnswerWithBothCountsOnce() throws {
        let tally = Self.tally([
            "More time for discussion",
            "Больше времени на обсуждение",
            "Мало времени на вопросы",
            "Times were short, и времени мало",
            "Send the materials earlier",
        ])
        let time = try #require(Self.topic("time", in: tally))
        #expect(time.answers == 4)
        #expect(time.russianName == "время")
        // One word per stem, with the answers it appears in, most first.
        #expect(time.words.map(\.answers) == [3, 2], "\(time.words)")
        #expect(Set(time.words.map(\.text)) == ["времени", "time"], "\(time.words)")
        let discussion = try #require(Self.topic("discussion", in: tally))
        #expect(discussion.answers == 2)
        #expect(Self.topic("lunch", in: tally) == nil, "topics nobody mentioned are left out")
    }

    @Test func mergeOfTwoHalvesEqualsTheWhole() {
        let answers = ["More time for discussion", "Больше времени на обсуждение", "Group work", "Работа в группах", "time", "Время"]
        var first = Self.tally(Array(answers.prefix(3)))
        first.merge(Self.tally(Array(answers.dropFirst(3))))
        #expect(first.counts() == Self.tally(answers).counts())
    }

    @Test func glossaryTopicsNeverShareAStem() {
        let glossary = TopicGlossary.builtIn()
        var stemmers = AnswerStemmers()
        for (index, topic) in glossary.topics.enumerated() {
            for word in topic.words {
                #expect(glossary.topic(ofStem: stemmers.stem(word)) == index, "\(word) belongs to \(topic.name)")
            }
        }
    }
}
