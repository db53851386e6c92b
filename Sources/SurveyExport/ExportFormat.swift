/// The file formats `survey export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// SPSS system file (read by SPSS, GNU PSPP, R's haven, pandas), with an `.sps` beside it.
    case sav
    /// Stata 14+ data file (format 118, UTF-8), declared missing codes as `.a`, `.b`, ….
    case dta
    /// Plain UTF-8 CSV in the same layout, with an `.sps` beside it that reads it with its labels.
    case csv

    /// Longest variable name: 64 bytes in SPSS, 32 characters in Stata (the CSV follows SPSS,
    /// whose syntax file reads it).
    var nameLimit: Int { self == .dta ? 32 : 64 }
    /// Longest variable label, in bytes: SPSS keeps 255; Stata 80 characters (≤ 320 bytes).
    var variableLabelLimit: (bytes: Int, characters: Int) { self == .dta ? (320, 80) : (255, .max) }
    /// Longest value label, in bytes: SPSS keeps 120; Stata 32,000.
    var valueLabelLimit: Int { self == .dta ? 32_000 : 120 }
    /// Whether the format gets an SPSS syntax file beside it.
    var hasSyntaxFile: Bool { self != .dta }
}
