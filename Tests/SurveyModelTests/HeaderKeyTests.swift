import Testing
@testable import SurveyModel

/// Headers compare ignoring case, punctuation and spacing; a near miss gets a "did you mean".
@Suite struct HeaderKeyTests {
    @Test(arguments: [
        ("W.Hnd", "w_hnd"),
        ("w_hnd", "w_hnd"),
        ("W Hnd", "w_hnd"),
        ("w-hnd", "w_hnd"),
        ("Location:", "location"),
        ("  LOCATION ", "location"),
        ("Your  Age", "your_age"),
        ("Your age?", "your_age"),
        ("What type of organization do you represent?", "what_type_of_organization_do_you_represent"),
        ("Q1. Age (years)", "q1_age_years"),
        ("Ваш  возраст:", "ваш_возраст"),
        ("Всё ли понятно?", "все_ли_понятно"),
        ("Fiancée", "fiancée"),
        ("_submission_time", "submission_time"),
        ("?!", ""),
        ("", ""),
    ] as [(String, String)])
    func normalized(_ header: String, _ key: String) {
        #expect(HeaderKey.normalized(header) == key)
    }

    @Test func closestIsATypoAway() {
        let candidates = [(key: "w_hnd", name: "w_hnd"), (key: "location", name: "location"), (key: "your_age", name: "age")]
        #expect(HeaderKey.closest(to: "w_hand", in: candidates) == "w_hnd")
        #expect(HeaderKey.closest(to: "locaton", in: candidates) == "location")
        #expect(HeaderKey.closest(to: "your_ages", in: candidates) == "age", "the question's id, found by its text")
        #expect(HeaderKey.closest(to: "interviewer_note", in: candidates) == nil, "not close: no suggestion")
        #expect(HeaderKey.closest(to: "w", in: candidates) == nil)
        #expect(HeaderKey.closest(to: "", in: candidates) == nil)
    }

    @Test func editDistance() {
        let distance = { (a: String, b: String) in HeaderKey.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)) }
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("", "abc") == 3)
        #expect(distance("abc", "") == 3)
        #expect(distance("w_hnd", "w_hnd") == 0)
    }
}
