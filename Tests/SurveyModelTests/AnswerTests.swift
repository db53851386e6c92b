import Testing
@testable import SurveyModel

/// The canonical written form of answers, the choice bit set and calendar dates.
@Suite struct AnswerTests {
    @Test func canonicalTextOfEveryKind() throws {
        let q = try Fixture.feedback()
        func text(_ answer: Answer, _ id: String) -> String { answer.canonicalText(for: q.question(id)!) }
        #expect(text(.missing, "org_type") == "")
        #expect(text(.choice(1), "org_type") == "ngo")
        #expect(text(.choices(ChoiceSet([2, 0])), "sessions") == "brainstorm;letter")
        #expect(text(.choices(ChoiceSet([1])), "sessions") == "groups")
        #expect(text(.rating(4), "usefulness") == "4")
        #expect(text(.yesNo(true), "attend_again") == "yes")
        #expect(text(.yesNo(false), "attend_again") == "no")
        #expect(text(.number(34), "age") == "34")
        #expect(text(.number(2.5), "travel_hours") == "2.5")
        #expect(text(.number(0.5), "travel_hours") == "0.5")
        #expect(text(.text("a, \"b\"\nc"), "improve") == "a, \"b\"\nc", "quoting is the writer's job")
        #expect(text(.date(CalendarDate(year: 2013, month: 1, day: 5)!), "visit_date") == "2013-01-05")
    }

    @Test(arguments: [(3.0, "3"), (2.5, "2.5"), (-0.125, "-0.125"), (0, "0"), (-4, "-4"), (1000, "1000"), (0.1, "0.1")] as [(Double, String)])
    func numberFormat(_ value: Double, _ text: String) {
        #expect(Answer.format(value) == text)
    }

    @Test func isAnswered() {
        #expect(!Answer.missing.isAnswered)
        #expect(Answer.text("").isAnswered)
        #expect(Answer.choices(ChoiceSet()).isAnswered)
    }

    @Test func choiceSet() {
        var set = ChoiceSet()
        #expect(set.isEmpty)
        #expect(set.count == 0)
        #expect(Array(set) == [])
        set.insert(5)
        set.insert(0)
        set.insert(5)
        set.insert(63)
        #expect(set.count == 3)
        #expect(!set.isEmpty)
        #expect(set.contains(0) && set.contains(5) && set.contains(63))
        #expect(!set.contains(1))
        #expect(Array(set) == [0, 5, 63])
        #expect(set == ChoiceSet([63, 5, 0]))
        #expect(set.bits == (UInt64(1) << 63 | 1 << 5 | 1))
        #expect(ChoiceSet(bits: 0b1010) == ChoiceSet([1, 3]))
        #expect(ChoiceSet.capacity == 64)
    }

    @Test func calendarDates() {
        #expect(CalendarDate(year: 2013, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2012, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2013, month: 4, day: 31) == nil)
        #expect(CalendarDate(year: 2013, month: 13, day: 1) == nil)
        #expect(CalendarDate(year: 2013, month: 1, day: 0) == nil)
        #expect(CalendarDate(year: 2013, month: 1, day: 25)!.description == "2013-01-25")
        #expect(CalendarDate(year: 2013, month: 1, day: 25)! < CalendarDate(year: 2013, month: 2, day: 1)!)
        #expect(CalendarDate(year: 2012, month: 12, day: 31)! < CalendarDate(year: 2013, month: 1, day: 1)!)
    }

    @Test func textFolding() {
        #expect(TextFolding.fold("  Which sessions were  most\tuseful? ") == "which sessions were most useful?")
        #expect(TextFolding.fold("Всё ЁЖ") == "все еж")
        #expect(TextFolding.fold("a\u{00A0}b") == "a b")
        #expect(TextFolding.fold("") == "")
    }
}
