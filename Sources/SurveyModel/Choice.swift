/// One answer option of a choice question: the code stored in data and the label people read.
public struct Choice: Sendable, Hashable {
    /// The code written in canonical response files, exactly as in the definition.
    public var code: String
    /// The label shown in forms and reports.
    public var label: LocalizedText

    public init(code: String, label: LocalizedText) {
        self.code = code
        self.label = label
    }
}
