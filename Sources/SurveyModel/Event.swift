/// The event a questionnaire was handed out at; it heads the report and gives the response rate.
public struct Event: Sendable, Hashable {
    /// A short name for the event (`kashkasuu-2013`) that every CSV of its report carries in
    /// `event_id`, so files of several events can be told apart and stacked; reports use the
    /// questionnaire file's name when the definition gives none.
    public var id: String?
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
