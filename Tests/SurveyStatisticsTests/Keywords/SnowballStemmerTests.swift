import Testing
@testable import SurveyStatistics

@Suite struct SnowballStemmerTests {
    @Test(arguments: SnowballStemmer.Algorithm.allCases)
    func stemsAgreeWithPythonSnowball(_ algorithm: SnowballStemmer.Algorithm) throws {
        let expected = try #require(try Fixture.expectedStems()[algorithm.rawValue])
        #expect(expected.count >= 20)
        let stemmer = try SnowballStemmer(algorithm)
        for (word, stem) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(stemmer.stem(word) == stem, "\(algorithm) stem of \(word)")
        }
    }

    @Test func inflectedFormsShareAStem() throws {
        let russian = try SnowballStemmer(.russian)
        #expect(Set(["миграция", "миграции", "миграцию", "миграцией"].map(russian.stem)) == ["миграц"])
        let english = try SnowballStemmer(.english)
        #expect(Set(["discussions", "discussion", "discussed"].map(english.stem)) == ["discuss"])
    }

    @Test func emptyWordStaysEmpty() throws {
        #expect(try SnowballStemmer(.english).stem("") == "")
    }

    @Test func wordsOfTheOtherAlphabetPassThrough() throws {
        #expect(try SnowballStemmer(.russian).stem("workshops") == "workshops")
        #expect(try SnowballStemmer(.english).stem("миграции") == "миграции")
    }

    @Test func oneStemmerServesManyWordsInARow() throws {
        // libstemmer reuses one result buffer; each result must be copied out before the next call.
        let stemmer = try SnowballStemmer(.english)
        let stems = ["discussions", "a", "migrations", "sessions"].map(stemmer.stem)
        #expect(stems == ["discuss", "a", "migrat", "session"])
    }
}
