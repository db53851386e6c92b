// libyaml's event parser, which Yams is built on. Yams keeps its own event loop private, so this
// file, and only this file, reads the events itself.
private import CYaml

/// A pass over the YAML events before Yams composes the document, refusing definitions whose
/// aliases expand beyond `DefinitionLimits.aliasExpansion` values.
///
/// Anchors (`&choices`) and aliases (`*choices`) let a definition reuse a choice list, and Yams
/// shares the aliased node rather than copying it, so memory is no problem; but it hashes and
/// compares whole nodes when it checks a mapping's keys for duplicates, so a 500-byte file of
/// nested aliases used as keys ("billion laughs") makes it walk 9⁹ values and never finish.
/// Counting each alias as the full size of what it repeats, before anything is composed, bounds
/// all later work on the document by its length plus the budget. The pass is one linear scan of
/// the text; a syntax error ends it quietly, and Yams then reports the error with its position.
enum YAMLAliasBudget {
    /// Where the budget ran out, and how much the alias there repeats.
    struct Exceeded: Error {
        var line: Int
        var column: Int
        var alias: String
        var aliasSize: Int
    }

    /// Throws `Exceeded` at the first alias that takes the expanded size past `budget`.
    static func check(_ yaml: String, budget: Int = DefinitionLimits.aliasExpansion) throws(Exceeded) {
        var text = yaml
        let outcome: Exceeded? = text.withUTF8 { bytes in
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return nil }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
            var counter = Counter(budget: budget)
            var event = yaml_event_t()
            while yaml_parser_parse(parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                if let exceeded = counter.take(event) { return exceeded }
                if event.type == YAML_STREAM_END_EVENT { break }
            }
            return nil
        }
        if let outcome { throw outcome }
    }

    /// Sizes of the open collections and of every anchored node, in values (scalars and
    /// collections), with aliases counted as the size of their anchor's node.
    private struct Counter {
        let budget: Int
        var open: [(anchor: String?, size: Int)] = []
        var anchorSizes: [String: Int] = [:]
        var expanded = 0

        init(budget: Int) {
            self.budget = budget
        }

        mutating func take(_ event: yaml_event_t) -> Exceeded? {
            switch event.type {
            case YAML_SCALAR_EVENT:
                if let anchor = Self.text(event.data.scalar.anchor) { anchorSizes[anchor] = 1 }
                add(1)
            case YAML_SEQUENCE_START_EVENT:
                open.append((Self.text(event.data.sequence_start.anchor), 1))
            case YAML_MAPPING_START_EVENT:
                open.append((Self.text(event.data.mapping_start.anchor), 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return nil }
                if let anchor = closed.anchor { anchorSizes[anchor] = closed.size }
                add(closed.size)
            case YAML_ALIAS_EVENT:
                let name = Self.text(event.data.alias.anchor) ?? ""
                // An undefined alias is Yams' to report.
                let size = anchorSizes[name] ?? 1
                expanded = Self.sum(expanded, size)
                if expanded > budget {
                    return Exceeded(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1, alias: name, aliasSize: size)
                }
                add(size)
            default:
                break
            }
            return nil
        }

        private mutating func add(_ size: Int) {
            guard !open.isEmpty else { return }
            open[open.count - 1].size = Self.sum(open[open.count - 1].size, size)
        }

        /// Sizes grow exponentially with nested aliases: stop counting at a value no budget reaches.
        private static func sum(_ a: Int, _ b: Int) -> Int {
            let (total, overflow) = a.addingReportingOverflow(b)
            return overflow ? Int.max / 2 : Swift.min(total, Int.max / 2)
        }

        private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafePointer($0)) }
        }
    }
}
