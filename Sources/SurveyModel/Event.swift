/// The event a questionnaire was handed out at; it heads the report and gives the response rate.
public struct Event: Sendable, Hashable {
    /// The event's name.
    public var name: LocalizedText?
    /// The date as written in the definition (usually ISO `yyyy-mm-dd`).
    public var date: String?
    /// Where it took place.
    public var place: LocalizedText?
    /// How many people took part: the denominator of the response rate.
    public var participants: Int?

    public init(name: LocalizedText? = nil, date: String? = nil, place: LocalizedText? = nil, participants: Int? = nil) {
        self.name = name
        self.date = date
        self.place = place
        self.participants = participants
    }
}
