import Foundation
import Yams

/// The events file of `survey compare --events FILE`: one entry per event of a series that used
/// the same questionnaire, with its name, date, number of participants and responses file(s).
///
/// ```yaml
/// events:
///   - name: Kashkasuu 2013-01
///     date: 2013-01-25
///     participants: 38
///     responses: responses/kashkasuu.csv     # or a list of files; relative to this file
/// ```
/// Scalars stay strings (YAML's basic resolver), as in the definition; every problem is
/// reported with its line and column.
public struct EventList: Sendable, Hashable {
    /// One event of the file.
    public struct Entry: Sendable, Hashable {
        public var name: String
        /// As written (`2013-01-25`, `2013-01`).
        public var date: String?
        public var participants: Int?
        /// The responses files, resolved against the events file's folder.
        public var responses: [String]
        /// Where the entry starts.
        public var location: SourceLocation

        public init(name: String, date: String?, participants: Int?, responses: [String], location: SourceLocation) {
            self.name = name
            self.date = date
            self.participants = participants
            self.responses = responses
            self.location = location
        }
    }

    public var events: [Entry]

    /// Reads and checks the events file at `path`.
    public static func load(path: String) throws(DefinitionError) -> EventList {
        let text = try QuestionnaireLoader.text(path: path)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch {
            throw DefinitionError.syntax(SourceLocation(file: path, line: 1, column: 1), problem: "not YAML: \(error)")
        }
        // Kept relative when the events file is, so messages name files as the user wrote them.
        let folder = ParentFolder.of(path)
        var problems: [DefinitionProblem] = []
        func problem(_ node: Node?, _ message: String) {
            problems.append(DefinitionProblem(location: location(node, path), questionID: nil, message: message))
        }
        var list: Node.Sequence?
        if let sequence = root?.sequence {
            list = sequence
        } else if let mapping = root?.mapping, let events = mapping["events"] {
            list = events.sequence
            if list == nil { problem(events, "`events` must be a list of events (- name: …, responses: …)") }
        } else {
            problem(root, "an events file is a list `events:` of entries with name, date, participants and responses")
        }
        var events: [Entry] = []
        for item in list ?? Node.Sequence([]) {
            guard let map = item.mapping else {
                problem(item, "each event is a mapping with name, date, participants and responses")
                continue
            }
            for (key, _) in map where !["name", "date", "participants", "responses"].contains(key.string ?? "") {
                problem(key, "unknown key `\(key.string ?? "")` in an event; the keys are name, date, participants and responses")
            }
            guard let name = map["name"]?.string?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
                problem(map["name"] ?? item, "an event needs a `name`")
                continue
            }
            var entry = Entry(name: name, date: map["date"]?.string, participants: nil, responses: [], location: location(item, path))
            // Events are put in date order by comparing the texts, which only ISO dates allow.
            if let node = map["date"], !isISODate(node.string ?? "") {
                problem(node, "`date` of event \"\(name)\" must be written yyyy-mm-dd or yyyy-mm (2013-01-25), not `\(node.string ?? "a list")`")
            }
            if let node = map["participants"] {
                if let text = node.string, let count = Int(text), count > 0 {
                    entry.participants = count
                } else {
                    problem(node, "`participants` of event \"\(name)\" must be a whole number above 0 (how many people took part), not `\(node.string ?? "a list")`")
                }
            }
            let files: [Node] = map["responses"].map { $0.sequence.map(Array.init) ?? [$0] } ?? []
            for file in files {
                guard let text = file.string, !text.isEmpty else {
                    problem(file, "`responses` of event \"\(name)\" must be a file name or a list of file names")
                    continue
                }
                entry.responses.append(text.hasPrefix("/") || folder.isEmpty ? text : folder + "/" + text)
            }
            if files.isEmpty { problem(item, "event \"\(name)\" needs `responses`: its responses file") }
            events.append(entry)
        }
        guard problems.isEmpty else { throw DefinitionError.invalid(problems) }
        return EventList(events: events)
    }

    /// `2013-01-25` or `2013-01`.
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let month = Int(parts[1]), (1...12).contains(month) else { return false }
        return parts.count == 2 || (1...31).contains(Int(parts[2]) ?? 0)
    }

    private static func location(_ node: Node?, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
    }
}
