import Foundation
import Testing

/// Issue 13: respondent ids are kept as 64-bit keys, long ones as a hash; ids that share a hash
/// are told apart by their bytes. `SURVEY_TEST_ID_HASH_BITS=0` gives every long id the same
/// hash, so every row below collides with every other.
@Suite struct RespondentIDExactnessTests {
    static let header = "respondent,submitted_at,org_type,role,sessions,usefulness,attend_again,age,travel_hours,improve,why_not_useful,visit_date\n"

    /// 40 UUID-like ids, all different, then the third one again.
    static func responses() -> String {
        let ids = (1...40).map { "3f2a9c1e-0000-4000-8000-\(String(format: "%012d", $0))" }
        let rows = ids.map { "\($0),,ngo,specialist,groups;letter,5,yes,34,2.5,\"More time for discussion, please.\",,2013-01-25\n" }
        return header + rows.joined() + "\(ids[2]),,gov,head,brainstorm,4,yes,45,1,Again,,2013-01-25\n"
    }

    @Test(arguments: [
        ["SURVEY_TEST_ID_HASH_BITS": "0"],
        ["SURVEY_TEST_ID_HASH_BITS": "0", "SURVEY_TEST_PART_BYTES": "200"],
    ])
    func idsSharingAHashAreStillTwoRespondents(_ environment: [String: String]) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let input = try dir.write("input.csv", Self.responses())
        var outputs: [[String]] = []
        for jobs in ["1", "2"] {
            let into = "into-\(jobs).csv"
            let result = try dir.run(["import", Fixture.feedback, input, "--into", into, "--jobs", jobs], environment: environment)
            #expect(result.stderr.contains("Read 41 rows: 40 accepted, 1 rejected."), "\(result)")
            let rejects = dir.text("into-\(jobs).rejects.csv") ?? ""
            #expect(rejects.contains("duplicate respondent id `3f2a9c1e-0000-4000-8000-000000000003` (first seen at input.csv:4)"), "\(rejects)")
            outputs.append([dir.text(into) ?? "", rejects, result.stderr.replacingOccurrences(of: "into-\(jobs)", with: "INTO")])
            let stats = try dir.run(["stats", Fixture.feedback, input, "--format", "json", "--jobs", jobs], environment: environment)
            #expect(stats.stdout.contains("\"accepted\" : 40"), "\(stats)")
        }
        #expect(outputs[0] == outputs[1], "--jobs 1 and --jobs 2 write the same")
        #expect(outputs[0][0].split(separator: "\n").count == 41, "the header and 40 respondents")
    }
}
