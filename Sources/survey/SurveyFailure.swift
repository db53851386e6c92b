import ArgumentParser
import SurveyImport
import SurveyModel
import SurveyReport
import SurveyStatistics
import SurveyXLSForm

/// Prints library errors the way people read them and picks the documented exit code.
enum SurveyFailure {
    /// Exit code 1: the data has problems.
    static let dataProblems = ExitCode(1)
    /// Exit code 2: the definition or the command line is wrong.
    static let usage = ExitCode(2)

    /// Reports `error` on stderr and returns the exit code to end with.
    static func report(_ error: Error) -> ExitCode {
        switch error {
        case let error as DefinitionError:
            Terminal.error(error.errorDescription ?? "\(error)")
            if case .invalid(let problems) = error, problems.count > 1 {
                Terminal.error("\(problems.count) problems in the definition.")
            }
            return usage
        case let error as ImportError:
            Terminal.error(error.errorDescription ?? "\(error)")
            return error.isUsageError ? usage : dataProblems
        case let error as ReportError:
            Terminal.error(error.errorDescription ?? "\(error)")
            return error.isUsageError ? usage : dataProblems
        case let error as StatisticsError:
            Terminal.error(error.errorDescription ?? "\(error)")
            return error.isUsageError ? usage : dataProblems
        case let error as XLSFormError:
            Terminal.error(error.errorDescription ?? "\(error)")
            return error.isDefinitionError ? usage : dataProblems
        case let error as ValidationError:
            Terminal.error("error: \(error.message)")
            return usage
        case let error as ExitCode:
            return error
        default:
            Terminal.error("error: \(error)")
            return dataProblems
        }
    }
}
