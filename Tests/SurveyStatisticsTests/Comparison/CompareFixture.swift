import Foundation

/// The figures `Tests/Fixtures/compare/make-compare-fixtures.py` computed with scipy for the
/// comparison fixtures (issue 15).
struct CompareExpected: Decodable {
    struct Rating: Decodable {
        let counts: [Int]
        let n: Int
        let top2: Double
        let top2_ci: [Double]
        let mean: Double
        let sd: Double
        let mean_ci: [Double]
    }

    struct Event: Decodable {
        let name: String
        let date: String
        let participants: Int
        let responses: Int
        let usefulness: Rating
        let org_type: [Int]
        let attend_again: [Int]
        let sessions: [Int]
        let improve_time: Int
        let improve_materials: Int
        let improve_answered: Int
    }

    struct Pair: Decodable {
        struct MannWhitney: Decodable { let u: Double; let p: Double }
        struct Chi: Decodable { let chi_square: Double; let df: Int; let p: Double }
        struct Yes: Decodable { let sparse: Bool; let p: Double; let method: String }
        let mann_whitney: MannWhitney
        let org_type: Chi
        let attend_again: Yes
    }

    struct MannWhitneyCase: Decodable {
        let first: [Int]
        let second: [Int]
        let u: Double
        let p: Double
    }

    struct TQuantile: Decodable {
        let df: Int
        let p: Double
        let t: Double
    }

    let events: [Event]
    let pairs: [String: Pair]
    let mann_whitney_cases: [MannWhitneyCase]
    let t_quantiles: [TQuantile]

    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/compare")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func load() throws -> CompareExpected {
        try JSONDecoder().decode(CompareExpected.self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
    }
}
