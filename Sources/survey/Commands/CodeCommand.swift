import ArgumentParser
import Foundation
import SurveyEntry
import SurveyImport
import SurveyModel

/// `survey code QUESTIONNAIRE RESPONSES --question ID [--coder NAME] [--codes FILE]`, and
/// `--agreement A.codes.csv B.codes.csv` to compare two coders.
struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Code the answers to a text question with themes, one answer at a time; or compare two coders.",
        discussion: """
        Shows each non-blank answer with the themes the definition's rules suggest (ticked) and \
        its hand codes. Keys, no Enter needed: Enter accepts the ticked themes and moves on; 1–9, \
        then letters, tick or untick a theme; + adds a new theme (id, then label); - unticks all; \
        s skips, p goes back, q quits, ? lists the keys. With a pipe as input: one key per line \
        (theme keys may share a line: 1 3). \
        Each accepted answer is appended to the codes file (default: NAME.codes.csv beside \
        NAME.csv) in one write and synced to disk, under an exclusive lock on that \
        file; a second session on the same codes file is refused. The next run starts at the first \
        answer this coder has not coded. Hand codes override the rules in stats and reports. \
        --agreement A.codes.csv B.codes.csv (or one file holding two coders): per theme, the \
        answers both coded, agreement % and Cohen's kappa, and overall. See docs/coding.md.
        """
    )

    @Argument(help: "The questionnaire definition (YAML).")
    var questionnaire: String

    @Argument(help: "The responses file (canonical or a raw export, CSV or XLSX).")
    var responses: String

    @Option(help: ArgumentHelp("The text question to code.", valueName: "id"))
    var question: String

    @Option(help: "Who is coding (default: $USER); written in every row.")
    var coder: String?

    @Option(help: ArgumentHelp("The codes file (default: NAME.codes.csv beside NAME.csv).", valueName: "file"))
    var codes: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Compare two coders instead of coding: two codes files, or one holding two coders.", valueName: "codes-file"))
    var agreement: [String] = []

    @Option(help: "Show theme labels in this language where the definition has them (e.g. ru).")
    var lang: String?

    @OptionGroup var input: InputOptions

    func validate() throws {
        if let coder, coder.isEmpty || coder.contains(where: { $0.isNewline || $0 == "," || $0 == "\"" }) {
            throw ValidationError("--coder must be a name without commas, quotes or line breaks, not \"\(coder)\"")
        }
        if agreement.count > 2 {
            throw ValidationError("--agreement compares two coders: give two codes files, or one holding both, not \(agreement.count)")
        }
    }

    /// `responses/x.codes.csv` for `responses/x.csv`: the file `survey stats` and `survey report` find by themselves.
    var codesPath: String { codes ?? ThemeCodes.defaultPath(forResponses: responses) }

    func run() throws {
        let definition: Questionnaire
        do {
            definition = try QuestionnaireLoader.load(path: questionnaire)
        } catch {
            throw SurveyFailure.report(error)
        }
        do {
            let themes = try offeredThemes(definition)
            if !agreement.isEmpty { return try compare(themes: themes) }
            try code(definition, themes: themes)
        } catch let error as EntryError {
            Terminal.error(error.errorDescription ?? "\(error)")
            switch error {
            case .unreadable, .writeFailed: throw SurveyFailure.dataProblems
            default: throw SurveyFailure.usage
            }
        }
    }

    /// The question's themes; refuses a question that is not a text question or has none.
    private func offeredThemes(_ definition: Questionnaire) throws -> [CodingTheme] {
        let texts = definition.questions.filter { $0.kind == .text }.map(\.id)
        guard let found = definition.questions.first(where: { $0.id == question }) else {
            throw EntryError.notATextQuestion(question: question, kind: nil, textQuestions: texts)
        }
        guard found.kind == .text else {
            throw EntryError.notATextQuestion(question: question, kind: found.kind.keyword, textQuestions: texts)
        }
        if let lang, !definition.languages.contains(lang) {
            Terminal.error("--lang \(lang): \(questionnaire) has texts in \(definition.languages.joined(separator: ", ")) only; use one of them.")
            throw SurveyFailure.usage
        }
        let themes = CodingThemes.offered(for: question, in: definition, language: lang)
        guard !themes.isEmpty else { throw EntryError.noThemes(question: question) }
        return themes
    }

    private func code(_ definition: Questionnaire, themes: [CodingTheme]) throws {
        let environment = ProcessInfo.processInfo.environment
        let name = coder ?? environment["USER"] ?? environment["LOGNAME"] ?? "coder"
        // A wrong codes file is refused before the responses are read; none is created before
        // they are read without an error.
        try CodesJournal.check(path: codesPath)
        let read: (answers: [CodingAnswer], summary: ImportSummary)
        do {
            read = try CodingAnswers.read(question: question, questionnaire: definition, file: responses, options: try input.importOptions(),
                                          notify: { Terminal.error("note: \($0)") })
        } catch let error as EntryError {
            throw error
        } catch {
            throw SurveyFailure.report(error)
        }
        if read.summary.rejected > 0 {
            Terminal.error("note: \(ImportCommand.describe(read.summary)) Rejected rows are not shown; run `survey import` to see them.")
        }
        let journal = try CodesJournal(path: codesPath, notify: Terminal.error)
        let desk = try CodingDesk(question: question, answers: read.answers, themes: themes,
                                  suggest: CodingThemes.rules(for: question, in: definition),
                                  journal: journal, coder: name, reservedIDs: Set(definition.themes.map(\.id)).subtracting(themes.map(\.id)),
                                  width: EntryTerminal.width())
        defer { desk.close() }
        guard try CodingTerminal(desk: desk).run() else { throw SurveyFailure.dataProblems }
    }

    /// `--agreement`: the table of two coders' agreement.
    private func compare(themes: [CodingTheme]) throws {
        var sides: [(name: String, codes: [String: [String]])] = []
        var added: [String] = []
        for path in agreement {
            guard let file = try CodesJournal.existing(path: path) else {
                throw EntryError.unreadable(path: path, reason: "no such codes file")
            }
            added += file.addedThemes(question: question).map(\.id)
            let coders = file.coders(question: question)
            if agreement.count == 2 {
                let who = coders.isEmpty ? "nobody" : coders.joined(separator: "+")
                sides.append(("\(who) (\(path))", file.codes(question: question)))
            } else {
                guard coders.count == 2 else {
                    Terminal.error("\(path): error: --agreement with one file needs exactly two coders of \(question) in it; it has \(coders.count)\(coders.isEmpty ? "" : " (\(coders.joined(separator: ", ")))"). Give two codes files instead: --agreement A.codes.csv B.codes.csv")
                    throw SurveyFailure.usage
                }
                for coder in coders { sides.append(("\(coder) (\(path))", file.codes(question: question, coder: coder))) }
            }
        }
        var ids = themes.map(\.id)
        for id in added where !ids.contains(id) { ids.append(id) }
        let result = ThemeAgreement(question: question, themes: ids, first: sides[0].codes, second: sides[1].codes)
        Terminal.output(result.table(first: sides[0].name, second: sides[1].name).joined(separator: "\n") + "\n")
    }
}
